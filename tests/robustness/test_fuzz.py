"""Property-based fuzzing (hypothesis) of what reads files: the loader on structured random
scenario-like documents, on mutated valid files and on random bytes; the rubric loader on
mutated rubrics; the expression language on random well-formed expressions; restoring
damaged saves. Only the loader's own problems (ScenarioError via ContentError), ExprError,
EvalError and RunError may come out; anything else is a bug. About 2,500 examples in all
(tests/test_expr.py adds 3,000 token-level expression examples)."""

from __future__ import annotations

import contextlib
import json
import math
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.rubric import load_rubric
from sim import expr
from sim.engine import Run, RunError
from sim.errors import ContentError, ScenarioError
from sim.loader import load_scenario, validate_file

from .helpers import HERE

ROOT = HERE.parent.parent
def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

SEEDS = [ROOT / "docs" / "examples" / "stempas.yaml", HERE / "data" / "marathon.yaml",
         *sorted((ROOT / "scenarios").glob("*.yaml"))[:2]]
MINI_RUBRIC = ROOT / "tests" / "rubrics" / "valid.yaml"
DIMS = ["verbinding", "begrip", "zakelijk", "rechtmatig", "helder", "grenzen", "veiligheid"]


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="sovsim-fuzz-"))


def check_file(path: Path) -> None:
    """Validate; every problem is a ScenarioError about this file; a clean file plays."""
    problems = validate_file(path, DIMS)
    for p in problems:
        assert isinstance(p, ScenarioError) and p.file == str(path) and p.message
        assert p.line >= 0 and p.column >= 0
    if not any(p.severity == "error" for p in problems):
        play_a_little(load_scenario(path, DIMS, use_cache=False))


def play_a_little(scenario: Any) -> None:
    rng = random.Random(0)
    try:
        run = Run(scenario)
    except RunError:
        return
    for _ in range(30):
        if run.finished:
            break
        views = [v for v in run.choices("en") if v.enabled]
        if not views:
            break
        with contextlib.suppress(RunError):  # a choice the scenario cannot carry out
            run.choose(rng.choice(views).id)
    Run.restore(scenario, json.loads(json.dumps(run.snapshot())))


# --- structured random scenario-like documents ---------------------------------------------

