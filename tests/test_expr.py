"""The expression language: what it accepts, what it refuses, and that arbitrary
input only ever raises its own error."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import expr

ENV = {"trust": 4, "tension": 7, "filmed": False, "name": "Ria"}
TYPES = {"trust": "number", "tension": "number", "filmed": "bool", "name": "text"}


def ev(src: str) -> object:
    node = expr.parse(src)
    expr.check(node, TYPES, {"start"})
    return expr.evaluate(node, ENV, lambda n: 2 if n == "start" else 0)


@pytest.mark.parametrize("src,value", [
    ("trust >= 3", True), ("trust >= 3 and tension < 5", False), ("not filmed", True),
    ("trust + tension * 2", 18), ("(trust + tension) * 2", 22), ("-trust + 10", 6),
    ("tension / 2", 3.5), ('name == "Ria"', True), ("name != 'Ria'", False),
    ('visits("start") == 2', True), ("trust > 3 or filmed", True), ("not (trust > 3)", False),
    ("true and not false", True), ("1.5 < 2", True), ('name + "!" == "Ria!"', True),
])
def test_evaluates(src: str, value: object) -> None:
    assert ev(src) == value


@pytest.mark.parametrize("src,message,col", [
    ("trust.__class__", "attribute access", 6),
    ("trust[0]", "indexing", 6),
    ("open('x')", "'open' is not a function here", 1),
    ("__import__", "names starting with '__'", 1),
    ("lambda: 1", "lambdas", 1),
    ("[x for x in trust]", "indexing", 1),
    ("trust = 3", "use '=='", 7),
    ("1 < trust < 3", "cannot be chained", 11),
    ("(trust", "expected ')'", 7),
    ("trust >=", "ends too early", 9),
    ("trust ; 1", "only one expression", 7),
    ('"open', "unterminated string", 1),
    ("visits(start)", "one quoted node id", 8),
    ("trust is 3", "'is' is not supported", 7),
    ("None", "there is no None", 1),
    ("", "empty", 1),
])
def test_refuses_with_column(src: str, message: str, col: int) -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse(src)
    assert message in err.value.message
    assert err.value.column == col


@pytest.mark.parametrize("src,message", [
    ("trust and filmed", "joins true/false"),
    ("trust == name", "cannot compare"),
    ("filmed + 1", "needs numbers"),
    ("not trust", "'not' needs"),
    ("unknown > 1", "unknown variable 'unknown'"),
    ("trus > 1", "did you mean 'trust'"),
    ('visits("elsewhere") > 0', "no node with id 'elsewhere'"),
    ("filmed < true", "compares numbers or text"),
])
def test_type_and_name_checks(src: str, message: str) -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.check(expr.parse(src), TYPES, {"start"})
    assert message in err.value.message


def test_effects() -> None:
    e = expr.parse_effect("trust += tension - 5")
    expr.check_effect(e, TYPES)
    assert expr.apply_effect(e, ENV, lambda n: 0) == 6
    assert expr.apply_effect(expr.parse_effect("filmed = not filmed"), ENV, lambda n: 0) is True
    with pytest.raises(expr.ExprError, match="holds a number"):
        expr.check_effect(expr.parse_effect("trust = true"), TYPES)
    with pytest.raises(expr.ExprError, match="works on numbers"):
        expr.check_effect(expr.parse_effect("filmed += 1"), TYPES)
    with pytest.raises(expr.ExprError, match="cannot be assigned"):
        expr.parse_effect("visits = 1")


def test_runtime_errors_are_the_languages_own() -> None:
    with pytest.raises(expr.EvalError, match="division by zero"):
        expr.evaluate(expr.parse("trust / (tension - 7)"), ENV, lambda n: 0)
    big = " * ".join(["100000"] * 5)
    with pytest.raises(expr.EvalError, match="too large"):
        expr.evaluate(expr.parse(big), ENV, lambda n: 0)


def test_round_trip_through_data() -> None:
    node = expr.parse('not (trust >= 3 and visits("start") > 1) or name == "x"')
    assert expr.from_data(expr.to_data(node)) == node
    with pytest.raises(ValueError):
        expr.from_data(["call", "os.system"])


def test_length_and_depth_limits() -> None:
    with pytest.raises(expr.ExprError, match="longer than"):
        expr.parse("1 + " * 200 + "1")
    with pytest.raises(expr.ExprError, match="nests deeper"):
        expr.parse("(" * 100 + "1" + ")" * 100)
    with pytest.raises(expr.ExprError, match="nests deeper"):
        expr.parse("not " * 100 + "true")


ALPHABET = st.sampled_from(list("abt()[]{}.,;:=<>!+-*/%&|^~ \"'\\_0123456789") +
                           ["trust", "and", "or", "not", "visits", "true", "__", "lambda", "\n", "é"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_fuzz_parse_only_raises_expr_error(src: str) -> None:
    try:
        node = expr.parse(src)
    except expr.ExprError as err:
        assert err.column >= 1
        return
    try:
        kind = expr.check(node, TYPES, {"start"})
    except expr.ExprError:
        return
    try:
        value = expr.evaluate(node, ENV, lambda n: 1)
    except expr.EvalError:
        return
    assert kind in ("number", "bool", "text")
    assert isinstance(value, int | float | bool | str)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_any_text(src: str) -> None:
    for fn in (expr.parse, expr.parse_effect):
        with contextlib.suppress(expr.ExprError):
            fn(src)


# -- the nesting and size limits, reached on purpose (attack.md 1a: 61 unary minus signs
# -- crashed with AttributeError because the random fuzzers above never got that deep) --

WRAPS = {"paren": ("(", ")"), "not": ("not ", ""), "neg": ("-", ""), "negparen": ("-(", ")"),
         "notparen": ("not (", ")")}


def wrapped(wraps: list[str], leaf: str) -> str:
    return "".join(WRAPS[w][0] for w in wraps) + leaf + "".join(
        WRAPS[w][1] for w in reversed(wraps))


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_nesting_limit_is_an_expr_error_for_every_kind_of_nesting(wrap: str) -> None:
    """Just below the limit parses; one wrap too many is a bilingual ExprError, never a crash."""
    depths = []
    for n in range(1, 2 * expr.MAX_DEPTH + 5):
        try:
            expr.parse(wrapped([wrap] * n, "1"))
        except expr.ExprError as err:
            assert "nests deeper" in str(err)
            assert "genest" in err.msg.text("nl")
            assert err.column >= 1
            depths.append(n)
            break
    assert depths, f"{wrap} nesting never reached the limit"
    assert depths[0] >= expr.MAX_DEPTH // 3  # "not (" costs three levels


def test_sixty_one_unary_minus_signs() -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse("-" * 61 + "trust > 1")
    assert err.value.msg.key == "expr.too_deep"
    assert expr.parse("-" * 59 + "trust > 1")[0] == "cmp"


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(sorted(WRAPS)), min_size=20, max_size=140),
       st.sampled_from(["1", "trust", "filmed", "trust > 2", '"x"']))
def test_fuzz_deep_nesting_reaches_the_limit(wraps: list[str], leaf: str) -> None:
    """Deliberately deep: from well below to far beyond MAX_DEPTH and MAX_LENGTH."""
    src = wrapped(wraps, leaf)
    try:
        node = expr.parse(src)
    except expr.ExprError as err:
        assert err.column >= 1 and err.msg.text("nl") and err.msg.text("en")
        return
    with contextlib.suppress(expr.ExprError):
        expr.check(node, TYPES, {"start"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["trust", "1", "tension", "(trust)", "-2"]),
                min_size=60, max_size=160),
       st.sampled_from([" + ", " * ", " - ", " and ", " or "]))
def test_fuzz_long_expressions_reach_the_size_limit(terms: list[str], op: str) -> None:
    src = op.join(terms)
    try:
        expr.parse(src)
    except expr.ExprError as err:
        assert err.column >= 1 and err.msg.text("nl")
        if len(src) > expr.MAX_LENGTH:
            assert err.msg.key == "expr.too_long"
        return
    assert len(src) <= expr.MAX_LENGTH
# -- likely operator typos name the operator meant (authorday) ----------------------------

@pytest.mark.parametrize("src,found,want,col", [
    ("trust => 3", "=>", ">=", 7),
    ("trust =< 3", "=<", "<=", 7),
    ("trust =! 3", "=!", "!=", 7),
    ("trust <> 3", "<>", "!=", 7),
    ("trust >< 3", "><", "!=", 7),
    ("trust === 3", "===", "==", 7),
    ("trust !== 3", "!==", "!=", 7),
    ("filmed && trust > 1", "&&", "and", 8),
    ("filmed || trust > 1", "||", "or", 8),
    ("!filmed", "!", "not", 1),
    ("trust \u2265 3", "\u2265", ">=", 7),
    ("trust \u2264 3", "\u2264", "<=", 7),
    ("trust \u2260 3", "\u2260", "!=", 7),
])
def test_operator_typo_suggests_the_operator_meant(src: str, found: str, want: str,
                                                    col: int) -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse(src)
    assert err.value.msg.key == "expr.operator_typo"
    assert err.value.column == col
    assert f"{found!r} is not an operator in this language; did you mean {want!r}" \
        in err.value.msg.text("en")
    assert f"{found!r} is geen operator in deze taal; bedoel je {want!r}" \
        in err.value.msg.text("nl")


def test_typos_inside_quoted_text_are_text() -> None:
    assert ev('name != "=> && <>"') is True


@pytest.mark.parametrize("src,word", [("trust > 1 AND filmed", "and"),
                                      ("Not filmed", "not"), ("filmed Or filmed", "or")])
def test_keywords_in_capitals_ask_for_lower_case(src: str, word: str) -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse(src)
    assert err.value.msg.text("en") == f"write {word} in lower case"


def test_single_equals_in_a_condition_suggests_double() -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse("trust = 3")
    assert "'=='" in err.value.msg.text("nl") and err.value.column == 7


@pytest.mark.parametrize("src,want", [("trust =- 1", "'-='"), ("trust =+ 1", "'+='")])
def test_reversed_effect_operators(src: str, want: str) -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse_effect(src)
    assert err.value.column == 7 and want in err.value.msg.text("en")
    assert want in err.value.msg.text("nl")
    assert expr.parse_effect("trust = -1").op == "="  # with a space it assigns


def test_effect_equals_bang_is_a_negation_not_a_typo() -> None:
    with pytest.raises(expr.ExprError) as err:
        expr.parse_effect("filmed =! filmed")
    assert "'not'" in err.value.msg.text("en")
