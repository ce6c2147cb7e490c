"""The expression language of conditions, effects and routes.

A small, whitelisted language: numbers, ``true``/``false``, quoted strings,
variable names, ``visits("node")``, comparisons, ``and``/``or``/``not``,
``+ - * /`` and parentheses. Effects are ``name = expr``, ``name += expr`` or
``name -= expr``. Source text is parsed once into nested tuples (JSON-able),
checked against the declared variables, and evaluated without ``eval``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .problemtext import Msg, suggest

MAX_LENGTH = 500
MAX_DEPTH = 60
MAX_NUMBER = 10**15
MAX_TEXT_VALUE = 10_000

Node = tuple[Any, ...]
Value = int | float | bool | str


class ExprError(Exception):
    """A problem in an expression; ``column`` is 1-based within the expression text."""

    def __init__(self, message: Msg, column: int = 1) -> None:
        text = message.text("en")
        super().__init__(text)
        self.msg = message
        self.message = text  # English
        self.column = column


class EvalError(Exception):
    """A run-time problem (such as division by zero) while evaluating."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.text("en"))
        self.msg = message


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>[0-9]+(?:\.[0-9]+)?)  # ASCII digits only: no look-alikes such as ٣
  | (?P<str>"[^"\\\n]*"|'[^'\\\n]*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|\+=|-=|[<>+\-*/()=,])
  """,
    re.VERBOSE,
)

_FORBIDDEN_WORDS = {
    "lambda": Msg("expr.lambda"),
    "for": Msg("expr.loop"),
    "in": Msg("expr.in"),
    "is": Msg("expr.is"),
    "if": Msg("expr.inline", word="if"),
    "else": Msg("expr.inline", word="else"),
    "import": Msg("expr.import"),
    "None": Msg("expr.no_null", word="None"),
    "null": Msg("expr.no_null", word="null"),
    "True": Msg("expr.lower_case", word="true"),
    "False": Msg("expr.lower_case", word="false"),
}
_BAD_CHARS = {
    ".": Msg("expr.attribute"),
    "[": Msg("expr.indexing", char="["),
    "]": Msg("expr.indexing", char="]"),
    "&": Msg("expr.use_instead", word="and", char="&"),
    "|": Msg("expr.use_instead", word="or", char="|"),
    "!": Msg("expr.operator_typo", found="!", want="not", meaning=Msg("op.not")),
    "%": Msg("expr.unsupported", char="%"),
    "^": Msg("expr.unsupported", char="^"),
    ";": Msg("expr.semicolon"),
    '"': Msg("expr.unterminated"),
    "'": Msg("expr.unterminated"),
}


# Operators from other languages, or typed in the wrong order: what the author most likely
# meant, in the language's own words. Longest first, so "===" is not read as "==" and "=".
OPERATOR_TYPOS: dict[str, str] = {
    "===": "==", "!==": "!=",
    "=>": ">=", "=<": "<=", "=!": "!=", "<>": "!=", "><": "!=",
    "&&": "and", "||": "or",
    "\u2265": ">=", "\u2264": "<=", "\u2260": "!=",  # ≥ ≤ ≠
}
# In an effect "=!" is "= !" (an assignment of a negation), not a reversed "!=".
_EFFECT_TYPOS = {k: v for k, v in OPERATOR_TYPOS.items() if k != "=!"}
_TYPO_MEANING = {">=": "op.ge", "<=": "op.le", "!=": "op.ne", "==": "op.eq",
                 "and": "op.and", "or": "op.or", "not": "op.not"}
_KEYWORDS = {"and", "or", "not"}


def typo_message(found: str, want: str) -> Msg:
    """``found`` is not an operator; suggest ``want`` and say what it means."""
    return Msg("expr.operator_typo", found=found, want=want,
               meaning=Msg(_TYPO_MEANING[want]))


def _typo_at(src: str, pos: int, typos: Mapping[str, str]) -> str | None:
    for found in typos:
        if src.startswith(found, pos):
            return found
    return None


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    col: int  # 1-based


def tokenize(src: str, effect: bool = False) -> list[Token]:
    """The tokens of ``src``; a likely typo of an operator (``=>``, ``&&``) is an error that
    names the operator meant. ``effect``: ``src`` is an effect (where ``=!`` is ``= !``)."""
    if len(src) > MAX_LENGTH:
        raise ExprError(Msg("expr.too_long", limit=MAX_LENGTH), MAX_LENGTH + 1)
    typos = _EFFECT_TYPOS if effect else OPERATOR_TYPOS
    tokens: list[Token] = []
    pos = 0
    while pos < len(src):
        if (found := _typo_at(src, pos, typos)) is not None:
            raise ExprError(typo_message(found, typos[found]), pos + 1)
        m = _TOKEN.match(src, pos)
        if not m:
            ch = src[pos]
            msg = _BAD_CHARS.get(ch) or (Msg("expr.not_allowed", char=ch) if ch in "{}:@`~\\"
                                         else Msg("expr.bad_char", char=ch))
            raise ExprError(msg, pos + 1)
        kind = m.lastgroup or ""
        text = m.group()
        if kind == "name" and text in _FORBIDDEN_WORDS:
            raise ExprError(_FORBIDDEN_WORDS[text], pos + 1)
        if kind == "name" and text.lower() in _KEYWORDS and text not in _KEYWORDS:
            raise ExprError(Msg("expr.lower_case", word=text.lower()), pos + 1)
        if kind == "name" and text.startswith("__"):
            raise ExprError(Msg("expr.dunder", name=text), pos + 1)
        if kind == "num" and m.end() < len(src) and src[m.end()] == ".":
            raise ExprError(Msg("expr.attribute"), m.end() + 1)
        if kind != "ws":
            tokens.append(Token(kind, text, pos + 1))
        pos = m.end()
    tokens.append(Token("end", "", len(src) + 1))
    return tokens


_BINARY = {"or": 1, "and": 2, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
           "+": 5, "-": 5, "*": 6, "/": 6}
_KEYWORD_OPS = {"and", "or"}


class _Parser:
    def __init__(self, src: str) -> None:
        self.tokens = tokenize(src)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> Token:
        if self.tok.text != text:
            found = self.tok.text or Msg("expr.the_end")
            raise ExprError(Msg("expr.expected", want=text, found=found), self.tok.col)
        return self.advance()

    def _binop(self) -> str | None:
        t = self.tok
        if t.kind == "op" and t.text in _BINARY:
            return t.text
        if t.kind == "name" and t.text in _KEYWORD_OPS:
            return t.text
        return None

    def expression(self, min_prec: int = 0) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(Msg("expr.too_deep", depth=MAX_DEPTH), self.tok.col)
        left = self.unary()
        while (op := self._binop()) is not None and _BINARY[op] > min_prec:
            col = self.advance().col
            prec = _BINARY[op]
            # comparisons do not chain: a < b < c is an error
            right = self.expression(prec)
            if prec == 4 and self._binop() in ("==", "!=", "<", "<=", ">", ">="):
                raise ExprError(Msg("expr.chained"), self.tok.col)
            if op in ("and", "or"):
                left = (op, left, right, col)
            elif prec == 4:
                left = ("cmp", op, left, right, col)
            else:
                left = ("arith", op, left, right, col)
        self.depth -= 1
        return left

    def unary(self) -> Node:
        t = self.tok
        if t.kind == "name" and t.text == "not":
            self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExprError(Msg("expr.too_deep", depth=MAX_DEPTH), t.col)
            operand = self.expression(3)
            self.depth -= 1
            return ("not", operand, t.col)
        if t.kind == "op" and t.text == "-":
            self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExprError(Msg("expr.too_deep", depth=MAX_DEPTH), t.col)
            operand = self.unary()
            self.depth -= 1
            return ("neg", operand, t.col)
        return self.atom()

    def atom(self) -> Node:
        t = self.advance()
        if t.kind == "num":
            value = float(t.text) if "." in t.text else int(t.text)
            if value > MAX_NUMBER:
                raise ExprError(Msg("expr.number_too_large"), t.col)
            return ("lit", value, t.col)
        if t.kind == "str":
            return ("lit", t.text[1:-1], t.col)
        if t.kind == "op" and t.text == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if t.kind == "name":
            if t.text in ("true", "false"):
                return ("lit", t.text == "true", t.col)
            if t.text in ("and", "or", "not"):
                raise ExprError(Msg("expr.needs_value_before", word=t.text), t.col)
            if self.tok.text == "(":
                if t.text != "visits":
                    raise ExprError(Msg("expr.not_function", name=t.text), t.col)
                self.advance()
                arg = self.advance()
                if arg.kind != "str":
                    raise ExprError(Msg("expr.visits_arg"), arg.col)
                self.expect(")")
                return ("visits", arg.text[1:-1], t.col)
            return ("var", t.text, t.col)
        if t.kind == "end":
            raise ExprError(Msg("expr.ends_early"), t.col)
        raise ExprError(Msg("expr.unexpected", token=t.text), t.col)


def parse(src: str) -> Node:
    """Parse a condition or value expression."""
    if not isinstance(src, str):
        raise ExprError(Msg("expr.not_text"))
    return _parse(src)


@lru_cache(maxsize=8192)
def _parse(src: str) -> Node:
    """:func:`parse`, remembered: scenarios repeat their conditions, and a parse is immutable."""
    if not src.strip():
        raise ExprError(Msg("expr.empty"))
    p = _Parser(src)
    node = p.expression()
    if p.tok.kind != "end":
        t = p.tok
        if t.text == "=":
            raise ExprError(Msg("expr.single_equals"), t.col)
        raise ExprError(Msg("expr.after_end", token=t.text), t.col)
    return node


@dataclass(frozen=True, slots=True)
class Effect:
    """``target op value``; ``op`` is one of ``=``, ``+=``, ``-=``."""

    target: str
    op: str
    value: Node
    source: str

    def to_data(self) -> list[Any]:
        return [self.target, self.op, to_data(self.value), self.source]

    @classmethod
    def from_data(cls, data: list[Any]) -> Effect:
        return cls(data[0], data[1], from_data(data[2]), data[3])


def parse_effect(src: str) -> Effect:
    """Parse an effect such as ``trust += 1``."""
    if not isinstance(src, str):
        raise ExprError(Msg("expr.effect_not_text"))
    return _parse_effect(src)


@lru_cache(maxsize=8192)
def _parse_effect(src: str) -> Effect:
    if not src.strip():
        raise ExprError(Msg("expr.effect_empty"))
    tokens = tokenize(src, effect=True)
    if tokens[0].kind != "name":
        raise ExprError(Msg("expr.effect_start"), tokens[0].col)
    name = tokens[0]
    if name.text in ("true", "false", "visits", "and", "or", "not") or name.text in _FORBIDDEN_WORDS:
        raise ExprError(Msg("expr.not_assignable", name=name.text), name.col)
    op = tokens[1]
    after = src[op.col:op.col + 1] if op.text == "=" else ""
    if after in ("+", "-"):  # "x =- 1": reversed "-=" (write "x = -1" to assign a negative)
        raise ExprError(Msg("expr.effect_reversed", found="=" + after, want=after + "="),
                        op.col)
    if op.text not in ("=", "+=", "-="):
        if op.text == "==":
            raise ExprError(Msg("expr.effect_double_equals"), op.col)
        raise ExprError(Msg("expr.effect_op"), op.col)
    value_src = src[op.col - 1 + len(op.text):]
    try:
        value = parse(value_src)
    except ExprError as err:
        raise ExprError(err.msg, err.column + op.col - 1 + len(op.text)) from None
    value = _shift(value, op.col - 1 + len(op.text))
    return Effect(name.text, op.text, value, src)


def _shift(node: Node, offset: int) -> Node:
    """Move every column in ``node`` by ``offset`` (for sub-expressions)."""
    kind = node[0]
    if kind in ("lit", "var", "visits"):
        return (kind, node[1], node[2] + offset)
    if kind in ("not", "neg"):
        return (kind, _shift(node[1], offset), node[2] + offset)
    if kind in ("and", "or"):
        return (kind, _shift(node[1], offset), _shift(node[2], offset), node[3] + offset)
    return (kind, node[1], _shift(node[2], offset), _shift(node[3], offset), node[4] + offset)


# --- static checking ------------------------------------------------------

TYPE_NAMES = {"number": Msg("type.number"), "bool": Msg("type.bool"), "text": Msg("type.text")}


def _type_of_literal(v: Value) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    return "text"


def check(node: Node, variables: Mapping[str, str], nodes: Any = None) -> str:
    """Check names and types; return the expression's type. ``variables`` maps name -> type."""
    kind = node[0]
    if kind == "lit":
        return _type_of_literal(node[1])
    if kind == "var":
        if node[1] not in variables:
            raise ExprError(_unknown_name(node[1], variables), node[2])
        return variables[node[1]]
    if kind == "visits":
        if nodes is not None and node[1] not in nodes:
            raise ExprError(Msg("expr.visits_unknown", id=node[1]), node[2])
        return "number"
    if kind == "not":
        if check(node[1], variables, nodes) != "bool":
            raise ExprError(Msg("expr.not_bool"), node[2])
        return "bool"
    if kind == "neg":
        if check(node[1], variables, nodes) != "number":
            raise ExprError(Msg("expr.neg_number"), node[2])
        return "number"
    if kind in ("and", "or"):
        for side in (node[1], node[2]):
            if check(side, variables, nodes) != "bool":
                raise ExprError(Msg("expr.joins_bool", op=kind), node[3])
        return "bool"
    op, left, right, col = node[1], node[2], node[3], node[4]
    lt, rt = check(left, variables, nodes), check(right, variables, nodes)
    if kind == "cmp":
        if lt != rt:
            raise ExprError(Msg("expr.compare_types", left=TYPE_NAMES[lt], right=TYPE_NAMES[rt]),
                            col)
        if op not in ("==", "!=") and lt == "bool":
            raise ExprError(Msg("expr.compare_bool", op=op), col)
        return "bool"
    if op == "+" and lt == rt == "text":
        return "text"
    if lt != "number" or rt != "number":
        raise ExprError(Msg("expr.needs_numbers", op=op), col)
    return "number"


