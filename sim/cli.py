"""The ``sovsim`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong command-line use: a short message, exit 2."""


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


def bundled_dir() -> Path:
    import scenarios

    return Path(scenarios.__file__).parent


def _rubric(path: str | None):  # noqa: ANN202 - scoring.rubric.Rubric
    from scoring.rubric import load_rubric
    from sim.errors import ContentError

    try:
        return load_rubric(path)
    except ContentError as err:
        for p in err.problems:
            print(p.format(), file=sys.stderr)
        raise SystemExit(EXIT_PROBLEMS) from None


def cmd_validate(args: argparse.Namespace) -> int:
    from .loader import validate_file

    rubric = _rubric(args.rubric)
    files = scenario_files(args.paths or [str(bundled_dir())])
    if not files:
        raise UsageError("no .yaml files found in the paths given")
    errors = warnings = 0
    for f in files:
        for p in validate_file(f, rubric.dimension_ids()):
            print(p.format())
            if p.severity == "error":
                errors += 1
            else:
                warnings += 1
    failed = errors or (args.strict and warnings)
    summary = f"{len(files)} file{'s' if len(files) != 1 else ''} checked: " + (
        f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
        if errors or warnings else "no problems")
    print(summary, file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import scenario_schema

    rubric = _rubric(args.rubric)
    text = json.dumps(scenario_schema(rubric.dimension_ids()), indent=2, ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sovsim",
        description="Training simulation for municipal officials who meet people who declare "
                    "themselves sovereign. Without a command, the app starts.",
    )
    parser.add_argument("--version", action="version", version=f"sovsim {__version__}")
    parser.add_argument("--lang", choices=("nl", "en"), default=None,
                        help="language of the product (default: nl, or your saved setting)")
    parser.add_argument("--rubric", metavar="PATH", help="use this rubric file instead of the bundled one")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check scenario files and report problems with file:line:col")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled scenarios)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--rubric", metavar="PATH", default=argparse.SUPPRESS, help="rubric file to check scores against")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print a JSON Schema of the scenario format (for editors)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--rubric", metavar="PATH", default=argparse.SUPPRESS, help="rubric whose dimensions the schema allows")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            parser.print_help()
            return EXIT_OK
        return int(func(args) or 0)
    except UsageError as err:
        print(f"sovsim: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("sovsim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - a user never sees a traceback
        if os.environ.get("SOVSIM_DEBUG"):
            raise
        print(f"sovsim: unexpected error: {type(err).__name__}: {err}\n"
              "Run again with SOVSIM_DEBUG=1 to see the details, and please report it.",
              file=sys.stderr)
        return EXIT_PROBLEMS


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
