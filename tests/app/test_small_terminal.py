"""A trainee at 80x24 and smaller: the coach feedback stays readable until the next
choice, PgUp/PgDn scroll the conversation whatever has focus, a window that is too small
says so, U at an ending says why it does nothing, the library says how to read the whole
description, and the trainer's corner keeps its only instruction on screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer, OptionList, Static

from sim.app.screens.play import PlayScreen
from sim.app.widgets.transcript import Transcript

from .conftest import aio, make_app
from .test_pilot import start_stempas

BUNDLED = Path(__file__).resolve().parents[2] / "scenarios"


def on_screen(widget) -> bool:  # noqa: ANN001
    """Shown, and wholly inside the terminal."""
    region = widget.region
    size = widget.app.size
    return bool(widget.display and region.height > 0 and region.y >= 0
                and region.bottom <= size.height)


def notices(app) -> list[str]:  # noqa: ANN001
    return [str(n.message) for n in app._notifications]


@aio
async def test_coach_feedback_stays_in_view_until_the_next_choice(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("2")  # discussie
        await pilot.pause()
        pin = app.screen.query_one("#coach-pin", Static)
        assert on_screen(pin)
        shown = str(pin.render())
        assert "Je gaat in discussie over het gedachtegoed" in shown
        assert "-2 Zakelijk" in shown or "Zakelijk" in shown
        assert "Gedacht, niet gezegd" in shown
        choices = app.screen.query_one("#choices", OptionList)
        assert choices.display and choices.has_focus
        # the trainee reads back: the feedback stays where it is
        await pilot.press("pageup", "pageup", "pagedown")
        await pilot.pause()
        assert on_screen(pin) and "gedachtegoed" in str(pin.render())
        # in the conversation, the pinned note is one line, not a second copy of the box
        text = app.screen.query_one(Transcript).text()
        assert text.count("Je gaat in discussie over het gedachtegoed") == 0
        assert "Coach: " in text
        # the next choice pins its own feedback, and the earlier one is back in full
        await pilot.press("1")  # grens
        await pilot.pause()
        assert "Je benoemt het gedrag rustig" in str(pin.render())
        assert "gedachtegoed" not in str(pin.render())
        assert "Je gaat in discussie over het gedachtegoed" in \
            app.screen.query_one(Transcript).text()


@aio
async def test_coach_feedback_is_seen_when_the_lines_are_skipped(data_dir: Path) -> None:
    """At the reading pace, Space shows everything at once: the feedback is still there."""
    app = make_app(data_dir, pace="calm")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("1")  # rustig uitleggen
        await pilot.pause()
        pin = app.screen.query_one("#coach-pin", Static)
        assert on_screen(pin) and "Je tekent niets" in str(pin.render())  # at once
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.query_one("#choices", OptionList).display
        assert on_screen(pin) and "Je tekent niets" in str(pin.render())


@aio
async def test_wide_screens_keep_the_feedback_in_the_conversation(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_stempas(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert not app.screen.query_one("#coach-pin", Static).display
        assert "Je gaat in discussie over het gedachtegoed" in \
            app.screen.query_one(Transcript).text()


@aio
async def test_pgup_scrolls_the_conversation_while_the_choices_have_focus(
        data_dir: Path) -> None:
    app = make_app(data_dir, scenario_dirs=[BUNDLED])
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_play(app.load(BUNDLED / "balie-uitschrijven.yaml"), "coach")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        tr = app.screen.query_one(Transcript)
        assert choices.has_focus and choices.highlighted == 0
        assert tr.max_scroll_y > 0
        before = tr.scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert tr.scroll_y < before            # the conversation scrolled back
        assert choices.highlighted == 0        # the highlight stayed
        assert choices.has_focus
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert tr.scroll_y == tr.max_scroll_y and choices.highlighted == 0


@aio
async def test_a_too_small_window_says_so_and_takes_no_blind_choices(data_dir: Path) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(60, 20)) as pilot:
        await start_stempas(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        message = screen.query_one("#play-too-small", Static)
        assert on_screen(message)
        text = str(message.render())
        assert "too small" in text and "60 × 20" in text and "80 × 24" in text
        assert not on_screen(screen.query_one("#choices"))
        await pilot.press("1")  # nothing can be read: no choice is made
        await pilot.pause()
        assert screen.pt.run.history == []
        assert any("larger" in n for n in notices(app))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not message.display or not on_screen(message)
        assert on_screen(screen.query_one("#choices"))
        await pilot.press("1")
        await pilot.pause()
        assert len(screen.pt.run.history) == 1


@aio
async def test_a_phone_sized_window_is_not_too_small(data_dir: Path) -> None:
    """A phone in a browser is 43 columns by 40 rows: narrow, but room enough to play."""
    app = make_app(data_dir)
    async with app.run_test(size=(43, 40)) as pilot:
        await start_stempas(pilot)
        assert not app.screen.too_small
        assert on_screen(app.screen.query_one("#choices"))


@aio
async def test_too_small_in_dutch(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(79, 23)) as pilot:
        await start_stempas(pilot)
        text = str(app.screen.query_one("#play-too-small", Static).render())
        assert "te klein" in text and "79 × 23" in text and "80 × 24" in text


@aio
async def test_undo_at_an_ending_says_why(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1", "2")  # rustig uitleggen, volgende: the end
        await pilot.pause()
        assert app.screen.pt.run.finished
        await pilot.press("u")
        await pilot.pause()
        assert any("afgelopen" in n and "niet terug" in n for n in notices(app))
        assert app.screen.pt.run.finished


@aio
async def test_library_tab_reaches_the_whole_description_and_says_so(data_dir: Path) -> None:
    app = make_app(data_dir, scenario_dirs=[BUNDLED])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        detail = app.screen.query_one("#library-detail")
        assert "Tab" in str(detail.border_subtitle)  # says how, before anyone tries
        assert detail.max_scroll_y > 0               # the description does not fit
        await pilot.press("tab")                    # one Tab, from the search
        await pilot.pause()
        assert detail.has_focus
        await pilot.press(*["pagedown"] * 8)
        await pilot.pause()
        assert detail.scroll_y == detail.max_scroll_y
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#library-filter").has_focus


@aio
async def test_the_trainers_corner_shows_its_instruction_at_80x24(data_dir: Path) -> None:
    app = make_app(data_dir, scenario_dirs=[BUNDLED])
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_trainer()
        await pilot.pause()
        help_ = app.screen.query_one("#trainer-help", Static)
        assert on_screen(help_)
        assert "docs/trainers.md" in str(help_.render())
        assert help_.region.height >= 3  # all of it, not its first line
        footer = app.screen.query_one(Footer)
        body = app.screen.query_one("#trainer-body")
        assert help_.region.bottom <= min(footer.region.y, body.region.bottom)