def check_effect(effect: Effect, variables: Mapping[str, str], nodes: Any = None) -> None:
    if effect.target not in variables:
        raise ExprError(_unknown_name(effect.target, variables), 1)
    want = variables[effect.target]
    got = check(effect.value, variables, nodes)
    if effect.op in ("+=", "-=") and want != "number" and not (want == "text" and effect.op == "+="):
        raise ExprError(Msg("expr.effect_op_numbers", op=effect.op, name=effect.target,
                            type=TYPE_NAMES[want]), len(effect.target) + 2)
    if got != want:
        raise ExprError(Msg("expr.effect_type", name=effect.target, want=TYPE_NAMES[want],
                            got=TYPE_NAMES[got]), effect.value[-1])


def _unknown_name(name: str, variables: Mapping[str, str]) -> Msg:
    hint = suggest(name, variables) or Msg("hint.declare_variable" if variables
                                           else "hint.no_variables")
    return Msg("expr.unknown_variable", name=name, hint=hint)


# --- evaluation -----------------------------------------------------------

def evaluate(node: Node, env: Mapping[str, Value], visits: Callable[[str], int]) -> Value:
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "var":
        return env[node[1]]
    if kind == "visits":
        return visits(node[1])
    if kind == "not":
        return not evaluate(node[1], env, visits)
    if kind == "neg":
        return -evaluate(node[1], env, visits)  # type: ignore[operator]
    if kind == "and":
        return bool(evaluate(node[1], env, visits)) and bool(evaluate(node[2], env, visits))
    if kind == "or":
        return bool(evaluate(node[1], env, visits)) or bool(evaluate(node[2], env, visits))
    op = node[1]
    a = evaluate(node[2], env, visits)
    b = evaluate(node[3], env, visits)
    if kind == "cmp":
        return _COMPARE[op](a, b)
    if op == "/":
        if b == 0:
            raise EvalError(Msg("eval.division_by_zero"))
        return bounded(a / b)  # type: ignore[operator]
    return bounded(_ARITH[op](a, b))


