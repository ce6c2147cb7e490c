"""Snapshots of every screen at 80x24 and 120x40, in Dutch and English.

Deterministic: fixture scenarios (tests/app/scenarios), a fixed data folder, fixed
times, text shown at once, no cursor blink, no animation. Update with
``pytest tests/app/test_snapshots.py --snapshot-update`` and LOOK at every changed
SVG (rsvg-convert -o x.png x.svg) before committing it.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import BROKEN, STEMPAS, make_app

SIZES = [(80, 24), (120, 40)]
LANGS = ["nl", "en"]
FIXED = "2025-03-14T09:30:00.000+00:00"
SNAPSHOT_DATA = Path("/tmp/sovsim-snapshot-data")


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import sim.engine
    import sim.store

    monkeypatch.setattr(sim.store, "now", lambda: FIXED)
    monkeypatch.setattr(sim.engine, "now", lambda: FIXED)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.fixture
def fixed_dir(request: pytest.FixtureRequest) -> Iterator[Path]:
    """A data folder whose path is the same on every run (it shows in the settings).

    A lock per test keeps two test sessions on one machine (other checkouts) apart.
    """
    import fcntl

    name = request.node.name.replace("[", "-").replace("]", "").replace("/", "-")
    SNAPSHOT_DATA.mkdir(parents=True, exist_ok=True)
    with open(SNAPSHOT_DATA / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        d = SNAPSHOT_DATA / name
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        yield d
        shutil.rmtree(d, ignore_errors=True)


def seed_runs(data: Path) -> None:
    """One finished run (coach) and one unfinished run (assessment) of the fixture scenario."""
    from sim.loader import load_scenario
    from sim.playthrough import Playthrough
    from sim.store import Store

    scenario = load_scenario(STEMPAS)
    with Store(data) as store:
        done = Playthrough.new(scenario, mode="coach")
        done.attach(store)
        done.choose("rustig-uitleggen")
        done.choose("grief-erkennen")
        open_run = Playthrough.new(scenario, mode="assessment")
        open_run.attach(store)
        open_run.choose("discussie")


def keys(*presses: str) -> Callable[[Any], Awaitable[None]]:
    async def run(pilot: Any) -> None:
        await pilot.pause()
        for key in presses:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run


# screen name -> (keys from the home screen, seed runs?, app options)
SCREENS: dict[str, tuple[tuple[str, ...], bool, dict[str, Any]]] = {
    "home": ((), True, {}),
    "library": (("s",), True, {}),
    "mode": (("s", "enter"), False, {}),
    "play-coach": (("s", "enter", "enter", "1"), False, {}),
    "play-assessment": (("s", "enter", "down", "enter", "1"), False, {}),
    "play-ending": (("s", "enter", "enter", "1", "2"), False, {}),
    "dossier": (("s", "enter", "enter", "d"), False, {}),
    "glossary": (("s", "enter", "enter", "g"), False, {}),
    "help": (("s", "enter", "enter", "f1"), False, {}),
    "pause": (("s", "enter", "enter", "escape"), False, {}),
    "settings": (("i",), False, {}),
    "results": (("r",), True, {}),
    "problems": ((), False, {"play": "kapot.yaml"}),  # copied into the fixed data folder
    "debrief": (("s", "enter", "enter", "1", "1", "enter"), False, {}),
    "high-contrast": (("s", "enter", "enter", "2"), False, {"theme": "sovsim-high-contrast"}),
    "light": (("s", "enter", "enter", "2"), True, {"theme": "textual-light"}),
    "author": (("s", "f2"), False, {}),
    "author-detail": (("s", "f2", "down"), False, {}),
    "author-play": (("s", "f2", "down", "enter"), False, {}),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(screen: str, size: tuple[int, int], lang: str, snap_compare: Any,
                fixed_dir: Path) -> None:
    presses, seed, options = SCREENS[screen]
    data = fixed_dir
    if seed:
        seed_runs(data)
    if options.get("play") == "kapot.yaml":  # a path that is the same wherever the repo is
        options = {**options, "play": data / "kapot.yaml"}
        shutil.copy(BROKEN, options["play"])
    app = make_app(data, lang=lang, **options)
    assert snap_compare(app, terminal_size=size, run_before=keys(*presses))
