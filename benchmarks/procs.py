"""Processes of a measured command: its whole tree's peak memory, and Chromium's tab memory.

Why a sampler: our build starts a second process for the search index
(hooks/faqlib/background.py) while MkDocs goes on, so the build's memory is
the sum of both at the same moment. `wait4`'s ru_maxrss cannot give that: it
is the peak of one process (the waited child, or its largest waited-for
descendant), never a sum; and Linux folds the parent's high-water mark into
it when the child execs (exec_mmap), so a build started from this process,
which holds Playwright, reported this process' 110 MB at S.
So the tree is sampled every INTERVAL (/proc/<pid>/task/*/children):
- peak_tree_mb: the largest sum of VmRSS over the tree at one moment;
- peak_single_mb: the largest VmHWM (a process' own peak RSS, fresh at exec)
  seen in the tree, which also catches a spike between two samples.
The figure reported is the larger of the two. RSS counts pages that two
processes share twice: an upper bound.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.02


def children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                out += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    except OSError:
        pass
    return out


def tree(pid: int) -> list[int]:
    """*pid* and all its descendants, alive now."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children(current)
    return found


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_kb(pid: int) -> tuple[int, int]:
    """(sum of VmRSS, largest VmHWM) over *pid*'s tree now."""
    pids = tree(pid)
    return sum(_status_kb(p, "VmRSS:") for p in pids), max((_status_kb(p, "VmHWM:") for p in pids), default=0)


@dataclass
class Measured:
    seconds: float
    status: int  # the exit code; -1 when it was stopped at the timeout
    peak_mb: float  # max(sampled sum over the tree, single-process peak)
    peak_tree_mb: float  # sampled sum of RSS over the process tree
    peak_single_mb: float  # largest VmHWM seen: the peak of the largest single process
    stderr: str
    timed_out: bool


def run(command: list[str], cwd: Path, env: dict | None = None, timeout: float | None = None) -> Measured:
    """Run *command*, sampling its process tree's RSS; stop its whole group at *timeout* seconds."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        peak = [0, 0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                total, single = tree_kb(proc.pid)
                peak[0], peak[1] = max(peak[0], total), max(peak[1], single)
                done.wait(INTERVAL)

        def stop() -> None:
            stopped.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        stopped = threading.Event()
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, stop) if timeout else None
        if timer:
            timer.start()
        status = proc.wait()
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        if timer:
            timer.cancel()
        err.seek(0)
        text = err.read().decode(errors="replace")
    tree_mb, single_mb = peak[0] / 1024, peak[1] / 1024
    return Measured(seconds, -1 if stopped.is_set() else status, max(tree_mb, single_mb), tree_mb, single_mb,
                    text, stopped.is_set())


def renderer_pss_mb(root: int | None = None) -> float:
    """PSS of the tab's Chromium renderer processes under *root* (this process
    by default): the tab and its workers, not other people's browsers on a
    shared machine, nor the browser's own user interface (is_tab_renderer)."""
    total = 0
    for pid in tree(root or os.getpid()):
        try:
            if not is_tab_renderer(Path(f"/proc/{pid}/cmdline").read_bytes()):
                continue
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def is_tab_renderer(cmdline: bytes) -> bool:
    """A renderer process that may hold a tab's pages. Not the one Chromium
    156 starts with --top-chrome-webui for its own user interface, headless
    too: it grows from 36 to ~80 MB within 3 s of the
    browser's start with no page loaded at all, and the same whatever the tab
    shows (measured 2026-12-05, Chromium 156). Chromium's spare renderer,
    started ahead for the next page, is counted: it cannot be told apart."""
    # Substrings: Chromium's children rewrite their command line as one
    # space-separated title, so /proc/<pid>/cmdline has no NULs between flags.
    return b"--type=renderer" in cmdline and b"--top-chrome-webui" not in cmdline
