"""Every file of the hostile corpus (tests/robustness/hostile.py): a clear error naming file,
line and what to do, or a safe display; never a traceback, never a hang. The hang guard is
generous (20 s); the real times are measured by benchmarks/hostile.py."""

from __future__ import annotations

import contextlib
import io
import random
import sys
from pathlib import Path

import pytest

from scoring.debrief import build_debrief
from scoring.render import render_html, render_markdown
from scoring.rubric import load_rubric
from sim import cli
from sim.analysis import TooLarge, summarise
from sim.engine import Run, RunError
from sim.errors import ContentError
from sim.loader import load_scenario, validate_file
from tests.app.conftest import aio, make_app
from tests.clirun import sovsim

from .helpers import hang_guard, screen_text
from .hostile import Case, cases

CASES = cases()
SCENARIOS = [c for c in CASES if c.kind == "scenario"]
RUBRICS = [c for c in CASES if c.kind == "rubric"]
# a scenario scored on the two dimensions of the smallest rubric (tests/rubrics/valid.yaml)
LOOP = Path(__file__).parent / "corpus" / "scenarios" / "self-choice-with-exit.yaml"
NOT_FILES = ("named-pipe", "folder", "symlink-loop")
ESCAPE_BYTES = ("\x1b", "\x9b", "PWNED-TITLE", "UFdORUQtQ0xJUA")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the generated cases are written (once per test module)."""
    return tmp_path_factory.mktemp("hostile")


def inert(text: str) -> None:
    found = [b for b in ESCAPE_BYTES if b in text]
    assert not found, f"escape sequence content got through: {found}"


def test_the_corpus_is_substantial() -> None:
    assert len(CASES) >= 40
    assert len(SCENARIOS) >= 30 and len(RUBRICS) >= 8
    assert sum(c.safe for c in CASES) >= 8 and sum(not c.safe for c in CASES) >= 30


def exercise(path: Path, rubric) -> None:  # noqa: ANN001
    """Play a safe scenario at random, explore it, and render a debrief: only RunError
    (a choice the scenario cannot carry out) and TooLarge may come up, and the reports
    carry no escape sequence (the model keeps the file's text as written; every view
    cleans it)."""
    scenario = load_scenario(path, rubric.dimension_ids(), use_cache=False)
    rng = random.Random(7)
    try:
        run = Run(scenario)
    except RunError:
        return  # a start that loops forever: reported with a message (test_endless.py)
    for _ in range(60):
        if run.finished:
            break
        views = [v for v in run.choices("nl") if v.enabled]
        if not views:
            break
        with contextlib.suppress(RunError):  # a choice the scenario cannot carry out
            run.choose(rng.choice(views).id)
    with contextlib.suppress(TooLarge):
        summarise(scenario, max_states=20_000)
    d = build_debrief(scenario, run.snapshot(), rubric, "nl", "coach")
    inert(render_markdown(d))
    inert(render_html(d))


@pytest.mark.parametrize("case", SCENARIOS, ids=lambda c: c.name)
def test_scenario_case(case: Case, made: Path, rubric) -> None:  # noqa: ANN001
    path = case.materialise(made)
    with hang_guard():
        problems = validate_file(path, rubric.dimension_ids())
        errors = [p for p in problems if p.severity == "error"]
        if case.safe:
            assert not errors, [p.format() for p in errors]
            exercise(path, rubric)
            return
    assert errors, "a hostile file was accepted"
    for fragment in case.expect:
        assert any(fragment in p.message for p in errors), (fragment, [p.message for p in errors])
    for p in errors:
        assert p.file == str(path) and p.message and "Traceback" not in p.message
        inert(p.message)


@pytest.mark.parametrize("case", RUBRICS, ids=lambda c: c.name)
def test_rubric_case(case: Case, made: Path) -> None:
    path = case.materialise(made)
    with hang_guard():
        if case.safe:
            load_rubric(path)
            return
        with pytest.raises(ContentError) as info:
            load_rubric(path)
    for fragment in case.expect:
        assert any(fragment in p.message for p in info.value.problems), (
            fragment, [p.message for p in info.value.problems])
    assert all(p.file == str(path) for p in info.value.problems)


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            args: list[str], stdin: str = "") -> tuple[int, str, str]:
    """``sovsim ARGS`` through its real entry point, in this process (fast)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = cli.main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_play_on_every_case_gives_a_message_or_a_game(made: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    """``sovsim play FILE --plain`` as a user types it: broken files are listed with their
    problems (exit 1), safe ones are played; never an unexpected error, never an escape."""
    for case in SCENARIOS:
        path = case.materialise(made)
        with hang_guard():
            code, out, err = run_cli(monkeypatch, capsys,
                                     ["--lang", "en", "play", str(path), "--plain"],
                                     "2\n1\n1\n1\nq\n")
        assert "unexpected error" not in err and "Traceback" not in err, (case.name, err)
        inert(out)
        inert(err)
        if case.safe:
            assert code in (0, 1), (case.name, err)
            assert code == 0 or "cannot be played" in err
        elif case.name in NOT_FILES:  # wrong use of the command: exit 2, says what it is
            assert code == 2 and err.startswith(f"sovsim: {path} is "), (case.name, err)
        else:
            assert code == 1, (case.name, out, err)
            assert f"sovsim: {path} cannot be played; fix" in err, (case.name, err)
            assert any(fragment in err for fragment in case.expect), (case.name, err)


def test_a_broken_rubric_stops_every_command_with_its_problems(made: Path, monkeypatch,  # noqa: ANN001
                                                                 capsys) -> None:
    for case in RUBRICS:
        path = case.materialise(made)
        for args in (["validate", str(LOOP)], ["play", str(LOOP), "--choices", "1,2"],
                     ["play", str(LOOP), "--plain"]):
            with hang_guard():
                code, out, err = run_cli(monkeypatch, capsys, ["--rubric", str(path), *args])
            assert "unexpected error" not in err and "Traceback" not in err, (case.name, err)
            inert(out + err)
            if case.safe:
                assert code == 0, (case.name, err)
            else:
                assert code == 1 and f"{path}:" in err, (case.name, err)


def test_the_markup_rubric_is_shown_as_text_in_the_debrief(made: Path, monkeypatch,  # noqa: ANN001
                                                           capsys) -> None:
    (case,) = [c for c in RUBRICS if c.name == "rubric-markup-escapes"]
    path = case.materialise(made)
    code, out, err = run_cli(monkeypatch, capsys, ["--rubric", str(path), "play", str(LOOP),
                                                   "--choices", "1,2"])
    assert code == 0, err
    inert(out)
    assert r"\[b\]verbinding\[/b\]" in out and "ROOD-KLEUR" in out
    assert "Coach: +1 [b]verbinding[/b] [@click=app.quit]stop[/]" in out


def test_validate_in_a_real_process(made: Path) -> None:
    """One real ``sovsim validate`` over the whole corpus: every broken file reported with
    file:line:col, the exit status says so, and no traceback."""
    paths = [str(c.materialise(made)) for c in SCENARIOS if c.name not in NOT_FILES]
    r = sovsim("validate", *paths, timeout=300)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "unexpected error" not in r.stderr
    inert(r.stdout + r.stderr)
    for case in SCENARIOS:
        if not case.safe and str(case.path or "") in paths:
            assert f"{case.path}:" in r.stdout, case.name


@aio
async def test_the_app_opens_every_case(made: Path, tmp_path: Path) -> None:
    """The app opens each file: a broken one as its list of problems, a safe one as a game
    that can be played; the screen never shows an escape sequence's content."""
    from sim.app.screens.home import HomeScreen
    from sim.app.screens.problems import ProblemsScreen

    app = make_app(tmp_path / "data", lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        for case in SCENARIOS:
            path = case.materialise(made)
            with hang_guard():
                app.open_file(path, "coach")
                await pilot.pause()
                await pilot.pause()
                screen = app.screen
                inert(screen_text(app))
                if case.safe:
                    if not isinstance(screen, HomeScreen):  # (a start that loops: a toast)
                        for key in ("1", "2", "1", "1"):
                            await pilot.press(key)
                            await pilot.pause()
                            inert(screen_text(app))
                else:
                    assert isinstance(screen, ProblemsScreen), case.name
                    assert any(f in p.message for p in screen.problems for f in case.expect)
                app.go_home()
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen), case.name
