"""The FAQ build of one language, as one pipeline: its stages in the order they run.

hooks/faq.py calls one stage per MkDocs event, and nothing else does:

  begin        on_pre_build    static-i18n has chosen the language: a fresh LanguageState
  read         on_files        where its pages go; refused, unreadable and unpublished sources;
                               the lock (docs/ids.yml); q/<id>.html files MkDocs will know
  order        on_nav          the reading order of pages
  exclude      on_page_markdown  Material's own index skips the page (ours replaces it)
  questions    on_page_content the questions the reader (faqlib/extract.py) found on the page;
                               the page's HTML is parked, compressed (Memory, below)
  checks       on_env          what needs every page of the language (ids, translation, lock)
  page_html    on_env          each page's HTML gets its home lists, related questions and
                               the anchors of old links; the search analysis starts
  page_context on_page_context the page's HTML is back on the page; JSON-LD, the untranslated
                               notice, the language root
  release      on_post_page    the page is written: its HTML is let go
  outputs      on_post_build   faq.json, the short links q/<id>.html, retired ids' pages
  site_outputs on_post_build   once every language is built: every search index
  end          on_post_build   leave the language; at the very end, stop a strict -q build
                               on the mistakes logging did not let through

Everything one stage hands to a later one is a typed field of LanguageState
(faqlib/state.py), which names the stage that fills it. The two on_post_build
stages sit on either side of static-i18n's own handler, which builds the other
languages (faqlib/upstream/static_i18n.py says why).

Memory: MkDocs converts every page of a language before it writes the first,
and keeps each page's HTML on its Page until the end of the build, while
static-i18n builds the next language. So `questions` parks each page's HTML
zlib-compressed (LanguageState.parked; page.content is '' meanwhile),
`page_html` edits it there (parked_html, park), `page_context` puts it back
on the page just before it is rendered (every other handler of that event
sees it), and `release` lets it go once the page is written. At 100,000
questions per language, letting go after writing alone still held one
language's HTML at once: 1,307 MB peak against 1,216 MB (README, Performance).
"""

from __future__ import annotations

import dataclasses
import html
import json
import logging
import posixpath
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from . import background, hant, idlock, related, synonyms
from .checks import check_translation, check_unique_ids
from .jsonld import faq_page, script_json
from .layout import FAQ_DATA, SEARCH_FOLDER, SHORT_LINK_FOLDER, reserved_problem, short_link, short_link_ids, split_language, unpublished
from .lists import EMPTY, expand
from .model import Problem
from .search import Row, analyze, build_index, index_file_text
from .setup import stop_unheard_mistakes
from .state import LanguageState, PageRecord, SiteState
from .upstream import material, static_i18n
from .upstream import mkdocs as upstream

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.faq")

#: Below this, starting a process (and jieba in it) costs more than the
#: tokenizing it would take off this one.
BACKGROUND_MIN_QUESTIONS = 1000


def report(state: SiteState, problems: list[Problem]) -> None:
    """Say each author mistake once, in order."""
    for problem in sorted(set(problems)):
        state.report(log, str(problem))


# ---------------------------------------------------------------- begin (on_pre_build)

def begin(state: SiteState, config: MkDocsConfig) -> LanguageState:
    """Enter this language's build (static-i18n has just chosen it)."""
    code = static_i18n.current_language(config)
    default = next(lang.default for lang in static_i18n.languages(config) if lang.code == code)
    return state.begin(code, default)


# ---------------------------------------------------------------- read (on_files)

