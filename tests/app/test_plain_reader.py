"""Plain mode for a screen-reader trainee: the gauges after every choice in coach mode (as
sighted trainees see them), a typo answered with a short hint (not every option again), and a
debrief in sentences and short lists, with no Markdown, tables or block characters."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scoring.debrief import build_debrief
from scoring.render_plain import render_plain
from sim.loader import load_scenario
from tests.clirun import ROOT, sovsim

from .conftest import STEMPAS
from .test_plain import env

SYMBOLS = re.compile(r"[|█░▌■#*`]|\\[.()\[\]-]|^> |^- ", re.M)


def test_gauges_are_said_after_every_choice_in_coach_mode(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="1\nu\nq\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    said = re.findall(r"^Now: Trust (\d+) of 10, Tension (\d+) of 10\.$", out, re.M)
    assert len(said) == 2  # after the choice, and after taking it back
    after_choice, after_undo = said
    start = ("4", "3")  # the fixture's initial values
    assert after_undo == start and after_choice != start
    # right after the coach's note on the choice, before the next options
    assert out.index("Coach: +2 Lawful") < out.index("Now: Trust") < out.rindex("What do you do?")


def test_dutch_gauges_and_none_in_assessment_mode(tmp_path: Path) -> None:
    r = sovsim("play", str(STEMPAS), "--plain", input="1\nq\n", env=env(tmp_path))
    assert re.search(r"^Stand: Vertrouwen \d+ van 10, Spanning \d+ van 10\.$", r.stdout, re.M)
    a = sovsim("play", str(STEMPAS), "--plain", "--mode", "assessment", input="1\nq\n",
               env=env(tmp_path / "a"))
    assert "Stand:" not in a.stdout and "Vertrouwen" not in a.stdout


def test_a_typo_gives_a_short_hint_not_the_options_again(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="x\n\n7\nl\nq\n",
               env=env(tmp_path))
    out = r.stdout
    hint = "Type a number from 1 to 3; l repeats the choices, ? gives help."
    assert out.count(hint) == 2                                      # x and an empty line
    assert "There is no choice 7; type 1 to 3, or l to hear the choices." in out
    # the options were said once at the start, and once more only when asked for with l
    assert out.count("  1. I can't sign this") == 2
    assert out.count("What do you do?") == 2


def test_the_debrief_is_sentences_without_symbols(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="1\n2\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    debrief = r.stdout[r.stdout.index("Debrief: The returned polling card"):]
    assert not SYMBOLS.search(debrief), SYMBOLS.search(debrief)
    assert "Scores per dimension, from 0 to 100:" in debrief
    assert re.search(r"^  Lawful: \d+, \w+\.$", debrief, re.M)
    assert "Where you stand: Distant." in debrief
    assert "Key moments:" in debrief and "Decision 2: could be better." in debrief
    assert "A better option was: “That sounds like a hard time." in debrief
    assert "Path taken:" in debrief and "You chose: I understand, but people are waiting." \
        in debrief
    assert "  Ending: Contact broken." in debrief
    for node in ("`balie`", "`reactie`", "`weg`", "rustig-uitleggen"):
        assert node not in debrief  # no author's ids


def test_render_plain_in_dutch(rubric) -> None:  # noqa: ANN001
    fixtures = ROOT / "tests" / "fixtures"
    stempas = load_scenario(fixtures / "stempas.yaml", rubric.dimension_ids(), use_cache=False)
    snap = json.loads((fixtures / "stempas-run-a.json").read_text("utf-8"))
    text = render_plain(build_debrief(stempas, snap, rubric, "nl", mode="coach"))
    assert text.startswith("Nabespreking: De ingeleverde stempas\nRol: Medewerker burgerzaken. "
                           "Coachmodus. 2 beslissingen.")
    assert "Scores per dimensie, van 0 tot 100:" in text
    assert "De banden: " in text and " van 0 tot " in text
    assert "Gevolgde route:" in text and "Jij koos: " in text
    assert not SYMBOLS.search(text)
    assert all(len(line) < 2000 for line in text.splitlines())
