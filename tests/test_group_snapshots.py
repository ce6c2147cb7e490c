"""Snapshots of the trainer's screens at 120x40 (dashboard and plenary, Dutch and English)
and of the join screen at 80x24. Deterministic: fixed session id and codes, the example
scenario, no refresh timer, no cursor blink. Update with ``--snapshot-update`` and LOOK
at every changed SVG (rsvg-convert -o x.png x.svg) before committing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim import sessions
from sim.plenary import Plenary
from sim.store import Store

from .groupkit import STEMPAS_PATHS, play

SESSION = "demo0001"
JOIN = "K7FM2Q"
TRAINER = "TRAINER234"


def _live(data: Path, example) -> Store:  # noqa: ANN001
    store = Store(data)
    store.create_session(kind="live", scenarios=[sessions.scenario_ref(example)],
                         title="Cursusdag Soevereinen", join_code=JOIN,
                         trainer_hash=sessions.hash_code(TRAINER), session_id=SESSION)
    people = [("Anna", "A"), ("Bram", "B"), ("Chris", "C"), ("Dewi", "D"), ("Eva", "E"),
              ("Fatma", "A"), ("Gijs", "G"), ("Hanna", "A"), ("Ilse", "D")]
    for name, path in people:
        play(sessions.join(store, JOIN, name), example, STEMPAS_PATHS[path])
    play(sessions.join(store, JOIN, "Jeroen"), example, ["rustig-uitleggen"])
    sessions.join(store, JOIN, "Karin")
    return store


async def figures_read(pilot) -> None:  # noqa: ANN001
    """The dashboard reads its figures in a thread: wait for them to be shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dashboard_120x40(snap_compare, tmp_path, example, rubric, lang) -> None:  # noqa: ANN001
    from sim.groupui.dashboard import DashboardApp

    store = _live(tmp_path, example)
    trainer = sessions.open_as_trainer(store, SESSION, TRAINER)
    app = DashboardApp(trainer, [example], rubric, lang=lang, refresh_seconds=0)
    assert snap_compare(app, terminal_size=(120, 40), run_before=figures_read)
    store.close()


def test_dashboard_80x24(snap_compare, tmp_path, example, rubric) -> None:  # noqa: ANN001
    """A small terminal: every panel keeps its title, the participants list scrolls."""
    from sim.groupui.dashboard import DashboardApp

    store = _live(tmp_path, example)
    trainer = sessions.open_as_trainer(store, SESSION, TRAINER)
    app = DashboardApp(trainer, [example], rubric, lang="nl", refresh_seconds=0)
    assert snap_compare(app, terminal_size=(80, 24), run_before=figures_read)
    store.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_plenary_120x40(snap_compare, tmp_path, example, rubric, lang) -> None:  # noqa: ANN001
    from sim.groupui.plenary import PlenaryApp

    store = Store(tmp_path)
    plenary = Plenary.create(store, example)
    plenary.add_vote("rustig-uitleggen", 9)
    plenary.add_vote("discussie", 4)
    plenary.add_vote("tekenen", 2)
    plenary.follow_majority()
    app = PlenaryApp(plenary, rubric, lang=lang)
    # the room votes at the second decision; the trainer opens the notes
    assert snap_compare(app, terminal_size=(120, 40),
                        press=["1", "1", "1", "1", "1", "1", "2", "2", "2", "3", "3", "3", "3",
                               "down", "n"])
    store.close()


def test_plenary_debrief_120x40(snap_compare, tmp_path, example, rubric) -> None:  # noqa: ANN001
    from sim.groupui.plenary import PlenaryApp

    store = Store(tmp_path)
    plenary = Plenary.create(store, example, title="Cursusdag 12 maart")
    store.conn.execute("UPDATE sessions SET created = ? WHERE id = ?",  # a fixed date
                       ("2026-03-12T08:30:00+00:00", plenary.session.id))
    plenary.session = store.get_session(plenary.session.id)
    plenary.add_vote("rustig-uitleggen", 9)
    plenary.add_vote("discussie", 4)
    plenary.follow_majority()
    plenary.add_vote("volgende", 8)
    plenary.add_vote("grief-erkennen", 7)
    plenary.choose("grief-erkennen")
    plenary.go_back(plenary.current.run_id, 2)
    plenary.follow_majority()
    app = PlenaryApp(plenary, rubric, lang="nl")
    assert snap_compare(app, terminal_size=(120, 40), press=["d"])
    store.close()


def test_join_screen_80x24(snap_compare, tmp_path, rubric) -> None:  # noqa: ANN001
    from sim.groupui.join import JoinApp

    store = Store(tmp_path)
    app = JoinApp(store, rubric, lang="nl", heartbeat=0)
    assert snap_compare(app, terminal_size=(80, 24))
    store.close()
