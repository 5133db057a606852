"""Which language is being built right now.

mkdocs-static-i18n builds the default language, and from inside that build's
on_post_build it builds every other language on the same config. Builds nest,
so the current language is a stack: pushed on pre_build, popped at the very end
of post_build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A language of the site and the folder its pages live in ('' or 'en/')."""

    code: str
    root: str
    default: bool


_stack: list[Language] = []


def push(language: Language) -> None:
    """Enter the build of *language*."""
    _stack.append(language)


def pop() -> None:
    """Leave the innermost build."""
    if _stack:
        _stack.pop()


def clear() -> None:
    """Forget all builds (after an error aborted them)."""
    _stack.clear()


def current() -> Language:
    """The language whose build is running."""
    if not _stack:
        raise RuntimeError("no FAQ build is running: hooks/build_language.py must be the first hook")
    return _stack[-1]


def in_root(language: Language, url: str) -> str:
    """A site-root-relative page url made relative to the language root."""
    return url[len(language.root):] if language.root and url.startswith(language.root) else url
