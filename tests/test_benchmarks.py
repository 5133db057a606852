"""The benchmark (benchmarks/): corpus generator, configurations, queries, records, targets, Pagefind pieces, memory."""

from __future__ import annotations

import json
import re
import sys

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
    assert "nav:" not in ours(text) and "hooks/faq.py" in ours(text)
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


# --- the measuring instrument: records, targets, Pagefind pieces, queries, memory ---

from benchmarks import browse, procs, queries, run  # noqa: E402


def _record(size, variant, **figures):
    base = {"build_s": 10.0, "peak_build_mb": 500.0, "search_ready_s": 0.1, "first_query_bytes_http": 100_000,
            "first_query_bytes_http_max": 120_000, "first_query_bytes_http_gzip": 40_000, "query_p95_cold_ms": 50.0,
            "query_p95_warm_ms": 10.0, "longest_task_ms": 60.0, "tab_mb": 200.0}
    return run.record(size, variant, 100, **{**base, **figures})


def test_records_have_every_field_of_the_issue():
    rec = run.record("XL", "pagefind", 100_000, build_s=1.5, notes="x")
    assert list(rec)[:len(run.FIELDS)] == list(run.FIELDS)
    assert rec["size"] == "XL" and rec["questions_per_language"] == 100_000 and rec["build_s"] == 1.5
    assert rec["vocabulary_terms"] is None and rec["query_p95_cold_ms"] is None and rec["notes"] == "x"
    assert set(run.FIELDS) == {
        "size", "variant", "questions_per_language", "build_s", "peak_build_mb", "search_ready_s",
        "first_query_bytes_http", "query_p95_cold_ms", "query_p95_warm_ms", "longest_task_ms", "tab_mb",
        "vocabulary_terms"}
    json.dumps(rec)  # results.json holds it as it is


def test_targets_pass_and_fail_from_the_same_run():
    records = [_record("L", "ours", build_s=20.0), _record("L", "pagefind", first_query_bytes_http_max=150_000),
               _record("XL", "ours", build_s=230.0, query_p95_warm_ms=45.0, first_query_bytes_http_max=140_000)]
    lines = run.targets(records)
    by_name = {line.split(": ")[1]: line.split(":")[0] for line in lines[1:]}
    assert by_name["query p95 warm <= 30 ms"] == "- FAIL"
    assert by_name["query p95 cold <= 80 ms"] == "- PASS"
    assert by_name["XL build <= 10.5x the L build (same run)"] == "- FAIL"  # 230 > 210
    assert by_name["first-query bytes <= Pagefind's at L (http, worst of each)"] == "- PASS"
    assert by_name["peak build memory <= 2 GiB"] == "- PASS"
    assert run.targets(records[:2]) == ["XL targets: not measured (XL not in --sizes)"]
    assert "not measured: first-query bytes <= Pagefind" in "\n".join(run.targets([records[0], records[2]]))
    other_run = [{**r, "run": {"date": "earlier"}} if r["size"] == "L" else r for r in records]
    assert "not measured: XL build <= 10.5x" in "\n".join(run.targets(other_run))
    text = run.table(records + [run.record("XL", "plain", 100_000, notes="not built: extrapolated")])
    assert text.count("\n| ") == 4 and "XL plain: not built" in text


def test_plain_at_xl_is_extrapolated_from_l_and_2l():
    records = [_record("L", "plain", build_s=30.0), _record("2L", "plain", build_s=75.0)]
    note = run.plain_extrapolation(records)
    # time ~ n^1.32: 75 s * 5^1.32 = about 630 s
    assert "extrapolated 6" in note and "over the 10-minute limit" in note
    assert "no L and 2L" in run.plain_extrapolation(records[:1])


