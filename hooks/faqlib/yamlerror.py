"""Where a YAML mistake is, as its author sees it (synonyms.yml, ids.yml)."""

from __future__ import annotations

import yaml


def line_and_reason(err: yaml.YAMLError) -> tuple[int, str]:
    """The 1-based line to fix, and what is wrong there.

    PyYAML notices a '[', '{' or quote left open only where it meets the next
    thing (the next line, or the end of the file): its context mark is the
    line that opened it, which is the author's line. Other mistakes have only
    the problem mark, at the author's line.
    """
    context = getattr(err, "context_mark", None)
    problem = getattr(err, "problem_mark", None)
    mark = context or problem
    line = mark.line + 1 if mark is not None else 1
    what = getattr(err, "problem", None) or str(err).splitlines()[0]
    if context is not None and getattr(err, "context", None):
        opened = str(err.context).replace("while parsing ", "").replace("while scanning ", "")
        where = f" on line {problem.line + 1}" if problem is not None else ""
        reason = f"{opened} that starts on this line is not closed: {what}{where}"
    else:
        reason = what
    return line, reason