IDS = st.sampled_from(["a", "b", "start", "einde", "n1", "x-y", "", "1", "Ä", "a b", "__x"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
                    IDS)
EXPRS = st.sampled_from(["trust >= 3", "not klaar", "trust + 1", "visits(\"a\") > 1",
                         "trust / 0 > 1", "", "trust >= ", "x.y", "1 < 2 < 3", "klaar",
                         "trust += 1", "trust = trust * 99999999", "naam + \"!\" == \"x!\""])
TEXT = st.one_of(st.text(max_size=30), st.fixed_dictionaries(
    {}, optional={"nl": st.text(max_size=10), "en": st.text(max_size=10),
                  "fr": st.text(max_size=5)}), SCALARS)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(strategy, SCALARS, st.lists(SCALARS, max_size=3))


CHOICE = st.fixed_dictionaries({}, optional={
    "id": maybe(IDS), "text": maybe(TEXT), "target": maybe(IDS), "if": maybe(EXPRS),
    "effects": maybe(st.lists(EXPRS, max_size=3)), "unavailable": maybe(
        st.sampled_from(["hide", "disable", "x"])), "reason": maybe(TEXT),
    "scores": maybe(st.dictionaries(st.sampled_from([*DIMS, "onbekend"]),
                                    st.integers(-200, 200), max_size=3)),
    "feedback": maybe(TEXT), "routes": maybe(st.lists(st.fixed_dictionaries(
        {"if": maybe(EXPRS), "target": maybe(IDS)}), max_size=2)), "extra": SCALARS})
NODE = st.fixed_dictionaries({}, optional={
    "lines": maybe(st.lists(st.one_of(TEXT, st.fixed_dictionaries(
        {"text": TEXT}, optional={"speaker": maybe(IDS)})), max_size=3)),
    "choices": maybe(st.lists(CHOICE, max_size=4)), "next": maybe(IDS),
    "routes": maybe(st.lists(st.fixed_dictionaries({"if": EXPRS, "target": IDS}),
                             max_size=2)),
    "ending": maybe(st.fixed_dictionaries({}, optional={
        "outcome": maybe(st.sampled_from(["open", "partner", "gave_in", "nope"])),
        "title": TEXT, "text": TEXT})),
    "thought": maybe(TEXT)})
VARIABLE = st.fixed_dictionaries({}, optional={
    "type": maybe(st.sampled_from(["number", "bool", "text", "list"])),
    "initial": SCALARS, "min": SCALARS, "max": SCALARS, "gauge": SCALARS, "label": TEXT})
SCENARIO = st.fixed_dictionaries({}, optional={
    "id": maybe(IDS), "version": maybe(st.integers(-5, 10**13)),
    "languages": maybe(st.lists(st.sampled_from(["nl", "en", "de", ""]), max_size=3)),
    "title": TEXT, "summary": TEXT, "role": TEXT, "dossier": TEXT, "setting": TEXT,
    "themes": maybe(st.lists(st.text(max_size=5), max_size=3)),
    "difficulty": SCALARS, "minutes": SCALARS,
    "channel": maybe(st.sampled_from(["face_to_face", "phone", "pigeon"])),
    "characters": maybe(st.dictionaries(IDS, st.fixed_dictionaries(
        {}, optional={"name": TEXT, "description": TEXT}), max_size=2)),
    "variables": maybe(st.dictionaries(st.sampled_from(
        ["trust", "klaar", "naam", "not", "1x"]), VARIABLE, max_size=3)),
    "start": maybe(IDS), "nodes": maybe(st.dictionaries(IDS, maybe(NODE), max_size=5)),
    "unknown_key": SCALARS})


@fuzz(600)
@given(doc=SCENARIO)
def test_structured_documents(doc: dict[str, Any], folder: Path) -> None:
    path = folder / "structured.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    check_file(path)


# --- mutated valid files -----------------------------------------------------------------

MUTATIONS = ["delete", "duplicate", "swap", "indent", "dedent", "replace", "insert", "truncate",
             "quote"]
JUNK = st.sampled_from(["", ":", "- ", "  ", "\t", "[", "]", "{", "}", "&a", "*a", "!!str",
                        "!!python/name:os.system", "'", '"', "#", "---", "? ", "|", ">",
                        "\x1b[31m", "\x00", "é", "999999999999999999999999", ".inf", "~"])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    seed = draw(st.sampled_from(SEEDS))
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i].lstrip()
        elif kind == "replace":
            words = lines[i].split(" ")
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(JUNK)
            lines[i] = " ".join(words)
        elif kind == "insert":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(JUNK) + lines[i][pos:]
        elif kind == "truncate":
            lines = lines[:i]
        else:
            lines[i] = lines[i].replace('"', "").replace("'", "")
    return "".join(lines).encode("utf-8", "surrogatepass")


@fuzz(600)
@given(data=mutated())
def test_mutated_valid_files(data: bytes, folder: Path) -> None:
    path = folder / "mutated.yaml"
    path.write_bytes(data)
    check_file(path)


