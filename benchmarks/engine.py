"""The engine, its autosave, reading stored runs, and the loader at scale.

Run by hand:  python benchmarks/engine.py [--seconds 5] [--long 5000]
              [--reads RUNS CHOICES TRAINEES] [--sizes 1000 10000 50000]
              [--only choices long reads scaling]

1. Choices per second on a generated 10,000-node scenario (benchmarks/gen.py: three
   conditional choices per node, effects, routes) with the engine alone; then the
   autosave of each choice (Playthrough.save, as the app saves) over the first 1,000
   choices of one run: the median of choices 1-100 against that of 901-1000.
2. ``long``: the same over 5,000 choices of a two-node loop (a marathon play), to the
   5,000th choice.
3. ``reads``: runs of 1,000 choices read back: the list "my results" shows, every run's
   history, one run to resume, and a trainer's dashboard over 30 trainees' runs.
4. Load and validate at 1k, 10k and 50k nodes, against the floor PyYAML allows (a bare
   ``yaml.load`` with the C loader). The generator of gen.py makes 1.35 KB a node, so 50k
   nodes would be 67 MB, over the loader's 32 MB limit; this table uses a leaner generator
   (two choices a node, one with a score: about 150 bytes a node). 50,000 nodes is also the
   loader's node limit.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import generate  # noqa: E402


def lean(n: int, seed: int = 1) -> str:
    """A scenario of ``n`` nodes with two choices each (one scored), ending in three endings."""
    rng = random.Random(seed)
    out = [f"id: lean-{n}", "version: 1", "languages: [nl, en]", "title: Lean",
           "summary: Generated.", "role: Clerk", "start: n0", "nodes:"]
    for i in range(n - 3):
        a, b = min(n - 1, i + 1 + rng.randrange(3)), min(n - 1, i + 2 + rng.randrange(5))
        out.append(f'  n{i}: {{lines: ["Stap {i}."], choices: [{{id: a, text: "Ja {i}", '
                   f'target: n{a}}}, {{id: b, text: "Nee {i}", scores: {{verbinding: 1}}, '
                   f'target: n{b}}}]}}')
    for i in range(n - 3, n):
        out.append(f"  n{i}: {{ending: {{outcome: open, title: Einde, text: Klaar.}}}}")
    return "\n".join(out) + "\n"


def timed(fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def choices_per_second(seconds: float, folder: Path, dims: list[str]) -> None:
    from sim.engine import Run
    from sim.loader import load_scenario

    path = folder / "rich-10000.yaml"
    path.write_text(generate(10_000), encoding="utf-8")
    load_t = timed(lambda: load_scenario(path, dims))  # fills the cache
    scenario = load_scenario(path, dims)
    rng = random.Random(3)
    print(f"generated 10,000-node scenario: {path.stat().st_size / 1e6:.1f} MB, cold load "
          f"{load_t:.1f} s")
    print(f"{'':34} {'choices':>9} {'runs':>6} {'choices/s':>10}")
    Run(scenario)  # the scenario's state machine is built once, for every run
    made = runs = 0
    end = time.perf_counter() + seconds
    start = time.perf_counter()
    while time.perf_counter() < end:
        run = Run(scenario)
        runs += 1
        while not run.finished and time.perf_counter() < end:
            run.choose(rng.choice([v.id for v in run.choices() if v.enabled]))
            made += 1
    print(f"{'engine alone':34} {made:>9,} {runs:>6} {made / (time.perf_counter() - start):>10,.0f}")
    autosave_table(scenario, folder, rng, upto=1000, label="10,000 nodes")


def loop_scenario(rounds: int = 100_000) -> str:
    """Two nodes taking turns with three scored choices each (with effects), ending only
    after ``rounds`` rounds: a run as long as one likes, as in a marathon play."""
    out = ["id: loop", "version: 1", "languages: [nl, en]", "title: Loop", "summary: Generated.",
           "role: Clerk", "variables:", "  rondes: {type: number, initial: 0}", "start: vraag",
           "nodes:"]
    for node, other in (("vraag", "antwoord"), ("antwoord", "vraag")):
        out += [f"  {node}:", f'    lines: ["{node}."]', "    choices:"]
        for j, dim in enumerate(("verbinding", "begrip", "grenzen"), 1):
            out.append(f'      - {{id: c{j}, text: "{node} {j}", effects: ["rondes += 1"], '
                       f"scores: {{{dim}: {1 if j != 2 else -1}}}, target: {other}, "
                       f'routes: [{{if: "rondes >= {rounds}", target: einde}}]}}')
    out.append("  einde: {ending: {outcome: open, title: Einde, text: Klaar.}}")
    return "\n".join(out) + "\n"


def autosave_table(scenario: Any, folder: Path, rng: random.Random, *, upto: int,
                   label: str) -> None:
    """Each choice with its autosave, as the app plays (Playthrough.choose), by how far the
    run is: the medians over a window of 100 choices of the save alone (Playthrough.save)
    and of the choice with its save, and the save's ratio to the first window's."""
    from sim.playthrough import Playthrough
    from sim.store import Store

    with Store(folder / f"store-{scenario.id}") as store:
        pt = Playthrough.new(scenario)
        pt.attach(store)
        saves: list[float] = []
        both: list[float] = []
        while not pt.run.finished and len(saves) < upto:
            choice = rng.choice([v.id for v in pt.run.choices() if v.enabled])
            t0 = time.perf_counter()
            pt.run.choose(choice)
            t1 = time.perf_counter()
            pt.save()  # what pt.choose does after the engine's choice
            t2 = time.perf_counter()
            saves.append(t2 - t1)
            both.append(t2 - t0)
    first = statistics.median(saves[:100])
    for lo, hi in ((0, 100), (900, 1000), (4900, 5000)):
        if len(saves) >= hi:
            save = statistics.median(saves[lo:hi])
            name = f"autosave ({label}), choices {lo + 1}-{hi}"
            print(f"{name:44} save {save * 1000:>6.2f} ms ({save / first:>5.2f}x the first), "
                  f"with the choice {statistics.median(both[lo:hi]) * 1000:>6.2f} ms")


def reads(folder: Path, runs: int, steps: int, trainees: int) -> None:
    """What reading long runs costs: "my results" (the store's solo runs, as the results
    screen reads them), resuming one run, and a trainer's dashboard over a session of long
    runs (store reads plus every figure)."""
    from scoring.rubric import load_rubric
    from sim import sessions
    from sim.engine import Run
    from sim.loader import load_scenario
    from sim.store import Store

    path = folder / "loop.yaml"
    path.write_text(loop_scenario(), encoding="utf-8")
    rubric = load_rubric()
    scenario = load_scenario(path, rubric.dimension_ids())
    rng = random.Random(5)
    snaps = []
    for _ in range(max(runs, trainees)):
        run = Run(scenario)
        for _ in range(steps):
            run.choose(rng.choice(["c1", "c2", "c3"]))
        snaps.append(run.snapshot())
    print()
    print(f"reads: {runs} solo runs and a live session of {trainees} trainees, {steps:,} "
          "choices each (best of 5, ms)")
    with Store(folder / "reads-solo") as store:
        ids = []
        for snap in snaps[:runs]:
            rid = store.create_run(snap)
            store.save_step(rid, snap)
            ids.append(rid)
        mine = best(lambda: store.runs(solo=True, limit=500))
        every = best(lambda: [r.snapshot for r in store.runs(solo=True, limit=500)])
        one = best(lambda: store.get_run(ids[0]))
        size = (folder / "reads-solo" / "sovsim.db").stat().st_size
    with Store(folder / "reads-live") as store:
        made = sessions.create_session(store, [scenario])
        for i, snap in enumerate(snaps[:trainees]):
            trainee = sessions.join(store, made.join_code, f"t{i}")
            rid = trainee.create_run(snap)
            trainee.save_step(rid, snap)
        trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
        cold = timed(lambda: trainer.dashboard([scenario], rubric))
        warm = best(lambda: trainer.dashboard([scenario], rubric))
        trainer.close()
    rows = [(f"my results: the store's list of {runs} runs", mine),
            ("the same, and every run's history read", every),
            ("one run (store.get_run, to resume it)", one),
            (f"dashboard, {trainees} trainees: first (cold)", cold),
            ("dashboard: a refresh (warm)", warm)]
    for label, t in rows:
        print(f"{label:48} {t * 1000:>8.1f}")
    print(f"{'store file of the solo runs, MB':48} {size / 1e6:>8.1f}")


def best(fn, times: int = 5) -> float:  # noqa: ANN001
    return min(timed(fn) for _ in range(times))


def scaling(sizes: list[int], folder: Path, dims: list[str]) -> None:
    from sim.loader import load_scenario

    print()
    print("load and validate, lean generated scenarios (2 choices a node), seconds")
    print(f"{'nodes':>7} {'MB':>6} {'bare parse':>11} {'bare, no GC':>12} {'cold load':>10} "
          f"{'cold/bare':>9} {'warm load':>10}")
    for n in sizes:
        path = folder / f"lean-{n}.yaml"
        path.write_text(lean(n), encoding="utf-8")
        data = path.read_bytes()
        reps = 3 if n <= 10_000 else 1
        bare = statistics.median(timed(lambda d=data: yaml.load(d, Loader=yaml.CSafeLoader))
                                 for _ in range(reps))

        def no_gc(d: bytes = data) -> None:
            gc.disable()
            try:
                yaml.load(d, Loader=yaml.CSafeLoader)
            finally:
                gc.enable()

        bare_nogc = statistics.median(timed(no_gc) for _ in range(reps))
        cold = statistics.median(timed(lambda p=path: load_scenario(p, dims, use_cache=False))
                                 for _ in range(reps))
        load_scenario(path, dims)  # into the cache
        warm = statistics.median(timed(lambda p=path: load_scenario(p, dims)) for _ in range(5))
        print(f"{n:>7,} {len(data) / 1e6:>6.1f} {bare:>11.2f} {bare_nogc:>12.2f} {cold:>10.2f} "
              f"{cold / bare:>8.2f}x {warm:>10.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 50_000])
    ap.add_argument("--long", type=int, default=5000,
                    help="choices of the long autosave run (default 5000)")
    ap.add_argument("--reads", type=int, nargs=3, default=[50, 1000, 30],
                    metavar=("RUNS", "CHOICES", "TRAINEES"))
    ap.add_argument("--only", nargs="*", choices=["choices", "long", "reads", "scaling"])
    args = ap.parse_args()
    from scoring.rubric import load_rubric

    dims = load_rubric().dimension_ids()
    parts = set(args.only or ["choices", "long", "reads", "scaling"])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SOVSIM_CACHE_DIR"] = f"{tmp}/cache"
        if "choices" in parts:
            choices_per_second(args.seconds, Path(tmp), dims)
        if "long" in parts:
            from sim.loader import load_scenario

            path = Path(tmp) / "loop.yaml"
            path.write_text(loop_scenario(), encoding="utf-8")
            autosave_table(load_scenario(path, dims), Path(tmp), random.Random(4),
                           upto=args.long, label="2-node loop")
        if "reads" in parts:
            reads(Path(tmp), *args.reads)
        if "scaling" in parts:
            scaling(args.sizes, Path(tmp), dims)


if __name__ == "__main__":
    main()
