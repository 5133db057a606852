"""Write each language's search index, for Material's search box and our worker.

Material's search UI stays (box, result list, keyboard, ?h= highlighting); what
it searches is replaced: its lunr index merges both languages (static-i18n),
is built in the reader's browser on every visit and cannot segment unspaced
Chinese. Here each language root gets search/search_index.json (http) and
search/search_index.js (file://, what Material's offline plugin would write)
built from the collected questions; overrides/main.html points Material's
config at the language root and at docs/assets/javascripts/faq-search-worker.js.

Material's own indexing is switched off page by page (it would be thrown
away), and static-i18n's search merging with it (reconfigure_search: false in
mkdocs.yml): that step compares every entry of one language with every entry
of the other, quadratic in the number of questions.

Material's offline plugin is not used: besides that .js file it only disables
directory URLs (mkdocs.yml does) and injects a CDN worker shim (we ship ours).
"""

from __future__ import annotations

from pathlib import Path

from faqlib import background, build, store
from faqlib.search import index_file_text
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

#: Index being built in the background, by language.
_pending: dict[str, background.Task] = {}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Exclude the page from Material's own index: ours replaces it, unbuilt work is free."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page's markdown is converted, so its questions are known: start the
    index on another core while MkDocs writes the pages (and builds the next language)."""
    language = build.current()
    rows = [(build.in_root(language, url), q.id, q.question, q.answer) for url, q in store.for_language(language.code).in_order()]
    _pending[language.code] = background.submit(index_file_text, language.code, rows)
    return env


# After static-i18n (-100), which rewrites the root index with Material's merged
# entries once all languages are built; before build_language (-1000) pops.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write this language's index where Material's search looks for it."""
    language = build.current()
    try:
        text = _pending.pop(language.code).result()
    except Exception as err:  # noqa: BLE001 - whatever failed in the other process
        raise PluginError(f"building the '{language.code}' search index failed: {err}") from err
    folder = Path(config.site_dir, language.root, "search")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {text}\n", encoding="utf-8")
