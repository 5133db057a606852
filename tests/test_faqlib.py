"""Unit tests of the pure FAQ logic in hooks/faqlib."""

from __future__ import annotations

import json

import markdown
import pytest
from faqlib.checks import check_translation, check_unique_ids
from faqlib.extract import QuestionExtension
from faqlib.ids import id_problem, legacy_slug, new_id
from faqlib.jsonld import faq_page, script_json
from faqlib.search import (
    META_CHUNK, OTHER, TEXT_CHUNK, TITLE, Row, analyze, build_index, decode_numbers, decode_postings,
    encode_numbers, encode_postings,
)
from faqlib.tokenizer import camel_words, query_words, spell, stem, term, tokenize
from faqlib.model import Problem
from faqlib.reader import read_markdown


# ------------------------------------------------------------------ ids

@pytest.mark.parametrize("qid", ["gradient-clipping", "q1", "a-b-c", "mindir-export-input"])
def test_valid_ids(qid):
    assert id_problem(qid) is None


@pytest.mark.parametrize("qid", ["", "Gradient", "a--b", "-a", "a-", "梯度", "a_b", "a b", "x" * 65])
def test_invalid_ids(qid):
    assert id_problem(qid)


def test_legacy_slug_matches_mindspore_links():
    assert legacy_slug("Q: 请问MindSpore支持梯度截断吗？") == "q-请问mindspore支持梯度截断吗"
    assert legacy_slug("Q: Does MindSpore support gradient clipping?") == "q-does-mindspore-support-gradient-clipping"


def test_the_suggested_id_is_the_one_make_ids_writes():
    """One id maker (faqlib.ids.new_id): the build's suggestion for a question
    without an id is what `make ids` writes for the same text."""
    assert new_id("Does MindSpore support gradient clipping?") == "gradient-clipping"
    taken = {"ascend-npu"}
    assert new_id("Ascend NPU", taken) == "ascend-npu-2"
    assert id_problem(new_id("请问MindSpore支持梯度截断吗")) is None
    assert new_id("梯度截断") == "tidujieduan"  # pinyin, on a page with no English
    assert new_id("🙂") == "question"

def read(text):
    return read_markdown(text, ["attr_list", "toc", "md_in_html", "pymdownx.superfences"])


def test_questions_with_lines_levels_answers():
    text = "# T\n\n## Q: 一？ {#one}\n\nA: 答一。\n\n<br/>\n\n## 主题\n\n### Q： 二？ {#two}\n\nA： 答二\n"
    one, two = read(text).questions
    assert (one.line, one.level, one.question, one.id, one.answer) == (3, 2, "一？", "one", "答一。")
    assert (two.line, two.level, two.question, two.id, two.answer) == (11, 3, "二？", "two", "答二")


def test_code_blocks_hide_questions_and_empty_answers_are_found():
    text = "## Q: 一 {#one}\n\n```\n## Q: 不是问题\n```\n\n## Q: 二 {#two}\n\n<br/>\n"
    found = read(text)
    assert [q.id for q in found.questions] == ["one", "two"]
    assert [(f.line, f.message.split(";")[0]) for f in found.findings] == [(7, "the question has no answer")]


def test_findings_name_lines_in_reading_order():
    text = "## Q: 一 {#one}\n\nA: 1\n\n ## Q: 二 {#two}\n\nA: 2\n\n## Q: 三\n\nA: 3\n\n## Q: 四{#four}\n\nA: 4\n"
    found = read(text)
    assert [q.question for q in found.questions] == ["一", "三", "四"]
    assert [(f.line, f.message.split(" ")[0:3]) for f in found.findings] == [
        (5, ["this", "line", "looks"]), (9, ["the", "question", "has"]), (13, ["'{#four}'", "is", "shown"])]


# ------------------------------------------------------------------ checks

def questions(text):
    return read(text).questions


def test_check_page_malformed_empty_duplicate_unanswered():
    text = "## Q: A {#Bad_Id}\n\nA: x\n\n## Q: {#empty}\n\nA: y\n\n## Q: A {#a2}\n\nA: z\n\n## Q: C {#c}\n"
    messages = [f.message for f in read(text).findings]
    assert any("not ASCII kebab-case" in m for m in messages)
    assert any("question text is empty" in m for m in messages)
    assert any("already asked at line 1" in m for m in messages)
    assert any("has no answer" in m for m in messages)


