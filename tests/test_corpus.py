"""The whole MindSpore FAQ (../shared/corpus/, 10 pages, 190 questions per
language) brought in by the documented import path, once per session:
`make import`, the official duplicate heading reported and fixed, `make ids`,
a strict build; then the multi-page site, in BeautifulSoup and in Chromium."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.browser import open_search, search, serve
from tests.conftest import ROOT, build_here, copy_project, lang_root
from tests.corpus import CORPUS, ids_tool, import_corpus
from tests.search_eval import check_invariants
from tests.test_search_quality import check

PAGES = sorted(p.name for p in (CORPUS / "zh").glob("*.md")) if CORPUS.is_dir() else []
DUPLICATE = "docs/implement_problem.en.md:330"


@dataclass
class Imported:
    project: Path
    site: Path
    first_import: str  # what make import printed (it stops at the duplicate)
    second_ids: str  # make ids after the heading was fixed
    third_ids: str  # make ids again
    changed_by_third: list[str]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Imported:
    if not CORPUS.is_dir():
        pytest.skip("no ../shared/corpus/ here")
    project = copy_project(tmp_path_factory.mktemp("corpus"))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(project)
        reads: dict = {}  # each text through Markdown once (tools/ids.py Reads)
        code, first, code_again, second = import_corpus(project, reads)
        assert code == 1 and code_again == 0, first + second
        before = {p: p.read_bytes() for p in (project / "docs").glob("*.*")}
        out = io.StringIO()
        assert ids_tool.run(project / "mkdocs.yml", out=out, reads=reads) == 0
        third = out.getvalue()
        changed = [p.name for p in (project / "docs").glob("*.*") if before.get(p) != p.read_bytes()]
    result = build_here(project, project / "site")
    assert result.ok, result.log
    return Imported(project, result.site, first, second, third, changed)


def soup(corpus, lang, name):
    return BeautifulSoup((lang_root(corpus.site, lang) / name).read_text(encoding="utf-8"), "html.parser")


def faq_json(corpus, lang):
    return json.loads((lang_root(corpus.site, lang) / "faq.json").read_text(encoding="utf-8"))


def test_import_names_the_official_duplicate_and_writes_nothing_until_fixed(corpus):
    assert f"{DUPLICATE}: question 'What should I do when an error Stream isn't enough is dis…': the same question is already asked at line 324" in corpus.first_import
    assert "make ids: nothing written" in corpus.first_import
    assert "make import: 9 page(s) copied and added to the nav" in corpus.first_import
    assert "docs/feature_advice.md is already in the site; left as it is" in corpus.first_import


def test_import_brings_the_synonyms_the_new_pages_can_use(corpus):
    """tools/synonyms-mindspore.yml joins docs/synonyms.yml where the imported pages have the words."""
    assert re.search(r"docs/synonyms\.yml:\d+: added the group \[卡住, [^\]]*hang[^\]]*\] \(from tools/synonyms-mindspore\.yml:\d+\)",
                     corpus.first_import)
    assert re.search(r"docs/synonyms\.yml:\d+: added [^\n]*显存爆了", corpus.first_import)  # joins the site's own group
    text = (corpus.project / "docs" / "synonyms.yml").read_text(encoding="utf-8")
    assert text.startswith((ROOT / "docs" / "synonyms.yml").read_text(encoding="utf-8").split("\n", 1)[0])
    assert "# Added by make import from tools/synonyms-mindspore.yml" in text


def test_remote_badges_become_links_named_at_file_line(corpus):
    assert re.search(r"docs/installation\.md:3: the remote image https://\S+logo_source\.svg would load from another "
                     r"machine; it is now the link \[查看源文件\]\(https://gitee\.com/\S+/installation\.md\)", corpus.first_import)
    assert corpus.first_import.count("would load from another machine") == 18
    page = soup(corpus, "en", "installation.html")
    assert page.find("a", string="View Source On Gitee")
    assert not [img for img in page.find_all("img") if "//" in img.get("src", "")]


def test_make_ids_gives_every_question_one_id_in_both_languages_then_changes_nothing(corpus):
    assert "wrote 332 id(s) into 18 file(s); 166 new id(s) locked in docs/ids.yml" in corpus.second_ids
    assert "every question has its id; docs/ids.yml is up to date" in corpus.third_ids
    assert corpus.changed_by_third == []
    zh, en = faq_json(corpus, "zh")["questions"], faq_json(corpus, "en")["questions"]
    assert len(zh) == len(en) == 190
    assert [q["id"] for q in zh] == [q["id"] for q in en]
    assert all(len(q["id"]) <= 40 or q["page"] == "feature_advice.md" for q in zh)
    lock = yaml.safe_load((corpus.project / "docs" / "ids.yml").read_text(encoding="utf-8"))
    assert set(lock["ids"]) == {q["id"] for q in zh}


def test_home_lists_every_question_under_its_page_title(corpus):
    for lang in ("zh", "en"):
        home = soup(corpus, lang, "index.html")
        titles = [h.get_text(strip=True) for h in home.select("h2.faq-page-title")]
        assert len(titles) == 10
        links = home.select("ol.faq-question-list a")
        assert len(links) == 190
        data = faq_json(corpus, lang)["questions"]
        assert titles == list(dict.fromkeys(q["page_title"] for q in data))
        assert [a["href"] for a in links] == [q["url"] for q in data]
    assert "安装" in [h.get_text(strip=True) for h in soup(corpus, "zh", "index.html").select("h2.faq-page-title")]


def test_faq_json_names_each_questions_page(corpus):
    data = faq_json(corpus, "en")["questions"]
    first = next(q for q in data if q["page"] == "installation.md")
    assert first["page_title"] == "Installation" and first["url"].startswith("installation.html#")


def test_each_page_has_its_own_json_ld(corpus):
    for name in PAGES:
        page = soup(corpus, "zh", name.replace(".md", ".html"))
        data = json.loads(page.find("script", type="application/ld+json").string)
        ids = [q["url"].split("#")[1] for q in data["mainEntity"]]
        assert ids == [q["id"] for q in faq_json(corpus, "zh")["questions"] if q["page"] == name]


def test_every_locked_id_resolves(corpus, page):
    """Each page as Chromium parses it: every id locked for it is on it; every
    short link points at its page and id. (As written, parsed with Chromium's
    DOMParser, which runs no script and lays nothing out: how scripts forward
    retired ids is tests/test_ids.py's.)"""
    lock = yaml.safe_load((corpus.project / "docs" / "ids.yml").read_text(encoding="utf-8"))["ids"]
    for lang in ("zh", "en"):
        root = lang_root(corpus.site, lang)
        for name in PAGES:
            ids = [qid for qid, entry in lock.items() if entry["pages"] == [name]]
            html = (root / name.replace(".md", ".html")).read_text(encoding="utf-8")
            missing = page.evaluate("""([html, ids]) => {
              const doc = new DOMParser().parseFromString(html, "text/html")
              return ids.filter(id => !doc.getElementById(id))
            }""", [html, ids])
            assert ids and missing == [], (lang, name, missing)
        for qid, entry in lock.items():
            short = (root / "q" / f"{qid}.html").read_text(encoding="utf-8")
            assert f'url={entry["pages"][0].replace(".md", ".html")}#{qid}"' in short.replace("../", ""), qid


def test_another_page_keeps_the_question_across_languages_and_links(corpus, page):
    qid = next(q["id"] for q in faq_json(corpus, "zh")["questions"] if q["page"] == "installation.md")
    page.goto((corpus.site / "q" / f"{qid}.html").as_uri())
    page.wait_for_url(f"**/installation.html#{qid}")
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(".md-select a[hreflang=en]")
    assert page.url == (corpus.site / "en" / "installation.html").as_uri() + f"#{qid}"
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator(f"#{qid} .faq-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_search_results_name_the_page(corpus, page):
    page.goto((corpus.site / "installation.html").as_uri())
    open_search(page)
    result = search(page, "cuBLAS")
    assert result["hrefs"] and "/installation.html?h=cublas#" in result["hrefs"][0]
    page.wait_for_function("document.querySelector('.md-search-result__article .faq-result-page')")
    assert page.text_content(".md-search-result__article .faq-result-page") == "安装"


def test_search_quality_on_the_whole_faq(corpus, page):
    """Our sets over the whole FAQ (by kind), in Chromium: recall@1 >= 0.80
    and recall@3 >= 0.92 per language, the search issue's targets."""
    data = Path(__file__).with_name("data")
    check(corpus.site, page, {
        "corpus": (data / "queries-corpus.tsv", 0.80, 0.92),
        "corpus-b": (data / "queries-corpus-b.tsv", 0.80, 0.92),
        "corpus-c": (data / "queries-corpus-c.tsv", 0.80, 0.92),
        "corpus-e": (data / "queries-corpus-e.tsv", 0.80, 0.92),  # written after the vocabulary of 2026-12-05
        "corpus-f": (data / "queries-corpus-f.tsv", 0.80, 0.92),  # by a helper who never saw the search; measured once
        "sounds": (data / "queries-sounds-corpus.tsv", 0.90, 0.90),  # homophone typos (Chinese only)
    })


def test_search_invariants_on_the_whole_faq(corpus, page):
    """Issue 20, in the worker's own code over every shard: every question's own
    text finds it in the top 3, every synonym word that occurs in the site and
    every index term alone finds something (6 of 284 synonym words found nothing).
    A quarter of the terms, for time: `make search-eval` runs them all."""
    for lang in ("zh", "en"):
        found = check_invariants(corpus.site, lang, page, corpus.project / "docs" / "synonyms.yml", every_term=4)
        assert found.questions == 190 and found.own_text_missed == [], (lang, found.own_text_missed)
        assert found.synonyms > 250 and found.synonyms_empty == [], (lang, found.synonyms_empty)
        assert found.terms > 700 and found.terms_empty == [], (lang, found.terms_empty[:20])


def test_most_hand_judged_related_questions_come_out(corpus):
    """tests/data/related-corpus.tsv: pairs judged by hand; at least 3 in 4 are
    among the first one's related questions, in each language."""
    pairs = [line.split("\t") for line in (Path(__file__).with_name("data") / "related-corpus.tsv")
             .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    for lang in ("zh", "en"):
        related = {q["id"]: q["related"] for q in faq_json(corpus, lang)["questions"]}
        found = [b in related[a] for a, b in pairs]
        assert sum(found) >= 0.75 * len(pairs), (lang, [p for p, ok in zip(pairs, found) if not ok])


def test_a_query_loads_only_the_shards_it_needs(corpus, page):
    """Over http, a query loads some dictionary and postings shards, and the
    records and answers of the results shown, never the whole index; what
    the worker has loaded, it keeps."""
    folder = corpus.site / "search"
    every = {p.name for p in folder.glob("*-*.js")}
    with serve(corpus.site) as base:
        page.goto(f"{base}installation.html")
        open_search(page, "qzxv")  # ready, with hardly a file loaded
        page.requests.clear()
        result = search(page, "cuBLAS 报错")
        page.wait_for_function("document.querySelector('.md-search-result__article .faq-excerpt')")
        loaded = [u.rsplit("/", 1)[-1] for u in page.requests if "/search/" in u and u.endswith(".js")]
        page.requests.clear()
        again = search(page, "报错 cuBLAS")
        page.wait_for_function("document.querySelector('.md-search-result__article .faq-excerpt')")
    assert result["hrefs"] and again["hrefs"]
    assert len(loaded) == len(set(loaded)) and set(loaded) <= every
    by_kind = {kind: {n for n in loaded if n.startswith(kind + "-")} for kind in "dpvmt"}
    assert 0 < len(by_kind["d"]) < len({n for n in every if n.startswith("d-")})
    long_postings = {n for n in every if n.startswith("p-")}  # none when every list is short enough to inline
    assert not long_postings or len(by_kind["p"]) < len(long_postings)
    assert len(by_kind["m"]) <= 10 and len(by_kind["t"]) <= 10  # one each per result at most (10 sent)
    # (answers may still come for results of the first query that render late)
    again_loaded = [u.rsplit("/", 1)[-1] for u in page.requests if "/search/" in u]
    assert not [n for n in again_loaded if n[:2] in ("d-", "p-", "v-", "m-")], "the same words again load nothing new"
