"""Rich rendering of a :class:`NotesReport`: one block per file, one line per step.

Reads the report only; every verdict was decided by the checker.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from symderive.notes.report import NoteEquation, NoteFile, NotesReport, NoteStep
from symderive.render.terminal import VERDICT_STYLE as CHECKER_VERDICT_STYLE

# the checker's four verdicts as everywhere else, plus the notes' own "skipped"
VERDICT_STYLE = {**CHECKER_VERDICT_STYLE, "skipped": ("– skipped", "dim")}


def step_text(path: str, equation: NoteEquation, step: NoteStep) -> Text:
    """``file:line  step k  lhs = rhs  verdict`` plus evidence on the following lines."""
    label, style = VERDICT_STYLE[step.verdict]
    text = Text()
    text.append(f"{path}:{equation.line}", style="bold")
    text.append(f"  step {step.index}  ")
    text.append(label, style=style)
    text.append(f"\n    {step.lhs_latex}  {step.relation}  {step.rhs_latex}")
    if step.skip is not None:
        text.append(f"\n    {step.skip.value}: {step.reason}", style="dim")
        return text
    outcome = step.outcome
    if outcome is not None and outcome.method:
        text.append(f"\n    {outcome.method}", style="dim")
    if step.counterexample is not None:
        values = ", ".join(f"{name} = {value}" for name, value in step.counterexample.values)
        text.append(f"\n    counterexample: {values}", style="red")
        text.append(
            f"\n    left side = {step.counterexample.lhs_value}, "
            f"right side = {step.counterexample.rhs_value}",
            style="red",
        )
    if step.suggestion:
        text.append(f"\n    suggestion: the left side equals {step.suggestion}", style="green")
    if step.reason:
        text.append(f"\n    {step.reason}", style="dim")
    return text


def file_group(file: NoteFile, *, verbose: bool = False) -> Group:
    """A file's steps (refuted/undecided always; all when ``verbose``) and its notices."""
    parts: list = [Text(file.path, style="bold underline")]
    if file.error:
        parts.append(Text(f"  not checked: {file.error}", style="yellow"))
        return Group(*parts)
    for notice in file.notices:
        parts.append(Text(f"  notice: {notice}", style="yellow"))
    for equation in file.equations:
        if equation.skip is not None:
            if verbose:
                parts.append(
                    Text(
                        f"{file.path}:{equation.line}  skipped ({equation.skip.value}): "
                        f"{_short(equation.latex)}",
                        style="dim",
                    )
                )
            continue
        for step in equation.steps:
            if verbose or step.verdict in ("refuted", "undecided"):
                parts.append(step_text(file.path, equation, step))
    return Group(*parts)


def summary_table(report: NotesReport) -> Table:
    summary = report.summary()
    table = Table(title="symderive notes", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("files", str(summary["files"]))
    table.add_row(
        "equations",
        f"{summary['equations']} found, {summary['equations_parsed']} chains parsed, "
        f"{summary['equations_checked']} checked, "
        f"{summary['equations_skipped']} skipped",
    )
    for reason, count in summary["equations_skipped_by_reason"].items():
        table.add_row("", f"  {count} skipped: {reason}")
    table.add_row(
        "steps",
        f"{summary['proved']} proved, {summary['checked']} checked, "
        f"{summary['refuted']} refuted, {summary['undecided']} undecided, "
        f"{summary['skipped']} skipped",
    )
    for reason, count in summary["steps_skipped_by_reason"].items():
        table.add_row("", f"  {count} steps skipped: {reason}")
    table.add_row("time", f"{summary['seconds']:.1f} s")
    return table


def render_notes(report: NotesReport, *, verbose: bool = False) -> Group:
    return Group(
        *(file_group(file, verbose=verbose) for file in report.files), summary_table(report)
    )


def _short(latex: str, limit: int = 80) -> str:
    flat = " ".join(latex.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
