"""Readers without a mouse or a screen, in real Chromium: keys alone from the
home page to an answer and through every question's tools, the skip link,
the palette toggle, and paper (page.pdf(), its text read back with pypdf)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from tests.browser import ANSWERED, SEARCH_INPUT
from tests.conftest import lang_root
from tests.reader_pages import FAQ, prefix, scheme_tabs, settle


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per colour scheme for the module (reader_pages.scheme_tabs)."""
    with scheme_tabs(browser) as tab:
        yield tab


# ---------------------------------------------------------------- keyboard

_ACTIVE = """() => { const e = document.activeElement
  return {tag: e.tagName, id: e.id, href: e.getAttribute("href"), cls: e.className,
          inView: e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < innerHeight} }"""


@pytest.mark.parametrize(
    ("lang", "open_key", "keys"),
    [
        # The shortest way: the first result is the answer.
        ("en", "/", ["ArrowDown", "Enter"]),
        # The arrows move through the results, both ways.
        ("zh", "s", ["ArrowDown", "ArrowDown", "ArrowUp", "Enter"]),
    ],
)
def test_keys_alone_lead_from_home_to_the_answer(tabs, http_site, lang, open_key, keys):
    """From index.html: a key focuses search, the query is typed, and at most
    4 keys later the answer's question heading has the focus."""
    assert len(keys) <= 4
    page = tabs("light")
    page.goto(http_site + prefix(lang) + "index.html")
    page.keyboard.press(open_key)
    assert page.evaluate("selector => document.activeElement.matches(selector)", SEARCH_INPUT)
    query = "gradient clipping" if lang == "en" else "梯度截断的脚本"  # the answer first, other scripts after
    if lang == "en":
        page.keyboard.type(query)
    else:  # CJK through keyboard.type fires no search (STANDARDS): fill, then End
        page.fill(SEARCH_INPUT, query)
        page.press(SEARCH_INPUT, "End")
    # Each key typed searched: wait for the whole answer to the whole query.
    page.wait_for_function("() => { " + ANSWERED + " }")
    results = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")
    position = -1
    for key in keys[:-1]:
        page.keyboard.press(key)
        position += 1 if key == "ArrowDown" else -1
        assert page.evaluate(_ACTIVE)["href"] == results[position], (key, position)
    with page.expect_navigation():
        page.keyboard.press(keys[-1])
    settle(page)
    active = page.evaluate(_ACTIVE)
    assert (active["tag"], active["id"]) == ("H2", "gradient-clipping")
    assert active["inView"] and "faq-question" in active["cls"]


# Each element the focus reaches, as it is reached (with reduced motion the
# browser has scrolled it into view by then).
_RECORD_FOCUS = """() => {
  window.__focus = []
  document.addEventListener("focusin", ev => {
    const el = ev.target, style = getComputedStyle(el), box = el.getBoundingClientRect()
    window.__focus.push({
      question: (el.closest(".faq-question") || {}).id || null,
      tool: el.matches(".headerlink") ? "permalink" : el.matches(".faq-copy") ? "copy" : el.matches(".md-skip") ? "skip" : el.tagName,
      inArticle: !!el.closest("article"),
      // Ours: 2 px solid; elsewhere Material leaves the browser's own ring (auto).
      ring: style.outlineStyle === "auto" || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2),
      inView: box.top >= -1 && box.bottom <= innerHeight + 1,  // to the sub-pixel
      shown: style.opacity === "1" && box.height > 0,
      text: el.textContent.trim(),
    })
  })
}"""
# Tab stops in the page's text (from its title to the last answer).
_STOPS = "() => document.querySelectorAll('article a[href], article button').length"


