"""Authors in the app: a test play that reloads the scenario file on every save and replays
the choices so far; --at/--set starts; the author view with node statuses; plays from any
node. Test plays are never saved."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sim.store import Store

from .conftest import STEMPAS, aio, make_app
from .test_pilot import texts

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = ROOT / "tests" / "authoring" / "unreachable.yaml"


def save(path: Path, text: str) -> None:
    """Write and make sure the modification time moves (coarse clocks)."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def notes(app) -> list[str]:  # noqa: ANN001
    return [str(n.message) for n in app._notifications]


def stored_runs(data_dir: Path) -> list:
    with Store(data_dir) as store:
        return store.runs(limit=100)


@aio
async def test_watch_reloads_and_replays(tmp_path: Path, data_dir: Path) -> None:
    from sim.app.screens.authorplay import AuthorPlayScreen

    path = tmp_path / "stempas.yaml"
    shutil.copy(STEMPAS, path)
    app = make_app(data_dir, play=path, watch=True, mode="coach")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuthorPlayScreen)
        assert "Testspel · stempas.yaml · laadt opnieuw als je opslaat" in texts(screen)
        assert screen.check_file() is None  # nothing saved yet
        await pilot.press("1")
        await pilot.pause()
        # the author rewrites Ruud's answer and saves
        save(path, path.read_text().replace("Jullie luisteren nooit.", "Niemand luistert ooit."))
        result = screen.check_file()
        await pilot.pause()
        assert result is not None and result.replay.complete
        assert app.screen is screen and screen.pt.run.node_id == "reactie"
        assert [s.choice for s in screen.pt.run.history] == ["rustig-uitleggen"]
        shown = texts(screen)
        assert "Niemand luistert ooit." in shown and "Jullie luisteren nooit." not in shown
        assert "Opnieuw geladen; 1 van 1 keuzes opnieuw gespeeld." in notes(app)
        # play goes on, on the new version
        await pilot.press("1")
        await pilot.pause()
        assert screen.pt.run.finished
    assert stored_runs(data_dir) == []  # a test play is never saved


