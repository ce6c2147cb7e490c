"""One trainee process for the concurrency test: join, wait for the start signal,
play a seeded random path with an autosave after every choice (the app's Playthrough,
saved through the trainee), print what was done.

Run as ``python -m tests.group_worker DB JOIN_CODE NAME SCENARIO_FILE SEED START_FILE``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path


def main() -> int:
    db, code, name, scenario_file, seed, start_file = sys.argv[1:7]
    from scoring.rubric import load_rubric
    from sim.loader import load_scenario
    from sim.sessions import join
    from sim.store import Store

    scenario = load_scenario(scenario_file, load_rubric().dimension_ids())
    rng = random.Random(int(seed))
    with Store(db) as store:
        trainee = join(store, code, name)
        deadline = time.monotonic() + 120
        while not Path(start_file).exists():  # everyone starts at the same moment
            if time.monotonic() > deadline:
                return 3
            time.sleep(0.01)
        pt = trainee.playthrough(scenario)
        run, run_id = pt.run, pt.run_id
        steps = []
        while not run.finished and len(steps) < 200:
            options = [v.id for v in run.choices() if v.enabled]
            if not options:
                break
            step = pt.choose(rng.choice(options))
            steps.append([step.node, step.choice])
            trainee.heartbeat()
        trainee.leave()
    print(json.dumps({"name": name, "run_id": run_id, "scenario": scenario.id, "steps": steps,
                      "finished": run.finished, "ending": run.node_id if run.finished else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
