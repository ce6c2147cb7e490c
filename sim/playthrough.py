"""A run being played by a trainee: the engine's :class:`Run`, its mode and its autosave.

Shared by the Textual app and plain mode; knows nothing of either. Every choice
is saved in one store transaction (``Store.save_step``). When the store cannot be
written, :class:`~sim.store.StoreError` reaches the caller *after* the choice took
effect, so the caller can offer to go on without saving (:meth:`Playthrough.detach`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the engine (and its state machine library) loads when a run starts
    from .engine import Run, Step
    from .scenario import Scenario
    from .store import RunRecord, Store

MODES = ("coach", "assessment")


class Playthrough:
    def __init__(self, scenario: Scenario, run: Run, *, mode: str = "coach", lang: str = "nl",
                 store: Store | None = None, run_id: str | None = None,
                 scenario_path: str = "") -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        self.scenario = scenario
        self.run = run
        self.mode = mode
        self.lang = lang
        self.store = store
        self.run_id = run_id
        # an absolute path, so "continue" finds the file from any working folder
        path = scenario_path or scenario.path
        self.scenario_path = str(Path(path).resolve()) if path else ""
        self.unsaved = False

    @classmethod
    def new(cls, scenario: Scenario, *, mode: str = "coach", lang: str = "nl",
            start: str | None = None, values: dict[str, Any] | None = None) -> Playthrough:
        """A fresh run, not yet in any store (see :meth:`attach`)."""
        from .engine import Run

        return cls(scenario, Run(scenario, start=start, values=values), mode=mode, lang=lang)

    @classmethod
    def resume(cls, store: Store, record: RunRecord, scenario: Scenario) -> Playthrough:
        """The saved run ``record`` again, at the same node with the same history.

        Raises :class:`RunError` when the scenario changed so that it cannot be restored.
        """
        from .engine import Run

        run = Run.restore(scenario, record.snapshot)
        mode = record.mode if record.mode in MODES else "coach"
        return cls(scenario, run, mode=mode, lang=record.lang, store=store, run_id=record.id,
                   scenario_path=record.scenario_path)

    # -- saving ----------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self.store is not None and self.run_id is not None

    def attach(self, store: Store) -> str:
        """Record the run in ``store`` (with its mode); raises StoreError when it cannot."""
        self.run_id = store.create_run(self.run.snapshot(), scenario_path=self.scenario_path,
                                       mode=self.mode, lang=self.lang)
        self.store = store
        self.save()
        return self.run_id

    def detach(self) -> None:
        """Go on without saving (after the trainee agreed)."""
        self.store = None
        self.unsaved = False

    def save(self) -> None:
        """Write the run's current state in one transaction (no-op when not saving)."""
        if not self.saving:
            return
        assert self.store is not None and self.run_id is not None
        ending = self.run.ending
        self.unsaved = True
        self.store.save_step(self.run_id, self.run.snapshot(), finished=self.run.finished,
                             outcome=ending.ending.outcome if ending and ending.ending else None,
                             ending=ending.id if ending else None)
        self.unsaved = False

    # -- playing ---------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return self.mode == "coach" and bool(self.run.history) and not self.run.finished

    def choose(self, choice_id: str) -> Step:
        """Make a choice and autosave it (StoreError is raised after the choice took effect)."""
        step = self.run.choose(choice_id)
        self.save()
        return step

    def undo(self) -> Step:
        """Take back the last choice (coach mode only) and autosave."""
        from .engine import RunError

        if self.mode != "coach":
            raise RunError("undo is only possible in coach mode")
        if self.run.finished:
            raise RunError("the run has ended")
        step = self.run.undo()
        self.save()
        return step
