"""The step checker: every claimed relation gets *proved*, *checked*, *refuted* or *undecided*.

check_relation(lhs, rhs, "=", domains={x: POSITIVE}, budget_seconds=2.0) -> Outcome
check_derivation(derivation) -> DerivationReport
check_catalog(derivations, jobs=2, on_step=...) -> (reports, summary)
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterable, Mapping

import sympy as sp

from symderive.check.budget import Task, run_tasks
from symderive.check.context import CheckContext
from symderive.model import Derivation, Domain
from symderive.report import CatalogSummary, DerivationReport, Outcome, StepReport

DEFAULT_BUDGET_SECONDS = 2.0

__all__ = [
    "DEFAULT_BUDGET_SECONDS",
    "CheckContext",
    "check_catalog",
    "check_derivation",
    "check_relation",
]


def check_relation(
    lhs: sp.Basic,
    rhs: sp.Basic,
    relation: str = "=",
    *,
    domains: Mapping[sp.Basic, Domain] | None = None,
    givens: Iterable[sp.Eq] = (),
    independent: Iterable[Iterable[sp.Basic]] = (),
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    seed: int = 0,
    lhs_domain: Iterable = (),
    rhs_domain: Iterable = (),
) -> Outcome:
    """Decide ``lhs <relation> rhs`` within ``budget_seconds`` (a hard, process-level budget).

    ``lhs_domain`` / ``rhs_domain`` are the natural domains of the written sides (the
    :class:`~symderive.grammar.build.Condition` s a grammar recorded, or ``(kind, expr, why)``
    triples): points outside them are not counterexamples of a denominator, and a proof
    reports what it excludes.
    """
    conditions = tuple(
        (side, *_condition_triple(condition))
        for side, domain in (("lhs", lhs_domain), ("rhs", rhs_domain))
        for condition in domain
    )
    context = CheckContext.build(domains, givens, independent, conditions)
    task = Task("relation", as_expression(lhs), as_expression(rhs), relation, context, seed)
    return run_tasks([task], budget_seconds)["relation"]


def _condition_triple(condition) -> tuple[str, sp.Basic, str]:
    if isinstance(condition, tuple):
        return condition
    return (condition.kind, condition.expr, condition.why)


def as_expression(value: sp.Basic | int | float) -> sp.Basic:
    """Python numbers become SymPy numbers; anything else must already be a SymPy object."""
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, bool):
        raise TypeError("a truth value is not an expression")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, float):
        return sp.Float(value)
    raise TypeError(f"expected a SymPy expression, got {type(value).__name__}")


def latex_of(expr: sp.Basic) -> str:
    """LaTeX of an expression; a printer failure falls back to SymPy's plain text."""
    try:
        return sp.latex(expr)
    except Exception:  # noqa: BLE001 - printing must never lose a report
        return r"\texttt{%s}" % sp.sstr(expr).replace("_", r"\_")


def _context_of(derivation: Derivation) -> CheckContext:
    return CheckContext.build(derivation.domains, derivation.givens, derivation.independent)


def _seed_for(derivation_id: str, index: int, seed: int) -> int:
    return (zlib.crc32(derivation_id.encode()) + 7919 * index + seed) & 0x7FFFFFFF


def tasks_for(derivation: Derivation, seed: int = 0) -> list[Task]:
    """One task per claimed relation, plus one per correction of a wrong step."""
    context = _context_of(derivation)
    tasks = []
    for index, previous, step in derivation.pairs():
        key = (derivation.id, index, "step")
        seed_here = _seed_for(derivation.id, index, seed)
        tasks.append(Task(key, previous.expr, step.expr, step.relation, context, seed_here))
        if step.correction is not None:
            correction_key = (derivation.id, index, "correction")
            tasks.append(
                Task(
                    correction_key,
                    previous.expr,
                    step.correction,
                    step.relation,
                    context,
                    seed_here,
                )
            )
    return tasks


def build_report(
    derivation: Derivation, outcomes: Mapping, seconds: float = 0.0
) -> DerivationReport:
    steps = []
    for index, previous, step in derivation.pairs():
        correction_outcome = outcomes.get((derivation.id, index, "correction"))
        steps.append(
            StepReport(
                index=index,
                lhs=sp.sstr(previous.expr),
                rhs=sp.sstr(step.expr),
                lhs_latex=latex_of(previous.expr),
                rhs_latex=latex_of(step.expr),
                relation=step.relation,
                justification=step.justification,
                outcome=outcomes[(derivation.id, index, "step")],
                expect=step.expect,
                correction=sp.sstr(step.correction) if step.correction is not None else None,
                correction_latex=(
                    latex_of(step.correction) if step.correction is not None else None
                ),
                correction_outcome=correction_outcome,
            )
        )
    return DerivationReport(
        id=derivation.id,
        title=derivation.title,
        source=str(derivation.source),
        claim=derivation.claim,
        erratum_of=derivation.erratum_of,
        steps=tuple(steps),
        seconds=seconds,
        topic=derivation.topic,
    )


def check_derivation(
    derivation: Derivation,
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    seed: int = 0,
    jobs: int = 1,
) -> DerivationReport:
    """Check every step (and every correction) of one derivation."""
    started = time.monotonic()
    outcomes = run_tasks(tasks_for(derivation, seed), budget_seconds, jobs)
    return build_report(derivation, outcomes, time.monotonic() - started)


def check_catalog(
    derivations: Iterable[Derivation],
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    seed: int = 0,
    jobs: int = 2,
    on_step: Callable[[Task, Outcome], None] | None = None,
) -> tuple[tuple[DerivationReport, ...], CatalogSummary]:
    """Check many derivations with ``jobs`` workers at once; reports keep the given order."""
    started = time.monotonic()
    derivations = tuple(derivations)
    tasks = [task for derivation in derivations for task in tasks_for(derivation, seed)]
    outcomes = run_tasks(tasks, budget_seconds, jobs, on_step)
    elapsed = time.monotonic() - started
    reports = tuple(build_report(derivation, outcomes) for derivation in derivations)
    return reports, CatalogSummary.of(reports, elapsed)
