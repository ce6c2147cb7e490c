"""SQLite store of runs, their per-decision steps, and group sessions.

Every write is one transaction, so a save is all or nothing; WAL mode and a busy
timeout let many processes write to one file.

Schema 3 (runs kept as head + steps): a run's row holds its *head* (``runs.head``: the
run's snapshot without history and visits, see :mod:`sim.snapshot`) and its number of
decisions (``runs.steps``); ``events`` holds one row per decision, keyed (run, seq),
with everything a :class:`~sim.engine.Step` needs (node, choice, target, the nodes
entered, changes, scores, time). An autosave (:meth:`Store.save_step` with a
:meth:`~sim.engine.Run.delta`) writes the head and only the new steps, and an undo
deletes the steps taken back, so a save costs the same at the 1,000th decision as at the
first. :attr:`RunRecord.snapshot` is the whole snapshot again, put together from head and
steps in one read; a head, a step row or a count of steps that does not fit makes it
``{}``: a damaged run, refused with a message when it is continued or reported.
Schema 2 kept a run's whole snapshot, history included, in ``runs.snapshot`` and
rewrote it on every save; opening such a store (or a schema-1 one) migrates it once.

Schema 2 adds group sessions: ``sessions`` (a live session or a plenary, with its
join code and the *hash* of its trainer code), ``participants`` (a display name
in a session; their runs carry ``runs.session_id`` and ``runs.person`` = the
participant id), ``branches`` (a plenary's runs and where each forked), ``votes``
(the room's counts per option at a plenary decision) and ``bookmarks``. This
module does no access checks: :mod:`sim.sessions` is the layer that does.

Schema 4 (joining that cannot be abused, one writer per run): ``run_leases`` (the window
that has a run open for writing; :meth:`Store.save_step` checks it in the save's own
transaction, so a second window can never write between the first one's saves),
``join_log`` (joins and failed tries, for the trainer), ``join_throttle`` (wrong codes per
tab and per address), ``participant_tokens`` (the hash of each participant's resume
token), ``takeover_requests`` (a tab asking to continue as an existing participant, until
the trainer decides) and ``participants.name_look`` (the look-alike skeleton of a name,
:func:`sim.names.look_key`). Migrating a schema-3 store adds them and fills ``name_look``.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from .gcpause import paused_gc
from .problemtext import MessageError, Msg
from .snapshot import full_snapshot, head_of

SCHEMA_VERSION = 4
T = TypeVar("T")
_CHUNK = 500  # ids per "IN (...)" query, well below SQLite's limit on parameters
DB_NAME = "sovsim.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_version INTEGER NOT NULL,
    scenario_path TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL DEFAULT 'coach',
    lang TEXT NOT NULL DEFAULT 'nl',
    person TEXT,
    session_id TEXT,
    started TEXT NOT NULL,
    updated TEXT NOT NULL,
    finished INTEGER NOT NULL DEFAULT 0,
    outcome TEXT,
    ending TEXT,
    snapshot TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_updated ON runs(updated);
CREATE INDEX IF NOT EXISTS runs_session ON runs(session_id);
CREATE TABLE IF NOT EXISTS events (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_version INTEGER NOT NULL,
    node TEXT NOT NULL,
    choice TEXT,
    target TEXT,
    scores TEXT NOT NULL DEFAULT '{}',
    changes TEXT NOT NULL DEFAULT '{}',
    time TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Schema 2: group sessions. Applied to new stores and as the migration from schema 1.
_SCHEMA_2 = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    scenarios TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'coach',
    lang TEXT NOT NULL DEFAULT 'nl',
    join_code TEXT UNIQUE,
    trainer_hash TEXT,
    created TEXT NOT NULL,
    closed TEXT
);
CREATE TABLE IF NOT EXISTS participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    joined TEXT NOT NULL,
    seen TEXT,
    holder TEXT,
    UNIQUE (session_id, name_key)
);
CREATE TABLE IF NOT EXISTS branches (
    run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    parent_run TEXT,
    fork_at INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS branches_session ON branches(session_id);
CREATE TABLE IF NOT EXISTS votes (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    node TEXT NOT NULL,
    choice TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    time TEXT NOT NULL,
    PRIMARY KEY (run_id, seq, choice)
);
CREATE TABLE IF NOT EXISTS bookmarks (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
"""


# Schema 3: a run is its head plus one events row per step (see the module docstring).
_SCHEMA_3 = """
ALTER TABLE runs RENAME COLUMN snapshot TO head;
ALTER TABLE runs ADD COLUMN steps INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN entered TEXT
"""

# Learning records (xAPI, see :mod:`sim.xapi`): one row per thing that happened in a run
# (started, resumed, answered, undid, completed), written in the same transaction as
# the save that did it, and per Learning Record Store the rows it has taken. Tables
# that only add to the schema: an older sovsim leaves them alone, and deleting a run
# deletes its rows with it (foreign keys).
_SCHEMA_XAPI = """
CREATE TABLE IF NOT EXISTS xapi_log (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}',
    time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS xapi_log_run ON xapi_log(run_id);
CREATE TABLE IF NOT EXISTS lrs_sent (
    lrs TEXT NOT NULL,
    n INTEGER NOT NULL REFERENCES xapi_log(n) ON DELETE CASCADE,
    status TEXT NOT NULL,
    time TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (lrs, n)
);
CREATE INDEX IF NOT EXISTS lrs_sent_n ON lrs_sent(n);
CREATE TABLE IF NOT EXISTS lrs_state (
    lrs TEXT PRIMARY KEY,
    last_try TEXT,
    last_ok TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    failures INTEGER NOT NULL DEFAULT 0,
    next_try TEXT,
    sender TEXT,
    sender_until REAL NOT NULL DEFAULT 0
)
"""
XAPI_KINDS = ("started", "resumed", "answered", "undid", "completed")
# Schema 4 (joinsafe): joining that cannot be abused, and one writer per run. A log of
# joins and failed attempts, the throttle of wrong codes per tab and per address, each
# participant's resume token (only its hash), the take-overs waiting for the trainer,
# the leases of runs open in a window, and each name's look-alike skeleton.
_SCHEMA_4 = """
CREATE TABLE IF NOT EXISTS join_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT,
    time TEXT NOT NULL,
    event TEXT NOT NULL,
    tab TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    participant_id TEXT
);
CREATE INDEX IF NOT EXISTS join_log_session ON join_log(session_id, id);
CREATE TABLE IF NOT EXISTS join_throttle (
    scope TEXT PRIMARY KEY,
    session_id TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    first REAL NOT NULL,
    last REAL NOT NULL,
    wait_until REAL NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS participant_tokens (
    participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    issued TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS takeover_requests (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    tab TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    requested TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    decided TEXT
);
CREATE INDEX IF NOT EXISTS takeover_session ON takeover_requests(session_id, state);
CREATE TABLE IF NOT EXISTS run_leases (
    run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    heartbeat REAL NOT NULL,
    expires REAL NOT NULL
)
"""
LEASE_TTL = 30.0  # seconds a run's lease lasts without a heartbeat

_RUN_COLS = ("id, scenario_id, scenario_version, scenario_path, mode, lang, person, "
             "session_id, started, updated, finished, outcome, ending, head, steps")
_INSERT_STEP = ("INSERT INTO events (run_id, seq, kind, scenario_id, scenario_version, node, "
                "choice, target, entered, scores, changes, time) "
                "VALUES (?,?,'choice',?,?,?,?,?,?,?,?,?)")


class StoreError(MessageError):
    """The store cannot be used (read-only, full disk, damaged, foreign); the message says
    why (in the user's language with :func:`~sim.problemtext.error_text`)."""


class LeaseLost(StoreError):
    """The run is open for writing in another window (its lease is another's): nothing
    was written. :attr:`lease` is that other window's lease."""

    def __init__(self, msg: Msg, lease: LeaseRecord | None = None) -> None:
        super().__init__(msg)
        self.lease = lease


class StaleSave(StoreError):
    """A delta (:meth:`~sim.engine.Run.delta`) that does not follow on from the steps the
    store holds (the run was played on elsewhere): write the whole snapshot instead."""


def lease_owner() -> str:
    """A new window's owner id for run leases: random, with this machine and process."""
    return f"{uuid.uuid4().hex[:16]}@{socket.gethostname()}:{os.getpid()}"


def owner_alive(owner: str) -> bool:
    """False only when ``owner`` (:func:`lease_owner`) names a process of this machine
    that has ended."""
    _, at, where = owner.rpartition("@")
    host, colon, pid = where.rpartition(":")
    if not at or not colon or host != socket.gethostname() or not pid.isdigit():
        return True
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process, or not ours to signal: alive
        return True
    return True


