"""A run being played by a trainee: the engine's :class:`Run`, its mode and its autosave.

Shared by the Textual app and plain mode; knows nothing of either. Every choice
is saved in one transaction by its :class:`Saver`: the :class:`~sim.store.Store` in
solo play, or a session's :class:`~sim.sessions.Trainee` (who may save their own runs
only) in a live session. When the store cannot be written,
:class:`~sim.store.StoreError` reaches the caller *after* the choice took effect, so
the caller can offer to go on without saving (:meth:`Playthrough.detach`).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the engine (and its state machine library) loads when a run starts
    from .engine import Run, Step
    from .scenario import Scenario
    from .store import LeaseRecord, RunRecord

MODES = ("coach", "assessment")


def lease_owner() -> str:
    from .store import lease_owner as owner

    return owner()


class Saver(Protocol):
    """Where a run is kept: :class:`~sim.store.Store` and :class:`~sim.sessions.Trainee`.

    Both raise :class:`~sim.store.StoreError` when the store cannot be written.
    """

    def create_run(self, snapshot: dict[str, Any], *, scenario_path: str = "",
                   mode: str = "coach", lang: str = "nl") -> str: ...

    def save_step(self, run_id: str, snapshot: dict[str, Any], *, finished: bool = False,
                  outcome: str | None = None, ending: str | None = None,
                  lease: str | None = None) -> None:
        """``snapshot``: a :meth:`~sim.engine.Run.delta` or a whole snapshot; ``lease``:
        the saving window's owner id (refused with LeaseLost while another holds the run)."""

    def claim_run(self, run_id: str, owner: str, *, label: str = "",
                  take_over: bool = False) -> LeaseRecord | None:
        """Open the run for writing in window ``owner``: None, or the other window's lease."""

    def renew_lease(self, run_id: str, owner: str) -> bool:
        """The window's heartbeat: False once another window has taken the run over."""

    def release_lease(self, run_id: str, owner: str) -> None: ...

    def get_run(self, run_id: str) -> RunRecord | None:
        """The run as it is stored now (for a window that watches it)."""

    def note_resumed(self, run_id: str) -> None:
        """Record that the stored run ``run_id`` is being continued."""


def autosave(saver: Saver, run_id: str, run: Run, lease: str | None = None) -> None:
    """Save ``run`` under ``run_id``: its :meth:`~sim.engine.Run.delta` (the head and the
    steps not yet saved), or its whole snapshot when the store holds other steps than the
    delta follows on from (:class:`~sim.store.StaleSave`). With ``lease``, both are checked
    against the run's lease in the save's own transaction (LeaseLost: nothing written), so
    a window whose run was taken over elsewhere can never write over the other's steps."""
    from .store import StaleSave

    ending = run.ending
    done = {"finished": run.finished,
            "outcome": ending.ending.outcome if ending and ending.ending else None,
            "ending": ending.id if ending else None}
    data = run.delta()
    try:
        saver.save_step(run_id, data, lease=lease, **done)
    except StaleSave:
        data = run.snapshot()
        saver.save_step(run_id, data, lease=lease, **done)
    run.saved(data)
    from .lrsauto import after_save

    after_save(saver)  # learning records to an LRS, if one is set to get them at once


