"""``sovsim session create|list|close`` and ``sovsim data export|delete``.

The ``data`` commands are for whoever keeps the store file (the data controller's
side): they need no trainer code, so that a person's data can always be handed
over or erased, also when a trainer code is lost. Deleting asks first unless --yes.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..clitools import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    bundled_dir,
    cli_lang,
    load_rubric_or_exit,
    print_problems,
)
from ..problemtext import Msg
from ..textsafe import shown_path

TRAINER_CODE_ENV = "SOVSIM_TRAINER_CODE"


def open_store(args: argparse.Namespace) -> Any:
    """The store; a StoreError (damaged, a folder, read-only) is told by the command line
    in the user's language (sim.cli)."""
    from ..store import Store

    data_dir = getattr(args, "data_dir", None)
    return Store(Path(data_dir) if data_dir else None)


def resolve_scenario(name: str, dimensions: list[str]) -> Path:
    """``name`` itself when it is a file, else the bundled scenario with that id."""
    path = Path(name)
    if path.is_file():
        return path
    candidate = bundled_dir() / f"{name}.yaml"
    if candidate.is_file():
        return candidate
    known = ", ".join(sorted(p.stem for p in bundled_dir().glob("*.yaml"))) or "(none)"
    raise UsageError(f"no scenario file or bundled scenario {name!r}; bundled: {known}")


def load_scenarios(names: list[str], rubric: Any, lang: str = "nl") -> list[Any]:
    """Load scenario files or bundled ids; problems printed and exit 1 when one is broken."""
    from ..errors import ContentError
    from ..loader import load_scenario

    out = []
    for name in names:
        path = resolve_scenario(name, rubric.dimension_ids())
        try:
            out.append(load_scenario(path, rubric.dimension_ids()))
        except ContentError as err:
            print(f"sovsim: {shown_path(path)} cannot be used; fix these problems first:",
                  file=sys.stderr)
            print_problems(err.problems, lang, sys.stderr, prefix="  - ")
            raise SystemExit(EXIT_PROBLEMS) from None
    ids = [s.id for s in out]
    if len(set(ids)) != len(ids):
        raise UsageError("the same scenario is named twice")
    return out


def find_session_or_exit(store: Any, session_id: str, kind: str | None = None) -> Any:
    from ..sessions import find_session

    rec = find_session(store, session_id)
    if rec is None or (kind and rec.kind != kind):
        what = f"{kind} session" if kind else "session"
        raise UsageError(f"there is no {what} {session_id!r}; see 'sovsim session list'")
    return rec


def ask_trainer_code(args: argparse.Namespace) -> str:
    """The trainer code: --trainer-code, else $SOVSIM_TRAINER_CODE, else asked (not echoed)."""
    code = getattr(args, "trainer_code", None) or os.environ.get(TRAINER_CODE_ENV)
    if code:
        return code
    if not sys.stdin.isatty():
        raise UsageError(f"the trainer code is needed: give --trainer-code or set {TRAINER_CODE_ENV}")
    try:
        return getpass.getpass("Trainer code: ")
    except EOFError:
        raise UsageError("the trainer code is needed") from None


# --- session ------------------------------------------------------------------------------

def cmd_session_create(args: argparse.Namespace) -> int:
    from ..sessions import create_session, format_code

    rubric = load_rubric_or_exit(getattr(args, "rubric", None), args)
    scenarios = load_scenarios(args.scenarios, rubric, cli_lang(args))
    with open_store(args) as store:
        made = create_session(store, scenarios, kind="live", mode=args.mode,
                              title=args.title or "", lang=getattr(args, "lang", None) or "nl")
    print(f"Session {made.session.id} created ({args.mode} mode): "
          + ", ".join(s.id for s in scenarios))
    print(f"  Join code (for the trainees):   {format_code(made.join_code or '')}")
    print(f"  Trainer code (for you only):    {format_code(made.trainer_code or '')}")
    print("Write the trainer code down now: sovsim keeps only a hash of it and cannot show it "
          "again.")
    print(f"Next: sovsim serve --session {made.session.id}   and   "
          f"sovsim dashboard {made.session.id}")
    return EXIT_OK


