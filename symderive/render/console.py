"""The rich console: colour unless --no-color or NO_COLOR; plain text when piped."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def make_console(*, no_color: bool = False, stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    plain = no_color or bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(
        file=stream,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        soft_wrap=False,
        width=None if stream.isatty() else 120,
    )


def add_common_options(parser) -> None:
    """--json and --no-color, accepted after the sub-command too."""
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--no-color", dest="sub_no_color", action="store_true", help="plain text, no colours"
    )
