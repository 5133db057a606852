"""Author mistakes and broken configurations, each built strictly in this process.

Every mistake fails the build with file:line, the question and what to do, or
is a configuration error naming the setting; nothing ends in a traceback
(build_here lets any other exception escape), and nothing builds a wrong site.
"""

from __future__ import annotations

import json

import pytest
from faqlib.search import read_folder

from tests.conftest import ROOT, build_here, copy_project

ZH = "# 特性咨询\n\n## Q: 第一个问题？ {#first}\n\nA: 回答一。\n\n## Q: 第二个问题？ {#second}\n\nA: 回答二。\n"
EN = "# Feature Advice\n\n## Q: First question? {#first}\n\nA: Answer one.\n\n## Q: Second question? {#second}\n\nA: Answer two.\n"
HOME_ZH = "# 首页\n\n<!-- faq:questions feature_advice.md -->\n"
HOME_EN = "# Home\n\n<!-- faq:questions feature_advice.md -->\n"


def write_docs(project, zh=ZH, en=EN, home_zh=HOME_ZH, home_en=HOME_EN):
    docs = project / "docs"
    for name, text in {"index.md": home_zh, "index.en.md": home_en, "feature_advice.md": zh, "feature_advice.en.md": en}.items():
        if isinstance(text, bytes):
            (docs / name).write_bytes(text)
        else:
            (docs / name).write_text(text, encoding="utf-8")


def set_config(project, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new), encoding="utf-8")


def faq_json(site, lang="zh"):
    return json.loads((site / ("" if lang == "zh" else "en") / "faq.json").read_text(encoding="utf-8"))


def ids(site, lang="zh"):
    return [q["id"] for q in faq_json(site, lang)["questions"]]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path)


def fails_with(project, *messages):
    result = build_here(project)
    assert not result.ok, "the build passed"
    for message in messages:
        assert message in result.log, result.log
    return result.log


def builds(project):
    result = build_here(project)
    assert result.ok, result.log
    return result.site


def test_fixture_builds_clean(project):
    write_docs(project)
    site = builds(project)
    assert (site / "q" / "first.html").is_file() and (site / "en" / "q" / "second.html").is_file()
    assert ids(site) == ids(site, "en") == ["first", "second"]


# ------------------------------------------------------------ questions and ids