def read(state: SiteState, language: LanguageState, files: Files, config: MkDocsConfig) -> Files:
    """Learn where this language's pages go; refuse author files where the build
    writes its own, and sources that are not UTF-8; keep the lock and the
    synonyms unpublished, and Material's search worker, which never runs here;
    make every possible short link a file MkDocs knows."""
    language.root = static_i18n.output_folder(language.code, language.default)
    pages = files.documentation_pages()
    if pages and not all(f.dest_uri.startswith(language.root) for f in pages):
        stray = next(f.dest_uri for f in pages if not f.dest_uri.startswith(language.root))
        raise PluginError(f"the '{language.code}' pages are not all written under '{language.root}' ({stray}): this i18n layout is not supported")
    for file in list(files):
        if why := reserved_problem(language.root, file.dest_uri):
            state.report(log, f"{file.src_uri}{why}")
            files.remove(file)  # the build fails (strict) without a traceback
        elif why := not_utf8(file):
            if file.src_uri not in state.unread_sources():
                state.report(log, f"{file.src_uri}{why}")
            language.unreadable.append(file.src_uri)
            # An empty page in its place: the nav and links to it stay valid,
            # and the build fails (strict) on the one warning above.
            file.content_string = ""
    files = unpublished(unpublished(files, idlock.FILE), synonyms.FILE)
    for file in material.search_worker_files(files, config.docs_dir):
        files.remove(file)  # never loaded: ours searches (faqlib/upstream/material.py)
    language.lock, language.lock_problems = idlock.read(Path(config.docs_dir) / idlock.FILE)
    # MkDocs checks authors' links to q/<id>.html as each page converts, before
    # the reader has decided which lines are questions: every id written like
    # a question's (and every locked id) gets its file now; page_html keeps
    # the ones that are questions or retired.
    ids = short_link_ids(file.content_string for file in files.documentation_pages())
    if language.lock is not None:
        ids |= set(language.lock.entries) | set(language.lock.retired)
    for qid in sorted(ids):
        src = f"{SHORT_LINK_FOLDER}/{qid}.html"
        if files.get_file_from_path(src) is None:
            language.short_link_files[qid] = upstream.generated_file(config, src, short_link(language.root, qid))
            files.append(language.short_link_files[qid])
    return files


def not_utf8(file: File) -> str | None:
    """':line: …' when a markdown page is not UTF-8 (MkDocs would stop with a traceback)."""
    if not file.src_uri.endswith(".md") or file.abs_src_path is None:
        return None
    data = file.content_bytes
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return ":1: the file is saved as UTF-16; save it as UTF-8"
        line = data[: err.start].count(b"\n") + 1
        return f":{line}: the file is not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8"
    return None


# ---------------------------------------------------------------- order (on_nav)

def order(language: LanguageState, nav: Navigation) -> None:
    """Remember the reading order of pages, for faq.json, search and the home lists."""
    language.page_order = [page.url for page in nav.pages]


# ---------------------------------------------------------------- exclude (on_page_markdown)

def exclude(page: Page) -> None:
    """Keep the page out of Material's own index, before it is built: ours replaces it."""
    material.exclude_from_search(page)


# ---------------------------------------------------------------- questions (on_page_content)

def questions(state: SiteState, language: LanguageState, page: Page, html_text: str, config: MkDocsConfig) -> None:
    """The page is converted: keep the questions the reader found, say its findings."""
    found = state.extension.take()
    offset = front_matter_lines(page)
    src = page.file.src_uri
    found_questions = tuple(dataclasses.replace(q, line=q.line + offset) for q in found.questions)
    problems = tuple(Problem(src, f.line + offset, f.question, f.message) for f in found.findings)
    base, _ = split_language(src, [lang.code for lang in static_i18n.languages(config)])
    language.pages[page.url] = PageRecord(
        src=src, base=base, lang=static_i18n.file_language(page.file, language.code),
        url=page.url, title=page.title or "", questions=found_questions, problems=problems, offset=offset,
        element_ids=frozenset(found.element_ids),
    )
    if "faq:" in html_text:
        language.marked.add(page.url)
    park(language, page, html_text)
    report(state, list(problems))


