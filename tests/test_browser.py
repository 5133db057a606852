"""The site in real Chromium, opened from disk (file://) and over http."""

from __future__ import annotations

import re

import pytest

from tests.browser import open_search, search
from tests.conftest import lang_root, reset_tab

FAQ = "feature_advice.html"
ALIAS_ZH = "q-请问mindspore支持梯度截断吗"


def url(site, lang, name, fragment=""):
    return (lang_root(site, lang) / name).resolve().as_uri() + (f"#{fragment}" if fragment else "")


def target_id(page):
    page.wait_for_load_state("load")
    return page.evaluate("(document.querySelector(':target') || {}).id || null")


def in_view(page, selector):
    return page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }",
        selector,
    )


def switch_language(page, lang):
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select a[hreflang={lang}]")
    page.wait_for_load_state("load")


@pytest.mark.parametrize(("lang", "alias"), [("zh", ALIAS_ZH), ("en", "q-does-mindspore-support-gradient-clipping")])
def test_legacy_anchor_lands_on_its_question(site, page, lang, alias):
    page.goto(url(site, lang, FAQ, alias))
    page.wait_for_function("location.hash === '#gradient-clipping'")
    assert target_id(page) == "gradient-clipping"
    assert in_view(page, "#gradient-clipping")
    assert page.evaluate("getComputedStyle(document.querySelector('#gradient-clipping')).borderLeftStyle") == "solid"


def test_language_switch_keeps_the_question(site, page):
    page.goto(url(site, "zh", FAQ, "ascend-npu"))
    switch_language(page, "en")
    assert page.url == url(site, "en", FAQ, "ascend-npu")
    assert target_id(page) == "ascend-npu"
    switch_language(page, "zh")
    assert page.url == url(site, "zh", FAQ, "ascend-npu")
    assert target_id(page) == "ascend-npu" and in_view(page, "#ascend-npu")


def test_language_switch_after_legacy_anchor(site, page):
    page.goto(url(site, "zh", FAQ, ALIAS_ZH))
    page.wait_for_function("location.hash === '#gradient-clipping'")
    switch_language(page, "en")
    assert page.url.endswith(f"en/{FAQ}#gradient-clipping")


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "q-%E8%AF%B7%E9%97%AE"])
def test_malformed_or_cut_escape_in_the_address_keeps_the_tools(site, page, fragment):
    """A link cut short inside an escape: no error, copy buttons, and the switch keeps the hash."""
    page.goto(url(site, "zh", FAQ, fragment))
    page.wait_for_load_state("load")
    assert page.locator(".faq-question .faq-copy").count() == 24
    switch_language(page, "en")
    assert page.url == url(site, "en", FAQ, fragment)
    assert page.errors == []


def test_language_switch_over_http(http_site, page):
    page.goto(f"{http_site}en/{FAQ}#modelarts")
    switch_language(page, "zh")
    assert page.url == f"{http_site}{FAQ}#modelarts"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_short_link_lands_on_its_question(site, page, lang):
    page.goto(url(site, lang, "q/gradient-clipping.html"))
    page.wait_for_url(url(site, lang, FAQ, "gradient-clipping"))
    assert target_id(page) == "gradient-clipping"


def test_short_link_over_http(http_site, page):
    page.goto(f"{http_site}en/q/modelzoo.html")
    page.wait_for_url(f"{http_site}en/{FAQ}#modelzoo")


@pytest.mark.parametrize(("lang", "label", "copied"), [("zh", "复制本问题的链接", "已复制"), ("en", "Copy link to this question", "Copied")])
def test_copy_button_copies_the_link(site, page, lang, label, copied):
    page.goto(url(site, lang, FAQ, "modelarts") + "")
    button = page.locator("#ir-design .faq-copy")
    assert button.get_attribute("aria-label") == label
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == url(site, lang, FAQ, "ir-design")
    page.wait_for_function("document.querySelector('.md-dialog').textContent.trim() !== ''")
    assert copied in page.text_content(".md-dialog")


