"""SQLite store of runs and their per-decision events (and, later, group sessions).

Every write is one transaction, so a save is all or nothing; WAL mode and a busy
timeout let many processes write to one file. A run's row holds its latest
snapshot; ``events`` holds one row per decision, keyed (run, seq) so a retried
write can never double an event.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

SCHEMA_VERSION = 1
T = TypeVar("T")
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


class StoreError(Exception):
    """The store cannot be used (read-only, full disk, damaged, foreign); the message says why."""


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
    snapshot: dict[str, Any]


def _nearly_full(folder: Path) -> bool:
    """Too little room left for SQLite's shared-memory and log files (a full disk shows
    as a plain I/O error when a store is opened)."""
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _explain(err: sqlite3.Error, path: Path) -> StoreError:
    text = str(err).lower()
    if "readonly" in text or "read-only" in text:
        return StoreError(f"the data folder {path.parent} is read-only; progress cannot be saved")
    if "full" in text or ("disk i/o error" in text and _nearly_full(path.parent)):
        return StoreError(f"the disk holding {path.parent} is full; progress cannot be saved")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"{path} is not a sovsim store or is damaged")
    if "unable to open" in text:
        if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
            # a WAL store needs its folder writable even to be read (its -shm file)
            return StoreError(f"the data folder {path.parent} is read-only; progress cannot "
                              "be saved")
        return StoreError(f"cannot open {path}: check that the folder exists and may be written")
    return StoreError(f"the store at {path} could not be used: {err}")


def _reads(fn: Callable[..., T]) -> Callable[..., T]:
    """A read of the store: SQLite's errors (a damaged file, a full disk) come out as
    :class:`StoreError` with a message, like those of writes."""

    @functools.wraps(fn)
    def read(self: Store, *args: Any, **kwargs: Any) -> T:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise _explain(err, self.path) from None

    return read


def _json(text: Any, default: Any) -> Any:
    """A JSON column's value; ``default`` when the row is damaged."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return default


