"""Home-page lists of questions, from the question model."""

from __future__ import annotations

import html
import posixpath
import re

from .state import LanguageState, PageRecord

#: The marker as it stands in rendered HTML: a comment on a line of its own.
MARKER = re.compile(r"^<!--\s*faq:questions\s+(?P<page>\S+\.md)\s*-->[ \t]*$", re.MULTILINE)
#: Every page's questions, grouped under each page's title, in reading order.
ALL_MARKER = re.compile(r"^<!--\s*faq:all-questions\s*-->[ \t]*$", re.MULTILINE)
#: Any comment that means to be a FAQ marker (to name the ones that are not right).
ANY_MARKER = re.compile(r"<!--\s*faq:.*?-->", re.DOTALL)
#: The start of the message for a list with nothing to list.
EMPTY = "the question list is empty"


def question_list(page: PageRecord, href: str) -> str:
    """An ordered list of links to the questions of *page*, reached by *href*."""
    items = "".join(
        f'<li><a href="{html.escape(href)}#{q.id}">{q.html or html.escape(q.question)}</a></li>\n'
        for q in page.questions if q.id
    )
    return f'<ol class="faq-question-list">\n{items}</ol>'


def expand(content: str, here: PageRecord, language: LanguageState) -> tuple[str, list[tuple[str, str]]]:
    """Replace every marker in the HTML *content* of the page *here*; returns
    the new HTML and its problems as (text to find the line by, message)."""
    problems: list[tuple[str, str]] = []

    def replace(match: re.Match) -> str:
        name = match.group("page")
        base = posixpath.normpath(posixpath.join(posixpath.dirname(here.base), name))
        target = language.page(base)
        if target is None:
            problems.append((name, f"the question list names '{name}', which is not a page of this site; fix the name"))
            return ""
        href = posixpath.relpath(target.url, posixpath.dirname(here.url) or ".")
        return question_list(target, href)

    def replace_all(match: re.Match) -> str:
        groups = []
        for target in language.in_order():
            if target.url == here.url:
                continue
            href = posixpath.relpath(target.url, posixpath.dirname(here.url) or ".")
            title = html.escape(target.title or target.base)
            groups.append(f'<h2 class="faq-page-title"><a href="{html.escape(href)}">{title}</a></h2>\n{question_list(target, href)}')
        if not groups:
            problems.append(("faq:all-questions", f"{EMPTY}: no page of this site has questions"))
        return "\n".join(groups)

    content = ALL_MARKER.sub(replace_all, content)
    content = MARKER.sub(replace, content)
    # What is left is no marker: inline in a paragraph, or misspelt.
    problems += [("faq:", f"'{m.group(0)}' is no question list: write <!-- faq:questions page.md --> on a line of its own")
                 for m in ANY_MARKER.finditer(content)]
    return content, problems
