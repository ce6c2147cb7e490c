"""What a YAML syntax error most likely means, in an author's words.

The YAML library reports where it got stuck ("while parsing a block mapping, did not
find expected key"), which is rarely where or what the author did wrong. The common
causes are a tab in the indentation, a key indented further or less far than the keys
it belongs with, and a ``: `` inside a text without quotes. :func:`explain` recognises
them from the text of the file and the library's marks, and says what to change at the
line and column where the change is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problemtext import Msg

_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML 1.1's line breaks
_KEY = re.compile(r"(?:- +)*([^\s#'\"{\[][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Hint:
    """A clearer message for a syntax error, and where (1-based) to show it."""

    line: int
    column: int
    msg: Msg


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based
    indent: int  # 0-based column of the first character that is not a space or "- "
    key: str  # the key the line starts with, or ""
    colon: int = 0  # 1-based column of the key's ':'
    value: bool = False  # something follows the key's ':' on this line


def _content(lines: list[str], number: int) -> _Line | None:
    """Line ``number`` (1-based) as an author sees it; None when blank or a comment."""
    if not 1 <= number <= len(lines):
        return None
    raw = lines[number - 1]
    stripped = raw.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    body = stripped
    while body.startswith("- ") or body == "-":
        body = body[1:].lstrip(" ")
    indent = len(raw) - len(body)
    m = _KEY.match(body)
    if not m:
        return _Line(number, indent, "")
    colon = body.index(":", m.end(1))
    rest = body[colon + 1:].split(" #")[0].strip()
    return _Line(number, indent, m.group(1).strip("'\""), indent + colon + 1, bool(rest))


def _above(lines: list[str], number: int) -> _Line | None:
    """The nearest line above ``number`` with content."""
    for n in range(number - 1, 0, -1):
        found = _content(lines, n)
        if found is not None:
            return found
    return None


def _tab(lines: list[str], line: int, column: int) -> Hint | None:
    """A tab at the error, or in the indentation of its line."""
    if not 1 <= line <= len(lines):
        return None
    raw = lines[line - 1]
    if 0 <= column - 1 < len(raw) and raw[column - 1] == "\t":
        col = column
    else:
        lead = raw[: len(raw) - len(raw.lstrip(" \t-"))]
        if "\t" not in lead:
            return None
        col = lead.index("\t") + 1
    return Hint(line, col, Msg("yaml.tab", line=line, column=col))


def explain(text: str, line: int, column: int, problem: str) -> Hint | None:
    """A clearer message for the library's ``problem`` at ``line`` and ``column``
    (1-based), or None when the error is none of the common mistakes."""
    lines = _BREAKS.split(text)
    if "tab" in problem or "cannot start any token" in problem:
        found = _tab(lines, line, column)
        if found is not None:
            return found
    here = _content(lines, line)
    if here is None:
        return None
    if problem.startswith("mapping values are not allowed"):
        above = _above(lines, line)
        if here.key and here.colon == column and above is not None and above.value \
                and here.indent > above.indent:
            return Hint(line, here.indent + 1, Msg(
                "yaml.indent_continues_text", key=here.key, line=line, column=here.indent + 1,
                above=above.key, above_line=above.number, above_column=above.indent + 1))
        return Hint(line, column, Msg("yaml.colon_in_text"))
    if problem in ("did not find expected key", "did not find expected '-' indicator"):
        above = _above(lines, line)
        if above is None or not here.key:
            return None
        if here.indent > above.indent:
            return Hint(line, here.indent + 1, Msg(
                "yaml.indent_too_far", key=here.key, line=line, column=here.indent + 1,
                above=above.key or "-", above_line=above.number,
                above_column=above.indent + 1))
        return Hint(line, here.indent + 1, Msg(
            "yaml.indent_lines_up_with_nothing", key=here.key, line=line,
            column=here.indent + 1, above=above.key or "-", above_line=above.number,
            above_column=above.indent + 1))
    return None
