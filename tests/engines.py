"""Firefox ESR and WebKitGTK for the cross-engine tests (tests/test_engines.py).

Both are Debian's packages, driven from Python without any download:

- Firefox through Marionette, its own automation protocol, with Mozilla's
  `marionette-driver` (the client Firefox's own test suites use). Marionette is
  what geckodriver translates WebDriver into; Debian ships no geckodriver, and
  Selenium would try to download one.
- WebKitGTK through Selenium's WebKitGTK driver and Debian's WebKitWebDriver
  (package webkit2gtk-driver), which starts WebKitGTK's MiniBrowser. MiniBrowser
  has no headless mode, so it runs on an Xvfb display started here.

`Engine` gives the tests one small interface over both: go to an address, run
a script, wait for a condition (polling, no fixed sleeps), click, type.
"""

from __future__ import annotations

import glob
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.procs import tree
from tests.browser import first_existing

ENGINES = ("firefox", "webkit")
TIMEOUT = 10.0
POLL = 0.02


def firefox_path() -> str | None:
    """$FIREFOX, else Debian's firefox-esr, else firefox on PATH."""
    return first_existing(os.environ.get("FIREFOX"), "/usr/bin/firefox-esr", shutil.which("firefox-esr"), shutil.which("firefox"))


def webkit_paths() -> tuple[str | None, str | None, str | None]:
    """WebKitWebDriver, MiniBrowser and Xvfb (webkit2gtk-driver, libwebkit2gtk, xvfb)."""
    driver = os.environ.get("WEBKIT_WEBDRIVER") or shutil.which("WebKitWebDriver")
    browsers = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"), reverse=True)
    return driver, (browsers[0] if browsers else None), shutil.which("Xvfb")


def missing(engine: str) -> str | None:
    """Why *engine* cannot run here, or None."""
    if engine == "firefox":
        if firefox_path() is None:
            return "no Firefox (apt-get install firefox-esr, or set $FIREFOX)"
        try:
            import marionette_driver  # noqa: F401
        except ImportError:
            return "marionette-driver is not installed (pip install -r requirements-test.txt)"
        return None
    driver, browser, xvfb = webkit_paths()
    for path, what in ((driver, "WebKitWebDriver (apt-get install webkit2gtk-driver)"), (browser, "WebKitGTK's MiniBrowser (apt-get install webkit2gtk-driver)"), (xvfb, "Xvfb (apt-get install xvfb)")):
        if path is None:
            return f"no {what}"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -r requirements-test.txt)"
    return None


class Engine:
    """One browser window, driven the same way in both engines."""

    name: str
    version: str

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def js(self, script: str, *args):
        """Run *script* (a function body: `return …`, arguments in `arguments`) in the page."""
        raise NotImplementedError

    def click(self, selector: str) -> None:
        """A real click (the driver's) on the first element matching *selector*."""
        raise NotImplementedError

    def type(self, selector: str, text: str) -> None:
        """Real keys into the element matching *selector*."""
        raise NotImplementedError

    def url(self) -> str:
        return self.js("return location.href")

    def until(self, condition: Callable[[], object], message: str = "", timeout: float = TIMEOUT):
        """Poll *condition* until it returns something truthy (an explicit wait); return it."""
        raise NotImplementedError

    def wait(self, script: str, *args, timeout: float = TIMEOUT):
        """Wait until the page script *script* returns something truthy; return it."""
        return self.until(lambda: self.js(script, *args), message=script, timeout=timeout)

    def timeout_error(self) -> type[Exception]:
        """The driver's exception for an `until` that ran out of time."""
        raise NotImplementedError

    def eventually(self, script: str, expected, *args, timeout: float = TIMEOUT):
        """The value of *script* once it equals *expected*, else its last value
        when *timeout* runs out (for an assertion that shows what was there)."""
        seen = []

        def check() -> bool:
            seen[:] = [self.js(script, *args)]
            return seen[0] == expected

        try:
            self.until(check, message=script, timeout=timeout)
        except self.timeout_error():
            pass
        return seen[0]


class Firefox(Engine):
    name = "firefox"

    def __init__(self, marionette) -> None:
        self.m = marionette
        self.version = marionette.session_capabilities["browserVersion"]

    def goto(self, url: str) -> None:
        self.m.navigate(url)

    def js(self, script: str, *args):
        # sandbox=None: the page's own scope, as WebDriver runs scripts.
        return self.m.execute_script(script, script_args=list(args), sandbox=None, new_sandbox=False)

    def click(self, selector: str) -> None:
        from marionette_driver import By

        self.m.find_element(By.CSS_SELECTOR, selector).click()

    def type(self, selector: str, text: str) -> None:
        from marionette_driver import By

        self.m.find_element(By.CSS_SELECTOR, selector).send_keys(text)

    def until(self, condition, message="", timeout=TIMEOUT):
        from marionette_driver import Wait

        return Wait(self.m, timeout=timeout, interval=POLL).until(lambda _: condition(), message=message)

    def timeout_error(self) -> type[Exception]:
        from marionette_driver.errors import TimeoutException

        return TimeoutException


