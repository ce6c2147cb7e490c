"""The join app as a trainee and a trainer use it (Textual pilot, no terminal). A trainee
plays with the trainee's app's own play and debrief screens, saved through the session."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import Input, OptionList, Static

from sim import sessions
from sim.app.screens.debrief import DebriefScreen
from sim.app.screens.play import PlayScreen
from sim.groupui.dashboard import DashboardScreen
from sim.groupui.join import JoinApp, SessionDebriefScreen, SessionHomeScreen
from sim.store import Store

from .groupkit import STEMPAS_PATHS, aio, play


def _plain(renderable: object) -> str:
    """A widget's content as plain text, on one line (wrapping does not split phrases)."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(renderable)
    return " ".join(console.export_text().split())


def _text(app, selector: str) -> str:  # noqa: ANN001
    return _plain(app.screen.query_one(selector, Static).content)


def _screen_text(screen) -> str:  # noqa: ANN001
    """Everything the screen shows in text widgets and the transcript, as plain text."""
    from sim.app.widgets.transcript import Transcript

    out = [_plain(w.content) for w in screen.query(Static) if w.display]
    return "\n".join(out + [t.text() for t in screen.query(Transcript) if t.display])


def _app(store: Store, rubric, **kw) -> JoinApp:  # noqa: ANN001
    """The join app as the tests drive it: text at once, no heartbeat, no blinking."""
    return JoinApp(store, rubric, heartbeat=0, pace="off", blink=False, animations=False, **kw)


async def _join(pilot, code: str, name: str) -> None:  # noqa: ANN001
    app = pilot.app
    app.screen.query_one("#code", Input).value = code
    app.screen.query_one("#name", Input).value = name
    await pilot.click("#join")
    await pilot.pause()


async def _join_and_open(pilot, code: str, name: str) -> None:  # noqa: ANN001
    """Join, then open the session's first scenario (play it, or see its debrief)."""
    await _join(pilot, code, name)
    await pilot.press("enter")
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
    app = _app(store, rubric, session_id=made.session.id)
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
        assert isinstance(app.screen, PlayScreen)  # the trainee's app's own play screen
        assert app.screen.pt.mode == "coach" and app.screen.pt.saving
        await pilot.press("1")  # rustig-uitleggen
        await pilot.pause()
        events = store.session_events(made.session.id)
        assert [(e["node"], e["choice"]) for e in events] == [("balie", "rustig-uitleggen")]
        assert "Je tekent niets" in _screen_text(app.screen)  # the coach panel
        await pilot.press("u")  # coach mode: undo, and the store follows
        await pilot.pause()
        assert store.session_events(made.session.id) == []
        await pilot.press("1")
        await pilot.pause()
        assert len(store.session_events(made.session.id)) == 1  # exactly once
        await pilot.press("escape")  # pause: back to the session's scenarios
        await pilot.pause()
        assert "Kies het scenario opnieuw" in _screen_text(app.screen)
        await pilot.click("#home")
        await pilot.pause()
        assert isinstance(app.screen, SessionHomeScreen)
        listing = app.screen.query_one("#scenario-list", OptionList)
        assert "1 keuze(s) gemaakt" in str(listing.get_option_at_index(0).prompt)
        token = app.trainee.token  # what the page keeps
    # the tab closed; the page reconnects with its token and continues at the same point
    app = _app(store, rubric, session_id=made.session.id, resume_token=token)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.pt.run.node_id == "reactie"
        assert [s.choice for s in app.screen.pt.run.history] == ["rustig-uitleggen"]
        assert len(store.runs(session_id=made.session.id)) == 1
        await pilot.press("1")  # grief-erkennen: the end
        await pilot.pause()
        await pilot.press("enter")  # the debrief button has focus
        await pilot.pause()
        assert isinstance(app.screen, SessionDebriefScreen)
        shown = _screen_text(app.screen)
        assert "Contact gehouden, niets getekend" in shown and "100" in shown
        assert "Zodra de trainer de sessie afsluit" in _text(app, "#debrief-group")
        # others play, the trainer closes: the debrief adds the group at the key moments
        for name, path in (("Bram", "D"), ("Chris", "A")):
            play(sessions.join(store, made.join_code, name), example, STEMPAS_PATHS[path])
        sessions.open_as_trainer(store, made.session.id, made.trainer_code).close()
        app.screen.check_closed()
        await pilot.pause()
        group = _text(app, "#debrief-group")
        # balie: all three explained calmly; reactie: Bram (path D) said "next, please"
        assert "3 van de 3 keer koos de groep hier hetzelfde als jij" in group
        assert "2 van de 3 keer koos de groep hier hetzelfde als jij" in group
        assert group.count("jouw keuze") == 2
        await pilot.press("r")  # no new runs after closing
        await pilot.pause()
        assert isinstance(app.screen, SessionDebriefScreen)
        assert len(store.runs(session_id=made.session.id)) == 3
    events = store.session_events(made.session.id)
    anna = [e for e in events if e["run_id"] == store.runs(session_id=made.session.id,
                                                            person=_person(store, made, "Anna"))[0].id]
    assert [(e["seq"], e["choice"]) for e in anna] == [(1, "rustig-uitleggen"), (2, "grief-erkennen")]


