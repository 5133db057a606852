"""Material for MkDocs internals, read from version 9.8.1.

- Its search plugin registers as 'material/search' (entry point), 'search' in mkdocs.yml.
- page.meta['search']['exclude'] keeps a page out of its lunr index (documented
  front matter, set here from code).
- Its search UI loads <config.base>/search/search_index.json (search_index.js
  from disk, as its offline plugin writes it), shaped {config, docs}.
- Icons are templates under '.icons/'.
"""

from __future__ import annotations

from typing import Any

#: The releases this adapter was read from (tests/test_upstream.py pins them).
READ_FROM = {"mkdocs-material": "9.8.1"}

SEARCH_PLUGINS = ("material/search", "search")
ICON = ".icons/material/link-variant.svg"


def has_search(config: Any) -> bool:
    """Is Material's search plugin (its box and result list) configured?"""
    return any(name in config.plugins for name in SEARCH_PLUGINS)


def exclude_from_search(page: Any) -> None:
    """Keep *page* out of Material's own index (ours replaces it)."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def index_js(text: str) -> str:
    """search_index.js: what Material's offline plugin would write, read from file://."""
    return f"var __index = {text}\n"
