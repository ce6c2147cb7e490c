"""Who may see what: join codes, trainer codes, one's own runs, one session's data."""

from __future__ import annotations

import pytest

from sim import sessions
from sim.engine import Run
from sim.sessions import AccessDenied
from sim.store import Store

from .groupkit import STEMPAS_PATHS, play


@pytest.fixture
def store(tmp_path):  # noqa: ANN001, ANN201
    with Store(tmp_path) as s:
        yield s


def test_codes_are_readable_and_forgiving_to_type() -> None:
    code = sessions.new_code(6)
    assert len(code) == 6 and set(code) <= set(sessions.CODE_ALPHABET)
    assert not set("01OIL") & set(sessions.CODE_ALPHABET)
    assert sessions.format_code("K7FM2Q") == "K7F-M2Q"
    assert sessions.format_code("ABCDE23456") == "ABCDE-23456"
    assert sessions.normalise_code(" k7f-m2q ") == "K7FM2Q"


def test_the_trainer_code_is_stored_only_as_a_salted_hash(store, example) -> None:  # noqa: ANN001
    a = sessions.create_session(store, [example])
    b = sessions.create_session(store, [example])
    assert a.trainer_code and a.trainer_code not in (a.session.trainer_hash or "")
    assert a.session.trainer_hash != b.session.trainer_hash
    raw = store.path.read_bytes() + store.path.with_name(store.path.name + "-wal").read_bytes()
    assert a.trainer_code.encode() not in raw and b.trainer_code.encode() not in raw
    assert sessions.check_code(sessions.format_code(a.trainer_code).lower(), a.session.trainer_hash)
    assert not sessions.check_code(b.trainer_code, a.session.trainer_hash)
    assert not sessions.check_code("", a.session.trainer_hash)
    assert not sessions.check_code(a.trainer_code, "garbage")


def test_no_join_code_no_entry(store, example) -> None:  # noqa: ANN001
    made = sessions.create_session(store, [example])
    for wrong in ("", "AAAAAA", made.join_code[:-1], made.trainer_code):
        with pytest.raises(AccessDenied) as err:
            sessions.join(store, wrong, "Anna")
        assert err.value.reason == "no_session"
    with pytest.raises(AccessDenied) as err:
        sessions.join(store, made.join_code, "  \x1b \t \x07 ")
    assert err.value.reason == "name"
    t = sessions.join(store, sessions.format_code(made.join_code).lower(), "  Anna \x07 de  Vries ")
    assert t.name == "Anna de Vries" and t.session.id == made.session.id
    assert store.participants(made.session.id)[0].name == "Anna de Vries"


def test_a_plenary_cannot_be_joined_or_opened_as_a_live_session(store, example) -> None:  # noqa: ANN001
    made = sessions.create_session(store, [example], kind="plenary")
    assert made.join_code is None and made.trainer_code is None
    with pytest.raises(AccessDenied):
        sessions.open_as_trainer(store, made.session.id, "")


def test_no_trainer_code_no_dashboard(store, example) -> None:  # noqa: ANN001
    a = sessions.create_session(store, [example])
    b = sessions.create_session(store, [example])
    for code in ("", a.join_code, b.trainer_code, "x"):
        with pytest.raises(AccessDenied) as err:
            sessions.open_as_trainer(store, a.session.id, code)
        assert err.value.reason == "trainer_code"
    assert sessions.open_as_trainer(store, a.session.id, a.trainer_code).session_id == a.session.id
    assert sessions.open_as_trainer(store, a.session.id[:5], a.trainer_code).session_id \
        == a.session.id
    assert sessions.trainer_by_code(store, b.trainer_code).session_id == b.session.id
    with pytest.raises(AccessDenied):
        sessions.open_as_trainer(store, "nope", a.trainer_code)


def test_a_trainee_sees_only_their_own_runs(store, example) -> None:  # noqa: ANN001
    made = sessions.create_session(store, [example])
    anna = sessions.join(store, made.join_code, "Anna")
    bram = sessions.join(store, made.join_code, "Bram")
    a_run = play(anna, example, STEMPAS_PATHS["A"])
    b_run = play(bram, example, STEMPAS_PATHS["C"])
    assert [r.id for r in anna.runs()] == [a_run]
    assert [r.id for r in bram.runs()] == [b_run]
    with pytest.raises(AccessDenied) as err:
        anna.run(b_run)
    assert err.value.reason == "not_yours"
    snap = store.get_run(b_run).snapshot
    with pytest.raises(AccessDenied):
        anna.save_step(b_run, snap)  # cannot write into someone else's run either
    solo = store.create_run(Run(example).snapshot())
    with pytest.raises(AccessDenied):
        anna.run(solo)  # nor read a run outside the session


