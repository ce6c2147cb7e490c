"""A corrupt or foreign save is refused with a message, and the rest of the store is left
exactly as it was: a damaged head of a run, damaged or missing decision rows, a store with
damaged pages, an SQLite file of another program, garbage, a store made by a newer sovsim."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from sim.engine import DamagedRun, Run, RunError
from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.store import DB_NAME, Store, StoreError
from tests.app.conftest import aio, make_app
from tests.clirun import sovsim

from .helpers import HERE, screen_text

MARATHON = HERE / "data" / "marathon.yaml"


def env(data: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(data), "SOVSIM_CACHE_DIR": str(data.parent / "cache")}


def three_runs(data: Path) -> tuple[str, str, str]:
    """Two finished runs and, last, an unfinished one (the one Continue offers)."""
    scenario = load_scenario(MARATHON)
    ids = []
    with Store(data) as store:
        store.set_setting("lang", "en")
        store.set_setting("pace", "off")
        for n in (3, 4, 2):
            pt = Playthrough.new(scenario, lang="en")
            pt.attach(store)
            for i in range(n):
                pt.choose(["v1", "a2"][i % 2])
            ids.append(pt.run_id)
        for rid in ids[:2]:
            store.end_run(rid, "partner")
    return ids[0], ids[1], ids[2]


def rows(data: Path, *run_ids: str) -> list[tuple]:
    """The stored rows of these runs and their events, exactly as in the file."""
    conn = sqlite3.connect(data / DB_NAME)
    try:
        out = []
        for rid in run_ids:
            out += conn.execute("SELECT * FROM runs WHERE id=?", (rid,)).fetchall()
            out += conn.execute("SELECT * FROM events WHERE run_id=? ORDER BY seq",
                                (rid,)).fetchall()
        return out
    finally:
        conn.close()


def damage(data: Path, sql: str, *args: object) -> None:
    conn = sqlite3.connect(data / DB_NAME)
    try:
        conn.execute(sql, args)
        conn.commit()
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- a damaged run in a sound store -------------------------------------------------------------

# A run is kept as its head (runs.head) and one row per decision (events): damage to
# either, or a decision row gone, makes the run damaged. Each SQL damages the run "?".
DAMAGE = {
    "head-not-json": "UPDATE runs SET head='{not json' WHERE id=?",
    "head-a-list": "UPDATE runs SET head='[1, 2, 3]' WHERE id=?",
    "head-values-not-a-mapping": "UPDATE runs SET head=json_set(head, '$.values', 7) WHERE id=?",
    "head-of-another-scenario": "UPDATE runs SET head=json_set(head, '$.scenario', 'stempas', "
                                "'$.node', 'balie') WHERE id=?",
    "head-with-an-old-history": "UPDATE runs SET head=json_set(head, '$.history', 7) WHERE id=?",
    "step-not-json": "UPDATE events SET changes='{{{' WHERE run_id=? AND seq=1",
    "step-scores-not-numbers": "UPDATE events SET scores='{\"verbinding\": \"veel\"}' "
                               "WHERE run_id=? AND seq=1",
    "step-entered-not-a-list": "UPDATE events SET entered='7' WHERE run_id=? AND seq=2",
    "step-choice-missing": "UPDATE events SET choice=NULL WHERE run_id=? AND seq=1",
    "step-row-gone": "DELETE FROM events WHERE run_id=? AND seq=1",
    "steps-count-wrong": "UPDATE runs SET steps=steps+1 WHERE id=?",
}


@pytest.mark.parametrize("sql", list(DAMAGE.values()), ids=list(DAMAGE))
@aio
async def test_a_damaged_run_is_refused_in_the_app(tmp_path: Path, sql: str) -> None:
    data = tmp_path / "data"
    a, b, broken = three_runs(data)
    damage(data, sql, broken)
    before = rows(data, a, b)
    app = make_app(data, lang="en", scenario_dirs=[MARATHON.parent])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")  # Continue: the damaged run
        await pilot.pause()
        message = app.screen.message  # the dialog's text, as it is shown (wrapped)
        assert message.startswith("Your unfinished run was saved damaged and cannot continue. "
                                  "Your other runs are untouched.")
        assert "saved damaged" in screen_text(app)
        await pilot.press("enter")  # start again
        await pilot.pause()
        assert not app.screen.pt.run.history
        app.go_home()
        await pilot.press("r")  # my results: every run listed, nothing crashes
        await pilot.pause()
        assert "Marathon" in screen_text(app)
    assert rows(data, a, b) == before
    with Store(data) as store:
        rec = store.get_run(broken)
        assert rec is not None and rec.outcome == "abandoned"  # set aside, not deleted
        assert store.integrity_ok()


def test_a_damaged_run_is_refused_in_plain_mode(tmp_path: Path) -> None:
    data = tmp_path / "data"
    a, b, broken = three_runs(data)
    damage(data, DAMAGE["head-not-json"], broken)
    before = rows(data, a, b)
    r = sovsim("play", str(MARATHON), "--plain", input="y\n1\nq\n", env=env(data))
    assert r.returncode == 0, r.stderr
    assert "Your unfinished run was saved damaged and cannot continue" in r.stdout
    assert "(this is not a saved sovsim run)" in r.stdout
    assert "You: Vraag choice 1" in r.stdout  # a new run instead
    assert rows(data, a, b) == before
    r = sovsim("report", broken, env=env(data))
    assert r.returncode == 1 and "is damaged (its saved state cannot be read)" in r.stderr
    r = sovsim("report", a, env=env(data))
    assert r.returncode == 0 and "# Debrief: Marathon" in r.stdout


def test_damaged_step_rows_do_not_stop_export_or_other_reports(tmp_path: Path) -> None:
    data = tmp_path / "data"
    a, b, _ = three_runs(data)
    damage(data, "UPDATE events SET scores='{{{', changes='[' WHERE run_id=? AND seq=1", a)
    r = sovsim("export", "--run", a, env=env(data))
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout.splitlines()[0])
    assert first["scores"] == {} and first["changes"] == {}
    # the run's own decision is damaged, so its debrief says so; the others are whole
    r = sovsim("report", a, env=env(data))
    assert r.returncode == 1 and "is damaged (its saved state cannot be read)" in r.stderr
    r = sovsim("report", b, env=env(data))
    assert r.returncode == 0 and "# Debrief: Marathon" in r.stdout


# --- a damaged or foreign store --------------------------------------------------------------

def foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.invalid')")
    conn.commit()
    conn.close()


def garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def damaged_pages(path: Path) -> None:
    """A sovsim store whose every page but the first (the schema) is overwritten."""
    three_runs(path.parent)
    with Store(path.parent) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(size - 4096))


def damaged_runs(path: Path) -> None:
    """A store that opens (schema and settings sound) but whose runs table is damaged."""
    scenario = load_scenario(MARATHON)
    with Store(path.parent) as store:
        for _ in range(40):
            pt = Playthrough.new(scenario)
            pt.attach(store)
            for i in range(10):
                pt.choose(["v1", "a2"][i % 2])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(path)
    pages = [n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name='runs' "
                                        "ORDER BY pageno")][1:]  # all but the root
    conn.close()
    assert pages
    with path.open("r+b") as fh:
        for n in pages:
            fh.seek((n - 1) * 4096)
            fh.write(bytes([0xA5]) * 4096)


def newer(path: Path) -> None:
    with Store(path.parent) as store:
        store.conn.execute("UPDATE meta SET value='99' WHERE key='schema'")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


STORES = {
    "foreign": (foreign_sqlite, "is an SQLite file of another program, not a sovsim store"),
    "garbage": (garbage, "is not a sovsim store or is damaged"),
    "damaged-pages": (damaged_pages, "is not a sovsim store or is damaged"),
    "damaged-runs": (damaged_runs, "is not a sovsim store or is damaged"),
    "newer": (newer, "was made by a newer sovsim; update sovsim"),
}


@pytest.fixture(params=list(STORES))
def bad_store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str, str]:
    data = tmp_path / "data"
    data.mkdir()
    make, message = STORES[request.param]
    make(data / DB_NAME)
    for extra in ("-wal", "-shm"):
        (data / (DB_NAME + extra)).unlink(missing_ok=True)
    return data, message, digest(data / DB_NAME)


def untouched(data: Path, before: str) -> None:
    assert digest(data / DB_NAME) == before, "the file was changed"
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME], "files were left beside it"


@aio
async def test_a_bad_store_in_the_app(bad_store: tuple[Path, str, str]) -> None:
    data, message, before = bad_store
    app = make_app(data, lang="en", play=MARATHON, mode="coach")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert message in app.screen.message  # the dialog: why, and what now
        assert "Play without saving" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert len(app.screen.pt.run.history) == 1 and not app.screen.pt.saving
        app.go_home()
        await pilot.pause()
        status = str(app.screen.query_one("#home-status").render())
        assert "Note: your progress cannot be saved." in status and message in status
        await pilot.press("r")
        await pilot.pause()
    untouched(data, before)


def test_a_bad_store_in_plain_mode_and_reports(bad_store: tuple[Path, str, str]) -> None:
    data, message, before = bad_store
    damaged = "is damaged" in message  # offered: 1 play unsaved, 2 a fresh store, q stop
    r = sovsim("--lang", "en", "play", str(MARATHON), "--plain",
               input="1\n1\nq\n" if damaged else "y\n1\nq\n", env=env(data))
    assert r.returncode == 0, r.stderr
    assert "Your progress cannot be saved:" in r.stdout and message in r.stdout
    assert ("2. Start a fresh store beside the damaged one" in r.stdout) == damaged
    assert "You: Vraag choice 1" in r.stdout
    for args in (["report"], ["export"]):  # they read every run
        r = sovsim("--lang", "en", *args, env=env(data))
        assert r.returncode == 1, (args, r.stderr)
        assert message in r.stderr and "unexpected" not in r.stderr
    untouched(data, before)


def test_store_errors_name_the_problem(bad_store: tuple[Path, str, str]) -> None:
    data, message, before = bad_store
    with pytest.raises(StoreError, match=message):
        store = Store(data)
        try:
            store.runs()  # a damaged page may only show when it is read
        finally:
            store.close()
    untouched(data, before)


# --- a save of another kind ------------------------------------------------------------------

def test_restoring_a_save_of_another_scenario_or_kind_is_refused() -> None:
    marathon = load_scenario(MARATHON)
    other = Run(load_scenario(HERE.parent.parent / "docs" / "examples" / "stempas.yaml"))
    with pytest.raises(DamagedRun, match="belongs to scenario 'stempas', not 'marathon'"):
        Run.restore(marathon, other.snapshot())
    with pytest.raises(DamagedRun, match="not a saved sovsim run"):
        Run.restore(marathon, {"format": "something-else"})
    run = Run(marathon)
    run.choose("v1")
    snap = run.snapshot()
    snap["history"][0]["choice"] = "gone"
    with pytest.raises(RunError, match="has changed since") as info:
        Run.restore(marathon, snap)
    assert not isinstance(info.value, DamagedRun)  # a changed scenario, not a damaged save
