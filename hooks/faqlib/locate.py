"""Map what the parse found back to the author's lines, for messages.

Python-Markdown keeps no line numbers. The parse (extract.py) decides what a
question is; this only finds the source line that wrote it, searching in
reading order, so that every message can name file:line.
"""

from __future__ import annotations

import re
import unicodedata

_ATX = re.compile(r"^ {0,3}#{1,6}")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_NOISE = re.compile(r"[\s`*_~#\[\]()<>!{}:：\\]+")


def _squash(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


class Locator:
    """Lines of one page's markdown; line numbers are 1-based in the file."""

    def __init__(self, lines: list[str], offset: int = 0) -> None:
        self.lines = lines
        self.offset = offset  # lines before the markdown (front matter)
        self.heading_lines = [
            i for i, line in enumerate(lines)
            if _ATX.match(line) or (line.strip() and i + 1 < len(lines) and _SETEXT.match(lines[i + 1]))
        ]

    def number(self, index: int) -> int:
        return index + 1 + self.offset

    def heading(self, text: str, after: int = -1) -> int:
        """Index of the heading line that wrote *text* (rendered), after index *after*."""
        key = _squash(text)[:16]
        candidates = [i for i in self.heading_lines if i > after]
        for i in candidates:
            if key and key in _squash(self.lines[i]):
                return i
        return candidates[0] if candidates else max(after, 0)

    def text(self, needle: str, after: int = -1) -> int:
        """Index of the first line (after *after*, else anywhere) holding *needle*."""
        squashed = _squash(needle)[:24]
        if not squashed:
            return max(after, 0)
        for start in (after + 1, 0):
            for i in range(start, len(self.lines)):
                if needle in self.lines[i] or squashed in _squash(self.lines[i]):
                    return i
        return max(after, 0)
