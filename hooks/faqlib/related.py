"""Related questions: under each answer, the questions of the same language
that share the most weighted terms with it, computed at build time.

The terms are the search index's own (faqlib/search.py's Analysis, from the
tokenizer contract), so "related" means what search means by a match. Each
question is a vector of its terms, each weighted by its idf (rare terms tell
more) and by where it is (a word of the question counts QUESTION_WEIGHT answer
mentions; answer mentions 1 + log tf). Two questions are as related as the
cosine of their vectors. A question links to at most LIMIT others, best
first, and only to those at least MIN_SIMILARITY alike: a question with no
good match gets none, rather than three weak ones.

The page shows them as links by id (insert_links), and faq.json lists their ids.
"""

from __future__ import annotations

import html as html_module
import math
import posixpath
import re
from array import array
from collections.abc import Iterator, Mapping, Sequence

from .search import Analysis

#: Links under an answer, at most.
LIMIT = 3
#: How alike two questions must be (cosine of their weighted terms, 0 to 1).
MIN_SIMILARITY = 0.2
#: A word of the question counts this many answer mentions.
QUESTION_WEIGHT = 3.0
#: A single ideograph is part of a word more often than a word: it counts half.
CHAR_WEIGHT = 0.5
#: Terms in more questions than this find no neighbours: they are everywhere,
#: weigh little, and their pairs cost time quadratic in their questions. Their
#: weight still counts in a question's length.
MAX_SHARED = 200
#: Up to this many questions, every term of a question (held by at most
#: MAX_SHARED) finds its neighbours, and the score is their exact cosine.
#: Above, a question looks through its PROBES weightiest terms held by at
#: most LARGE_SHARED questions, and scores what those share: every term
#: through every holder cost 45 s at 10,000 questions and hours at 100,000
#: (pure Python); this is linear in the questions.
EXACT_UP_TO = 2000
PROBES = 8
LARGE_SHARED = 50

_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def vectors(found: Analysis) -> Iterator[dict[int, float]]:
    """Each question's terms (by number) and weights, normalised to length 1, one at a time."""
    docs = len(found)
    df = [0] * len(found.vocabulary)
    for doc in range(docs):
        terms = set(found.title[found.title_at[doc]:found.title_at[doc + 1]])
        terms.update(found.body[found.body_at[doc]:found.body_at[doc + 1]])
        for t in terms:
            df[t] += 1
    idf = [math.log(1 + docs / n) if n else 0.0 for n in df]
    char = [CHAR_WEIGHT if len(t) == 1 and _CJK_CHAR.match(t) else 1.0 for t in found.vocabulary]
    for doc in range(docs):
        weights: dict[int, float] = {}
        at, end = found.body_at[doc], found.body_at[doc + 1]
        for t, tf in zip(found.body[at:end], found.body_tf[at:end]):
            weights[t] = 1 + math.log(tf)
        for t in found.title[found.title_at[doc]:found.title_at[doc + 1]]:
            weights[t] = weights.get(t, 0.0) + QUESTION_WEIGHT
        weights = {t: w * idf[t] * char[t] for t, w in weights.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        yield {t: w / norm for t, w in weights.items()}


def related(found: Analysis, limit: int = LIMIT, threshold: float = MIN_SIMILARITY) -> list[list[int]]:
    """For each question (by number), the numbers of its related questions, best first."""
    docs = len(found)
    exact = docs <= EXACT_UP_TO
    common = MAX_SHARED if exact else LARGE_SHARED
    # The vectors packed in arrays (each question's terms and weights, in its
    # vector's order), and each term's holders with their weight for it: at
    # 100,000 questions a dict and a float object per weight took some 180 MB
    # more, at the moment the build holds the most (README, Performance).
    terms, weights, starts = array("I"), array("d"), array("I", [0])
    holders: dict[int, tuple[array, array]] = {}
    for doc, vec in enumerate(vectors(found)):
        for t, w in vec.items():
            terms.append(t)
            weights.append(w)
            if (held := holders.get(t)) is None:
                held = holders[t] = (array("I"), array("d"))
            held[0].append(doc)
            held[1].append(w)
        starts.append(len(terms))
    out = []
    for doc in range(docs):
        at, end = starts[doc], starts[doc + 1]
        probes = [(t, w) for t, w in zip(terms[at:end], weights[at:end]) if len(holders[t][0]) <= common]
        if not exact:
            probes = sorted(probes, key=lambda tw: (-tw[1], tw[0]))[:PROBES]
        scores: dict[int, float] = {}
        for t, w in probes:
            others, theirs = holders[t]
            for other, weight in zip(others, theirs):
                if other != doc:
                    scores[other] = scores.get(other, 0.0) + w * weight
        best = sorted((other for other, s in scores.items() if s >= threshold), key=lambda o: (-scores[o], o))
        out.append(best[:limit])
    return out


# ------------------------------------------------------------------ the page

#: The block's heading, in the reader's language (others: English).
TITLES = {"zh": "相关问题", "en": "Related questions"}
#: Its class, for the stylesheet (hidden on paper: docs/assets/stylesheets/faq.css).
CLASS = "faq-related"


def title(lang: str) -> str:
    return TITLES.get(lang, TITLES["en"])


def block(lang: str, links: Sequence[tuple[str, str]]) -> str:
    """The related questions under one answer: (href, question text) each."""
    items = "".join(f'<li><a href="{html_module.escape(href)}">{html_module.escape(text)}</a></li>' for href, text in links)
    return f'<div class="{CLASS}"><p class="{CLASS}-title">{title(lang)}</p><ul>{items}</ul></div>\n'


def href(from_page: str, to_page: str, qid: str) -> str:
    """A link from the page at *from_page* to question *qid* of *to_page* (site-root urls)."""
    if from_page == to_page:
        return f"#{qid}"
    start = posixpath.dirname(from_page) or "."
    return f"{posixpath.relpath(to_page, start)}#{qid}"


_HEADING = re.compile(r"<h([1-6])\b[^>]*>", re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]*)"')


def insert_links(page_html: str, blocks: Mapping[str, str]) -> str:
    """*page_html* with each block of *blocks* (by question id) placed at the
    end of that question's answer: before the next heading of its level or
    higher, or at the end of the page."""
    headings = [(m.start(), int(m.group(1)), (_ID.search(m.group(0)) or [None, ""])[1]) for m in _HEADING.finditer(page_html)]
    inserts: list[tuple[int, str]] = []
    for n, (_, level, qid) in enumerate(headings):
        if qid not in blocks:
            continue
        end = next((start for start, other, _ in headings[n + 1:] if other <= level), len(page_html))
        inserts.append((end, blocks[qid]))
    for at, text in sorted(inserts, key=lambda i: i[0], reverse=True):
        page_html = page_html[:at] + text + page_html[at:]
    return page_html
