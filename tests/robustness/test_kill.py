"""Kill sovsim at random moments during play (SIGKILL, no chance to clean up), again and
again: after every restart the run resumes with every choice made before the kill, the
event log holds each decision exactly once, and the store passes ``PRAGMA integrity_check``.

Plain mode is killed 50 times (SOVSIM_KILLS to change it); the Textual app, in a real
pseudo-terminal and resumed through its home screen, 10 times (SOVSIM_APP_KILLS)."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from sim.store import DB_NAME, Store
from tests.app.conftest import aio, make_app

from . import terminal
from .helpers import HERE

ROOT = HERE.parent.parent
MARATHON = HERE / "data" / "marathon.yaml"
KILLS = int(os.environ.get("SOVSIM_KILLS", "50"))
APP_KILLS = int(os.environ.get("SOVSIM_APP_KILLS", "10"))
YOU = re.compile(r"^You: (Vraag|Antwoord) choice ([123])$", re.M)
RESUMED = re.compile(r"You have an unfinished run of this scenario \(Coach mode, (\d+) choice")


def choice_id(history_length: int, number: int) -> str:
    """The marathon alternates: even positions are at 'vraag', odd ones at 'antwoord'."""
    return f"{'v' if history_length % 2 == 0 else 'a'}{number}"


def check_store(db: Path) -> list[str]:
    """The one run's choices; the file is sound and its event log matches the run exactly."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with Store(db) as store:
        runs = store.runs()
        if not runs:
            return []
        (run,) = runs
        history = [s["choice"] for s in run.snapshot["history"]]
        events = store.events(run.id)
    assert [e["seq"] for e in events] == list(range(1, len(history) + 1)), "lost or doubled"
    assert [e["choice"] for e in events] == history
    return history


def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_DATA_DIR": str(tmp_path / "data"),
            "SOVSIM_CACHE_DIR": str(tmp_path / "cache")}


