"""Make untrusted text safe to show in a terminal: no escape sequences, no control characters."""

from __future__ import annotations

import re

# CSI / OSC / other escape sequences first, so their printable tails go too.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"           # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"     # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"                     # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"             # 8-bit CSI
)
# C0 (except newline), DEL, C1, and invisible direction overrides that can disguise text.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with terminal escape sequences and control characters removed.

    Tabs become spaces and Windows line ends become plain newlines; everything
    else that a terminal would act on instead of print is dropped.
    """
    text = text.replace("\r\n", "\n").replace("\t", "    ")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """``clean(text)`` folded onto a single line."""
    return " ".join(clean(text).split())
