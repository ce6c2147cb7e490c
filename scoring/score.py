"""Scores of a run: raw totals per dimension, normalised 0-100 against the lowest
and highest totals reachable in the scenario, bands, the two axes and the quadrant.

Normalisation explores every path of the scenario (:func:`sim.analysis.summarise`),
with each loop node entered at most ``visit_bound`` times so loops end. A dimension
has one of these statuses:

- ``assessed``: the scenario scores it and the reachable totals differ; score 0-100.
- ``not_scored``: the scenario never scores it. Not assessed, never zero.
- ``no_spread``: the scenario scores it, but every complete path ends on the same
  total, so no choice made a difference. Not assessed: a 0-100 score would be
  meaningless (0/0), and calling it 100 would praise a choice nobody could miss.
- ``not_at_stake``: the scenario scores it, but not on this run's route: no choice on
  offer at any of the run's decisions would have changed it. Not assessed: the
  trainee never met a situation that tested it (say, a calm conversation never
  reached the point where a limit had to be set), so a low score would be unfair.
- ``not_explored``: the scenario is too large to explore within the state budget;
  only the raw total is known.

A run whose total lies outside the reachable range (it took a loop more often than
the visit bound, or it is unfinished) is clamped to 0 or 100 and flagged ``clamped``.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sim.analysis import DEFAULT_MAX_STATES, DEFAULT_VISIT_BOUND, TooLarge, summarise
from sim.engine import Run, Step
from sim.scenario import Scenario

from .replay import ReplayError, at_stake, replay
from .rubric import Band, Quadrant, Rubric

ASSESSED, NOT_SCORED, NO_SPREAD = "assessed", "not_scored", "no_spread"
NOT_AT_STAKE, NOT_EXPLORED = "not_at_stake", "not_explored"
STATUSES = (ASSESSED, NOT_SCORED, NO_SPREAD, NOT_AT_STAKE, NOT_EXPLORED)


class ScoringError(Exception):
    """A run that cannot be scored; the message says why."""


class TooLargeToScore(ScoringError):
    """The scenario's paths cannot all be explored within the budget."""

    def __init__(self, scenario_id: str, visit_bound: int, max_states: int) -> None:
        self.visit_bound = visit_bound
        self.max_states = max_states
        super().__init__(
            f"scenario {scenario_id!r} is too large to explore: it has more than "
            f"{max_states:,} distinct states with each loop taken at most {visit_bound} "
            f"time{'s' if visit_bound != 1 else ''} (visit bound {visit_bound}), so the lowest "
            "and highest reachable scores are unknown and only raw totals can be shown")


@dataclass(frozen=True, slots=True)
class Bounds:
    """Lowest and highest reachable totals per dimension the scenario scores."""

    minimum: dict[str, int]
    maximum: dict[str, int]
    visit_bound: int
    max_states: int
    states: int
    paths: int


_CACHE: weakref.WeakKeyDictionary[Scenario, dict[tuple[Any, ...], Bounds]] = \
    weakref.WeakKeyDictionary()


def scenario_bounds(scenario: Scenario, *, start: str | None = None,
                    values: Mapping[str, Any] | None = None,
                    visit_bound: int = DEFAULT_VISIT_BOUND,
                    max_states: int = DEFAULT_MAX_STATES) -> Bounds:
    """Explore the scenario (cached per loaded scenario); :class:`TooLargeToScore` beyond the budget."""
    if start == scenario.start:
        start = None
    if start is not None and start not in scenario.nodes:
        raise ScoringError(f"the run starts at node {start!r}, which scenario "
                           f"{scenario.id!r} does not have")
    values = {k: v for k, v in (values or {}).items() if k in scenario.variables}
    key = (start, tuple(sorted(values.items())), visit_bound, max_states)
    per = _CACHE.setdefault(scenario, {})
    if key in per:
        return per[key]
    try:
        s = summarise(scenario, visit_bound, max_states, start=start, values=values)
    except TooLarge:
        raise TooLargeToScore(scenario.id, visit_bound, max_states) from None
    b = Bounds(dict(s.minimum), dict(s.maximum), visit_bound, max_states, s.states, s.paths)
    per[key] = b
    return b


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


def normalise(raw: int, lowest: int, highest: int) -> tuple[int, bool]:
    """(0-100 score, clamped) of ``raw`` between the reachable ``lowest`` and ``highest``."""
    if highest <= lowest:
        raise ValueError("normalise needs highest > lowest")
    clamped = raw < lowest or raw > highest
    value = round_half_up(100 * (raw - lowest) / (highest - lowest))
    return max(0, min(100, value)), clamped


