"""make ids and the id lock: unit tests of faqlib/idwrite.py and faqlib/idlock.py,
and tools/ids.py on small projects (in-process)."""

from __future__ import annotations

import io
import re
import sys

import pytest

from faqlib import idlock, idwrite
from faqlib.ids import id_problem
from faqlib.reader import read_markdown
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import ids as ids_tool  # noqa: E402


@pytest.mark.parametrize(("text", "expected"), [
    ("Does MindSpore support gradient clipping?", "gradient-clipping"),
    ("What should I do when an error `Stream isn't enough` is displayed?", "error-stream-isnt-enough-displayed"),
    ("How do I use MindSpore to implement multi-scale training?", "use-implement-multi-scale-training"),
    ("What is it?", "what-is-it"),  # nothing but question words: keep them
    ("请问MindSpore支持梯度截断吗？", "zhichi-tidujieduan"),  # no English: pinyin of its words (梯度截断 is one)
])
def test_new_ids_are_short_meaningful_kebab_case(text, expected):
    assert idwrite.new_id(text, set()) == expected


def test_new_ids_are_unique_and_short():
    long = "Why does the distributed training of a transformer network with pipeline parallelism hang on eight devices?"
    first = idwrite.new_id(long, set())
    second = idwrite.new_id(long, {first})
    assert len(first) <= 40 and len(second) <= 40 and first != second
    assert id_problem(first) is None and id_problem(second) is None
    assert idwrite.new_id("!!!", set()) == "question"


@pytest.mark.parametrize(("line", "expected"), [
    ("## Q: Why?", "## Q: Why? {#x}"),
    ("## Q: Why? ##", "## Q: Why? {#x} ##"),
    ("## Q: Why? {: .note}", "## Q: Why? {: #x .note}"),
    ("## Q: Why? {.note}\r", "## Q: Why? {#x .note}\r"),
    ("## Q: C# or C?", "## Q: C# or C? {#x}"),
    ("Q: Why?", "Q: Why? {#x}"),  # setext heading text
])
def test_the_id_goes_where_attr_list_reads_it(line, expected):
    assert idwrite.with_id(line, "x") == expected
    heading = idwrite.with_id(line, "x").rstrip("\r")
    setext = not heading.startswith("#")
    found = read_markdown(heading + ("\n---\n" if setext else "\n") + "\nA: yes.\n")
    assert [q.id for q in found.questions] == ["x"]


def source(path, lang, text):
    return idwrite.Source(path, lang, 0, read_markdown(text))


ZH = "# 页\n\n## Q: 支持梯度截断吗？\n\nA: 支持。\n\n## Q: 能导出ONNX吗？ {#onnx}\n\nA: 能。\n"
EN = "# Page\n\n## Q: Is gradient clipping supported?\n\nA: Yes.\n\n## Q: Can it export ONNX?\n\nA: Yes.\n"


def test_pairs_get_one_id_from_english_and_an_existing_id_is_copied():
    edits, problems = idwrite.plan([[source("zh.md", "zh", ZH), source("en.md", "en", EN)]], set())
    assert problems == []
    assert [(e.path, e.line, e.id) for e in edits] == [
        ("zh.md", 3, "gradient-clipping"), ("en.md", 3, "gradient-clipping"), ("en.md", 7, "onnx")]


def test_new_ids_avoid_every_published_id():
    edits, _ = idwrite.plan([[source("zh.md", "zh", ZH), source("en.md", "en", EN)]], {"gradient-clipping"})
    assert edits[0].id == "gradient-clipping-2"


@pytest.mark.parametrize(("zh", "en", "where", "message"), [
    (ZH, EN.replace("## Q: Can it export ONNX?\n\nA: Yes.\n", ""), "zh.md:7", "this page has 2 questions but en.md has 1"),
    (ZH, EN.replace("ONNX?", "ONNX? {#export}"), "zh.md:7", "zh.md:7 has {#onnx}, en.md:7 has {#export}"),
    (ZH, EN.replace("Can it export ONNX?", "Is gradient clipping supported?"), "en.md:7", "the same question is already asked at line 3"),
    (ZH.replace("{#onnx}", "{#ONNX}"), EN, "zh.md:7", "not ASCII kebab-case"),
])
def test_languages_that_disagree_change_nothing(zh, en, where, message):
    edits, problems = idwrite.plan([[source("zh.md", "zh", zh), source("en.md", "en", en)]], set())
    assert edits == []
    assert any(str(p).startswith(where) and message in str(p) for p in problems), problems


