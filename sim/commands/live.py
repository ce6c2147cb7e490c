"""``sovsim serve``, ``sovsim join`` and ``sovsim dashboard``: the live session."""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

from ..clitools import EXIT_OK, EXIT_PROBLEMS, UsageError, load_rubric_or_exit, positive_int
from .sessions import TRAINER_CODE_ENV, ask_trainer_code, find_session_or_exit, open_store

TEMPLATES = Path(__file__).resolve().parent.parent / "serve_templates"


def _data_dir(args: argparse.Namespace) -> Path:
    from ..store import DB_NAME, default_dir

    given = getattr(args, "data_dir", None)
    path = Path(given).resolve() if given else default_dir().resolve()
    return path.parent if path.name == DB_NAME else path


def _pick_session(store: Any, given: str | None) -> Any:
    if given:
        rec = find_session_or_exit(store, given, "live")
        if rec.closed:
            raise UsageError(f"session {rec.id} is closed; create a new one with "
                             "'sovsim session create SCENARIO'")
        return rec
    open_ = [s for s in store.sessions("live") if s.closed is None]
    if not open_:
        raise UsageError("there is no open live session; create one first with "
                         "'sovsim session create SCENARIO'")
    if len(open_) > 1:
        raise UsageError("there are several open sessions; say which with --session: "
                         + ", ".join(f"{s.id}{' (' + s.title + ')' if s.title else ''}"
                                     for s in open_))
    return open_[0]


def join_argv(session_id: str, data_dir: Path, lang: str, rubric: str | None) -> list[str]:
    """The command each browser tab's process runs (started without a shell)."""
    parts = [sys.executable, "-m", "sim.cli", "--data-dir", str(data_dir), "--lang", lang]
    if rubric:
        parts += ["--rubric", str(Path(rubric).resolve())]
    parts += ["join", "--session", session_id]
    return parts


def join_command(session_id: str, data_dir: Path, lang: str, rubric: str | None) -> str:
    """:func:`join_argv` as one shell-safe line (for logs and for running it by hand)."""
    return " ".join(shlex.quote(p) for p in join_argv(session_id, data_dir, lang, rubric))


