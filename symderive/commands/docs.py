"""``symderive docs [--out DIR] [--pdf]``: the catalog as LaTeX (and a PDF when TeX is there).

Writes ``DIR/derivations.tex`` (the whole catalog) and ``DIR/derivations/<id>.tex`` (one
standalone document per derivation) from fresh check reports. ``--pdf`` compiles the catalog
into ``DIR/build/derivations.pdf`` with latexmk (or pdflatex) and says clearly when TeX is not
installed. Exit 0 when everything is as expected (and the PDF, if asked for, was built).
"""

from __future__ import annotations

import json
from pathlib import Path

from symderive.argtypes import folder
from symderive.commands.options import (
    add_common_options,
    add_jobs_option,
    add_timeout_option,
    jobs_of,
)

DOCS_BUDGET_SECONDS = 20.0  # generous, so that verdicts do not depend on the machine's load


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="write the catalog as a LaTeX document (and build the PDF)",
        description="Write the whole catalog as LaTeX: one document, and one per derivation.",
    )
    parser.add_argument("--out", default="docs", metavar="DIR", type=folder,
                        help="output folder (docs)")
    parser.add_argument("--pdf", action="store_true", help="also build the PDF (needs TeX)")
    add_timeout_option(parser, default=DOCS_BUDGET_SECONDS)
    add_jobs_option(parser)
    add_common_options(parser)
    parser.set_defaults(func=run)


def generate(out_dir: Path, *, budget_seconds: float = DOCS_BUDGET_SECONDS, jobs: int = 2):
    """Check the catalog and write its LaTeX; returns (files written, reports)."""
    from symderive.catalog import all_derivations
    from symderive.check import check_catalog
    from symderive.render.latex_doc import entries_for, write_documents

    derivations = all_derivations()
    reports, _ = check_catalog(derivations, budget_seconds=budget_seconds, jobs=jobs)
    return write_documents(entries_for(derivations, reports), out_dir), reports


def _writable_folder(out_dir: Path) -> None:
    """A usage error (exit 2, one line) unless ``out_dir`` is a folder this run can write."""
    import os

    from symderive.errors import UsageError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(f"--out {out_dir}: exists and is not a folder") from None
    except OSError as problem:
        raise UsageError(f"--out {out_dir}: cannot create the folder ({problem.strerror})") from None
    if not out_dir.is_dir():
        raise UsageError(f"--out {out_dir}: not a folder")
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out_dir}: the folder is not writable")


def run(args, console) -> int:
    from symderive.render.latex_doc import CATALOG_FILE, build_pdf

    out_dir = Path(args.out)
    _writable_folder(out_dir)  # before minutes of checking, not after (round 11b H3)
    written, reports = generate(out_dir, budget_seconds=args.timeout, jobs=jobs_of(args))
    unexpected = [report.id for report in reports if not report.as_expected]
    build = build_pdf(out_dir / CATALOG_FILE) if args.pdf else None
    if args.json:
        document = {
            "written": [str(path) for path in written],
            "derivations": len(reports),
            "unexpected": unexpected,
        }
        if build is not None:
            document["pdf"] = str(build.pdf) if build.pdf else None
            document["pdf_message"] = build.message
            document["pages"] = build.pages
            document["overfull_boxes"] = build.overfull_boxes
        console.out(json.dumps(document, indent=2), highlight=False)
    else:
        console.print(
            f"wrote {out_dir / CATALOG_FILE} and {len(written) - 1} standalone documents "
            f"in {out_dir / 'derivations'}",
            markup=False,
        )
        if unexpected:
            console.print(
                "not as expected: " + ", ".join(unexpected), style="bold red", markup=False
            )
        if build is not None:
            if build.ok:
                console.print(
                    f"PDF: {build.pdf} ({build.pages} pages, {build.overfull_boxes} overfull "
                    f"boxes, built with {build.tool})",
                    markup=False,
                )
            else:
                console.print(f"PDF not built: {build.message}", style="bold red", markup=False)
    if unexpected or (build is not None and not build.ok):
        return 1
    return 0
