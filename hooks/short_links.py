"""Write q/<id>.html in each language root: a short, permanent link to a question.

A static page that forwards with <meta http-equiv="refresh"> (works from disk
and without JavaScript) and names the question's real address as canonical.
The HTML is overrides/short_link.html.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from faqlib import setup
from faqlib.layout import SHORT_LINK_FOLDER, short_link
from faqlib.state import LanguageState
from mkdocs.config.defaults import MkDocsConfig


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
