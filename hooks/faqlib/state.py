"""What one `mkdocs build` knows about the FAQ, kept on its config, by language.

static-i18n builds every language on one config object, the others from
inside the default language's on_post_build; so state lives in one object per
config (never in a module), and within it per language, with a stack of the
languages whose builds are running.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import logging
from typing import Any

from .extract import QuestionExtension
from .model import Problem, Question
from .pagehtml import PageStore

#: The key under which a config holds its SiteState.
KEY = "faq_site_state"


@dataclass
class PageRecord:
    """One rendered page of one language's site and its questions."""

    src: str  # the file as written: 'feature_advice.en.md'
    base: str  # the page in every language: 'feature_advice.md'
    lang: str  # the language its text is written in (a fallback page's differs)
    url: str  # from the site root: 'en/feature_advice.html'
    title: str
    questions: tuple[Question, ...] = ()
    problems: tuple[Problem, ...] = ()
    offset: int = 0  # lines of front matter before the markdown
    element_ids: frozenset[str] = frozenset()  # every id on the rendered page


@dataclass
class LanguageState:
    """One language's site: where it is written and what its pages hold."""

    code: str
    default: bool
    root: str = ""  # folder of its pages under site_dir: '' or 'en/'
    pages: dict[str, PageRecord] = field(default_factory=dict)  # by url
    page_order: list[str] = field(default_factory=list)
    #: Question id -> the ids of its related questions (hooks/related_questions.py).
    related: dict[str, list[str]] = field(default_factory=dict)
    #: Sources that could not be read (not UTF-8): said once, at their own line.
    unreadable: list[str] = field(default_factory=list)

    def in_order(self) -> list[PageRecord]:
        """Pages with questions: nav pages in nav order, then the rest by url."""
        order = [u for u in self.page_order if u in self.pages]
        order += sorted(u for u in self.pages if u not in order)
        return [self.pages[u] for u in order if self.pages[u].questions]

    def rows(self) -> list[tuple[str, Question]]:
        """(page url relative to the language root, question) in reading order."""
        return [(self.in_root(page.url), q) for page in self.in_order() for q in page.questions]

    def page(self, base: str) -> PageRecord | None:
        """The page *base* ('feature_advice.md') of this language's site."""
        return next((p for p in self.pages.values() if p.base == base), None)

    def in_root(self, url: str) -> str:
        """A site-root-relative url made relative to this language's root."""
        return url[len(self.root):] if self.root and url.startswith(self.root) else url


@dataclass
class SiteState:
    """Everything the FAQ hooks share during one build of all languages."""

    extension: QuestionExtension
    languages: dict[str, LanguageState] = field(default_factory=dict)
    building: list[str] = field(default_factory=list)
    #: Work started in one event and finished in a later one, by (task, language).
    pending: dict[tuple[str, str], Any] = field(default_factory=dict)
    #: Pages' HTML between their conversion and their writing (hooks/page_memory.py).
    pages: PageStore = field(default_factory=PageStore)
    #: The author mistakes reported in this build of every language, as said.
    mistakes: list[str] = field(default_factory=list)

    def report(self, log: logging.Logger, message: str) -> None:
        """Say an author's mistake (a warning: --strict stops the build) and keep it,
        for the strict build that logging cannot stop (setup.stop_unheard_mistakes)."""
        self.mistakes.append(message)
        log.warning(message)

    def begin(self, code: str, default: bool) -> LanguageState:
        """Enter the build of *code*: its record starts afresh (also on every serve rebuild)."""
        self.building.append(code)
        self.languages[code] = LanguageState(code, default)
        return self.languages[code]

    def end(self) -> None:
        """Leave the innermost build."""
        if self.building:
            self.building.pop()

    @property
    def incomplete(self) -> bool:
        """A source could not be read: checks of the whole site would only
        repeat that (every id of the page 'missing'), so they stay quiet."""
        return any(language.unreadable for language in self.languages.values())

    def unread_sources(self) -> set[str]:
        """Sources already found unreadable (by an earlier language's build)."""
        return {src for language in self.languages.values() for src in language.unreadable}

    def current(self) -> LanguageState:
        """The language whose build is running."""
        if not self.building:
            raise RuntimeError("no FAQ build is running")
        return self.languages[self.building[-1]]
