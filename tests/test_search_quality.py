"""Search quality, measured in Chromium from file:// on the built site, in one pass
per language over every query set:

- the dev set and our held-out set (tests/data/queries-heldout.tsv, never used
  for tuning): recall@3 >= 0.95 and recall@1 >= 0.85 per language;
- our set by kind (tests/data/queries-kinds.tsv: Traditional Chinese, the
  reader's words, typos, the other language, natural questions): recall@3 >=
  0.95 and recall@1 >= 0.75 per language, floors under what it measures today
  (README: Search), so a change that loses ground fails.
"""

from __future__ import annotations

from pathlib import Path

from tests.search_eval import Query, evaluate, read_queries

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": (ROOT.parent / "shared" / "eval" / "queries-dev.tsv", 0.85),
    "heldout": (ROOT / "tests" / "data" / "queries-heldout.tsv", 0.85),
    "kinds": (ROOT / "tests" / "data" / "queries-kinds.tsv", 0.75),
}


def test_recall_targets(site, browser):
    queries: list[Query] = []
    for name, (path, _) in SETS.items():
        assert path.is_file(), f"missing query set {path}"
        queries += [Query(q.lang, q.text, q.expected, f"{name}:{q.kind}") for q in read_queries(path)]
    context = browser.new_context()
    try:
        reports = evaluate(site, queries, context.new_page)
    finally:
        context.close()
    assert set(reports) == {"zh", "en"}
    for report in reports.values():
        for name, (_, floor) in SETS.items():
            kinds = [v for k, v in report.kinds.items() if k.startswith(name + ":")]
            total, top1, top3 = (sum(v[i] for v in kinds) for i in range(3))
            misses = [m for m in report.misses if f"[{name}:" in m]
            assert total >= 15, (report.lang, name)
            assert top3 / total >= 0.95, (report.lang, name, misses)
            assert top1 / total >= floor, (report.lang, name, misses)