class WebKit(Engine):
    name = "webkit"

    def __init__(self, driver) -> None:
        self.d = driver
        self.version = driver.capabilities.get("browserVersion", "")

    def goto(self, url: str) -> None:
        self.d.get(url)

    def js(self, script: str, *args):
        return self.d.execute_script(script, *args)

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.d.find_element(By.CSS_SELECTOR, selector).click()

    def type(self, selector: str, text: str) -> None:
        from selenium.webdriver.common.by import By

        self.d.find_element(By.CSS_SELECTOR, selector).send_keys(text)

    def until(self, condition, message="", timeout=TIMEOUT):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.d, timeout, poll_frequency=POLL).until(lambda _: condition(), message=message)

    def timeout_error(self) -> type[Exception]:
        from selenium.common.exceptions import TimeoutException

        return TimeoutException


@contextmanager
def xvfb() -> Iterator[str]:
    """A virtual X display of our own (Xvfb picks a free number); yields ':N'."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                raise RuntimeError(f"Xvfb exited ({server.wait()}) before giving its display")
            number += chunk
        yield ":" + number.decode().strip()
    finally:
        os.close(read)
        server.terminate()
        server.wait()


def _exited(pids: list[int], timeout: float = TIMEOUT) -> None:
    """Wait until the processes *pids* have exited: a pidfd becomes readable
    when its process exits, whoever its parent is (these are not ours)."""
    fds = []
    for pid in pids:
        try:
            fds.append(os.pidfd_open(pid))
        except ProcessLookupError:
            continue  # gone already
    try:
        deadline = time.monotonic() + timeout
        while fds:
            left = deadline - time.monotonic()
            ready = select.select(fds, [], [], max(0.0, left))[0]
            if not ready and left <= 0:
                raise TimeoutError(f"{len(fds)} WebKit process(es) still running {timeout} s after the driver quit")
            for fd in ready:
                os.close(fd)
            fds = [fd for fd in fds if fd not in ready]
    finally:
        for fd in fds:
            os.close(fd)


@contextmanager
def launch(engine: str) -> Iterator[Engine]:
    """Start *engine* with a fresh profile, in a 1280×900 window."""
    if engine == "firefox":
        from marionette_driver.marionette import Marionette

        work = tempfile.TemporaryDirectory(prefix="firefox-")
        # port 0: Marionette picks a free port, so parallel runs do not clash.
        # Its profiles and Firefox's log go to a temporary folder of ours (by
        # default the log goes to the working directory).
        # At 20 frames a second, not the display's 60: headless Firefox paints
        # every frame in software (WebRender's Renderer thread in its parent
        # process), and Material's transitions ask for frames. What the tests
        # check (scripts, DOM, links, search) does not depend on how often the
        # page is painted; the Firefox tests took 19.1 and 19.0 core-s, then
        # 16.3 and 14.2 (the Renderer thread 3.1 -> 1.4; waits poll every POLL
        # seconds either way).
        marionette = Marionette(
            bin=firefox_path(), port=0, headless=True, workspace=work.name, gecko_log=work.name,
            prefs={"layout.frame_rate": 20},
        )
        profiles = [marionette.instance.profile]
        try:
            marionette.start_session()
            marionette.set_window_rect(width=1280, height=900)
            yield Firefox(marionette)
        finally:
            marionette.cleanup()  # quits Firefox, removes its profile and makes a new empty one
            profiles.append(marionette.instance.profile)
            # The folder goes with all of them; their own __del__ would try again
            # at interpreter exit, and print an ImportError.
            for profile in profiles:
                if profile is not None:
                    profile.restore = False
            work.cleanup()
        return
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    driver_path, browser_path, _ = webkit_paths()
    home = tempfile.TemporaryDirectory(prefix="webkit-")
    with xvfb() as display, home:
        options = Options()
        options.binary_location = browser_path
        options.add_argument("--automation")
        # An explicit driver path: Selenium Manager (which downloads drivers) is never asked.
        # Its caches and data in a folder of its own, not the user's home.
        # Drawn without accelerated compositing: this machine has no GPU, and
        # on Mesa's software GL (llvmpipe) the web process kept repainting a
        # loaded FAQ page at up to a core while idle (its Skia and llvmpipe
        # threads). What the tests check (scripts, DOM, links, search) does
        # not depend on how pages are composited; WebKit's tests took 34 core-s, now 27.
        env = {**os.environ, "DISPLAY": display, "HOME": home.name, "XDG_CACHE_HOME": home.name, "XDG_DATA_HOME": home.name,
               "MESA_SHADER_CACHE_DISABLE": "true", "WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
        service = Service(executable_path=driver_path, env=env)
        driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            driver.set_window_rect(width=1280, height=900)
            yield WebKit(driver)
        finally:
            # WebKit's processes (MiniBrowser, its web and network processes)
            # write into the home folder as they exit, after the driver has
            # quit: the folder goes once they are gone.
            processes = tree(service.process.pid)
            driver.quit()
            _exited(processes)
