"""The site in real Firefox ESR and WebKitGTK (Debian's packages), from disk
(file://) and over http, in both languages: each kind of search with the site's
own search box, a query that needs several shards of a 1,000-question site,
excerpts, a result that opens its question highlighted, question ids, legacy
anchors and short links, the language switch and copy link.

One browser per engine for the session (tests/engines.py), few page loads.
Without CI a missing engine is skipped with the reason; with CI=true it fails.
"""

from __future__ import annotations

import bisect
import http.server
import json
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.browser import ANSWERED, RESET_RESULTS, serve
from tests.conftest import build_here, copy_project, lang_root
from tests.engines import ENGINES, launch, missing

FAQ = "feature_advice.html"
OTHER = {"zh": "en", "en": "zh"}
ALIAS = {"zh": "q-请问mindspore支持梯度截断吗", "en": "q-does-mindspore-support-gradient-clipping"}
COPIED = {"zh": "已复制", "en": "Copied"}


@pytest.fixture(scope="module", params=ENGINES)
def engine(request):
    """One browser per engine for this file; the tests of one engine run
    together, and its browser is closed before the next one starts, the last
    one when the file ends (not when the session does: a browser left open
    holds its processes and memory while other files run)."""
    reason = missing(request.param)
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    with launch(request.param) as browser:
        yield browser


def base_url(request, scheme: str, lang: str) -> str:
    """The address of a language root, from disk or over http, ending in '/'."""
    if scheme == "file":
        return lang_root(request.getfixturevalue("site"), lang).resolve().as_uri() + "/"
    return request.getfixturevalue("http_site") + ("" if lang == "zh" else f"{lang}/")


# ------------------------------------------------------------------ search

SEARCH = """
const input = document.querySelector("input.md-search__input")
input.focus()
input.value = arguments[0]
input.dispatchEvent(new Event("input", {bubbles: true}))
input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}))
"""

# The whole list of the query in the box (tests/browser.py ANSWERED), its links.
RESULTS = ANSWERED + """ ? [...document.querySelectorAll(".md-search-result__link")].map(a => a.getAttribute("href")) : null"""


def search(browser, query: str, keys: bool = False) -> list[str]:
    """Search *query* in the page's search box; the result anchors, best first.
    With *keys*, the query is typed with the driver's real keys instead of set
    as the value (Material listens to keyup either way; each key searches)."""
    browser.js(RESET_RESULTS)
    if keys:
        browser.js(SEARCH, "")
        browser.type("input.md-search__input", query)
        browser.wait("return document.querySelector('input.md-search__input').value === arguments[0]", query)
    else:
        browser.js(SEARCH, query)
    return [href.split("#")[-1] for href in browser.wait(RESULTS)]