def _lan_address() -> str:
    """This machine's address on the local network, as other devices would reach it."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
            return s.getsockname()[0]
    except OSError:
        return socket.gethostname()


def cmd_serve(args: argparse.Namespace) -> int:
    from ..sessions import format_code

    load_rubric_or_exit(getattr(args, "rubric", None), args)
    data_dir = _data_dir(args)
    with open_store(args) as store:
        session = _pick_session(store, args.session)
    lang = getattr(args, "lang", None) or session.lang or "nl"
    host = args.host
    wildcard = host in ("0.0.0.0", "::", "")
    public = args.public_url or (f"http://{_lan_address()}:{args.port}" if wildcard else None)
    from ..i18n import t
    from ..webserve import Limits, SovsimServer

    limits = Limits(max_tabs=args.max_tabs, max_tabs_per_address=args.max_tabs_per_address,
                    tab_memory_mb=args.tab_memory, join_timeout=args.join_timeout)

    def banner(server: SovsimServer) -> None:  # once the port is really listening
        title = f" ({session.title})" if session.title else ""
        print(f"sovsim serves session {session.id}{title} on {server.public_url}", flush=True)
        print(f"  Join code: {format_code(session.join_code or '')}", flush=True)
        print(f"  Trainer dashboard: sovsim dashboard {session.id}", flush=True)
        if not wildcard and host in ("127.0.0.1", "localhost", "::1"):
            print("  Only this computer can connect. For trainees' own devices on this "
                  "network, use --host 0.0.0.0 (see docs/trainers.md).", flush=True)
        print(t("serve.console.limits", lang, n=limits.max_tabs,
                m=limits.max_tabs_per_address) if limits.max_tabs_per_address else
              t("serve.console.limits_total", lang, n=limits.max_tabs), flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    server = SovsimServer(join_argv(session.id, data_dir, lang, getattr(args, "rubric", None)),
                          host=host, port=args.port, lang=lang, limits=limits,
                          public_url=public, templates_path=TEMPLATES, banner=banner,
                          verbose=args.verbose)
    server.console.quiet = not args.verbose  # textual-serve's own log
    try:
        server.serve()
    except OSError as err:
        print(f"sovsim: cannot serve on {host}:{args.port}: {err.strerror or err}. "
              "Is the port in use? Try another with --port.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_join(args: argparse.Namespace) -> int:
    from ..groupui.join import JoinApp

    rubric = load_rubric_or_exit(getattr(args, "rubric", None), args)
    store = open_store(args)
    try:
        lang = getattr(args, "lang", None)
        if args.session:
            rec = find_session_or_exit(store, args.session, "live")
            lang = lang or rec.lang
        from ..groupui.join import ADDRESS_ENV, page_resume_token

        app = JoinApp(store, rubric, session_id=rec.id if args.session else None,
                      lang=lang or "nl",
                      export_dir=Path(args.export_dir) if args.export_dir else None,
                      resume_token=page_resume_token(),
                      address=os.environ.get(ADDRESS_ENV) or None)
        app.run()
    finally:
        store.close()
    return EXIT_OK


def cmd_dashboard(args: argparse.Namespace) -> int:
    from ..groupreport import group_report_html, runs_csv
    from ..sessions import AccessDenied, load_session_scenarios, open_as_trainer

    rubric = load_rubric_or_exit(getattr(args, "rubric", None), args)
    dims = rubric.dimension_ids()
    with open_store(args) as store:
        rec = find_session_or_exit(store, args.session, "live")
        try:
            trainer = open_as_trainer(store, rec.id, ask_trainer_code(args))
        except AccessDenied as err:
            print(f"sovsim: {err}", file=sys.stderr)
            return EXIT_PROBLEMS
        scenarios = load_session_scenarios(trainer.session, dims)
        lang = getattr(args, "lang", None) or rec.lang or "nl"
        missing = {r["id"] for r in rec.scenarios} - {s.id for s in scenarios}
        if missing:
            print(f"sovsim: warning: cannot load scenario(s) {', '.join(sorted(missing))}; "
                  "their figures are left out", file=sys.stderr)
        if args.export:
            if args.export == "csv":
                text = runs_csv(trainer, scenarios, rubric)
            else:
                text = group_report_html(trainer.dashboard(scenarios, rubric, lang=lang), rubric,
                                         lang=lang, anonymous=args.anonymous,
                                         session_date=rec.created)
            if args.output:
                Path(args.output).write_text(text, encoding="utf-8")
                print(f"Saved {args.output}", file=sys.stderr)
            else:
                sys.stdout.write(text)
            return EXIT_OK
        from ..groupui.dashboard import DashboardApp

        DashboardApp(trainer, scenarios, rubric, lang=lang,
                     export_dir=Path(args.export_dir) if args.export_dir else None).run()
    return EXIT_OK


def _count(text: str) -> int:
    """argparse type: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} should be 0 or more")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="serve a live session to trainees' browsers",
        description="Serve the app to browsers (textual-serve): every tab runs its own sovsim "
                    "process that asks for the join code and a name. Only this computer can "
                    "connect unless --host is given.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; 0.0.0.0 = every network)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--session", metavar="ID", help="the session (default: the only open one)")
    p.add_argument("--public-url", metavar="URL",
                   help="the address trainees type, when it differs from host:port")
    p.add_argument("--max-tabs", type=positive_int, default=40, metavar="N",
                   help="at most N browser tabs at once (default 40; each takes about 50 MB)")
    p.add_argument("--max-tabs-per-address", type=_count, default=10, metavar="N",
                   help="at most N tabs from one device's address (default 10; 0 = no limit; "
                        "behind a reverse proxy every tab has the proxy's address)")
    p.add_argument("--tab-memory", type=_count, default=1024, metavar="MB",
                   help="address space of each tab's process (default 1024 MB; 0 = no limit)")
    p.add_argument("--join-timeout", type=_count, default=600, metavar="SECONDS",
                   help="close a tab that has not joined after this long (default 600; "
                        "0 = never)")
    p.add_argument("--verbose", action="store_true",
                   help="show textual-serve's own log and the tabs' error output")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("join", help="join a live session in this terminal",
                       description="What each browser tab of 'sovsim serve' runs: asks for the "
                                   "join code and a name, then plays the session's scenarios.")
    p.add_argument("--session", metavar="ID", help="accept only this session's join code")
    p.add_argument("--export-dir", metavar="DIR", help="where the dashboard saves exports")
    p.set_defaults(func=cmd_join)

    p = sub.add_parser("dashboard", help="the trainer's live dashboard of a session",
                       description="Live figures of a session (needs the trainer code): who "
                                   "joined and how far, choices per decision, scores, the "
                                   "quadrant, endings, poor choices. --export writes a CSV or "
                                   "an HTML group report instead.")
    p.add_argument("session", metavar="SESSION", help="the session id (or its first letters)")
    p.add_argument("--trainer-code", metavar="CODE",
                   help=f"the trainer code (else ${TRAINER_CODE_ENV}, else asked)")
    p.add_argument("--export", choices=("csv", "html"), help="write this export and stop")
    p.add_argument("-o", "--output", metavar="FILE", help="with --export: write to FILE")
    p.add_argument("--anonymous", action="store_true",
                   help="with --export html: numbers instead of names")
    p.add_argument("--export-dir", metavar="DIR",
                   help="where the dashboard's e/h keys save (default: the exports folder "
                        "in the data folder)")
    p.set_defaults(func=cmd_dashboard)
