"""Vote counts and bars large enough to read from the back of a room.

Digits are drawn from a 3x5 pixel font with block characters: "large" makes each
pixel two cells wide and one row high (5 rows), "medium" puts two pixel rows in one
row with half blocks (3 rows). Bars are as thick as the digits beside them.
"""

from __future__ import annotations

import re
from typing import Literal

from rich.text import Text

Size = Literal["large", "medium", "small"]

ROWS: dict[Size, int] = {"large": 5, "medium": 3, "small": 1}

_FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
}
_HALF = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def digit_width(size: Size) -> int:
    """The cells one digit takes, with the gap after it."""
    return {"large": 8, "medium": 4, "small": 1}[size]


def count_width(digits: int, size: Size) -> int:
    """The cells a number of ``digits`` digits takes (no gap after the last)."""
    if size == "small":
        return digits
    gap = 2 if size == "large" else 1
    return digits * digit_width(size) - gap


def big_number(value: int, size: Size, style: str = "", width: int = 0) -> Text:
    """``value`` as ``ROWS[size]`` lines of block characters (plain digits when small),
    right-aligned in ``width`` cells (each line padded, as a table would strip them).

    The blocks and the gaps between them are separate spans (the blocks always styled),
    so that an SVG screenshot keeps the gaps at the start of a line."""
    digits = str(max(0, value))
    pad = " " * max(0, width - count_width(len(digits), size))
    if size == "small":
        return Text(pad + digits, style=style, no_wrap=True)
    glyphs = [_FONT[d] for d in digits]
    lines: list[str] = []
    if size == "large":
        for r in range(5):
            lines.append(
                "  ".join("".join("██" if p == "#" else "  " for p in g[r]) for g in glyphs)
            )
    else:
        for r in range(0, 6, 2):
            lines.append(
                " ".join(
                    "".join(
                        _HALF[(g[r][c] == "#", r + 1 < 5 and g[r + 1][c] == "#")] for c in range(3)
                    )
                    for g in glyphs
                )
            )
    out = Text(no_wrap=True, end="")
    for i, line in enumerate(lines):
        if i:
            out.append("\n")
        for run in re.findall(r" +|[^ ]+", pad + line):
            out.append(run, style=None if run[0] == " " else (style or "default"))
    return out


def thick_bar(value: float, total: float, width: int, size: Size, style: str = "") -> Text:
    """A bar of ``value`` out of ``total``, ``width`` cells wide and as high as the digits
    of ``size`` (its last row half high when they are half blocks)."""
    share = 0.0 if total <= 0 else max(0.0, min(1.0, value / total))
    full = round(share * width)
    if size == "small":
        return Text(
            "━" * full + "╌" * (width - full) if full < width else "━" * width,
            style=style,
            no_wrap=True,
            end="",
        )
    rows = ROWS[size]
    out = Text(no_wrap=True, end="")
    for r in range(rows):
        if r:
            out.append("\n")
        if full:
            out.append(("▀" if size == "medium" and r == rows - 1 else "█") * full, style=style)
        out.append(" " * (width - full))
    return out
