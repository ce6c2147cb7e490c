"""Sending to a real Learning Record Store (ralph on loopback): everything arrives, once,
through an outage of the LRS and a kill of sovsim; wrong settings are said clearly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from sim import lrs
from sim.sessions import create_session, join
from sim.store import Store

from .kit import ROOT, load, play, sovsim
from .realrs import Ralph, check_schema

pytestmark = pytest.mark.slow


def setup_lrs(store: Store, ralph: Ralph, *, auto: bool = False) -> None:
    lrs.add(store, "org", ralph.url, auth_env="TEST_LRS_AUTH", auto=auto)


def env(ralph: Ralph) -> dict[str, str]:
    return {"TEST_LRS_AUTH": ralph.auth, "SOVSIM_NO_AUTOSEND": "1"}


def same_as_local(store: Store, ralph: Ralph, rubric) -> list[dict]:
    """The LRS holds every local statement exactly once, as it was built here."""
    local = lrs.statements_of(store, rubric=rubric)
    held = ralph.statements()
    ids = [s["id"] for s in held]
    assert len(ids) == len(set(ids)), "a statement is in the LRS twice"
    assert set(ids) == {s["id"] for s in local}
    by_id = {s["id"]: s for s in held}
    for s in local:
        got = by_id[s["id"]]
        for key in ("actor", "verb", "object", "result", "context"):
            assert got.get(key) == s.get(key), (s["id"], key)
    return held


def test_a_run_a_live_session_and_a_plenary_reach_the_lrs_complete(tmp_path, ralph, rubric) -> None:
    from sim.plenary import Plenary

    store = Store(tmp_path)
    setup_lrs(store, ralph)
    play(store, load("balie-uitschrijven", rubric), [0, 1], seed_undo=True)
    sc = load("schulden-ontruiming", rubric)
    session = create_session(store, [sc], title="Cursusdag")
    for name in ("Ab", "Bo"):
        trainee = join(store, session.join_code, name)
        pt = trainee.playthrough(sc)
        while not pt.run.finished:
            pt.choose([c.id for c in pt.run.choices() if c.enabled][0])
    plen = Plenary.create(store, load("wijkteam-huisbezoek", rubric), title="Plenair")
    for _ in range(3):
        plen.add_vote(plen.run.choices()[-1].id, 4)
        plen.follow_majority()
    store.close()
    res = sovsim(tmp_path, "lrs", "send", env=env(ralph))
    assert res.returncode == 0, res.stderr
    assert "verstuurd" in res.stderr and "wachtrij: 0" in res.stderr
    store = Store(tmp_path)
    held = same_as_local(store, ralph, rubric)
    kinds = {s["actor"]["objectType"] for s in held}
    assert kinds == {"Agent", "Group"}
    assert store.lrs_state("org").queued == 0
    assert store.lrs_state("org", session_id=session.session.id).sent > 0
    assert check_schema(held) == []
    # nothing new: sending again sends nothing
    res = sovsim(tmp_path, "lrs", "send", "--lang", "en", env=env(ralph))
    assert res.returncode == 0 and "statements sent: 0" in res.stderr


def test_an_lrs_outage_loses_nothing_and_doubles_nothing(
    tmp_path, ralph, rubric, monkeypatch
) -> None:
    monkeypatch.setenv("TEST_LRS_AUTH", ralph.auth)
    store = Store(tmp_path)
    setup_lrs(store, ralph)
    play(store, load("balie-uitschrijven", rubric), [0])
    assert lrs.send(store, lrs.get_config(store, "org"), rubric=rubric).error is None
    ralph.stop()
    play(store, load("raad-inspreker", rubric), [1, 0])
    queued = store.lrs_state("org").queued
    assert queued > 0
    store.close()
    res = sovsim(tmp_path, "lrs", "send", env=env(ralph))
    assert res.returncode == 3
    assert "niet bereikbaar" in res.stderr and "blijft in de wachtrij" in res.stderr
    res = sovsim(tmp_path, "lrs", "status", "--json", env=env(ralph))
    status = json.loads(res.stdout)[0]
    assert status["queued"] == queued and status["last_error"]
    ralph.start()
    res = sovsim(tmp_path, "lrs", "send", env=env(ralph))
    assert res.returncode == 0, res.stderr
    same_as_local(Store(tmp_path), ralph, rubric)


def test_a_send_that_waits_gets_through_when_the_lrs_comes_back(tmp_path, ralph, rubric) -> None:
    store = Store(tmp_path)
    setup_lrs(store, ralph)
    play(store, load("balie-uitschrijven", rubric), [1])
    store.close()
    ralph.stop()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from sim.cli import main; sys.exit(main(sys.argv[1:]))",
            "--data-dir",
            str(tmp_path),
            "lrs",
            "send",
            "--wait",
            "60",
        ],
        cwd=ROOT,
        env={**os.environ, **env(ralph)},
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    ralph.start()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    same_as_local(Store(tmp_path), ralph, rubric)


def test_a_kill_of_sovsim_while_sending_loses_and_doubles_nothing(tmp_path, ralph, rubric) -> None:
    store = Store(tmp_path)
    setup_lrs(store, ralph)
    names = ("balie-uitschrijven", "raad-inspreker", "wijkteam-huisbezoek", "schulden-ontruiming")
    for i in range(24):
        play(store, load(names[i % 4], rubric), [i, i // 4, 1])
    total = len(store.log_entries())
    store.close()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from sim.cli import main; sys.exit(main(sys.argv[1:]))",
            "--data-dir",
            str(tmp_path),
            "lrs",
            "send",
        ],
        cwd=ROOT,
        env={**os.environ, **env(ralph)},
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not ralph.statements():
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    got = len(ralph.statements())
    assert got > 0, "nothing was sent before the kill"
    store = Store(tmp_path)
    assert store.lrs_state("org").queued < total or got == total
    # the killed sender's claim must not block the next one for long
    store.conn.execute("UPDATE lrs_state SET sender_until=0")
    store.close()
    res = sovsim(tmp_path, "lrs", "send", env=env(ralph))
    assert res.returncode == 0, res.stderr
    same_as_local(Store(tmp_path), ralph, rubric)


def test_wrong_credentials_url_or_address_are_said_clearly(tmp_path, ralph, rubric) -> None:
    store = Store(tmp_path)
    setup_lrs(store, ralph)
    lrs.add(store, "pad", ralph.url.replace("/xAPI/", "/geen-xapi/"), auth_env="TEST_LRS_AUTH")
    lrs.add(store, "weg", "http://127.0.0.1:9/xAPI/", auth_env="TEST_LRS_AUTH")
    play(store, load("balie-uitschrijven", rubric), [0])
    store.close()
    res = sovsim(tmp_path, "lrs", "send", "org", env={"TEST_LRS_AUTH": "sovsim-test:fout"})
    assert res.returncode == 3
    assert "weigert de inloggegevens" in res.stderr and "TEST_LRS_AUTH" in res.stderr
    res = sovsim(
        tmp_path, "lrs", "send", "org", "--lang", "en", env={"TEST_LRS_AUTH": "sovsim-test:fout"}
    )
    assert "refuses the credentials" in res.stderr
    res = sovsim(tmp_path, "lrs", "send", "pad", env=env(ralph))
    assert res.returncode == 3 and "geen xAPI-eindpunt" in res.stderr
    res = sovsim(tmp_path, "lrs", "send", "weg", env=env(ralph))
    assert res.returncode == 3 and "niet bereikbaar" in res.stderr
    res = sovsim(tmp_path, "lrs", "send", "org", env={"TEST_LRS_AUTH": "zonder-dubbele-punt"})
    assert res.returncode == 3 and "gebruiker:wachtwoord" in res.stderr
    assert "Traceback" not in res.stderr
    res = sovsim(tmp_path, "lrs", "add", "x y", "ftp://nee")
    assert res.returncode == 1 and "geen bruikbare naam" in res.stderr
    res = sovsim(tmp_path, "lrs", "send", "onbekend")
    assert res.returncode == 1 and "geen LRS met de naam 'onbekend'" in res.stderr
    assert ralph.statements() == []  # nothing reached it with the wrong password


def test_automatic_sending_after_each_autosave(tmp_path, ralph, rubric) -> None:
    store = Store(tmp_path)
    setup_lrs(store, ralph, auto=True)
    store.close()
    res = sovsim(
        tmp_path,
        "play",
        "balie-uitschrijven",
        "--plain",
        stdin="1\n1\n1\n1\n1\n1\n1\n",
        env={"TEST_LRS_AUTH": ralph.auth},
    )
    assert res.returncode == 0, res.stderr
    deadline = time.monotonic() + 90
    store = Store(tmp_path)
    while time.monotonic() < deadline and store.lrs_state("org").queued:
        time.sleep(0.5)
    assert store.lrs_state("org").queued == 0
    same_as_local(store, ralph, rubric)
