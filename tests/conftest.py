"""Shared fixtures: one strict build of the site per session, parsed pages,
and real Chromium (Debian's package) driven by Playwright."""

from __future__ import annotations

import functools
import gc
import logging
import os
import re
import shutil
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from tests.browser import chromium_path, launch, serve, shell_path  # noqa: E402

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# A worker holds many objects for the whole session (jieba's dictionary,
# parsed pages, builds' trees), and Python's default thresholds (700, 10, 10)
# collected them all again 35 times a run: 6.4 of make test's core-seconds
# went to the garbage collector, 2.0 with these (measured with gc.callbacks).
gc.set_threshold(10_000, 50, 100)
os.environ.pop("SITE_URL", None)
SEED = ROOT.parent / "shared" / "seed" / "feature_advice.zh.md"
LANGS = ("zh", "en")


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of *project* into *site*, as a user runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


#: The build date of the session's site (MkDocs reads SOURCE_DATE_EPOCH):
#: tests/test_make_site.py checks that `make site` with it gives the same bytes.
EPOCH = "1700000000"


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id) -> Path:
    """The site, built once per session with --strict into a temp folder (dated
    EPOCH), shared by the session's workers (pytest-xdist): the first to need
    it builds it, under a lock, and the others wait for it."""
    def build(folder: Path) -> Build:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
            return build_here(ROOT, folder)

    if worker_id == "master":
        result = build(tmp_path_factory.mktemp("site"))
        assert result.ok, result.log
        return result.site
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done, failed = shared / "site.built", shared / "site.failed"
        if not done.exists() and not failed.exists():
            result = build(shared / "site")
            (done if result.ok else failed).write_text(result.log, encoding="utf-8")
    assert done.exists(), failed.read_text(encoding="utf-8")
    return shared / "site"


# pytest-xdist sends whole files to the two workers (pytest.ini), each worker
# holding one more than it runs. Longest first, so that the two end together;
# and the two that start first share the cores well: a browser file beside
# one that builds in Python (two browser files side by side both ran slower).
LONGEST_FIRST = (
    "test_engines.py",  # Firefox and WebKit, a 1,000-question site
    "test_build_checks.py",  # 94 builds in Python
    "test_corpus.py",  # the whole FAQ imported and built
    "test_browser.py",
    "test_search_loading.py",
    "test_readers_audit.py",
    "test_search_parity.py",
    "test_make_site.py",
    "test_readers_keys.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order


def lang_root(site: Path, lang: str) -> Path:
    return site if lang == "zh" else site / lang


@pytest.fixture(scope="session")
def pages(site):
    """Parsed HTML: pages(lang, 'feature_advice.html') -> BeautifulSoup."""
    cache: dict[tuple[str, str], BeautifulSoup] = {}

    def get(lang: str, name: str) -> BeautifulSoup:
        if (lang, name) not in cache:
            cache[lang, name] = BeautifulSoup((lang_root(site, lang) / name).read_text(encoding="utf-8"), "html.parser")
        return cache[lang, name]

    return get


def copy_project(dest: Path) -> Path:
    """The project's config and assets in *dest*, docs left to the test. The
    config uses this checkout's hooks and overrides (by absolute path), so
    in-process builds share one import of them, as MkDocs caches hooks by path."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - hooks/", f"  - {ROOT.as_posix()}/hooks/")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT.as_posix()}/overrides")
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    return dest


@dataclass
class Build:
    """An in-process strict build: did it succeed, and what did it say."""

    ok: bool
    log: str
    site: Path


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates shared by every in-process build of the session:
    MkDocs makes a new Jinja environment per build, and compiling Material's
    templates again is most of a small build's time. A template is kept by
    its file name with its source's checksum, so a changed template is
    compiled anew; kept as its code object (immutable), not as bytes to
    unmarshal again in every build (a tenth of a small build)."""

    def __init__(self) -> None:
        self.store: dict[str, tuple[str, types.CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.store.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)


@pytest.fixture(scope="session", autouse=True)
def _shared_template_cache():
    """Compiled templates, the theme's static files and the installed themes
    and plugins, shared by the session's builds."""
    import mkdocs.plugins
    import mkdocs.utils
    from mkdocs.theme import Theme

    cache, get_env = _MemoryBytecodeCache(), Theme.get_env
    listed: dict[tuple, list[str]] = {}

    def cached_env(theme):
        env = get_env(theme)
        env.bytecode_cache = cache
        # MkDocs lists the theme's static files on every build by walking its
        # folders (Material's holds thousands of icons) and matching each name
        # against patterns that depend only on the theme: most of a small
        # build's time. The theme does not change within a session.
        key = (tuple(theme.dirs), tuple(theme.static_templates))
        list_templates = env.list_templates

        def listed_once(extensions=None, filter_func=None):
            if extensions is not None or filter_func is None:
                return list_templates(extensions, filter_func)
            if key not in listed:
                listed[key] = list_templates(filter_func=filter_func)
            return list(listed[key])

        env.list_templates = listed_once
        return env

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Theme, "get_env", cached_env)
        # Each build also looks up every installed theme and plugin (entry points,
        # a scan of site-packages: a tenth of a small build); none is installed
        # within a session.
        mp.setattr(mkdocs.utils, "get_themes", functools.lru_cache(maxsize=1)(mkdocs.utils.get_themes))
        mp.setattr(mkdocs.plugins, "get_plugins", functools.lru_cache(maxsize=1)(mkdocs.plugins.get_plugins))
        yield


def build_here(project: Path, site: Path | None = None) -> Build:
    """`mkdocs build --strict` of *project*, in this process (no interpreter or
    jieba start-up per build). Configuration errors and strict aborts are
    results; any other exception escapes, as it would be a traceback."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site = site or project / "out"
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    ok = False
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)
        ok = True
    except MkDocsException as err:  # PluginError, ConfigurationError, Abort
        capture.lines.append(f"Error: {err}")
    finally:
        logger.removeHandler(capture)
    return Build(ok, "\n".join(capture.lines), site)


@pytest.fixture
def fixture_project(tmp_path):
    """A copy of the project with a docs/ of the test's own making."""
    return copy_project(tmp_path)


# ---------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def _playwright():
    """Playwright, once per session (a second sync_playwright() in the same
    thread is refused): both Chromium builds below are launched from it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def _chromium(playwright, shell: bool):
    """Chromium (tests/browser.py launch), skipped only when it is missing and
    CI is unset; with CI=true a missing one fails."""
    if (shell_path() if shell else chromium_path()) is None:
        package = "chromium-headless-shell" if shell else "chromium"
        if os.environ.get("CI"):
            pytest.fail(f"CI=true but no {package}: .ci/run installs Debian's {package}")
        pytest.skip(f"no {package} on this machine (install Debian's {package})")
    with launch(playwright, shell=shell) as chromium:
        yield chromium


@pytest.fixture(scope="session")
def browser(_playwright):
    """Chromium's headless shell, for most browser tests (tests/browser.py
    launch says why). Without CI, where it is missing, the reader's Chromium."""
    yield from _chromium(_playwright, shell=shell_path() is not None or bool(os.environ.get("CI")))


