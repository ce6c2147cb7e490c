"""``sovsim report`` (a run's debrief as JSON, Markdown or HTML) and ``sovsim export``
(the per-decision event log of stored runs as JSON Lines or CSV)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable
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
from ..problemtext import error_text
from ..store import StoreError

MAX_RUN_FILE = 16 * 1024 * 1024
FORMATS = ("json", "md", "html")
SUFFIXES = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


class Problem(Exception):
    """A problem with the user's data (not with how the command was used): exit 1."""


@dataclass
class LoadedRun:
    snapshot: dict[str, Any]
    where: str  # "run <id> in <db>" or the file name, for messages
    mode: str | None = None
    lang: str | None = None
    scenario_path: str = ""


# --- finding things -------------------------------------------------------------------

def store_path(data_dir: str | None) -> Path:
    from ..store import DB_NAME, default_dir

    return (Path(data_dir) if data_dir else default_dir()) / DB_NAME


def open_store(data_dir: str | None) -> Any:
    """The store, without creating one where none exists."""
    from ..store import Store

    path = store_path(data_dir)
    if not path.is_file() and not path.is_dir():  # a folder: Store says it is one
        raise Problem(f"no runs are stored in {path.parent} yet (no {path.name} there); "
                      "play a scenario first, or give --data-dir")
    return Store(path)  # a StoreError is told in the user's language by the caller


