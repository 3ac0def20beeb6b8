"""Catalog: Jacobians and ‖Wx‖² — the checker's verdicts, the errata's counterexamples
and the gradients against finite differences."""

import numpy as np
import pytest

from symderive.catalog import jacobians
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import numeric_gradient

reports = catalog_reports(jacobians.DERIVATIONS)


@pytest.mark.parametrize("derivation", jacobians.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_jacobian_of_wx_is_w_and_the_gradient_of_its_norm_is_2_wt_w_x():
    """∂(Wx)/∂x = W, ∇_x ‖Wx‖² = 2WᵀWx, ∇_W ‖Wx‖² = 2q·xᵀ: finite differences, and every line
    of the catalog's 'wx-jacobian', 'norm-wx-gradient' and 'norm-wx-weight-gradient'."""
    rng = np.random.default_rng(0)
    w, x = rng.normal(size=(3, 3)), rng.normal(size=(3, 1))
    jacobian = numeric_gradient(lambda: (w @ x).ravel(), x).reshape(3, 3)
    np.testing.assert_allclose(jacobian, w, atol=1e-8)
    norm_squared = lambda: float(np.sum((w @ x) ** 2))  # noqa: E731
    np.testing.assert_allclose(numeric_gradient(norm_squared, x), 2 * w.T @ w @ x, atol=1e-6)
    np.testing.assert_allclose(numeric_gradient(norm_squared, w), 2 * (w @ x) @ x.T, atol=1e-6)
    at = {jacobians.W: w, jacobians.x: x}
    for line in evaluate_steps(jacobians.WX_JACOBIAN, at):
        np.testing.assert_allclose(line, jacobian, atol=1e-8)
    for line in evaluate_steps(jacobians.NORM_WX_GRADIENT, at):
        np.testing.assert_allclose(line, numeric_gradient(norm_squared, x), atol=1e-6)
    for line in evaluate_steps(jacobians.NORM_WX_WEIGHT_GRADIENT, at):
        np.testing.assert_allclose(line, numeric_gradient(norm_squared, w), atol=1e-6)


def test_the_layout_readings_of_the_note_hold(reports):
    """∂L/∂q·Wᵀ read in shape order is Wᵀ·2q; xᵀ·∂L/∂q read as the outer product is 2q·xᵀ;
    the matrix of identical rows is 1·xᵀ: notations, checked as the conventional reading."""
    for entry in ("norm-wx-gradient-erratum", "norm-wx-weight-gradient-erratum", "dq-dw-erratum"):
        assert all(step.outcome.holds for step in reports[entry].steps), entry
    rng = np.random.default_rng(7)
    w, x = rng.normal(size=(3, 3)), rng.normal(size=(3, 1))
    q = w @ x
    np.testing.assert_allclose(
        numeric_gradient(lambda: float(np.sum((w @ x) ** 2)), x), w.T @ (2 * q), atol=1e-6
    )
    np.testing.assert_allclose(
        numeric_gradient(lambda: float(np.sum((w @ x) ** 2)), w), (2 * q) @ x.T, atol=1e-6
    )


def test_the_identical_rows_matrix_repeats_the_row_x_transposed():
    """[∂q_i/∂W_ij] = 1·xᵀ (n copies of the row xᵀ): finite differences of q = Wx in W, and
    every line of the catalog's 'dq-dw-erratum'."""
    x = np.array([[0.3], [-1.1], [2.0]])
    rng = np.random.default_rng(1)
    w = rng.normal(size=(3, 3))
    dq_dw = numeric_gradient(lambda: (w @ x).ravel(), w)  # shape (3, 3, 3): ∂q_k/∂W_ij
    np.testing.assert_allclose(dq_dw, np.einsum("ki,j->kij", np.eye(3), x.ravel()), atol=1e-8)
    identical_rows = np.einsum("iij->ij", dq_dw)  # ∂q_i/∂W_ij, the note's matrix
    np.testing.assert_allclose(identical_rows, np.ones((3, 1)) @ x.T, atol=1e-8)
    assert identical_rows.shape != x.T.shape
    at = {jacobians.w_entries: w, jacobians.x_entries: x}
    for line in evaluate_steps(jacobians.DQ_DW_ERRATUM, at):
        np.testing.assert_allclose(line, identical_rows, atol=1e-8)


def test_elementwise_jacobian_is_diagonal_and_jt_g_is_a_hadamard_product():
    """For y = relu(x) entrywise, ∂y/∂x = diag(relu'(x)) and Jᵀg = relu'(x) ⊙ g: finite
    differences, and every line of 'elementwise-jacobian-diagonal' and
    'elementwise-backward-without-jacobian'."""
    rng = np.random.default_rng(4)
    x = np.array([-1.2, 0.7, 2.1])
    g = rng.normal(size=3)
    jacobian = numeric_gradient(lambda: np.maximum(0.0, x), x)
    np.testing.assert_allclose(jacobian, np.diag((x > 0).astype(float)), atol=1e-9)
    np.testing.assert_allclose(jacobian.T @ g, (x > 0) * g, atol=1e-9)
    at = {jacobians.inputs: x, jacobians.upstream: g}
    for line in evaluate_steps(jacobians.ELEMENTWISE_JACOBIAN_DIAGONAL, at):
        np.testing.assert_allclose(line, jacobian, atol=1e-9)
    for line in evaluate_steps(jacobians.ELEMENTWISE_BACKWARD_WITHOUT_JACOBIAN, at):
        np.testing.assert_allclose(line.ravel(), jacobian.T @ g, atol=1e-9)


def test_minibatch_jacobian_would_need_about_671_gigabytes():
    entries_per_side = 100 * 4096
    assert entries_per_side == 409_600
    size_in_bytes = entries_per_side**2 * np.dtype(np.float32).itemsize
    assert size_in_bytes == int(jacobians.JACOBIAN_MEMORY.steps[-1].expr)
    assert round(size_in_bytes / 1e9) == 671
