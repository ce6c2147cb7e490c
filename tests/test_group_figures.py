"""The dashboard's figures on a fixture of known runs, worked out by hand.

Six trainees play docs/examples/stempas.yaml (paths in tests/groupkit.py):
Anna A, Bram B, Chris C, Dewi D, Eva E, and Fleur who stopped after one choice.
Reachable totals (all six complete paths): verbinding -2..2, begrip -1..2,
zakelijk -2..2, rechtmatig -2..2, helder -1..2, grenzen -2..2, veiligheid 0..1.
"""

from __future__ import annotations

import pytest

from sim import sessions
from sim.group import decision_counts, group_moments, key_decisions
from sim.store import Store

from .groupkit import STEMPAS_PATHS, play

PEOPLE = [("Anna", "A"), ("Bram", "B"), ("Chris", "C"), ("Dewi", "D"), ("Eva", "E")]


@pytest.fixture
def dashboard(tmp_path, example, rubric):  # noqa: ANN001, ANN201
    with Store(tmp_path) as store:
        made = sessions.create_session(store, [example], title="Dag 1")
        for name, path in PEOPLE:
            play(sessions.join(store, made.join_code, name), example, STEMPAS_PATHS[path])
        play(sessions.join(store, made.join_code, "Fleur"), example, ["rustig-uitleggen"])
        trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
        yield trainer.dashboard([example], rubric, lang="en")


def test_who_joined_and_how_far(dashboard) -> None:  # noqa: ANN001
    rows = {p.name: p.latest for p in dashboard.participants}
    assert list(rows) == ["Anna", "Bram", "Chris", "Dewi", "Eva", "Fleur"]
    assert rows["Anna"].finished and rows["Anna"].ending_title == "Contact kept, nothing signed"
    assert rows["Chris"].decisions == 1 and rows["Chris"].outcome == "gave_in"
    assert not rows["Fleur"].finished and rows["Fleur"].decisions == 1
    assert rows["Fleur"].node == "reactie" and rows["Fleur"].most_decisions == 2


def test_counts_per_option_at_each_decision(dashboard) -> None:  # noqa: ANN001
    fig = dashboard.scenario("stempas")
    assert fig.runs == 6 and fig.finished == 5
    got = {d.node: {o.choice: o.count for o in d.options} for d in fig.decisions}
    assert got == {
        "balie": {"rustig-uitleggen": 3, "discussie": 2, "tekenen": 1},
        "reactie": {"grief-erkennen": 1, "volgende": 1, "terug-naar-zaak": 0},
        "boos": {"grens": 1, "toch-tekenen": 1},
    }
    assert [d.node for d in fig.decisions] == ["balie", "reactie", "boos"]  # reading order
    balie = fig.decisions[0]
    assert balie.total == 6 and [o.number for o in balie.options] == [1, 2, 3]
    assert balie.options[0].text.startswith("I can't sign this")
    assert [o.poor for o in balie.options] == [False, True, True]


def test_dimension_averages_and_spread(dashboard) -> None:  # noqa: ANN001
    stats = {d.dimension: d for d in dashboard.scenario("stempas").dimensions}
    assert list(stats) == ["verbinding", "begrip", "zakelijk", "rechtmatig", "helder",
                           "grenzen", "veiligheid"]
    # 0-100 scores per finished run (A, B, C, D, E), judged per decision met: at 'balie'
    # verbinding spans -1..0, zakelijk -2..1, rechtmatig -2..2, helder -1..2; at 'reactie'
    # verbinding -2..2, begrip -1..2, zakelijk 0..1; at 'boos' grenzen -2..2, veiligheid 0..1,
    # rechtmatig -2..0. None (left out) where no decision on that path could move it.
    expected = {"verbinding": [100, 0, 100, 20, 0], "begrip": [100, 0],
                "zakelijk": [75, 0, 67, 75, 0], "rechtmatig": [100, 67, 0, 100, 33],
                "helder": [100, 33, 0, 100, 33], "grenzen": [100, 0], "veiligheid": [100, 0]}
    for dim, values in expected.items():
        s = stats[dim]
        mean = sum(values) / len(values)
        sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
        assert (s.n, s.minimum, s.maximum) == (len(values), min(values), max(values)), dim
        assert s.mean == pytest.approx(mean) and s.sd == pytest.approx(sd), dim
    assert stats["verbinding"].mean == pytest.approx(44.0)
    assert stats["verbinding"].sd == pytest.approx(46.3033, abs=1e-3)
    assert stats["verbinding"].raw_mean == pytest.approx(-0.4)  # (2 - 1 + 0 - 2 - 1) / 5


