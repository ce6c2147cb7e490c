"""An autosave writes only what changed: the run's head and its new step, the same at the
300th choice as at the third; an undo deletes the step taken back; a run played on in two
places at once is saved whole by whoever saves last, never as a mix of the two. (How fast
is measured by benchmarks/engine.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.engine import Run
from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.store import StaleSave, Store, StoreError

MARATHON = Path(__file__).resolve().parent / "robustness" / "data" / "marathon.yaml"
ROUND = ["v1", "a2", "v3", "a1"]


@pytest.fixture
def marathon():  # noqa: ANN201
    return load_scenario(MARATHON)


def traced(store: Store, fn) -> list[str]:  # noqa: ANN001
    """The SQL statements ``fn`` makes the store execute, with their values."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        fn()
    finally:
        store.conn.set_trace_callback(None)
    return statements


def test_a_save_writes_the_head_and_the_new_step_only(tmp_path: Path, marathon) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(marathon)
        pt.attach(store)
        writes = {}
        for i in range(300):
            sql = traced(store, lambda i=i: pt.choose(ROUND[i % 4]))
            if i + 1 in (3, 300):
                writes[i + 1] = sql
        early, late = writes[3], writes[300]
        inserts = [s for s in late if s.startswith("INSERT INTO events")]
        assert len(inserts) == 1 and "[299, 300]" in inserts[0]  # the 300th choice only
        assert len(late) == len(early)  # the same statements, whatever the run's length
        assert abs(sum(map(len, late)) - sum(map(len, early))) < 40  # and the same size
        assert not any("SELECT" in s and "FROM events" in s and "seq=" not in s for s in late)
        rec = store.get_run(pt.run_id)
        assert rec.snapshot == pt.run.snapshot() and rec.steps == 300
        assert [e["seq"] for e in store.events(pt.run_id)] == list(range(1, 301))


def test_an_undo_deletes_the_step_taken_back(tmp_path: Path, marathon) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(marathon)
        pt.attach(store)
        for c in ("v1", "a2", "v3"):
            pt.choose(c)
        pt.undo()
        assert [e["choice"] for e in store.events(pt.run_id)] == ["v1", "a2"]
        assert store.get_run(pt.run_id).snapshot == pt.run.snapshot()
        pt.choose("v2")
        pt.undo()
        pt.choose("v1")
        assert [e["choice"] for e in store.events(pt.run_id)] == ["v1", "a2", "v1"]
        assert store.get_run(pt.run_id).snapshot == pt.run.snapshot()


def test_an_undo_that_could_not_be_saved_is_saved_with_the_next_choice(
        tmp_path: Path, marathon, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(marathon)
        pt.attach(store)
        for c in ("v1", "a2", "v3"):
            pt.choose(c)
        real = Store.save_step

        def full(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
            raise StoreError("the disk is full")

        monkeypatch.setattr(store, "save_step", full)
        with pytest.raises(StoreError):
            pt.undo()  # taken back on screen, not in the store
        monkeypatch.setattr(store, "save_step", real.__get__(store))
        pt.choose("v2")  # the same number of steps as stored, but another third step
        rec = store.get_run(pt.run_id)
        assert [s["choice"] for s in rec.snapshot["history"]] == ["v1", "a2", "v2"]
        assert rec.snapshot == pt.run.snapshot()


def test_a_run_open_in_two_places_is_written_by_one_of_them_only(tmp_path: Path,
                                                                 marathon) -> None:  # noqa: ANN001
    from sim.store import LeaseLost

    with Store(tmp_path) as store:
        pt = Playthrough.new(marathon)
        pt.attach(store)
        for c in ("v1", "a2", "v3"):
            pt.choose(c)
        pt.release()  # the first window closes
        rec = store.get_run(pt.run_id)
        here, there = (Playthrough.resume(store, rec, marathon) for _ in range(2))
        assert here.claim() is None
        other = there.claim()  # open elsewhere: told so, and it watches
        assert other is not None and other.owner == here.owner and there.watching
        here.undo()
        here.undo()
        here.choose("a1")  # 2 steps: v1, a1
        there.watching = False  # even a window that ignores the lease writes nothing
        with pytest.raises(LeaseLost):
            there.choose("a3")
        assert [e["choice"] for e in store.events(pt.run_id)] == ["v1", "a1"]
        assert there.claim(take_over=True) is None  # taken over: its whole run is saved
        there.save()
        assert store.get_run(pt.run_id).snapshot == there.run.snapshot()
        assert not here.keep() and here.watching  # the first window is told, stops saving
        here.choose("v2")  # (watching: not saved)
        assert [e["choice"] for e in store.events(pt.run_id)] == ["v1", "a2", "v3", "a3"]


def test_a_delta_that_does_not_follow_on_is_refused_and_writes_nothing(
        tmp_path: Path, marathon) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        run = Run(marathon)
        rid = store.create_run(run.snapshot())
        run.choose("v1")
        run.choose("a2")
        run.saved_steps = 1  # claims the first step is stored: it is not
        before = store.get_run(rid).snapshot
        with pytest.raises(StaleSave):
            store.save_step(rid, run.delta())
        assert store.get_run(rid).snapshot == before
        store.save_step(rid, run.snapshot())  # the whole run always fits
        assert store.get_run(rid).snapshot == run.snapshot()
        with pytest.raises(StoreError, match="no run 'gone'"):
            store.save_step("gone", run.snapshot())


def test_a_list_of_runs_reads_steps_only_when_used(tmp_path: Path, marathon) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        for n in (5, 7):
            pt = Playthrough.new(marathon)
            pt.attach(store)
            for i in range(n):
                pt.choose(ROUND[i % 4])
        records: list = []
        sql = traced(store, lambda: records.extend(store.runs()))
        assert not any("FROM events" in s for s in sql)
        assert sorted(r.steps for r in records) == [5, 7]
        newest = records[0]
        assert newest.snapshot == pt.run.snapshot()  # read now, whole
