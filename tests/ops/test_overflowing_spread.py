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
