"""Enforce a stable, valid, unique id on every question, equal across languages.

Runs on the markdown sources, so that every problem names file, line and
question; the rendered pages are checked by MkDocs' own link validation.
"""

from __future__ import annotations

import logging
from pathlib import Path

from faqlib import build
from faqlib.checks import Problem, check_page, check_translation, check_unique_ids
from faqlib.source import SourceError
from faqlib.sources import faq_sources
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.question_ids")


def site_problems(docs_dir: Path, default: str, others: list[str]) -> list[Problem]:
    """All id problems of the FAQ sources under *docs_dir*, sorted by place."""
    sources = faq_sources(docs_dir, default, others)
    problems: list[Problem] = []
    for lang in [default, *others]:
        pages = {page.path: page.questions for page in sources.pages(lang)}
        for path, questions in pages.items():
            problems += check_page(path, questions)
        problems += check_unique_ids(pages)
    for page in sources.pages(default):
        for lang in others:
            translation = sources.translation(page, lang)
            if translation is not None:
                problems += check_translation(page.path, page.questions, translation.path, translation.questions)
    return sorted(set(problems))


# After build_language (100) has said which language this is.
@event_priority(50)
def on_pre_build(*, config: MkDocsConfig) -> None:
    """Check all languages once, at the start of the default language's build."""
    language = build.current()
    if not language.default:
        return
    i18n = config.plugins["i18n"]
    others = [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]
    try:
        problems = site_problems(Path(config.docs_dir), language.code, others)
    except SourceError as err:
        raise PluginError(str(err)) from None
    for problem in problems:
        log.warning(str(problem))
