"""The session exports: the CSV of runs and the self-contained HTML group report."""

from __future__ import annotations

import csv
import io
import re

from sim import sessions
from sim.groupreport import group_report_html, runs_csv
from sim.store import Store

from .clirun import sovsim
from .groupkit import STEMPAS_PATHS, play

HOSTILE = '<script>alert("x")</script>&'


def _session(tmp_path, example):  # noqa: ANN001, ANN202
    store = Store(tmp_path)
    made = sessions.create_session(store, [example], title="Dag <1>")
    play(sessions.join(store, made.join_code, HOSTILE), example, STEMPAS_PATHS["A"])
    play(sessions.join(store, made.join_code, "=SUM(A1)"), example, STEMPAS_PATHS["C"])
    play(sessions.join(store, made.join_code, "Chris"), example, ["discussie"])
    return store, made


def test_csv_has_a_row_per_run_with_scores(tmp_path, example, rubric) -> None:  # noqa: ANN001
    store, made = _session(tmp_path, example)
    trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
    rows = list(csv.DictReader(io.StringIO(runs_csv(trainer, [example], rubric))))
    by_name = {r["participant"]: r for r in rows}
    assert set(by_name) == {HOSTILE, "'=SUM(A1)", "Chris"}  # never a spreadsheet formula
    anna = by_name[HOSTILE]
    assert (anna["finished"], anna["ending"], anna["decisions"]) == ("1", "einde-goed", "2")
    assert (anna["verbinding_raw"], anna["verbinding_score"]) == ("2", "100")
    assert anna["grenzen_score"] == "" and anna["quadrant"] == "betrouwbare-partner"
    chris = by_name["Chris"]
    assert (chris["finished"], chris["decisions"], chris["verbinding_score"]) == ("0", "1", "")
    store.close()


def test_html_report_is_escaped_and_self_contained(tmp_path, example, rubric) -> None:  # noqa: ANN001
    store, made = _session(tmp_path, example)
    trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
    page = group_report_html(trainer.dashboard([example], rubric, lang="en"), rubric, lang="en")
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)" in page
    assert "Dag &lt;1&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<svg" in page and page.count("<circle") == 2  # two finished runs in the quadrant
    assert "But you are simply a person" in page  # Chris's poor choice, with the better one
    anonymous = group_report_html(trainer.dashboard([example], rubric, lang="en"), rubric,
                                  lang="en", anonymous=True)
    assert "script" not in anonymous and "SUM" not in anonymous and "Chris" not in anonymous
    assert "#1" in anonymous
    store.close()


def test_dashboard_export_from_the_command_line(tmp_path, example) -> None:  # noqa: ANN001
    store, made = _session(tmp_path, example)
    store.close()
    out = tmp_path / "report.html"
    res = sovsim("dashboard", made.session.id, "--export", "html", "-o", str(out),
                 "--data-dir", str(tmp_path), "--lang", "en",
                 env={"SOVSIM_TRAINER_CODE": made.trainer_code})
    assert res.returncode == 0, res.stderr
    assert "Choices at each decision" in out.read_text(encoding="utf-8")
    res = sovsim("dashboard", made.session.id, "--export", "csv", "--trainer-code", "NOPE",
                 "--data-dir", str(tmp_path))
    assert res.returncode == 1 and "trainer code is not right" in res.stderr
    assert "einde-goed" not in res.stdout
    res = sovsim("dashboard", made.session.id, "--export", "csv", "--data-dir", str(tmp_path),
                 input="")
    assert res.returncode == 2 and "trainer code is needed" in res.stderr
