"""What learning records cost a choice: autosave with the xAPI log, and with an LRS set
to send automatically, against the same code without them.

Run by hand:  python benchmarks/xapi.py [--choices 400] [--baseline DIR]

Plays a long scenario (tests/robustness/data/marathon.yaml) with Playthrough.choose,
which autosaves as the app does, and reports the median and p95 per choice:
1. with the learning-record log (every save writes its records in the same transaction);
2. the same with an LRS set to ``--auto`` (each save also checks whether a sending
   process must be started, and starts one at most every few seconds: the sending itself
   happens in that other process, pointed here at an address where nothing listens);
3. with ``--baseline DIR``: the same play by the code in DIR (a checkout from before
   learning records, e.g. ``git worktree add /tmp/base beee040``), run in its own process.
The rounds alternate, so a busy machine slows each of them alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARATHON = ROOT / "tests" / "robustness" / "data" / "marathon.yaml"

PLAY = r"""
import json, os, sys, time, tempfile
sys.path.insert(0, sys.argv[1])
from scoring.rubric import load_rubric
from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.store import Store
choices, auto = int(sys.argv[2]), sys.argv[3] == "auto"
sc = load_scenario(sys.argv[4], load_rubric().dimension_ids())
store = Store(tempfile.mkdtemp())
if auto:
    from sim import lrs
    lrs.add(store, "bench", "http://127.0.0.1:9/xAPI/", auto=True)
pt = Playthrough.new(sc)
pt.attach(store)
times = []
for i in range(choices):
    ids = [c.id for c in pt.run.choices() if c.enabled]
    t = time.perf_counter()
    pt.choose(ids[i % len(ids)])
    times.append(time.perf_counter() - t)
print(json.dumps(times))
"""


def run(tree: Path, choices: int, mode: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", PLAY, str(tree), str(choices), mode,
                          str(MARATHON)], capture_output=True, text=True, check=True,
                         env={**os.environ, "SOVSIM_CACHE_DIR": tempfile.mkdtemp()})
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--choices", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline", type=Path)
    args = ap.parse_args()
    kinds = [("learning records", ROOT, "plain"), ("learning records + auto LRS", ROOT, "auto")]
    if args.baseline:
        kinds.insert(0, ("before learning records (baseline)", args.baseline, "plain"))
    got: dict[str, list[float]] = {k: [] for k, _, _ in kinds}
    for _ in range(args.rounds):
        for name, tree, mode in kinds:
            got[name] += run(tree, args.choices, mode)
    floor = statistics.median(got[kinds[0][0]])
    print(f"{'per choice (Playthrough.choose with autosave)':40} {'median':>8} {'mean':>8} "
          f"{'p99':>8}  median/floor")
    for name, values in got.items():
        values.sort()
        med, p99 = statistics.median(values), values[int(0.99 * (len(values) - 1))]
        print(f"{name:40} {med * 1000:6.2f}ms {statistics.mean(values) * 1000:6.2f}ms "
              f"{p99 * 1000:6.2f}ms  {med / floor:5.2f}x")


if __name__ == "__main__":
    main()
