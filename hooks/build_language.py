"""Track which language mkdocs-static-i18n is building (see faqlib/build.py)."""

from __future__ import annotations

import logging
from typing import Any

from faqlib import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.build_language")


def language_of(config: MkDocsConfig) -> build.Language:
    """The language of this build, from static-i18n's settings."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml: the FAQ hooks need the 'i18n' plugin (mkdocs-static-i18n)")
    code = config.theme.get("language")
    for lang in i18n.config.languages:
        if lang.locale == code:
            root = "" if lang.default else lang.link.strip("/") + "/"
            return build.Language(code, root, bool(lang.default))
    raise PluginError(f"mkdocs.yml: theme language '{code}' is not one of the i18n languages")


# First of all pre_build handlers: every other hook asks which language this is.
@event_priority(100)
def on_pre_build(*, config: MkDocsConfig) -> None:
    """Enter this language's build (static-i18n has just set theme.language)."""
    build.push(language_of(config))


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Give templates the language root, for links within one language."""
    context["faq_lang_root"] = build.current().root or "./"
    return context


# Last of all post_build handlers: static-i18n (-100) builds the other
# languages inside this event, and hooks at -200 still belong to this build.
@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Leave this language's build."""
    build.pop()


def on_build_error(*, error: Exception) -> None:
    """Forget unfinished builds so that `mkdocs serve` starts clean next time."""
    build.clear()
