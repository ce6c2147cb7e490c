"""``sovsim group SCENARIO``: the plenary on a projector."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..clitools import EXIT_OK, EXIT_PROBLEMS, UsageError, cli_lang, load_rubric_or_exit
from .sessions import find_session_or_exit, load_scenarios, open_store


def cmd_group(args: argparse.Namespace) -> int:
    from ..plenary import Plenary, PlenaryError, open_latest
    from ..sessions import load_session_scenarios

    rubric = load_rubric_or_exit(getattr(args, "rubric", None), args)
    lang = getattr(args, "lang", None) or "nl"
    with open_store(args) as store:
        try:
            if args.session or (args.resume and not args.scenario):
                if args.session:
                    rec = find_session_or_exit(store, args.session, "plenary")
                else:
                    found = store.sessions("plenary")
                    if not found:
                        raise UsageError("there is no plenary to continue; start one with "
                                         "'sovsim group SCENARIO'")
                    rec = found[0]
                if args.scenario:
                    [scenario] = load_scenarios([args.scenario], rubric, cli_lang(args))
                else:
                    loaded = load_session_scenarios(rec, rubric.dimension_ids())
                    if not loaded:
                        raise UsageError(f"the scenario of plenary {rec.id} "
                                         f"({rec.scenarios[0]['id'] if rec.scenarios else '?'}) "
                                         "cannot be found; give its file: sovsim group FILE "
                                         f"--session {rec.id}")
                    scenario = loaded[0]
                plenary = Plenary(store, rec, scenario)
            elif not args.scenario:
                raise UsageError("say which scenario: sovsim group SCENARIO "
                                 "(or --continue, or --session ID)")
            else:
                [scenario] = load_scenarios([args.scenario], rubric, cli_lang(args))
                if args.resume:
                    found_p = open_latest(store, scenario)
                    if found_p is None:
                        raise UsageError(f"there is no plenary of {scenario.id} to continue; "
                                         "leave out --continue to start one")
                    plenary = found_p
                else:
                    plenary = Plenary.create(store, scenario, title=args.title or "", lang=lang)
        except PlenaryError as err:
            print(f"sovsim: {err}", file=sys.stderr)
            return EXIT_PROBLEMS
        if args.export:
            from ..group import names_for
            from ..groupreport import plenary_html, plenary_markdown

            d = plenary.debrief(rubric, lang)
            names = names_for(rubric, lang)
            text = plenary_markdown(d, names) if args.export == "md" else plenary_html(d, names)
            if args.output:
                Path(args.output).write_text(text, encoding="utf-8")
                print(f"Saved {args.output}", file=sys.stderr)
            else:
                sys.stdout.write(text)
            return EXIT_OK
        from ..groupui.plenary import PlenaryApp

        PlenaryApp(plenary, rubric, lang=lang,
                   export_dir=Path(args.export_dir) if args.export_dir else None).run()
        from ..groupui.strings import t

        print(t("group.td.plen_saved", lang, id=plenary.session.id))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "group", help="a plenary on a projector: the room votes at each decision",
        description="Play a scenario with a room: at each decision count the votes per option "
                    "(number keys), follow the majority (Enter) or pick another (K); go back "
                    "to any earlier decision (G) to explore the road not taken; every branch "
                    "is kept. D shows the group debrief, with Markdown and HTML export.")
    p.add_argument("scenario", metavar="SCENARIO", nargs="?",
                   help="a bundled scenario id or a .yaml file (not needed with --session)")
    p.add_argument("--title", default="", help="a name for this plenary")
    p.add_argument("--continue", dest="resume", action="store_true",
                   help="continue the latest plenary (of SCENARIO, when given)")
    p.add_argument("--session", metavar="ID", help="continue this plenary")
    p.add_argument("--export", choices=("md", "html"),
                   help="with --session or --continue: write the group debrief and stop")
    p.add_argument("-o", "--output", metavar="FILE", help="with --export: write to FILE")
    p.add_argument("--export-dir", metavar="DIR",
                   help="where the debrief's M/H keys save (default: the exports folder in "
                        "the data folder)")
    p.set_defaults(func=cmd_group)
