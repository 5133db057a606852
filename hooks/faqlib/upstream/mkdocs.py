"""MkDocs internals, read from MkDocs 1.6.1 (mkdocs/structure/pages.py, files.py,
commands/build.py).

- A page's ids are collected while it converts into page.present_anchor_ids;
  links to 'page.md#anchor' are checked against them after on_env, so an id
  a hook puts on the page at on_env is added there too.
- File.generated(config, src_uri, content=…) is a file MkDocs knows (links to
  it validate) and writes with the static files, after on_env; its dest_uri
  may be set, as static-i18n does for a language's files.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.structure.files import File


#: The releases this adapter was read from (tests/test_upstream.py pins them).
READ_FROM = {"mkdocs": "1.6.1"}

def add_anchor_ids(page: Any, ids: Iterable[str]) -> None:
    """Ids a hook added to *page*'s HTML after its conversion: links to them validate."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(ids)


def generated_file(config: Any, src_uri: str, dest_uri: str) -> File:
    """A file MkDocs knows at *src_uri*, written at *dest_uri* (its content is written later by a hook)."""
    file = File.generated(config, src_uri, content="")
    file.dest_uri = dest_uri
    return file
