"""The store's session tables: the schema 1 -> 3 migration, sessions, participants,
plenary branches, votes and bookmarks, and deleting a session or a person."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sim.engine import Run
from sim.store import SCHEMA_VERSION, DuplicateError, SeatTaken, Store, StoreError

# The schema as sovsim 0.1 wrote it (schema 1), to test the migration on a real old file.
SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
    id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, scenario_version INTEGER NOT NULL,
    scenario_path TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL DEFAULT 'coach', lang TEXT NOT NULL DEFAULT 'nl', person TEXT,
    session_id TEXT, started TEXT NOT NULL, updated TEXT NOT NULL,
    finished INTEGER NOT NULL DEFAULT 0, outcome TEXT, ending TEXT, snapshot TEXT NOT NULL);
CREATE INDEX runs_updated ON runs(updated);
CREATE INDEX runs_session ON runs(session_id);
CREATE TABLE events (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    kind TEXT NOT NULL, scenario_id TEXT NOT NULL, scenario_version INTEGER NOT NULL,
    node TEXT NOT NULL, choice TEXT, target TEXT, scores TEXT NOT NULL DEFAULT '{}',
    changes TEXT NOT NULL DEFAULT '{}', time TEXT NOT NULL, PRIMARY KEY (run_id, seq));
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '1');
"""


def _old_store(path: Path, example) -> dict:  # noqa: ANN001
    run = Run(example)
    run.choose("rustig-uitleggen")
    snap = run.snapshot()
    step = snap["history"][0]
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_1)
    conn.execute("INSERT INTO runs (id, scenario_id, scenario_version, started, updated, snapshot)"
                 " VALUES ('old1', 'stempas', 1, 't0', 't1', ?)", (json.dumps(snap),))
    conn.execute("INSERT INTO events (run_id, seq, kind, scenario_id, scenario_version, node, "
                 "choice, target, scores, time) VALUES ('old1', 1, 'choice', 'stempas', 1, ?, ?, "
                 "?, ?, 't1')", (step["node"], step["choice"], step["target"],
                                 json.dumps(step["scores"])))
    conn.execute("INSERT INTO settings VALUES ('lang', 'en')")
    conn.commit()
    conn.close()
    return snap


def test_migration_from_schema_1_keeps_runs_events_and_settings(tmp_path, example) -> None:  # noqa: ANN001
    db = tmp_path / "sovsim.db"
    snap = _old_store(db, example)
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] \
            == str(SCHEMA_VERSION) == "4"
        rec = store.get_run("old1")
        assert rec is not None and rec.snapshot == snap and rec.session_id is None
        assert [e["choice"] for e in store.events("old1")] == ["rustig-uitleggen"]
        assert store.get_setting("lang") == "en"
        # the new tables work, and an old run goes on being saved
        sid = store.create_session(kind="live", scenarios=[{"id": "stempas", "path": ""}],
                                   join_code="ABCDEF", trainer_hash="h")
        assert store.get_session(sid).join_code == "ABCDEF"
        run = Run.restore(example, rec.snapshot)
        run.choose("grief-erkennen")
        store.save_step("old1", run.snapshot(), finished=True, outcome="partner",
                        ending="einde-goed")
        assert len(store.events("old1")) == 2
        assert store.integrity_ok()
    with Store(db) as again:  # opening a migrated store again changes nothing
        assert again.get_run("old1").finished


def test_a_store_from_a_newer_sovsim_is_refused(tmp_path) -> None:  # noqa: ANN001
    db = tmp_path / "sovsim.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer sovsim"):
        Store(db)


def test_sessions_participants_and_join_code_uniqueness(tmp_path) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        refs = [{"id": "stempas", "path": "/x/stempas.yaml"}]
        a = store.create_session(kind="live", scenarios=refs, title="Dag 1", join_code="AAAAAA",
                                 trainer_hash="hash")
        with pytest.raises(DuplicateError):
            store.create_session(kind="live", scenarios=refs, join_code="AAAAAA")
        rec = store.session_by_join_code("AAAAAA")
        assert rec.id == a and rec.title == "Dag 1" and rec.scenarios == refs and not rec.is_closed
        p, new = store.join_participant(a, "Anna", "anna", holder="tab1", lease=30)
        assert new
        again, new = store.join_participant(a, "ANNA", "anna", holder="tab1", lease=30)
        assert not new and again.id == p.id and again.name == "Anna"
        with pytest.raises(SeatTaken):  # another tab while the first is alive
            store.join_participant(a, "anna", "anna", holder="tab2", lease=30)
        store.release_participant(p.id, "tab1")
        taken, _ = store.join_participant(a, "anna", "anna", holder="tab2", lease=30)
        assert taken.id == p.id
        assert store.close_session(a) and not store.close_session(a)
        assert store.get_session(a).is_closed


