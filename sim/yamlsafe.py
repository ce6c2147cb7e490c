"""Safe YAML reading with positions: limits against hostile files, and a small
view on composed nodes that keeps every value's line and column.

Only the YAML core schema is accepted: no Python tags, no custom tags. Files are
composed (never constructed by PyYAML), so nothing in a file is ever executed.
"""

from __future__ import annotations

import difflib
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, ScenarioError, problem
from .gcpause import paused_gc
from .problemtext import Msg, suggest
from .yamlhints import explain

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
MAX_SHOWN = 200           # problems told in full; the rest of a file's are counted

_STD = "tag:yaml.org,2002:"
_BOOL_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n"}  # YAML 1.1, any case
ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
TYPE_NAMES = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true/false",
              "null": "nothing (empty)", "map": "a mapping (key: value lines)",
              "seq": "a list", "timestamp": "a date"}


def kind_name(node: yaml.Node) -> Msg:
    """What a value is, as a message fragment ("a list", "een lijst")."""
    if isinstance(node, yaml.MappingNode):
        return Msg("kind.map")
    if isinstance(node, yaml.SequenceNode):
        return Msg("kind.seq")
    tag = node.tag.removeprefix(_STD)
    return Msg(f"kind.{tag}" if tag in TYPE_NAMES else "kind.str")


