"""What every catalog entry must satisfy, shared by the catalog test modules.

- ``catalog_reports(entries, budget_seconds=…)`` makes a test module's ``reports`` fixture: the
  checker runs once per module over its entries and the fixture maps id → DerivationReport.
- ``assert_checks_as_expected(derivation, report)``: every step of the derivation got the verdict
  it expects — a step that holds is proved or checked; a wrong step of an erratum is refuted with
  a counterexample, and the correction the catalog gives for it holds.
- ``wrong_steps`` / ``the_wrong_step`` / ``counterexample_floats`` / ``reported_vector``: read a
  refuted step's counterexample, so a test can substitute it back into an independent computation.
- ``evaluate(expr, values)`` / ``evaluate_steps(derivation, values)``: a catalog expression (or
  every line of an entry) at given numbers — exact or float, scalars, vectors or matrices — so a
  test compares the catalog's own steps with its independent computation: the catalog, not a
  copy of its formula, is what such a test checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from numbers import Rational
from types import MappingProxyType

import numpy as np
import pytest
import sympy as sp

from symderive.check import check_catalog
from symderive.check.explicit import explicit_matrices, make_explicit
from symderive.matrixcalc import Grad, Jacobian
from symderive.model import Derivation
from symderive.report import DerivationReport, StepReport

# CPU seconds per check.  The checker counts the worker's CPU time, so load on the machine does
# not eat into it; a step that cannot be proved symbolically spends the whole budget before it
# falls back to a numeric check, so a larger budget only makes such a step slower.
BUDGET_SECONDS = 2.0
# Generous, for the modules whose symbolic proofs run for seconds: the slowest, KL's three-point
# identity and Adam's sign step, took 6–8 s of wall time on a loaded machine.  Every step finishes
# well within it, so it costs nothing; it only keeps a slow proof from becoming a numeric check.
GENEROUS_BUDGET_SECONDS = 20.0


def catalog_reports(
    entries: Iterable[Derivation], *, budget_seconds: float = BUDGET_SECONDS
) -> Callable[[], Mapping[str, DerivationReport]]:
    """A module-scoped fixture named ``reports``: id → the checker's report on each entry.

    Use it as ``reports = catalog_reports(module.DERIVATIONS)`` at the top of a test module."""
    entries = tuple(entries)

    @pytest.fixture(scope="module", name="reports")
    def reports() -> Mapping[str, DerivationReport]:
        found, _ = check_catalog(entries, budget_seconds=budget_seconds, jobs=2)
        return MappingProxyType({report.id: report for report in found})

    return reports


def entry_id(derivation: Derivation) -> str:
    """The pytest id of a parametrized catalog entry: its catalog id."""
    return derivation.id


def assert_checks_as_expected(derivation: Derivation, report: DerivationReport) -> None:
    """Step k claims steps[k−1] <relation> steps[k]; its verdict must be the one it expects."""
    verdicts = [(s.index, s.outcome.verdict, s.outcome.reason) for s in report.steps]
    assert report.id == derivation.id
    assert report.as_expected, verdicts
    assert [s.index for s in report.steps] == list(range(1, len(derivation.steps))), verdicts
    for step, step_report in zip(derivation.steps[1:], report.steps, strict=True):
        assert step_report.expect == step.expect
        if step.expect == "holds":
            assert step_report.outcome.verdict in ("proved", "checked"), verdicts
        else:
            assert step_report.outcome.verdict == "refuted", verdicts
            assert step_report.outcome.counterexample is not None
            assert step_report.correction_outcome is not None
            assert step_report.correction_outcome.holds, step_report.correction_outcome


def wrong_steps(report: DerivationReport) -> list[StepReport]:
    """The steps of an erratum that are expected to be refuted, in order."""
    return [step for step in report.steps if step.expect == "refuted"]


def the_wrong_step(report: DerivationReport) -> StepReport:
    """The one step of an erratum that is expected to be refuted."""
    (wrong,) = wrong_steps(report)
    return wrong


def reported_vector(values: Mapping[str, str], name: str) -> list[float]:
    """name[1], name[2], …, name[n] of a reported point (n its reported size), in index order."""
    size = int(values["n"])
    return [float(Fraction(values[f"{name}[{i}]"])) for i in range(1, size + 1)]


def counterexample_floats(step_report: StepReport) -> dict[str, float]:
    """name → value of a refuted step's counterexample (reported as exact fractions)."""
    values = step_report.outcome.counterexample.values
    return {name: float(Fraction(value)) for name, value in values}


