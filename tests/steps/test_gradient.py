"""∂f/∂W for the catalog's matrix forms, narrated entry by entry, against NumPy finite
differences and the closed forms of matrix calculus."""

from __future__ import annotations

import numpy as np
import sympy as sp

from symderive.steps import narrate_gradient
from symderive.steps.gradient import compare_with_closed_form, entry_symbols

W = sp.MatrixSymbol("W", 2, 3)
x = sp.MatrixSymbol("x", 3, 1)
A = sp.MatrixSymbol("A", 3, 3)


def numeric_gradient(gradient, values: dict) -> np.ndarray:
    return np.array(gradient.result.xreplace(values).evalf(), dtype=float)


def values_of(*matrices, seed=0) -> tuple[dict, dict]:
    """Random entries for each matrix, as a symbol → value map and as NumPy arrays."""
    rng = np.random.default_rng(seed)
    arrays = {m.name: rng.normal(size=m.shape) for m in matrices}
    symbols = {}
    for m in matrices:
        for (i, j), symbol in ((key.indices, value) for key, value in entry_symbols(m).items()):
            symbols[symbol] = sp.Float(arrays[m.name][int(i), int(j)], 30)
    return symbols, arrays


def test_gradient_of_squared_norm_of_wx_is_2_wxx_t():
    gradient = narrate_gradient((W * x).T * (W * x), W)
    assert gradient.shape == (2, 3) and len(gradient.substeps) == 6
    assert gradient.check().holds
    assert compare_with_closed_form(gradient, 2 * W * x * x.T).verdict == "proved"
    assert compare_with_closed_form(gradient, W * x * x.T).verdict == "refuted"


def test_gradient_matches_numpy_finite_differences():
    gradient = narrate_gradient((W * x).T * (W * x), W)
    symbols, arrays = values_of(W, x, seed=1)

    def loss(weights):
        out = weights @ arrays["x"]
        return float((out.T @ out)[0, 0])

    step = 1e-6
    estimate = np.zeros((2, 3))
    for i in range(2):
        for j in range(3):
            bump = np.zeros((2, 3))
            bump[i, j] = step
            estimate[i, j] = (loss(arrays["W"] + bump) - loss(arrays["W"] - bump)) / (2 * step)
    np.testing.assert_allclose(numeric_gradient(gradient, symbols), estimate, rtol=1e-6)


def test_gradient_of_quadratic_form_is_a_plus_a_t_times_x():
    gradient = narrate_gradient(x.T * A * x, x)
    assert gradient.check().holds
    assert compare_with_closed_form(gradient, (A + A.T) * x).verdict == "proved"
    assert compare_with_closed_form(gradient, 2 * A * x).verdict == "refuted"  # A not symmetric
