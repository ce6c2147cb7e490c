"""The plenary screen driven by keys, as a trainer at a projector would."""

from __future__ import annotations

import io

from textual.widgets import Static

from sim.groupui.plenary import GoBackScreen, PlenaryApp, PlenaryDebriefScreen, PlenaryScreen
from sim.plenary import Plenary
from sim.store import Store

from .groupkit import aio


def _shown(app, selector: str) -> str:  # noqa: ANN001
    return str(app.screen.query_one(selector, Static).render())


def _text(app, selector: str, width: int = 116) -> str:  # noqa: ANN001
    """What a Static shows, as plain text (also when it is a table or a group)."""
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


@aio
async def test_count_votes_follow_pick_go_back_and_debrief(tmp_path, example, rubric) -> None:  # noqa: ANN001
    store = Store(tmp_path)
    plenary = Plenary.create(store, example)
    app = PlenaryApp(plenary, rubric, lang="en", export_dir=tmp_path / "out")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, PlenaryScreen)
        assert "Decision 1" in _shown(app, "#plen-head")
        assert "What exactly is Ruud asking" in _shown(app, "#plen-discussion")
        assert not app.screen.query_one("#plen-notes").has_class("-shown")
        await pilot.press("n")  # trainer notes only on a key
        assert app.screen.query_one("#plen-notes").has_class("-shown")
        assert "If she signs, I have it in black and white" in _shown(app, "#plen-notes-text")
        await pilot.press("n")
        await pilot.press("enter")  # no votes yet: nothing happens
        assert plenary.run.history == []
        await pilot.press("1", "1", "1", "2", "2", "2", "2", "minus", "minus")
        assert plenary.votes_here() == {"rustig-uitleggen": 3, "discussie": 2}
        assert "majority: option 1" in _shown(app, "#plen-status")
        await pilot.press("0")
        assert plenary.votes_here() == {}
        await pilot.press("2", "2", "1")
        await pilot.press("down", "down", "k")  # the trainer picks option 3 instead
        assert [s.choice for s in plenary.run.history] == ["tekenen"]
        assert "Ending: Signed" in _shown(app, "#plen-head")
        await pilot.press("g")
        assert isinstance(app.screen, GoBackScreen)
        await pilot.press("enter")  # decision 1 of branch 1
        await pilot.pause()
        assert isinstance(app.screen, PlenaryScreen) and len(plenary.branches) == 2
        assert "branch 2 of 2" in _shown(app, "#plen-head")
        assert plenary.votes_here() == {"discussie": 2, "rustig-uitleggen": 1}  # carried over
        await pilot.press("enter")  # now follow the majority: discussie -> boos
        assert plenary.run.node_id == "boos"
        await pilot.press("b")
        assert "★" in _shown(app, "#plen-head")
        await pilot.press("1", "enter")
        assert plenary.run.ending.id == "einde-grens"
        await pilot.press("d")
        assert isinstance(app.screen, PlenaryDebriefScreen)
        text = _text(app, "#plen-debrief-text")
        assert "Branch 1: the group's road" in text and "Branch 2: back to decision 1" in text
        assert "(not the majority)" in text and "Ending: Limit set" in text
        await pilot.press("m", "h")
        await pilot.pause()
    out = tmp_path / "out" / f"sovsim-plenair-{plenary.session.id}.md"
    assert "Branch 2: back to decision 1 of branch 1" in out.read_text(encoding="utf-8")
    assert out.with_suffix(".html").exists()
    store.close()
