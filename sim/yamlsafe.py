"""Safe YAML reading with positions: limits against hostile files, and a small
view on composed nodes that keeps every value's line and column.

Only the YAML core schema is accepted: no Python tags, no custom tags. Files are
composed (never constructed by PyYAML), so nothing in a file is ever executed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, ScenarioError

try:  # the C loader where present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_EXPANDED = 3_000_000

_STD = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
TYPE_NAMES = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true/false",
              "null": "nothing (empty)", "map": "a mapping (key: value lines)",
              "seq": "a list", "timestamp": "a date"}


def kind_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return TYPE_NAMES["map"]
    if isinstance(node, yaml.SequenceNode):
        return TYPE_NAMES["seq"]
    tag = node.tag.removeprefix(_STD)
    return TYPE_NAMES.get(tag, "text")


def pos(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


@dataclass
class Problems:
    """Collects problems for one file."""

    file: str
    items: list[ScenarioError] = field(default_factory=list)

    def add(self, where: yaml.Node | tuple[int, int] | None, message: str,
            severity: str = "error", code: str = "") -> None:
        if where is None:
            line, col = 0, 0
        elif isinstance(where, tuple):
            line, col = where
        else:
            line, col = pos(where)
        self.items.append(ScenarioError(self.file, line, col, message, severity, code))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)

    def sorted(self) -> list[ScenarioError]:
        return sorted(self.items, key=lambda p: (p.line, p.column))


def read_bytes(path: Path, problems: Problems) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add(None, f"the file is {size / 1e6:.1f} MB; the limit is "
                               f"{MAX_BYTES // (1024 * 1024)} MB. Split it into smaller scenarios.")
            return None
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        problems.add(None, "this is a folder, not a file")
        return None
    except FileNotFoundError:
        problems.add(None, "no such file")
        return None
    except OSError as err:
        problems.add(None, f"cannot read the file: {err.strerror or err}")
        return None
    if len(data) > MAX_BYTES:
        problems.add(None, "the file is larger than the limit of "
                           f"{MAX_BYTES // (1024 * 1024)} MB. Split it into smaller scenarios.")
        return None
    return data


def decode(data: bytes, problems: Problems) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        problems.add((line, col), f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x}); "
                                  "save it as UTF-8 in your editor")
        return None
    return text.removeprefix("\ufeff")


def compose(text: str, problems: Problems) -> yaml.Node | None:
    """Compose one YAML document; report syntax errors with their position."""
    try:
        loader = _Loader(text)
        try:
            if not loader.check_node():
                problems.add((1, 1), "the file is empty; it should start with 'id:'")
                return None
            root = loader.get_node()
            if loader.check_node():
                extra = loader.get_node()
                problems.add(extra, "the file holds more than one YAML document ('---'); "
                                    "put one scenario (or rubric) in each file")
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = err.problem or "invalid YAML"
        if "nesting depth" in what:  # newer libyaml stops deep nesting itself
            problems.add((line, col), f"the YAML nests more than {MAX_DEPTH} levels deep; "
                                      "a scenario never needs that")
            return None
        if err.context:
            what = f"{err.context}, {what}"
        problems.add((line, col), f"YAML syntax: {what}. Check the indentation and quotes here")
        return None
    except yaml.YAMLError as err:
        problems.add(None, f"YAML syntax: {err}")
        return None
    except (RecursionError, MemoryError):
        problems.add(None, "the YAML nests too deeply or is too large to read")
        return None
    return root


def check_structure(root: yaml.Node, text: str, problems: Problems) -> bool:
    """Reject tags outside the core schema, excessive nesting, and alias bombs."""
    ok = True
    has_aliases = "*" in text
    seen: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    reported_tag = 0
    while stack:
        node, depth = stack.pop()
        key = id(node)
        if key in seen:
            continue
        seen[key] = 0
        if depth > MAX_DEPTH:
            problems.add(node, f"the YAML nests more than {MAX_DEPTH} levels deep; "
                               "a scenario never needs that")
            return False
        if node.tag not in ALLOWED_TAGS:
            if reported_tag < 10:
                problems.add(node, _tag_message(node.tag))
            reported_tag += 1
            ok = False
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.append((k, depth + 1))
                stack.append((v, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                stack.append((v, depth + 1))
    if has_aliases and _expanded_size(root) > MAX_EXPANDED:
        problems.add(root, "the file's aliases (*name) expand to more than "
                           f"{MAX_EXPANDED:,} values (an 'alias bomb'); remove the nested aliases")
        return False
    return ok


def _tag_message(tag: str) -> str:
    if "python" in tag:
        return (f"the tag {tag.removeprefix(_STD)!r} is not allowed: sovsim files "
                "hold data, never code. Remove the tag")
    if tag == _STD + "timestamp":
        return "a date is not a value here; put it in quotes to make it text"
    if tag.startswith(_STD):
        return f"the YAML type {tag.removeprefix(_STD)!r} is not supported here; remove it"
    return f"the tag {tag!r} is not allowed; remove it"


def _expanded_size(root: yaml.Node) -> int:
    """Size of the node tree with aliases expanded, computed without expanding it."""
    size: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in size and not done:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                children += (k, v)
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        if done:
            total = 1 + sum(size.get(id(c), 1) for c in children)
            size[key] = min(total, MAX_EXPANDED + 1)
        else:
            size.setdefault(key, 1)
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in size)
    return size[id(root)]


def load_tree(path: Path, problems: Problems, data: bytes | None = None) -> yaml.Node | None:
    """Read, decode, compose and check a YAML file; ``None`` when it cannot be used."""
    if data is None:
        data = read_bytes(path, problems)
    if data is None:
        return None
    text = decode(data, problems)
    if text is None:
        return None
    root = compose(text, problems)
    if root is None:
        return None
    if not check_structure(root, text, problems):
        return None
    return root


# --- a typed view on composed nodes -------------------------------------------

def scalar(node: yaml.Node) -> Any:
    """The Python value of a core-schema scalar node."""
    tag = node.tag
    value = node.value
    if tag == _STD + "str":
        return value
    if tag == _STD + "int":
        return _int(value)
    if tag == _STD + "float":
        return _float(value)
    if tag == _STD + "bool":
        return value.lower() in ("true", "yes", "on", "y")
    if tag == _STD + "null":
        return None
    return value


def _int(value: str) -> int:
    v = value.replace("_", "")
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    if v.startswith("0x"):
        return sign * int(v[2:], 16)
    if v.startswith("0o"):
        return sign * int(v[2:], 8)
    if v.startswith("0b"):
        return sign * int(v[2:], 2)
    if len(v) > 18:
        raise ValueError("too large")
    return sign * int(v)


def _float(value: str) -> float:
    v = value.replace("_", "").lower()
    if v in (".inf", "+.inf", "-.inf", ".nan"):
        raise ValueError("not a finite number")
    return float(v)


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def mapping(node: yaml.Node, problems: Problems, what: str, allowed: Iterable[str] | None = None,
            required: Iterable[str] = ()) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    """Key -> (key node, value node) of a mapping, checking keys; ``None`` if not a mapping."""
    if not isinstance(node, yaml.MappingNode):
        problems.add(node, f"{what} should be a mapping (key: value lines), not {kind_name(node)}")
        return None
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    allowed_set = set(allowed) if allowed is not None else None
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            problems.add(k, f"a key in {what} must be a plain word")
            continue
        key = str(k.value)
        if key in out:
            first = pos(out[key][0])[0]
            problems.add(k, f"{key!r} appears twice in {what} (first on line {first}); "
                            "ids and keys must be unique")
            continue
        if allowed_set is not None and key not in allowed_set:
            problems.add(k, f"unknown key {key!r} in {what}{did_you_mean(key, allowed_set)}"
                            + ("" if did_you_mean(key, allowed_set) else
                               f"; allowed here: {', '.join(sorted(allowed_set))}"))
            continue
        out[key] = (k, v)
    for key in required:
        if key not in out:
            problems.add(node, f"{what} is missing {key!r}")
    return out


def fail(problems: Problems) -> ContentError:
    return ContentError(problems.sorted())
