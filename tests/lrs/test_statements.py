"""xAPI statements of stored runs: what a training department's LRS gets (no LRS needed
here, except ralph's own statement model for the schema check)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from sim import lrs
from sim.sessions import create_session, join
from sim.store import Store
from sim.xapi import EXT_DIMENSION, EXT_EFFECTS, EXT_OUTCOME, EXT_STEP, VERBS, registration

from .conftest import need_ralph
from .kit import load, play, sovsim
from .realrs import check_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def verbs(statements: list[dict]) -> list[str]:
    by_iri = {iri: kind for kind, (iri, _) in VERBS.items()}
    return [by_iri[s["verb"]["id"]] for s in statements]


def test_a_played_run_is_started_answered_completed_and_scored(tmp_path, rubric) -> None:
    store = Store(tmp_path)
    sc = load("balie-uitschrijven", rubric)
    run_id = play(store, sc, [0, 1, 0])
    rec = store.get_run(run_id)
    sts = lrs.statements_of(store, rubric=rubric)
    assert verbs(sts) == ["started"] + ["answered"] * rec.steps + ["completed", "scored"]
    # every statement of the run has the run's registration; ids are unique
    assert {s["context"]["registration"] for s in sts} == {registration(run_id)}
    assert len({s["id"] for s in sts}) == len(sts)
    # each decision: the node as an interaction, the choice as the response, its effects
    history = rec.snapshot["history"]
    answered = [s for s in sts if verbs([s]) == ["answered"]]
    for st, step in zip(answered, history, strict=True):
        assert st["object"]["id"].endswith(f"/scenario/{sc.id}/v{sc.version}/node/{step['node']}")
        assert st["result"]["response"] == step["choice"]
        assert st["result"]["extensions"][EXT_EFFECTS] == step["scores"]
        assert step["choice"] in [c["id"] for c in st["object"]["definition"]["choices"]]
        assert set(st["object"]["definition"]["name"]) == {"nl", "en"}
    done = sts[-2]
    assert done["result"]["completion"] is True
    assert done["result"]["extensions"][EXT_OUTCOME] == rec.outcome


def test_not_assessed_dimensions_are_left_out_never_zero(tmp_path, rubric) -> None:
    from scoring.debrief import build_debrief

    store = Store(tmp_path)
    sc = load("balie-uitschrijven", rubric)
    run_id = play(store, sc, [2])
    debrief = build_debrief(sc, store.get_run(run_id).snapshot, rubric)
    scored = lrs.statements_of(store, rubric=rubric)[-1]
    ext = scored["result"]["extensions"]
    sent = {k.rsplit("/", 1)[1] for k in ext if k.startswith(EXT_DIMENSION + "/")}
    assessed = {d.id for d in debrief.dimensions if d.assessed and d.score is not None}
    assert sent == assessed
    assert {d.id for d in debrief.dimensions} - assessed or True  # some runs assess all
    for d in debrief.dimensions:
        if d.id in sent:
            assert ext[f"{EXT_DIMENSION}/{d.id}"]["score"] == d.score
            assert ext[f"{EXT_DIMENSION}/{d.id}"]["scaled"] == pytest.approx(d.score / 100)


def test_statements_are_the_same_every_time_so_a_retry_is_idempotent(tmp_path, rubric) -> None:
    store = Store(tmp_path)
    play(store, load("raad-inspreker", rubric), [1, 0])
    first = lrs.statements_of(store, rubric=rubric)
    store.close()
    again = lrs.statements_of(Store(tmp_path), rubric=rubric)
    assert again == first


def test_undo_and_resume_are_recorded(tmp_path, rubric) -> None:
    from sim.playthrough import Playthrough

    store = Store(tmp_path)
    sc = load("balie-uitschrijven", rubric)
    pt = Playthrough.new(sc)
    pt.attach(store)
    first = [c.id for c in pt.run.choices() if c.enabled]
    pt.choose(first[0])
    pt.choose([c.id for c in pt.run.choices() if c.enabled][0])
    pt.undo()
    pt.release()  # the window closes; the run is continued later, as from "Verder"
    resumed = Playthrough.resume(store, store.get_run(pt.run_id), sc)
    resumed.choose([c.id for c in resumed.run.choices() if c.enabled][-1])
    sts = lrs.statements_of(store, rubric=rubric)
    assert verbs(sts) == ["started", "answered", "answered", "undid", "resumed", "answered"]
    undid = sts[3]
    assert undid["object"] == {"objectType": "StatementRef", "id": sts[2]["id"]}
    assert undid["context"]["extensions"][EXT_STEP] == 2
    assert sts[5]["context"]["extensions"][EXT_STEP] == 2


def test_the_actor_is_a_pseudonym_unless_the_organisation_says_name(tmp_path, rubric) -> None:
    store = Store(tmp_path)
    sc = load("balie-uitschrijven", rubric)
    session = create_session(store, [sc], title="Cursusdag 12 maart")
    trainee = join(store, session.join_code, "Fatima de Vries")
    pt = trainee.playthrough(sc)
    pt.choose([c.id for c in pt.run.choices() if c.enabled][0])
    sts = lrs.statements_of(store, rubric=rubric)
    text = json.dumps(sts, ensure_ascii=False)
    assert "Fatima" not in text and trainee.participant.id not in text
    actor = sts[0]["actor"]
    assert set(actor) == {"objectType", "account"} and actor["account"]["name"].startswith("p-")
    grouping = sts[0]["context"]["contextActivities"]["grouping"][0]
    assert grouping["id"].endswith(f"/session/{session.session.id}")
    assert grouping["definition"]["name"] == {
        "nl": "Cursusdag 12 maart",
        "en": "Cursusdag 12 maart",
    }
    lrs.set_settings(store, actor="name")
    named = lrs.statements_of(store, rubric=rubric)
    assert named[0]["actor"]["name"] == "Fatima de Vries"
    assert named[0]["actor"]["account"] == actor["account"]  # the same person either way


def test_a_plenary_is_the_room_as_a_group(tmp_path, rubric) -> None:
    from sim.plenary import Plenary

    store = Store(tmp_path)
    sc = load("wijkteam-huisbezoek", rubric)
    plen = Plenary.create(store, sc, title="Plenair")
    plen.add_vote(plen.run.choices()[0].id, 5)
    plen.follow_majority()
    sts = lrs.statements_of(store, rubric=rubric)
    assert verbs(sts) == ["started", "answered"]
    assert sts[0]["actor"]["objectType"] == "Group"
    assert (
        sts[0]["context"]["extensions"]["https://sovsim.invalid/xapi/extensions/session-kind"]
        == "plenary"
    )


def test_runs_stored_before_learning_records_get_theirs_once(tmp_path, rubric) -> None:
    import shutil

    shutil.copy(FIXTURES / "store-schema2" / "sovsim.db", tmp_path / "sovsim.db")
    store = Store(tmp_path)
    first = lrs.statements_of(store, rubric=rubric)
    runs = store.runs()
    assert first and {s["context"]["registration"] for s in first} == {
        registration(r.id) for r in runs
    }
    store.close()
    assert lrs.statements_of(Store(tmp_path), rubric=rubric) == first


def test_deleting_a_run_deletes_its_records(tmp_path, rubric) -> None:
    store = Store(tmp_path)
    run_id = play(store, load("balie-uitschrijven", rubric), [0])
    assert store.log_entries(run_id=run_id)
    store.delete_run(run_id)
    assert store.log_entries() == []
    assert store.conn.execute("SELECT COUNT(*) FROM xapi_log").fetchone()[0] == 0


def test_export_xapi_on_the_command_line(tmp_path, rubric) -> None:
    store = Store(tmp_path)
    sc = load("balie-uitschrijven", rubric)
    a = play(store, sc, [0])
    play(store, load("raad-inspreker", rubric), [1])
    store.close()
    out = tmp_path / "x.jsonl"
    res = sovsim(tmp_path, "export", "--format", "xapi", "--run", a, "-o", str(out))
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {s["context"]["registration"] for s in lines} == {registration(a)}
    res = sovsim(tmp_path, "export", "--format", "xapi", "--scenario", "raad-inspreker")
    assert res.returncode == 0 and "raad-inspreker" in res.stdout and a not in res.stdout
    assert "xAPI-verklaringen" in res.stderr
    res = sovsim(tmp_path, "export", "--format", "xapi", "--session", "nope")
    assert res.returncode == 2 and "nope" in res.stderr and "Traceback" not in res.stderr


def test_every_statement_is_valid_xapi(tmp_path, rubric) -> None:
    need_ralph()
    store = Store(tmp_path)
    for i, name in enumerate(
        ("balie-uitschrijven", "raad-inspreker", "wijkteam-huisbezoek", "leerplicht-uitschrijving")
    ):
        play(store, load(name, rubric), [i, 0, 1], seed_undo=True)
    sc = load("schulden-ontruiming", rubric)
    session = create_session(store, [sc], title="Live")
    trainee = join(store, session.join_code, "Ab")
    pt = trainee.playthrough(sc)
    pt.choose([c.id for c in pt.run.choices() if c.enabled][0])
    store.note_resumed(pt.run_id)
    sts = lrs.statements_of(store, rubric=rubric)
    assert {k for s in sts for k in verbs([s])} == set(VERBS)
    assert check_schema(sts) == []


def test_credentials_are_never_in_the_store_nor_an_export(tmp_path, rubric) -> None:
    secret = "geheim-" + uuid.uuid4().hex
    store = Store(tmp_path)
    lrs.add(store, "org", "http://127.0.0.1:9/xAPI/", auth_env="ORG_LRS")
    play(store, load("balie-uitschrijven", rubric), [0])
    store.close()
    res = sovsim(tmp_path, "lrs", "send", "org", env={"ORG_LRS": f"u:{secret}"})
    assert res.returncode == 3  # nothing listens there: kept in the queue
    res = sovsim(tmp_path, "export", "--format", "xapi")
    assert secret not in res.stdout
    conn = sqlite3.connect(tmp_path / "sovsim.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for f in tmp_path.glob("sovsim.db*"):
        assert secret.encode() not in f.read_bytes()


def test_the_vocabulary_page_matches_what_is_sent() -> None:
    """docs/xapi.md names every verb, activity type and extension sovsim sends, and its
    example statements are valid xAPI."""
    import re

    from sim import xapi

    doc = (Path(__file__).resolve().parents[2] / "docs" / "xapi.md").read_text(encoding="utf-8")
    for iri, _ in xapi.VERBS.values():
        assert iri in doc
    for iri in (xapi.TYPE_SCENARIO, xapi.TYPE_DECISION, xapi.TYPE_SESSION):
        assert iri in doc
    for name, value in vars(xapi).items():
        if name.startswith("EXT_"):
            short = value.removeprefix(xapi.EXT + "/")
            assert f"`{short}`" in doc or f"`{short}/<id>`" in doc, value
    examples = [json.loads(m) for m in re.findall(r"```json\n(.*?)\n```", doc, re.S)]
    assert len(examples) == 6
    need_ralph()
    assert check_schema(examples) == []


def test_a_persons_data_export_names_their_xapi_account(tmp_path, rubric) -> None:
    from sim.commands.sessions import export_data

    store = Store(tmp_path)
    sc = load("balie-uitschrijven", rubric)
    session = create_session(store, [sc], title="Cursus")
    trainee = join(store, session.join_code, "Ab")
    pt = trainee.playthrough(sc)
    pt.choose([c.id for c in pt.run.choices() if c.enabled][0])
    before = export_data(store, [session.session], [trainee.participant])
    assert "xapi_account" not in before["sessions"][0]["participants"][0]
    sts = lrs.statements_of(store, rubric=rubric)
    after = export_data(store, [session.session], [trainee.participant])
    assert after["sessions"][0]["participants"][0]["xapi_account"] == \
        sts[0]["actor"]["account"]["name"]