def park(language: LanguageState, page: Page, html_text: str) -> None:
    """Keep *page*'s HTML compressed until page_context (see Memory, above)."""
    language.parked[page.url] = zlib.compress(html_text.encode("utf-8"), 1)


def parked_html(language: LanguageState, page: Page) -> str:
    """The HTML parked for *page* (still parked)."""
    data = language.parked.get(page.url)
    return zlib.decompress(data).decode("utf-8") if data is not None else (page.content or "")


def front_matter_lines(page: Page) -> int:
    """Lines of the file before page.markdown (its YAML front matter), for file:line."""
    try:
        raw = page.file.content_string.replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError):
        return 0
    body = (page.markdown or "").rstrip("\n")
    return raw[: raw.rfind(body)].count("\n") if body and body in raw else 0


# ---------------------------------------------------------------- checks (on_env)

def checks(state: SiteState, language: LanguageState, config: MkDocsConfig) -> None:
    """Every page of this language is converted: check what needs several pages,
    and (in the default language) the sources against the lock."""
    problems = check_unique_ids((page.src, page.questions) for page in language.in_order())
    default = next((lang for lang in state.languages.values() if lang.default), None)
    if default is not None and default is not language and not state.incomplete:
        for page in language.pages.values():
            source = default.page(page.base)
            # A page with problems of its own (a fence that swallowed questions,
            # a missing id) is fixed first: comparing it would blame the other file.
            if source is not None and page.lang == language.code and not (source.problems or page.problems):
                problems += check_translation(source.src, source.questions, page.src, page.questions)
    report(state, problems)
    if not language.default or state.incomplete:
        return
    report(state, language.lock_problems)  # an unreadable lock too (then there is no lock to check)
    if language.lock is None:
        return
    live = live_ids(language)
    report(state, idlock.check(language.lock, live, [lang.code for lang in static_i18n.languages(config)]))
    if unlocked := [qid for qid in live if qid not in language.lock.entries]:
        log.info(f"{len(unlocked)} question id(s) are not in {idlock.FILE} yet ({', '.join(unlocked[:3])}"
                 f"{', …' if len(unlocked) > 3 else ''}); run make ids to lock them")


def live_ids(language: LanguageState) -> dict[str, str]:
    """Each question id of this language's sources, and its page ('feature_advice.md')."""
    return {q.id: page.base for page in language.in_order() for q in page.questions if q.id}


# ---------------------------------------------------------------- page_html (on_env)

def page_html(state: SiteState, language: LanguageState, files: Files, config: MkDocsConfig) -> None:
    """Every page's questions are known: finish each page's HTML before it is written
    (home lists, related questions, anchors of old links), start the search
    analysis, and keep only the short-link files of questions and retired ids."""
    pages = {file.page.url: file.page for file in files.documentation_pages() if file.page is not None}
    home_lists(state, language, pages)
    start_search(language)
    related_questions(language, pages)
    old_anchors(language, pages)
    keep = set(live_ids(language)) | (set(language.lock.retired) if language.lock is not None else set())
    for qid, file in language.short_link_files.items():
        if qid not in keep:
            files.remove(file)


def home_lists(state: SiteState, language: LanguageState, pages: dict[str, Page]) -> None:
    """Expand '<!-- faq:questions page.md -->' (faqlib/lists.py) on the pages that hold one."""
    for url in sorted(language.marked):
        page, record = pages.get(url), language.pages[url]
        if page is None:
            continue
        expanded, problems = expand(parked_html(language, page), record, language)
        park(language, page, expanded)
        lines = (page.markdown or "").split("\n")
        for needle, message in problems:
            if state.incomplete and message.startswith(EMPTY):
                continue  # a page that could not be read has its own message
            line = next((n for n, text in enumerate(lines, 1) if needle in text and "faq:" in text), 1)
            state.report(log, f"{record.src}:{line + record.offset}: {message}")


