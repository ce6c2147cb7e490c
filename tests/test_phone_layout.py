"""A phone in a browser (390x844 px, about 43x40 cells): the join box keeps every button,
the footer shows every key in rows (no key cut, no stray letter), the gauges stay whole
lines, and the debrief's quadrant is a list, not a grid broken into loose lines."""

from __future__ import annotations

from rich.console import Console
from textual.widgets import Button, Static

from sim import sessions
from sim.app.widgets.footer import KeysFooter
from sim.groupui.join import JoinApp
from sim.loader import load_scenario
from sim.store import Store

from .conftest import EXAMPLE
from .groupkit import aio
from .test_join_burst import burst, keys_of

PHONE = (43, 40)


def inside(widget) -> bool:  # noqa: ANN001
    r, size = widget.region, widget.app.size
    return r.width > 0 and r.x >= 0 and r.right <= size.width and r.bottom <= size.height


@aio
async def test_the_phone_join_debrief_footer_and_gauges(tmp_path, rubric) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        made = sessions.create_session(store, [load_scenario(EXAMPLE, rubric.dimension_ids())])
        app = JoinApp(store, rubric, heartbeat=0, pace="off", blink=False, animations=False)
        async with app.run_test(size=PHONE) as pilot:
            await pilot.pause()
            assert app.has_class("-narrow")
            buttons = list(app.screen.query(Button))
            assert {b.id for b in buttons} == {"join", "trainer", "lang"}
            assert all(inside(b) and b.region.width >= 20 for b in buttons)  # English too
            burst(app, [*keys_of(sessions.format_code(made.join_code)), "tab",
                        *keys_of("Bea"), "enter"])
            await pilot.pause()
            await pilot.press("enter")  # the scenario
            await pilot.pause()
            status = str(app.screen.query_one("#play-status", Static).render())
            gauges = status.splitlines()[-1]
            assert "Vertrouwen" in gauges and "Spanning" in gauges and gauges.endswith("/10")
            assert all(len(line) <= PHONE[0] - 2 for line in status.splitlines()[1:])
            footer = app.screen.query_one(KeysFooter)
            keys = [k for k in footer.children if k.display]
            assert keys and all(inside(k) for k in keys)
            assert not any("-command-palette" in k.classes for k in keys)
            assert footer.region.height == 3  # five keys, two to a row
            for k in keys:  # each key's whole label is drawn
                assert k.region.width >= len(f"{k.key_display} {k.description}"), k.description
            await pilot.press("1", "2", "enter")  # to the end, then the debrief
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            keys = [k for k in footer.children if k.display]
            assert "Beginscherm" in {k.description for k in keys}
            for k in keys:
                assert inside(k) and k.region.width >= len(f"{k.key_display} {k.description}")
            quadrant = app.screen.query_one("#debrief-quadrant", Static)
            console = Console(width=PHONE[0] - 4, record=True)
            console.print(quadrant.render())
            text = console.export_text()
            assert "▶ Afstandelijk" in text and "  Betrouwbare partner" in text
            for line in ("Contact hoog, Grenzen hoog", "Contact laag, Grenzen laag"):
                assert line.lower() in text.lower()
            assert "Grenzen: laag" not in text  # the grid's column heads are not there


@aio
async def test_a_wide_window_keeps_the_grid_and_one_footer_row(tmp_path, rubric) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        sessions.create_session(store, [load_scenario(EXAMPLE, rubric.dimension_ids())])
        app = JoinApp(store, rubric, heartbeat=0, pace="off", blink=False, animations=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert not app.has_class("-narrow")
            ys = {b.region.y for b in app.screen.query(Button)}
            assert len(ys) == 1  # the buttons side by side
