"""``sovsim report`` and ``sovsim export`` as a user runs them: from the store or a saved
run file, every format, and clear messages (never a traceback) for bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sim.engine import Run
from sim.loader import load_scenario
from sim.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
STEMPAS = FIXTURES / "stempas.yaml"


def cli(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("SOVSIM_DEBUG", None)
    if data is not None:
        env["SOVSIM_DATA_DIR"] = str(data)
    res = subprocess.run([sys.executable, "-m", "sim.cli", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert "Traceback" not in res.stderr, res.stderr
    return res


def played(scenario_path: Path, *choices: str) -> Run:
    run = Run(load_scenario(scenario_path, use_cache=False))
    for c in choices:
        run.choose(c)
    return run


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A data folder with two runs of the stempas fixture: one finished, one in progress."""
    data = tmp_path / "data"
    data.mkdir()
    with Store(data) as st:
        run = played(STEMPAS)
        st.create_run(run.snapshot(), scenario_path=str(STEMPAS), mode="assessment",
                      run_id="run-one")
        for c in ("rustig-uitleggen", "volgende"):
            run.choose(c)
            st.save_step("run-one", run.snapshot(), finished=run.finished,
                         outcome="contact_broken" if run.finished else None)
        other = played(STEMPAS)
        st.create_run(other.snapshot(), scenario_path=str(STEMPAS), mode="coach", lang="en",
                      run_id="run-two")
        other.choose("discussie")
        st.save_step("run-two", other.snapshot())
    return data


# --- report from the store ---------------------------------------------------------------

def test_report_a_stored_run_as_markdown(store_dir: Path) -> None:
    res = cli("report", "run-one", data=store_dir)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("# Nabespreking: De ingeleverde stempas\n")
    assert "- Modus: toetsmodus" in res.stdout  # the mode recorded with the run
    assert "**Contact verbroken** (uitkomst: contact verbroken)" in res.stdout
    # 'rustig-uitleggen' 0 of -1..0 (1 of 1), 'volgende' -2 of -2..+2 (0 of 4): 1/5, on 2
    assert "| **Verbinding**: Contact houden en herstellen | 20 `██░░░░░░░░` | Onvoldoende | 2 |" \
        in res.stdout
    assert "## Kantelpunt" in res.stdout and "Na beslissing 2 was een betere afloop" in res.stdout
    assert "Beter was geweest: “Dat klinkt als een zware tijd." in res.stdout


def test_report_uses_the_language_the_run_was_played_in_unless_told(store_dir: Path) -> None:
    res = cli("report", "run-two", data=store_dir)
    assert res.stdout.startswith("# Debrief: The returned polling card")
    assert "This run is not finished" in res.stdout
    res = cli("report", "run-two", "--lang", "nl", data=store_dir)
    assert res.stdout.startswith("# Nabespreking:")


