"""Catalog: bias–variance — verdicts, and the decomposition recomputed on explicit distributions."""

from fractions import Fraction
from itertools import product

import pytest
import sympy as sp

from symderive.catalog import bias_variance
from symderive.check.finite import FiniteModel
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate,
)

reports = catalog_reports(bias_variance.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


def expectation(probabilities, values) -> Fraction:
    return sum((p * v for p, v in zip(probabilities, values)), Fraction(0))


def fractions(text: str) -> list[Fraction]:
    """'[1/2, -3/4]' (a reported list of exact values) → Fractions."""
    return [Fraction(item) for item in text.strip("[]").split(",")]


@pytest.mark.parametrize("derivation", bias_variance.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_decomposition_on_an_explicit_joint_distribution():
    """y_t = f + ε, ŷ independent of ε: E[(y_t − ŷ)²] = σ² + Var(ŷ) + (E[ŷ] − f)², exactly —
    and the catalog's first and last lines, on the same joint distribution, give that number."""
    f = Fraction(3, 2)
    noise = [
        (Fraction(1, 4), Fraction(-2)),
        (Fraction(1, 2), Fraction(1)),
        (Fraction(1, 4), Fraction(0)),
    ]
    predictions = [(Fraction(1, 3), Fraction(5, 2)), (Fraction(2, 3), Fraction(-1))]
    joint = [(pe * py, f + e, y) for (pe, e), (py, y) in product(noise, predictions)]
    probabilities = [p for p, _, _ in joint]
    assert expectation([p for p, _ in noise], [e for _, e in noise]) == 0
    sigma_squared = expectation([p for p, _ in noise], [e**2 for _, e in noise])
    mean_prediction = expectation([p for p, _ in predictions], [y for _, y in predictions])
    variance = expectation(
        [p for p, _ in predictions], [(y - mean_prediction) ** 2 for _, y in predictions]
    )
    expected_error = expectation(probabilities, [(target - y) ** 2 for _, target, y in joint])
    assert expected_error == sigma_squared + variance + (mean_prediction - f) ** 2

    decomposition = bias_variance.BIAS_VARIANCE_DECOMPOSITION
    # the entry's own setting: y_t = f + ε and σ² = Var(ε)
    givens = {given.lhs: given.rhs for given in decomposition.givens}
    model = FiniteModel(
        tuple(sp.Rational(p) for p in probabilities),
        {
            bias_variance.eps: tuple(sp.Rational(f_plus_e - f) for _, f_plus_e, _ in joint),
            bias_variance.y_hat: tuple(sp.Rational(y) for _, _, y in joint),
        },
    )

    def on_the_joint_distribution(line: sp.Expr) -> Fraction:
        return evaluate(model.resolve(line.subs(givens)), {bias_variance.f: f})

    squared_error, decomposed = decomposition.steps[0].expr, decomposition.steps[-1].expr
    assert on_the_joint_distribution(squared_error) == expected_error
    assert on_the_joint_distribution(decomposed) == expected_error


def the_notes_lines_on(values: dict) -> dict[int, tuple[Fraction, Fraction]]:
    """Both sides of each wrong step of the note, on a reported finite distribution.

    Step k relates line k − 1 to line k; a bare y_t (outside every E) takes its value on the
    reported outcome."""
    probabilities = fractions(values["P(outcome)"])
    eps, y_hat = fractions(values["epsilon"]), fractions(values["yhat"])
    f = Fraction(values["f"])
    y_t = [f + e for e in eps]
    y_t_here = y_t[int(values["outcome"])]

    def mean(xs):
        return expectation(probabilities, xs)

    def var(xs):
        return mean([x**2 for x in xs]) - mean(xs) ** 2

    linearity = (
        mean([y**2 for y in y_t])
        + mean([y**2 for y in y_hat])
        - 2 * mean([a * b for a, b in zip(y_t, y_hat)])
    )
    line_3 = var(y_t) + mean(y_t) ** 2 + var(y_hat) + mean(y_hat) ** 2 - 2 * y_t_here * mean(y_hat)
    line_4 = var(y_t) + var(y_hat) + mean([(a - b) ** 2 for a, b in zip(y_t, y_hat)])
    line_5 = var(eps) + var(y_hat) + (mean(y_hat) - f) ** 2
    return {3: (linearity, line_3), 4: (line_3, line_4), 5: (line_4, line_5)}


def test_the_wrong_steps_are_the_notes_last_three_lines(reports):
    report = reports["bias-variance-erratum"]
    assert [step.index for step in report.steps if step.expect == "refuted"] == [3, 4, 5]


@pytest.mark.parametrize("index", [3, 4, 5])
def test_erratum_counterexample_really_disagrees(reports, index):
    """Recompute the wrong step of the note on the reported finite distribution."""
    step = reports["bias-variance-erratum"].steps[index - 1]
    assert step.index == index and step.outcome.verdict == "refuted"
    counterexample = step.outcome.counterexample
    lhs, rhs = the_notes_lines_on(dict(counterexample.values))[index]
    assert lhs != rhs
    assert float(counterexample.lhs_value) == pytest.approx(float(lhs))
    assert float(counterexample.rhs_value) == pytest.approx(float(rhs))
    assert step.correction_outcome.holds