@pytest.mark.parametrize(
    ("zh", "en", "message"),
    [
        (ZH.replace(" {#second}", ""), EN, "feature_advice.md:7: question '第二个问题？': the question has no id; end the heading with a stable id such as {#"),
        (ZH, EN.replace(" {#second}", ""), "feature_advice.en.md:7: question 'Second question?': the question has no id; end the heading with a stable id such as {#second-question}"),
        (ZH.replace("{#second}", "{#first}"), EN.replace("{#second}", "{#first}"), "feature_advice.md:7: question '第二个问题？': the id 'first' is already used by '第一个问题？' at feature_advice.md:3"),
        (ZH, EN.replace("{#second}", "{#seconds}"), "feature_advice.en.md:7: question 'Second question?': the id 'seconds' has no question in feature_advice.md"),
        (ZH.replace("{#second}", "{#Second_Q}"), EN.replace("{#second}", "{#Second_Q}"), "feature_advice.md:7: question '第二个问题？': the id 'Second_Q' is not ASCII kebab-case"),
        (ZH.replace("回答二。", "<br/>"), EN, "feature_advice.md:7: question '第二个问题？': the question has no answer"),
        (ZH.replace("回答二。", "<!-- TODO -->"), EN, "feature_advice.md:7: question '第二个问题？': the question has no answer"),
        (ZH.replace("第二个问题？ ", ""), EN, "feature_advice.md:7: question 'second': the question text is empty"),
        (ZH.replace("第二个问题？", "![图](assets/none.png)"), EN, "feature_advice.md:7: question 'second': the question text is empty"),
        (ZH + "\n## Q: 第一个问题？ {#first-again}\n\nA: 重复。\n", EN + "\n## Q: First again? {#first-again}\n\nA: x\n",
         "feature_advice.md:11: question '第一个问题？': the same question is already asked at line 3"),
        (ZH + "\n## Q: 第一个问题? {#first-again}\n\nA: 重复。\n", EN + "\n## Q: First again? {#first-again}\n\nA: x\n",
         "feature_advice.md:11: question '第一个问题?': the same question is already asked at line 3"),
        (ZH, EN.replace("{#first}", "{#tmp}").replace("{#second}", "{#first}").replace("{#tmp}", "{#second}"),
         "feature_advice.en.md:3: question 'First question?': questions are in a different order than in feature_advice.md"),
        (ZH.replace("{#second}", "{#q-第一个问题}"), EN, "feature_advice.md:7: question '第二个问题？': the id 'q-第一个问题' is not ASCII kebab-case"),
        (ZH, EN.replace("{#second}", "{#q-first-question}"), "feature_advice.en.md:7: question 'Second question?': its id 'q-first-question' is also the id of another element on this page"),
        (ZH + "\n## 常规标题\n\n正文。\n", EN.replace("{#second}", "{#topic}") + "\n## Topic\n\nText.\n",
         "feature_advice.en.md:7: question 'Second question?': its id 'topic' is also the anchor of another heading on this page"),
    ],
    ids=["no-id-zh", "no-id-en", "duplicate-id", "id-one-language", "malformed-id", "no-answer", "comment-answer",
         "empty-question", "image-question", "duplicate-question", "duplicate-fullwidth-mark", "order",
         "legacy-alias-as-id", "id-equals-other-alias", "id-equals-heading-slug"],
)
def test_question_mistakes_name_file_line_and_question(project, zh, en, message):
    write_docs(project, zh=zh, en=en)
    fails_with(project, message)


@pytest.mark.parametrize(
    ("heading", "line"),
    [("##Q: 第三个问题？ {#third}", 11), ("Q: 第三个问题？ {#third}\n---", 11), ("<div markdown>\n\n## Q: 第三个问题？ {#third}\n\nA: 回答三。\n\n</div>", 13)],
    ids=["no-space-after-hashes", "setext", "inside-div"],
)
def test_every_rendered_question_is_a_question_everywhere(project, heading, line):
    extra = f"\n{heading}\n\nA: 回答三。\n" if "div" not in heading else f"\n{heading}\n"
    write_docs(project, zh=ZH + extra)
    # Only in Chinese: the translation check sees it, at its own line.
    fails_with(project, f"feature_advice.md:{line}: question '第三个问题？': the id 'third' has no question in feature_advice.en.md")
    write_docs(project, zh=ZH + extra, en=EN + "\n## Q: Third question? {#third}\n\nA: Answer three.\n")
    site = builds(project)
    assert ids(site) == ids(site, "en") == ["first", "second", "third"]
    assert (site / "q" / "third.html").is_file()
    assert "third" in (site / "index.html").read_text(encoding="utf-8")
    records = read_folder(site / "search").shards("m")
    assert [d[0] for n in sorted(records) for d in records[n]["docs"]] == ["first", "second", "third"]


def test_questions_in_details_are_questions(project):
    block = '\n<details markdown>\n<summary>更多</summary>\n\n## Q: 第三个问题？ {#third}\n\nA: 回答三。\n\n</details>\n'
    write_docs(project, zh=ZH + block, en=EN + block.replace("第三个问题？", "Third question?").replace("回答三。", "Answer three."))
    site = builds(project)
    assert ids(site) == ["first", "second", "third"]
    assert faq_json(site)["questions"][2]["answer"] == "回答三。"


