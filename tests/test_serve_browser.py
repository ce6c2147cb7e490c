"""A real browser against ``sovsim serve``: join with the code, make one choice, see it
in the store; a wrong join code is refused. Needs Debian's chromium and Playwright for
Python (Playwright's own browser download is not used); skips with the reason otherwise."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sim import sessions
from sim.loader import load_scenario
from sim.store import Store

from .conftest import EXAMPLE, ROOT

CHROMIUM = os.environ.get("SOVSIM_CHROMIUM", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"no chromium at {CHROMIUM} (install Debian's chromium: "
                              "apt-get install -y chromium; .ci/run does this)"),
]
playwright = pytest.importorskip("playwright.sync_api",
                                 reason="Playwright for Python is not installed "
                                        "(pip install -e '.[test]')")


def free_port() -> int:
    from .robustness.servekit import free_port as free  # honours $SOVSIM_TEST_PORTS

    return free()


def wait_for(what: str, check: Callable[[], object], timeout: float = 30.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path, rubric) -> Iterator[tuple[str, str, str, Path]]:  # noqa: ANN001
    with Store(tmp_path) as store:
        made = sessions.create_session(store, [load_scenario(EXAMPLE, rubric.dimension_ids())])
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sim.cli", "serve", "--port", str(port), "--session",
         made.session.id, "--data-dir", str(tmp_path)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        first = proc.stdout.readline()
        assert f"on http://127.0.0.1:{port}" in first, first
        second = proc.stdout.readline()
        assert sessions.format_code(made.join_code) in second
        wait_for("the server", lambda: _listening(port))
        yield f"http://127.0.0.1:{port}/", made.join_code, made.session.id, tmp_path
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _open(browser, url: str):  # noqa: ANN001, ANN202
    page = browser.new_page(viewport={"width": 1100, "height": 760})
    page.goto(url)
    page.wait_for_selector("textarea.xterm-helper-textarea", state="attached", timeout=30_000)
    page.wait_for_function("document.body.classList.contains('-first-byte')", timeout=30_000)
    time.sleep(1.0)  # the join screen draws
    page.focus("textarea.xterm-helper-textarea")
    return page


def enter(page, text: str) -> None:  # noqa: ANN001
    """Type into the focused field as a person would, then Enter (focus moves after it)."""
    page.keyboard.type(text, delay=40)
    page.keyboard.press("Enter")
    time.sleep(0.6)


def test_join_in_a_browser_and_choose(served) -> None:  # noqa: ANN001
    url, code, session_id, data = served
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        try:
            # a wrong join code is refused: nobody joins
            page = _open(browser, url)
            enter(page, "ZZZ-ZZZ")
            enter(page, "Bea")
            time.sleep(2.0)
            with Store(data) as store:
                assert store.participants(session_id) == []

            # the code field is emptied for another try; the right code lets Bea in
            enter(page, sessions.format_code(code).lower())
            enter(page, "")  # the name field still holds "Bea"

            def joined() -> object:
                with Store(data) as store:
                    return [p.name for p in store.participants(session_id)]

            assert wait_for("Bea to join", joined) == ["Bea"]
            time.sleep(1.0)
            page.keyboard.press("Enter")  # the first (only) scenario

            def runs() -> object:
                with Store(data) as store:
                    return store.runs(session_id=session_id)

            wait_for("a run to start", runs)

            def events() -> object:
                with Store(data) as store:
                    return store.session_events(session_id)

            # The app's play screen shows the opening at a reading pace: a number key first
            # shows all of it, then chooses. Press 1 until the choice is in the store.
            deadline = time.monotonic() + 30
            while not events() and time.monotonic() < deadline:
                page.keyboard.press("1")
                time.sleep(2.0)
            logged = wait_for("the choice in the store", events)
            time.sleep(1.0)  # nothing more comes in: one key, one choice
            logged = events()
            assert [(e["seq"], e["node"], e["choice"]) for e in logged] == \
                [(1, "balie", "rustig-uitleggen")]
            page.screenshot(path=str(data / "browser.png"))
        finally:
            browser.close()


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]

# Keep xterm.js's Terminal when textual.js makes it, to read what it is about to paint.
KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true,
                                             enumerable: true});
    window.__terminal = value;
  },
});
"""
SCREEN_TEXT = """() => {
  const t = window.__terminal; if (!t) return "";
  const b = t.buffer.active, rows = [];
  for (let i = 0; i < b.length; i++) rows.push(b.getLine(i).translateToString(true));
  return rows.join("\\n");
}"""


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: $SOVSIM_SCREENSHOTS (to look at them), else the test's folder."""
    folder = Path(os.environ.get("SOVSIM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.slow
def test_keys_typed_before_clicking_reach_the_join_screen(served, tmp_path) -> None:  # noqa: ANN001
    """The terminal has the focus as soon as the page loads, and keys typed before the app
    has drawn are kept until it has: nobody needs to click first."""
    url, code, session_id, data = served
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.add_init_script(KEEP_TERMINAL)
            page.goto(url)
            # straight away: no click, the app may not even be on screen yet
            page.keyboard.type(sessions.format_code(code), delay=30)
            page.keyboard.press("Enter")
            page.wait_for_function("document.body.classList.contains('-first-byte')",
                                   timeout=30_000)
            assert page.evaluate("document.activeElement.classList.contains("
                                 "'xterm-helper-textarea')")
            time.sleep(1.0)
            page.keyboard.type("Ilse", delay=30)
            page.keyboard.press("Enter")

            def joined() -> object:
                with Store(data) as store:
                    return [p.name for p in store.participants(session_id)]

            assert wait_for("Ilse to join without a click", joined) == ["Ilse"]
            page.screenshot(path=str(_shots(tmp_path) / "serve-joined-1280x720.png"),
                            full_page=True)
        finally:
            browser.close()


@pytest.mark.slow
def test_a_dropped_connection_is_said_and_resumes_with_the_token(tmp_path) -> None:  # noqa: ANN001
    """The network drops (a proxy between browser and serve cuts every connection): the page
    says so in the session's language, reconnects by itself when the network is back, and
    the new tab process gets the resume token the old one handed the page."""
    from sim.i18n import t

    from .robustness.servekit import Outage, free_port, runner, serving

    port, front = free_port(), free_port()
    echo = [sys.executable, "-m", "tests.robustness.resume_echo_app"]
    argv = runner(port, {}, echo, "--public-url", f"http://127.0.0.1:{front}")
    shots = _shots(tmp_path)
    with serving(argv, port) as served:
        outage = Outage(port, front)
        try:
            with playwright.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=BROWSER_ARGS)
                try:
                    pages = {}
                    for size in ((1280, 720), (390, 844)):
                        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                        page.add_init_script(KEEP_TERMINAL)
                        page.goto(f"http://127.0.0.1:{front}/")
                        pages[size] = page
                    for page in pages.values():
                        page.wait_for_function(f"({SCREEN_TEXT})().includes('resume=-')",
                                               timeout=30_000)
                        page.wait_for_function(
                            "sessionStorage.getItem('sovsim-resume') === 'tok-1'",
                            timeout=10_000)
                    for (w, h), page in pages.items():
                        page.screenshot(path=str(shots / f"serve-page-{w}x{h}.png"),
                                        full_page=True)

                    outage.cut()
                    for (w, h), page in pages.items():
                        page.wait_for_function(
                            "document.body.classList.contains('-sovsim-status')",
                            timeout=10_000)
                        message = page.inner_text("#sovsim-message")
                        assert message == t("serve.page.lost", "nl")
                        assert page.is_visible("#sovsim-reconnecting")
                        assert not page.is_visible("#sovsim-again")
                        page.screenshot(path=str(shots / f"serve-lost-{w}x{h}.png"),
                                        full_page=True)
                    time.sleep(3)  # a few polls fail while the network is down
                    wait_for("the old tab processes to end", lambda: not served.tabs(), 20)

                    outage.restore()
                    for page in pages.values():
                        page.wait_for_function(f"({SCREEN_TEXT})().includes('resume=tok-1')",
                                               timeout=30_000)
                        assert not page.evaluate(
                            "document.body.classList.contains('-sovsim-status')")
                        page.wait_for_function(
                            "sessionStorage.getItem('sovsim-resume') === 'tok-2'",
                            timeout=10_000)
                    assert len(served.tabs()) == 2
                finally:
                    browser.close()
        finally:
            outage.close()


@pytest.mark.slow
def test_a_short_outage_is_said_and_the_same_tab_goes_on(tmp_path) -> None:  # noqa: ANN001
    """Nothing gets through for a few seconds, but no connection is closed: the page says
    the connection is gone once the server stops answering, and when the network is back
    the message goes and the same tab process carries on (no reload, no new process)."""
    from .robustness.servekit import Outage, free_port, runner, serving

    port, front = free_port(), free_port()
    echo = [sys.executable, "-m", "tests.robustness.resume_echo_app"]
    argv = runner(port, {}, echo, "--public-url", f"http://127.0.0.1:{front}", "--lang", "en")
    with serving(argv, port) as served:
        outage = Outage(port, front)
        try:
            with playwright.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=BROWSER_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1280, "height": 720})
                    page.add_init_script(KEEP_TERMINAL)
                    page.goto(f"http://127.0.0.1:{front}/")
                    page.wait_for_function(f"({SCREEN_TEXT})().includes('resume=-')",
                                           timeout=30_000)
                    (pid,) = served.tabs()
                    outage.hold()
                    page.wait_for_function(
                        "document.body.dataset.sovsimStatus === 'lost'", timeout=15_000)
                    assert page.inner_text("#sovsim-message").startswith(
                        "The connection is gone")
                    outage.release()
                    page.wait_for_function("!document.body.dataset.sovsimStatus",
                                           timeout=10_000)
                    assert served.tabs() == [pid]
                    assert page.evaluate(f"({SCREEN_TEXT})()").count("resume=-") == 1
                finally:
                    browser.close()
        finally:
            outage.close()


