"""Catalog: the affine layer — the checker's verdicts, and the backward formulas against
NumPy finite differences of L = Σ G ∘ (XW + b)."""

import numpy as np
import pytest

from symderive.catalog import affine
from symderive.matrixcalc import Grad
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import numeric_gradient

reports = catalog_reports(affine.DERIVATIONS)


@pytest.mark.parametrize("derivation", affine.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("seed", [0, 1])
def test_affine_backward_matches_finite_differences(seed):
    """Y = XW + b, L = Σ G∘Y: ∂L/∂X = G·Wᵀ, ∂L/∂W = Xᵀ·G, ∂L/∂b = 1ᵀG by finite differences —
    at other shapes than the catalog's, and at its 2 × 3 × 2 against every line of
    'affine-backward', 'affine-backward-weights' and 'affine-backward-bias'."""
    rng = np.random.default_rng(seed)
    n, d, m = 4, 3, 5  # other shapes than the catalog's 2 × 3 × 2
    x, w, b, g = (rng.normal(size=shape) for shape in [(n, d), (d, m), (m,), (n, m)])

    def loss() -> float:
        return float(np.sum(g * (x @ w + b)))  # b broadcast over rows; ∂L/∂Y = G

    np.testing.assert_allclose(numeric_gradient(loss, x), g @ w.T, atol=1e-8)
    np.testing.assert_allclose(numeric_gradient(loss, w), x.T @ g, atol=1e-8)
    np.testing.assert_allclose(numeric_gradient(loss, b), g.sum(axis=0), atol=1e-8)

    shapes = [matrix.shape for matrix in (affine.X, affine.W, affine.b, affine.G)]
    # new arrays under the same names: loss() reads these now (b is 1 × M in the catalog)
    x, w, b, g = (rng.normal(size=shape) for shape in shapes)
    at = {affine.X: x, affine.W: w, affine.b: b, affine.G: g}
    for entry, variable in [
        (affine.AFFINE_BACKWARD, x),
        (affine.AFFINE_BACKWARD_WEIGHTS, w),
        (affine.AFFINE_BACKWARD_BIAS, b),
    ]:
        for line in evaluate_steps(entry, at):
            np.testing.assert_allclose(line, numeric_gradient(loss, variable), atol=1e-8)


def test_gradients_have_the_shape_of_their_variable():
    for derivation in (affine.AFFINE_BACKWARD, affine.AFFINE_BACKWARD_WEIGHTS):
        gradient = derivation.steps[0].expr
        assert isinstance(gradient, Grad)
        assert gradient.shape == gradient.wrt.shape == derivation.steps[-1].expr.shape
    bias = affine.AFFINE_BACKWARD_BIAS
    assert bias.steps[-1].expr.shape == affine.b.shape == (1, affine.M)
    shaped = affine.GRADIENT_HAS_SHAPE_OF_VARIABLE
    assert shaped.steps[-1].expr.shape == affine.x_vector.shape == (3, 1)  # (x × z)(z × 1)


def test_two_linear_layers_are_one_linear_layer():
    """The catalog's W2(W1x) and (W2W1)x are both NumPy's w2 @ (w1 @ x), for random matrices."""
    rng = np.random.default_rng(2)
    w1, w2, x = rng.normal(size=(3, 2)), rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    np.testing.assert_allclose(w2 @ (w1 @ x), (w2 @ w1) @ x, rtol=1e-12)
    at = {affine.W1: w1, affine.W2: w2, affine.x_in: x}
    nested, collapsed = evaluate_steps(affine.STACKED_LINEAR_COLLAPSE, at)
    np.testing.assert_allclose(nested, w2 @ (w1 @ x), rtol=1e-12)
    np.testing.assert_allclose(collapsed, w2 @ (w1 @ x), rtol=1e-12)


def test_a_relu_between_the_layers_breaks_linearity():
    """f(x) = W2·relu(W1·x): the catalog's f(−x) and −f(x) are NumPy's, and they differ."""
    rng = np.random.default_rng(3)
    w1, w2 = rng.normal(size=(2, 2)), rng.normal(size=(2, 2))

    def f(x: np.ndarray) -> np.ndarray:
        return w2 @ np.maximum(0.0, w1 @ x)

    x = rng.normal(size=(2, 1))
    assert not np.allclose(f(-x), -f(x))
    at = {affine.w1_entries: w1, affine.w2_entries: w2, affine.x_entries: x}
    f_of_minus_x, minus_f_of_x = evaluate_steps(affine.MLP_NEEDS_NONLINEARITY, at)
    np.testing.assert_allclose(f_of_minus_x, f(-x), rtol=1e-12)
    np.testing.assert_allclose(minus_f_of_x, -f(x), rtol=1e-12)
