"""Deterministic bilingual FAQ corpora for benchmarks, with a realistic vocabulary.

    python -m benchmarks.generate OUT --pages P --questions Q [--seed N]

Writes OUT/docs (index.md, index.en.md, faq-NNN.md, faq-NNN.en.md, in
nested folders part-N/ of SECTION entries on larger sites) in the
layout of the real site: '## Q: … {#id}', 'A: …', '<br/>', Chinese the source
and English beside it with the same ids. The same seed gives byte-identical files.

Where the words come from (benchmarks/vocabulary.py has the word lists):

- Real words: the nouns and verbs of the real MindSpore FAQ
  (../shared/corpus/), ranked by frequency per language, drawn with Zipf
  weights 1/rank. Question and answer templates (the function words around
  them) keep the sentences readable-ish.
- Topics: each generated page follows one real page, and each question one
  real question of it; a share of its words (P_TOPIC) is drawn from that
  question's own words, Chinese from the Chinese, English from the official
  English, so both languages of a pair are about the same thing (they are not
  translations of each other).
- The long tail: real writing keeps meeting words it has not used yet
  (Heaps' law, V = K * n ** beta), where a word list drawn from 150 questions
  saturates. Each language follows the Heaps curve fitted on the real corpus:
  a noun slot is, with probability P_TAIL, a long-tail word, a new one
  whenever the language's distinct words are behind the curve, else one
  already invented (Zipf over the order they were invented in). New words are
  API-like names, parameter names, CamelCase class names, English-looking
  coinages and Chinese compounds of real ideographs. Shared rare tokens (API
  names, error codes, version numbers) come from unbounded Zipf ranks and are
  the same in both languages of a pair, as in real translated docs.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import random
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from benchmarks.vocabulary import Topic, Vocabulary, Words, load

#: Share of slots drawn from the question's real topic words.
P_TOPIC = 0.35
#: Share of noun slots that are long-tail words (new or invented before).
P_TAIL = 0.2
#: Exponent of the unbounded Zipf ranks of shared rare tokens (API names, error codes, versions).
RARE_EXPONENT = 1.3
MODULES = ("ops", "nn", "dataset", "mint", "communication", "train", "amp", "numpy", "parallel", "experimental")
EN_SUFFIXES = ("ization", "ator", "ness", "ment", "ing", "er", "ity", "ive", "able", "al", "ics", "ure")

ZH_QUESTIONS = [
    "如何{v}{n}？", "如何在{n}中{v}{n}？", "{n}{v}{n}时报错，怎么办？", "使用{n}{v}{n}时，{n}为什么无法{v}？",
    "{n}是否支持{v}{n}？", "为什么{n}{v}后{n}没有{v}？", "调用`{api}`{v}{n}时提示`{err}`，如何处理？",
    "{n} {ver}版本中{n}的{n}怎么{v}？", "{n}和{n}有什么区别？", "{v}{n}的{n}时，{n}很慢，怎么优化？",
    "在{n}上{v}{n}，{n}报错`{err}`是什么原因？", "{n}能否与{n}一起{v}？",
]
EN_QUESTIONS = [
    "How do I {v} the {n}?", "How do I {v} {n} in {n}?", "What should I do when {n} fails to {v} the {n}?",
    "Why can't I {v} the {n} when {n} is used?", "Does {n} support {n} when I {v} the {n}?",
    "Why is the {n} not updated after I {v} the {n}?", "Calling `{api}` to {v} {n} reports `{err}`. What should I do?",
    "How do I {v} the {n} of {n} in {n} {ver}?", "What is the difference between {n} and {n}?",
    "The {n} is slow when I {v} the {n} {n}. How can I speed it up?", "What causes `{err}` when I {v} {n} on {n}?",
    "Can {n} and {n} {v} together?",
]
ZH_SENTENCES = [
    "可以先{v}{n}，再{v}{n}。", "需要在{n}中设置`{param}`，然后{v}{n}。", "{n}目前不支持{v}{n}，建议使用{n}{v}{n}。",
    "请检查{n}与{n}是否一致，并确认{n}的版本为{ver}。", "该问题通常是{n}{v}{n}导致的，可以参考{n}的{n}文档。",
    "调用`{api}`即可{v}{n}。", "如果{n}{v}失败并报错`{err}`，请{v}{n}后重试。", "{n}在{n}场景下会{v}{n}，这是预期行为。",
    "详细说明请参考{n}教程中的{n}章节。", "{n}的{n}由`{param}`控制，默认与{n}相同。", "对于{n}，{v}{n}之前需要先{v}{n}。",
]
EN_SENTENCES = [
    "You can {v} the {n} first, then {v} the {n}.", "Set `{param}` in the {n}, then {v} the {n}.",
    "{N} does not support {n} yet; {v} the {n} with {n} instead.",
    "Check that the {n} and the {n} match, and that {n} {ver} is installed.",
    "This usually happens when {n} cannot {v} the {n}; see the {n} documentation of {n}.",
    "Call `{api}` to {v} the {n}.", "If {n} fails with `{err}`, {v} the {n} and try again.",
    "In {n} scenarios {n} may {v} the {n}; this is expected.", "For details, see the {n} section of the {n} tutorial.",
    "The {n} of {n} is controlled by `{param}` and defaults to the {n}.", "For {n}, {v} the {n} before you {v} the {n}.",
]
assert len(ZH_QUESTIONS) == len(EN_QUESTIONS) and len(ZH_SENTENCES) == len(EN_SENTENCES)
SLOT = re.compile(r"\{(n|N|v|api|err|ver|param)\}")


def _cumulative(count: int) -> list[float]:
    """Cumulative Zipf weights 1/rank over ranks 1..count."""
    return list(itertools.accumulate(1.0 / rank for rank in range(1, count + 1)))


def _pareto_rank(rng: random.Random, exponent: float) -> int:
    """An unbounded rank with P(rank >= r) = r ** (1 - exponent): Zipf with that exponent."""
    return int((1.0 - rng.random()) ** (-1.0 / (exponent - 1.0)))


class Stream:
    """One language's words: real ones by Zipf rank, topic words, and the long tail."""

    def __init__(self, lang: str, words: Words, vocabulary: Vocabulary, rng: random.Random) -> None:
        self.lang, self.words, self.vocabulary, self.rng = lang, words, vocabulary, rng
        self.cum = {"n": _cumulative(len(words.nouns)), "v": _cumulative(len(words.verbs))}
        self.tokens = 0
        self.seen: set[str] = set()
        self.tail: list[str] = []  # long-tail words in the order they were invented

    def draw(self, kind: str, topic: Topic) -> str:
        rng = self.rng
        self.tokens += 1
        if kind == "n" and rng.random() < P_TAIL:
            word = self._tail()
        else:
            own = getattr(topic, f"{self.lang}_{'nouns' if kind == 'n' else 'verbs'}")
            if own and rng.random() < P_TOPIC:
                word = own[rng.randrange(len(own))]
            else:
                ranked, cum = (self.words.nouns if kind == "n" else self.words.verbs), self.cum[kind]
                word = ranked[min(bisect.bisect_left(cum, rng.random() * cum[-1]), len(ranked) - 1)]
        self.seen.add(word.lower())
        return word

    def count(self, token: str) -> None:
        """A shared rare token used in this language's text."""
        self.tokens += 1
        self.seen.add(token.lower())

    def _tail(self) -> str:
        behind = len(self.seen) < self.words.heaps_k * self.tokens ** self.words.heaps_beta
        if behind or not self.tail:
            while True:
                word = self._invent()
                if word.lower() not in self.seen:
                    self.tail.append(word)
                    return word
        # Zipf (1/rank) over invention order: early inventions recur most.
        return self.tail[min(int(math.exp(self.rng.random() * math.log(len(self.tail) + 1))) - 1, len(self.tail) - 1)]

    def _invent(self) -> str:
        rng, en = self.rng, self.vocabulary.en.nouns
        kind = rng.random()
        parts = [w for w in (en[_zipf_index(rng, len(en))], en[_zipf_index(rng, len(en))]) if w.isalpha()] or ["value", "op"]
        if self.lang == "zh" and kind < 0.6:
            chars = self.vocabulary.zh_chars
            return "".join(chars[_zipf_index(rng, len(chars))] for _ in range(rng.choice((2, 2, 3))))
        if kind < 0.7 or (self.lang == "en" and kind < 0.35):
            return "_".join(p.lower() for p in parts) + rng.choice(("", "", "_size", "_num", "_mode", "_dir"))
        if kind < 0.85 or (self.lang == "en" and kind < 0.6):
            return "".join(p[:1].upper() + p[1:] for p in parts) + rng.choice(("", "", "V2", "Ext", "Grad", "3D"))
        stem = parts[0].lower()
        return stem[: max(3, len(stem) - rng.randrange(0, 3))] + rng.choice(EN_SUFFIXES)


