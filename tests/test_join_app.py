"""The join app as a trainee and a trainer use it (Textual pilot, no terminal)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from sim import sessions
from sim.groupui.dashboard import DashboardScreen
from sim.groupui.join import GroupPlayScreen, JoinApp, SessionHomeScreen, TraineeDebriefScreen
from sim.store import Store

from .groupkit import STEMPAS_PATHS, aio, play


def _text(app, selector: str) -> str:  # noqa: ANN001
    return str(app.screen.query_one(selector, Static).render())


async def _join(pilot, code: str, name: str) -> None:  # noqa: ANN001
    app = pilot.app
    app.screen.query_one("#code", Input).value = code
    app.screen.query_one("#name", Input).value = name
    await pilot.click("#join")
    await pilot.pause()


@pytest.fixture
def setup(tmp_path, example, rubric):  # noqa: ANN001, ANN201
    store = Store(tmp_path)
    made = sessions.create_session(store, [example], title="Dag 1")
    yield store, made, rubric
    store.close()


@aio
async def test_wrong_code_refused_then_join_play_and_rejoin(setup, example) -> None:  # noqa: ANN001
    store, made, rubric = setup
    app = JoinApp(store, rubric, session_id=made.session.id, heartbeat=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "   ")
        assert "Vul een naam in" in _text(app, "#join-error")
        await _join(pilot, "ABC-DEF", "Anna")
        assert "hoort niet bij een sessie" in _text(app, "#join-error")
        assert app.screen.query_one("#code", Input).value == ""
        assert store.participants(made.session.id) == []
        await _join(pilot, sessions.format_code(made.join_code), "Anna")
        assert isinstance(app.screen, SessionHomeScreen)
        assert app.screen.sub_title.startswith("Anna")
        listing = app.screen.query_one("#scenario-list", OptionList)
        assert "nog niet begonnen" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupPlayScreen)
        await pilot.press("1")  # rustig-uitleggen
        await pilot.pause()
        events = store.session_events(made.session.id)
        assert [(e["node"], e["choice"]) for e in events] == [("balie", "rustig-uitleggen")]
        shown = " ".join(str(w.render()) for w in app.screen.query("#play-transcript Static"))
        assert "Je tekent niets" in shown  # coach feedback
        await pilot.press("u")  # coach mode: undo, and the store follows
        await pilot.pause()
        assert store.session_events(made.session.id) == []
        await pilot.press("1")
        await pilot.pause()
    # the tab closed; the same code and name continue at the same point
    app = JoinApp(store, rubric, session_id=made.session.id, heartbeat=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code.lower(), " anna ")
        listing = app.screen.query_one("#scenario-list", OptionList)
        assert "1 keuze(s) gemaakt" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.play.run.node_id == "reactie"
        assert len(store.runs(session_id=made.session.id)) == 1
        await pilot.press("1")  # grief-erkennen: the end
        await pilot.pause()
        await pilot.click("#to-debrief")
        await pilot.pause()
        assert isinstance(app.screen, TraineeDebriefScreen)
        main = _text(app, "#debrief-main")
        assert "Contact gehouden, niets getekend" in main and "100" in main
        assert "Zodra de trainer de sessie afsluit" in _text(app, "#debrief-group")
        # others play, the trainer closes: the debrief adds the group at the key moments
        for name, path in (("Bram", "D"), ("Chris", "A")):
            play(sessions.join(store, made.join_code, name), example, STEMPAS_PATHS[path])
        sessions.open_as_trainer(store, made.session.id, made.trainer_code).close()
        app.screen._check_closed()
        await pilot.pause()
        group = _text(app, "#debrief-group")
        # balie: all three explained calmly; reactie: Bram (path D) said "next, please"
        assert "3 van de 3 keer koos de groep hier hetzelfde als jij" in group
        assert "2 van de 3 keer koos de groep hier hetzelfde als jij" in group
        assert group.count("jouw keuze") == 2
        assert not app.screen.query_one("#again").display  # no new runs after closing


@aio
async def test_a_closed_session_admits_no_new_names(setup) -> None:  # noqa: ANN001
    store, made, rubric = setup
    store.close_session(made.session.id)
    app = JoinApp(store, rubric, heartbeat=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "Nieuw")
        assert "afgesloten" in _text(app, "#join-error")


@aio
async def test_a_code_of_another_session_is_refused_when_serving_one(setup, example) -> None:  # noqa: ANN001
    store, made, rubric = setup
    other = sessions.create_session(store, [example])
    app = JoinApp(store, rubric, session_id=made.session.id, heartbeat=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, other.join_code, "Anna")
        assert "hoort niet bij een sessie" in _text(app, "#join-error")
        assert store.participants(other.session.id)[0].name == "Anna"  # joined, then left
        assert not isinstance(app.screen, SessionHomeScreen)


@aio
async def test_the_trainer_code_opens_the_dashboard(setup, example, tmp_path) -> None:  # noqa: ANN001
    store, made, rubric = setup
    play(sessions.join(store, made.join_code, "Anna"), example, STEMPAS_PATHS["A"])
    app = JoinApp(store, rubric, session_id=made.session.id, heartbeat=0,
                  export_dir=tmp_path / "out", lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#trainer")
        await pilot.pause()
        app.screen.query_one("#trainer-code", Input).value = made.join_code  # not the trainer's
        await pilot.press("enter")
        await pilot.pause()
        assert "not right" in _text(app, "#trainer-error")
        app.screen.query_one("#trainer-code", Input).value = made.trainer_code
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert [p.name for p in app.screen.figures.participants] == ["Anna"]
        assert app.screen.figures.scenario("stempas").finished == 1
        await pilot.press("e")
        await pilot.pause()
        csv_file = tmp_path / "out" / f"sovsim-{made.session.id}.csv"
        assert csv_file.read_text(encoding="utf-8").splitlines()[1].split(",")[1] == "Anna"
        await pilot.press("h")
        await pilot.pause()
        assert "<!DOCTYPE html>" in (tmp_path / "out" / f"sovsim-{made.session.id}.html").read_text()
        await pilot.press("c")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert store.get_session(made.session.id).is_closed
        assert "closed" in app.screen.sub_title


@aio
async def test_a_deleted_session_sends_the_trainee_back_to_the_join_screen(setup) -> None:  # noqa: ANN001
    from sim.groupui.join import JoinScreen

    store, made, rubric = setup
    app = JoinApp(store, rubric, session_id=made.session.id, heartbeat=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "Anna")
        assert isinstance(app.screen, SessionHomeScreen)
        store.delete_session(made.session.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen) and app.trainee is None
        assert store.runs(session_id=made.session.id) == []  # nothing was written back
