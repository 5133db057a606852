"""The flags an author builds with, end to end (`mkdocs` as a user runs it):
-q and -v never let a strict build ship an author's mistake, and --dirty
(build or serve) is refused with one message saying why, never answered with
false mistakes or a partial index."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import copy_project

ZH = "# 特性咨询\n\n## Q: 第一个问题？ {#first}\n\nA: 回答一。![badge](https://img.example.org/b.svg)\n\n## Q: 第二个问题？ {#second}\n\nA: 回答二。\n"
EN = "# Feature Advice\n\n## Q: First question? {#first}\n\nA: Answer one.\n\n## Q: Second question? {#second}\n\nA: Answer two.\n"


def mkdocs(project, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A small site whose Chinese page loads a remote image (an author mistake)."""
    project = copy_project(tmp_path_factory.mktemp("flags"))
    docs = project / "docs"
    for name, text in {"index.md": "# 首页\n", "index.en.md": "# Home\n", "feature_advice.md": ZH, "feature_advice.en.md": EN}.items():
        (docs / name).write_text(text, encoding="utf-8")
    return project


def test_a_mistake_stops_a_quiet_strict_build(project):
    """MkDocs 1.6 drops warnings from --strict under -q (mkdocs#4126): ours still
    stop it, each named. (Without -q, or with -v, MkDocs counts them itself: the
    in-process builds of the other tests.)"""
    done = mkdocs(project, "build", "--strict", "-q", "--site-dir", str(project / "out"))
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert "feature_advice.md:5:" in said and "https://img.example.org/b.svg" in said, said
    assert "Traceback" not in said


def test_dirty_build_is_refused_with_its_reason(project):
    done = mkdocs(project, "build", "--dirty", "--site-dir", str(project / "dirty"))
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "cannot be built with --dirty" in said and "Traceback" not in said, said
    assert not (project / "dirty").exists()


def test_dirty_serve_is_refused_with_its_reason(project):
    done = mkdocs(project, "serve", "--dirty", "--dev-addr", "127.0.0.1:0")
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "cannot be built with --dirty" in said and "Traceback" not in said, said