@pytest.mark.slow
def test_a_long_outage_ends_the_tab_and_the_page_resumes_with_the_token(tmp_path) -> None:  # noqa: ANN001
    """The 25-s outage of the browser test: nothing gets through, no connection is closed.
    The server gives the silent tab up (its heartbeat) and ends its process; the page says
    the connection is gone, and once the network is back it connects afresh and the new
    process gets the resume token."""
    from .robustness.servekit import Outage, free_port, runner, serving

    port, front = free_port(), free_port()
    echo = [sys.executable, "-m", "tests.robustness.resume_echo_app"]
    argv = runner(port, {}, echo, "--public-url", f"http://127.0.0.1:{front}")
    with serving(argv, port) as served:
        outage = Outage(port, front)
        try:
            with playwright.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=BROWSER_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 390, "height": 844})
                    page.add_init_script(KEEP_TERMINAL)
                    page.goto(f"http://127.0.0.1:{front}/")
                    page.wait_for_function(f"({SCREEN_TEXT})().includes('resume=-')",
                                           timeout=30_000)
                    (old,) = served.tabs()
                    outage.hold()
                    page.wait_for_function(
                        "document.body.dataset.sovsimStatus === 'lost'", timeout=15_000)
                    wait_for("the server to end the silent tab", lambda: not served.tabs(), 40)
                    time.sleep(10)  # past the page's own 30 s
                    outage.release()
                    page.wait_for_function(f"({SCREEN_TEXT})().includes('resume=tok-1')",
                                           timeout=30_000)
                    assert not page.evaluate("document.body.dataset.sovsimStatus")
                    assert served.tabs() and served.tabs() != [old]
                finally:
                    browser.close()
        finally:
            outage.close()


