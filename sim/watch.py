"""Live reload for authors: notice that a scenario file was saved, load it again, and
replay the choices made so far on the new version (as Inky does for Ink).

No Textual here: the app's watch mode and the tests use the same functions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import Run, RunError
from .errors import ContentError, ScenarioError, problem
from .loader import load_scenario
from .problemtext import Msg
from .scenario import Scenario


class FileWatch:
    """Tells when a file's content has changed since the last look (a save that only
    touches the file, without changing it, is not a change)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._stat: tuple[int, int] | None = None
        self._digest = self._read_digest()

    def _read_digest(self) -> str | None:
        try:
            st = self.path.stat()
            self._stat = (st.st_mtime_ns, st.st_size)
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            self._stat = None
            return None

    def changed(self) -> bool:
        """True once for each new content of the file (cheap when nothing happened)."""
        try:
            st = self.path.stat()
            stat: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            stat = None
        if stat == self._stat:
            return False
        digest = self._read_digest()
        if digest == self._digest:
            return False
        self._digest = digest
        return True


@dataclass
class Replay:
    """A run replayed on a (new version of a) scenario."""

    run: Run
    replayed: int  # choices carried over
    wanted: int  # choices there were to carry over
    why: str | None = None  # None: all carried over; else ended | missing | refused
    choice: str = ""  # the choice where the replay stopped
    node: str = ""  # the node it was to be made at
    detail: str = ""  # for 'refused': the engine's reason

    @property
    def complete(self) -> bool:
        return self.why is None

    @property
    def stopped(self) -> str | None:
        """Why the replay stopped early, in a sentence (None when it did not)."""
        if self.why is None:
            return None
        where = (f"choice {self.replayed + 1} of {self.wanted} ({self.choice!r} at node "
                 f"{self.node!r})")
        reason = {"ended": "the run now ends before it",
                  "missing": f"node {self.node!r} no longer has this choice",
                  "refused": self.detail}[self.why]
        return f"{where}: {reason}"


def parse_value(scenario: Scenario, name: str, text: str) -> Any:
    """A ``--set name=value`` value in the variable's type; ValueError says what is wrong."""
    var = scenario.variables.get(name)
    if var is None:
        from .yamlsafe import did_you_mean

        known = ", ".join(scenario.variables) or "none"
        raise ValueError(f"{scenario.id!r} has no variable {name!r}"
                         + (did_you_mean(name, scenario.variables) or f"; it has: {known}"))
    if var.type == "bool":
        if text.lower() not in ("true", "false"):
            raise ValueError(f"{name!r} is true or false, not {text!r}")
        return text.lower() == "true"
    if var.type == "number":
        try:
            value: Any = int(text)
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                raise ValueError(f"{name!r} is a number, not {text!r}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{name!r} is a number, not {text!r}")
        return var.clamp(value)
    return text


def start_run(scenario: Scenario, start: str | None = None,
              values: dict[str, Any] | None = None) -> Run:
    """A run from ``start`` (a node id) with ``values``; RunError says why not."""
    if start is not None and start not in scenario.nodes:
        from .problemtext import Msg, suggest

        raise RunError(Msg("run.no_start_node", scenario=scenario.id, node=start,
                           hint=suggest(start, scenario.nodes)))
    return Run(scenario, start=start, values=values)


def replay(scenario: Scenario, choices: Sequence[str], start: str | None = None,
           values: dict[str, Any] | None = None) -> Replay:
    """Play ``choices`` again from the start on ``scenario``, as far as they still fit."""
    run = start_run(scenario, start, values)
    for i, choice in enumerate(choices):
        stop = Replay(run, i, len(choices), None, choice, run.node_id)
        if run.finished:
            stop.why = "ended"
            return stop
        if run.node.choice(choice) is None:
            stop.why = "missing"
            return stop
        try:
            run.choose(choice)
        except RunError as err:
            stop.why, stop.detail = "refused", str(err)
            return stop
    return Replay(run, len(choices), len(choices))


@dataclass
class Reload:
    """The outcome of loading a saved file again."""

    scenario: Scenario | None  # None: the file has errors; keep playing the old version
    problems: list[ScenarioError] = field(default_factory=list)
    replay: Replay | None = None


def reload(path: str | Path, dimensions: Collection[str] | None, choices: Sequence[str],
           start: str | None = None, values: dict[str, Any] | None = None) -> Reload:
    """Load ``path`` again and replay ``choices`` on it (from ``start`` with ``values``)."""
    try:
        scenario = load_scenario(path, dimensions)
    except ContentError as err:
        return Reload(None, err.problems)
    if start is not None and start not in scenario.nodes:
        return Reload(None, [problem(str(path), 0, 0, Msg("watch.start_gone", id=start))])
    values = {k: v for k, v in (values or {}).items()
              if k in scenario.variables and _fits(scenario.variables[k].type, v)}
    try:
        result = replay(scenario, choices, start, values)
    except RunError as err:
        return Reload(None, [problem(str(path), 0, 0, Msg("watch.replay", error=str(err)))])
    return Reload(scenario, [], result)


def _fits(vtype: str, value: Any) -> bool:
    if vtype == "bool":
        return isinstance(value, bool)
    if vtype == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)
