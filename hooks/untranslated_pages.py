"""A page missing in a language: show the default-language page with a notice, and warn.

mkdocs-static-i18n (fallback_to_default) already builds the default-language
page in its place; this hook makes that visible to readers (a notice, rendered
by overrides/main.html) and to authors (a warning, so --strict fails), unless
the page is listed under extra.untranslated_ok in mkdocs.yml.
"""

from __future__ import annotations

import logging
from typing import Any

from faqlib import setup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.untranslated_pages")


def translation_name(src: str, lang: str) -> str:
    """'a/page.md' -> 'a/page.en.md'."""
    return f"{src[: -len('.md')]}.{lang}.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The page is about to be rendered: is it this language's, or a fallback?"""
    language = setup.site_state(config).current()
    record = language.pages.get(page.url)
    if language.default or record is None or record.lang == language.code:
        return context
    context["faq_untranslated"] = True
    src = page.file.src_uri
    if src not in (config.extra.get("untranslated_ok") or []):
        setup.site_state(config).report(
            log,
            f"{src}: no '{language.code}' translation ({translation_name(src, language.code)} is missing); "
            f"the '{language.code}' site shows the '{record.lang}' page with a notice. Translate it, or list "
            f"'{src}' under extra.untranslated_ok in mkdocs.yml to allow this on purpose"
        )
    return context
