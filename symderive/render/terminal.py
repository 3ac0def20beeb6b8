"""Rich renderables for catalog listings, derivation reports and check summaries.

Everything here reads reports; no verdict is computed in this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sympy as sp
from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from symderive.model import Derivation
from symderive.report import CatalogSummary, DerivationReport, Outcome, StepReport

VERDICT_STYLE = {
    "proved": ("✔ proved", "bold green"),
    "checked": ("≈ checked", "cyan"),
    "refuted": ("✘ refuted", "bold red"),
    "undecided": ("? undecided", "yellow"),
}

RELATION_SYMBOL = {"=": "=", "<=": "≤", ">=": "≥", "<": "<", ">": ">", "!=": "≠"}


def verdict_text(verdict: str) -> Text:
    label, style = VERDICT_STYLE[verdict]
    return Text(label, style=style)


def pretty(expr: sp.Basic) -> str:
    """Unicode pretty-printing of a SymPy expression (multi-line where the math needs it)."""
    try:
        return sp.pretty(expr, use_unicode=True, wrap_line=False)
    except Exception:  # noqa: BLE001 - a printer failure must not hide the report
        return sp.sstr(expr)


def outcome_details(outcome: Outcome) -> Text:
    """The evidence behind a verdict: method, points, counterexample, reason."""
    text = Text()
    if outcome.method:
        text.append(f"{outcome.method}", style="dim")
    if outcome.verdict == "checked" and outcome.points:
        shown = "; ".join(
            ", ".join(f"{name}={value}" for name, value in point) for point in outcome.points[:3]
        )
        more = f" (+{len(outcome.points) - 3} more)" if len(outcome.points) > 3 else ""
        text.append(
            f"\n{len(outcome.points)} points at {outcome.digits} digits: {shown}{more}", style="dim"
        )
    if outcome.sizes:
        text.append(f"\nsizes n = {', '.join(str(s) for s in outcome.sizes)}", style="dim")
    if outcome.counterexample is not None:
        values = ", ".join(f"{name}={value}" for name, value in outcome.counterexample.values)
        text.append(f"\ncounterexample: {values}", style="red")
        sides = outcome.counterexample
        text.append(f"\n  lhs = {sides.lhs_value}, rhs = {sides.rhs_value}", style="red")
    if outcome.used_givens:
        text.append(f"\nusing given: {'; '.join(outcome.used_givens)}", style="dim")
    if outcome.excluded:
        text.append(f"\nexcluded: {', '.join(outcome.excluded)}", style="yellow")
    if outcome.reason and not outcome.excluded:
        text.append(
            f"\n{outcome.reason}", style="yellow" if outcome.verdict == "undecided" else "dim"
        )
    return text


def derivation_header(derivation: Derivation | DerivationReport) -> Panel:
    body = Text()
    body.append(f"{derivation.title}\n", style="bold")
    body.append(f"id: {derivation.id}\n", style="dim")
    body.append(f"source: {derivation.source}\n")
    body.append(f"claim: {derivation.claim}")
    if derivation.erratum_of:
        body.append(
            f"\nerratum: the note's chain, corrected in '{derivation.erratum_of}'", style="magenta"
        )
    return Panel(body, box=box.ROUNDED, expand=False)


def steps_table(derivation: Derivation, report: DerivationReport) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=False)
    table.add_column("#", justify="right", style="dim", vertical="middle")
    table.add_column("", justify="center", vertical="middle")  # the relation to the previous
    table.add_column("step", vertical="middle")
    table.add_column("justification", max_width=42)
    table.add_column("verdict", max_width=60)
    table.add_row("0", "", pretty(derivation.steps[0].expr), derivation.steps[0].justification, "")
    for step_report, step in zip(report.steps, derivation.steps[1:]):
        relation = RELATION_SYMBOL[step_report.relation]
        verdict = Group(
            verdict_text(step_report.outcome.verdict), outcome_details(step_report.outcome)
        )
        justification = Text(step_report.justification)
        if step_report.expect == "refuted":
            justification.append("\n(the note's step)", style="magenta")
        table.add_row(str(step_report.index), relation, pretty(step.expr), justification, verdict)
        if step.correction is not None and step_report.correction_outcome is not None:
            table.add_row(
                Text(f"{step_report.index}′", style="green"),
                relation,
                pretty(step.correction),
                Text("corrected step", style="green"),
                Group(
                    verdict_text(step_report.correction_outcome.verdict),
                    outcome_details(step_report.correction_outcome),
                ),
            )
    return table


def derivation_view(derivation: Derivation, report: DerivationReport) -> Group:
    status = report.status
    style = "green" if report.as_expected else "bold red"
    footer = Text(f"status: {status}", style=style)
    if report.is_erratum and report.as_expected:
        footer.append("  (every wrong step of the note refuted; corrections hold)", style="dim")
    return Group(derivation_header(derivation), steps_table(derivation, report), footer)


def catalog_table(
    derivations: Sequence[Derivation], reports: dict[str, DerivationReport] | None = None
) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="symderive catalog", expand=False)
    table.add_column("id", style="bold")
    table.add_column("title", max_width=48)
    table.add_column("source", max_width=44)
    table.add_column("steps", justify="right")
    table.add_column("status")
    for derivation in derivations:
        if reports and derivation.id in reports:
            status = reports[derivation.id].status
            style = (
                "red"
                if status.startswith("unexpected")
                else ("magenta" if status == "erratum" else "green")
            )
            status_text = Text(status, style=style)
        else:
            status_text = (
                Text(f"erratum → {derivation.erratum_of}", style="magenta")
                if derivation.erratum_of
                else Text("derivation", style="dim")
            )
        table.add_row(
            derivation.id,
            derivation.title,
            str(derivation.source),
            str(len(derivation.steps) - 1),
            status_text,
        )
    return table


def check_table(reports: Iterable[DerivationReport]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False)
    table.add_column("id", style="bold")
    table.add_column("steps", justify="right")
    table.add_column("proved", justify="right", style="green")
    table.add_column("checked", justify="right", style="cyan")
    table.add_column("refuted", justify="right", style="red")
    table.add_column("undecided", justify="right", style="yellow")
    table.add_column("status")
    for report in reports:
        verdicts = [step.outcome.verdict for step in report.steps]
        status = report.status
        style = (
            "bold red"
            if status.startswith("unexpected")
            else ("magenta" if status == "erratum" else "green")
        )
        table.add_row(
            report.id,
            str(len(verdicts)),
            str(verdicts.count("proved")),
            str(verdicts.count("checked")),
            str(verdicts.count("refuted")),
            str(verdicts.count("undecided")),
            Text(status, style=style),
        )
    return table


def unexpected_steps(reports: Iterable[DerivationReport]) -> list[tuple[str, StepReport]]:
    return [
        (report.id, step) for report in reports for step in report.steps if not step.as_expected
    ]


def summary_text(summary: CatalogSummary) -> Text:
    text = Text()
    text.append(f"{summary.derivations} derivations, {summary.steps} steps: ")
    text.append(f"{summary.proved} proved", style="green")
    text.append(", ")
    text.append(f"{summary.checked} checked", style="cyan")
    text.append(", ")
    text.append(f"{summary.refuted} refuted", style="red")
    text.append(", ")
    text.append(f"{summary.undecided} undecided", style="yellow")
    text.append(
        f"\nerrata: {summary.errata} ({summary.errata_reproduced} reproduced: the "
        "note's wrong steps refuted, corrections hold)",
        style="magenta",
    )
    text.append(f"\nwall time: {summary.seconds:.1f} s\n")
    if summary.ok:
        text.append("everything holds as expected", style="bold green")
    else:
        text.append(f"unexpected results in: {', '.join(summary.unexpected)}", style="bold red")
    return text
