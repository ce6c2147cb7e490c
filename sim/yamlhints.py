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
    return _Line(number, indent, _short(m.group(1).strip("'\"")), indent + colon + 1,
                 bool(rest))


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


def _short(text: str, limit: int = 60) -> str:
    """``text`` as shown in a message: at most ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _outline(lines: list[str], number: int) -> list[_Line]:
    """The keys a line could belong with: going up from it, each line that starts further
    left than every line between (the enclosing keys, nearest first)."""
    out: list[_Line] = []
    least = 10**9
    for n in range(number - 1, 0, -1):
        found = _content(lines, n)
        if found is not None and found.key and found.indent < least:
            out.append(found)
            least = found.indent
            if least == 0:
                break
    return out


def _dash(lines: list[str], number: int) -> int:
    """0-based column of the '-' a list item line starts with, or -1."""
    raw = lines[number - 1] if 1 <= number <= len(lines) else ""
    body = raw.lstrip(" ")
    return len(raw) - len(body) if body.startswith("- ") or body == "-" else -1


def _open_quote(raw: str) -> int:
    """0-based column of a quote opened on this line and not closed, or -1."""
    quote, start, i = "", -1, 0
    while i < len(raw):
        ch = raw[i]
        if not quote and ch == "#" and (i == 0 or raw[i - 1] == " "):
            break  # a comment
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if quote and ch == quote:
            if quote == "'" and raw[i + 1:i + 2] == "'":  # '' inside '...'
                i += 2
                continue
            quote = ""
        elif not quote and ch in "\"'" and raw[:i].rstrip()[-1:] in ("", ":", "-", "[",
                                                                   "{", ","):
            quote, start = ch, i  # a quote opens a value only where a value begins
        i += 1
    return start if quote else -1


def _indentation(lines: list[str], here: _Line) -> Hint | None:
    """A key (or list item) that does not line up with those it belongs with."""
    line = here.number
    dash = _dash(lines, line)
    if dash >= 0:  # a list item: its '-' lines up with the '-' of the items above
        for n in range(line - 1, 0, -1):
            other = _dash(lines, n)
            content = _content(lines, n)
            if other >= 0 and other != dash and (content is None or content.indent > dash
                                                  or other < dash):
                return Hint(line, dash + 1, Msg(
                    "yaml.dash_misaligned", line=line, column=dash + 1, above_line=n,
                    above_column=other + 1))
            if other == dash or (content is not None and content.indent < min(dash, other)):
                break
    above = _above(lines, line)
    if above is None or not here.key:
        return None
    if here.indent > above.indent:
        return Hint(line, here.indent + 1, Msg(
            "yaml.indent_too_far", key=here.key, line=line, column=here.indent + 1,
            above=above.key or "-", above_line=above.number, above_column=above.indent + 1))
    if here.indent == above.indent:
        return None  # lined up: the cause is elsewhere (an unclosed quote or bracket above)
    keys = _outline(lines, line)
    if not keys:
        return None
    near = min(keys, key=lambda k: (abs(k.indent - here.indent), k.indent))
    return Hint(line, here.indent + 1, Msg(
        "yaml.indent_lines_up_with_nothing", key=here.key, line=line, column=here.indent + 1,
        above=near.key, above_line=near.number, above_column=near.indent + 1))


def explain(text: str, line: int, column: int, problem: str, context: str = "",
            context_line: int = 0, context_column: int = 0) -> Hint | None:
    """A clearer message for the library's ``problem`` (with its ``context`` and where
    that started) at ``line`` and ``column`` (1-based), or None when the error is none
    of the common mistakes."""
    lines = _BREAKS.split(text)
    if "tab" in problem or "cannot start any token" in problem:
        found = _tab(lines, line, column)
        if found is not None:
            return found
    # a quote left open on a line above swallows the lines after it
    for n in range(line - 1, max(0, line - 3), -1):
        if 1 <= n <= len(lines) and (col := _open_quote(lines[n - 1])) >= 0:
            return Hint(n, col + 1, Msg("yaml.unclosed_quote", quote=lines[n - 1][col],
                                        line=n, column=col + 1))
    if context.startswith("while parsing a flow") and context_line and problem.startswith(
            "did not find expected ','"):
        if context_line != line:
            closing = "]" if "sequence" in context else "}"
            return Hint(context_line, context_column, Msg(
                "yaml.unclosed_bracket", opening="[" if closing == "]" else "{",
                closing=closing, line=context_line, column=context_column))
        return Hint(line, column, Msg("yaml.colon_in_text"))
    if context == "while scanning a simple key" and problem == "could not find expected ':'" \
            and context_line:
        raw = lines[context_line - 1] if context_line <= len(lines) else ""
        words = raw.strip().split(None, 1)
        if len(words) == 2 and ":" not in words[0]:
            return Hint(context_line, context_column, Msg(
                "yaml.missing_colon", line=context_line, key=_short(words[0]),
                fixed=_short(f"{words[0]}: {words[1]}")))
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
        return _indentation(lines, here)
    return None
