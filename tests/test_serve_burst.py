"""Real browsers against ``sovsim serve``: several trainees at once each type the join code,
Tab and their name in one burst (Playwright's keyboard with no delay) while the server is
busy starting the others; every one of them joins under the name they typed. Before, the
name often landed in the code field (Textual applied the focus change after the next keys).
Also: the join screen on a phone (390x844) keeps its English button. Needs Debian's
chromium and Playwright for Python; skips with the reason otherwise."""

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
TABS = 6

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"no chromium at {CHROMIUM} (apt-get install -y chromium)"),
]
playwright = pytest.importorskip("playwright.sync_api",
                                 reason="Playwright for Python is not installed")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# keeps the xterm.js terminal of the page, to read what it shows (its text is on a canvas)
KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, 'terminal', {
  set(v) { Object.defineProperty(this, 'terminal', {value: v, writable: true});
           window.__term = v; },
  configurable: true });
"""
SCREEN_TEXT = """() => { const b = window.__term && window.__term.buffer.active; if (!b) return '';
  let s = []; for (let i = 0; i < b.length; i++) { const l = b.getLine(i);
  if (l) s.push(l.translateToString(true)); } return s.join('\\n'); }"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(what: str, check: Callable[[], object], timeout: float = 60.0) -> object:
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
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sim.cli", "serve", "--port", str(port), "--session",
         made.session.id, "--data-dir", str(tmp_path)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        def listening() -> bool:
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", port)) == 0

        _wait("the server", listening)
        yield f"http://127.0.0.1:{port}/", made.join_code, made.session.id, tmp_path
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _join_screen(page) -> None:  # noqa: ANN001
    page.wait_for_function("document.body.classList.contains('-first-byte')", timeout=60_000)
    _wait("the join screen", lambda: "Deelnamecode" in page.evaluate(SCREEN_TEXT))
    page.focus("textarea.xterm-helper-textarea")


def test_a_burst_of_code_tab_name_joins_in_every_tab(served) -> None:  # noqa: ANN001
    url, code, session_id, data = served
    names = [f"Deelnemer {chr(65 + i)}" for i in range(TABS)]
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            pages = []
            for _ in names:  # all tabs open at once: the server starts them together
                ctx = browser.new_context(viewport={"width": 1280, "height": 720})
                ctx.add_init_script(KEEP_TERMINAL)
                page = ctx.new_page()
                page.goto(url)
                pages.append(page)
            for page in pages:
                _join_screen(page)
            for page, name in zip(pages, names, strict=True):  # one burst per tab, no pause
                page.keyboard.type(sessions.format_code(code).lower())
                page.keyboard.press("Tab")
                page.keyboard.type(name)
                page.keyboard.press("Enter")

            def joined() -> object:
                with Store(data) as store:
                    found = sorted(x.name for x in store.participants(session_id))
                return found if len(found) == len(names) else None

            assert _wait("every tab to join", joined) == sorted(names)
            for page in pages:
                _wait("the scenario list", lambda pg=page: "Kies een scenario"
                      in pg.evaluate(SCREEN_TEXT) or "scenario" in pg.evaluate(SCREEN_TEXT))
            pages[0].screenshot(path=str(data / "burst-joined.png"))
        finally:
            browser.close()


def test_the_join_screen_on_a_phone_keeps_its_buttons(served) -> None:  # noqa: ANN001
    url, _code, _session_id, data = served
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 390, "height": 844})
            ctx.add_init_script(KEEP_TERMINAL)
            page = ctx.new_page()
            page.goto(url)
            _join_screen(page)
            time.sleep(0.5)
            screen = page.evaluate(SCREEN_TEXT)
            cols = page.evaluate("window.__term.cols")
            assert cols < 60  # a phone: the narrow layout
            for button in ("Meedoen", "Ik ben de trainer", "English"):
                assert button in screen, screen
            last = [ln for ln in screen.splitlines() if ln.strip()][-1]
            assert "English" in last or "Hulp" in last  # the footer, whole
            page.screenshot(path=str(data / "phone-join.png"))
        finally:
            browser.close()
