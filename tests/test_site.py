"""The built site, read with BeautifulSoup: content, ids, anchors, links, data."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from tests.conftest import LANGS, ROOT, SEED, lang_root
from faqlib.ids import ID_PATTERN, legacy_slug
from faqlib.reader import read_markdown
from faqlib.upstream import material

FAQ = "feature_advice.html"


def seed_questions() -> list[str]:
    """The seed's question texts as a reader sees them (no markup)."""
    return [q.question for q in read_markdown(SEED.read_text(encoding="utf-8"), ["attr_list", "toc", "pymdownx.superfences"]).questions]


def headings(soup) -> list:
    return soup.select("article h2.faq-question")


def heading_text(h2) -> str:
    return "".join(t for t in h2.find_all(string=True) if not t.find_parent(class_=["headerlink"])).strip()


def faq_json(site, lang):
    return json.loads((lang_root(site, lang) / "faq.json").read_text(encoding="utf-8"))


def test_seed_has_24_questions():
    assert len(seed_questions()) == 24


def test_chinese_page_is_the_seed_in_order(pages):
    texts = [heading_text(h) for h in headings(pages("zh", FAQ))]
    assert texts == [f"Q: {q}" for q in seed_questions()]


@pytest.mark.parametrize("lang", LANGS)
def test_24_questions_with_answers(pages, lang):
    hs = headings(pages(lang, FAQ))
    assert len(hs) == 24
    for h in hs:
        answer = h.find_next_sibling()
        assert answer.name in {"p", "ul"} and answer.get_text().strip().startswith("A:"), h["id"]


def test_every_code_span_and_link_of_the_seed_is_kept(pages):
    seed = SEED.read_text(encoding="utf-8")
    article = pages("zh", FAQ).select_one("article")
    codes = [c.get_text() for c in article.select("code")]
    assert codes == re.findall(r"`([^`]+)`", seed)
    hrefs = {a["href"] for a in article.select("a[href^=http]")}
    for url in re.findall(r"\]\((https://[^)\s]+)\)", seed):
        if url.endswith(".svg"):
            continue
        assert url in hrefs
    assert len(article.select("li:not(.faq-related li)")) == seed.count("\n- ")  # (not the related questions)


def test_the_remote_badge_became_a_text_link(pages):
    link = pages("zh", FAQ).find("a", string="查看源文件")
    assert link["href"].startswith("https://gitee.com/mindspore/docs/")
    assert not link.find("img")


def test_ids_valid_unique_and_equal_across_languages(pages):
    ids = {lang: [h["id"] for h in headings(pages(lang, FAQ))] for lang in LANGS}
    assert ids["zh"] == ids["en"]
    assert len(set(ids["zh"])) == 24
    assert all(ID_PATTERN.match(i) for i in ids["zh"])
    assert "gradient-clipping" in ids["zh"]


@pytest.mark.parametrize(
    ("lang", "alias"),
    [("zh", "q-请问mindspore支持梯度截断吗"), ("en", "q-does-mindspore-support-gradient-clipping")],
)
def test_legacy_anchor_is_on_its_question(pages, lang, alias):
    anchor = pages(lang, FAQ).find(id=alias)
    assert anchor is not None
    assert anchor["data-faq-alias-of"] == "gradient-clipping"
    assert anchor.find_parent("h2")["id"] == "gradient-clipping"


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_has_its_unicode_slug_alias(pages, lang):
    for h in headings(pages(lang, FAQ)):
        alias = h.select_one(".faq-alias")
        assert alias["id"] == legacy_slug(heading_text(h))


@pytest.mark.parametrize("lang", LANGS)
def test_short_links_forward_with_canonical(site, pages, lang):
    root = lang_root(site, lang)
    for h in headings(pages(lang, FAQ)):
        qid = h["id"]
        short = pages(lang, f"q/{qid}.html")
        refresh = short.find("meta", attrs={"http-equiv": "refresh"})["content"]
        target = refresh.split("url=", 1)[1]
        assert target == f"../{FAQ}#{qid}"
        assert short.find("link", rel="canonical")["href"].endswith(f"{FAQ}#{qid}")
        assert (root / "q" / target.split("#")[0]).resolve() == (root / FAQ).resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_faq_page(site, pages, lang):
    scripts = pages(lang, FAQ).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "FAQPage"
    questions = faq_json(site, lang)["questions"]
    assert [e["name"] for e in data["mainEntity"]] == [q["question"] for q in questions]
    for entity, q in zip(data["mainEntity"], questions):
        assert entity["@type"] == "Question"
        assert entity["url"].endswith(f"#{q['id']}")
        assert entity["acceptedAnswer"]["text"] == q["answer"] and q["answer"]


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_lists_every_question(pages, lang):
    ids = [h["id"] for h in headings(pages(lang, FAQ))]
    links = [a["href"] for a in pages(lang, "index.html").select("article a[href^='feature_advice.html#']")]
    assert links == [f"{FAQ}#{i}" for i in ids]


