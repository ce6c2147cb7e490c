"""What the group screens share: translated key bindings, where exports go."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.binding import BindingsMap
from textual.dom import DOMNode

from .strings import CATALOG, t


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Show each binding whose description is a string key in ``lang`` (Textual copies
    bindings per instance, so each can have its own language; the keys are remembered,
    so translating again into another language works)."""
    originals: dict[tuple[str, str], str] = node.__dict__.setdefault("_group_binding_keys", {})
    fresh = BindingsMap()
    for key, bindings in node._bindings.key_to_bindings.items():
        out = []
        for b in bindings:
            desc = originals.get((key, b.action), b.description)
            if desc in CATALOG:
                originals[(key, b.action)] = desc
                b = replace(b, description=t(desc, lang))
            out.append(b)
        fresh.key_to_bindings[key] = out
    node._bindings = fresh


def exports_dir(owner: Any) -> Path:
    """Where the trainer's exports go: the ``exports`` folder in the data folder (where the
    trainee's debrief exports go too), whatever the current folder. ``owner``: a store, or
    something that holds one (a plenary, a trainer's view of a session)."""
    store = getattr(owner, "store", None) or getattr(owner, "_store", None) or owner
    path = getattr(store, "path", None)
    base = Path(path).parent if path is not None else Path.home()
    return base / "exports"
