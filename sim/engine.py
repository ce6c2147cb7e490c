"""A run of a scenario on a ``transitions`` state machine, emitting plain events.

Nodes are states; each choice is a trigger whose transitions (its routes, then
its default target) are guarded by conditions. Effects are applied once per
event in ``prepare_event`` (routes see the new values); availability is judged
on the values from before the choice. One machine per loaded scenario serves
many runs. A run's state is plain data: :meth:`Run.snapshot` / :meth:`Run.restore`;
an autosave writes only what changed since the last one (:meth:`Run.delta`: the bounded
:meth:`Run.head` and the new steps).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from transitions import Machine

from . import expr
from .problemtext import MessageError, Msg
from .scenario import Choice, Route, Scenario, ScenarioNode
from .snapshot import SNAPSHOT_FORMAT, full_snapshot
from .text import DEFAULT_LANG

MAX_AUTO_STEPS = 1000


class RunError(MessageError):
    """A choice or restore that cannot be carried out; the message says why (in the
    user's language with :func:`~sim.problemtext.error_text`)."""


def _detail(err: Exception) -> Msg | str:
    """What went wrong inside, as a message fragment when it is one."""
    msg = getattr(err, "msg", None)
    return msg if isinstance(msg, Msg) else str(err)


class DamagedRun(RunError):
    """A saved run that is not one: damaged, of another kind, or of another scenario
    (as opposed to a sound run whose scenario has changed since)."""


@dataclass(slots=True)
class Step:
    """One decision: where it was made, what was chosen, and what it did."""

    node: str
    choice: str
    target: str
    entered: list[str]
    changes: dict[str, list[Any]]
    scores: dict[str, int]
    time: str

    def to_data(self) -> dict[str, Any]:
        return {"node": self.node, "choice": self.choice, "target": self.target,
                "entered": list(self.entered), "changes": self.changes,
                "scores": self.scores, "time": self.time}

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> Step:
        return cls(str(d["node"]), str(d["choice"]), str(d["target"]),
                   [str(x) for x in d.get("entered", [d["target"]])],
                   {str(k): list(v) for k, v in dict(d.get("changes", {})).items()},
                   {str(k): int(v) for k, v in dict(d.get("scores", {})).items()},
                   str(d.get("time", "")))


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """A choice as the player sees it now."""

    id: str
    number: int
    text: str
    enabled: bool
    reason: str | None
    choice: Choice


@dataclass(frozen=True, slots=True)
class Event:
    """A plain event: ``kind`` is node_entered, choice_made, run_finished or undone."""

    kind: str
    node: str
    data: dict[str, Any] = field(default_factory=dict)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


# --- semantics shared by the machine and by analysis ---------------------------

def choice_available(choice: Choice, values: dict[str, Any], visits: Callable[[str], int]) -> bool:
    return choice.condition is None or bool(expr.evaluate(choice.condition, values, visits))


def apply_effects(scenario: Scenario, choice: Choice, values: dict[str, Any],
                  visits: Callable[[str], int]) -> dict[str, list[Any]]:
    """Apply a choice's effects to ``values`` in order; return {var: [old, new]}."""
    changes: dict[str, list[Any]] = {}
    for eff in choice.effects:
        var = scenario.variables[eff.target]
        old = values[eff.target]
        new = var.clamp(expr.apply_effect(eff, values, visits))
        values[eff.target] = new
        if eff.target in changes:
            changes[eff.target][1] = new
        else:
            changes[eff.target] = [old, new]
    return {k: v for k, v in changes.items() if v[0] != v[1]}


def route_target(routes: list[Route], default: str, values: dict[str, Any],
                 visits: Callable[[str], int]) -> str:
    for r in routes:
        if expr.evaluate(r.condition, values, visits):
            return r.target
    return default


# --- the machine -----------------------------------------------------------------

class _RunModel:
    """What transitions drives: the state of one run (the machine sets ``state``)."""

    state: str

    def __init__(self, run: Run) -> None:
        self.run = run


_MACHINES: weakref.WeakKeyDictionary[Scenario, Machine] = weakref.WeakKeyDictionary()


def _trigger(node_id: str, choice_id: str) -> str:
    return f"{node_id}\x1f{choice_id}"


class _RunMachine(Machine):
    """transitions' Machine for many short-lived runs of one scenario.

    A run's model gets only the generic ``trigger`` (choices are triggered by name): no
    method and ``may_`` method per choice and no ``is_<node>`` per node, and it is not kept
    in the machine's list of models. Starting a run (a replay, an undo, a restore) then costs
    the same whatever the scenario's size; with transitions' defaults it took a millisecond
    for a 30-node scenario, and the list of models grew with every run not yet collected.
    """

    def add_model(self, model: Any, initial: Any = None) -> None:
        model.trigger = partial(self._get_trigger, model)
        self.set_state(self.initial if initial is None else initial, model=model)


def machine_for(scenario: Scenario) -> Machine:
    """The one machine of a loaded scenario (built on first use)."""
    m = _MACHINES.get(scenario)
    if m is not None:
        return m
    m = _RunMachine(model=None, states=list(scenario.nodes), initial=scenario.start,
                auto_transitions=False, send_event=True, ignore_invalid_triggers=False,
                prepare_event=_prepare, finalize_event=_finalize)
    for node in scenario.nodes.values():
        for c in node.choices:
            _add_choice(m, node, c)
        if node.next is not None:
            for r in node.next_routes:
                m.add_transition(_trigger(node.id, ""), node.id, r.target,
                                 conditions=[_route_condition(r)], after=_arrived)
            m.add_transition(_trigger(node.id, ""), node.id, node.next, after=_arrived)
    _MACHINES[scenario] = m
    return m


def _add_choice(m: Machine, node: ScenarioNode, c: Choice) -> None:
    trig = _trigger(node.id, c.id)
    avail = _available_before(c)
    for r in c.routes:
        m.add_transition(trig, node.id, r.target, conditions=[avail, _route_condition(r)],
                         after=_arrived)
    m.add_transition(trig, node.id, c.target, conditions=[avail], after=_arrived)


def _available_before(c: Choice) -> Callable[[Any], bool]:
    def check(ev: Any) -> bool:
        run: Run = ev.model.run
        return choice_available(c, run._before, run.visits_of)
    return check


def _route_condition(r: Route) -> Callable[[Any], bool]:
    def check(ev: Any) -> bool:
        run: Run = ev.model.run
        return bool(expr.evaluate(r.condition, run.values, run.visits_of))
    return check


def _prepare(ev: Any) -> None:
    run: Run = ev.model.run
    run._before = dict(run.values)
    choice: Choice | None = ev.kwargs.get("choice")
    run._changes = apply_effects(run.scenario, choice, run.values, run.visits_of) if choice else {}


def _arrived(ev: Any) -> None:
    run: Run = ev.model.run
    dest = ev.transition.dest
    run.visits[dest] = run.visits.get(dest, 0) + 1
    run._entered.append(dest)


def _finalize(ev: Any) -> None:
    if not ev.result:  # no transition fired: undo the effects
        run: Run = ev.model.run
        run.values.clear()
        run.values.update(run._before)


# --- a run -----------------------------------------------------------------------

class Run:
    """One play-through of a scenario."""

    def __init__(self, scenario: Scenario, *, start: str | None = None,
                 values: dict[str, Any] | None = None) -> None:
        self.scenario = scenario
        self.values: dict[str, Any] = scenario.initial_values()
        self._start_values = dict(values or {})
        self.values.update(self._start_values)
        self.visits: dict[str, int] = {}
        self.history: list[Step] = []
        # how many leading steps of ``history`` a saver has stored (see :meth:`delta`)
        self.saved_steps = 0
        self.opening: list[str] = []
        self.listeners: list[Callable[[Event], None]] = []
        self._before: dict[str, Any] = {}
        self._changes: dict[str, list[Any]] = {}
        self._entered: list[str] = []
        self.start_node = start or scenario.start
        if self.start_node not in scenario.nodes:
            raise RunError(Msg("run.no_node", node=self.start_node, scenario=scenario.id))
        self.machine = machine_for(scenario)
        self._model = _RunModel(self)
        self.machine.add_model(self._model, initial=self.start_node)
        self.visits[self.start_node] = 1
        self._entered = [self.start_node]
        try:
            self._follow_auto()
        except expr.EvalError as err:
            raise RunError(Msg("run.cannot_start", node=self.start_node, detail=_detail(err))) from None
        self.opening = self._entered

    # -- reading ---------------------------------------------------------------------
    @property
    def node_id(self) -> str:
        return self._model.state

    @property
    def node(self) -> ScenarioNode:
        return self.scenario.nodes[self.node_id]

    @property
    def finished(self) -> bool:
        return self.node.ending is not None

    @property
    def ending(self) -> ScenarioNode | None:
        return self.node if self.finished else None

    def visits_of(self, node_id: str) -> int:
        return self.visits.get(node_id, 0)

    def lines(self, lang: str = DEFAULT_LANG, node_id: str | None = None) -> list[tuple[str | None, str]]:
        """(speaker name or None for narration, text) of a node, in ``lang``."""
        node = self.scenario.nodes[node_id or self.node_id]
        out = []
        for ln in node.lines:
            speaker = self.scenario.characters[ln.speaker].name.get(lang) if ln.speaker else None
            out.append((speaker, ln.text.get(lang)))
        return out

    def choices(self, lang: str = DEFAULT_LANG) -> list[ChoiceView]:
        """The choices on offer now: hidden ones left out, disabled ones flagged."""
        out: list[ChoiceView] = []
        for c in self.node.choices:
            broken = None
            try:
                ok = choice_available(c, self.values, self.visits_of)
            except expr.EvalError as err:  # a scenario error: the choice cannot be judged
                ok, broken = False, str(err)
            if not ok and c.unavailable == "hide":
                continue
            reason = c.reason.get(lang) if (not ok and c.reason) else None
            if broken is not None:
                from .i18n import t

                reason = t("play.choice_broken", lang, error=broken)
            out.append(ChoiceView(c.id, len(out) + 1, c.text.get(lang), ok, reason, c))
        return out

    def scores(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for step in self.history:
            for dim, v in step.scores.items():
                total[dim] = total.get(dim, 0) + v
        return total

    def path(self) -> list[str]:
        """Every node entered, in order."""
        out = list(self.opening)
        for step in self.history:
            out += step.entered
        return out

    # -- acting ------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self.listeners.append(listener)

    def _emit(self, kind: str, node: str, **data: Any) -> None:
        ev = Event(kind, node, data)
        for listener in list(self.listeners):
            listener(ev)

    def choose(self, choice_id: str) -> Step:
        """Make a choice by id; raise :class:`RunError` if it is not on offer."""
        if self.finished:
            raise RunError(Msg("run.ended_no_choices"))
        node = self.node
        choice = node.choice(choice_id)
        if choice is None:
            known = ", ".join(c.id for c in node.choices)
            raise RunError(Msg("run.no_choice", node=node.id, choice=choice_id, known=known))
        try:
            available = choice_available(choice, self.values, self.visits_of)
        except expr.EvalError as err:
            raise RunError(Msg("run.condition_failed", choice=choice_id,
                                   detail=_detail(err))) from None
        if not available:
            raise RunError(Msg("run.not_available", choice=choice_id))
        self._entered = []
        values, visits = dict(self.values), dict(self.visits)
        try:
            fired = self._model.trigger(_trigger(node.id, choice.id), choice=choice)
            if fired:
                changes = self._changes
                self._follow_auto()
        except (expr.EvalError, RunError) as err:
            # nothing happened: back to the node and the values before the choice
            self.values.clear()
            self.values.update(values)
            self.visits = visits
            self.machine.set_state(node.id, model=self._model)
            raise RunError(Msg("run.choice_failed", choice=choice_id, detail=_detail(err))) from None
        if not fired:
            raise RunError(Msg("run.not_available", choice=choice_id))
        step = Step(node.id, choice.id, self.node_id, self._entered, changes,
                    dict(choice.scores), now())
        self.history.append(step)
        self._emit("choice_made", node.id, choice=choice.id, target=step.target,
                   changes=changes, scores=step.scores)
        for nid in step.entered:
            self._emit("node_entered", nid)
        if self.finished:
            self._emit("run_finished", self.node_id, outcome=self.node.ending.outcome)  # type: ignore[union-attr]
        return step

    def _follow_auto(self) -> None:
        for _ in range(MAX_AUTO_STEPS):
            node = self.node
            if node.next is None:
                return
            self._model.trigger(_trigger(node.id, ""))
        raise RunError(Msg("run.endless_next", steps=MAX_AUTO_STEPS, node=self.node_id))

    def undo(self) -> Step:
        """Take back the last choice (replays the run without it)."""
        if not self.history:
            raise RunError(Msg("run.nothing_to_undo"))
        last = self.history[-1]
        replay = Run(self.scenario, start=self.start_node, values=self._start_values)
        for step in self.history[:-1]:
            replay.choose(step.choice)
        self._adopt(replay)
        self.history = self.history[:-1]  # keep original timestamps
        self.saved_steps = min(self.saved_steps, len(self.history))
        self._emit("undone", last.node, choice=last.choice)
        return last

    def _adopt(self, other: Run) -> None:
        self.values = other.values
        self.visits = other.visits
        self.machine.set_state(other.node_id, model=self._model)

    # -- saving ------------------------------------------------------------------------
    def head(self) -> dict[str, Any]:
        """The run without its history: where it stands (node, values) and how it began.

        Bounded whatever the run's length: ``visits`` is left out, being the count of each
        node on :meth:`path` (:func:`sim.snapshot.visits_of_path`)."""
        return {
            "format": SNAPSHOT_FORMAT, "scenario": self.scenario.id,
            "version": self.scenario.version, "content_hash": self.scenario.content_hash,
            "start": self.start_node, "start_values": dict(self._start_values),
            "node": self.node_id, "values": dict(self.values), "opening": list(self.opening),
        }

    def snapshot(self) -> dict[str, Any]:
        """The whole run as plain JSON-able data."""
        return full_snapshot(self.head(), dict(self.visits),
                             [s.to_data() for s in self.history])

    def delta(self) -> dict[str, Any]:
        """What an autosave writes: the :meth:`head` and only the steps after the first
        ``saved_steps`` (the store keeps the others), as ``history``, from ``history_from``.

        ``base`` names the last step kept (its choice and time), so that a store holding
        another run's step there (the run was played on elsewhere) refuses the delta and
        the saver writes the whole :meth:`snapshot` instead. Confirm a save that succeeded
        with :meth:`saved`."""
        keep = min(self.saved_steps, len(self.history))
        base = self.history[keep - 1] if keep else None
        return {**self.head(), "history_from": keep,
                "base": [base.choice, base.time] if base else None,
                "history": [s.to_data() for s in self.history[keep:]]}

    def saved(self, data: dict[str, Any]) -> None:
        """``data`` (a :meth:`delta` or :meth:`snapshot` of this run) has been stored."""
        self.saved_steps = int(data.get("history_from", 0)) + len(data.get("history", []))

    @classmethod
    def restore(cls, scenario: Scenario, data: Any) -> Run:
        """A run identical to the one saved; :class:`RunError` says why when impossible."""
        if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
            raise DamagedRun(Msg("run.not_a_saved_run"))
        if data.get("scenario") != scenario.id:
            raise DamagedRun(Msg("run.other_scenario", saved=str(data.get("scenario")),
                                 scenario=scenario.id))
        nodes = scenario.nodes
        try:
            history = [Step.from_data(s) for s in data["history"]]
            node_id = str(data["node"])
            start = str(data.get("start", scenario.start))
            start_values = dict(data.get("start_values", {}))
            opening = [str(x) for x in data.get("opening", [start])]
            values = dict(data["values"])
            visits = {str(k): int(v) for k, v in dict(data["visits"]).items()}
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise DamagedRun(Msg("run.damaged")) from None
        missing = [n for n in [node_id, start, *opening] if n not in nodes]
        for s in history:
            missing += [n for n in [s.node, s.target, *s.entered] if n not in nodes]
            if s.node in nodes and nodes[s.node].choice(s.choice) is None:
                raise RunError(Msg("run.changed_choice", node=s.node, choice=s.choice))
        if missing:
            raise RunError(Msg("run.changed_node", node=missing[0]))
        run = cls(scenario, start=start)
        run._start_values = {k: v for k, v in start_values.items()
                             if k in scenario.variables
                             and _same_type(scenario.variables[k].type, v)}
        run.machine.set_state(node_id, model=run._model)
        run.values = scenario.initial_values()
        for name, value in values.items():
            var = scenario.variables.get(name)
            if var is not None and _same_type(var.type, value):
                run.values[name] = var.clamp(value)
        run.visits = visits
        run.opening = opening
        run.history = history
        run.saved_steps = len(history)  # as saved; a delta checks this against the store
        return run


def _same_type(vtype: str, value: Any) -> bool:
    if vtype == "bool":
        return isinstance(value, bool)
    if vtype == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)
