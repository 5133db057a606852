"""Every page type in real Chromium, checked by axe-core's WCAG 2.1 A and AA
rules in both languages and both colour schemes, and at a phone's width.

Cheap by design (make test's budget): one tab, each page type opened once
and audited in full once, then by the colour rules in the other scheme; the
phone checks narrow the page as it stands."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from tests.browser import serve
from tests.reader_pages import DESKTOP, KINDS, PHONE, SCHEMES, build_untranslated_site, open_kind, scheme_tabs

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
    """The module's tab (reader_pages.scheme_tabs), axe-core loaded into
    every page it opens: sent to the browser once, not once per audit (600 KB)."""
    with scheme_tabs(browser, init_script=AXE.axe_script) as tab:
        yield tab


# The rules a colour scheme can change the answer of: axe's colour rules
# (category cat.color: text contrast, links told apart by colour) among the
# WCAG 2.1 A/AA ones. Material's palettes and ours are colours only (CSS
# custom properties under [data-md-color-scheme]); the site has no image or
# element shown in one scheme only, so every other rule gives the same answer
# light or dark, and a second full audit per page cost 0.25 s of the test's 1 s per page.
_COLOUR_RULES = """tags => axe.getRules(tags).filter(rule => rule.tags.includes("cat.color")).map(rule => rule.ruleId)"""


def audit(page, scope: str | None, colours_only: bool = False) -> str:
    """axe's WCAG 2.1 A/AA violations of the page (or of *scope* in it), as
    axe-playwright-python reports them; empty when there are none. With
    *colours_only*, only the colour rules run. axe is already on the page
    (the tabs' init script)."""
    options = WCAG
    if colours_only:
        rules = page.evaluate(_COLOUR_RULES, WCAG["runOnly"]["values"])
        assert set(rules) >= {"color-contrast", "link-in-text-block"}, rules  # axe's categories as read (axe-core 4.x)
        options = {**WCAG, "runOnly": {"type": "rule", "values": rules}}
    response = page.evaluate("([scope, options]) => axe.run(scope || document, options)", [scope, options])
    results = AxeResults(response)
    return results.generate_report() if results.violations_count else ""


# What a phone would cut off: Material's <html> hides sideways overflow, so
# content wider than the screen is clipped rather than scrolled to. Shown
# elements only (the open search hides the header's hidden menus off to the
# right; its backdrop is a circle scaled up past the screen), and not what
# scrolls inside its own box (a long code line).
_PHONE_PROBLEMS = """() => {
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


# axe reads the contrast of text only: the copy button is an icon, which
# WCAG 1.4.11 asks to stand out 3:1 from what is behind it (composited here
# as the browser paints it: the button's colour over its backgrounds, the
# targeted question's highlight included).
_ICON_CONTRAST = """() => {
  const parse = c => { const v = c.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v }
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)]
  const lum = rgb => rgb.map(v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0)
  const behind = el => {
    const layers = []
    for (let box = el.parentElement; box; box = box.parentElement) {
      const c = parse(getComputedStyle(box).backgroundColor)
      if (c[3] > 0) layers.push(c)
      if (c[3] === 1) break
    }
    return layers.reverse().reduce((base, layer) => over(layer, base), [255, 255, 255])
  }
  return [...document.querySelectorAll(".faq-question .faq-copy")].map(el => {
    const back = behind(el), fore = over(parse(getComputedStyle(el).color), back)
    const [hi, lo] = [lum(fore), lum(back)].sort((a, b) => b - a)
    return [el.parentElement.id, Math.round(100 * (hi + 0.05) / (lo + 0.05)) / 100]
  }).filter(([, ratio]) => ratio < 3)
}"""


# Reading rhythm: the empty space above each question (from the last text of
# the answer before it), and how many of the sources' '<br/>' paragraphs show.
_GAPS = """() => ({
  gaps: [...document.querySelectorAll(".faq-question")].slice(1).map(h => {
    let above = h.previousElementSibling
    while (above && !(above.getClientRects().length && above.textContent.trim())) above = above.previousElementSibling
    return Math.round(h.getBoundingClientRect().top - above.getBoundingClientRect().bottom)
  }),
  spacers: document.querySelectorAll(".faq-spacer").length,
  shown: [...document.querySelectorAll(".faq-spacer")].filter(p => p.getClientRects().length).length,
})"""
MAX_GAP = 48  # px at 1280x800; the sources' <br/> made it 82 (README)


def read_aloud(page, selector: str) -> tuple[str, str]:
    """The name and description Chromium's accessibility tree gives the first
    *selector*: what a screen reader says when it has the focus."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
        return ax.get("name", {}).get("value", ""), ax.get("description", {}).get("value", "")
    finally:
        cdp.detach()