class Playthrough:
    def __init__(self, scenario: Scenario, run: Run, *, mode: str = "coach", lang: str = "nl",
                 saver: Saver | None = None, run_id: str | None = None,
                 scenario_path: str = "") -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        self.scenario = scenario
        self.run = run
        self.mode = mode
        self.lang = lang
        self.saver = saver
        self.run_id = run_id
        # an absolute path, so "continue" finds the file from any working folder
        path = scenario_path or scenario.path
        self.scenario_path = str(Path(path).resolve()) if path else ""
        self.unsaved = False
        self.owner = lease_owner()  # this window, as the run's lease names it
        self.lease_label = ""  # what kind of window, for the other window's message
        self.watching = False  # a read-only view of a run another window plays

    @classmethod
    def new(cls, scenario: Scenario, *, mode: str = "coach", lang: str = "nl",
            start: str | None = None, values: dict[str, Any] | None = None) -> Playthrough:
        """A fresh run, not yet in any store (see :meth:`attach`)."""
        from .engine import Run

        return cls(scenario, Run(scenario, start=start, values=values), mode=mode, lang=lang)

    @classmethod
    def resume(cls, saver: Saver, record: RunRecord, scenario: Scenario) -> Playthrough:
        """The saved run ``record`` again, at the same node with the same history, saved
        on by ``saver`` (the store it came from, or the trainee whose run it is).

        Raises :class:`RunError` when the scenario changed so that it cannot be restored.
        """
        from .engine import Run
        from .store import StoreError

        run = Run.restore(scenario, record.snapshot)
        mode = record.mode if record.mode in MODES else "coach"
        with suppress(StoreError):  # a store that cannot be written is said at the next save
            saver.note_resumed(record.id)
        return cls(scenario, run, mode=mode, lang=record.lang, saver=saver, run_id=record.id,
                   scenario_path=record.scenario_path)

    # -- saving ----------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self.saver is not None and self.run_id is not None

    def attach(self, saver: Saver) -> str:
        """Record the run with ``saver`` (with its mode); raises StoreError when it cannot."""
        snap = self.run.snapshot()
        self.run_id = saver.create_run(snap, scenario_path=self.scenario_path, mode=self.mode,
                                       lang=self.lang)
        self.run.saved(snap)
        self.saver = saver
        self.claim()
        self.save()
        return self.run_id

    def detach(self) -> None:
        """Go on without saving (after the trainee agreed)."""
        from contextlib import suppress

        from .store import StoreError

        with suppress(StoreError):  # a store that fails cannot free the run: no matter
            self.release()
        self.saver = None
        self.unsaved = False

    def save(self) -> None:
        """Write what changed since the last save, in one transaction (no-op when not
        saving, or watching): the run's head and its new steps, whatever the run's length.
        LeaseLost (a StoreError) when another window has taken the run over."""
        if not self.saving or self.watching:
            return
        assert self.saver is not None and self.run_id is not None
        self.unsaved = True
        autosave(self.saver, self.run_id, self.run, lease=self.owner)
        self.unsaved = False

    # -- one writer per run ------------------------------------------------------------
    def claim(self, *, take_over: bool = False) -> LeaseRecord | None:
        """Open the run for writing in this window: None when it is ours now (no longer
        watching); else the lease of the window that has it open (and we watch)."""
        if not self.saving:
            return None
        assert self.saver is not None and self.run_id is not None
        other = self.saver.claim_run(self.run_id, self.owner, label=self.lease_label,
                                     take_over=take_over)
        self.watching = other is not None
        return other

    def keep(self) -> bool:
        """The heartbeat of the run's lease; False (and watching from now on) once
        another window has taken the run over."""
        if not self.saving or self.watching:
            return not self.watching
        assert self.saver is not None and self.run_id is not None
        if not self.saver.renew_lease(self.run_id, self.owner):
            self.watching = True
        return not self.watching

    def release(self) -> None:
        """This window closes the run (any StoreError is the caller's to ignore)."""
        if self.saving and not self.watching:
            assert self.saver is not None and self.run_id is not None
            self.saver.release_lease(self.run_id, self.owner)

    def reload(self) -> bool:
        """A watching window: the run as the other window has played it so far; True when
        it changed. RunError when it can no longer be restored, False when it is gone."""
        from .engine import Run

        if not self.saving:
            return False
        assert self.saver is not None and self.run_id is not None
        rec = self.saver.get_run(self.run_id)
        if rec is None:
            return False
        stored = rec.snapshot

        def path(history: Any) -> list[tuple[Any, Any]]:
            return [(h.get("choice"), h.get("time")) for h in history or []
                    if isinstance(h, dict)]

        if path(stored.get("history")) == path(self.run.snapshot().get("history")) and \
                rec.finished == self.run.finished:
            return False
        self.run = Run.restore(self.scenario, stored)
        return True

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
        from .problemtext import Msg

        if self.mode != "coach":
            raise RunError(Msg("run.undo_coach_only"))
        if self.run.finished:
            raise RunError(Msg("run.ended"))
        step = self.run.undo()
        self.save()
        return step
