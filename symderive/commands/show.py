"""``symderive show ID``: one derivation step by step — math, justification, verdict."""

from __future__ import annotations

import json

from symderive.render.console import add_common_options


def register(subparsers) -> None:
    parser = subparsers.add_parser("show", help="show one derivation step by step, checked")
    parser.add_argument("id", help="derivation id (see 'symderive list')")
    add_common_options(parser)
    parser.add_argument(
        "--timeout",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="time budget per step (default 2)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the numeric sampling")
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.catalog import get
    from symderive.check import check_derivation
    from symderive.render.terminal import derivation_view

    derivation = get(args.id)
    report = check_derivation(derivation, budget_seconds=args.timeout, seed=args.seed, jobs=2)
    if args.json:
        console.file.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        console.print(derivation_view(derivation, report))
    return 0 if report.as_expected else 1
