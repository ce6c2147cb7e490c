"""A quick typist on the join screen: the code, Tab (or Enter) and the name typed in one
burst, faster than the app handles them, land where the trainee sees the cursor. Before,
Textual applied the focus change after the next keys, so the name went into the code field
and the join was refused as a wrong code."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from sim import sessions
from sim.groupui.join import JoinApp, SessionHomeScreen
from sim.loader import load_scenario
from sim.store import Store

from .conftest import EXAMPLE
from .groupkit import aio


def burst(app: JoinApp, keys: list[str]) -> None:
    """Every key queued at once, before the app has handled the first (a busy server, a
    fast typist, or a paste), as a terminal driver delivers them."""
    for key in keys:
        char = key if len(key) == 1 else {"tab": "\t", "enter": "\r", "space": " ", "minus": "-"}.get(key)
        app.post_message(events.Key(key, char))


def keys_of(text: str) -> list[str]:
    return ["minus" if c == "-" else ("space" if c == " " else c) for c in text]


@pytest.mark.parametrize("between", ["tab", "enter"])
@aio
async def test_code_then_name_in_one_burst_joins(tmp_path, rubric, between: str) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        made = sessions.create_session(store, [load_scenario(EXAMPLE, rubric.dimension_ids())])
        code = sessions.format_code(made.join_code)
        app = JoinApp(store, rubric, heartbeat=0, pace="off", blink=False, animations=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            burst(app, [*keys_of(code), between, *keys_of("Bea de Vries"), "enter"])
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, SessionHomeScreen), \
                app.screen.query_one("#code", Input).value
            assert app.trainee is not None and app.trainee.name == "Bea de Vries"


@aio
async def test_shift_tab_back_in_a_burst(tmp_path, rubric) -> None:  # noqa: ANN001
    """Name first, Shift+Tab back to the code: each text in its own field."""
    with Store(tmp_path) as store:
        sessions.create_session(store, [load_scenario(EXAMPLE, rubric.dimension_ids())])
        app = JoinApp(store, rubric, heartbeat=0, pace="off", blink=False, animations=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            burst(app, ["tab", *keys_of("Bea"), "shift+tab", *keys_of("ABC")])
            await pilot.pause()
            await pilot.pause()
            assert app.screen.query_one("#name", Input).value == "Bea"
            assert app.screen.query_one("#code", Input).value == "ABC"
            assert app.screen.query_one("#code", Input).has_focus
