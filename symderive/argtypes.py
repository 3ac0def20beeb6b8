"""Validated option values for the command line: argparse ``type=`` functions.

Each function turns the text of one option into a value or raises
:class:`argparse.ArgumentTypeError` with a short reason; argparse then prints one line
(``symderive check: error: argument --timeout: …``) and exits with code 2, never a
traceback. Every float is checked for NaN and infinity as well as range. Used by every
sub-command, so the same option means the same thing everywhere::

    parser.add_argument("--timeout", type=seconds, default=2.0)
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument("--lr", type=open_unit_interval, default=1e-4)

Imports nothing heavy: ``symderive --help`` must stay fast.
"""

from __future__ import annotations

import argparse
import math

__all__ = [
    "MAX_SECONDS",
    "MAX_JOBS",
    "MAX_STEPS",
    "step_count",
    "finite_float",
    "jobs",
    "non_negative_int",
    "open_unit_interval",
    "positive_float",
    "positive_int",
    "seconds",
]

MAX_SECONDS = 3600.0  # one step never gets more than an hour
MIN_SECONDS = 0.01  # below the clock's useful resolution for a budget
MAX_JOBS = 256
MAX_STEPS = 1_000_000  # training steps: the lecture runs 2000; a million takes hours already


def _number(text: str, kind: type) -> float | int:
    try:
        value = kind(text)
    except (TypeError, ValueError):
        noun = "an integer" if kind is int else "a number"
        raise argparse.ArgumentTypeError(f"expected {noun}, not {text!r}") from None
    return value


def finite_float(text: str) -> float:
    """Any finite number (no ``nan``, no ``inf``)."""
    value = _number(text, float)
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, not {text!r}")
    return value


def positive_float(text: str) -> float:
    """A finite number > 0."""
    value = finite_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number greater than 0, not {text!r}")
    return value


def seconds(text: str) -> float:
    """A time budget: finite, at least :data:`MIN_SECONDS` (below it no symbolic attempt can
    even start, round 14b L3) and at most :data:`MAX_SECONDS`."""
    value = positive_float(text)
    if value < MIN_SECONDS:
        raise argparse.ArgumentTypeError(
            f"expected at least {MIN_SECONDS:g} seconds, not {text!r}"
        )
    if value > MAX_SECONDS:
        raise argparse.ArgumentTypeError(
            f"expected at most {MAX_SECONDS:g} seconds, not {text!r}"
        )
    return value


def open_unit_interval(text: str) -> float:
    """A number strictly between 0 and 1 (a learning rate, a probability)."""
    value = finite_float(text)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(
            f"expected a number strictly between 0 and 1 (0 < value < 1), not {text!r}")
    return value


def non_negative_int(text: str) -> int:
    """An integer ≥ 0 (a seed)."""
    value = _number(text, int)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected an integer ≥ 0, not {text!r}")
    return value


def positive_int(text: str) -> int:
    """An integer ≥ 1 (a count of steps)."""
    value = _number(text, int)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected an integer ≥ 1, not {text!r}")
    return value


def step_count(text: str) -> int:
    """A number of training steps: 1 … :data:`MAX_STEPS`."""
    value = positive_int(text)
    if value > MAX_STEPS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_STEPS} steps, not {text!r}")
    return value


def jobs(text: str) -> int:
    """A number of worker processes: 1 … :data:`MAX_JOBS`."""
    value = positive_int(text)
    if value > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_JOBS} jobs, not {text!r}")
    return value


def folder(text: str) -> str:
    """A folder path: not empty (an empty --out would write into the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a folder path, not an empty string")
    return text
