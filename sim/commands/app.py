"""The app (``sovsim`` without a command) and ``sovsim play SCENARIO``."""

from __future__ import annotations

import argparse
import sys
from contextlib import suppress
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
from ..textsafe import shown_path


def _opt(args: argparse.Namespace, name: str) -> Any:
    return getattr(args, name, None)


def _options(args: argparse.Namespace, **extra: Any) -> Any:
    from ..app.app import Options

    data_dir = _opt(args, "data_dir")
    return Options(lang=_opt(args, "lang"), data_dir=Path(data_dir) if data_dir else None,
                   rubric=_opt(args, "rubric"), **extra)


def _run_app(options: Any) -> int:
    from ..app.app import SovsimApp

    app = SovsimApp(options)
    app.run()
    return int(app.return_code or 0)


def start(args: argparse.Namespace) -> int:
    """``sovsim`` with no command: the trainee's app."""
    load_rubric_or_exit(_opt(args, "rubric"), args)
    return _run_app(_options(args))


def resolve_scenario(name: str, dimensions: list[str]) -> Path:
    """A scenario file: ``name`` itself when it is a file, else the bundled scenario with that id."""
    path = Path(name)
    if path.is_file():
        return path
    if path.is_dir():
        raise UsageError(f"{name} is a folder; give a scenario file or a scenario id")
    if path.exists() or path.is_symlink():
        raise UsageError(f"{name} is not a regular file (a pipe, device or broken link); give "
                         "a scenario file or a scenario id")
    candidate = bundled_dir() / f"{name}.yaml"
    if candidate.is_file():
        return candidate
    from ..library import find, scan

    entries = scan([bundled_dir()], dimensions)
    entry = find(entries, name)
    if entry is not None:
        return entry.path
    known = ", ".join(sorted(e.id for e in entries if not e.broken)) or "(none)"
    raise UsageError(f"no scenario file or bundled scenario {name!r}; bundled scenarios: {known}")


def cmd_play(args: argparse.Namespace) -> int:
    from ..engine import RunError
    from ..errors import ContentError
    from ..loader import load_scenario

    rubric = load_rubric_or_exit(_opt(args, "rubric"), args)
    path = resolve_scenario(args.scenario, rubric.dimension_ids())
    try:
        scenario = load_scenario(path, rubric.dimension_ids())
    except ContentError as err:
        from ..problemtext import Msg

        lang = cli_lang(args)
        errors = len(err.errors)
        what = Msg("cli.this_problem") if errors == 1 else Msg("cli.these_problems", n=errors)
        print(Msg("cli.cannot_play", path=shown_path(path), what=what).text(lang), file=sys.stderr)
        print_problems(err.problems, lang, sys.stderr, prefix="  - ")
        return EXIT_PROBLEMS
    start, values = _test_start(args, scenario)
    if (args.format is not None or args.save_run is not None) and args.choices is None:
        raise UsageError("--format and --save-run go with --choices: give the path to play")
    if args.watch and (args.plain or args.choices is not None):
        raise UsageError("--watch reloads the scenario in the app; leave out --plain and --choices")
    try:
        return _play(args, rubric, scenario, path, start, values)
    except RunError as err:  # e.g. automatic steps that never stop
        print(f"sovsim: {shown_path(path)} cannot be played: {err}", file=sys.stderr)
        return EXIT_PROBLEMS


def _play(args: argparse.Namespace, rubric: Any, scenario: Any, path: Path, start: str | None,
          values: dict[str, Any]) -> int:
    from ..text import DEFAULT_LANG

    if args.choices is not None or args.plain:
        from ..plain import PlainGame, parse_choices

        lang = _opt(args, "lang") or _saved_lang(args) or DEFAULT_LANG
        mode = args.mode or "coach"
        game = PlainGame(scenario, lang=lang, mode=mode, rubric=rubric, out=sys.stdout,
                         inp=sys.stdin, dimension_name=_dimension_namer(rubric, lang),
                         start=start, values=values)
        if args.choices is not None:
            return game.path(parse_choices(args.choices, lang), args.format, args.save_run)
        if start is not None or values:
            from ..playthrough import Playthrough

            # a test play from a chosen node or state is never saved
            pt = Playthrough.new(scenario, mode=mode, lang=lang, start=start, values=values)
            return game.play(pt)
        return _plain_interactive(game, args, scenario, path)
    return _run_app(_options(args, play=path, mode=args.mode, start=start, values=values,
                             watch=args.watch))


