"""Every reader, in real Chromium: axe-core's WCAG 2.1 A and AA rules on every
page type in both languages and both colour schemes, a phone's width, the
keyboard alone, and paper.

Cheap by design (make test's budget): one tab per colour scheme for the
module, each page type opened once per scheme and audited once, the phone
checks on the light tab's pages as they stand, one PDF per language."""

from __future__ import annotations

import io
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.browser import SEARCH_INPUT, serve
from tests.conftest import lang_root
from tests.reader_pages import DESKTOP, FAQ, KINDS, PHONE, SCHEMES, build_untranslated_site, open_kind, prefix, settle

AXE = Axe()  # axe-core's own axe.min.js, as the pinned package ships it
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """A small site with an untranslated page, served over http."""
    with serve(build_untranslated_site(tmp_path_factory.mktemp("untranslated"))) as base:
        yield base


@pytest.fixture(scope="module")
def tabs(browser):
    """tabs(scheme): one tab per colour scheme, the system's setting emulated,
    nothing stored (Material keeps a chosen palette in localStorage)."""
    contexts, opened = [], {}

    def tab(scheme):
        if scheme not in opened:
            context = browser.new_context(color_scheme=scheme, viewport=DESKTOP)
            contexts.append(context)
            page = context.new_page()
            page.errors = []
            page.on("pageerror", lambda error, page=page: page.errors.append(str(error)))
            opened[scheme] = page
        return opened[scheme]

    yield tab
    for context in contexts:
        context.close()


def audit(page, scope: str | None) -> str:
    """axe's WCAG 2.1 A/AA violations of the page (or of *scope* in it), as
    axe-playwright-python reports them; empty when there are none."""
    results = AXE.run(page, context=scope, options=WCAG)
    return results.generate_report() if results.violations_count else ""


# What a phone would cut off: Material's <html> hides sideways overflow, so
# content wider than the screen is clipped rather than scrolled to. Shown
# elements only (the open search hides the header's hidden menus off to the
# right; its backdrop is a circle scaled up past the screen), and not what
# scrolls inside its own box (a long code line).
_PHONE_PROBLEMS = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
  const width = document.documentElement.clientWidth, problems = []
  const inside = el => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement)
      if (getComputedStyle(box).overflowX !== "visible" && box.getBoundingClientRect().right <= width + 0.5) return true
    return false
  }
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect()
    if (r.right <= width + 0.5 || !r.width || !r.height || el.closest(".md-search__overlay")) continue
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || inside(el)) continue
    problems.push(`${el.tagName.toLowerCase()}.${el.className}: right edge at ${Math.round(r.right)} px of ${width}`)
  }
  for (const el of document.querySelectorAll(".faq-copy, .faq-question .headerlink")) {
    const r = el.getBoundingClientRect()
    if (r.width < 24 || r.height < 24)
      problems.push(`${el.closest("[id]").id} ${el.className}: ${r.width}x${r.height} px, under 24x24`)
  }
  return problems.slice(0, 10)
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_type_passes_axe_in_both_languages(scheme, tabs, http_site, fixture_site):
    """Home, a targeted question, search results with excerpts, a short link,
    an untranslated page, results naming their page, and 404: no WCAG 2.1
    A/AA violation. Material's palette follows the system's setting. In the
    light run each page is also narrowed to a phone's 390 px: nothing scrolls
    sideways, and the question tools are 24 px targets."""
    page = tabs(scheme)
    violations, phone = {}, {}
    for kind, lang in KINDS:
        shown = open_kind(page, kind, lang, http_site, fixture_site)
        if kind != "short-link":  # a standalone page, with the browser's colours
            assert page.evaluate("document.body.dataset.mdColorScheme") == MATERIAL_SCHEME[scheme], (kind, lang)
        if report := audit(page, shown.scope):
            violations[f"{kind} ({lang}, {scheme}) {shown.url}"] = report
        if scheme == "light":
            page.set_viewport_size(PHONE)
            if problems := page.evaluate(_PHONE_PROBLEMS):
                phone[f"{kind} ({lang}) {shown.url}"] = problems
            page.set_viewport_size(DESKTOP)
        shown.leave()
    assert not violations, "\n\n".join(f"{where}\n{report}" for where, report in violations.items())
    assert not phone, phone
    assert page.errors == []