def read_run_file(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_RUN_FILE:
            raise Problem(f"{path}: the file is {size / 1e6:.1f} MB; a saved run is far smaller. "
                          "Is this the right file?")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise Problem(f"{path} is a folder, not a saved run") from None
    except OSError as err:
        raise Problem(f"{path}: cannot read the file: {err.strerror or err}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise Problem(f"{path}: not a saved run (the file is not UTF-8 text)") from None
    except json.JSONDecodeError as err:
        raise Problem(f"{path}:{err.lineno}:{err.colno}: the saved run is damaged "
                      f"(invalid JSON: {err.msg})") from None
    except RecursionError:
        raise Problem(f"{path}: the saved run is damaged (nested too deeply)") from None
    from ..engine import SNAPSHOT_FORMAT

    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise Problem(f"{path}: this is not a saved sovsim run (expected a JSON object with "
                      f"\"format\": \"{SNAPSHOT_FORMAT}\", as made by Run.snapshot())")
    return data


def load_run(ref: str, data_dir: str | None) -> LoadedRun:
    """A run id in the store, or a saved run file."""
    p = Path(ref)
    if p.exists():
        data = read_run_file(p)
        mode = data.get("mode") if isinstance(data.get("mode"), str) else None
        return LoadedRun(data, str(p), mode)
    if os.sep in ref or "/" in ref or p.suffix.lower() == ".json":
        raise UsageError(f"no such file: {ref}")
    path = store_path(data_dir)
    if not path.is_file() and not path.is_dir():  # a folder: Store says it is one
        raise UsageError(f"{ref!r} is neither a file nor a stored run (no runs are stored in "
                         f"{path.parent} yet)")
    store = open_store(data_dir)
    try:
        rec = store.get_run(ref)
    finally:
        store.close()
    if rec is None:
        raise UsageError(f"no run {ref!r} in the store at {path}, and no file of that name. "
                         "Run 'sovsim report' without a run to list the stored runs")
    if not rec.snapshot:
        raise Problem(f"run {ref!r} in {path} is damaged (its saved state cannot be read)")
    return LoadedRun(rec.snapshot, f"run {ref!r} in {path}", rec.mode, rec.lang, rec.scenario_path)


def find_scenario(scenario_id: str, dims: list[str], hint: str = "") -> Any:
    """The scenario with this id: at ``hint`` if it is there, else among the bundled ones."""
    from ..errors import ContentError
    from ..loader import load_scenario

    candidates: list[Path] = []
    if hint and Path(hint).is_file():
        candidates.append(Path(hint))
    folder = bundled_dir()
    named = folder / f"{scenario_id}.yaml"
    if named.is_file():
        candidates.append(named)
    candidates += sorted(f for f in folder.glob("*.y*ml") if f not in candidates)
    for f in candidates:
        try:
            sc = load_scenario(f, dims)
        except ContentError:
            continue
        if sc.id == scenario_id:
            return sc
    raise Problem(f"the run belongs to scenario {scenario_id!r}, which is not among the bundled "
                  "scenarios; give its file with --scenario FILE")


def load_scenario_file(path: str, dims: list[str], lang: str = "nl") -> Any:
    from ..errors import ContentError
    from ..loader import load_scenario

    try:
        return load_scenario(path, dims)
    except ContentError as err:
        print_problems(err.problems, lang, sys.stderr)
        raise Problem(f"the scenario file {path} has problems (listed above)") from None


def write_output(text: str, output: str | None) -> None:
    """To standard output, or atomically to a file."""
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise Problem(f"{target} is a folder; give a file name for -o")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise Problem(f"cannot write {target}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise Problem(f"cannot write {target}: {err.strerror or err}") from None


# --- report ---------------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    try:
        if not args.run:
            return _list_runs(args)
        return _report(args)
    except (Problem, StoreError) as err:  # StoreError: a damaged store
        print(f"sovsim: {error_text(err, cli_lang(args))}", file=sys.stderr)
        return EXIT_PROBLEMS


def _report(args: argparse.Namespace) -> int:
    from scoring.debrief import DebriefError, build_debrief
    from scoring.render import RENDERERS

    fmt = args.format
    if fmt is None:
        fmt = SUFFIXES.get(Path(args.output).suffix.lower(), "md") if args.output else "md"
    if args.visit_bound < 1 or args.max_states < 1:
        raise UsageError("--visit-bound and --max-states must be at least 1")
    rubric = load_rubric_or_exit(args.rubric, args)
    dims = rubric.dimension_ids()
    loaded = load_run(args.run, args.data_dir)
    sid = loaded.snapshot.get("scenario")
    if not isinstance(sid, str) or not sid:
        raise Problem(f"{loaded.where}: the saved run is damaged (no scenario id)")
    if args.scenario:
        scenario = load_scenario_file(args.scenario, dims, cli_lang(args))
        if scenario.id != sid:
            raise Problem(f"the run belongs to scenario {sid!r}, but {args.scenario} holds "
                          f"scenario {scenario.id!r}")
    else:
        scenario = find_scenario(sid, dims, loaded.scenario_path)
    lang = args.lang or (loaded.lang if loaded.lang in ("nl", "en") else None) or "nl"
    try:
        debrief = build_debrief(scenario, loaded.snapshot, rubric, lang, loaded.mode,
                                visit_bound=args.visit_bound, max_states=args.max_states)
    except DebriefError as err:
        raise Problem(f"{loaded.where}: {err}") from None
    for n in debrief.notices:
        if n.code == "too_large":
            print(f"sovsim: warning: {n.message}", file=sys.stderr)
    write_output(RENDERERS[fmt](debrief, lang), args.output)
    if args.output:
        print(f"sovsim: wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _list_runs(args: argparse.Namespace) -> int:
    path = store_path(args.data_dir)
    if not path.is_file() and not path.is_dir():  # a folder: open_store says it is one
        print(f"No runs stored in {path.parent} yet.", file=sys.stderr)
        return EXIT_OK
    store = open_store(args.data_dir)
    try:
        runs = store.runs(limit=args.limit)
    finally:
        store.close()
    if not runs:
        print(f"No runs stored in {path.parent} yet.", file=sys.stderr)
        return EXIT_OK
    rows = [("RUN", "SCENARIO", "MODE", "STATUS", "UPDATED")]
    for r in runs:
        status = f"finished ({r.outcome})" if r.finished else "in progress"
        rows.append((r.id, r.scenario_id, r.mode, status, r.updated[:16].replace("T", " ")))
    widths = [max(len(_safe(row[i])) for row in rows) for i in range(5)]
    for row in rows:
        print("  ".join(_safe(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print("\nsovsim report RUN --format md|html|json [-o FILE]", file=sys.stderr)
    return EXIT_OK


def _safe(text: object) -> str:
    from scoring.render import clean

    return clean(str(text)).replace("\n", " ")


# --- export ---------------------------------------------------------------------------

EXPORT_FIELDS = ("run_id", "seq", "time", "scenario_id", "scenario_version", "mode", "node",
                 "choice", "target")


def export_rows(store: Any, run_id: str | None = None, scenario_id: str | None = None,
                session_id: str | None = None) -> list[dict[str, Any]]:
    """One row per decision: the event log joined with its run's mode."""
    modes: dict[str, str | None] = {}
    rows = []
    events = store.session_events(session_id) if session_id else store.events(run_id)
    for e in events:
        if scenario_id and e["scenario_id"] != scenario_id or run_id and e["run_id"] != run_id:
            continue
        rid = e["run_id"]
        if rid not in modes:
            rec = store.get_run(rid)
            modes[rid] = rec.mode if rec else None
        rows.append({"run_id": rid, "seq": e["seq"], "time": e["time"],
                     "scenario_id": e["scenario_id"], "scenario_version": e["scenario_version"],
                     "mode": modes[rid], "node": e["node"], "choice": e["choice"],
                     "target": e["target"], "scores": e["scores"], "changes": e["changes"]})
    return rows


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula is prefixed with '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]], dimensions: list[str]) -> str:
    extra = sorted({d for r in rows for d in r["scores"]} - set(dimensions))
    dims = list(dimensions) + extra
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*EXPORT_FIELDS, *(f"score_{d}" for d in dims), "changes"])
    for r in rows:
        w.writerow([*(_cell(r[f]) for f in EXPORT_FIELDS),
                    *(r["scores"].get(d, "") for d in dims),
                    json.dumps(r["changes"], ensure_ascii=False, sort_keys=True)])
    return buf.getvalue()


def _session_id(store: Any, ref: str) -> str:
    """The id of the session ``ref`` (its id or first letters)."""
    found = [s for s in store.sessions() if s.id == ref] or \
        [s for s in store.sessions() if s.id.startswith(ref)]
    if len(found) != 1:
        raise UsageError(f"no session {ref!r} in the store at {store.path}" if not found else
                         f"{ref!r} fits more than one session; give more of its id")
    return str(found[0].id)


def _export_xapi(args: argparse.Namespace, store: Any, session_id: str | None) -> int:
    """The xAPI statements of the stored runs, as JSON Lines (see docs/xapi.md)."""
    from ..lrs import statements_of

    rubric = load_rubric_or_exit(args.rubric, args)
    statements = statements_of(store, rubric=rubric, run_id=args.run, session_id=session_id,
                               scenario_id=args.scenario)
    write_output(to_jsonl(statements), args.output)
    from ..problemtext import Msg

    runs = len({s["context"]["registration"] for s in statements})
    key = "lrsui.exported_to" if args.output else "lrsui.exported"
    print("sovsim: " + Msg(key, statements=len(statements), runs=runs,
                           file=args.output or "").text(cli_lang(args)), file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    try:
        fmt = args.format
        if fmt is None:
            fmt = "csv" if args.output and Path(args.output).suffix.lower() == ".csv" else "jsonl"
        store = open_store(args.data_dir)
        try:
            if args.run and store.get_run(args.run) is None:
                raise UsageError(f"no run {args.run!r} in the store at {store.path}")
            session = None
            if args.session:
                session = _session_id(store, args.session)
            if fmt == "xapi":
                return _export_xapi(args, store, session)
            rows = export_rows(store, args.run, args.scenario, session)
        finally:
            store.close()
        if fmt == "csv":
            rubric = load_rubric_or_exit(args.rubric, args)
            text = to_csv(rows, rubric.dimension_ids())
        else:
            text = to_jsonl(rows)
        write_output(text, args.output)
        runs = len({r["run_id"] for r in rows})
        print(f"sovsim: exported {len(rows)} decision{'s' if len(rows) != 1 else ''} of "
              f"{runs} run{'s' if runs != 1 else ''}" + (f" to {args.output}" if args.output else ""),
              file=sys.stderr)
        return EXIT_OK
    except (Problem, StoreError) as err:  # StoreError: a damaged store
        print(f"sovsim: {error_text(err, cli_lang(args))}", file=sys.stderr)
        return EXIT_PROBLEMS


def register(sub: argparse._SubParsersAction) -> None:
    from sim.analysis import DEFAULT_MAX_STATES, DEFAULT_VISIT_BOUND

    p = sub.add_parser(
        "report", help="a run's debrief as Markdown, HTML or JSON",
        description="The debrief of a run: scores and bands per dimension, the quadrant, key "
                    "moments with better options, what to try next time (with sources) and the "
                    "path. RUN is a run id from the store or a saved run file (JSON). Without "
                    "RUN, the stored runs are listed.")
    p.add_argument("run", nargs="?", metavar="RUN", help="run id in the store, or a saved run file")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="md (default), html (a printable page) or json; "
                        "default: from the -o file's extension")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--scenario", metavar="FILE",
                   help="the scenario file of the run (default: found by id among the bundled "
                        "scenarios)")
    p.add_argument("--visit-bound", type=int, default=DEFAULT_VISIT_BOUND, metavar="N",
                   help="when exploring the scenario for its lowest and highest scores, take each "
                        f"loop at most N times (default {DEFAULT_VISIT_BOUND})")
    p.add_argument("--max-states", type=int, default=DEFAULT_MAX_STATES, metavar="N",
                   help=f"give up exploring beyond N states (default {DEFAULT_MAX_STATES:,})")
    p.add_argument("--limit", type=int, default=50, metavar="N",
                   help="with no RUN: list at most N runs (default 50)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "export", help="the per-decision event log of stored runs, as JSON Lines, CSV or xAPI",
        description="One row per decision: run id, scenario id and version, mode, node, choice, "
                    "target, the scores per dimension, the variable changes and the time. For "
                    "analysis in a spreadsheet or statistics tool.")
    p.add_argument("--format", choices=("jsonl", "csv", "xapi"), default=None,
                   help="jsonl (default), csv, or xapi (xAPI statements as JSON Lines, see "
                        "docs/xapi.md); default: from the -o file's extension")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--run", metavar="ID", help="only this run")
    p.add_argument("--scenario", metavar="ID", help="only runs of this scenario id")
    p.add_argument("--session", metavar="ID", help="only runs of this group session")
    p.set_defaults(func=cmd_export)
