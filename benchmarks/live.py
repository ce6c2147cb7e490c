"""A live session: memory per trainee process, and the trainer dashboard's refresh time with
30 and with 3,000 trainees' worth of runs and events.

Run by hand:  python benchmarks/live.py [--trainees 30 3000]

* Memory: each trainee's browser tab runs its own ``sovsim join`` process (textual-serve
  starts one per tab). Three such processes are started here, headless: each joins the
  session, plays the largest bundled scenario to its end with a choice a time, opens its
  debrief, and reports its resident memory (VmRSS) and peak (VmHWM). Next to it, the floor:
  a bare Textual app showing one label.
* Dashboard: a session with two bundled scenarios; every trainee joins and plays a seeded
  random path to the end (saved as the join app saves it). Then: the dashboard's figures
  computed cold (new scenario objects, nothing remembered) and warm (the next refresh, with
  the scorer the dashboard screen keeps), and the dashboard screen's refresh (the R key,
  with Pilot: from the key press to the updated screen).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TRAINEE = r"""
import asyncio, json, random, sys
from pathlib import Path
from scoring.rubric import load_rubric
from sim.groupui.join import JoinApp
from sim.store import Store
from textual.widgets import Input

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024

async def main():
    store = Store(sys.argv[1])
    app = JoinApp(store, load_rubric(), session_id=sys.argv[3], heartbeat=0)
    rng = random.Random(int(sys.argv[4]))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#code", Input).value = sys.argv[2]
        app.screen.query_one("#name", Input).value = f"Trainee {sys.argv[4]}"
        await pilot.click("#join")
        await pilot.pause()
        await pilot.press("enter")  # the first scenario
        await pilot.pause()
        play = app.screen.pt  # the app's own play screen
        while not play.run.finished:
            views = [v.number for v in play.run.choices() if v.enabled]
            await pilot.press(str(rng.choice(views)))
            await pilot.pause()
        await pilot.click("#to-debrief")
        await pilot.pause()
        print(json.dumps({"rss": status("VmRSS"), "peak": status("VmHWM"),
                          "choices": len(play.run.history)}))
    store.close()

asyncio.run(main())
"""

FLOOR = r"""
import json
from textual.app import App
from textual.widgets import Label

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024

class Floor(App):
    def compose(self):
        yield Label("sovsim")

async def done(pilot):
    await pilot.pause()
    print(json.dumps({"rss": status("VmRSS"), "peak": status("VmHWM"), "choices": 0}))
    pilot.app.exit()

