"""Build-time half of the offline FAQ search: a sharded index per language.

The browser half is docs/assets/javascripts/faq-search-worker.js. What a term
is lives in faqlib/tokenizer.py (the contract, shipped inside the index).

Why not Material's lunr index: it merges both languages into one index,
stems Latin names with the site language's stemmer, cannot segment unspaced
Chinese queries, and builds its index in the browser on every visit. Here the
index is built once, per language, from the questions themselves.

Each language's index also holds the other language's question words of the
same question (same id), flagged, so `gradient clipping` finds 梯度截断's
question on the Chinese site; results are always the reader's language's.

Why shards: a reader should download what a query needs, not the whole index
(at 100,000 questions the whole index would be megabytes). The base file,
search_index.json (search_index.js from disk), holds only what every query
needs: the contract, the Traditional Chinese table, the synonyms and the
directory of the shards below. Everything else is a script file in search/,
loaded by the worker with importScripts (which browsers allow from disk,
where fetch is refused), each calling faqSearchShard(kind, n, data):

- d-<n>.js, the term dictionary in sorted ranges: every term, with its
  postings inline when they are short, else the number of its postings
  shard. Segmenting a Chinese query and prefix matching need only these.
- p-<n>.js, postings too long to inline, packed in term order.
- v-<letter>.js, the Latin words by first letter, most frequent first: the
  candidates for typo matching.
- y-<syllable>.js, the Chinese words of two to four characters by their sound
  (by the sound of their first syllable; the characters' sounds are in the
  base, faqlib/sounds.py): a homophone a pinyin input method gave finds the
  word meant.
- m-<n>.js, each question's id, text and page, for the results shown;
- t-<n>.js, the answers, for the excerpts under the results shown.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import sounds
from .hant import convert
from .tokenizer import CJK, CONTRACT, STOP_WORDS, camel_words, normalize, parts, query_words, tokenize

FORMAT_VERSION = 5

# A posting is one number: doc * 64 + code, the docs of a term delta-coded.
#: code bits: min(mentions in the answer, 3) | in the question | other language | length class
TF_MASK, TITLE, OTHER, LENGTH_SHIFT = 3, 4, 8, 4
CODE_SPACE = 64
#: Question length normalisation, quantized so that scoring needs no per-doc
#: table: (upper bound of terms / average terms, the ratio the worker uses).
LENGTH_CLASSES = ((0.8, 0.6), (1.25, 1.0), (2.0, 1.5), (math.inf, 2.5))

#: Shard sizes, in bytes of their data (roughly what a reader downloads per shard).
#: A query loads a dictionary shard per word (and one for two words joined):
#: at 10,000 questions, 6 KB shards made the cold p95 about 9 ms shorter than
#: 12 KB ones, and 4 KB ones no shorter again (the base lists more shards).
DICT_SHARD_BYTES = 6_000
POSTINGS_SHARD_BYTES = 16_000
#: Postings of at most this many characters stay in the dictionary entry: a
#: file costs a cold query more than its bytes (3 to 8 ms in Chromium from
#: disk), so most terms need no file beyond their dictionary shard.
INLINE_POSTINGS = 400
#: A term in more docs keeps these, the ones it matters most to (in the
#: question first, short questions first, then answer mentions); its idf
#: still counts every doc. Nothing on a site under this many questions is cut.
MAX_POSTINGS = 4_096
#: Questions per results file and per answers file.
META_CHUNK = 8
TEXT_CHUNK = 4
#: Typo candidates per first letter: the most frequent words (readers misspell
#: words they know, which the text uses often); every word on smaller sites.
TYPO_WORDS = 4_000

# Numbers as text: base-32 digits, the last of a number from DIGITS[:32], the
# others from DIGITS[32:], so a list needs no separators.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_VALUE = {c: i for i, c in enumerate(DIGITS)}
_ALPHA = re.compile(r"[a-z]+")
_CJK = re.compile(CJK)
_HAS_CJK = re.compile(CJK[:-1])  # one ideograph


@dataclass(frozen=True)
class Row:
    """One question of one language's site, in reading order."""

    page: str  # url relative to the language root
    page_title: str
    id: str
    question: str
    answer: str


