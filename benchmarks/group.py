"""How long the trainer dashboard takes to refresh, by number of trainees.

Run by hand:  python benchmarks/group.py [TRAINEES...]   (default 10 30 100)
Each trainee plays one seeded random path through a bundled scenario into one store
(every choice autosaved, as in a live session). Prints the time per autosave, one
dashboard refresh (the store read plus every figure, scored with the bundled rubric)
cold and warm, and the anonymous group counts a trainee's debrief reads after closing.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.rubric import load_rubric  # noqa: E402
from sim import sessions  # noqa: E402
from sim.clitools import bundled_dir  # noqa: E402
from sim.loader import load_scenario  # noqa: E402
from sim.store import Store  # noqa: E402


def main(sizes: list[int]) -> None:
    rubric = load_rubric()
    files = sorted(bundled_dir().glob("*.yaml"))
    scenario = max((load_scenario(f, rubric.dimension_ids()) for f in files),
                   key=lambda s: len(s.nodes))
    print(f"scenario {scenario.id}: {len(scenario.nodes)} nodes")
    print("trainees  choices  ms/autosave  dashboard cold s  warm s  group counts ms")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp, Store(tmp) as store:
            made = sessions.create_session(store, [scenario])
            saves: list[float] = []
            for i in range(n):
                rng = random.Random(i)
                trainee = sessions.join(store, made.join_code, f"t{i}")
                pt = trainee.playthrough(scenario)
                while not pt.run.finished:
                    choice = rng.choice([v.id for v in pt.run.choices() if v.enabled])
                    pt.run.choose(choice)
                    t0 = time.perf_counter()
                    pt.save()  # the autosave pt.choose makes, through the trainee
                    saves.append(time.perf_counter() - t0)
            trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
            fresh = load_scenario(scenario.path, rubric.dimension_ids())  # nothing cached yet
            t0 = time.perf_counter()
            trainer.dashboard([fresh], rubric)
            cold = time.perf_counter() - t0
            refresh = partial(trainer.dashboard, [fresh], rubric)
            warm = min(_timed(refresh) for _ in range(3))
            trainer.close()
            counts = min(_timed(trainee.group_counts) for _ in range(5))
            print(f"{n:>8}  {len(saves):>7}  {statistics.median(saves) * 1000:>11.2f}  "
                  f"{cold:>16.2f}  {warm:>6.2f}  {counts * 1000:>15.1f}")


def _timed(fn) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 30, 100])
