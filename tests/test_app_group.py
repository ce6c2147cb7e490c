"""The group features inside the trainee's app: the trainer's corner on the home screen
(dashboard with the trainer code, a plenary), and group runs kept out of "my results"."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from sim import sessions
from sim.groupui.dashboard import DashboardScreen
from sim.groupui.plenary import PlenaryScreen
from sim.groupui.trainer import TrainerMenuScreen
from sim.loader import load_scenario
from sim.plenary import Plenary
from sim.store import Store

from .app.conftest import STEMPAS, make_app
from .groupkit import STEMPAS_PATHS, aio, play


def _ids(screen, selector: str) -> list[str]:  # noqa: ANN001
    lst = screen.query_one(selector, OptionList)
    return [lst.get_option_at_index(i).id for i in range(lst.option_count)]


@aio
async def test_trainer_corner_dashboard_and_plenary(tmp_path) -> None:  # noqa: ANN001
    data = tmp_path / "data"
    scenario = load_scenario(STEMPAS)
    with Store(data) as store:
        made = sessions.create_session(store, [scenario])
        play(sessions.join(store, made.join_code, "Anna"), scenario, STEMPAS_PATHS["A"])
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "trainer" in _ids(app.screen, "#home-menu")
        assert "continue" not in _ids(app.screen, "#home-menu")  # Anna's run is not "mine"
        menu = app.screen.query_one("#home-menu", OptionList)
        menu.highlighted = _ids(app.screen, "#home-menu").index("trainer")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerMenuScreen)
        assert _ids(app.screen, "#trainer-menu")[:2] == ["dashboard", "plenary:stempas"]
        await pilot.press("enter")  # the dashboard: asks for the trainer code
        await pilot.pause()
        field = app.screen.query_one("#trainer-code", Input)
        assert field.display and field.has_focus
        field.value = made.join_code  # the join code is not the trainer code
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerMenuScreen)
        field.value = sessions.format_code(made.trainer_code)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await app.workers.wait_for_complete()  # the figures are read in a thread
        await pilot.pause()
        assert [p.name for p in app.screen.figures.participants] == ["Anna"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TrainerMenuScreen)
        menu = app.screen.query_one("#trainer-menu", OptionList)
        menu.highlighted = 1  # a new plenary of the example scenario
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlenaryScreen)
        await pilot.press("1", "1", "enter")
        plenary_id = app.screen.plenary.session.id
        assert [s.choice for s in app.screen.plenary.run.history] == ["rustig-uitleggen"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TrainerMenuScreen)
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_trainer()
        await pilot.pause()
        assert _ids(app.screen, "#trainer-menu")[1] == f"continue:{plenary_id}"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlenaryScreen)
        assert app.screen.plenary.session.id == plenary_id
        assert app.screen.plenary.run.node_id == "reactie"


@aio
async def test_my_results_leave_out_group_runs(tmp_path) -> None:  # noqa: ANN001
    data = tmp_path / "data"
    scenario = load_scenario(STEMPAS)
    with Store(data) as store:
        made = sessions.create_session(store, [scenario])
        play(sessions.join(store, made.join_code, "Anna"), scenario, STEMPAS_PATHS["C"])
        plenary = Plenary.create(store, scenario)
        plenary.add_vote("tekenen", 3)
        plenary.follow_majority()
        from sim.engine import Run

        solo = Run(scenario)
        rid = store.create_run(solo.snapshot(), scenario_path=str(STEMPAS))
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert [r.id for r in app.screen.records] == [rid]
        assert app.best_result("stempas") is None  # group results do not count as mine
        await pilot.pause(0.3)