@dataclass(eq=True)
class Analysis:
    """The terms of one language's questions, compact: it crosses processes,
    and at 100,000 questions lists of strings per question would not fit well."""

    vocabulary: list[str] = field(default_factory=list)  # term number -> term
    title: array = field(default_factory=lambda: array("I"))  # term numbers of every question, distinct
    title_at: array = field(default_factory=lambda: array("I", [0]))  # where each question's start
    body: array = field(default_factory=lambda: array("I"))  # term numbers of every answer, distinct
    body_tf: array = field(default_factory=lambda: array("B"))  # their mentions, at most 3
    body_at: array = field(default_factory=lambda: array("I", [0]))

    def __len__(self) -> int:
        return len(self.title_at) - 1

    def question_terms(self, doc: int) -> list[str]:
        return [self.vocabulary[t] for t in self.title[self.title_at[doc]:self.title_at[doc + 1]]]

    def answer_terms(self, doc: int) -> dict[str, int]:
        at, end = self.body_at[doc], self.body_at[doc + 1]
        return {self.vocabulary[t]: tf for t, tf in zip(self.body[at:end], self.body_tf[at:end])}


def analyze(texts: Iterable[tuple[str, str]]) -> Analysis:
    """Terms of (question, answer) pairs: the costly step (jieba), run per language."""
    found = Analysis()
    number: dict[str, int] = {}

    def numbered(term: str) -> int:
        if term not in number:
            number[term] = len(found.vocabulary)
            found.vocabulary.append(term)
        return number[term]

    camels: list[tuple[int, bool, list[str]]] = []  # (doc, in its question, the words of a CamelCase name)
    for doc, (question, answer) in enumerate(texts):
        found.title.extend(numbered(t) for t in dict.fromkeys(tokenize(question)))
        found.title_at.append(len(found.title))
        for term, count in Counter(tokenize(answer)).items():
            found.body.append(numbered(term))
            found.body_tf.append(min(count, 3))
        found.body_at.append(len(found.body))
        camels += [(doc, True, words) for words in camel_words(question)]
        camels += [(doc, False, words) for words in camel_words(answer)]
    return _with_camel_words(found, camels, number)


def _with_camel_words(found: Analysis, camels: list[tuple[int, bool, list[str]]], number: Mapping[str, int]) -> Analysis:
    """*found* with the words of its CamelCase names (tokenizer.camel_words)
    as terms of their questions, where the site uses each of those words on its
    own: ModelCheckpoint counts as checkpoint, GeneratorDataset as generator;
    MindSpore is not spore, nor MindIR ir (measured on the dev sets: splitting
    every name cost 'MindIR' its first place to the IR question). *number*:
    each term of *found*, what the site uses alone, -> its number."""
    title: dict[int, list[int]] = {}
    body: dict[int, Counter] = {}
    for doc, in_question, words in camels:
        if all(w in number and w not in STOP_WORDS for w in words):
            if in_question:
                title.setdefault(doc, []).extend(number[w] for w in words)
            else:
                body.setdefault(doc, Counter()).update(number[w] for w in words)
    if not title and not body:
        return found
    out = Analysis(vocabulary=found.vocabulary)
    for doc in range(len(found)):
        terms = found.title[found.title_at[doc]:found.title_at[doc + 1]]
        out.title.extend(terms)
        if doc in title:
            out.title.extend(t for t in dict.fromkeys(title[doc]) if t not in terms)
        out.title_at.append(len(out.title))
        at, end = found.body_at[doc], found.body_at[doc + 1]
        if doc in body:
            counts = Counter(dict(zip(found.body[at:end], found.body_tf[at:end])))
            counts.update(body[doc])
            out.body.extend(counts)
            out.body_tf.extend(min(count, 3) for count in counts.values())
        else:  # most answers: as they were
            out.body.extend(found.body[at:end])
            out.body_tf.extend(found.body_tf[at:end])
        out.body_at.append(len(out.body))
    return out


# ------------------------------------------------------------------ numbers


def encode_numbers(values: Iterable[int]) -> str:
    out = []
    for n in values:
        digits = [DIGITS[n & 31]]
        n >>= 5
        while n:
            digits.append(DIGITS[32 + (n & 31)])
            n >>= 5
        out.append("".join(reversed(digits)))
    return "".join(out)


def decode_numbers(text: str) -> list[int]:
    values, n = [], 0
    for c in text:
        v = _VALUE[c]
        if v >= 32:
            n = n * 32 + v - 32
        else:
            values.append(n * 32 + v)
            n = 0
    return values


