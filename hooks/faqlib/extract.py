"""Find questions in a rendered page tree, and give each its legacy anchor.

A Python-Markdown treeprocessor: it sees the page after attr_list has set the
authors' {#id}s and before toc adds permalinks, so it reads the question and
answer exactly as rendered (links and code as text) without parsing HTML again.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .ids import legacy_slug
from .text import element_lines, resolve_placeholders

QUESTION_PREFIX = re.compile(r"^\s*Q\s*[:：]\s*")
ANSWER_PREFIX = re.compile(r"^\s*A\s*[:：]\s*")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass(frozen=True)
class Question:
    """A question as a reader sees it: plain text, stable id, legacy aliases."""

    id: str
    question: str
    answer: str
    aliases: tuple[str, ...] = ()
    level: int = 2


class QuestionTreeprocessor(Treeprocessor):
    """Collect the page's questions; add an anchor for each legacy slug."""

    def __init__(self, md: Markdown, sink: QuestionExtension) -> None:
        super().__init__(md)
        self.sink = sink

    def _stash(self, index: int) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        return str(blocks[index]) if 0 <= index < len(blocks) else ""

    def _text(self, elements: list[etree.Element]) -> str:
        lines = (" ".join(resolve_placeholders(line, self._stash).split()) for line in element_lines(elements))
        return "\n".join(line for line in lines if line)

    def run(self, root: etree.Element) -> None:
        children = list(root)
        questions: list[Question] = []
        for index, el in enumerate(children):
            level = _HEADINGS.get(el.tag)
            if level not in (2, 3) or not el.get("id"):
                continue  # source checks report questions without an id
            heading = " ".join(self._text([el]).split())
            if not QUESTION_PREFIX.match(heading):
                continue
            body: list[etree.Element] = []
            for sibling in children[index + 1 :]:
                sibling_level = _HEADINGS.get(sibling.tag)
                if sibling_level and sibling_level <= level:
                    break
                body.append(sibling)
            qid = el.get("id", "")
            alias = legacy_slug(heading)
            aliases = (alias,) if alias and alias != qid else ()
            for name in aliases:
                anchor = etree.Element("span", {"id": name, "class": "faq-alias", "data-faq-alias-of": qid})
                anchor.tail, el.text = el.text, None
                el.insert(0, anchor)
            el.set("class", " ".join(filter(None, [el.get("class"), "faq-question"])))
            questions.append(
                Question(
                    id=qid,
                    question=QUESTION_PREFIX.sub("", heading, count=1),
                    answer=ANSWER_PREFIX.sub("", self._text(body), count=1),
                    aliases=aliases,
                    level=level,
                )
            )
        self.sink.found = questions


@dataclass
class QuestionExtension(Extension):
    """Registers the treeprocessor; `take()` hands over the last page's questions."""

    found: list[Question] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown API)
        self.found = []
        # After attr_list (8) has set ids, before toc (5) adds permalinks.
        md.treeprocessors.register(QuestionTreeprocessor(md, self), "faq_questions", 6)

    def take(self) -> list[Question]:
        found, self.found = self.found, []
        return found