Number = int | float | Fraction
Value = Number | Sequence[Number] | np.ndarray


def _sympy_number(value: Number) -> sp.Expr:
    """An exact int or Fraction stays exact (Rational); a float becomes a 53-bit Float."""
    if isinstance(value, Rational):
        return sp.Rational(value.numerator, value.denominator)
    return sp.Float(float(value))


def _entrywise(symbols: sp.MatrixBase, value: Value) -> dict[sp.Basic, sp.Expr]:
    """Each entry of a matrix of symbols → the number at the same place of ``value``."""
    numbers = np.asarray(value, dtype=object).ravel()
    if len(numbers) != len(symbols):
        raise ValueError(f"evaluate: {symbols.shape} entries, got {np.shape(value)} values")
    return dict(zip(symbols, map(_sympy_number, numbers)))


def _python_value(result: sp.Basic) -> Fraction | float | np.ndarray:
    if isinstance(result, sp.MatrixBase):
        return np.array([[float(_python_value(entry)) for entry in row] for row in result.tolist()])
    if result.free_symbols:
        raise ValueError(f"evaluate: {sorted(map(str, result.free_symbols))} left free in {result}")
    if isinstance(result, sp.Rational):
        return Fraction(int(result.p), int(result.q))
    return float(result.evalf())


def evaluate(expr: sp.Basic, values: Mapping[sp.Basic, Value]) -> Fraction | float | np.ndarray:
    """``expr`` with ``values`` put in for its symbols, every Sum, Product, Integral, Derivative,
    Grad and Jacobian done.

    A Symbol takes a number, a MatrixSymbol a 2-D array (the checker's own explicit evaluation
    turns it into a matrix of entries first, so Grad/Jacobian are done entrywise), a matrix of
    symbols an array of its shape, an IndexedBase a sequence whose first entry is base[1] (the
    catalog's sums run from 1).  The result is a Fraction when it is rational (exact inputs: ints
    and Fractions), a float otherwise, a float array for a matrix.
    """
    replacements: dict[sp.Basic, sp.Basic] = {}
    entries: dict[sp.IndexedBase, list[sp.Expr]] = {}
    matrices = {symbol for symbol in values if isinstance(symbol, sp.MatrixSymbol)}
    if matrices or expr.has(Grad, Jacobian):
        explicit = explicit_matrices(matrices)
        expr = make_explicit(expr, explicit)
        for matrix, symbols in explicit.items():
            replacements.update(_entrywise(symbols, values[matrix]))
    for symbol, value in values.items():
        if isinstance(symbol, sp.IndexedBase):
            entries[symbol] = [_sympy_number(entry) for entry in value]
        elif isinstance(symbol, sp.MatrixBase):
            replacements.update(_entrywise(symbol, value))
        elif not isinstance(symbol, sp.MatrixSymbol):
            replacements[symbol] = _sympy_number(value)
    result = expr.subs(replacements).doit()
    if entries:
        result = result.replace(
            lambda node: isinstance(node, sp.Indexed) and node.base in entries,
            lambda node: entries[node.base][int(node.indices[0]) - 1],
        ).doit()
    return _python_value(result)


def evaluate_steps(derivation: Derivation, values: Mapping[sp.Basic, Value]) -> tuple:
    """Every line of ``derivation`` at ``values``, first to last (see :func:`evaluate`)."""
    return tuple(evaluate(step.expr, values) for step in derivation.steps)