_RESULT_TEXT = """() => {
  const article = document.querySelector(".md-search-result__link .md-search-result__article")
  const text = sel => (article.querySelector(sel) || {textContent: ""}).textContent.replace(/\\s+/g, " ").trim()
  return [[text(".faq-result-page"), text("h1, h2")].filter(Boolean).join(" "), text(".faq-excerpt")]
}"""


def show_scheme(page, scheme: str) -> None:
    """The open page as a system set to *scheme* shows it: the browser's
    preference (the short-link page's own colours follow it), and the body
    attribute Material's palette sets from the option whose media matches
    (mkdocs.yml), which it reads at load only. The keys module checks that a
    page loaded on a dark system is dark by itself."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate(
        "scheme => document.body.hasAttribute('data-md-color-scheme') && document.body.setAttribute('data-md-color-scheme', scheme)",
        MATERIAL_SCHEME[scheme],
    )


def test_every_page_type_passes_axe_in_both_languages_and_schemes(tabs, http_site, fixture_site):
    """Home, a targeted question, search results with excerpts, a short link,
    an untranslated page, results naming their page, and 404: no WCAG 2.1
    A/AA violation, light or dark. Each page is opened once, audited light,
    narrowed to a phone's 390 px (nothing wider than the screen, the question
    tools 24 px targets), then shown dark and audited by the colour rules."""
    page = tabs("light")
    violations, phone = {}, {}
    for kind, lang in KINDS:
        shown = open_kind(page, kind, lang, http_site, fixture_site)
        if kind != "short-link":  # a standalone page, in the browser's colours
            assert page.evaluate("document.body.dataset.mdColorScheme") == "default", (kind, lang)
        if kind.startswith("search"):  # a focused result is read with its page, title and excerpt
            assert read_aloud(page, ".md-search-result__link") == tuple(page.evaluate(_RESULT_TEXT)), (kind, lang)
            assert page.get_attribute(".md-search-result__meta", "role") == "status"  # the count is announced
        if kind == "question":
            rhythm = page.evaluate(_GAPS)
            assert rhythm["spacers"] == 23 and rhythm["shown"] == 0, rhythm
            assert max(rhythm["gaps"]) <= MAX_GAP, rhythm["gaps"]
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            if report := audit(page, shown.scope, colours_only=scheme != "light"):
                violations[f"{kind} ({lang}, {scheme}) {shown.url}"] = report
            if kind == "question" and (faint := page.evaluate(_ICON_CONTRAST)):
                violations[f"copy buttons under 3:1 ({lang}, {scheme})"] = str(faint)
            if scheme == "light":
                page.set_viewport_size(PHONE)
                if problems := page.evaluate(_PHONE_PROBLEMS):
                    phone[f"{kind} ({lang}) {shown.url}"] = problems
                page.set_viewport_size(DESKTOP)
        show_scheme(page, "light")
        shown.leave()
    assert not violations, "\n\n".join(f"{where}\n{report}" for where, report in violations.items())
    assert not phone, phone
    assert page.errors == []
