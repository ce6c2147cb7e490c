"""One writer per run (attack.md, area 2: "two instances"): two plain-mode processes, and
two app windows, on the same run. The second window is told that the run is open
elsewhere and may watch or take over; it never writes between the other's saves; a
window whose run was taken over is told and saves nothing; an undo in one window never
deletes the other's steps. A killed window frees its run at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sim.store import DB_NAME, Store
from tests.app.conftest import aio, make_app

from .helpers import HERE

ROOT = HERE.parent.parent
MARATHON = HERE / "data" / "marathon.yaml"


class Plain:
    """A plain-mode process typed at and read from, as a trainee at a screen reader."""

    def __init__(self, tmp_path: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_DATA_DIR": str(tmp_path / "data"),
               "SOVSIM_CACHE_DIR": str(tmp_path / "cache")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sim.cli", "--lang", "en", "play", str(MARATHON), "--plain"],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.out = ""
        self._seen = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := self.proc.stdout.read1(4096):  # type: ignore[attr-defined]
            with self._lock:
                self.out += chunk.decode("utf-8", "replace")

    def expect(self, text: str, timeout: float = 30.0) -> str:
        """Wait until ``text`` is printed after what was expected before; what came since."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                at = self.out.find(text, self._seen)
                if at >= 0:
                    got, self._seen = self.out[self._seen:at + len(text)], at + len(text)
                    return got
            time.sleep(0.02)
        raise AssertionError(f"{text!r} not printed; got:\n{self.out[self._seen:]}")

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{line}\n".encode())
        self.proc.stdin.flush()

    def end(self) -> int:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        code = self.proc.wait(timeout=30)
        err = self.proc.stderr.read().decode("utf-8", "replace")  # type: ignore[union-attr]
        assert "Traceback" not in err, err
        return code


def choices(tmp_path: Path) -> list[str]:
    with Store(tmp_path / "data" / DB_NAME) as store:
        (run,) = store.runs()
        return [e["choice"] for e in store.events(run.id)]


PROMPT = "What do you do?"


def test_two_plain_mode_processes_never_write_over_each_other(tmp_path: Path) -> None:
    a = Plain(tmp_path)
    try:
        a.expect(PROMPT)
        a.type("1")  # v1
        a.expect(PROMPT)
        a.type("1")  # a1
        a.expect(PROMPT)
        assert choices(tmp_path) == ["v1", "a1"]
        b = Plain(tmp_path)
        try:
            b.type("y")  # continue the unfinished run: it is open in A
            told = b.expect("o = continue here, m = watch, q = stop: ")
            assert "This run is open in another window in plain mode" in told
            b.type("m")  # watch
            b.expect("You are watching (read only).")
            a.type("2")  # v2, in A
            a.expect(PROMPT)
            b.expect("> ")
            b.type("")  # Enter: what A did meanwhile
            b.expect("You: Vraag choice 2")
            b.type("1")  # a number while watching chooses nothing
            b.expect("No new choice in the other window yet.")
            assert choices(tmp_path) == ["v1", "a1", "v2"]
            b.type("o")  # take over: A saves nothing from now on
            b.expect("You now continue here")
            b.expect(PROMPT)
            a.type("3")  # A's choice is refused, and A is told
            a.expect("This run was taken over in another window.")
            assert choices(tmp_path) == ["v1", "a1", "v2"]
            b.type("3")  # a3 in B
            b.expect(PROMPT)
            b.type("u")  # B's undo takes back B's own step only
            b.expect(PROMPT)
            a.type("u")  # A (watching) cannot undo anything
            a.expect("No new choice in the other window yet.")
            b.type("2")  # a2
            b.expect(PROMPT)
            assert choices(tmp_path) == ["v1", "a1", "v2", "a2"]
            a.type("")  # A watches B's choice appear
            a.expect("You: Antwoord choice 2")
            a.type("q")
            b.type("q")
            assert b.end() == 0
        finally:
            if b.proc.poll() is None:
                b.proc.kill()
        assert a.end() == 0
    finally:
        if a.proc.poll() is None:
            a.proc.kill()
    assert choices(tmp_path) == ["v1", "a1", "v2", "a2"]


