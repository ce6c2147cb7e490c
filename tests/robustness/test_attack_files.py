"""The hostile-file cases of the turn-2 attack (../shared/reviews/attack.md, area 1) that
failed: each test here failed before the fix and holds the behaviour a user relies on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scoring.rubric import MAX_DIMENSIONS, load_rubric
from sim.errors import ContentError
from sim.loader import load_scenario, validate_file
from sim.textsafe import clean, shown_path
from sim.yamlsafe import MAX_SHOWN
from tests.app.conftest import aio, make_app
from tests.clirun import ROOT, sovsim

from .helpers import screen_text

MINUS = "-" * 61
EVIL_NAME = "a\x1b]0;PWNED\x07\x1b]52;c;RklMRU5BTUU=\x07\x1b[2J\u202e.yaml"


def env(tmp_path: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(tmp_path / "data"), "SOVSIM_CACHE_DIR": str(tmp_path / "c")}


def demo(tmp_path: Path, name: str = "demo.yaml") -> Path:
    path = tmp_path / name
    r = sovsim("new", "demo", "-o", str(path), env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    return path


def no_escape(out: str) -> None:
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\x9b" not in out


# -- 1a: 61 unary minus signs (expr.py raised ExprError with a str) -------------------------

MINUS_FILE = f"""id: x
version: 1
languages: [nl]
title: x
summary: x
role: x
variables:
  n: {{type: number, initial: 0}}
start: a
nodes:
  a:
    choices:
      - {{id: c, text: t, if: "{MINUS}n > 1", target: e}}
  e: {{ending: {{outcome: open, title: e, text: e}}}}
