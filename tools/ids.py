"""make ids: write a stable id into every question that lacks one, and lock every id.

    make ids                      # the site of ./mkdocs.yml
    .venv/bin/python tools/ids.py --config path/to/mkdocs.yml

The questions are read as the site build reads them (the site's markdown
extensions and faqlib's reader); which ids to write is faqlib/idwrite.py's
decision, the lock (docs/ids.yml) faqlib/idlock.py's. Nothing is written when
a page's languages disagree: each place is named at file:line (exit 1). A
second run changes nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from faqlib import idlock, idwrite  # noqa: E402
from faqlib.idlock import Entry  # noqa: E402
from faqlib.layout import split_language  # noqa: E402
from faqlib.reader import read_markdown  # noqa: E402
from faqlib.upstream import static_i18n  # noqa: E402


@dataclass
class Site:
    docs: Path
    shown: str  # docs_dir as shown in messages, relative to the working directory when inside it
    languages: list[str]  # default first
    extensions: list
    configs: dict


def load_site(config_file: Path) -> Site:
    """The parts of the MkDocs configuration that decide what a question is."""
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # load_config's notices are not ours
    try:
        config = load_config(config_file=str(config_file))
    finally:
        logger.setLevel(level)
    docs = Path(config.docs_dir)
    try:
        shown = os.path.relpath(docs)
    except ValueError:
        shown = str(docs)
    languages = [lang.code for lang in static_i18n.languages(config)]
    return Site(docs, shown, languages, list(config.markdown_extensions), dict(config.mdx_configs))


def _markdown(raw: str) -> tuple[str, int]:
    """The markdown MkDocs converts (front matter removed) and the lines before it."""
    from mkdocs.utils.meta import get_data

    body, _ = get_data(raw)
    body_start = raw.rfind(body.rstrip("\n")) if body.strip() else len(raw)
    return body, raw[:body_start].count("\n") if body_start > 0 else 0


#: Pages already read, by (path, language, text, the site's markdown settings).
#: A caller that runs several steps over one site (make import reads every page
#: for its synonyms, then make ids reads them again, and again after writing
#: ids) passes one Reads to each, so a text is converted once: a code-heavy
#: page costs Python-Markdown and Pygments a tenth of a second.
Reads = dict


def read_source(site: Site, path: Path, lang: str, text: str | None = None, reads: Reads | None = None) -> idwrite.Source:
    raw = path.read_bytes().decode("utf-8") if text is None else text
    if reads is not None:
        key = (path, lang, raw, repr((site.extensions, site.configs)))
        if key not in reads:
            reads[key] = read_source(site, path, lang, raw)
        return reads[key]
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n")
    body, offset = _markdown(raw)
    found = read_markdown(body, site.extensions, site.configs)
    shown = f"{site.shown}/{path.relative_to(site.docs).as_posix()}"
    return idwrite.Source(shown, lang, offset, found)


def page_files(site: Site) -> dict[str, dict[str, Path]]:
    """Every markdown page by its name in the default language, and its file per language."""
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(site.docs.rglob("*.md")):
        rel = path.relative_to(site.docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # MkDocs skips hidden files and folders
        base, lang = split_language(rel, site.languages[1:])
        pages.setdefault(base, {})[lang or site.languages[0]] = path
    return {base: files for base, files in pages.items() if site.languages[0] in files}


def run(config_file: Path, out=sys.stdout, reads: Reads | None = None) -> int:
    """Write the missing ids and lock every id; 0 when done (or nothing to do), 1 on problems.
    *reads*: pages read by an earlier step over the same site (Reads)."""
    site = load_site(config_file)
    files = page_files(site)
    texts: dict[Path, str] = {}
    for path in (path for langs in files.values() for path in langs.values()):
        try:
            texts[path] = path.read_bytes().decode("utf-8")  # as written: edits keep its line endings
        except UnicodeDecodeError:
            print(f"{site.shown}/{path.relative_to(site.docs).as_posix()}: the file is not UTF-8; save it as UTF-8", file=out)
            return 1
    reads = {} if reads is None else reads

    def read(path: Path, lang: str, text: str) -> idwrite.Source:
        """A page as the build reads it; a text read once is not read again."""
        return read_source(site, path, lang, text, reads)

    groups = [[read(path, lang, texts[path]) for lang, path in sorted(langs.items(), key=lambda kv: site.languages.index(kv[0]))]
              for langs in files.values()]
    groups = [g for g in groups if any(s.found.questions for s in g)]
    lock_path = site.docs / idlock.FILE
    lock, lock_problems = idlock.read(lock_path)
    if lock_problems:
        for problem in lock_problems:
            print(f"{site.shown}/{problem}", file=out)
        print("make ids: nothing written; fix the lock file first", file=out)
        return 1
    taken = set(lock.entries) | set(lock.retired) if lock else set()
    en = "en" if "en" in site.languages else site.languages[0]
    edits, problems = idwrite.plan(groups, taken, id_lang=en)
    if problems:
        for problem in problems:
            print(problem, file=out)
        print(f"make ids: nothing written; {len(problems)} place(s) to fix first", file=out)
        return 1
    by_path = {f"{site.shown}/{path.relative_to(site.docs).as_posix()}": path for path in texts}
    new_texts: dict[Path, str] = {}
    for shown in sorted({e.path for e in edits}):
        path = by_path[shown]
        new_texts[path] = idwrite.apply(texts[path], [e for e in edits if e.path == shown])
    # Read what would be written, as the build will: every edit must have landed.
    published: list[Entry] = []
    for base, langs in files.items():
        sources = {lang: read(path, lang, new_texts.get(path, texts[path])) for lang, path in langs.items()}
        for edit in edits:
            source = next((s for s in sources.values() if s.path == edit.path), None)
            if source and not any(q.id == edit.id and q.line + source.offset == edit.line for q in source.found.questions):
                print(f"{edit.path}:{edit.line}: could not write {{#{edit.id}}} into this heading; add it by hand", file=out)
                return 1
        default = sources[site.languages[0]].found.questions
        for position, q in enumerate(default):
            if not q.id:
                continue
            aliases = [a for s in sources.values() if position < len(s.found.questions) for a in s.found.questions[position].aliases]
            published.append(Entry(q.id, (base,), tuple(dict.fromkeys(aliases))))
    old_lock = lock_path.read_text(encoding="utf-8") if lock_path.is_file() else None
    lock_text, new_ids = idlock.updated(old_lock, published)
    for path, text in new_texts.items():
        _write(path, text)
    for edit in edits:
        print(f"{edit.path}:{edit.line}: {{#{edit.id}}}  {edit.question}", file=out)
    if lock_text != old_lock:
        _write(lock_path, lock_text)
    wrote = f"wrote {len(edits)} id(s) into {len(new_texts)} file(s)" if edits else "every question has its id"
    locked = f"{len(new_ids)} new id(s) locked in {site.shown}/{idlock.FILE}" if new_ids else f"{site.shown}/{idlock.FILE} is up to date"
    print(f"make ids: {wrote}; {locked}", file=out)
    return 0


def _write(path: Path, text: str) -> None:
    """Replace *path* at once: a reader (or a crash) sees the old text or the new."""
    tmp = path.with_name(f".{path.name}.ids-tmp")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    return run(args.config)


if __name__ == "__main__":
    sys.exit(main())
