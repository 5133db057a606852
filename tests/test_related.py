"""Related questions under each answer (faqlib/related.py, hooks/faqlib/build.py, related_questions)."""

from __future__ import annotations

import json

from faqlib import related
from faqlib.search import analyze, covers
from faqlib.tokenizer import parts

from tests.conftest import LANGS, lang_root


def test_parts_are_the_index_terms_the_segmenter_makes_of_a_word():
    assert parts("硬件支持", {"硬件", "支持", "需求"}) == ["硬件", "支持"]
    assert parts("需要什么硬件", {"需要", "硬件"}) == ["需要", "硬件"]  # 什么 is a question word
    assert parts("硬件支持", {"硬件支持"}) == []  # itself is not a part
    assert covers("需要什么硬件", ["需要", "硬件"]) and covers("硬件支持", ["硬件", "支持"])
    assert covers("检测算法", ["测算", "检测", "算法"])  # wherever the pieces overlap, in any order
    assert not covers("硬件需求", ["硬件"])  # 需求 would be lost: not a stand-in


def test_related_questions_share_weighted_terms_and_a_lonely_one_gets_none():
    found = analyze([
        ("How do I clip gradients?", "Use clip_by_norm to clip gradients in training."),
        ("Gradient clipping in PyNative mode", "Clip gradients with clip_by_value in PyNative."),
        ("Which GPU do I need?", "Any CUDA GPU with compute capability 5.3."),
        ("Does the GPU build need CUDA 11?", "The GPU build needs CUDA 11.1 and cuDNN."),
        ("Is there a logo?", "Yes, in the repository."),
    ])
    near = related.related(found)
    assert near[0] == [1] and near[1] == [0]
    assert near[2] == [3] and near[3] == [2]
    assert near[4] == []


def test_links_go_under_the_answer_before_the_next_question():
    html = ('<h1 id="t">Page</h1><h2 id="a">Q: a</h2><p>A</p><h3 id="x">sub</h3><p>more</p>'
            '<h2 id="b">Q: b</h2><p>B</p>')
    out = related.insert_links(html, {"a": "<LA>", "b": "<LB>"})
    assert out == ('<h1 id="t">Page</h1><h2 id="a">Q: a</h2><p>A</p><h3 id="x">sub</h3><p>more</p><LA>'
                   '<h2 id="b">Q: b</h2><p>B</p><LB>')
    assert related.href("en/a.html", "en/a.html", "q") == "#q"
    assert related.href("en/a.html", "en/b.html", "q") == "b.html#q"
    assert related.href("a.html", "sub/b.html", "q") == "sub/b.html#q"
    block = related.block("zh", [("#q", "MindSpore<能>吗")])
    assert "相关问题" in block and "MindSpore&lt;能&gt;吗" in block
    assert "Related questions" in related.block("en", [])


def test_the_site_links_related_questions_by_id_in_its_language(site, pages):
    for lang in LANGS:
        data = json.loads((lang_root(site, lang) / "faq.json").read_text(encoding="utf-8"))["questions"]
        ids = {q["id"] for q in data}
        by_id = {q["id"]: q for q in data}
        assert all(set(q["related"]) <= ids - {q["id"]} and len(q["related"]) <= 3 for q in data)
        assert by_id["atlas-inference-and-hilens"]["related"] == ["export-air-on-atlas-inference"]
        assert any(not q["related"] for q in data)  # no good match, no links
        page = pages(lang, "feature_advice.html")
        blocks = page.select("div.faq-related")
        assert len(blocks) == sum(1 for q in data if q["related"])
        assert {b.select_one(".faq-related-title").get_text() for b in blocks} == {related.title(lang)}
        heading = page.find(id="atlas-inference-and-hilens")
        block = heading.find_next("div", class_="faq-related")
        assert block.find_previous(class_="faq-question") is heading
        assert [a["href"] for a in block.select("a")] == [f"#{i}" for i in by_id["atlas-inference-and-hilens"]["related"]]
