"""Helpers for the group-session tests: play paths into a store as trainees do."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from sim.engine import Run
from sim.scenario import Scenario
from sim.sessions import Trainee

# Every complete path of docs/examples/stempas.yaml (default start values).
STEMPAS_PATHS: dict[str, list[str]] = {
    "A": ["rustig-uitleggen", "grief-erkennen"],     # einde-goed (partner)
    "B": ["discussie", "grens"],                      # einde-grens (escalation)
    "C": ["tekenen"],                                 # getekend (gave_in)
    "D": ["rustig-uitleggen", "volgende"],            # weg (contact_broken)
    "E": ["discussie", "toch-tekenen"],               # getekend (gave_in)
    "G": ["rustig-uitleggen", "terug-naar-zaak"],     # einde-goed (partner)
}


def save_args(run: Run) -> dict[str, Any]:
    ending = run.ending
    return {"finished": run.finished,
            "outcome": ending.ending.outcome if ending and ending.ending else None,
            "ending": ending.id if ending else None}


def play(trainee: Trainee, scenario: Scenario, choices: list[str]) -> str:
    """Start a run for ``trainee`` and make ``choices``, autosaving after each one."""
    run = Run(scenario)
    run_id = trainee.start_run(run.snapshot(), scenario_path=scenario.path)
    for c in choices:
        run.choose(c)
        trainee.save(run_id, run.snapshot(), **save_args(run))
    return run_id


def aio(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test (Textual's pilot) to completion."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run
