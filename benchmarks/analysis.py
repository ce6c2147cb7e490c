"""Analysis: time to explore every path (sim.analysis.summarise), per bundled scenario and on
generated scenarios of growing size.

Run by hand:  python benchmarks/analysis.py

Full exploration builds the state graph (node, variable values, bounded visit counts) and
computes the per-dimension bounds, best and worst paths, path counts and endings that the
debrief, the library's progress and ``sovsim analyse`` use. Generated scenarios: the lean
generator of benchmarks/engine.py (no variables: one state per node) and benchmarks/gen.py
(two gauges from 0 to 10 changed by every choice: up to 121 states per node). Scenarios are
loaded from the compiled cache first, so the times are exploration alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine import lean  # noqa: E402
from gen import generate  # noqa: E402


def row(name: str, scenario, dims: list[str]) -> None:  # noqa: ANN001
    from sim.analysis import DEFAULT_MAX_STATES, TooLarge, summarise

    t = time.perf_counter()
    try:
        s = summarise(scenario)
    except TooLarge as err:
        spent = time.perf_counter() - t
        print(f"{name:34} {len(scenario.nodes):>7,} {'> ' + format(DEFAULT_MAX_STATES, ','):>10} "
              f"{'-':>14} {spent:>8.2f}  too large: stopped after {err.explored:,} states")
        return
    spent = time.perf_counter() - t
    print(f"{name:34} {len(scenario.nodes):>7,} {s.states:>10,} {count(s.paths):>14} "
          f"{spent:>8.2f}")


def count(n: int) -> str:
    """A path count (they saturate at sim.analysis.PATHS_CAP, 10^18)."""
    from sim.analysis import PATHS_CAP

    return ">= 10^18" if n >= PATHS_CAP else f"{n:,}"


def main() -> None:
    from scoring.rubric import load_rubric
    from sim.clitools import bundled_dir
    from sim.loader import load_scenario

    dims = load_rubric().dimension_ids()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SOVSIM_CACHE_DIR"] = f"{tmp}/cache"
        print("full exploration (sim.analysis.summarise, visit bound 3), seconds")
        print(f"{'scenario':34} {'nodes':>7} {'states':>10} {'paths':>14} {'seconds':>8}")
        for f in sorted(bundled_dir().glob("*.yaml")):
            row(f.stem, load_scenario(f, dims), dims)
        for label, make, sizes in (("lean", lean, (1_000, 10_000, 50_000)),
                                   ("gen.py (2 gauges)", generate, (50, 200, 1_000, 3_000))):
            for n in sizes:
                path = Path(tmp) / f"{label[:4]}-{n}.yaml"
                path.write_text(make(n), encoding="utf-8")
                load_scenario(path, dims)  # into the compiled cache
                row(f"generated, {label}", load_scenario(path, dims), dims)


if __name__ == "__main__":
    main()
