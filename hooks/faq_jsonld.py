"""Give each FAQ page schema.org FAQPage JSON-LD (rendered by overrides/main.html)."""

from __future__ import annotations

import posixpath
from typing import Any

from faqlib import setup
from faqlib.jsonld import faq_page, script_json
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The page's questions are known and its template is next: add the JSON-LD text."""
    record = setup.site_state(config).current().pages.get(page.url)
    if record is None or not record.questions:
        return context
    # Absolute with a site_url; else relative to the page itself.
    url = config.site_url.rstrip("/") + "/" + page.url if config.site_url else posixpath.basename(page.url)
    context["faq_jsonld"] = script_json(faq_page(record.questions, url))
    return context
