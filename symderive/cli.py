"""The command line: argument parsing and exit codes only.

Each sub-command lives in ``symderive/commands/<name>.py`` and exposes
``register(subparsers)`` (adds its parser, sets ``func``) and ``run(args, console) -> int``.
Only the module of the sub-command named on the command line is imported, so ``--help``,
``--version`` and a usage error answer without loading SymPy.
Exit codes: 0 everything expected holds, 1 a step refuted/undecided unexpectedly, 2 bad usage
or bad input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from functools import partial

__all__ = ["COMMANDS", "build_parser", "main", "version"]

# name → one-line help, shown by ``symderive --help`` without importing the command's module
# (tests/cli/test_start.py checks each module registers the same line)
COMMANDS = {
    "list": "list the derivation catalog",
    "show": "show one derivation step by step, checked",
    "check": "check catalog derivations step by step",
    "equal": "check whether two expressions are equal",
    "diff": "differentiate, step by step (every step checked against SymPy)",
    "docs": "write the catalog as a LaTeX document (and build the PDF)",
    "notes": "check the derivations written in Markdown / LaTeX notes",
    "verify": "cross-validate every op and verified function: SymPy ↔ engine ↔ finite differences",
    "train": "train the lecture's 2-layer MLP and a softmax classifier with the engine",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line (with a hint when one helps) and exit code 2.
    ``argv`` is the command line being parsed, for the hints."""

    def __init__(self, *args, argv: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.argv = argv

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"symderive: error: {_with_hint(message, self.argv)}\n")
        raise SystemExit(2)


def _with_hint(message: str, argv: tuple[str, ...] = ()) -> str:
    """argparse's message, plus 'did you mean' for a misspelt command."""
    if message.startswith("argument COMMAND: invalid choice:"):
        import difflib

        word = message.split("'")[1] if "'" in message else ""
        close = difflib.get_close_matches(word, list(COMMANDS), n=1)
        if close:
            return f"unknown command {word!r} (did you mean {close[0]}?)"
        return f"unknown command {word!r} (commands: {', '.join(COMMANDS)})"
    if _looks_like_negative_expression(message, argv):
        return f"{message} (an argument that starts with '-' goes after '--', e.g. " \
            "symderive equal -- -x 0)"
    return message


def _looks_like_negative_expression(message: str, argv: tuple[str, ...]) -> bool:
    """argparse read an expression such as ``-x`` as an unknown option."""
    if "the following arguments are required" in message:
        return any(
            arg.startswith("-") and not arg.startswith("--") and len(arg) > 1
            for arg in argv
        )
    if message.startswith("unrecognized arguments: "):
        words = message.split(": ", 1)[1].split()
        return any(word.startswith("-") and not word.startswith("--") for word in words)
    return False



class _VersionAction(argparse.Action):
    """--version, looked up only when asked (importlib.metadata costs start-up time)."""

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(f"symderive {version()}\n")
        raise SystemExit(0)


def version() -> str:
    """The installed distribution's version, read from its metadata (``Version:`` of the
    ``METADATA`` file that importlib.metadata reads too, without importing that module and the
    e-mail parser it loads: ``--version`` must answer at once)."""
    from pathlib import Path

    for entry in sys.path:
        for metadata in sorted(Path(entry or ".").glob("symderive-*.dist-info/METADATA")):
            try:
                with metadata.open(encoding="utf-8") as lines:
                    for line in lines:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # end of the headers
            except OSError:
                continue
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version("symderive")
    except PackageNotFoundError:
        from symderive import __version__

        return __version__


def _requested_command(argv: list[str]) -> str | None:
    """The sub-command named on the command line, so only its module is imported."""
    for argument in argv:
        if argument == "--":
            return None
        if not argument.startswith("-"):
            return argument if argument in COMMANDS else None
    return None


def build_parser(only: str | None = None, argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that sub-command is fully configured (the others are
    listed with their help line, so ``--help`` and typos need no import)."""
    parser_class = partial(_Parser, argv=tuple(argv))
    parser = parser_class(
        prog="symderive",
        description="Check the mathematics of backpropagation.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    parser.add_argument("--no-color", action="store_true", help="plain text, no colours")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    for name, summary in COMMANDS.items():
        if only is None or name != only:
            if only is None:
                subparsers.add_parser(name, help=summary)
            continue
        module = importlib.import_module(f"symderive.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=_requested_command(arguments), argv=arguments)
    args = parser.parse_args(arguments)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from symderive.errors import SymderiveError
    from symderive.errors import TimeLimitExpired
    from symderive.render.console import make_console

    console = make_console(no_color=args.no_color or getattr(args, "sub_no_color", False))
    try:
        return int(args.func(args, console))
    except SymderiveError as error:
        sys.stderr.write(f"symderive: error: {error.one_line()}\n")
        return 2
    except TimeLimitExpired:  # an alarm that fired as a time-limited block was ending
        sys.stderr.write("symderive: error: a time limit was reached; try again or simplify\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("symderive: interrupted\n")
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
