"""Scores judged per decision met, checked against runs worked out by hand
(tests/fixtures/hand.yaml and loop.yaml), with properties over made-up decisions and over
every bundled scenario, and the outcome caps of the rubric."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.replay import Decision, replay
from scoring.rubric import load_rubric
from scoring.score import (
    ASSESSED,
    NOT_AT_STAKE,
    NOT_SCORED,
    ScoringError,
    normalise,
    raw_totals,
    score_decisions,
    score_run,
)
from sim.engine import Run, Step
from sim.loader import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = sorted((Path(__file__).parent.parent / "scenarios").glob("*.yaml"))


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


# --- arithmetic -------------------------------------------------------------------------------

def test_normalise_maps_the_range_onto_0_to_100_half_up() -> None:
    assert normalise(-2, -2, 5) == 0
    assert normalise(5, -2, 5) == 100
    assert normalise(0, -2, 5) == 29  # 2/7 = 28.6
    assert normalise(1, 0, 8) == 13  # 12.5 -> 13 (Python's round() gives 12)
    with pytest.raises(ValueError):
        normalise(1, 1, 1)


def test_raw_totals_sum_each_dimension_over_the_decisions(hand) -> None:  # noqa: ANN001
    run = play(hand, "goed", "best")
    assert raw_totals(run.history) == {"verbinding": 5, "helder": 1, "rechtmatig": 2}
    assert raw_totals([s.to_data() for s in run.history]) == raw_totals(run.history)
    assert raw_totals([]) == {}


# --- scorecards on hand-worked runs ---------------------------------------------------------
# At 'a' the options span verbinding -2..2 and zakelijk 0..1 (helder is +1 for all three);
# at 'b' after 'goed' verbinding 0..3 and rechtmatig -2..2, after 'slecht' ('best' disabled)
# verbinding 0..1 and rechtmatig -2..1; at 'c' grenzen -1..2 and rechtmatig -1..0.

def test_the_best_option_at_every_decision_scores_100(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "best"), rubric)
    v = card.dimensions["verbinding"]
    assert (v.raw, v.minimum, v.maximum, v.score, v.band.id, v.decisions) == \
        (5, -2, 5, 100, "uitstekend", 2)
    r = card.dimensions["rechtmatig"]
    assert (r.score, r.decisions) == (100, 1)
    # zakelijk was at stake at 'a' ('midden' scored it) and this choice did not: 0 of 0..1
    z = card.dimensions["zakelijk"]
    assert (z.raw, z.score, z.band.id, z.status, z.decisions) == (0, 0, "onvoldoende", ASSESSED, 1)
    assert card.axes["contact"].dimensions == ["verbinding"]
    assert card.axes["limits"].dimensions == ["rechtmatig"]
    assert card.quadrant.id == "betrouwbare-partner"


def test_the_worst_option_at_every_decision_scores_0(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "slecht", "fout"), rubric)
    assert card.dimensions["verbinding"].score == 0  # 0/4 at a, 0/1 at b
    assert card.dimensions["rechtmatig"].score == 0  # -2 of -2..1
    assert card.quadrant.id == "afhakend"


def test_a_score_sums_the_points_gained_over_the_points_possible(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "fout"), rubric)
    v = card.dimensions["verbinding"]
    assert (v.score, v.minimum, v.maximum) == (57, -2, 5)  # (4 + 0) / (4 + 3)
    assert card.dimensions["rechtmatig"].score == 0
    assert card.quadrant.id == "meegaand"
    card = score_run(hand, play(hand, "slecht", "ok"), rubric)
    assert card.dimensions["verbinding"].score == 20  # (0 + 1) / (4 + 1): what was on offer
    assert card.dimensions["rechtmatig"].score == 100  # 1 of -2..1: the best available then
    assert card.quadrant.id == "afstandelijk"


def test_a_short_route_is_judged_on_its_own_decisions(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "midden", "toe"), rubric)
    d = card.dimensions
    assert (d["verbinding"].score, d["verbinding"].decisions) == (50, 1)  # 0 of -2..2
    assert (d["zakelijk"].score, d["grenzen"].score, d["rechtmatig"].score) == (100, 0, 0)
    assert card.axes["contact"].score == 50 and card.axes["contact"].high is True
    assert card.axes["limits"].score == 0
    assert card.quadrant.id == "meegaand"


def test_dimensions_the_scenario_never_scores_are_not_assessed(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "best"), rubric)
    for dim in ("begrip", "veiligheid"):
        s = card.dimensions[dim]
        assert s.status == NOT_SCORED and not s.assessed
        assert s.score is None and s.band is None and s.decisions == 0


def test_a_dimension_no_decision_on_the_route_could_move_is_not_assessed(hand, rubric) -> None:  # noqa: ANN001
    card = score_run(hand, play(hand, "goed", "ok"), rubric)
    # helder: every option at 'a' gives +1; grenzen: only at 'c', which this route never reaches
    for dim in ("helder", "grenzen"):
        s = card.dimensions[dim]
        assert s.status == NOT_AT_STAKE and s.score is None and s.band is None
        assert s.minimum is None and s.maximum is None
    assert card.dimensions["helder"].raw == 1
    assert card.axes["limits"].dimensions == ["rechtmatig"]


def test_no_quadrant_when_an_axis_has_nothing_assessed(loop, rubric) -> None:  # noqa: ANN001
    card = score_decisions(loop, [], rubric)
    assert card.axes["contact"].score is None and card.axes["contact"].high is None
    assert card.quadrant is None


def test_a_loop_taken_many_times_needs_no_bound(loop, rubric) -> None:  # noqa: ANN001
    run = play(loop, "doorvragen", "doorvragen", "doorvragen", "doorvragen", "afronden")
    card = score_run(loop, run, rubric)
    v = card.dimensions["verbinding"]
    # four times 1 of -2..1 (3 of 3 each), then 'afronden' 0 of -2..1 (2 of 3): 14/15
    assert (v.raw, v.score, v.decisions, v.minimum, v.maximum) == (4, 93, 5, -10, 5)
    assert card.dimensions["grenzen"].score == 20  # 0 of 0..1 four times, then 1 of 0..1
    assert card.dimensions["grenzen"].decisions == 5


def test_scoring_a_run_of_another_scenario_says_so(hand, loop, rubric) -> None:  # noqa: ANN001
    with pytest.raises(ScoringError, match="belongs to scenario 'lus'"):
        score_run(hand, play(loop, "afronden").snapshot(), rubric)
    with pytest.raises(ScoringError, match="not a saved sovsim run"):
        score_run(hand, {"history": "x"}, rubric)


# --- the outcome caps an axis (rubric 'outcomes') ---------------------------------------------

def test_an_outcome_caps_its_axis_below_the_threshold_and_keeps_the_score(hand, rubric) -> None:  # noqa: ANN001
    _, decisions = replay(hand, play(hand, "goed", "best"))
    card = score_decisions(hand, decisions, rubric, "contact_broken")
    c = card.axes["contact"]
    assert (c.score, c.high, c.uncapped, c.capped_by) == (49, False, 100, "contact_broken")
    assert card.dimensions["verbinding"].score == 100  # the dimension itself stands
    assert card.quadrant.id == "afstandelijk"
    card = score_decisions(hand, decisions, rubric, "gave_in")
    assert (card.axes["limits"].score, card.axes["limits"].capped_by) == (49, "gave_in")
    assert card.quadrant.id == "meegaand"
    card = score_decisions(hand, decisions, rubric, "partner")
    assert card.axes["contact"].capped_by is None and card.quadrant.id == "betrouwbare-partner"


def test_a_low_axis_is_never_raised_by_a_cap(hand, rubric) -> None:  # noqa: ANN001
    _, decisions = replay(hand, play(hand, "slecht", "ok"))
    card = score_decisions(hand, decisions, rubric, "contact_broken")
    assert (card.axes["contact"].score, card.axes["contact"].capped_by) == (20, None)


# --- properties over made-up decisions --------------------------------------------------------

@dataclass
class _Choice:
    id: str
    scores: dict[str, int]


DIMS = ["verbinding", "begrip", "grenzen"]
RUBRIC = load_rubric()
option = st.dictionaries(st.sampled_from(DIMS), st.integers(-3, 3), max_size=3)
decision = st.lists(option, min_size=1, max_size=4)


def _decisions(spec: list[list[dict[str, int]]], pick) -> list[Decision]:  # noqa: ANN001
    out = []
    for i, offered in enumerate(spec, 1):
        choices = [_Choice(f"c{j}", s) for j, s in enumerate(offered)]
        chosen = pick(choices)
        step = Step(node=f"n{i}", choice=chosen.id, target="x", entered=[], changes={},
                    scores=dict(chosen.scores), time="")
        out.append(Decision(i, step, choices, chosen))  # type: ignore[arg-type]
    return out


class _Scen:
    def __init__(self, spec: list[list[dict[str, int]]]) -> None:
        self.spec = spec

    def dimensions_scored(self) -> list[str]:
        return sorted({d for offered in self.spec for s in offered for d in s})


@settings(max_examples=200, deadline=None)
@given(spec=st.lists(decision, min_size=0, max_size=8), dim=st.sampled_from(DIMS))
def test_property_best_on_offer_everywhere_is_100_and_worst_is_0(spec, dim) -> None:  # noqa: ANN001
    rubric = RUBRIC
    best = score_decisions(_Scen(spec), _decisions(spec, lambda cs: max(
        cs, key=lambda c: c.scores.get(dim, 0))), rubric)  # type: ignore[arg-type]
    worst = score_decisions(_Scen(spec), _decisions(spec, lambda cs: min(
        cs, key=lambda c: c.scores.get(dim, 0))), rubric)  # type: ignore[arg-type]
    moved = sum(1 for offered in spec
                if len({s.get(dim, 0) for s in offered}) > 1)
    b, w = best.dimensions[dim], worst.dimensions[dim]
    if moved:
        assert (b.score, w.score) == (100, 0)
        assert b.decisions == w.decisions == moved
        assert b.band is not None
    else:
        assert b.score is None and b.band is None and not b.assessed


@settings(max_examples=200, deadline=None)
@given(spec=st.lists(decision, min_size=1, max_size=8), rnd=st.randoms(use_true_random=False))
def test_property_every_score_lies_in_0_to_100_and_rests_on_touching_decisions(spec, rnd) -> None:  # noqa: ANN001
    rubric = RUBRIC
    card = score_decisions(_Scen(spec), _decisions(spec, rnd.choice), rubric)  # type: ignore[arg-type]
    for dim in DIMS:
        s = card.dimensions[dim]
        if s.assessed:
            assert 0 <= s.score <= 100 and s.decisions >= 1
            assert s.minimum <= s.raw <= s.maximum
        else:
            assert s.score is None and s.band is None


# --- every bundled scenario -------------------------------------------------------------------

def _greedy(scenario, rubric, dim: str, sign: int) -> Run:  # noqa: ANN001
    """Choose the option on offer that scores ``dim`` highest (sign 1) or lowest (-1)."""
    run = Run(scenario)
    for _ in range(200):
        if run.finished:
            break
        views = [v for v in run.choices("nl") if v.enabled]
        best = max(views, key=lambda v: sign * run.node.choice(v.id).scores.get(dim, 0))
        run.choose(best.id)
    return run


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_greedy_routes_score_100_and_0_on_their_dimension(path: Path, rubric) -> None:  # noqa: ANN001
    scenario = load_scenario(path, rubric.dimension_ids())
    for dim in scenario.dimensions_scored():
        top = score_run(scenario, _greedy(scenario, rubric, dim, 1), rubric).dimensions[dim]
        low = score_run(scenario, _greedy(scenario, rubric, dim, -1), rubric).dimensions[dim]
        if top.assessed:
            assert top.score == 100, (scenario.id, dim)
        if low.assessed:
            assert low.score == 0, (scenario.id, dim)