def test_permalink_is_visible_and_localized(site, page):
    page.goto(url(site, "zh", FAQ))
    link = page.locator("#ir-design .headerlink")
    assert link.get_attribute("title") == "本问题的永久链接"
    assert page.evaluate("getComputedStyle(document.querySelector('#ir-design .headerlink')).opacity") == "1"


def test_the_shared_tab_is_left_clean_for_the_next_test(site, http_site, page, _tabs):
    """The tab the page fixture hands every test (conftest.py): what a test
    stored, from disk or over http, and the routes it set are gone after it."""
    # (the site's smallest page: storage belongs to the origin, whatever the page)
    stored = "() => [localStorage.getItem('left'), sessionStorage.getItem('left')]"
    for address in (url(site, "zh", "404.html"), f"{http_site}404.html"):
        page.goto(address)
        page.evaluate("() => { localStorage.setItem('left', 'x'); sessionStorage.setItem('left', 'x') }")
        assert page.evaluate(stored) == ["x", "x"]
    page.route("**/404.html", lambda route: route.fulfill(status=200, body="routed"))
    reset_tab(_tabs[0], page, page.requests)
    assert page.url == "about:blank"
    for address in (url(site, "zh", "404.html"), f"{http_site}404.html"):
        page.goto(address)
        assert page.evaluate(stored) == [None, None], address
        assert page.text_content("body") != "routed"


# ------------------------------------------------------------------ search

CASES = [
    ("zh", "梯度截断", "gradient-clipping"),
    ("zh", "OM模型", "atlas-inference-and-hilens"),
    ("zh", "IR设计", "ir-design"),
    ("zh", "Tensor类型", "mix-with-pytorch"),
    ("zh", "np.random.uniform", "mindir-export-input"),
    ("zh", "save_checkpoint", "load-models-from-other-frameworks"),
    ("zh", "pynative", "pynative-vs-graph"),
    ("zh", "GPU计算单元", "hardware-requirements"),
    ("zh", "ModelArts", "modelarts"),
    ("zh", "gitee", "modelzoo"),
    ("en", "gradient clipping", "gradient-clipping"),
    ("en", "checkpoints", "load-models-from-other-frameworks"),
    ("en", "np.zeros", "mindir-export-input"),
    ("en", "Da Vinci", "ascend-npu"),
    ("en", "parall", "parallel-training"),
]


@pytest.fixture(scope="module")
def search_tabs(browser):
    """One open tab per (scheme, language), its search ready, shared by the search tests:
    each query clears the previous results, and opening a page costs ~0.5 s."""
    context = browser.new_context()
    yield context, {}
    context.close()


@pytest.fixture(params=["file", "http"])
def search_page(request, site, search_tabs):
    """A FAQ page of a language with its search ready, from disk or http."""

    def open_page(lang):
        context, tabs = search_tabs
        key = (request.param, lang)
        if key not in tabs:
            tab = context.new_page()
            if request.param == "file":
                tab.goto(url(site, lang, FAQ))
            else:
                base = request.getfixturevalue("http_site")
                tab.goto(f"{base}{'' if lang == 'zh' else lang + '/'}{FAQ}")
            open_search(tab)
            tabs[key] = tab
        return tabs[key]

    return open_page


@pytest.mark.parametrize(("lang", "query", "expected"), CASES)
def test_search_finds_the_question(search_page, lang, query, expected):
    page = search_page(lang)
    result = search(page, query)
    anchors = [href.split("#")[-1] for href in result["hrefs"]]
    assert expected in anchors[:3], (query, anchors[:5])
    first = result["hrefs"][anchors.index(expected)]
    assert f"{FAQ}" in first and first.endswith(f"#{expected}")


@pytest.mark.parametrize("search_page", ["file"], indirect=True)
def test_the_open_search_box_is_laid_out_once_not_animated(search_page):
    """faq.css: the search box widens and takes its colours at once (its width
    animation laid the header out every frame while the first shards loaded);
    the backdrop still fades in."""
    page = search_page("zh")
    durations = page.evaluate("""() => Object.fromEntries(
        ['.md-search__inner', '.md-search__form', '.md-search__icon', '.md-search__overlay'].map(s =>
          [s, getComputedStyle(document.querySelector(s)).transitionDuration.split(', ').some(d => parseFloat(d) > 0)]))""")
    assert durations == {".md-search__inner": False, ".md-search__form": False, ".md-search__icon": False,
                         ".md-search__overlay": True}, durations


