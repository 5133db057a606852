"""`make site` end to end: reproducible output, and a failed build keeps the old site."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT



def make_site(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "site", f"VENV={Path(sys.prefix)}"],
        cwd=project, env={**os.environ, **env}, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture
def project(tmp_path):
    if not (Path(sys.prefix) / ".site-installed").exists():
        pytest.skip("runs inside the project's .venv (make test)")
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def test_two_builds_are_byte_identical(project):
    assert make_site(project, SOURCE_DATE_EPOCH="1700000000").returncode == 0
    shutil.move(project / "site", project / "first")
    assert make_site(project, SOURCE_DATE_EPOCH="1700000000").returncode == 0
    assert same_tree(project / "first", project / "site")
    assert (project / "site" / "search" / "search_index.json").is_file()
    assert (project / "site" / "sitemap.xml").is_file()


def test_failed_build_keeps_the_previous_site(project):
    assert make_site(project).returncode == 0
    shutil.copytree(project / "site", project / "before")
    faq = project / "docs" / "feature_advice.en.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("{#gradient-clipping}", ""), encoding="utf-8")
    result = make_site(project)
    assert result.returncode != 0
    assert "feature_advice.en.md:" in result.stderr and "has no id" in result.stderr
    assert same_tree(project / "before", project / "site")
    assert not (project / "site.new").exists()
