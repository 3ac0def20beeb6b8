"""Options shared by the sub-commands, declared once so they mean the same thing everywhere.

* ``--json`` / ``--no-color`` (:func:`add_common_options`), also after the sub-command;
* ``--format text|json|github|junit`` (:func:`add_format_option`), ``--json`` its alias;
* ``--timeout SECONDS``, the per-step time budget (:func:`add_timeout_option`), with
  ``--budget`` accepted as a hidden alias;
* ``-j/--jobs N`` (:func:`add_jobs_option`), default: the machine's cores;
* ``--seed N`` (:func:`add_seed_option`), an integer ≥ 0.

Values are validated by :mod:`symderive.argtypes` (one line, exit code 2 on a bad value).
"""

from __future__ import annotations

import argparse
import os

from symderive.argtypes import jobs, non_negative_int, seconds

__all__ = [
    "FORMATS",
    "add_cache_option",
    "add_common_options",
    "add_format_option",
    "add_jobs_option",
    "add_seed_option",
    "add_timeout_option",
    "default_jobs",
    "jobs_of",
    "output_format",
    "result_cache",
]

FORMATS = ("text", "json", "github", "junit")


def add_common_options(parser: argparse.ArgumentParser, *, json_help: str | None = None) -> None:
    """--json and --no-color, accepted after the sub-command too."""
    parser.add_argument(
        "--json", action="store_true", help=json_help or "machine-readable output"
    )
    parser.add_argument(
        "--no-color", dest="sub_no_color", action="store_true", help="plain text, no colours"
    )


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """--format text|json|github|junit, with --json kept as an alias of --format json."""
    add_common_options(parser, json_help="same as --format json")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="text (default), json, github (workflow annotations) or junit (XML report)",
    )


def output_format(args: argparse.Namespace) -> str:
    """The chosen format; --json and a different --format together are a usage error."""
    chosen = getattr(args, "format", None)
    if getattr(args, "json", False):
        if chosen not in (None, "json"):
            from symderive.errors import UsageError

            raise UsageError(f"--json and --format {chosen} contradict each other")
        return "json"
    return chosen or "text"


def add_timeout_option(
    parser: argparse.ArgumentParser, *, default: float = 2.0, what: str = "time budget per step"
) -> None:
    """--timeout SECONDS (and the hidden alias --budget): finite, > 0, at most an hour."""
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=default,
        metavar="SECONDS",
        help=f"{what} (default {default:g})",
    )
    parser.add_argument("--budget", dest="timeout", type=seconds, help=argparse.SUPPRESS)


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j",
        "--jobs",
        type=jobs,
        default=None,
        metavar="N",
        help="worker processes (default: the machine's cores)",
    )


def add_seed_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seed", type=non_negative_int, default=0, metavar="N", help="seed of the numeric sampling"
    )


def jobs_of(args: argparse.Namespace) -> int:
    """--jobs, or the machine's cores when not given."""
    return getattr(args, "jobs", None) or default_jobs()


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the result cache ($SYMDERIVE_CACHE_DIR, "
        "default ~/.cache/symderive)",
    )


def result_cache(args: argparse.Namespace):
    """The result cache, disabled by --no-cache."""
    from symderive.cache import ResultCache

    return ResultCache(enabled=not getattr(args, "no_cache", False))
