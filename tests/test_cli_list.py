"""``sovsim list``: every bundled scenario with the id to play it by, in the user's
language; ``--json`` for tools; ``play --help`` names a scenario that exists."""

from __future__ import annotations

import json
from pathlib import Path

from .clirun import ROOT, sovsim

BUNDLED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


def test_list_names_every_bundled_scenario_in_dutch(tmp_path: Path) -> None:
    r = sovsim("--data-dir", str(tmp_path), "list")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    ids = [ln.split()[0] for ln in lines if ln and not ln.startswith(" ") and "sovsim" not in ln]
    assert sorted(ids) == BUNDLED
    assert "Uitschrijven aan de balie" in r.stdout
    assert "Rol: Medewerker burgerzaken" in r.stdout
    assert "gevorderd" in r.stdout and "20 min" in r.stdout
    assert "sovsim play balie-uitschrijven" in r.stdout.splitlines()[-1]
    # every id listed can be played as listed
    first = ids[0]
    played = sovsim("--data-dir", str(tmp_path), "play", first, "--choices", "1,1,1,1,1,1,1,1,1,1,1,1,1,1")
    assert "no scenario file or bundled scenario" not in played.stderr


def test_list_in_english_and_as_json(tmp_path: Path) -> None:
    r = sovsim("--data-dir", str(tmp_path), "list", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Deregistering at the front desk" in r.stdout
    assert "Role: Civil affairs officer" in r.stdout and "intermediate" in r.stdout
    assert "Play one with: sovsim play ID" in r.stdout
    j = sovsim("--data-dir", str(tmp_path), "list", "--lang", "en", "--json")
    data = json.loads(j.stdout)
    assert sorted(d["id"] for d in data) == BUNDLED
    desk = next(d for d in data if d["id"] == "balie-uitschrijven")
    assert desk["title"] == "Deregistering at the front desk"
    assert desk["difficulty"] == 2 and desk["level"] == "intermediate"
    assert desk["minutes"] > 0 and desk["playable"] is True
    assert desk["role"].startswith("Civil affairs officer")


def test_play_help_and_readme_name_scenarios_that_exist() -> None:
    r = sovsim("play", "--help")
    assert "e.g. balie-uitschrijven" in r.stdout and "sovsim list" in r.stdout
    assert "e.g. stempas)" not in r.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for ident in ("stempas",):
        assert f"sovsim play {ident}`" not in readme and f"sovsim play {ident} " not in readme
    assert "sovsim list" in readme
