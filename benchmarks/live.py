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
  computed cold (new scenario objects, nothing remembered), fully again (every run read and
  decoded, with the scorer the dashboard screen keeps: what each refresh cost before the
  figures were read incrementally), incrementally as the screen reads them (nothing new;
  and after 1% more trainees played a whole run, checked equal to a full recompute), and
  the dashboard screen itself (Pilot): the R key from the press to the new figures drawn,
  and the longest stall of the screen's thread meanwhile and during the first, cold read.
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


def fill(store, scenarios: list, n: int, *, made=None, first: int = 0) -> tuple:  # noqa: ANN001
    """A live session with ``n`` trainees, each with one finished run (a seeded random path);
    ``made``: add them to this session (numbered from ``first``)."""
    from sim import sessions
    from sim.engine import Run

    made = made or sessions.create_session(store, scenarios)
    for i in range(first, first + n):
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


async def screen_refresh(trainer, scenarios: list, rubric) -> dict[str, float]:  # noqa: ANN001
    """The dashboard screen, headless at 120x40: the first figures (read cold, in the
    screen's thread), then the R key three times. Per R: from the key press to the new
    figures drawn on the screen; and the longest the screen's own thread (Textual's
    event loop, which answers keys and draws) was kept from running meanwhile, measured
    by a task that wakes every millisecond. Medians of the three."""
    from sim.groupui.dashboard import DashboardApp

    app = DashboardApp(trainer, scenarios, rubric, refresh_seconds=0)
    stalls: list[tuple[float, float]] = []  # (when, how long) the loop was kept from running

    async def heartbeat() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            t = time.perf_counter()
            stalls.append((t, t - last - 0.001))
            last = t

    def longest(since: float, until: float) -> float:
        return max((d for t, d in stalls if since < t <= until + 0.05), default=0.0)

    out: dict[str, list[float]] = {"refresh": [], "stall": []}
    async with app.run_test(size=(120, 40)) as pilot:
        beat = asyncio.create_task(heartbeat())
        start = time.perf_counter()
        screen = app.screen
        shown: list[float] = []
        displays: list[float] = []
        show, paint = screen.show, screen._compositor_refresh

        def show_spy() -> None:
            show()
            shown.append(time.perf_counter())

        def paint_spy() -> None:
            paint()
            displays.append(time.perf_counter())

        screen.show = show_spy  # type: ignore[method-assign]
        screen._compositor_refresh = paint_spy  # type: ignore[method-assign]

        async def drawn(since: float) -> float:
            while True:
                await pilot.pause()
                pending = (screen._layout_required or screen._repaint_required
                           or screen._dirty_widgets or screen._compositor._dirty_regions)
                if (not pending and shown and shown[-1] > since and displays
                        and displays[-1] > shown[-1]):
                    return displays[-1]
                await asyncio.sleep(0.001)

        first = await drawn(start)
        first_stall = longest(start, first)
        for _ in range(3):
            start = time.perf_counter()
            await pilot.press("r")
            end = await drawn(start)
            out["refresh"].append(end - start)
            out["stall"].append(longest(start, end))
        beat.cancel()
    return {"first": first_stall, **{k: statistics.median(v) for k, v in out.items()}}


def dashboard(tmp: Path, sizes: list[int]) -> None:
    from scoring.rubric import load_rubric
    from sim import sessions
    from sim.group import rubric_scorer
    from sim.livefigures import LiveFigures
    from sim.loader import load_scenario
    from sim.store import Store

    rubric = load_rubric()
    dims = rubric.dimension_ids()
    scenarios = largest_scenarios(dims)
    print()
    print(f"dashboard refresh, seconds (scenarios {', '.join(s.id for s in scenarios)})")
    print("  figures: cold = everything read and scored, nothing remembered; full = all read")
    print("  again (as before this change); incremental = only runs changed since the last")
    print("  refresh (none; or 1% more trainees who each played a whole run, median of 3);")
    print("  equal = the incremental figures equal a full recompute")
    print("  screen: R = key press to new figures drawn; stall = longest the screen's thread")
    print("  could not answer a key or draw, during R, and during the first (cold) read")
    head = (f"{'trainees':>8} {'events':>7} {'fill':>5} {'cold':>6} {'full':>6} "
            f"{'incr.':>6} {'+1%':>6} {'equal':>5} {'R':>6} {'stall':>6} {'first stall':>11}")
    print(head)
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
            full = min(_timed(lambda t=trainer, f=fresh, sc=scorer: t.dashboard(f, rubric,
                                                                                scorer=sc))
                       for _ in range(3))
            live = LiveFigures(fresh, rubric, scorer=scorer)
            live.refresh(trainer)
            incremental = min(_timed(lambda lv=live, t=trainer: lv.refresh(t)) for _ in range(3))
            more, grown_times = max(1, n // 100), []
            for k in range(3):  # three rounds: 1% more trainees, then a refresh
                fill(store, scenarios, more, made=made, first=n + k * more)
                t = time.perf_counter()
                after = live.refresh(trainer)
                grown_times.append(time.perf_counter() - t)
            grown = statistics.median(grown_times)
            equal = after == trainer.dashboard(fresh, rubric, scorer=scorer)
            screen = asyncio.run(screen_refresh(trainer, [load_scenario(s.path, dims,
                                                                        use_cache=False)
                                                          for s in scenarios], rubric))
        print(f"{n:>8,} {events:>7,} {filled:>5.1f} {cold:>6.2f} {full:>6.2f} "
              f"{incremental:>6.3f} {grown:>6.3f} {'yes' if equal else 'NO':>5} "
              f"{screen['refresh']:>6.2f} {screen['stall']:>6.3f} {screen['first']:>11.3f}")


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
