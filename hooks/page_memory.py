"""Let go of each page's HTML once it is written.

MkDocs keeps every page's rendered content until the build ends, and
static-i18n builds each further language while the pages of the last one are
still held: at 100,000 questions per language, hundreds of MB of HTML that
nothing reads again. Nothing after on_post_page reads `page.content`: our
on_post_build hooks use what faq_model collected while the pages rendered.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


# After every other on_post_page handler: they may still read the content.
@event_priority(-1000)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML is final here (*output* is what MkDocs writes next)."""
    page.content = None
    return output
