"""Run pure, CPU-bound work (the search index) in a second process.

MkDocs builds on one core. Tokenizing every question (jieba for Chinese) is
the largest step our hooks add, and it depends only on the collected
questions, so it can run on another core while MkDocs goes on: static-i18n
builds the next language, short links are written. The result is identical
to computing it in place; where no second process can be started, it is.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

_HOOKS = str(Path(__file__).resolve().parent.parent)


def submit(fn: Callable[..., Any], *args: Any) -> Future:
    """Start fn(*args) (a function of faqlib) in a fresh process; fall back to running it here."""
    # A spawned process starts with the sys.path its parent has when it starts;
    # MkDocs puts the hooks folder there only while loading the hooks.
    added = _HOOKS not in sys.path
    if added:
        sys.path.insert(0, _HOOKS)
    try:
        # spawn, not fork: `mkdocs serve` has threads, and forking them is unsafe.
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        future = pool.submit(fn, *args)  # starts the process now, with this sys.path
        pool.shutdown(wait=False)
        return future
    except (OSError, RuntimeError, NotImplementedError):
        done: Future = Future()
        try:
            done.set_result(fn(*args))
        except Exception as err:  # noqa: BLE001 - handed to the caller as with a process
            done.set_exception(err)
        return done
    finally:
        if added:
            sys.path.remove(_HOOKS)
