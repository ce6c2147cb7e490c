"""30 trainee processes play different paths at once into one store: every choice of
every run is recorded exactly once, and the dashboard's figures equal the figures
computed from what the trainees did; the figures read incrementally while they played
(as the dashboard screen reads them) end up equal to a full recompute."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sim import sessions
from sim.engine import Run
from sim.group import rubric_scorer
from sim.livefigures import LiveFigures
from sim.loader import load_scenario
from sim.store import Store

from .conftest import EXAMPLE, ROOT, bundled_scenarios

TRAINEES = 30


def test_thirty_trainees_at_once(tmp_path, rubric) -> None:  # noqa: ANN001
    dims = rubric.dimension_ids()
    files = [EXAMPLE] + bundled_scenarios()[:1]
    scenarios = [load_scenario(f, dims) for f in files]
    db = tmp_path / "sovsim.db"
    with Store(db) as store:
        made = sessions.create_session(store, scenarios)
    start = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = []
    for i in range(TRAINEES):
        scenario_file = str(files[i % len(files)])
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "tests.group_worker", str(db), made.join_code,
             f"Trainee {i:02d}", scenario_file, str(1000 + i), str(start)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    # let them all join, then start them together
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with Store(db) as store:
            if len(store.participants(made.session.id)) == TRAINEES:
                break
        time.sleep(0.1)
    # the dashboard's way meanwhile: incremental refreshes while the trainees write
    rounds = 0
    with Store(db) as store:
        live = LiveFigures(scenarios, rubric)
        reader = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
        live.refresh(reader)  # everyone joined, nobody started
        start.touch()
        while any(p.poll() is None for p in procs) and time.monotonic() < deadline + 180:
            live.refresh(reader)
            rounds += 1
            time.sleep(0.02)
        incremental = live.refresh(reader)
    reports = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        reports.append(json.loads(out))
    paths = {tuple(tuple(s) for s in r["steps"]) for r in reports}
    assert len(paths) >= 10, "the trainees should have taken different paths"

    with Store(db) as store:
        trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
        events = trainer.events()
        runs = {r.id: r for r in trainer.runs()}
        # every choice of every run exactly once, in order
        assert len(events) == sum(len(r["steps"]) for r in reports)
        by_run: dict[str, list] = {}
        for e in events:
            by_run.setdefault(e["run_id"], []).append(e)
        assert set(by_run) | {r["run_id"] for r in reports if not r["steps"]} == set(runs)
        for r in reports:
            logged = by_run.get(r["run_id"], [])
            assert [e["seq"] for e in logged] == list(range(1, len(r["steps"]) + 1))
            assert [[e["node"], e["choice"]] for e in logged] == r["steps"]
            rec = runs[r["run_id"]]
            assert [[s["node"], s["choice"]] for s in rec.snapshot["history"]] == r["steps"]
            assert rec.finished == r["finished"] and rec.ending == r["ending"]
        dash = trainer.dashboard(scenarios, rubric)
        assert store.integrity_ok()
    assert rounds >= 1 and incremental == dash  # read bit by bit, the same figures

    # the dashboard equals the figures computed from the trainees' own reports
    score = rubric_scorer(rubric)
    assert sorted(p.name for p in dash.participants) == sorted(r["name"] for r in reports)
    assert all(len(p.runs) == 1 for p in dash.participants)
    for s in scenarios:
        mine = [r for r in reports if r["scenario"] == s.id]
        fig = dash.scenario(s.id)
        assert fig.runs == len(mine) and fig.finished == sum(r["finished"] for r in mine)
        chosen = Counter((n, c) for r in mine for n, c in r["steps"])
        shown = {(d.node, o.choice): o.count for d in fig.decisions for o in d.options if o.count}
        assert shown == dict(chosen)
        assert {e.node: e.count for e in fig.endings if e.count} == \
            dict(Counter(r["ending"] for r in mine if r["finished"]))
        scores = []
        for r in mine:
            if not r["finished"]:
                continue
            run = Run(s)
            for _, c in r["steps"]:
                run.choose(c)
            scores.append(score(s, run.snapshot()))
        for st in fig.dimensions:
            vals = [sc.dimensions[st.dimension] for sc in scores
                    if sc.dimensions.get(st.dimension) is not None]
            assert st.n == len(vals)
            if vals:
                mean = sum(vals) / len(vals)
                assert st.mean == pytest.approx(mean)
                assert st.sd == pytest.approx(math.sqrt(sum((v - mean) ** 2 for v in vals)
                                                        / len(vals)))
        assert sorted((d.contact, d.limits) for d in fig.dots) == sorted(
            (sc.contact, sc.limits) for sc in scores
            if sc.contact is not None and sc.limits is not None)
        poor = Counter((n, c) for r in mine for n, c in r["steps"]
                       if sum(s.nodes[n].choice(c).scores.values()) < 0)
        top = sorted(poor.values(), reverse=True)[:5]
        assert [p.count for p in fig.poor_choices] == top
    assert Path(db).exists()
