"""A debrief that tells the truth about the run, over every bundled scenario: every ending
and 500 seeded random routes per scenario. No quadrant or axis text contradicts the ending,
no number or band for a dimension the route could not move, a turning point in every
debrief whose ending is not the best reachable, and no tip from another domain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.debrief import build_debrief
from scoring.render import render_html, render_markdown
from scoring.replay import replay
from scoring.turning import reachability
from sim.analysis import Exploration, random_play
from sim.engine import Run
from sim.loader import load_scenario

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))
RANDOM_ROUTES = 500


def _check(scenario, rubric, run: Run) -> None:  # noqa: ANN001
    """Every promise of the debrief, for one finished run."""
    d = build_debrief(scenario, run, rubric, "nl")
    assert d.ending is not None
    outcome = d.ending.outcome
    rule = rubric.outcome(outcome)
    axes = {a.id: a for a in d.axes}
    # 1. no contradiction: a capped axis is never high, so the quadrant agrees
    for axis in rule.caps if rule else ():
        assert axes[axis].high is not True, (scenario.id, d.ending.node, axis)
    if d.quadrant is not None:
        if outcome in ("contact_broken", "escalation"):
            assert not d.quadrant.contact_high, (scenario.id, d.ending.node)
            assert "je houdt contact" not in d.quadrant.description.lower()
        if outcome in ("escalation", "gave_in"):
            assert d.quadrant.id != "betrouwbare-partner", (scenario.id, d.ending.node)
    # 2. not assessed: no number, no band, where no decision on the route could move it
    _, decisions = replay(scenario, run)
    for dim in d.dimensions:
        moved = sum(1 for x in decisions
                    if len({c.scores.get(dim.id, 0) for c in x.offered}
                           | {x.step.scores.get(dim.id, 0)}) > 1)
        if moved:
            assert dim.assessed and dim.score is not None and dim.decisions == moved
        else:
            assert not dim.assessed and dim.score is None and dim.band is None
    # 3. a turning point whenever a better ending was reachable from the start
    snap = run.snapshot()
    reach = reachability(scenario, rubric, start=snap["start"], values=snap["start_values"])
    best = reach.best[reach.ex.root]
    if rubric.rank(outcome) < best:
        tp = d.turning_point
        assert tp is not None, (scenario.id, d.ending.node)
        assert rubric.rank(tp.reachable.outcome) > rubric.rank(outcome)
        assert tp.better.id != tp.chosen.id
        assert tp.step in [m.step for m in d.key_moments]
    else:
        assert d.turning_point is None
    # 4. tips come from the scenario's domain: the rubric's are ones that fit it
    from scoring.debrief import fits

    for t in d.tips:
        if t.kind == "rubric":
            p = next(p for p in rubric.dimension(t.dimension).good if p.tip.get("nl") == t.text)
            assert fits(p, scenario), (scenario.id, t.text)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_ending_of_every_bundled_scenario(path: Path, rubric) -> None:  # noqa: ANN001
    scenario = load_scenario(path, rubric.dimension_ids())
    ex = Exploration(scenario)
    seen: set[str] = set()
    for si in ex.order:
        node = ex.states[si].node
        if scenario.nodes[node].ending is None or node in seen:
            continue
        seen.add(node)
        run = Run(scenario)
        for c in ex.explorer.path_to(si):
            run.choose(c)
        assert run.finished and run.node_id == node
        _check(scenario, rubric, run)
    assert seen == set(scenario.endings())


@pytest.mark.slow
@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_500_seeded_random_routes_per_bundled_scenario(path: Path, rubric) -> None:  # noqa: ANN001
    scenario = load_scenario(path, rubric.dimension_ids())
    checked = 0
    for r in random_play(scenario, RANDOM_ROUTES, seed=12):
        if r.status != "ending":
            continue
        run = Run(scenario)
        for c in r.choices:
            run.choose(c)
        _check(scenario, rubric, run)
        checked += 1
    assert checked >= RANDOM_ROUTES * 0.9


def test_the_reviewers_contradiction_is_gone(rubric) -> None:  # noqa: ANN001
    # newcomer.md: wijkteam-huisbezoek 3,1,3,1,2 ended "De deur blijft dicht" under "Betrouwbare
    # partner - je houdt contact"
    out = subprocess.run([sys.executable, "-m", "sim.cli", "play", "wijkteam-huisbezoek", "--choices",
                          "3,1,3,1,2", "--format", "json"], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=120)
    d = json.loads(out.stdout)
    assert d["ending"]["outcome"] == "contact_broken"
    assert d["quadrant"]["id"] != "betrouwbare-partner" and not d["quadrant"]["contact_high"]
    contact = next(a for a in d["axes"] if a["id"] == "contact")
    assert contact["capped_by"] == "contact_broken" and contact["cap_note"]
    assert d["turning_point"]["node"] == "astma-daan"


def test_the_raad_worst_route_no_longer_scores_zakelijk_good(rubric) -> None:  # noqa: ANN001
    # content-review-B.md: raad-inspreker 1,2,3,1,4 gave Zakelijk 73 "Goed"
    out = subprocess.run([sys.executable, "-m", "sim.cli", "play", "raad-inspreker", "--choices",
                          "1,2,3,1,4", "--format", "json"], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=120)
    d = json.loads(out.stdout)
    z = next(x for x in d["dimensions"] if x["id"] == "zakelijk")
    assert not z["assessed"] or z["band"] not in ("goed", "uitstekend")
    assert d["turning_point"] is not None


def test_play_json_is_the_report_json_of_the_same_run(tmp_path) -> None:  # noqa: ANN001
    run_file = tmp_path / "run.json"
    common = ["--data-dir", str(tmp_path)]
    play = subprocess.run([sys.executable, "-m", "sim.cli", *common, "play", "schulden-ontruiming",
                           "--choices", "1,2,3,3,3", "--format", "json", "--save-run",
                           str(run_file)], capture_output=True, text=True, cwd=ROOT, check=True,
                          timeout=120)
    report = subprocess.run([sys.executable, "-m", "sim.cli", *common, "report", str(run_file),
                             "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                            check=True, timeout=120)
    assert play.stdout == report.stdout
    assert json.loads(play.stdout)["ending"]["outcome"]


def test_play_takes_choice_ids_and_numbers_alike(rubric) -> None:  # noqa: ANN001
    by_number = subprocess.run([sys.executable, "-m", "sim.cli", "play", "wijkteam-huisbezoek",
                                "--choices", "3,1,3,1,2", "--format", "json"],
                               capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    ids = [p["choice"] for p in json.loads(by_number.stdout)["path"] if p["choice"]]
    mixed = ",".join(ids[:2]) + ",3,1," + ids[4]
    by_id = subprocess.run([sys.executable, "-m", "sim.cli", "play", "wijkteam-huisbezoek",
                            "--choices", mixed, "--format", "json"], capture_output=True,
                           text=True, cwd=ROOT, check=True, timeout=120)
    a, b = json.loads(by_number.stdout), json.loads(by_id.stdout)
    assert [p["choice"] for p in a["path"]] == [p["choice"] for p in b["path"]]
    assert a["dimensions"] == b["dimensions"]
    wrong = subprocess.run([sys.executable, "-m", "sim.cli", "play", "wijkteam-huisbezoek",
                            "--choices", "bestaat-niet", "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    assert "geen keuze 'bestaat-niet'" in wrong.stderr and "mogelijk:" in wrong.stderr


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_play_renders_the_turning_point_in_every_format(fmt: str) -> None:
    out = subprocess.run([sys.executable, "-m", "sim.cli", "play", "wijkteam-huisbezoek",
                          "--choices", "3,1,3,1,2", "--format", fmt, "--lang", "en"],
                         capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    assert "Turning point" in out.stdout and "What you could have done there" in out.stdout


def test_renderings_show_how_many_decisions_a_score_rests_on(rubric) -> None:  # noqa: ANN001
    scenario = load_scenario(ROOT / "scenarios" / "wijkteam-huisbezoek.yaml",
                             rubric.dimension_ids())
    run = Run(scenario)
    while not run.finished:
        run.choose(next(v.id for v in run.choices() if v.enabled))
    d = build_debrief(scenario, run, rubric, "en")
    assert "| Decisions |" in render_markdown(d)
    assert ">Decisions<" in render_html(d)


# --- scenario tips: validation and lint -------------------------------------------------------

def test_bad_tips_are_clear_dutch_problems_with_their_place() -> None:
    from tests.clirun import sovsim

    path = ROOT / "tests" / "broken" / "tip-problems.yaml"
    out = sovsim("validate", str(path))
    assert out.returncode != 0 and "Traceback" not in out.stderr + out.stdout
    text = out.stdout + out.stderr
    assert f"{path}:8:16: fout: tip 1 noemt een onbekend onderdeel 'verbindng'" in text
    assert "bedoel je 'verbinding'?" in text
    assert f"{path}:10:5: fout: tip 2 heeft geen 'dimension:'" in text
    english = sovsim("--lang", "en", "validate", str(path))
    assert "tip 1 names an unknown dimension 'verbindng'" in english.stdout + english.stderr


def test_lint_warns_of_a_scored_dimension_no_tip_fits(rubric, tmp_path) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from sim.lint import lint, tipless

    text = (ROOT / "tests" / "fixtures" / "hand.yaml").read_text(encoding="utf-8")
    f = tmp_path / "hand.yaml"
    f.write_text(text.replace("id: hand", "id: hand\nchannel: writing\nthemes: [leerplicht]"),
                 encoding="utf-8")
    sc = load_scenario(f, rubric.dimension_ids(), use_cache=False)
    assert tipless(sc, rubric) == []  # the bundled rubric has a general tip for each
    # a rubric whose only verbinding tip is for desks: verbinding has no tip that fits
    desk = SimpleNamespace(tip=object(), channels=["face_to_face"], themes=["balie"])
    narrow = SimpleNamespace(dimensions=[SimpleNamespace(id="verbinding", good=[desk])])
    assert tipless(sc, narrow) == ["verbinding"]
    warnings = [w for w in lint(sc, rubric=narrow) if w.code == "no-tip"]
    id_line = text.splitlines().index("id: hand") + 1
    assert len(warnings) == 1 and (warnings[0].line, warnings[0].column) == (id_line, 1)
    assert "'verbinding'" in warnings[0].message and "tips:" in warnings[0].message
    # a tip of the scenario's own answers it
    f.write_text(f.read_text(encoding="utf-8").replace(
        "channel: writing", "channel: writing\ntips:\n  - dimension: verbinding\n    text: "
        "{nl: 'Bel eerst.', en: 'Call first.'}"), encoding="utf-8")
    sc = load_scenario(f, rubric.dimension_ids(), use_cache=False)
    assert tipless(sc, narrow) == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_scenario_has_a_tip_for_each_dimension_it_scores(path: Path,
                                                                       rubric) -> None:  # noqa: ANN001
    scenario = load_scenario(path, rubric.dimension_ids())
    own = {t.dimension for t in scenario.tips}
    assert set(scenario.dimensions_scored()) <= own, scenario.id
    for t in scenario.tips:
        assert t.text.get("nl") != t.text.get("en")
        assert len(t.text.get("nl")) <= 200 and len(t.text.get("en")) <= 200
