"""Real Chromium for the tests and the search evaluation (Debian's package)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def first_existing(*candidates: str | None) -> str | None:
    """The first of *candidates* (paths, None for one not given) that exists."""
    return next((c for c in candidates if c and Path(c).exists()), None)


def chromium_path() -> str | None:
    """The reader's Chromium: $CHROMIUM, else /usr/bin/chromium, else chromium on PATH."""
    return first_existing(os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))


def shell_path() -> str | None:
    """Chromium's headless shell of the same release (Debian's package
    chromium-headless-shell): $CHROMIUM_SHELL, else /usr/bin/chromium-headless-shell."""
    return first_existing(os.environ.get("CHROMIUM_SHELL"), "/usr/bin/chromium-headless-shell", shutil.which("chromium-headless-shell"))


@contextmanager
def launch(playwright, shell: bool = False) -> Iterator:
    """A headless Chromium with the flags that keep it off the network: the
    reader's browser, or with *shell* its headless shell (the same Blink, V8
    and network stack without the browser's user interface; what Playwright
    itself runs headless). The shell did the same page loads and searches with
    a third less CPU (5.4 against 8.0 core-s, 18 loads of the FAQ page), and
    make test is CPU-bound: most browser tests use it, the reader's-browser
    tests (a clean console from disk and over http) the full Chromium. Both
    are Debian's packages of the same release, unpinned, and the shell breaks
    as the browser does: 156's refusal of a blob: worker's importScripts of a
    file: URL (issue 18) is the same in both (2026-12-05)."""
    if shell:
        # Its GPU process (software only here) as a thread of the browser's
        # process: 3% less CPU over 74 browser tests, the pages the same.
        args = [a for a in ARGS if not a.startswith("--headless")] + ["--in-process-gpu"]
        browser = playwright.chromium.launch(executable_path=shell_path(), args=args)
    else:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
    try:
        yield browser
    finally:
        browser.close()


