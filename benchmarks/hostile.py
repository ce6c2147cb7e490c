"""The hostile corpus (tests/robustness/): how long each file takes to be refused or shown.

Run by hand:  python benchmarks/hostile.py

For every case: the loader (validate, in this process: the time to the error list or to a
clean result), and a real ``sovsim play FILE --plain`` process answering three choices and
quitting (wall time, Python's start included: the time a user waits for the message or the
game). The target is 2 seconds per file; the tests only guard against hangs (20 s).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from scoring.rubric import load_rubric
    from sim.loader import validate_file
    from tests.robustness.hostile import cases

    dims = load_rubric().dimension_ids()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_DATA_DIR": f"{tmp}/data",
               "SOVSIM_CACHE_DIR": f"{tmp}/cache"}
        for case in cases():
            path = case.materialise(Path(tmp))
            size = path.stat().st_size if path.is_file() else 0
            if case.kind == "scenario":
                t = time.perf_counter()
                problems = validate_file(path, dims)
                loader = time.perf_counter() - t
                args = ["play", str(path), "--plain"]
            else:
                t = time.perf_counter()
                try:
                    load_rubric(path)
                    problems = []
                except Exception as err:  # noqa: BLE001 - ContentError: the problems
                    problems = getattr(err, "problems", [err])
                loader = time.perf_counter() - t
                args = ["--rubric", str(path), "play", str(ROOT / "tests" / "robustness" /
                                                           "corpus" / "scenarios" /
                                                           "self-choice-with-exit.yaml"),
                        "--plain"]
            t = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "sim.cli", *args], cwd=ROOT, env=env,
                               input="1\n1\n2\nq\n", capture_output=True, text=True,
                               timeout=120)
            wall = time.perf_counter() - t
            errors = sum(getattr(p, "severity", "error") == "error" for p in problems)
            verdict = "shown" if case.safe else f"refused ({errors} error{'s' * (errors != 1)})"
            assert "Traceback" not in r.stderr, (case.name, r.stderr)
            rows.append((case.kind, case.name, size, loader, wall, verdict))
    print("hostile corpus: time to the message or the game, seconds")
    print(f"{'kind':8} {'case':28} {'MB':>6} {'loader':>7} {'sovsim play':>12}  result")
    for kind, name, size, loader, wall, verdict in rows:
        print(f"{kind:8} {name:28} {size / 1e6:>6.1f} {loader:>7.2f} {wall:>12.2f}  {verdict}")
    worst = max(rows, key=lambda r: r[4])
    print(f"slowest: {worst[1]} {worst[4]:.2f} s (loader {worst[3]:.2f} s); median play "
          f"{statistics.median(r[4] for r in rows):.2f} s; target 2 s: "
          f"{'met' if worst[4] <= 2 else 'MISSED'}")


if __name__ == "__main__":
    main()
