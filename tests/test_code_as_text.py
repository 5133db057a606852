"""Content is text, never code: markup in code spans shows as text everywhere."""

from __future__ import annotations

import json

import pytest

from tests.browser import open_search, search
from tests.conftest import build_here, copy_project
from tests.test_build_checks import EN, ZH, write_docs

SCRIPT = "</script><script>window.pwned = 1</script>"
IMG = "<img src=x onerror=\"window.pwned = 2\">"
EVIL_ZH = ZH.replace("第二个问题？", f"如何显示 `{SCRIPT}`？").replace("回答二。", f"回答：`{IMG}` 只是文字。")
EVIL_EN = EN.replace("Second question?", f"How is `{SCRIPT}` shown?").replace("Answer two.", f"Answer: `{IMG}` is just text.")


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("evil"))
    write_docs(project, zh=EVIL_ZH, en=EVIL_EN)
    result = build_here(project)
    assert result.ok, result.log
    return result.site


def test_faq_json_and_json_ld_hold_the_text(evil_site):
    data = json.loads((evil_site / "faq.json").read_text(encoding="utf-8"))
    second = data["questions"][1]
    assert second["question"] == f"如何显示 {SCRIPT}？"
    assert IMG in second["answer"]
    html = (evil_site / "feature_advice.html").read_text(encoding="utf-8")
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld
    assert json.loads(ld)["mainEntity"][1]["name"] == f"如何显示 {SCRIPT}？"


@pytest.mark.parametrize(("lang", "query"), [("zh", "script"), ("en", "script")])
def test_page_and_results_show_markup_as_text(evil_site, page, lang, query):
    root = evil_site if lang == "zh" else evil_site / lang
    page.goto((root / "feature_advice.html").resolve().as_uri())
    assert SCRIPT in page.text_content("#second")
    assert IMG in page.text_content("article")
    open_search(page)
    result = search(page, query)
    assert result["hrefs"] and result["hrefs"][0].endswith("#second")
    title = page.text_content(".md-search-result__article h1")
    assert SCRIPT.replace(" ", "") in title.replace(" ", "")
    assert page.evaluate("document.querySelectorAll('.md-search-result script, .md-search-result img').length") == 0
    page.click(".md-search-result__link")
    page.wait_for_load_state("load")
    assert page.evaluate("window.pwned === undefined")
    assert page.errors == []