def _zipf_index(rng: random.Random, count: int) -> int:
    """An index 0..count-1 with weights about 1/rank (log-uniform rank)."""
    return min(int(math.exp(rng.random() * math.log(count + 1))) - 1, count - 1)


@lru_cache(maxsize=4)
def _name_parts(vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(w for w in vocabulary.en.nouns if w.isalpha() and len(w) > 2)


def _rare(rng: random.Random, vocabulary: Vocabulary) -> dict[str, str]:
    """The rare tokens a question pair shares: API name, parameter, error code, version."""
    en = _name_parts(vocabulary)

    def word(seed: int, n: int) -> str:
        return en[(seed * 7919 + n * 104729) % len(en)]

    api, param, err, ver = (_pareto_rank(rng, RARE_EXPONENT) for _ in range(4))
    name = word(api, 1)[:1].upper() + word(api, 1)[1:] + word(api, 2)[:1].upper() + word(api, 2)[1:]
    return {
        "api": f"mindspore.{MODULES[api % len(MODULES)]}.{name}",
        "param": f"{word(param, 3).lower()}_{word(param, 4).lower()}",
        "err": f"E{(err * 2654435761) % 900000 + 100000}",
        "ver": f"{1 + ver % 3}.{(ver // 3) % 10}.{(ver // 30) % 100}",
    }


def _fill(template: str, stream: Stream, topic: Topic, rare: dict[str, str]) -> str:
    def slot(match: re.Match) -> str:
        kind = match.group(1)
        if kind in rare:
            stream.count(rare[kind])
            return rare[kind]
        word = stream.draw(kind.lower(), topic)
        return word[:1].upper() + word[1:] if kind == "N" else word

    text = SLOT.sub(slot, template)
    return text[:1].upper() + text[1:] if stream.lang == "en" else text


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(w for w in words if len(w) > 2 and w not in ("the", "how", "what", "when", "why", "can", "does"))[:24].strip("-") or "q"


def question(rng: random.Random, streams: dict[str, Stream], topic: Topic, page: int, number: int) -> tuple[str, str]:
    """One question pair in (zh, en) markdown, with the same id."""
    vocabulary = streams["zh"].vocabulary
    rare = _rare(rng, vocabulary)
    # The templates of both lists go in pairs with the same rare slots, so a
    # pair names the same API, error code and version; other slots differ.
    form = rng.randrange(len(ZH_QUESTIONS))
    zh_q = _fill(ZH_QUESTIONS[form], streams["zh"], topic, rare)
    en_q = _fill(EN_QUESTIONS[form], streams["en"], topic, rare)
    paragraphs = [[rng.randrange(len(ZH_SENTENCES)) for _ in range(rng.randint(2, 4))]]
    if rng.random() < 0.25:
        paragraphs.append([rng.randrange(len(ZH_SENTENCES)) for _ in range(rng.randint(1, 2))])
    zh_a = ["".join(_fill(ZH_SENTENCES[s], streams["zh"], topic, rare) for s in forms) for forms in paragraphs]
    en_a = [" ".join(_fill(EN_SENTENCES[s], streams["en"], topic, rare) for s in forms) for forms in paragraphs]
    qid = f"p{page:03d}-q{number:03d}-{_slug(en_q)}".rstrip("-")
    zh = f"## Q: {zh_q} {{#{qid}}}\n\nA: " + "\n\n".join(zh_a)
    en = f"## Q: {en_q} {{#{qid}}}\n\nA: " + "\n\n".join(en_a)
    return zh + "\n\n<br/>\n", en + "\n\n<br/>\n"


def _asked(markdown: str) -> str:
    """A question's words, without case, width, punctuation or markup: two questions
    alike in these would be one to the build (a repeat, or the same legacy anchor)."""
    heading = markdown.split("\n", 1)[0].rsplit(" {#", 1)[0]
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", heading).casefold())


#: Pages per nav section, and sections per section: a large FAQ is organised
#: in sections, and Material (navigation.prune in mkdocs.yml) then renders in
#: each page the sections along its path and their entries, about
#: SECTION x depth, not every page of the site, which would make the build
#: grow faster than the site.
SECTION = 10


def page_path(page: int, pages: int) -> str:
    """Where page number *page* of a site of *pages* lives under docs/, without
    '.md': faq-537 in part-5/part-53/ on a site of 1,000 pages."""
    width = len(str(max(pages - 1, 0)))
    digits = f"{page:0{width}d}"
    folders = [f"part-{digits[:n]}" for n in range(1, width)] if pages > SECTION else []
    return "/".join([*folders, f"faq-{page:03d}"])


def generate(out: Path, pages: int, questions: int, seed: int = 2026) -> Path:
    """Write the docs tree; returns OUT/docs."""
    rng = random.Random(seed)
    vocabulary = load()
    streams = {lang: Stream(lang, getattr(vocabulary, lang), vocabulary, rng) for lang in ("zh", "en")}
    by_page: dict[str, list[Topic]] = {}
    for topic in vocabulary.topics:
        by_page.setdefault(topic.page, []).append(topic)
    real_pages = sorted(by_page)
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# MindSpore 常见问题\n\n基准测试语料：{pages} 页，每页 {questions} 个问题。\n", encoding="utf-8")
    (docs / "index.en.md").write_text(f"# MindSpore FAQ\n\nBenchmark corpus: {pages} pages of {questions} questions.\n", encoding="utf-8")
    for page in range(pages):
        topics = by_page[real_pages[page % len(real_pages)]]
        pairs, asked = [], set()
        for n in range(questions):
            # A page asks each question once (the build refuses a repeat).
            while True:
                pair = question(rng, streams, topics[rng.randrange(len(topics))], page, n)
                seen = tuple(_asked(text) for text in pair)
                if not asked.intersection(seen):
                    break
            asked.update(seen)
            pairs.append(pair)
        where = docs / page_path(page, pages)
        where.parent.mkdir(parents=True, exist_ok=True)
        where.with_name(where.name + ".md").write_text(f"# 常见问题 {page + 1}\n\n" + "\n".join(zh for zh, _ in pairs), encoding="utf-8")
        where.with_name(where.name + ".en.md").write_text(f"# FAQ {page + 1}\n\n" + "\n".join(en for _, en in pairs), encoding="utf-8")
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--questions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(generate(args.out, args.pages, args.questions, args.seed))


if __name__ == "__main__":
    main()