LOCK = """\
ids:
  first: {pages: [a.md], aliases: [q-first]}
  gone: {pages: [a.md], aliases: [q-gone]}
retired:
  old: {successor: gone}
  older:
    note: {zh: 已移除。}
"""


def test_lock_problems_name_the_line():
    lock, problems = idlock.parse(LOCK)
    assert problems == []
    found = {(p.line, p.message.split(";")[0]) for p in idlock.check(lock, {"first": "a.md"}, ["zh", "en"])}
    assert any(line == 3 and "was published on a.md and no question has it now" in m for line, m in found)
    assert (5, "its successor 'gone' is no question's id (nor retired to one)") in found
    assert (6, "give its note in every language of the site: missing en") in found


@pytest.mark.parametrize(("text", "message"), [
    ("ids: [a, b]\n", "'ids:' must map each id"),
    ("ids:\n  a: {pages: a.md}\n", "an entry is {pages: [page.md], aliases: [...]}"),
    ("retired:\n  a: {}\n", "a retired id needs 'successor: <id>' or a 'note:'"),
    ("retired:\n  a: {note: [x]}\n", "'note:' is a text"),
    ("other: 1\n", "unknown section 'other'"),
    ("ids: [\n", "is not valid YAML"),
])
def test_a_malformed_lock_is_named(text, message):
    _, problems = idlock.parse(text)
    assert any(message in p.message for p in problems), problems


def test_retired_and_moved_ids_and_old_anchors_forward():
    lock, _ = idlock.parse(LOCK.replace("  gone:", "  moved: {pages: [a.md], aliases: []}\n  gone:")
                           .replace("{successor: gone}", "{successor: first}") + "  gone: {note: gone}\n")
    live = {"first": "a.md", "moved": "b.md"}
    on_a = {"first"}  # q-first was reworded away
    out = idlock.forwards(lock, live, lambda page, anchor: page == "a.md" and anchor in on_a)
    assert set(out["a.md"]) == {
        idlock.Forward("q-first", "first", False),
        idlock.Forward("moved", "moved", False),
        idlock.Forward("gone", "gone", True),
        idlock.Forward("q-gone", "gone", True),
    }
    assert idlock.resolve(lock, "old", live) == "first"


def test_updating_the_lock_adds_and_keeps_what_authors_wrote():
    text, new = idlock.updated(LOCK, [idlock.Entry("first", ("b.md",), ("q-first", "q-new")), idlock.Entry("third", ("a.md",))])
    assert new == ["third"]
    assert "  first: {pages: [a.md, b.md], aliases: [q-first, q-new]}\n" in text
    assert "  third: {pages: [a.md], aliases: []}\n" in text
    assert text.endswith(LOCK[LOCK.index("retired:"):])
    assert idlock.updated(text, [])[0] == text