def _person(store: Store, made, name: str) -> str:  # noqa: ANN001
    return next(p.id for p in store.participants(made.session.id) if p.name == name)


@aio
async def test_a_session_trainee_has_gauges_case_file_glossary_and_help(setup) -> None:  # noqa: ANN001
    from sim.app.screens.help import HelpScreen
    from sim.app.screens.reference import DossierScreen, GlossaryScreen

    store, made, rubric = setup
    app = _app(store, rubric, session_id=made.session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _join_and_open(pilot, made.join_code, "Anna")
        assert isinstance(app.screen, PlayScreen)
        shown = _screen_text(app.screen)
        # the other person's gauges, role, mode and progress, as in solo play
        assert "Vertrouwen" in shown and "4/10" in shown and "Spanning" in shown
        assert "Medewerker burgerzaken" in shown and "Keuze 1" in shown
        await pilot.press("1")
        await pilot.pause()
        assert "Spanning" in _screen_text(app.screen) and "4/10" in _text(app, "#side-gauges")
        await pilot.press("d")  # the case file
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        assert "Ruud" in _screen_text(app.screen)
        await pilot.press("escape")
        await pilot.press("g")  # the glossary of sovereign terms
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert "Het zijn beweringen, geen feiten" in _screen_text(app.screen)
        await pilot.press("escape")
        await pilot.press("f1")  # the keys, and how a session works
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = _screen_text(app.screen)
        assert "Dossier" in help_text and "Begrippen" in help_text
        assert "meld je dan opnieuw aan met dezelfde code en naam" in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert [e["choice"] for e in store.session_events(made.session.id)] == \
            ["rustig-uitleggen"]


@aio
async def test_the_debrief_shows_the_group_after_closing(setup, example) -> None:  # noqa: ANN001
    store, made, rubric = setup
    anna = sessions.join(store, made.join_code, "Anna")
    play(anna, example, STEMPAS_PATHS["D"])
    anna.leave()  # her tab closed
    for name, path in (("Bram", "A"), ("Chris", "A"), ("Dewi", "G")):
        play(sessions.join(store, made.join_code, name), example, STEMPAS_PATHS[path])
    store.close_session(made.session.id)
    app = _app(store, rubric, session_id=made.session.id, lang="en", resume_token=anna.token)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # a known participant may come back after closing
        assert "closed the session" in _text(app, "#session-intro")
        listing = app.screen.query_one("#scenario-list", OptionList)
        assert "finished" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDebriefScreen)
        assert isinstance(app.screen, DebriefScreen)  # the solo app's full debrief
        shown = _screen_text(app.screen)
        for section in ("Where you stand", "Key moments", "A better option was", "Try next time",
                        "Source", "Your path", "How the group chose at your key moments"):
            assert section in shown, section
        group = _text(app, "#debrief-group")
        # everyone explained calmly at the desk; then only Anna said "next, please"
        assert "Decision 1" in group and "4 of 4 times the group chose the same as you" in group
        assert "Decision 2" in group and "1 of 4 times the group chose the same as you" in group
        assert group.count("your choice") == 2
        assert "Bram" not in shown and "Chris" not in shown  # the group only as counts
        assert not app.screen.check_action("replay", ())


