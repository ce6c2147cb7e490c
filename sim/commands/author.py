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
    cli_lang,
    load_rubric_or_exit,
    positive_int,
    print_problems,
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
    return cli_lang(args)


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
    rubric = load_rubric_or_exit(args.rubric, args)
    report = analyse_file(path, rubric.dimension_ids(), rubric, args.visit_bound,
                          args.max_states, args.random, args.seed, _lang(args))
    if args.json:
        _write(json.dumps(report, indent=2, ensure_ascii=False) + "\n", None)
    else:
        _write(render_text(report, _lang(args)), None)
    return EXIT_OK if report["ok"] else EXIT_PROBLEMS


def _load(path: Path, dimensions: list[str], lang: str):  # noqa: ANN202
    """The scenario, or its loader errors printed (in ``lang``) and exit 1."""
    from ..errors import ContentError
    from ..loader import load_scenario

    try:
        return load_scenario(path, dimensions)
    except ContentError as err:
        print_problems(err.problems, lang, sys.stderr)
        raise SystemExit(EXIT_PROBLEMS) from None


def cmd_graph(args: argparse.Namespace) -> int:
    from ..graph import to_dot, to_mermaid

    path = scenario_path(args.file)
    rubric = load_rubric_or_exit(args.rubric, args)
    dims = rubric.dimension_ids()
    if args.scores is not None and args.scores not in dims:
        from ..yamlsafe import did_you_mean

        hint = did_you_mean(args.scores, dims) or f"; the rubric has: {', '.join(dims)}"
        raise UsageError(f"unknown rubric dimension {args.scores!r}{hint}")
    scenario = _load(path, dims, _lang(args))
    if args.scores is not None and args.scores not in scenario.dimensions_scored():
        print(f"sovsim: note: {scenario.id!r} never scores {args.scores!r}; every choice "
              "is drawn as 0", file=sys.stderr)
    if args.format == "dot":
        text = to_dot(scenario, _lang(args), args.scores)
    else:
        text = to_mermaid(scenario, _lang(args), args.scores)
        if args.output and args.output.endswith(".md"):
            text = f"```mermaid\n{text}```\n"
    _write(text, args.output)
    if args.output and args.output != "-":
        print(f"Wrote {args.output} ({len(scenario.nodes)} nodes).", file=sys.stderr)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from ..scaffold import scaffold

    try:
        text = scaffold(args.id)
    except ValueError as err:
        raise UsageError(str(err)) from None
    output = args.output or f"{args.id}.yaml"
    if output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(output)
    if target.exists() and not args.force:
        raise UsageError(f"{output} already exists; choose another name with -o, or add "
                         "--force to overwrite it")
    _write(text, output)
    steps = [(f"sovsim validate {output}", "check it"),
             (f"sovsim analyse {output}", "play every path"),
             (f"sovsim graph {output} -o {target.stem}.md", "draw it"),
             (f"sovsim play {output} --watch", "play it; it reloads when you save"),
             (f"sovsim author {output}", "every node with its status")]
    width = max(len(cmd) for cmd, _ in steps)
    print(f"Created {output}. Edit it (the guide: docs/authoring.md), then:", file=sys.stderr)
    for cmd, what in steps:
        print(f"  {cmd.ljust(width)}  {what}", file=sys.stderr)
    return EXIT_OK


def cmd_author(args: argparse.Namespace) -> int:
    from .app import _options, _run_app

    path = scenario_path(args.file)
    rubric = load_rubric_or_exit(args.rubric, args)
    _load(path, rubric.dimension_ids(), _lang(args))  # problems listed here, before the app starts
    return _run_app(_options(args, play=path, author=True))


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

    p = sub.add_parser(
        "graph", help="draw a scenario as a Mermaid or Graphviz (DOT) diagram",
        description="Write a scenario as a diagram: nodes, choices as labelled edges, "
                    "conditional routes dashed, endings coloured by outcome. Paste Mermaid "
                    "into a Markdown file (GitHub, GitLab and many editors draw it; -o "
                    "FILE.md wraps it in a ```mermaid block), or render DOT with Graphviz: "
                    "dot -Tsvg FILE.dot -o FILE.svg.")
    p.add_argument("file", metavar="FILE", help="a scenario file (or a bundled scenario's id)")
    p.add_argument("--format", choices=("mermaid", "dot"), default="mermaid",
                   help="diagram language (default: mermaid)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--scores", metavar="DIM", help="show each choice's score on this rubric "
                   "dimension, edges green (positive) or red (negative)")
    p.set_defaults(func=cmd_graph)

    p = sub.add_parser(
        "new", help="start a new scenario file from a commented, working example",
        description="Write a small, complete scenario (Dutch and English) with comments on "
                    "every part, ready to edit. It validates without warnings.")
    p.add_argument("id", metavar="ID", help="the new scenario's id: lowercase letters, digits, '-'")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to write it (default: ID.yaml here; '-' for standard output)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "author", help="the author view of a scenario in the app: every node with its status",
        description="Open a scenario in the app's author view: every node with its status "
                    "(unreachable, dead end, warnings, ending), what leads there and what it "
                    "offers. Enter plays from the highlighted node (a test play, not saved). "
                    "The view reloads when you save the file.")
    p.add_argument("file", metavar="FILE", help="a scenario file (or a bundled scenario's id)")
    p.set_defaults(func=cmd_author)
