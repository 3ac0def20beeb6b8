"""Catalog: ReLU and leaky ReLU — the checker's verdicts, the kink convention, and the slopes
against one-sided finite differences."""

import pytest
import sympy as sp

from symderive.catalog import activations
from symderive.functions import leaky_relu, relu
from tests.catalog.expectations import assert_checks_as_expected, catalog_reports, entry_id
from tests.catalog.finite_differences import backward_difference, central_difference

x = activations.x
reports = catalog_reports(activations.DERIVATIONS)


def plain_relu(value: float) -> float:
    return value if value > 0 else 0.0


def plain_leaky_relu(value: float, alpha: float) -> float:
    return value if value > 0 else alpha * value


@pytest.mark.parametrize("derivation", activations.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("value", [-2.5, -0.1, 0.1, 3.0])
def test_relu_slope_is_one_on_the_right_and_zero_on_the_left(value):
    slope = activations.RELU_DERIVATIVE.steps[2].expr.subs(x, value)
    assert float(slope) == pytest.approx(central_difference(plain_relu, value), abs=1e-9)


def test_relu_slope_at_the_kink_is_zero_by_convention_not_sympys_one_half():
    assert sp.Heaviside(0) == sp.Rational(1, 2)  # the SymPy default this catalog avoids
    for step in activations.RELU_DERIVATIVE.steps[1:]:
        assert step.expr.doit().subs(x, 0) == 0
    assert sp.diff(relu(x), x).subs(x, 0) == 0
    # the convention is the derivative from the left
    assert backward_difference(plain_relu, 0.0) == 0.0


@pytest.mark.parametrize("value", [-3.0, -0.2, 0.2, 2.0])
def test_leaky_relu_slope_is_one_or_alpha_with_the_notes_alpha(value):
    alpha = activations.LEAKY_ALPHA
    slope = activations.LEAKY_RELU_DERIVATIVE.steps[-2].expr.subs(
        {x: value, activations.alpha: alpha}
    )
    expected = central_difference(lambda v: plain_leaky_relu(v, float(alpha)), value)
    assert float(slope) == pytest.approx(expected, rel=1e-7)
    assert float(alpha) == 0.01


def test_leaky_relu_slope_at_the_kink_is_alpha():
    alpha = activations.LEAKY_ALPHA
    assert sp.diff(leaky_relu(x, alpha), x).subs(x, 0) == alpha
