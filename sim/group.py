"""The figures of a group session, as plain data: pure functions of runs and events.

Who joined and how far they are; at each decision how many chose each option;
per-dimension averages and spread; the quadrant with one dot per finished run;
the endings reached; the most common poor choices; and, for one trainee's run,
how the group chose at that trainee's key moments. The dashboard, the CSV and
HTML exports and the tests all read these structures; nothing here draws.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .scenario import Scenario
from .store import ParticipantRecord, RunRecord, SessionRecord

# --- scoring a run ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RunScore:
    """A run's scores as the dashboard needs them (from :mod:`scoring`)."""

    raw: dict[str, int]
    dimensions: dict[str, int | None]  # 0-100 where assessed, None where not
    contact: int | None
    limits: int | None
    quadrant: str | None


Scorer = Callable[[Scenario, Mapping[str, Any]], RunScore | None]


def rubric_scorer(rubric: Any) -> Scorer:
    """Score runs with :func:`scoring.score.score_run` against ``rubric``: per dimension the
    scenario scores, 0-100 where assessed (None where not), the two axes and the quadrant."""
    from scoring.score import ScoringError, score_run

    memo: weakref.WeakKeyDictionary[Scenario, dict[tuple[Any, ...], RunScore | None]] = \
        weakref.WeakKeyDictionary()

    def score(scenario: Scenario, snapshot: Mapping[str, Any]) -> RunScore | None:
        # a score depends on the path alone: runs along the same path (and the same run at
        # every refresh of the dashboard) are scored once
        key = path_key(snapshot)
        known = memo.setdefault(scenario, {})
        if key is not None and key in known:
            return known[key]
        result = _score(scenario, snapshot)
        if key is not None and len(known) < MEMO_SIZE:
            known[key] = result
        return result

    def _score(scenario: Scenario, snapshot: Mapping[str, Any]) -> RunScore | None:
        try:
            card = score_run(scenario, snapshot, rubric)
        except ScoringError:
            return None
        scored = set(scenario.dimensions_scored())
        dims = {d: (s.score if s.assessed else None) for d, s in card.dimensions.items()
                if d in scored}
        axes = {a: card.axes[a].score if a in card.axes else None for a in ("contact", "limits")}
        return RunScore({d: s.raw for d, s in card.dimensions.items() if d in scored}, dims,
                        axes["contact"], axes["limits"],
                        card.quadrant.id if card.quadrant else None)

    return score


@dataclass(frozen=True, slots=True)
class Names:
    """What to call dimensions, quadrants and outcomes on screen, from the rubric in use."""

    dimensions: dict[str, str]  # the rubric's short names
    quadrants: dict[str, str]
    lang: str

    def dimension(self, dim: str) -> str:
        return self.dimensions.get(dim, dim)

    def quadrant(self, quadrant: str) -> str:
        return self.quadrants.get(quadrant, quadrant)

    def outcome(self, outcome: str) -> str:
        from scoring.labels import outcome_label

        return outcome_label(outcome, self.lang)


def names_for(rubric: Any, lang: str) -> Names:
    return Names({d.id: d.short.get(lang) for d in rubric.dimensions},
                 {q.id: q.name.get(lang) for q in rubric.quadrants}, lang)


# --- the structures --------------------------------------------------------------------

@dataclass(slots=True)
class RunProgress:
    run_id: str
    scenario_id: str
    decisions: int
    most_decisions: int | None  # the longest path's decisions, to say "3 of about 6"
    finished: bool
    ending: str | None
    ending_title: str | None
    outcome: str | None
    node: str
    updated: str


@dataclass(slots=True)
class ParticipantProgress:
    id: str
    name: str
    joined: str
    seen: str | None
    runs: list[RunProgress]

    @property
    def latest(self) -> RunProgress | None:
        return max(self.runs, key=lambda r: r.updated) if self.runs else None


@dataclass(slots=True)
class OptionCount:
    choice: str
    number: int
    text: str
    count: int
    total: int  # the sum of the option's scores
    poor: bool