@pytest.fixture(scope="session")
def reader_browser(_playwright):
    """The reader's Chromium (Debian's chromium), as a reader opens the site."""
    yield from _chromium(_playwright, shell=False)


@pytest.fixture(scope="session")
def _tabs(browser):
    """One context of the session (per worker), clipboard allowed, and its tab
    while it lives. A new tab costs Chromium 156 a renderer process: the FAQ
    page with its search opened took 1.9 core-s in a new tab (or context), 0.8
    in the open one after about:blank; ~45 tests ask for a page."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tabs: list = []
    yield context, tabs
    context.close()


@pytest.fixture
def page(_tabs):
    """A tab that records every request, page error, console error or warning,
    failed request and http error from now on (.requests, .errors, .console,
    .failed, .http_errors). The session's open tab, reused: after each test
    its listeners and routes go, the storage of the origins it opened is
    cleared and it is left on about:blank; a tab that was closed or crashed
    is replaced."""
    yield from _recording(*_tabs)


@pytest.fixture
def reader_page(reader_browser):
    """A tab of the reader's Chromium, in a context of its own, recording as
    `page` does."""
    context = reader_browser.new_context()
    try:
        yield from _recording(context, [])
    finally:
        context.close()


def _recording(context, tabs: list):
    """The open tab of *tabs* (a new one of *context* if none is open),
    recording for the test, then reset (see `page`)."""
    from playwright.sync_api import Error as PlaywrightError

    if not tabs or tabs[0].is_closed():
        tabs[:] = [context.new_page()]
    tab = tabs[0]
    tab.requests, tab.errors, tab.console, tab.failed, tab.http_errors = [], [], [], [], []
    listeners = {
        "request": lambda request: tab.requests.append(request.url),
        "pageerror": lambda error: tab.errors.append(str(error)),
        "console": lambda m: m.type in ("error", "warning") and tab.console.append(f"{m.type}: {m.text}"),
        "requestfailed": lambda r: tab.failed.append(f"{r.url} {r.failure}"),
        "response": lambda r: r.status >= 400 and tab.http_errors.append(f"{r.status} {r.url}"),
    }
    for event, listener in listeners.items():
        tab.on(event, listener)
    yield tab
    for event, listener in listeners.items():
        tab.remove_listener(event, listener)
    if tab.is_closed():
        return
    try:
        reset_tab(context, tab, tab.requests)
    except PlaywrightError:
        tab.close()  # the next test gets a new one


def reset_tab(context, tab, requested: list[str]) -> None:
    """Leave *tab* for the next test as a new one would be: its routes gone,
    the storage (local, session, cookies, caches) of every origin it asked
    for (*requested*) cleared, on about:blank."""
    tab.unroute_all(behavior="ignoreErrors")
    origins = {re.match(r"[a-z]+://[^/]*", url).group(0) for url in requested if url.startswith(("file:", "http:"))}
    cdp = context.new_cdp_session(tab)
    try:
        for origin in sorted(origins):
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    finally:
        cdp.detach()
    tab.goto("about:blank")


@pytest.fixture(scope="session")
def http_site(site):
    """The built site served over http on loopback."""
    with serve(site) as base:
        yield base
