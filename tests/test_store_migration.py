"""Schema 2 -> 3 on a real store made by sovsim with schema 2 (tests/fixtures/store-schema2,
made by its make.py): every run reads back exactly as it was saved, goes on where it
was, and group sessions (a live session, a plenary with branches, votes and a bookmark)
are as they were. A damaged run stays damaged; nothing else is lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from scoring.rubric import load_rubric
from sim import sessions
from sim.engine import DamagedRun, Run
from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.plenary import Plenary
from sim.store import DB_NAME, SCHEMA_VERSION, Store

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "store-schema2" / DB_NAME
STEMPAS = HERE.parent / "docs" / "examples" / "stempas.yaml"
MARATHON = HERE / "robustness" / "data" / "marathon.yaml"


@pytest.fixture
def old(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str], list[tuple]]:
    """A copy of the schema-2 store, with what it held, read with plain SQLite before
    sovsim opens it: (data folder, settings, {run: snapshot text}, event rows)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / DB_NAME)
    conn = sqlite3.connect(data / DB_NAME)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("2",)
        settings = dict(conn.execute("SELECT key, value FROM settings"))
        snaps = dict(conn.execute("SELECT id, snapshot FROM runs"))
        events = conn.execute("SELECT run_id, seq, kind, scenario_id, scenario_version, node, "
                              "choice, target, scores, changes, time FROM events "
                              "ORDER BY run_id, seq").fetchall()
    finally:
        conn.close()
    return data, settings, snaps, events


def test_every_run_reads_back_as_it_was_saved(old) -> None:  # noqa: ANN001
    data, settings, snaps, events = old
    with Store(data) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] \
            == str(SCHEMA_VERSION) == "4"
        records = {r.id: r for r in store.runs()}
        assert set(records) == set(snaps)  # no run lost
        for rid, text in snaps.items():
            rec = records[rid]
            if rid == settings["damaged-run"]:
                assert rec.snapshot == {} and store.get_run(rid).snapshot == {}
                continue
            saved = json.loads(text)
            assert rec.snapshot == saved, rid  # visits and every step as they were
            assert store.get_run(rid).snapshot == saved
            assert rec.steps == len(saved["history"])
        assert records[settings["long-run"]].steps == 150
        # the decision log is as it was, but for the one damaged row, written again from
        # the snapshot (which was the run kept whole in schema 2)
        repaired = settings["damaged-event-run"]
        now = [(e["run_id"], e["seq"], e["kind"], e["scenario_id"], e["scenario_version"],
                e["node"], e["choice"], e["target"], json.dumps(e["scores"]),
                json.dumps(e["changes"]), e["time"]) for e in store.events()]
        assert [e for e in now if e[0] != repaired] == [e for e in events if e[0] != repaired]
        assert [e["scores"] for e in store.events(repaired)] == \
            [s["scores"] for s in json.loads(snaps[repaired])["history"]]
        assert store.get_setting("lang") == "en"
        assert store.integrity_ok()
    with Store(data) as again:  # opened again: nothing changes
        assert {r.id: r.snapshot for r in again.runs()} == \
            {rid: r.snapshot for rid, r in records.items()}


def test_old_runs_go_on_where_they_were(old) -> None:  # noqa: ANN001
    data, settings, _, _ = old
    stempas, marathon = load_scenario(STEMPAS), load_scenario(MARATHON)
    with Store(data) as store:
        long = Playthrough.resume(store, store.get_run(settings["long-run"]), marathon)
        assert len(long.run.history) == 150 and long.run.node_id == "vraag"
        for _ in range(5):
            long.choose("v2")
            long.choose("a1")
        long.undo()
        undone = Playthrough.resume(store, store.get_run(settings["undone-run"]), stempas)
        assert [s.choice for s in undone.run.history] == ["discussie"]
        undone.choose("grens")
        with pytest.raises(DamagedRun):  # damaged before: still refused, with a message
            Run.restore(stempas, store.get_run(settings["damaged-run"]).snapshot)
        expect_long, expect_undone = long.run.snapshot(), undone.run.snapshot()
    with Store(data) as store:
        assert store.get_run(settings["long-run"]).snapshot == expect_long
        assert len(store.events(settings["long-run"])) == 159
        rec = store.get_run(settings["undone-run"])
        assert rec.finished and rec.ending == "einde-grens" and rec.snapshot == expect_undone
        assert store.integrity_ok()


