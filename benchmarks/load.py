"""Load and validate speed against the floor PyYAML allows (a bare C-loader parse).

Run by hand:  python benchmarks/load.py [SIZES...]   (default 1000 5000 20000)
Prints, per size: file size, the bare ``yaml.load`` with the C loader, a cold
load+validate (empty cache), and a warm load (unchanged file, compiled cache).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import write  # noqa: E402

from scoring.rubric import load_rubric  # noqa: E402
from sim.loader import load_scenario  # noqa: E402


def best_of(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) if repeat < 3 else statistics.median(times)


def main(sizes: list[int]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="sovsim-bench-"))
    dims = load_rubric().dimension_ids()
    print(f"{'nodes':>7} {'MB':>6} {'bare parse':>11} {'cold load':>10} {'cold/bare':>9} "
          f"{'warm load':>10} {'bare/warm':>9}")
    for n in sizes:
        path = write(n, folder)
        data = path.read_bytes()
        repeat = 3 if n <= 5000 else 1
        bare = best_of(lambda d=data: yaml.load(d, Loader=yaml.CSafeLoader), repeat)

        def cold(path: Path = path) -> None:
            cache = Path(tempfile.mkdtemp(prefix="sovsim-cache-", dir=folder))
            os.environ["SOVSIM_CACHE_DIR"] = str(cache)
            load_scenario(path, dims)

        cold_t = best_of(cold, repeat)
        os.environ["SOVSIM_CACHE_DIR"] = str(folder / "warm-cache")
        load_scenario(path, dims)  # fill
        warm = best_of(lambda p=path: load_scenario(p, dims), 5)
        print(f"{n:>7} {len(data) / 1e6:>6.2f} {bare:>10.3f}s {cold_t:>9.3f}s {cold_t / bare:>8.2f}x "
              f"{warm:>9.3f}s {bare / warm:>8.1f}x")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000])
