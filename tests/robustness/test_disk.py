"""A full disk or a read-only data folder: a clear message, the last good save intact, and
play goes on without saving when the trainee agrees (or saves again once there is room).

The faults are real where the machine allows it (tests/robustness/faults.py): a tmpfs of
512 KB filled to the last byte, a read-only bind mount. A full store without root is made
with SQLite's ``PRAGMA max_page_count``."""

from __future__ import annotations

from pathlib import Path

from sim.app.screens.dialogs import ConfirmDialog
from sim.store import DB_NAME, Store, StoreError
from tests.app.conftest import aio, make_app

from .faults import Plain, fill, read_only, tiny_disk
from .helpers import HERE, screen_text, toasts

MARATHON = HERE / "data" / "marathon.yaml"


def stored(data: Path) -> list[str]:
    """The choices of the one stored run; the file passes its integrity check."""
    with Store(data) as store:
        assert store.integrity_ok()
        (run,) = store.runs()
        history = [s["choice"] for s in run.snapshot["history"]]
        assert [e["choice"] for e in store.events(run.id)] == history
        return history


def env(data: Path, tmp_path: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(data), "SOVSIM_CACHE_DIR": str(tmp_path / "cache")}


# --- a full disk -----------------------------------------------------------------------------

@aio
async def test_full_disk_in_the_app(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        app = make_app(data, lang="en", play=MARATHON, mode="coach")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            await pilot.pause()
            pt = app.screen.pt
            assert pt.saving
            for key in ("1", "2"):
                await pilot.press(key)
                await pilot.pause()
            filler = fill(disk)
            await pilot.press("3")
            await pilot.pause()
            shown = screen_text(app)
            assert "Your last choice could not be saved: the disk holding" in shown
            assert "is full; progress cannot be saved" in shown
            await pilot.press("right", "enter")  # "Try again": the disk is still full
            await pilot.pause()
            assert "Your last choice could not be saved" in screen_text(app)
            filler.unlink()  # room again
            await pilot.press("right", "enter")  # "Try again"
            await pilot.pause()
            assert "Saved." in toasts(app) and pt.saving
            assert stored(data) == ["v1", "a2", "v3"]
            filler = fill(disk)
            await pilot.press("1")
            await pilot.pause()
            assert "is full" in screen_text(app)
            await pilot.press("enter")  # "Play on, save later"
            await pilot.pause()
            assert pt.saving and pt.unsaved and "not saved" in screen_text(app)
            await pilot.press("2")  # still full: no new question, a retry at every choice
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmDialog)
            assert any("Not saved yet" in t for t in toasts(app))
            assert stored(data) == ["v1", "a2", "v3"]  # the last good save, intact
            filler.unlink()  # room again: the next choice saves what was pending
            await pilot.press("3")
            await pilot.pause()
            assert not pt.unsaved and any("Saved again" in t for t in toasts(app))
            assert [s.choice for s in pt.run.history] == ["v1", "a2", "v3", "a1", "v2", "a3"]
        assert stored(data) == ["v1", "a2", "v3", "a1", "v2", "a3"]  # nothing lost


