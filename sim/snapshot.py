"""A saved run as plain data: its head, its steps, and the whole snapshot made of them.

:meth:`sim.engine.Run.snapshot` is the whole run (``format`` ``sovsim-run-1``): the
head (where the run stands: node and values, and how it began: start, start values,
opening) with ``visits`` and ``history`` (one dict a decision, :meth:`Step.to_data`).
The store keeps the head and the steps apart, so an autosave writes only what changed
(:meth:`sim.engine.Run.delta`), and puts them together again with :func:`full_snapshot`.
No imports of the engine here: the store uses this module without loading it.
"""

from __future__ import annotations

from typing import Any

SNAPSHOT_FORMAT = "sovsim-run-1"

# keys of a snapshot or a delta that are not part of the head
NOT_HEAD = ("visits", "history", "history_from", "base")


def head_of(data: dict[str, Any]) -> dict[str, Any]:
    """The head of a snapshot or a delta (everything but visits and history)."""
    return {k: v for k, v in data.items() if k not in NOT_HEAD}


def visits_of_path(path: list[str]) -> dict[str, int]:
    """How often each node was entered: each node on a run's path counts once."""
    visits: dict[str, int] = {}
    for node in path:
        visits[node] = visits.get(node, 0) + 1
    return visits


def full_snapshot(head: dict[str, Any], visits: dict[str, int] | None,
                  history: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole snapshot from a head and the history's steps; ``visits`` None: counted
    from the path (the opening, then every node each step entered), as the engine counts."""
    if visits is None:
        path = [str(x) for x in head.get("opening", [])]
        for s in history:
            path += s.get("entered") or [s["target"]]
        visits = visits_of_path(path)
    out = {k: v for k, v in head.items() if k not in NOT_HEAD and k != "opening"}
    out["visits"] = visits
    if "opening" in head:
        out["opening"] = head["opening"]
    out["history"] = history
    return out