def test_quadrant_dots_one_per_finished_run(dashboard) -> None:  # noqa: ANN001
    dots = {d.name: (d.contact, d.limits, d.quadrant) for d in dashboard.scenario("stempas").dots}
    assert dots == {"Anna": (100, 100, "betrouwbare-partner"), "Bram": (0, 89, "afstandelijk"),
                    "Chris": (100, 0, "meegaand"), "Dewi": (10, 100, "afstandelijk"),
                    "Eva": (0, 11, "afhakend")}


def test_endings_reached(dashboard) -> None:  # noqa: ANN001
    endings = [(e.node, e.count) for e in dashboard.scenario("stempas").endings]
    assert endings[0] == ("getekend", 2)
    assert sorted(endings) == [("einde-goed", 1), ("einde-grens", 1), ("getekend", 2), ("weg", 1)]


def test_most_common_poor_choices_with_the_better_option(dashboard) -> None:  # noqa: ANN001
    poor = [(p.choice, p.count, p.total, p.better_total)
            for p in dashboard.scenario("stempas").poor_choices]
    assert poor == [("discussie", 2, -3, 5), ("toch-tekenen", 1, -4, 3),
                    ("tekenen", 1, -3, 5), ("volgende", 1, -3, 4)]
    first = dashboard.scenario("stempas").poor_choices[0]
    assert first.text.startswith("But you are simply a person")
    assert first.better.startswith("I can't sign this")


def test_the_better_option_is_one_that_was_on_offer(example) -> None:  # noqa: ANN001
    from sim.engine import Run
    from sim.group import poor_choices
    from sim.store import RunRecord

    # With no tension to start with, 'discussie' leads to 'reactie' where the
    # 'terug-naar-zaak' option is disabled (nothing recorded yet): never the better option.
    run = Run(example, values={"spanning": 0})
    run.choose("discussie")
    run.choose("volgende")
    rec = RunRecord("r", "stempas", 1, "", "coach", "nl", "p", "s", "t", "t", True, "x",
                    "weg", run.snapshot())
    found = {p.choice: p.better for p in poor_choices(example, [rec], "en")}
    assert found["volgende"].startswith("That sounds like a hard time")


def test_the_group_at_a_trainees_key_moments(example, rubric) -> None:  # noqa: ANN001
    from sim.engine import Run

    events = []
    for path in ("A", "B", "C", "D", "E"):
        run = Run(example)
        for c in STEMPAS_PATHS[path]:
            run.choose(c)
        events += [{"scenario_id": "stempas", "node": s.node, "choice": s.choice}
                   for s in run.history]
    counts = decision_counts(events)
    run = Run(example)
    for c in STEMPAS_PATHS["D"]:
        run.choose(c)
    history = [s.to_data() for s in run.history]
    keys = key_decisions(example, run.snapshot(), rubric, "en")
    assert keys == [0, 1]  # the debrief's key moments: a good one, then a poor one
    moments = group_moments(example, history, counts, keys, "en")
    assert [(m.node, m.chosen, m.same, m.total) for m in moments] == \
        [("balie", "rustig-uitleggen", 2, 5), ("reactie", "volgende", 1, 2)]
    assert {o.choice: o.count for o in moments[1].options} == \
        {"grief-erkennen": 1, "volgende": 1, "terug-naar-zaak": 0}
