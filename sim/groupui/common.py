"""What the group screens share: translated key bindings."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from .strings import CATALOG, t


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Replace each binding description that is a string key by its text in ``lang``
    (Textual copies bindings per instance, so each instance can have its own language)."""
    fresh = BindingsMap()
    for key, bindings in node._bindings.key_to_bindings.items():
        fresh.key_to_bindings[key] = [
            replace(b, description=t(b.description, lang)) if b.description in CATALOG else b
            for b in bindings]
    node._bindings = fresh