@pytest.mark.parametrize(
    ("zh", "message"),
    [
        (ZH.replace("第二个问题？ {#second}", "第二个问题？{#second}"), "feature_advice.md:7: question '第二个问题？': '{#second}' is shown as text: put a space before '{'"),
        (ZH.replace("\n## Q: 第二个问题？", "\n ## Q: 第二个问题？"), "feature_advice.md:7: question '第二个问题？ {#second}': this line looks like a question but is not a heading"),
        (ZH.replace("A: 回答一。", "A: 回答一。\n\n```python\nx = 1\n```python") + "\n```python\ny = 2\n```\n", "feature_advice.md:11: question '第二个问题？ {#second}': this question is inside a code block"),
        (ZH.replace("A: 回答一。", "A: 回答一。\n\n```python\nx = 1\n") + "\n`y`\n", "feature_advice.md:7: the code block opened with '```python' is never closed"),
        (ZH.replace("A: 回答一。", "A: 回答一。\n\n```python\nx = 1\n"), "feature_advice.md:7: the code block opened with '```python' is never closed"),
    ],
    ids=["no-space-before-attrs", "leading-space", "fence-closed-with-language", "fence-never-closed-backticks-below", "fence-never-closed"],
)
def test_what_looks_like_a_question_is_named_at_its_own_line(project, zh, message):
    write_docs(project, zh=zh)
    log = fails_with(project, message)
    assert "feature_advice.en.md" not in log, log  # the English page is not to blame


