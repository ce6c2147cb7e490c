"""The trainer's dashboard says whether a session's learning records have been sent."""

from __future__ import annotations

from sim import lrs, sessions
from sim.groupui.dashboard import DashboardApp
from sim.store import Store

from ..groupkit import STEMPAS_PATHS, aio, play
from ..robustness.helpers import screen_text


@aio
async def test_the_dashboard_shows_sent_and_queued_statements(tmp_path, example, rubric) -> None:
    store = Store(tmp_path)
    made = sessions.create_session(store, [example], title="Cursusdag")
    play(sessions.join(store, made.join_code, "Ab"), example, STEMPAS_PATHS["A"])
    lrs.add(store, "org", "http://127.0.0.1:9/xAPI/")
    local = store.lrs_state("org", session_id=made.session.id).queued
    assert local > 0
    trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
    assert trainer.lrs_status() == [("org", 0, local, 0)]
    app = DashboardApp(trainer, [example], rubric, lang="nl", refresh_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"xAPI org: verstuurd 0, wachtrij {local}" in screen_text(app)
    entries = store.log_entries(session_id=made.session.id)
    store.lrs_taken("org", entries)
    assert trainer.lrs_status() == [("org", len(entries), 0, 0)]
    app = DashboardApp(trainer, [example], rubric, lang="en", refresh_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"xAPI org: sent {len(entries)}, queued 0" in screen_text(app)
    store.close()
