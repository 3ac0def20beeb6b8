"""The rich console: colour unless --no-color or NO_COLOR; plain text when piped.

The width is the terminal's; when piped it is ``COLUMNS`` if set, otherwise
:data:`PIPED_WIDTH`.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console

from symderive.commands.options import add_common_options  # noqa: F401 - kept for train/verify

__all__ = ["PIPED_WIDTH", "make_console", "width_from_environment"]

PIPED_WIDTH = 120
MIN_WIDTH = 20


def width_from_environment(environ=os.environ) -> int | None:
    """``COLUMNS`` when it is a sensible whole number, else None."""
    text = environ.get("COLUMNS", "").strip()
    if text.isdigit() and MIN_WIDTH <= int(text) <= 10_000:
        return int(text)
    return None


def make_console(*, no_color: bool = False, stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    terminal = stream.isatty()
    plain = no_color or bool(os.environ.get("NO_COLOR")) or not terminal
    width = width_from_environment()
    if width is None and not terminal:
        width = PIPED_WIDTH
    return Console(
        file=stream,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        soft_wrap=False,
        width=width,
    )
