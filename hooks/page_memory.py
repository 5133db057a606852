"""Hold no more than one page's HTML at a time (faqlib/pagehtml.py says why).

Each page's HTML goes to a file of the build's temporary folder once it is
converted, comes back just before the page is rendered into its template,
and is let go once the page is written. The folder is removed when the whole
build is done (a failed build's, by Python when the process ends:
tempfile.TemporaryDirectory).
"""

from __future__ import annotations

from typing import Any

from faqlib import setup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


# After every other on_page_content handler (faq_model reads the questions
# there): what they return is the page's final converted HTML.
@event_priority(-1000)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is converted; it is written only after every other page is."""
    setup.site_state(config).pages.put(page.url, html)
    return ""


# Before every other on_page_context handler (Material's search reads the content).
@event_priority(1000)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The page is rendered into its template next: its HTML comes back."""
    html = setup.site_state(config).pages.take(page.url)
    if html is not None:
        page.content = html
    return context


# After every other on_post_page handler: they may still read the content.
@event_priority(-1000)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML is final here (*output* is what MkDocs writes next)."""
    page.content = None
    return output


# After faq_model (-1000) has left this language's build: the default
# language's on_post_build is the last event of the whole build (static-i18n
# builds the other languages inside it, at -100).
@event_priority(-1100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Every language is written: remove the folder."""
    state = setup.site_state(config)
    if not state.building:
        state.pages.close()
