"""``symderive list``: the catalog as a table (``--check`` adds each entry's verdict status)."""

from __future__ import annotations

import json

from symderive.render.console import add_common_options


def register(subparsers) -> None:
    parser = subparsers.add_parser("list", help="list the derivation catalog")
    add_common_options(parser)
    parser.add_argument(
        "--check", action="store_true", help="check every entry and show its status (slower)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="time budget per step with --check (default 2)",
    )
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.catalog import all_derivations
    from symderive.render.terminal import catalog_table

    derivations = all_derivations()
    reports = None
    if args.check:
        from symderive.check import check_catalog

        checked, _ = check_catalog(derivations, budget_seconds=args.timeout)
        reports = {report.id: report for report in checked}
    if args.json:
        rows = []
        for derivation in derivations:
            row = {
                "id": derivation.id,
                "title": derivation.title,
                "source": {"note": derivation.source.note, "section": derivation.source.section},
                "steps": len(derivation.steps) - 1,
                "erratum": derivation.is_erratum,
                "erratum_of": derivation.erratum_of,
                "topic": derivation.topic,
                "claim": derivation.claim,
            }
            if reports:
                row["status"] = reports[derivation.id].status
            rows.append(row)
        console.file.write(json.dumps({"derivations": rows}, ensure_ascii=False, indent=2) + "\n")
        return 0
    console.print(catalog_table(derivations, reports))
    console.print(
        f"{len(derivations)} entries, {sum(1 for d in derivations if d.is_erratum)} errata"
    )
    return 0