def test_full_disk_in_plain_mode(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        p = Plain(["--lang", "en", "play", str(MARATHON), "--plain"], env(data, tmp_path))
        p.wait_for("> ")
        p.type("1")
        p.wait_for("You: Vraag choice 1")
        p.type("2")
        p.wait_for("You: Antwoord choice 2")
        filler = fill(disk)
        p.type("3")
        shown = p.wait_for("Play anyway, without saving? [y/N] ")
        assert "Your last choice could not be saved: the disk holding" in shown
        assert "is full; progress cannot be saved" in shown
        p.type("y")
        p.wait_for("You play on. sovsim tries to save again at every next choice")
        p.wait_for("You: Vraag choice 3")
        p.type("1")
        assert "Not saved yet (the disk holding" in p.wait_for("You: Antwoord choice 1")
        assert stored(data) == ["v1", "a2"]  # the last good save, intact
        filler.unlink()  # room again: the next choice saves all that was pending
        p.type("2")
        assert "Saved again" in p.wait_for("You: Vraag choice 2")
        assert stored(data) == ["v1", "a2", "v3", "a1", "v2"]
        p.type("q")
        assert "Stopped." in p.wait_for("Your progress is saved")
        code, err = p.finish()
        assert code == 0 and err == ""
        assert stored(data) == ["v1", "a2", "v3", "a1", "v2"]


def test_full_disk_answered_no_stops_instead_of_playing_unsaved(tmp_path: Path) -> None:
    """attack.md area 2: N to "Play anyway, without saving?" still played unsaved."""
    with tiny_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        p = Plain(["--lang", "en", "play", str(MARATHON), "--plain"], env(data, tmp_path))
        p.wait_for("> ")
        p.type("1")
        p.wait_for("You: Vraag choice 1")
        filler = fill(disk)
        p.type("2")
        p.wait_for("Play anyway, without saving? [y/N] ")
        p.type("n")
        shown = p.wait_for("Stopped without playing on.")
        assert "You are now playing without saving." not in shown
        code, err = p.finish()
        assert code == 0 and err == ""
        filler.unlink()
        assert stored(data) == ["v1"]
        # and later the same run goes on where the store has it
        p = Plain(["--lang", "en", "play", str(MARATHON), "--plain"], env(data, tmp_path))
        p.wait_for("[Y/n]")
        p.type("y")
        p.wait_for("> ")
        p.type("2")
        p.wait_for("You: Antwoord choice 2")
        p.type("q")
        p.wait_for("Stopped.")
        p.finish()
        assert stored(data) == ["v1", "a2"]


def test_a_store_that_cannot_be_opened_on_a_full_disk_says_so(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        with Store(data) as store:
            store.set_setting("lang", "en")
        filler = fill(disk)
        p = Plain(["--lang", "en", "play", str(MARATHON), "--plain"], env(data, tmp_path))
        shown = p.wait_for("Play anyway, without saving? [y/N] ")
        assert f"Your progress cannot be saved: the disk holding {data} is full" in shown
        p.type("n")
        code, err = p.finish()
        assert code == 0 and err == ""
        filler.unlink()


@aio
async def test_full_store_without_root(tmp_path: Path) -> None:
    """SQLite's own 'database or disk is full' (PRAGMA max_page_count), on any machine."""
    data = tmp_path / "data"
    store = Store(data)
    app = make_app(data, lang="en", play=MARATHON, mode="coach")
    app.store = store
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        pt = app.screen.pt
        await pilot.press("1")
        await pilot.pause()
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        for i in range(80):  # until a save needs one page more
            await pilot.press("123"[i % 3])
            await pilot.pause()
            if "could not be saved" in screen_text(app):
                break
        shown = screen_text(app)
        assert "Your last choice could not be saved: the disk holding" in shown
        await pilot.press("enter")  # play on, save later
        await pilot.pause()
        assert pt.saving and pt.unsaved
        saved = len(pt.run.history) - 1
        await pilot.press("1")
        await pilot.pause()
        assert len(pt.run.history) == saved + 2
        assert len(stored(data)) == saved  # still full
        store.conn.execute(f"PRAGMA max_page_count = {pages + 100}")  # room again
        await pilot.press("1")
        await pilot.pause()
        assert not pt.unsaved
    store.close()
    assert stored(data) == [s.choice for s in pt.run.history]  # nothing lost


# --- a read-only data folder -------------------------------------------------------------------

def play_two(data: Path) -> None:
    from sim.loader import load_scenario
    from sim.playthrough import Playthrough

    with Store(data) as store:
        store.set_setting("lang", "en")
        store.set_setting("pace", "off")
        pt = Playthrough.new(load_scenario(MARATHON))
        pt.attach(store)
        pt.choose("v1")
        pt.choose("a2")


@aio
async def test_read_only_data_folder_in_the_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    play_two(data)
    before = (data / DB_NAME).read_bytes()
    with read_only(data):
        app = make_app(data, lang="en", play=MARATHON, mode="coach")
        assert app.store is None and app.store_error
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.pause()
            shown = screen_text(app)
            assert "Your progress cannot be saved: the data folder" in shown
            assert "is read-only" in shown
            await pilot.press("enter")  # "Play without saving"
            await pilot.pause()
            pt = app.screen.pt
            assert not pt.saving and "not saved" in screen_text(app)
            for key in ("1", "2", "3"):
                await pilot.press(key)
                await pilot.pause()
            assert len(pt.run.history) == 3
            app.go_home()
            await pilot.pause()
            assert "Note: your progress cannot be saved. the data folder" in screen_text(app)
    assert (data / DB_NAME).read_bytes() == before
    assert stored(data) == ["v1", "a2"]


def test_read_only_data_folder_in_plain_mode(tmp_path: Path) -> None:
    data = tmp_path / "data"
    play_two(data)
    with read_only(data):
        p = Plain(["--lang", "en", "play", str(MARATHON), "--plain"], env(data, tmp_path))
        shown = p.wait_for("Play anyway, without saving? [y/N] ")
        assert f"Your progress cannot be saved: the data folder {data} is read-only" in shown
        p.type("y")
        p.wait_for("Note: this run is not being saved.")
        p.type("1")
        p.wait_for("You: Vraag choice 1")
        p.type("q")
        p.wait_for("Stopped.")
        code, err = p.finish()
        assert code == 0 and err == ""
        p = Plain(["--lang", "en", "play", str(MARATHON), "--plain"], env(data, tmp_path))
        p.wait_for("Play anyway, without saving? [y/N] ")
        p.type("n")  # no: nothing is played
        code, _ = p.finish()
        assert code == 0 and "You:" not in p.out
    assert stored(data) == ["v1", "a2"]


def test_store_errors_say_what_is_wrong(tmp_path: Path) -> None:
    data = tmp_path / "data"
    play_two(data)
    with read_only(data):
        try:
            Store(data)
        except StoreError as err:
            assert str(err) == f"the data folder {data} is read-only; progress cannot be saved"
        else:
            raise AssertionError("a read-only folder was opened for writing")
