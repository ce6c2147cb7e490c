"""The ``sovsim`` command line. Each command lives in a module of ``sim.commands``
with a ``register(subparsers)`` function; add new modules to ``COMMANDS``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from . import __version__
from .clitools import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError

COMMANDS = [
    "sim.commands.content",
    "sim.commands.listing",
    "sim.commands.author",
    "sim.commands.report",
    "sim.commands.app",
    "sim.commands.sessions",
    "sim.commands.live",
    "sim.commands.plenary",
    "sim.commands.lrs",
]


class _Parser(argparse.ArgumentParser):
    """argparse with a short message and exit 2 on wrong use."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"sovsim: {message}\nTry 'sovsim --help'.\n")


def common_options() -> argparse.ArgumentParser:
    """The options every command takes (also after the command name); use as ``parents``
    for nested sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS,
                        help="language (default: nl, or your saved setting)")
    common.add_argument("--rubric", metavar="PATH", default=argparse.SUPPRESS,
                        help="use this rubric file instead of the bundled one")
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="where runs and settings are stored")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sovsim",
        description="Training simulation for municipal officials who meet people who declare "
                    "themselves sovereign. Without a command, the app starts.",
    )
    parser.add_argument("--version", action="version", version=f"sovsim {__version__}")
    common = common_options()
    parser.add_argument("--lang", choices=("nl", "en"), default=None,
                        help="language (default: nl, or your saved setting)")
    parser.add_argument("--rubric", metavar="PATH", default=None,
                        help="use this rubric file instead of the bundled one")
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="where runs and settings are stored")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    original = sub.add_parser

    def add_parser(name: str, **kw: object) -> argparse.ArgumentParser:
        kw.setdefault("parents", [common])
        return original(name, **kw)  # type: ignore[arg-type]

    sub.add_parser = add_parser  # type: ignore[method-assign]
    for mod in COMMANDS:
        importlib.import_module(mod).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    old_streams = sys.stdout, sys.stderr
    _guard_streams()
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = old_streams


def _guard_streams() -> None:
    """Messages never carry escape sequences to a terminal, whatever a file name holds:
    stderr always, stdout when it is a terminal (exports piped to a file stay exact)."""
    from .textsafe import SafeStream

    sys.stderr = SafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    if tty:
        sys.stdout = SafeStream(sys.stdout)  # type: ignore[assignment]


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            app_main = _app_entry()
            if app_main is None:
                parser.print_help()
                return EXIT_OK
            return int(app_main(args) or 0)
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
        from .store import StoreError

        if isinstance(err, StoreError):
            return _store_error(err, args)
        if os.environ.get("SOVSIM_DEBUG"):
            raise
        print(f"sovsim: unexpected error: {type(err).__name__}: {err}\n"
              "Run again with SOVSIM_DEBUG=1 to see the details, and please report it.",
              file=sys.stderr)
        return EXIT_PROBLEMS


def _store_error(err: Exception, args: argparse.Namespace) -> int:
    """A store that cannot be used (damaged, a folder, read-only, full): the same message
    in the user's language from every command."""
    from .clitools import cli_lang
    from .problemtext import error_text

    print(f"sovsim: {error_text(err, cli_lang(args))}", file=sys.stderr)
    return EXIT_PROBLEMS


def _app_entry():  # noqa: ANN202
    """The app's start function, once the app exists (``sim.commands.app.start``)."""
    try:
        mod = importlib.import_module("sim.commands.app")
    except ModuleNotFoundError:
        return None
    return getattr(mod, "start", None)


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
