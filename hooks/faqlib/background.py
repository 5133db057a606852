"""Run pure, CPU-bound work (the search index) in a second process.

MkDocs builds on one core. Tokenizing every question (jieba for Chinese) is
the largest step our hooks add, and it depends only on the collected
questions, so it can run on another core while MkDocs goes on: static-i18n
builds the next language, short links are written. The result is identical
to computing it in place, and where no second process can be had (none can
be started, or it dies), it is computed in place.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

_HOOKS = str(Path(__file__).resolve().parent.parent)


class Task:
    """fn(*args), running elsewhere or not at all yet; `result()` waits for it."""

    def __init__(self, fn: Callable[..., Any], args: tuple, future: Future | None) -> None:
        self.fn, self.args, self.future = fn, args, future
        self._value: tuple[Any] | None = None  # computed here once, for several readers

    def result(self, timeout: float | None = None) -> Any:
        """The value of fn(*args); its exception if it raised one."""
        if self.future is not None:
            try:
                return self.future.result(timeout)
            except BrokenProcessPool:
                pass  # the process died (killed, no memory): compute here
        if self._value is None:
            self._value = (self.fn(*self.args),)
        return self._value[0]


def _ignore_interrupts() -> None:
    """Ctrl-C is for the build, which stops and reports it; this process just ends with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def submit(fn: Callable[..., Any], *args: Any) -> Task:
    """Start fn(*args) (a function of faqlib, so a new process can import it) elsewhere."""
    # A spawned process starts with the sys.path its parent has when it starts;
    # MkDocs puts the hooks folder there only while loading the hooks.
    added = _HOOKS not in sys.path
    if added:
        sys.path.insert(0, _HOOKS)
    try:
        # spawn, not fork: `mkdocs serve` has threads, and forking them is unsafe.
        pool = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts
        )
        future = pool.submit(fn, *args)  # starts the process now, with this sys.path
        pool.shutdown(wait=False)
        return Task(fn, args, future)
    except (OSError, RuntimeError, NotImplementedError):
        return Task(fn, args, None)
    finally:
        if added:
            sys.path.remove(_HOOKS)
