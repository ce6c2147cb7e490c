"""Lint warnings: each on a fixture made to trigger it, with its line and column,
shown by ``sovsim validate`` and failing it under ``--strict``."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.lint import CODES, cell_width, check_file, wrapped_lines

from .clirun import sovsim

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "authoring"


def problems(path: Path, rubric, **kw):  # noqa: ANN001, ANN003, ANN201
    return check_file(path, rubric.dimension_ids(), rubric, **kw)


# fixture -> every warning it must give: (code, line, column, words in the message)
EXPECTED = {
    "clean": [],
    "unreachable": [("unreachable", 54, 3, "'vergeten' is unreachable"),
                    ("unreachable", 56, 3, "no play-through reaches node 'verborgen'")],
    "ending-unreached": [("ending-unreached", 53, 3, "ending 'ontsnapt'")],
    "no-decision": [("no-decision", 27, 3, "'tussen' has only one choice"),
                    ("no-decision", 34, 3, "only one of them is on offer")],
    "no-scores": [("no-scores", 27, 9, "choice 'zwijgen' of node 'begin' has no 'scores:'")],
    "no-feedback": [("no-feedback", 32, 9, "choice 'grens' of node 'vervolg' has no 'feedback:'")],
    "missing-translation": [
        ("missing-translation", 15, 15, "line 1 of node 'begin' is in one language only"),
        ("missing-translation", 18, 46, "has an empty 'en' text"),
        ("missing-translation", 25, 19, "the same in nl and en"),
    ],
    "long-text": [("long-text", 35, 15, "choice 'grens' (en) takes 4 lines")],
    "one-direction": [("one-direction", 34, 30, "'veiligheid' is only ever rewarded")],
    "flat-dimension": [("flat-dimension", 19, 33, "every play-through scores +0 on dimension 'begrip'")],
    "top-band": [("top-band", 2, 1, "(luisteren > grens: at each decision the option with the highest total")],
    "dead-end": [("dead-end", 35, 3, "after: zwijgen; genoteerd=false")],
    "best-in-same-place": [("best-in-same-place", 13, 3, "at 4 of 4 decisions the best-scoring option is number 1")],
    "top-band-loop": [("top-band", 4, 1, "on: grenzen 50")],
    "behaviour-score": [
        ("behaviour-score", 36, 17, "names niet-tekenen (together rechtmatig +2, grenzen +1), but "
                                    "scores 'rechtmatig' +0 without a reason"),
        ("behaviour-score", 36, 17, "scores 'grenzen' +2 without a reason"),
    ],
    "override-default": [("override-default", 36, 20, "gives 'grenzen' +2, the same as the "
                                                      "behaviours' default")],
    # the fixtures of tests/test_analyse.py
    # judged per decision, asking on instead of closing costs 'helder' at each ask: the best
    # path stays below the top band (the flat total is what the author should fix)
    "loop": [("top-band", 4, 1, "on: verbinding 67, helder 33;"),
             ("flat-dimension", 22, 34, "every play-through scores +1 on dimension 'helder'"),
             ("one-direction", 22, 34, "'helder' is only ever rewarded")],
    "paths": [("unreachable", 72, 3, "node 'nooit' is unreachable")],
    "runtime-error": [("runtime-error", 44, 19,
                       "effect 'gemiddeld = 10 / pogingen' of choice 'grens': division by zero "
                       "(after: opnieuw)")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fixture_gives_exactly_its_warnings(name: str, rubric) -> None:  # noqa: ANN001
    found = problems(FIXTURES / f"{name}.yaml", rubric)
    assert all(p.severity == "warning" for p in found)
    assert [(p.code, p.line, p.column) for p in found] == [e[:3] for e in EXPECTED[name]]
    for p, e in zip(found, EXPECTED[name], strict=True):
        assert e[3] in p.message
        assert p.file.endswith(f"{name}.yaml")


def test_every_code_has_a_fixture_or_test() -> None:
    # no-tip needs a rubric with no general tip: tests/test_debrief_truth.py
    covered = {e[0] for exp in EXPECTED.values() for e in exp} | {"not-explored", "no-tip"}
    assert covered == set(CODES)


def test_fixture_files_name_what_they_trigger() -> None:
    for name in EXPECTED:
        if name in CODES:
            first = (FIXTURES / f"{name}.yaml").read_text().splitlines()[0]
            assert first.startswith(f"# Triggers: {name}")


def test_validate_shows_warnings_with_position_and_code() -> None:
    r = sovsim("--lang", "en", "validate", "tests/authoring/dead-end.yaml")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("tests/authoring/dead-end.yaml:35:3: warning: dead end at node "
                               "'vervolg'")
    assert r.stdout.rstrip().endswith("[dead-end]")
    assert "1 file checked: 0 errors, 1 warning" in r.stderr
    nl = sovsim("validate", "tests/authoring/dead-end.yaml")
    assert nl.stdout.startswith("tests/authoring/dead-end.yaml:35:3: waarschuwing: doodlopend "
                                "punt bij knooppunt 'vervolg'")
    assert nl.stdout.rstrip().endswith("[dead-end]")
    assert "1 bestand gecontroleerd: 0 fouten, 1 waarschuwing" in nl.stderr


def test_validate_strict_fails_on_warnings_only() -> None:
    assert sovsim("validate", "--strict", "tests/authoring/no-feedback.yaml").returncode == 1
    clean = sovsim("--lang", "en", "validate", "--strict", "tests/authoring/clean.yaml")
    assert clean.returncode == 0
    assert clean.stdout == ""
    assert "no problems" in clean.stderr


def test_validate_folder_counts_all_warnings() -> None:
    r = sovsim("--lang", "en", "validate", "tests/authoring")
    assert r.returncode == 0
    total = sum(len(v) for v in EXPECTED.values())
    assert f"{len(EXPECTED)} files checked: 0 errors, {total} warnings" in r.stderr
    assert len(r.stdout.splitlines()) == total


def test_loader_errors_come_first_and_broken_files_are_not_linted(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    text = (FIXTURES / "no-decision.yaml").read_text()
    broken = tmp_path / "broken.yaml"
    # an unknown key (a loader error) in a file that would also give lint warnings
    broken.write_text(text.replace("  tussen:\n", "  tussen:\n    colour: red\n"))
    found = problems(broken, rubric)
    assert [p.severity for p in found] == ["error"]
    assert "unknown key 'colour'" in found[0].message
    r = sovsim("--lang", "en", "validate", str(broken), "tests/authoring/no-feedback.yaml")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert ": error: unknown key 'colour'" in lines[0]
    assert lines[1].endswith("[no-feedback]")
    assert "2 files checked: 1 error, 1 warning" in r.stderr


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / f"{name}.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_runtime_errors_point_at_the_failing_condition_or_route(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    base = (FIXTURES / "runtime-error.yaml").read_text()
    # the division by zero in a choice condition
    cond = base.replace('''      - id: toegeven
        text: {nl: "Vooruit dan.", en: "Oh, all right."}''', '''      - id: toegeven
        text: {nl: "Vooruit dan.", en: "Oh, all right."}
        if: "10 / pogingen > 1"''').replace('effects: ["gemiddeld = 10 / pogingen"]', "")
    found = problems(_write(tmp_path, "cond", cond), rubric)
    err = [p for p in found if p.code == "runtime-error"]
    assert len(err) == 1
    line = cond.splitlines()[err[0].line - 1]
    assert line[err[0].column - 1:].startswith('"10 / pogingen > 1"')
    assert "the condition of choice 'toegeven' cannot be evaluated" in err[0].message
    # a route of a 'next:' node
    route = base.replace('effects: ["gemiddeld = 10 / pogingen"]', "").replace(
        "        target: goed\n", "        target: tussen\n", 1).replace(
        "  goed:\n", '''  tussen:
    next: goed
    routes:
      - if: "gemiddeld / pogingen > 1"
        target: getekend
  goed:
''')
    found = problems(_write(tmp_path, "route", route), rubric)
    err = [p for p in found if p.code == "runtime-error"]
    assert len(err) == 1
    line = route.splitlines()[err[0].line - 1]
    assert line[err[0].column - 1:].startswith('"gemiddeld / pogingen > 1"')
    assert "route condition 'gemiddeld / pogingen > 1' of node 'tussen'" in err[0].message


def wide_scenario(n: int) -> str:
    """n decisions in a row, each setting its own flag: 2^n distinct states."""
    out = ["id: breed", "version: 1", "languages: [nl]", "title: Breed", "summary: Breed.",
           "role: Medewerker", "variables:"]
    out += [f"  v{i}: {{type: bool, initial: false}}" for i in range(n)]
    out += ["start: k0", "nodes:"]
    for i in range(n):
        nxt = f"k{i + 1}" if i + 1 < n else "einde"
        ja = ("      - {id: ja, text: Ja, scores: {verbinding: 1}, feedback: Goed,"
              f' effects: ["v{i} = true"], target: {nxt}}}')
        nee = ("      - {id: nee, text: Nee, scores: {verbinding: -1}, feedback: Slecht,"
               f" target: {nxt}}}")
        out += [f"  k{i}:", "    choices:", *((ja, nee) if i % 2 else (nee, ja))]
    out += ["  einde:", "    ending: {outcome: open, title: Einde, text: Klaar.}"]
    return "\n".join(out) + "\n"


def test_too_large_to_explore_says_so_and_falls_back_to_random_runs(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    path = _write(tmp_path, "breed", wide_scenario(12))
    assert problems(path, rubric) == []  # 8,191 states: explored in full
    found = problems(path, rubric, max_states=1000)
    assert [p.code for p in found] == ["not-explored"]
    assert "more than 1,000 distinct states" in found[0].message
    r = sovsim("validate", "--max-states", "1000", str(path))
    assert r.returncode == 0 and "[not-explored]" in r.stdout
    # a dead end is still found by the random runs that stand in
    dead = wide_scenario(12).replace("target: einde}", "target: stuk}", 1)
    dead = dead.replace("  einde:", "  stuk:\n    choices:\n      - {id: x, text: X, if: \"v0 and not v0\","
                                   " scores: {verbinding: 1}, feedback: X, target: einde}\n  einde:")
    found = problems(_write(tmp_path, "dood", dead), rubric, max_states=1000)
    assert {p.code for p in found} >= {"not-explored", "dead-end"}


def test_choice_width_is_measured_in_terminal_columns() -> None:
    assert cell_width("abc") == 3
    assert cell_width("日本") == 4  # wide characters take two columns
    assert cell_width("e\u0301") == 1  # a combining accent takes none
    assert wrapped_lines("a" * 72) == 1
    assert wrapped_lines("a" * 73) == 2  # an over-long word is broken
    assert wrapped_lines(" ".join(["word"] * 14)) == 1  # 69 columns
    assert wrapped_lines(" ".join(["word"] * 15)) == 2  # 74 columns
    assert wrapped_lines("één\ntwee") == 2  # a line break starts a new line
    assert wrapped_lines("日" * 37) == 2  # 74 columns of wide characters


def test_one_language_scenarios_are_not_asked_for_translations(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    text = (FIXTURES / "clean.yaml").read_text().replace("languages: [nl, en]", "languages: [nl]")
    text = text.replace('{nl: "Ik erken uw gezag niet.", en: "I do not recognise your authority."}',
                        '"Ik erken uw gezag niet, echt niet."')
    assert problems(_write(tmp_path, "eentalig", text), rubric) == []


def test_top_band_only_counts_dimensions_at_stake_on_the_best_path(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    # 'grenzen' is only scored after 'afkappen' (a detour the best path never takes): the
    # debrief of the best path does not assess it, so it cannot keep it from the top band
    text = (FIXTURES / "clean.yaml").read_text()
    text = text.replace("""        scores: {verbinding: -2}
        feedback: {nl: "Je sluit het contact af.", en: "You close the contact."}
        target: weg""", """        scores: {verbinding: -2}
        feedback: {nl: "Je sluit het contact af.", en: "You close the contact."}
        target: omweg""").replace("""  goed:""", """  omweg:
    choices:
      - id: grens-stellen
        text: {nl: "Ik stop dit gesprek.", en: "I am ending this conversation."}
        scores: {grenzen: 2}
        feedback: {nl: "Een duidelijke grens.", en: "A clear limit."}
        target: weg
      - id: laten-gaan
        text: {nl: "Zeg maar wat u wilt.", en: "Say what you like."}
        scores: {grenzen: -2}
        feedback: {nl: "Geen grens.", en: "No limit."}
        target: weg
  goed:""")
    text = text.replace("""        scores: {grenzen: 2}
        feedback: {nl: "Je blijft rustig""", """        scores: {helder: 2}
        feedback: {nl: "Je blijft rustig""").replace("""        scores: {grenzen: -2}
        feedback: {nl: "Je geeft toe""", """        scores: {helder: -2}
        feedback: {nl: "Je geeft toe""")
    assert problems(_write(tmp_path, "omweg", text), rubric) == []
    # scored on the best path's own decision, it does count
    worse = text.replace("""        scores: {helder: 2}
        feedback: {nl: "Je blijft rustig""", """        scores: {helder: 2, grenzen: -1}
        feedback: {nl: "Je blijft rustig""")
    found = problems(_write(tmp_path, "omweg2", worse), rubric)
    assert [p.code for p in found] == ["top-band"]
    assert "grenzen 0" in found[0].message  # -1 of -1..0 at its one decision


