"""Map what the parse found back to the author's lines, for messages.

Python-Markdown keeps no line numbers. A line that can start a question
carries its own number through the parse (linemarks.py), so questions and
lines that look like them are never searched for. What else a message names
(an unclosed fence, a remote image, a script link) is found here: the source
lines after the last line known in reading order that hold it as written.
"""

from __future__ import annotations

import re
import unicodedata

#: Container prefixes: indentation, blockquotes, list markers.
_PREFIX = re.compile(r"^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]*")
_ATX = re.compile(r"^#{1,6}")
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
_NOISE = re.compile(r"[\s`*_~#\[\]()<>!{}:：\\]+")


def _squash(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


class Locator:
    """Lines of one page's markdown; line numbers are 1-based in the file."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.bare = [_PREFIX.sub("", line) for line in lines]
        self.heading_lines = [
            i for i, line in enumerate(self.bare)
            if _ATX.match(line) or (line.strip() and i + 1 < len(lines) and _SETEXT.match(self.bare[i + 1]))
        ]

    def number(self, index: int) -> int:
        return index + 1

    def heading(self, text: str, after: int = -1) -> int:
        """Index of the heading line that wrote *text* (rendered), after index *after*."""
        key = _squash(text)[:16]
        candidates = [i for i in self.heading_lines if i > after]
        for i in candidates:
            if key and key in _squash(self.lines[i]):
                return i
        return candidates[0] if candidates else max(after, 0)

    def text(self, needle: str, after: int = -1) -> int:
        """Index of the first line (after *after*, else anywhere) holding *needle*
        as written, else holding its words."""
        squashed = _squash(needle)[:24]
        if not squashed:
            return max(after, 0)
        for start in (after + 1, 0):
            for i in range(start, len(self.lines)):
                if needle in self.lines[i]:
                    return i
        for start in (after + 1, 0):
            for i in range(start, len(self.lines)):
                if squashed in _squash(self.lines[i]):
                    return i
        return max(after, 0)

    def block(self, first: str, rest: list[str], after: int = -1) -> int:
        """Index of the line that starts a paragraph whose first line is *first*
        (as written, container prefixes apart) and whose next lines hold the
        words of *rest*, ending where the paragraph ends (a blank line, a
        heading, the end of the file): so an earlier fence of the same
        language, closed, is not taken for it."""
        first = first.strip()
        candidates = [i for i in range(len(self.lines)) if self.bare[i].strip() == first or (first and self.bare[i].lstrip().startswith(first))]

        def whole(i: int) -> bool:
            for k, words in enumerate(rest, 1):
                if i + k >= len(self.lines) or _squash(words) not in _squash(self.lines[i + k]):
                    return False
            end = i + 1 + len(rest)
            return end >= len(self.lines) or not self.bare[end].strip() or bool(_ATX.match(self.bare[end]))

        for pool in ([i for i in candidates if i > after], candidates):
            for i in pool:
                if whole(i):
                    return i
        later = [i for i in candidates if i > after]
        return later[0] if later else candidates[0] if candidates else max(after, 0)