class Store:
    """One SQLite file; safe to open from many processes at once."""

    def __init__(self, path: str | Path | None = None, *, timeout: float = 30.0) -> None:
        if path is None:
            path = default_dir() / DB_NAME
        self.path = Path(path)
        if self.path.is_dir() or self.path.suffix.lower() not in (".db", ".sqlite", ".sqlite3"):
            self.path = self.path / DB_NAME  # a folder, existing or to be made
        self.timeout = timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the data folder {self.path.parent}: "
                             f"{err.strerror or err}") from None
        try:
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
            raise StoreError(f"{self.path} is an SQLite file of another program, not a sovsim store")
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            self._retry(lambda: self.conn.execute("PRAGMA journal_mode=WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")
        with self.transaction() as c:
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            row = c.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                c.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif not str(row[0]).isdigit():
                raise StoreError(f"{self.path} is not a sovsim store or is damaged")
            elif int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was made by a newer sovsim; update sovsim")

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
            raise _explain(err, self.path) from None

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
        run_id = run_id or uuid.uuid4().hex[:12]
        t = now()
        with self.transaction() as c:
            c.execute(
                "INSERT INTO runs (id, scenario_id, scenario_version, scenario_path, content_hash, "
                "mode, lang, person, session_id, started, updated, snapshot) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (run_id, snapshot["scenario"], snapshot["version"], scenario_path,
                 snapshot.get("content_hash", ""), mode, lang, person, session_id, t, t,
                 json.dumps(snapshot)),
            )
        return run_id

    def save_step(self, run_id: str, snapshot: dict[str, Any], *, finished: bool = False,
                  outcome: str | None = None, ending: str | None = None) -> None:
        """Store the run's new snapshot and its decisions not yet logged, in one transaction."""
        history = snapshot.get("history", [])
        with self.transaction() as c:
            done = c.execute("SELECT COALESCE(MAX(seq), 0) FROM events WHERE run_id=?",
                             (run_id,)).fetchone()[0]
            if done > len(history):  # an undo: drop the events taken back
                c.execute("DELETE FROM events WHERE run_id=? AND seq>?", (run_id, len(history)))
                done = len(history)
            for seq in range(done + 1, len(history) + 1):
                step = history[seq - 1]
                c.execute(
                    "INSERT OR IGNORE INTO events (run_id, seq, kind, scenario_id, scenario_version,"
                    " node, choice, target, scores, changes, time) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (run_id, seq, "choice", snapshot["scenario"], snapshot["version"], step["node"],
                     step["choice"], step["target"], json.dumps(step["scores"]),
                     json.dumps(step["changes"]), step["time"]),
                )
            cur = c.execute(
                "UPDATE runs SET snapshot=?, updated=?, finished=?, outcome=?, ending=? WHERE id=?",
                (json.dumps(snapshot), now(), int(finished), outcome, ending, run_id),
            )
            if cur.rowcount != 1:
                raise StoreError(f"there is no run {run_id!r} in the store")

    def end_run(self, run_id: str, outcome: str) -> None:
        """Mark a run as ended without touching its snapshot or events (e.g. ``abandoned``)."""
        with self.transaction() as c:
            cur = c.execute("UPDATE runs SET finished=1, outcome=?, updated=? WHERE id=?",
                            (outcome, now(), run_id))
            if cur.rowcount != 1:
                raise StoreError(f"there is no run {run_id!r} in the store")

    @_reads
    def get_run(self, run_id: str) -> RunRecord | None:
        row = self.conn.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        return self._record(row) if row else None

    def _record(self, row: sqlite3.Row | tuple[Any, ...]) -> RunRecord:
        cols = [d[0] for d in self.conn.execute("SELECT * FROM runs LIMIT 0").description]
        d = dict(zip(cols, row, strict=True))
        snap = _json(d["snapshot"], {})
        if not isinstance(snap, dict) or not isinstance(snap.get("history", []), list):
            snap = {}  # damaged: it will not resume, and says so
        return RunRecord(d["id"], d["scenario_id"], d["scenario_version"], d["scenario_path"],
                         d["mode"], d["lang"], d["person"], d["session_id"], d["started"],
                         d["updated"], bool(d["finished"]), d["outcome"], d["ending"], snap)

    @_reads
    def runs(self, *, finished: bool | None = None, scenario_id: str | None = None,
             session_id: str | None = None, person: str | None = None,
             limit: int = 1000) -> list[RunRecord]:
        where, args = [], []
        if finished is not None:
            where.append("finished=?")
            args.append(int(finished))
        for col, val in (("scenario_id", scenario_id), ("session_id", session_id), ("person", person)):
            if val is not None:
                where.append(f"{col}=?")
                args.append(val)
        sql = "SELECT * FROM runs" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY updated DESC LIMIT ?"
        return [self._record(r) for r in self.conn.execute(sql, (*args, limit))]

    @_reads
    def last_unfinished(self, session_id: str | None = None) -> RunRecord | None:
        runs = self.runs(finished=False, session_id=session_id, limit=1)
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
        out = []
        for r in self.conn.execute(sql, args):
            out.append({"run_id": r[0], "seq": r[1], "kind": r[2], "scenario_id": r[3],
                        "scenario_version": r[4], "node": r[5], "choice": r[6], "target": r[7],
                        "scores": _json(r[8], {}), "changes": _json(r[9], {}), "time": r[10]})
        return out

    def delete_run(self, run_id: str) -> bool:
        with self.transaction() as c:
            c.execute("DELETE FROM events WHERE run_id=?", (run_id,))
            return c.execute("DELETE FROM runs WHERE id=?", (run_id,)).rowcount == 1

    # -- settings ------------------------------------------------------------------
    @_reads
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                      (key, value))

    def integrity_ok(self) -> bool:
        try:
            return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:  # damaged beyond checking
            return False