def test_what_only_looks_like_a_question_is_not_one(project):
    zh = ZH + "\n<!-- ## Q: 注释里的问题？ -->\n\n```markdown\n## Q: 代码里的问题？\n<!-- faq:questions feature_advice.md -->\n```\n"
    write_docs(project, zh=zh, home_zh=HOME_ZH + "\n```\n<!-- faq:questions feature_advice.md -->\n```\n")
    site = builds(project)
    assert ids(site) == ["first", "second"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="faq-question-list"') == 1
    assert "&lt;!-- faq:questions feature_advice.md --&gt;" in home


def test_what_authors_really_type_is_accepted(project):
    zh = "# 特性咨询\n\n## 主题一\n\n### Q：第一个问题？ {#first}   \n\nA：回答一。  \n\n## 主题二\n\n### Q: 第二个问题？ {#second}\n\nA: 回答二。\n"
    en = "# Feature Advice\n\n## Topic one\n\n### Q: First question? {#first}\n\nA: Answer one.\n\n## Topic two\n\n### Q: Second question? {#second}\n\nA: Answer two.\n"
    write_docs(project, zh="\ufeff" + zh.replace("\n", "\r\n"), en=en)
    site = builds(project)
    assert [(q["id"], q["question"], q["answer"]) for q in faq_json(site)["questions"]] == [
        ("first", "第一个问题？", "回答一。"), ("second", "第二个问题？", "回答二。")]


def test_front_matter_keeps_line_numbers(project):
    write_docs(project, zh="---\ntitle: 特性\n---\n\n" + ZH.replace(" {#second}", ""))
    fails_with(project, "feature_advice.md:11: question '第二个问题？': the question has no id")


def test_file_that_is_not_utf8_is_named(project):
    write_docs(project, zh=("# 特性\n\n" + ZH).encode("gbk"))
    fails_with(project, "feature_advice.md:1: the file is not UTF-8 (byte 0xcc at offset 2)")


# ------------------------------------------------------------ links and loads

@pytest.mark.parametrize(
    ("zh", "message"),
    [
        (ZH.replace("回答一。", "回答一。![徽章](https://example.org/badge.svg)"), "feature_advice.md:5: <img> loads https://example.org/badge.svg from another machine"),
        (ZH.replace("第二个问题？", "第二个问题？ ![x](//cdn.example.org/x.png)"), "feature_advice.md:7: <img> loads //cdn.example.org/x.png from another machine"),
        (ZH.replace("回答二。", '回答二。\n\n<img src="http://example.org/a.png" alt="a">'), "feature_advice.md:11: <img> loads http://example.org/a.png from another machine"),
        (ZH.replace("回答二。", "[点我](javascript:alert(1))"), "feature_advice.md:9: the link 'javascript:alert(1)' runs a script"),
        (ZH.replace("回答二。", '<a href="JavaScript:void(0)">x</a>'), "the link 'JavaScript:void(0)' runs a script"),
    ],
    ids=["remote-badge", "protocol-relative", "raw-html-img", "javascript-link", "raw-html-javascript"],
)
def test_remote_loads_and_script_links_are_errors(project, zh, message):
    write_docs(project, zh=zh)
    fails_with(project, message)


@pytest.mark.parametrize(
    ("zh", "en", "message"),
    [
        (ZH + "\n见 [缺页](missing.md)。\n", EN, "Doc file 'feature_advice.md' contains a link 'missing.md', but the target is not found"),
        (ZH + "\n见 [另一个](feature_advice.md#no-such-question)。\n", EN, "no-such-question"),
        (ZH, EN + "\nSee [gone](feature_advice.md#gone).\n", "#gone"),
    ],
    ids=["missing-page", "missing-anchor", "missing-anchor-en"],
)
def test_broken_links_fail(project, zh, en, message):
    write_docs(project, zh=zh, en=en)
    fails_with(project, message)


def test_link_to_legacy_anchor_is_valid(project):
    write_docs(project, zh=ZH + "\n见 [第一个](feature_advice.md#q-第一个问题)。\n")
    builds(project)


def test_question_list_naming_a_missing_page(project):
    write_docs(project, home_zh="# 首页\n\n正文。\n\n<!-- faq:questions nothing.md -->\n")
    fails_with(project, "index.md:5: the question list names 'nothing.md', which is not a page of this site")


# ------------------------------------------------------------ files

@pytest.mark.parametrize(
    ("name", "message"),
    [("q/first.md", "q/first.md: this file would become q/first.html and be overwritten by the short links"),
     ("faq.json", "faq.json: this file would become faq.json and be overwritten by the faq.json the build writes"),
     ("search/search_index.json", "search/search_index.json: this file would become search/search_index.json")],
)
def test_generated_files_never_overwrite_an_author_file(project, name, message):
    write_docs(project)
    target = project / "docs" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# 作者的文件\n" if name.endswith(".md") else "{}", encoding="utf-8")
    fails_with(project, message)


def test_excluded_and_hidden_files_are_not_read(project):
    write_docs(project)
    for name in (".drafts/broken.md", "drafts/broken.md"):
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("## Q: 没有编号的问题\n\n", encoding="utf-8")
    set_config(project, "docs_dir: docs\n", "docs_dir: docs\nexclude_docs: |\n  drafts/\n")
    builds(project)


# ------------------------------------------------------------ translations

def test_missing_translation_warns_and_shows_a_notice(project):
    write_docs(project)
    (project / "docs" / "extra.md").write_text("# 额外\n\n只有中文。\n", encoding="utf-8")
    fails_with(project, "extra.md: no 'en' translation (extra.en.md is missing)", "extra.untranslated_ok")


def test_missing_translation_allowed_on_purpose(project):
    write_docs(project)
    (project / "docs" / "extra.md").write_text("# 额外\n\n只有中文。\n", encoding="utf-8")
    set_config(project, "untranslated_ok: []", "untranslated_ok: [extra.md]")
    set_config(project, "  - feature_advice.md\n", "  - feature_advice.md\n  - extra.md\n")
    site = builds(project)
    html = (site / "en" / "extra.html").read_text(encoding="utf-8")
    assert "faq-untranslated" in html and "not been translated into English yet" in html and "只有中文" in html
    assert "faq-untranslated" not in (site / "extra.html").read_text(encoding="utf-8")


# ------------------------------------------------------------ configuration

def test_a_lock_that_is_not_utf8_is_said(project):
    """docs/ids.yml that cannot be read stops the build at its own name (it was dropped silently)."""
    write_docs(project)
    (project / "docs" / "ids.yml").write_bytes("ids:\n  first: {pages: [caf\u00e9.md]}\n".encode("latin-1"))
    fails_with(project, "ids.yml:1", "is not UTF-8; save it as UTF-8")


def test_the_faq_is_one_hook():
    """hooks/faq.py runs the whole FAQ build (faqlib/build.py): mkdocs.yml lists it
    alone, and no other hook file is left to forget. (Without it no FAQ code
    runs at all, so there is nothing left that could refuse the configuration.)"""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.split("\nhooks:\n")[1].split() == ["-", "hooks/faq.py"]
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == ["faq.py"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  - search\n", "", "add Material's 'search' plugin"),
        ("use_directory_urls: false", "use_directory_urls: true", "set use_directory_urls to false"),
        ("reconfigure_material: true", "reconfigure_material: false", "set the i18n plugin's reconfigure_material to true"),
        ("docs_structure: suffix", "docs_structure: folder", "set the i18n plugin's docs_structure to 'suffix'"),
        ("untranslated_ok: []", "untranslated_ok: [gone.md]", "extra.untranslated_ok lists 'gone.md', which is not a page"),
    ],
    ids=["no-search", "directory-urls", "reconfigure-material", "folder-structure", "untranslated-ok-typo"],
)
def test_unsupported_configuration_says_what_to_change(project, old, new, message):
    write_docs(project)
    set_config(project, old, new)
    fails_with(project, message)