def test_unique_ids_across_pages():
    pages = {"a.md": questions("## Q: x {#same}\n\nA: 1\n"), "b.md": questions("## Q: y {#same}\n\nA: 2\n")}
    (problem,) = check_unique_ids(pages.items())
    assert problem.path == "b.md" and "already used" in problem.message and "a.md:1" in problem.message


def test_translation_missing_extra_and_order():
    zh = questions("## Q: 一 {#one}\n\nA: 1\n\n## Q: 二 {#two}\n\nA: 2\n\n## Q: 三 {#three}\n\nA: 3\n")
    en = questions("## Q: Three {#three}\n\nA: 3\n\n## Q: One {#one}\n\nA: 1\n\n## Q: Four {#four}\n\nA: 4\n")
    problems = check_translation("f.md", zh, "f.en.md", en)
    text = "\n".join(map(str, problems))
    assert "f.md:5: question '二': the id 'two' has no question in f.en.md" in text
    assert "f.en.md:9: question 'Four': the id 'four' has no question in f.md" in text
    assert "different order" in text


def test_problem_is_sortable():
    assert sorted([Problem("b", 1, "", "x"), Problem("a", 2, "", "y")])[0].path == "a"


# ------------------------------------------------------------------ extract

def render(text):
    ext = QuestionExtension()
    html = markdown.markdown(text, extensions=["attr_list", "toc", ext])
    return html, ext.take().questions


def test_extract_questions_as_plain_text():
    html, (q,) = render("## Q: 请问[MindSpore](https://x)支持`<b>`吗？ {#q-id}\n\nA: 是的，见 `code` 和 <br/> [链接](https://y)。\n\n- 一\n- 二\n")
    assert q.id == "q-id"
    assert q.question == "请问MindSpore支持<b>吗？"
    assert q.answer == "是的，见 code 和 链接。\n一\n二"
    assert q.aliases == ("q-请问mindspore支持吗",)  # as toc + pymdownx slugify: tags dropped
    assert 'id="q-请问mindspore支持吗"' in html and 'data-faq-alias-of="q-id"' in html


def test_aliases_equal_the_ids_toc_gives_headings_without_id():
    from pymdownx.slugs import slugify

    from tests.conftest import SEED

    for q in read(SEED.read_text(encoding="utf-8")).questions:
        heading = f"## Q: {q.html.replace('<code>', '`').replace('</code>', '`')}"
        auto = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"slugify": slugify(case="lower")}})
        expected = auto.convert(heading).split('id="', 1)[1].split('"', 1)[0]
        _, (found,) = render(f"{heading} {{#x}}\n\nA: y\n")
        assert found.aliases == (expected,)


def test_extract_stops_at_next_heading_and_skips_other_headings():
    _, found = render("## 主题\n\n### Q: 一 {#one}\n\nA: 1\n\n### Q: 二 {#two}\n\nA: 2\n\n## 其他\n\n正文\n")
    assert [(q.id, q.answer, q.level) for q in found] == [("one", "1", 3), ("two", "2", 3)]


def test_paragraphs_of_line_breaks_only_are_marked_as_spacers():
    html, (q,) = render("## Q: 一？ {#one}\n\nA: 答<br/>一。\n\n<br/>\n\n<BR> <br />\n\n文字<br/>\n")
    assert html.count('<p class="faq-spacer">') == 2
    assert '<p>A: 答<br/>一。</p>' in html and "<p>文字<br/></p>" in html
    assert q.answer == "答一。\n文字"


def test_a_question_without_id_is_still_a_question():
    _, (q,) = render("## Q: 没有编号\n\nA: 1\n")
    assert (q.id, q.question, q.aliases) == ("", "没有编号", ())


# ------------------------------------------------------------------ JSON-LD

def test_json_ld_escapes_script_end():
    q = render("## Q: `</script><script>alert(1)</script>` {#x}\n\nA: `<img src=x onerror=alert(1)>`\n")[1]
    text = script_json(faq_page(q, "page.html"))
    assert "<" not in text and ">" not in text
    data = json.loads(text)
    assert data["mainEntity"][0]["name"] == "</script><script>alert(1)</script>"
    assert data["mainEntity"][0]["url"] == "page.html#x"