def default_dir() -> Path:
    env = os.environ.get("SOVSIM_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("sovsim", appauthor=False))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(slots=True)
class RunRecord:
    """A stored run. :attr:`snapshot` is the whole run (as :meth:`Run.snapshot`, ``{}``
    when it is damaged), put together from its head and its steps when first used, so a
    list of runs reads no steps it does not show; :attr:`steps` is its number of
    decisions, known without reading them."""

    id: str
    scenario_id: str
    scenario_version: int
    scenario_path: str
    mode: str
    lang: str
    person: str | None
    session_id: str | None
    started: str
    updated: str
    finished: bool
    outcome: str | None
    ending: str | None
    _snapshot: dict[str, Any] | None = None
    steps: int = -1
    _load: Callable[[], dict[str, Any]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.steps < 0:
            history = (self._snapshot or {}).get("history")
            self.steps = len(history) if isinstance(history, list) else 0

    @property
    def snapshot(self) -> dict[str, Any]:
        if self._snapshot is None:
            self._snapshot = self._load() if self._load is not None else {}
            self._load = None
        return self._snapshot


def _nearly_full(folder: Path) -> bool:
    """Too little room left for SQLite's shared-memory and log files (a full disk shows
    as a plain I/O error when a store is opened)."""
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


@dataclass(slots=True)
class SessionRecord:
    """A group session: ``kind`` is ``live`` or ``plenary``; ``scenarios`` are
    ``{"id": ..., "path": ...}`` dicts. The trainer code is only ever stored as a hash."""

    id: str
    kind: str
    title: str
    scenarios: list[dict[str, str]]
    mode: str
    lang: str
    join_code: str | None
    trainer_hash: str | None
    created: str
    closed: str | None

    @property
    def is_closed(self) -> bool:
        return self.closed is not None


@dataclass(slots=True)
class ParticipantRecord:
    id: str
    session_id: str
    name: str
    joined: str
    seen: str | None


@dataclass(slots=True)
class BranchRecord:
    """A plenary run; a fork shares its parent's first ``fork_at`` decisions."""

    run_id: str
    session_id: str
    parent_run: str | None
    fork_at: int
    label: str
    created: str


@dataclass(slots=True)
class LeaseRecord:
    """Who has a run open for writing: ``owner`` (a window's id), ``label`` (what kind of
    window, for the message), the last ``heartbeat`` and when it ``expires`` (Unix time)."""

    run_id: str
    owner: str
    label: str
    heartbeat: float
    expires: float


@dataclass(slots=True)
class JoinLogRecord:
    """One join or failed attempt, for the trainer."""

    id: int
    session_id: str | None
    time: str
    event: str
    tab: str
    address: str
    name: str
    participant_id: str | None


@dataclass(slots=True)
class ThrottleRecord:
    """Wrong codes from one tab or address (``scope``: ``tab:ID`` / ``addr:ADDRESS``)."""

    scope: str
    session_id: str | None
    failures: int
    first: float
    last: float
    wait_until: float
    locked_until: float


@dataclass(slots=True)
class TakeoverRecord:
    """A tab that asked to continue as an existing participant, waiting for the trainer."""

    id: str
    session_id: str
    participant_id: str
    tab: str
    address: str
    requested: str
    state: str  # pending, approved, refused, done
    decided: str | None


class DuplicateError(Exception):
    """A unique value (a join code) is taken already."""


class SeatTaken(Exception):
    """Someone else is playing under this name in this session right now."""


class LookAlike(Exception):
    """A new name looks like the name of someone already in the session (``args[0]``)."""


_SESSION_COLS = "id, kind, title, scenarios, mode, lang, join_code, trainer_hash, created, closed"
_PARTICIPANT_COLS = "id, session_id, name, joined, seen, holder"


def _session(row: tuple[Any, ...]) -> SessionRecord:
    try:
        scenarios = [dict(x) for x in json.loads(row[3])]
    except (TypeError, ValueError):
        scenarios = []
    return SessionRecord(row[0], row[1], row[2], scenarios, *row[4:])


def _participant(row: tuple[Any, ...]) -> ParticipantRecord:
    return ParticipantRecord(*row[:5])


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _explain(err: sqlite3.Error, path: Path) -> StoreError:
    text = str(err).lower()
    if "readonly" in text or "read-only" in text:
        return StoreError(Msg("storage.read_only", folder=str(path.parent)))
    if "full" in text or ("disk i/o error" in text and _nearly_full(path.parent)):
        return StoreError(Msg("storage.full", folder=str(path.parent)))
    if ("not a database" in text or "malformed" in text or "corrupt" in text
            or "could not decode" in text):
        return DamagedStore(path)
    if "unable to open" in text:
        if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
            # a WAL store needs its folder writable even to be read (its -shm file)
            return StoreError(Msg("storage.read_only", folder=str(path.parent)))
        return StoreError(Msg("storage.cannot_open", path=str(path)))
    return StoreError(Msg("storage.unusable", path=str(path), detail=str(err)))


def _reads(fn: Callable[..., T]) -> Callable[..., T]:
    """A read of the store: SQLite's errors (a damaged file, a full disk) come out as
    :class:`StoreError` with a message, like those of writes."""

    @functools.wraps(fn)
    def read(self: Store, *args: Any, **kwargs: Any) -> T:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise diagnose(self, err) from None

    return read


def _json(text: Any, default: Any) -> Any:
    """A JSON column's value; ``default`` when the row is damaged."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return default


def _step_rows(run_id: str, data: dict[str, Any], steps: Any, first: int) -> list[tuple[Any, ...]]:
    """``events`` rows of steps (:meth:`Step.to_data` dicts) numbered from ``first`` + 1;
    ValueError, KeyError or TypeError when a step is not one."""
    if not isinstance(steps, list):
        raise TypeError("the history is not a list")
    rows = []
    for seq, st in enumerate(steps, first + 1):
        node, choice, target, when = st["node"], st["choice"], st["target"], st.get("time", "")
        if not all(isinstance(x, str) for x in (node, choice, target, when)):
            raise TypeError("a step's node, choice, target or time is not text")
        entered = st.get("entered")
        if entered is not None and (not isinstance(entered, list)
                                    or not all(isinstance(x, str) for x in entered)):
            raise TypeError("a step's nodes entered are not a list of names")
        changes, scores = st.get("changes", {}), st.get("scores", {})
        if not isinstance(changes, dict) or not isinstance(scores, dict):
            raise TypeError("a step's changes or scores are not a mapping")
        rows.append((run_id, seq, data["scenario"], data["version"], node, choice, target,
                     None if entered is None or entered == [target] else json.dumps(entered),
                     json.dumps(scores), json.dumps(changes), when))
    return rows


def _history(rows: list[tuple[Any, ...]], steps: int) -> list[dict[str, Any]] | None:
    """The history (as :meth:`Step.to_data`) from a run's ``events`` rows (seq, node,
    choice, target, entered, changes, scores, time), or None when a row is damaged or
    missing (they must be numbered 1 to ``steps``)."""
    if len(rows) != steps:
        return None
    # the JSON columns of every row are parsed in one go (as fast as one whole snapshot
    # was); a damaged text fails the parse, or gives a row of the wrong shape below
    try:
        parsed = json.loads("[" + ",".join([f"[{r[5]},{r[6]},{'null' if r[4] is None else r[4]}]"
                                            for r in rows]) + "]")
    except (ValueError, RecursionError):
        return None
    if len(parsed) != steps:
        return None
    history = []
    for expect, (seq, node, choice, target, _, _, _, when), extra in \
            zip(range(1, steps + 1), rows, parsed, strict=True):
        if type(extra) is not list or len(extra) != 3:
            return None
        changes, scores, entered = extra
        if entered is None:
            entered = [target]
        if (seq != expect or type(node) is not str or type(choice) is not str
                or type(target) is not str or type(when) is not str
                or type(entered) is not list or type(changes) is not dict
                or type(scores) is not dict):
            return None
        for x in entered:
            if type(x) is not str:
                return None
        for v in scores.values():
            if type(v) is not int:
                return None
        for v in changes.values():
            if type(v) is not list or len(v) != 2:
                return None
        history.append({"node": node, "choice": choice, "target": target, "entered": entered,
                        "changes": changes, "scores": scores, "time": when})
    return history


def _event_dicts(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Event dicts (for export and the group figures) of ``events`` rows (run_id, seq,
    kind, scenario_id, scenario_version, node, choice, target, scores, changes, time);
    a damaged scores or changes text reads as ``{}``."""
    with paused_gc():
        return _parse_events(rows)


def _parse_events(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    try:  # every row's JSON in one parse; row by row when one of them is damaged
        pairs = json.loads("[" + ",".join([f"[{r[8]},{r[9]}]" for r in rows]) + "]")
        if len(pairs) != len(rows) or not all(type(p) is list and len(p) == 2 for p in pairs):
            raise ValueError("a damaged row")
    except (ValueError, RecursionError):
        pairs = [[_json(r[8], {}), _json(r[9], {})] for r in rows]
    return [{"run_id": r[0], "seq": r[1], "kind": r[2], "scenario_id": r[3],
             "scenario_version": r[4], "node": r[5], "choice": r[6], "target": r[7],
             "scores": sc, "changes": ch, "time": r[10]} for r, (sc, ch) in zip(rows, pairs, strict=True)]


def _snapshot(head_text: Any, rows: list[tuple[Any, ...]], steps: int) -> dict[str, Any]:
    """A run's whole snapshot from its stored head and step rows; ``{}`` when damaged.
    (Call it with the collector paused: :func:`paused_gc`.)"""
    head = _json(head_text, None)
    # a head still holding a history is a schema-2 snapshot the migration could not read
    if not isinstance(head, dict) or "history" in head or not isinstance(steps, int):
        return {}
    history = _history(rows, steps)
    if history is None:
        return {}
    try:
        return full_snapshot(head, None, history)
    except (TypeError, KeyError):  # e.g. an opening that is not a list
        return {}


# -- learning records (xAPI) ---------------------------------------------------------------

_XAPI_NS = uuid.UUID("5c0e6a54-7d8e-4f0b-9a51-3b1f2d6c8e90")


def _ensure_xapi(c: sqlite3.Connection) -> None:
    """The learning-record tables, made on first open; runs stored before them get their
    log once (started, each decision, completed), with ids that the same run always gets."""
    have = c.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='xapi_log'"
                     ).fetchone() is not None
    if have:
        return
    for stmt in _SCHEMA_XAPI.split(";"):
        if stmt.strip():
            c.execute(stmt)
    for run_id, started, finished, outcome, ending, steps in c.execute(
            "SELECT id, started, finished, outcome, ending, steps FROM runs ORDER BY started, "
            "rowid").fetchall():
        _log(c, run_id, "started", 0, {}, started, uuid.uuid5(_XAPI_NS, f"{run_id}/started"))
        last = started
        for seq, node, choice, when, scores in c.execute(
                "SELECT seq, node, choice, time, scores FROM events WHERE run_id=? ORDER BY seq",
                (run_id,)).fetchall():
            last = when or last
            _log(c, run_id, "answered", seq,
                 {"node": node, "choice": choice, "scores": _json(scores, {})}, last,
                 uuid.uuid5(_XAPI_NS, f"{run_id}/answered/{seq}"))
        if finished and outcome != "abandoned":
            _log(c, run_id, "completed", steps, {"outcome": outcome, "ending": ending}, last,
                 uuid.uuid5(_XAPI_NS, f"{run_id}/completed"))


def _log(c: sqlite3.Connection, run_id: str, kind: str, seq: int, data: dict[str, Any],
         when: str, sid: uuid.UUID | None = None) -> None:
    c.execute("INSERT INTO xapi_log (id, run_id, kind, seq, data, time) VALUES (?,?,?,?,?,?)",
              (str(sid or uuid.uuid4()), run_id, kind, seq, json.dumps(data), when))


def _log_steps(c: sqlite3.Connection, run_id: str, rows: list[tuple[Any, ...]],
               before: dict[int, tuple[str, str]]) -> None:
    """Log what a save did to a run's steps: ``before`` are the steps it replaced (seq:
    (choice, time)); a step written again as it was is no news, one taken back is an
    undo (of its "answered" record), and a new one is answered."""
    new = {r[1]: r for r in rows}
    for seq in sorted(before, reverse=True):
        row = new.get(seq)
        if row is not None and (row[5], row[10]) == before[seq]:
            continue
        answered = c.execute("SELECT id FROM xapi_log WHERE run_id=? AND kind='answered' AND "
                             "seq=? ORDER BY n DESC LIMIT 1", (run_id, seq)).fetchone()
        _log(c, run_id, "undid", seq, {"node": None, "choice": before[seq][0],
                                       "answered": answered[0] if answered else None}, now())
    for seq, row in sorted(new.items()):
        if seq in before and (row[5], row[10]) == before[seq]:
            continue
        _log(c, run_id, "answered", seq,
             {"node": row[4], "choice": row[5], "scores": _json(row[8], {})}, row[10] or now())


@dataclass(slots=True)
class LogEntry:
    """One learning record of a run (a row of ``xapi_log``); ``id`` is its statement id."""

    n: int
    id: str
    run_id: str
    kind: str
    seq: int
    data: dict[str, Any]
    time: str


@dataclass(slots=True)
class LrsState:
    """What a Learning Record Store has taken: counts, and its last answer."""

    name: str
    queued: int
    sent: int
    failed: int
    last_try: str | None
    last_ok: str | None
    last_error: str
    failures: int
    next_try: str | None
    errors: list[tuple[str, str]]  # (statement id, the LRS's own error) of failed ones


_LOG_COLS = "l.n, l.id, l.run_id, l.kind, l.seq, l.data, l.time"


def _entry(row: tuple[Any, ...]) -> LogEntry:
    data = _json(row[5], {})
    return LogEntry(row[0], row[1], row[2], row[3], row[4], data if isinstance(data, dict) else {},
                    row[6])


class Store:
    """One SQLite file; safe to open from many processes at once."""

    def __init__(self, path: str | Path | None = None, *, timeout: float = 30.0) -> None:
        if path is None:
            path = default_dir() / DB_NAME
        self.path = Path(path)
        if ((self.path.is_dir() and self.path.name != DB_NAME)
                or self.path.suffix.lower() not in (".db", ".sqlite", ".sqlite3")):
            self.path = self.path / DB_NAME  # a folder, existing or to be made
        if self.path.is_dir():  # never a store nested inside: sovsim.db/sovsim.db
            raise StoreError(Msg("storage.is_folder", path=str(self.path)))
        self.timeout = timeout
        try:
            with private_files():
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(Msg("storage.cannot_create", folder=str(self.path.parent),
                                 detail=str(err.strerror or err))) from None
        try:
            with private_files():  # a new store (and its -wal, -shm) only for its user
                self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                            check_same_thread=False)
                self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                self.conn.execute("PRAGMA foreign_keys = ON")
                self._init()
        except (sqlite3.Error, StoreError) as err:
            with suppress(Exception):
                self.conn.close()
            if isinstance(err, StoreError):
                raise
            raise _explain(err, self.path) from None

    def _init(self) -> None:
        # look before touching: a file of another program is left exactly as it was
        existing = {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        if existing and "meta" not in existing:
            raise StoreError(Msg("storage.foreign", path=str(self.path)))
        if existing:  # before anything is written: a damaged file is left exactly as it is
            check_health(self.conn, self.path)
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            self._retry(lambda: self.conn.execute("PRAGMA journal_mode=WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")
        # deleted personal data is overwritten, not left in free pages of the file
        self.conn.execute("PRAGMA secure_delete = ON")
        with self.transaction() as c:
            has_meta = c.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND "
                                 "name='meta'").fetchone() is not None
            row = c.execute("SELECT value FROM meta WHERE key='schema'").fetchone() \
                if has_meta else None
            try:
                version = int(row[0]) if row else 0
            except ValueError:
                raise DamagedStore(self.path) from None
            if version > SCHEMA_VERSION:
                raise StoreError(Msg("storage.newer", path=str(self.path)))
            if version < SCHEMA_VERSION:
                self._migrate(c, version)
            _ensure_xapi(c)

    @staticmethod
    def _migrate(c: sqlite3.Connection, version: int) -> None:
        """Bring the schema from ``version`` (0 = new file) up to date, keeping every run."""
        if version < 3:
            scripts = [_SCHEMA, _SCHEMA_2] if version < 2 else []
            for script in [*scripts, _SCHEMA_3]:
                for stmt in script.split(";"):
                    if stmt.strip():
                        c.execute(stmt)
            Store._split_snapshots(c)
        if version < 4:
            Store._migrate_joinsafe(c)
        c.execute("INSERT INTO meta VALUES ('schema', ?) ON CONFLICT(key) DO UPDATE "
                  "SET value=excluded.value", (str(SCHEMA_VERSION),))

    @staticmethod
    def _split_snapshots(c: sqlite3.Connection) -> None:
        """Schema 2 -> 3: each run's whole snapshot becomes its head, and its history the
        rows of ``events`` (written again from the snapshot, which was the one kept whole).
        A snapshot that cannot be read is left as it was: it reads as damaged, as before."""
        for (run_id,) in c.execute("SELECT id FROM runs").fetchall():
            (text,) = c.execute("SELECT head FROM runs WHERE id=?", (run_id,)).fetchone()
            snap = _json(text, None)
            try:
                rows = _step_rows(run_id, snap, snap["history"], 0)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            c.execute("UPDATE runs SET head=?, steps=? WHERE id=?",
                      (json.dumps(head_of(snap)), len(rows), run_id))
            c.execute("DELETE FROM events WHERE run_id=?", (run_id,))
            c.executemany(_INSERT_STEP, rows)

    @staticmethod
    def _migrate_joinsafe(c: sqlite3.Connection) -> None:
        """Schema 3 -> 4: the tables of :data:`_SCHEMA_4`, and every participant's
        look-alike skeleton (:func:`sim.names.look_key`) worked out once."""
        from .names import look_key

        for stmt in _SCHEMA_4.split(";"):
            if stmt.strip():
                c.execute(stmt)
        cols = {r[1] for r in c.execute("PRAGMA table_info(participants)")}
        if "name_look" not in cols:
            c.execute("ALTER TABLE participants ADD COLUMN name_look TEXT")
        c.execute("CREATE INDEX IF NOT EXISTS participants_look ON participants(session_id, "
                  "name_look)")
        rows = c.execute("SELECT id, name FROM participants WHERE name_look IS NULL").fetchall()
        c.executemany("UPDATE participants SET name_look=? WHERE id=?",
                      [(look_key(name if isinstance(name, str) else ""), pid)
                       for pid, name in rows])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _retry(self, fn: Any, attempts: int = 50) -> Any:
        delay = 0.01
        for i in range(attempts):
            try:
                return fn()
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err) or i == attempts - 1:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
        return None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, retried while another writer holds the lock."""
        try:
            self._retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
            try:
                yield self.conn
            except BaseException:
                self._rollback()
                raise
            self._retry(lambda: self.conn.execute("COMMIT"))
        except sqlite3.Error as err:
            self._rollback()
            raise diagnose(self, err) from None

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not undone it itself (it does on a full
        disk): the error the caller sees is the one that happened, never the rollback's."""
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- runs ----------------------------------------------------------------------
    def create_run(self, snapshot: dict[str, Any], *, scenario_path: str = "", mode: str = "coach",
                   lang: str = "nl", person: str | None = None, session_id: str | None = None,
                   run_id: str | None = None) -> str:
        """Store a new run from its whole snapshot (:meth:`Run.snapshot`): head and steps."""
        run_id = run_id or uuid.uuid4().hex[:12]
        rows = _step_rows(run_id, snapshot, snapshot.get("history", []), 0)
        t = now()
        with self.transaction() as c:
            c.execute(
                "INSERT INTO runs (id, scenario_id, scenario_version, scenario_path, content_hash, "
                "mode, lang, person, session_id, started, updated, head, steps) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (run_id, snapshot["scenario"], snapshot["version"], scenario_path,
                 snapshot.get("content_hash", ""), mode, lang, person, session_id, t, t,
                 json.dumps(head_of(snapshot)), len(rows)),
            )
            c.executemany(_INSERT_STEP, rows)
            _log(c, run_id, "started", 0, {}, t)
            _log_steps(c, run_id, rows, {})
        return run_id

    def save_step(self, run_id: str, snapshot: dict[str, Any], *, finished: bool = False,
                  outcome: str | None = None, ending: str | None = None,
                  lease: str | None = None) -> None:
        """Store the run's new state in one transaction.

        ``snapshot`` is a :meth:`Run.delta` (the head and the steps after the first
        ``history_from``: only those are written, and any stored after them, taken back
        by an undo, are deleted), or a whole :meth:`Run.snapshot` (every step written
        again). Raises :class:`StaleSave` when a delta does not follow on from the steps
        stored (its ``base`` is not the step there), having written nothing.

        The run's lease is checked in the same transaction: while another window holds
        it (:meth:`claim_run`), nothing is written and :class:`LeaseLost` is raised; a
        save with ``lease`` (the saving window's owner id) renews that window's lease.
        """
        first = snapshot.get("history_from", 0)
        if type(first) is not int or first < 0:
            raise ValueError("history_from must be a number of steps")
        rows = _step_rows(run_id, snapshot, snapshot.get("history", []), first)
        with self.transaction() as c:
            self._check_lease(c, run_id, lease)
            was = c.execute("SELECT finished, steps FROM runs WHERE id=?", (run_id,)).fetchone()
            cur = c.execute(
                "UPDATE runs SET head=?, steps=?, updated=?, finished=?, outcome=?, ending=? "
                "WHERE id=?",
                (json.dumps(head_of(snapshot)), first + len(rows), now(), int(finished), outcome,
                 ending, run_id),
            )
            if cur.rowcount != 1:
                raise StoreError(Msg("storage.no_run", run=run_id))
            if first:
                base = c.execute("SELECT choice, time FROM events WHERE run_id=? AND seq=?",
                                 (run_id, first)).fetchone()
                if base is None or list(base) != snapshot.get("base"):
                    raise StaleSave(f"run {run_id!r} has other decisions in the store than "
                                    "this save follows on from")
            # the steps this save replaces (an undo, or the whole run written again)
            before = {r[0]: (r[1], r[2]) for r in c.execute(
                "SELECT seq, choice, time FROM events WHERE run_id=? AND seq>?",
                (run_id, first))} if was is not None and was[1] > first else {}
            c.execute("DELETE FROM events WHERE run_id=? AND seq>?", (run_id, first))
            c.executemany(_INSERT_STEP, rows)
            _log_steps(c, run_id, rows, before)
            if finished and was is not None and not was[0]:
                _log(c, run_id, "completed", first + len(rows),
                     {"outcome": outcome, "ending": ending}, now())

    def end_run(self, run_id: str, outcome: str) -> None:
        """Mark a run as ended without touching its snapshot or events (e.g. ``abandoned``)."""
        with self.transaction() as c:
            cur = c.execute("UPDATE runs SET finished=1, outcome=?, updated=? WHERE id=?",
                            (outcome, now(), run_id))
            if cur.rowcount != 1:
                raise StoreError(Msg("storage.no_run", run=run_id))

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction, so that what several queries read fits together (a run's
        head and its steps); inside a write transaction, that one."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        except BaseException:
            self._rollback()
            raise
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    @_reads
    def get_run(self, run_id: str) -> RunRecord | None:
        """A run with its whole snapshot, read at once (head and steps in one read)."""
        with self._reading() as c:
            row = c.execute(f"SELECT {_RUN_COLS} FROM runs WHERE id=?", (run_id,)).fetchone()
            if row is None:
                return None
            rec = self._records([row])[0]
            steps = self._read_steps(run_id)
            with paused_gc():
                rec._snapshot, rec._load = _snapshot(row[13], steps, row[14]), None
            return rec

    @_reads
    def run_owner(self, run_id: str) -> tuple[str | None, str | None] | None:
        """(session id, person) of a run, None when there is no such run: a check that
        reads none of its steps."""
        row = self.conn.execute("SELECT session_id, person FROM runs WHERE id=?",
                                (run_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def _read_steps(self, run_id: str) -> list[tuple[Any, ...]]:
        return self.conn.execute("SELECT seq, node, choice, target, entered, changes, scores, "
                                 "time FROM events WHERE run_id=? ORDER BY seq",
                                 (run_id,)).fetchall()

    def _load_snapshot(self, run_id: str) -> dict[str, Any]:
        """A run's whole snapshot as it is now (head and steps in one read); ``{}`` when
        damaged or gone. Called where a run's data is first used (:attr:`RunRecord.snapshot`):
        a damaged page there makes this run damaged; a store that cannot be read at all
        (closed, gone, unreadable) raises :class:`StoreError`."""

        def read() -> dict[str, Any]:
            with self._reading() as c:
                row = c.execute("SELECT head, steps FROM runs WHERE id=?", (run_id,)).fetchone()
                if row is None:
                    return {}
                steps = self._read_steps(run_id)
                with paused_gc():
                    return _snapshot(row[0], steps, row[1])

        try:
            return self._retry(read)
        except sqlite3.DatabaseError as err:
            text = str(err).lower()
            if "malformed" in text or "corrupt" in text or "not a database" in text:
                return {}
            raise _explain(err, self.path) from None
        except sqlite3.Error as err:
            raise _explain(err, self.path) from None

    def _records(self, rows: list[tuple[Any, ...]]) -> list[RunRecord]:
        """Records of ``runs`` rows (as :data:`_RUN_COLS`), their snapshots read when used."""
        return [RunRecord(*r[:10], bool(r[10]), r[11], r[12], None,
                          r[14] if type(r[14]) is int and r[14] >= 0 else 0,
                          functools.partial(self._load_snapshot, r[0]))
                for r in rows]

    @_reads
    def runs(self, *, finished: bool | None = None, scenario_id: str | None = None,
             session_id: str | None = None, person: str | None = None, solo: bool = False,
             limit: int = 1000, whole: bool = False) -> list[RunRecord]:
        """Runs, newest first; ``solo``: only runs played alone (outside any group session),
        which is what a trainee's own app lists and continues. Each run's steps are read
        when its snapshot is first used, or with ``whole`` at once, in the same read, for
        all of them (for a reader that uses every run's snapshot, as a dashboard does)."""
        where, args = [], []
        if solo:
            where.append("session_id IS NULL")
        if finished is not None:
            where.append("finished=?")
            args.append(int(finished))
        for col, val in (("scenario_id", scenario_id), ("session_id", session_id), ("person", person)):
            if val is not None:
                where.append(f"{col}=?")
                args.append(val)
        sql = f"SELECT {_RUN_COLS} FROM runs" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY updated DESC, rowid DESC LIMIT ?"  # ties: the newest row first
        with self._reading() as c:
            rows = c.execute(sql, (*args, limit)).fetchall()
            records = self._records(rows)
            if whole:
                steps = self._read_all_steps([r.id for r in records])
                with paused_gc():
                    for rec, row in zip(records, rows, strict=True):
                        rec._snapshot, rec._load = _snapshot(row[13], steps.get(rec.id, []),
                                                             row[14]), None
            return records

    def _read_all_steps(self, run_ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
        """The step rows of many runs (as :meth:`_read_steps`), by run."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        for i in range(0, len(run_ids), 500):
            chunk = run_ids[i:i + 500]
            for run_id, *row in self.conn.execute(
                    "SELECT run_id, seq, node, choice, target, entered, changes, scores, time "
                    f"FROM events WHERE run_id IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY run_id, seq", chunk):
                out.setdefault(run_id, []).append(tuple(row))
        return out

    @_reads
    def last_unfinished(self, session_id: str | None = None) -> RunRecord | None:
        """The latest unfinished run of a session, or (without one) of solo play: a group
        session's or a plenary's runs are never offered to continue in the solo app."""
        runs = self.runs(finished=False, session_id=session_id, solo=session_id is None,
                         limit=1)
        return runs[0] if runs else None

    @_reads
    def events(self, run_id: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT run_id, seq, kind, scenario_id, scenario_version, node, choice, target, "
               "scores, changes, time FROM events")
        args: tuple[Any, ...] = ()
        if run_id:
            sql += " WHERE run_id=?"
            args = (run_id,)
        sql += " ORDER BY run_id, seq"
        return _event_dicts(self.conn.execute(sql, args).fetchall())

    def delete_run(self, run_id: str) -> bool:
        with self.transaction() as c:
            c.execute("DELETE FROM events WHERE run_id=?", (run_id,))
            return c.execute("DELETE FROM runs WHERE id=?", (run_id,)).rowcount == 1

    # -- group sessions ---------------------------------------------------------------
    def create_session(self, *, kind: str, scenarios: list[dict[str, str]], title: str = "",
                       mode: str = "coach", lang: str = "nl", join_code: str | None = None,
                       trainer_hash: str | None = None, session_id: str | None = None) -> str:
        """A new session; raises :class:`DuplicateError` if the id or join code is taken."""
        session_id = session_id or uuid.uuid4().hex[:8]
        with self.transaction() as c:
            try:
                c.execute("INSERT INTO sessions (id, kind, title, scenarios, mode, lang, join_code, "
                          "trainer_hash, created) VALUES (?,?,?,?,?,?,?,?,?)",
                          (session_id, kind, title, json.dumps(scenarios), mode, lang, join_code,
                           trainer_hash, now()))
            except sqlite3.IntegrityError as err:
                raise DuplicateError(str(err)) from None
        return session_id

    @_reads
    def get_session(self, session_id: str) -> SessionRecord | None:
        row = self.conn.execute(f"SELECT {_SESSION_COLS} FROM sessions WHERE id=?",
                                (session_id,)).fetchone()
        return _session(row) if row else None

    @_reads
    def session_by_join_code(self, join_code: str) -> SessionRecord | None:
        row = self.conn.execute(f"SELECT {_SESSION_COLS} FROM sessions WHERE join_code=?",
                                (join_code,)).fetchone()
        return _session(row) if row else None

    @_reads
    def sessions(self, kind: str | None = None) -> list[SessionRecord]:
        sql = f"SELECT {_SESSION_COLS} FROM sessions"
        args: tuple[Any, ...] = ()
        if kind:
            sql += " WHERE kind=?"
            args = (kind,)
        return [_session(r) for r in self.conn.execute(sql + " ORDER BY created DESC, id", args)]

    def close_session(self, session_id: str) -> bool:
        """Close a session (once); False when it was closed already or does not exist."""
        with self.transaction() as c:
            return c.execute("UPDATE sessions SET closed=? WHERE id=? AND closed IS NULL",
                             (now(), session_id)).rowcount == 1

    def delete_session(self, session_id: str) -> int:
        """Delete a session with its participants, runs, events, votes and bookmarks.

        Returns the number of runs deleted."""
        with self.transaction() as c:
            runs = [r[0] for r in c.execute("SELECT id FROM runs WHERE session_id=?",
                                            (session_id,))]
            for table in ("events", "votes", "bookmarks"):
                c.executemany(f"DELETE FROM {table} WHERE run_id=?", [(r,) for r in runs])
            c.execute("DELETE FROM branches WHERE session_id=?", (session_id,))
            c.execute("DELETE FROM runs WHERE session_id=?", (session_id,))
            c.execute("DELETE FROM participants WHERE session_id=?", (session_id,))
            self._forget_joins(c, session_id=session_id)
            c.execute("DELETE FROM sessions WHERE id=?", (session_id,))
        return len(runs)

    # participants
    def join_participant(self, session_id: str, name: str, name_key: str, *,
                         holder: str | None = None, lease: float = 0.0,
                         look: str | None = None, create: bool = True,
                         ) -> tuple[ParticipantRecord, bool]:
        """The participant ``name_key`` of the session, made on first join: (record, new).

        With ``holder`` and ``lease`` > 0 the seat is taken for ``holder``; raises
        :class:`SeatTaken` when another holder was seen less than ``lease`` seconds ago.
        A new name whose look-alike skeleton ``look`` is another participant's raises
        :class:`LookAlike` (checked in the same transaction as the insert); without
        ``create``, a name not yet in the session raises :class:`KeyError`.
        """
        from .names import look_key

        t = now()
        look = look if look is not None else look_key(name)
        with self.transaction() as c:
            row = c.execute(f"SELECT {_PARTICIPANT_COLS} FROM participants WHERE session_id=? "
                            "AND name_key=?", (session_id, name_key)).fetchone()
            if row is None:
                if not create:
                    raise KeyError(name_key)
                other = c.execute("SELECT name FROM participants WHERE session_id=? AND "
                                  "name_look=? LIMIT 1", (session_id, look)).fetchone()
                if other is not None:
                    raise LookAlike(other[0])
                pid = uuid.uuid4().hex[:12]
                c.execute("INSERT INTO participants (id, session_id, name, name_key, joined, seen, "
                          "holder, name_look) VALUES (?,?,?,?,?,?,?,?)",
                          (pid, session_id, name, name_key, t, t, holder, look))
                return ParticipantRecord(pid, session_id, name, t, t), True
            rec = _participant(row)
            other = row[-1]
            if holder and other and other != holder and rec.seen and lease > 0:
                age = (_parse_time(t) - _parse_time(rec.seen)).total_seconds()
                if age < lease:
                    raise SeatTaken(rec.name)
            c.execute("UPDATE participants SET seen=?, holder=? WHERE id=?", (t, holder, rec.id))
            rec.seen = t
            return rec, False

    def touch_participant(self, participant_id: str, holder: str | None) -> None:
        """Renew a seat lease (the app calls this every few seconds while open)."""
        with self.transaction() as c:
            c.execute("UPDATE participants SET seen=? WHERE id=? AND holder IS ?",
                      (now(), participant_id, holder))

    def release_participant(self, participant_id: str, holder: str | None) -> None:
        """Give up the seat (the app is closing), so the name can be used again at once."""
        with self.transaction() as c:
            c.execute("UPDATE participants SET holder=NULL WHERE id=? AND holder IS ?",
                      (participant_id, holder))

    @_reads
    def participants(self, session_id: str) -> list[ParticipantRecord]:
        return [_participant(r) for r in self.conn.execute(
            f"SELECT {_PARTICIPANT_COLS} FROM participants WHERE session_id=? "
            "ORDER BY joined, name_key", (session_id,))]

    @_reads
    def get_participant(self, participant_id: str) -> ParticipantRecord | None:
        row = self.conn.execute(f"SELECT {_PARTICIPANT_COLS} FROM participants WHERE id=?",
                                (participant_id,)).fetchone()
        return _participant(row) if row else None

    def delete_participant(self, participant_id: str) -> int:
        """Delete a participant with their runs and events; returns the number of runs."""
        with self.transaction() as c:
            runs = [r[0] for r in c.execute("SELECT id FROM runs WHERE person=? AND session_id="
                                            "(SELECT session_id FROM participants WHERE id=?)",
                                            (participant_id, participant_id))]
            c.executemany("DELETE FROM events WHERE run_id=?", [(r,) for r in runs])
            c.executemany("DELETE FROM runs WHERE id=?", [(r,) for r in runs])
            self._forget_joins(c, participant_id=participant_id)
            c.execute("DELETE FROM participants WHERE id=?", (participant_id,))
        return len(runs)

    @_reads
    def session_events(self, session_id: str) -> list[dict[str, Any]]:
        """The decision events of every run of a session, by run and sequence."""
        return _event_dicts(self.conn.execute(
            "SELECT e.run_id, e.seq, e.kind, e.scenario_id, e.scenario_version, e.node, "
            "e.choice, e.target, e.scores, e.changes, e.time FROM events e JOIN runs r "
            "ON r.id = e.run_id WHERE r.session_id=? ORDER BY e.run_id, e.seq",
            (session_id,)).fetchall())

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Several reads that see the store as it was at one moment (a read transaction:
        writers go on meanwhile, in WAL mode, and are seen by the next one)."""
        try:
            with self._reading():
                yield
        except sqlite3.Error as err:
            raise _explain(err, self.path) from None

    @_reads
    def run_stamps(self, session_id: str) -> list[tuple[str, tuple[Any, ...]]]:
        """(id, stamp) of every run of a session, in the order of :meth:`runs` (newest first).

        A stamp (last save, finished, number of steps, size of the head) changes whenever
        the run is saved, taken back or ended, so comparing stamps finds the runs to read
        again without reading any of them."""
        return [(r[0], (r[1], bool(r[2]), r[3], r[4])) for r in self.conn.execute(
            "SELECT id, updated, finished, steps, length(CAST(head AS BLOB)) FROM runs "
            "WHERE session_id=? ORDER BY updated DESC, rowid DESC", (session_id,))]

    @_reads
    def runs_by_id(self, session_id: str, ids: Iterable[str]) -> list[RunRecord]:
        """The session's runs with these ids, each with its whole snapshot, read at once
        (any order; ids not in the session are left out)."""
        ids = list(ids)
        out: list[RunRecord] = []
        with self._reading() as c:
            for i in range(0, len(ids), _CHUNK):
                part = ids[i:i + _CHUNK]
                rows = c.execute(f"SELECT {_RUN_COLS} FROM runs WHERE session_id=? AND id IN "
                                 f"({','.join('?' * len(part))})", (session_id, *part)).fetchall()
                records = self._records(rows)
                steps = self._read_all_steps([r.id for r in records])
                with paused_gc():
                    for rec, row in zip(records, rows, strict=True):
                        rec._snapshot, rec._load = _snapshot(row[13], steps.get(rec.id, []),
                                                             row[14]), None
                out += records
        return out

    @_reads
    def session_choices_of(self, session_id: str, run_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The decisions of some runs of a session, by run and sequence: of each event only
        what counting choices needs (run_id, seq, kind, scenario_id, node, choice), without
        decoding its scores and changes."""
        run_ids = sorted(run_ids)
        out = []
        for i in range(0, len(run_ids), _CHUNK):
            part = run_ids[i:i + _CHUNK]
            out += [{"run_id": r[0], "seq": r[1], "kind": r[2], "scenario_id": r[3],
                     "node": r[4], "choice": r[5]} for r in self.conn.execute(
                "SELECT e.run_id, e.seq, e.kind, e.scenario_id, e.node, e.choice FROM events e "
                "JOIN runs r ON r.id = e.run_id WHERE r.session_id=? AND e.run_id IN "
                f"({','.join('?' * len(part))}) ORDER BY e.run_id, e.seq", (session_id, *part))]
        return out

    # plenary: branches, votes, bookmarks
    def add_branch(self, run_id: str, session_id: str, *, parent_run: str | None = None,
                   fork_at: int = 0, label: str = "") -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO branches (run_id, session_id, parent_run, fork_at, label, "
                      "created) VALUES (?,?,?,?,?,?)",
                      (run_id, session_id, parent_run, fork_at, label, now()))

    @_reads
    def branches(self, session_id: str) -> list[BranchRecord]:
        return [BranchRecord(*r) for r in self.conn.execute(
            "SELECT run_id, session_id, parent_run, fork_at, label, created FROM branches "
            "WHERE session_id=? ORDER BY created, rowid", (session_id,))]

    def set_votes(self, run_id: str, seq: int, node: str, counts: dict[str, int]) -> None:
        """The room's votes at decision ``seq`` of a run (replacing earlier counts there)."""
        if any(n < 0 for n in counts.values()):
            raise ValueError("vote counts cannot be negative")
        t = now()
        with self.transaction() as c:
            c.execute("DELETE FROM votes WHERE run_id=? AND seq=?", (run_id, seq))
            c.executemany("INSERT INTO votes (run_id, seq, node, choice, count, time) "
                          "VALUES (?,?,?,?,?,?)",
                          [(run_id, seq, node, ch, n, t) for ch, n in counts.items()])

    @_reads
    def votes(self, run_id: str) -> dict[int, dict[str, int]]:
        """{decision seq: {choice: count}} of a run."""
        out: dict[int, dict[str, int]] = {}
        for seq, choice, count in self.conn.execute(
                "SELECT seq, choice, count FROM votes WHERE run_id=? ORDER BY seq, rowid",
                (run_id,)):
            out.setdefault(seq, {})[choice] = count
        return out

    def set_bookmark(self, run_id: str, seq: int, label: str = "") -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO bookmarks (run_id, seq, label, created) VALUES (?,?,?,?) "
                      "ON CONFLICT(run_id, seq) DO UPDATE SET label=excluded.label",
                      (run_id, seq, label, now()))

    def remove_bookmark(self, run_id: str, seq: int) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM bookmarks WHERE run_id=? AND seq=?", (run_id, seq))

    @_reads
    def bookmarks(self, session_id: str) -> list[tuple[str, int, str]]:
        """(run id, decision seq, label) of a plenary's bookmarks, oldest first."""
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT b.run_id, b.seq, b.label FROM bookmarks b JOIN runs r ON r.id=b.run_id "
            "WHERE r.session_id=? ORDER BY b.created, b.rowid", (session_id,))]


    # -- learning records (xAPI) -------------------------------------------------------
    def note_resumed(self, run_id: str) -> None:
        """Record that a stored run is being continued (for its learning record)."""
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM runs WHERE id=?", (run_id,)).fetchone():
                _log(c, run_id, "resumed", 0, {}, now())

    @_reads
    def log_entries(self, *, run_id: str | None = None, session_id: str | None = None,
                    scenario_id: str | None = None, since: str | None = None,
                    unsent_to: str | None = None, limit: int = -1) -> list[LogEntry]:
        """Learning records in the order they happened; ``unsent_to``: only those the LRS
        of that name has not taken yet (nor refused)."""
        sql = f"SELECT {_LOG_COLS} FROM xapi_log l JOIN runs r ON r.id = l.run_id"
        where: list[str] = []
        args: list[Any] = []
        if unsent_to is not None:
            sql += " LEFT JOIN lrs_sent s ON s.n = l.n AND s.lrs = ?"
            args.append(unsent_to)
            where.append("s.n IS NULL")
        for col, val in (("l.run_id", run_id), ("r.session_id", session_id),
                         ("r.scenario_id", scenario_id)):
            if val is not None:
                where.append(f"{col}=?")
                args.append(val)
        if since is not None:
            where.append("l.time >= ?")
            args.append(since)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY l.n LIMIT ?"
        return [_entry(r) for r in self.conn.execute(sql, (*args, limit)).fetchall()]

    def lrs_taken(self, lrs: str, entries: Iterable[LogEntry], *, status: str = "sent",
                  error: str = "") -> None:
        """Mark records as taken by (``sent``) or refused by (``failed``) an LRS (records
        deleted meanwhile, with their run, are left out)."""
        t = now()
        with self.transaction() as c:
            c.executemany("INSERT INTO lrs_sent (lrs, n, status, time, error) "
                          "SELECT ?,?,?,?,? WHERE EXISTS (SELECT 1 FROM xapi_log WHERE n=?) "
                          "ON CONFLICT(lrs, n) DO UPDATE SET status=excluded.status, "
                          "time=excluded.time, error=excluded.error",
                          [(lrs, e.n, status, t, error, e.n) for e in entries])

    def lrs_tried(self, lrs: str, *, error: str = "", next_try: str | None = None) -> None:
        """The outcome of a try to send to an LRS: ``error`` empty when it went well."""
        t = now()
        with self.transaction() as c:
            c.execute("INSERT INTO lrs_state (lrs) VALUES (?) ON CONFLICT(lrs) DO NOTHING", (lrs,))
            if error:
                c.execute("UPDATE lrs_state SET last_try=?, last_error=?, failures=failures+1, "
                          "next_try=? WHERE lrs=?", (t, error, next_try, lrs))
            else:
                c.execute("UPDATE lrs_state SET last_try=?, last_ok=?, last_error='', "
                          "failures=0, next_try=NULL WHERE lrs=?", (t, t, lrs))

    def lrs_claim(self, lrs: str, holder: str, seconds: float) -> bool:
        """Become the one process sending to ``lrs`` for ``seconds`` (False: another is)."""
        t = time.time()
        with self.transaction() as c:
            c.execute("INSERT INTO lrs_state (lrs) VALUES (?) ON CONFLICT(lrs) DO NOTHING", (lrs,))
            cur = c.execute("UPDATE lrs_state SET sender=?, sender_until=? WHERE lrs=? AND "
                            "(sender IS NULL OR sender=? OR sender_until<?)",
                            (holder, t + seconds, lrs, holder, t))
            return cur.rowcount == 1

    def lrs_release(self, lrs: str, holder: str) -> None:
        with self.transaction() as c:
            c.execute("UPDATE lrs_state SET sender=NULL, sender_until=0 WHERE lrs=? AND sender=?",
                      (lrs, holder))

    @_reads
    def lrs_state(self, lrs: str, *, session_id: str | None = None) -> LrsState:
        """Counts of the records an LRS has taken, refused and not yet had (of one session)."""
        join, args = "", [lrs]
        if session_id is not None:
            join = " JOIN runs r ON r.id = l.run_id AND r.session_id = ?"
            args = [session_id, lrs]
        rows = dict(self.conn.execute(
            f"SELECT COALESCE(s.status, 'queued'), COUNT(*) FROM xapi_log l{join} "
            "LEFT JOIN lrs_sent s ON s.n = l.n AND s.lrs = ? GROUP BY 1", args).fetchall())
        st = self.conn.execute("SELECT last_try, last_ok, last_error, failures, next_try FROM "
                               "lrs_state WHERE lrs=?", (lrs,)).fetchone() or (None, None, "", 0,
                                                                                None)
        errors = [(r[0], r[1]) for r in self.conn.execute(
            "SELECT l.id, s.error FROM lrs_sent s JOIN xapi_log l ON l.n = s.n WHERE s.lrs=? AND "
            "s.status='failed' ORDER BY s.time DESC LIMIT 20", (lrs,))]
        return LrsState(lrs, rows.get("queued", 0), rows.get("sent", 0), rows.get("failed", 0),
                        st[0], st[1], st[2], st[3], st[4], errors)

    def lrs_forget(self, lrs: str) -> None:
        """Remove what the store knows of an LRS (when it is removed from the settings)."""
        with self.transaction() as c:
            c.execute("DELETE FROM lrs_sent WHERE lrs=?", (lrs,))
            c.execute("DELETE FROM lrs_state WHERE lrs=?", (lrs,))

    # -- settings ------------------------------------------------------------------
    @_reads
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                      (key, value))

    def delete_setting(self, key: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM settings WHERE key=?", (key,))

    @_reads
    def settings_with_prefix(self, prefix: str) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM settings WHERE substr(key, 1, ?)=?",
                                      (len(prefix), prefix)).fetchall())

    def integrity_ok(self) -> bool:
        try:
            return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:  # damaged beyond checking
            return False

    # -- joining that cannot be abused, one writer per run (schema 4, joinsafe) ----------
    # leases
    @staticmethod
    def _live(held: LeaseRecord | None, t: float) -> bool:
        """A lease still in force: not expired, and its window's process not known to be
        gone (an owner id ``...@host:pid`` of this machine whose process has ended: a
        window killed or crashed frees its runs at once, not after the lease's time)."""
        return held is not None and held.expires > t and owner_alive(held.owner)

    @staticmethod
    def _lease_row(c: sqlite3.Connection, run_id: str) -> LeaseRecord | None:
        row = c.execute("SELECT run_id, owner, label, heartbeat, expires FROM run_leases "
                        "WHERE run_id=?", (run_id,)).fetchone()
        return LeaseRecord(*row) if row else None

    def _check_lease(self, c: sqlite3.Connection, run_id: str, owner: str | None,
                     ttl: float = LEASE_TTL) -> None:
        """Inside a write: refuse when another window's live lease is on the run, and renew
        ``owner``'s (taking the run again when its lease had expired unclaimed)."""
        held = self._lease_row(c, run_id)
        t = time.time()
        if held is not None and held.owner != owner and self._live(held, t):
            raise LeaseLost(Msg("storage.lease_lost"), held)
        if owner is not None:
            c.execute("INSERT INTO run_leases (run_id, owner, label, heartbeat, expires) "
                      "SELECT ?,?,?,?,? WHERE EXISTS (SELECT 1 FROM runs WHERE id=?) "
                      "ON CONFLICT(run_id) DO UPDATE SET owner=excluded.owner, "
                      "heartbeat=excluded.heartbeat, expires=excluded.expires",
                      (run_id, owner, held.label if held and held.owner == owner else "", t,
                       t + ttl, run_id))

    def claim_run(self, run_id: str, owner: str, *, label: str = "", ttl: float = LEASE_TTL,
                  take_over: bool = False) -> LeaseRecord | None:
        """Open a run for writing in the window ``owner``: None when it is this window's
        now; else the other window's live lease, and nothing changed (unless
        ``take_over``: then that window's saves are refused from now on)."""
        t = time.time()
        with self.transaction() as c:
            held = self._lease_row(c, run_id)
            if held is not None and held.owner != owner and self._live(held, t) and not take_over:
                return held
            if c.execute("SELECT 1 FROM runs WHERE id=?", (run_id,)).fetchone() is None:
                raise StoreError(Msg("storage.no_run", run=run_id))
            c.execute("INSERT INTO run_leases (run_id, owner, label, heartbeat, expires) "
                      "VALUES (?,?,?,?,?) ON CONFLICT(run_id) DO UPDATE SET "
                      "owner=excluded.owner, label=excluded.label, "
                      "heartbeat=excluded.heartbeat, expires=excluded.expires",
                      (run_id, owner, label, t, t + ttl))
        return None

    def renew_lease(self, run_id: str, owner: str, *, ttl: float = LEASE_TTL) -> bool:
        """The heartbeat of a window with a run open: False when another window has
        taken the run over (this one must stop saving)."""
        t = time.time()
        with self.transaction() as c:
            held = self._lease_row(c, run_id)
            if held is not None and held.owner != owner and self._live(held, t):
                return False
            if held is None or held.owner != owner:  # expired and nobody took it: take it again
                if c.execute("SELECT 1 FROM runs WHERE id=?", (run_id,)).fetchone() is None:
                    return False
                c.execute("INSERT INTO run_leases (run_id, owner, label, heartbeat, expires) "
                          "VALUES (?,?,?,?,?) ON CONFLICT(run_id) DO UPDATE SET "
                          "owner=excluded.owner, heartbeat=excluded.heartbeat, "
                          "expires=excluded.expires",
                          (run_id, owner, held.label if held else "", t, t + ttl))
            else:
                c.execute("UPDATE run_leases SET heartbeat=?, expires=? WHERE run_id=?",
                          (t, t + ttl, run_id))
        return True

    def release_lease(self, run_id: str, owner: str) -> None:
        """The window closes the run: another may open it at once."""
        with self.transaction() as c:
            c.execute("DELETE FROM run_leases WHERE run_id=? AND owner=?", (run_id, owner))

    @_reads
    def lease_of(self, run_id: str) -> LeaseRecord | None:
        """The run's live lease (None when no window has it open)."""
        held = self._lease_row(self.conn, run_id)
        return held if self._live(held, time.time()) else None

    # the join log
    def log_join(self, session_id: str | None, event: str, *, tab: str = "", address: str = "",
                 name: str = "", participant_id: str | None = None) -> None:
        with self.transaction() as c:
            self._log_join(c, session_id, event, tab=tab, address=address, name=name,
                           participant_id=participant_id)

    @staticmethod
    def _log_join(c: sqlite3.Connection, session_id: str | None, event: str, *, tab: str = "",
                  address: str = "", name: str = "", participant_id: str | None = None) -> None:
        c.execute("INSERT INTO join_log (session_id, time, event, tab, address, name, "
                  "participant_id) VALUES (?,?,?,?,?,?,?)",
                  (session_id, now(), event, tab, address, name, participant_id))

    @_reads
    def join_log(self, session_id: str | None, *, limit: int = 200,
                 unbound: bool = True) -> list[JoinLogRecord]:
        """The latest joins and failed attempts of a session, newest first (``unbound``:
        with the attempts that named no session, such as wrong codes outside a serve)."""
        where = "session_id=?" + (" OR session_id IS NULL" if unbound else "")
        return [JoinLogRecord(*r) for r in self.conn.execute(
            "SELECT id, session_id, time, event, tab, address, name, participant_id FROM "
            f"join_log WHERE {where} ORDER BY id DESC LIMIT ?", (session_id, limit))]

    @staticmethod
    def _forget_joins(c: sqlite3.Connection, *, session_id: str | None = None,
                      participant_id: str | None = None) -> None:
        """Erase the join log (names typed included) of a session or a participant."""
        if session_id is not None:
            c.execute("DELETE FROM join_log WHERE session_id=?", (session_id,))
            c.execute("DELETE FROM join_throttle WHERE session_id=?", (session_id,))
        if participant_id is not None:
            row = c.execute("SELECT session_id, name_key FROM participants WHERE id=?",
                            (participant_id,)).fetchone()
            c.execute("DELETE FROM join_log WHERE participant_id=?", (participant_id,))
            if row is not None:  # attempts under the same name (refused look-alikes stay)
                names = [n for (n,) in c.execute(
                    "SELECT DISTINCT name FROM join_log WHERE session_id=? AND name != ''",
                    (row[0],))]
                from .names import look_key

                gone = [n for n in names if look_key(n) == look_key(row[1])]
                c.executemany("DELETE FROM join_log WHERE session_id=? AND name=?",
                              [(row[0], n) for n in gone])

    # the throttle of wrong codes
    def note_failure(self, scopes: list[str], session_id: str | None,
                     policy: Callable[[int, float], tuple[float, float]], *,
                     window: float) -> tuple[float, float]:
        """One more wrong code from each scope: ``policy(failures, now)`` gives the scope's
        (wait until, locked until); a count older than ``window`` seconds starts again.
        Returns the latest of each over the scopes."""
        t = time.time()
        wait = locked = 0.0
        with self.transaction() as c:
            for scope in scopes:
                row = c.execute("SELECT failures, first, locked_until FROM join_throttle "
                                "WHERE scope=?", (scope,)).fetchone()
                if row is None or (t - row[1] > window and row[2] <= t):
                    failures, first = 1, t
                else:
                    failures, first = row[0] + 1, row[1]
                w, lk = policy(failures, t)
                c.execute("INSERT INTO join_throttle (scope, session_id, failures, first, last, "
                          "wait_until, locked_until) VALUES (?,?,?,?,?,?,?) ON CONFLICT(scope) "
                          "DO UPDATE SET session_id=excluded.session_id, "
                          "failures=excluded.failures, first=excluded.first, "
                          "last=excluded.last, wait_until=excluded.wait_until, "
                          "locked_until=max(join_throttle.locked_until, excluded.locked_until)",
                          (scope, session_id, failures, first, t, w, lk))
                wait, locked = max(wait, w), max(locked, lk)
        return wait, locked

    @_reads
    def throttle(self, scopes: list[str]) -> tuple[float, float]:
        """(wait until, locked until) over these scopes (0 when free)."""
        if not scopes:
            return 0.0, 0.0
        row = self.conn.execute("SELECT max(wait_until), max(locked_until) FROM join_throttle "
                                f"WHERE scope IN ({','.join('?' * len(scopes))})",
                                scopes).fetchone()
        return float(row[0] or 0.0), float(row[1] or 0.0)

    def clear_throttle(self, scopes: list[str], *, keep_locks: bool = True) -> None:
        """The right code was given: the count of these scopes starts again (a lockout
        stays until it ends or the trainer lifts it, unless not ``keep_locks``)."""
        with self.transaction() as c:
            for scope in scopes:
                if keep_locks:
                    c.execute("DELETE FROM join_throttle WHERE scope=? AND locked_until<=?",
                              (scope, time.time()))
                else:
                    c.execute("DELETE FROM join_throttle WHERE scope=?", (scope,))

    @_reads
    def throttled(self, session_id: str | None, *, unbound: bool = True) -> list[ThrottleRecord]:
        """The tabs and addresses held back now (waiting or locked out), latest first."""
        where = "(session_id=?" + (" OR session_id IS NULL)" if unbound else ")")
        t = time.time()
        return [ThrottleRecord(*r) for r in self.conn.execute(
            "SELECT scope, session_id, failures, first, last, wait_until, locked_until FROM "
            f"join_throttle WHERE {where} AND (wait_until>? OR locked_until>?) "
            "ORDER BY last DESC", (session_id, t, t))]

    def lift_lockout(self, scope: str) -> bool:
        with self.transaction() as c:
            return c.execute("DELETE FROM join_throttle WHERE scope=?", (scope,)).rowcount == 1

    # resume tokens (only their hash is kept)
    def set_token(self, participant_id: str, token_hash: str) -> None:
        """The participant's resume token from now on (the one before no longer works)."""
        with self.transaction() as c:
            c.execute("INSERT INTO participant_tokens (participant_id, token_hash, issued) "
                      "VALUES (?,?,?) ON CONFLICT(participant_id) DO UPDATE SET "
                      "token_hash=excluded.token_hash, issued=excluded.issued",
                      (participant_id, token_hash, now()))

    @_reads
    def participant_by_token(self, token_hash: str) -> ParticipantRecord | None:
        row = self.conn.execute(
            "SELECT p.id, p.session_id, p.name, p.joined, p.seen, p.holder FROM participants p "
            "JOIN participant_tokens k ON k.participant_id = p.id WHERE k.token_hash=?",
            (token_hash,)).fetchone()
        return _participant(row) if row else None

    def take_seat(self, participant_id: str, holder: str) -> None:
        """This tab holds the participant's seat now (a resumed or approved tab)."""
        with self.transaction() as c:
            c.execute("UPDATE participants SET seen=?, holder=? WHERE id=?",
                      (now(), holder, participant_id))

    # take-overs waiting for the trainer
    def request_takeover(self, session_id: str, participant_id: str, tab: str,
                         address: str = "") -> str:
        """A tab asks to continue as this participant (one pending request per tab and
        participant); returns the request's id."""
        with self.transaction() as c:
            row = c.execute("SELECT id FROM takeover_requests WHERE participant_id=? AND tab=? "
                            "AND state='pending'", (participant_id, tab)).fetchone()
            if row is not None:
                return str(row[0])
            rid = uuid.uuid4().hex[:10]
            c.execute("INSERT INTO takeover_requests (id, session_id, participant_id, tab, "
                      "address, requested) VALUES (?,?,?,?,?,?)",
                      (rid, session_id, participant_id, tab, address, now()))
            return rid

    @_reads
    def takeover(self, request_id: str) -> TakeoverRecord | None:
        row = self.conn.execute("SELECT id, session_id, participant_id, tab, address, "
                                "requested, state, decided FROM takeover_requests WHERE id=?",
                                (request_id,)).fetchone()
        return TakeoverRecord(*row) if row else None

    @_reads
    def takeovers(self, session_id: str, state: str = "pending") -> list[TakeoverRecord]:
        return [TakeoverRecord(*r) for r in self.conn.execute(
            "SELECT id, session_id, participant_id, tab, address, requested, state, decided "
            "FROM takeover_requests WHERE session_id=? AND state=? ORDER BY requested, id",
            (session_id, state))]

    def decide_takeover(self, request_id: str, state: str, *, was: str = "pending") -> bool:
        """Move a request from ``was`` to ``state`` (approved, refused, done, cancelled)."""
        with self.transaction() as c:
            return c.execute("UPDATE takeover_requests SET state=?, decided=? WHERE id=? AND "
                             "state=?", (state, now(), request_id, was)).rowcount == 1


