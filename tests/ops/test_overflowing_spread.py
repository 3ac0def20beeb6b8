"""A row of finite logits whose spread exceeds the dtype's largest value (1e308 and −1e308):
x − max x overflows to −inf, and the exact shift's rounding error (TwoSum) must not turn that
into inf − inf = NaN.  The answers are representable: softmax = [1, 0, 0], and the gradient of
the cross-entropy with target 0 is 0 — the same limits the ±inf row gives (round 12b F2)."""

import warnings

import numpy as np
import pytest

from symderive import verified
from symderive.engine import Tensor, functional

WIDE_ROWS = [
    (np.float64, [1e308, -1e308, 0.0]),
    (np.float32, [3e38, -3e38, 0.0]),
    (np.float16, [4e4, -4e4, 0.0]),
    (np.float16, [6e4, -1e4, 0.0]),
]


@pytest.mark.parametrize("dtype, row", WIDE_ROWS)
def test_softmax_of_an_overflowing_spread_is_its_limit(dtype, row):
    logits = np.array([row, [1.0, 2.0, 3.0]], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        probabilities = verified.softmax(logits)
        loss, gradient = verified.softmax_cross_entropy(logits, np.array([0, 0]))
    assert probabilities.dtype == dtype
    np.testing.assert_array_equal(probabilities[0], [1, 0, 0])
    np.testing.assert_array_equal(gradient[0], [0, 0, 0])
    # the other row is untouched: its loss alone is the batch mean minus row 0's zero
    alone, alone_gradient = verified.softmax_cross_entropy(logits[1:], np.array([0]))
    assert np.isfinite(loss) and loss == pytest.approx(float(alone) / 2, rel=1e-3)
    np.testing.assert_allclose(gradient[1], alone_gradient[0] / 2, rtol=1e-3)


def test_the_engine_shares_the_limit():
    logits = Tensor(np.array([[1e308, -1e308, 0.0], [1.0, 2.0, 3.0]]), requires_grad=True)
    loss = functional.softmax_cross_entropy(logits, np.array([0, 0]))
    loss.backward()
    assert np.isfinite(loss.data)
    np.testing.assert_array_equal(logits.grad[0], [0, 0, 0])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("name", ["sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "relu_grad"])
def test_elementwise_kernels_at_the_largest_finite_values_warn_nothing(dtype, name):
    largest = np.finfo(dtype).max
    x = np.array([-largest, largest, np.nan, 0], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = getattr(verified, name)(x)
    assert values.dtype == dtype
    assert np.isfinite(values[[0, 1, 3]]).all() and np.isnan(values[2])
    limits = {"sigmoid": [0, 1], "sigmoid_grad": [0, 0], "tanh": [-1, 1], "tanh_grad": [0, 0],
              "relu_grad": [0, 1]}
    np.testing.assert_array_equal(values[:2], limits[name])
