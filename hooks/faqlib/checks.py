"""Author-facing checks across pages and languages; every problem names file:line and question.

Checks inside one page are made while it converts (extract.py); these need
several pages: ids unique site-wide, and translations that match their source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Problem, Question


def check_unique_ids(pages: Iterable[tuple[str, Sequence[Question]]]) -> list[Problem]:
    """Ids are unique across all pages of one language (short links share one folder)."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, Question]] = {}
    for path, questions in pages:
        for q in questions:
            if not q.id:
                continue
            if q.id in first:
                other_path, other = first[q.id]
                problems.append(Problem(path, q.line, q.label, f"the id '{q.id}' is already used by '{other.label}' at {other_path}:{other.line}; ids must be unique"))
            else:
                first[q.id] = (path, q)
    return problems


def check_translation(source_path: str, source: Sequence[Question], target_path: str, target: Sequence[Question]) -> list[Problem]:
    """The translation has the same question ids as its source, in the same order."""
    problems: list[Problem] = []
    if bool(source) != bool(target):
        empty, full, count = (source_path, target_path, len(target)) if not source else (target_path, source_path, len(source))
        return [Problem(empty, 1, "", f"this page has no questions, but {full} has {count}; write the same questions, with the same ids, in both")]
    source_ids = [q.id for q in source if q.id]
    target_ids = [q.id for q in target if q.id]
    for q in source:
        if q.id and q.id not in target_ids:
            problems.append(Problem(source_path, q.line, q.label, f"the id '{q.id}' has no question in {target_path}; translate the question there with the same {{#{q.id}}}"))
    for q in target:
        if q.id and q.id not in source_ids:
            problems.append(Problem(target_path, q.line, q.label, f"the id '{q.id}' has no question in {source_path}; use the id of the question it translates"))
    common = [i for i in source_ids if i in set(target_ids)]
    target_common = [i for i in target_ids if i in set(source_ids)]
    if common != target_common:
        by_id = {q.id: q for q in target}
        for expected, actual in zip(common, target_common):
            if expected != actual:
                q = by_id[actual]
                problems.append(Problem(target_path, q.line, q.label, f"questions are in a different order than in {source_path}: '{expected}' should come here; keep both languages in the same order"))
                break
    return problems
