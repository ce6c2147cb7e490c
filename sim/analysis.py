"""Exploring a scenario's paths: the state graph, bounds per rubric dimension,
path counts, endings reached, and best or worst paths.

States are (node, variable values, bounded visit counts). Visit counts are kept
only for nodes that ``visits()`` reads or that lie on a loop, each capped at
``visit_bound``: a step that would enter a node more often is cut, so loops end.
Stepping mirrors :class:`sim.engine.Run` through the same helper functions.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import expr
from .engine import MAX_AUTO_STEPS, apply_effects, choice_available, route_target
from .scenario import Scenario

DEFAULT_VISIT_BOUND = 3
DEFAULT_MAX_STATES = 200_000

StateKey = tuple[Any, ...]


class TooLarge(Exception):
    """The state space exceeds the budget; ``explored`` says how far it got."""

    def __init__(self, explored: int, bound: int) -> None:
        super().__init__(f"more than {bound:,} distinct states (explored {explored:,})")
        self.explored = explored
        self.bound = bound


@dataclass(slots=True)
class Edge:
    choice: str
    target_state: int  # -1: cut by the visit bound or a broken step
    scores: dict[str, int]
    entered: list[str]


@dataclass(slots=True)
class State:
    node: str
    values: dict[str, Any]
    visits: dict[str, int]
    decision: bool = False  # two or more choices on offer
    edges: list[Edge] = field(default_factory=list)
    stuck: bool = False  # not an ending, and nothing to choose


def tracked_nodes(scenario: Scenario) -> set[str]:
    """Nodes whose visit counts matter: read by visits(), or on a loop."""
    out: set[str] = set()
    for node in scenario.nodes.values():
        exprs = [c.condition for c in node.choices if c.condition is not None]
        exprs += [r.condition for c in node.choices for r in c.routes]
        exprs += [r.condition for r in node.next_routes]
        exprs += [e.value for c in node.choices for e in c.effects]
        for e in exprs:
            out |= _visits_in(e)
    return out | cyclic_nodes(scenario)


def _visits_in(node: expr.Node) -> set[str]:
    kind = node[0]
    if kind == "visits":
        return {node[1]}
    if kind in ("lit", "var"):
        return set()
    if kind in ("not", "neg"):
        return _visits_in(node[1])
    if kind in ("and", "or"):
        return _visits_in(node[1]) | _visits_in(node[2])
    return _visits_in(node[2]) | _visits_in(node[3])


def cyclic_nodes(scenario: Scenario) -> set[str]:
    """Nodes on a cycle of the static graph (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: set[str] = set()
    counter = 0
    succ = {n: [t for t in node.successors() if t in scenario.nodes]
            for n, node in scenario.nodes.items()}
    for root in scenario.nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            recurse = False
            for j in range(i, len(succ[v])):
                w = succ[v][j]
                if w not in index:
                    work.append((v, j + 1))
                    work.append((w, 0))
                    recurse = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or v in succ[v]:
                    out.update(comp)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return out


class Explorer:
    """Builds the state graph of a scenario breadth-first, within a budget."""

    def __init__(self, scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
                 max_states: int = DEFAULT_MAX_STATES) -> None:
        self.scenario = scenario
        self.visit_bound = visit_bound
        self.max_states = max_states
        self.tracked = tracked_nodes(scenario)
        self.var_names = list(scenario.variables)
        self.states: list[State] = []
        self.index: dict[StateKey, int] = {}
        self.cuts = 0
        self.errors: list[str] = []

    def key(self, node: str, values: dict[str, Any], visits: dict[str, int]) -> StateKey:
        return (node, tuple(values[v] for v in self.var_names),
                tuple(sorted((n, c) for n, c in visits.items() if n in self.tracked)))

    def _add(self, node: str, values: dict[str, Any], visits: dict[str, int]) -> int:
        k = self.key(node, values, visits)
        found = self.index.get(k)
        if found is not None:
            return found
        if len(self.states) >= self.max_states:
            raise TooLarge(len(self.states), self.max_states)
        self.index[k] = len(self.states)
        self.states.append(State(node, values, {n: c for n, c in visits.items() if n in self.tracked}))
        return len(self.states) - 1

    def step(self, state: State, choice_id: str) -> tuple[str, dict[str, Any], dict[str, int], list[str]] | None:
        """Where a choice leads: (node, values, visits, entered), or None when cut."""
        sc = self.scenario
        node = sc.nodes[state.node]
        choice = node.choice(choice_id)
        assert choice is not None
        values = dict(state.values)
        visits = dict(state.visits)

        def vis(n: str) -> int:
            return visits.get(n, 0)

        apply_effects(sc, choice, values, vis)
        dest = route_target(choice.routes, choice.target, values, vis)
        entered = []
        for _ in range(MAX_AUTO_STEPS):
            visits[dest] = visits.get(dest, 0) + 1
            entered.append(dest)
            if dest in self.tracked and visits[dest] > self.visit_bound:
                return None
            nxt = sc.nodes[dest]
            if nxt.next is None:
                return dest, values, visits, entered
            dest = route_target(nxt.next_routes, nxt.next, values, vis)
        return None

    def start(self, start: str | None = None, values: dict[str, Any] | None = None) -> int:
        sc = self.scenario
        vals = sc.initial_values() | (values or {})
        node = start or sc.start
        visits = {node: 1}
        for _ in range(MAX_AUTO_STEPS):
            n = sc.nodes[node]
            if n.next is None:
                break
            node = route_target(n.next_routes, n.next, vals, lambda x: visits.get(x, 0))
            visits[node] = visits.get(node, 0) + 1
        return self._add(node, vals, visits)

    def explore(self, start: str | None = None, values: dict[str, Any] | None = None) -> int:
        root = self.start(start, values)
        queue = [root]
        done = {root}
        while queue:
            nxt: list[int] = []
            for si in queue:
                self._expand(si)
                for e in self.states[si].edges:
                    if e.target_state >= 0 and e.target_state not in done:
                        done.add(e.target_state)
                        nxt.append(e.target_state)
            queue = nxt
        return root

    def _expand(self, si: int) -> None:
        state = self.states[si]
        node = self.scenario.nodes[state.node]
        if node.ending is not None:
            return

        def vis(n: str) -> int:
            return state.visits.get(n, 0)

        try:
            avail = [c for c in node.choices if choice_available(c, state.values, vis)]
        except expr.EvalError as err:
            self.errors.append(f"node {node.id!r}: {err}")
            avail = []
        state.decision = len(avail) >= 2
        if not avail:
            state.stuck = True
            return
        for c in avail:
            try:
                res = self.step(state, c.id)
            except expr.EvalError as err:
                self.errors.append(f"choice {c.id!r} of node {node.id!r}: {err}")
                res = None
            if res is None:
                self.cuts += 1
                state.edges.append(Edge(c.id, -1, dict(c.scores), []))
                continue
            dest, values, visits, entered = res
            state.edges.append(Edge(c.id, self._add(dest, values, visits), dict(c.scores), entered))


def topo_order(states: list[State], root: int) -> list[int]:
    """States reachable from root, children before parents (the state graph is a DAG)."""
    order: list[int] = []
    seen: set[int] = set()
    work: list[tuple[int, bool]] = [(root, False)]
    while work:
        si, done = work.pop()
        if done:
            order.append(si)
            continue
        if si in seen:
            continue
        seen.add(si)
        work.append((si, True))
        for e in states[si].edges:
            if e.target_state >= 0 and e.target_state not in seen:
                work.append((e.target_state, False))
    return order


@dataclass
class PathSummary:
    """What exhaustive exploration found."""

    complete: bool
    states: int
    paths: int
    endings: dict[str, int]
    stuck_paths: int
    cut_paths: int
    minimum: dict[str, int]
    maximum: dict[str, int]
    best: dict[str, list[str]]
    worst: dict[str, list[str]]
    shortest: list[str]
    longest: list[str]
    min_decisions: int
    max_decisions: int
    nodes_covered: set[str]
    visit_bound: int
    errors: list[str]


def _paths_dp(states: list[State], order: list[int], scenario: Scenario) -> tuple[dict[int, int], dict[int, dict[str, int]], dict[int, int], dict[int, int]]:
    paths: dict[int, int] = {}
    ends: dict[int, dict[str, int]] = {}
    stuck: dict[int, int] = {}
    cut: dict[int, int] = {}
    for si in order:
        s = states[si]
        if scenario.nodes[s.node].ending is not None:
            paths[si], ends[si], stuck[si], cut[si] = 1, {s.node: 1}, 0, 0
            continue
        p, st, ct = 0, 1 if s.stuck else 0, 0
        e: dict[str, int] = {}
        for edge in s.edges:
            if edge.target_state < 0:
                ct += 1
                continue
            t = edge.target_state
            p += paths[t]
            st += stuck[t]
            ct += cut[t]
            for k, v in ends[t].items():
                e[k] = e.get(k, 0) + v
        paths[si], ends[si], stuck[si], cut[si] = p, e, st, ct
    return paths, ends, stuck, cut


def optimum(states: list[State], order: list[int], root: int, weights: dict[str, float],
            maximize: bool = True) -> tuple[float, list[str]] | None:
    """The best (or worst) total of sum(weight * score) over complete paths, and its choices."""
    best: dict[int, float] = {}
    pick: dict[int, Edge | None] = {}
    sign = 1 if maximize else -1
    for si in order:
        s = states[si]
        if not s.edges:
            if s.stuck:
                continue
            best[si], pick[si] = 0.0, None
            continue
        top: float | None = None
        chosen: Edge | None = None
        for e in s.edges:
            if e.target_state < 0 or e.target_state not in best:
                continue
            v = sum(weights.get(d, 0) * x for d, x in e.scores.items()) + best[e.target_state]
            if top is None or sign * v > sign * top:
                top, chosen = v, e
        if top is not None:
            best[si], pick[si] = top, chosen
    if root not in best:
        return None
    path: list[str] = []
    si = root
    while (e := pick.get(si)) is not None:
        path.append(e.choice)
        si = e.target_state
    return best[root], path


def _length_extremes(states: list[State], order: list[int], root: int, decisions_only: bool,
                     longest: bool) -> tuple[int, list[str]]:
    weights_key = "__len__"
    # reuse optimum with a per-edge weight of 1 (or 1 only at decisions)
    for s in states:
        for e in s.edges:
            e.scores[weights_key] = 1 if (s.decision or not decisions_only) else 0
    try:
        res = optimum(states, order, root, {weights_key: 1.0}, maximize=longest)
    finally:
        for s in states:
            for e in s.edges:
                e.scores.pop(weights_key, None)
    if res is None:
        return 0, []
    return int(res[0]), res[1]


def summarise(scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
              max_states: int = DEFAULT_MAX_STATES, start: str | None = None,
              values: dict[str, Any] | None = None) -> PathSummary:
    """Explore every path (within the budget; raises :class:`TooLarge` beyond it)."""
    ex = Explorer(scenario, visit_bound, max_states)
    root = ex.explore(start, values)
    states = ex.states
    order = topo_order(states, root)
    paths, ends, stuck, cut = _paths_dp(states, order, scenario)
    dims = scenario.dimensions_scored()
    minimum: dict[str, int] = {}
    maximum: dict[str, int] = {}
    best: dict[str, list[str]] = {}
    worst: dict[str, list[str]] = {}
    for d in dims:
        hi = optimum(states, order, root, {d: 1.0}, True)
        lo = optimum(states, order, root, {d: 1.0}, False)
        if hi and lo:
            maximum[d], best[d] = int(hi[0]), hi[1]
            minimum[d], worst[d] = int(lo[0]), lo[1]
    _, shortest = _length_extremes(states, order, root, False, False)
    _, longest = _length_extremes(states, order, root, False, True)
    min_dec, _ = _length_extremes(states, order, root, True, False)
    max_dec, _ = _length_extremes(states, order, root, True, True)
    covered: set[str] = set()
    for si in order:
        covered.add(states[si].node)
        for e in states[si].edges:
            covered.update(e.entered)
    covered.update(_opening(scenario, start))
    return PathSummary(
        complete=True, states=len(states), paths=paths.get(root, 0), endings=ends.get(root, {}),
        stuck_paths=stuck.get(root, 0), cut_paths=cut.get(root, 0), minimum=minimum,
        maximum=maximum, best=best, worst=worst, shortest=shortest, longest=longest,
        min_decisions=min_dec, max_decisions=max_dec, nodes_covered=covered,
        visit_bound=visit_bound, errors=ex.errors,
    )


def _opening(scenario: Scenario, start: str | None) -> list[str]:
    node = start or scenario.start
    out = [node]
    for _ in range(MAX_AUTO_STEPS):
        n = scenario.nodes[node]
        if n.next is None:
            break
        node = n.next  # approximate: routes are covered through the explored states
        out.append(node)
    return out


def bounds(scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
           max_states: int = DEFAULT_MAX_STATES) -> tuple[dict[str, int], dict[str, int]]:
    """Lowest and highest reachable totals per dimension the scenario scores."""
    s = summarise(scenario, visit_bound, max_states)
    return s.minimum, s.maximum


def random_runs(scenario: Scenario, runs: int, seed: int = 0,
                visit_bound: int = DEFAULT_VISIT_BOUND, max_steps: int = 1000) -> Iterator[tuple[list[str], str | None, dict[str, int]]]:
    """Seeded random play-throughs: (choices, ending node or None, score totals)."""
    rng = random.Random(seed)
    ex = Explorer(scenario, visit_bound, max_states=10**9)
    for _ in range(runs):
        ex.states.clear()
        ex.index.clear()
        si = ex.start()
        choices: list[str] = []
        totals: dict[str, int] = {}
        ending: str | None = None
        for _ in range(max_steps):
            state = ex.states[si]
            node = scenario.nodes[state.node]
            if node.ending is not None:
                ending = node.id
                break
            avail = [c for c in node.choices
                     if choice_available(c, state.values, lambda n, s=state: s.visits.get(n, 0))]
            if not avail:
                break
            c = rng.choice(avail)
            res = ex.step(state, c.id)
            choices.append(c.id)
            for d, v in c.scores.items():
                totals[d] = totals.get(d, 0) + v
            if res is None:
                break
            si = ex._add(*res[:3])
        yield choices, ending, totals