READERS_WORDS = [
    ("zh", "梯度截斷", "gradient-clipping"),  # Traditional Chinese
    ("zh", "梯度裁剪", "gradient-clipping"),  # a synonym (docs/synonyms.yml)
    ("zh", "gradient clipping", "gradient-clipping"),  # the other language
    ("zh", "为什么MindSpore不能在英伟达显卡上跑", "ascend-only"),  # a natural question
    ("en", "梯度截断", "gradient-clipping"),
    ("en", "gradiant", "gradient-clipping"),  # a typo
    ("en", "how do I clip gradients", "gradient-clipping"),
    ("en", "dynamic graph", "pynative-vs-graph"),
]


@pytest.mark.parametrize(("lang", "query", "expected"), READERS_WORDS)
@pytest.mark.parametrize("search_page", ["file"], indirect=True)  # ranking and markup do not depend on the scheme
def test_readers_own_words_find_the_question(search_page, lang, query, expected):
    result = search(search_page(lang), query)
    anchors = [href.split("#")[-1] for href in result["hrefs"]]
    assert expected in anchors[:3], (query, anchors[:5])


@pytest.mark.parametrize(("lang", "query", "marked"), [("zh", "梯度截断", "梯度截断"), ("en", "clipping", "clipping")])
@pytest.mark.parametrize("search_page", ["file"], indirect=True)  # ranking and markup do not depend on the scheme
def test_results_show_an_excerpt_of_the_answer_with_the_words_marked(search_page, lang, query, marked):
    page = search_page(lang)
    search(page, query)
    page.wait_for_function("document.querySelector('.md-search-result__article .faq-excerpt')")
    first = page.locator(".md-search-result__article").first
    excerpt = first.locator(".faq-excerpt")
    assert marked in excerpt.locator("mark").first.inner_text().lower()
    answer = "支持" if lang == "zh" else "Yes"
    assert answer in excerpt.inner_text()  # the reader's language


@pytest.mark.parametrize("search_page", ["file"], indirect=True)  # ranking and markup do not depend on the scheme
def test_typed_markup_stays_text(search_page):
    page = search_page("en")
    result = search(page, "<img src=x onerror=window.__pwned=1> clipping")
    page.wait_for_function("document.querySelector('.md-search-result__article .faq-excerpt')")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".md-search-result img").count() == 0 and result["hrefs"]


@pytest.mark.parametrize(("lang", "none"), [("zh", "没有找到"), ("en", "No matching")])
def test_nonsense_query_shows_no_results(search_page, lang, none):
    result = search(search_page(lang), "qzxv wkpf")
    assert result["hrefs"] == [] and none.lower() in result["meta"].lower()


def test_one_result_per_question_titled_by_the_question(search_page):
    page = search_page("zh")
    result = search(page, "MindSpore")
    page.wait_for_function("document.querySelectorAll('.md-search-result__link').length === 10")
    anchors = [link.get_attribute("href").split("#")[-1] for link in page.locator(".md-search-result__link").all()]
    assert len(anchors) == len(set(anchors)) == 10  # the best 10 are listed…
    # …and the count says how many matched in all
    page.wait_for_function("(document.querySelector('.md-search-result__meta').textContent.match(/\\d+/g) || []).length === 2")
    total, shown = map(int, re.findall(r"\d+", page.text_content(".md-search-result__meta")))
    assert total > shown == 10
    assert all("?h=" in href or "&h=" in href for href in result["hrefs"])


def test_result_opens_the_question_with_the_query_highlighted(site, page):
    page.goto(url(site, "zh", FAQ))
    open_search(page)
    search(page, "梯度截断")
    with page.expect_navigation():
        page.click(".md-search-result__link")
    page.wait_for_load_state("load")
    assert page.url.endswith("#gradient-clipping")
    assert target_id(page) == "gradient-clipping"
    page.wait_for_selector("#gradient-clipping mark[data-md-highlight]", state="attached")
