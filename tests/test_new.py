"""``sovsim new ID``: a commented scenario that validates without warnings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sim.lint import check_file
from sim.loader import load_scenario
from sim.playtest import analyse_file
from sim.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent


def sovsim(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "sim.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_new_writes_a_scenario_that_validates_without_warnings(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    r = sovsim("new", "balie-oefening", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    path = tmp_path / "balie-oefening.yaml"
    assert "Created balie-oefening.yaml" in r.stderr
    assert "sovsim validate balie-oefening.yaml" in r.stderr
    assert check_file(path, rubric.dimension_ids(), rubric) == []
    sc = load_scenario(path, rubric.dimension_ids())
    assert sc.id == "balie-oefening" and sc.languages == ["nl", "en"]
    # every text in both languages, every choice scored and explained
    for node in sc.nodes.values():
        for c in node.choices:
            assert c.text.has("nl") and c.text.has("en") and c.scores and c.feedback
    # it shows the main parts of the format: an automatic step, a route, every ending reachable
    assert any(n.next for n in sc.nodes.values())
    assert any(c.routes for n in sc.nodes.values() for c in n.choices)
    report = analyse_file(path, rubric.dimension_ids(), rubric)
    assert report["ok"] and all(e["paths"] > 0 for e in report["endings"])
    strict = sovsim("validate", "--strict", str(path))
    assert strict.returncode == 0 and strict.stdout == ""


def test_new_is_commented() -> None:
    text = scaffold("x")
    comments = [line for line in text.splitlines() if "#" in line]
    assert len(comments) >= 25
    assert "docs/authoring.md" in text and "yaml-language-server" in text


def test_new_does_not_overwrite_and_checks_the_id(tmp_path: Path) -> None:
    target = tmp_path / "mijn.yaml"
    target.write_text("mine\n")
    r = sovsim("new", "casus", "-o", str(target))
    assert r.returncode == 2 and "already exists" in r.stderr
    assert target.read_text() == "mine\n"
    assert sovsim("new", "casus", "-o", str(target), "--force").returncode == 0
    assert target.read_text().startswith("# A new sovsim scenario")
    out = sovsim("new", "casus", "-o", "-")
    assert out.returncode == 0 and "id: casus " in out.stdout
    for bad in ("Casus", "mijn_casus", "casus!", "a" * 81, "../x"):
        r = sovsim("new", bad, cwd=tmp_path)
        assert r.returncode == 2 and "not a usable scenario id" in r.stderr, bad
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mijn.yaml"]
