"""Write q/<id>.html in each language root: a short, permanent link to a question.

A static page that forwards with <meta http-equiv="refresh"> (works from disk
and without JavaScript) and names the question's real address as canonical.
The HTML is overrides/short_link.html.

Each short link is also a file MkDocs knows from on_files on, so an author's
link to q/<id>.html validates like a link to a page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from typing import Any

from faqlib import idlock, setup
from faqlib.layout import SHORT_LINK_FOLDER, short_link, short_link_ids
from faqlib.state import LanguageState
from faqlib.upstream import mkdocs as upstream
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

TASK = "short_links"


def link_targets(language: LanguageState, site_url: str | None) -> list[dict]:
    """Template context of each short link: file, target, canonical, title."""
    targets = []
    for url, q in language.rows():
        if not q.id:
            continue
        target = posixpath.relpath(url, SHORT_LINK_FOLDER) + f"#{q.id}"
        canonical = f"{site_url.rstrip('/')}/{language.root}{url}#{q.id}" if site_url else target
        targets.append({"id": q.id, "file": short_link(language.root, q.id), "target": target, "canonical": canonical, "title": q.question})
    return targets


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail early when the FAQ's configuration is incomplete."""
    setup.site_state(config)
    return config


# After faq_model (-200) has set this language's root and refused author files under q/.
@event_priority(-300)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Make every short link a file MkDocs knows before the pages convert: the ids
    of lines written as questions, and every id of the lock (retired ones too)."""
    state = setup.site_state(config)
    language = state.current()
    lock, _ = idlock.read(Path(config.docs_dir) / idlock.FILE)
    ids = short_link_ids(file.content_string for file in files.documentation_pages())
    if lock is not None:
        ids |= set(lock.entries) | set(lock.retired)
    added = {}
    for qid in sorted(ids):
        src = f"{SHORT_LINK_FOLDER}/{qid}.html"
        if files.get_file_from_path(src) is None:
            added[qid] = upstream.generated_file(config, src, short_link(language.root, qid))
            files.append(added[qid])
    state.pending[TASK, language.code] = added
    return files


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """The questions are known: keep the files of their short links and of retired ids only."""
    state = setup.site_state(config)
    language = state.current()
    added = state.pending.pop((TASK, language.code), {})
    lock, _ = idlock.read(Path(config.docs_dir) / idlock.FILE)
    keep = {q.id for _, q in language.rows() if q.id} | (set(lock.retired) if lock is not None else set())
    for qid, file in added.items():
        if qid not in keep:
            files.remove(file)
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    """All questions of this language are known: write their short links."""
    language = setup.site_state(config).current()
    links = link_targets(language, config.site_url)
    if not links:
        return
    template = config.theme.get_env().get_template("short_link.html")
    Path(config.site_dir, language.root, SHORT_LINK_FOLDER).mkdir(parents=True, exist_ok=True)
    for link in links:
        html = template.render(lang=language.code, config=config, **link)
        Path(config.site_dir, link["file"]).write_text(html, encoding="utf-8")
