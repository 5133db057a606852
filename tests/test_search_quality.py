"""Search quality targets, measured in Chromium from file:// on the built site:
recall@3 >= 0.95 and recall@1 >= 0.85 per language, on the dev set and on our
held-out set (tests/data/queries-heldout.tsv, never used for tuning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.search_eval import evaluate, read_queries

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": ROOT.parent / "shared" / "eval" / "queries-dev.tsv",
    "heldout": ROOT / "tests" / "data" / "queries-heldout.tsv",
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_recall_targets(site, browser, name):
    if not SETS[name].is_file():
        pytest.fail(f"missing query set {SETS[name]}")
    context = browser.new_context()
    try:
        reports = evaluate(site, read_queries(SETS[name]), context.new_page)
    finally:
        context.close()
    assert set(reports) == {"zh", "en"}
    for report in reports.values():
        assert report.total >= 15
        assert report.recall3 >= 0.95, (report.lang, report.misses)
        assert report.recall1 >= 0.85, (report.lang, report.misses)
