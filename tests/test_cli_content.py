"""`sovsim validate`, `sovsim schema`, `--version`, `--help`, and wrong use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .clirun import ROOT, sovsim
from .conftest import EXAMPLE


def test_validate_clean_file_exits_0() -> None:
    r = sovsim("validate", "tests/authoring/clean.yaml")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""
    assert "1 bestand gecontroleerd: geen problemen" in r.stderr
    r = sovsim("--lang", "en", "validate", "tests/authoring/clean.yaml")
    assert "1 file checked: no problems" in r.stderr
    # the example has lint warnings (shown, but not failing without --strict)
    r = sovsim("--lang", "en", "validate", str(EXAMPLE))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 file checked: 0 errors" in r.stderr


def test_validate_bundled_by_default() -> None:
    r = sovsim("validate")
    assert "gecontroleerd" in r.stderr
    assert "Traceback" not in r.stderr


def test_validate_folder_reports_every_file_with_positions() -> None:
    r = sovsim("--lang", "en", "validate", "tests/broken")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    files = {line.split(":")[0] for line in lines}
    assert len(files) == len(list((ROOT / "tests" / "broken").glob("*.yaml")))
    assert all(": error: " in line for line in lines)
    assert "tests/broken/unknown-target.yaml:26:17: error: target of choice 'a'" in r.stdout
    assert "errors" in r.stderr


def test_validate_missing_path_is_usage_error() -> None:
    r = sovsim("validate", "nope.yaml")
    assert r.returncode == 2
    assert r.stderr.strip() == "sovsim: no such file or folder: nope.yaml"


@pytest.mark.parametrize("args", [["bogus"], ["validate", "--nope"], ["--lang", "fr", "validate"]])
def test_wrong_use_is_short_and_exit_2(args: list[str]) -> None:
    r = sovsim(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "sovsim:" in r.stderr and len(r.stderr.splitlines()) <= 8


def test_version_and_help() -> None:
    r = sovsim("--version")
    assert r.returncode == 0 and r.stdout.startswith("sovsim ")
    for cmd in (["--help"], ["validate", "--help"], ["schema", "--help"]):
        r = sovsim(*cmd)
        assert r.returncode == 0 and "usage: sovsim" in r.stdout


def test_schema_is_json_schema_with_rubric_dimensions(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    r = sovsim("schema", "-o", str(out))
    assert r.returncode == 0
    schema = json.loads(out.read_text())
    assert schema["$schema"].endswith("2020-12/schema")
    node = schema["properties"]["nodes"]["additionalProperties"]
    choice = node["properties"]["choices"]["items"]
    assert set(choice["properties"]["scores"]["properties"]) == {
        "verbinding", "begrip", "zakelijk", "rechtmatig", "helder", "grenzen", "veiligheid"}
    assert schema["additionalProperties"] is False


def test_schema_accepts_the_example() -> None:
    """The schema agrees with the loader on the example (checked with a tiny validator)."""
    import yaml

    schema = json.loads(sovsim("schema").stdout)
    data = yaml.safe_load(EXAMPLE.read_text())
    assert set(data) <= set(schema["properties"])
    assert set(schema["required"]) <= set(data)
    node_props = schema["properties"]["nodes"]["additionalProperties"]["properties"]
    choice_props = node_props["choices"]["items"]["properties"]
    for node in data["nodes"].values():
        assert set(node) <= set(node_props)
        for c in node.get("choices", []):
            assert set(c) <= set(choice_props)


def test_broken_rubric_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "rubric.yaml"
    bad.write_text("id: x\ndimensions: [\n")
    r = sovsim("--rubric", str(bad), "validate", str(EXAMPLE))
    assert r.returncode == 1
    assert f"{bad}:" in r.stderr and "Traceback" not in r.stderr


def test_schema_knows_behaviours_overrides_and_owned_thoughts() -> None:
    """Every key of the bundled scenarios is in the schema, behaviours are the catalogue's
    ids, an override needs a reason and a thought can name its owner."""
    import yaml

    from scoring.rubric import load_rubric

    schema = json.loads(sovsim("schema").stdout)
    node_props = schema["properties"]["nodes"]["additionalProperties"]["properties"]
    choice_props = node_props["choices"]["items"]["properties"]
    ids = {b.id for b in load_rubric().behaviours or []}
    assert set(choice_props["behaviours"]["items"]["enum"]) == ids
    assert choice_props["override"]["required"] == ["reason"]
    owned = node_props["thought"]["oneOf"][1]
    assert set(owned["properties"]) == {"by", "text"} and owned["required"] == ["text"]
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        for node in data["nodes"].values():
            assert set(node) <= set(node_props), path
            if isinstance(node.get("thought"), dict) and "by" in node["thought"]:
                assert set(node["thought"]) <= set(owned["properties"])
            for c in node.get("choices", []):
                assert set(c) <= set(choice_props), (path, c["id"])
                assert set(c["behaviours"]) <= ids
                assert set(c.get("override", {})) <= set(choice_props["override"]["properties"])
