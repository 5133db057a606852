"""Related questions under each answer (faqlib/related.py decides which).

When every page of a language is converted, its questions' search terms
(the analysis hooks/search_index.py started) give each question its nearest
questions of the same language; each answer's page gets a short list of links
to them, by id, and faq.json their ids (hooks/faq_data.py).

On a large site the terms come from another process (faqlib/background.py):
this waits for them here, before the language's pages are written.
"""

from __future__ import annotations

from typing import Any

from faqlib import pagehtml, related, setup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

#: The analysis hooks/search_index.py keeps in state.pending.
SEARCH_TASK = "search_index"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


# After search_index (50) has started this language's analysis; before pages are written.
@event_priority(40)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    state = setup.site_state(config)
    language = state.current()
    pending = state.pending.get((SEARCH_TASK, language.code))
    if pending is None:
        return env
    _, task = pending
    found = task.result()
    places = [(page, q) for page in language.in_order() for q in page.questions]
    if len(places) != len(found):
        return env  # the analysis is of other rows: nothing sensible to link
    nearest = related.related(found)
    language.related = {q.id: [places[o][1].id for o in others] for (_, q), others in zip(places, nearest) if others}
    by_page: dict[str, dict[str, str]] = {}
    for (page, q), others in zip(places, nearest):
        if others:
            links = [(related.href(page.url, places[o][0].url, places[o][1].id), places[o][1].question) for o in others]
            by_page.setdefault(page.url, {})[q.id] = related.block(language.code, links)
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.url not in by_page:
            continue
        html = pagehtml.content(state.pages, page)
        pagehtml.set_content(state.pages, page, related.insert_links(html, by_page[page.url]))
    return env
