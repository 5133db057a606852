"""`make site` end to end: reproducible output, and a failed build keeps the old site."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EPOCH, ROOT



def make_site(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "site", f"VENV={Path(sys.prefix)}"],
        cwd=project, env={**os.environ, **env}, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the project and the site one `make site` made of it (each real
    build costs seconds, so the tests below share it and leave it as they found it)."""
    if not (Path(sys.prefix) / ".site-installed").exists():
        pytest.skip("runs inside the project's .venv (make test)")
    project = tmp_path_factory.mktemp("make-site")
    for name in ("docs", "hooks", "overrides", "tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    # With their times (copy2): a requirements file newer than the venv's
    # marker would make `make site` run pip in this venv on every build.
    for name in ("mkdocs.yml", "Makefile", "requirements.txt", "requirements-test.txt", "requirements-bench.txt"):
        shutil.copy2(ROOT / name, project / name)
    result = make_site(project, SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stderr
    assert "pip install" not in result.stdout, result.stdout  # the venv was up to date: make left it alone
    return project


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def test_builds_are_reproducible_and_a_failed_one_keeps_the_site(built, site, tmp_path):
    """Two builds, the same bytes: `make site` (a process of its own, in a copy
    of the project) and the session's build (in this process), of one date."""
    assert same_tree(site, built / "site")
    assert (built / "site" / "search" / "search_index.json").is_file()
    assert (built / "site" / "sitemap.xml").is_file()
    first = tmp_path / "first"
    shutil.copytree(built / "site", first)

    faq = built / "docs" / "feature_advice.en.md"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("{#gradient-clipping}", ""), encoding="utf-8")
    try:
        result = make_site(built)
    finally:
        faq.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert "feature_advice.en.md:" in result.stderr and "has no id" in result.stderr
    assert same_tree(first, built / "site")
    assert not list(built.glob(".site-build-*"))


# The steps around the build, with a stand-in for MkDocs (each real build costs seconds).

from tools import make_site as ms  # noqa: E402

FAKE_BUILD = """
import pathlib, sys, time
out = pathlib.Path(sys.argv[1]); out.mkdir(exist_ok=True)
time.sleep(float(sys.argv[2]))
(out / "index.html").write_text(sys.argv[3])
"""


@pytest.fixture
def fake_build(monkeypatch, tmp_path):
    """Run make_site.main in tmp_path with a build that takes `seconds` and writes `text`."""
    monkeypatch.chdir(tmp_path)

    def run(text: str = "new", seconds: float = 0.0) -> int:
        monkeypatch.setattr(ms, "build_command",
                            lambda _config, out: [sys.executable, "-c", FAKE_BUILD, str(out), str(seconds), text])
        return ms.main([])
    return run


def test_first_build_and_replacement(fake_build, tmp_path):
    assert fake_build("one") == 0
    assert (tmp_path / "site" / "index.html").read_text() == "one"
    assert fake_build("two") == 0
    assert (tmp_path / "site" / "index.html").read_text() == "two"
    assert not list(tmp_path.glob(ms.WORK_PREFIX + "*"))


def test_a_second_concurrent_run_is_refused(fake_build, tmp_path, capsys):
    assert fake_build("one") == 0
    held = ms.take_lock(tmp_path)
    try:
        assert fake_build("two") == 1
    finally:
        os.close(held)
    err = capsys.readouterr().err
    assert "another `make site` is running" in err and str(os.getpid()) in err
    assert (tmp_path / "site" / "index.html").read_text() == "one"
    assert fake_build("three") == 0  # the lock goes with its holder


def test_leftovers_and_read_only_old_sites_never_fail_a_build(fake_build, tmp_path):
    stale = tmp_path / (ms.WORK_PREFIX + "old")
    (stale / "deep").mkdir(parents=True)
    (stale / "deep" / "f").write_text("x")
    for folder in (stale / "deep", stale):
        folder.chmod(0o555)
    assert fake_build("one") == 0
    assert not stale.exists()
    assert (tmp_path / "site" / "index.html").read_text() == "one"


def test_an_old_site_that_cannot_be_removed_is_reported_and_retried(fake_build, tmp_path, monkeypatch, capsys):
    assert fake_build("one") == 0
    real_remove = ms.remove
    monkeypatch.setattr(ms, "remove", lambda path: "Permission denied")
    assert fake_build("two") == 0
    assert "could not be removed" in capsys.readouterr().err
    assert (tmp_path / "site" / "index.html").read_text() == "two"
    monkeypatch.setattr(ms, "remove", real_remove)
    assert fake_build("three") == 0
    assert not list(tmp_path.glob(ms.WORK_PREFIX + "*"))


def test_no_moment_without_a_site(fake_build, tmp_path):
    """A reader polling site/index.html through 20 replacements never misses it."""
    import threading
    assert fake_build("0") == 0
    seen, done = [0, 0], threading.Event()

    def poll() -> None:
        while not done.is_set():
            seen[0] += 1
            seen[1] += not (tmp_path / "site" / "index.html").exists()

    thread = threading.Thread(target=poll)
    thread.start()
    try:
        for n in range(20):
            assert fake_build(str(n)) == 0
    finally:
        done.set()
        thread.join()
    assert seen[0] > 100 and seen[1] == 0


def test_exchange_swaps_two_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from-a").touch()
    if not ms.exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("this filesystem has no atomic exchange; make_site falls back to two renames")
    assert (tmp_path / "b" / "from-a").exists() and not (tmp_path / "a" / "from-a").exists()


def test_ctrl_c_during_a_real_build_is_quiet_and_keeps_the_site(built, tmp_path):
    """Ctrl-C reaches make's whole process group, as from a terminal."""
    import signal
    import threading

    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    project = built
    shutil.copytree(project / "site", tmp_path / "before")
    # The build has begun when its work folder appears (inotify, through
    # watchdog, which MkDocs' serve already pins).
    begun = threading.Event()

    class WorkFolder(FileSystemEventHandler):
        def on_created(self, event) -> None:
            if Path(event.src_path).name.startswith(ms.WORK_PREFIX):
                begun.set()

    observer = Observer()
    observer.schedule(WorkFolder(), str(project))
    observer.start()
    try:
        proc = subprocess.Popen(["make", "site", f"VENV={Path(sys.prefix)}"], cwd=project, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        assert begun.wait(timeout=60), proc.poll()
    finally:
        observer.stop()
        observer.join()
    second = make_site(project)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert second.returncode != 0 and "another `make site` is running" in second.stderr
    assert proc.returncode != 0
    assert "Traceback" not in err + out and "KeyboardInterrupt" not in err + out
    assert "interrupted; site/ is unchanged" in err
    assert same_tree(tmp_path / "before", project / "site")
    assert not list(project.glob(ms.WORK_PREFIX + "*"))
