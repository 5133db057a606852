"""Collect every page's questions as rendered, per language (faqlib/store.py).

faq_jsonld, faq_data, short_links and search_index all read what this collects.
"""

from __future__ import annotations

from faqlib import build, store
from faqlib.extract import QuestionExtension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

EXTENSION = QuestionExtension()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Register the question treeprocessor once (on_config runs per language)."""
    if not any(ext is EXTENSION for ext in config.markdown_extensions):
        config.markdown_extensions.append(EXTENSION)
    return config


# After build_language (100) has said which language this is.
@event_priority(50)
def on_pre_build(*, config: MkDocsConfig) -> None:
    """Start this language's record from scratch (also on every serve rebuild)."""
    store.reset(build.current().code)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember the reading order of pages, for faq.json and the search index."""
    store.for_language(build.current().code).page_order = [page.url for page in nav.pages]
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep the questions the treeprocessor found while rendering this page."""
    questions = EXTENSION.take()
    if questions:
        store.for_language(build.current().code).pages[page.url] = questions
    return html
