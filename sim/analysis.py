"""Exploring a scenario's paths: the state graph, bounds per rubric dimension,
path counts, endings reached, and best or worst paths.

States are (node, variable values, bounded visit counts). Visit counts are kept
only for nodes that ``visits()`` reads or that lie on a loop, each capped at
``visit_bound``: a step that would enter a node more often is cut, so loops end.
Stepping mirrors :class:`sim.engine.Run` through the same helper functions.

Run-time errors in expressions (division by zero, numbers out of range) are
recorded as :class:`Problem` records that say which expression failed (as a
path into the scenario file, e.g. ``("nodes", "balie", "choices", 0, "effects", 1)``)
and which choices lead there; such a state or step ends no path.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import expr
from .engine import MAX_AUTO_STEPS, apply_effects, choice_available, route_target
from .problemtext import Msg
from .scenario import Choice, Scenario

DEFAULT_VISIT_BOUND = 3
DEFAULT_MAX_STATES = 200_000

StateKey = tuple[Any, ...]


ERROR_STEP = -2  # Edge.target_state of a step that raised a run-time error

Where = tuple[Any, ...]


class TooLarge(Exception):
    """The state space exceeds the budget; ``explored`` says how far it got."""

    def __init__(self, explored: int, bound: int) -> None:
        super().__init__(f"more than {bound:,} distinct states (explored {explored:,})")
        self.explored = explored
        self.bound = bound


@dataclass(slots=True)
class Edge:
    choice: str
    target_state: int  # -1: cut by the visit bound; -2 (ERROR_STEP): a run-time error
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
    broken: bool = False  # a condition here raised a run-time error


@dataclass(slots=True)
class Problem:
    """A run-time error met while exploring: which expression, in which state."""

    node: str
    where: Where  # path into the scenario file of the failing expression
    message: str
    state: int  # index of the state it happened in
    choice: str | None = None
    path: list[str] | None = None  # the choices that led there, when known
    msg: Msg | None = None  # ``message`` as data, for showing it in either language


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
    """Builds the state graph of a scenario breadth-first, within a budget.

    ``parent[i]`` is (state, choice) through which state ``i`` was first found,
    so :meth:`path_to` gives a shortest list of choices to any state.
    """

    def __init__(self, scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
                 max_states: int = DEFAULT_MAX_STATES) -> None:
        self.scenario = scenario
        self.visit_bound = visit_bound
        self.max_states = max_states
        self.tracked = tracked_nodes(scenario)
        self.var_names = list(scenario.variables)
        self.states: list[State] = []
        self.parent: list[tuple[int, str] | None] = []
        self.index: dict[StateKey, int] = {}
        self.cuts = 0
        self.errors: list[str] = []
        self.problems: list[Problem] = []
        self.opening: list[str] = []

    def key(self, node: str, values: dict[str, Any], visits: dict[str, int]) -> StateKey:
        return (node, tuple(values[v] for v in self.var_names),
                tuple(sorted((n, c) for n, c in visits.items() if n in self.tracked)))

    def _add(self, node: str, values: dict[str, Any], visits: dict[str, int],
             parent: tuple[int, str] | None = None) -> int:
        k = self.key(node, values, visits)
        found = self.index.get(k)
        if found is not None:
            return found
        if len(self.states) >= self.max_states:
            raise TooLarge(len(self.states), self.max_states)
        self.index[k] = len(self.states)
        self.states.append(State(node, values, {n: c for n, c in visits.items() if n in self.tracked}))
        self.parent.append(parent)
        return len(self.states) - 1

    def path_to(self, si: int) -> list[str]:
        """The choices of a shortest way from the start to state ``si``."""
        out: list[str] = []
        while (p := self.parent[si]) is not None:
            si, choice = p
            out.append(choice)
        return out[::-1]

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
        self.opening = [node]
        failed: tuple[Where, Msg] | None = None
        for _ in range(MAX_AUTO_STEPS):
            n = sc.nodes[node]
            if n.next is None:
                break
            try:
                nxt = route_target(n.next_routes, n.next, vals, lambda x: visits.get(x, 0))
            except expr.EvalError as err:
                failed = self._failing_route(n.id, vals, visits, err)
                break
            node = nxt
            visits[node] = visits.get(node, 0) + 1
            self.opening.append(node)
        si = self._add(node, vals, visits)
        if failed is not None:
            self.states[si].broken = True
            self._problem(si, None, *failed)
        return si

    def _failing_route(self, nid: str, values: dict[str, Any], visits: dict[str, int],
                       err: expr.EvalError) -> tuple[Where, Msg]:
        routes = self.scenario.nodes[nid].next_routes
        for j, r in enumerate(routes):
            try:
                if expr.evaluate(r.condition, values, lambda x: visits.get(x, 0)):
                    break
            except expr.EvalError:
                return (("nodes", nid, "routes", j, "if"),
                        Msg("run.at", what=Msg("run.route_of", src=r.condition_src,
                                               of=Msg("what.node", id=nid)), error=err.msg))
        return ("nodes", nid), Msg("run.at", what=Msg("what.node", id=nid), error=err.msg)

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

    def available(self, si: int) -> list[Choice] | None:
        """The choices on offer in state ``si``; None (and problems recorded) when a
        condition there cannot be evaluated."""
        state = self.states[si]
        node = self.scenario.nodes[state.node]

        def vis(n: str) -> int:
            return state.visits.get(n, 0)

        avail: list[Choice] = []
        broken = False
        for i, c in enumerate(node.choices):
            try:
                if choice_available(c, state.values, vis):
                    avail.append(c)
            except expr.EvalError as err:
                broken = True
                self._problem(si, c.id, ("nodes", node.id, "choices", i, "if"),
                              Msg("run.condition", id=c.id, error=err.msg))
        return None if broken else avail

    def _problem(self, si: int, choice: str | None, where: Where, message: Msg) -> None:
        node = self.states[si].node
        text = message.text("en")
        self.errors.append(f"node {node!r}: {text}")
        self.problems.append(Problem(node, where, text, si, choice, msg=message))

    def _expand(self, si: int) -> None:
        state = self.states[si]
        node = self.scenario.nodes[state.node]
        if node.ending is not None or state.broken:
            return
        avail = self.available(si)
        if avail is None:
            state.broken = True
            return
        state.decision = len(avail) >= 2
        if not avail:
            state.stuck = True
            return
        for c in avail:
            try:
                res = self.step(state, c.id)
            except expr.EvalError as err:
                where, what = locate_error(self.scenario, state, c)
                self._problem(si, c.id, where, Msg("run.at", what=what, error=err.msg))
                state.edges.append(Edge(c.id, ERROR_STEP, dict(c.scores), []))
                continue
            if res is None:
                self.cuts += 1
                state.edges.append(Edge(c.id, -1, dict(c.scores), []))
                continue
            dest, values, visits, entered = res
            state.edges.append(Edge(c.id, self._add(dest, values, visits, (si, c.id)),
                                    dict(c.scores), entered))


def locate_error(scenario: Scenario, state: State, choice: Choice) -> tuple[Where, Msg]:
    """Which expression of a step raises: replays the step piece by piece.

    Returns the expression's path in the file and a description of it."""
    node = scenario.nodes[state.node]
    ci = node.choices.index(choice)
    base: Where = ("nodes", node.id, "choices", ci)
    values = dict(state.values)
    visits = dict(state.visits)

    def vis(n: str) -> int:
        return visits.get(n, 0)

    for k, eff in enumerate(choice.effects):
        try:
            values[eff.target] = scenario.variables[eff.target].clamp(
                expr.apply_effect(eff, values, vis))
        except expr.EvalError:
            return base + ("effects", k), Msg("run.effect_of", src=eff.source, id=choice.id)
    routes, where, what = choice.routes, base, Msg("run.choice", id=choice.id)
    dest = choice.target
    for _ in range(MAX_AUTO_STEPS):
        for j, r in enumerate(routes):
            try:
                hit = expr.evaluate(r.condition, values, vis)
            except expr.EvalError:
                return where + ("routes", j, "if"), Msg("run.route_of", src=r.condition_src,
                                                        of=what)
            if hit:
                dest = r.target
                break
        visits[dest] = visits.get(dest, 0) + 1
        nxt = scenario.nodes[dest]
        if nxt.next is None:
            break
        routes, where, what = nxt.next_routes, ("nodes", dest), Msg("what.node", id=dest)
        dest = nxt.next
    return base, Msg("run.choice", id=choice.id)


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


