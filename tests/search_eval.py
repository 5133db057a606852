"""Run a query file against the built site in Chromium from file://.

    python -m tests.search_eval [QUERIES.tsv] [--site site]

Prints recall@1 and recall@3 per language, every miss, and the time from the
last keystroke until results show. The file format is that of
../shared/eval/queries-dev.tsv: lang, query, expected question numbers (in
reading order, from 1) or question ids, and an optional kind.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import ask_worker, chromium_path, launch, open_search, search


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


def evaluate(site: Path, queries: list[Query], page_factory, page_name: str = "feature_advice.html",
             typed: bool = True) -> dict[str, Report]:
    """Run every query on a FAQ page of its language, in one browser page per language:
    typed into Material's search box (*typed*, timed), or straight to our worker."""
    reports: dict[str, Report] = {}
    for lang in sorted({q.lang for q in queries}):
        ids = question_ids(site, lang)
        root = site if lang == "zh" else site / lang
        mine = [q for q in queries if q.lang == lang]
        page = page_factory()
        page.goto((root / page_name).resolve().as_uri())
        if typed:
            open_search(page)
            results = []
            for query in mine:
                result = search(page, query.text)
                results.append(([href.rsplit("#", 1)[-1] for href in result["hrefs"]], result["ms"]))
        else:
            answers = ask_worker(page, root / "search", [q.text for q in mine])
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
        page.close()
    return reports


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="?", default="../shared/eval/queries-dev.tsv")
    parser.add_argument("--site", default="site")
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
    with sync_playwright() as playwright, launch(playwright) as browser:
        context = browser.new_context()
        reports = evaluate(site, queries, context.new_page)
    print(f"queries: {args.queries} against {site} (Chromium, file://)")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
