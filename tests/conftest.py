"""Shared fixtures: one strict build of the site per session, parsed pages,
and real Chromium (Debian's package) driven by Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from tests.browser import chromium_path, launch, serve  # noqa: E402

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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per session with --strict into a temp folder."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


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
    """The project's config, hooks, overrides and assets in *dest*, docs left to the test."""
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    return dest


@pytest.fixture
def fixture_project(tmp_path):
    """A copy of the project with a docs/ of the test's own making."""
    return copy_project(tmp_path)


# ---------------------------------------------------------------- browser

@pytest.fixture(scope="session")
def browser():
    """Headless Chromium; skipped only when none exists and CI is unset."""
    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("CI=true but no Chromium: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium on this machine (install Debian's chromium or set $CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, launch(playwright) as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def http_site(site):
    """The built site served over http on loopback."""
    with serve(site) as base:
        yield base
