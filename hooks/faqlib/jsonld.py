"""schema.org FAQPage JSON-LD for a page's questions."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .model import Question


def faq_page(questions: Sequence[Question], page_url: str) -> dict:
    """The FAQPage object; each question's url is *page_url* + '#id'."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": q.question,
                "url": f"{page_url}#{q.id}",
                "acceptedAnswer": {"@type": "Answer", "text": q.answer},
            }
            for q in questions
        ],
    }


def script_json(data: object) -> str:
    """JSON safe to put inside <script>: no '<', '>' or '&' can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
