"""Property-based tests: any question text gives valid ids, aliases and data."""

from __future__ import annotations

import json

import markdown
from faqlib.extract import QuestionExtension
from faqlib.ids import id_problem, legacy_slug, new_id
from faqlib.jsonld import faq_page, script_json
from faqlib.search import Row, analyze, build_index
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# CJK, emoji, right-to-left scripts, markup characters and plain ASCII.
ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),
    st.sampled_from(list("<>&\"'`*_[]()#{}!|\\/:：？ \t")),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=200)
LONG = st.text(alphabet=ALPHABET, min_size=1, max_size=10_000)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(st.lists(TEXT, min_size=1, max_size=20))
def test_suggested_ids_are_valid_and_unique(texts):
    taken: set[str] = set()
    for text in texts:
        qid = new_id(text, taken)
        assert id_problem(qid) is None
        assert qid not in taken
        taken.add(qid)


@FAST
@given(LONG)
def test_legacy_slug_never_crashes_and_has_no_spaces(text):
    slug = legacy_slug("Q: " + text)
    assert slug.startswith("q") and not any(c.isspace() for c in slug)


@SLOW
@given(question=LONG, answer=LONG)
def test_any_question_gives_valid_data(question, answer):
    ext = QuestionExtension()
    # Escape markdown so the text arrives as text; the heading stays one line.
    def literal(text):
        return "".join("\\" + c if c in "\\`*_{}[]()#+-.!<>|&" else c for c in " ".join(text.split()))

    source = f"## Q: {literal(question) or 'x'} {{#the-id}}\n\nA: {literal(answer) or 'y'}\n"
    markdown.markdown(source, extensions=["attr_list", "toc", ext])
    found = ext.take().questions
    assert [q.id for q in found] == ["the-id"]
    q = found[0]
    assert q.question and "\x02" not in q.question and "\x03" not in q.answer
    row = {"id": q.id, "question": q.question, "answer": q.answer, "url": f"p.html#{q.id}", "aliases": list(q.aliases)}
    assert json.loads(json.dumps(row, ensure_ascii=False)) == row
    text = script_json(faq_page(found, "p.html"))
    assert "<" not in text and json.loads(text)["mainEntity"][0]["name"] == q.question
    index = build_index("zh", [Row("p.html", "P", q.id, q.question, q.answer)], analyze([(q.question, q.answer)]))
    for entries in index.postings.values():
        assert [doc for doc, _ in entries] == [0]


# Lines of every kind a FAQ page has: questions in containers, fences, lists.
_LINE = st.sampled_from([
    "", "## Q: 问题？ {#a}", "##Q: 问题", "### Q：x", "Q: 标题", "------", "> ## Q: 引用", "- ## Q: 列表", "1. Q: 项",
    "    ## Q: 缩进", "!!! note", "```python", "```", "~~~", "# include", "#include <x>", "<details markdown>",
    "</details>", '<h2 id="r">Q: raw</h2>', "A: 回答 `code` **b**", "Q learning", "| Q: a | b |", "* * *",
    "    Q: code", "<div markdown>", "</div>", "[Q]: https://example.org", "<!-- ## Q: c -->",
])
_EXTENSIONS = ["attr_list", "toc", "admonition", "md_in_html", "pymdownx.superfences", "pymdownx.highlight"]


@FAST
@given(st.lists(_LINE, min_size=1, max_size=25))
def test_line_marks_change_nothing_the_page_shows(lines):
    """linemarks: a page converted with its lines marked, marks removed, is the page
    converted as written: a mark changes no markdown construct, in any container."""
    from faqlib import linemarks

    plain = markdown.Markdown(extensions=_EXTENSIONS).convert("\n".join(lines))
    marked = markdown.Markdown(extensions=_EXTENSIONS).convert("\n".join(linemarks.mark_lines(lines)))
    assert linemarks.strip_html(marked) == plain
