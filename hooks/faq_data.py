"""Write faq.json at each language root: the questions as plain data.

Other tools (a chatbot, a command line, the next site engine) read this rather
than the HTML. Format: {"lang", "questions": [{"id", "question", "answer",
"url", "aliases", "page", "page_title", "related"}]} in reading order; url is relative to
the file, page is the source page in every language ('feature_advice.md'),
related the ids of the questions shown under its answer (faqlib/related.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from faqlib import setup
from faqlib.layout import FAQ_DATA
from faqlib.state import LanguageState
from mkdocs.config.defaults import MkDocsConfig


def faq_data(language: LanguageState) -> dict:
    """The faq.json document of one language."""
    return {
        "lang": language.code,
        "questions": [
            {"id": q.id, "question": q.question, "answer": q.answer, "url": f"{language.in_root(page.url)}#{q.id}",
             "aliases": list(q.aliases), "page": page.base, "page_title": page.title,
             "related": language.related.get(q.id, [])}
            for page in language.in_order() for q in page.questions
        ],
    }


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    """All pages of this language are rendered: write its faq.json."""
    language = setup.site_state(config).current()
    path = Path(config.site_dir, language.root, FAQ_DATA)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(faq_data(language), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
