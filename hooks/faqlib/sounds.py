"""Chinese words by their sound, for the search's typo matching.

Readers type Chinese with a pinyin input method, and its typos are not
misspellings but homophones picked from the candidate list: 数据下成 for
数据下沉, 反赤化 for 反池化, 卸在 for 卸载. The worker reads a query's
characters by sound (the index's base holds each common character's sounds)
and looks the sound up among the index's words (y-<syllable>.js: its Chinese
words of two to four characters by their sound), so such a typo finds the
word meant.

A sound is toneless pinyin (tones are what the input method asks nothing
about), and forgiving of what speakers of many regions do not tell apart:
zh/z, ch/c, sh/s and the final -ng/-n (成 cheng for 沉 chen).

Readings: pypinyin (MIT), whose data is pinyin-data and phrase-pinyin-data
(MIT): a word's own reading where its characters have several (重庆 chong).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

#: The words given by sound: Chinese index terms of this many characters.
SHORTEST, LONGEST = 2, 4
_WORD = re.compile(rf"[\u4e00-\u9fff]{{{SHORTEST},{LONGEST}}}")
NOTICE = "pinyin readings from pypinyin {version} (MIT), its data from pinyin-data (MIT)"


def sound(syllable: str) -> str:
    """A syllable's sound: toneless, zh/ch/sh as z/c/s, a final -ng as -n."""
    # ü (ǘ, lǜ) is written v, as pypinyin's plain style and input methods do.
    decomposed = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if plain[:2] in ("zh", "ch", "sh"):
        plain = plain[0] + plain[2:]
    if plain.endswith("ng") and len(plain) > 2:
        plain = plain[:-1]
    return plain


def word_sound(word: str) -> str | None:
    """A Chinese word's sound ('xia-cen' for 下沉), its syllables read as the
    word is read; None for what is not a word of SHORTEST to LONGEST ideographs."""
    if not _WORD.fullmatch(word):
        return None
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.NORMAL, errors=lambda chars: [None] * len(chars))
    if len(syllables) != len(word) or None in syllables:
        return None
    return "-".join(sound(s) for s in syllables)


def by_sound(terms: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """{first syllable's sound: {sound: [words]}} of the Chinese words among
    *terms*: a query asks for the words that begin as it sounds, one of some
    400 groups (by first letter, a group would hold about a twentieth of them all)."""
    out: dict[str, dict[str, list[str]]] = {}
    for term in terms:
        key = word_sound(term)
        if key:
            out.setdefault(key.split("-", 1)[0], {}).setdefault(key, []).append(term)
    return out


def character_table(words: Iterable[str]) -> dict:
    """The sounds of every common character (GB 2312: what input methods offer
    first) and of every character of *words* (the site's own: 昇 of 昇腾 is
    not in GB 2312): {"notice", "sounds": [...], "chars": [characters of each sound]}."""
    common = _common_characters()
    extra = tuple(sorted((char, readings) for char in {c for word in words for c in word} - common
                         if (readings := _sounds_of(char))))
    table = _table(extra)
    return {"notice": table["notice"], "sounds": list(table["sounds"]), "chars": list(table["chars"])}


@lru_cache(maxsize=4)
def _table(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> dict:
    """character_table of the common characters and *extra* ones: the same for
    every build of a site (grouping the 7,000 characters by sound took 3 ms)."""
    chars = dict(_common_sounds()) | dict(extra)
    by_sound: dict[str, list[str]] = {}
    for char in sorted(chars):
        for reading in chars[char]:
            by_sound.setdefault(reading, []).append(char)
    ordered = sorted(by_sound)
    from importlib.metadata import version

    notice = NOTICE.format(version=version("pypinyin"))
    return {"notice": notice, "sounds": tuple(ordered), "chars": tuple("".join(by_sound[s]) for s in ordered)}


def readings(table: dict) -> dict[str, set[str]]:
    """Each character's sounds, from a character_table (the worker's readings())."""
    out: dict[str, set[str]] = {}
    for sound_, chars in zip(table["sounds"], table["chars"], strict=True):
        for char in chars:
            out.setdefault(char, set()).add(sound_)
    return out


@lru_cache(maxsize=1)
def _common_sounds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(character, its sounds) of every GB 2312 ideograph pypinyin reads."""
    from pypinyin.constants import PINYIN_DICT

    out = []
    for code in PINYIN_DICT:
        char = chr(code)
        if re.fullmatch(r"[\u4e00-\u9fff]", char) and _common(char):
            out.append((char, _sounds_of(char)))
    return tuple(out)


@lru_cache(maxsize=1)
def _common_characters() -> frozenset[str]:
    return frozenset(char for char, _ in _common_sounds())


def _sounds_of(char: str) -> tuple[str, ...]:
    from pypinyin.constants import PINYIN_DICT

    readings = PINYIN_DICT.get(ord(char))
    return tuple(dict.fromkeys(sound(r) for r in readings.split(","))) if readings else ()


def _common(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