Floor().run(headless=True, size=(100, 30), auto_pilot=done)
"""


def largest_scenarios(dims: list[str]) -> list:
    from sim.clitools import bundled_dir
    from sim.loader import load_scenario

    scenarios = [load_scenario(f, dims) for f in sorted(bundled_dir().glob("*.yaml"))]
    return sorted(scenarios, key=lambda s: -len(s.nodes))[:2]


def memory(tmp: Path) -> None:
    from scoring.rubric import load_rubric
    from sim import sessions
    from sim.store import Store

    dims = load_rubric().dimension_ids()
    scenarios = largest_scenarios(dims)
    db = tmp / "memory" / "sovsim.db"
    with Store(db) as store:
        made = sessions.create_session(store, scenarios[:1])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_CACHE_DIR": str(tmp / "cache")}
    rows = {"floor: bare Textual app, one label": [], "trainee (sovsim join), after a run": []}
    for i in range(3):
        for name, code, args in ((list(rows)[0], FLOOR, []),
                                 (list(rows)[1], TRAINEE,
                                  [str(db), made.join_code or "", made.session.id, str(i)])):
            out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=300)
            if out.returncode != 0:
                raise SystemExit(out.stderr)
            rows[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"memory per process, median of 3, MB (scenario {scenarios[0].id}, "
          f"{len(scenarios[0].nodes)} nodes)")
    print(f"{'process':40} {'resident':>9} {'peak':>7} {'choices':>8}")
    for name, rs in rows.items():
        print(f"{name:40} {statistics.median(r['rss'] for r in rs):>9.0f} "
              f"{statistics.median(r['peak'] for r in rs):>7.0f} "
              f"{statistics.median(r['choices'] for r in rs):>8.0f}")


def fill(store, scenarios: list, n: int) -> tuple:  # noqa: ANN001
    """A live session with ``n`` trainees, each with one finished run (a seeded random path)."""
    from sim import sessions
    from sim.engine import Run

    made = sessions.create_session(store, scenarios)
    for i in range(n):
        rng = random.Random(i)
        trainee = sessions.join(store, made.join_code, f"Trainee {i:04d}")
        scenario = scenarios[i % len(scenarios)]
        run = Run(scenario)
        rid = trainee.create_run(run.snapshot(), scenario_path=scenario.path)
        while not run.finished:
            run.choose(rng.choice([v.id for v in run.choices() if v.enabled]))
        end = run.ending
        trainee.save_step(rid, run.snapshot(), finished=True,
                          outcome=end.ending.outcome if end and end.ending else None,
                          ending=end.id if end else None)
    return made


async def screen_refresh(trainer, scenarios: list, rubric) -> float:  # noqa: ANN001
    from sim.groupui.dashboard import DashboardApp

    app = DashboardApp(trainer, scenarios, rubric, refresh_seconds=0)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        displays: list[float] = []
        original = screen._compositor_refresh

        def spy() -> None:
            original()
            displays.append(time.perf_counter())

        screen._compositor_refresh = spy  # type: ignore[method-assign]
        for _ in range(3):
            start = time.perf_counter()
            await pilot.press("r")
            while True:
                await pilot.pause()
                pending = (screen._layout_required or screen._repaint_required
                           or screen._dirty_widgets or screen._compositor._dirty_regions)
                if not pending and displays and displays[-1] > start:
                    break
                await asyncio.sleep(0.001)
            times.append(displays[-1] - start)
    return statistics.median(times)


def dashboard(tmp: Path, sizes: list[int]) -> None:
    from scoring.rubric import load_rubric
    from sim import sessions
    from sim.group import rubric_scorer
    from sim.loader import load_scenario
    from sim.store import Store

    rubric = load_rubric()
    dims = rubric.dimension_ids()
    scenarios = largest_scenarios(dims)
    print()
    print(f"dashboard refresh, seconds (scenarios {', '.join(s.id for s in scenarios)})")
    print(f"{'trainees':>8} {'events':>8} {'fill':>6} {'figures cold':>13} "
          f"{'figures warm':>13} {'screen refresh (R)':>19}")
    for n in sizes:
        with Store(tmp / f"dash-{n}") as store:
            t = time.perf_counter()
            made = fill(store, scenarios, n)
            filled = time.perf_counter() - t
            trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code or "")
            events = len(trainer.events())
            fresh = [load_scenario(s.path, dims, use_cache=False) for s in scenarios]
            scorer = rubric_scorer(rubric)  # as the dashboard screen keeps one
            t = time.perf_counter()
            trainer.dashboard(fresh, rubric, scorer=scorer)
            cold = time.perf_counter() - t
            warm = min(_timed(lambda t=trainer, f=fresh, sc=scorer: t.dashboard(f, rubric,
                                                                                scorer=sc))
                       for _ in range(3))
            screen = asyncio.run(screen_refresh(trainer, fresh, rubric))
        print(f"{n:>8,} {events:>8,} {filled:>6.1f} {cold:>13.2f} {warm:>13.2f} {screen:>19.2f}")


def _timed(fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trainees", type=int, nargs="*", default=[30, 3000])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SOVSIM_CACHE_DIR"] = f"{tmp}/cache"
        memory(Path(tmp))
        dashboard(Path(tmp), args.trainees)


if __name__ == "__main__":
    main()
