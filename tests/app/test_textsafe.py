"""Untrusted scenario text can never drive the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sim.textsafe import clean, one_line


def test_escape_sequences_and_controls_are_removed() -> None:
    raw = ("a\x1b[31mred\x1b[0m b\x1b]0;evil title\x07c \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
           " \x07bell\rx\u202eevil \x9b2J\x00nul")
    assert clean(raw) == "ared bc link bellxevil nul"


def test_markup_is_left_as_text_and_newlines_kept() -> None:
    assert clean("[b]bold[/b]\nline two\ttab") == "[b]bold[/b]\nline two    tab"
    assert one_line("  a\n  b  ") == "a b"


@given(st.text())
def test_nothing_a_terminal_acts_on_survives(s: str) -> None:
    out = clean(s)
    assert not any(ord(c) < 32 and c != "\n" for c in out)
    assert not any(0x7F <= ord(c) <= 0x9F for c in out)
    assert "\u202e" not in out and "\u2066" not in out
