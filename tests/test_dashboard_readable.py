"""The trainer's dashboard and group report as a trainer reads them: progress as the
trainee's own screen numbers it, numbered decisions, Dutch without English pieces, a
report titled with the course and its date with a legend, exports in the data folder."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from sim import sessions
from sim.group import ParticipantProgress, RunProgress
from sim.groupreport import group_report_html
from sim.groupui.render import decisions_text, person_status
from sim.store import Store

from .clirun import sovsim
from .groupkit import STEMPAS_PATHS, aio, play

TRAINER = "TRAINER234"


def _progress(decisions: int, most: int | None) -> ParticipantProgress:
    run = RunProgress("r1", "s", decisions, most, False, None, None, None, "n", "2026-03-12")
    return ParticipantProgress("p1", "Vos", "2026-03-12", None, [run])


@pytest.mark.parametrize(
    ("made", "most", "nl", "en"),
    [
        (3, 13, "keuze 4 van max. 13", "decision 4 of at most 13"),  # the trainee sees "Keuze 4"
        (0, 13, "keuze 1 van max. 13", "decision 1 of at most 13"),  # reading the opening
        (2, None, "keuze 3", "decision 3"),  # no longest path known
        (13, 13, "keuze 13 van max. 13", "decision 13 of at most 13"),  # never past the last
    ],
)
def test_progress_is_the_decision_the_trainee_is_at(made, most, nl, en) -> None:  # noqa: ANN001
    assert str(person_status(_progress(made, most), {}, "nl")[0]).endswith(nl)
    assert str(person_status(_progress(made, most), {}, "en")[0]).endswith(en)
    assert "(s)" not in str(person_status(_progress(made, most), {}, "nl")[0])


def _session(data: Path, example) -> tuple[Store, str]:  # noqa: ANN001
    store = Store(data)
    made = sessions.create_session(store, [example], title="Cursusdag 12 maart")
    store.close()
    store = Store(data)
    code = made.join_code
    for name, path in (("Anna", "A"), ("Bram", "B"), ("Chris", "C")):
        play(sessions.join(store, code, name), example, STEMPAS_PATHS[path])
    play(sessions.join(store, code, "Jeroen"), example, ["rustig-uitleggen"])  # 1 choice made
    store.conn.execute(
        "UPDATE sessions SET trainer_hash = ? WHERE id = ?",
        (sessions.hash_code(TRAINER), made.session.id),
    )
    return store, made.session.id


async def _figures(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@aio
async def test_dashboard_in_dutch_with_numbered_decisions(tmp_path, example, rubric, size) -> None:  # noqa: ANN001
    from sim.groupui.dashboard import DashboardApp
    from sim.groupui.people import ParticipantList

    store, sid = _session(tmp_path, example)
    trainer = sessions.open_as_trainer(store, sid, TRAINER)
    app = DashboardApp(trainer, [example], rubric, lang="nl", refresh_seconds=0)
    async with app.run_test(size=size) as pilot:
        await _figures(pilot)
        screen = app.screen
        people = screen.query_one(ParticipantList)
        rows = {p.name: str(people.row_text(i, 60)) for i, p in enumerate(people.people)}
        assert rows["Jeroen"].rstrip().endswith("keuze 2 van max. 2")  # at decision 2
        head = str(screen.query_one("#dash-scenario").content)
        assert "4 runs, 3 afgerond" in head and "run(s)" not in head and "✓" not in head
        assert screen.sub_title.endswith("· 4 deelnemers · coachmodus")
        decisions = str(screen.query_one("#decisions").content)
        assert re.findall(r"Beslismoment \d+", decisions) == [
            "Beslismoment 1",
            "Beslismoment 2",
            "Beslismoment 3",
        ]
        assert screen.query_one("#dash-decisions").border_subtitle == "rood = zwakke optie"
        keys = [(k.key, k.region.right) for k in screen.query(FooterKey)]
        assert [k for k, _ in keys] == ["s", "a", "e", "h", "c", "escape"]
        assert all(right <= size[0] for _, right in keys), keys  # esc Terug not cut
        labels = " ".join(str(k.description) for k in screen.query(FooterKey))
        assert "palette" not in labels and "Namen verbergen" in labels
        await pilot.press("a")  # names hidden: the key now says it shows them again
        await pilot.pause()
        labels = " ".join(str(k.description) for k in screen.query(FooterKey))
        assert "Namen tonen" in labels and "Namen verbergen" not in labels
        assert people.names == ["#1", "#2", "#3", "#4"]
    store.close()


def test_decision_numbers_stay_put_as_more_are_reached(example) -> None:  # noqa: ANN001
    """A decision's number is its place among all of the scenario's, so a number said in
    the room still points at the same decision after the next refresh."""
    from sim.group import decision_figures

    early = decision_figures(example, {("stempas", "reactie"): {"volgende": 1}}, "en")
    later = decision_figures(
        example,
        {("stempas", "balie"): {"discussie": 2}, ("stempas", "reactie"): {"volgende": 1}},
        "en",
    )
    assert [d.number for d in early] == [2]
    assert [(d.node, d.number) for d in later] == [("balie", 1), ("reactie", 2)]
    assert "Decision 2" in str(decisions_text(early, "en"))


def test_group_report_title_date_legend_and_numbers(tmp_path, example, rubric) -> None:  # noqa: ANN001
    store, sid = _session(tmp_path, example)
    trainer = sessions.open_as_trainer(store, sid, TRAINER)
    created = trainer.session.created
    page = group_report_html(
        trainer.dashboard([example], rubric, lang="nl"),
        rubric,
        lang="nl",
        session_date=created,
        made=datetime(2026, 3, 12, 15, 30, tzinfo=UTC),
    )
    when = datetime.fromisoformat(created).astimezone()
    months = (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    )
    assert "<title>Groepsrapport: Cursusdag 12 maart</title>" in page
    assert "<h1>Groepsrapport: Cursusdag 12 maart</h1>" in page and "Dashboard:" not in page
    assert f"Sessie van {when.day} {months[when.month - 1]} {when.year}" in page
    assert "rapport gemaakt op 12 maart 2026 " in page
    assert 'class="legend">In rood: een zwakke optie' in page
    assert page.count('<span class="num">Beslismoment ') == 3
    assert "gem./mean" not in page and "<th class='n'>gemiddeld</th>" in page
    assert "run(s)" not in page and "4 runs, 3 afgerond" in page and "4 deelnemers" in page
    assert "keuze 2 van max. 2" in page  # Jeroen, as on his own screen
    english = group_report_html(
        trainer.dashboard([example], rubric, lang="en"), rubric, lang="en", session_date=created
    )
    assert "<h1>Group report: Cursusdag 12 maart</h1>" in english
    assert "In red: a poor option" in english and "<th class='n'>mean</th>" in english
    store.close()


@aio
async def test_dashboard_exports_go_to_the_data_folder(
    tmp_path,
    example,
    rubric,  # noqa: ANN001
    monkeypatch,
) -> None:
    from sim.groupui.dashboard import DashboardApp

    data = tmp_path / "data"
    elsewhere = tmp_path / "a-git-clone"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    store, sid = _session(data, example)
    trainer = sessions.open_as_trainer(store, sid, TRAINER)
    app = DashboardApp(trainer, [example], rubric, lang="nl", refresh_seconds=0)
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _figures(pilot)
        monkeypatch.setattr(app.screen, "notify", lambda msg, **kw: said.append(str(msg)))
        await pilot.press("h", "e")
        await _figures(pilot)
    html, csv = data / "exports" / f"sovsim-{sid}.html", data / "exports" / f"sovsim-{sid}.csv"
    assert "Groepsrapport: Cursusdag 12 maart" in html.read_text(encoding="utf-8")
    assert "Jeroen" in csv.read_text(encoding="utf-8")
    assert os.listdir(elsewhere) == []
    assert said == [f"Opgeslagen: {html.resolve()}", f"Opgeslagen: {csv.resolve()}"]
    store.close()


def test_session_close_as_the_trainers_guide_says(tmp_path, example) -> None:  # noqa: ANN001
    """docs/trainers.md says closing on the command line needs the trainer code; the
    command it shows works as written (with this session's id and code)."""
    guide = (Path(__file__).parent.parent / "docs" / "trainers.md").read_text(encoding="utf-8")
    [command] = re.findall(r"^sovsim session close \S+ --trainer-code \S+$", guide, re.M)
    assert "SOVSIM_TRAINER_CODE" in guide[guide.index("### Close the session") :][:600]
    store, sid = _session(tmp_path, example)
    store.close()
    args = command.split()[1:]
    args[2], args[4] = sid, TRAINER
    res = sovsim(*args, "--data-dir", str(tmp_path))
    assert res.returncode == 0, res.stderr
    with Store(tmp_path) as store:
        assert store.get_session(sid).closed is not None


def test_report_from_the_command_line_is_titled_and_dated(tmp_path, example) -> None:  # noqa: ANN001
    store, sid = _session(tmp_path, example)
    store.conn.execute(
        "UPDATE sessions SET created = ? WHERE id = ?", ("2026-03-12T08:30:00+00:00", sid)
    )
    store.close()
    res = sovsim(
        "dashboard", sid, "--export", "html", "--trainer-code", TRAINER, "--data-dir", str(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    assert "<h1>Groepsrapport: Cursusdag 12 maart</h1>" in res.stdout
    assert "Sessie van 12 maart 2026 · rapport gemaakt op " in res.stdout
