"""The live dashboard with a few hundred trainees.

- The figures read incrementally (only the runs changed since the last refresh) equal a
  full recompute from the store, also after more choices, undos, an abandoned run, a
  deleted trainee and newcomers; and only the changed runs are read again.
- The participants list draws only the rows in view, and shows the right ones when
  scrolled with the keyboard; names are shown as text, never as markup.
- Refreshes run off the screen's thread, one at a time: a refresh slower than the live
  interval never piles up, and the screen answers keys meanwhile.
"""

from __future__ import annotations

import random
import threading
import time

import pytest

from sim import sessions
from sim.groupui.dashboard import DashboardApp, DashboardScreen
from sim.groupui.people import ParticipantList
from sim.livefigures import LiveFigures
from sim.loader import load_scenario
from sim.playthrough import Playthrough
from sim.store import Store, StoreError

from .conftest import SCENARIOS
from .groupkit import aio
from .robustness.helpers import screen_text

N = 240  # trainees


def _play_on(pt: Playthrough, rng: random.Random, steps: int) -> None:
    for _ in range(steps):
        if pt.run.finished:
            return
        pt.choose(rng.choice([v.id for v in pt.run.choices() if v.enabled]))


@pytest.fixture
def cohort(tmp_path, example, rubric):  # noqa: ANN001, ANN201
    """A session of two scenarios; N trainees, most part-way or finished, some not started."""
    other = load_scenario(SCENARIOS / "balie-uitschrijven.yaml", rubric.dimension_ids(),
                          use_cache=False)
    scenarios = [example, other]
    store = Store(tmp_path)
    made = sessions.create_session(store, scenarios, title="Grote groep")
    plays: dict[str, tuple[Playthrough, random.Random]] = {}
    for i in range(N):
        trainee = sessions.join(store, made.join_code, f"T{i:03d}")
        if i % 17 == 0:
            continue  # joined, not started
        rng = random.Random(i)
        pt = trainee.playthrough(scenarios[i % 2])
        _play_on(pt, rng, rng.randint(1, 12))
        plays[trainee.participant.id] = (pt, rng)
    yield store, made, scenarios, plays
    store.close()


def _trainer(store: Store, made) -> sessions.Trainer:  # noqa: ANN001
    return sessions.open_as_trainer(store, made.session.id, made.trainer_code)


