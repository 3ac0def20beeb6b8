"""``symderive check``: check derivations (``--all`` or ids); errata are counted separately.

Exit code 0 when every step holds as expected (an erratum's wrong steps refuted and its
corrections holding count as expected), 1 otherwise, 2 for bad usage. ``--format github``
annotates the catalog module that defines each unexpected entry; ``--format junit`` writes one
test case per step. Results come from the cache (:mod:`symderive.cache`) unless ``--no-cache``.
"""

from __future__ import annotations

from symderive.commands.options import (
    add_cache_option,
    add_format_option,
    add_jobs_option,
    add_seed_option,
    add_timeout_option,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="check catalog derivations step by step")
    parser.add_argument("ids", nargs="*", help="derivation ids (or --all)")
    parser.add_argument("--all", action="store_true", help="check the whole catalog")
    add_format_option(parser)
    add_timeout_option(parser)
    add_jobs_option(parser)
    add_seed_option(parser)
    add_cache_option(parser)
    parser.set_defaults(func=run)


def run(args, console) -> int:
    from symderive.cached import cached_catalog_run
    from symderive.commands.options import output_format, result_cache
    from symderive.errors import UsageError

    if args.all and args.ids:
        raise UsageError("name derivation ids or --all, not both")
    if not args.all and not args.ids:
        raise UsageError("name derivation ids, or --all for the whole catalog")
    form = output_format(args)
    results = result_cache(args)
    selection = ("--all",) if args.all else tuple(args.ids)
    found = cached_catalog_run(
        selection, budget_seconds=args.timeout, seed=args.seed, results=results
    )
    reports, summary = found if found is not None else _check(args, console, form, results)
    if form != "text":
        from symderive.catalog_files import entry_locations

        locations = entry_locations(report.id for report in reports)
        console.file.write(_formatted(form, reports, summary, locations))
        return 0 if summary.ok else 1

    from symderive.render.terminal import check_table, summary_text, unexpected_lines

    console.print(check_table(reports))
    for line in unexpected_lines(reports):
        console.print(line)
    console.print(summary_text(summary, reports))
    return 0 if summary.ok else 1


def _check(args, console, form: str, results):
    """Check the named derivations (steps already in the cache are not run again), with a
    progress bar on a terminal; the progress counts the steps the summary counts."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from symderive.catalog import all_derivations, get
    from symderive.cached import check_catalog_cached
    from symderive.commands.options import jobs_of

    derivations = all_derivations() if args.all else tuple(get(i) for i in args.ids)
    selection = ("--all",) if args.all else tuple(args.ids)
    total = sum(len(d.steps) - 1 for d in derivations)  # corrections are not counted as steps

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=form != "text" or not console.is_terminal,
    ) as progress:
        bar = progress.add_task("checking steps", total=total)

        def advance(task, outcome) -> None:
            if task.key[-1] == "step":
                progress.advance(bar)

        return check_catalog_cached(
            derivations, budget_seconds=args.timeout, jobs=jobs_of(args), seed=args.seed,
            results=results, on_step=advance, selection=selection,
        )  # fmt: skip


def _formatted(form: str, reports, summary, locations) -> str:
    if form == "json":
        import json

        document = {
            "derivations": [report.as_dict() for report in reports],
            "summary": summary.as_dict(),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    from symderive.render.ci_cases import catalog_cases

    cases = catalog_cases(reports, locations)
    if form == "github":
        from symderive.render.github import annotations
        from symderive.render.terminal import summary_line

        return annotations(cases, summary_line(summary))
    from symderive.render.junit import junit_xml

    return junit_xml(cases, name="symderive check")
