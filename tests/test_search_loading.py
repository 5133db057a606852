"""How search's files reach the worker, in real Chromium (today's Debian package):
from disk the page loads each shard as a <script> and posts it to the worker
(Chromium 156 refuses a worker's importScripts of file: URLs), over http the
worker fetches it. A file that cannot be had is said, in the reader's
language, never taken for "no results"; and opening and searching leaves a
clean console: no error, no failed request, nothing from another machine."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser import ANSWERED, SEARCH_INPUT, is_local, open_search, serve
from tests.conftest import LANGS, lang_root

NO_RESULTS = {"zh": "没有找到符合条件的结果", "en": "No matching documents"}
FAILED = {"zh": "搜索索引的部分文件", "en": "Part of the search index"}
# What each cause tells the reader to do.
ADVICE = {
    ("zh", "missing"): "请重新构建网站",
    ("en", "missing"): "Rebuild the site",
    ("zh", "timeout"): "加载超时",
    ("en", "timeout"): "took too long to load",
}


def type_query(page, query: str) -> None:
    page.click(SEARCH_INPUT, position={"x": 8, "y": 8})
    page.fill(SEARCH_INPUT, query)
    page.press(SEARCH_INPUT, "End")


@pytest.mark.parametrize("where", ["disk", "http"])
def test_opening_and_searching_leaves_a_clean_console(site, http_site, reader_page, where):
    """Home, then a short link to the FAQ page, in both languages, a search
    with results and excerpts on each page: no console error or warning, no
    page error, no failed request, no http error (Material's
    <alternate>/sitemap.xml included), nothing remote. In the reader's
    Chromium (the other tests: its headless shell, tests/browser.py launch)."""
    page = reader_page
    for lang in LANGS:
        root = lang_root(site, lang).resolve().as_uri() + "/" if where == "disk" else http_site + ("" if lang == "zh" else "en/")
        for name, query in (("index.html", "梯度截断"), ("q/modelarts.html", "gradient clipping")):
            page.goto(root + name)
            if name.startswith("q/"):  # forwards to its question
                page.wait_for_url(root + "feature_advice.html#modelarts")
            open_search(page, query)
            page.wait_for_selector(".faq-excerpt")
            first = page.get_attribute(".md-search-result__link", "href")
            assert first.endswith("#gradient-clipping"), first
    seen = {"console": page.console, "pageerror": page.errors, "failed": page.failed, "http": page.http_errors,
            "remote": [url for url in page.requests if not is_local(url)]}
    assert page.requests, "requests were not recorded"
    assert seen == {"console": [], "pageerror": [], "failed": [], "http": [], "remote": []}


@pytest.fixture(scope="module")
def shardless(site, tmp_path_factory) -> Path:
    """The site with every shard of both indexes removed (the bases stay)."""
    copy = tmp_path_factory.mktemp("shardless") / "site"
    shutil.copytree(site, copy)
    for lang in LANGS:
        for shard in (lang_root(copy, lang) / "search").glob("*-*.js"):
            shard.unlink()
    return copy


@pytest.mark.parametrize("where", ["disk", "http"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_lost_shard_is_said_never_no_results(shardless, page, lang, where):
    with serve(shardless) if where == "http" else _nothing() as base:
        if where == "disk":
            page.goto((lang_root(shardless, lang) / "feature_advice.html").resolve().as_uri())
        else:
            page.goto(base + ("" if lang == "zh" else "en/") + "feature_advice.html")
        type_query(page, "gradient clipping")
        note = page.wait_for_selector(".faq-search-failed[role=alert]")
        text = note.inner_text()
        area = page.inner_text(".md-search-result")
    assert text.startswith(FAILED[lang]) and ADVICE[lang, "missing"] in text, text
    assert "search/d-" in text  # names the files
    assert NO_RESULTS[lang] not in area, area


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


class _HoldingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder, but answers no dictionary shard until *release* is set."""

    def __init__(self, *args, release: threading.Event, **kwargs):
        self.release = release
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if "/search/d-" in self.path:
            self.release.wait(timeout=20)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def holding(site: Path) -> Iterator[tuple[str, threading.Event]]:
    """*site* served with its dictionary shards held until the event is set
    (set on leaving, so no request is left waiting); yields (base URL, event)."""
    release = threading.Event()
    with serve(site, functools.partial(_HoldingHandler, release=release)) as base:
        try:
            yield base, release
        finally:
            release.set()


@pytest.mark.parametrize("lang", LANGS)
def test_a_shard_that_does_not_come_in_time_is_said(site, page, lang):
    """The time limit of a query's round: a server that never sends the
    dictionary, and a page whose limit is made short (data-load-timeout)."""

    def short_limit(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('data-load-timeout="10000"', 'data-load-timeout="300"'))

    with holding(site) as (base, _):
        page.route("**/feature_advice.html", short_limit)
        page.goto(base + ("" if lang == "zh" else "en/") + "feature_advice.html")
        type_query(page, "gradient clipping")
        text = page.wait_for_selector(".faq-search-failed").inner_text()
    assert text.startswith(FAILED[lang]) and ADVICE[lang, "timeout"] in text, text


def test_a_late_answer_is_never_taken_for_the_next_query(site, page):
    """Answers come in order, so an earlier query's can land after the reader
    has typed the next one: the list says which query it answers
    (data-query), and is busy until all of it is in. Here the first query
    waits for a dictionary shard the server holds, the second is typed, then
    the shard comes: every list shown is labelled with its own query."""
    with holding(site) as (base, release):
        page.goto(base + "feature_advice.html")
        # Each whole list shown: the query it says it answers, its first result.
        page.evaluate("""() => {
          const list = document.querySelector('.md-search-result__list')
          window.__lists = []
          new MutationObserver(() => {
            const first = list.querySelector('.md-search-result__link')
            if (!list.hasAttribute('aria-busy') && first)
              window.__lists.push([list.getAttribute('data-query'), first.getAttribute('href').split('#')[1]])
          }).observe(list, { attributes: true, childList: true })
        }""")
        # Ready (Material then says "type to start searching"), or the first
        # query would never be sent: Material sends only the box's last text.
        page.click(SEARCH_INPUT, position={"x": 8, "y": 8})
        page.wait_for_function("""() => document.querySelector('.md-search-result__meta').textContent
          === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']""")
        page.fill(SEARCH_INPUT, "梯度截断")
        page.press(SEARCH_INPUT, "End")
        page.fill(SEARCH_INPUT, "ModelArts")
        page.press(SEARCH_INPUT, "End")
        assert page.evaluate("window.__lists") == []  # both wait for the shard
        release.set()
        page.wait_for_function("() => { " + ANSWERED + " }")
        lists = page.evaluate("window.__lists")
    # (The first answer may be replaced before it is ever whole.)
    assert lists[-1] == ["ModelArts", "modelarts"], lists
    assert {tuple(shown) for shown in lists} <= {("梯度截断", "gradient-clipping"), ("ModelArts", "modelarts")}, lists