@dataclass(slots=True)
class DecisionFigures:
    node: str
    prompt: str  # the last line said before the decision
    options: list[OptionCount]
    number: int = 0  # the decision's place among all of the scenario's, in reading order

    @property
    def total(self) -> int:
        return sum(o.count for o in self.options)


@dataclass(slots=True)
class DimensionStats:
    dimension: str
    n: int  # finished runs where the dimension was assessed
    mean: float | None
    sd: float | None  # population standard deviation
    minimum: int | None
    maximum: int | None
    raw_mean: float
    raw_sd: float


@dataclass(slots=True)
class Dot:
    run_id: str
    name: str
    contact: int
    limits: int
    quadrant: str | None


@dataclass(slots=True)
class EndingCount:
    node: str
    title: str
    outcome: str
    count: int


@dataclass(slots=True)
class PoorChoice:
    node: str
    choice: str
    text: str
    count: int
    total: int
    better: str | None  # the best-scoring option that was on offer, as text
    better_total: int | None


@dataclass(slots=True)
class ScenarioFigures:
    scenario_id: str
    title: str
    runs: int
    finished: int
    decisions: list[DecisionFigures]
    dimensions: list[DimensionStats]
    dots: list[Dot]
    endings: list[EndingCount]
    poor_choices: list[PoorChoice]


@dataclass(slots=True)
class Dashboard:
    session_id: str
    title: str
    join_code: str | None
    closed: bool
    participants: list[ParticipantProgress]
    scenarios: list[ScenarioFigures]
    missing_scenarios: list[str] = field(default_factory=list)  # ids whose file is gone

    def scenario(self, scenario_id: str) -> ScenarioFigures:
        return next(s for s in self.scenarios if s.scenario_id == scenario_id)


# --- pure aggregate functions ----------------------------------------------------------

def decision_counts(events: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], dict[str, int]]:
    """{(scenario, node): {choice: how many times it was chosen there}}."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for e in events:
        if e.get("kind", "choice") != "choice":
            continue
        per = out.setdefault((e["scenario_id"], e["node"]), {})
        per[e["choice"]] = per.get(e["choice"], 0) + 1
    return out


def node_order(scenario: Scenario) -> list[str]:
    """Nodes in reading order: breadth first from the start (usual targets before
    conditional routes), then any others in file order."""
    seen: dict[str, None] = {}
    queue = deque([scenario.start])
    while queue:
        nid = queue.popleft()
        if nid in seen or nid not in scenario.nodes:
            continue
        seen[nid] = None
        node = scenario.nodes[nid]
        if node.next is not None:
            queue.extend([node.next, *(r.target for r in node.next_routes)])
        for c in node.choices:  # the usual target first, the conditional routes after it
            queue.extend([c.target, *(r.target for r in c.routes)])
    return list(seen) + [n for n in scenario.nodes if n not in seen]


def choice_total(scores: Mapping[str, int]) -> int:
    return sum(int(v) for v in scores.values())


def prompt_of(scenario: Scenario, node_id: str, lang: str) -> str:
    """What a decision answers: the node's last spoken line (else its last line)."""
    node = scenario.nodes[node_id]
    spoken = [ln for ln in node.lines if ln.speaker is not None]
    line = (spoken or node.lines or [None])[-1]
    return line.text.get(lang) if line is not None else ""


def decision_figures(scenario: Scenario, counts: Mapping[tuple[str, str], Mapping[str, int]],
                     lang: str = "nl") -> list[DecisionFigures]:
    """Every decision someone reached, in reading order, each option with its count."""
    out: list[DecisionFigures] = []
    number = 0  # every decision is numbered, reached or not, so a number never changes
    for nid in node_order(scenario):
        per = counts.get((scenario.id, nid))
        node = scenario.nodes[nid]
        number += bool(node.choices)
        if not per or not node.choices:
            continue
        options = []
        for i, c in enumerate(node.choices, 1):
            total = choice_total(c.scores)
            options.append(OptionCount(c.id, i, c.text.get(lang), per.get(c.id, 0), total,
                                       total < 0))
        out.append(DecisionFigures(nid, prompt_of(scenario, nid, lang), options, number))
    return out


