"""The dashboard's figures kept up to date by reading only what changed.

A live session's store grows with every trainee's choice; reading and decoding all of
it at every refresh took most of a refresh at 3,000 trainees. :class:`LiveFigures`
keeps the runs and events it has read, and at each refresh asks the store only for the
stamps of the runs (a cheap query) and reads again just the runs whose stamp changed,
with their events. The figures it gives are exactly those :func:`sim.group.build_dashboard`
computes from everything (the tests check this), and when no run has changed only the
participants' progress is worked out again.

Nothing here knows of Textual; one ``LiveFigures`` is used by one thread at a time.
"""

from __future__ import annotations

from typing import Any

from .group import Dashboard, RunFacts, Scorer, build_dashboard, progress, rubric_scorer
from .scenario import Scenario
from .sessions import RunChanges, Trainer
from .store import RunRecord


class LiveFigures:
    """The figures of one session, read incrementally through a :class:`Trainer`."""

    def __init__(self, scenarios: list[Scenario], rubric: Any, *, lang: str = "nl",
                 scorer: Scorer | None = None) -> None:
        self.scenarios = scenarios
        self.rubric = rubric
        self.lang = lang
        self.scorer = scorer or rubric_scorer(rubric)
        self._stamps: dict[str, Any] = {}
        self._runs: dict[str, RunRecord] = {}
        self._events: dict[str, list[dict[str, Any]]] = {}
        self._facts = RunFacts()  # each run's scores and poor choices, per version read
        self._last: Dashboard | None = None
        self._basis: tuple[Any, ...] | None = None  # what the last figures were made of
        self.read = 0  # runs read at the last refresh (for the benchmark and the tests)

    def refresh(self, trainer: Trainer) -> Dashboard:
        """The figures now, reading only the runs that changed since the last refresh."""
        return self.apply(trainer.changes(self._stamps))

    def apply(self, changes: RunChanges) -> Dashboard:
        order = [rid for rid, _ in changes.stamps]
        for rid in self._stamps.keys() - set(order):  # deleted meanwhile
            self._runs.pop(rid, None)
            self._events.pop(rid, None)
        for rec in changes.runs:
            self._runs[rec.id] = rec
            self._events[rec.id] = []
        for e in changes.events:
            self._events[e["run_id"]].append(e)
        self._stamps = dict(changes.stamps)
        self.read = len(changes.runs)
        runs = [self._runs[rid] for rid in order if rid in self._runs]
        session = changes.session
        names = {p.id: p.name for p in changes.participants}
        basis = (tuple(changes.stamps), repr(session.scenarios), tuple(names.items()))
        last = self._last
        if last is not None and basis == self._basis:  # no run changed: the same figures
            by_id = {s.id: s for s in self.scenarios}
            dash = Dashboard(session.id, session.title, session.join_code,
                             session.closed is not None,
                             progress(changes.participants, runs, by_id, self.lang),
                             last.scenarios, last.missing_scenarios)
        else:
            events = [e for rid in sorted(self._events) for e in self._events[rid]]
            self._facts.keep(self._runs)
            dash = build_dashboard(session, changes.participants, runs, events, self.scenarios,
                                   self.rubric, lang=self.lang, scorer=self.scorer,
                                   facts=self._facts)
        self._last, self._basis = dash, basis
        return dash
