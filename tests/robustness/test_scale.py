"""What keeps sovsim fast at scale, held in place: runs do not pile up in the engine's
machine, and the dashboard scores each path once (benchmarks/live.py measures the speed)."""

from __future__ import annotations

from scoring.rubric import load_rubric
from sim.engine import Run, machine_for
from sim.group import path_key, rubric_scorer
from sim.loader import load_scenario

from .helpers import HERE

MARATHON = HERE / "data" / "marathon.yaml"


def test_runs_do_not_accumulate_in_the_machine() -> None:
    scenario = load_scenario(MARATHON, use_cache=False)
    runs = [Run(scenario) for _ in range(2000)]
    for i, run in enumerate(runs[:50]):
        run.choose("v1" if i % 2 else "v2")
    assert machine_for(scenario).models == []  # nothing kept per run (it was a growing list)
    assert {r.node_id for r in runs[:50]} == {"antwoord"} and runs[60].node_id == "vraag"
    assert not hasattr(runs[0]._model, "may_trigger_v1")


def test_the_dashboard_scorer_remembers_paths_not_runs() -> None:
    rubric = load_rubric()
    scenario = load_scenario(HERE.parent.parent / "docs" / "examples" / "stempas.yaml",
                             rubric.dimension_ids(), use_cache=False)
    score = rubric_scorer(rubric)
    fresh = rubric_scorer(rubric)
    a, b = Run(scenario), Run(scenario)
    a.choose("rustig-uitleggen")
    a.choose("grief-erkennen")
    b.choose("tekenen")
    for run in (a, b, a):
        assert score(scenario, run.snapshot()) == fresh(scenario, run.snapshot())
    assert score(scenario, a.snapshot()) != score(scenario, b.snapshot())
    damaged = {**a.snapshot(), "history": "not a list"}
    assert path_key(damaged) is None and score(scenario, damaged) is None