# -- storesafe: damaged stores, private files, erasure that is verified (issue 15.4) ------

class DamagedStore(StoreError):
    """The file is damaged, or no database at all (SQLite's own check says so). Nothing is
    written into it; :func:`set_aside` keeps it for recovery so a fresh store can begin."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(Msg("storage.damaged_store", path=str(path)))
        self.path = Path(path)


THOROUGH_CHECK_BYTES = 64 * 1024 * 1024  # integrity_check below this (about 5 ms per MB)


def check_health(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`DamagedStore` unless SQLite's check finds the file sound:
    ``integrity_check`` (which also matches indexes with their rows) for stores up to
    :data:`THOROUGH_CHECK_BYTES`, ``quick_check`` for larger ones."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    pragma = "integrity_check(1)" if size <= THOROUGH_CHECK_BYTES else "quick_check(1)"
    try:
        row = conn.execute(f"PRAGMA {pragma}").fetchone()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            return  # another process writes: not a sign of damage
        raise  # an I/O error, a full disk ...: the caller explains it
    except sqlite3.DatabaseError:
        raise DamagedStore(path) from None
    if not row or row[0] != "ok":
        raise DamagedStore(path)


def diagnose(store: Store, err: sqlite3.Error) -> StoreError:
    """The error as a message; when SQLite's message leaves the cause open, the file is
    checked, so a damaged store says so (and is then never written into)."""
    explained = _explain(err, store.path)
    if isinstance(explained, DamagedStore) or explained.msg is None \
            or explained.msg.key != "storage.unusable":
        return explained
    try:
        check_health(store.conn, store.path)
    except DamagedStore as damaged:
        return damaged
    except sqlite3.Error:
        pass
    return explained


@contextmanager
def private_files() -> Iterator[None]:
    """Folders and files made inside are for this user only (0700 / 0600): names and
    results are personal data. (SQLite gives -wal and -shm the mode of the store.)"""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def set_aside(path: str | Path) -> Path:
    """Rename a damaged store (with its -wal) to ``sovsim-damaged-<time>.db`` beside it,
    for recovery; a fresh store can then be made at ``path``. Returns the new name."""
    path = Path(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}-damaged-{stamp}-{n}{path.suffix}")
    try:
        path.rename(target)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            wal.rename(target.with_name(target.name + "-wal"))
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
    except OSError as err:
        raise StoreError(Msg("storage.cannot_set_aside", path=str(path),
                             detail=str(err.strerror or err))) from None
    return target


def traces(path: str | Path, needles: Iterable[str]) -> dict[str, list[str]]:
    """Which of ``needles`` (names, ids) are still anywhere in the raw bytes of the store
    and of its write-ahead log: file name -> the needles found there."""
    path = Path(path)
    wanted = [n for n in dict.fromkeys(needles) if n]
    found: dict[str, list[str]] = {}
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            continue
        hits = [n for n in wanted if n.encode("utf-8") in data]
        if hits:
            found[file.name] = hits
    return found


def checkpoint(store: Store) -> bool:
    """Copy the write-ahead log into the store and empty it (TRUNCATE); False while another
    process still reads an older state (it must close first)."""
    store.conn.execute("PRAGMA busy_timeout = 200")
    try:
        busy, _, _ = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            return False
        raise _explain(err, store.path) from None
    finally:
        store.conn.execute(f"PRAGMA busy_timeout = {int(store.timeout * 1000)}")
    return busy == 0


def vacuum(store: Store) -> None:
    """Rebuild the store file without free pages, so nothing deleted is left in it."""
    try:
        store.conn.execute("VACUUM")
    except sqlite3.Error as err:
        raise _explain(err, store.path) from None


def fresh_store(damaged: DamagedStore) -> tuple[Store, Path]:
    """Set the damaged store aside (:func:`set_aside`) and open a fresh one in its place:
    (the new store, where the damaged file is kept)."""
    kept = set_aside(damaged.path)
    return Store(damaged.path), kept
