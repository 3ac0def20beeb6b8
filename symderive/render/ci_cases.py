"""Reports as CI test cases: one :class:`Case` per checked step, with where it is written.

The GitHub annotations (:mod:`symderive.render.github`) and the JUnit XML
(:mod:`symderive.render.junit`) both read these cases, so the two formats say the same thing.
Nothing here decides a verdict: the status of a case is read from the report
(``as_expected`` for the catalog, the verdict for notes).

Statuses: ``failed`` (refuted, or unexpected in the catalog), ``warning`` (undecided),
``skipped`` (notes' skipped steps, with their reason) and ``passed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["Case", "catalog_cases", "notes_cases", "outcome_sentence"]

RELATION_TEXT = {"=": "=", "<=": "≤", ">=": "≥", "<": "<", ">": ">", "!=": "≠"}


@dataclass(frozen=True)
class Case:
    suite: str  # a derivation id or a note's path
    name: str  # "step 3"
    file: str
    line: int
    status: str  # passed, failed, warning, skipped
    title: str
    message: str
    seconds: float = 0.0


def outcome_sentence(outcome) -> str:
    """What supports a verdict, in one line: counterexample, points, reason."""
    if outcome is None:
        return ""
    parts = [outcome.verdict]
    if outcome.method:
        parts[0] += f" ({outcome.method})"
    counterexample = getattr(outcome, "counterexample", None)
    if counterexample is not None:
        values = ", ".join(f"{name} = {value}" for name, value in counterexample.values)
        parts.append(
            f"counterexample {values or '(no variables)'}: "
            f"left side {counterexample.lhs_value}, right side {counterexample.rhs_value}"
        )
    if outcome.verdict == "checked" and outcome.points:
        parts.append(f"agrees at {len(outcome.points)} points to {outcome.digits} digits")
    if outcome.reason:
        parts.append(outcome.reason)
    return "; ".join(parts)


def _status_of_verdict(verdict: str) -> str:
    return {"refuted": "failed", "undecided": "warning", "skipped": "skipped"}.get(
        verdict, "passed"
    )


def catalog_cases(reports: Iterable, locations: Mapping[str, tuple[str, int]]) -> list[Case]:
    """One case per step (and per correction) of each derivation report. A step is failed when
    it is not as expected (an erratum's wrong step refuted *is* as expected)."""
    cases = []
    for report in reports:
        file, line = locations.get(report.id, ("", 0))
        for step in report.steps:
            relation = RELATION_TEXT.get(step.relation, step.relation)
            claim = f"{step.lhs} {relation} {step.rhs}"
            if step.as_expected:
                status = "passed"
            else:
                status = "warning" if step.outcome.verdict == "undecided" else "failed"
            expectation = " (the note's wrong step)" if step.expect == "refuted" else ""
            message = f"{claim}{expectation}: {outcome_sentence(step.outcome)}"
            if step.correction is not None and step.correction_outcome is not None:
                message += (
                    f"; correction {step.lhs} {relation} {step.correction}: "
                    f"{outcome_sentence(step.correction_outcome)}"
                )
            cases.append(
                Case(
                    suite=report.id,
                    name=f"step {step.index}",
                    file=file,
                    line=line,
                    status=status,
                    title=f"{report.id} step {step.index}: {step.outcome.verdict}",
                    message=message,
                    seconds=step.outcome.seconds,
                )
            )
    return cases


def notes_cases(report) -> list[Case]:
    """One case per step of every equation of every note; unreadable files are failed cases."""
    cases = []
    for file in report.files:
        if file.error:
            cases.append(
                Case(file.path, "read", file.path, file.ERROR_LINE, "failed", "cannot read note",
                     file.error)
            )
            continue
        for equation in file.equations:
            for step in equation.steps:
                claim = f"{step.lhs_latex} {step.relation} {step.rhs_latex}"
                if step.verdict == "skipped":
                    detail = f"skipped: {step.reason}" if step.reason else "skipped"
                else:
                    detail = outcome_sentence(step.outcome) or step.verdict
                    if step.reason and step.outcome is not None and (
                        step.reason != step.outcome.reason
                    ):
                        detail += f"; {step.reason}"
                if step.suggestion:
                    detail += f"; the derivative is {step.suggestion}"
                cases.append(
                    Case(
                        suite=file.path,
                        name=f"line {equation.line} step {step.index}",
                        file=file.path,
                        line=equation.line,
                        status=_status_of_verdict(step.verdict),
                        title=f"step {step.index} {step.verdict}",
                        message=f"{claim}: {detail}",
                        seconds=step.outcome.seconds if step.outcome is not None else 0.0,
                    )
                )
    return cases
