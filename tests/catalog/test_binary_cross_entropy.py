"""Catalog: binary cross-entropy — verdicts, gradients by finite differences, the lost sign."""

import math
import random

import pytest

from symderive.catalog import binary_cross_entropy
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    counterexample_floats,
    entry_id,
    evaluate,
    evaluate_steps,
)
from tests.catalog.finite_differences import central_difference

reports = catalog_reports(binary_cross_entropy.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


def bce(t: float, y: float) -> float:
    return -t * math.log(y) - (1 - t) * math.log(1 - y)


def cross_entropy(label, prediction) -> float:
    return -sum(a * math.log(b) for a, b in zip(label, prediction))


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


@pytest.mark.parametrize("derivation", binary_cross_entropy.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_binary_cross_entropy_is_two_class_cross_entropy():
    """−t log ŷ − (1 − t) log(1 − ŷ) = −Σ_{i=1}^{2} t_i log ŷ_i with t = (t, 1 − t), ŷ = (ŷ, 1 − ŷ):
    the catalog's first line is bce, its last (on the entry's two-class vectors) the two-class
    cross-entropy."""
    entry = binary_cross_entropy.BINARY_CROSS_ENTROPY_AS_TWO_CLASS_CE
    binary = entry.steps[0].expr
    two_class = entry.steps[-1].expr.subs({given.lhs: given.rhs for given in entry.givens})
    rng = random.Random(0)
    for _ in range(20):
        t, y = rng.random(), rng.uniform(0.01, 0.99)
        assert bce(t, y) == pytest.approx(cross_entropy((t, 1 - t), (y, 1 - y)))
        at = {binary_cross_entropy.t: t, binary_cross_entropy.y_hat: y}
        assert evaluate(binary, at) == pytest.approx(bce(t, y), rel=1e-12)
        assert evaluate(two_class, at) == pytest.approx(
            cross_entropy((t, 1 - t), (y, 1 - y)), rel=1e-12
        )


def test_one_hot_cross_entropy_picks_the_true_class():
    """−Σ_i δ_ic log ŷ_i = −log ŷ_c: both of the catalog's lines, at n = 3 and each class c."""
    one_hot_entry = binary_cross_entropy.CROSS_ENTROPY_WITH_ONE_HOT_LABEL
    prediction = (0.1, 0.6, 0.3)
    for true_class in range(3):
        one_hot = [1.0 if i == true_class else 0.0 for i in range(3)]
        assert cross_entropy(one_hot, prediction) == -math.log(prediction[true_class])
        at = {
            binary_cross_entropy.n: 3,
            binary_cross_entropy.c: true_class + 1,  # the catalog counts classes from 1
            binary_cross_entropy.y_hat_vector: prediction,
        }
        for line in evaluate_steps(one_hot_entry, at):
            assert line == pytest.approx(cross_entropy(one_hot, prediction), rel=1e-14)


@pytest.mark.parametrize(("t", "y"), [(1.0, 0.3), (0.0, 0.8), (0.25, 0.5), (0.9, 0.05)])
def test_gradient_in_the_prediction_matches_finite_differences(t, y):
    """∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = (ŷ − t)/(ŷ(1 − ŷ)): a central difference of bce, and every
    line of the catalog's 'binary-cross-entropy-gradient'."""
    slope = central_difference(lambda prediction: bce(t, prediction), y)
    assert slope == pytest.approx((y - t) / (y * (1 - y)), rel=1e-6)
    at = {binary_cross_entropy.t: t, binary_cross_entropy.y_hat: y}
    for line in evaluate_steps(binary_cross_entropy.BINARY_CROSS_ENTROPY_GRADIENT, at):
        assert line == pytest.approx(slope, rel=1e-6)


@pytest.mark.parametrize(("t", "z"), [(1.0, -2.0), (0.0, 1.5), (0.3, 0.0), (0.7, 4.0)])
def test_gradient_through_a_sigmoid_is_sigma_minus_t_by_finite_differences(t, z):
    """∂/∂z [−t log σ(z) − (1 − t) log(1 − σ(z))] = σ(z) − t: a central difference, and every
    line of the catalog's 'sigmoid-binary-cross-entropy-gradient'."""
    slope = central_difference(lambda logit: bce(t, sigmoid(logit)), z)
    assert slope == pytest.approx(sigmoid(z) - t, rel=1e-6, abs=1e-9)
    at = {binary_cross_entropy.t: t, binary_cross_entropy.z: z}
    for line in evaluate_steps(binary_cross_entropy.SIGMOID_BINARY_CROSS_ENTROPY_GRADIENT, at):
        assert line == pytest.approx(slope, rel=1e-6, abs=1e-9)


def test_sign_erratum_counterexample_really_disagrees(reports):
    step = reports["binary-cross-entropy-sign-erratum"].steps[0]
    values = counterexample_floats(step)
    t, y = values["t"], values["yhat"]
    notes_loss = t * math.log(y) + (1 - t) * math.log(1 - y)
    assert bce(t, y) > 0 > notes_loss
    assert float(step.outcome.counterexample.lhs_value) == pytest.approx(bce(t, y))
    assert float(step.outcome.counterexample.rhs_value) == pytest.approx(notes_loss)


def test_the_loss_term_minus_t_log_y_grows_as_y_goes_to_zero(reports):
    """The note's "t log y, 즉 loss" is the term −t log y, read with the formula's minus sign:
    that term grows as y → 0 (t log y itself goes to −∞), and the catalog checks the reading."""
    step = reports["cross-entropy-t-log-y-erratum"].steps[0]
    assert step.outcome.holds
    t = 1.0
    values = [t * math.log(y) for y in (0.5, 0.1, 1e-3, 1e-9)]
    assert values == sorted(values, reverse=True)
    assert values[-1] < -20
    assert [-v for v in values] == sorted(-v for v in values)  # −t log y is what grows
