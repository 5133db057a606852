"""The whole MindSpore FAQ (../shared/corpus/) brought into a copy of this
project by the documented import path: `make import`, the one known defect of
the official English fixed (two questions with the same heading), `make ids`.
Shared by tests/test_corpus.py and `make bench`."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "mindspore-faq-r2.3"
#: What the first of the two 'Stream isn't enough' questions is really about (see the Chinese page).
DUPLICATE = ("implement_problem.en.md", "Stream isn't enough",
             "## Q: What should I do if the memory keeps growing during resnet50 training on CPU ARM?")
#: The site's own pages and author files, kept as they are; the corpus adds the other nine pages.
OURS = ("index.md", "index.en.md", "feature_advice.md", "feature_advice.en.md", "synonyms.yml", "ids.yml")

sys.path.insert(0, str(ROOT / "tools"))

import ids as ids_tool  # noqa: E402
import import_faq  # noqa: E402


def import_corpus(project: Path, reads: dict | None = None) -> tuple[int, str, int, str]:
    """Import the corpus into *project* (a copy of this project with docs/assets),
    fix the known duplicate heading, run make ids. Returns both exit codes and outputs.
    *reads*: pages already read, shared by the steps (tools/ids.py Reads)."""
    reads = {} if reads is None else reads
    for name in OURS:
        shutil.copy(ROOT / "docs" / name, project / "docs" / name)
    out = io.StringIO()
    first = import_faq.run(CORPUS, project / "mkdocs.yml", out=out, reads=reads)
    name, needle, fixed = DUPLICATE
    page = project / "docs" / name
    lines = page.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("## Q:") and needle in line)
    lines[at] = fixed
    page.write_text("\n".join(lines), encoding="utf-8")
    again = io.StringIO()
    second = ids_tool.run(project / "mkdocs.yml", out=again, reads=reads)
    return first, out.getvalue(), second, again.getvalue()