@dataclass(slots=True)
class DeadEnd:
    """A state where nothing can be chosen: every choice hidden or disabled."""

    node: str
    state: int
    path: list[str]  # choices that lead there (a shortest way)
    values: dict[str, Any]


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
    error_paths: int = 0
    problems: list[Problem] = field(default_factory=list)
    dead_ends: list[DeadEnd] = field(default_factory=list)
    shortest_decisions: int = 0  # decisions (two or more choices on offer) on ``shortest``
    longest_decisions: int = 0
    opening: list[str] = field(default_factory=list)


# Path counts grow exponentially with a scenario's size (a 50,000-node scenario has more than
# 10^4300 paths, which Python will not even print); they saturate here: PATHS_CAP means
# "this many or more".
PATHS_CAP = 10**18


def _paths_dp(states: list[State], order: list[int], scenario: Scenario) -> tuple[dict[int, int], dict[int, dict[str, int]], dict[int, int], dict[int, int], dict[int, int]]:
    """Per state: complete paths, paths per ending, dead-end, cut and error paths below it."""
    paths: dict[int, int] = {}
    ends: dict[int, dict[str, int]] = {}
    stuck: dict[int, int] = {}
    cut: dict[int, int] = {}
    err: dict[int, int] = {}
    for si in order:
        s = states[si]
        if scenario.nodes[s.node].ending is not None:
            paths[si], ends[si], stuck[si], cut[si], err[si] = 1, {s.node: 1}, 0, 0, 0
            continue
        p, st, ct, er = 0, 1 if s.stuck else 0, 0, 1 if s.broken else 0
        e: dict[str, int] = {}
        for edge in s.edges:
            if edge.target_state == ERROR_STEP:
                er += 1
                continue
            if edge.target_state < 0:
                ct += 1
                continue
            t = edge.target_state
            p += paths[t]
            st += stuck[t]
            ct += cut[t]
            er += err[t]
            for k, v in ends[t].items():
                e[k] = min(PATHS_CAP, e.get(k, 0) + v)
        paths[si], ends[si], stuck[si], cut[si], err[si] = (
            min(PATHS_CAP, p), e, min(PATHS_CAP, st), min(PATHS_CAP, ct), min(PATHS_CAP, er))
    return paths, ends, stuck, cut, err


