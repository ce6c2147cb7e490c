"""One trainee process for the concurrency test: join, wait for the start signal,
play a seeded random path with an autosave after every choice, print what was done.

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
    from sim.engine import Run
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
        run = Run(scenario)
        run_id = trainee.start_run(run.snapshot(), scenario_path=scenario_file)
        steps = []
        while not run.finished and len(steps) < 200:
            options = [v.id for v in run.choices() if v.enabled]
            if not options:
                break
            step = run.choose(rng.choice(options))
            steps.append([step.node, step.choice])
            ending = run.ending
            trainee.save(run_id, run.snapshot(), finished=run.finished,
                         outcome=ending.ending.outcome if ending and ending.ending else None,
                         ending=ending.id if ending else None)
            trainee.heartbeat()
        trainee.leave()
    print(json.dumps({"name": name, "run_id": run_id, "scenario": scenario.id, "steps": steps,
                      "finished": run.finished, "ending": run.node_id if run.finished else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
