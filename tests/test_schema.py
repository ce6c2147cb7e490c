"""The JSON Schema (`sovsim schema`) and the validator agree: every bundled scenario, the
example and the guide's YAML pass the schema, and the broken corpus is refused by both.

The agreement rule for tests/broken/: the validator's problems are classified by message
key. A file with a problem in STRUCTURAL (the shape of the file: keys, types, enumerations,
required keys, which keys go together) must be refused by the schema too, or an editor
would not underline it. A file whose problems are all in SEMANTIC (what a JSON Schema
cannot express: references between nodes, expressions, translations against the
scenario's languages, duplicates, reachability, comparing two values) must be accepted by
the schema, or an editor would underline what has another cause. A file the YAML library
cannot read is refused by both. A key in neither set fails the test until it is placed.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sim import loader
from sim.loader import validate_file
from sim.schema import scenario_schema

from .clirun import ROOT, sovsim

jsonschema = pytest.importorskip("jsonschema")

STRUCTURAL = {
    "load.override_no_reason", "load.behaviour_unknown",  # the behaviour catalogue
    "load.tips_not_list", "load.tip_no_dimension", "load.tip_dimension",  # scenario tips
    "load.root", "map.not_mapping", "map.unknown_key", "map.missing", "map.key_too_deep",
    "load.outcome", "load.gauge_label", "load.no_way_out", "load.two_exits",
    "load.dimension_unknown", "load.lang_unknown", "load.lang_twice", "load.languages",
    "load.not_whole_number", "load.not_number", "load.not_whole", "load.not_text",
    "load.not_id", "load.bad_id", "load.disabled_needs_reason", "load.unavailable_without_if",
    "load.routes_without_next", "load.var_type", "load.difficulty", "load.minutes",
    "load.channel", "load.choices_empty", "load.lines_list", "load.choices_list",
    "load.routes_list", "load.initial_bool", "load.initial_text", "load.bound_not_number",
    "load.gauge", "load.gauge_number", "load.score_range", "load.effect_not_text",
    "load.not_expression", "load.unavailable", "load.theme", "load.themes",
    "load.lang_not_text", "load.too_many_choices",
}
SEMANTIC = {
    "load.thought_no_owner", "load.thought_by_unknown",  # owners: the scenario's characters
    "load.expr", "load.node_unknown", "load.speaker_unknown", "load.choice_twice",
    "map.key_twice", "load.initial_outside", "load.min_over_max", "load.lang_missing",
    "load.next_circle", "load.no_ending", "load.var_reserved",
}


def as_data(node: yaml.Node | None) -> Any:
    """A composed YAML node as the JSON an editor's schema check sees: numbers, booleans
    and null as YAML resolved them, everything else as the text written."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): as_data(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [as_data(v) for v in node.value]
    if node is None:
        return None
    if node.tag.rsplit(":", 1)[-1] in ("int", "float", "bool", "null"):
        return yaml.SafeLoader("").construct_object(node)
    return node.value


def read(text: str) -> Any:
    return as_data(yaml.compose(text, Loader=yaml.SafeLoader))


@pytest.fixture(scope="module")
def schema(rubric) -> dict[str, Any]:  # noqa: ANN001
    s = scenario_schema(rubric.dimension_ids())
    jsonschema.Draft202012Validator.check_schema(s)
    return s


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    v = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(data)]


SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted(
    (ROOT / "docs" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_bundled_scenario_and_example_passes_the_schema(path: Path, schema) -> None:  # noqa: ANN001
    assert errors(schema, read(path.read_text(encoding="utf-8"))) == []


GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(yaml[^\n]*)\n(.*?)^```$", re.S | re.M)
BLOCKS = [(m.group(1), m.group(2)) for m in FENCE.finditer(GUIDE)]


def _relaxed(schema: Any) -> Any:
    """The schema without required keys, for the guide's fragments (which leave out what
    the paragraph is not about)."""
    if isinstance(schema, dict):
        shape = schema.get("type") == "object"  # a shape, not a condition on keys
        return {k: _relaxed(v) for k, v in schema.items()
                if not (shape and k in ("required", "dependentRequired"))
                and not (k == "oneOf" and all(set(x) == {"required"} for x in v))}
    if isinstance(schema, list):
        return [_relaxed(x) for x in schema]
    return schema


def _placeholder(value: Any) -> bool:
    """``[...]``: a list left out ("..." on its own is a valid text and stays)."""
    return value == ["..."]


def _drop_placeholders(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _drop_placeholders(v) for k, v in data.items() if not _placeholder(v)}
    if isinstance(data, list):
        return [_drop_placeholders(x) for x in data]
    return data


def test_the_guide_has_full_scenarios_and_fragments() -> None:
    assert sum(info.startswith("yaml scenario") for info, _ in BLOCKS) >= 3
    assert sum(info == "yaml" for info, _ in BLOCKS) >= 10


@pytest.mark.parametrize("info,body", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_every_yaml_block_of_the_guide_passes_the_schema(info: str, body: str,
                                                         schema) -> None:  # noqa: ANN001
    """Whole scenarios against the schema; fragments (a choice, a node, some top-level
    keys) against the part of the schema they show, with "..." standing for left-out text."""
    data = read(body)
    if info.startswith("yaml scenario"):
        assert errors(schema, data) == []
        return
    if data is None:  # only a comment
        return
    loose = _relaxed(copy.deepcopy(schema))
    top = loose["properties"]
    node = top["nodes"]["additionalProperties"]
    choice = node["properties"]["choices"]["items"]
    data = _drop_placeholders(data)
    if isinstance(data, list):  # choices
        found = [e for item in data for e in errors(choice, item)]
    else:
        found = []
        for key, value in data.items():
            part = (top.get(key) or choice["properties"].get(key)
                    or node["properties"].get(key) or node)
            found += [f"{key}: {e}" for e in errors(part, value)]
    assert found == []


BROKEN = sorted((ROOT / "tests" / "broken").glob("*.yaml"))


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_schema_and_validator_agree_on_the_broken_corpus(path: Path, schema,
                                                         rubric) -> None:  # noqa: ANN001
    keys = {p.key for p in validate_file(path, rubric.dimension_ids())}
    assert keys, "a broken file must not validate"
    try:
        data = read(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        assert any(k.startswith("yaml.") for k in keys), keys
        return
    if any(k.startswith("yaml.") for k in keys) or data is None:
        return  # not YAML data (a Python tag, an empty file): no schema check applies
    unplaced = keys - STRUCTURAL - SEMANTIC
    assert not unplaced, f"classify {unplaced} as STRUCTURAL or SEMANTIC in this test"
    found = errors(schema, data)
    if keys & STRUCTURAL:
        assert found, f"the validator refuses the shape ({keys & STRUCTURAL}); the schema must too"
    else:
        assert found == [], f"only the validator can see {keys}; the schema must accept: {found}"


def test_effects_as_one_string_pass_both(tmp_path: Path, schema, rubric) -> None:  # noqa: ANN001
    """The guide allows `effects: "x += 1"`; an editor must not underline it."""
    src = (ROOT / "tests" / "fixtures" / "klein.yaml").read_text(encoding="utf-8")
    src = src.replace('effects: ["vertrouwen += 1"]', 'effects: "vertrouwen += 1"')
    f = tmp_path / "one.yaml"
    f.write_text(src, encoding="utf-8")
    assert validate_file(f, rubric.dimension_ids()) == []
    assert errors(schema, read(src)) == []
    assert errors(schema, read(src.replace('"vertrouwen += 1"', "[1, 2]"))) != []


def test_schema_knows_exactly_the_loaders_keys(schema) -> None:  # noqa: ANN001
    top = schema["properties"]
    node = top["nodes"]["additionalProperties"]
    choice = node["properties"]["choices"]["items"]
    assert set(top) == loader.TOP_KEYS and schema["required"] == list(loader.TOP_REQUIRED)
    assert set(node["properties"]) == loader.NODE_KEYS
    assert set(choice["properties"]) == loader.CHOICE_KEYS
    assert set(top["variables"]["additionalProperties"]["properties"]) == loader.VAR_KEYS
    assert set(node["properties"]["ending"]["properties"]) == loader.ENDING_KEYS
    assert set(choice["properties"]["routes"]["items"]["properties"]) == loader.ROUTE_KEYS
    assert set(top["characters"]["additionalProperties"]["properties"]) == loader.CHAR_KEYS
    # the loader's pattern, written for JSON Schema's ECMA-262 regexes (\Z is $ there)
    assert top["id"]["pattern"] == loader.ID_RE.pattern.removesuffix("\\Z") + "$"
    assert "\\Z" not in json.dumps(schema)


def test_sovsim_schema_prints_the_schema(schema) -> None:  # noqa: ANN001
    r = sovsim("schema")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == schema
