"""The debrief's route shows what the trainee met at each step (an ending's title, else the
first line said there), not the author's node ids: in the app and in the reports."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from scoring.debrief import node_label

from .conftest import aio, make_app
from .test_pilot import start_stempas

NODE_IDS = ("balie", "reactie", "weg", "boos", "rustig-uitleggen", "volgende")


@aio
async def test_route_in_the_app_uses_the_lines_not_the_node_ids(data_dir: Path) -> None:
    from sim.app.screens.debrief import DebriefScreen

    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await start_stempas(pilot)
        await pilot.press("1", "2", "enter")  # to the end, then the debrief button
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        console = Console(width=96, record=True)
        console.print(screen._path())
        route = console.export_text()
        assert "Ruud puts his polling card on the counter" in route
        assert "Ruud: You never listen." in route
        assert "You: I understand, but people are waiting. Next, please." in route
        assert "Ending: Contact broken" in route
        words = set(route.replace(":", " ").split())
        assert not words & set(NODE_IDS)


def test_node_label_is_short_and_human(rubric) -> None:  # noqa: ANN001
    from sim.loader import load_scenario

    from .conftest import STEMPAS

    s = load_scenario(STEMPAS, rubric.dimension_ids(), use_cache=False)
    assert node_label(s, "weg", "nl") == "Contact verbroken"          # an ending: its title
    label = node_label(s, "reactie", "en")
    assert label.startswith("Ruud: You never listen.") and label.endswith("…")
    assert len(label) <= 71
    assert node_label(s, "reactie", "en", limit=400) == \
        "Ruud: You never listen. Since my business went bankrupt, all I hear is rules."