def encode_postings(entries: Sequence[tuple[int, int]]) -> str:
    """(doc, code) pairs sorted by doc -> text (delta-coded)."""
    last, values = 0, []
    for doc, code in entries:
        values.append((doc - last) * CODE_SPACE + code)
        last = doc
    return encode_numbers(values)


def decode_postings(encoded: str) -> list[tuple[int, int]]:
    """Inverse of encode_postings (the worker has its own)."""
    entries, doc = [], 0
    for value in decode_numbers(encoded):
        doc += value // CODE_SPACE
        entries.append((doc, value % CODE_SPACE))
    return entries


# ------------------------------------------------------------------ the index


@dataclass
class Index:
    """One language's index: the base Material loads, and the shard files."""

    base: dict
    files: dict[str, str]  # file name in search/ -> script text

    @property
    def postings(self) -> dict[str, list[tuple[int, int]]]:
        """Every term's (doc, code) entries, read back from the shards (for tests)."""
        return read_postings(self.files)

    def shards(self, kind: str) -> dict[int | str, object]:
        """The data of every shard of one kind ('d', 'p', 'v', 'y', 'm', 't'), by number."""
        found = (parse_shard(text) for text in self.files.values())
        return {n: data for k, n, data in found if k == kind}


def length_class(terms: int, average: float) -> int:
    ratio = terms / average if average else 1.0
    return next(n for n, (bound, _) in enumerate(LENGTH_CLASSES) if ratio < bound)


def _weight(code: int) -> tuple:
    """Which postings a long list keeps first (see MAX_POSTINGS)."""
    return (not code & TITLE, code >> LENGTH_SHIFT, -(code & TF_MASK), bool(code & OTHER))


def _order(term: str) -> bytes:
    """Terms in the order of JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")


def build_index(
    lang: str,
    rows: Sequence[Row],
    own: Analysis,
    other: Mapping[str, Sequence[str]] | None = None,
    *,
    t2s: dict | None = None,
    synonyms: Iterable[Iterable[str]] = (),
) -> Index:
    """The index of one language: its rows and their terms, plus the other
    language's question terms by question id (a term the reader's language
    already has for that question is not repeated)."""
    if len(rows) != len(own):
        raise ValueError(f"{len(rows)} questions but {len(own)} analysed")
    other = other or {}
    t2s = t2s or {"chars": ["", ""], "phrases": {}}
    lengths = [own.title_at[d + 1] - own.title_at[d] for d in range(len(own))]
    average = sum(lengths) / len(lengths) if lengths else 1.0

    postings: dict[str, array] = {}
    for doc, row in enumerate(rows):
        codes = {t: TITLE | length_class(lengths[doc], average) << LENGTH_SHIFT for t in own.question_terms(doc)}
        for t, tf in own.answer_terms(doc).items():
            codes[t] = codes.get(t, 0) | tf
        theirs = other.get(row.id, ())
        shape = TITLE | OTHER | length_class(len(theirs), average) << LENGTH_SHIFT
        for t in theirs:
            codes.setdefault(t, shape)
        for t, code in codes.items():
            postings.setdefault(t, array("I")).append(doc * CODE_SPACE + code)

    terms = sorted(postings, key=_order)
    files: dict[str, str] = {}
    shard_firsts = _dictionary(terms, postings, files)
    pages = _results_files(rows, files)
    typo = _typo_files(terms, postings, files)
    sounded = _sound_files(terms, files)
    vocabulary = set(terms)
    synonyms = [list(group) for group in synonyms]
    segment = segment_words(synonyms, t2s, vocabulary)
    pieces = {w: found for w in segment if (found := parts(w, vocabulary))}
    base = {
        "version": FORMAT_VERSION,
        "lang": lang,
        "contract": CONTRACT,
        "docs": len(rows),
        "pages": pages,
        "format": {"digits": DIGITS, "codeSpace": CODE_SPACE, "tf": TF_MASK, "title": TITLE, "other": OTHER,
                   "lengthShift": LENGTH_SHIFT},
        "lengths": [weight for _, weight in LENGTH_CLASSES],
        "dict": shard_firsts,
        "typo": typo,
        "sounds": sounded,
        "chunks": {"meta": META_CHUNK, "text": TEXT_CHUNK},
        "t2s": t2s,
        "segment": segment,
        "parts": pieces,
        "synonyms": _parsed_synonyms(synonyms, t2s, vocabulary | set(segment), vocabulary,
                                     {w: p for w, p in pieces.items() if covers(w, p)}),
    }
    return Index(base, files)


def _shard(kind: str, n: int | str, data: object) -> str:
    """A shard file: a script (loadable from disk) that hands its data to the worker."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'faqSearchShard("{kind}",{json.dumps(n)},{body})\n'