def test_choices_of_one_node_must_fit_the_choice_list_together(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    words = " ".join(["woord"] * 30)  # 179 columns: 3 lines of 72 each
    en = " ".join(["word"] * 30)  # 149 columns: 3 lines
    text = (FIXTURES / "clean.yaml").read_text()
    extra = "".join(f'''      - id: extra{i}
        text: {{nl: "{words}", en: "{en}"}}
        scores: {{verbinding: 1}}
        feedback: {{nl: "Uitleg.", en: "Why."}}
        target: weg
''' for i in range(4))
    text = text.replace("        target: weg\n  vervolg:", "        target: weg\n" + extra + "  vervolg:")
    found = problems(_write(tmp_path, "veel", text), rubric)
    # 1 + 1 + 4 x 3 = 14 lines in Dutch: fits; in English 'Then I cannot do anything for
    # you.' is also one line: 14, fits
    assert [p.code for p in found] == []
    text = text.replace("      - id: extra0", "      - id: extra9\n        text: Nog een.\n"
                        "        scores: {verbinding: 1}\n        feedback: Uitleg.\n"
                        "        target: weg\n      - id: extra0")
    found = problems(_write(tmp_path, "veel2", text), rubric)
    assert [(p.code, p.line) for p in found] == [("long-text", 13)]  # the node "begin"
    assert "the choices of node 'begin' take 15 lines together in nl" in found[0].message


SCORED = [*sorted((ROOT / "scenarios").glob("*.yaml")), FIXTURES / "top-band.yaml",
          FIXTURES / "top-band-loop.yaml",
          FIXTURES / "clean.yaml", ROOT / "docs" / "examples" / "stempas.yaml"]


@pytest.mark.parametrize("path", SCORED, ids=lambda p: p.stem)
def test_top_band_check_agrees_with_the_debrief(path: Path, rubric) -> None:  # noqa: ANN001
    """The best path's 0-100 scores, as lint computes them, are what scoring gives that run."""
    from scoring.score import score_run
    from sim.analysis import Exploration
    from sim.engine import Run
    from sim.lint import best_path_scores
    from sim.loader import load_scenario

    sc = load_scenario(path, rubric.dimension_ids())
    best, scores = best_path_scores(Exploration(sc))
    run = Run(sc)
    for choice in best:
        run.choose(choice)
    assert run.finished
    card = score_run(sc, run, rubric)
    assessed = {d: s.score for d, s in card.dimensions.items() if s.assessed}
    assert scores == assessed


def test_runtime_error_in_the_opening_continuation(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    text = """id: openerr
version: 1
languages: [nl]
title: Fout bij de start
summary: Test.
role: Rol
variables:
  n: {type: number, initial: 0}
start: a
nodes:
  a:
    next: b
    routes:
      - if: "1 / n > 1"
        target: c
  b:
    choices:
      - {id: x, text: X, scores: {verbinding: 1}, feedback: F, target: c}
      - {id: y, text: Y, scores: {verbinding: -1}, feedback: F, target: c}
  c:
    ending: {outcome: open, title: Einde, text: Klaar.}
"""
    found = problems(_write(tmp_path, "openerr", text), rubric)
    assert [(p.code, p.line, p.column) for p in found][0] == ("runtime-error", 14, 13)
    assert "route condition '1 / n > 1' of node 'a': division by zero (at the start)" in found[0].message


# -- warnings that say where to look (authorday) -------------------------------------------

def test_best_in_same_place_names_the_nodes(rubric) -> None:  # noqa: ANN001
    (p,) = problems(FIXTURES / "best-in-same-place.yaml", rubric)
    assert p.text("en").endswith("; these are the nodes: begin, vervolg, derde, vierde")
    assert p.text("nl").endswith("; het gaat om deze knooppunten: begin, vervolg, derde, vierde")


def test_top_band_names_the_loop_that_collects_the_same_points(rubric) -> None:  # noqa: ANN001
    (p,) = problems(FIXTURES / "top-band-loop.yaml", rubric)
    en, nl = p.text("en"), p.text("nl")
    assert ("Cause: a loop. Choice 'luisteren' of node 'begin' scores verbinding +2 each "
            "time, 3 times in all, through the loop begin → vervolg → begin (back through "
            "choice 'nog-eens' of 'vervolg')") in en
    assert ("Oorzaak: een lus. Keuze 'luisteren' van knooppunt 'begin' levert 3 keer "
            "verbinding +2 op, door de lus begin → vervolg → begin (terug via keuze 'nog-eens' "
            "van 'vervolg')") in nl


def test_top_band_without_a_loop_shows_where_each_top_is_reached(rubric) -> None:  # noqa: ANN001
    (p,) = problems(FIXTURES / "top-band.yaml", rubric)
    assert "a loop" not in p.text("en")
    assert ("To find the cause: the highest total per dimension and the path that reaches "
            "it (verbinding +2: luisteren > toegeven)") in p.text("en")
    assert "(verbinding +2: luisteren > toegeven)" in p.text("nl")


def test_following_the_loop_advice_clears_the_warning(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    """The advice works: the way back leads to a node without the points."""
    text = (FIXTURES / "top-band-loop.yaml").read_text(encoding="utf-8")
    text = text.replace("""        target: begin
      - id: toegeven""", """        target: opnieuw
      - id: toegeven""").replace("""  goed:
""", """  opnieuw:
    lines:
      - speaker: sam
        text: {nl: "Nou goed, nog één keer.", en: "Well, once more."}
    next: vervolg
  goed:
""")
    assert [p.code for p in problems(_write(tmp_path, "zonder-lus", text), rubric)] == []
