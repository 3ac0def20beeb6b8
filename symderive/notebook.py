"""Notebook views: derivations, step reports and narrations that render as typeset math.

The Python API mirrors the CLI::

    from symderive import notebook
    notebook.show("sigmoid-derivative")          # symderive show / check <id>
    notebook.diff("1/(1+exp(-x))", "x")           # symderive diff EXPR VAR --steps
    notebook.docs("docs", pdf=True)               # symderive docs --out docs --pdf

Each returned object has ``_repr_latex_`` (math mode only, for MathJax) and
``_repr_markdown_``; the underlying report or narration is its ``.report`` / ``.narration``.
Views only present what the checker found; they never decide a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from symderive.report import DerivationReport, StepReport
from symderive.steps.narration import Narration

__all__ = ["DerivationView", "NarrationView", "StepView", "diff", "docs", "narrate", "show", "view"]

REPR_LIMIT = 60  # characters of an expression shown in a terminal repr

MARKS = {"proved": "✓", "checked": "≈", "refuted": "✗", "undecided": "?"}
COLORS = {"proved": "green", "checked": "blue", "refuted": "red", "undecided": "orange"}
RELATIONS = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">", "!=": r"\neq"}


def mathjax_text(text: str) -> str:
    """Text safe inside ``\\text{…}`` for MathJax."""
    for character, replacement in (
        ("\\", r"\backslash "),
        ("{", r"\{"),
        ("}", r"\}"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("%", r"\%"),
        ("&", r"\&"),
        ("_", r"\_"),
    ):
        text = text.replace(character, replacement)
    return text


def _clip(text: str, limit: int = REPR_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def verdict_latex(verdict: str) -> str:
    return rf"\color{{{COLORS[verdict]}}}{{\text{{{MARKS[verdict]} {verdict}}}}}"


@dataclass(frozen=True)
class StepView:
    """One checked step: ``lhs <relation> rhs``, its justification and verdict."""

    step: StepReport

    def __repr__(self) -> str:
        step = self.step
        claim = _clip(f"{step.lhs} {step.relation} {step.rhs}")
        return f"<StepView {step.index}: {claim} — {step.outcome.verdict}>"

    def __rich__(self):
        from symderive.render.terminal import verdict_text

        step = self.step
        text = verdict_text(step.outcome.verdict)
        text.append(f"  step {step.index}: {step.lhs} {step.relation} {step.rhs}")
        return text

    def _repr_latex_(self) -> str:
        step = self.step
        return (
            rf"$${step.lhs_latex} {RELATIONS[step.relation]} {step.rhs_latex}"
            rf"\qquad {verdict_latex(step.outcome.verdict)}$$"
        )

    def _repr_markdown_(self) -> str:
        step = self.step
        line = (
            f"**Step {step.index}** {MARKS[step.outcome.verdict]} {step.outcome.verdict}: "
            f"${step.lhs_latex} {RELATIONS[step.relation]} {step.rhs_latex}$"
        )
        if step.justification:
            line += f" — {step.justification}"
        if step.outcome.counterexample is not None:
            values = ", ".join(f"{k} = {v}" for k, v in step.outcome.counterexample.values)
            line += f" (counterexample: {values})"
        if step.correction_latex:
            line += f"; correction: ${step.correction_latex}$"
        return line + "\n"


@dataclass(frozen=True)
class DerivationView:
    """A checked derivation as an aligned chain with a verdict per step."""

    report: DerivationReport

    def __repr__(self) -> str:
        report = self.report
        return (
            f"<DerivationView {report.id}: {report.status}, "
            f"{_plural(len(report.steps), 'step')}>"
        )

    def __rich__(self):
        from rich.console import Group
        from rich.text import Text

        from symderive.render.terminal import status_text

        head = Text(f"{self.report.id}  ", style="bold")
        head.append_text(status_text(self.report.status))
        head.append(f"  {self.report.title}")
        return Group(head, *(view.__rich__() for view in self.steps))

    @property
    def steps(self) -> tuple[StepView, ...]:
        return tuple(StepView(step) for step in self.report.steps)

    def _repr_latex_(self) -> str:
        steps = self.report.steps
        rows = [rf"& {steps[0].lhs_latex}"] if steps else []
        for step in steps:
            note = mathjax_text(step.justification)
            rows.append(
                rf"{RELATIONS[step.relation]}{{}} & {step.rhs_latex} && "
                rf"{verdict_latex(step.outcome.verdict)}\ \text{{{note}}}"
            )
            if step.correction_latex:
                rows.append(
                    rf"& \color{{green}}{{{step.correction_latex}}} && "
                    r"\text{(correction)}"
                )
        return r"$$\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}$$"

    def _repr_markdown_(self) -> str:
        report = self.report
        lines = [
            f"### {report.title}",
            f"`{report.id}` — {report.source} — **{report.status}**",
            "",
            report.claim,
            "",
        ]
        lines += [
            f"{index}. " + view._repr_markdown_() for index, view in enumerate(self.steps, start=1)
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class NarrationView:
    """A checked narration: the rule tree as an indented array (LaTeX) or nested list."""

    narration: Narration

    def __repr__(self) -> str:
        narration = self.narration
        agreement = "agrees with sympy.diff" if narration.agrees else "does NOT agree"
        return (
            f"<NarrationView d/d{narration.variable} {_clip(str(narration.expression), 40)} = "
            f"{_clip(str(narration.result), 40)} ({agreement})>"
        )

    def __rich__(self):
        from symderive.render.narration import narration_summary

        return narration_summary(self.narration)

    @property
    def result(self) -> sp.Expr:
        return self.narration.result

    def _repr_latex_(self) -> str:
        from symderive.render.narration import narration_mathjax

        return narration_mathjax(self.narration)

    def _repr_markdown_(self) -> str:
        from symderive.render.narration import narration_markdown

        return narration_markdown(self.narration)


def show(derivation_id: str, *, budget_seconds: float = 2.0, seed: int = 0) -> DerivationView:
    """Check one catalog derivation and return it as a notebook view."""
    from symderive.catalog import get
    from symderive.check import check_derivation

    report = check_derivation(get(derivation_id), budget_seconds=budget_seconds, seed=seed)
    return DerivationView(report)


def view(report: DerivationReport | StepReport | Narration):
    """Wrap an existing report or narration so that it renders in a notebook."""
    if isinstance(report, DerivationReport):
        return DerivationView(report)
    if isinstance(report, StepReport):
        return StepView(report)
    if isinstance(report, Narration):
        return NarrationView(report)
    raise TypeError(f"nothing to show for {type(report).__name__}")


def diff(
    expression: str | sp.Expr,
    variable: str | sp.Symbol,
    *,
    budget_seconds: float = 2.0,
) -> NarrationView:
    """Narrate ``d/d(variable) expression``; text is read with the plain grammar."""
    from symderive.steps import differentiate

    if isinstance(expression, str):
        from symderive.grammar.plain import parse_expression

        expression = parse_expression(expression, source="<notebook>")
    if isinstance(variable, str):
        from symderive.commands.diff import resolve_variable

        variable = resolve_variable(expression, variable)
    return NarrationView(differentiate(expression, variable, budget_seconds=budget_seconds))


def narrate(expression: str | sp.Expr, variable: str | sp.Symbol) -> NarrationView:
    """Alias of :func:`diff`."""
    return diff(expression, variable)


def docs(out_dir: str | Path = "docs", *, pdf: bool = False, budget_seconds: float = 20.0):
    """Write the catalog's LaTeX (and build the PDF); returns the PDF build or the files."""
    from symderive.commands.docs import generate
    from symderive.render.latex_doc import CATALOG_FILE, build_pdf

    out_dir = Path(out_dir)
    written, _ = generate(out_dir, budget_seconds=budget_seconds)
    return build_pdf(out_dir / CATALOG_FILE) if pdf else written
