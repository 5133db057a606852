"""The benchmark's corpus generator and configurations (benchmarks/)."""

from __future__ import annotations

import json
import re

from benchmarks import vocabulary
from benchmarks.configs import ROOT, make_project, ours, plain
from benchmarks.generate import generate
from faqlib.reader import read_markdown
from faqlib.tokenizer import tokenize



def test_generator_is_deterministic(tmp_path):
    a = generate(tmp_path / "a", pages=2, questions=30)
    b = generate(tmp_path / "b", pages=2, questions=30)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
    assert generate(tmp_path / "c", pages=2, questions=30, seed=7).joinpath("faq-000.md").read_bytes() != (a / "faq-000.md").read_bytes()


def test_generated_corpus_passes_our_checks(tmp_path):
    """The build's own reader (faqlib.reader) finds every question, with no finding and the
    same ids in both languages. Not built here (seconds): `make bench` builds strictly."""
    docs = generate(tmp_path / "corpus", pages=3, questions=40)
    zh = [read_markdown(p.read_text(encoding="utf-8")) for p in sorted(docs.glob("faq-*[0-9].md"))]
    en = [read_markdown(p.read_text(encoding="utf-8")) for p in sorted(docs.glob("faq-*.en.md"))]
    assert len(zh) == len(en) == 3
    assert not any(page.findings for page in zh + en)
    assert [q.id for p in zh for q in p.questions] == [q.id for p in en for q in p.questions]
    assert len([q for p in zh for q in p.questions]) == 120
    assert all(q.question and q.answer for p in zh + en for q in p.questions)


def test_plain_config_is_ours_without_our_changes():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "nav:" not in ours(text) and "hooks/search_index.py" in ours(text)
    bare = plain(text)
    for gone in ("hooks:", "custom_dir", "reconfigure_search: false", "extra_javascript", "faq.css", "nav:"):
        assert gone not in bare
    assert "  - offline\n" in bare and "iframe-worker-1.0.4/shim.js" in bare
    assert bare.index("  - i18n:") < bare.index("  - offline")


def test_word_lists_are_current():
    """benchmarks/data/vocabulary.json is what the corpus gives today (python -m benchmarks.vocabulary)."""
    data = json.loads(vocabulary.DATA.read_text(encoding="utf-8"))
    assert data["key"] == vocabulary._key(), "stale: run python -m benchmarks.vocabulary"
    words = vocabulary.load()
    assert len(words.topics) > 100 and len(words.zh.nouns) > 500 and len(words.en.nouns) > 500
    assert "算子" in words.zh.nouns[:10] and "use" in words.en.verbs[:5]
    assert 0.5 < words.zh.heaps_beta < 0.9 and 0.5 < words.en.heaps_beta < 0.9


def _terms(docs, pattern):
    return {t for path in docs.glob(pattern) for t in tokenize(path.read_text(encoding="utf-8"))}


def test_vocabulary_keeps_growing(tmp_path):
    """Twice the questions, clearly more index terms (Heaps' law), in both languages."""
    one = generate(tmp_path / "one", pages=1, questions=60)
    two = generate(tmp_path / "two", pages=2, questions=60)
    for pattern in ("faq-*[0-9].md", "faq-*.en.md"):
        assert len(_terms(two, pattern)) > 1.4 * len(_terms(one, pattern)), pattern


def test_pairs_share_ids_and_rare_tokens(tmp_path):
    docs = generate(tmp_path / "c", pages=1, questions=40)
    zh, en = (docs / "faq-000.md").read_text(encoding="utf-8"), (docs / "faq-000.en.md").read_text(encoding="utf-8")
    ids = re.findall(r"\{#([a-z0-9-]+)\}", zh)
    assert len(ids) == len(set(ids)) == 40 and ids == re.findall(r"\{#([a-z0-9-]+)\}", en)
    # The error codes and API names of a pair come from one draw, in both languages.
    codes = lambda text: set(re.findall(r"E\d{6}|mindspore\.[a-z]+\.[A-Za-z0-9]+", text))
    assert len(codes(zh) & codes(en)) > 0.5 * len(codes(zh) | codes(en))
