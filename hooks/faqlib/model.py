"""The FAQ's one model of a question, as the rendered page defines it.

Every consumer (the page itself, the home-page lists, faq.json, JSON-LD,
search, short links, the author checks) reads these records, made by the
treeprocessor in extract.py during MkDocs' own conversion of each page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A heading is a question when its rendered text starts with 'Q:' or 'Q：'.
#: Lower case and full-width forms ('q:', 'Ｑ：') count too: authors type them.
QUESTION_PREFIX = re.compile(r"^\s*[QqＱｑ]\s*[:：]\s*")
#: A heading that starts like a question but lacks the colon: 'Q 怎么…'.
ALMOST_QUESTION = re.compile(r"^\s*[QＱ]\s+\S")
#: The answer's leading 'A:' is the source's convention, not its text.
ANSWER_PREFIX = re.compile(r"^\s*[AaＡａ]\s*[:：]\s*")
#: Prefix of every element id our templates and scripts add: author ids are
#: ASCII kebab-case (ids.ID_PATTERN) and can never start with it.
RESERVED_ID_PREFIX = "__faq-"


@dataclass(frozen=True)
class Question:
    """A question as a reader sees it, and where its author wrote it."""

    id: str  # '' when the author gave none (a Problem says so)
    question: str
    answer: str
    aliases: tuple[str, ...] = ()
    level: int = 2
    line: int = 0
    #: The question as inline HTML (code and emphasis kept), for lists of links.
    html: str = ""

    @property
    def label(self) -> str:
        """Short form of the question for messages."""
        return self.question if len(self.question) <= 60 else self.question[:57] + "…"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix, at file:line."""

    path: str
    line: int
    question: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: question '{self.question}': {self.message}" if self.question else f"{where}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """A problem found while converting one page (its path is added later)."""

    line: int
    question: str
    message: str
    #: What `make ids` makes of it: "no-id" it fixes; "duplicate" and
    #: "structure" (what is or is not a question, an id) stop it; "content" it ignores.
    kind: str = "content"

    def at(self, path: str) -> Problem:
        return Problem(path, self.line, self.question, self.message)


@dataclass
class PageQuestions:
    """What one conversion found: questions in reading order, and problems."""

    questions: list[Question] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: Every element id on the rendered page (headings, aliases, raw HTML).
    element_ids: list[str] = field(default_factory=list)