@fuzz(300)
@given(data=st.one_of(st.binary(max_size=3000),
                      st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_random_bytes(data: bytes, folder: Path) -> None:
    path = folder / "random.yaml"
    path.write_bytes(data)
    check_file(path)


@fuzz(200)
@given(data=st.data())
def test_mutated_rubrics(data: st.DataObject, folder: Path) -> None:
    lines = MINI_RUBRIC.read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        pos = data.draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:pos] + data.draw(JUNK) + lines[i][pos + data.draw(
            st.integers(0, 5)):]
    path = folder / "rubric.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    try:
        load_rubric(path)
    except ContentError as err:
        assert err.problems and all(p.file == str(path) for p in err.problems)


# --- expressions ---------------------------------------------------------------------------

TYPES = {"n": "number", "m": "number", "b": "bool", "s": "text"}
ENV = {"n": 3, "m": 0, "b": True, "s": "Ria"}
NUMBERS = st.one_of(st.integers(0, 10**6).map(str), st.sampled_from(
    ["0", "0.5", "9" * 16, "9" * 300, "9" * 300 + ".5", "1" + "0" * 15, "0.0000001"]))


def expressions(depth: int = 4) -> st.SearchStrategy[str]:
    leaf = st.one_of(NUMBERS, st.sampled_from(["n", "m", "b", "s", "true", "false", '"x"',
                                               "'Ria'", 'visits("a")', "onbekend"]))
    if depth == 0:
        return leaf
    sub = expressions(depth - 1)
    return st.one_of(
        leaf,
        st.tuples(sub, st.sampled_from(["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=",
                                        "and", "or"]), sub).map(" ".join),
        sub.map(lambda e: f"({e})"), sub.map(lambda e: f"not {e}"), sub.map(lambda e: f"-{e}"))


def type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    return "number" if isinstance(value, int | float) else "text"


@fuzz(800)
@given(src=expressions())
def test_expressions_evaluate_to_their_checked_type(src: str) -> None:
    """Type soundness: what check() says is what evaluate() gives, and numbers stay
    finite and within bounds (or evaluation says why not)."""
    try:
        node = expr.parse(src)
        kind = expr.check(node, TYPES, {"a"})
    except expr.ExprError as err:
        assert err.column >= 1
        return
    try:
        value = expr.evaluate(node, ENV, lambda n: 2)
    except expr.EvalError:
        return
    assert type_of(value) == kind, (src, value)
    if kind == "number":
        assert math.isfinite(value) and abs(value) <= 10**15, (src, value)


def deep_expressions() -> st.SearchStrategy[str]:
    """Nested on purpose from 20 to 140 levels, so MAX_DEPTH (60) and MAX_LENGTH (500) are
    crossed in most examples: random recursion alone stays below 10 levels."""
    wraps = st.lists(st.sampled_from([("(", ")"), ("not ", ""), ("-", ""), ("-(", ")"),
                                      ("not (", ")"), ("1 + (", ")"), ("b and (", ")")]),
                     min_size=20, max_size=140)
    return st.tuples(wraps, expressions(1)).map(
        lambda t: "".join(o for o, _ in t[0]) + t[1] + "".join(c for _, c in reversed(t[0])))


@fuzz(300)
@given(src=deep_expressions())
def test_deep_expressions_stop_at_the_limits(src: str) -> None:
    """Past a limit only ExprError comes out, with a column and both languages."""
    try:
        node = expr.parse(src)
    except expr.ExprError as err:
        assert err.column >= 1 and err.msg.text("nl") != err.msg.text("en")
        return
    assert len(src) <= expr.MAX_LENGTH
    with contextlib.suppress(expr.ExprError):
        expr.check(node, TYPES, {"a"})


@fuzz(300)
@given(target=st.sampled_from(["n", "m", "b", "s", "x"]), op=st.sampled_from(["=", "+=", "-="]),
       value=expressions(2))
def test_effects(target: str, op: str, value: str) -> None:
    try:
        eff = expr.parse_effect(f"{target} {op} {value}")
        expr.check_effect(eff, TYPES, {"a"})
    except expr.ExprError:
        return
    try:
        new = expr.apply_effect(eff, ENV, lambda n: 1)
    except expr.EvalError:
        return
    assert type_of(new) == TYPES[target]
    if TYPES[target] == "number":
        assert math.isfinite(new) and abs(new) <= 10**15


# --- damaged saves -------------------------------------------------------------------------

JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                              st.text(max_size=8)),
                    lambda c: st.one_of(st.lists(c, max_size=3),
                                        st.dictionaries(st.text(max_size=8), c, max_size=3)),
                    max_leaves=10)


@fuzz(300)
@given(data=st.data())
def test_restoring_damaged_saves(data: st.DataObject) -> None:
    scenario = load_scenario(HERE / "data" / "marathon.yaml", use_cache=False)
    run = Run(scenario)
    for c in ("v1", "a2", "v3"):
        run.choose(c)
    snap = json.loads(json.dumps(run.snapshot()))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(["top", "history", "step", "values", "visits"]))
        key = data.draw(st.sampled_from(["format", "scenario", "node", "history", "values",
                                         "visits", "start", "opening", "start_values",
                                         "choice", "target", "entered", "scores", "vraag",
                                         "rondes"]))
        value = data.draw(JSON)
        if where == "top":
            snap[key] = value
        elif where == "history" and isinstance(snap.get("history"), list):
            snap["history"].append(value)
        elif where == "step" and isinstance(snap.get("history"), list) and snap["history"] \
                and isinstance(snap["history"][0], dict):
            snap["history"][0][key] = value
        elif isinstance(snap.get(where), dict):
            snap[where][key] = value
    try:
        restored = Run.restore(scenario, snap)
    except RunError:
        return
    restored.choices("en")  # usable: it lists its choices and saves again
    json.dumps(restored.snapshot())
