"""Author-facing checks of FAQ sources: every problem names file, line, question."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .ids import id_problem, suggest_id
from .source import SourceQuestion


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix."""

    path: str
    line: int
    question: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: question '{self.question}': {self.message}" if self.question else f"{where}: {self.message}"


def check_page(path: str, questions: Sequence[SourceQuestion]) -> list[Problem]:
    """Problems inside one page: text, answer, id presence and form, repeats."""
    problems: list[Problem] = []
    taken = {q.qid for q in questions if q.qid}
    seen_text: dict[str, SourceQuestion] = {}
    for q in questions:
        if not q.text:
            problems.append(Problem(path, q.line, q.qid or "", "the question text is empty; write the question after 'Q:'"))
        if not q.answer:
            problems.append(Problem(path, q.line, q.label, "the question has no answer; write 'A: …' below the heading"))
        if q.qid is None:
            hint = suggest_id(q.text, taken)
            taken.add(hint)
            problems.append(Problem(path, q.line, q.label, f"the question has no id; end the heading with a stable id such as {{#{hint}}}"))
        elif why := id_problem(q.qid):
            problems.append(Problem(path, q.line, q.label, f"{why}; use e.g. {{#{suggest_id(q.text, taken)}}}"))
        if q.text and q.text in seen_text:
            first = seen_text[q.text]
            problems.append(Problem(path, q.line, q.label, f"the same question is already asked at line {first.line}; remove or merge the duplicate"))
        seen_text.setdefault(q.text, q)
    return problems


def check_unique_ids(pages: Mapping[str, Sequence[SourceQuestion]]) -> list[Problem]:
    """Ids are unique across all pages of one language (short links share one folder)."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, SourceQuestion]] = {}
    for path, questions in pages.items():
        for q in questions:
            if not q.qid:
                continue
            if q.qid in first:
                other_path, other = first[q.qid]
                problems.append(Problem(path, q.line, q.label, f"the id '{q.qid}' is already used by '{other.label}' at {other_path}:{other.line}; ids must be unique"))
            else:
                first[q.qid] = (path, q)
    return problems


def check_translation(
    source_path: str,
    source: Sequence[SourceQuestion],
    target_path: str,
    target: Sequence[SourceQuestion],
) -> list[Problem]:
    """The translation has the same question ids as its source, in the same order."""
    problems: list[Problem] = []
    source_ids = [q.qid for q in source if q.qid]
    target_ids = [q.qid for q in target if q.qid]
    for q in source:
        if q.qid and q.qid not in target_ids:
            problems.append(Problem(source_path, q.line, q.label, f"the id '{q.qid}' has no question in {target_path}; translate the question there with the same {{#{q.qid}}}"))
    for q in target:
        if q.qid and q.qid not in source_ids:
            problems.append(Problem(target_path, q.line, q.label, f"the id '{q.qid}' has no question in {source_path}; use the id of the question it translates"))
    common = [i for i in source_ids if i in set(target_ids)]
    target_common = [i for i in target_ids if i in set(source_ids)]
    if common != target_common:
        by_id = {q.qid: q for q in target}
        for expected, actual in zip(common, target_common):
            if expected != actual:
                q = by_id[actual]
                problems.append(Problem(target_path, q.line, q.label, f"questions are in a different order than in {source_path}: '{expected}' should come here; keep both languages in the same order"))
                break
    return problems