# ------------------------------------------------------------------ search

def test_stem():
    assert [stem(w) for w in ["checkpoints", "clipping", "exported", "devices", "device", "models", "np.zeros", "ckpt"]] == [
        "checkpoint", "clip", "export", "devic", "devic", "model", "np.zeros", "ckpt"]


def test_a_noun_in_ment_meets_its_verb_where_the_verb_is_long_enough():
    """-ment goes where the base has Porter's measure 2: 'hardware requirements'
    finds 'require' (and the typo 'requirment'); 'statement' is not 'state'."""
    for noun, verb in [("requirements", "required"), ("deployment", "deploying"), ("alignment", "aligned"),
                       ("development", "develops"), ("requirment", "require")]:
        assert stem(noun) == stem(verb), noun
    for kept in ("statement", "element", "comments", "payment", "implement", "treatment"):
        assert stem(kept) == stem(kept).removesuffix("ment") + "ment", kept


def test_british_and_american_spellings_meet():
    for british, american in [("optimise", "optimize"), ("optimisation", "optimization"), ("behaviour", "behavior"),
                              ("modelling", "modeling"), ("analyse", "analyze"), ("centre", "center")]:
        assert stem(spell(british)) == stem(spell(american)), british
    assert spell("rise") == "rise" and spell("four") == "four"  # short words are left alone


def test_tokenize_latin_as_typed_and_chinese_by_words():
    terms = tokenize("导出MindIR格式，np.random.uniform 和 save_checkpoint；梯度截断")
    for term in ["mindir", "np.random.uniform", "np", "uniform", "save_checkpoint", "checkpoint", "导出", "格式", "梯度截断", "梯度", "截断"]:
        assert term in terms
    assert "，" not in terms and "；" not in terms  # punctuation is never a term


def test_tokenize_stems_but_keeps_code():
    terms = tokenize("Exporting Checkpoints with np.zeros")
    assert {"export", "checkpoint", "np.zeros", "np", "zero"} <= set(terms)


def test_tokenize_full_width_and_case():
    assert tokenize("ＯＭ模型 PyNative")[:2] == ["om", "pynativ"]


def test_camel_case_names_are_read_as_their_words():
    assert camel_words("ModelCheckpoint, nn.TrainOneStepCell, LSTMCell, OpenMPI and ResNet50") == [
        ["model", "checkpoint"], ["train", "one", "step", "cell"], ["lstm", "cell"], ["open", "mpi"], ["res", "net", "50"]]
    assert camel_words("mindspore np.zeros GPU save_checkpoint 梯度") == []  # one case, or one word: not a name of words


def test_a_names_words_are_its_questions_terms_where_the_site_uses_them_alone():
    found = analyze([
        ("How do I use ModelCheckpoint?", "MindSpore saves a checkpoint; the model is kept."),
        ("What is MindIR?", "A format; PyTorch is another framework."),
        ("Can a GeneratorDataset hold any generator?", "A generator, yes."),
    ])
    assert {"modelcheckpoint", "model", "checkpoint"} <= set(found.question_terms(0))
    assert found.answer_terms(0)["checkpoint"] == 1  # the name was in the question: the answer's count is its own
    assert "spor" not in found.answer_terms(0) and "mind" not in found.question_terms(1)  # not words of the site
    assert "torch" not in found.answer_terms(1) and "py" not in found.answer_terms(1)
    assert "dataset" not in found.question_terms(2)  # 'dataset' is nowhere on its own here: the name stays one word


def test_stop_and_question_words_are_not_indexed():
    assert tokenize("What is the export of 模型的导出") == ["export", "模型", "导出"]
    assert tokenize("为什么怎么如何能不能是否 how can I") == []


def test_query_words_drop_question_words_unless_nothing_else():
    vocabulary = {"梯度截断", "梯度", "截断", "gradient", "clip"}
    assert [w for w, _, _ in query_words("为什么梯度截断不能用", vocabulary)][0] == "梯度截断"
    assert [w for w, _, _ in query_words("how do I clip gradients", vocabulary)] == ["clip", "gradient"]
    assert [w for w, _, _ in query_words("为什么", vocabulary)] == ["为什么"]


