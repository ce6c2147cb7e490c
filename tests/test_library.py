"""The bundled scenario library: every file in scenarios/ is checked automatically."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sim.analysis import summarise
from sim.loader import load_scenario

from .conftest import bundled_scenarios

FILES = bundled_scenarios()
DIMENSIONS = ["verbinding", "begrip", "zakelijk", "rechtmatig", "helder", "grenzen", "veiligheid"]


@pytest.fixture(scope="module")
def library(rubric):  # noqa: ANN001, ANN201
    out = {}
    for f in FILES:
        s = load_scenario(f, rubric.dimension_ids(), use_cache=False)
        out[f.stem] = (s, summarise(s))
    return out


def test_library_has_eight_scenarios() -> None:
    assert len(FILES) >= 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_structure(path: Path, library) -> None:  # noqa: ANN001
    s, r = library[path.stem]
    assert s.id == path.stem, "file name must be <id>.yaml"
    assert s.languages == ["nl", "en"]
    assert len(s.nodes) >= 20
    assert r.complete and r.cut_paths == 0
    assert r.stuck_paths == 0, "a path ends where nothing can be chosen"
    assert r.nodes_covered == set(s.nodes), f"unreachable: {set(s.nodes) - r.nodes_covered}"
    assert set(r.endings) == set(s.endings()), "an ending no path reaches"
    assert r.min_decisions >= 5, "a path with fewer than 5 real decisions"
    outcomes = {s.nodes[e].ending.outcome for e in s.endings()}
    assert "partner" in outcomes and "contact_broken" in outcomes
    assert outcomes & {"escalation", "gave_in"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_choice_scored_with_feedback_in_both_languages(path: Path, library) -> None:  # noqa: ANN001
    s, _ = library[path.stem]
    for node in s.nodes.values():
        for c in node.choices:
            where = f"{node.id}/{c.id}"
            assert c.scores and any(c.scores.values()), where
            assert c.feedback is not None, where
            for lang in ("nl", "en"):
                assert c.feedback.has(lang) and c.feedback.get(lang).strip(), where
                assert c.text.get(lang).strip(), where


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_case_file_trainer_notes_and_discussion(path: Path, library) -> None:  # noqa: ANN001
    s, _ = library[path.stem]
    assert len(s.dossier.get("nl").splitlines()) >= 5 and s.dossier.get("en")
    assert sum(1 for n in s.nodes.values() if n.trainer_notes) >= 3
    assert sum(1 for n in s.nodes.values() if n.discussion) >= 3
    gauges = [v for v in s.variables.values() if v.gauge]
    assert len(gauges) >= 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_dimension_scored_both_ways(path: Path, library) -> None:  # noqa: ANN001
    s, r = library[path.stem]
    assert len(r.maximum) >= 5
    for dim in r.maximum:
        assert r.maximum[dim] > 0 > r.minimum[dim], dim


def test_across_the_library(library) -> None:  # noqa: ANN001
    assessed = Counter(d for _, r in library.values() for d in r.maximum)
    assert all(assessed[d] >= 4 for d in DIMENSIONS), assessed
    channels = Counter(s.channel for s, _ in library.values())
    assert channels["writing"] + channels["online"] >= 2
    roles = {s.role.get("nl") for s, _ in library.values()}
    assert len(roles) == len(library)


def test_no_real_names_or_markup(library) -> None:  # noqa: ANN001
    """Text is plain: no Rich markup or escape codes slip into the bundled content."""
    import re

    bad = re.compile(r"\x1b|\[/?(b|i|bold|italic|link|red|green)\]")
    for s, _ in library.values():
        for node in s.nodes.values():
            texts = [ln.text for ln in node.lines] + [c.text for c in node.choices]
            for t in texts:
                for lang in ("nl", "en"):
                    assert not bad.search(t.get(lang)), (s.id, node.id)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_best_option_is_not_always_in_the_same_place(path: Path, library) -> None:  # noqa: ANN001
    """A trainee must not learn 'always pick 1': the best-scoring option moves around."""
    s, _ = library[path.stem]
    places = Counter()
    for node in s.nodes.values():
        if len(node.choices) >= 2:
            totals = [sum(c.scores.values()) for c in node.choices]
            places[totals.index(max(totals))] += 1
    assert max(places.values()) <= 0.6 * sum(places.values()), places


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_validates_without_errors_or_warnings(path: Path, rubric) -> None:  # noqa: ANN001
    from sim.lint import check_file

    assert [p.format() for p in check_file(path, rubric.dimension_ids(), rubric)] == []


def _extreme_run(scenario, r, best: bool):  # noqa: ANN001, ANN202
    """Play the path that is best (or worst) over all dimensions, each scaled to its range."""
    from sim.analysis import Explorer, optimum, topo_order
    from sim.engine import Run

    ex = Explorer(scenario)
    root = ex.explore()
    weights = {d: 1 / (r.maximum[d] - r.minimum[d]) for d in r.maximum if r.maximum[d] > r.minimum[d]}
    _, choices = optimum(ex.states, topo_order(ex.states, root), root, weights, maximize=best)
    run = Run(scenario)
    for c in choices:
        run.choose(c)
    assert run.finished
    return run


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_best_run_top_band_and_worst_run_not(path: Path, library, rubric) -> None:  # noqa: ANN001
    from scoring.score import score_run

    s, r = library[path.stem]
    top = max(rubric.bands, key=lambda b: b.lower)
    best = score_run(s, _extreme_run(s, r, True), rubric)
    assessed = [d for d in best.dimensions.values() if d.assessed]
    assert len(assessed) >= 5
    assert all(d.band.id == top.id for d in assessed), {d.id: d.score for d in assessed}
    assert s.nodes[_extreme_run(s, r, True).node_id].ending.outcome == "partner"
    worst = score_run(s, _extreme_run(s, r, False), rubric)
    assert not any(d.band.id == top.id for d in worst.dimensions.values() if d.assessed), \
        {d.id: d.score for d in worst.dimensions.values() if d.assessed}
