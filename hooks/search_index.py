"""Write each language's search index, for Material's search box and our worker.

Material's search UI stays (box, result list, keyboard, ?h= highlighting); what
it searches is replaced: its lunr index merges both languages (static-i18n),
is built in the reader's browser on every visit and cannot segment unspaced
Chinese. Here each language root gets search/search_index.json (http) and
search/search_index.js (file://, what Material's offline plugin would write)
built from the collected questions; overrides/main.html points Material's
config at the language root and at docs/assets/javascripts/faq-search-worker.js.

Material's offline plugin is not used: besides that .js file it only disables
directory URLs (mkdocs.yml does) and injects a CDN worker shim (we ship ours).
"""

from __future__ import annotations

import json
from pathlib import Path

from faqlib import build, store
from faqlib.search import build_index
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

#: Word separators for Material's highlighter on the page a result opens.
SEPARATOR = r"[\s\u200b\-、，。：；？！（）《》“”‘’,:;!?()\[\]\"'/]+"


def index_document(language: build.Language, rows: list) -> dict:
    """Material's index shape ({config, docs}) holding our compact index."""
    return {
        "config": {"lang": [language.code], "separator": SEPARATOR, "pipeline": []},
        "docs": build_index(
            ((build.in_root(language, url), q.id, q.question, q.answer) for url, q in rows), language.code
        ),
    }


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Exclude the page from Material's own index: ours replaces it, unbuilt work is free."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


# After static-i18n (-100), which rewrites the root index with Material's merged
# entries once all languages are built; before build_language (-1000) pops.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    """All questions of this language are known: write its index."""
    language = build.current()
    document = index_document(language, store.for_language(language.code).in_order())
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    folder = Path(config.site_dir, language.root, "search")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "search_index.json").write_text(text, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {text}\n", encoding="utf-8")