@pytest.mark.slow
def test_a_reload_continues_the_same_run_without_the_code_or_the_name(served, tmp_path) -> None:  # noqa: ANN001
    """End to end: a trainee joins in a real tab and makes a choice; the page is reloaded
    (as after a dropped network or F5): the page's resume token brings the same
    participant back into the same run, without typing the code or the name again."""
    url, code, session_id, data = served

    def people() -> list[str]:
        with Store(data) as store:
            return [p.name for p in store.participants(session_id)]

    def events() -> list[dict]:
        with Store(data) as store:
            return store.session_events(session_id)

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            page.add_init_script(KEEP_TERMINAL)
            page.goto(url)
            page.wait_for_selector("textarea.xterm-helper-textarea", state="attached",
                                   timeout=30_000)
            page.wait_for_function("document.body.classList.contains('-first-byte')",
                                   timeout=30_000)
            time.sleep(1.0)
            page.focus("textarea.xterm-helper-textarea")
            enter(page, sessions.format_code(code))
            enter(page, "Noor")
            assert wait_for("Noor to join", people) == ["Noor"]
            wait_for("the page to keep a resume token",
                     lambda: page.evaluate("() => window.sovsimResume && window.sovsimResume.get()"))
            time.sleep(1.0)
            page.keyboard.press("Enter")  # the only scenario
            deadline = time.monotonic() + 30
            while not events() and time.monotonic() < deadline:
                page.keyboard.press("1")
                time.sleep(2.0)
            assert [(e["seq"], e["choice"]) for e in wait_for("the choice", events)] == \
                [(1, "rustig-uitleggen")]

            page.reload()
            page.wait_for_function("document.body.classList.contains('-first-byte')",
                                   timeout=30_000)
            # back in the run: its play screen, at the second decision, nothing typed
            shown = wait_for("the run on screen again", lambda: (
                page.evaluate(SCREEN_TEXT) if "Keuze 2" in page.evaluate(SCREEN_TEXT) else ""),
                timeout=40)
            assert "Deelnamecode" not in shown and "code" not in shown.split("Keuze 2")[0].lower()
            page.screenshot(path=str(_shots(tmp_path) / "serve-reloaded-same-run.png"))
            page.focus("textarea.xterm-helper-textarea")
            deadline = time.monotonic() + 30
            while len(events()) < 2 and time.monotonic() < deadline:
                page.keyboard.press("1")
                time.sleep(2.0)
            logged = events()
            assert [e["seq"] for e in logged] == [1, 2]
            assert len({e["run_id"] for e in logged}) == 1  # the same run went on
            assert people() == ["Noor"]  # and the same participant: nobody new joined
        finally:
            browser.close()
