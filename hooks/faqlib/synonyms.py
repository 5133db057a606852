"""Synonyms that authors maintain: docs/synonyms.yml, read and checked.

Readers search with their own words (梯度裁剪, 显卡, 卡住) where the text has
others (梯度截断, GPU, hang). The file holds groups of words that mean the same
thing here, Chinese and English mixed; the worker applies them to the query
and ranks a synonym's match below the reader's own words.

    - [梯度截断, 梯度裁剪, gradient clipping]   # one group per line
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Problem
from .tokenizer import normalize

#: Where the groups live, relative to docs_dir (README: "Search").
FILE = "synonyms.yml"


@dataclass(frozen=True)
class Group:
    line: int
    words: tuple[str, ...]


def read(path: Path) -> tuple[list[Group], list[Problem]]:
    """The groups of a synonyms file, and what is wrong with it (file:line)."""
    name = path.name
    if not path.is_file():
        return [], []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", 0) + 1
        return [], [Problem(name, line, "", f"is not valid YAML ({str(err).splitlines()[0]}); "
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
