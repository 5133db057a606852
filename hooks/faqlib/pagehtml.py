"""Where a page's HTML waits between its conversion and its writing.

MkDocs converts every page of a language before it writes the first (on_env
sees them all converted) and keeps each page's HTML on its Page until the end
of the build; static-i18n then builds the next language with those still held.
At 100,000 questions per language that is hundreds of MB at once. So
hooks/page_memory.py puts each page's HTML in a file of this build's
temporary folder as soon as the page is converted, and back on the page just
before it is rendered into its template. A hook that changes a page's HTML in
between (question_list, id_lock) reads and writes it here: one authority for
where that HTML is.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


class PageStore:
    """Pages' HTML by page url ('en/feature_advice.html'), in files, until taken."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._files: dict[str, Path] = {}
        self._made = 0

    def put(self, url: str, html: str) -> None:
        """Keep *html* for the page at *url* (again: replaces what was kept)."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="faq-pages-")
        path = self._files.get(url)
        if path is None:
            self._made += 1
            path = self._files[url] = Path(self._folder.name, f"{self._made}.html")
        path.write_text(html, encoding="utf-8")

    def holds(self, url: str) -> bool:
        return url in self._files

    def read(self, url: str) -> str:
        """The HTML kept for *url*, still kept."""
        return self._files[url].read_text(encoding="utf-8")

    def take(self, url: str) -> str | None:
        """The HTML kept for *url*, no longer kept; None when none is."""
        path = self._files.pop(url, None)
        if path is None:
            return None
        html = path.read_text(encoding="utf-8")
        path.unlink()
        return html

    def close(self) -> None:
        """Remove the folder and whatever is still in it."""
        self._files.clear()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def content(store: PageStore, page) -> str:
    """A page's HTML, wherever it is now (kept in *store*, or on the page)."""
    return store.read(page.url) if store.holds(page.url) else (page.content or "")


def set_content(store: PageStore, page, html: str) -> None:
    """Replace a page's HTML where it is now."""
    if store.holds(page.url):
        store.put(page.url, html)
    else:
        page.content = html
