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
# C0 (except newline), DEL, C1, and invisible characters that can disguise text: bidi marks,
# overrides and isolates (incl. U+061C ARABIC LETTER MARK), zero-width space, word joiner and
# invisible operators, deprecated format controls, the Mongolian vowel separator, BOM/ZWNBSP,
# Hangul fillers, interlinear annotation marks and the Unicode TAG block (U+E0000-E007F).
# ZWNJ/ZWJ (U+200C/D) stay: Persian, Indic scripts and emoji need them to render correctly.
_INVISIBLE = (
    "\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f")
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "]")


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


# What a terminal would act on, or what hides text, in a *name* (a file name, a path):
# shown as a visible escape such as \x1b or \u202e, so the name stays recognisable.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f" + _INVISIBLE + "]")
# The same, but newlines and tabs pass: for whole messages that are already laid out.
_UNPRINTABLE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else (
        f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def shown_path(path: object) -> str:
    """A path or file name as it is safe to print: every control, escape or invisible
    character (newlines and tabs included) written as a visible ``\\x..`` / ``\\u....``."""
    return _UNPRINTABLE.sub(_escape, str(path))


def escape_controls(text: str) -> str:
    """``text`` for a terminal with newlines and tabs kept, everything else that a terminal
    acts on (ESC, BEL, CR, C1, bidi overrides, ...) written as a visible escape."""
    return _UNPRINTABLE_IN_TEXT.sub(_escape, text)


class SafeStream:
    """A text stream for a terminal: what is written passes through :func:`escape_controls`
    (the command line's last line of defence against names that carry escape sequences)."""

    def __init__(self, stream: object) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))  # type: ignore[attr-defined]
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
