"""Authoring commands: ``sovsim analyse``, ``sovsim graph`` and ``sovsim new``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..clitools import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_exploration_options,
    bundled_dir,
    load_rubric_or_exit,
    positive_int,
)


def scenario_path(arg: str) -> Path:
    """A scenario file named on the command line: a path, or the id of a bundled scenario."""
    p = Path(arg)
    if p.is_file():
        return p
    if p.is_dir():
        raise UsageError(f"{arg} is a folder; name one scenario file")
    bundled = bundled_dir() / f"{arg}.yaml"
    if "/" not in arg and bundled.is_file():
        return bundled
    raise UsageError(f"no such scenario file: {arg}")


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "nl"


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise UsageError(f"cannot write {output}: {err.strerror or err}") from None
    else:
        sys.stdout.write(text)


def cmd_analyse(args: argparse.Namespace) -> int:
    from ..playtest import analyse_file, render_text

    path = scenario_path(args.file)
    rubric = load_rubric_or_exit(args.rubric)
    report = analyse_file(path, rubric.dimension_ids(), rubric, args.visit_bound,
                          args.max_states, args.random, args.seed, _lang(args))
    if args.json:
        _write(json.dumps(report, indent=2, ensure_ascii=False) + "\n", None)
    else:
        _write(render_text(report), None)
    return EXIT_OK if report["ok"] else EXIT_PROBLEMS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyse", aliases=["analyze"],
        help="play-test a scenario: paths, endings, score ranges, coverage, problems",
        description="Play every path of a scenario (loops cut by a visit bound) and report "
                    "the number of paths, how many reach each ending, the lowest and highest "
                    "total per rubric dimension with a best and a worst path, the shortest and "
                    "longest path, and node coverage. When the scenario has too many states, "
                    "seeded random runs stand in. Exit 1 when it finds a problem (a file that "
                    "does not load, a dead end, an ending or node no path reaches, an "
                    "expression that fails).")
    p.add_argument("file", metavar="FILE", help="a scenario file (or a bundled scenario's id)")
    p.add_argument("--json", action="store_true", help="print the report as JSON, for tools")
    add_exploration_options(p)
    p.add_argument("--random", type=positive_int, metavar="N", default=None,
                   help="play N seeded random runs: they stand in when the scenario is too "
                        "large to explore (default 1,000), and are reported beside the full "
                        "exploration otherwise")
    p.add_argument("--seed", type=int, default=0, metavar="S",
                   help="seed of the random runs (default 0): the same seed, the same runs")
    p.set_defaults(func=cmd_analyse)