def test_query_words_keep_offsets_of_what_was_typed():
    assert query_words("np.zeros 梯度", {"np", "zero", "梯度"}) == [("np", 0, 2), ("zero", 3, 8), ("梯度", 9, 11)]


def rows(*texts):
    return [Row("p.html", "Page", f"q{n}", q, a) for n, (q, a) in enumerate(texts)]


def test_results_files_hold_each_question_with_its_page():
    found = [Row("a.html", "A", "x", "q", "a"), Row("a.html", "A", "y", "q", "a"), Row("b.html", "B", "z", "q", "a")]
    index = build_index("en", found, analyze([("q", "a")] * 3))
    assert index.shards("m") == {0: {"pages": [["a.html", "A"], ["b.html", "B"]], "docs": [["x", "q", 0], ["y", "q", 0], ["z", "q", 1]]}}
    assert index.base["pages"] == 2 and index.base["docs"] == 3


def test_numbers_and_postings_round_trip():
    values = [0, 1, 31, 32, 1023, 1024, 6_400_063, 2**31 - 1]
    assert decode_numbers(encode_numbers(values)) == values
    entries = [(0, 4), (3, 1), (40, 15), (1000, 2), (99_999, 63)]
    assert decode_postings(encode_postings(entries)) == entries


def test_build_index_title_bit_and_tf():
    found = rows(("梯度截断", "梯度 梯度 梯度 梯度"), ("其他", "梯度"))
    index = build_index("zh", found, analyze([(r.question, r.answer) for r in found]))
    assert [d[:2] for d in index.shards("m")[0]["docs"]] == [["q0", "梯度截断"], ["q1", "其他"]]
    postings = index.postings
    assert [(doc, code & 15) for doc, code in postings["梯度"]] == [(0, TITLE | 3), (1, 1)]
    assert [(doc, code & 15) for doc, code in postings["截断"]] == [(0, TITLE)]


def test_the_other_language_adds_only_what_the_reader_language_lacks():
    zh = rows(("请问MindSpore支持梯度截断吗？", "支持。"))
    en = analyze([("Does MindSpore support gradient clipping?", "Yes.")])
    index = build_index("zh", zh, analyze([(r.question, r.answer) for r in zh]), {"q0": en.question_terms(0)})
    postings = index.postings
    assert [(doc, code & 15) for doc, code in postings["clip"]] == [(0, OTHER | TITLE)]  # other language, in the question
    assert [(doc, code & 15) for doc, code in postings[term("mindspore")]] == [(0, TITLE)]  # the reader's own, once
    assert index.shards("m")[0]["docs"][0][1] == "请问MindSpore支持梯度截断吗？"  # shown in the reader's language


def test_index_ships_the_tokenizer_contract_and_its_format():
    from faqlib.tokenizer import CONTRACT
    found = rows(("q", "a"))
    index = build_index("en", found, analyze([("q", "a")]))
    assert index.base["contract"] == CONTRACT
    assert index.base["chunks"] == {"meta": META_CHUNK, "text": TEXT_CHUNK}
    assert index.base["format"]["codeSpace"] == 64 and len(index.base["format"]["digits"]) == 64


def test_shards_split_by_term_range_and_every_term_is_found_once(monkeypatch):
    from faqlib import search
    monkeypatch.setattr(search, "MAX_POSTINGS", 1000)
    found = [Row("p.html", "P", f"q{n}", f"word{n} common", f"answer{n % 7} common") for n in range(3000)]
    index = build_index("en", found, analyze([(r.question, r.answer) for r in found]))
    dictionaries = index.shards("d")
    assert len(dictionaries) > 3
    firsts = index.base["dict"]
    assert firsts == sorted(firsts) and firsts == [dictionaries[n][0][0] for n in range(len(firsts))]
    terms = [t for n in range(len(firsts)) for t in dictionaries[n][0]]
    assert terms == sorted(set(terms)) and "word2999" in terms
    postings = index.postings
    assert [doc for doc, _ in postings["word17"]] == [17]
    # 'common' is in every question: its list keeps the MAX_POSTINGS it matters
    # most to, its document frequency counts them all.
    assert len(postings["common"]) == 1000
    (packed,) = [p for p in index.shards("p").values() if "common" in p]
    assert packed["common"][0] == 3000


