"""Write faq.json at each language root: the questions as plain data.

Other tools (a chatbot, a command line, the next site engine) read this rather
than the HTML. Format: {"lang", "questions": [{"id", "question", "answer",
"url", "aliases"}]} in reading order; url is relative to the file.
"""

from __future__ import annotations

import json
from pathlib import Path

from faqlib import build, store
from mkdocs.config.defaults import MkDocsConfig


def faq_data(language: build.Language, rows: list) -> dict:
    """The faq.json document for one language from (page url, question) rows."""
    return {
        "lang": language.code,
        "questions": [
            {
                "id": q.id,
                "question": q.question,
                "answer": q.answer,
                "url": f"{build.in_root(language, url)}#{q.id}",
                "aliases": list(q.aliases),
            }
            for url, q in rows
        ],
    }


def on_post_build(*, config: MkDocsConfig) -> None:
    """All pages of this language are rendered: write its faq.json."""
    language = build.current()
    data = faq_data(language, store.for_language(language.code).in_order())
    path = Path(config.site_dir, language.root, "faq.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
