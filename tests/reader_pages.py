"""The page types every reader meets, opened in a Playwright page one way for
the reader tests (tests/test_readers.py) and for `make screenshots`
(tools/screenshots.py), so the pictures show what the audit checked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import open_search

FAQ = "feature_advice.html"
QUESTION = "modelzoo"  # links in its heading and answer: the hardest to read
QUERIES = {"zh": "梯度截断", "en": "gradient clipping"}
UNTRANSLATED = "extra.html"
SCHEMES = ("light", "dark")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

#: (page type, language): the 404 page is one page in both languages (the
#: server answers every missing address with it), the notice exists in
#: English only (the Chinese page is the source); search-pages is search on
#: a site of two FAQ pages, whose results name their page.
KINDS = [
    ("home", "zh"), ("question", "zh"), ("search", "zh"), ("short-link", "zh"),
    ("untranslated", "en"), ("search-pages", "en"), ("search-pages", "zh"),
    ("home", "en"), ("question", "en"), ("search", "en"), ("short-link", "en"),
    ("404", "zh+en"),
]

# A page that exists in Chinese only, listed as allowed, on a copy of the
# project with a small FAQ of its own: two FAQ pages, so search results name
# their page too.
_DOCS = {
    "index.md": "# 首页\n\n<!-- faq:all-questions -->\n",
    "index.en.md": "# Home\n\n<!-- faq:all-questions -->\n",
    "feature_advice.md": "# 特性咨询\n\n## Q: 支持梯度截断吗？ {#gradient-clipping}\n\nA: 支持，见[示例](https://gitee.com/mindspore)。\n\n<br/>\n\n## Q: 支持混合精度吗？ {#mixed-precision}\n\nA: 支持。\n",
    "feature_advice.en.md": "# Feature Advice\n\n## Q: Is gradient clipping supported? {#gradient-clipping}\n\nA: Yes, see the [example](https://gitee.com/mindspore).\n\n<br/>\n\n## Q: Is mixed precision supported? {#mixed-precision}\n\nA: Yes.\n",
    "extra.md": "# 只有中文的页面\n\n## Q: 梯度截断和梯度裁剪一样吗？ {#clipping-names}\n\nA: 一样，两种说法都有。\n",
}


def build_untranslated_site(project: Path) -> Path:
    """A strict in-process build of the project's config and assets with
    _DOCS, extra.md allowed untranslated; returns its site folder."""
    from tests.conftest import build_here, copy_project

    copy_project(project)
    for name, text in _DOCS.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("untranslated_ok: []", "untranslated_ok: [extra.md]")
    text = text.replace("  - feature_advice.md\n", "  - feature_advice.md\n  - extra.md\n", 1)
    config.write_text(text, encoding="utf-8")
    result = build_here(project)
    if not result.ok:
        raise RuntimeError(f"the untranslated-page fixture did not build:\n{result.log}")
    return result.site


@dataclass
class Shown:
    """What open_kind showed: the part a check should look at (None: the
    whole page), the page's address, and what to undo before the tab moves on."""

    scope: str | None
    url: str
    leave: Callable[[], None] = field(default=lambda: None)


def prefix(lang: str) -> str:
    return "" if lang.startswith("zh") else f"{lang}/"


def settle(page) -> None:
    """Wait for the page's CSS transitions (Material's header title fades
    to the page's title once a question is scrolled to)."""
    page.wait_for_load_state("load")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def _search(page, query: str) -> None:
    """Open search as the reader would (on a phone: the header's search
    button first) and wait for the results of *query*."""
    button = page.locator("label.md-header__button[for=__search]")  # shown on small screens only
    if button.is_visible() and not page.is_checked("#__search"):
        button.click()
    open_search(page, query)


def open_kind(page, kind: str, lang: str, base: str, fixture_base: str) -> Shown:
    """Show page type *kind* in *lang* on the site served at *base* (the
    untranslated page from the fixture site at *fixture_base*)."""
    root = base + prefix(lang)
    if kind == "home":
        page.goto(root + "index.html")
    elif kind == "question":
        page.goto(f"{root}{FAQ}#{QUESTION}")
    elif kind == "search":
        if not page.url.startswith(root + FAQ):  # the question's page will do
            page.goto(root + FAQ)
        _search(page, QUERIES[lang])
        page.wait_for_selector(".md-search-result .faq-excerpt")
        settle(page)
        # The page under the search box is the FAQ page, checked as such.
        return Shown(".md-search", page.url)
    elif kind == "short-link":
        # The page forwards at once (meta refresh); answering the forward with
        # 204 No Content keeps the short link's own page on screen. The route
        # goes when the tab moves on (removed at once, it leaves the page
        # slow to answer for a second).
        page.route(f"**/{FAQ}*", lambda route: route.fulfill(status=204))
        with page.expect_request(f"**/{FAQ}*"):
            page.goto(f"{root}q/{QUESTION}.html")
        settle(page)
        return Shown(None, page.url, lambda: page.unroute(f"**/{FAQ}*"))
    elif kind == "404":
        page.goto(base + "404.html")
    elif kind == "untranslated":
        page.goto(fixture_base + prefix(lang) + UNTRANSLATED)
    elif kind == "search-pages":
        # A site of two FAQ pages: each result names its page.
        if not page.url.startswith(fixture_base + prefix(lang) + UNTRANSLATED):
            page.goto(fixture_base + prefix(lang) + UNTRANSLATED)
        _search(page, QUERIES[lang])
        page.wait_for_selector(".md-search-result .faq-result-page")
        page.wait_for_selector(".md-search-result .faq-excerpt")
        settle(page)
        return Shown(".md-search", page.url)
    else:
        raise ValueError(kind)
    settle(page)
    return Shown(None, page.url)


@contextmanager
def scheme_tabs(browser, init_script: str | None = None) -> Iterator[Callable]:
    """tabs(scheme): one tab per colour scheme, made when first asked for,
    with the system's setting emulated and nothing stored (Material keeps a
    palette the reader chose in localStorage). Page errors are collected in
    tab.errors. The reader asks for reduced motion: Material then drops its
    transitions, so each check sees at once the state a transition would
    reach (the header's title, the skip link sliding in). *init_script* runs
    in every page before the page's own scripts."""
    contexts, opened = [], {}

    def tab(scheme: str):
        if scheme not in opened:
            context = browser.new_context(color_scheme=scheme, viewport=DESKTOP, reduced_motion="reduce")
            if init_script:
                context.add_init_script(init_script)
            contexts.append(context)
            page = context.new_page()
            page.errors = []
            page.on("pageerror", lambda error, page=page: page.errors.append(str(error)))
            opened[scheme] = page
        return opened[scheme]

    try:
        yield tab
    finally:
        for context in contexts:
            context.close()
