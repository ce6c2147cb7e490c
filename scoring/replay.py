"""Replaying a saved run step by step, to know what was on offer at each decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sim.engine import Run, RunError, Step
from sim.scenario import Choice, Scenario


class ReplayError(Exception):
    """A saved run that cannot be replayed (damaged, or the scenario has changed)."""


@dataclass(slots=True)
class Decision:
    """One decision of a replayed run: the recorded step, what was on offer, what was chosen."""

    index: int  # 1-based
    step: Step
    offered: list[Choice]  # the enabled choices at that moment, in that state
    chosen: Choice


def replay(scenario: Scenario, data: Mapping[str, Any] | Run) -> tuple[Run, list[Decision]]:
    """Restore a saved run (or copy a live one) and replay it from its start.

    The returned run carries the recorded history (times and scores as saved).
    :class:`ReplayError` says why when the run does not fit the scenario.
    """
    if isinstance(data, Run):
        data = data.snapshot()
    if not isinstance(data, Mapping):
        raise ReplayError("this is not a saved sovsim run")
    try:
        saved = Run.restore(scenario, dict(data))
    except RunError as err:
        raise ReplayError(str(err)) from None
    snap = saved.snapshot()
    try:
        run = Run(scenario, start=snap["start"], values=snap["start_values"])
    except RunError as err:
        raise ReplayError(str(err)) from None
    decisions: list[Decision] = []
    for i, step in enumerate(saved.history, 1):
        if run.finished or run.node_id != step.node:
            raise ReplayError(
                f"the scenario has changed since this run was saved: decision {i} was made at "
                f"node {step.node!r}, but replaying the run now reaches {run.node_id!r}")
        offered = [v.choice for v in run.choices() if v.enabled]
        chosen = run.node.choice(step.choice)
        try:
            run.choose(step.choice)
        except RunError as err:
            raise ReplayError(f"the scenario has changed since this run was saved: "
                              f"decision {i}: {err}") from None
        assert chosen is not None  # choose() succeeded
        decisions.append(Decision(i, step, offered, chosen))
    run.history = list(saved.history)
    return run, decisions


def at_stake(decisions: list[Decision]) -> set[str]:
    """Dimensions some choice on offer in this run would have scored (non-zero)."""
    out: set[str] = set()
    for d in decisions:
        for c in [*d.offered, d.chosen]:
            out |= {dim for dim, v in c.scores.items() if v}
        out |= {dim for dim, v in d.step.scores.items() if v}
    return out
