"""Helpers: runs played into a store as the app does, and the sovsim command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sim.playthrough import Playthrough
from sim.store import Store

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "scenarios"


def load(name: str, rubric: Any) -> Any:
    from sim.loader import load_scenario

    return load_scenario(BUNDLED / f"{name}.yaml", rubric.dimension_ids())


def play(store: Store, scenario: Any, picks: list[int], *, seed_undo: bool = False) -> str:
    """A solo run: the ``picks``-th option (0-based, wrapped) at each decision, autosaved
    after every choice; ``seed_undo``: take the second choice back and choose again."""
    pt = Playthrough.new(scenario)
    pt.attach(store)
    i = 0
    while not pt.run.finished and i < 60:
        options = [c.id for c in pt.run.choices() if c.enabled]
        pt.choose(options[picks[i % len(picks)] % len(options)])
        if seed_undo and i == 1 and pt.can_undo:
            pt.undo()
            options = [c.id for c in pt.run.choices() if c.enabled]
            pt.choose(options[-1])
        i += 1
    assert pt.run_id is not None
    return pt.run_id


def sovsim(
    data_dir: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    code = "import sys; from sim.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
