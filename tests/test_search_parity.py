"""One tokenizer contract: the worker reads queries exactly as faqlib/tokenizer.py does.

The worker's function runs in a page with a stand-in worker scope, set up with
each language's real index; every dev query and every question of the site
goes through both halves, and the terms (with their offsets) must be equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from faqlib.hant import convert
from faqlib.search import parse_shard, read_folder
from faqlib.tokenizer import CONTRACT, normalize, query_words

from tests.browser import ask_worker, worker_page
from tests.conftest import LANGS, lang_root
from tests.search_eval import read_queries

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = [ROOT.parent / "shared" / "eval" / "queries-dev.tsv", *sorted((ROOT / "tests" / "data").glob("queries-*.tsv"))]

WORDS = [
    "checkpoints", "checkpoint", "clipping", "clip", "exporting", "exported", "export", "devices", "device",
    "quantized", "quantization", "models", "computing", "compute", "supports", "using", "parallel",
    "parallelism", "libraries", "classes", "boxes", "matches", "wishes", "status", "analysis", "glass",
    "running", "stopped", "filled", "buzzing", "np.zeros", "save_checkpoint", "200", "a", "ckpt", "mindir",
    "optimise", "behaviour", "modelling", "centre", "requirements", "deployment", "statement", "enjoyment", "payments",
]
TRADITIONAL = ["梯度截斷", "模型匯出格式", "分散式訓練", "軟體安裝失敗", "記憶體不足", "顯示卡", "著作權"]

def texts(site, lang) -> list[str]:
    questions = json.loads((lang_root(site, lang) / "faq.json").read_text(encoding="utf-8"))["questions"]
    queries = [q.text for path in QUERY_FILES if path.is_file() for q in read_queries(path)]
    return queries + [q["question"] for q in questions] + TRADITIONAL + WORDS


@pytest.mark.parametrize("lang", LANGS)
def test_worker_reads_queries_as_the_tokenizer_does(site, page, lang):
    """Every dev query, every question and some hard words, through the worker's
    own protocol (tests/browser.py WORKER): it reads each as the tokenizer does."""
    folder = lang_root(site, lang) / "search"
    index = read_folder(folder)
    assert index.base["contract"] == CONTRACT  # the worker's rules are the ones shipped
    worker_page(page, site)
    inputs = texts(site, lang) + ["ＯＭ模型 PyNative Ⅻ"]
    assert len(inputs) > 100
    answers = ask_worker(page, folder, inputs, top=0)  # how each is read, not what it finds
    # The worker segments with the index's terms and the synonyms' words.
    dictionaries = [parse_shard(text)[2] for name, text in index.files.items() if name.startswith("d-")]
    vocabulary = {term for terms, _ in dictionaries for term in terms} | set(index.base["segment"])
    for text, answer in zip(inputs, answers, strict=True):
        read = normalize(convert(text, index.base["t2s"]))
        assert answer["read"] == read, text
        assert [tuple(w) for w in answer["words"]] == query_words(read, vocabulary), text


def test_traditional_queries_become_the_simplified_words_of_the_index(site):
    index = json.loads((lang_root(site, "zh") / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert convert("梯度截斷", index["t2s"]) == "梯度截断"
    assert convert("模型匯出格式", index["t2s"]) == "模型导出格式"  # a Taiwan phrase: 匯出 -> 导出
    assert convert("分散式", index["t2s"]) == "分布式"
    assert len(index["t2s"]["chars"][0]) < 1000  # cut down to what this index can use


def test_warming_up_the_worker_leaves_its_answers_as_they_were(site, page):
    """warmUp() ranks a made-up query over made-up shards before the worker is
    ready (faq-search-worker.js); the real shards and caches must come back:
    a worker that warmed up answers as one that did not."""
    folder = lang_root(site, "zh") / "search"
    worker_page(page, site)
    queries = ["mindspore", "模型导出", "gradient clipping", "梯度截斷", "导出", "clipping"]
    cold = [a["results"] for a in ask_worker(page, folder, queries, warm_up=False)]
    assert all(cold), cold  # every query finds something on the seed site
    assert [a["results"] for a in ask_worker(page, folder, queries, warm_up=True)] == cold


# Random queries, as readers might type them: words of the index and of the
# Traditional table, single ideographs, Latin words with dots and
# underscores, digits, full-width forms, punctuation and spaces, mixed.
def _pieces(index) -> list[str]:
    dictionaries = [parse_shard(text)[2] for name, text in index.files.items() if name.startswith("d-")]
    terms = sorted({t for terms, _ in dictionaries for t in terms})
    traditional = list(index.base["t2s"]["chars"][0]) + list(index.base["t2s"]["phrases"])
    return terms[::7] + traditional[::5] + WORDS + TRADITIONAL


@pytest.mark.parametrize("lang", LANGS)
def test_worker_reads_any_query_as_the_tokenizer_does(site, page, lang):
    """A property over random mixed Chinese, Latin, digit and punctuation
    strings: both halves read each the same (hypothesis makes them; one
    batch a worker run, so the browser is asked a few times, not per string)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    folder = lang_root(site, lang) / "search"
    index = read_folder(folder)
    dictionaries = [parse_shard(text)[2] for name, text in index.files.items() if name.startswith("d-")]
    vocabulary = {term for terms, _ in dictionaries for term in terms} | set(index.base["segment"])
    worker_page(page, site)
    glue = st.sampled_from([" ", "", ".", "_", "-", "？", "，", "。", "/", "　", "Ａ", "ｂ", "３", "Ⅻ", "\t"])
    piece = st.one_of(
        st.sampled_from(_pieces(index)),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=3),
        st.from_regex(r"[a-zA-Z]{1,12}([._][a-z0-9]{1,6})?", fullmatch=True),
        st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    )
    query = st.lists(st.tuples(piece, glue), min_size=1, max_size=6).map(lambda parts: "".join(p + g for p, g in parts))

    @settings(max_examples=2, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(query, min_size=120, max_size=120))
    def both_halves_agree(queries):
        for text, answer in zip(queries, ask_worker(page, folder, queries, top=0), strict=True):
            read = normalize(convert(text, index.base["t2s"]))
            assert answer["read"] == read, text
            assert [tuple(w) for w in answer["words"]] == query_words(read, vocabulary), text

    both_halves_agree()


def test_the_worker_stems_by_the_rules_the_index_ships(site, page, tmp_path):
    """Stemming is data (faqlib.tokenizer.STEMMING, in the contract): the
    worker holds no rule of its own. The same index with the final-e step
    taken out of its contract, and 'ies' made 'i', is read by those rules."""
    import shutil

    folder = tmp_path / "search"
    shutil.copytree(lang_root(site, "en") / "search", folder)
    document = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    rules = document["docs"]["contract"]["stemming"]
    assert rules == CONTRACT["stemming"]
    rules["steps"] = [[["ies", "i", 5, False, False], *rules["steps"][0][1:]], rules["steps"][1]]
    (folder / "search_index.json").write_text(json.dumps(document), encoding="utf-8")
    worker_page(page, site)
    shipped, changed = (ask_worker(page, where, ["devices libraries"])[0] for where in (lang_root(site, "en") / "search", folder))
    assert [w[0] for w in shipped["words"]] == ["devic", "library"]
    assert [w[0] for w in changed["words"]] == ["device", "librari"]