def _stats(values: list[int]) -> tuple[float | None, float | None, int | None, int | None]:
    if not values:
        return None, None, None, None
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return mean, sd, min(values), max(values)


def dimension_stats(scores: list[RunScore], dimensions: Iterable[str]) -> list[DimensionStats]:
    """Mean, spread and range of each dimension over the runs given (finished runs)."""
    out = []
    for dim in dimensions:
        vals = [s.dimensions[dim] for s in scores if s.dimensions.get(dim) is not None]
        raws = [s.raw.get(dim, 0) for s in scores]
        mean, sd, lo, hi = _stats(vals)  # type: ignore[arg-type]
        raw_mean, raw_sd, _, _ = _stats(raws)
        out.append(DimensionStats(dim, len(vals), mean, sd, lo, hi, raw_mean or 0.0,
                                  raw_sd or 0.0))
    return out


def ending_counts(scenario: Scenario, runs: Iterable[RunRecord], lang: str = "nl") -> list[EndingCount]:
    """How many finished runs reached each ending (every ending listed, most reached first)."""
    reached = Counter(r.ending for r in runs if r.finished and r.ending)
    out = []
    for nid, node in scenario.endings().items():
        assert node.ending is not None
        out.append(EndingCount(nid, node.ending.title.get(lang), node.ending.outcome,
                               reached.get(nid, 0)))
    out.sort(key=lambda e: -e.count)
    return out


MEMO_SIZE = 100_000  # paths remembered per scenario (a path is a few hundred bytes)
_OFFERED: weakref.WeakKeyDictionary[Scenario, dict[tuple[Any, ...], list[list[str]]]] = \
    weakref.WeakKeyDictionary()


