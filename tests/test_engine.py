"""Playing scenarios with no terminal: choices, routes, effects, undo, save and restore."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from sim.analysis import Explorer
from sim.engine import Run, RunError, machine_for
from sim.errors import ContentError
from sim.loader import load_scenario

from .conftest import EXAMPLE, bundled_scenarios

ALL = [EXAMPLE, *bundled_scenarios()]


def test_play_example_end_to_end(example) -> None:  # noqa: ANN001
    run = Run(example)
    events = []
    run.subscribe(events.append)
    assert run.node_id == "balie"
    assert run.lines("en")[1] == ("Ruud", "I'm handing this in. I am a living man, not a person. "
                                          "Just sign here that I have been deregistered.")
    views = run.choices("nl")
    assert [v.number for v in views] == [1, 2, 3]
    run.choose("rustig-uitleggen")
    assert run.node_id == "reactie"
    assert run.values == {"vertrouwen": 4, "spanning": 4, "vastgelegd": True}
    disabled = {v.id: v for v in run.choices("en")}
    assert disabled["terug-naar-zaak"].enabled
    run.choose("grief-erkennen")
    assert run.finished and run.node_id == "einde-goed"
    assert run.node.ending.outcome == "partner"
    assert run.path() == ["balie", "reactie", "afspraak", "einde-goed"]
    assert run.scores() == {"rechtmatig": 2, "helder": 2, "zakelijk": 1, "verbinding": 2, "begrip": 2}
    assert [e.kind for e in events] == ["choice_made", "node_entered", "choice_made",
                                        "node_entered", "node_entered", "run_finished"]
    with pytest.raises(RunError, match="has ended"):
        run.choose("anything")


def test_disabled_choice_shown_with_reason_and_refused(example) -> None:  # noqa: ANN001
    run = Run(example)
    run.choose("discussie")  # tension 6 -> route to 'boos'
    assert run.node_id == "boos"
    run = Run(example)
    run.choose("tekenen")
    assert run.finished and run.node.ending.outcome == "gave_in"


def test_disabled_choice(example) -> None:  # noqa: ANN001
    run = Run(example, values={"spanning": 0})
    run.choose("discussie")  # tension 3, no route: to 'reactie' without 'vastgelegd'
    assert run.node_id == "reactie"
    view = {v.id: v for v in run.choices("en")}["terug-naar-zaak"]
    assert not view.enabled and view.reason == "You have not recorded anything yet."
    with pytest.raises(RunError, match="not available"):
        run.choose("terug-naar-zaak")
    with pytest.raises(RunError, match="has no choice 'bogus'"):
        run.choose("bogus")
    assert run.node_id == "reactie" and len(run.history) == 1


def test_routes_see_effects_and_values_clamp(example) -> None:  # noqa: ANN001
    run = Run(example, values={"spanning": 9})
    run.choose("rustig-uitleggen")  # spanning 9 + 1 clamps to 10 -> route to boos
    assert run.values["spanning"] == 10
    assert run.node_id == "boos"


def test_undo_restores_state_exactly(example) -> None:  # noqa: ANN001
    run = Run(example)
    before = run.snapshot()
    run.choose("rustig-uitleggen")
    middle = run.snapshot()
    run.choose("volgende")
    run.undo()
    assert run.snapshot() == middle
    run.undo()
    assert run.snapshot() == before
    with pytest.raises(RunError, match="nothing to undo"):
        run.undo()


def test_one_machine_serves_many_runs(example) -> None:  # noqa: ANN001
    a, b = Run(example), Run(example)
    assert a.machine is b.machine is machine_for(example)
    a.choose("tekenen")
    assert a.finished and b.node_id == "balie"


def test_snapshot_is_plain_json(example) -> None:  # noqa: ANN001
    run = Run(example)
    run.choose("rustig-uitleggen")
    data = json.loads(json.dumps(run.snapshot()))
    restored = Run.restore(example, data)
    assert restored.snapshot() == run.snapshot()
    restored.choose("grief-erkennen")
    assert restored.finished


def paths_to_every_node(scenario) -> dict[str, list[str]]:  # noqa: ANN001
    """For each reachable node, the choices of one shortest path that enters it."""
    ex = Explorer(scenario)
    root = ex.explore()
    paths: dict[str, list[str]] = dict.fromkeys(Run(scenario).opening, [])
    route = {root: []}
    queue = [root]
    while queue:
        nxt = []
        for si in queue:
            for e in ex.states[si].edges:
                if e.target_state < 0:
                    continue
                for node in e.entered:
                    paths.setdefault(node, route[si] + [e.choice])
                if e.target_state not in route:
                    route[e.target_state] = route[si] + [e.choice]
                    nxt.append(e.target_state)
        queue = nxt
    return paths


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_snapshot_restore_round_trip_at_every_node(path: Path, rubric) -> None:  # noqa: ANN001
    scenario = load_scenario(path, rubric.dimension_ids())
    paths = paths_to_every_node(scenario)
    assert set(paths) == {s.node for s in _explore(scenario)} | set(paths)
    for node_id, choices in paths.items():
        run = Run(scenario)
        for c in choices:
            run.choose(c)
        assert node_id in run.path()
        snap = json.loads(json.dumps(run.snapshot()))
        again = Run.restore(scenario, snap)
        assert again.snapshot() == snap
        assert again.lines("en") == run.lines("en")
        assert [(c.id, c.enabled) for c in again.choices()] == [(c.id, c.enabled) for c in run.choices()]
        if not run.finished:  # the restored run plays on exactly like the original
            pick = next(v.id for v in run.choices() if v.enabled)
            run.choose(pick)
            again.choose(pick)
            assert again.snapshot()["values"] == run.snapshot()["values"]
            assert again.node_id == run.node_id
    if path != EXAMPLE:
        assert set(paths) == set(scenario.nodes)


def _explore(scenario):  # noqa: ANN001, ANN202
    ex = Explorer(scenario)
    ex.explore()
    return ex.states


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_engine_and_analysis_agree(path: Path, rubric) -> None:  # noqa: ANN001
    """The state machine and the analysis step through a scenario identically."""
    scenario = load_scenario(path, rubric.dimension_ids())
    rng = random.Random(7)
    for _ in range(30):
        run = Run(scenario)
        ex = Explorer(scenario, visit_bound=10**6)
        si = ex.start()
        while not run.finished:
            views = [v for v in run.choices() if v.enabled]
            if not views:
                break
            pick = rng.choice(views).id
            state = ex.states[si]
            assert (state.node, state.values) == (run.node_id, run.values)
            res = ex.step(state, pick)
            run.choose(pick)
            assert res is not None
            node, values, visits, entered = res
            assert (node, values, entered) == (run.node_id, run.values, run.history[-1].entered)
            si = ex._add(node, values, visits)


def test_restore_after_scenario_changed(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    src = EXAMPLE.read_text(encoding="utf-8")
    scenario = load_scenario(EXAMPLE, rubric.dimension_ids())
    run = Run(scenario)
    run.choose("rustig-uitleggen")
    snap = run.snapshot()

    changed = tmp_path / "stempas.yaml"
    changed.write_text(src.replace("title: {nl: \"De ingeleverde stempas\"", "title: {nl: \"Nieuwe titel\""))
    ok = Run.restore(load_scenario(changed, rubric.dimension_ids()), snap)
    assert ok.node_id == "reactie" and ok.values == run.values

    changed.write_text(src.replace("reactie", "antwoord"))
    with pytest.raises(RunError, match="node 'reactie' no longer exists"):
        Run.restore(load_scenario(changed, rubric.dimension_ids()), snap)

    changed.write_text(src.replace("id: rustig-uitleggen", "id: kalm-uitleggen"))
    with pytest.raises(RunError, match="no longer has choice 'rustig-uitleggen'"):
        Run.restore(load_scenario(changed, rubric.dimension_ids()), snap)


@pytest.mark.parametrize("bad", [None, [], {"format": "other"}, {"format": "sovsim-run-1", "scenario": "stempas"}])
def test_restore_refuses_damaged_data(example, bad) -> None:  # noqa: ANN001
    with pytest.raises(RunError):
        Run.restore(example, bad)


def test_restore_refuses_other_scenario(example) -> None:  # noqa: ANN001
    snap = Run(example).snapshot()
    snap["scenario"] = "iets-anders"
    with pytest.raises(RunError, match="belongs to scenario 'iets-anders'"):
        Run.restore(example, snap)


def test_start_anywhere_with_state(example) -> None:  # noqa: ANN001
    run = Run(example, start="reactie", values={"vastgelegd": True})
    assert run.node_id == "reactie"
    assert {v.id: v.enabled for v in run.choices()}["terug-naar-zaak"]
    with pytest.raises(RunError, match="no node 'nergens'"):
        Run(example, start="nergens")


def test_endless_auto_loop_is_refused_by_the_loader(tmp_path: Path) -> None:
    f = tmp_path / "loop.yaml"
    f.write_text("""