# (query, expected question id, kind); the last query of each language is the
# one whose result is opened.
QUERIES = {
    "zh": [
        ("为什么MindSpore不能在英伟达显卡上跑", "ascend-only", "a natural question"),
        ("梯度裁剪", "gradient-clipping", "a synonym (docs/synonyms.yml)"),
        ("gradient clipping", "gradient-clipping", "the other language"),
        ("梯度截斷", "gradient-clipping", "Traditional Chinese"),
    ],
    "en": [
        ("dynamic graph", "pynative-vs-graph", "a synonym (docs/synonyms.yml)"),
        ("梯度截断", "gradient-clipping", "the other language"),
        ("gradiant clipping", "gradient-clipping", "a typo"),
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scheme", ["file", "http"])
def test_search_finds_shows_and_opens_the_question(request, engine, scheme, lang):
    browser = engine
    base = base_url(request, scheme, lang)
    browser.goto(base + FAQ)
    for n, (query, expected, kind) in enumerate(QUERIES[lang]):
        # The typo is typed with real keys; the others (Chinese among them) set as the value.
        anchors = search(browser, query, keys=query.isascii() and n == len(QUERIES[lang]) - 1)
        assert expected in anchors[:3], (kind, query, anchors[:5])
    assert anchors[0] == "gradient-clipping", anchors[:5]
    # The excerpt: a line of the answer under the result, in the reader's language.
    excerpt = browser.wait(
        "const e = document.querySelector('.md-search-result__article .faq-excerpt');"
        " return e && e.querySelector('mark') ? e.textContent : null"
    )
    assert ("支持" if lang == "zh" else "Yes") in excerpt
    # The result opens its question, with the query highlighted (Material's ?h=).
    href = browser.js("return document.querySelector('.md-search-result__link').href")
    assert "?h=" in href and href.endswith("#gradient-clipping"), href
    browser.click(".md-search-result__link")
    browser.wait("return location.hash === '#gradient-clipping' && document.readyState === 'complete'")
    assert browser.url().startswith(base + FAQ + "?h=")
    marked = browser.wait("return [...document.querySelectorAll('#gradient-clipping mark[data-md-highlight]')].map(m => m.textContent)")
    assert ("梯度" if lang == "zh" else "clipping") in " ".join(marked).lower(), marked
    assert browser.js(TARGET) == "gradient-clipping"
    # On the question a search opened: its copy button and the language switch.
    copy_link(browser, lang, "gradient-clipping", f"{base}{FAQ}#gradient-clipping")
    switch_language(browser, OTHER[lang], f"{base_url(request, scheme, OTHER[lang])}{FAQ}#gradient-clipping")


# ------------------------------------------------ a site that needs shards

@contextmanager
def serve_logged(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve *folder* on loopback; yields the base URL and the list of paths asked for."""
    asked: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002
            asked.append(self.path)

    with serve(folder, Handler) as base:
        yield base, asked


@pytest.fixture(scope="session")
def big_site(tmp_path_factory):
    """A generated site of 1,000 questions (benchmarks/generate.py: 10 pages of
    100, deterministic), built once per session, in Chinese only (the query's
    language; the English pages and language are left out, half the build);
    and a Chinese query of two words that each occur in one question only, and
    whose terms live in different dictionary shards: (site, query, expected id, shards)."""
    from benchmarks.configs import ours
    from benchmarks.generate import generate
    from faqlib.search import read_folder
    from faqlib.tokenizer import tokenize

    project = tmp_path_factory.mktemp("big")
    docs = generate(project, pages=10, questions=100)
    for english in docs.glob("*.en.md"):
        english.unlink()
    copy_project(project)
    config = project / "mkdocs.yml"
    text, languages_left_out = re.subn(r"        - locale: en\n(?:          .*\n)+", "", ours(config.read_text(encoding="utf-8")))
    assert languages_left_out == 1, "mkdocs.yml's English language block moved"
    config.write_text(text, encoding="utf-8")
    result = build_here(project, project / "site")
    assert result.ok, result.log
    site = result.site

    # The site's own data: its questions (faq.json), and how many questions
    # each term occurs in (the index's postings).
    questions = json.loads((site / "faq.json").read_text(encoding="utf-8"))["questions"]
    assert len(questions) >= 1000
    index = read_folder(site / "search")
    df = {term: len({doc for doc, _ in entries}) for term, entries in index.postings.items()}
    bounds = index.base["dict"]
    shard = lambda term: bisect.bisect_right(bounds, term) - 1  # noqa: E731
    for q in questions:
        rare = {}
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_]{3,}|[\u4e00-\u9fff]{2,}", q["question"]):
            for piece in ([word] if word.isascii() else [t for t in tokenize(word) if not t.isascii()]):
                if tokenize(piece) == [piece.lower()] and df.get(piece.lower()) == 1:
                    rare.setdefault(piece.isascii(), []).append(piece)
        for latin in rare.get(True, []):
            for cjk in rare.get(False, []):
                if shard(latin.lower()) != shard(cjk):
                    return site, f"{latin} {cjk}", q["id"], {shard(latin.lower()), shard(cjk)}
    pytest.fail("the generated corpus has no question with two rare words in different shards")


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_a_query_over_several_shards_of_1000_questions(engine, big_site, scheme):
    site, query, expected, shards = big_site
    with ExitStack() as stack:
        if scheme == "file":
            base, asked = site.resolve().as_uri() + "/", None
        else:
            base, asked = stack.enter_context(serve_logged(site))
        browser = engine
        browser.goto(base + "faq-000.html")
        anchors = search(browser, query)
        assert anchors[:1] == [expected], (query, anchors[:5])
        if asked is not None:
            loaded = {int(m.group(1)) for p in asked if (m := re.fullmatch(r"/search/d-(\d+)\.js", p))}
            assert shards <= loaded, (shards, sorted(loaded))


# ----------------------------------------------------------- links to questions

TARGET = "return (document.querySelector(':target') || {}).id || null"
# The question is highlighted as the target (faq.css), in view, and focused
# (faq.js): asked until it holds, as the browser scrolls to a fragment at its
# next rendering update, which may come after the load a driver waits for.
LANDED = """
const q = document.getElementById(arguments[0]), r = q.getBoundingClientRect()
return [getComputedStyle(q).borderLeftStyle === "solid", r.top >= 0 && r.top < innerHeight, document.activeElement.id]
"""


def landed(browser, question: str) -> list:
    """LANDED for *question* once it holds, else as it stands when the wait runs out."""
    return browser.eventually(LANDED, [True, True, question], question)


def copy_link(browser, lang: str, question: str, address: str) -> None:
    """The question's copy button holds its address (no ?h=), and a click copies
    it: the copy event carries it, and Material shows its "copied" dialog."""
    button = f"#{question} .faq-copy"
    assert browser.js("return document.querySelector(arguments[0]).getAttribute('data-clipboard-text')", button) == address
    browser.js(
        "window.__copied = null; document.addEventListener('copy', e => {"
        " const t = e.target; window.__copied = t && 'value' in t ? t.value : String(getSelection()) }, true)"
    )
    browser.click(button)
    assert browser.wait("return window.__copied") == address
    assert COPIED[lang] in browser.wait("return document.querySelector('.md-dialog').textContent.trim()")


def switch_language(browser, other: str, address: str) -> None:
    """The language switch keeps #id (faq.js). Material's selector is a menu
    shown on hover, so its link is clicked from script."""
    browser.js("document.querySelector(arguments[0]).click()", f".md-select a[hreflang={other}]")
    browser.wait("return location.href === arguments[0] && document.readyState === 'complete'", address)
    assert browser.wait(TARGET) == address.rsplit("#", 1)[1]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scheme", ["file", "http"])
def test_links_land_on_their_question(request, engine, scheme, lang):
    browser = engine
    base = base_url(request, scheme, lang)
    # A legacy anchor, in a freshly loaded page: the address becomes the id.
    # (Firefox keeps :target on the anchor's span after faq.js's
    # location.replace('#id'); WebKit and Chromium move it to the question.
    # faq.css highlights the question either way.)
    browser.goto("about:blank")
    browser.goto(f"{base}{FAQ}#{ALIAS[lang]}")
    browser.wait("return location.hash === '#gradient-clipping'")
    assert landed(browser, "gradient-clipping") == [True, True, "gradient-clipping"]
    # A short link forwards to the question's id, which lands on it.
    browser.goto(f"{base}q/ir-design.html")
    browser.wait("return location.href === arguments[0] && document.readyState === 'complete'", f"{base}{FAQ}#ir-design")
    assert browser.wait(TARGET) == "ir-design"
    assert landed(browser, "ir-design") == [True, True, "ir-design"]
    if scheme == "file":
        # A question id, typed or followed from elsewhere.
        browser.goto("about:blank")
        browser.goto(f"{base}{FAQ}#modelarts")
        assert browser.wait(TARGET) == "modelarts"
        assert landed(browser, "modelarts") == [True, True, "modelarts"]


# ------------------------------------------------------------------ the same answers

QUERY_SETS = [Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "queries-dev.tsv",
              Path(__file__).resolve().parent / "data" / "queries-heldout.tsv"]


@pytest.fixture(scope="session")
def chromium_answers(site, _tabs):
    """Chromium's answers to every dev and held-out query, from disk, through
    the worker's own protocol (tests/browser.py WORKER): what every engine must
    give. Asked in a tab of its own in the session's context (a new context
    costs Chromium a renderer process), closed after."""
    from tests.browser import ask_worker, worker_page
    from tests.search_eval import read_queries

    answers = {}
    page = _tabs[0].new_page()
    try:
        worker_page(page, site)
        for lang in ("zh", "en"):
            queries = [q.text for path in QUERY_SETS for q in read_queries(path) if q.lang == lang]
            found = ask_worker(page, lang_root(site, lang) / "search", queries)
            answers[lang] = (queries, [[url for url, _ in a["results"]] for a in found])
    finally:
        page.close()
    return answers


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_engine_answers_as_chromium_does(engine, site, chromium_answers, lang):
    """The same results, in the same order, for every dev and held-out query:
    the same recall from disk in all three engines."""
    from faqlib.search import parse_shard, read_folder

    from tests.browser import WORKER

    queries, expected = chromium_answers[lang]
    index = read_folder(lang_root(site, lang) / "search")
    files = {name[: -len(".js")]: parse_shard(text) for name, text in index.files.items()}
    engine.goto((lang_root(site, lang) / "index.html").resolve().as_uri())
    engine.js("window.__answers = null; (" + WORKER.strip() + ")(arguments[0]).then(a => { window.__answers = a })",
              [index.base, files, queries, None])
    got = engine.wait("return window.__answers", timeout=60)
    assert [[url for url, _ in a["results"]] for a in got] == expected
