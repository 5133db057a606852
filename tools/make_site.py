"""`make site`: build strictly into a fresh folder, then put it in place of site/ at once.

- One run at a time: a second concurrent run is refused with a message (a lock
  file, released by the kernel when the process ends however it ends).
- Nothing is touched before the new build has succeeded; the new site replaces
  the old one in one step (renameat2 RENAME_EXCHANGE), so there is no moment
  without a site/ for a reader or a server polling it.
- Ctrl-C (or SIGTERM) stops the build quietly, exit 130, with site/ unchanged.
- Leftovers of interrupted or killed runs, and an old site that could not be
  removed (read-only), are removed best-effort at the next run and never make
  a build fail.

Usage: python tools/make_site.py [--site-dir site]
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

LOCK_NAME = ".site.lock"
WORK_PREFIX = ".site-build-"  # new builds, and old sites waiting to be removed
INTERRUPTED = 130

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the kernel or filesystem cannot."""
    # The standard library has no renameat2 (Python 3.11); glibc has had it since 2.28.
    libc = ctypes.CDLL(None, use_errno=True)
    func = getattr(libc, "renameat2", None)
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def replace(new: Path, site: Path, graveyard: Path) -> Path | None:
    """Put `new` at `site`; returns where the old site went (to be removed), if any."""
    if not os.path.lexists(site):
        os.rename(new, site)
        return None
    if exchange(new, site):
        return new  # `new` now holds the old site
    # No atomic exchange here: two renames, the shortest gap we can have.
    os.rename(site, graveyard)
    os.rename(new, site)
    return graveyard


def remove(path: Path) -> str | None:
    """Remove a tree, making read-only folders writable first; the reason if it cannot."""

    def writable_and_retry(func, p, _exc) -> None:
        parent = os.path.dirname(p)
        for q in (parent, p):
            try:
                os.chmod(q, os.stat(q).st_mode | stat.S_IWUSR | stat.S_IXUSR | stat.S_IRUSR)
            except OSError:
                pass
        func(p)

    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, onerror=writable_and_retry)
        elif os.path.lexists(path):
            path.unlink()
    except OSError as err:
        return err.strerror or str(err)
    return None


def clear_leftovers(root: Path) -> None:
    """Remove what earlier interrupted runs left; warn, never fail."""
    for path in sorted(root.glob(WORK_PREFIX + "*")):
        reason = remove(path)
        if reason:
            print(f"make site: could not remove the leftover {path.name}/ ({reason}); "
                  "remove it by hand when convenient", file=sys.stderr)


def take_lock(root: Path) -> int | None:
    """The lock's file descriptor, or None when another run holds it."""
    fd = os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def holder(root: Path) -> str:
    try:
        return (root / LOCK_NAME).read_text().strip() or "?"
    except OSError:
        return "?"


def build_command(config_file: str, site_dir: Path) -> list[str]:
    """The strict MkDocs build, into `site_dir`."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", config_file, "--site-dir", str(site_dir)]


class Stop:
    """Records SIGINT/SIGTERM and passes them on to the build's process group."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self.child: subprocess.Popen | None = None

    def __call__(self, signum: int, _frame: FrameType | None) -> None:
        self.signal = signum
        if self.child is not None and self.child.poll() is None:
            try:
                # The build runs in its own session, so the terminal's Ctrl-C
                # reaches only us; we end the build (and its index process) with
                # SIGTERM, which prints no traceback.
                os.killpg(self.child.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site")
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    root = Path.cwd()
    site = root / args.site_dir

    stop = Stop()
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    lock = take_lock(root)
    if lock is None:
        print(f"make site: another `make site` is running in {root} (pid {holder(root)}); "
              "wait for it to finish, then run it again", file=sys.stderr)
        return 1
    clear_leftovers(root)
    new = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=root))
    try:
        stop.child = subprocess.Popen(build_command(args.config_file, new), start_new_session=True)
        if stop.signal is not None:  # arrived while starting it
            stop(stop.signal, None)
        code = stop.child.wait()
        if stop.signal is not None:
            print("make site: interrupted; site/ is unchanged", file=sys.stderr)
            return INTERRUPTED
        if code != 0:
            print("make site: the build failed; site/ is unchanged", file=sys.stderr)
            return 1
        # Signals arriving from here on are only recorded: the swap completes.
        old = replace(new, site, Path(tempfile.mktemp(prefix=WORK_PREFIX, dir=root)))
        new = None
        if old is not None:
            reason = remove(old)
            if reason:
                print(f"make site: the new site is in place, but the old one could not be "
                      f"removed from {old.name}/ ({reason}); it is retried at the next run",
                      file=sys.stderr)
        print(f"Built: open {args.site_dir}/index.html")
        return INTERRUPTED if stop.signal is not None else 0
    finally:
        if new is not None:
            remove(new)
        os.close(lock)


if __name__ == "__main__":
    sys.exit(main())