def test_language_link_does_not_move_its_files(project):
    write_docs(project)
    set_config(project, "          name: English\n", "          name: English\n          link: /english/\n")
    site = builds(project)
    assert ids(site, "en") == ["first", "second"]
    for name in ("faq.json", "q/first.html", "search/search_index.json", "feature_advice.html"):
        assert (site / "en" / name).is_file(), name
    assert not (site / "english").exists()


@pytest.mark.parametrize(
    ("home", "message"),
    [("# 首页\n\n见 <!-- faq:questions feature_advice.md --> 这里。\n", "index.md:3: '<!-- faq:questions feature_advice.md -->' is no question list"),
     ("# 首页\n\n<!-- faq:question feature_advice.md -->\n", "index.md:3: '<!-- faq:question feature_advice.md -->' is no question list")],
    ids=["inline", "misspelt"],
)
def test_a_marker_that_lists_nothing_is_named(project, home, message):
    write_docs(project, home_zh=home)
    fails_with(project, message)


@pytest.mark.parametrize(
    ("zh", "message"),
    [(ZH.replace("回答二。", '<img srcset="https://example.org/a.png 2x" alt="a">'), "loads https://example.org/a.png from another machine"),
     (ZH.replace("回答二。", '<div style="background: url(https://example.org/b.png)">b</div>'), "loads https://example.org/b.png from another machine")],
    ids=["srcset", "style-url"],
)
def test_other_remote_loads_are_errors(project, zh, message):
    write_docs(project, zh=zh)
    fails_with(project, message)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  font: false\n", "", "set theme.font to false"),
        ("  - search\n", "  - search\n  - offline\n", "remove the 'offline' plugin"),
        ("  - assets/javascripts/faq.js\n", "  - assets/javascripts/faq.js\n  - https://cdn.example.org/x.js\n", "'https://cdn.example.org/x.js' loads from another machine"),
        ("  - assets/javascripts/faq.js\n", "  - assets/javascripts/other.js\n", "add 'assets/javascripts/faq.js' to extra_javascript"),
        ("      permalink: true\n", "      permalink: false\n", "set 'permalink: true' under the toc extension"),
        ("docs_dir: docs\n", "docs_dir: docs\nrepo_url: https://github.com/mindspore-ai/docs\n", "remove repo_url"),
        ("untranslated_ok: []", "untranslated_ok: extra.md", "extra.untranslated_ok must be a list"),
    ],
    ids=["web-fonts", "offline-plugin", "remote-script", "no-faq-js", "no-permalink", "repo-facts", "untranslated-ok-string"],
)
def test_settings_that_break_a_promise_are_refused(project, old, new, message):
    write_docs(project)
    set_config(project, old, new)
    fails_with(project, message)


