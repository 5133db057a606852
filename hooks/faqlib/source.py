"""Read FAQ markdown sources and find their questions with line numbers.

This is the author-facing view of a page: it works on the markdown text, so
every problem can name the file, the line and the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A question heading: '## Q: …' or '### Q: …' (full-width colon accepted).
QUESTION_HEADING = re.compile(
    r"^(?P<hashes>#{2,3})[ \t]+Q[ \t]*[:：][ \t]*(?P<rest>.*?)[ \t]*$"
)
#: Any ATX heading (to know where an answer ends).
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+\S")
#: A trailing attribute list '{#id}' (attr_list syntax, other attributes allowed).
TRAILING_ATTRS = re.compile(r"[ \t]*\{:?(?P<attrs>[^{}]*)\}[ \t]*$")
ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>\S+)")
FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
#: Lines that do not count as an answer: blank, '<br/>' separators, 'A:' alone.
EMPTY_ANSWER_LINE = re.compile(r"^\s*(?:A[ \t]*[:：])?\s*(?:<br\s*/?>\s*)*$", re.IGNORECASE)


class SourceError(Exception):
    """A source file cannot be read as an FAQ page (e.g. it is not UTF-8)."""


def decode_source(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM) and normalise line endings to LF."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(
            f"{path}:{line}: the file is not UTF-8 (byte 0x{data[err.start]:02x} "
            f"at offset {err.start}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class SourceQuestion:
    """One question as written in markdown."""

    line: int
    level: int
    text: str
    qid: str | None
    answer: str

    @property
    def label(self) -> str:
        """Short form of the question for messages."""
        return self.text if len(self.text) <= 60 else self.text[:57] + "…"


def split_heading(rest: str) -> tuple[str, str | None]:
    """Split 'question text {#id}' into the text and the id (None if absent)."""
    rest = rest.rstrip()
    rest = re.sub(r"[ \t]+#+$", "", rest)  # optional closing hashes
    match = TRAILING_ATTRS.search(rest)
    if not match:
        return rest.strip(), None
    ids = ATTR_ID.findall(match.group("attrs"))
    return rest[: match.start()].strip(), (ids[-1] if ids else None)


def scan_questions(text: str) -> list[SourceQuestion]:
    """Find the question headings of a page (outside code fences) in order."""
    lines = text.split("\n")
    heads: list[tuple[int, int, str, str | None]] = []
    ends: list[tuple[int, int]] = []  # (index, level) of every heading
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group("fence")[0] == fence[0] and len(opened.group("fence")) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group("fence")
            continue
        heading = HEADING.match(line)
        if not heading:
            continue
        ends.append((index, len(heading.group("hashes"))))
        question = QUESTION_HEADING.match(line)
        if question:
            qtext, qid = split_heading(question.group("rest"))
            heads.append((index, len(question.group("hashes")), qtext, qid))
    questions = []
    for index, level, qtext, qid in heads:
        stop = next((i for i, lvl in ends if i > index and lvl <= level), len(lines))
        answer_lines = [l for l in lines[index + 1 : stop] if not EMPTY_ANSWER_LINE.match(l)]
        questions.append(
            SourceQuestion(index + 1, level, qtext, qid, "\n".join(answer_lines).strip())
        )
    return questions


def plain_question(markdown_text: str) -> str:
    """Question text for a link label: links unwrapped, whitespace collapsed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    return " ".join(text.split())
