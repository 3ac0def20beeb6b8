"""Catalog: the lecture's two-layer MLP — the checker's verdicts, and the hand-written gradients
of the lecture's NumPy code against finite differences on other shapes."""

import numpy as np
import pytest

from symderive.catalog import mlp
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import numeric_gradient

reports = catalog_reports(mlp.DERIVATIONS)


@pytest.mark.parametrize("derivation", mlp.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("n, d, h, c", [(3, 4, 5, 2), (1, 2, 3, 4)])
def test_lecture_gradients_match_finite_differences(n, d, h, c):
    """h = σ(x·w1), L = Σ(h·w2 − y)²: the lecture's grad_w2 = hᵀ·2(y_pred − y) and
    grad_w1 = xᵀ·(grad_h ⊙ h ⊙ (1 − h)) against finite differences — at other shapes, and at the
    catalog's 2 × 2 against every line of 'two-layer-mlp-grad-w2' and 'two-layer-mlp-gradients'."""
    rng = np.random.default_rng(n + d + h + c)
    x, y = rng.normal(size=(n, d)), rng.normal(size=(n, c))
    w1, w2 = rng.normal(size=(d, h)), rng.normal(size=(h, c))

    def loss() -> float:
        hidden = 1 / (1 + np.exp(-x.dot(w1)))
        return float(np.square(hidden.dot(w2) - y).sum())

    # the lecture's backward pass, as written in its code
    hidden = 1 / (1 + np.exp(-x.dot(w1)))
    y_pred = hidden.dot(w2)
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = hidden.T.dot(grad_y_pred)
    grad_h = grad_y_pred.dot(w2.T)
    grad_w1 = x.T.dot(grad_h * hidden * (1 - hidden))

    np.testing.assert_allclose(numeric_gradient(loss, w2), grad_w2, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(numeric_gradient(loss, w1), grad_w1, rtol=1e-6, atol=1e-8)

    # new arrays under the same names, at the catalog's shapes: loss() reads these now
    x, y = rng.normal(size=mlp.x.shape), rng.normal(size=mlp.y.shape)
    w1, w2 = rng.normal(size=mlp.w1.shape), rng.normal(size=mlp.w2.shape)
    hidden = 1 / (1 + np.exp(-x.dot(w1)))
    at = {mlp.x: x, mlp.y: y, mlp.w1: w1, mlp.w2: w2, mlp.h_free: hidden}
    for line in evaluate_steps(mlp.TWO_LAYER_MLP_GRAD_W2, at):
        np.testing.assert_allclose(line, numeric_gradient(loss, w2), rtol=1e-6, atol=1e-8)
    for line in evaluate_steps(mlp.TWO_LAYER_MLP_GRADIENTS, at):
        np.testing.assert_allclose(line, numeric_gradient(loss, w1), rtol=1e-6, atol=1e-8)


def test_catalog_shapes_are_the_small_ones_the_checker_expands():
    assert (mlp.N, mlp.D, mlp.H, mlp.C) == (2, 2, 2, 2)
    for derivation in mlp.DERIVATIONS:
        gradient = derivation.steps[0].expr
        assert gradient.shape == derivation.steps[-1].expr.shape