def path_key(snapshot: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """What a run's replay depends on: its start and the choices it made (None if damaged)."""
    try:
        steps = tuple((str(st["node"]), str(st["choice"])) for st in snapshot["history"])
        values = tuple(sorted((str(k), repr(v))
                              for k, v in dict(snapshot.get("start_values") or {}).items()))
        return (str(snapshot.get("start", "")), values, steps)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _offered(scenario: Scenario, snapshot: Mapping[str, Any]) -> list[list[str]]:
    """For each decision of a saved run, the ids of the options that were on offer."""
    from scoring.replay import ReplayError, replay

    key = path_key(snapshot)
    known = _OFFERED.setdefault(scenario, {})
    if key is not None and key in known:
        return known[key]
    try:
        _, decisions = replay(scenario, snapshot)
    except ReplayError:
        return []
    offered = [[c.id for c in d.offered] for d in decisions]
    if key is not None and len(known) < MEMO_SIZE:
        known[key] = offered
    return offered


PoorStep = tuple[tuple[str, str], str | None]  # (node, choice) taken, the better option's id
_POOR: weakref.WeakKeyDictionary[Scenario, dict[tuple[Any, ...], tuple[PoorStep, ...]]] = \
    weakref.WeakKeyDictionary()


def _poor_steps(scenario: Scenario, snapshot: Mapping[str, Any]) -> tuple[PoorStep, ...]:
    """A run's poor choices, each with the best-scoring option on offer there if better
    (a function of the path alone, so remembered per path like the scores)."""
    key = path_key(snapshot)
    known = _POOR.setdefault(scenario, {})
    if key is not None and key in known:
        return known[key]
    out: list[PoorStep] = []
    offered = None
    for i, step in enumerate(snapshot.get("history", [])):
        node = scenario.nodes.get(step.get("node", ""))
        choice = node.choice(step.get("choice", "")) if node else None
        if node is None or choice is None or choice_total(choice.scores) >= 0:
            continue
        if offered is None:
            offered = _offered(scenario, snapshot)
        ids = offered[i] if i < len(offered) else [c.id for c in node.choices]
        best = max((c for c in node.choices if c.id in ids),
                   key=lambda c: choice_total(c.scores), default=None)
        better = best.id if best is not None and \
            choice_total(best.scores) > choice_total(choice.scores) else None
        out.append(((node.id, choice.id), better))
    steps = tuple(out)
    if key is not None and len(known) < MEMO_SIZE:
        known[key] = steps
    return steps


def poor_choices(scenario: Scenario, runs: Iterable[RunRecord], lang: str = "nl",
                 limit: int = 5, *,
                 steps: Mapping[str, tuple[PoorStep, ...]] | None = None) -> list[PoorChoice]:
    """The poor options (scores summing below zero) chosen most often, with the best
    option that was on offer at those moments (``steps``: each run's poor choices by run
    id, when known already)."""
    taken: Counter[tuple[str, str]] = Counter()
    better: dict[tuple[str, str], Counter[str]] = {}
    for rec in runs:
        if rec.scenario_id != scenario.id:
            continue
        mine = steps.get(rec.id) if steps is not None else None
        for key, best in mine if mine is not None else _poor_steps(scenario, rec.snapshot):
            taken[key] += 1
            if best is not None:
                better.setdefault(key, Counter())[best] += 1
    out = []
    for (nid, cid), n in taken.items():
        node = scenario.nodes[nid]
        c = node.choice(cid)
        assert c is not None
        alt = better.get((nid, cid))
        b = node.choice(alt.most_common(1)[0][0]) if alt else None
        out.append(PoorChoice(nid, cid, c.text.get(lang), n, choice_total(c.scores),
                              b.text.get(lang) if b else None,
                              choice_total(b.scores) if b else None))
    out.sort(key=lambda p: (-p.count, p.total, p.node, p.choice))
    return out[:limit]


def _most_decisions(scenario: Scenario) -> int | None:
    from .analysis import TooLarge, summarise

    try:
        return summarise(scenario).max_decisions
    except TooLarge:
        return None


_LONGEST: weakref.WeakKeyDictionary[Scenario, int | None] = weakref.WeakKeyDictionary()


def progress(participants: Iterable[ParticipantRecord], runs: Iterable[RunRecord],
             scenarios: Mapping[str, Scenario], lang: str = "nl") -> list[ParticipantProgress]:
    """Who joined, and for each of their runs how far they are."""
    by_person: dict[str, list[RunRecord]] = {}
    for r in runs:
        if r.person:
            by_person.setdefault(r.person, []).append(r)
    out = []
    for p in participants:
        items = []
        for r in sorted(by_person.get(p.id, []), key=lambda r: r.started):
            s = scenarios.get(r.scenario_id)
            if s is not None and s not in _LONGEST:
                _LONGEST[s] = _most_decisions(s)
            title = None
            if s is not None and r.ending and r.ending in s.nodes and s.nodes[r.ending].ending:
                title = s.nodes[r.ending].ending.title.get(lang)  # type: ignore[union-attr]
            items.append(RunProgress(r.id, r.scenario_id, r.steps,
                                     _LONGEST.get(s) if s is not None else None, r.finished,
                                     r.ending, title, r.outcome, str(r.snapshot.get("node", "")),
                                     r.updated))
        out.append(ParticipantProgress(p.id, p.name, p.joined, p.seen, items))
    return out


class RunFacts:
    """What the figures take from each run (its scores, its poor choices), worked out once
    per saved version of the run, for a caller that keeps its run records between
    refreshes (:class:`sim.livefigures.LiveFigures`): a record read again is a new object,
    and only then are its facts worked out again."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[RunRecord, RunScore | None, tuple[PoorStep, ...]]] = {}

    def of(self, scenario: Scenario, rec: RunRecord,
           scorer: Scorer) -> tuple[RunScore | None, tuple[PoorStep, ...]]:
        known = self._known.get(rec.id)
        if known is None or known[0] is not rec:
            score = scorer(scenario, rec.snapshot) if rec.finished and rec.ending else None
            known = (rec, score, _poor_steps(scenario, rec.snapshot))
            self._known[rec.id] = known
        return known[1], known[2]

    def keep(self, run_ids: Iterable[str]) -> None:
        """Forget every run but these (the others were deleted)."""
        keep = set(run_ids)
        for rid in [r for r in self._known if r not in keep]:
            del self._known[rid]


def build_dashboard(session: SessionRecord, participants: list[ParticipantRecord],
                    runs: list[RunRecord], events: list[dict[str, Any]],
                    scenarios: list[Scenario], rubric: Any, *, lang: str = "nl",
                    scorer: Scorer | None = None, facts: RunFacts | None = None) -> Dashboard:
    """All the dashboard's figures for one session, scored against ``rubric`` (``facts``:
    what is known of runs seen before, see :class:`RunFacts`)."""
    scorer = scorer or rubric_scorer(rubric)
    dimensions = rubric.dimension_ids()
    by_id = {s.id: s for s in scenarios}
    counts = decision_counts(events)
    names = {p.id: p.name for p in participants}
    figures = []
    for ref in session.scenarios:
        s = by_id.get(ref["id"])
        if s is None:
            continue
        mine = [r for r in runs if r.scenario_id == s.id]
        done = [r for r in mine if r.finished and r.ending]
        scored: list[tuple[RunRecord, RunScore]] = []
        poor_steps = None
        if facts is not None:
            known = {r.id: facts.of(s, r, scorer) for r in mine}
            poor_steps = {rid: steps for rid, (_, steps) in known.items()}
            scored = [(r, sc) for r in done if (sc := known[r.id][0]) is not None]
        else:
            for r in done:
                sc = scorer(s, r.snapshot)
                if sc is not None:
                    scored.append((r, sc))
        dims = _dimension_order(s, dimensions)
        dots = [Dot(r.id, names.get(r.person or "", "?"), sc.contact, sc.limits, sc.quadrant)
                for r, sc in scored if sc.contact is not None and sc.limits is not None]
        figures.append(ScenarioFigures(
            s.id, s.title.get(lang), len(mine), len(done), decision_figures(s, counts, lang),
            dimension_stats([sc for _, sc in scored], dims), dots, ending_counts(s, done, lang),
            poor_choices(s, mine, lang, steps=poor_steps)))
    missing = [ref["id"] for ref in session.scenarios if ref["id"] not in by_id]
    return Dashboard(session.id, session.title, session.join_code, session.closed is not None,
                     progress(participants, runs, by_id, lang), figures, missing)


def _dimension_order(scenario: Scenario, known: Iterable[str] | None) -> list[str]:
    known = list(known or [])
    scored = scenario.dimensions_scored()
    return [d for d in known if d in scored] + [d for d in scored if d not in known]


# --- the group at one trainee's key moments ------------------------------------------------

@dataclass(slots=True)
class GroupMoment:
    """At one of a trainee's decisions: what they chose and how the group chose there."""

    seq: int
    node: str
    prompt: str
    chosen: str
    options: list[OptionCount]  # counts over the whole session

    @property
    def total(self) -> int:
        return sum(o.count for o in self.options)

    @property
    def same(self) -> int:
        """How many times the group made the trainee's choice here (the trainee included)."""
        return next((o.count for o in self.options if o.choice == self.chosen), 0)


