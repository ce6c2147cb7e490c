"""Translated key bindings: BINDINGS carry i18n keys as descriptions; each node shows them in
the app's language (Textual copies bindings per instance, so each instance can be translated)."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from ..i18n import has_key, t


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Replace each binding description that is an i18n key by its text in ``lang``."""
    originals: dict[tuple[str, str], str] = node.__dict__.setdefault("_sovsim_binding_keys", {})
    fresh = BindingsMap()
    for key, bindings in node._bindings.key_to_bindings.items():
        out = []
        for b in bindings:
            ident = (key, b.action)
            desc = originals.get(ident, b.description)
            if has_key(desc):
                originals[ident] = desc
                b = replace(b, description=t(desc, lang),
                            tooltip=t(desc, lang) if b.tooltip else b.tooltip)
            out.append(b)
        fresh.key_to_bindings[key] = out
    node._bindings = fresh
