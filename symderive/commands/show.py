"""``symderive show ID``: one derivation step by step — math, justification, verdict."""

from __future__ import annotations

from symderive.commands.options import (
    add_cache_option,
    add_common_options,
    add_jobs_option,
    add_seed_option,
    add_timeout_option,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("show", help="show one derivation step by step, checked")
    parser.add_argument("id", help="derivation id (see 'symderive list')")
    add_common_options(parser)
    add_timeout_option(parser)
    add_jobs_option(parser)
    add_seed_option(parser)
    add_cache_option(parser)
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.catalog import get
    from symderive.cached import check_derivation_cached
    from symderive.commands.options import jobs_of, result_cache

    derivation = get(args.id)
    report = check_derivation_cached(
        derivation, budget_seconds=args.timeout, seed=args.seed, jobs=jobs_of(args),
        results=result_cache(args),
    )  # fmt: skip
    if args.json:
        import json

        console.file.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from symderive.render.terminal import derivation_view

        console.print(derivation_view(derivation, report))
    return 0 if report.as_expected else 1
