"""Plain text from Python-Markdown element trees (for faq.json, JSON-LD, search)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable

from .upstream.markdown import ESCAPE_PLACEHOLDER, HTML_PLACEHOLDER

_TAGS = re.compile(r"<[^>]*>")
_BLOCKS = {"p", "li", "pre", "blockquote", "div", "table", "tr", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "details", "summary"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_COMMENTS = re.compile(r"<!--.*?-->", re.S)


def strip_tags(markup: str) -> str:
    """An HTML fragment without its tags and comments (entities left as they are)."""
    return _TAGS.sub("", _COMMENTS.sub("", markup))


def resolve_placeholders(text: str, stash: Callable[[int], str]) -> str:
    """Text as the reader sees it: raw-HTML placeholders by their text, escapes
    by their character, entities (code spans hold '&lt;' in the tree) decoded."""
    text = HTML_PLACEHOLDER.sub(lambda m: strip_tags(stash(int(m.group(1)))), text)
    return html.unescape(ESCAPE_PLACEHOLDER.sub(lambda m: chr(int(m.group(1))), text))


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


_INLINE_KEEP = {"code", "em", "strong", "sub", "sup", "kbd"}


def inline_html(el: etree.Element, stash: Callable[[int], str]) -> str:
    """The inline markup of *el* that reads the same out of context (code, emphasis),
    escaped; links, images and raw HTML become their text."""
    out: list[str] = []

    def text(value: str | None) -> None:
        if value:
            out.append(html.escape(resolve_placeholders(value, stash), quote=False))

    def walk(node: etree.Element) -> None:
        keep = node.tag in _INLINE_KEEP
        if keep:
            out.append(f"<{node.tag}>")
        text(node.text)
        for child in node:
            walk(child)
            text(child.tail)
        if keep:
            out.append(f"</{node.tag}>")

    text(el.text)
    for child in el:
        walk(child)
        text(child.tail)
    return " ".join("".join(out).split())