id: lus
version: 1
title: Lus
summary: x
role: x
start: a
nodes:
  a: {next: b}
  b: {next: a}
""")
    with pytest.raises(ContentError, match=r"go round in a circle \(a → b → a\)"):
        load_scenario(f)


def test_endless_auto_loop_with_a_route_is_reported_at_run_time(tmp_path: Path) -> None:
    """A route that could end the loop but never fires in time: the engine's step limit."""
    f = tmp_path / "loop.yaml"
    f.write_text("""
id: lus
version: 1
title: Lus
summary: x
role: x
start: a
nodes:
  a:
    next: b
    routes: [{if: "visits(\\"a\\") > 5000", target: c}]
  b: {next: a}
  c: {ending: {outcome: open, title: Einde, text: Einde}}
""")
    with pytest.raises(RunError, match="endless loop"):
        Run(load_scenario(f))


def test_a_choice_into_an_endless_loop_is_taken_back(tmp_path: Path) -> None:
    """The step limit trips after the choice fired: the run is as if it was never made."""
    f = tmp_path / "loop.yaml"
    f.write_text("""
id: lus
version: 1
title: Lus
summary: x
role: x
variables:
  n: {type: number, initial: 0}
start: begin
nodes:
  begin:
    choices:
      - {id: rond, text: Rond, effects: ["n += 1"], target: a}
      - {id: uit, text: Uit, target: c}
  a:
    next: b
    routes: [{if: 'visits("a") > 5000', target: c}]
  b: {next: a}
  c: {ending: {outcome: open, title: Einde, text: Einde}}
""")
    run = Run(load_scenario(f))
    before = run.snapshot()
    with pytest.raises(RunError, match="could not carry out 'rond': more than 1000 automatic"):
        run.choose("rond")
    after = run.snapshot()
    assert after == before and run.node_id == "begin" and run.values["n"] == 0
    assert run.choose("uit").target == "c" and run.finished


def test_a_condition_that_cannot_be_evaluated_makes_the_choice_unavailable(tmp_path: Path) -> None:
    """Division by zero in a condition is the author's mistake: the trainee sees the choice
    disabled (or hidden) with the reason, the other choices stay on offer."""
    f = tmp_path / "nul.yaml"
    f.write_text("""
id: nul
version: 1
title: Nul
summary: x
role: x
variables:
  n: {type: number, initial: 0}
start: s
nodes:
  s:
    choices:
      - {id: delen, text: Delen, if: "10 / n > 1", unavailable: disable, reason: Nooit, target: e}
      - {id: verborgen, text: Verborgen, if: "10 / n > 1", target: e}
      - {id: klaar, text: Klaar, target: e}
  e: {ending: {outcome: open, title: Einde, text: Einde}}
""")
    run = Run(load_scenario(f))
    views = run.choices("en")
    assert [(v.id, v.enabled) for v in views] == [("delen", False), ("klaar", True)]
    assert views[0].reason == "the scenario cannot judge this choice now (division by zero)"
    with pytest.raises(RunError, match="cannot be evaluated: division by zero"):
        run.choose("delen")
    assert run.choose("klaar").target == "e"
