"""Rich rendering of a :class:`NotesReport`: one block per file, one line per step.

Reads the report only; every verdict was decided by the checker.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from symderive.notes.report import NoteEquation, NoteFile, NotesReport, NoteStep
from symderive.render.terminal import VERDICT_STYLE as CHECKER_VERDICT_STYLE
from symderive.render.terminal import plural

__all__ = ["VERDICT_STYLE", "file_group", "render_notes", "step_text", "summary_line", "summary_table"]

INDENT = 4

# the checker's four verdicts as everywhere else, plus the notes' own "skipped"
VERDICT_STYLE = {**CHECKER_VERDICT_STYLE, "skipped": ("– skipped", "dim")}


def _indented(text: str, style: str = "") -> Padding:
    """A detail line; when it wraps, the continuation keeps the indent."""
    return Padding(Text(text, style=style), (0, 0, 0, INDENT))


def _location(text: str = "", style: str = "") -> Text:
    """A line that starts with ``file`` or ``file:line``: never wrapped, so a long path stays
    one piece that editors and terminals can open (the terminal may still fold it visually)."""
    return Text(text, style=style, no_wrap=True, overflow="ignore")


def step_text(path: str, equation: NoteEquation, step: NoteStep) -> Group:
    """``file:line  step k  verdict``, the step as written, then the evidence, indented."""
    label, style = VERDICT_STYLE.get(step.verdict, (step.verdict, ""))
    head = _location()
    head.append(f"{path}:{equation.line}", style="bold")
    head.append(f"  step {step.index}  ")
    head.append(label, style=style)
    lines: list = [head, _indented(f"{step.lhs_latex}  {step.relation}  {step.rhs_latex}")]
    if step.skip is not None:
        lines.append(_indented(f"{step.skip.value}: {step.reason}", "dim"))
        return Group(*lines)
    outcome = step.outcome
    if outcome is not None and outcome.method:
        lines.append(_indented(outcome.method, "dim"))
    if step.counterexample is not None:
        values = ", ".join(f"{name} = {value}" for name, value in step.counterexample.values)
        if values:  # a claim between numbers has no values to show (round 44 T06)
            lines.append(_indented(f"counterexample: {values}", "red"))
        lines.append(
            _indented(
                f"left side = {step.counterexample.lhs_value}, "
                f"right side = {step.counterexample.rhs_value}",
                "red",
            )
        )
    if step.suggestion:
        lines.append(_indented(f"suggestion: the left side equals {step.suggestion}", "green"))
    if step.reason:
        lines.append(_indented(step.reason, "dim"))
    if step.readings:
        lines.append(_indented("read as: " + "; ".join(step.readings), "dim"))
    return Group(*lines)


def readings_group(file: NoteFile) -> Group:
    """``--explain``: how every name of a file was read, and where the reading came from."""
    parts: list = [Text(f"{file.path}: how the names were read", style="bold")]
    if not file.readings:
        parts.append(_indented("no names read", "dim"))
    for name, how in file.readings:
        parts.append(_indented(f"{name}: {how}"))
    return Group(*parts)


def file_group(file: NoteFile, *, verbose: bool = False) -> Group:
    """A file's steps (refuted/undecided always; all when ``verbose``) and its notices."""
    parts: list = [_location(file.path, "bold underline")]
    if file.error:
        parts.append(Text(f"{file.path}:{file.ERROR_LINE}: not checked: {file.error}",
                          style="yellow"))  # fmt: skip
        return Group(*parts)
    for notice in file.notices:
        parts.append(Text(f"  notice: {notice}", style="yellow"))
    for equation in file.equations:
        if equation.skip is not None:
            if verbose:
                line = _location(f"{file.path}:{equation.line}", "bold")
                line.append(f"  skipped ({equation.skip.value})", style="dim")
                parts.append(line)
                if equation.reason:
                    parts.append(_indented(equation.reason, "dim"))
                parts.append(_indented(_short(equation.latex), "dim"))
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
    table.add_row("files", plural(summary["files"], "file"))
    table.add_row(
        "equations",
        f"{plural(summary['equations'], 'equation')} found, "
        f"{summary['equations_parsed']} parsed as chains, "
        f"{summary['equations_checked']} checked, "
        f"{summary['equations_skipped']} skipped",
    )
    for reason, count in summary["equations_skipped_by_reason"].items():
        table.add_row("", f"  {plural(count, 'equation')} skipped: {reason}")
    counts = Text(f"{plural(summary['steps'], 'step')}: ")
    for verdict in ("proved", "checked", "refuted", "undecided", "skipped"):
        style = VERDICT_STYLE[verdict][1] if summary[verdict] else ""
        counts.append(f"{summary[verdict]} {verdict}", style=style)
        if verdict != "skipped":
            counts.append(", ")
    table.add_row("steps", counts)
    for reason, count in summary["steps_skipped_by_reason"].items():
        table.add_row("", f"  {plural(count, 'step')} skipped: {reason}")
    table.add_row("time", f"{summary['seconds']:.1f} s")
    if summary["files_unreadable"]:
        verdict = Text(f"{plural(summary['files_unreadable'], 'file')} not read (see above)"
                       + (f"; {plural(summary['refuted'], 'step')} refuted"
                          if summary["refuted"] else ""), style="bold red")
    elif summary["refuted"]:
        verdict = Text(f"{plural(summary['refuted'], 'step')} refuted", style="bold red")
    elif summary["undecided"]:
        verdict = Text(
            f"no step refuted; {summary['undecided']} undecided (see above)", style="yellow"
        )
    else:
        verdict = Text("no step refuted", style="bold green")
    table.add_row("result", verdict)
    return table


def summary_line(report: NotesReport) -> str:
    """The step counts in one plain line (for CI notices)."""
    summary = report.summary()
    counts = ", ".join(
        f"{summary[verdict]} {verdict}"
        for verdict in ("proved", "checked", "refuted", "undecided", "skipped")
    )
    return f"{plural(summary['files'], 'file')}, {plural(summary['steps'], 'step')}: {counts}"


def render_notes(report: NotesReport, *, verbose: bool = False, explain: bool = False) -> Group:
    explained = [readings_group(file) for file in report.files if explain and not file.error]
    return Group(
        *explained, *(file_group(file, verbose=verbose) for file in report.files),
        summary_table(report),
    )  # fmt: skip


def _short(latex: str, limit: int = 80) -> str:
    flat = " ".join(latex.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
