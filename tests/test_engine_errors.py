"""Run-time errors in expressions (which lint warns about) reach the engine's callers as
RunError, and a failed choice leaves the run as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.engine import Run, RunError
from sim.loader import load_scenario

SCENARIO = """\
id: fouten
version: 1
languages: [nl]
title: Fouten
summary: Test.
role: Rol
variables:
  n: {type: number, initial: 1}
  m: {type: number, initial: 0}
start: {start}
nodes:
  begin:
    choices:
      - {id: nul, text: Nul, effects: ["n = 0"], target: door}
      - {id: deel, text: Deel, effects: ["m = 10 / n"], target: einde}
      - {id: voorwaarde, text: V, if: "10 / m > 1", target: einde}
  door:
    next: einde
    routes:
      - {if: "1 / n > 1", target: begin}
  open:
    next: einde
    routes:
      - {if: "1 / m > 1", target: begin}
  einde:
    ending: {outcome: open, title: Einde, text: Klaar.}
"""


def scenario(tmp_path: Path, start: str = "begin"):  # noqa: ANN201
    path = tmp_path / f"fouten-{start}.yaml"
    path.write_text(SCENARIO.replace("{start}", start))
    return load_scenario(path, use_cache=False)


def test_a_failing_continuation_undoes_the_choice(tmp_path: Path) -> None:
    run = Run(scenario(tmp_path))
    before = run.snapshot()
    with pytest.raises(RunError, match="could not carry out 'nul': division by zero"):
        run.choose("nul")  # n = 0, then the route of 'door' divides by n
    assert run.snapshot() == before
    assert run.node_id == "begin" and run.values == {"n": 1, "m": 0}
    run.choose("deel")  # the run goes on normally
    assert run.finished and run.values["m"] == 10


def test_a_failing_condition_is_a_run_error(tmp_path: Path) -> None:
    run = Run(scenario(tmp_path))
    with pytest.raises(RunError, match="condition of 'voorwaarde' cannot be evaluated"):
        run.choose("voorwaarde")
    assert run.node_id == "begin" and not run.history


def test_a_failing_opening_is_a_run_error(tmp_path: Path) -> None:
    with pytest.raises(RunError, match="cannot start at 'open': division by zero"):
        Run(scenario(tmp_path, "open"))
