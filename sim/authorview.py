"""What an author needs to see per node: is it reached, how, is it an ending, which
warnings concern it. Plain data for the app's author view (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import analysis
from .errors import ScenarioError
from .lint import lint_by_node
from .scenario import Scenario

STATUSES = ("unreachable", "dead-end", "warnings", "ending", "ok")


@dataclass
class NodeInfo:
    """One node of a scenario, as the author view shows it."""

    id: str
    kind: str  # choices | auto | ending
    outcome: str | None  # the ending's outcome
    start: bool
    reached: bool  # some play-through enters it
    via: list[str] | None  # the choices of a shortest play-through to it; None: none known
    paths: int | None  # endings: how many complete paths end here (None: not explored)
    warnings: list[ScenarioError] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The most urgent of: unreachable, dead-end, warnings, ending, ok."""
        codes = {w.code for w in self.warnings}
        if not self.reached or codes & {"unreachable", "ending-unreached"}:
            return "unreachable"
        if "dead-end" in codes:
            return "dead-end"
        if self.warnings:
            return "warnings"
        return "ending" if self.kind == "ending" else "ok"


@dataclass
class AuthorView:
    scenario: Scenario
    nodes: list[NodeInfo]
    general: list[ScenarioError]  # warnings about the scenario as a whole
    explored: bool  # every play-through explored (else: too large)
    paths: int | None  # complete paths (None: not explored)
    visit_bound: int

    def node(self, node_id: str) -> NodeInfo:
        return next(n for n in self.nodes if n.id == node_id)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for n in self.nodes:
            out[n.status] += 1
        return out


def author_view(scenario: Scenario, rubric: Any = None,
                visit_bound: int = analysis.DEFAULT_VISIT_BOUND,
                max_states: int = analysis.DEFAULT_MAX_STATES) -> AuthorView:
    """Explore the scenario and lint it, and sort what was found by node."""
    try:
        ex: analysis.Exploration | analysis.TooLarge = analysis.Exploration(
            scenario, visit_bound, max_states)
    except analysis.TooLarge as err:
        ex = err
    warnings = lint_by_node(scenario, None, rubric, visit_bound, max_states, ex)
    via: dict[str, list[str]] = {}
    paths: dict[str, int] | None = None
    total: int | None = None
    if isinstance(ex, analysis.Exploration):
        summary = ex.summary()
        paths, total = summary.endings, summary.paths
        explorer = ex.explorer
        for n in explorer.opening:
            via.setdefault(n, [])
        for si in sorted(ex.order):  # breadth-first order: the first way found is a shortest
            state = ex.states[si]
            here = explorer.path_to(si)
            via.setdefault(state.node, here)
            for e in state.edges:
                for n in e.entered:
                    via.setdefault(n, here + [e.choice])
    else:
        reached = _statically_reached(scenario)
    nodes = []
    for nid, node in scenario.nodes.items():
        info = NodeInfo(
            id=nid, kind=node.kind, outcome=node.ending.outcome if node.ending else None,
            start=nid == scenario.start,
            reached=(nid in via) if isinstance(ex, analysis.Exploration) else nid in reached,
            via=via.get(nid), paths=(paths.get(nid, 0) if paths is not None and node.ending
                                     else None))
        nodes.append(info)
    by_id = {n.id: n for n in nodes}
    general: list[ScenarioError] = []
    for nid, w in warnings:
        if nid in by_id:
            by_id[nid].warnings.append(w)
        else:
            general.append(w)
    return AuthorView(scenario, nodes, general, isinstance(ex, analysis.Exploration), total,
                      visit_bound)


def _statically_reached(scenario: Scenario) -> set[str]:
    seen = {scenario.start}
    todo = [scenario.start]
    while todo:
        for t in scenario.nodes[todo.pop()].successors():
            if t in scenario.nodes and t not in seen:
                seen.add(t)
                todo.append(t)
    return seen
