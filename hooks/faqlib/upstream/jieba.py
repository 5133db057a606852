"""jieba internals, read from jieba 0.42.1 (jieba/__init__.py, Tokenizer.initialize).

jieba keeps its prefix dictionary in a cache file that it writes on first use
(tempfile.gettempdir()/jieba.cache, 9 MB) and reads back in every later
process with `marshal.load(file)`. That reads the file one object at a time
through the file's Python methods: 0.84 s per process on this machine, a
quarter of a build of the seed site. `marshal.loads` of the whole file's bytes
gives the same objects in 0.22 s. jieba offers no way to choose how the cache
is read, so for the length of its initialize() its module's `marshal` is one
whose load() reads the file at once; everything else (which file, whether it
is fresh, building and writing it when it is not) stays jieba's own.
"""

from __future__ import annotations

import marshal
from typing import BinaryIO

#: The release this adapter was read from (tests/test_upstream.py pins it).
READ_FROM = {"jieba": "0.42.1"}


class _WholeFileMarshal:
    """The marshal module as jieba's initialize() uses it (load, dump), with
    load() reading the whole file first. Counts its loads, for the test that
    checks jieba still reads its cache through it."""

    dump = staticmethod(marshal.dump)

    def __init__(self) -> None:
        self.loads = 0

    def load(self, file: BinaryIO) -> object:
        self.loads += 1
        return marshal.loads(file.read())


def initialize(tokenizer) -> int:
    """`tokenizer.initialize()`, a jieba Tokenizer (jieba.dt is the one
    jieba.cut uses), with the cache read whole; returns how many cache files
    were read that way (0 when jieba built its dictionary anew, or the
    tokenizer was initialized already)."""
    import jieba

    if jieba.marshal is not marshal:
        raise RuntimeError("jieba's module no longer uses marshal for its cache (faqlib/upstream/jieba.py)")
    reader = _WholeFileMarshal()
    jieba.marshal = reader
    try:
        tokenizer.initialize()
    finally:
        jieba.marshal = marshal
    return reader.loads