def key_decisions(scenario: Scenario, snapshot: Mapping[str, Any], rubric: Any,
                  lang: str = "nl") -> list[int]:
    """The 0-based indexes of a run's key moments, as its debrief names them."""
    from scoring.debrief import key_moments
    from scoring.replay import ReplayError, replay

    try:
        _, decisions = replay(scenario, snapshot)
    except ReplayError:
        return []
    return [m.step - 1 for m in key_moments(scenario, decisions, lang,
                                            set(rubric.dimension_ids()))]


def group_moments(scenario: Scenario, history: list[Mapping[str, Any]],
                  counts: Mapping[tuple[str, str], Mapping[str, int]], indexes: Iterable[int],
                  lang: str = "nl") -> list[GroupMoment]:
    """How the group chose at the given decisions of a run (0-based indexes)."""
    out = []
    for i in indexes:
        step = history[i]
        node = scenario.nodes.get(step["node"])
        if node is None:
            continue
        per = counts.get((scenario.id, node.id), {})
        options = [OptionCount(c.id, n, c.text.get(lang), per.get(c.id, 0),
                               choice_total(c.scores), choice_total(c.scores) < 0)
                   for n, c in enumerate(node.choices, 1)]
        out.append(GroupMoment(i + 1, node.id, prompt_of(scenario, node.id, lang),
                               step["choice"], options))
    return out
