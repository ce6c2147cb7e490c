"""``sovsim lrs add|list|remove|config|send|status``: learning records to a Learning
Record Store (xAPI). See docs/xapi.md."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from ..clitools import EXIT_OK, EXIT_PROBLEMS, UsageError, cli_lang, load_rubric_or_exit
from ..problemtext import Msg, error_text

EXIT_NOT_SENT = 3  # some statements could not be sent (yet): they stay queued


def _store(args: argparse.Namespace) -> Any:
    from ..store import Store, StoreError

    data_dir = getattr(args, "data_dir", None)
    try:
        return Store(Path(data_dir) if data_dir else None)
    except StoreError as err:
        raise UsageError(error_text(err, cli_lang(args))) from None


def _say(args: argparse.Namespace, key: str, **params: Any) -> None:
    print(Msg(key, **params).text(cli_lang(args)), file=sys.stderr)


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(
            f"--since {value!r}: give a date or time such as 2026-12-01 or 2026-12-01T09:00"
        ) from None


def cmd_lrs(args: argparse.Namespace) -> int:
    from .. import lrs

    lang = cli_lang(args)
    store = _store(args)
    try:
        return _ACTIONS[args.lrs_command](args, store, lang)
    except lrs.LrsError as err:
        print(f"sovsim: {error_text(err, lang)}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        store.close()


def _add(args: argparse.Namespace, store: Any, lang: str) -> int:
    from .. import lrs

    cfg = lrs.add(store, args.name, args.url, auth_env=args.auth_env, auto=args.auto)
    _say(args, "lrsui.added", name=cfg.name, url=cfg.statements_url, env=cfg.auth_env)
    if cfg.auto:
        _say(args, "lrsui.auto_on")
    return EXIT_OK


def _list(args: argparse.Namespace, store: Any, lang: str) -> int:
    from .. import lrs

    cfgs = lrs.configs(store)
    if not cfgs:
        _say(args, "lrsui.none")
        return EXIT_OK
    for c in cfgs:
        auto = Msg("lrsui.auto" if c.auto else "lrsui.manual").text(lang)
        print(f"{c.name}\t{c.url}\t${c.auth_env}\t{auto}")
    return EXIT_OK


def _remove(args: argparse.Namespace, store: Any, lang: str) -> int:
    from .. import lrs

    lrs.remove(store, args.name)
    _say(args, "lrsui.removed", name=args.name)
    return EXIT_OK


def _config(args: argparse.Namespace, store: Any, lang: str) -> int:
    from .. import lrs

    s = lrs.set_settings(
        store, homepage=args.homepage, activity_base=args.activity_base, actor=args.actor
    )
    print(
        Msg("lrsui.settings", homepage=s.homepage, base=s.activity_base, actor=s.actor).text(lang)
    )
    return EXIT_OK


def _targets(store: Any, name: str | None, auto: bool) -> list[Any]:
    from .. import lrs

    if name:
        return [lrs.get_config(store, name)]
    cfgs = [c for c in lrs.configs(store) if c.auto or not auto]
    return cfgs


def _send(args: argparse.Namespace, store: Any, lang: str) -> int:
    from .. import lrs

    cfgs = _targets(store, args.name, args.auto)
    if not cfgs:
        if not args.auto:
            _say(args, "lrsui.none")
        return EXIT_OK
    rubric = load_rubric_or_exit(getattr(args, "rubric", None), args)
    worst = EXIT_OK
    for cfg in cfgs:
        # the automatic sender keeps trying for a while, so an LRS that is briefly away
        # gets its statements without waiting for the next choice
        report = lrs.send(
            store,
            cfg,
            rubric=rubric,
            since=_since(args.since),
            wait=args.wait if args.wait is not None else (300 if args.auto else 0),
        )
        if not args.auto:
            _say(
                args,
                "lrsui.sent",
                name=cfg.name,
                sent=report.sent,
                failed=report.failed,
                queued=report.queued,
            )
        if report.error is not None:
            if not args.auto:
                print(f"sovsim: {error_text(report.error, lang)}", file=sys.stderr)
            worst = EXIT_NOT_SENT
        elif report.failed:
            worst = EXIT_NOT_SENT
    return worst


def _status(args: argparse.Namespace, store: Any, lang: str) -> int:

    cfgs = _targets(store, args.name, False)
    out = []
    for cfg in cfgs:
        st = store.lrs_state(cfg.name)
        out.append(
            {
                "name": cfg.name,
                "url": cfg.statements_url,
                "auto": cfg.auto,
                "queued": st.queued,
                "sent": st.sent,
                "failed": st.failed,
                "last_try": st.last_try,
                "last_ok": st.last_ok,
                "last_error": st.last_error,
                "next_try": st.next_try,
                "errors": [{"statement": i, "error": e} for i, e in st.errors],
            }
        )
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not out:
        _say(args, "lrsui.none")
        return EXIT_OK
    for o in out:
        print(
            Msg(
                "lrsui.status",
                name=o["name"],
                url=o["url"],
                queued=o["queued"],
                sent=o["sent"],
                failed=o["failed"],
            ).text(lang)
        )
        if o["last_try"]:
            print(
                "  "
                + Msg(
                    "lrsui.last_try",
                    when=o["last_try"][:19].replace("T", " "),
                    ok=(o["last_ok"] or "-")[:19].replace("T", " "),
                ).text(lang)
            )
        if o["last_error"]:
            print("  " + Msg("lrsui.last_error", error=o["last_error"]).text(lang))
        for e in o["errors"]:
            print("  " + Msg("lrsui.failed_one", id=e["statement"], error=e["error"]).text(lang))
    return EXIT_OK


_ACTIONS = {
    "add": _add,
    "list": _list,
    "remove": _remove,
    "config": _config,
    "send": _send,
    "status": _status,
}


def register(sub: argparse._SubParsersAction) -> None:
    from ..cli import common_options

    common = [common_options()]
    p = sub.add_parser(
        "lrs",
        help="send learning records (xAPI) to a Learning Record Store",
        description="Every run's learning records (started, resumed, each decision, undo, "
        "completed, scored) as xAPI statements, sent to your organisation's "
        "Learning Record Store. Credentials come from an environment variable "
        "('user:password'), never from the store. See docs/xapi.md.",
    )
    lsub = p.add_subparsers(dest="lrs_command", metavar="ACTION", required=True)
    c = lsub.add_parser("add", parents=common, help="add (or change) an LRS")
    c.add_argument("name", metavar="NAME", help="a short name for the LRS")
    c.add_argument(
        "url", metavar="URL", help="its xAPI endpoint, e.g. https://lrs.example.org/xAPI/"
    )
    c.add_argument(
        "--auth-env",
        default="SOVSIM_LRS_AUTH",
        metavar="VAR",
        help="the environment variable holding 'user:password' (default SOVSIM_LRS_AUTH)",
    )
    c.add_argument(
        "--auto",
        action="store_true",
        help="send after every autosave, in a separate process (play is not delayed)",
    )
    c = lsub.add_parser("list", parents=common, help="the LRSs set up")
    c = lsub.add_parser("remove", parents=common, help="remove an LRS (and what was sent to it)")
    c.add_argument("name", metavar="NAME")
    c = lsub.add_parser(
        "config",
        parents=common,
        help="the organisation's xAPI settings: actor, home page, activity IRIs",
    )
    c.add_argument("--homepage", metavar="URL", help="homePage of the actors' accounts")
    c.add_argument("--activity-base", metavar="URL", help="where activity IRIs begin")
    c.add_argument(
        "--actor",
        choices=("pseudonym", "name"),
        help="pseudonym (default): never a name; name: add display names",
    )
    c = lsub.add_parser("send", parents=common, help="send what the LRS has not had yet")
    c.add_argument("name", nargs="?", metavar="NAME", help="one LRS (default: all)")
    c.add_argument("--since", metavar="DATE", help="only records from this date or time on")
    c.add_argument(
        "--wait",
        type=float,
        metavar="SECONDS",
        help="keep trying this long while the LRS cannot be reached (default 0)",
    )
    c.add_argument("--auto", action="store_true", help=argparse.SUPPRESS)
    c = lsub.add_parser("status", parents=common, help="what is queued, sent and failed")
    c.add_argument("name", nargs="?", metavar="NAME", help="one LRS (default: all)")
    c.add_argument("--json", action="store_true", help="as JSON")
    for c in lsub.choices.values():
        c.set_defaults(func=cmd_lrs)