@contextmanager
def serve(folder: Path, handler: Callable[..., http.server.BaseHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve *folder* over http on loopback; yields the base URL. *handler*: a
    SimpleHTTPRequestHandler of the test's own (it is given directory=), else a quiet one."""
    handler = functools.partial(handler or _QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # A short poll, so shutdown() returns at once rather than after up to 0.5 s.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def is_local(url: str) -> bool:
    """A request that stays on this machine."""
    return url.startswith(LOCAL_SCHEMES) or url.startswith(("http://127.0.0.1:", "http://localhost:"))


SEARCH_INPUT = "input.md-search__input"

# The query in the search box is answered, all of it: the results list says
# which query it answers (data-query) and is aria-busy until the whole list
# and our notes are in (faq-search-setup.js results()). An earlier query's
# answer can land after the next query is typed: never read as this one's.
# A function body, for any driver.
ANSWERED = (
    "const list = document.querySelector('.md-search-result__list');"
    " return !!list && list.getAttribute('data-query') === document.querySelector('input.md-search__input').value"
    " && !list.hasAttribute('aria-busy')"
)

# Times the last keystroke (End) to the moment Material shows the results of
# the query in the box (the first few: the list may still be busy).
_TIMER = """
() => {
  const input = document.querySelector("input.md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  const list = document.querySelector(".md-search-result__list")
  window.__searchStart = null
  window.__searchShown = null
  input.addEventListener("keydown", ev => { if (ev.key === "End") window.__searchStart = performance.now() }, true)
  new MutationObserver(() => {
    if (meta.textContent && list.getAttribute("data-query") === input.value
        && window.__searchStart !== null && window.__searchShown === null)
      window.__searchShown = performance.now()
  }).observe(meta, { childList: true, characterData: true, subtree: true })
}
"""


# Before a query is typed: an empty result area that answers no query, and
# the timer started (when the index becomes ready after the text is filled in
# but before End is pressed, Material sends the query then). A function body,
# for any driver.
RESET_RESULTS = (
    "document.querySelector('.md-search-result__meta').textContent = '';"
    " document.querySelector('.md-search-result__list').innerHTML = '';"
    " document.querySelector('.md-search-result__list').removeAttribute('data-query');"
    " window.__searchStart = performance.now(); window.__searchShown = null"
)


def open_search(page, query: str = "mindspore") -> dict:
    """Focus the search box and wait until the index answers *query*; returns
    its results, as search() does."""
    page.evaluate(_TIMER)
    # Near its left edge: on a phone, Material's open search box is wider
    # than the screen (clipped), so its centre is off screen.
    page.click(SEARCH_INPUT, position={"x": 8, "y": 8})
    return search(page, query)


def search(page, query: str) -> dict:
    """Type *query* as a reader does; return result links, titles and time to show."""
    # Tests share tabs; Chromium throttles a tab in the background (its frames
    # and timers), which would add half a second to every wait.
    page.bring_to_front()
    page.evaluate("() => { " + RESET_RESULTS + " }")
    page.fill(SEARCH_INPUT, query)
    page.press(SEARCH_INPUT, "End")
    # Timed to the first results shown; read once the whole list is in.
    page.wait_for_function("() => { " + ANSWERED + " && window.__searchShown !== null }", timeout=10_000)
    return page.evaluate(
        """() => ({
          ms: Math.max(0, window.__searchShown - window.__searchStart),
          meta: document.querySelector('.md-search-result__meta').textContent,
          hrefs: [...document.querySelectorAll('.md-search-result__link')].map(a => a.getAttribute('href')),
          titles: [...document.querySelectorAll('.md-search-result__article h1, .md-search-result__article h2')].map(h => h.innerHTML),
        })"""
    )


# Our search worker in a real worker, as faq-search-setup.js starts it from
# disk (a blob: URL of its source), spoken to in its own protocol (the end of
# faq-search-worker.js): set up with an index's base, given its shard files
# as it asks for them ({name: [kind, n, data]}), it answers each query with
# {read, words, total, failed, near, results: [[url, score]]}, in order: the
# whole list of each, or its first *top* (what comes back is what costs: the
# whole lists of 1,600 queries took Chromium and Playwright 1.6 core-s to hand back).
WORKER = """
async ([base, files, queries, warmUp, top]) => {
  const worker = new Worker(URL.createObjectURL(new Blob([window.faqSearchWorkerSource], { type: "text/javascript" })))
  const answers = []
  try {
    return await new Promise((resolve, reject) => {
      worker.onerror = ev => reject(new Error(ev.message))
      worker.onmessage = ev => {
        const m = ev.data
        if (m.type === "load") m.files.forEach(name => {
          const file = files[name]
          worker.postMessage(file ? { type: "shard", kind: file[0], n: file[1], data: file[2] }
                                  : { type: "shard", name: name, failed: "missing" })
        })
        else if (m.type === "ready") queries.forEach(query => worker.postMessage({ type: "query", query }))
        else if (m.type === "results" && !m.partial) {
          answers.push({ read: m.read, words: m.words, total: m.total, failed: m.failed, near: m.near,
                        results: m.results.slice(0, top == null ? undefined : top).map(r => [r.url, r.score]) })
          if (answers.length === queries.length) resolve(answers)
        }
      }
      worker.postMessage({ type: "root", url: "", viaPage: true })
      worker.postMessage({ type: "setup", index: base, warmUp })
      if (!queries.length) resolve(answers)
    })
  } finally {
    worker.terminate()
  }
}
"""


def worker_page(page, site: Path) -> None:
    """Leave *page* on a blank page that holds the worker's source as the
    site's pages hold it (its assets/javascripts/faq-search-worker.js, run as
    a page script, sets window.faqSearchWorkerSource), for ask_worker, which
    needs nothing else of a page: a page of the site would also load
    Material, our setup and the index's base (0.2 core-s more each time)."""
    page.goto("about:blank")
    page.add_script_tag(path=site / "assets" / "javascripts" / "faq-search-worker.js")


def ask_worker(page, search_folder: Path, queries: list[str], warm_up: bool | None = None,
               top: int | None = None) -> list[dict]:
    """Answers of our worker (WORKER) to *queries*, on the index of *search_folder*,
    run in *page*, which holds the worker's source (a page of the site, or
    worker_page); with *top*, the first *top* results of each (its total is
    still the whole count)."""
    from faqlib.search import parse_shard, read_folder

    index = read_folder(search_folder)
    files = {name[: -len(".js")]: parse_shard(text) for name, text in index.files.items()}
    return page.evaluate(WORKER, [index.base, files, queries, warm_up, top])
