"""Start-up: from process start to the first screen ready, headless, next to the floor.

Run by hand:  python benchmarks/startup.py [--runs 9]

Each measurement is a fresh Python process, timed from the parent: from spawning it to the
moment it reports that its first screen is mounted and drawn (Textual's auto-pilot runs
once the app is ready; one more pause lets the first refresh happen). Three programs:

* floor: a bare Textual app that shows one Label (what any Textual app costs);
* the same widgets: a Textual app with what sovsim's home screen holds (header, option
  list, two texts, footer) and sovsim's stylesheet, to tell Textual's share from sovsim's;
* sovsim home: ``sovsim`` showing its home screen (the trainee's first screen);
* sovsim play: ``sovsim play stempas``, the first scenario screen with its text shown.

* sovsim home, a run to continue: the home screen offering "Continue" (it reads the
  library index and the rubric for the scenario's title), as a returning trainee sees it.

Target: sovsim home within 1.5 times the floor. Caches are warm (as after the first start),
and Python's bytecode is compiled (in a temporary PYTHONPYCACHEPREFIX), as after a pip
install: the project's environment sets PYTHONDONTWRITEBYTECODE, which would otherwise make
every start compile sovsim's own modules (but not Textual's) from source.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = r"""
import sys
from textual.app import App
from textual.widgets import Label

class Floor(App):
    def compose(self):
        yield Label("sovsim")

async def ready(pilot):
    await pilot.pause()
    print("ready", flush=True)
    pilot.app.exit()

Floor().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

WIDGETS = r"""
import sys
from textual.app import App
from textual.widgets import Footer, Header, OptionList, Static

class Widgets(App):
    CSS_PATH = sys.argv[1]
    BINDINGS = [("q", "quit", "Quit"), ("f1", "help", "Help")]

    def compose(self):
        yield Header(icon="≡")
        yield Static("Welcome")
        yield OptionList(*[f"Option {i}" for i in range(6)])
        yield Static("status")
        yield Footer(compact=True)

async def ready(pilot):
    await pilot.pause()
    print("ready", flush=True)
    pilot.app.exit()

Widgets().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

SOVSIM = r"""
import sys
from pathlib import Path
from sim.app.app import Options, SovsimApp

async def ready(pilot):
    await pilot.pause()
    print("ready", type(pilot.app.screen).__name__, flush=True)
    pilot.app.exit()

play = Path(sys.argv[1]) if len(sys.argv) > 1 else None
app = SovsimApp(Options(pace="off", play=play, mode="coach" if play else None))
app.run(headless=True, size=(80, 24), auto_pilot=ready)
"""


def once(code: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    t = time.monotonic() - t0
    proc.communicate(timeout=60)
    if not line.startswith("ready"):
        raise SystemExit(f"no ready signal: {line!r} {proc.stderr}")
    return t, line.split()[1] if len(line.split()) > 1 else ""


def unfinished_run(data: Path) -> None:
    """A store with one unfinished run of a bundled scenario (for the Continue entry)."""
    sys.path.insert(0, str(ROOT))
    from scoring.rubric import load_rubric
    from sim.clitools import bundled_dir
    from sim.loader import load_scenario
    from sim.playthrough import Playthrough
    from sim.store import Store

    path = sorted(bundled_dir().glob("*.yaml"))[0]
    scenario = load_scenario(path, load_rubric().dimension_ids(), use_cache=False)
    with Store(data) as store:
        pt = Playthrough.new(scenario)
        pt.attach(store)
        pt.choose(next(v.id for v in pt.run.choices() if v.enabled))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    stempas = ROOT / "docs" / "examples" / "stempas.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_DATA_DIR": f"{tmp}/data",
               "SOVSIM_CACHE_DIR": f"{tmp}/cache", "PYTHONPYCACHEPREFIX": f"{tmp}/pyc"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        resume = {**env, "SOVSIM_DATA_DIR": f"{tmp}/data-resume"}
        play = {**env, "SOVSIM_DATA_DIR": f"{tmp}/data-play"}  # (its runs stay out of home's)
        programs = [("floor: bare Textual app, one label", FLOOR, [], env),
                    ("Textual app with the home screen's widgets", WIDGETS,
                     [str(ROOT / "sim" / "app" / "app.tcss")], env),
                    ("sovsim home screen", SOVSIM, [], env),
                    ("sovsim home screen, a run to continue", SOVSIM, [], resume),
                    ("sovsim play stempas (first scenario screen)", SOVSIM, [str(stempas)],
                     play)]
        unfinished_run(Path(f"{tmp}/data-resume"))
        for _, code, a, e in programs:  # warm the file cache, the compiled cache, .pyc files
            once(code, a, e)
        times: dict[str, list[float]] = {name: [] for name, _, _, _ in programs}
        for _ in range(args.runs):  # interleaved, so a busy moment hits all alike
            for name, code, a, e in programs:
                times[name].append(once(code, a, e)[0])
    floor = statistics.median(times[programs[0][0]])
    print(f"process start to first screen ready, headless 80x24, median of {args.runs} "
          f"(min-max), seconds")
    print(f"{'program':46} {'median':>7} {'min':>6} {'max':>6} {'x floor':>8}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:46} {med:7.3f} {min(ts):6.3f} {max(ts):6.3f} {med / floor:7.2f}x")
    home = statistics.median(times[programs[2][0]])
    verdict = "met" if home <= 1.5 * floor else "MISSED"
    print(f"target: home within 1.5x the floor: {verdict} ({home / floor:.2f}x)")


if __name__ == "__main__":
    main()