@aio
async def test_the_watch_panel_shows_a_broken_save_in_dutch(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "stempas.yaml"
    shutil.copy(STEMPAS, path)
    good = path.read_text()
    app = make_app(data_dir, play=path, watch=True, mode="coach", lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        save(path, good.replace("target: afspraak", "target: afsprak", 1))
        screen.check_file()
        await pilot.pause()
        shown = texts(screen)
        assert "verwijst naar knooppunt 'afsprak', dat niet bestaat" in shown
        assert "refers to node" not in shown


@aio
async def test_a_broken_save_shows_its_errors_and_the_old_version_plays_on(
        tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "stempas.yaml"
    shutil.copy(STEMPAS, path)
    good = path.read_text()
    app = make_app(data_dir, play=path, watch=True, mode="coach", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("1")
        await pilot.pause()
        save(path, good.replace("target: afspraak", "target: afsprak", 1))
        result = screen.check_file()
        await pilot.pause()
        assert result is not None and result.scenario is None
        panel = screen.query_one("#watch-problems")
        assert panel.display
        shown = texts(screen)
        assert "Errors in the saved file (1); the previous version plays on:" in shown
        assert "refers to node 'afsprak', which does not exist" in shown
        assert any("the previous version plays on" in n for n in notes(app))
        await pilot.press("1")  # still playing the last good version
        await pilot.pause()
        assert screen.pt.run.node_id == "einde-goed"
        # fixed: the panel goes, the run is replayed on the new version
        save(path, good)
        result = screen.check_file()
        await pilot.pause()
        assert result.replay.complete and result.replay.replayed == 2
        assert not screen.query_one("#watch-problems").display
        assert screen.pt.run.finished


@aio
async def test_watch_says_where_the_replay_broke(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "stempas.yaml"
    shutil.copy(STEMPAS, path)
    app = make_app(data_dir, play=path, watch=True, mode="coach", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert screen.pt.run.finished
        save(path, path.read_text().replace("id: grief-erkennen", "id: zorg-erkennen"))
        result = screen.check_file()
        await pilot.pause()
        assert not result.replay.complete
        assert screen.pt.run.node_id == "reactie" and len(screen.pt.run.history) == 1
        assert ("Reloaded, but choice 2 of 2 could not be replayed: 'grief-erkennen' no longer "
                "exists at 'reactie'. Play on from there.") in notes(app)
        assert "zorg-erkennen" in {v.id for v in screen.pt.run.choices()}


@aio
async def test_start_anywhere_with_chosen_values(data_dir: Path) -> None:
    from sim.app.screens.authorplay import AuthorPlayScreen

    app = make_app(data_dir, play=STEMPAS, start="reactie", values={"vastgelegd": True},
                   mode="coach")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuthorPlayScreen) and screen.watcher is None
        assert screen.pt.run.node_id == "reactie"
        assert {v.id: v.enabled for v in screen.pt.run.choices()}["terug-naar-zaak"]
        assert "Testspel voor auteurs" in texts(screen)
        await pilot.press("3")
        await pilot.pause()
        assert screen.pt.run.finished
    assert stored_runs(data_dir) == []


@aio
async def test_author_view_shows_node_statuses_and_plays_from_any_node(
        tmp_path: Path, data_dir: Path) -> None:
    from sim.app.screens.author import AuthorScreen
    from sim.app.screens.authorplay import AuthorPlayScreen

    path = tmp_path / "unreachable.yaml"
    shutil.copy(UNREACHABLE, path)
    app = make_app(data_dir, play=path, author=True, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuthorScreen)
        status = {n.id: n.status for n in screen.view.nodes}
        assert status == {"begin": "ok", "vervolg": "ok", "goed": "ending", "weg": "ending",
                          "getekend": "ending", "vergeten": "unreachable",
                          "verborgen": "unreachable"}
        shown = texts(screen)
        assert "7 nodes · 3 play-throughs (loops at most 3 times) · 2 unreachable" in shown
        assert "ending: Reliable partner" in shown
        # the highlighted node's detail: a reachable node, then an unreachable one
        await pilot.press("down")
        await pilot.pause()
        detail = str(screen.query_one("#author-detail-text").render())
        assert "Reached via: luisteren" in detail and "• grens → goed" in detail
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        detail = str(screen.query_one("#author-detail-text").render())
        assert detail.startswith("vergeten") and "No play-through gets here." in detail
        assert "is unreachable: no choice, 'next:' or route leads to it" in detail
        # Enter on 'vervolg': the way there is replayed, and play goes on from it
        for _ in range(4):
            await pilot.press("up")
        await pilot.press("enter")
        await pilot.pause()
        play = app.screen
        assert isinstance(play, AuthorPlayScreen)
        assert play.pt.run.node_id == "vervolg"
        assert [s.choice for s in play.pt.run.history] == ["luisteren"]
        # F2: back to the author view
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is screen
        # an unreachable node starts directly
        for _ in range(4):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.pt.run.start_node == "vergeten"
    assert stored_runs(data_dir) == []


@aio
async def test_author_view_follows_the_file(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "unreachable.yaml"
    shutil.copy(UNREACHABLE, path)
    app = make_app(data_dir, play=path, author=True, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        text = path.read_text()
        save(path, text.replace("target: weg", "target: vergeten", 1))  # link it
        assert screen.check_file()
        await pilot.pause()
        assert screen.view.node("vergeten").status == "ok"
        assert screen.view.node("weg").status == "unreachable"
        save(path, text.replace("target: weg", "target: wegg", 1))  # a broken save
        assert screen.check_file()
        await pilot.pause()
        shown = texts(screen)
        assert "The saved file has errors (1); this is the previous version." in shown
        assert screen.view.node("vergeten").status == "ok"  # the last good version stays


@aio
async def test_library_opens_the_author_view(data_dir: Path) -> None:
    from sim.app.screens.author import AuthorScreen

    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        assert app.screen.scenario.id == "stempas"
        assert "8 knooppunten · 6 speelpaden" in texts(app.screen)
        # warnings about the scenario as a whole come first
        detail = str(app.screen.query_one("#author-detail-text").render())
        assert detail.startswith("Het scenario als geheel") and "[top-band]" in detail
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryScreen"


@aio
async def test_watch_shows_the_opening_once_and_in_order(tmp_path: Path, data_dir: Path) -> None:
    """At the reading pace, the opening of a watched test play appears as in the file:
    the narration, then Ruud, each once (it showed Ruud, the narration and Ruud again)."""
    from sim.app.widgets.transcript import Transcript

    path = tmp_path / "stempas.yaml"
    shutil.copy(STEMPAS, path)
    app = make_app(data_dir, play=path, watch=True, mode="coach", pace="normal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tr = app.screen.query_one(Transcript)
        assert tr.revealing and [e.kind for e in tr.shown] == ["narration"]
        await pilot.press("space")  # show the rest at once
        await pilot.pause()
        assert [e.kind for e in tr.shown] == ["narration", "speech"]
        text = tr.text()
        narration = text.index("Ruud legt zijn stempas op de balie")
        speech = text.index("Ruud: Ik lever dit in.")
        assert narration < speech and text.count("Ik lever dit in.") == 1


@aio
async def test_a_reset_drops_lines_still_waiting(data_dir: Path) -> None:
    from sim.app.widgets.transcript import Transcript

    app = make_app(data_dir, play=STEMPAS, mode="coach", pace="normal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tr = app.screen.query_one(Transcript)
        assert tr.revealing
        tr.reset([])
        assert not tr.revealing and tr.shown == []
        tr.skip()
        await pilot.pause()
        assert tr.shown == []
