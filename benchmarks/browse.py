"""What a reader's Chromium measures: search ready, main-thread tasks, query times
cold and warm, tab memory (from file://), and bytes and time to the first results
(over http, served on loopback by tests/browser.serve).

Material's search box (ours and plain) is timed by tests/browser.search(): from
the last keystroke to Material's result count. Pagefind's default UI is timed
from typing to its first result link (it shows a result once its fragment,
title and excerpt, has loaded).
"""

from __future__ import annotations

import gzip
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from benchmarks.procs import renderer_pss_mb

# The time from focusing the search box to the worker's first answer
# (Material's result meta text changes from "initialising" to "type to
# search"): window.__focusAt and window.__readyAt. A function body.
READY_TIMER = """
const input = document.querySelector("input.md-search__input")
const meta = document.querySelector(".md-search-result__meta")
if (input && meta) {
  const initial = meta.textContent
  input.addEventListener("focus", () => {
    if (window.__focusAt) return
    window.__focusAt = performance.now()
    new MutationObserver((_, observer) => {
      if (meta.textContent !== initial) { window.__readyAt = performance.now(); observer.disconnect() }
    }).observe(meta, { childList: true, characterData: true, subtree: true })
  }, { once: true })
}
"""
# Records main-thread tasks over 50 ms from the very start of the page, and
# starts the ready timer once the page's markup is there.
INSTRUMENT = """
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration])
}).observe({ type: "longtask", buffered: true });
document.addEventListener("DOMContentLoaded", () => {""" + READY_TIMER + """})
"""
#: A page that has loaded is left this long before the reader focuses the box.
SETTLE_MS = 300
#: After the first results show, how long late loads (excerpts) may still be counted.
LATE_MS = 500
READY_TIMEOUT_MS = 180_000

#: Pagefind's default UI on a page of its own; debounce 0 so its 300 ms
#: typing delay is not timed as search, and a fixed text for no results.
PAGEFIND_PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>Pagefind</title>
<link href="{bundle}pagefind-ui.css" rel="stylesheet">
<script src="{bundle}pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>
window.addEventListener("DOMContentLoaded", () => {{
  new PagefindUI({{ element: "#search", showSubResults: true, debounceTimeoutMs: 0,
                   translations: {{ zero_results: "0 results for [SEARCH_TERM]" }} }})
}})
</script></body></html>
"""
PAGEFIND_INPUT = "input.pagefind-ui__search-input"
PAGEFIND_SHOWN = """() => !!document.querySelector('.pagefind-ui__result-link')
  || (document.querySelector('.pagefind-ui__message')?.textContent || '').startsWith('0 results')"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _roots(site: Path) -> dict[str, Path]:
    return {"zh": site, "en": site / "en"}


