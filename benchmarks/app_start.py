"""How long the app takes to show its home screen and its scenario library.

Run by hand: ``python benchmarks/app_start.py [--runs 5]``. Each measurement is a fresh
Python process (so imports count), headless, on the bundled scenarios:

* cold: empty cache folder (no compiled scenarios, no library index);
* warm: the same cache folder again (compiled cache and library index filled);
* index off: compiled cache filled, library index removed (what the index saves).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from sim.app.app import Options, SovsimApp
t_import = time.perf_counter() - t0
marks = {}
async def auto(pilot):
    await pilot.pause()
    marks["home"] = time.perf_counter() - t0
    await pilot.press("s")
    await pilot.pause()
    marks["library"] = time.perf_counter() - t0
    pilot.app.exit()
app = SovsimApp(Options(pace="off"))
app.run(headless=True, size=(80, 24), auto_pilot=auto)
print(json.dumps({"import": t_import, **marks}))
"""


def one(cache: Path, data: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_CACHE_DIR": str(cache),
           "SOVSIM_DATA_DIR": str(data)}
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    marks = json.loads(out.strip().splitlines()[-1])
    return {"process": wall, **marks}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows: dict[str, list[dict[str, float]]] = {"cold": [], "warm": [], "index off": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            cache, data = Path(tmp) / "cache", Path(tmp) / "data"
            rows["cold"].append(one(cache, data))
            rows["warm"].append(one(cache, data))
            (cache / "library-index.json").unlink(missing_ok=True)
            rows["index off"].append(one(cache, data))
            shutil.rmtree(cache, ignore_errors=True)
    n = len(list((ROOT / "scenarios").glob("*.yaml")))
    print(f"{n} bundled scenarios, median of {args.runs} runs, seconds")
    print(f"{'':10} {'imports':>8} {'home shown':>11} {'library shown':>14} {'process':>8}")
    for name, rs in rows.items():
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        print(f"{name:10} {med['import']:8.3f} {med['home']:11.3f} {med['library']:14.3f} "
              f"{med['process']:8.3f}")


if __name__ == "__main__":
    main()
