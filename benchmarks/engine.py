"""The engine and the loader at scale.

Run by hand:  python benchmarks/engine.py [--seconds 5] [--sizes 1000 10000 50000]

1. Choices per second on a generated 10,000-node scenario (benchmarks/gen.py: three
   conditional choices per node, effects, routes): random play-throughs with the engine
   alone, and with a Playthrough autosaving every choice to a store (as the app plays).
2. Load and validate at 1k, 10k and 50k nodes, against the floor PyYAML allows (a bare
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
    from sim.playthrough import Playthrough
    from sim.store import Store

    path = folder / "rich-10000.yaml"
    path.write_text(generate(10_000), encoding="utf-8")
    load_t = timed(lambda: load_scenario(path, dims))  # fills the cache
    scenario = load_scenario(path, dims)
    rng = random.Random(3)
    print(f"generated 10,000-node scenario: {path.stat().st_size / 1e6:.1f} MB, cold load "
          f"{load_t:.1f} s")
    print(f"{'':34} {'choices':>9} {'runs':>6} {'choices/s':>10}")
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
    # autosave: every save writes the run's whole snapshot, so its cost grows with the run
    with Store(folder / "store") as store:
        pt = Playthrough.new(scenario)
        pt.attach(store)
        saves: list[float] = []
        end = time.perf_counter() + seconds
        while not pt.run.finished and time.perf_counter() < end and len(saves) < 1000:
            choice = rng.choice([v.id for v in pt.run.choices() if v.enabled])
            t = time.perf_counter()
            pt.choose(choice)
            saves.append(time.perf_counter() - t)
    for lo, hi in ((0, 30), (0, 100), (900, 1000)):
        part = saves[lo:hi]
        if len(part) == hi - lo:
            label = f"with autosave, choices {lo + 1}-{hi}"
            print(f"{label:34} {len(part):>9,} {1:>6} {len(part) / sum(part):>10,.0f}"
                  f"   ({statistics.median(part) * 1000:.1f} ms a choice)")


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
    args = ap.parse_args()
    from scoring.rubric import load_rubric

    dims = load_rubric().dimension_ids()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SOVSIM_CACHE_DIR"] = f"{tmp}/cache"
        choices_per_second(args.seconds, Path(tmp), dims)
        scaling(args.sizes, Path(tmp), dims)


if __name__ == "__main__":
    main()
