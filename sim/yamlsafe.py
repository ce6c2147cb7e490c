"""Safe YAML reading with positions: limits against hostile files, and a small
view on composed nodes that keeps every value's line and column.

Only the YAML core schema is accepted: no Python tags, no custom tags. Files are
composed (never constructed by PyYAML), so nothing in a file is ever executed.
"""

from __future__ import annotations

import difflib
import gc
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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
MAX_VALUES = 3_000_000    # values in a file, aliases expanded
MAX_ITEMS = 10_000        # items in one list
MAX_KEYS = 50_000         # entries in one mapping (a scenario's nodes)
MAX_TEXT = 20_000         # characters in one value (the longest bundled text has 3,000)

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
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            problems.add(None, "this is not a regular file (a pipe, socket or device), so it "
                               "cannot be read as a scenario")
            return None
        size = st.st_size
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


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic trees.

    Composing a file makes millions of small objects and no reference cycles; the
    collector would rescan them again and again (it costs more than the parsing).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class Mark:
    """Where a node starts (0-based, like PyYAML's marks), without PyYAML's copy of the text."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


_RESOLVERS = _Loader.yaml_implicit_resolvers


def compose(text: str, problems: Problems) -> yaml.Node | None:
    """Compose one YAML document within the limits; report problems with their position.

    The document is built from the parser's events, so the limits (nesting depth,
    items per list or mapping, values with aliases expanded) stop a hostile file at
    the point it crosses them, before it costs time or memory. Tags outside the
    core schema are reported (never constructed).
    """
    try:
        with paused_gc():
            return _Composer(text, problems).document()
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


class _Stop(Exception):
    """A limit was crossed; the problem is reported already."""


class _Composer:
    def __init__(self, text: str, problems: Problems) -> None:
        self.loader = _Loader(text)
        self.problems = problems
        self.anchors: dict[str, yaml.Node] = {}
        self.sizes: dict[str, int] = {}  # values of a finished anchored node, aliases expanded
        self.aliases = False
        self.refused = 0

    def document(self) -> yaml.Node | None:
        get = self.loader.get_event
        try:
            get()  # stream start
            if isinstance(self.loader.peek_event(), yaml.StreamEndEvent):
                self.problems.add((1, 1), "the file is empty; it should start with 'id:'")
                return None
            get()  # document start
            try:
                root = self._tree()
            except _Stop:
                return None
            get()  # document end
            if isinstance(self.loader.peek_event(), yaml.DocumentStartEvent):
                get()
                extra = self.loader.peek_event()
                self.problems.add(_pos(extra.start_mark),
                                  "the file holds more than one YAML document ('---'); "
                                  "put one scenario (or rubric) in each file")
        finally:
            self.loader.dispose()
        return None if self.refused else root

    def _stop(self, mark: Any, message: str) -> _Stop:
        self.problems.add(_pos(mark), message)
        return _Stop()

    def _refuse(self, mark: Any, message: str) -> None:
        """A value that makes the file unusable; composing goes on to find more (10 at most)."""
        if self.refused < 10:
            self.problems.add(_pos(mark), message)
        self.refused += 1

    def _anchor(self, anchor: str | None, node: yaml.Node, mark: Any) -> None:
        if anchor is None:
            return
        if anchor in self.anchors:
            first = self.anchors[anchor].start_mark
            raise self._stop(mark, f"the anchor &{anchor} is defined twice (first on line "
                                   f"{first.line + 1}); give each anchor its own name")
        self.anchors[anchor] = node

    def _tree(self) -> yaml.Node:
        """The document's root node, built iteratively (no recursion, whatever the depth).

        The hot loop of every load: one pass over the parser's events, with locals only."""
        get = self.loader.get_event
        resolvers = _RESOLVERS
        allowed = ALLOWED_TAGS
        str_tag, map_tag, seq_tag = _STD + "str", _STD + "map", _STD + "seq"
        scalar_ev, alias_ev = yaml.ScalarEvent, yaml.AliasEvent
        map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        scalar_node, map_node, seq_node = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
        # open collections: [node, its value list, is a list, pending mapping key,
        #                    values before it, anchor]
        stack: list[list[Any]] = []
        root: yaml.Node | None = None
        values = 0
        while True:
            ev = get()
            cls = type(ev)
            mark = ev.start_mark
            if cls is scalar_ev:
                values += 1
                value = ev.value
                tag = ev.tag
                if tag is None or tag == "!":
                    tag = str_tag
                    if ev.implicit[0]:
                        for t, regexp in resolvers.get(value[:1], ()):
                            if regexp.match(value):
                                tag = t
                                break
                if tag not in allowed:  # explicit, or implied (a date, a '<<' merge key)
                    self._refuse(mark, _tag_message(tag))
                if len(value) > MAX_TEXT:
                    self._refuse(mark, f"this text is {len(value):,} characters long; the "
                                       f"limit is {MAX_TEXT:,}. Split it over several lines "
                                       "or nodes")
                node: yaml.Node = scalar_node(tag, value, Mark(mark.line, mark.column), None,
                                              ev.style)
                if ev.anchor is not None:
                    self._anchor(ev.anchor, node, mark)
                    self.sizes[ev.anchor] = 1
                opened = False
            elif cls is map_start or cls is seq_start:
                values += 1
                if len(stack) >= MAX_DEPTH:
                    raise self._stop(mark, f"the YAML nests more than {MAX_DEPTH} levels deep; "
                                           "a scenario never needs that")
                is_seq = cls is seq_start
                tag = ev.tag
                if tag is None or tag == "!":
                    tag = seq_tag if is_seq else map_tag
                elif tag not in allowed:
                    self._refuse(mark, _tag_message(tag))
                items: list[Any] = []
                node = (seq_node if is_seq else map_node)(tag, items, Mark(mark.line, mark.column),
                                                          None, ev.flow_style)
                self._anchor(ev.anchor, node, mark)
                opened = True
            elif cls is alias_ev:
                anchor = ev.anchor
                if anchor not in self.anchors:
                    raise self._stop(mark, f"the alias *{anchor} refers to no anchor &{anchor} "
                                           "before it")
                if anchor not in self.sizes:
                    raise self._stop(mark, f"the alias *{anchor} lies inside the list or mapping "
                                           f"&{anchor} itself; that would never end")
                self.aliases = True
                values += self.sizes[anchor]
                node = self.anchors[anchor]
                opened = False
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                done = stack.pop()
                if done[5] is not None:
                    self.sizes[done[5]] = values - done[4]
                if not stack:
                    assert root is not None
                    return root
                continue
            else:  # pragma: no cover - the parser guarantees the event order
                raise self._stop(mark, f"unexpected YAML event {cls.__name__}")
            if values > MAX_VALUES:
                if self.aliases:
                    raise self._stop(mark, "the file's aliases (*name) expand to more than "
                                           f"{MAX_VALUES:,} values (an 'alias bomb'); remove "
                                           "the nested aliases")
                raise self._stop(mark, f"the file holds more than {MAX_VALUES:,} values; "
                                       "split it into smaller files")
            if stack:
                top = stack[-1]
                if top[2]:
                    top[1].append(node)
                    if len(top[1]) > MAX_ITEMS:
                        raise self._stop(top[0].start_mark,
                                         f"this list has more than {MAX_ITEMS:,} items; "
                                         "that is far more than a scenario needs")
                elif top[3] is None:
                    top[3] = node
                else:
                    top[1].append((top[3], node))
                    top[3] = None
                    if len(top[1]) > MAX_KEYS:
                        raise self._stop(top[0].start_mark,
                                         f"this mapping has more than {MAX_KEYS:,} entries; "
                                         "split the file")
            elif root is None:
                root = node
            if opened:
                stack.append([node, items, is_seq, None, values - 1, ev.anchor])
            elif not stack:
                return node


def _pos(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _tag_message(tag: str) -> str:
    if "python" in tag:
        return (f"the tag {tag.removeprefix(_STD)!r} is not allowed: sovsim files "
                "hold data, never code. Remove the tag")
    if tag == _STD + "timestamp":
        return "a date is not a value here; put it in quotes to make it text"
    if tag.startswith(_STD):
        return f"the YAML type {tag.removeprefix(_STD)!r} is not supported here; remove it"
    return f"the tag {tag!r} is not allowed; remove it"


def load_tree(path: Path, problems: Problems, data: bytes | None = None) -> yaml.Node | None:
    """Read, decode, compose and check a YAML file; ``None`` when it cannot be used."""
    if data is None:
        data = read_bytes(path, problems)
    if data is None:
        return None
    text = decode(data, problems)
    if text is None:
        return None
    return compose(text, problems)


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
