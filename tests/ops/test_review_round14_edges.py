"""Round 14b F4: the exported gradients raise no RuntimeWarning at the edges, and an
infinite value with the same infinite target gives NaN in its own entry only.

``verified.mse([∞, 1], [∞, 1])`` warned "invalid value encountered in subtract": ∞ − ∞ is
undefined, its NaN is the right value, but the module promises no warning at the edges.
"""

import warnings

import numpy as np
import pytest

import symderive.verified as verified

inf, nan = np.inf, np.nan


def edge_calls(dtype):
    a = lambda *values: np.array(values, dtype=dtype)  # noqa: E731
    return {
        "mse": (verified.mse, a(inf, 1.0, -inf, nan), a(inf, 1.0, 0.0, 2.0)),
        "softmax_cross_entropy": (verified.softmax_cross_entropy,
                                  np.array([[1e4, -1e4, 0], [inf, inf, 0]], dtype=dtype),
                                  np.array([0, 2])),
        "binary_cross_entropy_with_logits": (verified.binary_cross_entropy_with_logits,
                                             a(1e4, -1e4, inf, -inf, nan), a(0, 1, 1, 0, 1)),
        "sigmoid_grad": (verified.sigmoid_grad, a(1e4, -1e4, inf, -inf, nan)),
        "tanh_grad": (verified.tanh_grad, a(1e4, -1e4, inf, -inf, nan)),
    }


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["mse", "softmax_cross_entropy",
                                  "binary_cross_entropy_with_logits", "sigmoid_grad",
                                  "tanh_grad"])
def test_no_warning_at_the_edges(name, dtype):
    function, *arguments = edge_calls(dtype)[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        function(*arguments)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_infinity_minus_infinity_spoils_only_its_own_entry(dtype):
    loss, gradient = verified.mse(np.array([inf, 1.0, 3.0], dtype=dtype),
                                  np.array([inf, 1.0, 1.0], dtype=dtype))
    assert np.isnan(loss)  # the mean of an undefined term is undefined
    assert np.isnan(gradient[0]) and gradient[1] == 0 and gradient[2] == dtype(2 * 2 / 3)
    assert gradient.dtype == dtype
