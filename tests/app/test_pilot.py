"""The app driven with keys, as a trainee would: play-through, coach and assessment, autosave and
resume, broken files, store failures, language and pace."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.engine import RunError
from sim.problemtext import error_text
from sim.store import Store, StoreError

from .conftest import BROKEN, STEMPAS, aio, make_app


def texts(screen) -> str:  # noqa: ANN001
    """What the screen shows in text widgets, option lists, buttons and the transcript, as
    plain text."""
    from rich.table import Table
    from textual.widgets import Button, OptionList, Static

    from sim.app.widgets.transcript import Transcript

    def plain(prompt: object) -> str:
        if isinstance(prompt, Table):  # a numbered choice: number and text in two columns
            return " ".join(str(cell) for col in prompt.columns for cell in col._cells)
        return str(prompt)

    out = [str(w.render()) for w in screen.query(Static) if w.display]
    for lst in screen.query(OptionList):
        if lst.display:
            out += [plain(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]
    out += [str(b.label) for b in screen.query(Button) if b.display]
    out += [t.text() for t in screen.query(Transcript) if t.display]
    return "\n".join(out)


async def start_stempas(pilot, mode_keys: tuple[str, ...] = ("enter",)) -> None:  # noqa: ANN001
    """Home -> library -> the (first) scenario -> mode dialog, by keys only."""
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")  # the filter has focus; Enter starts the highlighted scenario
    await pilot.pause()
    await pilot.press(*mode_keys)
    await pilot.pause()
    await pilot.pause()


@aio
async def test_full_play_through_with_keys_only(data_dir: Path) -> None:
    from sim.app.screens.debrief import DebriefScreen
    from sim.app.screens.play import PlayScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.pt.mode == "coach"
        assert "Ruud legt zijn stempas op de balie" in texts(app.screen)
        await pilot.press("1")  # rustig uitleggen
        await pilot.pause()
        assert "Jullie luisteren nooit" in texts(app.screen)
        await pilot.press("down", "enter")  # arrows and Enter: the second choice is "volgende"
        await pilot.pause()
        assert app.screen.pt.run.finished
        assert app.screen.pt.run.node_id == "weg"
        assert "Contact verbroken" in texts(app.screen)
        await pilot.press("enter")  # the debrief button has focus
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    with Store(data_dir) as store:
        (rec,) = store.runs()
        assert rec.finished and rec.outcome == "contact_broken" and rec.mode == "coach"
        assert [e["choice"] for e in store.events(rec.id)] == ["rustig-uitleggen", "volgende"]


@aio
async def test_coach_mode_feedback_and_undo(data_dir: Path) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stempas(pilot)
        await pilot.press("2")  # discussie: debates the ideology
        await pilot.pause()
        shown = texts(app.screen)
        assert "You debate the ideology" in shown           # the feedback
        assert "-2 On the matter" in shown                   # with its rubric dimension
        assert "Thought, not said: Ruud: “If she" in shown           # and what the other person thinks
        assert "If she signs, I have it in black and white." in shown
        pt = app.screen.pt
        assert pt.run.node_id == "boos" and len(pt.run.history) == 1
        await pilot.press("u")
        await pilot.pause()
        assert pt.run.node_id == "balie" and pt.run.history == []
        assert "You debate the ideology" not in texts(app.screen)
        await pilot.press("1")
        await pilot.pause()
        assert pt.run.node_id == "reactie"
    with Store(data_dir) as store:
        (rec,) = store.runs()
        assert [e["choice"] for e in store.events(rec.id)] == ["rustig-uitleggen"]


@aio
async def test_assessment_mode_shows_no_feedback_and_has_no_undo(data_dir: Path) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stempas(pilot, ("down", "enter"))  # the second button: assessment mode
        pt = app.screen.pt
        assert pt.mode == "assessment"
        await pilot.press("2")
        await pilot.pause()
        shown = texts(app.screen)
        assert "You debate the ideology" not in shown
        assert "Thought, not said" not in shown
        assert "Trust" not in shown  # no gauges either
        await pilot.press("u")
        await pilot.pause()
        assert len(pt.run.history) == 1  # undo did nothing
        assert not app.screen.check_action("undo", ())
    with Store(data_dir) as store:
        assert store.runs()[0].mode == "assessment"


@aio
async def test_autosave_stop_and_resume_in_a_new_app(data_dir: Path) -> None:
    from sim.app.screens.play import PlayScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("2")
        await pilot.pause()
        before = app.screen.pt.run.snapshot()
        shown_before = [(e.kind, e.text) for e in app.screen.query_one("#transcript").shown]
    # the app is gone; nothing was saved at exit, only after each choice
    app2 = make_app(data_dir)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Verder met: De ingeleverde stempas" in texts(app2.screen)
        await pilot.press("enter")  # Continue is the first entry
        await pilot.pause()
        assert isinstance(app2.screen, PlayScreen)
        after = app2.screen.pt.run.snapshot()
        assert after == before
        assert [(e.kind, e.text) for e in app2.screen.query_one("#transcript").shown] == \
            shown_before
        await pilot.press("1")  # grens: the run goes on where it was
        await pilot.pause()
        assert app2.screen.pt.run.finished


@aio
async def test_continue_when_the_scenario_changed(data_dir: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "stempas.yaml").write_text(STEMPAS.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(data_dir, scenario_dirs=[lib])
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1")
        await pilot.pause()
    text = (lib / "stempas.yaml").read_text(encoding="utf-8")
    (lib / "stempas.yaml").write_text(text.replace("id: rustig-uitleggen", "id: kalm-uitleggen")
                                      .replace("version: 1", "version: 2"), encoding="utf-8")
    app2 = make_app(data_dir, scenario_dirs=[lib])
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        shown = texts(app2.screen)
        assert "Dit scenario is veranderd" in shown and "rustig-uitleggen" in shown
        await pilot.press("enter")  # "Opnieuw beginnen"
        await pilot.pause()
        await pilot.pause()
        assert app2.screen.pt.run.history == [] and app2.screen.pt.run.node_id == "balie"
    with Store(data_dir) as store:
        runs = {r.outcome for r in store.runs()}
        assert "abandoned" in runs


@aio
async def test_broken_scenario_file_shows_an_error_list(data_dir: Path) -> None:
    from sim.app.screens.problems import ProblemsScreen

    app = make_app(data_dir, lang="en", play=BROKEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = texts(app.screen)
        assert "cannot be played: 3 error(s)" in shown
        assert "line 19, column 18: unknown rubric dimension 'vriendelijkheid'" in shown
        assert "line 20, column 17: target of choice 'a'" in shown
        assert "Traceback" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@aio
async def test_the_error_list_speaks_dutch_in_the_dutch_app(data_dir: Path) -> None:
    from sim.app.screens.problems import ProblemsScreen

    app = make_app(data_dir, lang="nl", play=BROKEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = texts(app.screen)
        assert "kan niet gespeeld worden: 3 fout(en)" in shown
        assert ("regel 19, kolom 18: onbekend onderdeel van de rubriek 'vriendelijkheid'"
                in shown)
        assert "regel 20, kolom 17: het doel ('target') van keuze 'a'" in shown
        for english in ("unknown", "target of choice", "does not exist"):
            assert english not in shown


@aio
async def test_broken_scenario_in_the_library(data_dir: Path) -> None:
    from sim.app.screens.problems import ProblemsScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert "kan niet gespeeld worden" in texts(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)


@aio
async def test_library_filter(data_dir: Path) -> None:
    from textual.widgets import OptionList

    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        lst = app.screen.query_one("#library-list", OptionList)
        assert lst.option_count == 2
        await pilot.press(*"polling")
        await pilot.pause()
        assert lst.option_count == 1
        await pilot.press(*"xyz")
        await pilot.pause()
        assert lst.option_count == 0
        assert "No scenarios found" in texts(app.screen)
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert lst.option_count == 2
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@aio
async def test_store_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = make_app(blocker / "data")  # a data folder below a file cannot be made
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "je voortgang kan niet worden bewaard" in texts(app.screen)
        await start_stempas(pilot)
        shown = texts(app.screen)
        assert "Je voortgang kan niet worden bewaard" in shown
        await pilot.press("enter")  # "Spelen zonder opslaan"
        await pilot.pause()
        pt = app.screen.pt
        assert not pt.saving
        await pilot.press("1")
        await pilot.pause()
        assert pt.run.node_id == "reactie"
        assert "niet opgeslagen" in texts(app.screen)


@aio
async def test_save_failing_mid_run_asks_and_can_go_on(data_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        pt = app.screen.pt

        def broken(*a: object, **kw: object) -> None:
            raise StoreError("the disk holding /x is full; progress cannot be saved")

        monkeypatch.setattr(Store, "save_step", broken)
        await pilot.press("1")
        await pilot.pause()
        assert "Your last choice could not be saved: the disk holding /x is full" in \
            texts(app.screen)
        await pilot.press("enter")  # play on, save later
        await pilot.pause()
        assert pt.saving and pt.unsaved and pt.run.node_id == "reactie"
        await pilot.press("1")  # still failing: no new question, it is retried at each choice
        await pilot.pause()
        assert pt.run.finished and pt.unsaved
        monkeypatch.undo()  # room again: the next save writes all that was pending
        pt.save()
        assert not pt.unsaved


@aio
async def test_pause_and_leave_keeps_progress(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Je voortgang is bewaard" in texts(app.screen)
        await pilot.press("down", "enter")  # "Naar het beginscherm"
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Verder met: De ingeleverde stempas" in texts(app.screen)


@aio
async def test_text_appears_at_a_pace_a_key_skips(data_dir: Path) -> None:
    from sim.app.widgets.transcript import Transcript

    app = make_app(data_dir, pace="normal")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        tr = app.screen.query_one(Transcript)
        assert tr.revealing  # the second opening line is still waiting
        assert not app.screen.query_one("#choices").display
        await pilot.press("space")
        await pilot.pause()
        assert not tr.revealing
        assert app.screen.query_one("#choices").display
        await pilot.press("1")
        await pilot.pause()
        assert tr.revealing
        await pilot.press("1")  # a number while text appears only shows it all
        await pilot.pause()
        assert not tr.revealing and len(app.screen.pt.run.history) == 1


@aio
async def test_case_file_glossary_and_help_are_a_key_away(data_dir: Path) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "Deregistering from the BRP by handing in a polling card" in texts(app.screen)
        await pilot.press("escape", "g")
        await pilot.pause()
        assert "These are claims, not facts." in texts(app.screen)
        await pilot.press(*"slave")
        await pilot.pause()
        shown = texts(app.screen)
        assert "Burger Slaven Nummer" in shown and "geboortetrust" not in shown
        assert "S18" in shown
        await pilot.press("escape", "f1")
        await pilot.pause()
        shown = texts(app.screen)
        assert "Case file" in shown and "Undo" in shown and "Choose that answer" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlayScreen"


@aio
async def test_language_switch_in_settings_is_saved(data_dir: Path) -> None:
    app = make_app(data_dir, lang=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Scenario's kiezen" in texts(app.screen)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("down", "enter")  # the language group has focus: English
        await pilot.pause()
        await pilot.pause()
        assert "Language" in texts(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert "Choose a scenario" in texts(app.screen)
    app2 = make_app(data_dir, lang=None)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app2.lang == "en" and "Choose a scenario" in texts(app2.screen)


@aio
async def test_command_palette_offers_the_main_actions(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Beginscherm", "Scenario's", "Mijn resultaten", "Instellingen",
                      "Hulp en toetsen", "Switch to English", "Thema: Hoog contrast", "Afsluiten"):
            assert title in titles
        await start_stempas(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Dossier", "Begrippen", "Terugnemen", "Pauze"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Begrippen", "enter")
        await pilot.pause()
        await pilot.pause()
        assert "Het zijn beweringen, geen feiten." in texts(app.screen)


@aio
async def test_high_contrast_theme(data_dir: Path) -> None:
    app = make_app(data_dir, theme="sovsim-high-contrast")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "sovsim-high-contrast"
        assert app.current_theme.background == "#000000"


@aio
async def test_markup_and_escapes_in_scenario_text_are_shown_literally(data_dir: Path,
                                                                        tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    text = STEMPAS.read_text(encoding="utf-8").replace(
        "Ruud legt zijn stempas op de balie",
        "[bold red]Ruud[/] legt \\x1b[31mzijn\\x1b[0m stempas \\x07op de balie")
    text = text.replace('{nl: "Ruud legt', '{nl: "Ruud legt')  # keep the YAML double-quoted
    (lib / "stempas.yaml").write_text(text, encoding="utf-8")
    app = make_app(data_dir, scenario_dirs=[lib])
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        shown = texts(app.screen)
        assert "[bold red]Ruud[/] legt zijn stempas op de balie" in shown
        assert "\x1b" not in shown and "\x07" not in shown


@aio
async def test_a_disabled_choice_shows_why(data_dir: Path) -> None:
    app = make_app(data_dir, lang="en", play=STEMPAS, start="reactie")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = texts(app.screen)
        assert "(not possible: You have not recorded anything yet.)" in shown
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.pt.run.node_id == "reactie"
        notes = [str(n.message) for n in app._notifications]
        assert "That choice is not possible now: You have not recorded anything yet." in notes


def shown_text(screen) -> str:  # noqa: ANN001
    """Plain text of every Static, Rich tables included (rendered at 100 columns)."""
    from rich.console import Console
    from textual.widgets import Static

    console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for w in screen.query(Static):
        console.print(w.content)
    return console.export_text()


@aio
async def test_debrief_shows_scores_quadrant_moments_and_exports(data_dir: Path) -> None:
    from sim.app.screens.debrief import DebriefScreen

    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1", "2", "enter")  # rustig uitleggen, volgende, to the debrief
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        shown = shown_text(app.screen)
        assert "Ending: Contact broken" in shown
        assert "Where you stand" in shown and "▶ Distant" in shown
        assert "Lawful" in shown and "100  Excellent" in shown
        assert "Setting limits  not assessed" in shown
        assert "Decision 2 · could be better" in shown
        assert "A better option was: That sounds like a hard time." in shown
        assert "Try next time" in shown and "Source: " in shown
        assert "Ruud: You never listen." in shown and "Ending: Contact broken" in shown  # the path
        assert "reactie" not in shown  # as the trainee met it, not by node id
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        exports = sorted((data_dir / "exports").iterdir())
        assert [p.suffix for p in exports] == [".html", ".md"]
        md = next(p for p in exports if p.suffix == ".md").read_text(encoding="utf-8")
        assert md.startswith("# Debrief: The returned polling card")
        html = next(p for p in exports if p.suffix == ".html").read_text(encoding="utf-8")
        assert "<svg" in html and "<link" not in html and "src=" not in html  # self-contained
        await pilot.press("r")  # play again: a new run of the same scenario, same mode
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "PlayScreen"
        assert app.screen.pt.run.history == [] and app.screen.pt.mode == "coach"


@aio
async def test_results_list_reopens_a_debrief_and_resumes_unfinished(data_dir: Path) -> None:
    from sim.app.screens.debrief import DebriefScreen

    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1", "1", "enter")  # a partner ending
        await pilot.pause()
        await pilot.press("escape")  # home
        await pilot.pause()
        await start_stempas(pilot, ("down", "enter"))  # an unfinished assessment run
        await pilot.press("2", "escape")
        await pilot.pause()
        await pilot.press("down", "enter")  # pause dialog: home screen
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#results-table")
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][2:4] == ["Assessment mode", "unfinished"]
        assert rows[1][2:5] == ["Coach mode", "Reliable partner", "95/100"]  # mean of 100,100,75,100,100
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r", "enter")  # the unfinished run: continue playing
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "PlayScreen"
        assert app.screen.pt.mode == "assessment" and len(app.screen.pt.run.history) == 1


@aio
async def test_switching_language_mid_run_keeps_the_run(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1")
        await pilot.pause()
        pt = app.screen.pt
        assert "Jullie luisteren nooit" in texts(app.screen)
        app.set_lang("en")  # what the palette's "Switch to English" does
        await pilot.pause()
        await pilot.pause()
        assert app.screen.pt is pt and len(pt.run.history) == 1
        shown = texts(app.screen)
        assert "You never listen." in shown and "Jullie luisteren" not in shown
        assert "Choose with 1–3" in shown
        assert app.screen.query_one("#choices").display
        await pilot.press("1")
        await pilot.pause()
        assert pt.run.finished


@aio
async def test_an_empty_results_list_says_so_and_shows_the_way_back(data_dir: Path) -> None:
    from tests.robustness.helpers import screen_text

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Mijn resultaten
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "Je hebt nog geen oefeningen gedaan" in shown
        footer = shown.rstrip().splitlines()[-1]
        assert "esc Terug" in footer and "Openen" not in footer  # nothing to open
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@aio
async def test_store_and_run_errors_are_said_in_the_apps_language(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk and a choice that cannot be made, in the Dutch app: Dutch, not the
    English text the errors carry for logs and the command line."""
    from sim.problemtext import Msg

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)

        def full(*a: object, **kw: object) -> None:
            raise StoreError(Msg("storage.full", folder="/x"))

        monkeypatch.setattr(Store, "save_step", full)
        await pilot.press("1")
        await pilot.pause()
        shown = texts(app.screen)
        assert "kon niet worden bewaard: de schijf met /x is vol; je voortgang kan niet " \
               "worden bewaard" in shown
        assert "disk" not in shown
        await pilot.press("enter")  # play on without saving
        await pilot.pause()
        pt = app.screen.pt
        with pytest.raises(RunError) as err:
            pt.choose("bestaat-niet")
        assert error_text(err.value, "nl").startswith("knooppunt 'reactie' heeft geen keuze "
                                                      "'bestaat-niet' (wel: ")
        assert str(err.value).startswith("node 'reactie' has no choice 'bestaat-niet'")
