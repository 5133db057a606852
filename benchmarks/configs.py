"""The two configurations a benchmark compares, made from the project's mkdocs.yml.

ours:  mkdocs.yml as it is, nav left to MkDocs (every generated page).
plain: the same site without our hooks, overrides, assets and search changes:
       Material's search plugin with static-i18n's own search handling.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _without_nav(text: str) -> str:
    return re.sub(r"^nav:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)


def ours(text: str) -> str:
    """Our configuration for a generated docs tree."""
    return _without_nav(text)


def plain(text: str) -> str:
    """Plain Material + static-i18n: no hooks, overrides, extra assets or search changes."""
    text = _without_nav(text)
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^extra_css:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^extra_javascript:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text = text.replace("  custom_dir: overrides\n", "")
    text = text.replace("      reconfigure_search: false\n", "")
    return text


def make_project(folder: Path, docs: Path, variant: str) -> Path:
    """A buildable project in *folder* with *docs* and the *variant* config."""
    folder.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(ours(config) if variant == "ours" else plain(config), encoding="utf-8")
    if variant == "ours":
        for name in ("hooks", "overrides"):
            if not (folder / name).exists():
                shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    target = folder / "docs"
    if not target.exists():
        shutil.copytree(docs, target)
        if not (target / "assets").exists():
            shutil.copytree(ROOT / "docs" / "assets", target / "assets")
    return folder