@aio
async def test_settings_of_a_tab_change_its_pace_and_language_only(setup) -> None:  # noqa: ANN001
    store, made, rubric = setup
    app = JoinApp(store, rubric, session_id=made.session.id, heartbeat=0, blink=False,
                  animations=False)
    assert app.pace == "normal"  # a calm reading pace, as in solo play
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#code", Input).value = "abc"
        await pilot.press("f2")  # English on the join screen; what was typed stays
        await pilot.pause()
        await pilot.pause()
        assert app.lang == "en" and "Join a group session" in _screen_text(app.screen)
        assert app.screen.query_one("#code", Input).value == "abc"
        await _join(pilot, made.join_code, "Anna")
        # the palette offers this session's places only: no solo library or results
        offered = [c.title for c in app.get_system_commands(app.screen)]
        assert "The session's scenarios" in offered and "Settings" in offered
        assert not {"Scenarios", "My results", "For trainers"} & set(offered)
        await pilot.press("i")
        await pilot.pause()
        assert "for this tab" in _screen_text(app.screen)
        assert not app.screen.query("#set-mode")  # the trainer sets the session's mode
        app.set_pace("off")
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert "Ruud:" in _screen_text(app.screen) and app.screen.query_one("#choices").display
    assert store.get_setting("pace") is None and store.get_setting("lang") is None


@aio
async def test_a_debrief_export_in_a_browser_goes_to_the_trainee(setup, example, monkeypatch,
                                                                 tmp_path) -> None:  # noqa: ANN001
    store, made, rubric = setup
    anna = sessions.join(store, made.join_code, "Anna")
    play(anna, example, STEMPAS_PATHS["A"])
    anna.leave()
    delivered: list[tuple[str, str]] = []
    monkeypatch.setattr(JoinApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(JoinApp, "deliver_text", lambda self, f, save_filename=None, **kw:
                        delivered.append((save_filename, f.read())))
    app = _app(store, rubric, session_id=made.session.id, resume_token=anna.token)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
    ((name, text),) = delivered
    assert name.startswith("stempas-") and name.endswith(".md") and "Contact gehouden" in text
    assert not (store.path.parent / "exports").exists()  # nothing left on the trainer's laptop


@aio
async def test_a_closed_session_admits_no_new_names(setup) -> None:  # noqa: ANN001
    store, made, rubric = setup
    store.close_session(made.session.id)
    app = _app(store, rubric)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "Nieuw")
        assert "afgesloten" in _text(app, "#join-error")


@aio
async def test_a_code_of_another_session_is_refused_when_serving_one(setup, example) -> None:  # noqa: ANN001
    store, made, rubric = setup
    other = sessions.create_session(store, [example])
    app = _app(store, rubric, session_id=made.session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, other.join_code, "Anna")
        assert "hoort niet bij een sessie" in _text(app, "#join-error")
        assert store.participants(other.session.id) == []  # no trace there
        assert not isinstance(app.screen, SessionHomeScreen)


@aio
async def test_the_trainer_code_opens_the_dashboard(setup, example, tmp_path) -> None:  # noqa: ANN001
    store, made, rubric = setup
    play(sessions.join(store, made.join_code, "Anna"), example, STEMPAS_PATHS["A"])
    app = _app(store, rubric, session_id=made.session.id, export_dir=tmp_path / "out",
               lang="en")
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
        await app.workers.wait_for_complete()  # the figures are read in a thread
        await pilot.pause()
        assert [p.name for p in app.screen.figures.participants] == ["Anna"]
        assert app.screen.figures.scenario("stempas").finished == 1
        await pilot.press("e")
        await app.workers.wait_for_complete()  # the CSV is made in a thread
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
    app = _app(store, rubric, session_id=made.session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "Anna")
        assert isinstance(app.screen, SessionHomeScreen)
        store.delete_session(made.session.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen) and app.trainee is None
        assert store.runs(session_id=made.session.id) == []  # nothing was written back


@aio
async def test_a_session_deleted_during_play_is_said_and_nothing_is_written_back(setup) -> None:  # noqa: ANN001
    from sim.app.screens.dialogs import ConfirmDialog
    from sim.groupui.join import JoinScreen

    store, made, rubric = setup
    app = _app(store, rubric, session_id=made.session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _join_and_open(pilot, made.join_code, "Anna")
        store.delete_session(made.session.id)  # the trainer deletes the data meanwhile
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # said, as when the store fails solo
        assert "kon niet worden bewaard: de trainer heeft deze oefening verwijderd" in \
                _screen_text(app.screen)
        await pilot.click("#yes")  # play on without saving
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and not app.screen.pt.saving
        assert store.runs(session_id=made.session.id) == [] and store.events() == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#home")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen) and app.trainee is None