def test_typo_candidates_by_first_letter_most_frequent_first():
    found = rows(("gradient clipping", "gradient"), ("gradient", "grad"), ("greedy", "x"))
    index = build_index("en", found, analyze([(r.question, r.answer) for r in found]))
    typo = index.shards("v")
    assert index.base["typo"] == "cg"
    assert typo["g"][0] == "gradient" and set(typo["g"]) == {"gradient", "grad", "greedy"}


def test_a_sound_is_toneless_pinyin_forgiving_zh_ch_sh_and_ng():
    from faqlib.sounds import sound, word_sound

    assert [sound(s) for s in ("chén", "chéng", "zhōng", "shī", "lǜ", "ng")] == ["cen", "cen", "zon", "si", "lv", "ng"]
    # Homophones an input method gives for the word meant (corpus typos).
    assert word_sound("下沉") == word_sound("下成") == "xia-cen"
    assert word_sound("池化") == word_sound("赤化") == "ci-hua"
    assert word_sound("卸载") == word_sound("卸在") == "xie-zai"
    assert word_sound("重庆") == "con-qin"  # the word's own reading of a character with several
    assert word_sound("梯度截断") == "ti-du-jie-duan"
    for not_a_word in ("下", "梯度截断方法", "GPU", "模型A", "𠀀𠀀"):
        assert word_sound(not_a_word) is None


def test_chinese_words_ship_by_their_sound_with_the_characters_table():
    from faqlib import sounds

    found = rows(("数据下沉模式", "卸载 下沉 gradient"), ("反池化", "池化"))
    index = build_index("zh", found, analyze([(r.question, r.answer) for r in found]))
    by_sound = index.shards("y")
    assert index.base["sounds"]["heads"] == sorted(by_sound) and "xia" in by_sound and "ci" in by_sound
    assert by_sound["xia"]["xia-cen"] == ["下沉"]
    assert all(len(w) >= 2 for words in by_sound.values() for ws in words.values() for w in ws)
    table = index.base["sounds"]["chars"]
    readings = sounds.readings(table)
    assert readings["赤"] == {"ci"} and "ci" in readings["池"] and "pypinyin" in table["notice"]
    # A language whose index has no Chinese word ships neither.
    latin = rows(("gradient clipping", "gradient"))
    plain = build_index("en", latin, analyze([(r.question, r.answer) for r in latin]))
    assert plain.base["sounds"] == {"heads": [], "chars": None} and not plain.shards("y")


def test_synonyms_ship_as_the_worker_reads_them():
    found = rows(("梯度截断", "GPU"))
    index = build_index("zh", found, analyze([(r.question, r.answer) for r in found]),
                        synonyms=[["梯度截断", "梯度裁剪", "gradient clipping"]])
    (group,) = index.base["synonyms"]
    assert group[0] == [["梯度截断"], 1, "梯度截断"]  # the index has it: it can stand in for the others
    assert group[1] == [["梯度裁剪"], 0, "梯度裁剪"]  # found in a query as typed, however segmented
    assert group[2] == [["gradient", "clip"], 0, ""]  # found as consecutive words
    assert index.base["segment"] == ["梯度裁剪"]  # a query keeps it whole


def test_shard_files_never_close_the_script():
    found = [Row("p.html", "P", f"q{n}", "q", f"answer {n} </script>") for n in range(9)]
    index = build_index("en", found, analyze([(r.question, r.answer) for r in found]))
    texts = index.shards("t")
    assert sorted(texts) == list(range(3)) and texts[2][0] == "answer 8 </script>"
    assert not any("</script>" in text for text in index.files.values())
    assert index.files["t-2.js"].startswith('faqSearchShard("t",2,')


# ------------------------------------------------------------------ background

def test_background_index_equals_the_index_built_here():
    from faqlib import background
    texts = [("请问MindSpore支持梯度截断吗？", "支持，见 np.random.uniform。"), ("Ascend", "NPU")]
    assert background.submit(analyze, texts).result(timeout=120) == analyze(texts)


