"""make import FROM=<folder>: bring existing FAQ pages into this site.

The upstream layout (MindSpore's docs, ../shared/corpus/mindspore-faq-r2.3/)
keeps one folder per language: <folder>/zh/name.md, <folder>/en/name.md. Each
page becomes docs/name.md (the default language) and docs/name.<lang>.md,
is added to the nav of mkdocs.yml, and gets its ids from `make ids`
(tools/ids.py), which also locks them. A page already in docs/ is left as it is.

A remote image (MindSpore's "View source" badge) would make the page load
from another machine; one that is a link's label becomes the link itself,
`[label](address)`, and each such change is printed at file:line. Any other
remote image is left for the build to report, with the same fix.

Search synonyms for MindSpore's FAQ (tools/synonyms-mindspore.yml) join
docs/synonyms.yml where the site now has their words (faqlib/synonyms.py
merge()), each change printed at file:line.

    make import FROM=../shared/corpus/mindspore-faq-r2.3
    .venv/bin/python tools/import_faq.py ../shared/corpus/mindspore-faq-r2.3 installation.md
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ids  # noqa: E402
from faqlib import synonyms  # noqa: E402
from faqlib.search import analyze  # noqa: E402

#: Synonym groups for MindSpore FAQ pages, added where an imported site can use them.
LIBRARY = Path(__file__).resolve().with_name("synonyms-mindspore.yml")

#: '[![label](remote image)](target)': a badge, whose link is what matters.
_BADGE = re.compile(r"\[!\[(?P<label>[^\]]*)\]\((?P<image>(?:https?:)?//[^)\s]+)(?:\s+\"[^\"]*\")?\)\]\((?P<href>[^)\s]+)\)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def unbadge(text: str, shown: str, out) -> str:
    """*text* with every remote badge turned into a plain link (outside code blocks)."""
    lines = text.split("\n")
    fence = None
    for n, line in enumerate(lines):
        if m := _FENCE.match(line):
            mark = m.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue

        def link(match: re.Match) -> str:
            label = match.group("label").strip() or match.group("href")
            print(f"{shown}:{n + 1}: the remote image {match.group('image')} would load from another machine; "
                  f"it is now the link [{label}]({match.group('href')})", file=out)
            return f"[{label}]({match.group('href')})"

        lines[n] = _BADGE.sub(link, line)
    return "\n".join(lines)


def add_to_nav(config_text: str, pages: Sequence[str]) -> str:
    """mkdocs.yml with *pages* appended to its top-level nav (when it has one)."""
    lines = config_text.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if re.match(r"^nav:\s*$", line))
    except StopIteration:
        return config_text  # no nav: MkDocs lists every page by itself
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
        end += 1
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    listed = "\n".join(lines[start:end])
    indent = re.match(r"^(\s*)-", lines[start + 1]).group(1) if end > start + 1 and lines[start + 1].lstrip().startswith("-") else "  "
    new = [f"{indent}- {page}" for page in pages if not re.search(rf"(^|[\s:]){re.escape(page)}\s*$", listed, re.MULTILINE)]
    return "\n".join(lines[:end] + new + lines[end:])


def run(source: Path, config_file: Path, names: Sequence[str] = (), out=sys.stdout, reads: ids.Reads | None = None) -> int:
    """Copy the pages in, then make ids; *reads* as ids.run's (one is made if none is given)."""
    reads = {} if reads is None else reads
    site = ids.load_site(config_file)
    default, others = site.languages[0], site.languages[1:]
    folder = source / default
    if not folder.is_dir():
        print(f"{source}: no '{default}/' folder; the upstream layout is <folder>/<language>/<page>.md", file=out)
        return 1
    pages = [Path(name).name for name in names] or sorted(p.name for p in folder.glob("*.md"))
    added: list[str] = []
    for name in pages:
        if not (folder / name).is_file():
            print(f"{folder / name}: no such page", file=out)
            return 1
        target = site.docs / name
        if target.exists():
            print(f"{site.shown}/{name} is already in the site; left as it is", file=out)
            continue
        for lang in [default, *others]:
            src = source / lang / name
            if not src.is_file():
                if lang != default:
                    print(f"{src}: no '{lang}' page; the '{lang}' site will show the '{default}' page with a notice", file=out)
                continue
            dest = target if lang == default else site.docs / f"{name[:-3]}.{lang}.md"
            shown = f"{site.shown}/{dest.relative_to(site.docs).as_posix()}"
            dest.write_text(unbadge(src.read_text(encoding="utf-8"), shown, out), encoding="utf-8")
        added.append(name)
    if added:
        config_file.write_text(add_to_nav(config_file.read_text(encoding="utf-8"), added), encoding="utf-8")
        print(f"make import: {len(added)} page(s) copied and added to the nav of {config_file}", file=out)
        add_synonyms(site, out, reads)
    return ids.run(config_file, out=out, reads=reads)


def add_synonyms(site: ids.Site, out, reads: ids.Reads) -> None:
    """docs/synonyms.yml gains the library's groups whose words the site now uses."""
    library, problems = synonyms.read(LIBRARY)
    if problems:
        raise SystemExit("\n".join(f"{LIBRARY}: {p}" for p in problems))
    texts = []
    for langs in ids.page_files(site).values():
        for lang, path in langs.items():
            try:
                found = ids.read_source(site, path, lang, reads=reads).found
            except UnicodeDecodeError:
                continue  # make ids names it
            texts += [(q.question, q.answer) for q in found.questions]
    vocabulary = set(analyze(texts).vocabulary)
    target = site.docs / synonyms.FILE
    old = target.read_text(encoding="utf-8") if target.is_file() else ""
    new, said = synonyms.merge(old, library, lambda word: synonyms.occurs(word, vocabulary),
                               f"tools/{LIBRARY.name}")
    for line in said:
        print(f"{site.shown}/{line}" if line.startswith(synonyms.FILE) else line, file=out)
    if new != old:
        target.write_text(new, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the upstream folder, with one folder per language")
    parser.add_argument("pages", nargs="*", help="page names (default: every page of the default language)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    return run(args.source, args.config, args.pages)


if __name__ == "__main__":
    sys.exit(main())