@dataclass(slots=True)
class DimensionScore:
    id: str
    raw: int
    status: str
    minimum: int | None = None
    maximum: int | None = None
    score: int | None = None
    band: Band | None = None
    clamped: bool = False

    @property
    def assessed(self) -> bool:
        return self.status == ASSESSED


@dataclass(slots=True)
class AxisScore:
    id: str
    score: int | None
    high: bool | None
    dimensions: list[str]  # the assessed dimensions the score is the mean of


@dataclass(slots=True)
class Scorecard:
    dimensions: dict[str, DimensionScore]
    axes: dict[str, AxisScore]
    quadrant: Quadrant | None
    bounds: Bounds | None
    notice: str | None = None
    other: dict[str, int] = field(default_factory=dict)  # scores for dimensions the rubric lacks


def score_history(scenario: Scenario, steps: Iterable[Step | Mapping[str, Any]], rubric: Rubric, *,
                  start: str | None = None, start_values: Mapping[str, Any] | None = None,
                  visit_bound: int = DEFAULT_VISIT_BOUND,
                  max_states: int = DEFAULT_MAX_STATES,
                  at_stake: set[str] | None = None) -> Scorecard:
    """Score a run given its decisions (``Step`` objects or their ``to_data()`` dicts).

    ``at_stake``: the dimensions some choice on offer in the run would have scored
    (see :func:`scoring.replay.at_stake`); others are ``not_at_stake``. None: skip that rule.
    """
    raw = raw_totals(steps)
    scored = set(scenario.dimensions_scored())
    bounds: Bounds | None = None
    notice: str | None = None
    try:
        bounds = scenario_bounds(scenario, start=start, values=start_values,
                                 visit_bound=visit_bound, max_states=max_states)
    except TooLargeToScore as err:
        notice = str(err)
    dims: dict[str, DimensionScore] = {}
    for dim in rubric.dimension_ids():
        r = raw.get(dim, 0)
        lo = bounds.minimum.get(dim) if bounds else None
        hi = bounds.maximum.get(dim) if bounds else None
        if dim not in scored:
            dims[dim] = DimensionScore(dim, r, NOT_SCORED)
        elif bounds is not None and (lo is None or hi is None or lo == hi):
            dims[dim] = DimensionScore(dim, r, NO_SPREAD, lo, hi)
        elif at_stake is not None and dim not in at_stake and r == 0:
            dims[dim] = DimensionScore(dim, r, NOT_AT_STAKE, lo, hi)
        elif bounds is None or lo is None or hi is None:
            dims[dim] = DimensionScore(dim, r, NOT_EXPLORED)
        else:
            score, clamped = normalise(r, lo, hi)
            dims[dim] = DimensionScore(dim, r, ASSESSED, lo, hi, score, rubric.band_for(score),
                                       clamped)
    axes: dict[str, AxisScore] = {}
    for aid, axis in rubric.axes.items():
        used = [d for d in axis.dimensions if d in dims and dims[d].assessed]
        if used:
            value = round_half_up(sum(dims[d].score or 0 for d in used) / len(used))
            axes[aid] = AxisScore(aid, value, value >= axis.threshold, used)
        else:
            axes[aid] = AxisScore(aid, None, None, [])
    quadrant = None
    if len(axes) == 2 and all(a.high is not None for a in axes.values()):
        quadrant = rubric.quadrant_for(bool(axes["contact"].high), bool(axes["limits"].high))
    other = {d: v for d, v in raw.items() if d not in dims}
    return Scorecard(dims, axes, quadrant, bounds, notice, other)


def score_run(scenario: Scenario, run: Run | Mapping[str, Any], rubric: Rubric, *,
              visit_bound: int = DEFAULT_VISIT_BOUND,
              max_states: int = DEFAULT_MAX_STATES) -> Scorecard:
    """Score a :class:`Run` or a saved run (``Run.snapshot()`` data), replaying it to see
    which dimensions were at stake; :class:`ScoringError` when it does not fit the scenario."""
    try:
        replayed, decisions = replay(scenario, run)
    except ReplayError as err:
        raise ScoringError(str(err)) from None
    snap = replayed.snapshot()
    return score_history(scenario, replayed.history, rubric, start=snap["start"],
                         start_values=snap["start_values"], visit_bound=visit_bound,
                         max_states=max_states, at_stake=at_stake(decisions))