def test_report_html_to_a_file_takes_the_format_from_its_name(store_dir: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "debrief.html"
    res = cli("--lang", "en", "report", "run-one", "-o", str(out), data=store_dir)
    assert res.returncode == 0, res.stderr
    assert res.stdout == "" and f"wrote {out}" in res.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h1>Debrief: The returned polling card</h1>" in html
    assert not list(tmp_path.glob(".debrief.html.*"))  # no temporary file left behind


def test_report_json(store_dir: Path) -> None:
    res = cli("report", "run-one", "--format", "json", data=store_dir)
    data = json.loads(res.stdout)
    assert data["format"] == "sovsim-debrief-1" and data["mode"] == "assessment"
    assert [d["id"] for d in data["dimensions"]][:2] == ["verbinding", "begrip"]
    assert data["ending"]["outcome"] == "contact_broken"
    assert data["key_moments"][-1]["better"]["id"] == "grief-erkennen"


def test_report_without_a_run_lists_the_stored_runs(store_dir: Path, tmp_path: Path) -> None:
    res = cli("report", data=store_dir)
    assert res.returncode == 0
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["RUN", "SCENARIO", "MODE", "STATUS", "UPDATED"]
    assert {ln.split()[0] for ln in lines[1:]} == {"run-one", "run-two"}
    assert "finished (contact_broken)" in res.stdout and "in progress" in res.stdout
    empty = cli("report", data=tmp_path / "nothing")
    assert empty.returncode == 0 and "No runs stored" in empty.stderr
    assert not (tmp_path / "nothing").exists()  # listing creates no store


# --- report from a saved run file -----------------------------------------------------------

def test_report_a_saved_run_file(tmp_path: Path) -> None:
    f = tmp_path / "run.json"
    f.write_text(json.dumps(played(STEMPAS, "discussie", "grens").snapshot()), encoding="utf-8")
    res = cli("report", str(f), "--scenario", str(STEMPAS), "--format", "md", data=tmp_path / "d")
    assert res.returncode == 0, res.stderr
    assert "## Kwadrant: Afstandelijk" in res.stdout


def test_a_saved_run_finds_its_scenario_among_the_bundled_ones(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from sim.commands import report

    folder = tmp_path / "bundled"
    folder.mkdir()
    (folder / "aaa-broken.yaml").write_text("id: [", encoding="utf-8")
    (folder / "other-name.yaml").write_text(STEMPAS.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(report, "bundled_dir", lambda: folder)
    sc = report.find_scenario("stempas", None)
    assert sc.id == "stempas"
    with pytest.raises(report.Problem, match="'nope', which is not among the bundled"):
        report.find_scenario("nope", None)


def test_a_saved_run_of_an_unknown_scenario_asks_for_the_file(tmp_path: Path) -> None:
    snap = played(FIXTURES / "hand.yaml", "goed").snapshot()
    f = tmp_path / "run.json"
    f.write_text(json.dumps(snap), encoding="utf-8")
    res = cli("report", str(f), data=tmp_path / "d")
    assert res.returncode == 1
    assert "scenario 'hand', which is not among the bundled scenarios; give its file with " \
           "--scenario FILE" in res.stderr


# --- bad input: a clear message and exit 1 or 2 ------------------------------------------------

def test_unknown_run_id(store_dir: Path) -> None:
    res = cli("report", "nope", data=store_dir)
    assert res.returncode == 2
    assert "no run 'nope' in the store at" in res.stderr and "sovsim report" in res.stderr


def test_unknown_run_id_without_any_store(tmp_path: Path) -> None:
    res = cli("report", "abc", data=tmp_path / "empty")
    assert res.returncode == 2 and "no runs are stored in" in res.stderr
    assert not (tmp_path / "empty").exists()


def test_missing_run_file(tmp_path: Path) -> None:
    res = cli("report", str(tmp_path / "gone.json"), data=tmp_path)
    assert res.returncode == 2 and "no such file" in res.stderr


@pytest.mark.parametrize(("content", "message"), [
    ('{"format": "sovsim-run-1",\n "scenario": ', "run.json:2:14: the saved run is damaged (invalid JSON"),
    ("[1, 2]", "this is not a saved sovsim run"),
    ('{"format": "other"}', "this is not a saved sovsim run"),
    ("\udcff".encode("utf-8", "surrogateescape").decode("latin-1"), "not a saved run"),
    ('{"format": "sovsim-run-1", "scenario": "stempas", "history": 5}',
     "the saved run is damaged (fields missing or of the wrong kind)"),
    ("[" * 100_000 + "]" * 100_000, "the saved run is damaged (nested too deeply)"),
], ids=["invalid-json", "a-list", "other-format", "not-utf8", "wrong-kind", "deep-nesting"])
def test_damaged_run_files(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "run.json"
    f.write_text(content, encoding="latin-1" if content.startswith("\xff") else "utf-8")
    res = cli("report", str(f), "--scenario", str(STEMPAS), data=tmp_path / "d")
    assert res.returncode == 1, res.stderr
    assert message in res.stderr


def test_a_run_the_scenario_can_no_longer_restore(tmp_path: Path) -> None:
    snap = played(STEMPAS, "rustig-uitleggen", "volgende").snapshot()
    snap["history"][1]["choice"] = "verdwenen"
    f = tmp_path / "run.json"
    f.write_text(json.dumps(snap), encoding="utf-8")
    res = cli("report", str(f), "--scenario", str(STEMPAS), data=tmp_path / "d")
    assert res.returncode == 1
    assert "the scenario has changed since this run was saved: node 'reactie' no longer has " \
           "choice 'verdwenen'" in res.stderr


def test_scenario_file_of_another_scenario_or_broken(tmp_path: Path) -> None:
    f = tmp_path / "run.json"
    f.write_text(json.dumps(played(STEMPAS, "discussie").snapshot()), encoding="utf-8")
    res = cli("report", str(f), "--scenario", str(FIXTURES / "hand.yaml"), data=tmp_path / "d")
    assert res.returncode == 1
    assert "the run belongs to scenario 'stempas', but" in res.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: stempas\nversion: [\n", encoding="utf-8")
    res = cli("report", str(f), "--scenario", str(broken), data=tmp_path / "d")
    assert res.returncode == 1
    assert f"{broken}:3:1: fout: YAML-syntaxis" in res.stderr


def test_unwritable_output(store_dir: Path, tmp_path: Path) -> None:
    res = cli("report", "run-one", "-o", str(tmp_path / "no" / "such" / "x.md"), data=store_dir)
    assert res.returncode == 1 and "does not exist" in res.stderr


def test_wrong_use_is_exit_2(store_dir: Path) -> None:
    res = cli("report", "run-one", "--format", "pdf", data=store_dir)
    assert res.returncode == 2 and "invalid choice: 'pdf'" in res.stderr
    res = cli("report", "run-one", "--visit-bound", "0", data=store_dir)
    assert res.returncode == 2 and "--visit-bound" in res.stderr


def test_a_damaged_store_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sovsim.db").write_bytes(b"this is not a database" * 100)
    for args in (("report", "x"), ("export",)):
        res = cli("--lang", "en", *args, data=data)
        assert res.returncode == 1 and "not a sovsim store or is damaged" in res.stderr
        res = cli(*args, data=data)  # Dutch by default
        assert res.returncode == 1 and "geen sovsim-opslag of is beschadigd" in res.stderr


def test_a_scenario_too_large_to_explore_warns_with_the_bound(tmp_path: Path) -> None:
    loop = FIXTURES / "loop.yaml"
    f = tmp_path / "run.json"
    f.write_text(json.dumps(played(loop, "doorvragen", "afronden").snapshot()), encoding="utf-8")
    res = cli("report", str(f), "--scenario", str(loop), "--max-states", "2", data=tmp_path / "d")
    assert res.returncode == 0, res.stderr
    assert "warning: Dit scenario is te groot" in res.stderr and "lusgrens 3" in res.stderr
    assert "| **Verbinding**: Contact houden en herstellen | 83 " in res.stdout  # (3 + 2) / 6
    assert "## Kantelpunt" not in res.stdout


# --- export -----------------------------------------------------------------------------------

def test_export_jsonl_has_one_row_per_decision(store_dir: Path) -> None:
    res = cli("export", data=store_dir)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["run_id"], r["seq"], r["node"], r["choice"]) for r in rows] == [
        ("run-one", 1, "balie", "rustig-uitleggen"), ("run-one", 2, "reactie", "volgende"),
        ("run-two", 1, "balie", "discussie")]
    first = rows[0]
    assert (first["scenario_id"], first["scenario_version"], first["mode"]) == \
        ("stempas", 1, "assessment")
    assert first["scores"] == {"rechtmatig": 2, "helder": 2, "zakelijk": 1}
    assert first["changes"] == {"vastgelegd": [False, True], "spanning": [3, 4]}
    assert first["target"] == "reactie" and first["time"].endswith("+00:00")
    assert "exported 3 decisions of 2 runs" in res.stderr


def test_export_filters_by_run_and_scenario(store_dir: Path) -> None:
    one = cli("export", "--run", "run-two", data=store_dir).stdout.splitlines()
    assert len(one) == 1 and json.loads(one[0])["choice"] == "discussie"
    none = cli("export", "--scenario", "other", data=store_dir)
    assert none.returncode == 0 and none.stdout == "" and "exported 0 decisions" in none.stderr
    bad = cli("export", "--run", "nope", data=store_dir)
    assert bad.returncode == 2 and "no run 'nope'" in bad.stderr


def test_export_csv_with_a_column_per_dimension(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    res = cli("export", "-o", str(out), data=store_dir)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    assert list(rows[0])[:9] == ["run_id", "seq", "time", "scenario_id", "scenario_version",
                                 "mode", "node", "choice", "target"]
    assert list(rows[0])[9:] == [f"score_{d}" for d in ("verbinding", "begrip", "zakelijk",
                                                        "rechtmatig", "helder", "grenzen",
                                                        "veiligheid")] + ["changes"]
    r = rows[1]
    assert (r["node"], r["choice"], r["score_verbinding"], r["score_begrip"], r["score_grenzen"]) \
        == ("reactie", "volgende", "-2", "-1", "")
    assert json.loads(r["changes"]) == {"vertrouwen": [4, 2]}


def test_export_without_a_store(tmp_path: Path) -> None:
    res = cli("export", data=tmp_path / "none")
    assert res.returncode == 1 and "no runs are stored in" in res.stderr


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    from sim.commands.report import to_csv

    row = {"run_id": "=HYPERLINK(\"x\")", "seq": 1, "time": "+1", "scenario_id": "@s",
           "scenario_version": 1, "mode": "-m", "node": "n", "choice": "c", "target": "t",
           "scores": {"verbinding": -2}, "changes": {}}
    out = list(csv.reader(io.StringIO(to_csv([row], ["verbinding"]))))[1]
    assert out[0].startswith("'=") and out[2] == "'+1" and out[3] == "'@s" and out[5] == "'-m"
    assert out[9] == "-2"  # numbers stay numbers
