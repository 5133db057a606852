"""The FAQ build's one MkDocs hook: each handler hands one event to the pipeline.

faqlib/build.py holds the stages, in the order these handlers call them; this
file only says which MkDocs event runs which stage. The two orders that
static-i18n forces (it builds the other languages inside the default
language's on_post_build) are named, with their reasons, in
faqlib/upstream/static_i18n.py; every other handler runs at MkDocs' default
priority, except the three around a page's HTML (faqlib/build.py, Memory):
it is parked after every other on_page_content handler has changed it, back
on the page before every other on_page_context handler reads it, and let go
after every on_post_page handler.
"""

from __future__ import annotations

from typing import Any

from faqlib import build, setup
from faqlib.upstream import static_i18n
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

#: After every other handler of the event (on_page_content: what they return
#: is the page's final HTML, which is parked; on_post_page: they may still
#: read page.content).
LAST = -1000
#: Before every other on_page_context handler: they see the page's HTML.
FIRST = 1000


def on_startup(*, command: str, dirty: bool) -> None:
    """Refuse --dirty (setup.DIRTY says why) before anything is built."""
    setup.refuse_dirty(dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the configuration and register the question reader, before anything is read."""
    setup.site_state(config)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    build.begin(setup.site_state(config), config)


@event_priority(static_i18n.AFTER_ITS_FILES)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = setup.site_state(config)
    return build.read(state, state.current(), files, config)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build.order(setup.site_state(config).current(), nav)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build.exclude(page)
    return markdown


@event_priority(LAST)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = setup.site_state(config)
    build.questions(state, state.current(), page, html, config)
    return ""  # parked until on_page_context


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    state = setup.site_state(config)
    build.checks(state, state.current(), config)
    build.page_html(state, state.current(), files, config)
    return env


@event_priority(FIRST)
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    state = setup.site_state(config)
    return build.page_context(state, state.current(), context, page, config)


@event_priority(LAST)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build.release(page)
    return output


@event_priority(static_i18n.BEFORE_OTHER_LANGUAGES)
def _language_done(*, config: MkDocsConfig) -> None:
    build.outputs(setup.site_state(config).current(), config)


@event_priority(static_i18n.AFTER_OTHER_LANGUAGES)
def _all_done(*, config: MkDocsConfig) -> None:
    state = setup.site_state(config)
    if len(state.building) == 1:  # the outermost build: every language is built
        build.site_outputs(state, config)
    build.end(state, config)


on_post_build = CombinedEvent(_language_done, _all_done)
