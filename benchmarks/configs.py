"""The two configurations a benchmark compares, made from the project's mkdocs.yml.

ours:  mkdocs.yml as it is, nav left to MkDocs (every generated page).
plain: the same site without our hooks, overrides, assets and search changes:
       Material's search plugin with static-i18n's own search handling, and
       Material's offline plugin so that its search works from file:// too,
       with the iframe-worker shim from its npm package (pinned below)
       instead of the CDN.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IFRAME_WORKER = "iframe-worker@1.0.4"  # MIT, by the author of Material
SHIM = "assets/javascripts/iframe-worker-1.0.4/shim.js"


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
    text = re.sub(r"^(  - i18n:\n(?:      .*\n|        .*\n|          .*\n)+)", r"\1  - offline\n", text, flags=re.MULTILINE)
    text = text.replace("  polyfills: []\n", f"  polyfills:\n    - {SHIM}\n")
    return text


def fetch_shim(docs: Path) -> None:
    """Material's file:// worker shim, from the npm registry, with its license."""
    target = docs / SHIM
    if target.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", IFRAME_WORKER, "--pack-destination", tmp, "--silent"], check=True, capture_output=True)
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="data")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp, "package", "shim", "index.js"), target)
        shutil.copy(Path(tmp, "package", "LICENSE"), target.parent / "LICENSE")


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
    if variant == "plain":
        fetch_shim(target)
    return folder