def _test_start(args: argparse.Namespace, scenario: Any) -> tuple[str | None, dict[str, Any]]:
    """``--at NODE`` and ``--set name=value`` checked against the scenario (UsageError)."""
    from ..engine import RunError
    from ..watch import parse_value, start_run

    values: dict[str, Any] = {}
    for item in args.set or []:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set takes NAME=VALUE, such as --set spanning=8 (not {item!r})")
        try:
            values[name.strip()] = parse_value(scenario, name.strip(), text.strip())
        except ValueError as err:
            raise UsageError(f"--set {item}: {err}") from None
    if args.at is not None or values:  # (a scenario that cannot start at all: cmd_play says so)
        try:
            start_run(scenario, args.at, values)
        except RunError as err:
            raise UsageError(f"--at {args.at}: {err}") from None
    return args.at, values


def _store(args: argparse.Namespace) -> Any:
    store, err = _store_or_error(args)
    return store, None if err is None else error_text(err, cli_lang(args))


def _store_or_error(args: argparse.Namespace) -> Any:
    """(the store, None), or (None, the StoreError that says why there is none)."""
    from ..store import DB_NAME, Store, StoreError

    data_dir = _opt(args, "data_dir")
    try:
        return Store(Path(data_dir) / DB_NAME if data_dir else None), None
    except StoreError as err:
        return None, err


def _saved_lang(args: argparse.Namespace) -> str | None:
    store, _ = _store(args)
    if store is None:
        return None
    from ..store import StoreError

    try:
        lang = store.get_setting("lang")
    except StoreError:  # a damaged store: _plain_interactive says so
        lang = None
    finally:
        store.close()
    return lang if lang in ("nl", "en") else None


def _dimension_namer(rubric: Any, lang: str) -> Any:
    from ..i18n import t
    from ..textsafe import one_line

    def name(dim: str) -> str:
        for d in getattr(rubric, "dimensions", []):
            if getattr(d, "id", None) == dim and getattr(d, "short", None) is not None:
                # a rubric file is text from outside: never an escape sequence to the terminal
                return one_line(d.short.get(lang) if hasattr(d.short, "get") else str(d.short))
        return t(f"dim.{dim}", lang)

    return name


