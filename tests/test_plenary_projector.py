"""The plenary as a projector screen: large counts over the full height, a footer that
fits with Q, the highlight kept where the trainer put it, a debrief that wraps rather
than cuts, and exports in the data folder's exports folder whatever the current folder."""

from __future__ import annotations

import io
import os

import pytest
from rich.console import Console
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from sim.groupui.plenary import PlenaryApp, PlenaryDebriefScreen, PlenaryScreen
from sim.plenary import Plenary
from sim.store import Store

from .groupkit import aio

LONG = (
    "Ik hoor u. Zal ik het ontvangstbewijs van de stempas meegeven, met mijn naam erop "
    "als aanspreekpunt?"
)  # an option of the example, longer than 70 characters


def _text(app, selector: str, width: int = 116) -> str:  # noqa: ANN001
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


def footer_keys(app) -> list[tuple[str, int, int]]:  # noqa: ANN001
    """(key, first column, last column + 1) of every key shown in the footer."""
    return [(k.key, k.region.x, k.region.right) for k in app.screen.query(FooterKey)]


@pytest.mark.parametrize(
    ("size", "lang"), [((120, 40), "nl"), ((120, 40), "en"), ((80, 24), "nl"), ((80, 24), "en")]
)
@aio
async def test_footer_fits_with_quit_and_no_english_palette(
    tmp_path,
    example,
    rubric,  # noqa: ANN001
    size,
    lang,
) -> None:
    store = Store(tmp_path)
    app = PlenaryApp(Plenary.create(store, example), rubric, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        keys = footer_keys(app)
        assert [k for k, _, _ in keys] == ["enter", "k", "n", "g", "d", "q"]
        assert all(right <= size[0] for _, _, right in keys), keys  # nothing cut, Q seen
        labels = " ".join(str(k.description) for k in app.screen.query(FooterKey))
        assert "palette" not in labels
        if lang == "nl":
            assert "Afsluiten" in labels and "Nabespreking" in labels
        await pilot.press("d")  # the group debrief's footer too
        await pilot.pause()
        assert all(right <= size[0] for _, _, right in footer_keys(app))
        assert "palette" not in " ".join(str(k.description) for k in app.screen.query(FooterKey))
    store.close()


@aio
async def test_large_counts_over_the_full_height_at_120x40(tmp_path, example, rubric) -> None:  # noqa: ANN001
    store = Store(tmp_path)
    plenary = Plenary.create(store, example)
    app = PlenaryApp(plenary, rubric, lang="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["1"] * 12, "2", "2", "3")
        screen = app.screen
        assert isinstance(screen, PlenaryScreen)
        views = plenary.run.choices("nl")
        size, text_w, count_w, bar_w = screen._layout(views, plenary.votes_here())
        assert size == "large" and bar_w >= 25 and text_w >= 50
        shown = _text(app, "#plen-options").splitlines()
        # "12" for option 1 in five-row block digits beside a five-row bar
        blocks = [ln for ln in shown if "██" in ln]
        assert len(blocks) >= 15  # three options, five rows each
        first = shown[:5]
        assert all("█" * bar_w in ln for ln in first)  # the majority's bar: full width, thick
        assert first[0].rstrip().endswith("█")
        # the options sit low on the screen, the status just above the footer: full height
        status = screen.query_one("#plen-status")
        assert status.region.bottom >= 36
        assert screen.query_one("#plen-options").region.height >= 17
    store.close()


@aio
async def test_small_terminal_keeps_every_option_and_count_visible(
    tmp_path, example, rubric
) -> None:  # noqa: ANN001
    store = Store(tmp_path)
    plenary = Plenary.create(store, example)
    app = PlenaryApp(plenary, rubric, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "1", "2")
        screen = app.screen
        assert screen._layout(plenary.run.choices("nl"), plenary.votes_here())[0] == "small"
        assert screen.has_class("-tight")
        options = screen.query_one("#plen-options")
        assert options.region.bottom <= screen.query_one("#plen-status").region.y
        assert screen.query_one("#plen-status").region.bottom <= 23  # above the footer
        text = _text(app, "#plen-options", 76)
        assert " 1 " in text and " 2 " in text and " 3 " in text
    store.close()


@aio
async def test_counting_votes_never_moves_the_highlight(tmp_path, example, rubric) -> None:  # noqa: ANN001
    """Arrows then K picks the option the trainer highlighted, even after more votes;
    "-" takes the last vote counted off, wherever the highlight is."""
    store = Store(tmp_path)
    plenary = Plenary.create(store, example)
    app = PlenaryApp(plenary, rubric, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("down", "down")  # the trainer marks option 3 ...
        await pilot.press("1", "1", "2", "1", "2")  # ... then counts the hands
        assert screen.highlight == 2
        assert "▶" in _text(app, "#plen-options").splitlines()[-5]  # option 3's first row
        await pilot.press("minus")  # a miscount: the last vote (option 2) comes off
        assert plenary.votes_here() == {"rustig-uitleggen": 3, "discussie": 1}
        await pilot.press("minus")  # and the one before it (option 1)
        assert plenary.votes_here() == {"rustig-uitleggen": 2, "discussie": 1}
        assert screen.highlight == 2
        await pilot.press("k")
        assert [s.choice for s in plenary.run.history] == ["tekenen"]  # option 3, as marked
    store.close()


@aio
async def test_group_debrief_wraps_long_options_and_has_title_and_date(
    tmp_path,
    example,  # noqa: ANN001
    rubric,
) -> None:
    store = Store(tmp_path)
    plenary = Plenary.create(store, example, title="Cursusdag 12 maart")
    plenary.add_vote("rustig-uitleggen", 9)
    plenary.follow_majority()
    plenary.add_vote("volgende", 3)
    plenary.follow_majority()
    app = PlenaryApp(plenary, rubric, lang="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, PlenaryDebriefScreen)
        text = _text(app, "#plen-debrief-text")
        assert text.lstrip().startswith("Cursusdag 12 maart · ")
        assert "…" not in text  # nothing cut: the long option wraps in its column
        lines = text.splitlines()
        at = next(i for i, ln in enumerate(lines) if "Ik hoor u. Zal ik het" in ln)
        col = lines[at].index("Ik hoor")
        wrapped = " ".join(ln[col:].split("    ")[0] for ln in lines[at : at + 2])
        assert " ".join(wrapped.split()) == LONG, lines[at : at + 2]
    store.close()


@aio
async def test_exports_go_to_the_data_folder_and_say_where(
    tmp_path,
    example,
    rubric,  # noqa: ANN001
    monkeypatch,
) -> None:
    data = tmp_path / "data"
    elsewhere = tmp_path / "a-git-clone"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    store = Store(data)
    plenary = Plenary.create(store, example)
    plenary.add_vote("tekenen", 3)
    plenary.follow_majority()
    app = PlenaryApp(plenary, rubric, lang="nl")
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        monkeypatch.setattr(app.screen, "notify", lambda msg, **kw: said.append(str(msg)))
        await pilot.press("m", "h")
        await pilot.pause()
    md = data / "exports" / f"sovsim-plenair-{plenary.session.id}.md"
    assert md.exists() and md.with_suffix(".html").exists()
    assert os.listdir(elsewhere) == []  # nothing in the current folder
    assert said == [
        f"Opgeslagen: {md.resolve()}",
        f"Opgeslagen: {md.with_suffix('.html').resolve()}",
    ]
    store.close()


@aio
async def test_arrows_move_the_highlight_when_the_situation_scrolls(tmp_path, rubric) -> None:  # noqa: ANN001
    """At 80x24 a long situation scrolls; the arrows still move the highlight (PgUp/PgDn
    scroll the situation), so arrows then K picks the option the trainer marked."""
    from pathlib import Path

    from sim.loader import load_scenario

    root = Path(__file__).parent.parent
    scenario = load_scenario(
        root / "scenarios" / "wijkteam-huisbezoek.yaml", rubric.dimension_ids()
    )
    store = Store(tmp_path)
    plenary = Plenary.create(store, scenario)
    app = PlenaryApp(plenary, rubric, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        story = app.screen.query_one("#plen-situation")
        assert story.max_scroll_y > 0  # the situation is longer than its room
        await pilot.press("1", "1", "2", "2", "2", "3", "up")
        assert app.screen.highlight == 2  # from option 1 up to the last
        await pilot.press("pagedown")
        assert story.scroll_y > 0 and app.screen.highlight == 2
        await pilot.press("k")
        first = scenario.nodes[scenario.start]
        assert [s.choice for s in plenary.run.history] == [first.choices[2].id]  # as marked
    store.close()


@aio
async def test_at_an_ending_the_text_follows_the_story_and_choice_keys_leave(
    tmp_path, example, rubric
) -> None:  # noqa: ANN001
    store = Store(tmp_path)
    plenary = Plenary.create(store, example)
    app = PlenaryApp(plenary, rubric, lang="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "enter")  # "tekenen" ends the scenario
        await pilot.pause()
        assert plenary.run.finished
        screen = app.screen
        story, ending = screen.query_one("#plen-situation"), screen.query_one("#plen-discussion")
        assert ending.region.y - story.region.bottom <= 2  # right under it, not at the bottom
        assert "Je gaf toe" in str(ending.content)
        assert [k for k, _, _ in footer_keys(app)] == ["n", "g", "d", "q"]
        await pilot.press("g", "enter")  # back to decision 1: a new branch, keys are back
        await pilot.pause()
        assert not plenary.run.finished
        assert [k for k, _, _ in footer_keys(app)] == ["enter", "k", "n", "g", "d", "q"]
    store.close()


@aio
async def test_the_notes_make_room_rather_than_push_the_options_away(tmp_path, rubric) -> None:  # noqa: ANN001
    from pathlib import Path

    from sim.loader import load_scenario

    root = Path(__file__).parent.parent
    scenario = load_scenario(
        root / "scenarios" / "wijkteam-huisbezoek.yaml", rubric.dimension_ids()
    )
    store = Store(tmp_path)
    plenary = Plenary.create(store, scenario)
    app = PlenaryApp(plenary, rubric, lang="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "enter", "1", "1", "2", "3", "4", "4")  # decision 2: 4 options
        screen = app.screen
        views = plenary.run.choices("nl")
        assert screen._layout(views, plenary.votes_here())[0] == "medium"
        await pilot.press("n")
        await pilot.pause()
        assert screen._layout(views, plenary.votes_here())[0] == "small"
        story = screen.query_one("#plen-situation")
        status, notes = screen.query_one("#plen-status"), screen.query_one("#plen-notes")
        # the situation keeps its room (ten lines at least; a longer one scrolls)
        assert story.region.height >= min(10, story.virtual_size.height)
        assert status.region.bottom <= notes.region.y and notes.region.bottom <= 39
        await pilot.press("n")  # notes away: the large counts are back
        await pilot.pause()
        assert screen._layout(views, plenary.votes_here())[0] == "medium"
    store.close()
