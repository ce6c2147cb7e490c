"""Shared pieces of the command line: exit codes, usage errors, finding files."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong command-line use: a short message, exit 2."""


def bundled_dir() -> Path:
    """The folder of the scenarios that ship with sovsim."""
    import scenarios

    return Path(scenarios.__file__).parent


def scenario_files(paths: Iterable[str]) -> list[Path]:
    """Files named, and *.yaml / *.yml files below folders named."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file())
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(f"no such file or folder: {p}")
    return out


def cli_lang(args: Any) -> str:
    """The language of the command line: ``--lang``, else the saved setting (when a store
    exists already; none is made just to ask), else Dutch."""
    lang = getattr(args, "lang", None)
    if lang in ("nl", "en"):
        return lang
    from sim.store import DB_NAME, Store, StoreError, default_dir

    data_dir = getattr(args, "data_dir", None)
    db = Path(data_dir) / DB_NAME if data_dir else default_dir() / DB_NAME
    if db.is_file():
        try:
            store = Store(db)
        except StoreError:
            return "nl"
        try:
            saved = store.get_setting("lang")
        except StoreError:
            saved = None
        finally:
            store.close()
        if saved in ("nl", "en"):
            return saved
    return "nl"


def print_problems(problems: Iterable[Any], lang: str, file: Any = None,
                   prefix: str = "") -> None:
    """Problems as ``file:line:col: fout: ...`` lines in ``lang``."""
    for p in problems:
        print(prefix + p.format(lang), file=file or sys.stdout)


def load_rubric_or_exit(path: str | None, args: Any = None) -> Any:
    """The rubric in use; its problems printed (in the language of ``args``, see
    :func:`cli_lang`) and exit 1 when it is broken."""
    from scoring.rubric import load_rubric
    from sim.errors import ContentError

    try:
        return load_rubric(path)
    except ContentError as err:
        print_problems(err.problems, cli_lang(args), sys.stderr)
        raise SystemExit(1) from None


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} should be 1 or more")
    return value


def add_exploration_options(parser: Any) -> None:
    """--visit-bound and --max-states, for commands that explore every play-through."""
    from sim.analysis import DEFAULT_MAX_STATES, DEFAULT_VISIT_BOUND

    parser.add_argument("--visit-bound", type=positive_int, default=DEFAULT_VISIT_BOUND,
                        metavar="N", help="in loops, enter a node at most N times per "
                        f"play-through (default {DEFAULT_VISIT_BOUND})")
    parser.add_argument("--max-states", type=positive_int, default=DEFAULT_MAX_STATES,
                        metavar="N", help="explore at most N distinct states "
                        f"(default {DEFAULT_MAX_STATES:,}); beyond that, random runs stand in")
