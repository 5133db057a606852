"""`make ids`: a stable id in every question, written into the sources once.

Like Docusaurus' write-heading-ids, but for a page and its translations at
once: the questions of 'page.md' and 'page.en.md' are paired by position, a
pair gets one id (from the English question, else the default language's),
an id one language already has is copied to the other, and an existing id is
never changed. When the languages disagree (how many questions, which id at
which place, a question asked twice) nothing is written and each place is
named at file:line. The questions are the site build's own (reader.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .ids import id_problem, new_id
from .model import PageQuestions, Problem, Question

@dataclass(frozen=True)
class Source:
    """One language's file of a page, as the build reads it."""

    path: str  # as shown to the author: 'docs/feature_advice.en.md'
    lang: str
    offset: int  # lines before the markdown (front matter)
    found: PageQuestions


@dataclass(frozen=True)
class Edit:
    path: str
    line: int  # 1-based, in the file
    id: str
    question: str


_ATX_CLOSE = re.compile(r"(?<=\s)#+\s*$")
_ATTRS_END = re.compile(r"\{(:?)\s*([^{}]*)\}\s*$")


def with_id(line: str, qid: str) -> str:
    """The heading line *line* with '{#qid}' at its end (inside an attribute list it
    already has, before an ATX heading's closing hashes)."""
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    closing = ""
    if body.lstrip().startswith("#") and (m := _ATX_CLOSE.search(body)):
        closing, body = " " + body[m.start():].strip(), body[: m.start()].rstrip()
    if (attrs := _ATTRS_END.search(body)) and body[: attrs.start()].endswith(" "):
        inside = f"#{qid} {attrs.group(2)}".rstrip()
        body = body[: attrs.start()] + "{" + attrs.group(1) + (" " if attrs.group(1) else "") + inside + "}"
    else:
        body = body.rstrip() + f" {{#{qid}}}"
    return body + closing + ending


def _at(source: Source, q: Question) -> str:
    return f"{source.path}:{q.line + source.offset}"


def plan(pages: Sequence[Sequence[Source]], taken: Iterable[str], id_lang: str = "en") -> tuple[list[Edit], list[Problem]]:
    """The ids to write into *pages* (each: one page's files, default language
    first), none of them in *taken*; or, when the languages disagree, the problems."""
    taken = set(taken)
    for sources in pages:
        for source in sources:
            taken.update(q.id for q in source.found.questions if q.id)
    edits: list[Edit] = []
    problems: list[Problem] = []
    for sources in pages:
        stop = [f.at(s.path) for s in sources for f in s.found.findings if f.kind in ("duplicate", "structure")]
        stop = [Problem(p.path, p.line + s.offset, p.question, p.message) for s in sources for p in stop if p.path == s.path]
        if stop:
            problems += stop
            continue
        counts = {s.path: len(s.found.questions) for s in sources}
        if len(set(counts.values())) > 1:
            shortest = min(counts.values())
            for s in sources:
                if len(s.found.questions) > shortest:
                    q = s.found.questions[shortest]
                    others = ", ".join(f"{p} has {n}" for p, n in counts.items() if p != s.path)
                    problems.append(Problem(s.path, q.line + s.offset, q.label,
                        f"this page has {len(s.found.questions)} questions but {others}; questions are paired by "
                        "position, so translate or remove the questions without a partner first (this is the first)"))
            continue
        for position in range(len(sources[0].found.questions)):
            pair = [(s, s.found.questions[position]) for s in sources]
            have = {q.id for _, q in pair if q.id}
            if len(have) > 1:
                where = ", ".join(f"{_at(s, q)} has {{#{q.id}}}" if q.id else f"{_at(s, q)} has none" for s, q in pair)
                s, q = pair[0]
                problems.append(Problem(s.path, q.line + s.offset, q.label,
                    f"the question at this place has different ids in its languages ({where}): the languages' "
                    "questions are in a different order, or an id was mistyped; put them in the same order with the same id"))
                continue
            if have:
                qid = have.pop()
                if why := id_problem(qid):
                    s, q = next((s, q) for s, q in pair if q.id)
                    problems.append(Problem(s.path, q.line + s.offset, q.label, f"{why}; fix it by hand first (make ids never changes an id)"))
                    continue
            else:
                s, q = next(((s, q) for s, q in pair if s.lang == id_lang), pair[0])
                qid = new_id(q.question, taken)
                taken.add(qid)
            edits += [Edit(s.path, q.line + s.offset, qid, q.label) for s, q in pair if not q.id]
    return ([] if problems else edits), sorted(set(problems))


def apply(text: str, edits: Iterable[Edit]) -> str:
    """*text* with the heading line of each edit given its id."""
    lines = text.split("\n")  # as Python-Markdown counts lines; a '\r' stays with its line
    for edit in edits:
        lines[edit.line - 1] = with_id(lines[edit.line - 1], edit.id)
    return "\n".join(lines)
