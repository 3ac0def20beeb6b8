"""symderive verify: the three-way cross-validation table for every op and verified function.

Rows: each elementwise op (one per input), each loss, each verified function, the worked
examples of the notes and the lecture's 2-layer MLP, plus the worst ULP error of every
verified function against mpmath. Exit code 0 when every row agrees, 1 otherwise.
"""

from __future__ import annotations

import json

import numpy as np
from rich.table import Table

from symderive import crossval
from symderive.ops.definitions import ELEMENTWISE


def register(subparsers) -> None:
    from symderive.render.console import add_common_options

    parser = subparsers.add_parser(
        "verify",
        help="cross-validate every op and verified function: SymPy ↔ engine ↔ finite differences",
    )
    parser.add_argument("--seed", type=int, default=0, help="random points (default 0)")
    parser.add_argument(
        "--no-ulp", action="store_true", help="skip the ULP accuracy measurement (faster)"
    )
    add_common_options(parser)
    parser.set_defaults(func=run)


def run(args, console) -> int:
    rows = list(crossval.all_checks(seed=args.seed))
    kinks = {
        name: crossval.kink_convention_holds(name) for name, op in ELEMENTWISE.items() if op.kinks
    }
    accuracy = []
    if not args.no_ulp:
        for dtype in (np.float64, np.float32):
            for name in crossval.ULP_FUNCTIONS:
                accuracy.append(crossval.worst_ulp(name, dtype, count=200, seed=args.seed))
    accurate = [
        report.finite and report.worst_ulp <= crossval.ulp_bound(report.function)
        for report in accuracy
    ]
    passed = all(row.passed for row in rows) and all(kinks.values()) and all(accurate)
    if args.json:
        console.print_json(
            json.dumps(
                {
                    "passed": passed,
                    "checks": [row.as_dict() for row in rows],
                    "kink_convention": kinks,
                    "ulp": [
                        {
                            "function": r.function,
                            "dtype": r.dtype,
                            "worst_ulp": r.worst_ulp,
                            "at": r.at,
                            "samples": r.samples,
                            "finite": r.finite,
                            "passed": ok,
                        }
                        for r, ok in zip(accuracy, accurate)
                    ],
                }
            )
        )
        return 0 if passed else 1
    table = Table(title="three-way cross-validation (max relative error)")
    for column in ("check", "proven by", "symbolic↔code", "code↔numeric", "symbolic↔numeric", ""):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.name,
            ", ".join(row.proven_by) or "(SymPy table)",
            f"{row.symbolic_code:.1e}",
            f"{row.code_numeric:.1e}",
            f"{row.symbolic_numeric:.1e}",
            "[green]ok[/]" if row.passed else "[red]FAIL[/]",
        )
    console.print(table)
    for row in rows:
        if row.note.startswith("kink"):
            console.print(f"{row.name.split()[0]} {row.note}")
    if accuracy:
        ulp_table = Table(title="accuracy against mpmath (worst error in ULPs)")
        for column in ("function", "dtype", "worst ULP", "where", "samples", ""):
            ulp_table.add_column(column)
        for report, ok in zip(accuracy, accurate):
            ulp_table.add_row(
                report.function,
                report.dtype,
                f"{report.worst_ulp:.2f}",
                report.at,
                str(report.samples),
                "[green]ok[/]" if ok else "[red]FAIL[/]",
            )
        console.print(ulp_table)
    failed = sum(not row.passed for row in rows) + sum(not ok for ok in accurate)
    failed += sum(not ok for ok in kinks.values())
    console.print(
        f"{len(rows)} cross-validations, {len(kinks)} kink conventions, {len(accuracy)} accuracy "
        f"checks: " + ("[green]all agree[/]" if passed else f"[red]{failed} disagree[/]")
    )
    return 0 if passed else 1
