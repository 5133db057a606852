"""Where things are: source names by language, and the files the build writes.

static-i18n's suffix layout: 'page.md' in the default language, 'page.<code>.md'
in another. Each language root ('' or 'en/', faqlib.upstream.static_i18n)
holds the files below, which the FAQ hooks write; an author's file at one of
those places would be overwritten, so it is refused instead.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

SHORT_LINK_FOLDER = "q"
FAQ_DATA = "faq.json"
SEARCH_FOLDER = "search"  # Material's search UI looks here (faqlib.upstream.material)


def split_language(src: str, languages: Collection[str]) -> tuple[str, str | None]:
    """'a/page.en.md' -> ('a/page.md', 'en'); 'a/page.md' -> ('a/page.md', None)."""
    stem, dot_md, _ = src.rpartition(".md")
    head, dot, suffix = stem.rpartition(".")
    if dot_md and dot and suffix in languages:
        return head + ".md", suffix
    return src, None


#: An id written at the end of a line that starts like a question, in any container.
_QUESTION_ID = re.compile(r"^[ \t>*+\-\d.)]*(?:#{1,6}[ \t]*)?[*_`\[<]*[QqＱｑ][ \t]*[:：].*\{[^{}]*#([a-z0-9]+(?:-[a-z0-9]+)*)[^{}]*\}[ \t\r]*$", re.MULTILINE)


def short_link_ids(texts: Iterable[str]) -> set[str]:
    """Ids that may have a short link, from the pages' markdown, before the pages are read:
    MkDocs checks authors' links to q/<id>.html as each page converts. The reader
    decides which are questions; the build keeps only those (and retired ids)."""
    return {m.group(1) for text in texts for m in _QUESTION_ID.finditer(text)}


def short_link(root: str, qid: str) -> str:
    """The short link of a question, from the site root: 'en/q/<id>.html'."""
    return f"{root}{SHORT_LINK_FOLDER}/{qid}.html"


def reserved_problem(root: str, dest: str) -> str | None:
    """Why an author's file written to *dest* would clash with a generated file, if it would."""
    if not dest.startswith(root):
        return None
    rel = dest[len(root):]
    if rel.startswith(f"{SHORT_LINK_FOLDER}/"):
        what = f"the short links the build writes in {root}{SHORT_LINK_FOLDER}/"
    elif rel == FAQ_DATA:
        what = f"the {root}{FAQ_DATA} the build writes"
    elif rel.startswith(f"{SEARCH_FOLDER}/"):
        what = f"the search index the build writes in {root}{SEARCH_FOLDER}/"
    else:
        return None
    return f": this file would become {dest} and be overwritten by {what}; move or rename it"


def unpublished(files: Files, path: str) -> Files:
    """*files* without the source file *path* ('ids.yml'): read by a hook, not published."""
    file = files.get_file_from_path(path)
    if file is not None:
        files.remove(file)
    return files
