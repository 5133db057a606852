"""Source line numbers carried through Python-Markdown's parse, for file:line.

Python-Markdown keeps no line numbers, and a question may sit anywhere: in an
admonition, a blockquote, a list item, `<details markdown>`, a code block. So
the reader's first preprocessor writes an invisible mark into each line that
can start a question (a heading `## Q:`, a setext or paragraph line `Q:`, a
raw `<h2>Q:`): private-use characters holding the line's index, put where they
change no markdown construct (after the hashes, or before the text). The
parse carries the mark with the text into whatever element, or code block,
the line becomes; the reader reads the number there and removes the mark from
the tree, and a last postprocessor removes any left in the HTML (code blocks,
raw HTML). Nothing is searched for: a line is known by its own mark.
"""

from __future__ import annotations

import re

#: Starts a mark; two digits of base 4096 follow (lines up to 16,777,215).
_START = "\U000F0000"
_BASE = 0xF1000
_DIGIT = "[\U000F1000-\U000F1FFF]"
_MARK = re.compile(f"{_START}({_DIGIT})({_DIGIT})")
#: Every character a mark is made of (highlighted code may split a mark in spans).
_ANY = re.compile(f"[{_START}\U000F1000-\U000F1FFF]+")
#: An empty <span> that held only mark characters (Pygments marks them as errors).
_EMPTY_SPAN = re.compile(f'<span class="[^"<>]*">{_ANY.pattern}</span>')

#: Container prefixes of a line: indentation, '>' of blockquotes, list markers.
_PREFIX = r"(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]*"
#: What a question's text can start with: markup, then Q and a colon, or
#: 'Q ' (a question without its colon, also reported).
_Q = r"[*_`\[<]*(?:[QqＱｑ][ \t]*[:：]|[QＱ][ \t]+\S)"
_MARKABLE = re.compile(
    rf"^(?P<at>{_PREFIX}(?:#{{1,6}}[ \t]*|<h[1-6]\b[^>]*>[ \t]*)?)(?={_Q})"
)


def mark(index: int) -> str:
    """The mark of the line at 0-based *index*."""
    return _START + chr(_BASE + (index >> 12 & 0xFFF)) + chr(_BASE + (index & 0xFFF))


def mark_lines(lines: list[str]) -> list[str]:
    """*lines* with a mark in each one that can start a question."""
    out = []
    for index, line in enumerate(lines):
        match = _MARKABLE.match(line) if ("Q" in line or "q" in line or "Ｑ" in line or "ｑ" in line) else None
        if match:
            at = match.end("at")
            line = line[:at] + mark(index) + line[at:]
        out.append(line)
    return out


def marks(text: str) -> list[tuple[int, int]]:
    """(offset in *text* without marks, line index) of every whole mark in *text*."""
    found, removed = [], 0
    for match in _MARK.finditer(text):
        index = (ord(match.group(1)) - _BASE) << 12 | (ord(match.group(2)) - _BASE)
        found.append((match.start() - removed, index))
        removed += len(match.group(0))
    return found


def strip(text: str) -> str:
    """*text* without marks."""
    return _ANY.sub("", text) if text and _ANY.search(text) else text


def strip_html(html: str) -> str:
    """Final HTML without marks (and without the empty spans highlighting gave them)."""
    if not _ANY.search(html):
        return html
    return _ANY.sub("", _EMPTY_SPAN.sub("", html))
