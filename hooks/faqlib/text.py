"""Plain text from Python-Markdown element trees (for faq.json, JSON-LD, search)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable

# Python-Markdown keeps raw HTML and backslash escapes out of the tree as
# placeholders until serialisation; text taken from the tree must resolve them.
_STASH = re.compile("\x02wzxhzdk:(\\d+)\x03")
_ESCAPE = re.compile("\x02(\\d+)\x03")
_TAGS = re.compile(r"<[^>]*>")
_BLOCKS = {"p", "li", "pre", "blockquote", "div", "table", "tr", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl"}
_SPACES = re.compile(r"[ \t\r\f\v]+")


def resolve_placeholders(text: str, stash: Callable[[int], str]) -> str:
    """Text as the reader sees it: raw-HTML placeholders by their text, escapes
    by their character, entities (code spans hold '&lt;' in the tree) decoded."""
    text = _STASH.sub(lambda m: _TAGS.sub("", stash(int(m.group(1)))), text)
    return html.unescape(_ESCAPE.sub(lambda m: chr(int(m.group(1))), text))


def element_lines(elements: Iterable[etree.Element]) -> list[str]:
    """Text of elements, one line per block element, inline markup flattened."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.extend(part.strip() for part in line.split("\n") if part.strip())
        current.clear()

    def walk(el: etree.Element) -> None:
        block = el.tag in _BLOCKS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    for el in elements:
        walk(el)
    flush()
    return lines
