"""Build-time half of the offline FAQ search: one compact index per language.

The browser half is docs/assets/javascripts/faq-search-worker.js. What a term
is lives in faqlib/tokenizer.py (the contract, shipped inside the index).

Why not Material's lunr index: it merges both languages into one index,
stems Latin names with the site language's stemmer, cannot segment unspaced
Chinese queries, and builds its index in the browser on every visit. Here the
index is built once, per language, from the questions themselves.

Each language's index also holds the other language's words of the same
question (same id), flagged, so `gradient clipping` finds 梯度截断's question
on the Chinese site; results are always the reader's language's questions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .tokenizer import CONTRACT, tokenize

#: Postings: each entry is base36(delta_doc * 16 + code), code =
#: other_language*8 + in_question*4 + min(mentions_in_answer, 3).
FORMAT_VERSION = 3
#: Answers per excerpt file (search/text-<n>.js): a result loads only its own.
TEXT_CHUNK = 100

OTHER, TITLE = 8, 4


@dataclass(frozen=True)
class Row:
    """One question of one language's site, in reading order."""

    page: str  # url relative to the language root
    page_title: str
    id: str
    question: str
    answer: str


#: A question's terms: (question terms, answer term counts).
Analysis = tuple[list[str], dict[str, int]]


def analyze(texts: Sequence[tuple[str, str]]) -> list[Analysis]:
    """Terms of (question, answer) pairs: the costly step (jieba), run per language."""
    return [(tokenize(question), dict(Counter(tokenize(answer)))) for question, answer in texts]


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def encode_postings(entries: Sequence[tuple[int, int]]) -> str:
    """(doc, code) pairs sorted by doc -> 'a,1c,…' (delta-coded, base 36)."""
    out, last = [], 0
    for doc, code in entries:
        out.append(_base36((doc - last) * 16 + code))
        last = doc
    return ",".join(out)


def decode_postings(encoded: str) -> list[tuple[int, int]]:
    """Inverse of encode_postings (used by tests; the worker has its own)."""
    entries, doc = [], 0
    for part in encoded.split(","):
        value = int(part, 36)
        doc += value // 16
        entries.append((doc, value % 16))
    return entries


def _codes(analysis: Analysis) -> dict[str, int]:
    title, body = analysis
    terms = set(title) | set(body)
    return {t: (TITLE if t in title else 0) | min(body.get(t, 0), 3) for t in terms}


def build_index(
    lang: str,
    rows: Sequence[Row],
    own: Sequence[Analysis],
    other: Mapping[str, Analysis] | None = None,
    *,
    t2s: dict | None = None,
    synonyms: Iterable[Iterable[str]] = (),
) -> dict:
    """The index of one language: its rows, their terms, and the other
    language's terms by question id (a term the reader's language already
    has for that question is not repeated).

    Each doc is [id, question, number of distinct question terms] (short
    questions that hold a word are more about it: length normalisation);
    pages are [url, number of docs, title] in doc order.
    """
    pages: list[list] = []
    docs: list[list] = []
    postings: dict[str, list[tuple[int, int]]] = {}
    other = other or {}
    for doc, (row, analysis) in enumerate(zip(rows, own, strict=True)):
        if pages and pages[-1][0] == row.page:
            pages[-1][1] += 1
        else:
            pages.append([row.page, 1, row.page_title])
        codes = _codes(analysis)
        docs.append([row.id, row.question, len(set(analysis[0]))])
        if row.id in other:
            # The other language's question only: its answer would double the
            # index for little (a reader who types the other language names
            # the topic, which its question holds).
            for term in other[row.id][0]:
                codes.setdefault(term, OTHER | TITLE)
        for term in sorted(codes):
            postings.setdefault(term, []).append((doc, codes[term]))
    return {
        "version": FORMAT_VERSION,
        "lang": lang,
        "contract": CONTRACT,
        "pages": pages,
        "docs": docs,
        "terms": {t: encode_postings(p) for t, p in sorted(postings.items())},
        "t2s": t2s or {"chars": ["", ""], "phrases": {}},
        "synonyms": [list(group) for group in synonyms],
        "text": {"chunk": TEXT_CHUNK, "count": -(-len(docs) // TEXT_CHUNK)},
    }


#: Word separators for Material's highlighter on the page a result opens.
SEPARATOR = r"[\s\u200b\-、，。：；？！（）《》“”‘’,:;!?()\[\]\"'/]+"


def index_file_text(index: dict) -> str:
    """search_index.json: Material's shape ({config, docs}) holding our index.

    Material's search UI reads config.separator (to highlight results on the
    page they open) and hands docs to the worker unread.
    """
    document = {
        "config": {"lang": [index["lang"]], "separator": SEPARATOR, "pipeline": []},
        "docs": index,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def text_files(rows: Sequence[Row]) -> dict[str, str]:
    """search/text-<n>.js: the answers, for excerpts under results, TEXT_CHUNK per file.

    Script files, not JSON: from disk, browsers refuse fetch() but load a
    <script>, which hands its chunk to faqSearchText (faq-search-setup.js).
    """
    files = {}
    for n in range(0, len(rows), TEXT_CHUNK):
        answers = [row.answer for row in rows[n:n + TEXT_CHUNK]]
        body = json.dumps(answers, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        files[f"text-{n // TEXT_CHUNK}.js"] = f"faqSearchText({n // TEXT_CHUNK},{body})\n"
    return files
