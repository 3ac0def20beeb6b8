"""The stable kernels are the definitions rearranged: proved by SymPy, then run at extremes."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp

from symderive.ops import kernels

x = sp.Symbol("x", real=True)
positive = sp.Symbol("u", positive=True)  # u = |x|


def sigmoid_definition(arg):
    return 1 / (1 + sp.exp(-arg))


def test_deep_negative_sigmoid_is_exp_divided_by_one_plus_exp():
    """The patch below −L uses σ(x) = e^x/(1 + e^x) (then 1 + e^x rounds to 1)."""
    assert sp.simplify(sp.exp(x) / (1 + sp.exp(x)) - sigmoid_definition(x)) == 0


def test_sigmoid_patch_region_uses_exp_exactly():
    deep = np.array([-709.5, -720.0, -745.0])
    np.testing.assert_array_equal(kernels.sigmoid(deep), np.exp(deep))


def test_stable_sigmoid_derivative_equals_sigma_times_one_minus_sigma():
    z = sp.exp(-positive)
    for arg in (positive, -positive):
        s = sigmoid_definition(arg)
        assert sp.simplify(z / (1 + z) ** 2 - s * (1 - s)) == 0


def test_stable_tanh_derivative_equals_one_minus_tanh_squared():
    z = sp.exp(-2 * positive)
    for arg in (positive, -positive):
        assert sp.simplify((4 * z / (1 + z) ** 2 - (1 - sp.tanh(arg) ** 2)).rewrite(sp.exp)) == 0


def test_stable_binary_cross_entropy_with_logits_equals_the_definition():
    t = sp.Symbol("t", real=True)
    for arg, positive_part, negative_part in ((positive, positive, 0), (-positive, 0, positive)):
        s = sigmoid_definition(arg)
        definition = -(t * sp.log(s) + (1 - t) * sp.log(1 - s))
        stable = (1 - t) * positive_part + t * negative_part + sp.log(1 + sp.exp(-positive))
        assert sp.simplify(sp.expand_log(definition - stable, force=True)) == 0


def test_softmax_shift_invariance():
    logits = sp.symbols("o0:3", real=True)
    m = sp.Symbol("m", real=True)
    for k in range(3):
        plain = sp.exp(logits[k]) / sum(sp.exp(o) for o in logits)
        shifted = sp.exp(logits[k] - m) / sum(sp.exp(o - m) for o in logits)
        assert sp.simplify(plain - shifted) == 0


def test_shift_by_max_is_exact():
    """x − m = difference + error holds exactly (checked in exact rational arithmetic)."""
    from fractions import Fraction

    rng = np.random.default_rng(0)
    x = rng.standard_normal((20, 5)) * 10.0 ** rng.integers(-3, 5, (20, 1))
    difference, (rows, error), top = kernels.shift_by_max(x)
    m = np.take_along_axis(x, top, axis=-1)
    corrected = {int(row): k for k, row in enumerate(rows)}
    assert corrected  # the spread of 1e4-scaled rows needs the correction
    for i in range(20):
        for j in range(5):
            exact = Fraction(x[i, j]) - Fraction(m[i, 0])
            residual = Fraction(error[corrected[i], j]) if i in corrected else Fraction(0)
            if i not in corrected:  # narrow rows: at most 4 ULPs lost, checked relative
                assert abs(Fraction(difference[i, j]) - exact) <= abs(exact) * Fraction(2**-52)
            else:
                assert Fraction(difference[i, j]) + residual == exact


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_kernels_raise_no_warning_at_the_extremes(dtype):
    extremes = np.array([-1e4, -745, -88, 0, 88, 745, 1e4], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for kernel in (kernels.sigmoid, kernels.sigmoid_grad, kernels.tanh_grad, kernels.softplus):
            values = kernel(extremes)
            assert values.dtype == dtype and np.all(np.isfinite(values))
        for kernel in (kernels.softmax, kernels.log_softmax):
            values = kernel(extremes.reshape(1, -1))
            assert values.dtype == dtype and np.all(np.isfinite(values))
