"""Run a query file against the built site in Chromium from file:// (or http).

    python -m tests.search_eval [QUERIES.tsv] [--site site] [--http] [--synonyms docs/synonyms.yml]

Prints recall@1 and recall@3 per language, every miss, and the time from the
last keystroke until results show; then the search's invariants (issue 20),
in the worker's own code over every shard of the index: every question's own
text finds it in the top 3; every synonym word that occurs in the site finds
something; every index term alone finds something. The file format is that of
../shared/eval/queries-dev.tsv: lang, query, expected question numbers (in
reading order, from 1) or question ids, and an optional kind.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import ask_worker, chromium_path, launch, open_search, search, serve, worker_page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from faqlib import synonyms as synonyms_file  # noqa: E402
from faqlib.search import parse_shard  # noqa: E402


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expected: tuple[int | str, ...]  # question numbers from 1, or ids
    kind: str = "-"


@dataclass
class Report:
    lang: str
    total: int = 0
    top1: int = 0
    top3: int = 0
    misses: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    kinds: dict[str, list[int]] = field(default_factory=dict)  # kind -> [total, top1, top3]

    @property
    def recall1(self) -> float:
        return self.top1 / self.total if self.total else 0.0

    @property
    def recall3(self) -> float:
        return self.top3 / self.total if self.total else 0.0


def read_queries(path: Path) -> list[Query]:
    """Queries of a TSV file (comments start with '#')."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, text, expected, *kind = line.split("\t")
        answers = tuple(int(a) if a.strip().isdigit() else a.strip() for a in expected.split(","))
        queries.append(Query(lang.strip(), text.strip(), answers,
                             kind[0].strip() if kind else "-"))
    return queries


def question_ids(site: Path, lang: str) -> list[str]:
    """Ids of a language's questions in page order, from its faq.json."""
    root = site if lang == "zh" else site / lang
    return [q["id"] for q in json.loads((root / "faq.json").read_text(encoding="utf-8"))["questions"]]


def evaluate(site: Path, queries: list[Query], page, page_name: str = "feature_advice.html",
             typed: bool = True, base_url: str | None = None) -> dict[str, Report]:
    """Run every query of each language in *page* (a tab): typed into Material's
    search box on a FAQ page of the language (*typed*, timed; from disk, or
    from *base_url* where *site* is served), or straight to our worker with
    every file of the index at hand (worker_page)."""
    reports: dict[str, Report] = {}
    if not typed:
        worker_page(page, site)  # one for every language: each index is handed over whole
    for lang in sorted({q.lang for q in queries}):
        ids = question_ids(site, lang)
        root = site if lang == "zh" else site / lang
        mine = [q for q in queries if q.lang == lang]
        prefix = "" if lang == "zh" else f"{lang}/"
        if typed:
            page.goto(f"{base_url}{prefix}{page_name}" if base_url else (root / page_name).resolve().as_uri())
            open_search(page)
            results = []
            for query in mine:
                result = search(page, query.text)
                results.append(([href.rsplit("#", 1)[-1] for href in result["hrefs"]], result["ms"]))
        else:
            answers = ask_worker(page, root / "search", [q.text for q in mine], top=3)
            results = [([url.rsplit("#", 1)[-1] for url, _ in answer["results"]], None) for answer in answers]
        report = reports.setdefault(lang, Report(lang))
        for query, (anchors, ms) in zip(mine, results, strict=True):
            expected = {ids[n - 1] if isinstance(n, int) else n for n in query.expected}
            if unknown := expected - set(ids):
                raise ValueError(f"{query.text!r} expects {sorted(unknown)}, which the site does not have")
            report.total += 1
            if ms is not None:
                report.times.append(ms)
            top1, top3 = bool(anchors[:1] and anchors[0] in expected), bool(expected & set(anchors[:3]))
            report.top1 += top1
            report.top3 += top3
            kind = report.kinds.setdefault(query.kind, [0, 0, 0])
            kind[0], kind[1], kind[2] = kind[0] + 1, kind[1] + top1, kind[2] + top3
            if not anchors[:1] or anchors[0] not in expected:
                report.misses.append(f"[{query.kind}] {query.text!r}: expected {sorted(expected)}, got {anchors[:3]}")
    return reports


