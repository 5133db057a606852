"""Question ids: the stable, language-independent anchor of every question."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pymdownx.slugs import slugify as _make_slugify

#: ASCII kebab-case: lowercase letters and digits in groups joined by one hyphen.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64

# The slug MindSpore's docs (and anyone linking to them) used for a question:
# pymdownx.slugs.slugify(case="lower") of the rendered heading text.
_legacy_slugify = _make_slugify(case="lower")


def id_problem(qid: str) -> str | None:
    """Return why *qid* is not a valid question id, or None when it is."""
    if not qid:
        return "the id is empty"
    if len(qid) > MAX_ID_LENGTH:
        return f"the id is longer than {MAX_ID_LENGTH} characters"
    if not ID_PATTERN.match(qid):
        return (
            f"the id '{qid}' is not ASCII kebab-case "
            "(lowercase letters and digits joined by single hyphens)"
        )
    return None


def legacy_slug(heading_text: str) -> str:
    """The unicode slug of a heading, e.g. 'q-请问mindspore支持梯度截断吗'."""
    return _legacy_slugify(heading_text, "-")


def suggest_id(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A valid id for *text* not in *taken*, offered to authors in error messages.

    Built from the ASCII words of the text where there are any, else from a
    short hash, so that any text (CJK, emoji, markup, …) gives a valid id.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    words = [w for w in words if w not in {"q", "a", "the", "is", "of", "and", "to"}]
    base = "-".join(words)[:40].strip("-")
    if not base:
        base = "question-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
