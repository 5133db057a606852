"""Questions found during a build, kept per language (static-i18n builds each
language in turn on one config, so nothing may leak from one into the other)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract import Question


@dataclass
class LanguageQuestions:
    """The questions of one language's site, by page, in reading (nav) order."""

    page_order: list[str] = field(default_factory=list)
    pages: dict[str, list[Question]] = field(default_factory=dict)

    def in_order(self) -> list[tuple[str, Question]]:
        """(page url, question) pairs: nav pages first in nav order, then the rest."""
        order = [u for u in self.page_order if u in self.pages]
        order += sorted(u for u in self.pages if u not in order)
        return [(url, q) for url in order for q in self.pages[url]]


_BY_LANGUAGE: dict[str, LanguageQuestions] = {}


def reset(lang: str) -> LanguageQuestions:
    """Start a fresh record for *lang* (called when its build starts)."""
    _BY_LANGUAGE[lang] = LanguageQuestions()
    return _BY_LANGUAGE[lang]


def for_language(lang: str) -> LanguageQuestions:
    """The record of *lang* (empty if its build has not collected anything)."""
    return _BY_LANGUAGE.setdefault(lang, LanguageQuestions())
