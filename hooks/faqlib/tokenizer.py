"""The tokenizer contract: the one place that decides what a search term is.

Both halves of the search follow it: the build (faqlib/search.py, this
module's `tokenize`) and the reader's browser
(docs/assets/javascripts/faq-search-worker.js). The worker holds no rules of
its own: `CONTRACT` is shipped inside every index and the worker builds its
patterns, stop words, spellings and stemming from it. What is written in both
languages is only the small interpreters of those rules (`spell`, `stem`) and
the query reader (`segment`, `query_words`); tests/test_search_parity.py runs
every dev query, every question and random mixed text (hypothesis) through
both halves and compares the terms.

Chinese text is segmented by jieba (search mode, with a MindSpore dictionary)
at build time; a query is segmented in the browser by longest match against
the index's own vocabulary, which needs no dictionary download.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container
from functools import lru_cache
from pathlib import Path

#: Latin tokens as people type them: 'np.random.uniform', 'save_checkpoint'.
LATIN = r"[a-z0-9]+(?:[._][a-z0-9]+)*"
#: Runs of CJK ideographs.
CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
#: Longest Chinese word tried when segmenting a query.
MAX_WORD = 8
#: Words too common to tell questions apart, and the words of asking itself
#: (how / why / can / 怎么 / 为什么 / 能不能 …). They are not indexed, and a
#: query's own are dropped: they weigh nothing, in either language.
STOP_WORDS = frozenset(
    # English function words
    "a an the to of and or in on at is are be been was were it its this that these those for with as by from "
    "do does did i you we he she they them their your our my me us has have had but into about so than then "
    "there if will would should could shall may might must can cannot not no yes also just only any some "
    # English question words
    "what when where which who whom whose why how whether please possible able way".split()
    # Chinese particles and function words
    + list("的了是和与及或吗呢吧啊也都就而并等这那把被之其在么嘛呀哦")
    # Chinese question words
    + "怎么 怎样 怎么样 如何 为什么 为何 什么 哪些 哪个 哪里 能不能 可不可以 是不是 有没有 是否 能否 可否 "
      "请问 一下 我们 我 你 您 他们 有 没有 会不会 要不要 怎么办 咋 咋办 啥 能 不能 可以 能够 会 不会 "
      "意思 什么意思 多少".split()
)
#: British to American spellings, as (suffix, replacement, shortest word):
#: applied to whole Latin words before stemming, to the text and the query alike.
SPELLING = (
    ("isations", "izations", 8), ("isation", "ization", 7),
    ("ising", "izing", 6), ("ised", "ized", 5), ("ises", "izes", 5), ("ise", "ize", 5),
    ("ysing", "yzing", 6), ("ysed", "yzed", 5), ("yse", "yze", 5),
    ("elling", "eling", 7), ("elled", "eled", 6),
    ("ours", "ors", 6), ("our", "or", 6),
    ("tres", "ters", 6), ("tre", "ter", 5),
)
#: A light English stemmer (plural, -ing, -ed, final e), as data: Porter
#: would conflate more, but prefix and typo matching at query time cover most
#: of the rest. Words shorter than `shortest`, or not all letters, stay as
#: they are. Each step applies its first rule whose suffix ends the word, that
#: is at least `shortest` long, and (`vowel`) whose base (the word without the
#: suffix) holds a vowel; a rule that gives the suffix back ('ss' -> 'ss')
#: keeps the step from going on. A rule marked `undouble` then drops a doubled
#: last letter (clipp -> clip) of a result at least `undoubleShortest` long,
#: unless it is one of `keepDoubled` (install, pass, buzz). A rule with a
#: sixth field asks its base for at least that measure (Porter's m: how many
#: vowel-consonant sequences it has, y a vowel after a consonant): -ment goes
#: from requirement (requir-e, m 2) and deployment, not from statement (state, m 1).
STEMMING = {
    "shortest": 4,
    "vowels": "aeiouy",
    "undoubleShortest": 4,
    "keepDoubled": "lsz",
    # [suffix, replacement, shortest word, base needs a vowel, undouble(, base's least measure)]
    "steps": [
        [["ies", "y", 5, False, False], ["sses", "ss", 0, False, False], ["xes", "x", 0, False, False],
         ["zes", "z", 0, False, False], ["ches", "ch", 0, False, False], ["shes", "sh", 0, False, False],
         ["ss", "ss", 0, False, False], ["us", "us", 0, False, False], ["is", "is", 0, False, False],
         ["s", "", 0, False, False]],
        [["ing", "", 6, True, True], ["ed", "", 5, True, True]],
        [["ment", "", 9, True, False, 2]],
        [["e", "", 5, False, False]],
    ],
}
USER_DICT = Path(__file__).with_name("userdict.zh.txt")

#: Shipped in every index: the worker's rules come from here, nowhere else.
CONTRACT = {
    "latin": LATIN,
    "cjk": CJK,
    "maxWord": MAX_WORD,
    "stopWords": sorted(STOP_WORDS),
    "spelling": [list(rule) for rule in SPELLING],
    "stemming": STEMMING,
}

_LATIN = re.compile(LATIN)
_CJK = re.compile(CJK)
_TOKEN = re.compile(f"{LATIN}|{CJK}")
_ALPHA = re.compile(r"[a-z]+")
# A name with a hump: a lower letter then a capital, or an acronym then a word
# (the parts of np.ModelCheckpoint or save_LSTMCell between their dots and underscores).
_HUMPED = re.compile(r"[A-Za-z0-9]*(?:[a-z][A-Z]|[A-Z]{2}[a-z])[A-Za-z0-9]*")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")  # Model|Checkpoint, LSTM|Cell


def normalize(text: str) -> str:
    """NFKC (full-width to ASCII) and lowercase."""
    return unicodedata.normalize("NFKC", text).lower()


def spell(word: str) -> str:
    """American spelling of a lowercase word ('optimise' -> 'optimize')."""
    for suffix, replacement, shortest in SPELLING:
        if len(word) >= shortest and word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    return word


def _measure(word: str) -> int:
    """Porter's m of a lowercase word: its vowel-consonant sequences, where a
    vowel is a, e, i, o, u, or y after a consonant (the worker's measure())."""
    vowel, m = [], 0
    for i, c in enumerate(word):
        vowel.append(c in "aeiou" or (c == "y" and i > 0 and not vowel[i - 1]))
        m += i > 0 and vowel[i - 1] and not vowel[i]
    return m


def stem(word: str) -> str:
    """The stem of a lowercase word by the rules of STEMMING ('clipping' -> 'clip')."""
    rules = STEMMING
    if len(word) < rules["shortest"] or not _ALPHA.fullmatch(word):
        return word
    for step in rules["steps"]:
        for suffix, replacement, shortest, vowel, undouble, *measure in step:
            base = word[: -len(suffix)]
            if len(word) < shortest or not word.endswith(suffix) or (vowel and not any(c in rules["vowels"] for c in base)):
                continue
            if measure and _measure(base) < measure[0]:
                continue
            word = base + replacement
            if undouble and len(word) >= rules["undoubleShortest"] and word[-1] == word[-2] and word[-1] not in rules["keepDoubled"]:
                word = word[:-1]
            break
    return word


def term(word: str) -> str:
    """The index term of one Latin word: American spelling, then stem."""
    return stem(spell(word)) if _ALPHA.fullmatch(word) else word


def camel_words(text: str) -> list[list[str]]:
    """The terms of the words run together in each CamelCase name of a text
    (ModelCheckpoint -> [model, checkpoint], GeneratorDataset, LSTMCell), for
    faqlib.search.analyze, which indexes them where the text also uses each
    word on its own (a reader types 'checkpoint', the API's name holds it;
    MindSpore and PyTorch are names, not spore and py)."""
    return [[term(w.lower()) for w in _CAMEL.findall(name)] for name in _HUMPED.findall(unicodedata.normalize("NFKC", text))]


def latin_terms(token: str) -> list[str]:
    """Index terms of one Latin token: itself and, for 'np.zeros', its parts."""
    terms = [term(token)]
    if "." in token or "_" in token:
        terms += [term(p) for p in re.split(r"[._]", token) if p]
    return terms


@lru_cache(maxsize=1)
def _jieba():  # pragma: no cover - trivial
    import jieba

    from .upstream.jieba import initialize

    jieba.setLogLevel(60)
    initialize(jieba.dt)  # its dictionary, read in a quarter of jieba's own time
    jieba.load_userdict(str(USER_DICT))
    return jieba


def tokenize(text: str) -> list[str]:
    """Index terms of a text, in order: Latin tokens (+ parts), jieba search-mode words
    (and full-mode words the search mode missed)."""
    text = normalize(text)
    terms: list[str] = []
    for token in _LATIN.findall(text):
        if token not in STOP_WORDS:
            terms += [t for t in latin_terms(token) if t not in STOP_WORDS]
    runs = _CJK.findall(text)
    if runs:
        jieba = _jieba()
        for run in runs:
            words = [w for w in jieba.cut_for_search(run) if w not in STOP_WORDS and _CJK.fullmatch(w)]
            # jieba's best path can split a word wrongly (模型参数量 -> 参 / 数量):
            # its full mode lists every dictionary word of the run, so a word
            # the path missed is indexed too, once.
            known = set(words)
            words += [w for w in dict.fromkeys(jieba.cut(run, cut_all=True))
                      if len(w) > 1 and w not in known and w not in STOP_WORDS and _CJK.fullmatch(w)]
            terms += words
    return terms


def parts(word: str, vocabulary: Container[str]) -> list[str]:
    """The index terms inside a word the index lacks ('硬件支持' -> 硬件, 支持): what
    the index's own segmenter makes of it, had the text said it, that the index
    holds. A query word counts as these where it is not an index term itself,
    so that no word a reader can type is a dead end when its pieces are not."""
    return [t for t in dict.fromkeys(tokenize(word)) if t != word and t in vocabulary]


def segment(run: str, known: Callable[[str], bool]) -> list[tuple[str, int]]:
    """(word, offset) of an unspaced Chinese run: the longest known words first,
    single ideographs where none fits (the worker's segment())."""
    words, i = [], 0
    while i < len(run):
        size = min(MAX_WORD, len(run) - i)
        while size > 1 and not known(run[i:i + size]):
            size -= 1
        words.append((run[i:i + size], i))
        i += size
    return words


def query_words(query: str, vocabulary: Container[str]) -> list[tuple[str, int, int]]:
    """(term, start, end) of a query already in Simplified Chinese, as the worker
    reads it: stop words dropped unless nothing else is left."""
    text = normalize(query)

    def known(word: str) -> bool:
        return word in vocabulary or word in STOP_WORDS

    words: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        if _CJK.fullmatch(token):
            words += [(w, start + at, start + at + len(w)) for w, at in segment(token, known)]
        elif ("." in token or "_" in token) and term(token) not in vocabulary:
            at = start
            for part in re.split(r"([._])", token):
                if part and part not in "._":
                    words.append((term(part), at, at + len(part)))
                at += len(part)
        else:
            words.append((term(token), start, match.end()))
    content = [w for w in words if w[0] not in STOP_WORDS]
    return content or words
