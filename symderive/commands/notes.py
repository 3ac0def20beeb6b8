"""``symderive notes PATH…``: check every equation chain written in Markdown / LaTeX notes.

Exit code 0 when no step is refuted, 1 when any step is refuted (so a course repository can
gate on it), 2 for bad usage (a missing path, a bad option).
"""

from __future__ import annotations

import json
import os

from symderive.errors import UsageError
from symderive.render.console import add_common_options


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "notes", help="check the derivations written in Markdown / LaTeX notes"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="note files or folders")
    add_common_options(parser)
    parser.add_argument(
        "--timeout", type=float, default=2.0, metavar="SECONDS",
        help="time budget per step (default 2)",
    )  # fmt: skip
    parser.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1),
        help="worker processes (default: 2 or the number of cores)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=0, help="seed of the numeric sampling")
    parser.add_argument(
        "--all-steps", action="store_true", help="show every step, not only the doubtful ones"
    )
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.notes.check_notes import NotesOptions, check_notes
    from symderive.render.notes_terminal import render_notes

    if args.timeout <= 0 or args.timeout > 3600:
        raise UsageError("--timeout must be between 0 and 3600 seconds")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    options = NotesOptions(budget_seconds=args.timeout, jobs=args.jobs, seed=args.seed)
    report = check_notes(args.paths, options)
    if args.json:
        console.file.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        console.print(render_notes(report, verbose=args.all_steps))
    return 1 if report.refuted else 0