def test_no_custom_dir_is_refused(project):
    write_docs(project)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text("\n".join(l for l in text.split("\n") if "custom_dir" not in l), encoding="utf-8")
    fails_with(project, "set theme.custom_dir to the project's overrides/ folder")


@pytest.mark.parametrize(
    ("zh", "en", "message"),
    [
        (ZH, "# Feature Advice\n\nNothing yet.\n", "feature_advice.en.md:1: this page has no questions, but feature_advice.md has 2"),
        ("# 特性咨询\n", EN, "feature_advice.md:1: this page has no questions, but feature_advice.en.md has 2"),
        (ZH.replace("## Q: 第二", "## Q 第二"), EN, "feature_advice.md:7: question 'Q 第二个问题？': this heading starts like a question but has no ':' after 'Q'"),
        (ZH + '\n<h2 id="raw">Q: 原始HTML？</h2>\n\nA: 答。\n', EN, "feature_advice.md:11: question '原始HTML？': a question written as a raw HTML heading is not read as one"),
    ],
    ids=["translation-without-questions", "source-without-questions", "no-colon", "raw-html-heading"],
)
def test_questions_that_would_go_missing_are_named(project, zh, en, message):
    write_docs(project, zh=zh, en=en)
    log = fails_with(project, message)
    assert log.count("WARNING") == 1, log


@pytest.mark.parametrize("prefix", ["q: ", "Ｑ：", "Q：", "Q:\u00a0"])
def test_every_way_of_writing_q_is_a_question(project, prefix):
    write_docs(project, zh=ZH.replace("## Q: 第二", f"## {prefix}第二"))
    site = builds(project)
    assert faq_json(site)["questions"][1]["question"] == "第二个问题？"


# ------------------------------------------------------------ memory

PROBE = '''
import json
from pathlib import Path


def _record(name, config, data):
    out = Path(config.site_dir).parent / name
    old = json.loads(out.read_text()) if out.exists() else {}
    out.write_text(json.dumps({**old, **data}))


def on_env(env, *, config, files):
    \"\"\"Between conversion and writing, each page's HTML is parked, compressed.\"\"\"
    language = config["faq_site_state"].current()
    _record("parked.json", config, {f.page.url: [f.page.content, f.page.url in language.parked] for f in files.documentation_pages()})
    return env


def on_page_context(context, *, page, config, nav):
    \"\"\"An author's hook after ours: the page's HTML is on the page, finished.\"\"\"
    _record("context.json", config, {page.url: page.content})
    return context

'''