def cmd_session_list(args: argparse.Namespace) -> int:
    from ..sessions import format_code

    with open_store(args) as store:
        sessions = store.sessions()
        if not sessions:
            print("No sessions yet. Make one with: sovsim session create SCENARIO")
            return EXIT_OK
        for s in sessions:
            people = len(store.participants(s.id))
            runs = len(store.runs(session_id=s.id, limit=1_000_000))
            state = f"closed {s.closed[:16].replace('T', ' ')}" if s.closed else "open"
            code = f"join code {format_code(s.join_code)}" if s.join_code else "plenary"
            title = f" {s.title!r}" if s.title else ""
            print(f"{s.id}{title}  {s.kind}  {state}  {code}  "
                  f"created {s.created[:16].replace('T', ' ')}  "
                  f"{people} participant{'s' if people != 1 else ''}, {runs} run"
                  f"{'s' if runs != 1 else ''}  scenarios: "
                  + ", ".join(ref["id"] for ref in s.scenarios))
            if s.kind == "live":
                _join_summary(store, s.id, cli_lang(args))
    return EXIT_OK


def _join_summary(store: Any, session_id: str, lang: str) -> None:
    """One line under a session in ``session list`` when joining needs the trainer's eye."""
    from ..groupui.joins import recent_failures
    from ..groupui.strings import t

    counts = (("group.cli.waiting", len(store.takeovers(session_id))),
              ("group.cli.held", len(store.throttled(session_id, unbound=False))),
              ("group.cli.failed", recent_failures(store.join_log(session_id, unbound=False))))
    parts = [t(key, lang, n=n) for key, n in counts if n]
    if parts:
        print("    " + "; ".join(parts) + f"  (sovsim session log {session_id})")


def cmd_session_log(args: argparse.Namespace) -> int:
    """Joins and failed attempts of a session, tabs held back, take-overs waiting."""
    from ..groupui.joins import held_text, log_line
    from ..sessions import AccessDenied, open_as_trainer

    lang = cli_lang(args)
    with open_store(args) as store:
        rec = find_session_or_exit(store, args.session, "live")
        try:
            trainer = open_as_trainer(store, rec.id, ask_trainer_code(args))
        except AccessDenied as err:
            print(f"sovsim: {err}", file=sys.stderr)
            return EXIT_PROBLEMS
        from ..groupui.strings import t

        pending = trainer.pending_takeovers()
        held = trainer.held_back()
        log = trainer.join_log(limit=args.limit)
    print(t("group.takeovers.title", lang) + ":")
    for req, name in pending:
        print(f"  {name} ({req.requested[:19].replace('T', ' ')})")
    if not pending:
        print("  " + t("group.takeovers.none", lang))
    print(t("group.joins.locked_head", lang) + ":")
    for h in held:
        print("  " + held_text(h, lang))
    if not held:
        print("  " + t("group.joins.none_locked", lang))
    print(t("group.joins.log_head", lang) + ":")
    for line in log:
        print("  " + log_line(line, lang))
    if not log:
        print("  " + t("group.joins.empty", lang))
    return EXIT_OK


def cmd_session_close(args: argparse.Namespace) -> int:
    from ..sessions import AccessDenied, open_as_trainer

    with open_store(args) as store:
        rec = find_session_or_exit(store, args.session, "live")
        try:
            trainer = open_as_trainer(store, rec.id, ask_trainer_code(args))
        except AccessDenied as err:
            print(f"sovsim: {err}", file=sys.stderr)
            return EXIT_PROBLEMS
        if not trainer.close():
            print(f"Session {rec.id} was closed already.")
            return EXIT_OK
    print(f"Session {rec.id} closed: nobody new can join, and every trainee's debrief now shows "
          "how the group chose at their key moments.")
    return EXIT_OK


# --- data ---------------------------------------------------------------------------------

def _select(store: Any, args: argparse.Namespace) -> tuple[list[Any], list[Any]]:
    """(sessions, participants) the --session / --person options select."""
    from ..sessions import name_key

    if not args.session and not args.person:
        raise UsageError("say whose data: --session ID, --person NAME, or both")
    sessions = [find_session_or_exit(store, args.session)] if args.session else store.sessions()
    people = []
    if args.person:
        key = name_key(args.person)
        for s in sessions:
            people += [p for p in store.participants(s.id) if name_key(p.name) == key]
        if not people:
            where = f" in session {sessions[0].id}" if args.session else ""
            raise UsageError(f"nobody called {args.person!r}{where}")
        sessions = [s for s in sessions if any(p.session_id == s.id for p in people)]
    return sessions, people


