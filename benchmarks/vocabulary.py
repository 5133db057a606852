"""Word lists of the real MindSpore FAQ, for the benchmark's corpus generator.

From ../shared/corpus/mindspore-faq-r2.3/ (zh/*.md and the official en/*.md,
190 questions in the same order in both): every question's content words,
split into nouns and verbs, ranked by frequency per language, and the
Heaps' law fit of each language (distinct words V = K * tokens ** beta) that
the generator follows when it invents long-tail words.

Chinese is segmented by jieba's part-of-speech tagger (jieba pinned in
requirements.txt) with the site's own MindSpore dictionary
(hooks/faqlib/userdict.zh.txt), so 梯度截断 stays one word as in the index.
English has no tagger in our pinned dependencies; a word counts as a verb when
it follows 'to', 'can', 'not', ... more often than 'the', 'a', 'of', ... (see
_english_class): good enough for templates that only need a noun or a verb.

Extracting takes about 3 s (jieba's tagger), so the result is checked in as
benchmarks/data/vocabulary.json (`python -m benchmarks.vocabulary` rewrites
it), with a key of the corpus bytes, the dictionary, jieba's version and
EXTRACT_VERSION; tests/test_benchmarks.py fails when the key is stale.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "mindspore-faq-r2.3"
USER_DICT = ROOT / "hooks" / "faqlib" / "userdict.zh.txt"
DATA = Path(__file__).resolve().parent / "data" / "vocabulary.json"
#: Bump when the extraction below changes (invalidates the cache).
EXTRACT_VERSION = 5

#: jieba part-of-speech flags read as nouns (names, terms, verbal nouns, Latin words) and verbs.
ZH_NOUN_FLAGS = frozenset({"n", "nz", "nr", "ns", "nt", "nw", "vn", "an", "eng"})
ZH_VERB_FLAGS = frozenset({"v", "vd"})
#: Modal and linking verbs: jieba tags them v, but a template's verb slot needs an action.
ZH_NOT_ACTIONS = frozenset("需要 可能 能够 不能 只能 无法 是否 例如 没有 存在 不会 不要 可以 不变 应该 成为 属于 具有 包括 包含 认为".split())
#: Latin identifiers as the docs write them: ckpt, model.train, num_parallel_workers, ResNet50.
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
TOKEN = re.compile(f"{LATIN.pattern}|{CJK.pattern}")
#: English function words: never a template's noun or verb.
EN_FUNCTION = frozenset(
    "a an the to of and or in on at is are be been being was were it its this that these those for with as by "
    "from do does did i you we he she they them their your our my me us has have had but into about so than then "
    "there if will would should could shall may might must can cannot not no yes also just only any some what "
    "when where which who whom whose why how whether please e g i.e etc such other each all more most very same "
    "both after before while during because however under over further true false none null".split()
)
VERB_CONTEXT = frozenset("to can cannot not will should must please you we then".split())
NOUN_CONTEXT = frozenset("the a an this that each these its your of".split())


@dataclass(frozen=True)
class Words:
    """A language's content words, most frequent first, and its Heaps' law fit."""

    nouns: tuple[str, ...]
    verbs: tuple[str, ...]
    heaps_k: float
    heaps_beta: float
    tokens: int  # content words in the corpus
    distinct: int  # distinct content words in the corpus


@dataclass(frozen=True)
class Topic:
    """One real question's content words (with repeats), in both languages."""

    page: str
    zh_nouns: tuple[str, ...]
    zh_verbs: tuple[str, ...]
    en_nouns: tuple[str, ...]
    en_verbs: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    zh: Words
    en: Words
    topics: tuple[Topic, ...]  # in corpus order, page by page
    zh_chars: tuple[str, ...]  # ideographs of the Chinese nouns, most frequent first


def split_questions(text: str) -> list[str]:
    """Each question of one page with its answer, from its heading to the next
    question's, as prose (markup, code blocks and addresses left out). Where a
    question starts is the site's own question reader's to say (faqlib.reader,
    with the site's markdown extensions: the build's questions)."""
    sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "hooks")]
    from ids import load_site  # noqa: PLC0415 - tools/ is not a package
    from faqlib.reader import read_markdown  # noqa: PLC0415

    site = load_site(ROOT / "mkdocs.yml")
    starts = [q.line for q in read_markdown(text, site.extensions, site.configs).questions]
    lines = text.split("\n")
    sections = ["\n".join(lines[start - 1:end - 1]) for start, end in zip(starts, [*starts[1:], len(lines) + 1])]
    return [_plain(_QUESTION_MARK.sub("", section, count=1)) for section in sections]


#: A question heading's own marks ('## Q:', '## Q：'), before its text.
_QUESTION_MARK = re.compile(r"^\s*#+\s*Q\s*[:：]\s*")


def _plain(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)  # code blocks are not prose
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*A[:：]", " ", text, flags=re.MULTILINE)  # the answer's marker
    return re.sub(r"https?://\S+", " ", text)


def _zh_words(text: str, tagger) -> list[tuple[str, str]]:
    """(word, 'n' | 'v') of a Chinese text: Latin identifiers are nouns; CJK runs tagged by jieba."""
    out = []
    for match in TOKEN.finditer(text):
        token = match.group()
        if not CJK.fullmatch(token):
            out.append((token, "n"))
            continue
        for pair in tagger.cut(token):
            word, flag = pair.word, pair.flag
            if len(word) < 2 or not CJK.fullmatch(word):
                continue  # single ideographs make no readable slot filler
            if flag in ZH_NOUN_FLAGS:
                out.append((word, "n"))
            elif flag in ZH_VERB_FLAGS and word not in ZH_NOT_ACTIONS:
                out.append((word, "v"))
    return out


