"""Problem messages as data: a key and its parameters, shown in Dutch or English.

A :class:`Msg` names a template in :mod:`sim.problem_catalog` and carries the
values to fill in. A value may itself be a :class:`Msg` (a fragment such as "the
text of choice 'a' of node 'begin'"), rendered in the same language. Ids, keys and
values from the file are passed as plain values and shown verbatim (``{id!r}``).
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable
from typing import Any

from .problem_catalog import MESSAGES

DEFAULT_LANG = "nl"


class Msg:
    """One message (or fragment): a catalog key and its parameters."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang`` ("nl" or "en"); an unknown key shows itself."""
        entry = MESSAGES.get(self.key)
        if entry is None:
            return self.key
        template = entry[1] if lang == "en" else entry[0]
        values = {k: (v.text(lang) if isinstance(v, Msg) else v) for k, v in self.params.items()}
        return _Formatter(lang).format(template, **values)

    def to_data(self) -> dict[str, Any]:
        """A JSON-able form (for caches and ``--json`` outputs)."""
        return {"key": self.key,
                "params": {k: v.to_data() if isinstance(v, Msg) else v
                           for k, v in self.params.items()}}

    @classmethod
    def from_data(cls, data: Any) -> Msg | None:
        if not isinstance(data, dict) or not isinstance(data.get("key"), str):
            return None
        params = {}
        for k, v in (data.get("params") or {}).items():
            params[k] = cls.from_data(v) if isinstance(v, dict) else v
        return cls(data["key"], **params)

    def keys(self) -> set[str]:
        """This key and those of every fragment in it."""
        out = {self.key}
        for v in self.params.values():
            if isinstance(v, Msg):
                out |= v.keys()
        return out

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Msg) and self.key == other.key
                and self.params == other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.params!r})"

    def __str__(self) -> str:
        return self.text("en")


class MessageError(Exception):
    """An error whose message is a :class:`Msg` (or plain text): ``str(err)`` is the
    English, :func:`error_text` the user's language."""

    def __init__(self, message: Msg | str) -> None:
        self.msg = message if isinstance(message, Msg) else None
        super().__init__(str(message))


def error_text(err: BaseException, lang: str = DEFAULT_LANG) -> str:
    """An error's message in ``lang`` when it carries a :class:`Msg`, else as it is."""
    msg = getattr(err, "msg", None)
    return msg.text(lang) if isinstance(msg, Msg) else str(err)


class _Formatter(string.Formatter):
    """str.format, with Dutch digit grouping (1.000.000) and decimal commas in Dutch."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        out = super().format_field(value, format_spec)
        if self.lang != "en" and isinstance(value, int | float) and (
                "," in format_spec or isinstance(value, float)):
            out = out.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return out


def render(message: str | Msg, lang: str) -> str:
    return message.text(lang) if isinstance(message, Msg) else message


def suggest(word: str, options: Iterable[str]) -> Msg | str:
    """A "did you mean" fragment for the closest option, or "" when none is close."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return Msg("hint.did_you_mean", word=close[0]) if close else ""


def severity_word(severity: str, lang: str) -> str:
    return Msg(f"severity.{severity}").text(lang) if f"severity.{severity}" in MESSAGES \
        else severity
