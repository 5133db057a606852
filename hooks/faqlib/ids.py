"""Question ids: the stable, language-independent anchor of every question."""

from __future__ import annotations

import re
import unicodedata

from pymdownx.slugs import slugify as _make_slugify

from .tokenizer import STOP_WORDS

#: ASCII kebab-case: lowercase letters and digits in groups joined by one hyphen.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64
#: New ids are short: at most this many characters, cut at a word.
NEW_ID_LENGTH = 40
# Words that tell questions apart the least in this FAQ, beyond the tokenizer's
# stop words: nearly every question names the product or asks for "support".
_ID_STOP = STOP_WORDS | {"mindspore", "support", "supports", "supported", "q", "s", "t", "etc"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

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


def _words(text: str) -> list[str]:
    """The meaningful ASCII words of a question, in order (pinyin for Chinese words)."""
    text = re.sub(r"['’]", "", unicodedata.normalize("NFKC", text))
    if _CJK.search(text):
        from pypinyin import lazy_pinyin  # only for pages with no English

        from .tokenizer import _jieba

        words = []
        for word in _jieba().cut(text):
            word = word.strip().lower()
            if not word or word in _ID_STOP:
                continue
            if _CJK.search(word):
                words.append("".join(lazy_pinyin(word)))
            else:
                words += re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode())
        words = [w for w in words if re.fullmatch(r"[a-z0-9]+", w) and w not in _ID_STOP]
        return words
    all_words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())
    return [w for w in all_words if w not in _ID_STOP] or all_words


def new_id(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A short, meaningful, unique ASCII kebab-case id for the question *text*:
    the one id maker, for `make ids` (from a pair's English question) and for
    the id the build suggests when a question has none."""
    base = ""
    for word in _words(text):
        joined = f"{base}-{word}" if base else word
        if len(joined) > NEW_ID_LENGTH:
            if not base:
                base = word[:NEW_ID_LENGTH]
            break
        base = joined
    base = base or "question"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: NEW_ID_LENGTH - len(suffix)].rstrip("-") + suffix, n + 1
    return candidate