def optimum(states: list[State], order: list[int], root: int, weights: dict[str, float],
            maximize: bool = True) -> tuple[float, list[str]] | None:
    """The best (or worst) total of sum(weight * score) over complete paths, and its choices."""
    best: dict[int, float] = {}
    pick: dict[int, Edge | None] = {}
    sign = 1 if maximize else -1
    for si in order:
        s = states[si]
        if not s.edges:
            if s.stuck or s.broken:
                continue
            best[si], pick[si] = 0.0, None
            continue
        top: float | None = None
        chosen: Edge | None = None
        for e in s.edges:
            if e.target_state < 0 or e.target_state not in best:
                continue
            v = sum(weights.get(d, 0) * x for d, x in e.scores.items()) + best[e.target_state]
            if top is None or sign * v > sign * top + 1e-9:
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


class Exploration:
    """The explored state graph of a scenario with what can be computed on it."""

    def __init__(self, scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
                 max_states: int = DEFAULT_MAX_STATES, start: str | None = None,
                 values: dict[str, Any] | None = None) -> None:
        self.scenario = scenario
        self.explorer = Explorer(scenario, visit_bound, max_states)
        self.root = self.explorer.explore(start, values)
        self.states = self.explorer.states
        self.order = topo_order(self.states, self.root)
        self.start = start
        self._summary: PathSummary | None = None

    def walk(self, choices: list[str]) -> list[int]:
        """The states a list of choices passes through, the root first."""
        out = [self.root]
        for c in choices:
            edge = next(e for e in self.states[out[-1]].edges if e.choice == c)
            out.append(edge.target_state)
        return out

    def totals(self, choices: list[str]) -> dict[str, int]:
        """Score totals per dimension along a list of choices."""
        total: dict[str, int] = {}
        for si, c in zip(self.walk(choices), choices, strict=False):
            edge = next(e for e in self.states[si].edges if e.choice == c)
            for d, v in edge.scores.items():
                total[d] = total.get(d, 0) + v
        return total

    def decisions_on(self, choices: list[str]) -> int:
        return sum(1 for si in self.walk(choices)[:-1] if self.states[si].decision)

    def best_overall(self, minimum: dict[str, int], maximum: dict[str, int]) -> list[str] | None:
        """The complete path with the highest sum of scores normalised to 0-100 per
        dimension (dimensions whose lowest and highest totals differ)."""
        weights = {d: 100.0 / (maximum[d] - minimum[d]) for d in maximum
                   if maximum[d] > minimum[d]}
        res = optimum(self.states, self.order, self.root, weights, True)
        return None if res is None else res[1]

    def dead_ends(self) -> list[DeadEnd]:
        return [DeadEnd(self.states[si].node, si, self.explorer.path_to(si),
                        dict(self.states[si].values))
                for si in sorted(self.order) if self.states[si].stuck]

    def summary(self) -> PathSummary:
        if self._summary is None:
            self._summary = self._summarise()
        return self._summary

    def _summarise(self) -> PathSummary:
        states, order, root, sc = self.states, self.order, self.root, self.scenario
        paths, ends, stuck, cut, err = _paths_dp(states, order, sc)
        minimum: dict[str, int] = {}
        maximum: dict[str, int] = {}
        best: dict[str, list[str]] = {}
        worst: dict[str, list[str]] = {}
        for d in sc.dimensions_scored():
            hi = optimum(states, order, root, {d: 1.0}, True)
            lo = optimum(states, order, root, {d: 1.0}, False)
            if hi and lo:
                maximum[d], best[d] = round(hi[0]), hi[1]
                minimum[d], worst[d] = round(lo[0]), lo[1]
        _, shortest = _length_extremes(states, order, root, False, False)
        _, longest = _length_extremes(states, order, root, False, True)
        min_dec, _ = _length_extremes(states, order, root, True, False)
        max_dec, _ = _length_extremes(states, order, root, True, True)
        covered: set[str] = set(self.explorer.opening)
        for si in order:
            covered.add(states[si].node)
            for e in states[si].edges:
                covered.update(e.entered)
        ex = self.explorer
        return PathSummary(
            complete=True, states=len(states), paths=paths.get(root, 0),
            endings=ends.get(root, {}), stuck_paths=stuck.get(root, 0),
            cut_paths=cut.get(root, 0), minimum=minimum, maximum=maximum, best=best,
            worst=worst, shortest=shortest, longest=longest, min_decisions=min_dec,
            max_decisions=max_dec, nodes_covered=covered, visit_bound=ex.visit_bound,
            errors=list(ex.errors), error_paths=err.get(root, 0), problems=list(ex.problems),
            dead_ends=self.dead_ends(),
            shortest_decisions=self.decisions_on(shortest) if paths.get(root) else 0,
            longest_decisions=self.decisions_on(longest) if paths.get(root) else 0,
            opening=list(ex.opening),
        )