def one_life(tmp_path: Path, rng: random.Random) -> tuple[str, list[int], bool]:
    """Start plain mode, type 'y' (continue) and choices at a trainee's pace, and SIGKILL it
    at a random moment: every other life any time from the start (start-up included), the
    others at a random moment once the first question is on screen (so a slow, busy machine
    still kills during play). Returns what it printed, the numbers typed, and whether it was
    killed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sim.cli", "--lang", "en", "play", str(MARATHON), "--plain"],
        cwd=ROOT, env=env(tmp_path), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    numbers = [rng.randint(1, 3) for _ in range(30)]

    def typist() -> None:
        try:
            proc.stdin.write(b"y\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            for n in numbers:
                time.sleep(rng.uniform(0.0, 0.03))
                proc.stdin.write(f"{n}\n".encode())  # type: ignore[union-attr]
                proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError, OSError):
            pass  # killed meanwhile

    chunks: list[bytes] = []
    asking = threading.Event()

    def reader() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            chunks.append(line)
            if b"What do you do?" in line:
                asking.set()
        asking.set()  # the process ended

    writer = threading.Thread(target=typist, daemon=True)
    listener = threading.Thread(target=reader, daemon=True)
    listener.start()
    writer.start()
    if rng.random() < 0.5:
        time.sleep(rng.uniform(0.05, 1.2))
    else:
        asking.wait(timeout=30)
        time.sleep(rng.uniform(0.0, 0.5))
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    listener.join(timeout=30)
    writer.join(timeout=5)
    err = proc.stderr.read()  # type: ignore[union-attr]
    out = b"".join(chunks)
    text = out.decode("utf-8", "replace")
    assert "Traceback" not in err.decode("utf-8", "replace")
    return text, numbers, killed


def test_plain_mode_survives_50_kills(tmp_path: Path) -> None:
    rng = random.Random(20240508)
    db = tmp_path / "data" / DB_NAME
    made: list[str] = []  # every choice the trainee saw carried out, in order
    kills = mid_play = 0
    for _ in range(KILLS):
        text, numbers, killed = one_life(tmp_path, rng)
        kills += killed
        resumed = RESUMED.search(text)
        if made and "What do you do?" in text:  # continued, with every choice made so far
            assert resumed and int(resumed[1]) == len(made), text[:400]
        shown = YOU.findall(text)
        # the transcript of a resumed run repeats its history first; then come the new ones
        new = shown[int(resumed[1]):] if resumed else shown
        mid_play += bool(new)
        for word, number in new:
            cid = choice_id(len(made), int(number))
            assert cid[0] == word[0].lower()
            made.append(cid)
        if not db.exists():
            assert not made
            continue
        history = check_store(db)
        # everything shown was saved; at most the choice in flight was saved but not shown
        assert history[:len(made)] == made, (history, made)
        assert len(history) - len(made) in (0, 1), (history, made)
        if len(history) == len(made) + 1:  # it was the next number typed
            typed = numbers[len(new)]
            assert history[-1] == choice_id(len(made), typed)
            made.append(history[-1])
    assert kills >= KILLS * 0.8, "most lives should end in a kill, not at the end of input"
    assert mid_play >= KILLS // 3, "kills should land during play, not only during start-up"
    assert len(made) >= KILLS, "the run should have grown over the lives"
    # a last, calm start: everything is there
    r = subprocess.run([sys.executable, "-m", "sim.cli", "--lang", "en", "play", str(MARATHON),
                        "--plain"], cwd=ROOT, env=env(tmp_path), input=b"y\nq\n",
                       capture_output=True, timeout=60)
    assert r.returncode == 0
    assert f"Coach mode, {len(made)} choice(s) made" in r.stdout.decode()
    assert check_store(db) == made


@aio
async def test_the_app_resumes_what_plain_mode_saved_before_a_kill(tmp_path: Path) -> None:
    """The app's own resume path on a store left by a killed process: Continue on the home
    screen, and the run is there with every choice."""
    from sim.app.screens.play import PlayScreen

    rng = random.Random(5)
    for _ in range(3):
        one_life(tmp_path, rng)
    db = tmp_path / "data" / DB_NAME
    history = check_store(db)
    app = make_app(tmp_path / "data", lang="en", scenario_dirs=[MARATHON.parent])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert [s.choice for s in app.screen.pt.run.history] == history
        await pilot.press("1")
        await pilot.pause()
    assert check_store(db) == [*history, choice_id(len(history), 1)]


def test_the_app_survives_kills_in_a_real_terminal(tmp_path: Path) -> None:
    """The Textual app in a pseudo-terminal, keys typed, SIGKILL at a random moment; each
    restart continues from the home screen with every choice that was on screen."""
    rng = random.Random(77)
    db = tmp_path / "data" / DB_NAME
    with Store(db) as store:
        store.set_setting("pace", "off")  # lines at once: a key is a choice
        store.set_setting("lang", "en")
    saved: list[str] = []
    for life in range(APP_KILLS):
        args = ["play", str(MARATHON), "--mode", "coach"] if life == 0 else []
        s = terminal.start(args, {"SOVSIM_DATA_DIR": str(tmp_path / "data"),
                                  "SOVSIM_CACHE_DIR": str(tmp_path / "cache")}, size=(100, 30))
        try:
            if life:
                assert s.wait_for(b"Continue"), bytes(s.output)[-1500:]
                s.settle(0.2)
                s.type(b"c")
            assert s.wait_for(f"Choice {len(saved) + 1}".encode()), bytes(s.output)[-1500:]
            s.settle(0.2)
            for _ in range(rng.randint(1, 8)):
                s.type(str(rng.randint(1, 3)).encode())
                s.read(rng.uniform(0.0, 0.15))
            s.read(rng.uniform(0.0, 0.3))
            s.proc.send_signal(signal.SIGKILL)
            s.finish()
            shown = [int(n) for n in re.findall(rb"Choice (\d+)", bytes(s.output))]
        finally:
            s.close()
        history = check_store(db)
        assert history[:len(saved)] == saved, "a choice saved before was lost"
        # every choice the screen had moved past ("Choice N" shown) is saved
        assert len(history) >= max(shown) - 1, (len(history), max(shown))
        saved = history
    assert len(saved) >= APP_KILLS, "the run should have grown over the lives"
