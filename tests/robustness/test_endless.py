"""Runs that would never stop: refused by the loader where it can see it, stopped by the
engine's step limit where only playing shows it, always with a message and never a crash."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import aio, make_app
from tests.clirun import sovsim

from .helpers import CORPUS, screen_text, toasts

AT_START = CORPUS / "scenarios" / "loop-at-start.yaml"
AFTER_CHOICE = CORPUS / "scenarios" / "loop-after-choice.yaml"


def env(tmp_path: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(tmp_path / "data"), "SOVSIM_CACHE_DIR": str(tmp_path / "c")}


def test_plain_mode_says_why_a_scenario_cannot_start(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(AT_START), "--plain", input="", env=env(tmp_path))
    assert r.returncode == 1
    assert r.stderr == (f"sovsim: {AT_START} cannot be played: more than 1000 automatic steps "
                        "in a row from 'a': the 'next:' links form an endless loop\n")
    r = sovsim("play", str(AT_START), "--choices", "1", env=env(tmp_path))
    assert r.returncode == 1 and "cannot be played" in r.stderr and "unexpected" not in r.stderr


def test_plain_mode_refuses_the_stuck_choice_and_play_goes_on(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(AFTER_CHOICE), "--plain", input="1\n2\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "the scenario could not carry out 'rond': more than 1000 automatic steps" in r.stdout
    assert "You: Close" in r.stdout and "Ending: End" in r.stdout
    assert "You: Round" not in r.stdout and r.stderr == ""


@aio
async def test_the_app_says_why_a_scenario_cannot_start(tmp_path: Path) -> None:
    from sim.app.screens.home import HomeScreen

    app = make_app(tmp_path / "data", lang="en", play=AT_START, mode="coach")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("This scenario cannot start: more than 1000 automatic steps" in t
                   for t in toasts(app))


@aio
async def test_the_app_refuses_the_stuck_choice_and_play_goes_on(tmp_path: Path) -> None:
    from sim.store import Store

    app = make_app(tmp_path / "data", lang="en", play=AFTER_CHOICE, mode="coach")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert any("could not carry out 'rond'" in t for t in toasts(app))
        assert app.screen.pt.run.node_id == "balie" and not app.screen.pt.run.history
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.pt.run.finished
        assert "Done." in screen_text(app)
    with Store(tmp_path / "data") as store:
        (rec,) = store.runs()
        assert [e["choice"] for e in store.events(rec.id)] == ["uit"]
