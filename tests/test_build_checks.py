"""Author mistakes fail `mkdocs build --strict` with file, line and question."""

from __future__ import annotations

import pytest

from tests.conftest import run_build

ZH = "# 特性咨询\n\n## Q: 第一个问题？ {#first}\n\nA: 回答一。\n\n## Q: 第二个问题？ {#second}\n\nA: 回答二。\n"
EN = "# Feature Advice\n\n## Q: First question? {#first}\n\nA: Answer one.\n\n## Q: Second question? {#second}\n\nA: Answer two.\n"
HOME_ZH = "# 首页\n\n<!-- faq:questions feature_advice.md -->\n"
HOME_EN = "# Home\n\n<!-- faq:questions feature_advice.md -->\n"


def write_docs(project, zh=ZH, en=EN):
    docs = project / "docs"
    for name, text in {
        "index.md": HOME_ZH, "index.en.md": HOME_EN, "feature_advice.md": zh, "feature_advice.en.md": en,
    }.items():
        (docs / name).write_text(text, encoding="utf-8")


def build(project, tmp_path):
    result = run_build(project, tmp_path / "out")
    return result.returncode, result.stderr


def test_fixture_builds_clean(fixture_project, tmp_path):
    write_docs(fixture_project)
    code, log = build(fixture_project, tmp_path)
    assert code == 0, log
    assert (tmp_path / "out" / "q" / "first.html").is_file()
    assert (tmp_path / "out" / "en" / "q" / "second.html").is_file()


def test_question_without_id(fixture_project, tmp_path):
    write_docs(fixture_project, zh=ZH.replace(" {#second}", ""), en=EN.replace(" {#second}", ""))
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "feature_advice.md:7: question '第二个问题？': the question has no id" in log
    assert "feature_advice.en.md:7: question 'Second question?': the question has no id; end the heading with a stable id such as {#second-question}" in log
    assert "Traceback" not in log


def test_duplicate_id(fixture_project, tmp_path):
    write_docs(fixture_project, zh=ZH.replace("{#second}", "{#first}"), en=EN.replace("{#second}", "{#first}"))
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "feature_advice.md:7: question '第二个问题？': the id 'first' is already used by '第一个问题？' at feature_advice.md:3" in log


def test_id_in_one_language_only(fixture_project, tmp_path):
    write_docs(fixture_project, en=EN.replace("{#second}", "{#seconds}"))
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "feature_advice.md:7: question '第二个问题？': the id 'second' has no question in feature_advice.en.md" in log
    assert "feature_advice.en.md:7: question 'Second question?': the id 'seconds' has no question in feature_advice.md" in log


def test_malformed_id(fixture_project, tmp_path):
    write_docs(fixture_project, zh=ZH.replace("{#second}", "{#Second_Q}"), en=EN.replace("{#second}", "{#Second_Q}"))
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "feature_advice.md:7: question '第二个问题？': the id 'Second_Q' is not ASCII kebab-case" in log


def test_link_to_missing_question_anchor(fixture_project, tmp_path):
    write_docs(fixture_project, zh=ZH + "\n见 [另一个](feature_advice.md#no-such-question)。\n")
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "no-such-question" in log


def test_link_to_legacy_anchor_is_valid(fixture_project, tmp_path):
    write_docs(fixture_project, zh=ZH + "\n见 [第一个](feature_advice.md#q-第一个问题)。\n")
    code, log = build(fixture_project, tmp_path)
    assert code == 0, log


def test_missing_translation_warns_and_shows_a_notice(fixture_project, tmp_path):
    write_docs(fixture_project)
    (fixture_project / "docs" / "extra.md").write_text("# 额外\n\n只有中文。\n", encoding="utf-8")
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "extra.md: no 'en' translation (extra.en.md is missing)" in log
    assert "extra.untranslated_ok" in log


def test_missing_translation_allowed_on_purpose(fixture_project, tmp_path):
    write_docs(fixture_project)
    (fixture_project / "docs" / "extra.md").write_text("# 额外\n\n只有中文。\n", encoding="utf-8")
    config = fixture_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("untranslated_ok: []", "untranslated_ok: [extra.md]")
    config.write_text(text.replace("  - feature_advice.md\n", "  - feature_advice.md\n  - extra.md\n"), encoding="utf-8")
    code, log = build(fixture_project, tmp_path)
    assert code == 0, log
    html = (tmp_path / "out" / "en" / "extra.html").read_text(encoding="utf-8")
    assert "faq-untranslated" in html and "not been translated into English yet" in html and "只有中文" in html
    assert "faq-untranslated" not in (tmp_path / "out" / "extra.html").read_text(encoding="utf-8")


def test_what_authors_really_type_is_accepted(fixture_project, tmp_path):
    zh = "# 特性咨询\n\n## 主题一\n\n### Q：第一个问题？ {#first}   \n\nA：回答一。  \n\n## 主题二\n\n### Q: 第二个问题？ {#second}\n\nA: 回答二。\n"
    en = "# Feature Advice\n\n## Topic one\n\n### Q: First question? {#first}\n\nA: Answer one.\n\n## Topic two\n\n### Q: Second question? {#second}\n\nA: Answer two.\n"
    write_docs(fixture_project, zh="\ufeff" + zh.replace("\n", "\r\n"), en=en)
    code, log = build(fixture_project, tmp_path)
    assert code == 0, log
    import json

    data = json.loads((tmp_path / "out" / "faq.json").read_text(encoding="utf-8"))
    assert [(q["id"], q["question"], q["answer"]) for q in data["questions"]] == [
        ("first", "第一个问题？", "回答一。"), ("second", "第二个问题？", "回答二。")]
    assert (tmp_path / "out" / "q" / "second.html").is_file()


def test_file_that_is_not_utf8_is_named(fixture_project, tmp_path):
    write_docs(fixture_project)
    (fixture_project / "docs" / "feature_advice.md").write_bytes(ZH.encode("gbk"))
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert "feature_advice.md:1: the file is not UTF-8" in log
    assert "Traceback" not in log


@pytest.mark.parametrize(
    ("zh", "en", "message"),
    [
        (ZH.replace("回答二。", "<br/>"), EN, "feature_advice.md:7: question '第二个问题？': the question has no answer"),
        (ZH.replace("第二个问题？ ", ""), EN, "feature_advice.md:7: question 'second': the question text is empty"),
        (ZH + "\n## Q: 第一个问题？ {#first-again}\n\nA: 重复。\n", EN + "\n## Q: First again? {#first-again}\n\nA: x\n",
         "feature_advice.md:11: question '第一个问题？': the same question is already asked at line 3"),
        (ZH, EN.replace("{#first}", "{#tmp}").replace("{#second}", "{#first}").replace("{#tmp}", "{#second}"),
         "feature_advice.en.md:3: question 'First question?': questions are in a different order than in feature_advice.md"),
        (ZH + "\n见 [缺页](missing.md)。\n", EN, "Doc file 'feature_advice.md' contains a link 'missing.md', but the target is not found"),
        (ZH, EN + "\nSee [gone](feature_advice.md#gone).\n", "#gone"),
    ],
    ids=["no-answer", "empty-question", "duplicate-block", "order", "missing-page", "missing-anchor-en"],
)
def test_author_mistakes_fail_with_a_message(fixture_project, tmp_path, zh, en, message):
    write_docs(fixture_project, zh=zh, en=en)
    code, log = build(fixture_project, tmp_path)
    assert code != 0
    assert message in log, log[-2000:]
    assert "Traceback" not in log
