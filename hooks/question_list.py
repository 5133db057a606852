"""Expand '<!-- faq:questions page.md -->' on a page into links to that page's questions.

The home page of each language lists every question; generating the list from
the question model keeps it complete when authors add, reword or move
questions. The marker is found in the rendered HTML, where a comment on a line
of its own is a real comment (in a code block it is escaped text, and stays).
"""

from __future__ import annotations

import logging
from typing import Any

from faqlib import pagehtml, setup
from faqlib.lists import EMPTY, expand
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.question_list")
TASK = "question_list"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


# Before page_memory (-1000) puts the HTML away.
@event_priority(-500)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is converted: note whether it holds a list to fill at on_env."""
    state = setup.site_state(config)
    if "faq:" in html:
        state.pending.setdefault((TASK, state.current().code), set()).add(page.url)
    return html


# After faq_model (100) has checked the model; before pages are written.
@event_priority(50)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """Every page of this language is converted, so every list can be complete."""
    state = setup.site_state(config)
    language = state.current()
    marked = state.pending.pop((TASK, language.code), set())
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.url not in marked:
            continue
        html, problems = expand(pagehtml.content(state.pages, page), language.pages[page.url], language)
        pagehtml.set_content(state.pages, page, html)
        record = language.pages[page.url]
        lines = (page.markdown or "").split("\n")
        for needle, message in problems:
            if state.incomplete and message.startswith(EMPTY):
                continue  # a page that could not be read has its own message
            line = next((n for n, text in enumerate(lines, 1) if needle in text and "faq:" in text), 1)
            state.report(log, f"{file.src_uri}:{line + record.offset}: {message}")
    return env
