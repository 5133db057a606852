"""Write each language's search index, for Material's search box and our worker.

Material's search UI stays (box, result list, keyboard, ?h= highlighting); what
it searches is replaced: its lunr index merges both languages (static-i18n),
is built in the reader's browser on every visit and cannot segment unspaced
Chinese. Here each language root gets search/search_index.json (http) and
search/search_index.js (file://, what Material's offline plugin would write)
built from the question model; overrides/main.html points Material's config
at the language root and at docs/assets/javascripts/faq-search-worker.js.

Material's own indexing is switched off page by page (it would be thrown
away), and static-i18n's search merging with it (reconfigure_search: false in
mkdocs.yml): that step compares every entry of one language with every entry
of the other, quadratic in the number of questions.

Material's offline plugin is not used: besides that .js file it only disables
directory URLs (mkdocs.yml does) and injects a CDN worker shim (we ship ours).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from faqlib import background, setup
from faqlib.layout import SEARCH_FOLDER
from faqlib.search import index_file_text
from faqlib.upstream import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TASK = "search_index"
#: Below this, starting a process (and jieba in it) costs more than the
#: indexing it would take off this one.
BACKGROUND_MIN_QUESTIONS = 1000


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Exclude the page from Material's own index before it is built: ours replaces it."""
    material.exclude_from_search(page)
    return markdown


# After faq_model (100) has checked the model.
@event_priority(50)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """Every page's questions are known: start the index on another core while
    MkDocs writes the pages (and builds the next language)."""
    state = setup.site_state(config)
    language = state.current()
    rows = [(url, q.id, q.question, q.answer) for url, q in language.rows()]
    if len(rows) < BACKGROUND_MIN_QUESTIONS:
        task = background.Task(index_file_text, (language.code, rows), None)  # computed when written
    else:
        task = background.submit(index_file_text, language.code, rows)
    state.pending[TASK, language.code] = task
    return env


# After static-i18n (-100), which rewrites the root index with Material's merged
# entries once all languages are built; before faq_model (-1000) leaves the build.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write this language's index where Material's search looks for it."""
    state = setup.site_state(config)
    language = state.current()
    task = state.pending.pop((TASK, language.code), None)
    if task is None:
        return
    try:
        text = task.result()
    except Exception as err:  # noqa: BLE001 - whatever failed in the other process
        raise PluginError(f"building the '{language.code}' search index failed: {err}") from err
    folder = Path(config.site_dir, language.root, SEARCH_FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    (folder / "search_index.js").write_text(material.index_js(text), encoding="utf-8")
