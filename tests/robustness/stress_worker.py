"""One process of the concurrency test (test_concurrency.py): it plays, reads or watches,
as fast as it can, until the deadline, and prints what it did as JSON.

Run as ``python -m tests.robustness.stress_worker DB ROLE SEED SECONDS START JOIN_CODE
TRAINER_CODE SESSION_ID SCENARIO...``. Roles:

* ``solo``: runs played alone, as the app plays them (Playthrough, autosave per choice,
  undo now and then, runs left unfinished now and then);
* ``trainee``: the same inside a live session (sessions.join, Trainee.playthrough);
* ``reader``: what "my results", reports and exports read (runs, events);
* ``trainer``: the live dashboard, refreshed over and over.

A StoreError is what a user would see ("database is locked" among them): it is caught,
counted and reported, never hidden.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any


def main() -> int:
    db, role, seed, seconds, start_file, join_code, trainer_code, session_id = sys.argv[1:9]
    files = sys.argv[9:]
    from scoring.rubric import load_rubric
    from sim import sessions
    from sim.engine import RunError
    from sim.loader import load_scenario
    from sim.playthrough import Playthrough
    from sim.store import Store, StoreError

    rubric = load_rubric()
    scenarios = [load_scenario(f, rubric.dimension_ids()) for f in files]
    rng = random.Random(int(seed))
    report: dict[str, Any] = {"role": role, "runs": {}, "errors": [], "saves": 0, "reads": 0}
    store = Store(db)
    trainee = trainer = None
    if role == "trainee":
        trainee = sessions.join(store, join_code, f"Deelnemer {seed}")
    elif role == "trainer":
        trainer = sessions.open_as_trainer(store, session_id, trainer_code)
    # ready: wait for the common start, then work until the deadline
    while not Path(start_file).exists():
        time.sleep(0.01)
    deadline = time.monotonic() + float(seconds)

    def play_one() -> None:
        scenario = rng.choice(scenarios)
        if trainee is not None:
            pt: Any = trainee.playthrough(scenario)
        else:
            pt = Playthrough.new(scenario, mode="coach")
            pt.attach(store)
        rid = pt.run_id
        report["runs"][rid] = {"scenario": scenario.id, "choices": [], "finished": False}
        while not pt.run.finished and time.monotonic() < deadline:
            if pt.run.history and rng.random() < 0.1 and pt.can_undo:
                pt.undo()
            else:
                options = [v.id for v in pt.run.choices() if v.enabled]
                if not options:
                    break
                try:
                    pt.choose(rng.choice(options))
                except RunError:
                    continue
            report["saves"] += 1
            report["runs"][rid]["choices"] = [s.choice for s in pt.run.history]
            report["runs"][rid]["finished"] = pt.run.finished
            if rng.random() < 0.02:  # the trainee closes the app mid-run
                break
            time.sleep(rng.uniform(0, 0.01))

    try:
        while time.monotonic() < deadline:
            try:
                if role in ("solo", "trainee"):
                    play_one()
                elif role == "reader":
                    for rec in store.runs(limit=200):
                        store.events(rec.id)
                    report["reads"] += 1
                    time.sleep(rng.uniform(0, 0.02))
                elif trainer is not None:
                    trainer.dashboard(scenarios, rubric)
                    report["reads"] += 1
                    time.sleep(rng.uniform(0, 0.05))
            except StoreError as err:
                report["errors"].append(str(err))
                time.sleep(0.05)
        if trainee is not None:
            trainee.leave()
    finally:
        store.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
