"""Scores and normalisation, checked against runs worked out by hand
(tests/fixtures/hand.yaml and loop.yaml list every path and its totals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.score import (
    ASSESSED,
    NO_SPREAD,
    NOT_AT_STAKE,
    NOT_EXPLORED,
    NOT_SCORED,
    ScoringError,
    TooLargeToScore,
    normalise,
    raw_totals,
    scenario_bounds,
    score_history,
    score_run,
)
from sim.engine import Run
from sim.loader import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def hand(rubric):  # noqa: ANN001, ANN201
    return load_scenario(FIXTURES / "hand.yaml", rubric.dimension_ids(), use_cache=False)


@pytest.fixture
def loop(rubric):  # noqa: ANN001, ANN201
    return load_scenario(FIXTURES / "loop.yaml", rubric.dimension_ids(), use_cache=False)


def play(scenario, *choices: str) -> Run:  # noqa: ANN001
    run = Run(scenario)
    for c in choices:
        run.choose(c)
    return run


# --- normalisation arithmetic -------------------------------------------------------------

def test_normalise_maps_the_reachable_range_onto_0_to_100() -> None:
    assert normalise(-2, -2, 5) == (0, False)
    assert normalise(5, -2, 5) == (100, False)
    assert normalise(0, -2, 5) == (29, False)  # 2/7 = 28.6
    assert normalise(2, -2, 5) == (57, False)  # 4/7 = 57.1


def test_normalise_rounds_half_up_not_to_even() -> None:
    assert normalise(1, 0, 8) == (13, False)  # 12.5 -> 13 (Python's round() gives 12)
    assert normalise(1, 0, 200) == (1, False)  # 0.5 -> 1


def test_normalise_clamps_totals_outside_the_range_and_says_so() -> None:
    assert normalise(7, -2, 5) == (100, True)
    assert normalise(-3, -2, 5) == (0, True)
    with pytest.raises(ValueError):
        normalise(1, 1, 1)


def test_raw_totals_sum_each_dimension_over_the_decisions(hand) -> None:  # noqa: ANN001
    run = play(hand, "goed", "best")
    assert raw_totals(run.history) == {"verbinding": 5, "helder": 1, "rechtmatig": 2}
    assert raw_totals([s.to_data() for s in run.history]) == raw_totals(run.history)
    assert raw_totals([]) == {}


# --- bounds ------------------------------------------------------------------------------

def test_bounds_are_the_lowest_and_highest_totals_over_all_paths(hand) -> None:  # noqa: ANN001
    b = scenario_bounds(hand)
    assert b.minimum == {"verbinding": -2, "helder": 1, "zakelijk": 0, "rechtmatig": -2,
                         "grenzen": -1}
    assert b.maximum == {"verbinding": 5, "helder": 1, "zakelijk": 1, "rechtmatig": 2,
                         "grenzen": 2}
    assert b.paths == 7
    assert b.visit_bound == 3


@pytest.mark.parametrize(("bound", "top", "paths"), [(1, 0, 2), (2, 1, 4), (3, 2, 6), (5, 4, 10)])
def test_bounds_on_a_loop_follow_the_visit_bound(loop, bound: int, top: int, paths: int) -> None:  # noqa: ANN001
    b = scenario_bounds(loop, visit_bound=bound)
    assert b.maximum["verbinding"] == top  # the loop taken bound - 1 times, then 'afronden'
    assert b.minimum["verbinding"] == -2  # 'afkappen' at once
    assert (b.minimum["grenzen"], b.maximum["grenzen"]) == (0, 1)
    assert b.paths == paths


def test_too_large_to_explore_names_the_bounds_used(loop) -> None:  # noqa: ANN001
    with pytest.raises(TooLargeToScore) as info:
        scenario_bounds(loop, visit_bound=4, max_states=2)
    msg = str(info.value)
    assert "'lus'" in msg and "more than 2 distinct states" in msg
    assert "visit bound 4" in msg and "at most 4 times" in msg
    assert info.value.visit_bound == 4 and info.value.max_states == 2


def test_bounds_are_cached_per_scenario_and_settings(hand) -> None:  # noqa: ANN001
    assert scenario_bounds(hand) is scenario_bounds(hand)
    assert scenario_bounds(hand, visit_bound=2) is not scenario_bounds(hand)


# --- scorecards on hand-worked runs ---------------------------------------------------------

def test_best_path_scores_100_and_lands_in_reliable_partner(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "best"), rubric)
    v = card.dimensions["verbinding"]
    assert (v.raw, v.minimum, v.maximum, v.score, v.band.id, v.status) == \
        (5, -2, 5, 100, "uitstekend", ASSESSED)
    r = card.dimensions["rechtmatig"]
    assert (r.raw, r.score, r.band.id) == (2, 100, "uitstekend")
    # zakelijk was at stake ('midden' was on offer) and the run did not score it: 0 of 0..1
    z = card.dimensions["zakelijk"]
    assert (z.raw, z.score, z.band.id, z.status) == (0, 0, "onvoldoende", ASSESSED)
    assert card.axes["contact"].score == 100 and card.axes["contact"].dimensions == ["verbinding"]
    assert card.axes["limits"].score == 100 and card.axes["limits"].dimensions == ["rechtmatig"]
    assert card.quadrant.id == "betrouwbare-partner"


def test_worst_path_scores_0_and_lands_in_disengaged(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "slecht", "fout"), rubric)
    assert card.dimensions["verbinding"].score == 0
    assert card.dimensions["rechtmatig"].score == 0
    assert card.dimensions["verbinding"].band.id == "onvoldoende"
    assert card.quadrant.id == "afhakend"


def test_middle_path_by_hand(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "midden", "toe"), rubric)
    d = card.dimensions
    assert (d["verbinding"].raw, d["verbinding"].score) == (0, 29)  # (0 + 2) / 7
    assert (d["zakelijk"].raw, d["zakelijk"].score, d["zakelijk"].band.id) == (1, 100, "uitstekend")
    assert (d["grenzen"].raw, d["grenzen"].score) == (-1, 0)  # (-1 + 1) / 3
    assert (d["rechtmatig"].raw, d["rechtmatig"].score) == (-1, 25)  # (-1 + 2) / 4
    assert card.axes["contact"].score == 29 and card.axes["contact"].high is False
    # limits = mean(grenzen 0, rechtmatig 25) = 12.5 -> 13 (half up)
    assert card.axes["limits"].score == 13 and card.axes["limits"].high is False
    assert card.quadrant.id == "afhakend"


def test_distant_and_accommodating_quadrants(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "midden", "grens"), rubric)
    assert card.dimensions["grenzen"].score == 100
    assert card.dimensions["rechtmatig"].score == 50  # 0 of -2..2, at stake through 'toe'
    assert card.axes["limits"].score == 75  # mean(100, 50)
    assert card.quadrant.id == "afstandelijk"
    card = score_run(hand, play(hand, "goed", "fout"), rubric)
    assert card.dimensions["verbinding"].score == 57  # (2 + 2) / 7
    assert card.dimensions["verbinding"].band.id == "voldoende"
    assert card.dimensions["rechtmatig"].score == 0
    assert card.quadrant.id == "meegaand"


def test_band_thresholds_come_from_the_rubric(rubric) -> None:  # noqa: ANN001
    got = {s: rubric.band_for(s).id for s in (0, 39, 40, 64, 65, 84, 85, 100)}
    assert got == {0: "onvoldoende", 39: "onvoldoende", 40: "voldoende", 64: "voldoende",
                   65: "goed", 84: "goed", 85: "uitstekend", 100: "uitstekend"}


# --- not assessed, never zero -----------------------------------------------------------------

def test_dimensions_the_scenario_never_scores_are_not_assessed(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "best"), rubric)
    for dim in ("begrip", "veiligheid"):
        s = card.dimensions[dim]
        assert s.status == NOT_SCORED and not s.assessed
        assert s.score is None and s.band is None


def test_a_dimension_with_the_same_total_on_every_path_is_not_assessed(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "best"), rubric)
    h = card.dimensions["helder"]
    assert h.status == NO_SPREAD and h.score is None
    assert (h.raw, h.minimum, h.maximum) == (1, 1, 1)


def test_a_dimension_not_at_stake_on_the_route_is_not_assessed(hand, rubric) -> None:  # noqa: ANN001
    # grenzen is only at stake at node c, which this route never reaches
    card = score_run(hand, play(hand, "goed", "ok"), rubric)
    g = card.dimensions["grenzen"]
    assert g.status == NOT_AT_STAKE and g.score is None
    assert (g.minimum, g.maximum) == (-1, 2)
    assert card.axes["limits"].dimensions == ["rechtmatig"]
    # without the replay (no at_stake given), the scenario-wide rule alone applies
    plain = score_history(hand, play(hand, "goed", "ok").history, rubric)
    assert plain.dimensions["grenzen"].status == ASSESSED
    assert plain.dimensions["grenzen"].score == 33  # (0 + 1) / 3


def test_no_quadrant_when_an_axis_has_nothing_assessed(loop, rubric) -> None:  # noqa: ANN001
    card = score_run(loop, play(loop, "afkappen"), rubric)
    assert card.axes["contact"].score == 0
    assert card.axes["limits"].score == 0  # grenzen was at stake ('afronden' on offer)
    assert card.quadrant is not None
    card = score_history(loop, [], rubric, at_stake=set())
    assert card.axes["contact"].score is None and card.axes["contact"].high is None
    assert card.quadrant is None


# --- loops, budget, damaged runs ------------------------------------------------------------

def test_a_run_that_loops_beyond_the_bound_is_clamped(loop, rubric) -> None:  # noqa: ANN001
    run = play(loop, "doorvragen", "doorvragen", "doorvragen", "doorvragen", "afronden")
    card = score_run(loop, run, rubric)
    v = card.dimensions["verbinding"]
    assert (v.raw, v.maximum, v.score, v.clamped) == (4, 2, 100, True)
    wider = score_run(loop, run, rubric, visit_bound=5)
    assert (wider.dimensions["verbinding"].score, wider.dimensions["verbinding"].clamped) == \
        (100, False)
    one_loop = score_run(loop, play(loop, "doorvragen", "afronden"), rubric)
    assert one_loop.dimensions["verbinding"].score == 75  # (1 + 2) / 4


def test_a_scenario_too_large_to_explore_keeps_raw_totals(loop, rubric) -> None:  # noqa: ANN001
    card = score_run(loop, play(loop, "doorvragen", "afronden"), rubric, max_states=2)
    assert card.bounds is None
    assert "more than 2 distinct states" in card.notice and "visit bound 3" in card.notice
    v = card.dimensions["verbinding"]
    assert (v.status, v.raw, v.score) == (NOT_EXPLORED, 1, None)
    assert card.dimensions["begrip"].status == NOT_SCORED
    assert card.quadrant is None


def test_scoring_a_run_of_another_scenario_says_so(hand, loop, rubric) -> None:  # noqa: ANN001
    with pytest.raises(ScoringError, match="belongs to scenario 'lus'"):
        score_run(hand, play(loop, "afronden").snapshot(), rubric)
    with pytest.raises(ScoringError, match="not a saved sovsim run"):
        score_run(hand, {"history": "x"}, rubric)