def test_a_killed_plain_window_frees_its_run_at_once(tmp_path: Path) -> None:
    a = Plain(tmp_path)
    a.expect(PROMPT)
    a.type("1")
    a.expect(PROMPT)
    a.proc.kill()
    a.proc.wait(timeout=30)
    b = Plain(tmp_path)
    try:
        b.type("y")
        b.expect(PROMPT)  # no question: the other window's process is gone
        assert "open in another window" not in b.out
        b.type("1")
        b.expect(PROMPT)
        b.type("q")
        assert b.end() == 0
    finally:
        if b.proc.poll() is None:
            b.proc.kill()
    assert choices(tmp_path) == ["v1", "a1"]


def test_a_stale_lease_expires(tmp_path: Path) -> None:
    """A window of another machine (its process cannot be looked at) that stopped beating."""
    from sim.engine import Run
    from sim.loader import load_scenario

    with Store(tmp_path) as store:
        rid = store.create_run(Run(load_scenario(MARATHON)).snapshot())
        assert store.claim_run(rid, "w1@elsewhere:1", ttl=0.2) is None
        assert store.claim_run(rid, "w2@elsewhere:2").owner == "w1@elsewhere:1"
        time.sleep(0.3)
        assert store.lease_of(rid) is None
        assert store.claim_run(rid, "w2@elsewhere:2") is None
        assert not store.renew_lease(rid, "w1@elsewhere:1")


@aio
async def test_two_app_windows_on_one_run(tmp_path: Path) -> None:
    from sim.app.screens.dialogs import OpenElsewhereDialog
    from sim.app.screens.play import PlayScreen

    from .helpers import screen_text

    data = tmp_path / "data"
    first = make_app(data, lang="en", scenario_dirs=[MARATHON.parent])
    async with first.run_test(size=(100, 30)) as one:
        first.open_file(MARATHON, "coach")
        await one.pause()
        await one.press("1", "1")  # v1, a1
        await one.pause()
        assert choices(tmp_path) == ["v1", "a1"]
        second = make_app(data, lang="en", scenario_dirs=[MARATHON.parent])
        async with second.run_test(size=(100, 30)) as two:
            await two.press("c")  # Continue on the home screen
            await two.pause()
            assert isinstance(second.screen, OpenElsewhereDialog)
            assert "This run is open in another window of the app" in screen_text(second)
            await two.click("#watch")
            await two.pause()
            play2 = second.screen
            assert isinstance(play2, PlayScreen) and play2.pt.watching
            assert "Watching · read only" in screen_text(second)
            await two.press("2", "u")  # neither chooses nor undoes while watching
            await two.pause()
            assert choices(tmp_path) == ["v1", "a1"]
            await one.press("3")  # v3 in the first window: the second follows it
            await one.pause()
            play2._follow()
            await two.pause()
            assert [s.choice for s in play2.pt.run.history] == ["v1", "a1", "v3"]
            await two.press("o")  # take over
            await two.pause()
            assert not play2.pt.watching
            await two.press("2")  # a2, in the second window
            await two.pause()
            assert choices(tmp_path) == ["v1", "a1", "v3", "a2"]
            await one.press("1")  # the first window's choice is refused; it is told
            await one.pause()
            play1 = first.screen
            assert isinstance(play1, PlayScreen) and play1.pt.watching
            told = " ".join(n.message for n in first._notifications)
            assert "This run was taken over in another window" in told
            assert [s.choice for s in play1.pt.run.history] == ["v1", "a1", "v3", "a2"]
            await one.press("u")  # and its undo deletes none of the other's steps
            await one.pause()
            assert choices(tmp_path) == ["v1", "a1", "v3", "a2"]
            await two.press("u")  # the writer's own undo works
            await two.pause()
            assert choices(tmp_path) == ["v1", "a1", "v3"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_open_elsewhere_texts_exist_in_both_languages(lang: str) -> None:
    from sim.i18n import t

    for key in ("lease.title", "lease.take_over", "lease.watch", "lease.taken",
                "lease.watching", "plain.lease.ask", "plain.lease.watching"):
        assert t(key, lang) != key
