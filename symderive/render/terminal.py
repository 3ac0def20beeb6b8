"""Rich renderables for catalog listings, derivation reports and check summaries.

Everything here reads reports; no verdict is computed in this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from symderive.report import CatalogSummary, DerivationReport, Outcome, StepReport

if TYPE_CHECKING:  # the listing is rendered without importing SymPy
    import sympy as sp

    from symderive.catalog_files import CatalogRow
    from symderive.model import Derivation

__all__ = [
    "RELATION_SYMBOL",
    "STATUS_STYLE",
    "VERDICT_STYLE",
    "catalog_table",
    "check_table",
    "derivation_view",
    "outcome_details",
    "plural",
    "summary_line",
    "summary_text",
    "unexpected_lines",
    "unexpected_steps",
    "verdict_text",
]

VERDICT_STYLE = {
    "proved": ("✔ proved", "bold green"),
    "checked": ("≈ checked", "cyan"),
    "refuted": ("✘ refuted", "bold red"),
    "undecided": ("? undecided", "yellow"),
}

# a derivation's status (``DerivationReport.status``) → colour: proved and checked differ,
# an erratum reproduced as expected is not an alarm
STATUS_STYLE = {
    "proved": "bold green",
    "checked": "cyan",
    "erratum": "magenta",
}
UNEXPECTED_STYLE = "bold red"

RELATION_SYMBOL = {"=": "=", "<=": "≤", ">=": "≥", "<": "<", ">": ">", "!=": "≠"}


def verdict_text(verdict: str) -> Text:
    label, style = VERDICT_STYLE[verdict]
    return Text(label, style=style)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 step``, ``2 steps``, ``0 steps``."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def status_text(status: str) -> Text:
    """A derivation's status; ``unexpected-refuted`` shows as ``unexpected refuted`` so a narrow
    column wraps it between the words."""
    return Text(status.replace("-", " "), style=STATUS_STYLE.get(status, UNEXPECTED_STYLE))


def _id_column(table: Table, ids: Iterable[str]) -> None:
    """The id column: never truncated nor wrapped (users type ids into ``show``)."""
    width = max((len(entry_id) for entry_id in ids), default=2)
    table.add_column("id", style="bold", no_wrap=True, min_width=width)


def pretty(expr: sp.Basic) -> str:
    """Unicode pretty-printing of a SymPy expression (multi-line where the math needs it)."""
    import sympy as sp

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
        if values:  # a claim between numbers has no values to show (round 44 T06)
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
    footer = Text("status: ")
    footer.append_text(status_text(report.status))
    if report.is_erratum and report.as_expected:
        footer.append("  (every wrong step of the note refuted; corrections hold)", style="dim")
    return Group(derivation_header(derivation), steps_table(derivation, report), footer)


def catalog_table(
    rows: Sequence[CatalogRow], reports: Mapping[str, DerivationReport] | None = None
) -> Group:
    """The listing, two lines an entry: the id in full (what ``show`` takes), its steps and
    status; then, indented, the title and the source, wrapped to the terminal's width."""
    width = max((len(row.id) for row in rows), default=2)
    lines: list = [Text(f"{'id':<{width}}  steps  status", style="bold")]
    for row in rows:
        if reports and row.id in reports:
            status = status_text(reports[row.id].status)
        elif row.erratum_of:
            status = Text(f"erratum → {row.erratum_of}", style="magenta")
        else:
            status = Text("derivation", style="dim")
        head = Text(f"{row.id:<{width}}", style="bold")
        head.append(f"  {row.steps:>5}  ")
        head.append_text(status)
        lines.append(head)
        detail = Text(row.title)
        detail.append(f" · {row.source}", style="dim")
        lines.append(Padding(detail, (0, 0, 0, 4)))
    return Group(*lines)