@dataclass
class Invariants:
    """What must hold for every input of its kind (issue 20), and what broke it."""

    lang: str
    questions: int = 0
    own_text_missed: list[str] = field(default_factory=list)  # a question its own text does not find in the top 3
    synonyms: int = 0  # group words that occur in the site
    synonyms_empty: list[str] = field(default_factory=list)  # of those, the ones that find nothing
    terms: int = 0
    terms_empty: list[str] = field(default_factory=list)


def check_invariants(site: Path, lang: str, page, synonyms_path: Path, every_term: int = 1) -> Invariants:
    """The invariants of one language's index, in the worker's own code, spoken
    to in its protocol with every file at hand (tests/browser.py, WORKER); the
    index terms: every one, or each *every_term*-th in sorted order, asked in
    *page* (a tab, left on worker_page)."""
    root = site if lang == "zh" else site / lang
    questions = json.loads((root / "faq.json").read_text(encoding="utf-8"))["questions"]
    vocabulary = {t for p in (root / "search").glob("d-*.js") for t in parse_shard(p.read_text(encoding="utf-8"))[2][0]}
    terms = sorted(vocabulary)[::every_term]
    groups, _ = synonyms_file.read(synonyms_path)
    words = sorted({w for g in groups for w in g.words if synonyms_file.occurs(w, vocabulary)})
    found = Invariants(lang, len(questions), synonyms=len(words), terms=len(terms))
    worker_page(page, site)
    answers = ask_worker(page, root / "search", [q["question"] for q in questions] + words + terms, top=3)
    own, answers = answers[: len(questions)], answers[len(questions):]
    for question, answer in zip(questions, own, strict=True):
        if question["id"] not in [url.rsplit("#", 1)[-1] for url, _ in answer["results"][:3]]:
            found.own_text_missed.append(question["question"])
    found.synonyms_empty = [w for w, answer in zip(words, answers[: len(words)], strict=True) if not answer["total"]]
    found.terms_empty = [t for t, answer in zip(terms, answers[len(words):], strict=True) if not answer["total"]]
    return found


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="?", default="../shared/eval/queries-dev.tsv")
    parser.add_argument("--site", default="site")
    parser.add_argument("--http", action="store_true", help="serve the site over http on loopback and search there")
    parser.add_argument("--synonyms", default="docs/synonyms.yml",
                        help="the site's synonyms file, for the invariants (default docs/synonyms.yml)")
    args = parser.parse_args(argv)
    site = Path(args.site).resolve()
    if not (site / "faq.json").is_file():
        print(f"no built site at {site}: run `make site` first", file=sys.stderr)
        return 2
    if chromium_path() is None:
        print("Chromium not found: install Debian's chromium or set $CHROMIUM", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    queries = read_queries(Path(args.queries))
    with sync_playwright() as playwright, launch(playwright) as browser, contextlib.ExitStack() as stack:
        base_url = stack.enter_context(serve(site)) if args.http else None
        page = browser.new_context().new_page()
        reports = evaluate(site, queries, page, base_url=base_url)
        invariants = [check_invariants(site, lang, page, Path(args.synonyms)) for lang in sorted(reports)]
    print(f"queries: {args.queries} against {site} (Chromium, {'http' if args.http else 'file://'})")
    for report in reports.values():
        print(
            f"{report.lang}: {report.total} queries  recall@1 {report.recall1:.2f}  recall@3 {report.recall3:.2f}  "
            f"results shown after the last keystroke: median {statistics.median(report.times):.0f} ms, "
            f"p95 {percentile(report.times, 95):.0f} ms, max {max(report.times):.0f} ms"
        )
        for kind, (total, top1, top3) in sorted(report.kinds.items()):
            print(f"  {kind:12} {total:3} queries  recall@1 {top1 / total:.2f}  recall@3 {top3 / total:.2f}")
        for miss in report.misses:
            print(f"  miss@1 {miss}")
    for found in invariants:
        print(f"{found.lang} invariants: own text in the top 3 {found.questions - len(found.own_text_missed)}/{found.questions}"
              f"  synonym words of the site that find something {found.synonyms - len(found.synonyms_empty)}/{found.synonyms}"
              f"  index terms that find something {found.terms - len(found.terms_empty)}/{found.terms}")
        for text in found.own_text_missed:
            print(f"  own text not in the top 3: {text!r}")
        for word in found.synonyms_empty + found.terms_empty:
            print(f"  finds nothing: {word!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
