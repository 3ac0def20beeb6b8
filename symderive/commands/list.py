"""``symderive list``: the catalog as a table (``--check`` adds each entry's verdict status).

Without ``--check`` the listing comes from the cache when the catalog's files are unchanged,
so it answers without building the catalog (or importing SymPy).
"""

from __future__ import annotations

from symderive.commands.options import (
    add_cache_option,
    add_common_options,
    add_jobs_option,
    add_seed_option,
    add_timeout_option,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("list", help="list the derivation catalog")
    add_common_options(parser)
    parser.add_argument(
        "--check", action="store_true", help="check every entry and show its status (slower)"
    )
    add_timeout_option(parser, what="time budget per step with --check")
    add_jobs_option(parser)
    add_seed_option(parser)
    add_cache_option(parser)
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.catalog_files import catalog_rows
    from symderive.commands.options import jobs_of, result_cache
    from symderive.render.terminal import catalog_table, plural

    results = result_cache(args)
    rows = catalog_rows(results)
    reports = None
    if args.check:
        from symderive.cached import cached_catalog_run

        # the same run as 'check --all': one cache entry serves both
        found = cached_catalog_run(
            ("--all",), budget_seconds=args.timeout, seed=args.seed, results=results
        )
        if found is None:
            from symderive.catalog import all_derivations
            from symderive.cached import check_catalog_cached

            found = check_catalog_cached(
                all_derivations(), budget_seconds=args.timeout, jobs=jobs_of(args),
                seed=args.seed, results=results, selection=("--all",),
            )  # fmt: skip
        reports = {report.id: report for report in found[0]}
    if args.json:
        import json

        entries = []
        for row in rows:
            entry = row.as_dict()
            if reports:
                entry["status"] = reports[row.id].status
            entries.append(entry)
        document = {"derivations": entries}
        console.file.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    console.print(catalog_table(rows, reports))
    errata = sum(1 for row in rows if row.is_erratum)
    console.print(f"{plural(len(rows), 'entry', 'entries')}, {plural(errata, 'erratum', 'errata')}")
    return 0
