"""Material for MkDocs internals, read from version 9.8.1.

- Its search plugin registers as 'material/search' (entry point), 'search' in mkdocs.yml.
- page.meta['search']['exclude'] keeps a page out of its lunr index (documented
  front matter, set here from code).
- Its search UI loads <config.base>/search/search_index.json (search_index.js
  from disk, as its offline plugin writes it), shaped {config, docs}.
- Icons are templates under '.icons/'.
- Its theme ships its search worker under assets/javascripts/workers/ and the
  lunr language files that only that worker reads under assets/javascripts/lunr/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: The releases this adapter was read from (tests/test_upstream.py pins them).
READ_FROM = {"mkdocs-material": "9.8.1"}

SEARCH_PLUGINS = ("material/search", "search")
ICON = ".icons/material/link-variant.svg"
#: Where the theme keeps its search worker and the lunr files only that worker
#: reads. This site never loads them: the page points config.search at our
#: worker (faq-search-setup.js), so they are 1.2 MB of dead weight in site/.
SEARCH_WORKER_FILES = ("assets/javascripts/workers/", "assets/javascripts/lunr/")


def has_search(config: Any) -> bool:
    """Is Material's search plugin (its box and result list) configured?"""
    return any(name in config.plugins for name in SEARCH_PLUGINS)


def exclude_from_search(page: Any) -> None:
    """Keep *page* out of Material's own index (ours replaces it)."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def index_js(text: str) -> str:
    """search_index.js: what Material's offline plugin would write, read from file://."""
    return f"var __index = {text}\n"


def search_worker_files(files: Any, docs_dir: str) -> list[Any]:
    """The theme's files of Material's own search worker among *files* (never an author's)."""
    # MkDocs joins an author's file's path onto docs_dir as written, so the
    # paths compare as they are (resolving each took 5 ms a build).
    docs = Path(docs_dir)
    return [f for f in files if f.src_uri.startswith(SEARCH_WORKER_FILES) and not Path(f.abs_src_path).is_relative_to(docs)]