def check_table(reports: Iterable[DerivationReport]) -> Table:
    """Counts of verdicts per derivation (short headings, so 80 columns hold the full ids)."""
    reports = list(reports)
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=False,
        caption=_LEGEND,
        caption_justify="left",
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    _id_column(table, (report.id for report in reports))
    table.add_column("steps", justify="right")
    for heading, (_, style) in zip(_COUNT_HEADINGS, VERDICT_STYLE.values()):
        table.add_column(heading, justify="right", style=style)
    table.add_column("status", min_width=len("unexpected"))
    for report in reports:
        verdicts = [step.outcome.verdict for step in report.steps]
        table.add_row(
            report.id,
            str(len(verdicts)),
            *(str(verdicts.count(verdict)) for verdict in VERDICT_STYLE),
            status_text(report.status),
        )
    return table


_COUNT_HEADINGS = ("✔", "≈", "✘", "?")
_LEGEND = "✔ proved  ≈ checked  ✘ refuted  ? undecided"


def unexpected_steps(reports: Iterable[DerivationReport]) -> list[tuple[str, StepReport]]:
    return [
        (report.id, step) for report in reports for step in report.steps if not step.as_expected
    ]


def unexpected_lines(reports: Iterable[DerivationReport]) -> list[Text]:
    """One line per step that is not as expected."""
    lines = []
    for derivation_id, step in unexpected_steps(reports):
        line = Text("unexpected ", style=UNEXPECTED_STYLE)
        line.append(f"{derivation_id} step {step.index}: ")
        line.append_text(verdict_text(step.outcome.verdict))
        line.append(f" ({step.outcome.reason or step.outcome.method})")
        lines.append(line)
    return lines


def _errata_refuted(reports: Iterable[DerivationReport]) -> int:
    return sum(
        1
        for report in reports
        if report.is_erratum
        for step in report.steps
        if step.outcome.verdict == "refuted" and step.expect == "refuted"
    )


def summary_line(summary: CatalogSummary) -> str:
    """The summary in one plain line (for CI notices)."""
    verdicts = ", ".join(
        f"{getattr(summary, verdict)} {verdict}" for verdict in ("proved", "checked", "refuted",
                                                                 "undecided")
    )
    outcome = (
        "everything holds as expected"
        if summary.ok
        else "unexpected results in: " + ", ".join(summary.unexpected)
    )
    return (
        f"{plural(summary.derivations, 'derivation')}, {plural(summary.steps, 'step')}: "
        f"{verdicts}; {outcome}"
    )


def summary_text(
    summary: CatalogSummary, reports: Iterable[DerivationReport] = ()
) -> Text:
    """Counts coloured by what they mean: refutations of the notes' known errors (errata) are
    expected and shown as such; red only for what is unexpected."""
    expected_refuted = _errata_refuted(reports)
    text = Text()
    text.append(
        f"{plural(summary.derivations, 'derivation')}, {plural(summary.steps, 'step')}: "
    )
    text.append(f"{summary.proved} proved", style=VERDICT_STYLE["proved"][1])
    text.append(", ")
    text.append(f"{summary.checked} checked", style=VERDICT_STYLE["checked"][1])
    text.append(", ")
    unexpected_refuted = summary.refuted - expected_refuted
    if expected_refuted:
        text.append(f"{summary.refuted} refuted", style="red" if unexpected_refuted else "magenta")
        text.append(f" ({expected_refuted} in errata, as expected)", style="magenta")
    else:
        text.append(f"{summary.refuted} refuted", style="red" if summary.refuted else "")
    text.append(", ")
    text.append(f"{summary.undecided} undecided", style="yellow" if summary.undecided else "")
    text.append(
        f"\nerrata: {summary.errata} ({summary.errata_reproduced} reproduced: the "
        "note's wrong steps refuted, corrections hold)",
        style="magenta",
    )
    text.append(f"\nwall time: {summary.seconds:.1f} s\n")
    if summary.ok:
        text.append("everything holds as expected", style="bold green")
    else:
        text.append(
            f"unexpected results in: {', '.join(summary.unexpected)}", style=UNEXPECTED_STYLE
        )
    return text
