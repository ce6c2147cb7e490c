"""Joining that cannot be abused (attack.md, area 3): guessing join codes is throttled and
locked out per tab and per address, and the trainer sees it; a name is taken over only
with its resume token or the trainer's approval (not one second after a tab closed);
look-alike names (a Cyrillic А) are refused; another session's code leaves no trace and
is answered exactly as a wrong code. Every join and failed try is in the log."""

from __future__ import annotations

import sqlite3
import time

import pytest
from textual.widgets import Input, OptionList, Static

from sim import sessions
from sim.engine import Run
from sim.groupui.join import JoinApp, JoinScreen, SessionHomeScreen, TakeoverScreen
from sim.store import DB_NAME, Store
from tests.app.conftest import aio
from tests.groupkit import STEMPAS_PATHS, play


class Clock:
    """time.time() under the test's control (the throttle's delays are minutes long)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = time.time()
        monkeypatch.setattr(time, "time", lambda: self.now)


@pytest.fixture
def setup(tmp_path, example):  # noqa: ANN001, ANN201
    store = Store(tmp_path)
    made = sessions.create_session(store, [example], title="Dag 1")
    yield store, made
    store.close()


def _wrong(made: sessions.NewSession) -> str:
    code = "ABCDEF"
    return code if code != made.join_code else "ABCDEG"


def test_100_wrong_codes_in_one_tab_are_slowed_then_locked_out(setup, monkeypatch) -> None:  # noqa: ANN001
    store, made = setup
    clock = Clock(monkeypatch)
    answers = []
    for _ in range(100):
        try:
            sessions.join(store, _wrong(made), "X", holder="tab-1", session_id=made.session.id)
        except sessions.AccessDenied as err:
            answers.append((err.reason, round(err.until - clock.now)))
            if err.reason == "wait":  # a script waits exactly as long as it must
                clock.now = err.until
        clock.now += 1  # a guess a second, as fast as a script in a tab could type
    reasons = [r for r, _ in answers]
    assert reasons[:3] == ["no_session"] * 3  # typos are answered at once
    assert answers[3] == ("no_session", 2)  # then each wrong code waits longer: 2, 4, 8 s...
    assert "wait" in reasons and "locked" in reasons
    tried = reasons.count("no_session")  # codes really checked; the rest refused unseen
    assert tried == sessions.LOCK_AFTER
    # the right code is refused too while the tab is locked out (it was accepted before)
    with pytest.raises(sessions.AccessDenied) as err:
        sessions.join(store, made.join_code, "Anna", holder="tab-1", session_id=made.session.id)
    assert err.value.reason == "locked"
    assert store.participants(made.session.id) == []
    # the trainer sees the lockout and the attempts, and can lift it
    trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
    (held,) = trainer.held_back()
    assert held.scope == "tab:tab-1" and held.failures == sessions.LOCK_AFTER
    events = [r.event for r in trainer.join_log()]
    assert events.count("wrong_code") + events.count("locked") == sessions.LOCK_AFTER
    assert trainer.lift_lockout("tab:tab-1")
    anna = sessions.join(store, made.join_code, "Anna", holder="tab-1",
                         session_id=made.session.id)
    assert anna.name == "Anna" and trainer.held_back() == []


def test_guessing_from_one_address_with_fresh_tabs_stays_slow(setup, monkeypatch) -> None:  # noqa: ANN001
    """A new tab per guess does not help: the address is counted too. An hour of guessing
    from one device checks at most a few dozen of the 887,503,681 codes."""
    store, made = setup
    clock = Clock(monkeypatch)
    start, checked, tab = clock.now, 0, 0
    while clock.now - start < 3600:
        tab += 1
        try:
            sessions.join(store, _wrong(made), "X", holder=f"tab-{tab}", address="10.0.0.7",
                          session_id=made.session.id)
        except sessions.AccessDenied as err:
            if err.reason == "no_session":
                checked += 1
            else:
                clock.now = max(clock.now + 1, err.until)  # wait as long as told
                continue
        clock.now += 1
    assert checked <= 4 * sessions.LOCK_AFTER  # a lockout of 15 minutes after every 10
    for i in range(sessions.LOCK_AFTER):  # a fresh burst of guesses locks the address
        with pytest.raises(sessions.AccessDenied):
            sessions.join(store, _wrong(made), "X", holder=f"burst-{i}", address="10.0.0.7",
                          session_id=made.session.id)
    with pytest.raises(sessions.AccessDenied) as err:  # a locked address: new tabs too
        sessions.join(store, made.join_code, "Anna", holder="tab-new", address="10.0.0.7",
                      session_id=made.session.id)
    assert err.value.reason in ("locked", "wait")
    # another device in the room joins as usual
    assert sessions.join(store, made.join_code, "Anna", holder="tab-x", address="10.0.0.8",
                         session_id=made.session.id).name == "Anna"


def test_a_cyrillic_look_alike_of_a_name_is_refused(setup) -> None:  # noqa: ANN001
    store, made = setup
    sessions.join(store, made.join_code, "Anna de Vries")
    for fake in ("\u0410nna de Vries",  # Cyrillic А
                 "Аnnа dе Vriеs",  # Cyrillic а, е
                 "\u0391nna de Vries",  # Greek Alpha
                 "Αnna de Vrіes",  # Greek Alpha, Cyrillic і
                 "Anna de Vries\u200b",  # (an invisible character is dropped: the same name)
                 ):
        with pytest.raises(sessions.AccessDenied) as err:
            sessions.join(store, made.join_code, fake)
        assert err.value.reason in ("lookalike", "takeover")
    with pytest.raises(sessions.AccessDenied) as err:
        sessions.join(store, made.join_code, "Bram")
        sessions.join(store, made.join_code, "Brarn")  # rn for m
    assert err.value.reason == "lookalike"
    names = sorted(p.name for p in store.participants(made.session.id))
    assert names == ["Anna de Vries", "Bram"]
    # names that only look different stay apart: accents, another alphabet's own name
    for other in ("Änna de Vries", "Анна", "Anna de Vries-Bakker"):
        sessions.join(store, made.join_code, other)
    assert len(store.participants(made.session.id)) == 5
    log = [(r.event, r.name) for r in store.join_log(made.session.id)]
    assert ("lookalike", "\u0410nna de Vries") in log


@aio
async def test_the_join_screen_says_a_look_alike_is_refused(setup, rubric) -> None:  # noqa: ANN001
    store, made = setup
    sessions.join(store, made.join_code, "Anna de Vries")
    for lang, words in (("nl", "lijkt te veel op de naam van iemand anders"),
                        ("en", "looks too much like the name of someone else")):
        app = _app(store, rubric, made, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await _join(pilot, made.join_code, "\u0410nna de Vries")
            assert words in _text(app, "#join-error")
            assert isinstance(app.screen, JoinScreen)
    assert len(store.participants(made.session.id)) == 1


def test_another_sessions_code_leaves_no_trace_and_tells_nothing(setup, example) -> None:  # noqa: ANN001
    store, made = setup
    other = sessions.create_session(store, [example], title="B")
    sessions.join(store, other.join_code, "Anna", holder="b-tab")  # active in B
    answers = []
    for name in ("Ghost", "Anna"):
        with pytest.raises(sessions.AccessDenied) as err:
            sessions.join(store, other.join_code, name, holder="a-tab",
                          session_id=made.session.id)
        answers.append(err.value.reason)
    assert answers == ["no_session", "no_session"]  # as a wrong code: no oracle of names
    assert [p.name for p in store.participants(other.session.id)] == ["Anna"]
    assert store.participants(made.session.id) == []
    assert [r.event for r in store.join_log(other.session.id, unbound=False)] == ["joined"]
    assert [r.event for r in store.join_log(made.session.id, unbound=False)] == \
        ["wrong_code", "wrong_code"]


def test_a_name_is_taken_over_only_with_its_token_or_the_trainers_approval(setup, example) -> None:  # noqa: ANN001
    store, made = setup
    anna = sessions.join(store, made.join_code, "Anna de Vries", holder="tab-a")
    pt = anna.playthrough(example)
    pt.choose("rustig-uitleggen")
    pt.release()
    anna.leave()  # the tab closed
    with pytest.raises(sessions.AccessDenied) as err:  # one second later, someone else
        sessions.join(store, made.join_code, "Anna de Vries", holder="tab-b")
    assert err.value.reason == "takeover" and err.value.request
    request = err.value.request
    assert sessions.takeover_result(store, request, "tab-b") is None  # waits for the trainer
    assert sessions.takeover_result  # (another tab cannot use this request)
    with pytest.raises(sessions.AccessDenied):
        sessions.takeover_result(store, request, "tab-c")
    trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
    ((req, name),) = trainer.pending_takeovers()
    assert name == "Anna de Vries" and req.tab == "tab-b"
    assert trainer.decide_takeover(request, approve=True)
    bram_tab = sessions.takeover_result(store, request, "tab-b")
    assert bram_tab is not None and bram_tab.participant.id == anna.participant.id
    assert bram_tab.token and bram_tab.token != anna.token
    with pytest.raises(sessions.AccessDenied):  # the old tab's token no longer works
        sessions.resume(store, anna.token)
    assert sessions.resume(store, bram_tab.token).participant.id == anna.participant.id
    # a refused request gives nothing
    with pytest.raises(sessions.AccessDenied) as err:
        sessions.join(store, made.join_code, "anna de vries", holder="tab-d")
    assert trainer.decide_takeover(err.value.request, approve=False)
    with pytest.raises(sessions.AccessDenied) as again:
        sessions.takeover_result(store, err.value.request, "tab-d")
    assert again.value.reason == "refused"
    events = [r.event for r in trainer.join_log()][::-1]
    assert events == ["joined", "takeover_asked", "takeover_approved", "takeover_done",
                      "bad_token", "resumed", "takeover_asked", "takeover_refused"]


def test_resume_tokens_are_kept_only_as_hashes(setup, tmp_path) -> None:  # noqa: ANN001
    store, made = setup
    anna = sessions.join(store, made.join_code, "Anna")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob(DB_NAME + "*"))
    assert len(anna.token) >= 40 and anna.token.encode() not in raw
    conn = sqlite3.connect(tmp_path / DB_NAME)
    (hashed,) = conn.execute("SELECT token_hash FROM participant_tokens").fetchone()
    conn.close()
    assert hashed == sessions.token_hash(anna.token)


def test_deleting_a_person_deletes_their_joins_from_the_log(setup) -> None:  # noqa: ANN001
    store, made = setup
    anna = sessions.join(store, made.join_code, "Zwaantje Kwakkelstein")
    with pytest.raises(sessions.AccessDenied):
        sessions.join(store, made.join_code, "Zwaantje Kwakkelstein")  # a take-over asked
    sessions.join(store, made.join_code, "Bram")
    store.delete_participant(anna.participant.id)
    assert [r.name for r in store.join_log(made.session.id)] == ["Bram"]
    store.delete_session(made.session.id)
    assert store.join_log(made.session.id) == []


# --- the same, as the browser tab shows it ---------------------------------------------------

def _app(store: Store, rubric, made, **kw) -> JoinApp:  # noqa: ANN001
    return JoinApp(store, rubric, session_id=made.session.id, heartbeat=0, pace="off",
                   blink=False, animations=False, **kw)


async def _join(pilot, code: str, name: str) -> None:  # noqa: ANN001
    app = pilot.app
    app.screen.query_one("#code", Input).value = code
    app.screen.query_one("#name", Input).value = name
    await pilot.click("#join")
    await pilot.pause()


def _text(app, selector: str) -> str:  # noqa: ANN001
    import io

    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return " ".join(console.export_text().split())


@aio
async def test_wrong_codes_in_a_tab_are_answered_with_a_wait(setup, rubric) -> None:  # noqa: ANN001
    store, made = setup
    app = _app(store, rubric, made, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await _join(pilot, "XXXXXX", "Anna")
            assert "does not belong to a session" in _text(app, "#join-error")
        await _join(pilot, "XXXXXX", "Anna")
        assert "you can try again in 2 seconds" in _text(app, "#join-error")
        await _join(pilot, made.join_code, "Anna")  # at once: refused without a look
        assert "Too many wrong codes. Wait" in _text(app, "#join-error")
        assert store.participants(made.session.id) == []


@aio
async def test_a_closed_tab_cannot_be_taken_over_by_name_one_second_later(setup, example,
                                                                           rubric) -> None:  # noqa: ANN001
    """attack.md's take-over: A plays and closes the tab; B joins under the same name 1 s
    later. B waits for the trainer and cannot play or undo Anna's run; once the trainer
    approves on the dashboard (T, Enter), B continues it."""
    from sim.groupui.dashboard import DashboardApp
    from sim.groupui.joins import TakeoversScreen

    store, made = setup
    a = _app(store, rubric, made, lang="en")
    async with a.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "Anna de Vries")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")  # a choice (stempas has two decisions)
        await pilot.pause()
    (run,) = store.runs(session_id=made.session.id)
    assert run.steps == 1
    time.sleep(1)
    b = _app(store, rubric, made, lang="en")
    async with b.run_test(size=(100, 30)) as pilot:
        await _join(pilot, made.join_code, "Anna de Vries")
        assert isinstance(b.screen, TakeoverScreen)
        assert b.trainee is None
        await pilot.press("u", "u", "1")
        await pilot.pause()
        assert store.get_run(run.id).steps == 1
        trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
        dash = DashboardApp(trainer, [example], rubric, lang="en", refresh_seconds=0)
        async with dash.run_test(size=(100, 30)) as dp:
            await dp.pause(0.5)
            while dash.screen.figures is None:
                await dp.pause(0.2)
            assert "Asks to take over a name: 1 (T)" in _text(dash, "#dash-alerts")
            await dp.press("t")
            await dp.pause()
            assert isinstance(dash.screen, TakeoversScreen)
            shown = str(dash.screen.query_one(OptionList).get_option_at_index(0).prompt)
            assert "Anna de Vries" in shown
            await dp.press("enter")  # approve
            await dp.pause()
        if isinstance(b.screen, TakeoverScreen):  # its own poll may have seen it already
            b.screen.check()
        await pilot.pause()
        assert isinstance(b.screen, SessionHomeScreen)
        listing = b.screen.query_one("#scenario-list", OptionList)
        assert "1 choice(s) made" in str(listing.get_option_at_index(0).prompt)
    assert store.get_run(run.id).steps == 1


def test_a_plenary_run_and_solo_runs_save_as_before_without_a_lease(tmp_path, example) -> None:  # noqa: ANN001
    """Writers that take no lease (a plenary's runs) are not refused while nobody holds one."""
    with Store(tmp_path) as store:
        run = Run(example)
        rid = store.create_run(run.snapshot())
        run.choose("rustig-uitleggen")
        store.save_step(rid, run.snapshot())
        assert store.get_run(rid).steps == 1


def test_group_paths_still_play(setup, example) -> None:  # noqa: ANN001
    store, made = setup
    for name, path in (("Anna", "A"), ("Bram", "C")):
        play(sessions.join(store, made.join_code, name), example, STEMPAS_PATHS[path])
    assert len(store.session_events(made.session.id)) > 2


def test_session_list_and_log_show_the_trainer_what_happened(setup, tmp_path) -> None:  # noqa: ANN001
    from tests.clirun import sovsim

    store, made = setup
    sessions.join(store, made.join_code, "Anna")
    for _ in range(2):
        with pytest.raises(sessions.AccessDenied):
            sessions.join(store, "ZZZZZZ", "x", holder="t2", session_id=made.session.id)
    with pytest.raises(sessions.AccessDenied):
        sessions.join(store, made.join_code, "anna", holder="t3")
    listed = sovsim("--lang", "en", "--data-dir", str(tmp_path), "session", "list")
    assert listed.returncode == 0
    assert "1 take-over request(s) waiting for approval" in listed.stdout
    assert "2 failed join attempt(s) in the last 15 minutes" in listed.stdout
    log = sovsim("--data-dir", str(tmp_path), "session", "log", made.session.id,
                 "--trainer-code", made.trainer_code)
    assert log.returncode == 0, log.stderr
    assert "Anna (" in log.stdout and log.stdout.count("verkeerde code") == 2
    assert "vraagt een bestaande naam over te nemen · Anna" in log.stdout
    wrong = sovsim("--data-dir", str(tmp_path), "session", "log", made.session.id,
                   "--trainer-code", "WRONGCODE1")
    assert wrong.returncode != 0 and "Anna" not in wrong.stdout


@aio
async def test_two_tabs_with_one_token_do_not_both_write_the_run(setup, example, rubric) -> None:  # noqa: ANN001
    """A page's token in two tabs of one browser (a copied tab): both continue the same
    participant, but the run is written by one of them; the other is told and watches."""
    from sim.app.screens.dialogs import OpenElsewhereDialog
    from sim.app.screens.play import PlayScreen

    store, made = setup
    first = _app(store, rubric, made, lang="en")
    async with first.run_test(size=(100, 30)) as one:
        await _join(one, made.join_code, "Anna")
        token = first.trainee.token
        await one.press("enter")  # play
        await one.pause()
        assert isinstance(first.screen, PlayScreen)
        second = _app(store, rubric, made, lang="en", resume_token=token)
        async with second.run_test(size=(100, 30)) as two:
            await two.pause()
            await two.pause()
            assert second.trainee is not None  # resumed without code or name
            await two.pause()
            assert isinstance(second.screen, OpenElsewhereDialog)
            await two.click("#take_over")
            await two.pause()
            await two.press("1")  # rustig-uitleggen, written by the second tab
            await two.pause()
            await one.press("2")  # the first tab's choice is refused; it watches
            await one.pause()
            assert first.screen.pt.watching
            (run,) = store.runs(session_id=made.session.id)
            assert [e["choice"] for e in store.events(run.id)] == ["rustig-uitleggen"]
