"""The command line: argument parsing and exit codes only.

Each sub-command lives in ``symderive/commands/<name>.py`` and exposes
``register(subparsers)`` (adds its parser, sets ``func``) and ``run(args, console) -> int``.
Exit codes: 0 everything expected holds, 1 a step refuted/undecided unexpectedly, 2 bad usage
or bad input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from symderive.errors import SymderiveError

COMMANDS = ("list", "show", "check", "equal", "diff", "docs", "notes", "verify", "train")


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"symderive: error: {message}\n")
        raise SystemExit(2)


def _requested_command(argv: list[str]) -> str | None:
    """The sub-command named on the command line, so only its module is imported."""
    for argument in argv:
        if argument == "--":
            return None
        if not argument.startswith("-"):
            return argument if argument in COMMANDS else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="symderive",
        description="Check the mathematics of backpropagation.",
    )
    parser.add_argument("--no-color", action="store_true", help="plain text, no colours")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (only,) if only else COMMANDS:
        try:
            module = importlib.import_module(f"symderive.commands.{name}")
        except ModuleNotFoundError as missing:
            if missing.name != f"symderive.commands.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from symderive.render.console import make_console

    arguments = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=_requested_command(arguments))
    args = parser.parse_args(arguments)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    console = make_console(no_color=args.no_color or getattr(args, "sub_no_color", False))
    try:
        return int(args.func(args, console))
    except SymderiveError as error:
        sys.stderr.write(f"symderive: error: {error.one_line()}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("symderive: interrupted\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
