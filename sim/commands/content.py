"""``sovsim validate`` and ``sovsim schema``."""

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
    scenario_files,
)


def cmd_validate(args: argparse.Namespace) -> int:
    from ..lint import check_file
    from ..problemtext import Msg
    from ..yamlsafe import problem_counts

    lang = cli_lang(args)
    rubric = load_rubric_or_exit(args.rubric, args)
    files = scenario_files(args.paths or [str(bundled_dir())])
    if not files:
        raise UsageError("no .yaml files found in the paths given")
    errors = warnings = 0
    for f in files:
        found = check_file(f, rubric.dimension_ids(), rubric, args.visit_bound, args.max_states)
        print("\n".join(p.format(lang) for p in found), end="\n" if found else "")
        file_errors, file_warnings = problem_counts(found)
        errors += file_errors
        warnings += file_warnings
    failed = errors or (args.strict and warnings)
    found = (Msg("cli.found", errors=Msg("cli.errors.one" if errors == 1 else "cli.errors",
                                          n=errors),
                 warnings=Msg("cli.warnings.one" if warnings == 1 else "cli.warnings",
                              n=warnings))
             if errors or warnings else Msg("cli.no_problems"))
    summary = Msg("cli.checked.one" if len(files) == 1 else "cli.checked", n=len(files),
                  found=found)
    sys.stdout.flush()
    print(summary.text(lang), file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from ..schema import scenario_schema

    rubric = load_rubric_or_exit(args.rubric, args)
    text = json.dumps(scenario_schema(rubric.dimension_ids()), indent=2, ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="check scenario files; problems as file:line:col",
        description="Check scenario files: first the loader's errors; then, for files that "
                    "load, warnings about unreachable nodes, dead ends, missing scores, feedback "
                    "or translations, over-long choices, one-sided scoring and more (see "
                    "docs/authoring.md). Exit 1 on errors (and on warnings with --strict).")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (default: the bundled scenarios)")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    add_exploration_options(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print a JSON Schema of the scenario format (for editors)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=cmd_schema)
