"""30 processes on one store for a stretch of time: solo players and live-session trainees
autosaving every choice (with undo and runs left unfinished), readers listing runs and
events, and a trainer refreshing the dashboard. No event lost or doubled, no run lost, no
"database is locked" (nor any other store error) reaching a user, and a sound file.

This complements tests/test_group_concurrency.py (30 trainees, one path each, dashboard
figures exact) with duration, mixed roles, undo and readers. The duration is
SOVSIM_STRESS_SECONDS: 20 s in CI; run the full minute by hand with
``SOVSIM_STRESS_SECONDS=60 python -m pytest tests/robustness/test_concurrency.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from scoring.rubric import load_rubric
from sim import sessions
from sim.loader import load_scenario
from sim.store import Store

from .helpers import HERE

ROOT = HERE.parent.parent
SECONDS = float(os.environ.get("SOVSIM_STRESS_SECONDS", "20"))
ROLES = ["solo"] * 14 + ["trainee"] * 12 + ["reader"] * 3 + ["trainer"]
FILES = [HERE / "data" / "marathon.yaml", ROOT / "docs" / "examples" / "stempas.yaml"]


def test_thirty_processes_on_one_store(tmp_path: Path) -> None:
    assert len(ROLES) == 30
    db = tmp_path / "sovsim.db"
    dims = load_rubric().dimension_ids()
    scenarios = [load_scenario(f, dims) for f in FILES]
    with Store(db) as store:
        made = sessions.create_session(store, scenarios)
    start = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOVSIM_CACHE_DIR": str(tmp_path / "cache")}
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.robustness.stress_worker", str(db), role, str(i),
         str(SECONDS), str(start), made.join_code or "", made.trainer_code or "",
         made.session.id, *map(str, FILES)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i, role in enumerate(ROLES)]
    # everyone joined and loaded: start together
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        with Store(db) as store:
            if len(store.participants(made.session.id)) == ROLES.count("trainee"):
                break
        time.sleep(0.2)
    time.sleep(2)  # the others load their scenarios meanwhile
    start.touch()
    reports = []
    for p in procs:
        out, err = p.communicate(timeout=SECONDS + 300)
        assert p.returncode == 0, err
        assert "locked" not in err and err == "", err
        reports.append(json.loads(out))

    reads = sum(r["reads"] for r in reports)
    print(f"\n{SECONDS:.0f} s, 30 processes: {sum(r['saves'] for r in reports)} autosaves in "
          f"{sum(len(r['runs']) for r in reports)} runs, {reads} reads and dashboard refreshes")
    errors = [e for r in reports for e in r["errors"]]
    assert not errors, f"store errors reached a user: {errors[:5]}"
    played = {rid: run for r in reports for rid, run in r["runs"].items()}
    saves = sum(r["saves"] for r in reports)
    assert saves >= 100 * SECONDS / 20, f"too little happened to count as a test: {saves} saves"
    assert all(r["reads"] > 0 for r in reports if r["role"] in ("reader", "trainer"))
    with Store(db) as store:
        assert store.integrity_ok()
        stored = {rec.id: rec for rec in store.runs(limit=100_000)}
        assert set(stored) == set(played), "a run was lost, or one appeared from nowhere"
        events: dict[str, list[dict]] = {}
        for e in store.events():
            events.setdefault(e["run_id"], []).append(e)
        for rid, run in played.items():
            rec = stored[rid]
            history = [s["choice"] for s in rec.snapshot["history"]]
            assert history == run["choices"], rid
            logged = events.get(rid, [])
            assert [e["seq"] for e in logged] == list(range(1, len(history) + 1)), \
                f"{rid}: an event was lost or doubled"
            assert [e["choice"] for e in logged] == history, rid
            assert rec.finished == run["finished"], rid
        trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code or "")
        session_runs = {r.id for r in trainer.runs()}
        traineed = {rid for r in reports if r["role"] == "trainee" for rid in r["runs"]}
        assert session_runs == traineed
        dash = trainer.dashboard(scenarios, load_rubric())
        for s in scenarios:
            mine = [played[rid] for rid in traineed if played[rid]["scenario"] == s.id]
            assert dash.scenario(s.id).runs == len(mine)
