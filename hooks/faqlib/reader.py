"""Read one markdown text with the FAQ's question reader, outside a site build.

For tools (`make ids`) and tests: the same Python-Markdown extensions the site
uses, plus extract.QuestionExtension, so the answer is the build's answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import markdown

from .extract import QuestionExtension
from .model import PageQuestions


def read_markdown(text: str, extensions: Sequence[Any] = ("attr_list", "toc"), configs: Mapping[str, Any] | None = None) -> PageQuestions:
    """The questions and findings of *text*, as the site build would find them."""
    reader = QuestionExtension()
    ours = [ext for ext in extensions if not isinstance(ext, QuestionExtension)]
    md = markdown.Markdown(extensions=[*ours, reader], extension_configs=dict(configs or {}))
    md.convert(text)
    return reader.take()
