"""Search with no dead ends (issue 20): what must hold for every input.

On the built seed site, both languages, in the worker's own code given every
shard of the index (tests/search_eval.py: check_invariants): every question's
own text finds it in the top 3; every synonym word that occurs in the site
finds something; every index term alone finds something. On the index in
Python: a query made of index terms, typed with no spaces, always reads as
words that reach an index term. The whole FAQ's are in tests/test_corpus.py.
"""

from __future__ import annotations

import re

import pytest
from faqlib import sounds
from faqlib.search import parse_shard, read_folder
from faqlib.tokenizer import CJK, STOP_WORDS, query_words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.browser import ask_worker, open_search, search, worker_page
from tests.conftest import LANGS, ROOT, lang_root
from tests.search_eval import check_invariants


def reached(query: str, vocabulary: set[str], segment: set[str], parts: dict[str, list[str]]) -> list[str]:
    """The index terms a query's words reach, as the worker reads it: a word
    of the index itself, a word the index lacks its parts (index.data.parts)."""
    terms = []
    for word, _, _ in query_words(query, vocabulary | segment):
        terms += [word] if word in vocabulary else parts.get(word, [])
    return terms


@pytest.fixture(scope="module")
def indexes(site):
    found = {}
    for lang in LANGS:
        index = read_folder(lang_root(site, lang) / "search")
        terms = {t for name, text in index.files.items() if name.startswith("d-") for t in parse_shard(text)[2][0]}
        found[lang] = (terms, set(index.base["segment"]), index.base["parts"])
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_the_worker_may_read_and_the_index_lacks_has_its_parts(indexes, lang):
    """A synonym's word that the query segmenter keeps whole (硬件支持) and
    that holds an index term counts as those terms."""
    terms, segment, parts = indexes[lang]
    assert parts["硬件支持"] == ["硬件", "支持"]
    for word in segment:
        inside = [t for t in terms if len(t) > 1 and t in word and t != word]
        assert not inside or parts.get(word), word


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_query_of_index_terms_typed_together_reaches_the_index(indexes, data):
    """Any run of the index's Chinese words and the synonyms' words that hold
    some (硬件支持), typed with no space between them, reads as words of which
    one reaches the index."""
    lang = data.draw(st.sampled_from(LANGS))
    terms, segment, parts = indexes[lang]
    chinese = sorted(t for t in terms | set(parts) if re.fullmatch(CJK, t) and len(t) > 1 and t not in STOP_WORDS)
    words = data.draw(st.lists(st.sampled_from(chinese), min_size=1, max_size=4))
    query = "".join(words)
    assert reached(query, terms, segment, parts), (query, query_words(query, terms | segment))


@pytest.mark.parametrize("lang", LANGS)
def test_invariants_in_the_workers_own_code(site, page, lang):
    found = check_invariants(site, lang, page, ROOT / "docs" / "synonyms.yml")
    assert found.questions == 24 and found.own_text_missed == []
    assert found.synonyms > 100 and found.synonyms_empty == []
    assert found.terms > 400 and found.terms_empty == []


def test_a_synonym_word_of_a_heading_finds_it_over_http(http_site, page):
    """The measured dead end: 硬件支持, the literal wording of a heading, typed
    into Material's box (over http: from disk is the loader's)."""
    page.goto(f"{http_site}feature_advice.html")
    open_search(page)
    for query in ("硬件支持", "硬件要求", "需要什么硬件"):
        result = search(page, query)
        assert result["hrefs"] and result["hrefs"][0].endswith("#hardware-requirements"), (query, result)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chinese_word_can_be_reached_by_its_sound(site, lang):
    """y-<syllable>.js lists each Chinese word under the sound the word is read
    with, and the base gives each of its characters that syllable among its
    sounds: a word typed with one homophone in it can reach the word meant."""
    index = read_folder(lang_root(site, lang) / "search")
    shards = {name: parse_shard(text) for name, text in index.files.items()}
    readings = sounds.readings(index.base["sounds"]["chars"])
    listed = 0
    for first in index.base["sounds"]["heads"]:
        for sound, words in shards[f"y-{first}.js"][2].items():
            assert sound.split("-")[0] == first
            for word in words:
                listed += 1
                for char, syllable in zip(word, sound.split("-"), strict=True):
                    assert char not in readings or syllable in readings[char], (word, sound, char, readings[char])
    assert listed > (300 if lang == "zh" else 50)  # English: the Chinese words of its questions


@pytest.mark.parametrize("lang", LANGS)
def test_a_homophone_typo_finds_the_word_meant(site, page, lang):
    """A pinyin input method's typo (节 for 截: jie) finds the question of the
    word meant, in the worker's own code; the words of the query stay its own
    (the typo stands in, it is not read as the query)."""
    worker_page(page, site)
    typo, meant = ask_worker(page, lang_root(site, lang) / "search", ["梯度节断", "梯度截断"])
    assert typo["results"][0][0].endswith("#gradient-clipping"), typo["results"][:3]
    assert meant["results"][0][0].endswith("#gradient-clipping")
    assert [w[0] for w in typo["words"]] == ["梯度", "节", "断"]


def test_a_word_of_the_family_finds_the_texts_form_and_its_synonyms(site, page):
    """English makes words of words by suffixes: 'distribution' is not in the
    English text, 'distributed' is (stem distribut), and is in the group of
    parallel (docs/synonyms.yml). The reader's form finds both, through the
    worker's family(); a word the index has is not read as another."""
    en = lang_root(site, "en")
    worker_page(page, site)
    family, own = ask_worker(page, en / "search", ["distribution", "parallel"])
    assert family["words"] == [["distribution", 0, 12]]  # the reader's word as read: the family stands in
    found = [url.rsplit("#", 1)[1] for url, _ in family["results"]]
    assert {"parallel-training", "auto-parallel"} <= set(found[:3]), found  # through distribut(ed) -> parallel
    assert found[:2] == [url.rsplit("#", 1)[1] for url, _ in own["results"][:2]]
