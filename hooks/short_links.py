"""Write q/<id>.html in each language root: a short, permanent link to a question.

A static page that forwards with <meta http-equiv="refresh"> (works from disk
and without JavaScript) and names the question's real address as canonical.
The HTML is overrides/short_link.html.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from faqlib import build, store
from mkdocs.config.defaults import MkDocsConfig

FOLDER = "q"


def link_targets(language: build.Language, rows: list, site_url: str | None) -> list[dict]:
    """Template context of each short link: file, target, canonical, title."""
    targets = []
    for url, q in rows:
        target = posixpath.relpath(build.in_root(language, url), FOLDER) + f"#{q.id}"
        canonical = f"{site_url.rstrip('/')}/{url}#{q.id}" if site_url else target
        targets.append({"id": q.id, "file": f"{FOLDER}/{q.id}.html", "target": target, "canonical": canonical, "title": q.question})
    return targets


def on_post_build(*, config: MkDocsConfig) -> None:
    """All questions of this language are known: write their short links."""
    language = build.current()
    rows = store.for_language(language.code).in_order()
    if not rows:
        return
    template = config.theme.get_env().get_template("short_link.html")
    root = Path(config.site_dir, language.root)
    (root / FOLDER).mkdir(parents=True, exist_ok=True)
    for link in link_targets(language, rows, config.site_url):
        html = template.render(lang=language.code, config=config, **link)
        (root / link["file"]).write_text(html, encoding="utf-8")