def summarise(scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
              max_states: int = DEFAULT_MAX_STATES, start: str | None = None,
              values: dict[str, Any] | None = None) -> PathSummary:
    """Explore every path (within the budget; raises :class:`TooLarge` beyond it)."""
    return Exploration(scenario, visit_bound, max_states, start, values).summary()


def bounds(scenario: Scenario, visit_bound: int = DEFAULT_VISIT_BOUND,
           max_states: int = DEFAULT_MAX_STATES) -> tuple[dict[str, int], dict[str, int]]:
    """Lowest and highest reachable totals per dimension the scenario scores."""
    s = summarise(scenario, visit_bound, max_states)
    return s.minimum, s.maximum


@dataclass
class RandomRun:
    """One seeded random play-through."""

    choices: list[str]
    nodes: list[str]  # every node entered, in order
    ending: str | None
    totals: dict[str, int]
    status: str  # ending | dead_end | cut (visit bound or step limit) | error
    error: Problem | None = None
    values: dict[str, Any] = field(default_factory=dict)  # variable values at the end


@dataclass
class RandomReport:
    """What N seeded random play-throughs met."""

    runs: int
    seed: int
    visit_bound: int
    ending_hits: dict[str, int]  # ending node -> runs that ended there
    node_hits: dict[str, int]  # node -> runs that entered it
    minimum: dict[str, int]  # lowest total seen per dimension (finished runs)
    maximum: dict[str, int]
    status: dict[str, int]  # ending / dead_end / cut / error -> runs
    dead_ends: list[DeadEnd]  # first run that met each dead-end node
    problems: list[Problem]  # first run that met each failing expression
    examples: dict[str, list[str]] = field(default_factory=dict)  # ending -> choices of a run