def test_sessions_do_not_see_each_others_data(store, example, rubric) -> None:  # noqa: ANN001
    one = sessions.create_session(store, [example])
    two = sessions.create_session(store, [example])
    anna1 = sessions.join(store, one.join_code, "Anna")
    anna2 = sessions.join(store, two.join_code, "Anna")  # same name, other session: other person
    assert anna1.participant.id != anna2.participant.id
    r1 = play(anna1, example, STEMPAS_PATHS["A"])
    r2 = play(anna2, example, STEMPAS_PATHS["C"])
    with pytest.raises(AccessDenied):
        anna2.run(r1)
    t1 = sessions.open_as_trainer(store, one.session.id, one.trainer_code)
    assert [r.id for r in t1.runs()] == [r1]
    assert {e["run_id"] for e in t1.events()} == {r1}
    assert [p.id for p in t1.participants()] == [anna1.participant.id]
    dash = t1.dashboard([example], rubric)
    assert [p.name for p in dash.participants] == ["Anna"]
    assert dash.scenario("stempas").runs == 1
    assert r2 not in {r.run_id for p in dash.participants for r in p.runs}


def test_a_trainee_can_start_only_the_sessions_scenarios(store, example, tmp_path) -> None:  # noqa: ANN001
    made = sessions.create_session(store, [example])
    anna = sessions.join(store, made.join_code, "Anna")
    snap = Run(example).snapshot()
    snap["scenario"] = "iets-anders"
    with pytest.raises(AccessDenied):
        anna.create_run(snap)


def test_rejoin_continues_and_closing_shuts_the_door_to_new_names(store, example) -> None:  # noqa: ANN001
    made = sessions.create_session(store, [example])
    anna = sessions.join(store, made.join_code, "Anna", holder="tab1")
    run = Run(example)
    rid = anna.create_run(run.snapshot())
    run.choose("rustig-uitleggen")
    anna.save_step(rid, run.snapshot())
    with pytest.raises(AccessDenied) as err:  # the name alone is not enough: token or trainer
        sessions.join(store, made.join_code, "anna", holder="tab2")
    assert err.value.reason == "takeover"
    anna.leave()  # the tab closed; its page kept the resume token
    again = sessions.join(store, made.join_code, "ANNA", holder="tab2", token=anna.token)
    assert again.participant.id == anna.participant.id
    current = again.current_run("stempas")
    assert current.id == rid and Run.restore(example, current.snapshot).node_id == "reactie"
    assert again.group_counts() is None  # nothing of the group before the session closes
    trainer = sessions.open_as_trainer(store, made.session.id, made.trainer_code)
    assert trainer.close()
    with pytest.raises(AccessDenied) as err:
        sessions.join(store, made.join_code, "Nieuw")
    assert err.value.reason == "closed"
    back = sessions.join(store, made.join_code, "anna", holder="tab3", token=anna.token)
    assert back.session.closed
    with pytest.raises(AccessDenied):
        back.create_run(Run(example).snapshot())
    run.choose("grief-erkennen")  # a run under way may still be finished: nothing is lost
    back.save_step(rid, run.snapshot(), finished=True, outcome="partner", ending="einde-goed")
    assert back.group_counts() == {("stempas", "balie"): {"rustig-uitleggen": 1},
                                   ("stempas", "reactie"): {"grief-erkennen": 1}}


def test_the_apps_playthrough_saves_through_the_trainee_only_into_their_own_run(store, example) -> None:  # noqa: ANN001
    from sim.store import StoreError

    made = sessions.create_session(store, [example], mode="assessment")
    anna = sessions.join(store, made.join_code, "Anna")
    bram = sessions.join(store, made.join_code, "Bram")
    pt = anna.playthrough(example, lang="en")
    assert pt.saving and pt.mode == "assessment" and not pt.can_undo
    pt.choose("rustig-uitleggen")
    rec = store.get_run(pt.run_id)
    assert (rec.person, rec.session_id, rec.mode, rec.lang) == \
        (anna.participant.id, made.session.id, "assessment", "en")
    assert [(e["seq"], e["choice"]) for e in store.session_events(made.session.id)] == \
        [(1, "rustig-uitleggen")]
    with pytest.raises(AccessDenied):
        bram.playthrough(example, rec)  # nobody continues someone else's run
    pt.release()  # the tab closed
    again = anna.playthrough(example, anna.current_run("stempas"))  # rejoining
    assert again.run_id == pt.run_id and again.run.node_id == "reactie"
    again.choose("grief-erkennen")
    assert store.get_run(pt.run_id).finished
    assert len(store.session_events(made.session.id)) == 2
    other = anna.playthrough(example)
    store.delete_session(made.session.id)  # the trainer deletes the data meanwhile
    with pytest.raises(StoreError):
        other.choose("tekenen")
    assert store.events() == []
