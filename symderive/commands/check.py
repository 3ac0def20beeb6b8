"""``symderive check``: check derivations (``--all`` or ids); errata are counted separately.

Exit code 0 when every step holds as expected (an erratum's wrong steps refuted and its
corrections holding count as expected), 1 otherwise, 2 for bad usage.
"""

from __future__ import annotations

import json
import os

from symderive.errors import UsageError
from symderive.render.console import add_common_options


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="check catalog derivations step by step")
    parser.add_argument("ids", nargs="*", help="derivation ids (or --all)")
    parser.add_argument("--all", action="store_true", help="check the whole catalog")
    add_common_options(parser)
    parser.add_argument(
        "--timeout",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="time budget per step (default 2)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="worker processes (default: 2 or the number of cores)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the numeric sampling")
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.catalog import all_derivations, get
    from symderive.check import check_catalog
    from symderive.render.terminal import check_table, summary_text, unexpected_steps

    if args.all == bool(args.ids):
        raise UsageError("name derivation ids or --all (not both)")
    if args.timeout <= 0 or args.timeout > 3600:
        raise UsageError("--timeout must be between 0 and 3600 seconds")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    derivations = all_derivations() if args.all else tuple(get(i) for i in args.ids)
    total = sum(
        len(d.steps) - 1 + sum(1 for s in d.steps if s.correction is not None) for d in derivations
    )

    if args.json:
        reports, summary = check_catalog(
            derivations, budget_seconds=args.timeout, jobs=args.jobs, seed=args.seed
        )
        document = {
            "derivations": [report.as_dict() for report in reports],
            "summary": summary.as_dict(),
        }
        console.file.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0 if summary.ok else 1

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        bar = progress.add_task("checking steps", total=total)
        reports, summary = check_catalog(
            derivations,
            budget_seconds=args.timeout,
            jobs=args.jobs,
            seed=args.seed,
            on_step=lambda task, outcome: progress.advance(bar),
        )
    console.print(check_table(reports))
    for derivation_id, step in unexpected_steps(reports):
        console.print(
            f"[red]unexpected[/red] {derivation_id} step {step.index}: "
            f"{step.outcome.verdict} ({step.outcome.reason or step.outcome.method})"
        )
    console.print(summary_text(summary))
    return 0 if summary.ok else 1