def export_data(store: Any, sessions: list[Any], people: list[Any]) -> dict[str, Any]:
    """Everything stored about the sessions (or only the people) selected, as plain data."""
    from ..sessions import format_code
    from ..xapi import pseudonym

    chosen = {p.id for p in people}
    out: dict[str, Any] = {"format": "sovsim-export-1", "sessions": []}
    # once learning records were built (an LRS or an xAPI export), the account under which
    # a person's records are known there, so an LRS's administrator can find them
    secret = store.get_setting("xapi:secret")
    for s in sessions:
        parts = [p for p in store.participants(s.id) if not chosen or p.id in chosen]
        runs = store.runs(session_id=s.id, limit=1_000_000)
        if chosen:
            runs = [r for r in runs if r.person in chosen]
        run_ids = {r.id for r in runs}
        item: dict[str, Any] = {
            "id": s.id, "kind": s.kind, "title": s.title, "mode": s.mode, "lang": s.lang,
            "scenarios": [ref["id"] for ref in s.scenarios],
            "join_code": format_code(s.join_code) if s.join_code else None,
            "created": s.created, "closed": s.closed,
            "participants": [{"id": p.id, "name": p.name, "joined": p.joined, "seen": p.seen,
                              **({"xapi_account": "p-" + pseudonym(secret, f"participant/{p.id}")}
                                 if secret else {})}
                             for p in parts],
            "runs": [{"id": r.id, "participant": r.person, "scenario": r.scenario_id,
                      "scenario_version": r.scenario_version, "mode": r.mode, "lang": r.lang,
                      "started": r.started, "updated": r.updated, "finished": r.finished,
                      "outcome": r.outcome, "ending": r.ending, "snapshot": r.snapshot}
                     for r in sorted(runs, key=lambda r: (r.started, r.id))],
            "events": [e for e in store.session_events(s.id) if e["run_id"] in run_ids],
        }
        if s.kind == "plenary" and not chosen:
            item["branches"] = [{"run": b.run_id, "parent": b.parent_run, "fork_at": b.fork_at,
                                 "label": b.label, "created": b.created}
                                for b in store.branches(s.id)]
            item["votes"] = {r.id: {str(k): v for k, v in store.votes(r.id).items()}
                             for r in runs}
            item["bookmarks"] = [{"run": b[0], "decision": b[1], "label": b[2]}
                                 for b in store.bookmarks(s.id)]
        out["sessions"].append(item)
    return out