def test_palette_toggle_is_named_in_each_language_and_remembered(browser, http_site):
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(http_site + "index.html")
        toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
        assert toggle.get_attribute("title") == "切换到浅色模式"
        toggle.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        page.goto(http_site + f"en/{FAQ}")  # the reader's choice holds on every page
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        assert toggle.get_attribute("title") == "Switch to dark mode"
    finally:
        context.close()


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
    if lang == "en":
        page.keyboard.type("gradient clipping")
    else:  # CJK through keyboard.type fires no search (STANDARDS): fill, then End
        page.fill(SEARCH_INPUT, "梯度截断的脚本")  # the answer first, other scripts after
        page.press(SEARCH_INPUT, "End")
    page.wait_for_selector(".md-search-result__link")
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


# After the frame that scrolls the focused element into view.
_FOCUSED = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
  const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect()
  return {
    question: (el.closest(".faq-question") || {}).id || null,
    tool: el.matches(".headerlink") ? "permalink" : el.matches(".faq-copy") ? "copy" : el.tagName,
    // Ours: 2 px solid; elsewhere Material leaves the browser's own ring (auto).
    ring: style.outlineStyle === "auto" || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2),
    inView: box.top >= -1 && box.bottom <= innerHeight + 1,  // scrolled to, to the sub-pixel
  }
}"""
# Tab stops from the first question to the end of the page's text.
_STOPS = """() => {
  const first = document.querySelector(".faq-question")
  return [...document.querySelectorAll("article a[href], article button")]
    .filter(el => first.contains(el) || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).length
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tab_reaches_each_questions_permalink_and_copy_button_with_a_ring(tabs, http_site, lang):
    page = tabs("light")
    ids = [q["id"] for q in json.loads(page.context.request.get(f"{http_site}{prefix(lang)}faq.json").text())["questions"]]
    page.goto(f"{http_site}{prefix(lang)}{FAQ}#{ids[0]}")
    settle(page)
    assert page.evaluate("document.activeElement.id") == ids[0]  # the address's question has the focus
    focus = []
    for _ in range(page.evaluate(_STOPS)):
        page.keyboard.press("Tab")
        focus.append(page.evaluate(_FOCUSED))
    tools = [(f["question"], f["tool"]) for f in focus if f["tool"] in ("permalink", "copy")]
    assert tools == [(qid, tool) for qid in ids for tool in ("permalink", "copy")]
    assert [f for f in focus if not (f["ring"] and f["inView"])] == []


def test_skip_link_is_shown_on_focus_and_goes_to_the_content(tabs, http_site):
    page = tabs("light")
    page.goto(http_site + FAQ)
    page.keyboard.press("Tab")
    settle(page)
    skip = page.evaluate("""() => { const e = document.activeElement, box = e.getBoundingClientRect()
      return {cls: e.className, opacity: getComputedStyle(e).opacity, top: box.top, height: box.height, text: e.textContent.trim()} }""")
    assert "md-skip" in skip["cls"] and skip["opacity"] == "1" and skip["top"] >= 0 and skip["height"] > 0, skip
    assert skip["text"] == "跳转至"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')")


# ---------------------------------------------------------------- print

def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printed_page_holds_every_question_answer_and_address(tabs, http_site, site, lang):
    """Printed from the dark scheme: every question and its answer, each
    question's address and each link's, and none of the screen's tools."""
    page = tabs("dark")
    page.goto(f"{http_site}{prefix(lang)}{FAQ}")
    settle(page)
    page.evaluate("addEventListener('beforeprint', () => { window.__printed = document.body.dataset.mdColorScheme })")
    pdf = page.pdf(format="A4")
    assert page.evaluate("window.__printed") == "default"  # paper is light
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # and the screen as it was
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = _flat(text)
    links = page.eval_on_selector_all(".md-content a[href]:not(.headerlink)", "links => links.map(a => a.href)")
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
    for screen_only in ("¶", "MindSpore常见问题", "MindSporeFAQ", "跳转至", "Skiptocontent", "MaterialforMkDocs", "首页", "Home"):
        assert screen_only not in flat, screen_only