def interleaved(queries: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(lang, query) alternating languages, so a cut-off list still has both."""
    out = []
    for i in range(max(len(v) for v in queries.values())):
        out += [(lang, qs[i]) for lang, qs in queries.items() if i < len(qs)]
    return out


def _ready_page(context, url: str):
    """A page opened from *url*, its search box focused, its worker ready; returns (page, ms)."""
    from tests.browser import _TIMER, SEARCH_INPUT  # the query timer of the tests, one authority

    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(SETTLE_MS)
    page.click(SEARCH_INPUT)
    page.wait_for_function("window.__readyAt !== undefined", timeout=READY_TIMEOUT_MS)
    ready = page.evaluate("window.__readyAt - window.__focusAt")
    page.evaluate(_TIMER)
    return page, ready


def material_file(site: Path, page_name: str, queries: dict[str, list[str]], cold_budget_s: float) -> dict:
    """From file://, each language: ready, longest task, tab memory, the queries
    once (their first run in that tab) and again (warm); then each query alone in
    a fresh context right after ready (cold), until *cold_budget_s* is spent."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch, search

    out = {"ready_ms": {}, "longest_task_ms": {}, "longest_load_task_ms": {}, "tab_mb": {},
           "first_pass_ms": [], "warm_ms": [], "cold_ms": []}
    with sync_playwright() as playwright, launch(playwright) as browser:
        for lang, root in _roots(site).items():
            context = browser.new_context()
            context.add_init_script(INSTRUMENT)
            page, ready = _ready_page(context, (root / page_name).resolve().as_uri())
            out["ready_ms"][lang] = ready
            out["first_pass_ms"] += [search(page, q)["ms"] for q in queries[lang]]
            # The search's: from focusing the box (the index loads, the worker
            # starts) through the first pass of the queries. The page's own
            # load (Material's bundle, layout) is measured apart.
            tasks, focus = page.evaluate("[window.__longTasks, window.__focusAt]")
            out["longest_task_ms"][lang] = max((d for start, d in tasks if start + d > focus), default=0.0)
            out["longest_load_task_ms"][lang] = max((d for start, d in tasks if start + d <= focus), default=0.0)
            out["warm_ms"] += [search(page, q)["ms"] for q in queries[lang]]
            page.wait_for_timeout(LATE_MS)
            out["tab_mb"][lang] = renderer_pss_mb()
            context.close()
        deadline = time.monotonic() + cold_budget_s
        for lang, query in interleaved(queries):
            if time.monotonic() > deadline:
                break
            context = browser.new_context()
            context.add_init_script(INSTRUMENT)
            page, _ = _ready_page(context, (_roots(site)[lang] / page_name).resolve().as_uri())
            out["cold_ms"].append(search(page, query)["ms"])
            context.close()
    return out


# In another engine (tests/engines.py: Firefox through Marionette, WebKitGTK
# through its WebDriver), instrumented after the page has loaded: the ready
# timer (READY_TIMER) and the query timer of the tests (tests/browser.py
# _TIMER, RESET_RESULTS).
END_KEY = "\ue010"  # WebDriver's End key: the last keystroke, as the tests type


def engine_file(engine_name: str, site: Path, page_name: str, queries: dict[str, list[str]], cold_budget_s: float) -> dict:
    """From file://, in *engine_name* ('firefox' or 'webkit'), each language:
    search ready, the queries warm (a second run in the same page), and each
    alone in a freshly loaded page (cold) until *cold_budget_s* is spent. The
    query time is from the last keystroke to Material's result count."""
    from tests.browser import _TIMER, ANSWERED, RESET_RESULTS
    from tests.engines import launch

    out = {"ready_ms": {}, "warm_ms": [], "cold_ms": [], "version": ""}

    def ready_page(engine, url: str) -> float:
        engine.goto(url)
        engine.wait("return document.readyState === 'complete'")
        engine.js("window.__focusAt = undefined; window.__readyAt = undefined;" + READY_TIMER)
        engine.click("input.md-search__input")
        engine.wait("return window.__readyAt !== undefined", timeout=READY_TIMEOUT_MS / 1000)
        ready = engine.js("return window.__readyAt - window.__focusAt")
        engine.js("(" + _TIMER.strip() + ")()")
        return ready

    def timed(engine, query: str) -> float:
        # As the tests type in Chromium (fill, then End): the query is in the
        # box at once, and the End key's keyup makes Material send it. Typed
        # key by key, each key would search and the last result could show
        # before End is pressed.
        engine.js(RESET_RESULTS + "; document.querySelector('input.md-search__input').value = arguments[0]", query)
        engine.type("input.md-search__input", END_KEY)
        engine.wait(ANSWERED + " && window.__searchShown !== null")
        return engine.js("return Math.max(0, window.__searchShown - window.__searchStart)")

    with launch(engine_name) as engine:
        out["version"] = engine.version
        for lang, root in _roots(site).items():
            url = (root / page_name).resolve().as_uri()
            out["ready_ms"][lang] = ready_page(engine, url)
            for query in queries[lang]:
                timed(engine, query)  # its first run
            out["warm_ms"] += [timed(engine, q) for q in queries[lang]]
        deadline = time.monotonic() + cold_budget_s
        for lang, query in interleaved(queries):
            if time.monotonic() > deadline:
                break
            ready_page(engine, (_roots(site)[lang] / page_name).resolve().as_uri() + "?cold=" + str(time.monotonic()))
            out["cold_ms"].append(timed(engine, query))
    return out


class Responses:
    """Every response a context receives (its pages and their workers), once per URL."""

    def __init__(self, context, site: Path) -> None:
        self.site = site
        self.seen: dict[str, object] = {}
        context.on("response", lambda response: self.seen.setdefault(response.url, response))

    def bytes(self, wanted: Callable[[str], bool]) -> tuple[int, list[tuple[str, int, int]]]:
        """Body bytes of the responses whose URL path *wanted* says is the search's.

        The loopback server sends files as they are (no compression), so a
        response's body is the file it served: Chromium's own byte counts
        (request.sizes()) are 0 for a worker's main script, which it did load."""
        files = []
        for url, response in self.seen.items():
            path = unquote(urlsplit(url).path)
            if not wanted(path) or response.status != 200:
                continue
            served = self.site / path.lstrip("/")
            if served.is_file():
                size = served.stat().st_size
                zipped = len(gzip.compress(served.read_bytes(), 6))
            else:
                try:
                    size = response.request.sizes()["responseBodySize"]
                except Exception:  # noqa: BLE001 - sizes gone with the page: the body then
                    size = len(response.body())
                zipped = size
            # (path, bytes as served, bytes gzip -6 would send: what a compressing server costs)
            files.append((path, size, min(size, zipped)))
        return sum(size for _, size, _ in files), sorted(files)


def _http_first_queries(site: Path, page_path: Callable[[str], str], queries: list[tuple[str, str]],
                        wanted: Callable[[str], bool], type_and_wait: Callable) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from tests.browser import launch, serve

    out = []
    with serve(site) as base, sync_playwright() as playwright, launch(playwright) as browser:
        for lang, query in queries:
            context = browser.new_context()
            responses = Responses(context, site)
            page = context.new_page()
            page.goto(base + page_path(lang))
            page.wait_for_load_state("load")
            page.wait_for_timeout(SETTLE_MS)
            ms = type_and_wait(page, query)
            page.wait_for_timeout(LATE_MS)
            search_bytes, files = responses.bytes(wanted)
            total, _ = responses.bytes(lambda path: True)
            out.append({"lang": lang, "query": query, "ms": ms, "bytes": search_bytes, "total_bytes": total,
                        "gzip_bytes": sum(z for _, _, z in files), "files": files})
            context.close()
    return out


def _material_type(page, query: str) -> float:
    """Focus, type, wait for Material's result count: ms from the focus.

    As tests/browser.search() types, but waits as long as the index takes
    to load (plain at L builds its lunr index for seconds before the first answer)."""
    from tests.browser import _TIMER, SEARCH_INPUT

    page.evaluate(_TIMER)
    start = page.evaluate("performance.now()")
    page.click(SEARCH_INPUT)
    page.evaluate("() => { window.__searchStart = performance.now(); window.__searchShown = null }")
    page.fill(SEARCH_INPUT, query)
    page.press(SEARCH_INPUT, "End")
    page.wait_for_function("window.__searchShown !== null", timeout=READY_TIMEOUT_MS)
    return page.evaluate("window.__searchShown") - start


def _pagefind_type(page, query: str) -> float:
    start = page.evaluate("performance.now()")
    page.fill(PAGEFIND_INPUT, query)
    page.wait_for_function(PAGEFIND_SHOWN, timeout=60_000)
    return page.evaluate("performance.now()") - start


def material_http(site: Path, page_name: str, queries: list[tuple[str, str]], wanted: Callable[[str], bool]) -> list[dict]:
    """Over http, each query the first of a fresh context: search bytes and ms from focus to results."""
    return _http_first_queries(site, lambda lang: ("" if lang == "zh" else "en/") + page_name, queries, wanted, _material_type)


def pagefind_http(site: Path, queries: list[tuple[str, str]]) -> list[dict]:
    """The same for Pagefind's default UI on its own page (pagefind_page) in each language root."""
    return _http_first_queries(site, lambda lang: ("" if lang == "zh" else "en/") + "pagefind-search.html", queries,
                               is_pagefind, _pagefind_type)


def pagefind_page(site: Path) -> None:
    """Write the Pagefind search page into each language root (after indexing, so it is not indexed)."""
    for lang, root in _roots(site).items():
        bundle = "pagefind/" if lang == "zh" else "../pagefind/"
        (root / "pagefind-search.html").write_text(PAGEFIND_PAGE.format(lang=lang, bundle=bundle), encoding="utf-8")


# What each variant's search needs (URL paths), counted as its first-query bytes.
def is_ours(path: str) -> bool:
    """Our search scripts and everything under a language root's search/ folder."""
    return "/assets/javascripts/faq-search-" in path or "/search/" in path


def is_plain(path: str) -> bool:
    """Material's search worker, its lunr languages, the file:// worker shim, the index."""
    return ("/assets/javascripts/workers/search." in path or "/assets/javascripts/lunr/" in path
            or "/iframe-worker-" in path or path.endswith("/search/search_index.json"))


def is_pagefind(path: str) -> bool:
    """The whole Pagefind bundle: UI js/css, pagefind.js, its worker, wasm, entry, meta, index chunks, fragments."""
    return "/pagefind/" in path


def engine_summary(measures: dict) -> dict:
    """The record's figures of engine_file()'s measures."""
    return {
        "search_ready_s": max(measures["ready_ms"].values()) / 1000,
        "query_p50_warm_ms": statistics.median(measures["warm_ms"]),
        "query_p95_warm_ms": percentile(measures["warm_ms"], 95),
        "query_p95_cold_ms": percentile(measures["cold_ms"], 95) if measures["cold_ms"] else None,
        "queries_warm": len(measures["warm_ms"]),
        "queries_cold": len(measures["cold_ms"]),
        "engine": measures["version"],
    }


def summary(file_measures: dict | None, http: list[dict] | None) -> dict:
    """The record's figures from the raw measures (ms to s, the worst language)."""
    out: dict = {}
    if file_measures:
        f = file_measures
        out.update({
            "search_ready_s": max(f["ready_ms"].values()) / 1000,
            "longest_task_ms": max(f["longest_task_ms"].values()),
            "longest_load_task_ms": max(f["longest_load_task_ms"].values()),
            "tab_mb": max(f["tab_mb"].values()),
            "query_p50_warm_ms": statistics.median(f["warm_ms"]),
            "query_p95_warm_ms": percentile(f["warm_ms"], 95),
            "query_p95_first_pass_ms": percentile(f["first_pass_ms"], 95),
            "query_p95_cold_ms": percentile(f["cold_ms"], 95) if f["cold_ms"] else None,
            "queries_warm": len(f["warm_ms"]),
            "queries_cold": len(f["cold_ms"]),
        })
    if http:
        out.update({
            "first_query_bytes_http": statistics.median(h["bytes"] for h in http),
            "first_query_bytes_http_max": max(h["bytes"] for h in http),
            "first_query_bytes_http_gzip": statistics.median(h["gzip_bytes"] for h in http),
            "first_results_s_http": statistics.median(h["ms"] for h in http) / 1000,
            "first_queries_http": len(http),
            "first_query_files_http": http[0]["files"],
        })
    return out
