"""Material's browser internals, as docs/assets/javascripts/faq-material.js names
them, are still there: each test fails loudly, naming the adapter, when a new
release of Material changes them (the Python side's are tests/test_upstream.py)."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

from tests.browser import open_search
from tests.conftest import ROOT, lang_root

ADAPTER = ROOT / "docs" / "assets" / "javascripts" / "faq-material.js"
THEME = Path(__import__("material").__file__).parent / "templates"


def bundle() -> str:
    (path,) = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
    return path.read_text(encoding="utf-8")


def test_the_adapter_names_the_installed_material():
    named = re.search(r'var VERSION = "([^"]+)"', ADAPTER.read_text(encoding="utf-8")).group(1)
    assert named == version("mkdocs-material"), (
        f"Material is {version('mkdocs-material')}, faq-material.js was read from {named}: read its new bundle"
    )


def test_the_bundle_still_does_what_the_adapter_answers():
    code = bundle()
    # Its language integration fetches <alternate>/sitemap.xml for each link[rel=alternate].
    assert 'M("link[rel=alternate]")' in code and '"sitemap.xml"' in code, "faq-material.js dropAlternates()"
    # Its search worker is made from config.search, and from disk its index is search_index.js.
    assert "search/search_index.js" in code and "search/search_index.json" in code
    assert re.search(r"new Worker\(\w+\)", code), "faq-material.js replaceSearchWorker()"
    # Its configuration is the JSON of #__config.
    assert 'id="__config"' in (THEME / "base.html").read_text(encoding="utf-8")


def test_the_bundle_speaks_the_protocol_and_writes_the_markup_the_adapter_names(site, page):
    """In Chromium: Material's messages to its worker are SETUP and QUERY (the
    stand-in throws on any other), its answers READY and RESULT render as a
    result list, and every selector the adapter names finds its element."""
    page.goto((lang_root(site, "en") / "feature_advice.html").resolve().as_uri())
    config = json.loads(page.text_content("#__config"))
    assert {"base", "search", "translations"} <= set(config), "faq-material.js configure()"
    open_search(page, "gradient clipping")
    page.wait_for_selector(".faq-excerpt")
    missing = page.evaluate(
        """() => Object.entries(faqMaterial.selectors)
             .filter(([name]) => !["teaser", "scheme", "dialog"].includes(name))
             .filter(([, selector]) => !document.querySelector(selector)).map(([name]) => name)"""
    )
    assert missing == [], f"Material's markup changed for {missing} (faq-material.js selectors)"
    assert page.evaluate("document.querySelector('.faq-excerpt').classList.contains(faqMaterial.selectors.teaser)")
    assert page.evaluate("document.body.hasAttribute(faqMaterial.selectors.scheme)")
    assert page.evaluate("!!document.querySelector(faqMaterial.selectors.dialog)")
    assert page.errors == []
