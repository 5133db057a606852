"""Python-Markdown internals, read from Markdown 3.11.3 (markdown/util.py,
markdown/extensions/attr_list.py, toc.py) and pymdown-extensions 13.1.

Used to read the text of a page as it is rendered, from inside the parse.
"""

from __future__ import annotations

import re

from markdown import util

#: The releases this adapter was read from (tests/test_upstream.py pins them).
READ_FROM = {"Markdown": "3.11.3", "pymdown-extensions": "13.1"}

#: Raw HTML (and SuperFences code blocks) waits in md.htmlStash until the
#: page is serialised; the tree holds this placeholder in its place.
HTML_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"(\d+)")
#: A backslash escape ('\*') as the tree holds it until serialisation.
ESCAPE_PLACEHOLDER = re.compile(util.STX + r"(\d+)" + util.ETX)

#: Treeprocessor priorities: attr_list sets the authors' {#id}s, toc gives
#: every other heading its slug id and permalink. Ours run in between and after.
ATTR_LIST_PRIORITY = 8
TOC_PRIORITY = 5
#: Preprocessors: normalize_whitespace (30) and SuperFences (25, 31.05)
#: rewrite lines; ours reads them first, as the author wrote them.
FIRST_PREPROCESSOR_PRIORITY = 100
#: Postprocessors: raw_html (30) puts the stash back, amp_substitute (20);
#: ours runs after both, on the page's final HTML.
LAST_POSTPROCESSOR_PRIORITY = 1


def stashed_html(md, index: int) -> str:
    """The raw HTML block number *index* of the page being converted."""
    blocks = md.htmlStash.rawHtmlBlocks
    return str(blocks[index]) if 0 <= index < len(blocks) else ""


def stash_size(md) -> int:
    """How many raw HTML blocks the page being converted holds."""
    return len(md.htmlStash.rawHtmlBlocks)
