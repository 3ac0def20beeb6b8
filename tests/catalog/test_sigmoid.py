"""Catalog: sigmoid and tanh — the checker's verdicts, the erratum's counterexample substituted
back, and the formulas against finite differences and the math module."""

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from symderive.catalog import sigmoid as catalog_sigmoid
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    counterexample_floats,
    entry_id,
    evaluate_steps,
    wrong_steps,
)
from tests.catalog.finite_differences import central_difference

reports = catalog_reports(catalog_sigmoid.DERIVATIONS)


def sigma(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@pytest.mark.parametrize("derivation", catalog_sigmoid.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_sigmoid_derivative_is_proved_not_only_sampled(reports):
    assert all(s.outcome.verdict == "proved" for s in reports["sigmoid-derivative"].steps)
    assert all(s.outcome.verdict == "proved" for s in reports["sigmoid-derivative-graph"].steps)


@pytest.mark.parametrize("x", [-3.0, -0.5, 0.0, 1.0, 4.0])
def test_sigmoid_slope_is_sigma_times_one_minus_sigma(x):
    """σ'(x) = e^(−x)/(1 + e^(−x))² = (1 − σ(x))σ(x): a central difference, and every line of the
    catalog's 'sigmoid-derivative' (whose last is the derivative symderive's sigmoid declares)."""
    assert central_difference(sigma, x) == pytest.approx(sigma(x) * (1 - sigma(x)), rel=1e-8)
    for line in evaluate_steps(catalog_sigmoid.SIGMOID_DERIVATIVE, {catalog_sigmoid.x: x}):
        assert line == pytest.approx(central_difference(sigma, x), rel=1e-8)


def test_sigmoid_slope_at_zero_is_one_quarter():
    """σ'(0) = σ(0)(1 − σ(0)) = 1/4, exactly on every line of the catalog's 'sigmoid-derivative'."""
    assert central_difference(sigma, 0.0) == pytest.approx(0.25, rel=1e-9)
    for line in evaluate_steps(catalog_sigmoid.SIGMOID_DERIVATIVE, {catalog_sigmoid.x: 0}):
        assert line == Fraction(1, 4)


def test_erratum_counterexamples_really_disagree(reports):
    wrong = wrong_steps(reports["sigmoid-derivative-erratum"])
    assert len(wrong) == 1
    # the note's e^(−x)/(1 + e^(−x)) against the true slope
    x = counterexample_floats(wrong[0])["x"]
    note_slope = math.exp(-x) / (1 + math.exp(-x))
    assert abs(note_slope - central_difference(sigma, x)) > 1e-3
    # the correction has the square, as the note's own next expression does
    assert wrong[0].correction_outcome.holds
    with_square = ((1 + math.exp(-x) - 1) / (1 + math.exp(-x))) * (1 / (1 + math.exp(-x)))
    assert with_square == pytest.approx(central_difference(sigma, x), rel=1e-8)


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_lies_strictly_between_0_and_1(x):
    """0 < σ(x) < 1: the catalog's 'sigmoid-range' reads 0 < σ(x) < 1 at every x, with its σ(x)
    the float 1/(1 + e^(−x))."""
    assert 0 < sigma(x) < 1
    lower, value, upper = evaluate_steps(catalog_sigmoid.SIGMOID_RANGE, {catalog_sigmoid.x: x})
    assert value == pytest.approx(sigma(x), rel=1e-14)
    assert lower < value < upper


@pytest.mark.parametrize("x", [-2.0, -0.3, 0.0, 0.8, 2.5])
def test_tanh_slope_is_one_minus_tanh_squared(x):
    """tanh'(x) = 1 − tanh²(x): a central difference, and every line of 'tanh-derivative'."""
    assert central_difference(math.tanh, x) == pytest.approx(1 - math.tanh(x) ** 2, rel=1e-8)
    for line in evaluate_steps(catalog_sigmoid.TANH_DERIVATIVE, {catalog_sigmoid.x: x}):
        assert line == pytest.approx(central_difference(math.tanh, x), rel=1e-8)


@given(st.floats(min_value=-20, max_value=20))
def test_tanh_is_twice_sigma_of_twice_x_minus_one(x):
    """tanh(x) = 2σ(2x) − 1: every line of the catalog's 'tanh-as-sigmoid' is math.tanh(x)."""
    assert math.tanh(x) == pytest.approx(2 * sigma(2 * x) - 1, abs=1e-14)
    for line in evaluate_steps(catalog_sigmoid.TANH_AS_SIGMOID, {catalog_sigmoid.x: x}):
        assert line == pytest.approx(math.tanh(x), abs=1e-14)