"""


@pytest.mark.parametrize("cmd", [["validate"], ["play", "--plain"], ["analyse"], ["graph"],
                                 ["session", "create"]])
def test_sixty_one_minus_signs_are_a_file_line_col_error(tmp_path: Path, cmd: list[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MINUS_FILE, encoding="utf-8")
    args = [*cmd[:1], *cmd[1:2]] if cmd[0] == "session" else cmd[:1]
    rest = cmd[1:] if cmd[0] != "session" else []
    r = sovsim("--lang", "en", *args, str(path), *rest, input="q\n", env=env(tmp_path))
    out = r.stdout + r.stderr
    assert "unexpected error" not in out and "AttributeError" not in out
    assert r.returncode == 1
    assert re.search(r"m\.yaml:13:\d+: error: .*nests deeper than 60 levels", out), out


def test_sixty_one_minus_signs_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MINUS_FILE, encoding="utf-8")
    r = sovsim("validate", str(path), env=env(tmp_path))
    assert "m.yaml:13:" in r.stdout and "meer dan 60 niveaus diep genest" in r.stdout


# -- 1b: a scenario file's NAME with escape sequences -----------------------------------------

@pytest.fixture
def evil_file(tmp_path: Path) -> Path:
    folder = tmp_path / "fn"
    folder.mkdir()
    path = folder / EVIL_NAME
    path.write_text("id: x\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("cmd", [["validate"], ["play", "--plain"], ["author"], ["graph"],
                                 ["session", "create"], ["analyse"]])
def test_a_file_name_with_escape_sequences_is_shown_escaped(
        tmp_path: Path, evil_file: Path, cmd: list[str]) -> None:
    r = sovsim("--lang", "en", *cmd[:1], *(cmd[1:] if cmd[0] == "session" else []),
               str(evil_file), *(cmd[1:] if cmd[0] != "session" else []),
               input="q\n", env=env(tmp_path))
    out = r.stdout + r.stderr
    no_escape(out)
    assert r"a\x1b]0;PWNED\x07\x1b]52;c;RklMRU5BTUU=\x07\x1b[2J\u202e.yaml" in out, out
    assert r.returncode != 0


def test_a_folder_of_files_lists_the_evil_name_escaped(tmp_path: Path, evil_file: Path) -> None:
    r = sovsim("validate", str(evil_file.parent), env=env(tmp_path))
    no_escape(r.stdout + r.stderr)
    assert r"\x1b]52;c;" in r.stdout
    assert "fout: bij het scenario ontbreekt 'version'" in r.stdout


def test_shown_path_escapes_newlines_and_invisible_characters() -> None:
    assert shown_path("a\nb\u2066c\U000e0041.yaml") == r"a\x0ab\u2066c\U000e0041.yaml"
    assert shown_path(Path("gewoon/één.yaml")) == "gewoon/één.yaml"


# -- 1c: ids that end in a newline ------------------------------------------------------------

@pytest.mark.parametrize("old,new", [
    ("id: demo ", 'id: "demo\\n" '),
    ("  begin:\n", '  "begin\\n":\n'),
    ("      - id: luisteren\n", '      - id: "luisteren\\n"\n'),
    ("        target: grens-moment\n", '        target: "grens-moment\\n"\n'),
])
def test_ids_ending_in_a_newline_are_refused(tmp_path: Path, old: str, new: str) -> None:
    path = demo(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = validate_file(path)
    errors = [p for p in problems if p.severity == "error"]
    assert errors, "an id ending in a newline was accepted"
    assert any(p.key in ("load.bad_id", "load.not_id") for p in errors), errors


def test_rubric_ids_ending_in_a_newline_are_refused(tmp_path: Path) -> None:
    text = (ROOT / "scoring" / "rubric.yaml").read_text(encoding="utf-8")
    assert "  - id: verbinding\n" in text
    path = tmp_path / "r.yaml"
    path.write_text(text.replace("  - id: verbinding\n", '  - id: "verbinding\\n"\n', 1),
                    encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_rubric(path)
    assert "rub.bad_id" in [p.key for p in err.value.problems]


# -- 1f: invisible and bidi characters ------------------------------------------------------

INVISIBLE = "\u061c\u2060\ufeff\u180e\U000e0041\U000e0042\ufff9\ufffb\u2062\u206a\u3164"


def test_the_text_cleaner_drops_invisible_format_characters() -> None:
    assert clean(f"Sam{INVISIBLE} \u202eelab\u202c tags") == "Sam elab tags"
    # joiners that scripts and emoji need stay
    assert clean("می\u200cخواهم 👩\u200d💻") == "می\u200cخواهم 👩\u200d💻"


def test_invisible_characters_do_not_reach_plain_mode(tmp_path: Path) -> None:
    path = demo(tmp_path)
    text = path.read_text(encoding="utf-8")
    old = '"Sam legt een vel papier op de balie."'
    escaped = "".join(f"\\U{ord(c):08x}" for c in INVISIBLE)
    path.write_text(text.replace(old, f'"Sam{escaped} legt een vel papier op de balie."'),
                    encoding="utf-8")
    r = sovsim("play", str(path), "--plain", input="1\nq\n", env=env(tmp_path))
    assert "Sam legt een vel papier op de balie." in r.stdout, r.stdout + r.stderr
    leaked = [f"U+{ord(c):04X}" for c in INVISIBLE if c in r.stdout]
    assert not leaked


# -- 1g: 50,000 problems are told as 200 and a count ------------------------------------------

def tiny_nodes(path: Path, n: int = 50_000) -> Path:
    head = "id: x\nversion: 1\nlanguages: [nl]\ntitle: x\nsummary: x\nrole: x\nstart: n0\nnodes:\n"
    path.write_text(head + "".join(
        f"  n{i}: {{ending: {{outcome: open, title: e, text: e, x: [1,1,1,1,1,1,1,1,1,1,1,1,1,1]}}}}\n"
        for i in range(n)), encoding="utf-8")
    return path


def test_a_file_with_fifty_thousand_errors_is_told_in_two_hundred_lines(tmp_path: Path) -> None:
    path = tiny_nodes(tmp_path / "tiny.yaml")
    for lang, more, summary in (
            ("nl", "... en nog 49.800 problemen", "50000 fouten"),
            ("en", "... and 49,800 more problems", "50000 errors")):
        r = sovsim("--lang", lang, "validate", str(path), env=env(tmp_path))
        lines = r.stdout.splitlines()
        assert r.returncode == 1
        assert len(lines) == MAX_SHOWN + 1, len(lines)
        assert more in lines[-1]
        assert summary in r.stderr
        assert len(r.stdout) < 100_000  # was 7.5 MB


def test_loading_keeps_the_first_problems_and_counts_the_rest(tmp_path: Path) -> None:
    path = tiny_nodes(tmp_path / "tiny.yaml", 1_000)
    with pytest.raises(ContentError) as err:
        load_scenario(path, use_cache=False)
    problems = err.value.problems
    assert len(problems) == MAX_SHOWN + 1
    assert problems[-1].msg is not None and problems[-1].msg.params["n"] == 800
    assert problems[-1].severity == "error"


def test_play_of_such_a_file_lists_two_hundred_problems(tmp_path: Path) -> None:
    path = tiny_nodes(tmp_path / "tiny.yaml", 2_000)
    r = sovsim("--lang", "en", "play", str(path), "--plain", input="q\n", env=env(tmp_path))
    assert r.returncode == 1
    assert "... and 1,800 more problems" in r.stderr
    assert r.stderr.count("  - ") == MAX_SHOWN + 1


# -- a rubric with 10,000 dimensions ----------------------------------------------------------

DIM = ("  - {{id: d{i}, name: {{nl: D{i}, en: D{i}}}, description: {{nl: d, en: d}}, "
       "sources: [{{source: L, provenance: letter}}], good: [{{text: {{nl: g, en: g}}, "
       "tip: {{nl: t, en: t}}, sources: [{{source: L, provenance: letter}}]}}], "
       "poor: [{{text: {{nl: p, en: p}}, sources: [{{source: L, provenance: letter}}]}}]}}\n")


def big_rubric(path: Path, extra: int) -> Path:
    text = (ROOT / "scoring" / "rubric.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n"
    dims = "".join(DIM.format(i=i) for i in range(extra))
    # at the end of the dimensions list, before any section that follows it (behaviours)
    at = text.find("\nbehaviours:")
    text = text + dims if at < 0 else text[:at + 1] + dims + text[at + 1:]
    path.write_text(text, encoding="utf-8")
    return path


def test_a_rubric_with_ten_thousand_dimensions_is_refused_clearly(tmp_path: Path) -> None:
    path = big_rubric(tmp_path / "R.yaml", 9_993)
    with pytest.raises(ContentError) as err:
        load_rubric(path)
    problems = err.value.problems
    assert [p.key for p in problems] == ["rub.too_many_dimensions"]
    assert "10.000 onderdelen; de grens is 40" in problems[0].text("nl")
    assert "10,000 dimensions; the limit is 40" in problems[0].text("en")
    demo_file = demo(tmp_path)
    r = sovsim("--rubric", str(path), "play", str(demo_file), "--choices", "1,1,1",
               env=env(tmp_path))
    assert r.returncode == 1 and "R.yaml:" in r.stderr and "de grens is 40" in r.stderr


def test_a_rubric_at_the_dimension_limit_loads(tmp_path: Path) -> None:
    bundled = len(load_rubric().dimensions)
    rubric = load_rubric(big_rubric(tmp_path / "R.yaml", MAX_DIMENSIONS - bundled))
    assert len(rubric.dimensions) == MAX_DIMENSIONS
    with pytest.raises(ContentError):
        load_rubric(big_rubric(tmp_path / "R2.yaml", MAX_DIMENSIONS - bundled + 1))


# -- 1d, 1e: a true/false that is not one, digits that only look like ours -------------------

def test_an_explicit_bool_that_is_no_bool_is_refused(tmp_path: Path) -> None:
    path = demo(tmp_path)
    text = path.read_text(encoding="utf-8")
    old = "gauge: true, label: {nl: Vertrouwen"
    assert old in text
    path.write_text(text.replace(old, 'gauge: !!bool "misschien", label: {nl: Vertrouwen'),
                    encoding="utf-8")
    (problem,) = [p for p in validate_file(path) if p.severity == "error"]
    assert problem.key == "yaml.bool_value" and problem.line > 1
    assert "'misschien' is geen waar/onwaar-waarde" in problem.text("nl")
    assert "'misschien' is not a true/false value" in problem.text("en")
    path.write_text(text.replace(old, 'gauge: !!bool "yes", label: {nl: Vertrouwen'),
                    encoding="utf-8")
    assert not [p for p in validate_file(path) if p.severity == "error"]


def test_arabic_indic_digits_in_a_condition_are_refused(tmp_path: Path) -> None:
    path = demo(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert 'if: "spanning >= 6"' in text
    path.write_text(text.replace('if: "spanning >= 6"', 'if: "spanning >= \u0663"'),
                    encoding="utf-8")
    (error,) = [p for p in validate_file(path) if p.severity == "error"]
    assert error.msg is not None
    inner = error.msg.keys()  # the catalogue keys of the message and its fragments
    assert "expr.bad_char" in inner
    assert "unexpected character '\u0663'" in error.text("en")


@aio
async def test_the_app_shows_an_evil_file_name_escaped(tmp_path: Path) -> None:
    """The library lists a broken file by its name, and the problems screen names it: both
    show the escape sequences as text (nothing reaches the terminal)."""
    from sim.app.screens.problems import ProblemsScreen

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / EVIL_NAME).write_text("id: x\n", encoding="utf-8")
    app = make_app(tmp_path / "data", lang="en", scenario_dirs=[folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        shown = screen_text(app)
        assert r"a\x1b]0;PWNED" in shown, shown
        no_escape(shown)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = screen_text(app)
        assert r"\x1b]52;c;" in shown
        no_escape(shown)


def test_a_watched_save_with_sixty_one_minus_signs_keeps_the_old_version(tmp_path: Path) -> None:
    """``play --watch`` died with a traceback on such a save; reload now returns its problem
    (the app shows it and the last good version plays on)."""
    from sim.watch import reload

    path = tmp_path / "stempas.yaml"
    text = (ROOT / "docs" / "examples" / "stempas.yaml").read_text(encoding="utf-8")
    assert 'if: "spanning >= 6"' in text
    path.write_text(text.replace('if: "spanning >= 6"', f'if: "{MINUS}spanning >= 6"', 1),
                    encoding="utf-8")
    r = reload(path, load_rubric().dimension_ids(), [])
    assert r.scenario is None and r.problems
    assert r.problems[0].line == 48 and "nests deeper than 60 levels" in r.problems[0].message