def _english_class(words: list[list[str]]) -> dict[str, str]:
    """'v' for words that follow verb contexts more than noun contexts, else 'n'."""
    verb, noun = Counter(), Counter()
    for sentence in words:
        for before, word in zip(sentence, sentence[1:]):
            if before.lower() in VERB_CONTEXT:
                verb[word.lower()] += 1
            elif before.lower() in NOUN_CONTEXT:
                noun[word.lower()] += 1
    verbs = {w for w in verb if verb[w] > noun[w] and verb[w] >= 2 and w.isalpha() and w.islower()}
    # Templates need the base form ('How do I export ...'): not 'exported', 'exporting', 'exports'.
    return {w: "v" for w in verbs if not w.endswith(("ed", "ing")) and not (w.endswith("s") and w[:-1] in verbs)}


def _en_words(text: str, classes: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for token in LATIN.findall(text):
        low = token.lower()
        if low in EN_FUNCTION or len(token) < 2 or low.endswith("ly"):
            continue
        if "." in token or "_" in token or not token.islower():
            out.append((token, "n"))  # identifiers and names
        elif low in classes:
            out.append((token, "v"))
        elif not low.endswith("ed"):  # participles ('used', 'reported') are neither
            out.append((token, "n"))
    return out


def _ranked(tokens: list[tuple[str, str]], kind: str) -> tuple[str, ...]:
    counts = Counter(word for word, k in tokens if k == kind)
    return tuple(word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def heaps_fit(words: list[str]) -> tuple[float, float]:
    """(K, beta) of V = K * n ** beta, least squares in log-log over doubling prefixes."""
    points, seen, mark = [], set(), 500
    for n, word in enumerate(words, 1):
        seen.add(word)
        if n == mark or n == len(words):
            points.append((math.log(n), math.log(len(seen))))
            mark *= 2
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    beta = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    return math.exp(my - beta * mx), beta


def _key() -> str:
    """What the word lists depend on: the corpus, the dictionary, jieba, this extraction."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{EXTRACT_VERSION} {version('jieba')}".encode())
    for path in (*sorted(CORPUS.glob("*/*.md")), USER_DICT):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _extract() -> dict:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USER_DICT))
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    pages = sorted(p.name for p in (CORPUS / "zh").glob("*.md"))
    en_sections = {page: split_questions((CORPUS / "en" / page).read_text(encoding="utf-8")) for page in pages}
    classes = _english_class([LATIN.findall(s) for sections in en_sections.values() for s in sections])
    topics, zh_all, en_all = [], [], []
    for page in pages:
        zh_sections = split_questions((CORPUS / "zh" / page).read_text(encoding="utf-8"))
        if len(zh_sections) != len(en_sections[page]):
            raise SystemExit(f"{page}: {len(zh_sections)} Chinese and {len(en_sections[page])} English questions")
        for zh_text, en_text in zip(zh_sections, en_sections[page]):
            zh, en = _zh_words(zh_text, tagger), _en_words(en_text, classes)
            zh_all += zh
            en_all += en
            topics.append({"page": page, "zh_nouns": [w for w, k in zh if k == "n"], "zh_verbs": [w for w, k in zh if k == "v"],
                           "en_nouns": [w for w, k in en if k == "n"], "en_verbs": [w for w, k in en if k == "v"]})
    out = {"topics": topics}
    for lang, tokens in (("zh", zh_all), ("en", en_all)):
        k, beta = heaps_fit([w.lower() for w, _ in tokens])
        out[lang] = {"nouns": _ranked(tokens, "n"), "verbs": _ranked(tokens, "v"), "heaps_k": k, "heaps_beta": beta,
                     "tokens": len(tokens), "distinct": len({w.lower() for w, _ in tokens})}
    chars = Counter(c for w, k in zh_all if k == "n" for c in w if CJK.fullmatch(c))
    out["zh_chars"] = [c for c, _ in sorted(chars.items(), key=lambda item: (-item[1], item[0]))]
    return out


@lru_cache(maxsize=1)
def load() -> Vocabulary:
    """The corpus' word lists, from benchmarks/data/vocabulary.json when it is
    current (its key matches the corpus, dictionary and jieba), else extracted now."""
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("key") != _key():
        print(f"{DATA} is stale: extracting the word lists now (refresh it: python -m benchmarks.vocabulary)",
              file=sys.stderr)
        data = _extract()
    words = {lang: Words(tuple(d["nouns"]), tuple(d["verbs"]), d["heaps_k"], d["heaps_beta"], d["tokens"], d["distinct"])
             for lang, d in ((lang, data[lang]) for lang in ("zh", "en"))}
    topics = tuple(Topic(t["page"], *(tuple(t[k]) for k in ("zh_nouns", "zh_verbs", "en_nouns", "en_verbs")))
                   for t in data["topics"])
    return Vocabulary(words["zh"], words["en"], topics, tuple(data["zh_chars"]))


def main() -> None:
    """Rewrite benchmarks/data/vocabulary.json from the corpus."""
    data = {"key": _key(), "source": "../shared/corpus/mindspore-faq-r2.3 (CC BY 4.0, MindSpore contributors)", **_extract()}
    DATA.parent.mkdir(exist_ok=True)
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{DATA}: {len(data['zh']['nouns'])} + {len(data['zh']['verbs'])} Chinese, "
          f"{len(data['en']['nouns'])} + {len(data['en']['verbs'])} English nouns + verbs, {len(data['topics'])} topics")


if __name__ == "__main__":
    main()
