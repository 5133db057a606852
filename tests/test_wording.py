"""What the built pages say to every reader (BeautifulSoup, no browser): where
the content comes from, the English as a translation, the bilingual review's
points, one name in the nav, and a 404 page in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGS

FAQ = "feature_advice.html"
ZH_SOURCE = "https://gitee.com/mindspore/docs/blob/r2.3/docs/mindspore/source_zh_cn/faq/feature_advice.md"


def answer_text(soup, qid: str) -> str:
    """The text from a question's heading to the next question."""
    heading = soup.find(id=qid)
    parts = [heading.get_text(" ", strip=True)]
    for sibling in heading.find_next_siblings():
        if "faq-question" in (sibling.get("class") or []):
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(parts)


def test_english_source_link_names_the_chinese_source_as_translated(pages):
    (link,) = [a for a in pages("en", FAQ).select("article a[href*='gitee.com/mindspore/docs']")]
    assert link["href"] == ZH_SOURCE
    assert "Chinese source" in link.text and "translation" in link.text


@pytest.mark.parametrize(
    ("qid", "wording"),
    [
        ("python-native-like-taichi", "just import the relevant package ( import mindspore )"),
        ("semantic-fca", "just import the relevant package ( import FCA )"),
        ("pynative-vs-graph", "is friendly to dynamic syntax and flexible in expression"),
        ("edge-and-device", "edge and device scenarios"),
        ("object-detection-api", "a module for object detection algorithms like the one implemented on TensorFlow"),
        ("object-detection-api", "Pipeline API"),
        ("load-models-from-other-frameworks", "save_checkpoint API"),
    ],
)
def test_english_follows_the_bilingual_review(pages, qid, wording):
    assert wording in answer_text(pages("en", FAQ), qid)


def test_english_says_api_for_jiekou(pages):
    """接口 is "API" in MindSpore's English docs: every answer that says 接口
    says API in English, and no answer says "interface"."""
    zh, en = pages("zh", FAQ), pages("en", FAQ)
    ids = [h["id"] for h in zh.select(".faq-question[id]")]
    with_jiekou = [qid for qid in ids if "接口" in answer_text(zh, qid)]
    assert with_jiekou  # the page does say it
    assert [qid for qid in with_jiekou if "API" not in answer_text(en, qid)] == []
    assert "interface" not in en.select_one("article").get_text()


@pytest.mark.parametrize(("lang", "words"), [("zh", ["MindSpore r2.3", "CC BY 4.0", "翻译"]), ("en", ["MindSpore r2.3", "CC BY 4.0", "our own translation"])])
def test_home_page_says_where_the_content_comes_from(pages, lang, words):
    text = pages(lang, "index.html").select_one("article").get_text(" ", strip=True)
    assert all(word in text for word in words), words
    assert any(a["href"] == ZH_SOURCE for a in pages(lang, "index.html").select("article a[href]"))


@pytest.mark.parametrize("lang", LANGS)
def test_nav_names_the_site_once(pages, lang):
    nav = pages(lang, "index.html").select_one("nav.md-nav--primary")
    title = nav.select_one(".md-nav__title").get_text(" ", strip=True)
    items = [a.get_text(" ", strip=True) for a in nav.select(".md-nav__item > .md-nav__link")]
    assert title and title not in items, (title, items)


def test_404_page_speaks_both_languages(site):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert {el["lang"] for el in article.select("[lang]")} >= {"zh", "en"}
    assert {a["href"] for a in article.select("a[href]")} == {"/index.html", "/en/index.html"}
