"""The FAQ's question model: which language is being built, what each page's
questions are (faqlib/extract.py decides, during MkDocs' own conversion), and
the author checks that need several pages. Every other FAQ hook reads the
model this hook keeps in faqlib.state.SiteState.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from faqlib import setup
from faqlib.checks import check_translation, check_unique_ids
from faqlib.layout import reserved_problem, split_language
from faqlib.model import Problem
from faqlib.state import PageRecord
from faqlib.upstream import static_i18n
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.faq_model")


def warn(config: MkDocsConfig, problems: list[Problem]) -> None:
    state = setup.site_state(config)
    for problem in sorted(set(problems)):
        state.report(log, str(problem))


def on_startup(*, command: str, dirty: bool) -> None:
    """Refuse --dirty (setup.DIRTY says why) before anything is built."""
    setup.refuse_dirty(dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the configuration and register the question reader, before anything is read."""
    setup.site_state(config)
    return config


# First of all pre_build handlers: every other FAQ hook asks which language this is.
@event_priority(100)
def on_pre_build(*, config: MkDocsConfig) -> None:
    """Enter this language's build (static-i18n has just chosen it)."""
    code = static_i18n.current_language(config)
    default = next(lang.default for lang in static_i18n.languages(config) if lang.code == code)
    setup.site_state(config).begin(code, default)


# After static-i18n (-100) has given this language its files and their places.
@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Learn where this language's pages go; refuse author files where the build writes its own."""
    language = setup.site_state(config).current()
    language.root = static_i18n.output_folder(language.code, language.default)
    pages = files.documentation_pages()
    if pages and not all(f.dest_uri.startswith(language.root) for f in pages):
        stray = next(f.dest_uri for f in pages if not f.dest_uri.startswith(language.root))
        raise PluginError(f"the '{language.code}' pages are not all written under '{language.root}' ({stray}): this i18n layout is not supported")
    for file in list(files):
        if why := reserved_problem(language.root, file.dest_uri):
            setup.site_state(config).report(log, f"{file.src_uri}{why}")
            files.remove(file)  # the build fails (strict) without a traceback
        elif why := not_utf8(file):
            if file.src_uri not in setup.site_state(config).unread_sources():
                setup.site_state(config).report(log, f"{file.src_uri}{why}")
            language.unreadable.append(file.src_uri)
            # An empty page in its place: the nav and links to it stay valid,
            # and the build fails (strict) on the one warning above.
            file.content_string = ""
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


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember the reading order of pages, for faq.json, search and the home lists."""
    setup.site_state(config).current().page_order = [page.url for page in nav.pages]
    return nav


def _front_matter_lines(page: Page) -> int:
    """Lines of the file before page.markdown (its YAML front matter), for file:line."""
    try:
        raw = page.file.content_string.replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError):
        return 0
    body = (page.markdown or "").rstrip("\n")
    return raw[: raw.rfind(body)].count("\n") if body and body in raw else 0


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is converted: keep the questions the reader found, report its findings."""
    state = setup.site_state(config)
    language = state.current()
    found = state.extension.take()
    offset = _front_matter_lines(page)
    src = page.file.src_uri
    questions = tuple(dataclasses.replace(q, line=q.line + offset) for q in found.questions)
    problems = tuple(Problem(src, f.line + offset, f.question, f.message) for f in found.findings)
    base, _ = split_language(src, [lang.code for lang in static_i18n.languages(config)])
    language.pages[page.url] = PageRecord(
        src=src, base=base, lang=static_i18n.file_language(page.file, language.code),
        url=page.url, title=page.title or "", questions=questions, problems=problems, offset=offset,
        element_ids=frozenset(found.element_ids),
    )
    warn(config, list(problems))
    return html


# Before the hooks that read the model at on_env (search_index, question_list).
@event_priority(100)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """Every page of this language is converted: check what needs several pages."""
    state = setup.site_state(config)
    language = state.current()
    records = language.in_order()
    problems = check_unique_ids((page.src, page.questions) for page in records)
    default = next((lang for lang in state.languages.values() if lang.default), None)
    if default is not None and default is not language and not state.incomplete:
        for page in language.pages.values():
            source = default.page(page.base)
            # A page with problems of its own (a fence that swallowed questions,
            # a missing id) is fixed first: comparing it would blame the other file.
            if source is not None and page.lang == language.code and not (source.problems or page.problems):
                problems += check_translation(source.src, source.questions, page.src, page.questions)
    warn(config, problems)
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Give templates the language root and code, for links within one language."""
    language = setup.site_state(config).current()
    context["faq_lang_root"] = language.root or "./"
    context["faq_lang"] = language.code
    return context


# Last of all post_build handlers: static-i18n (-100) builds the other
# languages inside this event, and FAQ hooks at -200 still belong to this build.
@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Leave this language's build; at the end of all, stop a strict build
    whose mistakes -q kept MkDocs from counting."""
    state = setup.site_state(config)
    state.end()
    if not state.building:
        setup.stop_unheard_mistakes(config, state.mistakes)