def project_with(tmp_path, zh, en):
    from tests.conftest import copy_project

    copy_project(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("# 首页\n\n<!-- faq:all-questions -->\n", encoding="utf-8")
    (tmp_path / "docs" / "index.en.md").write_text("# Home\n\n<!-- faq:all-questions -->\n", encoding="utf-8")
    (tmp_path / "docs" / "feature_advice.md").write_text(zh, encoding="utf-8")
    (tmp_path / "docs" / "feature_advice.en.md").write_text(en, encoding="utf-8")
    return tmp_path


def run_ids(project):
    out = io.StringIO()
    code = ids_tool.run(project / "mkdocs.yml", out=out)
    return code, out.getvalue()


def test_make_ids_writes_prints_locks_and_then_changes_nothing(tmp_path, monkeypatch):
    from tests.conftest import build_here

    project = project_with(tmp_path, ZH, EN.replace("\n", "\r\n"))
    monkeypatch.chdir(project)
    code, out = run_ids(project)
    assert code == 0, out
    assert "docs/feature_advice.md:3: {#gradient-clipping}  支持梯度截断吗？" in out
    assert "docs/feature_advice.en.md:7: {#onnx}  Can it export ONNX?" in out
    assert "wrote 3 id(s) into 2 file(s); 2 new id(s) locked in docs/ids.yml" in out
    en = (project / "docs" / "feature_advice.en.md").read_bytes()
    assert b"## Q: Is gradient clipping supported? {#gradient-clipping}\r\n" in en and en.count(b"\r\n") == en.count(b"\n")
    before = {p: p.read_bytes() for p in (project / "docs").glob("*.*")}
    code, out = run_ids(project)
    assert code == 0 and "every question has its id; docs/ids.yml is up to date" in out
    assert {p: p.read_bytes() for p in (project / "docs").glob("*.*")} == before
    assert build_here(project).ok


def test_make_ids_refuses_to_guess(tmp_path, monkeypatch):
    project = project_with(tmp_path, ZH, EN.replace("Can it export ONNX?", "Can it export ONNX? {#export}"))
    monkeypatch.chdir(project)
    before = {p: p.read_bytes() for p in (project / "docs").glob("*.md")}
    code, out = run_ids(project)
    assert code == 1
    assert re.search(r"docs/feature_advice.md:7: .*docs/feature_advice.md:7 has \{#onnx\}, docs/feature_advice.en.md:7 has \{#export\}", out)
    assert "nothing written" in out
    assert {p: p.read_bytes() for p in (project / "docs").glob("*.md")} == before
    assert not (project / "docs" / "ids.yml").exists()


ZH3 = "# 特性咨询\n\n## Q: 第一个问题？ {#first}\n\nA: 一。\n\n## Q: 第二个问题？ {#second}\n\nA: 二。\n\n## Q: 第三个问题？ {#third}\n\nA: 三。\n"
EN3 = "# Feature Advice\n\n## Q: First question? {#first}\n\nA: One.\n\n## Q: Second question? {#second}\n\nA: Two.\n\n## Q: Third question? {#third}\n\nA: Three.\n"


def without_second(text):
    return re.sub(r"## Q: [^\n]*\{#second\}\n\nA: [^\n]*\n\n", "", text)


def test_old_links_of_a_retired_or_reworded_question_still_land(tmp_path, monkeypatch, page):
    from tests.conftest import build_here

    project = project_with(tmp_path, ZH3, EN3)
    monkeypatch.chdir(project)
    assert run_ids(project)[0] == 0
    docs = project / "docs"
    (docs / "feature_advice.md").write_text(without_second(ZH3).replace("第一个问题？", "第一个问题改了措辞？"), encoding="utf-8")
    (docs / "feature_advice.en.md").write_text(without_second(EN3), encoding="utf-8")
    result = build_here(project)
    assert not result.ok
    assert "ids.yml:6: question 'second': the id 'second' was published on feature_advice.md and no question has it now" in result.log
    lock = docs / "ids.yml"
    lock.write_text(lock.read_text(encoding="utf-8").replace(
        "retired: {}", "retired:\n  second:\n    note: {zh: 该问题已在新版本中移除。, en: This question was removed in a later release.}"), encoding="utf-8")
    assert build_here(project).ok
    for lang, old, note in [("zh", "second", "该问题已在新版本中移除。"), ("en", "q-second-question", "This question was removed in a later release.")]:
        page.goto(((project / "out") / ("" if lang == "zh" else "en") / "feature_advice.html").as_uri() + f"#{old}")
        page.wait_for_url("**/q/second.html")
        assert page.text_content(".faq-retired-note") == note
        assert page.get_attribute("html", "lang") == lang
        page.click("main a")
        page.wait_for_url("**/index.html")
    # The reworded heading's old anchor goes to its question.
    page.goto((project / "out" / "feature_advice.html").as_uri() + "#q-第一个问题")
    page.wait_for_url("**/feature_advice.html#first")
    # Retired to a successor instead: every old link goes there.
    lock.write_text(re.sub(r"(?s)retired:.*", "retired:\n  second: {successor: third}\n", lock.read_text(encoding="utf-8")), encoding="utf-8")
    assert build_here(project).ok
    for name, fragment in [("feature_advice.html", "#second"), ("feature_advice.html", "#q-第二个问题"), ("q/second.html", "")]:
        page.goto((project / "out" / name).as_uri() + fragment)
        page.wait_for_url("**/feature_advice.html#third")
