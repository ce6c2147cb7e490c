"""Helpers for the group-session tests: play paths into a store as trainees do."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

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


def play(trainee: Trainee, scenario: Scenario, choices: list[str]) -> str:
    """Start a run for ``trainee`` and make ``choices``, autosaving after each one, as the
    app does (a :class:`~sim.playthrough.Playthrough` saved through the trainee)."""
    pt = trainee.playthrough(scenario)
    for c in choices:
        pt.choose(c)
    assert pt.run_id is not None
    return pt.run_id


def aio(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test (Textual's pilot) to completion."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run
