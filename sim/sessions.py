"""Group sessions with access rules: the only way the apps reach session data.

- No join code, no entry: :func:`join` needs the session's join code (and a name);
  wrong codes are slowed down and locked out per tab and per address, another session's
  code is a wrong code, and every join and failed try is logged for the trainer.
- A name is not a key: a participant is rejoined with their resume token (:func:`resume`,
  the browser page keeps it), or after the trainer approved a take-over; a new name that
  looks like a participant's is refused.
- No trainer code, no dashboard: :func:`open_as_trainer` checks the trainer code
  against its salted hash; the plain trainer code is never stored.
- A trainee sees only their own runs: :class:`Trainee` reads and writes runs of its
  own participant only, and the group's choices only as anonymous counts once the
  trainer has closed the session.
- Sessions do not see each other's data: every query here is bound to one session.

Nothing here knows of Textual; the join app, the dashboard and the command line use it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
import unicodedata
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .names import look_key
from .playthrough import Playthrough
from .problemtext import Msg
from .scenario import Scenario
from .store import (
    DuplicateError,
    JoinLogRecord,
    LeaseRecord,
    LookAlike,
    ParticipantRecord,
    RunRecord,
    SessionRecord,
    Store,
    StoreError,
    TakeoverRecord,
    ThrottleRecord,
)

KINDS = ("live", "plenary")
MODES = ("coach", "assessment")
# No 0/O, 1/I/L: codes are read aloud and typed from a projector.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
TRAINER_CODE_LENGTH = 10
HASH_ITERATIONS = 120_000
MAX_NAME = 40
SEAT_LEASE = 45.0  # seconds a seat stays taken after its app was last seen

# Wrong join codes, per tab and per address (see docs/trainers.md, "Veiligheid"): the first
# FREE_TRIES are answered at once, then each waits twice as long (2, 4, 8 ... at most
# MAX_WAIT seconds), and after LOCK_AFTER within THROTTLE_WINDOW the tab or address is
# locked out for LOCKOUT seconds (the trainer can lift it on the dashboard).
FREE_TRIES = 3
MAX_WAIT = 60.0
LOCK_AFTER = 10
LOCKOUT = 900.0
THROTTLE_WINDOW = 900.0


class AccessDenied(Exception):
    """Refused. ``reason``: no_session, closed, trainer_code, name, lookalike, takeover
    (the name is someone's: their resume token or the trainer's approval is needed;
    :attr:`request` is the take-over request made), refused (the trainer said no), wait
    and locked (too many wrong codes: :attr:`until` is when the next try is taken),
    token (a resume token that is no one's), not_yours."""

    def __init__(self, reason: str, message: str, *, until: float = 0.0,
                 request: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.until = until
        self.request = request


# --- codes ---------------------------------------------------------------------------

def new_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """What the user typed, as stored: upper case, no spaces or dashes."""
    return re.sub(r"[\s\-_.]", "", text or "").upper()


def format_code(code: str) -> str:
    """A code in groups of three to five for reading aloud: ``K7F-M2Q``."""
    size = 3 if len(code) <= 6 else 5
    return "-".join(code[i:i + size] for i in range(0, len(code), size))


def hash_code(code: str, *, salt: bytes | None = None, iterations: int = HASH_ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", normalise_code(code).encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def check_code(code: str, stored: str | None) -> bool:
    if not stored or not code:
        return False
    try:
        algo, iterations, salt, digest = stored.split("$")
        if algo != "pbkdf2_sha256":
            return False
        again = hashlib.pbkdf2_hmac("sha256", normalise_code(code).encode(),
                                    bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(again.hex(), digest)


def clean_name(text: str) -> str:
    """A display name as shown: control characters dropped, spaces collapsed, at most 40."""
    text = "".join(ch for ch in text or "" if unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())[:MAX_NAME].strip()


def name_key(name: str) -> str:
    """Two names are the same person in a session when their keys are equal (a new name
    whose :func:`~sim.names.look_key` is another's is refused as a look-alike)."""
    return unicodedata.normalize("NFKC", clean_name(name)).casefold()


# --- creating and finding sessions --------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NewSession:
    """A session just made, with both codes in plain text (shown once)."""

    session: SessionRecord
    join_code: str | None
    trainer_code: str | None


def scenario_ref(scenario: Scenario) -> dict[str, str]:
    return {"id": scenario.id, "path": str(Path(scenario.path).resolve()) if scenario.path else ""}


def create_session(store: Store, scenarios: list[Scenario], *, kind: str = "live",
                   mode: str = "coach", title: str = "", lang: str = "nl") -> NewSession:
    """A new live session (with a join code and a trainer code) or plenary (with neither)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    if not scenarios:
        raise ValueError("a session needs at least one scenario")
    refs = [scenario_ref(s) for s in scenarios]
    for _ in range(20):
        join = new_code(JOIN_CODE_LENGTH) if kind == "live" else None
        trainer = new_code(TRAINER_CODE_LENGTH) if kind == "live" else None
        try:
            sid = store.create_session(kind=kind, scenarios=refs, title=clean_name(title),
                                       mode=mode, lang=lang, join_code=join,
                                       trainer_hash=hash_code(trainer) if trainer else None)
        except DuplicateError:
            continue
        rec = store.get_session(sid)
        assert rec is not None
        return NewSession(rec, join, trainer)
    raise RuntimeError("could not find a free join code")  # pragma: no cover - 31**6 codes


def find_session(store: Store, session_id: str) -> SessionRecord | None:
    """A session by id, or by a unique prefix of its id (as typed on the command line)."""
    rec = store.get_session(session_id)
    if rec is not None:
        return rec
    matches = [s for s in store.sessions() if s.id.startswith(session_id)] if session_id else []
    return matches[0] if len(matches) == 1 else None


def load_session_scenarios(session: SessionRecord, dimensions: Collection[str] | None,
                           bundled: Path | None = None) -> list[Scenario]:
    """The session's scenarios: from their saved paths, else the bundled file of that id."""
    from .errors import ContentError
    from .loader import load_scenario

    out: list[Scenario] = []
    for ref in session.scenarios:
        candidates = [Path(ref["path"])] if ref.get("path") else []
        if bundled is None:
            from .clitools import bundled_dir

            bundled = bundled_dir()
        candidates.append(bundled / f"{ref['id']}.yaml")
        for path in candidates:
            if not path.is_file():
                continue
            try:
                s = load_scenario(path, dimensions)
            except ContentError:
                continue
            if s.id == ref["id"]:
                out.append(s)
                break
    return out


# --- a trainee ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SessionInfo:
    """What a trainee may know of their session."""

    id: str
    title: str
    scenarios: list[dict[str, str]]
    mode: str
    lang: str
    closed: bool


def _info(rec: SessionRecord) -> SessionInfo:
    return SessionInfo(rec.id, rec.title, list(rec.scenarios), rec.mode, rec.lang,
                       rec.closed is not None)


def new_token() -> str:
    """A resume token: 256 random bits, kept by the browser page, never in the store."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the store keeps of a resume token (a fast hash suffices for 256 random bits)."""
    return hashlib.sha256(("sovsim-resume:" + token).encode()).hexdigest()


def _throttle_policy(failures: int, now: float) -> tuple[float, float]:
    """(wait until, locked until) after ``failures`` wrong codes in a row."""
    wait = 0.0 if failures <= FREE_TRIES else min(2.0 ** (failures - FREE_TRIES), MAX_WAIT)
    locked = now + LOCKOUT if failures >= LOCK_AFTER else 0.0
    return (now + wait if wait else 0.0), locked


def throttle_scopes(holder: str | None, address: str | None) -> list[str]:
    """The throttle's counters a try counts in: the tab's, and its address's when known."""
    scopes = [f"tab:{holder}"] if holder else []
    if address:
        scopes.append(f"addr:{address}")
    return scopes


def check_throttle(store: Store, holder: str | None, address: str | None) -> None:
    """AccessDenied ``locked`` or ``wait`` while this tab or address must wait."""
    wait, locked = store.throttle(throttle_scopes(holder, address))
    now = time.time()
    if locked > now:
        raise AccessDenied("locked", "too many wrong codes: locked out", until=locked)
    if wait > now:
        raise AccessDenied("wait", "too many wrong codes: wait", until=wait)


def join(store: Store, join_code: str, name: str, *, holder: str | None = None,
         session_id: str | None = None, token: str | None = None,
         address: str | None = None) -> Trainee:
    """Enter a live session with its join code under a display name.

    ``holder`` identifies this tab (its process), ``address`` the browser's network
    address when known, ``session_id`` the one session a serve accepts: the code of any
    other session is refused exactly as a wrong code, and nothing is made there. Wrong
    codes are counted per tab and per address: after a few, the next try waits, then the
    tab or address is locked out (:data:`LOCK_AFTER`).

    A new name becomes a participant with a new resume token (:attr:`Trainee.token`, for
    the page to keep). A name already in the session is that participant again only with
    their resume ``token``; without it a take-over request waits for the trainer
    (AccessDenied ``takeover``). A new name that looks like a participant's (another
    script's letters, ``rn`` for ``m``) is refused (``lookalike``). A new name cannot
    join a closed session. Every join and every failed try is logged for the trainer.
    """
    holder = holder or uuid.uuid4().hex
    tab, addr = holder, address or ""
    check_throttle(store, holder, address)
    code = normalise_code(join_code)
    rec = store.session_by_join_code(code) if code else None
    if rec is None or rec.kind != "live" or (session_id is not None and rec.id != session_id):
        # another session's code is a wrong code here: no trace there, no hint of it
        wait, locked = store.note_failure(throttle_scopes(holder, address), session_id,
                                          _throttle_policy, window=THROTTLE_WINDOW)
        store.log_join(session_id, "locked" if locked else "wrong_code", tab=tab, address=addr)
        raise AccessDenied("no_session", "no session has this join code",
                           until=max(wait, locked))
    store.clear_throttle(throttle_scopes(holder, address))
    display = clean_name(name)
    if not display:
        raise AccessDenied("name", "a display name is needed (a pseudonym is fine)")
    key = name_key(display)
    if token:
        found = store.participant_by_token(token_hash(token))
        if found is not None and found.session_id == rec.id and name_key(found.name) == key:
            store.take_seat(found.id, holder)
            store.log_join(rec.id, "rejoined", tab=tab, address=addr, name=found.name,
                           participant_id=found.id)
            return Trainee(store, rec.id, found, holder, token=token)
    try:
        participant, new = store.join_participant(rec.id, display, key, holder=holder,
                                                  look=look_key(display),
                                                  create=rec.closed is None)
    except KeyError:
        raise AccessDenied("closed", "this session has been closed") from None
    except LookAlike:
        store.log_join(rec.id, "lookalike", tab=tab, address=addr, name=display)
        raise AccessDenied("lookalike", "this name looks like the name of someone in this "
                                        "session; choose a clearly different name") from None
    if not new:
        request = store.request_takeover(rec.id, participant.id, holder, addr)
        store.log_join(rec.id, "takeover_asked", tab=tab, address=addr, name=participant.name,
                       participant_id=participant.id)
        raise AccessDenied("takeover", "this name is someone's in this session: their resume "
                                       "token or the trainer's approval is needed",
                           request=request)
    fresh = new_token()
    store.set_token(participant.id, token_hash(fresh))
    store.log_join(rec.id, "joined", tab=tab, address=addr, name=participant.name,
                   participant_id=participant.id)
    return Trainee(store, rec.id, participant, holder, token=fresh)


def resume(store: Store, token: str, *, session_id: str | None = None,
           holder: str | None = None, address: str | None = None) -> Trainee:
    """The participant whose resume token this is (a reconnecting or reloaded tab), with
    no code or name typed; AccessDenied ``token`` when it is no one's (in ``session_id``)."""
    holder = holder or uuid.uuid4().hex
    check_throttle(store, holder, address)
    found = store.participant_by_token(token_hash(token)) if token else None
    session = store.get_session(found.session_id) if found is not None else None
    if found is None or session is None or session.kind != "live" or (
            session_id is not None and found.session_id != session_id):
        store.note_failure(throttle_scopes(holder, address), session_id, _throttle_policy,
                           window=THROTTLE_WINDOW)
        store.log_join(session_id, "bad_token", tab=holder, address=address or "")
        raise AccessDenied("token", "this resume token is no one's")
    store.take_seat(found.id, holder)
    store.log_join(found.session_id, "resumed", tab=holder, address=address or "",
                   name=found.name, participant_id=found.id)
    return Trainee(store, found.session_id, found, holder, token=token)


def takeover_result(store: Store, request_id: str, holder: str) -> Trainee | None:
    """A take-over request asked by this tab: None while the trainer has not decided; the
    participant (with a new resume token: the old one no longer works) once approved;
    AccessDenied ``refused`` when refused or gone."""
    req = store.takeover(request_id)
    if req is None or req.tab != holder or req.state in ("refused", "cancelled", "done"):
        raise AccessDenied("refused", "the trainer did not approve")
    if req.state == "pending":
        return None
    participant = store.get_participant(req.participant_id)
    if participant is None or not store.decide_takeover(request_id, "done", was="approved"):
        raise AccessDenied("refused", "the trainer did not approve")
    fresh = new_token()
    store.set_token(participant.id, token_hash(fresh))
    store.take_seat(participant.id, holder)
    store.log_join(req.session_id, "takeover_done", tab=holder, address=req.address,
                   name=participant.name, participant_id=participant.id)
    return Trainee(store, req.session_id, participant, holder, token=fresh)


def cancel_takeover(store: Store, request_id: str) -> None:
    """The tab that asked no longer waits."""
    store.decide_takeover(request_id, "cancelled")


class Trainee:
    """A participant's view of a session: their own runs, nothing of anyone else's."""

    def __init__(self, store: Store, session_id: str, participant: ParticipantRecord,
                 holder: str, *, token: str | None = None) -> None:
        self._store = store
        self._session_id = session_id
        self.participant = participant
        self.holder = holder
        self.token = token  # the resume token this tab holds (for its page to keep)

    @property
    def name(self) -> str:
        return self.participant.name

    @property
    def session(self) -> SessionInfo:
        rec = self._store.get_session(self._session_id)
        if rec is None:
            raise AccessDenied("no_session", "this session no longer exists")
        return _info(rec)

    def runs(self) -> list[RunRecord]:
        """This participant's runs in this session, newest first."""
        return self._store.runs(session_id=self._session_id, person=self.participant.id)

    def run(self, run_id: str) -> RunRecord:
        rec = self._store.get_run(run_id)
        if rec is None or not self._mine(rec):
            raise AccessDenied("not_yours", "this run is not yours")
        return rec

    def _mine(self, rec: RunRecord) -> bool:
        return rec.session_id == self._session_id and rec.person == self.participant.id

    def current_run(self, scenario_id: str) -> RunRecord | None:
        """The latest run of a scenario (to continue it, or to see its debrief)."""
        runs = [r for r in self.runs() if r.scenario_id == scenario_id]
        unfinished = [r for r in runs if not r.finished]
        return (unfinished or runs or [None])[0]

    # -- saving: a trainee is a Saver (sim.playthrough) of their own runs only --------------
    def create_run(self, snapshot: dict[str, Any], *, scenario_path: str = "",
                   mode: str | None = None, lang: str = "nl") -> str:
        """Start a run of one of the session's scenarios, in the session's mode."""
        info = self.session
        if info.closed:
            raise AccessDenied("closed", "this session has been closed; no new runs")
        if snapshot.get("scenario") not in {s["id"] for s in info.scenarios}:
            raise AccessDenied("not_yours", "this scenario is not part of the session")
        if mode is not None and mode != info.mode:
            raise ValueError(f"this session is played in {info.mode} mode, not {mode}")
        return self._store.create_run(snapshot, scenario_path=scenario_path, mode=info.mode,
                                      lang=lang, person=self.participant.id,
                                      session_id=self._session_id)

    @property
    def store_path(self) -> Path:
        """Where the session's store is (for sending learning records after a save)."""
        return self._store.path

    def note_resumed(self, run_id: str) -> None:
        """Record that one's own run is being continued (its learning record)."""
        if self._store.run_owner(run_id) == (self._session_id, self.participant.id):
            self._store.note_resumed(run_id)

    def save_step(self, run_id: str, snapshot: dict[str, Any], *, finished: bool = False,
                  outcome: str | None = None, ending: str | None = None,
                  lease: str | None = None) -> None:
        """Autosave a choice of one's own run (also after the session closed: nothing is lost).

        Someone else's run is refused (:class:`AccessDenied`); a run deleted meanwhile
        (the trainer deleted the session's data) cannot be saved (StoreError, as in solo play);
        a run open in another window refuses the save (:class:`~sim.store.LeaseLost`).
        """
        self._own(run_id)
        self._store.save_step(run_id, snapshot, finished=finished, outcome=outcome, ending=ending,
                              lease=lease)

    def _own(self, run_id: str) -> None:
        owner = self._store.run_owner(run_id)
        if owner is None:
            raise StoreError(Msg("storage.run_deleted"))
        if owner != (self._session_id, self.participant.id):
            raise AccessDenied("not_yours", "this run is not yours")

    # -- one writer per run: the leases of one's own runs --------------------------------
    def claim_run(self, run_id: str, owner: str, *, label: str = "", ttl: float | None = None,
                  take_over: bool = False) -> LeaseRecord | None:
        self._own(run_id)
        kw = {} if ttl is None else {"ttl": ttl}
        return self._store.claim_run(run_id, owner, label=label, take_over=take_over, **kw)

    def renew_lease(self, run_id: str, owner: str, *, ttl: float | None = None) -> bool:
        self._own(run_id)
        kw = {} if ttl is None else {"ttl": ttl}
        return self._store.renew_lease(run_id, owner, **kw)

    def release_lease(self, run_id: str, owner: str) -> None:
        self._store.release_lease(run_id, owner)

    def get_run(self, run_id: str) -> RunRecord | None:
        """One's own run as it is stored now (to watch it), None when gone."""
        try:
            return self.run(run_id)
        except AccessDenied:
            return None

    def playthrough(self, scenario: Scenario, record: RunRecord | None = None, *,
                    lang: str = "nl") -> Playthrough:
        """This trainee's run of ``scenario`` as the app plays it, autosaved after every choice
        through this trainee: ``record`` continued (rejoining goes on where the trainee was),
        else a new run started in the store. Raises RunError when ``record`` no longer fits
        the scenario, AccessDenied for a new run once the session is closed."""
        if record is not None:
            return Playthrough.resume(self, self.run(record.id), scenario)
        pt = Playthrough.new(scenario, mode=self.session.mode, lang=lang)
        pt.attach(self)
        return pt

    def group_counts(self) -> dict[tuple[str, str], dict[str, int]] | None:
        """How the group chose: {(scenario, node): {choice: count}}, anonymous, and only
        once the trainer has closed the session (None before)."""
        if not self.session.closed:
            return None
        from .group import decision_counts

        return decision_counts(self._store.session_events(self._session_id))

    def heartbeat(self) -> None:
        self._store.touch_participant(self.participant.id, self.holder)

    def leave(self) -> None:
        self._store.release_participant(self.participant.id, self.holder)


# --- a trainer ---------------------------------------------------------------------------

def open_as_trainer(store: Store, session_id: str, trainer_code: str) -> Trainer:
    """The trainer's view of one session; :class:`AccessDenied` without the right code."""
    rec = find_session(store, session_id)
    if rec is None or rec.kind != "live":
        raise AccessDenied("no_session", f"there is no live session {session_id!r}")
    if not check_code(trainer_code, rec.trainer_hash):
        raise AccessDenied("trainer_code", "the trainer code is not right for this session")
    return Trainer(store, rec.id)


def trainer_by_code(store: Store, trainer_code: str) -> Trainer:
    """The open live session whose trainer code this is (for the in-app dashboard)."""
    for rec in store.sessions("live"):
        if rec.closed is None and check_code(trainer_code, rec.trainer_hash):
            return Trainer(store, rec.id)
    raise AccessDenied("trainer_code", "no open session has this trainer code")


@dataclass(frozen=True, slots=True)
class RunChanges:
    """A session read at one moment, with only the runs that changed since an earlier read:
    every run's stamp (newest first), and the runs new or changed since, with their events."""

    session: SessionRecord
    participants: list[ParticipantRecord]
    stamps: list[tuple[str, Any]]  # (run id, stamp) of every run, in the order of runs()
    runs: list[RunRecord]  # the runs whose stamp is not the one known
    events: list[dict[str, Any]]  # the choices made in those runs (lean events)


class Trainer:
    """Everything of one session, and nothing of any other."""

    def __init__(self, store: Store, session_id: str, *, own_store: bool = False) -> None:
        self._store = store
        self.session_id = session_id
        self._own_store = own_store

    def with_own_connection(self) -> Trainer:
        """The same view through a connection of its own to the same store file, for a
        thread that reads while the app goes on writing; :meth:`disconnect` it after use."""
        return Trainer(Store(self._store.path, timeout=self._store.timeout), self.session_id,
                       own_store=True)

    def disconnect(self) -> None:
        """Close the connection made by :meth:`with_own_connection` (nothing otherwise)."""
        if self._own_store:
            self._store.close()

    @property
    def session(self) -> SessionRecord:
        rec = self._store.get_session(self.session_id)
        if rec is None:
            raise AccessDenied("no_session", "this session no longer exists")
        return rec

    def participants(self) -> list[ParticipantRecord]:
        return self._store.participants(self.session_id)

    def runs(self) -> list[RunRecord]:
        return self._store.runs(session_id=self.session_id, limit=1_000_000, whole=True)

    def events(self) -> list[dict[str, Any]]:
        return self._store.session_events(self.session_id)

    def changes(self, known: Mapping[str, Any]) -> RunChanges:
        """The session as it is now, reading again only the runs whose stamp differs from
        ``known`` (run id -> stamp, as an earlier :class:`RunChanges` gave them)."""
        with self._store.reading():
            session = self.session
            participants = self.participants()
            stamps = self._store.run_stamps(self.session_id)
            changed = [rid for rid, stamp in stamps if known.get(rid) != stamp]
            runs = self._store.runs_by_id(self.session_id, changed) if changed else []
            events = self._store.session_choices_of(self.session_id, changed) if changed else []
        return RunChanges(session, participants, stamps, runs, events)

    def close(self) -> bool:
        return self._store.close_session(self.session_id)

    def lrs_status(self) -> list[tuple[str, int, int, int]]:
        """(LRS name, sent, queued, refused) of this session's learning records, for every
        Learning Record Store set up (none: an empty list)."""
        names = [k[len("lrs:"):] for k in self._store.settings_with_prefix("lrs:")]
        out = []
        for name in sorted(names):
            st = self._store.lrs_state(name, session_id=self.session_id)
            out.append((name, st.sent, st.queued, st.failed))
        return out

    # -- joins: the log, tabs held back, take-overs to approve ----------------------------
    def join_log(self, limit: int = 200) -> list[JoinLogRecord]:
        """The latest joins and failed tries (wrong codes, look-alikes, take-overs)."""
        return self._store.join_log(self.session_id, limit=limit)

    def held_back(self) -> list[ThrottleRecord]:
        """Tabs and addresses that must wait or are locked out after wrong codes."""
        return self._store.throttled(self.session_id)

    def lift_lockout(self, scope: str) -> bool:
        ok = self._store.lift_lockout(scope)
        if ok:
            self._store.log_join(self.session_id, "lockout_lifted", tab=scope)
        return ok

    def pending_takeovers(self) -> list[tuple[TakeoverRecord, str]]:
        """Take-over requests waiting for the trainer, with the name each asks for."""
        names = {p.id: p.name for p in self.participants()}
        return [(r, names.get(r.participant_id, "?"))
                for r in self._store.takeovers(self.session_id)]

    def decide_takeover(self, request_id: str, approve: bool) -> bool:
        """Approve (the tab continues as that participant; the old token stops working)
        or refuse a pending take-over of this session."""
        req = self._store.takeover(request_id)
        if req is None or req.session_id != self.session_id:
            return False
        ok = self._store.decide_takeover(request_id, "approved" if approve else "refused")
        if ok:
            self._store.log_join(self.session_id,
                                 "takeover_approved" if approve else "takeover_refused",
                                 tab=req.tab, address=req.address,
                                 participant_id=req.participant_id)
        return ok

    def dashboard(self, scenarios: list[Scenario], rubric: Any, *, lang: str = "nl",
                  scorer: Any = None) -> Any:
        """The live figures (:class:`sim.group.Dashboard`), scored against ``rubric``."""
        from .group import build_dashboard

        return build_dashboard(self.session, self.participants(), self.runs(), self.events(),
                               scenarios, rubric, lang=lang, scorer=scorer)
