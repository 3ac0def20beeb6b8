"""symderive verify: the three-way cross-validation table for every op and verified function.

The library computes the report and its verdict (:func:`symderive.crossval.verify`); this
command parses the options, prints the report (JSON or tables) and exits 0 when every row
agrees, 1 otherwise.
"""

from __future__ import annotations

import json

from symderive import crossval
from symderive.argtypes import non_negative_int


def register(subparsers) -> None:
    from symderive.render.console import add_common_options

    parser = subparsers.add_parser(
        "verify",
        help="cross-validate every op and verified function: SymPy ↔ engine ↔ finite differences",
    )
    parser.add_argument(
        "--seed", type=non_negative_int, default=0, help="random points (default 0)"
    )
    parser.add_argument(
        "--no-ulp", action="store_true", help="skip the ULP accuracy measurement (faster)"
    )
    add_common_options(parser)
    parser.set_defaults(func=run)


def run(args, console) -> int:
    report = crossval.verify(seed=args.seed, ulp=not args.no_ulp)
    if args.json:
        console.print_json(json.dumps(report.as_dict()))
    else:
        console.print(report)
    return 0 if report.passed else 1
