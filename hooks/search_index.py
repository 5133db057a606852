"""Write each language's search index, for Material's search box and our worker.

Material's search UI stays (box, result list, keyboard, ?h= highlighting); what
it searches is replaced: its lunr index merges both languages (static-i18n),
is built in the reader's browser on every visit and cannot segment unspaced
Chinese. Here each language root gets search/search_index.json (http) and
search/search_index.js (file://, what Material's offline plugin would write),
the base of a sharded index built from the question model, plus its shard
files (faqlib/search.py says which); overrides/main.html points Material's
config at the language root and at docs/assets/javascripts/faq-search-worker.js.

Each index also holds the other language's words (faqlib/search.py), so the
indexes are written when every language has been read: at the end of the
outermost build. The costly step, tokenizing, starts per language as soon as
its pages are converted, on another core for large sites.

Material's own indexing is switched off page by page (it would be thrown
away), and static-i18n's search merging with it (reconfigure_search: false in
mkdocs.yml): that step compares every entry of one language with every entry
of the other, quadratic in the number of questions.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from faqlib import background, hant, setup, synonyms
from faqlib.layout import SEARCH_FOLDER, unpublished
from faqlib.model import Problem
from faqlib.search import Row, analyze, build_index, index_file_text
from faqlib.upstream import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search_index")
TASK = "search_index"
#: Below this, starting a process (and jieba in it) costs more than the
#: tokenizing it would take off this one.
BACKGROUND_MIN_QUESTIONS = 1000


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The synonyms file is read by this hook, not published as a page asset."""
    return unpublished(files, synonyms.FILE)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Exclude the page from Material's own index before it is built: ours replaces it."""
    material.exclude_from_search(page)
    return markdown


# After faq_model (100) has checked the model.
@event_priority(50)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """This language's questions are known: start tokenizing them (on another core
    when there are many) while MkDocs writes the pages and builds the next language."""
    state = setup.site_state(config)
    language = state.current()
    titles = {page.url: page.title for page in language.in_order()}
    rows = [Row(url, titles.get(language.root + url, ""), q.id, q.question, q.answer) for url, q in language.rows()]
    texts = [(row.question, row.answer) for row in rows]
    if len(rows) < BACKGROUND_MIN_QUESTIONS:
        task = background.Task(analyze, (texts,), None)  # computed when written
    else:
        task = background.submit(analyze, texts)
    state.pending[TASK, language.code] = (rows, task)
    return env


# After static-i18n (-100), which builds the other languages inside the
# default language's post_build; before faq_model (-1000) leaves the build.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Every language is read once the outermost build ends: write all indexes."""
    state = setup.site_state(config)
    if len(state.building) != 1:
        return  # an inner language: the outermost build writes its index
    done = {key[1]: state.pending.pop(key) for key in list(state.pending) if key[0] == TASK}
    analyses = {}
    for code, (rows, task) in done.items():
        try:
            analyses[code] = task.result()
        except Exception as err:  # noqa: BLE001 - whatever failed in the other process
            raise PluginError(f"building the '{code}' search index failed: {err}") from err

    groups, problems = synonyms.read(Path(config.docs_dir, synonyms.FILE))
    vocabularies = {code: set(found.vocabulary) for code, found in analyses.items()}
    everywhere = set().union(*vocabularies.values())
    if not state.incomplete:  # an unreadable page's words are missing, not unused
        problems += synonyms.unused(groups, lambda word: synonyms.occurs(word, everywhere))
    for problem in sorted(set(problems)):
        state.report(log, str(problem))

    for code, (rows, _) in done.items():
        # The other languages' question terms, by question id.
        theirs: dict[str, list[str]] = {}
        for other, (other_rows, _) in done.items():
            if other != code:
                theirs.update((row.id, analyses[other].question_terms(doc)) for doc, row in enumerate(other_rows))
        vocabulary = vocabularies[code] | {t for terms in theirs.values() for t in terms}
        index = build_index(
            code, rows, analyses[code], theirs,
            t2s=hant.table_for(vocabulary),
            synonyms=synonyms.compiled(groups, lambda word: synonyms.occurs(word, vocabulary)),
        )
        folder = Path(config.site_dir, state.languages[code].root, SEARCH_FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        text = index_file_text(index)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        (folder / "search_index.js").write_text(material.index_js(text), encoding="utf-8")
        for name, content in index.files.items():
            (folder / name).write_text(content, encoding="utf-8")