def start_search(language: LanguageState) -> None:
    """Start tokenizing this language's questions (in a second process when there
    are many). related_questions() reads the result at once, so the pages wait
    for it: the second process no longer overlaps the writing of the pages."""
    titles = {page.url: page.title for page in language.in_order()}
    language.search_rows = [Row(url, titles.get(language.root + url, ""), q.id, q.question, q.answer) for url, q in language.rows()]
    texts = [(row.question, row.answer) for row in language.search_rows]
    if len(texts) < BACKGROUND_MIN_QUESTIONS:
        language.analysis = background.Task(analyze, (texts,), None)  # computed when first read
    else:
        language.analysis = background.submit(analyze, texts)


def related_questions(language: LanguageState, pages: dict[str, Page]) -> None:
    """Under each answer, links to its nearest questions (faqlib/related.py); on a
    large site this waits for the analysis from the other process."""
    found = language.analysis.result() if language.analysis is not None else None
    places = [(page, q) for page in language.in_order() for q in page.questions]
    if found is None or len(places) != len(found):
        return  # the analysis is of other rows: nothing sensible to link
    nearest = related.related(found)
    language.related = {q.id: [places[o][1].id for o in others] for (_, q), others in zip(places, nearest) if others}
    by_page: dict[str, dict[str, str]] = {}
    for (record, q), others in zip(places, nearest):
        if others:
            links = [(related.href(record.url, places[o][0].url, places[o][1].id), places[o][1].question) for o in others]
            by_page.setdefault(record.url, {})[q.id] = related.block(language.code, links)
    for url, blocks in by_page.items():
        if (page := pages.get(url)) is not None:
            park(language, page, related.insert_links(parked_html(language, page), blocks))


def old_anchors(language: LanguageState, pages: dict[str, Page]) -> None:
    """On the page an id (or a legacy anchor) was published on, an empty anchor
    that faq.js follows to where the question is now (faqlib/idlock.py)."""
    if language.lock is None:
        return

    def present(base: str, anchor: str) -> bool:
        page = language.page(base)
        return page is not None and anchor in page.element_ids

    urls = {q.id: page.url for page in language.in_order() for q in page.questions if q.id}
    for base, forwards in idlock.forwards(language.lock, live_ids(language), present).items():
        record = language.page(base)
        page = pages.get(record.url) if record else None
        if page is None or not forwards:
            continue  # the page itself is gone: q/<id>.html still lands
        here = posixpath.dirname(page.url) or "."
        anchors = []
        for forward in forwards:
            if forward.removed:
                target = posixpath.relpath(short_link(language.root, forward.target), here)
            else:
                target = posixpath.relpath(urls[forward.target], here) + f"#{forward.target}"
            anchors.append(f'<span id="{html.escape(forward.anchor)}" class="faq-forward" '
                           f'data-faq-forward="{html.escape(target)}"></span>')
        park(language, page, "".join(anchors) + parked_html(language, page))
        # A link an author writes to an old anchor lands, so it validates too.
        upstream.add_anchor_ids(page, [forward.anchor for forward in forwards])


# ---------------------------------------------------------------- page_context (on_page_context)