def test_votes_branches_and_bookmarks(tmp_path, example) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        sid = store.create_session(kind="plenary", scenarios=[{"id": "stempas", "path": ""}])
        run = Run(example)
        r1 = store.create_run(run.snapshot(), session_id=sid)
        store.add_branch(r1, sid)
        store.set_votes(r1, 1, "balie", {"rustig-uitleggen": 7, "discussie": 3, "tekenen": 0})
        store.set_votes(r1, 1, "balie", {"rustig-uitleggen": 8, "discussie": 2})  # corrected
        assert store.votes(r1) == {1: {"rustig-uitleggen": 8, "discussie": 2}}
        with pytest.raises(ValueError):
            store.set_votes(r1, 2, "reactie", {"volgende": -1})
        r2 = store.create_run(run.snapshot(), session_id=sid)
        store.add_branch(r2, sid, parent_run=r1, fork_at=0, label="de andere weg")
        assert [(b.run_id, b.parent_run, b.fork_at, b.label) for b in store.branches(sid)] == \
            [(r1, None, 0, ""), (r2, r1, 0, "de andere weg")]
        store.set_bookmark(r1, 1, "spannend moment")
        store.set_bookmark(r1, 1, "het moment")
        assert store.bookmarks(sid) == [(r1, 1, "het moment")]
        store.remove_bookmark(r1, 1)
        assert store.bookmarks(sid) == []


def test_deleting_a_session_or_a_person_leaves_others_untouched(tmp_path, example) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        refs = [{"id": "stempas", "path": ""}]
        s1 = store.create_session(kind="live", scenarios=refs, join_code="AAAAAA")
        s2 = store.create_session(kind="live", scenarios=refs, join_code="BBBBBB")
        solo = store.create_run(Run(example).snapshot())
        ids = {}
        for sid in (s1, s2):
            for name in ("anna", "bram"):
                p, _ = store.join_participant(sid, name, name)
                run = Run(example)
                rid = store.create_run(run.snapshot(), session_id=sid, person=p.id)
                run.choose("tekenen")
                store.save_step(rid, run.snapshot(), finished=True)
                ids[(sid, name)] = (p.id, rid)
        pid, rid = ids[(s2, "anna")]
        assert store.delete_participant(pid) == 1
        assert store.get_run(rid) is None and store.events(rid) == []
        assert [p.name for p in store.participants(s2)] == ["bram"]
        assert store.get_run(ids[(s1, "anna")][1]) is not None
        assert store.delete_session(s1) == 2
        assert store.get_session(s1) is None and store.participants(s1) == []
        assert store.runs(session_id=s1) == [] and store.session_events(s1) == []
        assert store.get_run(solo) is not None  # a solo run is nobody's session data
        assert [r.person for r in store.runs(session_id=s2)] == [ids[(s2, "bram")][0]]
        assert store.integrity_ok()


def test_solo_play_never_offers_group_runs(tmp_path, example) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        solo = store.create_run(Run(example).snapshot())
        sid = store.create_session(kind="live", scenarios=[{"id": "stempas", "path": ""}],
                                   join_code="AAAAAA")
        p, _ = store.join_participant(sid, "anna", "anna")
        group = store.create_run(Run(example).snapshot(), session_id=sid, person=p.id)
        assert store.last_unfinished().id == solo  # the group run is newer, but not offered
        assert store.last_unfinished(sid).id == group
        assert [r.id for r in store.runs(solo=True)] == [solo]
        assert {r.id for r in store.runs()} == {solo, group}
        store.delete_run(solo)
        assert store.last_unfinished() is None
