"""``sovsim session`` and ``sovsim data`` as a trainer and a data controller use them."""

from __future__ import annotations

import json
import re

from sim import sessions
from sim.store import Store

from .clirun import sovsim
from .conftest import EXAMPLE
from .groupkit import STEMPAS_PATHS, play


def _create(tmp_path, *extra: str) -> tuple[str, str, str]:  # noqa: ANN001
    res = sovsim("session", "create", str(EXAMPLE), *extra, "--data-dir", str(tmp_path))
    assert res.returncode == 0, res.stderr
    sid = re.search(r"Session (\w+) created", res.stdout).group(1)
    join = re.search(r"Join code \(for the trainees\):\s+(\S+)", res.stdout).group(1)
    trainer = re.search(r"Trainer code \(for you only\):\s+(\S+)", res.stdout).group(1)
    return sid, join, trainer


def test_create_list_close(tmp_path) -> None:  # noqa: ANN001
    sid, join, trainer = _create(tmp_path, "--title", "Cursusdag 1", "--mode", "assessment")
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", join)
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", trainer)
    listed = sovsim("session", "list", "--data-dir", str(tmp_path))
    assert sid in listed.stdout and "'Cursusdag 1'" in listed.stdout and join in listed.stdout
    assert "open" in listed.stdout and trainer not in listed.stdout
    wrong = sovsim("session", "close", sid, "--trainer-code", "WRONG", "--data-dir", str(tmp_path))
    assert wrong.returncode == 1 and "not right" in wrong.stderr
    asked = sovsim("session", "close", sid, "--data-dir", str(tmp_path), input="")
    assert asked.returncode == 2 and "trainer code is needed" in asked.stderr
    ok = sovsim("session", "close", sid[:4], "--data-dir", str(tmp_path),
                env={"SOVSIM_TRAINER_CODE": trainer.lower()})
    assert ok.returncode == 0 and "closed" in ok.stdout
    assert "closed" in sovsim("session", "list", "--data-dir", str(tmp_path)).stdout


def test_create_refuses_unknown_and_broken_scenarios(tmp_path) -> None:  # noqa: ANN001
    res = sovsim("session", "create", "geen-scenario", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "no scenario file or bundled scenario" in res.stderr
    broken = tmp_path / "kapot.yaml"
    broken.write_text("id: kapot\nversion: 1\n", encoding="utf-8")
    res = sovsim("session", "create", str(broken), "--data-dir", str(tmp_path))
    assert res.returncode == 1 and "kapot.yaml:" in res.stderr and "Traceback" not in res.stderr


def _fill(tmp_path, example) -> tuple[str, str]:  # noqa: ANN001
    with Store(tmp_path) as store:
        one = sessions.create_session(store, [example])
        two = sessions.create_session(store, [example])
        for made in (one, two):
            play(sessions.join(store, made.join_code, "Anna"), example, STEMPAS_PATHS["A"])
            play(sessions.join(store, made.join_code, "Bram"), example, STEMPAS_PATHS["C"])
    return one.session.id, two.session.id


def test_data_export_per_session_and_per_person(tmp_path, example) -> None:  # noqa: ANN001
    one, two = _fill(tmp_path, example)
    res = sovsim("data", "export", "--session", one, "--data-dir", str(tmp_path))
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    [s] = data["sessions"]
    assert s["id"] == one and [p["name"] for p in s["participants"]] == ["Anna", "Bram"]
    assert len(s["runs"]) == 2 and len(s["events"]) == 3
    assert "trainer_hash" not in res.stdout and "pbkdf2" not in res.stdout
    out = tmp_path / "anna.json"
    res = sovsim("data", "export", "--person", "anna", "-o", str(out), "--data-dir", str(tmp_path))
    assert res.returncode == 0 and "2 session(s), 2 run(s)" in res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {s["id"] for s in data["sessions"]} == {one, two}
    for s in data["sessions"]:
        assert [p["name"] for p in s["participants"]] == ["Anna"]
        assert [r["snapshot"]["history"][-1]["choice"] for r in s["runs"]] == ["grief-erkennen"]
        assert {e["choice"] for e in s["events"]} == {"rustig-uitleggen", "grief-erkennen"}
    res = sovsim("data", "export", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "--session" in res.stderr
    res = sovsim("data", "export", "--person", "Nobody", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "nobody called 'Nobody'" in res.stderr


def test_data_delete_asks_first(tmp_path, example) -> None:  # noqa: ANN001
    one, two = _fill(tmp_path, example)
    res = sovsim("data", "delete", "--session", one, "--person", "Anna", "--data-dir",
                 str(tmp_path), input="no\n")
    assert res.returncode == 1 and "Nothing deleted" in res.stderr and "'Anna'" in res.stderr
    res = sovsim("data", "delete", "--session", one, "--person", "Anna", "--data-dir",
                 str(tmp_path), input="")
    assert res.returncode == 1 and "Nothing deleted" in res.stderr
    with Store(tmp_path) as store:
        assert len(store.participants(one)) == 2
    res = sovsim("data", "delete", "--session", one, "--person", "Anna", "--data-dir",
                 str(tmp_path), input="yes\n")
    assert res.returncode == 0 and "Deleted 1 participant(s) and 1 run(s)" in res.stdout
    with Store(tmp_path) as store:
        assert [p.name for p in store.participants(one)] == ["Bram"]
        assert [p.name for p in store.participants(two)] == ["Anna", "Bram"]
    res = sovsim("data", "delete", "--session", two, "--yes", "--data-dir", str(tmp_path))
    assert res.returncode == 0 and "Deleted 1 session(s) and 2 run(s)" in res.stdout
    with Store(tmp_path) as store:
        assert store.get_session(two) is None and store.runs(session_id=two) == []
        assert store.get_session(one) is not None
    # erased for good: the names are no longer anywhere in the file
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("sovsim.db*"))
    assert raw.count(b"Anna") == 0


def test_the_trainers_guide_shows_screens_that_exist() -> None:
    from .conftest import ROOT

    guide = (ROOT / "docs" / "trainers.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((img/[^)]+)\)", guide)
    assert len(images) >= 6
    for img in images:
        assert (ROOT / "docs" / img).is_file(), img
