"""``sovsim analyse``: paths, endings, bounds and coverage on scenarios counted by hand,
loops under a visit bound, random runs when a scenario is too large, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.playtest import analyse_file

from .clirun import sovsim

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "authoring"


def analysed(name: str, *args: str) -> tuple[int, dict]:
    r = sovsim("analyse", f"tests/authoring/{name}.yaml", "--json", *args)
    assert r.stderr == ""
    return r.returncode, json.loads(r.stdout)


def endings(report: dict, key: str = "paths") -> dict[str, int]:
    return {e["node"]: e[key] for e in report["endings"]}


def dims(report: dict) -> dict[str, tuple[int, int]]:
    return {d["id"]: (d["lowest"], d["highest"]) for d in report["dimensions"]}


def test_clean_three_paths() -> None:
    # luisteren > grens, luisteren > toegeven, afkappen
    code, rep = analysed("clean")
    assert code == 0 and rep["ok"] and rep["mode"] == "exhaustive"
    assert rep["paths"] == {"complete": 3, "dead_end": 0, "cut": 0, "error": 0}
    assert endings(rep) == {"goed": 1, "weg": 1, "getekend": 1}
    assert dims(rep) == {"verbinding": (-2, 2), "grenzen": (-2, 2)}
    by_id = {d["id"]: d for d in rep["dimensions"]}
    assert by_id["verbinding"]["best"] == ["luisteren", "grens"]
    assert by_id["verbinding"]["worst"] == ["afkappen"]
    assert by_id["grenzen"]["best"] == ["luisteren", "grens"]
    assert by_id["grenzen"]["worst"] == ["luisteren", "toegeven"]
    assert rep["shortest"] == {"choices": ["afkappen"], "length": 1, "decisions": 1}
    assert rep["longest"] == {"choices": ["luisteren", "grens"], "length": 2, "decisions": 2}
    assert rep["coverage"] == {"nodes": 5, "reached": 5, "never_reached": []}
    assert rep["problems"] == [] and rep["warnings"] == 0


def test_paths_with_routes_auto_nodes_and_conditions() -> None:
    # counted by hand in the fixture's header
    code, rep = analysed("paths")
    assert rep["paths"]["complete"] == 4
    assert endings(rep) == {"goed": 1, "weg": 2, "escalatie": 1, "nooit": 0}
    # zakelijk: ophitsen -2; uitleggen +2 (twice); weglopen -1
    # helder: uitleggen > afspraak 1+2; uitleggen > afhaken 1-2; weglopen -1; ophitsen 0
    assert dims(rep) == {"zakelijk": (-2, 2), "helder": (-1, 3)}
    assert rep["shortest"]["choices"] == ["ophitsen"]
    assert rep["longest"]["choices"] == ["uitleggen", "afspraak"]
    assert rep["decisions"] == {"fewest": 1, "most": 2}
    # 'intro' and 'boos' are only passed through automatically, and still count as reached
    assert rep["coverage"] == {"nodes": 8, "reached": 7, "never_reached": ["nooit"]}
    # the ending nobody can reach is an error: exit 1, with its position
    assert code == 1 and not rep["ok"]
    assert [(p["kind"], p["line"], p["column"]) for p in rep["problems"]] == [("unreachable", 72, 3)]


@pytest.mark.parametrize(("bound", "complete"), [(1, 1), (3, 3), (5, 5)])
def test_loop_is_cut_at_the_visit_bound(bound: int, complete: int) -> None:
    code, rep = analysed("loop", "--visit-bound", str(bound))
    assert code == 0
    assert rep["visit_bound"] == bound
    # doorvragen 0..bound-1 times, then afronden; doorvragen a bound-th time is cut
    assert rep["paths"] == {"complete": complete, "dead_end": 0, "cut": 1, "error": 0}
    assert endings(rep) == {"einde": complete}
    assert dims(rep)["verbinding"] == (-1, bound - 2)
    assert rep["longest"]["choices"] == ["doorvragen"] * (bound - 1) + ["afronden"]


def test_loop_text_report_says_the_bound() -> None:
    r = sovsim("--lang", "en", "analyse", "tests/authoring/loop.yaml", "--visit-bound", "4")
    assert r.returncode == 0
    assert "loops cut after 4 visits to a node" in r.stdout
    assert "4 complete, 0 dead ends, 1 cut by the visit bound, 0 with errors" in r.stdout
    assert "Longest    4 choices (4 decisions): doorvragen > doorvragen > doorvragen > afronden" in r.stdout


def test_text_report_of_a_clean_scenario() -> None:
    r = sovsim("--lang", "en", "analyse", "tests/authoring/clean.yaml")
    assert r.returncode == 0
    out = r.stdout.splitlines()
    assert out[0] == "Clean case (clean, version 1)"
    assert "Paths      3 complete, 0 dead ends, 0 cut by the visit bound, 0 with errors" in out
    assert "Coverage   5 of 5 nodes reached (100%)" in out
    assert ["goed", "partner", "1"] in [line.split() for line in out]
    i = out.index("verbinding      -2       +2")
    assert out[i + 1:i + 3] == ["  best   luisteren > grens", "  worst  afkappen"]
    assert out[-1] == "No problems found."


@pytest.mark.parametrize(("name", "kind"), [("dead-end", "dead-end"), ("runtime-error", "runtime-error"),
                                            ("ending-unreached", "ending-unreached"),
                                            ("unreachable", "unreachable")])
def test_problems_exit_1(name: str, kind: str) -> None:
    code, rep = analysed(name)
    assert code == 1 and not rep["ok"]
    assert kind in [p["kind"] for p in rep["problems"]]
    text = sovsim("analyse", f"tests/authoring/{name}.yaml")
    assert text.returncode == 1
    assert f"[{kind}]" in text.stdout.split("Problemen (")[1]


def test_dead_end_counts_paths() -> None:
    _, rep = analysed("dead-end")
    # zwijgen leaves 'genoteerd' false: both choices of 'vervolg' are hidden
    assert rep["paths"] == {"complete": 3, "dead_end": 1, "cut": 0, "error": 0}


def test_runtime_error_counts_paths() -> None:
    _, rep = analysed("runtime-error")
    # opnieuw > grens divides by zero; luisteren > grens, luisteren > toegeven, afkappen
    # and opnieuw > toegeven are complete
    assert rep["paths"] == {"complete": 4, "dead_end": 0, "cut": 0, "error": 1}


def test_load_errors_exit_1_and_are_listed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURES / "clean.yaml").read_text().replace("target: weg", "target: wegg"))
    r = sovsim("analyse", str(bad))
    assert r.returncode == 1
    assert "kan niet worden geanalyseerd; los eerst deze fouten op:" in r.stdout
    assert "verwijst naar knooppunt 'wegg', dat niet bestaat; bedoel je 'weg'?" in r.stdout
    r = sovsim("--lang", "en", "analyse", str(bad))
    assert "cannot be analysed" in r.stdout
    assert "refers to node 'wegg', which does not exist; did you mean 'weg'?" in r.stdout
    r = sovsim("analyse", str(bad), "--json")
    rep = json.loads(r.stdout)
    assert r.returncode == 1 and rep["mode"] == "load-error"
    assert rep["problems"][0]["severity"] == "error" and rep["problems"][0]["line"] == 27


def test_wrong_use_exits_2() -> None:
    for args in (["analyse", "no/such.yaml"], ["analyse", "tests/authoring", "--json"],
                 ["analyse", "tests/authoring/clean.yaml", "--random", "0"],
                 ["analyse", "tests/authoring/clean.yaml", "--visit-bound", "x"]):
        r = sovsim(*args)
        assert r.returncode == 2, args
        assert "Traceback" not in r.stderr and r.stderr.startswith(("sovsim: ", "usage: "))


def wide_scenario(n: int) -> str:
    """n decisions in a row, each setting its own flag: 2^n distinct states."""
    out = ["id: breed", "version: 1", "languages: [nl]", "title: Breed", "summary: Breed.",
           "role: Medewerker", "variables:"]
    out += [f"  v{i}: {{type: bool, initial: false}}" for i in range(n)]
    out += ["start: k0", "nodes:"]
    for i in range(n):
        nxt = f"k{i + 1}" if i + 1 < n else "einde"
        out += [f"  k{i}:", "    choices:",
                "      - {id: ja, text: Ja, scores: {verbinding: 1}, feedback: Goed,"
                f' effects: ["v{i} = true"], target: {nxt}}}',
                "      - {id: nee, text: Nee, scores: {verbinding: -1}, feedback: Slecht,"
                f" target: {nxt}}}"]
    out += ["  einde:", "    ending: {outcome: open, title: Einde, text: Klaar.}",
            "  zelden:", "    ending: {outcome: partner, title: Zelden, text: Zelden.}"]
    return "\n".join(out) + "\n"


def test_too_large_falls_back_to_seeded_random_runs(tmp_path: Path) -> None:
    path = tmp_path / "breed.yaml"
    path.write_text(wide_scenario(14))  # 2^15 - 1 = 32,767 states
    r = sovsim("analyse", str(path), "--max-states", "1000", "--random", "200", "--seed", "7",
               "--json")
    rep = json.loads(r.stdout)
    assert rep["mode"] == "random"
    assert rep["too_large"] == {"explored": 1000, "bound": 1000}
    assert rep["random"]["runs"] == 200 and rep["random"]["seed"] == 7
    assert rep["random"]["status"] == {"ending": 200, "dead_end": 0, "cut": 0, "error": 0}
    assert endings(rep, "runs") == {"einde": 200, "zelden": 0}
    hits = rep["random"]["node_hits"]
    assert hits["k0"] == hits["k13"] == hits["einde"] == 200 and hits["zelden"] == 0
    # 'zelden' is statically unreachable: a problem even in random mode
    assert r.returncode == 1
    lo, hi = dims(rep)["verbinding"]
    assert -14 <= lo < 0 < hi <= 14
    # the same seed gives the same runs; the text report says what happened
    again = json.loads(sovsim("analyse", str(path), "--max-states", "1000", "--random", "200",
                              "--seed", "7", "--json").stdout)
    assert again == rep
    text = sovsim("--lang", "en", "analyse", str(path), "--max-states", "1000", "--random",
                  "200", "--seed", "7")
    assert "Too large to explore every play-through: more than 1,000 distinct states" in text.stdout
    assert "Fell back to 200 random runs (seed 7)" in text.stdout
    assert "Runs      200 reached an ending, 0 dead ends, 0 cut, 0 with errors" in text.stdout


def test_too_large_under_the_default_budget(tmp_path: Path) -> None:
    path = tmp_path / "breed.yaml"
    path.write_text(wide_scenario(14))
    rep = analyse_file(path, max_states=5000)  # default number of random runs
    assert rep["mode"] == "random" and rep["random"]["runs"] == 1000


def test_random_runs_on_request_beside_the_full_exploration() -> None:
    code, rep = analysed("dead-end", "--random", "100", "--seed", "1")
    assert rep["mode"] == "exhaustive" and "too_large" not in rep
    st = rep["random"]["status"]
    # begin offers 3 choices; one of them (zwijgen) runs into the dead end
    assert 15 < st["dead_end"] < 55 and st["ending"] + st["dead_end"] == 100
    assert sum(rep["random"]["ending_hits"].values()) == st["ending"]
    assert rep["random"]["node_hits"]["begin"] == 100
    assert code == 1 and [p["kind"] for p in rep["problems"]] == ["dead-end"]
    text = sovsim("--lang", "en", "analyse", "tests/authoring/dead-end.yaml", "--random", "100",
                  "--seed", "1")
    assert "100 random runs as well (seed 1): " in text.stdout


def test_random_fallback_finds_a_dead_end(tmp_path: Path) -> None:
    path = tmp_path / "breed.yaml"
    text = wide_scenario(14).replace("target: k1}", "target: stuk}", 1)
    text += ('  stuk:\n    choices:\n      - {id: x, text: X, if: "v0 and not v0", '
             "scores: {verbinding: 1}, feedback: X, target: einde}\n")
    path.write_text(text)
    rep = analyse_file(path, max_states=1000, random_runs=100, seed=3)
    assert rep["mode"] == "random"
    st = rep["random"]["status"]
    assert 25 < st["dead_end"] < 75 and st["ending"] + st["dead_end"] == 100
    dead = [p for p in rep["problems"] if p["kind"] == "dead-end"]
    assert len(dead) == 1 and "dead end at node 'stuk'" in dead[0]["message"]


def test_scenario_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "esc.yaml"
    path.write_text((FIXTURES / "clean.yaml").read_text().replace(
        "title: {nl: Schone casus, en: Clean case}",
        'title: {nl: "Schone\\e[2J\\e]0;pwned\\a casus", en: Clean case}'))
    r = sovsim("analyse", str(path))
    assert r.returncode == 0
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert r.stdout.startswith("Schone")


# -- the report in Dutch by default (authorday) ---------------------------------------------

def test_text_report_is_dutch_by_default_with_plural_forms() -> None:
    r = sovsim("analyse", "tests/authoring/clean.yaml")
    assert r.returncode == 0
    out = r.stdout.splitlines()
    assert out[0] == "Schone casus (clean, versie 1)"
    assert out[3] == ("Elk speelpad nagegaan: 5 verschillende toestanden; lussen afgekapt na "
                      "3 bezoeken aan een knooppunt.")
    assert ("Paden         3 volledig, 0 doodlopend, 0 afgekapt door de bezoekgrens, 0 met "
            "fouten") in out
    assert "Kortste       1 keuze (1 beslissing): afkappen" in out
    assert "Langste       2 keuzes (2 beslissingen): luisteren > grens" in out
    assert "Beslissingen  1 tot 2 per speelpad" in out
    assert "Bereik        5 van 5 knooppunten bereikt (100%)" in out
    assert out[out.index("verbinding       -2       +2") + 1:][:2] == [
        "  beste      luisteren > grens", "  slechtste  afkappen"]
    assert out[-1] == "Geen problemen gevonden."
    for english in ("Paths", "Shortest", "Coverage", "Dimension", "best ", "worst",
                    "choice", "decision", "No problems", "version"):
        assert english not in r.stdout, english


def test_dutch_random_report_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "breed.yaml"
    path.write_text(wide_scenario(12))
    r = sovsim("analyse", str(path), "--max-states", "1000", "--random", "1", "--seed", "7")
    assert ("Te groot om elk speelpad na te gaan: meer dan 1.000 verschillende toestanden "
            "(--max-states).") in r.stdout
    assert "In plaats daarvan 1 willekeurige ronde gespeeld (seed 7)" in r.stdout
    assert "Rondes  1 bereikten een einde, 0 doodlopend, 0 afgekapt, 0 met fouten" in r.stdout
    assert "Minst bezochte knooppunten (rondes): " in r.stdout


def test_other_warnings_line_in_both_languages() -> None:
    nl = sovsim("analyse", "tests/authoring/top-band-loop.yaml").stdout.splitlines()[-1]
    assert nl == ("1 andere waarschuwing: 'sovsim validate tests/authoring/top-band-loop.yaml' "
                  "toont hem.")
    en = sovsim("--lang", "en", "analyse", "tests/authoring/top-band-loop.yaml")
    assert en.stdout.splitlines()[-1] == (
        "1 other warning: run 'sovsim validate tests/authoring/top-band-loop.yaml' to see it.")
