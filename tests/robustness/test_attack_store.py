"""The store and data-protection cases of the turn-2 attack (../shared/reviews/attack.md,
areas 2 and 4) that failed: a damaged store is found before anything is written into it and
told the same way by every command, play offers a fresh store beside it, ``sovsim.db`` as a
folder is refused, new stores are private, and ``data delete`` with a concurrent reader either
waits and erases for real (checked in the raw bytes) or deletes nothing and says so.
(A full disk: tests/robustness/test_disk.py.)"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.sessions import create_session, join
from sim.store import DB_NAME, DamagedStore, Store, StoreError, diagnose, traces
from tests.app.conftest import aio, make_app
from tests.clirun import sovsim

from .helpers import HERE, screen_text

MARATHON = HERE / "data" / "marathon.yaml"
PEOPLE = ("Zwaantje Kwakkelstein", "Bartholomeus Ooievaar")


def env(data: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(data), "SOVSIM_CACHE_DIR": str(data.parent / "cache")}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def course_store(data: Path) -> dict[str, str]:
    """Three solo runs and a live session with two trainees who made choices; returns the
    session id and the participants' and runs' ids by name."""
    scenario = load_scenario(MARATHON)
    out: dict[str, str] = {}
    with Store(data) as store:
        for _ in range(3):
            pt = Playthrough.new(scenario)
            pt.attach(store)
            for i in range(4):
                pt.choose(["v1", "a2"][i % 2])
        new = create_session(store, [scenario], title="Cursusdag")
        out["session"] = new.session.id
        for name in PEOPLE:
            trainee = join(store, new.join_code or "", name)
            pt = Playthrough.new(scenario)
            pt.attach(trainee)
            for i in range(4):
                pt.choose(["v1", "a2"][i % 2])
            out[name] = trainee.participant.id
            out[name + "/run"] = pt.run_id or ""
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return out


def pages_of(path: Path, table: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name=? "
                                           "ORDER BY pageno", (table,))]
    finally:
        conn.close()


def flip(path: Path, offset: int, n: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset:offset + n] = bytes(b ^ 0xFF for b in data[offset:offset + n])
    path.write_bytes(bytes(data))


# the attack's damage, found by table rather than by a fixed offset
def runs_root_header(path: Path) -> None:
    flip(path, (pages_of(path, "runs")[0] - 1) * 4096, 12)


def participants_cells(path: Path) -> None:
    flip(path, (pages_of(path, "participants")[0] - 1) * 4096 + 3800, 200)


def runs_index_mismatch(path: Path) -> None:
    """A few bytes of the runs' cells: only a full integrity check sees it (an index row
    without its table row), and SQLite reads on without an error."""
    page = pages_of(path, "runs")[-1]
    flip(path, (page - 1) * 4096 + 3600, 64)


def scattered(path: Path) -> None:
    import random

    rng = random.Random(7)
    data = bytearray(path.read_bytes())
    for _ in range(len(data) // 100):
        data[rng.randrange(4096, len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "runs-root-header": runs_root_header, "participants-cells": participants_cells,
    "runs-index-mismatch": runs_index_mismatch, "one-percent-random": scattered}


@pytest.fixture(params=list(DAMAGE))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    course_store(data)
    for extra in ("-wal", "-shm"):
        (data / (DB_NAME + extra)).unlink(missing_ok=True)
    DAMAGE[request.param](data / DB_NAME)
    return data, digest(data / DB_NAME)


COMMANDS = [["session", "list"], ["report"], ["export"], ["data", "export", "--person", "x"],
            ["play", str(MARATHON), "--plain"]]


def test_every_command_on_a_damaged_store_gives_the_same_message(
        damaged: tuple[Path, str]) -> None:
    data, before = damaged
    for lang, message in (("en", "is not a sovsim store or is damaged; sovsim writes "
                                 "nothing more into it"),
                          ("nl", "is geen sovsim-opslag of is beschadigd; sovsim schrijft er "
                                 "niets meer in")):
        for cmd in COMMANDS:
            r = sovsim("--lang", lang, *cmd, input="q\n", env=env(data))
            out = r.stdout + r.stderr
            assert message in out, (cmd, out)
            assert "unexpected error" not in out and "Traceback" not in out, (cmd, out)
            if cmd[0] != "play":
                assert r.returncode == 1, (cmd, r.returncode)
    assert digest(data / DB_NAME) == before, "a command wrote into the damaged store"
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


def test_play_on_a_damaged_store_writes_nothing_into_it(damaged: tuple[Path, str]) -> None:
    data, before = damaged
    r = sovsim("--lang", "en", "play", str(MARATHON), "--plain", input="1\n1\n1\nq\n",
               env=env(data))
    assert r.returncode == 0, r.stderr
    assert "2. Start a fresh store beside the damaged one" in r.stdout
    assert "You: Vraag choice 1" in r.stdout and "You are now playing without saving." in r.stdout
    assert digest(data / DB_NAME) == before
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


def test_play_can_start_a_fresh_store_beside_a_damaged_one(damaged: tuple[Path, str]) -> None:
    data, before = damaged
    r = sovsim("play", str(MARATHON), "--plain", input="2\n1\n2\nq\n", env=env(data))
    assert r.returncode == 0, r.stderr
    assert "Nieuwe opslag begonnen in" in r.stdout
    kept = [p for p in data.iterdir() if p.name.startswith("sovsim-damaged-")]
    assert len(kept) == 1 and kept[0].suffix == ".db"
    assert digest(kept[0]) == before, "the damaged file was changed"
    with Store(data) as store:
        (run,) = store.runs()
        assert [e["choice"] for e in store.events(run.id)] == ["v1", "a2"]
        assert store.integrity_ok()


@aio
async def test_the_app_offers_a_fresh_store_beside_a_damaged_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    course_store(data)
    runs_index_mismatch(data / DB_NAME)
    before = digest(data / DB_NAME)
    app = make_app(data, lang="en", play=MARATHON, mode="coach")
    assert isinstance(app.store_problem, DamagedStore)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "The store is damaged" in shown and "Start a fresh store" in shown
        assert "Play without saving" in shown
        await pilot.press("down", "enter")  # "Start a fresh store"
        await pilot.pause()
        pt = app.screen.pt
        assert pt.saving and app.store is not None
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
    kept = [p for p in data.iterdir() if p.name.startswith("sovsim-damaged-")]
    assert len(kept) == 1 and digest(kept[0]) == before
    with Store(data) as store:
        (run,) = store.runs()
        assert [e["choice"] for e in store.events(run.id)] == ["v1"]


def test_damage_found_after_an_error_is_told_as_damage(tmp_path: Path) -> None:
    """The store opened while sound and was damaged afterwards (another program, a failing
    disk): after an SQLite error that does not say why, the file is checked, and the error
    says the store is damaged (so nothing more is written into it)."""
    data = tmp_path / "data"
    course_store(data)
    store = Store(data)
    try:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.close()
        runs_index_mismatch(data / DB_NAME)
        store.conn = sqlite3.connect(data / DB_NAME, isolation_level=None)
        odd = diagnose(store, sqlite3.OperationalError("unexpected reply"))
        assert isinstance(odd, DamagedStore)
        assert "is not a sovsim store or is damaged" in str(odd)
    finally:
        store.close()
    sound = tmp_path / "sound"
    course_store(sound)
    with Store(sound) as store:  # a sound store: the error stays what it was
        err = diagnose(store, sqlite3.OperationalError("unexpected reply"))
        assert not isinstance(err, DamagedStore) and "unexpected reply" in str(err)


# -- sovsim.db as a folder --------------------------------------------------------------------

def test_sovsim_db_as_a_folder_is_refused_by_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / DB_NAME).mkdir(parents=True)
    (data / DB_NAME / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="is a folder, not a store file"):
        Store(data)
    with pytest.raises(StoreError, match="is a folder"):
        Store(data / DB_NAME)
    for cmd in (["report"], ["export"], ["session", "list"], ["play", str(MARATHON), "--plain"]):
        r = sovsim("--lang", "en", *cmd, input="q\n", env=env(data))
        assert "sovsim.db is a folder, not a store file" in r.stdout + r.stderr, cmd
    r = sovsim("report", env=env(data))
    assert "sovsim.db is een map, geen opslagbestand" in r.stderr
    assert sorted(p.name for p in (data / DB_NAME).iterdir()) == ["notes.txt"]


# -- permissions --------------------------------------------------------------------------

def test_a_new_store_is_readable_by_its_user_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        data = tmp_path / "new" / "data"
        store = Store(data)
        try:
            store.set_setting("lang", "en")
            files = {p.name: p.stat().st_mode & 0o777 for p in data.iterdir()}
        finally:
            store.close()
        assert (data.stat().st_mode & 0o777) == 0o700
        assert files[DB_NAME] == 0o600
        assert files.get(DB_NAME + "-wal", 0o600) == 0o600
        assert files.get(DB_NAME + "-shm", 0o600) == 0o600
        assert (DB_NAME + "-wal") in files
        assert os.umask(0o022) == 0o022, "the umask was not given back"
    finally:
        os.umask(old)


def test_a_store_made_by_play_is_private(tmp_path: Path) -> None:
    data = tmp_path / "d"
    r = subprocess.run(["sh", "-c", f"umask 022; {sys.executable} -m sim.cli play "
                        f"{MARATHON} --plain"], input="1\nq\n", text=True, capture_output=True,
                       env={**os.environ, **env(data), "PYTHONPATH": str(HERE.parent.parent)},
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert (data.stat().st_mode & 0o777) == 0o700
    assert ((data / DB_NAME).stat().st_mode & 0o777) == 0o600


# -- data delete with a concurrent reader -------------------------------------------------

READER = ("import sqlite3, sys, time\n"
          "c = sqlite3.connect(sys.argv[1])\n"
          "c.execute('BEGIN')\n"
          "c.execute('SELECT count(*) FROM participants').fetchone()\n"
          "print('reading', flush=True)\n"
          "time.sleep(float(sys.argv[2]))\n")


def reader(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process in a read transaction on the store (a backup, a dashboard)."""
    proc = subprocess.Popen([sys.executable, "-c", READER, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "reading"
    return proc


def needles(ids: dict[str, str], name: str) -> list[str]:
    return [name, name.casefold(), ids[name], ids[name + "/run"]]


def test_delete_a_person_waits_for_a_reader_then_erases_for_real(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = course_store(data)
    gone, kept = PEOPLE
    assert traces(data / DB_NAME, needles(ids, gone))  # it is there before
    proc = reader(data / DB_NAME, 3)
    try:
        started = time.monotonic()
        r = sovsim("--lang", "en", "data", "delete", "--person", gone, "--yes", env=env(data))
        waited = time.monotonic() - started
    finally:
        proc.wait(timeout=30)
    assert r.returncode == 0, r.stderr
    assert "Another program still reads the store" in r.stderr
    assert waited >= 2, "it did not wait for the reader"
    assert "Deleted 1 participant(s) and 1 run(s)." in r.stdout
    assert "Removed: 1 participant(s) ('Zwaantje Kwakkelstein')" in r.stdout
    assert "with 4 decision(s)" in r.stdout and "Checked: none of these" in r.stdout
    assert traces(data / DB_NAME, needles(ids, gone)) == {}
    for extra in ("", "-wal", "-shm"):
        f = data / (DB_NAME + extra)
        if f.exists():
            raw = f.read_bytes()
            assert gone.encode() not in raw and ids[gone].encode() not in raw
    assert traces(data / DB_NAME, [kept])  # the other trainee is kept
    with Store(data) as store:
        assert [p.name for p in store.participants(ids["session"])] == [kept]
        assert store.integrity_ok()


def test_delete_with_a_reader_that_stays_deletes_nothing_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = course_store(data)
    proc = reader(data / DB_NAME, 20)
    try:
        r = sovsim("data", "delete", "--session", ids["session"], "--yes", "--wait", "1.5",
                   env=env(data))
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert r.returncode == 1
    assert "Niets verwijderd: een ander programma houdt de opslag al 1,5 s open" in r.stderr
    assert "Deleted" not in r.stdout and "Verwijderd" not in r.stdout
    with Store(data) as store:  # nothing deleted, so nothing is half gone
        assert len(store.participants(ids["session"])) == 2


def test_a_reader_that_arrives_during_the_deletion_is_reported(tmp_path: Path) -> None:
    """The rows are deleted, then a reader holds the log: the command says the erasure is not
    complete (exit 1), and --finish completes it once the reader is gone."""
    from sim.commands.sessions import _erase_for_good, erasure_targets

    data = tmp_path / "data"
    ids = course_store(data)
    gone = PEOPLE[0]
    with Store(data) as store:
        (person,) = [p for p in store.participants(ids["session"]) if p.name == gone]
        targets = erasure_targets(store, [], [person])
        store.delete_participant(person.id)
        other = sqlite3.connect(data / DB_NAME)
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM runs").fetchone()
        try:
            left = _erase_for_good(store, targets.needles, 0.5, "en")
        finally:
            other.close()
        assert left, "an erasure held up by a reader was reported as complete"
    r = sovsim("--lang", "en", "data", "delete", "--finish", env=env(data))
    assert r.returncode == 0 and "Finished" in r.stdout, r.stderr
    assert traces(data / DB_NAME, needles(ids, gone)) == {}
