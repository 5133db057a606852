"""Synonyms that authors maintain: docs/synonyms.yml, read and checked.

Readers search with their own words (梯度裁剪, 显卡, 卡住) where the text has
others (梯度截断, GPU, hang). The file holds groups of words that mean the same
thing here, Chinese and English mixed; the worker applies them to the query
and ranks a synonym's match below the reader's own words.

    - [梯度截断, 梯度裁剪, gradient clipping]   # one group per line
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Problem
from .yamlerror import line_and_reason
from .tokenizer import normalize, query_words

#: Where the groups live, relative to docs_dir (README: "Search").
FILE = "synonyms.yml"


@dataclass(frozen=True)
class Group:
    line: int
    words: tuple[str, ...]


def read(path: Path) -> tuple[list[Group], list[Problem]]:
    """The groups of a synonyms file, and what is wrong with it (file:line)."""
    if not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return [], [Problem(path.name, 1, "", f"is not UTF-8 ({err.reason}); save it as UTF-8")]
    return parse(text, path.name)


def parse(text: str, name: str = FILE) -> tuple[list[Group], list[Problem]]:
    """The groups of a synonyms file's text, and what is wrong with it (name:line)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        line, reason = line_and_reason(err)
        return [], [Problem(name, line, "", f"is not valid YAML ({reason}); "
                            "write one group per line: - [word, other word]")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(name, root.start_mark.line + 1, "",
                            "must be a list of groups; write one group per line: - [word, other word]")]
    groups: list[Group] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for node in root.value:
        line = node.start_mark.line + 1
        words = [item.value for item in getattr(node, "value", []) if isinstance(item, yaml.ScalarNode)]
        if not isinstance(node, yaml.SequenceNode) or len(words) != len(node.value):
            problems.append(Problem(name, line, "", "a group is a list of words: - [word, other word]"))
            continue
        words = [w.strip() for w in words if w.strip()]
        if len(words) < 2:
            problems.append(Problem(name, line, "", "a group needs at least two words"))
            continue
        clash = next((w for w in words if normalize(w) in seen), None)
        if clash is not None:
            problems.append(Problem(name, line, "", f"'{clash}' is already in the group at line "
                                    f"{seen[normalize(clash)]}; merge the two groups"))
            continue
        for word in words:
            seen[normalize(word)] = line
        groups.append(Group(line, tuple(words)))
    return groups, problems


def unused(groups: list[Group], occurs: Callable[[str], bool]) -> list[Problem]:
    """Groups none of whose words occurs in the site: they can never help a reader."""
    return [
        Problem(FILE, g.line, "", f"no word of the group [{', '.join(g.words)}] occurs in the site; "
                "add the site's own word for it, or remove the group")
        for g in groups if not any(occurs(w) for w in g.words)
    ]


def compiled(groups: list[Group], occurs: Callable[[str], bool]) -> list[list[str]]:
    """The groups an index ships: normalized words, only groups that can match it."""
    return [[normalize(w) for w in g.words] for g in groups if any(occurs(w) for w in g.words)]


def occurs(word: str, vocabulary: Collection[str]) -> bool:
    """Whether a reader typing *word* would match the site's text as it is."""
    terms = [t for t, _, _ in query_words(word, vocabulary)]
    # A Chinese word broken into single ideographs is not in the text.
    whole = len(terms) == 1 or not any(len(t) == 1 and not t.isascii() for t in terms)
    return bool(terms) and whole and all(t in vocabulary for t in terms)


_ONE_LINE_GROUP = re.compile(r"^(\s*-\s*\[)(.*?)(\]\s*(?:#.*)?)$")


def _yaml_word(word: str) -> str:
    """A word as a plain YAML scalar in a flow list, quoted when it must be."""
    return word if re.fullmatch(r"[\w\u3400-\u9fff][\w\u3400-\u9fff .+\-/]*", word) and not word.endswith(" ") else json.dumps(word, ensure_ascii=False)


def merge(text: str, library: list[Group], useful: Callable[[str], bool], source: str) -> tuple[str, list[str]]:
    """A synonyms file's *text* with the *library* groups this site can use, and what changed.

    A library group is used when one of its words is *useful* (occurs in the
    site). Its words the file already has are left out; the others form a new
    group, or join the file's group that has the rest of them (written on one
    line, `- [a, b]`). A group that overlaps two of the file's groups is left
    out, said so: merging those is the author's call.
    """
    groups, problems = parse(text)
    if problems:
        return text, [str(p) for p in problems]
    line_of = {normalize(w): g.line for g in groups for w in g.words}  # word -> its group's line
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = ["", f"# Added by make import from {source}"]
    appended: list[str] = []
    said: list[str] = []
    for group in library:
        if not any(useful(w) for w in group.words):
            continue
        new = [w for w in dict.fromkeys(group.words) if normalize(w) not in line_of]
        joined = sorted({line_of[normalize(w)] for w in group.words if normalize(w) in line_of})
        if not new:
            continue
        if len(joined) > 1:
            said.append(f"{source}:{group.line}: [{', '.join(group.words)}] overlaps the groups at lines "
                        f"{', '.join(map(str, joined))} of {FILE}; left out (merge them by hand)")
            continue
        if joined:
            line = joined[0]
            at = line - 1 if line <= len(lines) else None
            target = lines if at is not None else appended
            index = at if at is not None else line - len(lines) - len(header) - 1
            match = _ONE_LINE_GROUP.match(target[index])
            if not match:
                said.append(f"{FILE}:{line}: the group is not written on one line as - [a, b]; "
                            f"{', '.join(new)} from {source}:{group.line} left out")
                continue
            target[index] = f"{match.group(1)}{match.group(2)}, {', '.join(map(_yaml_word, new))}{match.group(3)}"
            said.append(f"{FILE}:{line}: added {', '.join(new)} (from {source}:{group.line})")
        elif len(new) >= 2:
            appended.append(f"- [{', '.join(map(_yaml_word, new))}]")
            line = len(lines) + len(header) + len(appended)
            said.append(f"{FILE}:{line}: added the group [{', '.join(new)}] (from {source}:{group.line})")
        else:
            continue
        for w in new:
            line_of[normalize(w)] = line
    if appended:
        lines += header + appended
    return "\n".join(lines) + "\n", said