@pytest.mark.parametrize("lang", LANGS)
def test_faq_json(site, pages, lang):
    data = faq_json(site, lang)
    assert data["lang"] == lang
    ids = [h["id"] for h in headings(pages(lang, FAQ))]
    assert [q["id"] for q in data["questions"]] == ids
    for q in data["questions"]:
        assert q["url"] == f"{FAQ}#{q['id']}"
        assert q["question"] and q["answer"] and "<" not in q["answer"].replace("<br", "")
        assert not q["question"].startswith("Q") or not q["question"][1:2] in ":："
        assert q["aliases"] and all(a.startswith("q-") for a in q["aliases"])


def test_faq_json_answers_are_plain_text(site):
    first = faq_json(site, "zh")["questions"][0]
    assert first["answer"].startswith("不是固定格式的")
    assert "np.ones" in first["answer"] and "`" not in first["answer"]


@pytest.mark.parametrize("lang", LANGS)
def test_language_selector_points_to_the_same_page(pages, lang):
    links = {a["hreflang"]: a["href"] for a in pages(lang, FAQ).select(".md-select a[hreflang]")}
    assert set(links) == set(LANGS)
    assert links["en"].endswith(f"en/{FAQ}") or (lang == "en" and links["en"] == FAQ)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_loaded_from_off_the_machine(site, lang):
    for path in lang_root(site, lang).glob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag, attr, url in re.findall(r"<(script|link|img|iframe|source)\b[^>]*?\b(src|href)=\"([^\"]*)\"", html):
            if tag == "link" and re.search(r'rel="(canonical|alternate)"', html[html.find(url) - 200 : html.find(url)]):
                continue
            assert not re.match(r"(https?:)?//", url), f"{path.name}: <{tag} {attr}={url}>"
        assert "fonts.googleapis.com" not in html and "unpkg.com" not in html


def test_material_search_worker_is_not_shipped(site):
    """Material's search worker and its lunr files are never loaded (the page
    starts ours), so the build leaves them out; everything a page names from
    this site is there (the clean-console tests open the pages)."""
    shipped = {str(p.relative_to(site)) for p in (site / "assets").rglob("*") if p.is_file()}
    assert not [name for name in shipped if name.startswith(material.SEARCH_WORKER_FILES)]
    assert "assets/javascripts/faq-search-worker.js" in shipped
    for path in (site / "feature_advice.html", site / "en" / "feature_advice.html"):
        for url in re.findall(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"#?]*)"', path.read_text(encoding="utf-8")):
            if url and not re.match(r"[a-z]+:|//", url):
                assert (path.parent / url).resolve().exists(), (path.name, url)


def test_every_page_names_its_icon(site):
    """Every HTML page, short links and retired questions included, names its
    icon: a page that names none makes the browser ask the server for
    /favicon.ico, a 404 and a console error (the short link's, over http,
    made the clean-console test fail now and then)."""
    pages = [path for path in site.rglob("*.html")]
    assert any(path.parent.name == "q" for path in pages)
    nameless = [str(path.relative_to(site)) for path in pages
                if not BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one('link[rel~="icon"]')]
    assert nameless == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_shows_this_language_and_finds_both(site, pages, lang):
    """Results are this language's questions; the other language's words only point at them."""
    from faqlib.search import OTHER, read_folder
    index = read_folder(lang_root(site, lang) / "search")
    assert index.base["lang"] == lang and index.base["docs"] == len(faq_json(site, lang)["questions"])
    records = index.shards("m")
    questions = [d[1] for n in sorted(records) for d in records[n]["docs"]]
    assert questions == [q["question"] for q in faq_json(site, lang)["questions"]]
    postings = index.postings
    own_cjk = any(re.search(r"[\u4e00-\u9fff]", term) and any(code & OTHER == 0 for _, code in p)
                  for term, p in postings.items())
    assert own_cjk == (lang == "zh")
    other = [t for t, p in postings.items() if all(code & OTHER for _, code in p)]
    assert ("梯度截断" in other) == (lang == "en") and ("clip" in other) == (lang == "zh")
    js = (lang_root(site, lang) / "search" / "search_index.js").read_text(encoding="utf-8")
    assert js.startswith("var __index = ")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["index.html", FAQ])
def test_every_element_id_is_unique(pages, lang, name):
    ids = [el["id"] for el in pages(lang, name).select("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)


def test_our_template_ids_are_out_of_reach_of_author_ids():
    """Every id our overrides write starts with a prefix no valid question id can have."""
    from faqlib.model import RESERVED_ID_PREFIX
    ids = [m for f in sorted((ROOT / "overrides").rglob("*.html"))
           for m in re.findall(r'\bid="([^"{]+)"', f.read_text(encoding="utf-8"))]
    assert ids, "the overrides write ids (the copy-button template)"
    for value in ids:
        assert value.startswith(RESERVED_ID_PREFIX) and not ID_PATTERN.match(value), value
