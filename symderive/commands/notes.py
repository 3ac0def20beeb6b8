"""``symderive notes PATH…``: check every equation chain written in Markdown / LaTeX notes.

Exit code 0 when no step is refuted, 1 when any step is refuted (so a course repository can
gate on it), 2 for bad usage or bad input (a missing path, a bad option, a note that cannot be
read: not UTF-8, binary, too large, or a directive that cannot be read (``assume x postive``) —
reported on its own line with the file, the other notes still checked; 2 wins over 1). An empty note is not an error: 0 equations, exit 0. ``--format github`` prints
workflow annotations on the notes' lines, ``--format junit`` a JUnit XML report. Files whose
bytes are unchanged come from the result cache unless ``--no-cache``.
"""

from __future__ import annotations

import sys

from symderive.commands.options import (
    add_cache_option,
    add_format_option,
    add_jobs_option,
    add_seed_option,
    add_timeout_option,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "notes", help="check the derivations written in Markdown / LaTeX notes"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="note files or folders")
    add_format_option(parser)
    add_timeout_option(parser)
    add_jobs_option(parser)
    add_seed_option(parser)
    add_cache_option(parser)
    parser.add_argument(
        "-v",
        "--verbose",
        "--all-steps",
        dest="verbose",
        action="store_true",
        help="show every step, and every skipped equation with its reason",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="first show how every name of each note was read (kind, and where it came from)",
    )
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.cached import check_notes_cached
    from symderive.commands.options import jobs_of, output_format, result_cache

    form = output_format(args)
    report = check_notes_cached(
        args.paths, budget_seconds=args.timeout, jobs=jobs_of(args), seed=args.seed,
        results=result_cache(args),
    )  # fmt: skip
    if form == "json":
        import json

        console.file.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    elif form in ("github", "junit"):
        from symderive.render.ci_cases import notes_cases

        cases = notes_cases(report)
        if form == "github":
            from symderive.render.github import annotations
            from symderive.render.notes_terminal import summary_line

            console.file.write(annotations(cases, summary_line(report)))
        else:
            from symderive.render.junit import junit_xml

            console.file.write(junit_xml(cases, name="symderive notes"))
    else:
        from symderive.render.notes_terminal import render_notes

        # crop=False: a file:line longer than the terminal stays whole (never cut, never wrapped)
        console.print(render_notes(report, verbose=args.verbose, explain=args.explain), crop=False)
    for path, notice in report.bad_directives:  # one line each, on stderr: bad input (exit 2)
        line, _, message = notice.partition(": ")
        sys.stderr.write(f"{path}:{line.removeprefix('line ')}: {message}\n")
    return 2 if report.unreadable or report.bad_directives else 1 if report.refuted else 0
