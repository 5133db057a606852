"""Expand '<!-- faq:questions page.md -->' into a linked list of that page's questions.

The home page of each language lists every question; generating the list from
the FAQ sources keeps it complete when authors add, reword or move questions.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from faqlib import build
from faqlib.source import SourceError, plain_question
from faqlib.sources import SourcePage, load_page, split_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.question_list")
MARKER = re.compile(r"^<!--\s*faq:questions\s+(?P<page>\S+\.md)\s*-->[ \t]*$", re.MULTILINE)


def question_list(page: SourcePage, link: str) -> str:
    """Markdown list of links to the questions of *page*, reached by *link*."""
    return "\n".join(f"1. [{plain_question(q.text)}]({link}#{q.qid})" for q in page.questions if q.qid)


def expand(markdown: str, here: str, find: Callable[[str], SourcePage | None]) -> str:
    """Replace every marker in *markdown* (of the page *here*) by its list."""

    def replace(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), match.group("page")))
        source = find(target)
        if source is None:
            line = markdown.count("\n", 0, match.start()) + 1
            log.warning(f"{here}:{line}: the question list names '{match.group('page')}', which does not exist")
            return ""
        return question_list(source, match.group("page"))

    return MARKER.sub(replace, markdown)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand markers; guard first: most pages have none."""
    if "faq:questions" not in markdown:
        return markdown
    language = build.current()
    docs_dir = Path(config.docs_dir)
    others = [lang.locale for lang in config.plugins["i18n"].config.languages]
    here, _ = split_language(page.file.src_uri, others)

    def find(base: str) -> SourcePage | None:
        stem = base[: -len(".md")]
        for rel in ([] if language.default else [f"{stem}.{language.code}.md"]) + [base]:
            if (docs_dir / rel).is_file():
                try:
                    return load_page(docs_dir, rel, base, language.code)
                except SourceError as err:
                    raise PluginError(str(err)) from None
        return None

    return expand(markdown, here, find)
