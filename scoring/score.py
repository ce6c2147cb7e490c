"""Scores of a run: per dimension, how close the trainee came to the best option at
each decision they actually met; bands, the two axes, the outcome's caps and the quadrant.

A dimension's score is judged decision by decision. At a decision, the options that
were on offer then (enabled, in that state) span a range on the dimension, from the
option that scored it lowest to the one that scored it highest; the decision *touches*
the dimension when that range is not empty. Over the decisions of the run that touch it::

    score = 100 * sum(chosen - lowest on offer) / sum(highest on offer - lowest on offer)

So choosing the best option on offer at every decision gives 100 and the worst gives 0,
whatever the route's length: a short route and a long route are judged on the same
footing, and one poor choice on a short route weighs what it weighs. The score rests on
the number of decisions that touched the dimension; the debrief says how many.

A dimension has one of these statuses:

- ``assessed``: at least one decision on the route touched it; score 0-100.
- ``not_scored``: the scenario never scores it. Not assessed, never zero.
- ``not_at_stake``: the scenario scores it, but no decision on this route could move it
  (no choice on offer there scored it differently). Not assessed: the trainee never met
  a situation that tested it, so neither a low nor a high score would be fair.

The axes are the mean of their assessed dimensions. An ending's outcome can cap an axis
(rubric ``outcomes``: contact broken cannot be "high contact"): the axis score is then at
most one below its threshold, and the scorecard keeps the score before the cap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sim.engine import Run, Step
from sim.scenario import Scenario

from .replay import Decision, ReplayError, replay
from .rubric import Band, Quadrant, Rubric

ASSESSED, NOT_SCORED, NOT_AT_STAKE = "assessed", "not_scored", "not_at_stake"
STATUSES = (ASSESSED, NOT_SCORED, NOT_AT_STAKE)


class ScoringError(Exception):
    """A run that cannot be scored; the message says why."""


def raw_totals(steps: Iterable[Step | Mapping[str, Any]]) -> dict[str, int]:
    """The sum of the recorded scores of each decision, per dimension."""
    total: dict[str, int] = {}
    for step in steps:
        scores = step.scores if isinstance(step, Step) else step.get("scores", {})
        for dim, v in dict(scores).items():
            total[str(dim)] = total.get(str(dim), 0) + int(v)
    return total


def round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def normalise(raw: int, lowest: int, highest: int) -> int:
    """The 0-100 score of ``raw`` between ``lowest`` and ``highest`` (half up)."""
    if highest <= lowest:
        raise ValueError("normalise needs highest > lowest")
    return max(0, min(100, round_half_up(100 * (raw - lowest) / (highest - lowest))))


@dataclass(frozen=True, slots=True)
class Reach:
    """At one decision, on one dimension: the chosen score and the range on offer."""

    step: int  # 1-based
    chosen: int
    lowest: int
    highest: int


def decision_reach(decisions: Iterable[Decision], dim: str) -> list[Reach]:
    """The decisions that touch ``dim``: where the options on offer scored it differently.

    The chosen option's recorded score counts as on offer (a run of a changed scenario
    keeps the scores it was played with)."""
    out = []
    for d in decisions:
        chosen = int(d.step.scores.get(dim, 0))
        values = [int(c.scores.get(dim, 0)) for c in d.offered] + [chosen]
        lo, hi = min(values), max(values)
        if hi > lo:
            out.append(Reach(d.index, chosen, lo, hi))
    return out


@dataclass(slots=True)
class DimensionScore:
    id: str
    raw: int  # the run's total on the dimension
    status: str
    # the lowest and highest totals the trainee could have had by choosing otherwise at
    # the same decisions (assessed dimensions only)
    minimum: int | None = None
    maximum: int | None = None
    score: int | None = None
    band: Band | None = None
    decisions: int = 0  # the decisions on the route that touched the dimension

    @property
    def assessed(self) -> bool:
        return self.status == ASSESSED


@dataclass(slots=True)
class AxisScore:
    id: str
    score: int | None
    high: bool | None
    dimensions: list[str]  # the assessed dimensions the score is the mean of
    uncapped: int | None = None  # the score before the outcome's cap, when it was capped
    capped_by: str | None = None  # the outcome that capped it


@dataclass(slots=True)
class Scorecard:
    dimensions: dict[str, DimensionScore]
    axes: dict[str, AxisScore]
    quadrant: Quadrant | None
    outcome: str | None = None
    other: dict[str, int] = field(default_factory=dict)  # scores for dimensions the rubric lacks


def score_decisions(scenario: Scenario, decisions: list[Decision], rubric: Rubric,
                    outcome: str | None = None) -> Scorecard:
    """Score a replayed run (:func:`scoring.replay.replay`); ``outcome``: its ending's outcome."""
    raw = raw_totals(d.step for d in decisions)
    scored = set(scenario.dimensions_scored()) | {k for k, v in raw.items() if v}
    dims: dict[str, DimensionScore] = {}
    for dim in rubric.dimension_ids():
        r = raw.get(dim, 0)
        if dim not in scored:
            dims[dim] = DimensionScore(dim, r, NOT_SCORED)
            continue
        reach = decision_reach(decisions, dim)
        if not reach:
            dims[dim] = DimensionScore(dim, r, NOT_AT_STAKE)
            continue
        gained = sum(x.chosen - x.lowest for x in reach)
        possible = sum(x.highest - x.lowest for x in reach)
        lo = r - gained
        hi = lo + possible
        score = normalise(r, lo, hi)
        dims[dim] = DimensionScore(dim, r, ASSESSED, lo, hi, score, rubric.band_for(score),
                                   len(reach))
    rule = rubric.outcome(outcome) if outcome else None
    axes: dict[str, AxisScore] = {}
    for aid, axis in rubric.axes.items():
        used = [d for d in axis.dimensions if d in dims and dims[d].assessed]
        if not used:
            axes[aid] = AxisScore(aid, None, None, [])
            continue
        value = round_half_up(sum(dims[d].score or 0 for d in used) / len(used))
        cap = AxisScore(aid, value, value >= axis.threshold, used)
        if rule is not None and aid in rule.caps and value >= axis.threshold:
            cap = AxisScore(aid, axis.threshold - 1, False, used, value, rule.id)
        axes[aid] = cap
    quadrant = None
    if len(axes) == 2 and all(a.high is not None for a in axes.values()):
        quadrant = rubric.quadrant_for(bool(axes["contact"].high), bool(axes["limits"].high))
    other = {d: v for d, v in raw.items() if d not in dims}
    return Scorecard(dims, axes, quadrant, outcome, other)


def score_run(scenario: Scenario, run: Run | Mapping[str, Any], rubric: Rubric,
              **_ignored: Any) -> Scorecard:
    """Score a :class:`Run` or a saved run (``Run.snapshot()`` data), replaying it to see
    what was on offer at each decision; :class:`ScoringError` when it does not fit the
    scenario."""
    try:
        replayed, decisions = replay(scenario, run)
    except ReplayError as err:
        raise ScoringError(str(err)) from None
    ending = replayed.node.ending if replayed.finished else None
    return score_decisions(scenario, decisions, rubric, ending.outcome if ending else None)
