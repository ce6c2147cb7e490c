"""A plenary: one scenario played by a room on one screen, with the room's votes.

At each decision the trainer enters the votes per option, then follows the majority
or picks another option. Going back to any earlier decision starts a new branch
from there (the road not taken); every branch is kept. Everything is in the store
at once: a plenary closed by accident continues where it was.

A branch is a run (``runs``) with a ``branches`` row naming its parent and how many
decisions it shares with it (``fork_at``); its votes are stored for its own
decisions, and the votes at the decision it went back to are carried over from the
parent (the room voted on that same situation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .engine import Run, RunError, Step
from .group import RunScore, Scorer, choice_total, prompt_of, rubric_scorer
from .playthrough import autosave
from .scenario import Scenario
from .sessions import create_session, scenario_ref
from .store import BranchRecord, RunRecord, SessionRecord, Store


class PlenaryError(Exception):
    """The plenary cannot be opened or the step cannot be taken; the message says why."""


@dataclass(slots=True)
class Branch:
    number: int  # 1, 2, ... in the order explored
    record: BranchRecord
    run: Run

    @property
    def run_id(self) -> str:
        return self.record.run_id

    @property
    def fork_at(self) -> int:
        return self.record.fork_at


@dataclass(slots=True)
class OptionVotes:
    choice: str
    number: int
    text: str
    votes: int
    total: int  # the option's score total
    chosen: bool = False
    majority: bool = False


@dataclass(slots=True)
class DecisionVotes:
    seq: int  # 1-based decision number on the branch's path
    node: str
    prompt: str
    discussion: str | None
    options: list[OptionVotes]
    chosen: str | None  # None: not decided yet
    inherited: bool  # made on a parent branch before this one forked
    bookmarked: bool = False

    @property
    def majority(self) -> str | None:
        return majority_of({o.choice: o.votes for o in self.options})

    @property
    def followed_majority(self) -> bool | None:
        m = self.majority
        return None if m is None or self.chosen is None else m == self.chosen


@dataclass(slots=True)
class BranchDebrief:
    number: int
    label: str
    parent: int | None  # the parent branch's number
    fork_at: int
    decisions: list[DecisionVotes]
    ending: str | None
    ending_title: str | None
    outcome: str | None
    score: RunScore | None


@dataclass(slots=True)
class PlenaryDebrief:
    session_id: str
    scenario_id: str
    title: str
    branches: list[BranchDebrief] = field(default_factory=list)
    session_title: str = ""  # the trainer's name for the plenary, e.g. the course day
    created: str = ""  # when the plenary was started (ISO)


def majority_of(votes: dict[str, int]) -> str | None:
    """The option with the most votes; None when nobody voted or the top is tied."""
    if not votes:
        return None
    top = max(votes.values())
    if top <= 0:
        return None
    leaders = [c for c, n in votes.items() if n == top]
    return leaders[0] if len(leaders) == 1 else None


class Plenary:
    """A plenary session and its branches, kept in the store."""

    def __init__(self, store: Store, session: SessionRecord, scenario: Scenario) -> None:
        if session.kind != "plenary":
            raise PlenaryError(f"session {session.id} is not a plenary")
        if not any(ref["id"] == scenario.id for ref in session.scenarios):
            raise PlenaryError(f"plenary {session.id} is about "
                               f"{', '.join(r['id'] for r in session.scenarios)}, "
                               f"not {scenario.id}")
        self.store = store
        self.session = session
        self.scenario = scenario
        self.branches: list[Branch] = []
        self.current: Branch
        self._load()

    # -- making and opening ----------------------------------------------------------------
    @classmethod
    def create(cls, store: Store, scenario: Scenario, *, title: str = "",
               lang: str = "nl") -> Plenary:
        made = create_session(store, [scenario], kind="plenary", title=title, lang=lang)
        run = Run(scenario)
        run_id = store.create_run(run.snapshot(), scenario_path=scenario_ref(scenario)["path"],
                                  lang=lang, session_id=made.session.id)
        store.add_branch(run_id, made.session.id)
        return cls(store, made.session, scenario)

    @classmethod
    def open(cls, store: Store, session_id: str, scenario: Scenario) -> Plenary:
        rec = store.get_session(session_id)
        if rec is None:
            raise PlenaryError(f"there is no plenary {session_id!r}")
        return cls(store, rec, scenario)

    def _load(self) -> None:
        records = self.store.branches(self.session.id)
        if not records:
            raise PlenaryError(f"plenary {self.session.id} has no runs")
        self.branches = []
        latest: tuple[str, Branch] | None = None
        for i, b in enumerate(records, 1):
            rec = self.store.get_run(b.run_id)
            if rec is None:
                continue
            try:
                run = Run.restore(self.scenario, rec.snapshot)
            except RunError as err:
                raise PlenaryError(f"branch {i} cannot be restored: {err}") from None
            branch = Branch(i, b, run)
            self.branches.append(branch)
            if latest is None or rec.updated >= latest[0]:
                latest = (rec.updated, branch)
        if latest is None:
            raise PlenaryError(f"plenary {self.session.id} has no runs")
        self.current = latest[1]

    def branch(self, run_id: str) -> Branch:
        return next(b for b in self.branches if b.run_id == run_id)

    # -- where we are ----------------------------------------------------------------------
    @property
    def run(self) -> Run:
        return self.current.run

    @property
    def decision_number(self) -> int:
        """The 1-based number of the decision now on the screen."""
        return len(self.run.history) + 1

    def votes_here(self) -> dict[str, int]:
        return self.store.votes(self.current.run_id).get(self.decision_number, {})

    def add_vote(self, choice_id: str, delta: int = 1) -> int:
        """Count one more (or fewer) vote for an option at the current decision."""
        if self.run.finished:
            raise PlenaryError("the scenario has ended; go back to a decision to vote again")
        if self.run.node.choice(choice_id) is None:
            raise PlenaryError(f"there is no option {choice_id!r} here")
        votes = dict(self.votes_here())
        votes[choice_id] = max(0, votes.get(choice_id, 0) + delta)
        self.store.set_votes(self.current.run_id, self.decision_number, self.run.node_id, votes)
        self._touch()
        return votes[choice_id]

    def clear_votes(self) -> None:
        self.store.set_votes(self.current.run_id, self.decision_number, self.run.node_id, {})

    def majority(self) -> str | None:
        return majority_of(self.votes_here())

    def choose(self, choice_id: str) -> Step:
        """Take an option (the majority's or another), with the votes as counted."""
        step = self.run.choose(choice_id)
        autosave(self.store, self.current.run_id, self.run)
        return step

    def follow_majority(self) -> Step | None:
        m = self.majority()
        return self.choose(m) if m is not None else None

    def _touch(self) -> None:
        autosave(self.store, self.current.run_id, self.run)

    # -- branches and bookmarks ------------------------------------------------------------
    def go_back(self, run_id: str, seq: int) -> Branch:
        """Start a new branch at decision ``seq`` of branch ``run_id``, sharing what came
        before it; the room's votes at that decision carry over. Every branch is kept."""
        source = self.branch(run_id)
        if not 1 <= seq <= len(source.run.history):
            raise PlenaryError(f"branch {source.number} has no decision {seq} to go back to")
        data = source.run.snapshot()
        run = Run(self.scenario, start=data["start"], values=data["start_values"])
        for step in source.run.history[: seq - 1]:
            run.choose(step.choice)
        run.history = [Step.from_data(s.to_data()) for s in source.run.history[: seq - 1]]
        snap = run.snapshot()
        new_id = self.store.create_run(snap, scenario_path=scenario_ref(self.scenario)["path"],
                                       lang=self.session.lang, session_id=self.session.id)
        run.saved(snap)
        self.store.add_branch(new_id, self.session.id, parent_run=run_id, fork_at=seq - 1)
        carried = self.store.votes(self._owner(source, seq).run_id).get(seq)
        if carried:
            self.store.set_votes(new_id, seq, run.node_id, carried)
        self._touch_run(new_id, run)
        self._load()
        self.current = self.branch(new_id)
        return self.current

    def _touch_run(self, run_id: str, run: Run) -> None:
        autosave(self.store, run_id, run)

    def switch_to(self, run_id: str) -> Branch:
        self.current = self.branch(run_id)
        self._touch()
        return self.current

    def toggle_bookmark(self, seq: int | None = None, label: str = "") -> bool:
        """Bookmark (or un-bookmark) a decision of the current branch; True when set."""
        seq = seq or self.decision_number
        owner = self._owner(self.current, seq)
        marks = {(r, s) for r, s, _ in self.store.bookmarks(self.session.id)}
        if (owner.run_id, seq) in marks:
            self.store.remove_bookmark(owner.run_id, seq)
            return False
        self.store.set_bookmark(owner.run_id, seq, label)
        return True

    def _owner(self, branch: Branch, seq: int) -> Branch:
        """The branch on which decision ``seq`` of ``branch``'s path was made."""
        while seq <= branch.fork_at and branch.record.parent_run:
            branch = self.branch(branch.record.parent_run)
        return branch

    def bookmarks(self) -> set[tuple[str, int]]:
        return {(r, s) for r, s, _ in self.store.bookmarks(self.session.id)}

    # -- reading ---------------------------------------------------------------------------
    def decisions(self, branch: Branch, lang: str = "nl") -> list[DecisionVotes]:
        """The decisions on a branch's path, each with the votes where it was made, and the
        open decision at its end (``chosen`` None) unless the branch has ended."""
        marks = self.bookmarks()
        out = []
        history = branch.run.history
        for seq, step in enumerate(history, 1):
            owner = self._owner(branch, seq)
            votes = self.store.votes(owner.run_id).get(seq, {})
            out.append(self._decision(seq, step.node, votes, step.choice, owner is not branch,
                                      (owner.run_id, seq) in marks, lang))
        if not branch.run.finished:
            seq = len(history) + 1
            votes = self.store.votes(branch.run_id).get(seq, {})
            out.append(self._decision(seq, branch.run.node_id, votes, None, False,
                                      (branch.run_id, seq) in marks, lang))
        return out

    def _decision(self, seq: int, node_id: str, votes: dict[str, int], chosen: str | None,
                  inherited: bool, bookmarked: bool, lang: str) -> DecisionVotes:
        node = self.scenario.nodes[node_id]
        m = majority_of(votes)
        options = [OptionVotes(c.id, i, c.text.get(lang), votes.get(c.id, 0),
                               choice_total(c.scores), c.id == chosen, c.id == m)
                   for i, c in enumerate(node.choices, 1)]
        return DecisionVotes(seq, node_id, prompt_of(self.scenario, node_id, lang),
                             node.discussion.get(lang) if node.discussion else None,
                             options, chosen, inherited, bookmarked)

    def debrief(self, rubric: Any, lang: str = "nl", scorer: Scorer | None = None) -> PlenaryDebrief:
        """The path of every branch with the votes, its ending and its scores (``rubric``)."""
        scorer = scorer or rubric_scorer(rubric)
        numbers = {b.run_id: b.number for b in self.branches}
        out = PlenaryDebrief(self.session.id, self.scenario.id, self.scenario.title.get(lang),
                             session_title=self.session.title, created=self.session.created)
        for b in self.branches:
            ending = b.run.ending
            out.branches.append(BranchDebrief(
                b.number, b.record.label,
                numbers.get(b.record.parent_run or ""), b.fork_at,
                [d for d in self.decisions(b, lang) if d.chosen is not None],
                ending.id if ending else None,
                ending.ending.title.get(lang) if ending and ending.ending else None,
                ending.ending.outcome if ending and ending.ending else None,
                scorer(self.scenario, b.run.snapshot()) if b.run.history else None))
        return out


def plenaries(store: Store) -> list[tuple[SessionRecord, list[RunRecord]]]:
    """Every plenary in the store with its runs (for listing and resuming)."""
    return [(s, store.runs(session_id=s.id)) for s in store.sessions("plenary")]


def open_latest(store: Store, scenario: Scenario) -> Plenary | None:
    """The most recent plenary of this scenario, if any (to offer to continue it)."""
    for s in store.sessions("plenary"):
        if any(ref["id"] == scenario.id for ref in s.scenarios):
            try:
                return Plenary(store, s, scenario)
            except PlenaryError:
                continue
    return None


__all__ = ["Branch", "BranchDebrief", "DecisionVotes", "OptionVotes", "Plenary", "PlenaryDebrief",
           "PlenaryError", "majority_of", "open_latest", "plenaries"]
