"""Ids that never die: docs/ids.yml locks every question id the site has published.

    ids:        # written by `make ids`; an entry is never removed
      gradient-clipping: {pages: [feature_advice.md], aliases: [q-请问mindspore支持梯度截断吗]}
    retired:    # written by authors, when a question goes
      export-air-on-atlas-inference: {successor: export-formats}
      old-question:
        note: {zh: 该问题在 r2.3 中移除。, en: This question was removed in r2.3.}

A locked id must stay in the sources, or be retired: to a successor (a live
question) or with a note in every language. Either way each old link still
lands: `page#id` and the legacy anchors on the pages the id was published on
forward (faq.js), and `q/<id>.html` goes to the successor or to a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .ids import id_problem
from .model import Problem
from .yamlerror import line_and_reason

#: Where the lock lives, relative to docs_dir (read by the build, not published).
FILE = "ids.yml"

HEADER = """\
# Every question id this site has published, with the pages it was published
# on and its legacy anchors. `make ids` adds to it; never delete an entry: an
# id whose question goes must be retired below, so its old links still land.
"""
RETIRED_HELP = """\
# A question that is gone: give its id a successor (a live question's id) or a
# note in every language, e.g.
#   old-id: {successor: new-id}
#   other-old-id:
#     note: {zh: 该问题已移除。, en: This question was removed.}
retired: {}
"""


@dataclass(frozen=True)
class Entry:
    """A published id: where it was published, and its legacy anchors."""

    id: str
    pages: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Retired:
    """An id whose question is gone, and where its links go instead."""

    id: str
    successor: str | None
    note: Mapping[str, str]
    line: int = 0


@dataclass
class Lock:
    entries: dict[str, Entry] = field(default_factory=dict)
    retired: dict[str, Retired] = field(default_factory=dict)
    #: Lines [start, end) of the `ids:` block in the file (0-based), for rewriting.
    block: tuple[int, int] | None = None


def _problem(line: int, message: str, qid: str = "") -> Problem:
    return Problem(FILE, line, qid, message)


def _strings(node: yaml.Node) -> list[str] | None:
    if isinstance(node, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in node.value):
        return [n.value for n in node.value]
    return None


def parse(text: str) -> tuple[Lock, list[Problem]]:
    """The lock in *text*, and what is wrong with it (at ids.yml:line)."""
    lock, problems = Lock(), []
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        line, reason = line_and_reason(err)
        return lock, [_problem(line, f"is not valid YAML ({reason}); see the example at the top of the file")]
    if root is None:
        return lock, []
    if not isinstance(root, yaml.MappingNode):
        return lock, [_problem(root.start_mark.line + 1, "must be a mapping with 'ids:' and 'retired:'")]
    for key, value in root.value:
        line = key.start_mark.line + 1
        if key.value == "ids":
            lock.block = _block(text, key.start_mark.line, value.end_mark.line + (1 if value.end_mark.column else 0))
            problems += _entries(value, lock)
        elif key.value == "retired":
            problems += _retired(value, lock)
        else:
            problems.append(_problem(line, f"unknown section '{key.value}'; the lock has 'ids:' and 'retired:'"))
    return lock, problems


def _block(text: str, start: int, end: int) -> tuple[int, int]:
    """Lines [start, end) of a section, without the comments and blank lines after it
    (YAML counts them in, but they introduce what follows)."""
    lines = text.split("\n")
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return start, end


def _entries(node: yaml.Node, lock: Lock) -> list[Problem]:
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~"):
        return []
    if not isinstance(node, yaml.MappingNode):
        return [_problem(node.start_mark.line + 1, "'ids:' must map each id to {pages: [...], aliases: [...]}")]
    problems = []
    for key, value in node.value:
        line = key.start_mark.line + 1
        fields = {k.value: _strings(v) for k, v in value.value} if isinstance(value, yaml.MappingNode) else {}
        pages, aliases = fields.get("pages"), fields.get("aliases", [])
        if not pages or aliases is None or set(fields) - {"pages", "aliases"}:
            problems.append(_problem(line, "an entry is {pages: [page.md], aliases: [...]}; run make ids to rewrite it", key.value))
            continue
        lock.entries[key.value] = Entry(key.value, tuple(pages), tuple(aliases), line)
    return problems


def _retired(node: yaml.Node, lock: Lock) -> list[Problem]:
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~"):
        return []
    if not isinstance(node, yaml.MappingNode):
        return [_problem(node.start_mark.line + 1, "'retired:' must map each retired id to {successor: id} or {note: ...}")]
    problems = []
    for key, value in node.value:
        line, qid = key.start_mark.line + 1, key.value
        fields = dict((k.value, v) for k, v in value.value) if isinstance(value, yaml.MappingNode) else None
        if fields is None or not fields or set(fields) - {"successor", "note"}:
            problems.append(_problem(line, "a retired id needs 'successor: <id>' or a 'note:'", qid))
            continue
        successor = fields.get("successor")
        if successor is not None and not isinstance(successor, yaml.ScalarNode):
            problems.append(_problem(line, "'successor:' is one id", qid))
            continue
        note_node = fields.get("note")
        note: dict[str, str] = {}
        if isinstance(note_node, yaml.ScalarNode):
            note = {"*": note_node.value}
        elif isinstance(note_node, yaml.MappingNode) and all(isinstance(v, yaml.ScalarNode) for _, v in note_node.value):
            note = {k.value: v.value for k, v in note_node.value}
        elif note_node is not None:
            problems.append(_problem(line, "'note:' is a text, or one text per language: {zh: …, en: …}", qid))
            continue
        lock.retired[qid] = Retired(qid, successor.value if successor is not None else None, note, line)
    return problems


def read(path: Path) -> tuple[Lock | None, list[Problem]]:
    """The lock at *path* (None when the site has none yet)."""
    if not path.is_file():
        return None, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [_problem(1, "is not UTF-8; save it as UTF-8")]
    return parse(text)


def resolve(lock: Lock, qid: str, live: Mapping[str, str]) -> str | None:
    """The live id that links to retired *qid* go to, following successors; None for a notice."""
    seen = set()
    while qid in lock.retired and qid not in seen:
        seen.add(qid)
        successor = lock.retired[qid].successor
        if successor is None:
            return None
        if successor in live:
            return successor
        qid = successor
    return None


def check(lock: Lock, live: Mapping[str, str], languages: Iterable[str]) -> list[Problem]:
    """What breaks a published link: *live* maps each question id in the sources to its page."""
    problems = []
    for entry in lock.entries.values():
        if entry.id not in live and entry.id not in lock.retired:
            problems.append(_problem(entry.line, (
                f"the id '{entry.id}' was published on {', '.join(entry.pages)} and no question has it now, so its "
                f"links would land on nothing; put it back on its question, or retire it under 'retired:' in {FILE} "
                f"with 'successor: <id of the question that answers it now>' or a 'note:'"), entry.id))
    for old in lock.retired.values():
        if problem := id_problem(old.id):
            problems.append(_problem(old.line, f"{problem}; a retired id is one that was published", old.id))
        elif old.id in live:
            problems.append(_problem(old.line, f"'{old.id}' is retired but a question in the sources still has it; "
                                     f"remove it from 'retired:'", old.id))
        elif old.successor is not None:
            if resolve(lock, old.id, live) is None:
                problems.append(_problem(old.line, f"its successor '{old.successor}' is no question's id "
                                         "(nor retired to one); name a live question's id", old.id))
        else:
            missing = [lang for lang in languages if lang not in old.note and "*" not in old.note]
            if not old.note:
                problems.append(_problem(old.line, "a retired id needs 'successor: <id>' or a 'note:'", old.id))
            elif missing:
                problems.append(_problem(old.line, f"give its note in every language of the site: missing {', '.join(missing)}", old.id))
    return problems


@dataclass(frozen=True)
class Forward:
    """An anchor on an old page that must send its reader elsewhere."""

    anchor: str  # an id or legacy anchor that once was on the page
    target: str  # the live question's id, or the retired id (for its notice)
    removed: bool  # True: the question is gone; go to its notice


def forwards(lock: Lock, live: Mapping[str, str], present: Callable[[str, str], bool]) -> dict[str, list[Forward]]:
    """By page (as written in the lock): the anchors that no longer lead to their
    question there. *present(page, anchor)* says whether the page still has the anchor."""
    out: dict[str, list[Forward]] = {}
    for entry in lock.entries.values():
        if entry.id in live:
            target, removed = entry.id, False
        elif entry.id in lock.retired:
            successor = resolve(lock, entry.id, live)
            target, removed = (successor, False) if successor else (entry.id, True)
        else:
            continue  # check() names it
        for page in entry.pages:
            out.setdefault(page, []).extend(
                Forward(anchor, target, removed)
                for anchor in (entry.id, *entry.aliases) if not present(page, anchor)
            )
    return out


def _flow(items: Iterable[str]) -> str:
    return yaml.safe_dump(list(items), default_flow_style=True, allow_unicode=True, width=1 << 30).strip()


def updated(text: str | None, published: Iterable[Entry]) -> tuple[str, list[str]]:
    """The lock *text* with every *published* id, page and alias in it (nothing removed),
    and the ids that are new to it. The rest of the file is kept as written."""
    lock, problems = parse(text) if text else (Lock(), [])
    if problems:
        raise ValueError("; ".join(map(str, problems)))
    entries = dict(lock.entries)
    new = []
    for item in published:
        old = entries.get(item.id)
        if old is None:
            new.append(item.id)
            entries[item.id] = Entry(item.id, item.pages, item.aliases)
        else:
            pages = old.pages + tuple(p for p in item.pages if p not in old.pages)
            aliases = old.aliases + tuple(a for a in item.aliases if a not in old.aliases)
            entries[item.id] = Entry(old.id, pages, aliases, old.line)
    block = ["ids:\n"] + [
        f"  {qid}: {{pages: {_flow(e.pages)}, aliases: {_flow(e.aliases)}}}\n" for qid, e in entries.items()
    ]
    if not text:
        return HEADER + "".join(block) + RETIRED_HELP, new
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if lock.block is None:
        return "".join(lines) + "".join(block), new
    start, end = lock.block
    return "".join(lines[:start] + block + lines[end:]), new