def random_play(scenario: Scenario, runs: int, seed: int = 0,
                visit_bound: int = DEFAULT_VISIT_BOUND, max_steps: int = 1000) -> Iterator[RandomRun]:
    """Seeded random play-throughs, uniform over the choices on offer at each step."""
    rng = random.Random(seed)
    ex = Explorer(scenario, visit_bound, max_states=10**9)
    for _ in range(runs):
        ex.states.clear()
        ex.parent.clear()
        ex.index.clear()
        ex.problems.clear()
        si = ex.start()
        nodes = list(ex.opening)
        choices: list[str] = []
        totals: dict[str, int] = {}
        status, error = "cut", None
        for _ in range(max_steps):
            state = ex.states[si]
            node = scenario.nodes[state.node]
            if state.broken and ex.problems:  # the opening could not be followed
                status, error = "error", ex.problems[0]
                error.path = []
                break
            if node.ending is not None:
                status = "ending"
                break
            avail = ex.available(si)
            if avail is None:
                status, error = "error", ex.problems[0]
                error.path = list(choices)
                break
            if not avail:
                status = "dead_end"
                break
            c = rng.choice(avail)
            choices.append(c.id)
            try:
                res = ex.step(state, c.id)
            except expr.EvalError as err:
                where, what = locate_error(scenario, state, c)
                msg = Msg("run.at", what=what, error=err.msg)
                status, error = "error", Problem(state.node, where, msg.text("en"), si, c.id,
                                                 choices[:-1], msg)
                break
            for d, v in c.scores.items():
                totals[d] = totals.get(d, 0) + v
            if res is None:
                break
            nodes += res[3]
            si = ex._add(*res[:3], parent=(si, c.id))
        ending = ex.states[si].node if status == "ending" else None
        yield RandomRun(choices, nodes, ending, totals, status, error, dict(ex.states[si].values))


def random_sample(scenario: Scenario, runs: int, seed: int = 0,
                  visit_bound: int = DEFAULT_VISIT_BOUND, max_steps: int = 1000) -> RandomReport:
    """Play ``runs`` seeded random play-throughs and count what they met."""
    rep = RandomReport(runs, seed, visit_bound, {}, {}, {}, {},
                       {"ending": 0, "dead_end": 0, "cut": 0, "error": 0}, [], [])
    seen_dead: set[str] = set()
    seen_err: set[Where] = set()
    for run in random_play(scenario, runs, seed, visit_bound, max_steps):
        rep.status[run.status] += 1
        for n in set(run.nodes):
            rep.node_hits[n] = rep.node_hits.get(n, 0) + 1
        if run.ending is not None:
            rep.ending_hits[run.ending] = rep.ending_hits.get(run.ending, 0) + 1
            rep.examples.setdefault(run.ending, run.choices)
            for d in scenario.dimensions_scored():
                v = run.totals.get(d, 0)
                rep.minimum[d] = min(rep.minimum.get(d, v), v)
                rep.maximum[d] = max(rep.maximum.get(d, v), v)
        if run.status == "dead_end" and run.nodes[-1] not in seen_dead:
            seen_dead.add(run.nodes[-1])
            rep.dead_ends.append(DeadEnd(run.nodes[-1], -1, run.choices, run.values))
        if run.error is not None and run.error.where not in seen_err:
            seen_err.add(run.error.where)
            rep.problems.append(run.error)
    return rep


def random_runs(scenario: Scenario, runs: int, seed: int = 0,
                visit_bound: int = DEFAULT_VISIT_BOUND, max_steps: int = 1000) -> Iterator[tuple[list[str], str | None, dict[str, int]]]:
    """Seeded random play-throughs: (choices, ending node or None, score totals)."""
    for run in random_play(scenario, runs, seed, visit_bound, max_steps):
        yield run.choices, run.ending, run.totals
