"""The turning point of a run: the last decision from which a better ending was still reachable.

Endings are ranked by their outcome (the rubric's ``outcomes``). The scenario's state graph
(:class:`sim.analysis.Exploration`) gives, for every state, the best rank reachable from it.
Walking the run's choices through that graph, the turning point is the last state on the
route whose best reachable rank beats the run's own ending; the better option there is a
choice that still led to such an ending.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sim.analysis import DEFAULT_MAX_STATES, DEFAULT_VISIT_BOUND, Exploration, TooLarge
from sim.scenario import Scenario

from .rubric import Rubric


@dataclass(frozen=True, slots=True)
class Turn:
    """Where the run's ending was sealed: the decision (1-based), its node, the choice made,
    a better choice there and the best ending that choice could still reach."""

    step: int
    node: str
    chosen: str
    better: str
    reachable: str  # an ending node of the best rank reachable through ``better``


class Reachability:
    """For each state of a scenario's graph: the best ending rank reachable, and one such ending."""

    def __init__(self, ex: Exploration, rubric: Rubric) -> None:
        self.ex = ex
        sc = ex.scenario
        self.best: dict[int, int] = {}
        self.ending: dict[int, str] = {}
        for si in ex.order:  # children before parents
            s = ex.states[si]
            node = sc.nodes[s.node]
            if node.ending is not None:
                self.best[si], self.ending[si] = rubric.rank(node.ending.outcome), s.node
                continue
            for e in s.edges:
                t = e.target_state
                if t >= 0 and t in self.best and (si not in self.best
                                                  or self.best[t] > self.best[si]):
                    self.best[si], self.ending[si] = self.best[t], self.ending[t]

    def route(self, choices: list[str]) -> list[int] | None:
        """The states before each choice of the route (None where the graph cannot follow it)."""
        out: list[int] = []
        si = self.ex.root
        for c in choices:
            out.append(si)
            edge = next((e for e in self.ex.states[si].edges if e.choice == c), None)
            if edge is None or edge.target_state < 0:
                return None
            si = edge.target_state
        return out


_CACHE: weakref.WeakKeyDictionary[Scenario, dict[tuple[Any, ...], Reachability]] = \
    weakref.WeakKeyDictionary()


def reachability(scenario: Scenario, rubric: Rubric, *, start: str | None = None,
                 values: Mapping[str, Any] | None = None,
                 visit_bound: int = DEFAULT_VISIT_BOUND,
                 max_states: int = DEFAULT_MAX_STATES) -> Reachability:
    """Cached per loaded scenario and settings; :class:`sim.analysis.TooLarge` beyond the budget."""
    if start == scenario.start:
        start = None
    values = {k: v for k, v in (values or {}).items() if k in scenario.variables}
    ranks = tuple(sorted((k, r.rank) for k, r in rubric.outcomes.items()))
    key = (start, tuple(sorted(values.items())), visit_bound, max_states, ranks)
    per = _CACHE.setdefault(scenario, {})
    if key not in per:
        ex = Exploration(scenario, visit_bound, max_states, start, dict(values))
        per[key] = Reachability(ex, rubric)
    return per[key]


def turning_point(scenario: Scenario, rubric: Rubric, choices: list[str], outcome: str, *,
                  start: str | None = None, values: Mapping[str, Any] | None = None,
                  visit_bound: int = DEFAULT_VISIT_BOUND,
                  max_states: int = DEFAULT_MAX_STATES) -> Turn | None:
    """The turning point of a finished run with these choices and this outcome; None when
    no better ending was reachable anywhere on the route (or the route cannot be followed).
    :class:`sim.analysis.TooLarge` when the scenario is too large to explore."""
    reach = reachability(scenario, rubric, start=start, values=values,
                         visit_bound=visit_bound, max_states=max_states)
    states = reach.route(choices)
    if states is None:
        return None
    mine = rubric.rank(outcome)
    dims = set(rubric.dimension_ids())
    for i in range(len(states) - 1, -1, -1):
        si = states[i]
        if reach.best.get(si, -1) <= mine:
            continue
        state = reach.ex.states[si]
        good = [e for e in state.edges
                if e.target_state >= 0 and reach.best.get(e.target_state, -1) > mine
                and e.choice != choices[i]]
        if not good:
            continue
        top = max(reach.best[e.target_state] for e in good)
        good = [e for e in good if reach.best[e.target_state] == top]
        pick = max(good, key=lambda e: sum(v for d, v in e.scores.items() if d in dims))
        return Turn(i + 1, state.node, choices[i], pick.choice, reach.ending[pick.target_state])
    return None


__all__ = ["Reachability", "TooLarge", "Turn", "reachability", "turning_point"]