def parse_shard(text: str) -> tuple[str, int | str, object]:
    """(kind, n, data) of a shard file's text."""
    head, _, rest = text.partition(",")
    number, _, body = rest.partition(",")
    kind = json.loads(head[len("faqSearchShard("):])
    return kind, json.loads(number), json.loads(body.rstrip()[:-1])


def _dictionary(terms: list[str], postings: Mapping[str, array], files: dict[str, str]) -> list[str]:
    """d-<n>.js (terms in sorted ranges) and p-<n>.js (long postings); the first term of each d shard."""
    firsts: list[str] = []
    entries_terms: list[str] = []
    entries_values: list = []
    size = 0
    packed: dict[str, list] = {}
    packed_size = 0
    shard_count = 0

    def close_dictionary() -> None:
        nonlocal entries_terms, entries_values, size
        if entries_terms:
            files[f"d-{len(firsts)}.js"] = _shard("d", len(firsts), [entries_terms, entries_values])
            firsts.append(entries_terms[0])
        entries_terms, entries_values, size = [], [], 0

    def close_postings() -> None:
        nonlocal packed, packed_size, shard_count
        if packed:
            files[f"p-{shard_count}.js"] = _shard("p", shard_count, packed)
            shard_count += 1
        packed, packed_size = {}, 0

    for term in terms:
        values = postings[term]
        df = len(values)
        if df > MAX_POSTINGS:
            kept = sorted(values, key=lambda v: _weight(v % CODE_SPACE))[:MAX_POSTINGS]
            values = sorted(kept)
        encoded = encode_postings([(v // CODE_SPACE, v % CODE_SPACE) for v in values])
        if len(encoded) <= INLINE_POSTINGS:
            value: object = encoded
        else:
            if packed_size + len(encoded) > POSTINGS_SHARD_BYTES:
                close_postings()
            packed[term] = [df, encoded]
            packed_size += len(encoded) + len(term.encode()) + 12
            value = shard_count
        entry_size = len(term.encode()) + (len(value) if isinstance(value, str) else 4) + 6
        if size + entry_size > DICT_SHARD_BYTES:
            close_dictionary()
        entries_terms.append(term)
        entries_values.append(value)
        size += entry_size
    close_dictionary()
    close_postings()
    return firsts


def _results_files(rows: Sequence[Row], files: dict[str, str]) -> int:
    """m-<n>.js (id, question, page of each question) and t-<n>.js (answers); returns the number of pages."""
    for start in range(0, len(rows), META_CHUNK):
        chunk = rows[start:start + META_CHUNK]
        pages: list[list[str]] = []
        docs = []
        for row in chunk:
            if not pages or pages[-1][0] != row.page:
                pages.append([row.page, row.page_title])
            docs.append([row.id, row.question, len(pages) - 1])
        files[f"m-{start // META_CHUNK}.js"] = _shard("m", start // META_CHUNK, {"pages": pages, "docs": docs})
    for start in range(0, len(rows), TEXT_CHUNK):
        answers = [row.answer for row in rows[start:start + TEXT_CHUNK]]
        files[f"t-{start // TEXT_CHUNK}.js"] = _shard("t", start // TEXT_CHUNK, answers)
    return len({row.page for row in rows})


def _typo_files(terms: list[str], postings: Mapping[str, array], files: dict[str, str]) -> str:
    """v-<letter>.js: the Latin words of each first letter, most frequent first; returns the letters."""
    by_letter: dict[str, list[str]] = {}
    for term in terms:
        if len(term) >= 3 and _ALPHA.fullmatch(term):
            by_letter.setdefault(term[0], []).append(term)
    for letter, words in by_letter.items():
        words.sort(key=lambda w: (-len(postings[w]), w))
        files[f"v-{letter}.js"] = _shard("v", letter, words[:TYPO_WORDS])
    return "".join(sorted(by_letter))


def _sound_files(terms: list[str], files: dict[str, str]) -> dict:
    """y-<syllable>.js: the Chinese words by their sound, grouped by the sound of
    their first syllable (faqlib/sounds.py). Returns what the base holds: the
    syllables that have a file, and the characters by sound. The characters
    are in the base (30 KB, read once at setup), not in a shard of their
    own: a query that needed them waited a round more for them."""
    grouped = sounds.by_sound(terms)
    for first, words in grouped.items():
        files[f"y-{first}.js"] = _shard("y", first, words)
    if not grouped:
        return {"heads": [], "chars": None}
    words = [w for group in grouped.values() for ws in group.values() for w in ws]
    return {"heads": sorted(grouped), "chars": sounds.character_table(words)}


def segment_words(groups: Iterable[Iterable[str]], t2s: dict, vocabulary: set[str]) -> list[str]:
    """The synonyms' Chinese words that the index lacks (华为云, 手机): the worker
    segments a query with them too, so that a reader's word stays one word
    and its group can stand in for it."""
    words = {normalize(convert(w, t2s)) for group in groups for w in group}
    return sorted(w for w in words if len(w) > 1 and _CJK.fullmatch(w) and w not in vocabulary)


def covers(word: str, terms: Iterable[str]) -> bool:
    """Whether *terms* (and stop words) hold every ideograph of *word*: then
    they carry its meaning (硬件支持: 硬件, 支持), else only part of it (硬件需求
    with 需求 not in the index: 硬件)."""
    held = [not _HAS_CJK.match(c) for c in word]
    for piece in {*terms, *(w for w in STOP_WORDS if w in word)}:
        at = word.find(piece)
        while piece and at >= 0:
            held[at:at + len(piece)] = [True] * len(piece)
            at = word.find(piece, at + 1)
    return all(held)


def _parsed_synonyms(groups: Iterable[Iterable[str]], t2s: dict, known: set[str], vocabulary: set[str],
                     pieces: Mapping[str, list[str]]) -> list[list]:
    """Each group's words as the worker finds them in a query: [terms, usable, text].

    terms: the word read as the worker reads a query (with *known* words),
    for a word with Chinese in it each term the index lacks replaced by the
    index terms inside it when they hold all of it (*pieces*: 硬件支持 -> 硬件, 支持), so that it can stand
    in for another word when its pieces are here; usable: whether the index
    has all its terms (only then can it stand in for another word): 1, or 2
    when it has them only through its pieces; text: a
    word with Chinese in it is found in the query as it is typed, whatever
    the segmentation made of it ('' for others).
    """
    out = []
    for group in groups:
        members = []
        for word in group:
            text = normalize(convert(word, t2s))
            read = [t for t, _, _ in query_words(text, known)]
            parsed = read
            if _HAS_CJK.search(text):
                parsed = list(dict.fromkeys(p for t in read for p in (
                    [t] if t in vocabulary or t not in pieces else pieces[t])))
            usable = int(bool(parsed) and all(t in vocabulary for t in parsed))
            if usable and parsed != read:
                usable = 2  # through its pieces: a looser stand-in (the worker weighs it less)
            members.append([parsed, usable, text if _HAS_CJK.search(text) else ""])
        out.append(members)
    return out


# ------------------------------------------------------------------ reading it back


def read_postings(files: Mapping[str, str]) -> dict[str, list[tuple[int, int]]]:
    """Every term's entries from the shard files of one index."""
    long: dict[str, str] = {}
    dictionary: dict[str, object] = {}
    for name, text in files.items():
        kind, _, data = parse_shard(text)
        if kind == "p":
            long.update({term: encoded for term, (_, encoded) in data.items()})
        elif kind == "d":
            dictionary.update(zip(*data))
    return {t: decode_postings(v if isinstance(v, str) else long[t]) for t, v in dictionary.items()}


def read_folder(folder: Path) -> Index:
    """The index written in a search/ folder."""
    document = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    files = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*-*.js")}
    return Index(document["docs"], files)


def vocabulary_terms(lang_root: Path) -> int:
    """Distinct terms of the index of a built language root (for benchmarks)."""
    total = 0
    for path in (Path(lang_root) / "search").glob("d-*.js"):
        total += len(parse_shard(path.read_text(encoding="utf-8"))[2][0])
    return total


#: Word separators for Material's highlighter on the page a result opens.
SEPARATOR = r"[\s\u200b\-、，。：；？！（）《》“”‘’,:;!?()\[\]\"'/]+"


def index_file_text(index: Index) -> str:
    """search_index.json: Material's shape ({config, docs}) holding our base.

    Material's search UI reads config.separator (to highlight results on the
    page they open) and hands docs to the worker unread.
    """
    document = {
        "config": {"lang": [index.base["lang"]], "separator": SEPARATOR, "pipeline": []},
        "docs": index.base,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
