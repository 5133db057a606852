"""Expand '<!-- faq:questions page.md -->' on a page into links to that page's questions.

The home page of each language lists every question; generating the list from
the question model keeps it complete when authors add, reword or move
questions. The marker is found in the rendered HTML, where a comment on a line
of its own is a real comment (in a code block it is escaped text, and stays).
"""

from __future__ import annotations

import logging
from typing import Any

from faqlib import setup
from faqlib.lists import expand
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.question_list")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


# After faq_model (100) has checked the model; before pages are written.
@event_priority(50)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """Every page of this language is converted, so every list can be complete."""
    language = setup.site_state(config).current()
    for file in files.documentation_pages():
        page = file.page
        if page is None or not page.content or "faq:" not in page.content:
            continue
        page.content, problems = expand(page.content, language.pages[page.url], language)
        record = language.pages[page.url]
        lines = (page.markdown or "").split("\n")
        for needle, message in problems:
            line = next((n for n, text in enumerate(lines, 1) if needle in text and "faq:" in text), 1)
            log.warning(f"{file.src_uri}:{line + record.offset}: {message}")
    return env