def cmd_data_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        sessions, people = _select(store, args)
        data = export_data(store, sessions, people)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        n = sum(len(s["runs"]) for s in data["sessions"])
        print(f"Exported {len(data['sessions'])} session(s), {n} run(s) to {args.output}",
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_data_delete(args: argparse.Namespace) -> int:
    if args.finish:
        return _finish_erasure(args)
    with open_store(args) as store:
        sessions, people = _select(store, args)
        if people:
            lines = []
            for p in people:
                n = len([r for r in store.runs(session_id=p.session_id, limit=1_000_000)
                         if r.person == p.id])
                lines.append(f"  {p.name!r} in session {p.session_id}: {n} run(s)")
            what = "these people and their runs"
        else:
            lines = [f"  session {s.id} ({s.kind}{', ' + repr(s.title) if s.title else ''}): "
                     f"{len(store.participants(s.id))} participant(s), "
                     f"{len(store.runs(session_id=s.id, limit=1_000_000))} run(s)"
                     for s in sessions]
            what = "these sessions with everyone's names and runs"
        print(f"This deletes {what} for good:", file=sys.stderr)
        for line in lines:
            print(line, file=sys.stderr)
        if not args.yes:
            print("Delete? Type yes to confirm: ", end="", file=sys.stderr, flush=True)
            answer = sys.stdin.readline().strip().lower()
            if answer not in ("yes", "y", "ja", "j"):
                print("Nothing deleted (type yes, or give --yes).", file=sys.stderr)
                return EXIT_PROBLEMS
        lang = cli_lang(args)
        # nothing is deleted while another program still reads an older state of the file:
        # its copy of the pages would keep the names until it closes
        if not _wait_for_readers(store, args.wait, lang):
            print(Msg("data.readers_nothing_deleted", wait=args.wait).text(lang),
                  file=sys.stderr)
            return EXIT_PROBLEMS
        targets = erasure_targets(store, sessions, people)
        runs = 0
        if people:
            for p in people:
                runs += store.delete_participant(p.id)
            done = f"Deleted {len(people)} participant(s) and {runs} run(s)."
        else:
            for s in sessions:
                runs += store.delete_session(s.id)
            done = f"Deleted {len(sessions)} session(s) and {runs} run(s)."
        left = _erase_for_good(store, targets.needles, args.wait, lang)
        if left:
            print(Msg("data.not_erased", files=", ".join(sorted(left)),
                      what=", ".join(sorted({n for hits in left.values() for n in hits}))
                      ).text(lang), file=sys.stderr)
            return EXIT_PROBLEMS
        print(done)
        print(targets.report(store.path, lang))
    return EXIT_OK


@dataclass
class ErasureTargets:
    """What a deletion removes: the rows it counts and the strings that must be gone from
    the files afterwards (``needles``: ids, names and their name keys)."""

    people: list[str]
    sessions: list[str]
    runs: list[str]
    events: int
    needles: list[str]
    shared_names: list[str]  # also the name of someone kept: checked by id only

    def report(self, path: Path, lang: str) -> str:
        names = ", ".join(repr(n) for n in self.people) or "-"
        text = Msg("data.erased", people=len(self.people), names=names,
                   sessions=len(self.sessions), runs=len(self.runs), events=self.events,
                   db=shown_path(path.name), wal=shown_path(path.name + "-wal")).text(lang)
        if self.shared_names:
            text += "\n" + Msg("data.shared_names",
                               names=", ".join(repr(n) for n in self.shared_names)).text(lang)
        return text


def erasure_targets(store: Any, sessions: list[Any], people: list[Any]) -> ErasureTargets:
    """The rows and strings the deletion of ``people`` (or else of ``sessions``) removes."""
    conn = store.conn
    if people:
        pids = [p.id for p in people]
        chosen_sessions: list[str] = []
        runs = [r for p in people for (r,) in conn.execute(
            "SELECT id FROM runs WHERE person=? AND session_id=?", (p.id, p.session_id))]
    else:
        chosen_sessions = [s.id for s in sessions]
        pids = [pid for sid in chosen_sessions for (pid,) in conn.execute(
            "SELECT id FROM participants WHERE session_id=?", (sid,))]
        runs = [r for sid in chosen_sessions for (r,) in conn.execute(
            "SELECT id FROM runs WHERE session_id=?", (sid,))]
    named = [conn.execute("SELECT name, name_key FROM participants WHERE id=?",
                          (pid,)).fetchone() for pid in pids]
    names = [n for row in named if row for n in row if n]
    gone = set(pids)
    kept = [n for pid, *row in conn.execute("SELECT id, name, name_key FROM participants")
            if pid not in gone for n in row if n]
    shared = sorted({n for n in names if any(n in k for k in kept)})
    events = sum(conn.execute("SELECT count(*) FROM events WHERE run_id=?",
                              (r,)).fetchone()[0] for r in runs)
    needles = [*pids, *runs, *chosen_sessions, *(n for n in names if n not in shared)]
    people_names = [row[0] for row in named if row]
    return ErasureTargets(people_names, chosen_sessions, runs, events, needles, shared)


def _wait_for_readers(store: Any, wait: float, lang: str) -> bool:
    """Wait (up to ``wait`` seconds, saying so) until no other program reads an older state
    of the store; True when none does."""
    import time

    from ..store import checkpoint, now

    # a write first: a reader whose snapshot is older than it keeps the checkpoint from
    # completing (one that began on an empty log would not, until the deletion is written)
    store.set_setting("last_erasure", now())
    deadline = time.monotonic() + wait
    said = 0.0
    while not checkpoint(store):
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        if time.monotonic() >= said:
            print(Msg("data.waiting", left=max(1, round(left))).text(lang), file=sys.stderr,
                  flush=True)
            said = time.monotonic() + 5
        time.sleep(0.25)
    return True


def _erase_for_good(store: Any, needles: list[str], wait: float, lang: str
                    ) -> dict[str, list[str]]:
    """Empty the write-ahead log into the file, rebuild the file when a trace is left, and
    look in the raw bytes of both: the needles still found ({} when all are gone)."""
    from ..store import traces, vacuum

    vacuumed = False
    while True:
        if not _wait_for_readers(store, wait, lang):
            return traces(store.path, needles) or {store.path.name + "-wal": ["?"]}
        left = traces(store.path, needles)
        if not left or vacuumed:
            return left
        vacuum(store)  # free pages and old copies of pages: the file is written anew
        vacuumed = True


def _finish_erasure(args: argparse.Namespace) -> int:
    """``data delete --finish``: after a deletion that another program kept from being
    complete, empty the log and rebuild the file, so no deleted page is left."""
    from ..store import vacuum

    lang = cli_lang(args)
    with open_store(args) as store:
        if not _wait_for_readers(store, args.wait, lang):
            print(Msg("data.readers_nothing_deleted", wait=args.wait).text(lang),
                  file=sys.stderr)
            return EXIT_PROBLEMS
        vacuum(store)
        if not _wait_for_readers(store, args.wait, lang):
            print(Msg("data.not_finished").text(lang), file=sys.stderr)
            return EXIT_PROBLEMS
        free = store.conn.execute("PRAGMA freelist_count").fetchone()[0]
        if free:
            print(Msg("data.not_finished").text(lang), file=sys.stderr)
            return EXIT_PROBLEMS
        print(Msg("data.finished", db=shown_path(store.path.name)).text(lang))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    from ..cli import common_options

    common = [common_options()]
    p = sub.add_parser("session", help="create, list and close live group sessions",
                       description="A live session: every trainee plays on their own device "
                                   "(see 'sovsim serve'); the trainer follows on 'sovsim "
                                   "dashboard'.")
    ssub = p.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    c = ssub.add_parser("create", parents=common, help="a new session with a join code and a trainer code")
    c.add_argument("scenarios", nargs="+", metavar="SCENARIO",
                   help="bundled scenario ids or scenario files")
    c.add_argument("--mode", choices=("coach", "assessment"), default="coach",
                   help="coach: feedback after each choice, undo allowed; assessment: "
                        "feedback only in the debrief (default: coach)")
    c.add_argument("--title", default="", help="a name for the session, e.g. the course day")
    c.set_defaults(func=cmd_session_create)
    c = ssub.add_parser("list", parents=common, help="every session in the store")
    c.set_defaults(func=cmd_session_list)
    c = ssub.add_parser("close", parents=common, help="close a session: no new trainees; debriefs show the group")
    c.add_argument("session", metavar="SESSION", help="the session id (or its first letters)")
    c.add_argument("--trainer-code", metavar="CODE",
                   help=f"the trainer code (else ${TRAINER_CODE_ENV}, else asked)")
    c.set_defaults(func=cmd_session_close)
    c = ssub.add_parser("log", parents=common,
                        help="joins and failed attempts of a session, lockouts, take-overs")
    c.add_argument("session", metavar="SESSION", help="the session id (or its first letters)")
    c.add_argument("--trainer-code", metavar="CODE",
                   help=f"the trainer code (else ${TRAINER_CODE_ENV}, else asked)")
    c.add_argument("--limit", type=int, default=200, help="at most this many log lines")
    c.set_defaults(func=cmd_session_log)

    p = sub.add_parser("data", help="export or delete personal data (names and results)",
                       description="Names and results of group sessions are personal data. "
                                   "Export them for a person who asks, delete them when they "
                                   "are no longer needed.")
    dsub = p.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    for name, func, hlp in (("export", cmd_data_export, "write the data as JSON"),
                            ("delete", cmd_data_delete, "delete the data for good")):
        c = dsub.add_parser(name, parents=common, help=hlp)
        c.add_argument("--session", metavar="ID", help="one session (id or its first letters)")
        c.add_argument("--person", metavar="NAME",
                       help="one person by display name (in --session, or in every session)")
        if name == "export":
            c.add_argument("-o", "--output", metavar="FILE", help="write to FILE")
        else:
            c.add_argument("--yes", action="store_true", help="do not ask before deleting")
            c.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                           help="wait this long for other programs that read the store (a "
                                "dashboard, a backup) before giving up (default 30)")
            c.add_argument("--finish", action="store_true",
                           help="complete an erasure that another program kept open: empty "
                                "the log and rebuild the file")
        c.set_defaults(func=func)
