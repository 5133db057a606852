"""No dead ends: a query that matches nothing is answered with the questions
its nearest index words find, labelled as the nearest, with those words
offered ("did you mean", a button that searches for them); when nothing is
near, with the way to every question. In the worker (its own protocol) and in
Chromium, in both languages, by keyboard."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from tests.browser import ANSWERED, SEARCH_INPUT, ask_worker, worker_page
from tests.conftest import LANGS, lang_root

# (languages, query, the suggestion, a question the nearest include):
# Chinese typos by a character (a variant, a homophone), Latin words past
# the typo matcher (two edits in a short word, a word of three letters).
# The English index holds the Chinese questions' words (not their answers').
# A character typed wrong, not by its sound (镜豫 for 镜像): the nearest, and a "did you mean".
NEAR = [("zh", "镜豫", "镜像", "hardware-requirements"), ("zh en", "昇朕", "昇腾", "ascend-npu"),
        ("zh", "芯岸", "芯片", "modelzoo"), ("zh en", "gpy", "gpu", "hardware-requirements"),
        ("en", "kuberntes clipng", "clipping", "gradient-clipping")]
NOTHING_NEAR = ["量子纠缠", "kuberntes", "zzqqx"]
MATCHED = ["梯度截断", "gradient clipping", "混合经度 gpu"]  # (something matches: no nearest)
# A homophone an input method gave finds the word meant by its sound: no nearest
# either. (The English index has the Chinese words of its questions only.)
SOUND_ALIKES = [("zh", "镜象"), ("zh en", "昇滕"), ("zh", "芯篇")]
LABEL = {"zh": "没有完全符合的结果。以下是最接近的问题：", "en": "No exact matches. The nearest questions:"}
SUGGEST = {"zh": "您是不是要找：", "en": "Did you mean:"}
HOME = {"zh": "首页", "en": "home page"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_worker_answers_nothing_with_the_nearest(site, page, lang):
    folder = lang_root(site, lang) / "search"
    worker_page(page, site)
    near = [(q, s, e) for langs, q, s, e in NEAR if lang in langs.split()]
    matched = MATCHED + [q for langs, q in SOUND_ALIKES if lang in langs.split()]
    queries = [q for q, _, _ in near] + NOTHING_NEAR + matched
    answers = dict(zip(queries, ask_worker(page, folder, queries), strict=True))
    for query, suggestion, expected in near:
        answer = answers[query]
        assert answer["near"] == {"suggestion": suggestion}, (query, answer)
        assert expected in [url.split("#")[1] for url, _ in answer["results"][:3]], (query, answer)
    for query in NOTHING_NEAR:
        assert answers[query]["near"] == {} and answers[query]["results"] == [], (query, answers[query])
    for query in matched:
        assert answers[query]["near"] is None and answers[query]["results"], query


def typed(page, query):
    page.fill(SEARCH_INPUT, query)
    page.press(SEARCH_INPUT, "End")


@pytest.mark.parametrize("lang", LANGS)
def test_a_reader_who_finds_nothing_is_helped_by_keyboard(site, page, lang):
    page.goto((lang_root(site, lang) / "feature_advice.html").resolve().as_uri())
    page.keyboard.press("/")  # Material's key: focus search
    typed(page, "昇朕")  # a character typed wrong, not by its sound
    page.wait_for_selector(".faq-suggestion")
    assert page.inner_text(".md-search-result__meta") == LABEL[lang]
    assert page.inner_text(".faq-dead-end").startswith(SUGGEST[lang])
    first = page.get_attribute(".md-search-result__link", "href")
    assert "#ascend" in first or "#modelzoo" in first, first
    # Tab from the search box reaches the suggestion (past Material's clear
    # button); Enter searches for it, as if typed.
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('faq-suggestion')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "昇腾"
    page.keyboard.press("Enter")
    assert page.input_value(SEARCH_INPUT) == "昇腾"
    page.wait_for_function("() => { " + ANSWERED + " }")
    assert not page.query_selector(".faq-dead-end") and page.query_selector(".md-search-result__link")
    # Nothing near: the way to every question, a link to the home page.
    page.click(SEARCH_INPUT, position={"x": 8, "y": 8})
    typed(page, "zzqqx")
    link = page.wait_for_selector(".faq-dead-end a")
    assert link.inner_text() == HOME[lang]
    assert link.get_attribute("href").endswith(("/en/index.html" if lang == "en" else "/site/index.html", "index.html"))
    assert page.errors == []


def test_the_help_passes_axe(site, page):
    """axe-core's WCAG 2.1 A/AA rules over the search area, in both states."""
    axe = Axe()
    page.goto((lang_root(site, "en") / "feature_advice.html").resolve().as_uri())
    page.evaluate(axe.axe_script)
    page.click(SEARCH_INPUT, position={"x": 8, "y": 8})
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
    reports = []
    for query, ready in (("gpy", ".faq-suggestion"), ("zzqqx", ".faq-dead-end a")):
        typed(page, query)
        page.wait_for_selector(ready)
        # Colours as they end: while the search's overlay fades in (a CSS
        # transition), what is behind the text is still changing.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        results = AxeResults(page.evaluate("o => axe.run('.md-search', o)", options))
        if results.violations_count:
            reports.append(results.generate_report())
    assert reports == []
