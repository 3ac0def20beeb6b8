"""Backward rules select 0 where the derivative is exactly 0, whatever the upstream (also ±∞).

The references are SymPy's derivatives of the composed functions (as one-sided limits where a
value is infinite); IEEE's 0·∞ = NaN would be a wrong answer where the function is constant.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp

from symderive.engine import Tensor

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", positive=True)  # the exponent at the points below


def _derivative(expression, symbol, point: dict) -> float:
    """d/d``symbol`` of ``expression`` with the other coordinates fixed at ``point`` first (a
    function of one variable), at ``point`` (SymPy; the one-sided limit from above where the
    value is not finite)."""
    others = {s: v for s, v in point.items() if s is not symbol}
    derivative = sp.diff(expression.subs(others), symbol)
    value = sp.simplify(derivative.subs(symbol, point[symbol]))
    if value.is_finite is True:
        return float(value)
    return float(sp.limit(derivative, symbol, point[symbol], "+"))


def _gradients(function, *arrays):
    """The engine's gradients; the backward pass raises no warning (the forward may overflow)."""
    leaves = [Tensor(np.array(a, dtype=np.float64), requires_grad=True) for a in arrays]
    with np.errstate(over="ignore"):
        loss = function(*leaves).sum()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss.backward()
    return [leaf.grad for leaf in leaves]


def test_sqrt_of_relu_is_zero_where_relu_is_constant():
    (gradient,) = _gradients(lambda t: t.relu() ** 0.5, [-1.0, 4.0])
    expression = sp.sqrt(sp.Piecewise((x, x > 0), (0, True)))
    expected = [_derivative(expression, x, {x: v}) for v in (-1, 4)]
    np.testing.assert_array_equal(gradient, expected)  # [0, 1/4]


def test_maximum_passes_an_infinite_upstream_only_to_the_selected_argument():
    (gradient,) = _gradients(lambda t: t.maximum(t * 0.5).exp(), [800.0, 1.0])
    expression = sp.exp(sp.Max(x, x / 2))
    assert gradient[0] == np.inf == _derivative(expression, x, {x: 800})  # e^800 overflows
    np.testing.assert_allclose(gradient[1], _derivative(expression, x, {x: 1}), rtol=1e-15)


def test_power_derivatives_where_the_power_is_constant():
    base, exponent = _gradients(lambda a, b: a**b, [0.0, 2.0], [2.5, 2.5])
    for k, (a, b) in enumerate(((0, sp.Rational(5, 2)), (2, sp.Rational(5, 2)))):
        np.testing.assert_allclose(exponent[k], _derivative(x**y, y, {x: a, y: b}), rtol=1e-15)
        np.testing.assert_allclose(base[k], _derivative(x**y, x, {x: a, y: b}), rtol=1e-15)
    (gradient,) = _gradients(lambda t: t**0.0, [0.0, 3.0])
    np.testing.assert_array_equal(gradient, [0.0, 0.0])  # d/dx x^0 = d/dx 1 = 0


def test_an_indeterminate_zero_times_infinity_stays_nan():
    """d/dx (x²)^(1/2) at 0 mixes 2x = 0 with ∞: |x| has no derivative there, so NaN stays."""
    t = Tensor(np.array([0.0]), requires_grad=True)
    with np.errstate(all="ignore"):
        ((t * t) ** 0.5).sum().backward()
    assert np.isnan(t.grad[0])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_selection_keeps_the_dtype(dtype):
    t = Tensor(np.array([-1.0, 2.0], dtype=dtype), requires_grad=True)
    (t.relu() ** 0.5).sum().backward()
    assert t.grad.dtype == dtype
