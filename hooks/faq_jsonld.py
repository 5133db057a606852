"""Give each FAQ page schema.org FAQPage JSON-LD (rendered by overrides/main.html)."""

from __future__ import annotations

import posixpath
from typing import Any

from faqlib import build, store
from faqlib.jsonld import faq_page, script_json
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The page is rendered and its questions collected: add the JSON-LD text."""
    questions = store.for_language(build.current().code).pages.get(page.url)
    if not questions:
        return context
    # Absolute with a site_url; else relative to the page itself.
    url = config.site_url.rstrip("/") + "/" + page.url if config.site_url else posixpath.basename(page.url)
    context["faq_jsonld"] = script_json(faq_page(questions, url))
    return context
