"""The benchmark's corpus generator and configurations (benchmarks/)."""

from __future__ import annotations

import json

from benchmarks.configs import ROOT, make_project, ours, plain
from benchmarks.generate import generate
from faqlib.reader import read_markdown

from tests.conftest import build_here


def test_generator_is_deterministic(tmp_path):
    a = generate(tmp_path / "a", pages=2, questions=30)
    b = generate(tmp_path / "b", pages=2, questions=30)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
    assert generate(tmp_path / "c", pages=2, questions=30, seed=7).joinpath("faq-000.md").read_bytes() != (a / "faq-000.md").read_bytes()


def test_generated_corpus_passes_our_checks_and_builds(tmp_path):
    docs = generate(tmp_path / "corpus", pages=3, questions=40)
    zh = [read_markdown(p.read_text(encoding="utf-8")) for p in sorted(docs.glob("*.md")) if not p.name.endswith(".en.md") and p.name != "index.md"]
    en = [read_markdown(p.read_text(encoding="utf-8")) for p in sorted(docs.glob("*.en.md")) if p.name != "index.en.md"]
    assert len(zh) == len(en) == 3
    assert not any(page.findings for page in zh + en)
    assert [q.id for p in zh for q in p.questions] == [q.id for p in en for q in p.questions]
    project = make_project(tmp_path / "ours", docs, "ours")
    result = build_here(project, tmp_path / "out")
    assert result.ok, result.log[-3000:]
    for root in (tmp_path / "out", tmp_path / "out" / "en"):
        assert len(json.loads((root / "faq.json").read_text(encoding="utf-8"))["questions"]) == 120


def test_plain_config_is_ours_without_our_changes():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "nav:" not in ours(text) and "hooks/search_index.py" in ours(text)
    bare = plain(text)
    for gone in ("hooks:", "custom_dir", "reconfigure_search: false", "extra_javascript", "faq.css", "nav:"):
        assert gone not in bare
    assert "  - offline\n" in bare and "iframe-worker-1.0.4/shim.js" in bare
    assert bare.index("  - i18n:") < bare.index("  - offline")
