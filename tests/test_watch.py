"""Live reload without a terminal: noticing saves, replaying choices on the new version,
keeping the old version when the new one has errors, --at/--set values."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sim.engine import RunError
from sim.loader import load_scenario
from sim.watch import FileWatch, parse_value, reload, replay, start_run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "stempas.yaml"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "stempas.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()  # make sure the modification time moves, even on coarse clocks
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_file_watch_sees_each_new_content_once(copy: Path) -> None:
    w = FileWatch(copy)
    assert not w.changed()
    text = copy.read_text()
    _save(copy, text)  # saved without a change
    assert not w.changed()
    _save(copy, text.replace("Ruud", "Rudi"))
    assert w.changed()
    assert not w.changed()
    copy.unlink()
    assert w.changed()  # gone is a change too (the reload then reports it)


def test_replay_carries_the_choices_over(copy: Path, rubric) -> None:  # noqa: ANN001
    dims = rubric.dimension_ids()
    _save(copy, copy.read_text().replace("Dat klinkt als een zware tijd.", "Dat klinkt zwaar."))
    r = reload(copy, dims, ["rustig-uitleggen", "grief-erkennen"])
    assert r.scenario is not None and r.replay.complete
    assert r.replay.replayed == r.replay.wanted == 2
    assert r.replay.run.finished and r.replay.run.node_id == "einde-goed"
    assert r.scenario.nodes["reactie"].choice("grief-erkennen").text.get("nl").startswith(
        "Dat klinkt zwaar.")


def test_replay_says_where_it_broke(copy: Path, rubric) -> None:  # noqa: ANN001
    dims = rubric.dimension_ids()
    _save(copy, copy.read_text().replace("id: grief-erkennen", "id: zorg-erkennen"))
    r = reload(copy, dims, ["rustig-uitleggen", "grief-erkennen"])
    assert r.scenario is not None and not r.replay.complete
    assert r.replay.replayed == 1 and r.replay.wanted == 2
    assert r.replay.run.node_id == "reactie"  # play goes on from there
    assert r.replay.stopped == ("choice 2 of 2 ('grief-erkennen' at node 'reactie'): node "
                                "'reactie' no longer has this choice")
    # a choice that is still there but no longer on offer
    sc = load_scenario(EXAMPLE, dims)
    r = replay(sc, ["discussie", "terug-naar-zaak"], values={"spanning": 0})
    assert r.replayed == 1 and "not available now" in r.stopped


def test_a_broken_save_keeps_the_old_version(copy: Path, rubric) -> None:  # noqa: ANN001
    _save(copy, copy.read_text().replace("target: afspraak", "target: afsprak", 1))
    r = reload(copy, rubric.dimension_ids(), ["rustig-uitleggen"])
    assert r.scenario is None and r.replay is None
    assert r.problems[0].line > 0
    assert "refers to node 'afsprak', which does not exist" in r.problems[0].message


def test_start_anywhere_with_chosen_values(rubric) -> None:  # noqa: ANN001
    sc = load_scenario(EXAMPLE, rubric.dimension_ids())
    values = {"spanning": parse_value(sc, "spanning", "9"),
              "vastgelegd": parse_value(sc, "vastgelegd", "true")}
    run = start_run(sc, "reactie", values)
    assert run.node_id == "reactie" and run.values["spanning"] == 9
    assert {v.id: v.enabled for v in run.choices()}["terug-naar-zaak"]
    assert parse_value(sc, "spanning", "99") == 10  # clamped to max
    with pytest.raises(ValueError, match="no variable 'spaning'; did you mean 'spanning'"):
        parse_value(sc, "spaning", "1")
    with pytest.raises(ValueError, match="'vastgelegd' is true or false, not 'ja'"):
        parse_value(sc, "vastgelegd", "ja")
    with pytest.raises(ValueError, match="'spanning' is a number, not 'hoog'"):
        parse_value(sc, "spanning", "hoog")
    with pytest.raises(RunError, match="no node 'reaktie'; did you mean 'reactie'"):
        start_run(sc, "reaktie")
    # the replay starts at the same place with the same values
    r = replay(sc, ["terug-naar-zaak"], "reactie", values)
    assert r.complete and r.run.finished


def test_watch_only_stats_the_file_when_nothing_changes(copy: Path, monkeypatch) -> None:  # noqa: ANN001
    w = FileWatch(copy)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("read the file although its size and time did not change")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    for _ in range(3):
        assert not w.changed()