def page_context(state: SiteState, language: LanguageState, context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """The page is rendered into its template next: its HTML comes back to
    page.content; and what the templates (overrides/) read: the language, the
    page's JSON-LD, and whether it is another language's page shown in its
    place (then warn)."""
    if (data := language.parked.pop(page.url, None)) is not None:
        page.content = zlib.decompress(data).decode("utf-8")
    context["faq_lang_root"] = language.root or "./"
    context["faq_lang"] = language.code
    record = language.pages.get(page.url)
    if record is None:
        return context
    if record.questions:
        # Absolute with a site_url; else relative to the page itself.
        url = config.site_url.rstrip("/") + "/" + page.url if config.site_url else posixpath.basename(page.url)
        context["faq_jsonld"] = script_json(faq_page(record.questions, url))
    if not language.default and record.lang != language.code:
        context["faq_untranslated"] = True
        src = page.file.src_uri
        if src not in (config.extra.get("untranslated_ok") or []):
            state.report(
                log,
                f"{src}: no '{language.code}' translation ({translation_name(src, language.code)} is missing); "
                f"the '{language.code}' site shows the '{record.lang}' page with a notice. Translate it, or list "
                f"'{src}' under extra.untranslated_ok in mkdocs.yml to allow this on purpose"
            )
    return context


def translation_name(src: str, lang: str) -> str:
    """'a/page.md' -> 'a/page.en.md'."""
    return f"{src[: -len('.md')]}.{lang}.md"


# ---------------------------------------------------------------- release (on_post_page)

def release(page: Page) -> None:
    """The page is written: let its HTML go (see Memory, above)."""
    page.content = None


# ---------------------------------------------------------------- outputs (on_post_build)

def outputs(language: LanguageState, config: MkDocsConfig) -> None:
    """This language's pages are written: write its faq.json, its short links and
    the pages of its retired ids."""
    path = Path(config.site_dir, language.root, FAQ_DATA)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written piece by piece as json encodes it, the same bytes as dumps():
    # dumps() holds every piece, then the whole text, then it again with the
    # newline and encoded; at 100,000 questions that was some 240 MB at once,
    # the build's peak (README, Performance).
    with path.open("w", encoding="utf-8") as out:
        json.dump(faq_data(language), out, ensure_ascii=False, indent=1)
        out.write("\n")
    write_short_links(language, config)
    write_retired(language, config)


def faq_data(language: LanguageState) -> dict:
    """The faq.json document of one language: {"lang", "questions": [{"id", "question",
    "answer", "url", "aliases", "page", "page_title", "related"}]} in reading order;
    url is relative to the file, page the source page in every language."""
    return {
        "lang": language.code,
        "questions": [
            {"id": q.id, "question": q.question, "answer": q.answer, "url": f"{language.in_root(page.url)}#{q.id}",
             "aliases": list(q.aliases), "page": page.base, "page_title": page.title,
             "related": language.related.get(q.id, [])}
            for page in language.in_order() for q in page.questions
        ],
    }


def forward(language: LanguageState, link_id: str, page_url: str, qid: str, site_url: str | None) -> tuple[str, str]:
    """Where the short link q/<link_id>.html forwards to, question *qid* on the
    page at *page_url* (from the site root): its target, relative to the link,
    and its canonical address (the target when the site has no site_url)."""
    target = posixpath.relpath(page_url, posixpath.dirname(short_link(language.root, link_id))) + f"#{qid}"
    canonical = f"{site_url.rstrip('/')}/{page_url}#{qid}" if site_url else target
    return target, canonical


def link_targets(language: LanguageState, site_url: str | None) -> list[dict]:
    """Template context of each short link: file, target, canonical, title."""
    targets = []
    for page in language.in_order():
        for q in page.questions:
            if q.id:
                target, canonical = forward(language, q.id, page.url, q.id, site_url)
                targets.append({"id": q.id, "file": short_link(language.root, q.id), "target": target,
                                "canonical": canonical, "title": q.question})
    return targets


def write_short_links(language: LanguageState, config: MkDocsConfig) -> None:
    """q/<id>.html: a static page that forwards to the question (overrides/short_link.html)."""
    links = link_targets(language, config.site_url)
    if not links:
        return
    template = config.theme.get_env().get_template("short_link.html")
    Path(config.site_dir, language.root, SHORT_LINK_FOLDER).mkdir(parents=True, exist_ok=True)
    for link in links:
        page = template.render(lang=language.code, config=config, **link)
        Path(config.site_dir, link["file"]).write_text(page, encoding="utf-8")


def write_retired(language: LanguageState, config: MkDocsConfig) -> None:
    """q/<id>.html of each retired id: a forward to its successor, or its note
    (overrides/retired.html)."""
    lock = language.lock
    if lock is None or not lock.retired:
        return
    live = live_ids(language)
    urls = {q.id: (page.url, q.question) for page in language.in_order() for q in page.questions if q.id}
    env = config.theme.get_env()
    folder = Path(config.site_dir, language.root, SHORT_LINK_FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    default = next(lang.code for lang in static_i18n.languages(config) if lang.default)
    for old in lock.retired.values():
        if old.id in live:
            continue  # checks() named it
        successor = idlock.resolve(lock, old.id, live)
        if successor:
            url, title = urls[successor]
            target, canonical = forward(language, old.id, url, successor, config.site_url)
            page = env.get_template("short_link.html").render(lang=language.code, config=config, target=target, canonical=canonical, title=title)
        else:
            note = old.note.get(language.code) or old.note.get("*") or old.note.get(default, "")
            home = posixpath.relpath(f"{language.root}index.html", posixpath.dirname(short_link(language.root, old.id)))
            page = env.get_template("retired.html").render(lang=language.code, config=config, note=note, home=home, id=old.id)
        (folder / f"{old.id}.html").write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- site_outputs (on_post_build, outermost)

def site_outputs(state: SiteState, config: MkDocsConfig) -> None:
    """Every language is built: write each language's search index, which holds
    the other languages' question words too (faqlib/search.py).

    Material's search UI stays (box, result list, keyboard, ?h= highlighting);
    what it searches is replaced: its lunr index merges both languages
    (static-i18n), is built in the reader's browser on every visit and cannot
    segment unspaced Chinese (so `exclude` keeps every page out of it, and
    mkdocs.yml turns off static-i18n's quadratic search merging). Each language
    root gets search/search_index.json (http) and search/search_index.js
    (file://, what Material's offline plugin would write, which we do not use:
    it loads a worker shim from a CDN), the base of a sharded index, plus its
    shard files; overrides/main.html points Material's config at the language
    root and at our worker."""
    built = [language for language in state.languages.values() if language.analysis is not None]
    analyses = {}
    for language in built:
        try:
            analyses[language.code] = language.analysis.result()
        except Exception as err:  # noqa: BLE001 - whatever failed in the other process
            raise PluginError(f"building the '{language.code}' search index failed: {err}") from err

    groups, problems = synonyms.read(Path(config.docs_dir, synonyms.FILE))
    vocabularies = {code: set(found.vocabulary) for code, found in analyses.items()}
    everywhere = set().union(*vocabularies.values())
    if not state.incomplete:  # an unreadable page's words are missing, not unused
        problems += synonyms.unused(groups, lambda word: synonyms.occurs(word, everywhere))
    report(state, problems)

    for language in built:
        # The other languages' question terms, by question id.
        theirs: dict[str, list[str]] = {}
        for other in built:
            if other is not language:
                theirs.update((row.id, analyses[other.code].question_terms(doc)) for doc, row in enumerate(other.search_rows))
        vocabulary = vocabularies[language.code] | {t for terms in theirs.values() for t in terms}
        index = build_index(
            language.code, language.search_rows, analyses[language.code], theirs,
            t2s=hant.table_for(vocabulary),
            synonyms=synonyms.compiled(groups, lambda word: synonyms.occurs(word, vocabulary)),
        )
        folder = Path(config.site_dir, language.root, SEARCH_FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        text = index_file_text(index)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        (folder / "search_index.js").write_text(material.index_js(text), encoding="utf-8")
        for name, content in index.files.items():
            (folder / name).write_text(content, encoding="utf-8")


# ---------------------------------------------------------------- end (on_post_build)

def end(state: SiteState, config: MkDocsConfig) -> None:
    """Leave this language's build; at the end of all, stop a strict build whose
    mistakes -q kept MkDocs from counting."""
    state.end()
    if not state.building:
        stop_unheard_mistakes(config, state.mistakes)