def test_incremental_figures_equal_a_full_recompute(cohort, rubric, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("sim.store._CHUNK", 7)  # runs read again in many small batches
    store, made, scenarios, plays = cohort
    trainer = _trainer(store, made)
    live = LiveFigures(scenarios, rubric, lang="en")
    first = live.refresh(trainer)
    assert first == trainer.dashboard(scenarios, rubric, lang="en")
    assert live.read == len(plays) and len(first.participants) == N
    assert live.refresh(trainer) == first and live.read == 0  # nothing new, nothing read

    rng = random.Random(99)
    changed: set[str] = set()
    unfinished = [(pid, pt, r) for pid, (pt, r) in plays.items() if not pt.run.finished]
    for _pid, pt, r in unfinished[:40]:  # more choices
        _play_on(pt, r, 2)
        changed.add(pt.run_id)
    for _pid, pt, _r in unfinished[40:45]:  # taken back
        if pt.can_undo:
            pt.undo()
            changed.add(pt.run_id)
    _pid, pt, _r = unfinished[45]
    store.end_run(pt.run_id, "abandoned")  # ended without a new snapshot
    changed.add(pt.run_id)
    gone_pid, gone_pt, _r = unfinished[46]
    store.delete_participant(gone_pid)  # "sovsim data delete --person"
    for i in range(N, N + 10):  # newcomers
        pt = sessions.join(store, made.join_code, f"T{i:03d}").playthrough(scenarios[i % 2])
        _play_on(pt, rng, 20)
        changed.add(pt.run_id)

    after = live.refresh(trainer)
    full = trainer.dashboard(scenarios, rubric, lang="en")
    assert after == full
    assert live.read == len(changed)  # only those runs were read again
    assert after != first
    assert len(after.participants) == N + 10 - 1
    assert gone_pt.run_id not in {r.run_id for p in after.participants for r in p.runs}
    assert sum(f.runs for f in after.scenarios) == len(plays) - 1 + 10


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@aio
async def test_the_list_draws_only_the_rows_in_view_and_scrolls(cohort, rubric,  # noqa: ANN001
                                                                size, monkeypatch) -> None:
    store, made, scenarios, _ = cohort
    drawn: list[int] = []
    row_text = ParticipantList.row_text

    def spy(self: ParticipantList, index: int, width: int):  # noqa: ANN202
        drawn.append(index)
        return row_text(self, index, width)

    monkeypatch.setattr(ParticipantList, "row_text", spy)
    app = DashboardApp(_trainer(store, made), scenarios, rubric, lang="en", refresh_seconds=0)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.screen.query_one(ParticipantList)
        names = [p.name for p in app.screen.figures.participants]
        assert len(names) == N and people.virtual_size.height == N
        height = people.scrollable_content_region.height
        assert 0 < height < 40

        def rows_shown() -> list[str]:
            """The participant names painted on the screen, top to bottom."""
            return [word for line in screen_text(app).splitlines()
                    for word in line.replace("│", " ").split()
                    if word.startswith("T") and word[1:].isdigit()]

        assert set(drawn) <= set(range(height)) and drawn  # only rows in view were rendered
        assert rows_shown() == names[:height]
        people.focus()
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()  # the scroll glides there
        await pilot.pause()
        assert rows_shown() == names[-height:]
        await pilot.press("pageup", "up", "up")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        top = people.scroll_offset.y
        assert 0 < top < N - height
        assert rows_shown() == names[top:top + height]
        drawn.clear()
        await pilot.press("r")  # new figures: still only the rows in view are drawn
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert drawn and set(drawn) <= set(range(top, top + height))
        assert rows_shown() == names[top:top + height]  # the trainer keeps their place
        # several scenarios: each row names the scenario of the trainee's latest run
        row = people.row_text(top, people.scrollable_content_region.width).plain
        latest = app.screen.figures.participants[top].latest
        if latest is not None:
            title = next(s.title.get("en") for s in scenarios if s.id == latest.scenario_id)
            assert title[:8] in row
        await pilot.press("a")  # hide names: numbers in the same order
        await pilot.pause()
        assert f"#{top + 1} " in screen_text(app) and names[top] not in screen_text(app)


@aio
async def test_names_are_shown_as_text_never_markup(tmp_path, example, rubric) -> None:  # noqa: ANN001
    store = Store(tmp_path)
    made = sessions.create_session(store, [example])
    hostile = ["[bold red]Kees[/]", "[@click=app.quit]stop[/]", "\x1b[31mRood\x1b[0m",
               "[link=https://example.invalid]klik[/link]"]
    for name in hostile:
        sessions.join(store, made.join_code, name)
    app = DashboardApp(_trainer(store, made), [example], rubric, lang="nl", refresh_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        # as typed (escape characters dropped at joining), cut at 18 cells like any name
        for literal in ("[bold red]Kees[/] ", "[@click=app.quit]… ", "[31mRood[0m ",
                        "[link=https://exa… "):
            assert literal in shown
        assert "\x1b" not in "".join(str(s) for s in app.screen.query_one(ParticipantList)
                                     .render_line(0)._segments)
    store.close()


@aio
async def test_slow_refreshes_never_pile_up_and_the_screen_answers(cohort, rubric,  # noqa: ANN001
                                                                   monkeypatch) -> None:
    store, made, scenarios, _ = cohort
    running, most, count = 0, 0, 0
    lock = threading.Lock()
    refresh = LiveFigures.refresh

    def slow(self: LiveFigures, trainer):  # noqa: ANN001, ANN202
        nonlocal running, most, count
        with lock:
            running += 1
            count += 1
            most = max(most, running)
        try:
            time.sleep(0.3)  # a refresh six times slower than the live interval
            return refresh(self, trainer)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(LiveFigures, "refresh", slow)
    app = DashboardApp(_trainer(store, made), scenarios, rubric, lang="en",
                       refresh_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        start = time.monotonic()
        for _ in range(5):  # R pressed over and over meanwhile: one more refresh, not five
            await pilot.press("r")
        await pilot.press("a")  # the screen answers during a refresh
        assert screen.anonymous
        while (time.monotonic() - start < 1.2 or screen.figures is None) and \
                time.monotonic() - start < 30:
            await pilot.pause(0.05)
        assert screen.figures is not None
        elapsed = time.monotonic() - start
        assert most == 1  # never two at once
        assert count <= elapsed / 0.3 + 1  # back to back at most, never queued up
        assert "#1" in screen_text(app)


@pytest.mark.parametrize(("error", "said"), [
    (StoreError("the disk is full"), "the disk is full"),
    (RuntimeError("unexpected"), "RuntimeError: unexpected"),  # a bug: said, never a traceback
])
@aio
async def test_a_failed_refresh_is_said_and_the_live_refresh_goes_on(tmp_path, example, rubric,  # noqa: ANN001
                                                                     monkeypatch, error,
                                                                     said) -> None:
    store = Store(tmp_path)
    made = sessions.create_session(store, [example])
    sessions.join(store, made.join_code, "Anna")
    refresh, calls = LiveFigures.refresh, []

    def flaky(self: LiveFigures, trainer):  # noqa: ANN001, ANN202
        calls.append(1)
        if len(calls) == 1:
            raise error
        return refresh(self, trainer)

    monkeypatch.setattr(LiveFigures, "refresh", flaky)
    app = DashboardApp(_trainer(store, made), [example], rubric, lang="en",
                       refresh_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        start = time.monotonic()
        while screen.figures is None and time.monotonic() - start < 30:
            await pilot.pause(0.05)
        assert [n.message for n in app._notifications] == [said]
        assert [p.name for p in screen.figures.participants] == ["Anna"]
    store.close()


@aio
async def test_while_reading_and_with_nobody_yet_the_list_says_so(tmp_path, example, rubric,  # noqa: ANN001
                                                                   monkeypatch) -> None:
    store = Store(tmp_path)
    made = sessions.create_session(store, [example])
    refresh, gate = LiveFigures.refresh, threading.Event()

    def waiting(self: LiveFigures, trainer):  # noqa: ANN001, ANN202
        gate.wait(5)
        return refresh(self, trainer)

    monkeypatch.setattr(LiveFigures, "refresh", waiting)
    app = DashboardApp(_trainer(store, made), [example], rubric, lang="en", refresh_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Reading the figures…" in screen_text(app)
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = " ".join(line.strip("│ ") for line in screen_text(app).splitlines())
        code = sessions.format_code(made.join_code)
        assert "Nobody yet. Show the join" in shown and code in shown  # wrapped, not cut
    store.close()