def test_background_falls_back_to_running_here(monkeypatch):
    from faqlib import background

    def refuse(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(background, "ProcessPoolExecutor", refuse)
    assert background.submit(sorted, [3, 1, 2]).result() == [1, 2, 3]
    failing = background.submit(int, "x")
    with pytest.raises(ValueError):
        failing.result()


def test_background_recomputes_when_the_process_dies():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from faqlib import background

    broken: Future = Future()
    broken.set_exception(BrokenProcessPool("killed"))
    assert background.Task(sorted, ([2, 1],), broken).result() == [1, 2]


# ------------------------------------------------------------------ synonyms library (make import)

def test_library_groups_join_where_the_site_uses_their_words():
    from faqlib.synonyms import Group, merge, parse
    text = "# ours\n- [GPU, 显卡]\n- [安装失败, 装不上]\n"
    library = [
        Group(1, ("卡住", "hang", "stuck")),         # a new group: its words occur in the site
        Group(2, ("显卡", "英伟达", "nvidia")),       # joins the site's own group
        Group(3, ("早停", "early stopping")),       # no word of it occurs: left out
        Group(4, ("装不上", "GPU", "x")),            # overlaps two groups: said, left out
        Group(5, ("安装失败", "装不上")),             # nothing new
    ]
    site_words = {"卡住", "显卡", "装不上", "gpu"}
    new, said = merge(text, library, lambda w: w.lower() in site_words, "lib.yml")
    groups, problems = parse(new)
    assert not problems
    assert [g.words for g in groups] == [("GPU", "显卡", "英伟达", "nvidia"), ("安装失败", "装不上"), ("卡住", "hang", "stuck")]
    assert said == [
        "synonyms.yml:6: added the group [卡住, hang, stuck] (from lib.yml:1)",
        "synonyms.yml:2: added 英伟达, nvidia (from lib.yml:2)",
        "lib.yml:4: [装不上, GPU, x] overlaps the groups at lines 2, 3 of synonyms.yml; left out (merge them by hand)",
    ]
    assert new.splitlines()[4:] == ["# Added by make import from lib.yml", "- [卡住, hang, stuck]"]
    assert merge(new, library, lambda w: w.lower() in site_words, "lib.yml")[0] == new  # a second run changes nothing


def test_library_words_that_need_quotes_are_quoted():
    from faqlib.synonyms import Group, merge, parse
    new, _ = merge("", [Group(1, ("a: b", "c#d", "[e]"))], lambda w: True, "lib.yml")
    assert [g.words for g in parse(new)[0]] == [("a: b", "c#d", "[e]")]


def test_a_word_occurs_when_a_reader_typing_it_would_match_the_text():
    from faqlib.synonyms import occurs
    vocabulary = {"梯度", "截断", "梯度截断", "clip", "gradient"}
    assert occurs("梯度截断", vocabulary) and occurs("Gradient clipping", vocabulary)
    assert not occurs("梯度裁剪", vocabulary)  # 裁, 剪 are single ideographs: not the text's word
    assert not occurs("hang", vocabulary)




def test_a_parked_page_html_is_edited_where_it_waits_and_comes_back_whole():
    """faqlib/build.py, Memory: park, parked_html, page_context, release."""
    from types import SimpleNamespace

    from faqlib import build
    from faqlib.state import LanguageState

    language = LanguageState("en", False, root="en/")
    page = SimpleNamespace(url="en/a.html", content="", file=SimpleNamespace(src_uri="a.en.md"))
    build.park(language, page, "<p>one 一</p>")
    build.park(language, page, "<span></span>" + build.parked_html(language, page))
    assert page.content == "" and build.parked_html(language, page) == "<span></span><p>one 一</p>"
    loose = SimpleNamespace(url="en/b.html", content="<p>b</p>")
    assert build.parked_html(language, loose) == "<p>b</p>"  # never parked: on the page
    context = build.page_context(None, language, {}, page, SimpleNamespace())
    assert page.content == "<span></span><p>one 一</p>" and not language.parked
    assert context["faq_lang_root"] == "en/" and "faq_jsonld" not in context
    build.release(page)
    assert page.content is None