def bounded(value: Value) -> Value:
    """``value`` if it is within the language's bounds, else EvalError: numbers finite and
    at most 10^15 (floats overflow to infinity silently), texts at most 10,000 characters
    (an effect such as ``s = s + s`` in a loop would double it at every turn)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise EvalError(Msg("eval.number_too_large"))
    elif isinstance(value, str) and len(value) > MAX_TEXT_VALUE:
        raise EvalError(Msg("eval.text_too_long", limit=MAX_TEXT_VALUE))
    return value


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
}
_ARITH: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
}


def apply_effect(effect: Effect, env: Mapping[str, Value], visits: Callable[[str], int]) -> Value:
    """The new value of ``effect.target`` (not yet clamped or stored)."""
    value = evaluate(effect.value, env, visits)
    if effect.op == "=":
        return value
    old = env[effect.target]
    new = old + value if effect.op == "+=" else old - value  # type: ignore[operator]
    return bounded(new)


def names_in(node: Node) -> set[str]:
    """Variable names an expression reads."""
    kind = node[0]
    if kind == "var":
        return {node[1]}
    if kind in ("lit", "visits"):
        return set()
    if kind in ("not", "neg"):
        return names_in(node[1])
    if kind in ("and", "or"):
        return names_in(node[1]) | names_in(node[2])
    return names_in(node[2]) | names_in(node[3])


def to_data(node: Node) -> list[Any]:
    """A JSON-able form of a parsed expression (for the compiled cache)."""
    return [to_data(x) if isinstance(x, tuple) else x for x in node]


def from_data(data: Any) -> Node:
    """Rebuild a parsed expression from :func:`to_data`; rejects anything malformed."""
    if not isinstance(data, list) or not data or data[0] not in _ARITY:
        raise ValueError("malformed expression data")
    if len(data) != _ARITY[data[0]]:
        raise ValueError("malformed expression data")
    return tuple(from_data(x) if isinstance(x, list) else x for x in data)


_ARITY = {"lit": 3, "var": 3, "visits": 3, "not": 3, "neg": 3, "and": 4, "or": 4,
          "cmp": 5, "arith": 5}
