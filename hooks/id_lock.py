"""Ids never die: hold the sources to docs/ids.yml, and keep every old link landing.

A locked id missing from the sources, and not retired, fails the build
(faqlib/idlock.py says why, at ids.yml:line). For an id that is retired, or
whose question moved to another page, or a legacy anchor whose heading was
reworded, the page it was published on keeps an empty anchor that faq.js
follows to the question, or to the question's notice; and q/<id>.html of a
retired id forwards to its successor or is that notice
(overrides/retired.html), in each language.
"""

from __future__ import annotations

import html
import logging
import posixpath
from pathlib import Path
from typing import Any

from faqlib import idlock, pagehtml, setup
from faqlib.layout import SHORT_LINK_FOLDER, short_link, unpublished
from faqlib.state import LanguageState
from faqlib.upstream import mkdocs as upstream
from faqlib.upstream import static_i18n
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.id_lock")
TASK = "id_lock"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The lock is read by this hook, not published."""
    return unpublished(files, idlock.FILE)


def live_ids(language: LanguageState) -> dict[str, str]:
    """Each question id of this language's sources, and its page ('feature_advice.md')."""
    return {q.id: page.base for page in language.in_order() for q in page.questions if q.id}


# After faq_model (100) has checked the model and question_list (50) has
# filled the home lists: the anchors go before everything else on the page.
@event_priority(40)
def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """Every page of this language is converted: compare the sources with the lock,
    and put the anchors of old links on the pages they were published on."""
    state = setup.site_state(config)
    language = state.current()
    lock, problems = idlock.read(Path(config.docs_dir) / idlock.FILE)
    if lock is None:
        return env
    live = live_ids(language)
    if language.default and not state.incomplete:
        codes = [lang.code for lang in static_i18n.languages(config)]
        for problem in sorted(set(problems + idlock.check(lock, live, codes))):
            state.report(log, str(problem))
        if unlocked := [qid for qid in live if qid not in lock.entries]:
            log.info(f"{len(unlocked)} question id(s) are not in {idlock.FILE} yet ({', '.join(unlocked[:3])}"
                     f"{', …' if len(unlocked) > 3 else ''}); run make ids to lock them")
    state.pending[TASK, language.code] = lock

    def present(base: str, anchor: str) -> bool:
        page = language.page(base)
        return page is not None and anchor in page.element_ids

    urls = {q.id: page.url for page in language.in_order() for q in page.questions if q.id}
    pages = {file.page.url: file.page for file in files.documentation_pages() if file.page is not None}
    for base, forwards in idlock.forwards(lock, live, present).items():
        record = language.page(base)
        page = pages.get(record.url) if record else None
        if page is None or not forwards:
            continue  # the page itself is gone: q/<id>.html still lands
        here = posixpath.dirname(page.url)
        anchors = []
        for forward in forwards:
            if forward.removed:
                target = posixpath.relpath(short_link(language.root, forward.target), here or ".")
            else:
                target = posixpath.relpath(urls[forward.target], here or ".") + f"#{forward.target}"
            anchors.append(f'<span id="{html.escape(forward.anchor)}" class="faq-forward" '
                           f'data-faq-forward="{html.escape(target)}"></span>')
        pagehtml.set_content(state.pages, page, "".join(anchors) + pagehtml.content(state.pages, page))
        # A link an author writes to an old anchor lands, so it validates too.
        upstream.add_anchor_ids(page, [forward.anchor for forward in forwards])
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    """This language's pages are written: write q/<id>.html for each retired id."""
    state = setup.site_state(config)
    language = state.current()
    lock = state.pending.pop((TASK, language.code), None)
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
            continue  # check() named it
        successor = idlock.resolve(lock, old.id, live)
        if successor:
            url, title = urls[successor]
            target = posixpath.relpath(url, posixpath.dirname(short_link(language.root, old.id))) + f"#{successor}"
            canonical = f"{config.site_url.rstrip('/')}/{url}#{successor}" if config.site_url else target
            page = env.get_template("short_link.html").render(lang=language.code, config=config, target=target, canonical=canonical, title=title)
        else:
            note = old.note.get(language.code) or old.note.get("*") or old.note.get(default, "")
            home = posixpath.relpath(f"{language.root}index.html", posixpath.dirname(short_link(language.root, old.id)))
            page = env.get_template("retired.html").render(lang=language.code, config=config, note=note, home=home, id=old.id)
        (folder / f"{old.id}.html").write_text(page, encoding="utf-8")