def test_group_sessions_are_as_they_were(old) -> None:  # noqa: ANN001
    data, settings, snaps, _ = old
    stempas = load_scenario(STEMPAS)
    rubric = load_rubric()
    with Store(data) as store:
        plenary = Plenary.open(store, settings["plenary"], stempas)
        assert [len(b.run.history) for b in plenary.branches] == [2, 2]
        first, second = plenary.branches
        assert second.record.parent_run == first.run_id and second.fork_at == 1
        assert [s.choice for s in second.run.history] == ["rustig-uitleggen", "terug-naar-zaak"]
        assert store.votes(first.run_id) == {1: {"rustig-uitleggen": 3, "discussie": 1},
                                             2: {"grief-erkennen": 2}}
        assert plenary.bookmarks() == {(first.run_id, 1)}
        debrief = plenary.debrief(rubric, "en")
        assert [b.ending for b in debrief.branches] == ["einde-goed", "einde-goed"]
        live = store.get_session(settings["live-session"])
        names = {p.id: p.name for p in store.participants(live.id)}
        runs = store.runs(session_id=live.id)
        assert sorted((names[r.person], r.steps, r.finished) for r in runs) == \
            [("Anna", 2, True), ("Bram", 1, False)]
        for r in runs:
            assert r.snapshot == json.loads(snaps[r.id])
        board = sessions.Trainer(store, live.id).dashboard([stempas], rubric, lang="en")
        (figures,) = board.scenarios
        assert (figures.runs, figures.finished) == (2, 1)
        assert sorted(p.runs[0].decisions for p in board.participants) == [1, 2]


def test_the_data_export_is_as_before(old) -> None:  # noqa: ANN001
    """`sovsim data export` hands over each run's whole snapshot and the decision log in the
    same format as before: the snapshots exactly as schema 2 kept them."""
    from tests.clirun import sovsim

    data, settings, snaps, events = old
    for sid in (settings["live-session"], settings["plenary"]):
        res = sovsim("data", "export", "--session", sid, "--data-dir", str(data))
        assert res.returncode == 0, res.stderr
        (session,) = json.loads(res.stdout)["sessions"]
        assert session["runs"] and all(r["snapshot"] == json.loads(snaps[r["id"]])
                                       for r in session["runs"])
        ids = {r["id"] for r in session["runs"]}
        assert [(e["run_id"], e["seq"], e["choice"], e["time"]) for e in session["events"]] == \
            [(e[0], e[1], e[6], e[10]) for e in events if e[0] in ids]


def test_old_finished_runs_open_with_the_new_debrief(old) -> None:  # noqa: ANN001
    """Runs stored before the debrief was judged per decision get the new debrief: scores with
    the decisions they rest on, the turning point where the ending was not the best, and the
    same JSON from `sovsim report` as from building it here."""
    from scoring.debrief import build_debrief
    from tests.clirun import sovsim

    data, settings, _, _ = old
    rubric = load_rubric()
    scenarios = {s.id: s for s in (load_scenario(STEMPAS, rubric.dimension_ids()),)}
    with Store(data) as store:
        finished = [r for r in store.runs() if r.finished and r.snapshot
                    and r.scenario_id in scenarios and r.id != settings["damaged-run"]]
    assert finished
    for rec in finished:
        d = build_debrief(scenarios[rec.scenario_id], rec.snapshot, rubric, "nl", rec.mode)
        assert any(x.assessed for x in d.dimensions)
        for x in d.dimensions:
            assert (x.score is None) == (not x.assessed) and (x.decisions > 0) == x.assessed
        if d.ending.outcome != "partner":
            assert d.turning_point is not None, rec.id
        res = sovsim("--data-dir", str(data), "report", rec.id, "--scenario", str(STEMPAS),
                     "--format", "json", "--lang", "nl")
        assert res.returncode == 0, res.stderr
        got = json.loads(res.stdout)
        assert got["turning_point"] == d.to_data()["turning_point"]
        assert [x["decisions"] for x in got["dimensions"]] == [x.decisions for x in d.dimensions]