def _plain_interactive(game: Any, args: argparse.Namespace, scenario: Any, path: Path) -> int:
    from ..engine import DamagedRun, RunError
    from ..playthrough import Playthrough
    from ..store import DamagedStore, StoreError

    store, failure = _store_or_error(args)
    problem = None if failure is None else error_text(failure, game.lang)
    saved_mode, previous = None, []
    if store is not None:
        try:
            saved_mode = store.get_setting("mode")
            previous = store.runs(finished=False, scenario_id=scenario.id, solo=True, limit=1)
        except StoreError as err:  # damaged: play can still go on, unsaved
            store.close()
            store, problem, failure = None, error_text(err, game.lang), err
    if isinstance(failure, DamagedStore):  # play unsaved, or in a fresh store beside it
        game.say(game.t("store.cannot_start", reason=problem or ""))
        choice = game.offer_fresh()
        if choice == "stop":
            return EXIT_OK
        if choice == "fresh":
            store = game.start_fresh(failure)
        if store is None:
            game.say(game.t("store.playing_unsaved"))
    mode = args.mode or saved_mode or "coach"
    mode = mode if mode in ("coach", "assessment") else "coach"
    game.mode = mode
    resumed = False
    pt = None
    if store is not None and previous and (args.mode is None or previous[0].mode == args.mode):
        rec = previous[0]
        game.say(game.t("plain.ask_resume", n=rec.steps,
                        mode=game.t(f"mode.{rec.mode}")))
        answer = game.ask(game.t("plain.yes_no"))
        if answer is None:
            return EXIT_OK
        if answer.lower() in ("", "j", "ja", "y", "yes"):
            try:
                pt = Playthrough.resume(store, rec, scenario)
                pt.lang = game.lang
                pt.lease_label = "plain"
                game.mode = pt.mode
                resumed = True
                other = pt.claim()  # open in another window: say so, and ask
                if other is not None and not game.elsewhere(pt, other):
                    return EXIT_OK
            except RunError as err:
                key = "resume.damaged" if isinstance(err, DamagedRun) else "resume.changed"
                game.say(game.t(key, reason=error_text(err, game.lang)))
                with suppress(StoreError):  # if it cannot be marked, it is offered again
                    store.end_run(rec.id, "abandoned")
    if pt is None:
        pt = Playthrough.new(scenario, mode=mode, lang=game.lang)
        pt.lease_label = "plain"
        if store is None and isinstance(failure, DamagedStore):
            pass  # asked above
        elif store is None:
            game.say(game.t("store.cannot_start", reason=problem or ""))
            answer = game.ask(game.t("plain.go_on_unsaved"))
            if answer is None or answer.lower() not in ("j", "ja", "y", "yes"):
                return EXIT_OK
        else:
            try:
                pt.attach(store)
            except StoreError as err:
                game.say(game.t("store.cannot_start", reason=error_text(err, game.lang)))
                answer = game.ask(game.t("plain.go_on_unsaved"))
                if answer is None or answer.lower() not in ("j", "ja", "y", "yes"):
                    return EXIT_OK
    keeper = None
    if store is not None and pt.saving:
        from ..leasekeeper import LeaseKeeper

        keeper = LeaseKeeper(store.path, pt.run_id, pt.owner,
                             active=lambda: not pt.watching).start()
    try:
        return game.play(pt, resumed=resumed)
    finally:
        if keeper is not None:
            keeper.stop()
        if store is not None:
            with suppress(StoreError):
                pt.release()
            store.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "play", help="play a scenario (in the app, or line by line with --plain)",
        description="Play a scenario. SCENARIO is a bundled scenario id (e.g. balie-uitschrijven; "
                    "'sovsim list' shows them all) or a scenario file (e.g. "
                    "docs/examples/stempas.yaml); a file is checked first and its problems listed.")
    p.add_argument("scenario", metavar="SCENARIO", help="a bundled scenario id (see 'sovsim list') or a .yaml file")
    p.add_argument("--plain", action="store_true",
                   help="play line by line on standard input/output (screen readers, transcripts)")
    p.add_argument("--choices", metavar="N,N,...",
                   help="play this path without asking (numbers as shown, e.g. 2,1,3, or choice "
                        "ids), then print the debrief as Markdown; nothing is saved")
    p.add_argument("--format", choices=("md", "json", "html"), default=None,
                   help="with --choices: print only the debrief, in this format (the same "
                        "debrief 'sovsim report --format' gives for the run)")
    p.add_argument("--save-run", metavar="FILE", default=None,
                   help="with --choices: also write the played run to FILE, for 'sovsim report'")
    p.add_argument("--mode", choices=("coach", "assessment"), default=None,
                   help="coach: feedback after every choice, undo allowed; "
                        "assessment: feedback only in the debrief (default: your setting)")
    p.add_argument("--watch", action="store_true",
                   help="authors: reload the file whenever you save it and replay the choices "
                        "made so far; a save with errors shows them and the last good version "
                        "plays on (a test play: not saved)")
    p.add_argument("--at", metavar="NODE", default=None,
                   help="authors: start at this node instead of the scenario's start "
                        "(a test play: not saved)")
    p.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                   help="authors: start with this value for a variable, e.g. --set spanning=8 "
                        "(repeatable; a test play: not saved)")
    p.set_defaults(func=cmd_play)
