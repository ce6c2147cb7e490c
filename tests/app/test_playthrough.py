"""Autosave: one transaction per choice, mode recorded, undo only in coach mode, resume exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.engine import RunError
from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.store import Store, StoreError

from .conftest import STEMPAS


@pytest.fixture
def scenario():  # noqa: ANN201
    return load_scenario(STEMPAS)


def test_every_choice_is_saved_with_the_mode(scenario, tmp_path: Path) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(scenario, mode="assessment", lang="en")
        run_id = pt.attach(store)
        rec = store.get_run(run_id)
        assert rec.mode == "assessment" and rec.lang == "en" and not rec.finished
        pt.choose("rustig-uitleggen")
        assert store.get_run(run_id).snapshot == pt.run.snapshot()
        assert [e["choice"] for e in store.events(run_id)] == ["rustig-uitleggen"]
        pt.choose("grief-erkennen")
        rec = store.get_run(run_id)
        assert rec.finished and rec.outcome == "partner" and rec.ending == "einde-goed"
        assert len(store.events(run_id)) == 2


def test_undo_only_in_coach_mode(scenario, tmp_path: Path) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(scenario, mode="assessment")
        pt.attach(store)
        pt.choose("discussie")
        with pytest.raises(RunError):
            pt.undo()
        coach = Playthrough.new(scenario, mode="coach")
        run_id = coach.attach(store)
        coach.choose("discussie")
        coach.undo()
        assert coach.run.node_id == "balie"
        assert store.events(run_id) == []
        assert store.get_run(run_id).snapshot["history"] == []


def test_resume_is_identical(scenario, tmp_path: Path) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(scenario, mode="coach")
        pt.attach(store)
        pt.choose("rustig-uitleggen")
        pt.release()  # its window closed
        rec = store.last_unfinished()
        again = Playthrough.resume(store, rec, scenario)
        assert again.run.snapshot() == pt.run.snapshot()
        assert again.mode == "coach" and again.run_id == pt.run_id
        again.choose("grief-erkennen")
        assert store.last_unfinished() is None


def test_a_failed_save_leaves_the_choice_made(scenario, tmp_path: Path,  # noqa: ANN001
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(tmp_path) as store:
        pt = Playthrough.new(scenario)
        pt.attach(store)

        def full(*a: object, **kw: object) -> None:
            raise StoreError("disk full")

        monkeypatch.setattr(store, "save_step", full)
        with pytest.raises(StoreError):
            pt.choose("rustig-uitleggen")
        assert pt.run.node_id == "reactie" and pt.unsaved
        pt.detach()
        pt.choose("grief-erkennen")  # goes on without saving
        assert pt.run.finished and not pt.saving


def test_end_run_marks_abandoned_and_keeps_events(scenario, tmp_path: Path) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        pt = Playthrough.new(scenario)
        run_id = pt.attach(store)
        pt.choose("rustig-uitleggen")
        store.end_run(run_id, "abandoned")
        rec = store.get_run(run_id)
        assert rec.finished and rec.outcome == "abandoned"
        assert len(store.events(run_id)) == 1 and rec.snapshot == pt.run.snapshot()
        assert store.last_unfinished() is None
        with pytest.raises(StoreError):
            store.end_run("nope", "abandoned")


def test_thoughts_say_whose_they_are(scenario) -> None:  # noqa: ANN001
    from sim import transcript

    # one character: the thought is theirs without saying so
    assert transcript.thought_text(scenario, "balie", "en") == \
        "Ruud: “If she signs, I have it in black and white.”"
    assert transcript.thought_text(scenario, "afspraak", "nl") is None


def test_a_thought_is_shown_under_its_owner_and_can_follow_the_choice() -> None:
    """Not the last speaker's name: the owner the scenario names; a choice's own thought
    replaces the node's after that choice (raad-inspreker: the chair speaks last)."""
    from sim import transcript
    from sim.clitools import bundled_dir

    sc = load_scenario(bundled_dir() / "raad-inspreker.yaml")
    node = sc.nodes["opening-inspreken"]
    assert node.lines[-1].speaker == "voorzitter" and node.thought_by == "ruud"
    after_rules = transcript.thought_text(sc, "opening-inspreken", "en", "spelregels-neutraal")
    after_other = transcript.thought_text(sc, "opening-inspreken", "en", "zonder-introductie")
    assert after_rules is not None and after_rules.startswith("Ruud: “Five minutes")
    assert after_other == "Ruud: “Full house. Good. Everything they do now will be online tonight.”"
    run = Playthrough.new(sc, mode="coach")
    run.choose("voorbereiden-ordemaatregelen")
    run.choose("spelregels-neutraal")
    coach = [e for e in transcript.build(run.run, "nl", True) if e.kind == "coach"]
    assert coach[-1].name == "Ruud" and coach[-1].thought.startswith("Ruud: “Vijf minuten")


def test_the_saved_scenario_path_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    shutil.copy(STEMPAS, tmp_path / "s.yaml")
    monkeypatch.chdir(tmp_path)
    pt = Playthrough.new(load_scenario("s.yaml"))
    with Store(tmp_path / "db") as store:
        pt.attach(store)
        assert store.last_unfinished().scenario_path == str(tmp_path / "s.yaml")