def pos(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


@dataclass
class Problems:
    """Collects problems for one file: the first :data:`MAX_SHOWN` in full, the rest
    only counted (a hostile file with 50,000 errors is told in 200 lines, fast)."""

    file: str
    items: list[ScenarioError] = field(default_factory=list)
    more_errors: int = 0
    more_warnings: int = 0
    misplaced: set[int] = field(default_factory=set)  # lines of keys indented too far

    def add(self, where: yaml.Node | tuple[int, int] | None, message: str | Msg,
            severity: str = "error", code: str = "") -> None:
        if len(self.items) >= MAX_SHOWN:
            if severity == "error":
                self.more_errors += 1
            else:
                self.more_warnings += 1
            return
        if where is None:
            line, col = 0, 0
        elif isinstance(where, tuple):
            line, col = where
        else:
            line, col = pos(where)
        if self.misplaced and line in self.misplaced:
            return  # what is read from a line indented too far follows from that mistake
        if isinstance(message, Msg) and message.key == "map.key_too_deep":
            self.misplaced.add(line)
        self.items.append(problem(self.file, line, col, message, severity, code))

    @property
    def full(self) -> bool:
        """True once further problems are only counted."""
        return len(self.items) >= MAX_SHOWN

    @property
    def has_errors(self) -> bool:
        return self.more_errors > 0 or any(p.severity == "error" for p in self.items)

    def sorted(self) -> list[ScenarioError]:
        """The problems kept, in file order; then one line that counts the rest."""
        out = sorted(self.items, key=lambda p: (p.line, p.column))
        if self.more_errors or self.more_warnings:
            out.append(more_problems(self.file, self.more_errors, self.more_warnings))
        return out


MORE_KEY = "load.more_problems"


def more_problems(file: str, errors: int, warnings: int) -> ScenarioError:
    """The last line of a long list: "... and 49,800 more problems" (counts in its Msg)."""
    return problem(file, 0, 0, Msg(MORE_KEY, n=errors + warnings, errors=errors,
                                   warnings=warnings, shown=MAX_SHOWN),
                   "error" if errors else "warning")


def problem_counts(problems: Iterable[ScenarioError]) -> tuple[int, int]:
    """(errors, warnings) in a list of problems, the counted rest included."""
    errors = warnings = 0
    for p in problems:
        if p.key == MORE_KEY and p.msg is not None:
            errors += p.msg.params.get("errors", 0)
            warnings += p.msg.params.get("warnings", 0)
        elif p.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def capped(problems: list[ScenarioError]) -> list[ScenarioError]:
    """``problems`` with at most :data:`MAX_SHOWN` shown and the rest counted in one line
    (for lists that are joined from several checks, such as the loader's and lint's)."""
    shown = [p for p in problems if p.key != MORE_KEY]
    if len(shown) <= MAX_SHOWN and len(shown) == len(problems):
        return problems
    errors, warnings = problem_counts(problems)
    kept = shown[:MAX_SHOWN]
    kept_errors = sum(p.severity == "error" for p in kept)
    rest_errors, rest_warnings = errors - kept_errors, warnings - (len(kept) - kept_errors)
    if rest_errors or rest_warnings:
        kept.append(more_problems(problems[0].file, rest_errors, rest_warnings))
    return kept


def read_bytes(path: Path, problems: Problems) -> bytes | None:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            problems.add(None, Msg("file.not_regular"))
            return None
        size = st.st_size
        if size > MAX_BYTES:
            problems.add(None, Msg("file.too_large", mb=size / 1e6,
                                   limit=MAX_BYTES // (1024 * 1024)))
            return None
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        problems.add(None, Msg("file.folder"))
        return None
    except FileNotFoundError:
        problems.add(None, Msg("file.missing"))
        return None
    except OSError as err:
        problems.add(None, Msg("file.unreadable", reason=_os_reason(err)))
        return None
    if len(data) > MAX_BYTES:
        problems.add(None, Msg("file.over_limit", limit=MAX_BYTES // (1024 * 1024)))
        return None
    return data


def _os_reason(err: OSError) -> Msg | str:
    """Why the system could not read a file: in the catalog's words for the common
    reasons (``os.<errno name>``), else as the system says it."""
    import errno

    from .problem_catalog import MESSAGES

    text = str(err.strerror or err)
    key = f"os.{errno.errorcode.get(err.errno or 0, '')}"
    return Msg(key, text=text) if key in MESSAGES else text


def decode(data: bytes, problems: Problems) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        problems.add((line, col), Msg("file.not_utf8", byte=f"0x{data[err.start]:02x}"))
        return None
    return text.removeprefix("\ufeff")


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
            problems.add((line, col), Msg("yaml.too_deep", depth=MAX_DEPTH))
            return None
        cmark = err.context_mark if err.context else None
        hint = explain(text, line, col, what, err.context or "",
                       cmark.line + 1 if cmark else 0, cmark.column + 1 if cmark else 0)
        if hint is not None:
            problems.add((hint.line, hint.column), hint.msg)
            return None
        detail: Msg | str = _yaml_words(what)
        if err.context:
            detail = Msg("yaml.context", context=_yaml_words(err.context), problem=detail)
        problems.add((line, col), Msg("yaml.syntax", detail=detail))
        return None
    except yaml.YAMLError as err:
        problems.add(None, Msg("yaml.syntax_plain", detail=str(err)))
        return None
    except (RecursionError, MemoryError):
        problems.add(None, Msg("yaml.too_deep_or_large"))
        return None


def _yaml_words(text: str) -> Msg | str:
    """A message of the YAML library in the catalog's words where it has them
    (``libyaml.<message>``), else as the library wrote it."""
    from .problem_catalog import MESSAGES

    key = "libyaml." + text
    return Msg(key) if key in MESSAGES else text


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
                self.problems.add((1, 1), Msg("yaml.empty"))
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
                self.problems.add(_pos(extra.start_mark), Msg("yaml.many_documents"))
        finally:
            self.loader.dispose()
        return None if self.refused else root

    def _stop(self, mark: Any, message: Msg) -> _Stop:
        self.problems.add(_pos(mark), message)
        return _Stop()

    def _refuse(self, mark: Any, message: Msg) -> None:
        """A value that makes the file unusable; composing goes on to find more (10 at most)."""
        if self.refused < 10:
            self.problems.add(_pos(mark), message)
        self.refused += 1

    def _anchor(self, anchor: str | None, node: yaml.Node, mark: Any) -> None:
        if anchor is None:
            return
        if anchor in self.anchors:
            first = self.anchors[anchor].start_mark
            raise self._stop(mark, Msg("yaml.anchor_twice", anchor=anchor, first=first.line + 1))
        self.anchors[anchor] = node

    def _tree(self) -> yaml.Node:
        """The document's root node, built iteratively (no recursion, whatever the depth).

        The hot loop of every load: one pass over the parser's events, with locals only."""
        get = self.loader.get_event
        resolvers = _RESOLVERS
        allowed = ALLOWED_TAGS
        str_tag, map_tag, seq_tag = _STD + "str", _STD + "map", _STD + "seq"
        bool_tag = _STD + "bool"
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
                elif tag == bool_tag and value.lower() not in _BOOL_WORDS:  # !!bool "misschien"
                    self._refuse(mark, Msg("yaml.bool_value", value=value[:40]))
                if len(value) > MAX_TEXT:
                    self._refuse(mark, Msg("yaml.text_too_long", n=len(value), limit=MAX_TEXT))
                node: yaml.Node = scalar_node(tag, value, Mark(mark.line, mark.column), None,
                                              ev.style)
                if ev.anchor is not None:
                    self._anchor(ev.anchor, node, mark)
                    self.sizes[ev.anchor] = 1
                opened = False
            elif cls is map_start or cls is seq_start:
                values += 1
                if len(stack) >= MAX_DEPTH:
                    raise self._stop(mark, Msg("yaml.too_deep", depth=MAX_DEPTH))
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
                    raise self._stop(mark, Msg("yaml.alias_unknown", anchor=anchor))
                if anchor not in self.sizes:
                    raise self._stop(mark, Msg("yaml.alias_inside", anchor=anchor))
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
                raise self._stop(mark, Msg("yaml.event", event=cls.__name__))
            if values > MAX_VALUES:
                if self.aliases:
                    raise self._stop(mark, Msg("yaml.alias_bomb", limit=MAX_VALUES))
                raise self._stop(mark, Msg("yaml.too_many_values", limit=MAX_VALUES))
            if stack:
                top = stack[-1]
                if top[2]:
                    top[1].append(node)
                    if len(top[1]) > MAX_ITEMS:
                        raise self._stop(top[0].start_mark,
                                         Msg("yaml.too_many_items", limit=MAX_ITEMS))
                elif top[3] is None:
                    top[3] = node
                else:
                    top[1].append((top[3], node))
                    top[3] = None
                    if len(top[1]) > MAX_KEYS:
                        raise self._stop(top[0].start_mark,
                                         Msg("yaml.too_many_keys", limit=MAX_KEYS))
            elif root is None:
                root = node
            if opened:
                stack.append([node, items, is_seq, None, values - 1, ev.anchor])
            elif not stack:
                return node


def _pos(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _tag_message(tag: str) -> Msg:
    if "python" in tag:
        return Msg("yaml.tag_python", tag=tag.removeprefix(_STD))
    if tag == _STD + "timestamp":
        return Msg("yaml.date")
    if tag.startswith(_STD):
        return Msg("yaml.type_unsupported", type=tag.removeprefix(_STD))
    return Msg("yaml.tag", tag=tag)


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
    """The English "did you mean" suffix (for command-line usage errors); see
    :func:`sim.problemtext.suggest` for problems."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def mapping(node: yaml.Node, problems: Problems, what: str | Msg,
            allowed: Iterable[str] | None = None,
            required: Iterable[str] = ()) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    """Key -> (key node, value node) of a mapping, checking keys; ``None`` if not a mapping."""
    if not isinstance(node, yaml.MappingNode):
        problems.add(node, Msg("map.not_mapping", what=what, kind=kind_name(node)))
        return None
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    allowed_set = set(allowed) if allowed is not None else None
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            problems.add(k, Msg("map.key_not_word", what=what))
            continue
        key = str(k.value)
        if key in out:
            first = pos(out[key][0])[0]
            problems.add(k, Msg("map.key_twice", key=key, what=what, first=first))
            continue
        if allowed_set is not None and key not in allowed_set:
            if problems.full:  # only counted: no suggestion to look for
                problems.add(k, "")
                continue
            problems.add(k, Msg("map.unknown_key", key=key, what=what,
                                hint=suggest(key, allowed_set)
                                or Msg("hint.allowed", allowed=", ".join(sorted(allowed_set)))))
            continue
        out[key] = (k, v)
    for key in required:
        if key not in out:
            problems.add(*_missing(node, out, key, what))
    return out


def _missing(node: yaml.Node, found: dict[str, tuple[yaml.Node, yaml.Node]], key: str,
             what: str | Msg) -> tuple[tuple[int, int] | yaml.Node, Msg]:
    """Where and how to report a missing ``key``: a key indented too far is read as part
    of the mapping above it, so it is found one level down and reported there, where it
    needs moving, rather than as missing at the start of the mapping."""
    for parent, (pkey, pvalue) in found.items():
        if not isinstance(pvalue, yaml.MappingNode):
            continue
        for k, _ in pvalue.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                line, _ = pos(k)
                return pos(k), Msg("map.key_too_deep", key=key, line=line, parent=parent,
                                   parent_line=pos(pkey)[0], what=what, column=pos(pkey)[1])
    return node, Msg("map.missing", what=what, key=key)


def fail(problems: Problems) -> ContentError:
    return ContentError(problems.sorted())