def test_an_authors_hook_after_ours_sees_each_pages_html_at_page_context(project):
    """The FAQ hook parks each page's HTML, compressed, from its conversion until
    on_page_context, and puts it back (home lists, related questions and old
    anchors already in) before any other handler of that event; it lets it go
    once the page is written (faqlib/build.py, Memory)."""
    write_docs(project)
    (project / "probe.py").write_text(PROBE, encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    set_config(project, text[text.index("hooks:\n"):], text[text.index("hooks:\n"):] + f"  - {(project / 'probe.py').as_posix()}\n")
    hooks = (project / "mkdocs.yml").read_text(encoding="utf-8").split("hooks:\n")[1].split()
    assert hooks[1].endswith("/hooks/faq.py") and hooks[3].endswith("/probe.py"), hooks  # ours first
    builds(project)
    parked = json.loads((project / "parked.json").read_text())
    assert all(content == "" and held for content, held in parked.values()), parked
    seen = json.loads((project / "context.json").read_text())
    assert set(seen) == {"index.html", "feature_advice.html", "en/index.html", "en/feature_advice.html"}
    assert 'href="feature_advice.html#first"' in seen["index.html"] and "第一个问题" in seen["index.html"]
    assert "第二个问题" in seen["feature_advice.html"] and "Second question" in seen["en/feature_advice.html"]


def test_a_written_page_lets_its_html_go():
    from types import SimpleNamespace

    from faqlib import build

    page = SimpleNamespace(content="<p>一</p>")
    build.release(page)
    assert page.content is None


# ------------------------------------------------------------ issue 21: own lines, no traceback

CONTAINERS = ZH + (
    "\n!!! note\n\n    ## Q: 提示里的问题？\n\n    A: 一。\n"            # 13
    "\n> ## Q: 引用里的问题？\n>\n> A: 二。\n"                        # 17
    "\n- ## Q: 列表里的问题？\n\n    A: 三。\n"                      # 21
    "\n!!! note\n\n    Q: 标题式问题？\n    ------\n\n    A: 四。\n"  # 27
    "\n<details markdown>\n<summary>更多</summary>\n\n## Q: 折叠里的问题？\n\nA: 五。\n\n</details>\n"  # 35
    "\n!!! tip\n\n    ## Q: 重复编号的问题？ {#first}\n\n    A: 六。\n"  # 43
)


def test_questions_in_containers_are_named_at_their_own_line(project):
    """Admonitions, blockquotes, lists, setext headings in an admonition,
    <details markdown>: each question is named at its own line, not a neighbour's."""
    write_docs(project, zh=CONTAINERS)
    log = fails_with(
        project,
        "feature_advice.md:13: question '提示里的问题？': the question has no id",
        "feature_advice.md:17: question '引用里的问题？': the question has no id",
        "feature_advice.md:21: question '列表里的问题？': the question has no id",
        "feature_advice.md:27: question '标题式问题？': the question has no id",
        "feature_advice.md:35: question '折叠里的问题？': the question has no id",
        "feature_advice.md:43: question '重复编号的问题？': the id 'first' is already used by '第一个问题？' at feature_advice.md:3",
    )
    assert "feature_advice.md:3:" not in log and "feature_advice.md:7:" not in log, log


def test_fence_left_open_mid_page_is_named_at_its_line(project):
    """Not at a line that merely says 'python', nor at an earlier fence of the same language."""
    zh = ZH.replace("A: 回答一。", "A: 回答一。\n\n用 Python 写：\n\n```python\nx = 1\n```\n\n```python\ny = 2\n")
    write_docs(project, zh=zh)
    fails_with(project, "feature_advice.md:13: the code block opened with '```python' is never closed")


def test_a_question_in_another_questions_answer_is_an_error(project):
    """### Q: under ## Q: would put the inner question into the outer one's answer."""
    write_docs(project, zh=ZH.replace("A: 回答二。", "A: 回答二。\n\n### Q: 内层问题？ {#inner}\n\nA: 内层。"),
               en=EN.replace("A: Answer two.", "A: Answer two.\n\n### Q: Inner? {#inner}\n\nA: Inner."))
    log = fails_with(project, "feature_advice.md:11: question '内层问题？': this question is inside the answer of the question at line 7",
                     "feature_advice.en.md:11: question 'Inner?': this question is inside the answer of the question at line 7")
    assert log.count("WARNING") == 2, log


def test_short_links_and_retired_anchors_are_links_an_author_may_write(project):
    """q/<id>.html validates; so does page.md#<retired id> on the page it was published on."""
    lock = ("ids:\n  first: {pages: [feature_advice.md], aliases: []}\n  second: {pages: [feature_advice.md], aliases: []}\n"
            "  gone: {pages: [feature_advice.md], aliases: []}\nretired:\n  gone: {successor: second}\n")
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "ids.yml").write_text(lock, encoding="utf-8")
    write_docs(project, home_zh=HOME_ZH + "\n见 [第一](q/first.html)、[旧](feature_advice.md#gone) 与 [旧短链](q/gone.html)。\n",
               home_en=HOME_EN + "\nSee [first](q/first.html) and [old](feature_advice.md#gone).\n")
    site = builds(project)
    assert 'href="q/first.html"' in (site / "index.html").read_text(encoding="utf-8")
    assert "feature_advice.html#second" in (site / "q" / "gone.html").read_text(encoding="utf-8")
    assert "feature_advice.html#first" in (site / "en" / "q" / "first.html").read_text(encoding="utf-8")
    write_docs(project, home_zh=HOME_ZH + "\n[无](q/nothing.html)\n")
    fails_with(project, "contains a link 'q/nothing.html', but the target is not found")


