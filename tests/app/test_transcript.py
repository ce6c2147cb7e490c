"""The transcript widget on its own: what it draws, where it scrolls, and that scenario text
stays text."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from sim.app.widgets.transcript import Transcript
from sim.transcript import Entry

from .conftest import aio

KINDS = {"narration": ["narration"], "speech": ["speech", "speaker-1"], "you": ["you"],
         "coach": ["coach"], "ending": ["ending", "outcome-partner"]}


def render(e: Entry) -> tuple[Text, list[str], str | None]:
    title = {"coach": "Coach", "ending": "Ending"}.get(e.kind)
    return Text(e.text), KINDS[e.kind], title


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Transcript(render=render, timing=(0, 0, 0), id="t")


def words(n: int, word: str = "woord") -> str:
    return " ".join([word] * n)


@aio
async def test_entries_are_drawn_with_their_frames_and_a_coach_note_under_its_choice() -> None:
    app = Host()
    async with app.run_test(size=(40, 30)) as pilot:
        tr = app.query_one(Transcript)
        tr.reset([Entry("narration", "Het is druk."), Entry("speech", "Teken hier.", name="R"),
                  Entry("you", "Dat doe ik niet."), Entry("coach", "Goed zo."),
                  Entry("ending", "Klaar.")])
        await pilot.pause()
        w = tr.scrollable_content_region.width  # 40 less the scrollbar's gutter
        assert w == 38
        assert tr.text().split("\n") == [
            "Het is druk.",
            "",
            "▌ Teken hier.",
            "",
            "      ▌ Dat doe ik niet.",
            "  ╭─ Coach " + "─" * (w - 12) + "╮",
            "  │ Goed zo." + " " * (w - 13) + "│",
            "  ╰" + "─" * (w - 4) + "╯",
            "",
            "╔═ Ending " + "═" * (w - 11) + "╗",
            "║ Klaar." + " " * (w - 9) + "║",
            "╚" + "═" * (w - 2) + "╝",
        ]


@aio
async def test_new_lines_that_fit_show_the_end_and_a_long_block_starts_at_its_top() -> None:
    app = Host()
    async with app.run_test(size=(40, 12)) as pilot:
        tr = app.query_one(Transcript)
        tr.reset([Entry("narration", words(100))])
        await pilot.pause()
        assert tr.scroll_y == tr.max_scroll_y > 0  # resumed: the end is in view
        assert tr.add([Entry("you", "Kort.")])  # shown at once: no Revealed message follows
        await pilot.pause()
        assert tr.scroll_y == tr.max_scroll_y
        before = len(tr.text().split("\n"))
        tr.add([Entry("you", "Nog een keer."), Entry("coach", words(60, "lang"))])
        await pilot.pause()
        # taller than the view: the first new line is at the top, the rest below it
        assert tr.scroll_y == before + 1 < tr.max_scroll_y
        assert "Nog een keer." in tr.text().split("\n")[int(tr.scroll_y)]


@aio
async def test_scrolling_back_is_not_undone_until_the_next_lines_arrive() -> None:
    app = Host()
    async with app.run_test(size=(40, 10)) as pilot:
        tr = app.query_one(Transcript)
        tr.reset([Entry("narration", words(10)) for _ in range(12)])
        await pilot.pause()
        tr.scroll_home(animate=False)
        await pilot.pause()
        await pilot.resize_terminal(40, 11)  # a layout while the trainee reads back
        await pilot.pause()
        assert tr.scroll_y == 0
        tr.add([Entry("you", "Verder.")])
        await pilot.pause()
        assert tr.scroll_y == tr.max_scroll_y


@aio
async def test_a_new_width_wraps_everything_again() -> None:
    app = Host()
    async with app.run_test(size=(80, 20)) as pilot:
        tr = app.query_one(Transcript)
        tr.reset([Entry("speech", words(20), name="R")])
        await pilot.pause()
        wide = tr.text().split("\n")
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        narrow = tr.text().split("\n")
        assert len(narrow) > len(wide) and all(len(line) <= 40 for line in narrow)
        assert all(line.startswith("▌ ") for line in narrow)


@aio
async def test_markup_and_escapes_in_scenario_text_stay_text() -> None:
    app = Host()
    async with app.run_test(size=(60, 12)) as pilot:
        tr = app.query_one(Transcript)
        tr.reset([Entry("speech", "[bold red]Teken[/] [link=x]nu[/link] \\[x]", name="R")])
        await pilot.pause()
        assert "[bold red]Teken[/] [link=x]nu[/link] \\[x]" in tr.text()


@aio
async def test_a_theme_change_recolours_the_frames() -> None:
    app = Host()
    async with app.run_test(size=(40, 10)) as pilot:
        tr = app.query_one(Transcript)
        tr.reset([Entry("coach", "Goed.")])
        await pilot.pause()
        before = list(tr._lines[0])[1].style.color  # the frame's colour
        app.theme = "nord"
        await pilot.pause()
        after = list(tr._lines[0])[1].style.color
        assert before is not None and after is not None and before != after


class HostWithPanel(App[None]):
    """A transcript above a panel that comes and goes (as the choices do in play)."""

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        yield Transcript(render=render, timing=(0, 0, 0), id="t")
        yield Static("\n".join(["paneel"] * 6), id="panel")

    DEFAULT_CSS = "#t { height: 1fr; } #panel { height: auto; }"


@aio
async def test_a_long_block_keeps_its_top_in_view_when_the_layout_below_changes() -> None:
    app = HostWithPanel()
    async with app.run_test(size=(40, 20)) as pilot:
        tr = app.query_one(Transcript)
        panel = app.query_one("#panel")
        tr.reset([Entry("narration", words(60))])
        await pilot.pause()
        tr.add([Entry("you", "Ik kies."), Entry("coach", words(60, "uitleg"))])
        first = tr._starts[-2]
        block = len(tr._lines) - first
        assert 14 < block <= 20  # more than the 14 rows there are now, less than 20
        assert tr.scroll_y == first  # its top in view
        panel.display = False  # the transcript grows to 20 rows in the same frame
        await pilot.pause()
        await pilot.pause()
        assert tr.scroll_y == tr.max_scroll_y <= first  # it fits now: the end is in view
        panel.display = True
        tr.add([Entry("you", "Nog een."), Entry("coach", words(120, "uitleg"))])
        second = tr._starts[-2]
        panel.display = False
        await pilot.pause()
        await pilot.pause()
        assert tr.scroll_y == second < tr.max_scroll_y  # too long even now: its top shows
        tr.scroll_relative(y=2, animate=False)  # the trainee reads on
        panel.display = True
        await pilot.pause()
        await pilot.pause()
        assert tr.scroll_y == second + 2  # their place is not taken from them
