"""Author mistakes fail `mkdocs build --strict` with file, line and question."""

from __future__ import annotations

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
