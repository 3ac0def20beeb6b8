"""The stable kernels against mpmath where the textbook formulas fail: tails, shifts, extremes."""

from __future__ import annotations

import warnings

import mpmath
import numpy as np
import pytest

from symderive.crossval import ulp_errors
from symderive.ops import kernels, loss_kernels, loss_rule, rule


def exact(function, values, digits: int = 800) -> list:
    with mpmath.workdps(digits):
        return [function(mpmath.mpf(float(v))) for v in values]


def test_deep_negative_sigmoid_is_exp_of_x_and_matches_mpmath():
    """Below −708, 1 + e^x rounds to 1: σ(x) = e^x (subnormal down to −745)."""
    deep = np.array([-709.5, -720.0, -740.0, -745.0])
    computed = kernels.sigmoid(deep)
    np.testing.assert_array_equal(computed, np.exp(deep))
    assert ulp_errors(computed, exact(rule("sigmoid").forward_reference, deep), np.float64).max() <= 1


def test_sigmoid_derivative_kernel_is_even_and_exact_in_the_tails():
    """σ' is even; the kernel uses it, where σ(x)(1 − σ(x)) rounds to 0 for x > 37."""
    x = np.array([0.5, 3.0, 20.0, 40.0, 300.0, 700.0])
    np.testing.assert_array_equal(kernels.sigmoid_grad(x), kernels.sigmoid_grad(-x))
    textbook = kernels.sigmoid(x) * (1 - kernels.sigmoid(x))
    assert textbook[3] == 0.0  # the cancellation the kernel avoids
    reference = exact(rule("sigmoid").reference[0], x)
    assert ulp_errors(kernels.sigmoid_grad(x), reference, np.float64).max() <= 4


def test_tanh_derivative_kernel_is_exact_where_one_minus_tanh_squared_cancels():
    x = np.array([-350.0, -20.0, 0.0, 0.7, 20.0, 350.0])
    assert (1 - np.tanh(x) ** 2)[4] == 0.0
    reference = exact(rule("tanh").reference[0], x)
    assert ulp_errors(kernels.tanh_grad(x), reference, np.float64).max() <= 4


@pytest.mark.parametrize("target", [0.0, 1.0, 0.25])
def test_binary_cross_entropy_with_logits_is_exact_at_extreme_logits(target):
    derived = loss_rule("binary_cross_entropy_with_logits")
    for z in (-700.0, -40.0, -1e-8, 1e-8, 40.0, 700.0):
        loss, gradient = loss_kernels.binary_cross_entropy_with_logits(
            np.array([z]), np.array([target])
        )
        with mpmath.workdps(400):
            arguments = (mpmath.mpf(z), mpmath.mpf(target))
            reference = [derived.value_reference(*arguments), *derived.gradient_reference(*arguments)]
        errors = ulp_errors(np.array([loss, gradient[0]]), reference, np.float64)
        assert errors.max() <= 4, (z, errors)


def test_softmax_of_shifted_logits_is_the_same_and_matches_mpmath():
    rng = np.random.default_rng(2)
    logits = rng.standard_normal((5, 4))
    for shift in (0.0, 700.0, -700.0, 1e4):
        shifted = kernels.softmax(logits + shift)
        # logits + shift itself rounds by up to |shift|·ε/2: that much may move the result
        tolerance = 4 * np.finfo(float).eps * max(1.0, abs(shift))
        np.testing.assert_allclose(shifted, kernels.softmax(logits), rtol=tolerance)
    with mpmath.workdps(50):
        for row in logits:
            values = [mpmath.mpf(float(v)) for v in row]
            total = mpmath.fsum(mpmath.exp(v) for v in values)
            reference = [mpmath.exp(v) / total for v in values]
            assert ulp_errors(kernels.softmax(row), reference, np.float64).max() <= 6


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
            exact_difference = Fraction(x[i, j]) - Fraction(m[i, 0])
            residual = Fraction(error[corrected[i], j]) if i in corrected else Fraction(0)
            if i not in corrected:  # narrow rows: at most 4 ULPs lost, checked relative
                assert abs(Fraction(difference[i, j]) - exact_difference) <= abs(
                    exact_difference
                ) * Fraction(2**-52)
            else:
                assert Fraction(difference[i, j]) + residual == exact_difference


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_kernels_raise_no_warning_at_the_extremes(dtype):
    extremes = np.array([-np.inf, -1e4, -745, -88, 0, 88, 745, 1e4, np.inf], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for kernel in (
            kernels.sigmoid,
            kernels.sigmoid_grad,
            kernels.tanh,
            kernels.tanh_grad,
            kernels.relu,
            kernels.relu_grad,
            kernels.leaky_relu,
            kernels.leaky_relu_grad,
        ):
            values = kernel(extremes)
            assert values.dtype == dtype and not np.isnan(values).any(), kernel.__name__
        for kernel in (kernels.softmax, kernels.log_softmax):
            values = kernel(extremes[1:-1].reshape(1, -1))
            assert values.dtype == dtype and np.all(np.isfinite(values))
