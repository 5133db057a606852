"""What one `mkdocs build` knows about the FAQ, kept on its config, by language.

static-i18n builds every language on one config object, the others from
inside the default language's on_post_build; so state lives in one object per
config (never in a module), and within it one LanguageState per language (the
build object faqlib/build.py's stages fill in order), with a stack of the
languages whose builds are running.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import logging
from typing import TYPE_CHECKING

from .background import Task
from .extract import QuestionExtension
from .idlock import Lock
from .model import Problem, Question
from .search import Row

if TYPE_CHECKING:
    from mkdocs.structure.files import File

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
    """One language's build: where it is written and what its pages hold.

    Each field is filled by one stage of faqlib/build.py (named here) and read
    by the later ones; nothing else is handed from one event to the next."""

    code: str
    default: bool
    #: read: folder of its pages under site_dir: '' or 'en/'.
    root: str = ""
    #: read: sources that could not be read (not UTF-8): said once, at their own line.
    unreadable: list[str] = field(default_factory=list)
    #: read: the lock (docs/ids.yml), None without one, and its mistakes (said at checks).
    lock: Lock | None = None
    lock_problems: list[Problem] = field(default_factory=list)
    #: read: q/<id>.html files this build added to MkDocs' files, by id (pruned at page_html).
    short_link_files: dict[str, File] = field(default_factory=dict)
    #: order: page urls in nav order.
    page_order: list[str] = field(default_factory=list)
    #: questions: every converted page, by url ('en/feature_advice.html').
    pages: dict[str, PageRecord] = field(default_factory=dict)
    #: questions: urls of pages whose HTML holds a '<!-- faq:… -->' marker.
    marked: set[str] = field(default_factory=set)
    #: questions: each page's HTML, zlib-compressed, by url, until page_context puts it back.
    parked: dict[str, bytes] = field(default_factory=dict)
    #: page_html: the search rows of this language, and their analysis (maybe in another process).
    search_rows: list[Row] = field(default_factory=list)
    analysis: Task | None = None
    #: page_html: question id -> the ids of its related questions.
    related: dict[str, list[str]] = field(default_factory=dict)

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
    """Everything the FAQ build shares during one build of all languages."""

    extension: QuestionExtension
    languages: dict[str, LanguageState] = field(default_factory=dict)
    building: list[str] = field(default_factory=list)
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