def test_pagefind_pieces(tmp_path):
    pins = [line for line in (ROOT / "requirements-bench.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert pins == ["pagefind[extended]==1.5.2", "pagefind-bin-extended==1.5.2"]
    (tmp_path / "en").mkdir()
    browse.pagefind_page(tmp_path)
    zh, en = (tmp_path / "pagefind-search.html").read_text(), (tmp_path / "en" / "pagefind-search.html").read_text()
    assert '<html lang="zh">' in zh and 'src="pagefind/pagefind-ui.js"' in zh and 'href="pagefind/pagefind-ui.css"' in zh
    assert '<html lang="en">' in en and 'src="../pagefind/pagefind-ui.js"' in en
    assert "debounceTimeoutMs: 0" in zh and "0 results for [SEARCH_TERM]" in zh
    assert browse.is_pagefind("/pagefind/index/zh_1.pf_index") and browse.is_pagefind("/en/../pagefind/wasm.en.pagefind")
    assert not browse.is_pagefind("/en/pagefind-search.html")
    assert browse.is_ours("/assets/javascripts/faq-search-worker.js") and browse.is_ours("/en/search/text-3.js")
    assert not browse.is_ours("/assets/javascripts/faq.js") and not browse.is_ours("/en/faq-000.html")
    assert browse.is_plain("/assets/javascripts/workers/search.a7633da7.min.js") and browse.is_plain("/search/search_index.json")
    assert not browse.is_plain("/assets/javascripts/bundle.a5f9d56c.min.js")


def test_queries_are_deterministic_and_of_every_kind(tmp_path):
    docs = generate(tmp_path / "c", pages=2, questions=40)
    first, again = queries.for_site(docs), queries.for_site(docs)
    assert first == again
    zh, en = first["zh"], first["en"]
    assert len(zh) == len(set(zh)) == queries.COUNT and len(en) == len(set(en)) == queries.COUNT
    traditional = set(queries._to_traditional().values()) - set(queries._to_traditional())
    assert any(any(c in traditional for c in q) for q in zh)  # one typed in Traditional characters
    assert any(" " in q for q in en)  # two words
    assert any("." in q or "_" in q for q in zh) and any("." in q or "_" in q for q in en)


def test_vocabulary_terms_counts_todays_index(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"docs": {"terms": {"a": "1", "b": "2"}}}))
    try:
        import faqlib.search as search

        if hasattr(search, "vocabulary_terms"):
            return  # the lead's function counts its own layout; tested with it
    except ImportError:
        pass
    assert run.vocabulary_terms(tmp_path) == 2


def test_build_memory_counts_the_whole_process_tree(tmp_path):
    """A parent and the child it starts, each holding 60 MB at once: the tree's peak is their sum."""
    script = tmp_path / "two.py"
    script.write_text(
        "import subprocess, sys, time\n"
        "hold = 'x = bytearray(60 * 2**20); x[::4096] = b\"1\" * len(x[::4096]); import time; time.sleep(0.25)'\n"
        "child = subprocess.Popen([sys.executable, '-c', hold])\n"
        "x = bytearray(60 * 2**20); x[::4096] = b'1' * len(x[::4096])\n"
        "child.wait()\n")
    measured = procs.run([sys.executable, str(script)], tmp_path)
    assert measured.status == 0 and not measured.timed_out
    assert measured.peak_tree_mb > 120 > measured.peak_single_mb > 60
    assert measured.peak_mb == measured.peak_tree_mb


def test_tab_memory_counts_the_tabs_renderers_not_the_browsers_interface():
    """Chromium 156's renderer for its own user interface (--top-chrome-webui)
    is not the tab's; every other renderer is (its spare one included)."""
    for sep in (b"\0", b" "):  # as started; as Chromium retitles its children (one string)
        flags = sep.join([b"--no-sandbox", b"--lang=en-US", b"--renderer-client-id=6"])
        chromium = b"/usr/lib/chromium/chromium" + sep
        assert procs.is_tab_renderer(chromium + b"--type=renderer" + sep + flags)
        assert not procs.is_tab_renderer(chromium + b"--type=renderer" + sep + b"--top-chrome-webui" + sep + flags)
        assert not procs.is_tab_renderer(chromium + b"--type=gpu-process" + sep + flags)
        assert not procs.is_tab_renderer(chromium + flags)  # the browser process


def test_compare_names_what_got_worse():
    old = [_record("M", "ours", build_s=10.0, tab_mb=200.0), _record("XL", "ours")]
    new = [_record("M", "ours", build_s=10.5, tab_mb=260.0), _record("XL", "ours", build_s=99.0)]
    lines = run.compare(new, old)
    assert "- ok: M build_s: 10.5 (was 10, 1.05x)" in lines
    assert any(line.startswith("- WORSE: M tab_mb: 260") for line in lines)
    assert not any(" XL " in line for line in lines)  # the issue's rule is for S, M and L