def test_tab_from_the_skip_link_through_every_questions_permalink_and_copy_button(tabs, http_site):
    """The first Tab shows the skip link; Enter goes to the content; each
    further Tab reaches the next link or tool, shown and ringed: every
    question's permalink, then its copy button."""
    page = tabs("light")
    ids = [q["id"] for q in json.loads(page.context.request.get(f"{http_site}faq.json").text())["questions"]]
    page.goto(http_site + FAQ)
    settle(page)
    page.evaluate(_RECORD_FOCUS)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _ in range(page.evaluate(_STOPS)):
        page.keyboard.press("Tab")
    skip, *focus = page.evaluate("window.__focus")
    assert (skip["tool"], skip["text"], skip["shown"], skip["inView"], skip["ring"]) == ("skip", "跳转至", True, True, True)
    assert all(f["inArticle"] for f in focus), focus
    tools = [(f["question"], f["tool"]) for f in focus if f["tool"] in ("permalink", "copy") and f["question"]]
    assert tools == [(qid, tool) for qid in ids for tool in ("permalink", "copy")]
    assert [f for f in focus if not (f["ring"] and f["inView"])] == []


# ---------------------------------------------------------------- print

def _has_chinese_font() -> bool:
    """Chromium draws Chinese with a font that fontconfig knows for zh."""
    if not shutil.which("fc-list"):
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip())


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printed_page_holds_every_question_answer_and_address(tabs, http_site, site, lang):
    """Printed from the dark scheme: every question and its answer, each
    question's address and each link's, and none of the screen's tools."""
    if lang == "zh" and not _has_chinese_font():
        if os.environ.get("CI"):
            pytest.fail("CI=true but no Chinese font: .ci/run installs Debian's fonts-wqy-microhei")
        pytest.skip("no Chinese font, so the PDF holds no Chinese text (apt-get install fonts-wqy-microhei)")
    page = tabs("dark")
    page.goto(f"{http_site}{prefix(lang)}{FAQ}")
    settle(page)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # the system's dark, nothing stored
    page.evaluate("addEventListener('beforeprint', () => { window.__printed = document.body.dataset.mdColorScheme })")
    pdf = page.pdf(format="A4")
    assert page.evaluate("window.__printed") == "default"  # paper is light
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # and the screen as it was
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = _flat(text)
    # (related questions are hidden on paper: the questions themselves are all there)
    links = page.eval_on_selector_all(".md-content a[href]:not(.headerlink):not(.faq-related a)", "links => links.map(a => a.href)")
    assert links, "the page has links"
    for href in links:
        assert _flat(f"({href})") in flat, href
    # The answers as faq.json has them (plain text), beside the printed text
    # less the link addresses and list bullets.
    bare = flat
    for href in sorted(set(links), key=len, reverse=True):
        bare = bare.replace(_flat(f"({href})"), "")
    bare = bare.replace("•", "")
    faq = json.loads((lang_root(site, lang) / "faq.json").read_text(encoding="utf-8"))["questions"]
    assert len(faq) == 24
    base = page.url.split("#")[0]
    for q in faq:
        assert _flat(q["question"]) in bare, q["id"]
        assert _flat(q["answer"]) in bare, q["id"]
        assert _flat(f"{base}#{q['id']}") in flat, q["id"]
    # The header (site name, search box), nav, skip link, permalinks' ¶ and footer.
    for screen_only in ("¶", "MindSpore常见问题", "MindSporeFAQ", "搜索", "Search", "跳转至", "Skiptocontent", "首页", "Home", "MaterialforMkDocs"):
        assert screen_only not in flat, screen_only


def test_palette_toggle_is_named_in_each_language_and_remembered(tabs, http_site):
    """Last in the module: it stores a choice, which it then forgets."""
    page = tabs("dark")
    try:
        page.goto(http_site + "index.html")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
        assert toggle.get_attribute("title") == "切换到浅色模式"
        toggle.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        page.goto(http_site + f"en/{FAQ}")  # the reader's choice holds on every page
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        assert toggle.get_attribute("title") == "Switch to dark mode"
    finally:
        page.evaluate("localStorage.clear()")
