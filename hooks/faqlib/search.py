"""Build-time half of the offline FAQ search: tokenizer and compact index.

The browser half is docs/assets/javascripts/faq-search-worker.js; the two must
tokenize alike (tests/test_search_parity.py runs both on the same words).

Why not Material's lunr index: it merges both languages into one index,
stems Latin names with the site language's stemmer, cannot segment unspaced
Chinese queries, and builds its index in the browser on every visit. Here the
index is built once, per language, from the questions themselves.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

#: Latin tokens as people type them: 'np.random.uniform', 'save_checkpoint'.
LATIN = re.compile(r"[a-z0-9]+(?:[._][a-z0-9]+)*")
#: Runs of CJK ideographs.
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: Postings: each entry is base36(delta_doc * 8 + code), code = title*4 + min(tf_answer, 3).
FORMAT_VERSION = 2
USER_DICT = Path(__file__).with_name("userdict.zh.txt")
#: Words too common to tell questions apart: not indexed (a query of only
#: these finds nothing, as with lunr's stop word filter). Fewer postings make
#: the index a reader downloads smaller.
STOP_WORDS = frozenset(
    "a an the to of and or in on at is are be been was were it its this that these those for with as by from "
    "do does did i you we what when how which who will would should could if so than then there their them "
    "they your our my me has have had but into about".split()
    + list("的了是和与及或吗呢吧啊也都就而并等这那把被之其在")
)


def normalize(text: str) -> str:
    """NFKC (full-width to ASCII) and lowercase: the same on both halves."""
    return unicodedata.normalize("NFKC", text).lower()


def stem(word: str) -> str:
    """A light English stemmer (plural, -ing, -ed, final e), mirrored in JS.

    Porter would conflate more, but it is long to mirror exactly in the
    worker; prefix matching at query time covers most of the rest.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and re.search(r"[aeiouy]", base):
            word = base
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def latin_terms(token: str, stemming: bool) -> list[str]:
    """Index terms of one Latin token: itself (stemmed in English) and its parts."""
    terms = [stem(token) if stemming else token]
    if "." in token or "_" in token:
        terms += [stem(p) if stemming else p for p in re.split(r"[._]", token) if p]
    return terms


@lru_cache(maxsize=1)
def _jieba():  # pragma: no cover - trivial
    import jieba

    jieba.setLogLevel(60)
    jieba.load_userdict(str(USER_DICT))
    return jieba


def tokenize(text: str, lang: str) -> list[str]:
    """Index terms of a text: Latin tokens (+ parts), jieba search-mode words."""
    text = normalize(text)
    terms: list[str] = []
    for token in LATIN.findall(text):
        if token not in STOP_WORDS:
            terms += latin_terms(token, stemming=lang == "en")
    runs = CJK.findall(text)
    if runs:
        jieba = _jieba()
        for run in runs:
            terms += [w for w in jieba.cut_for_search(run) if w not in STOP_WORDS and CJK.fullmatch(w)]
    return terms


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
        out.append(_base36((doc - last) * 8 + code))
        last = doc
    return ",".join(out)


def decode_postings(encoded: str) -> list[tuple[int, int]]:
    """Inverse of encode_postings (used by tests; the worker has its own)."""
    entries, doc = [], 0
    for part in encoded.split(","):
        value = int(part, 36)
        doc += value // 8
        entries.append((doc, value % 8))
    return entries


def build_index(
    questions: Iterable[tuple[str, str, str, str]], lang: str
) -> dict:
    """Index (page url, id, question, answer) rows, in reading order.

    Question words get the title bit; answer words a capped term frequency.
    Each doc is [id, question, number of distinct question terms] (short
    questions that hold a word are more about it: length normalisation);
    pages are [url, number of docs] in doc order, so docs need no page field.
    """
    pages: list[list] = []
    docs: list[list] = []
    postings: dict[str, list[tuple[int, int]]] = {}
    for doc, (page, qid, question, answer) in enumerate(questions):
        if pages and pages[-1][0] == page:
            pages[-1][1] += 1
        else:
            pages.append([page, 1])
        title = set(tokenize(question, lang))
        docs.append([qid, question, len(title)])
        body = Counter(tokenize(answer, lang))
        for term in sorted(title | set(body)):
            code = (4 if term in title else 0) | min(body.get(term, 0), 3)
            postings.setdefault(term, []).append((doc, code))
    return {
        "version": FORMAT_VERSION,
        "lang": lang,
        "stem": lang == "en",
        "pages": pages,
        "docs": docs,
        "terms": {t: encode_postings(p) for t, p in sorted(postings.items())},
    }



#: Word separators for Material's highlighter on the page a result opens.
SEPARATOR = r"[\s\u200b\-、，。：；？！（）《》“”‘’,:;!?()\[\]\"'/]+"


def index_file_text(lang: str, rows: list[tuple[str, str, str, str]]) -> str:
    """search_index.json: Material's shape ({config, docs}) holding our index.

    Material's search UI reads config.separator (to highlight results on the
    page they open) and hands docs to the worker unread.
    """
    document = {
        "config": {"lang": [lang], "separator": SEPARATOR, "pipeline": []},
        "docs": build_index(rows, lang),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