@pytest.mark.parametrize("data", [("# 特性\n\n" + ZH).encode("gbk"), ("# 特性\n\n" + ZH).encode("utf-16")], ids=["gbk", "utf-16"])
def test_a_page_not_in_utf8_gives_one_message(project, data):
    """No follow-on warnings from ids.yml, synonyms.yml, the translation or the home list."""
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "ids.yml").write_text(
        "ids:\n  first: {pages: [feature_advice.md], aliases: []}\n  second: {pages: [feature_advice.md], aliases: []}\nretired: {}\n", encoding="utf-8")
    (project / "docs" / "synonyms.yml").write_text("- [第二个, 次个]\n", encoding="utf-8")
    write_docs(project, zh=data, home_zh="# 首页\n\n<!-- faq:all-questions -->\n")
    log = fails_with(project, "feature_advice.md:1: the file is ")
    assert log.count("WARNING") == 1, log


def test_synonyms_bracket_left_open_is_named_at_its_line():
    from faqlib import synonyms

    _, problems = synonyms.parse("# groups\n- [a, b]\n- [c, d\n- [e, f]\n")
    assert [(p.line, "not closed" in p.message) for p in problems] == [(3, True)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ([("          default: true\n", ""), ("          name: English\n", "          name: English\n          default: true\n")],
         "the default language is 'en' ('default: true'), but feature_advice.md and feature_advice.en.md are both written in it"),
        ([("          name: English\n", "          name: English\n          default: true\n")], "each have 'default: true'"),
        ([("      languages:\n", "      languages:\n        - locale: en\n          name: E\n")], "lists the language 'en' 2 times"),
        ([("          name: English\n          build: true", "          name: English\n          build: false")], "language 'en' has 'build: false'"),
        ([("      docs_structure: suffix\n", "      docs_structure: suffix\n      build_only_locale: en\n")], "remove the i18n plugin's build_only_locale"),
        ([("fallback_to_default: true", "fallback_to_default: false")], "set the i18n plugin's fallback_to_default to true"),
        ([("hooks:\n", "hooks:\n"), ("  - /", "  - /")], None),
    ],
    ids=["english-default", "two-defaults", "language-twice", "build-false", "build-only-locale", "no-fallback", "unchanged"],
)
def test_static_i18n_settings_are_explained_not_a_traceback(project, changes, message):
    write_docs(project)
    for old, new in changes:
        set_config(project, old, new)
    if message is None:
        builds(project)
    else:
        fails_with(project, message)


@pytest.mark.parametrize(
    ("url", "message"),
    [("https://faq.example.org/docs/?x=1#top", "no query ('?…') or fragment ('#…')"),
     ("https://faq.example.org/docs/#top", "use https://faq.example.org/docs/"),
     ("ftp://faq.example.org/", "http(s)://host/path/"),
     ("https://faq.example.org/my docs/", "percent-encoded")],
    ids=["query-and-fragment", "fragment", "scheme", "space"],
)
def test_a_site_url_we_cannot_extend_is_refused(project, monkeypatch, url, message):
    monkeypatch.setenv("SITE_URL", url)
    write_docs(project)
    fails_with(project, f"site_url (SITE_URL) is '{url}'", message)


def test_a_site_url_gives_well_formed_addresses(project, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://faq.example.org/docs")
    write_docs(project)
    site = builds(project)
    assert 'href="https://faq.example.org/docs/en/feature_advice.html#first"' in (site / "en" / "q" / "first.html").read_text(encoding="utf-8")
    assert '"url":"https://faq.example.org/docs/feature_advice.html#second"' in (site / "feature_advice.html").read_text(encoding="utf-8")
