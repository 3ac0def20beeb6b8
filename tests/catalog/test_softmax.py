"""Catalog: softmax — the checker's verdicts, and the softmax facts against NumPy with finite
differences for random sizes (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symderive.catalog import softmax as catalog_softmax
from symderive import verified
from symderive.check import check_catalog
from tests.catalog.expectations import (
    BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import numeric_gradient

# The general-n cross-entropy gradient spends the whole budget on each of its three steps
# (numeric at n = 2..5, then symbolic attempts), so it runs as a slow test of its own.
GENERAL_GRADIENT = catalog_softmax.SOFTMAX_CROSS_ENTROPY_GRADIENT
FAST_ENTRIES = [d for d in catalog_softmax.DERIVATIONS if d is not GENERAL_GRADIENT]
reports = catalog_reports(FAST_ENTRIES)


def softmax(logits: np.ndarray) -> np.ndarray:
    exponentials = np.exp(logits - logits.max())  # stable: 'softmax-shift-invariance'
    return exponentials / exponentials.sum()


def naive_softmax(logits: np.ndarray) -> np.ndarray:
    return np.exp(logits) / np.exp(logits).sum()


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    return float(-np.sum(targets * np.log(naive_softmax(logits))))


logit_vectors = st.integers(min_value=2, max_value=6).flatmap(
    lambda n: st.lists(st.floats(min_value=-4, max_value=4), min_size=n, max_size=n)
)


@pytest.mark.parametrize("derivation", FAST_ENTRIES, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_general_n_cross_entropy_gradient_checks_as_expected():
    (report,), _ = check_catalog([GENERAL_GRADIENT], budget_seconds=2 * BUDGET_SECONDS, jobs=2)
    assert_checks_as_expected(GENERAL_GRADIENT, report)
    assert all(step.outcome.sizes for step in report.steps if step.outcome.verdict == "checked")


def test_general_n_entries_were_checked_at_several_sizes(reports):
    for derivation_id in ("softmax-sums-to-one", "softmax-jacobian"):
        numeric_steps = [s for s in reports[derivation_id].steps if s.outcome.verdict == "checked"]
        for step in numeric_steps:
            assert len(step.outcome.sizes) >= 2


@settings(max_examples=30, deadline=None)
@given(logit_vectors)
def test_softmax_is_a_probability_vector(values):
    """softmax(o)_i > 0 and Σ_i softmax(o)_i = 1: NumPy's, the verified softmax, and every line
    of the catalog's 'softmax-sums-to-one' at these logits."""
    probabilities = softmax(np.array(values))
    assert np.all(probabilities > 0)
    assert probabilities.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(verified.softmax(np.array(values)), probabilities, rtol=1e-14)
    at = {catalog_softmax.n: len(values), catalog_softmax.o: values}
    for line in evaluate_steps(catalog_softmax.SOFTMAX_SUMS_TO_ONE, at):
        assert line == pytest.approx(probabilities.sum(), abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(logit_vectors, st.randoms(use_true_random=False), st.data())
def test_cross_entropy_gradient_is_y_minus_t(values, rng, data):
    """∂/∂o_j [−Σ_k t_k log softmax(o)_k] = y_j − t_j: finite differences, and every line of the
    catalog's general-n 'softmax-cross-entropy-gradient' at a drawn j (SymPy is slow: one j)."""
    logits = np.array(values)
    weights = np.array([rng.uniform(0.05, 1.0) for _ in values])
    targets = weights / weights.sum()
    gradient = numeric_gradient(lambda: cross_entropy(logits, targets), logits)
    np.testing.assert_allclose(gradient, softmax(logits) - targets, atol=1e-7)
    j = data.draw(st.integers(min_value=1, max_value=len(values)), label="j")
    at = {
        catalog_softmax.n: len(values),
        catalog_softmax.j: j,
        catalog_softmax.o: values,
        catalog_softmax.t: targets,
    }
    for line in evaluate_steps(GENERAL_GRADIENT, at):
        assert line == pytest.approx(gradient[j - 1], abs=1e-7)


def test_one_hot_cross_entropy_is_minus_log_of_the_labels_probability():
    """−Σ_k t_k log y_k = −log y₁ = −o₁ + log Σ_i e^(o_i) for t = (1, 0, 0): every line of the
    catalog's 'softmax-cross-entropy-one-hot', and the verified softmax_cross_entropy."""
    logits = np.array([0.3, -1.2, 2.0])
    targets = np.array([1.0, 0.0, 0.0])
    expected = -logits[0] + np.log(np.exp(logits).sum())
    assert cross_entropy(logits, targets) == pytest.approx(expected, rel=1e-14)
    assert cross_entropy(logits, targets) == pytest.approx(-np.log(softmax(logits)[0]), rel=1e-14)
    assert [float(label) for label in catalog_softmax.one_hot_first] == list(targets)
    at = dict(zip((catalog_softmax.o1, catalog_softmax.o2, catalog_softmax.o3), logits))
    for line in evaluate_steps(catalog_softmax.SOFTMAX_CROSS_ENTROPY_ONE_HOT, at):
        assert line == pytest.approx(expected, rel=1e-14)
    loss, _ = verified.softmax_cross_entropy(logits[np.newaxis], np.array([0]))
    assert float(loss) == pytest.approx(expected, rel=1e-14)


@settings(max_examples=30, deadline=None)
@given(logit_vectors, st.data())
def test_softmax_jacobian_is_diag_y_minus_y_y_transposed(values, data):
    """∂y_i/∂o_j = y_i(δ_ij − y_j), i.e. diag(y) − y·yᵀ: finite differences, and every line of the
    catalog's 'softmax-jacobian' at a drawn (i, j) (SymPy is slow: one entry per example)."""
    logits = np.array(values)
    y = softmax(logits)
    jacobian = numeric_gradient(lambda: softmax(logits), logits)
    np.testing.assert_allclose(jacobian, np.diag(y) - np.outer(y, y), atol=1e-8)
    classes = st.integers(min_value=1, max_value=len(values))
    i, j = data.draw(classes, label="i"), data.draw(classes, label="j")
    at = {
        catalog_softmax.n: len(values),
        catalog_softmax.i: i,
        catalog_softmax.j: j,
        catalog_softmax.o: values,
    }
    for line in evaluate_steps(catalog_softmax.SOFTMAX_JACOBIAN, at):
        assert line == pytest.approx(jacobian[i - 1, j - 1], abs=1e-8)


@settings(max_examples=30, deadline=None)
@given(logit_vectors, st.floats(min_value=-50, max_value=50), st.data())
def test_softmax_ignores_a_common_shift(values, shift, data):
    """softmax(o + c) = softmax(o): NumPy's, and every line of the catalog's
    'softmax-shift-invariance' at a drawn class i."""
    logits = np.array(values)
    np.testing.assert_allclose(naive_softmax(logits + shift), naive_softmax(logits), rtol=1e-12)
    i = data.draw(st.integers(min_value=1, max_value=len(values)), label="i")
    at = {
        catalog_softmax.n: len(values),
        catalog_softmax.i: i,
        catalog_softmax.o: values,
        catalog_softmax.c: shift,
    }
    for line in evaluate_steps(catalog_softmax.SOFTMAX_SHIFT_INVARIANCE, at):
        assert line == pytest.approx(naive_softmax(logits)[i - 1], rel=1e-12)


def test_the_shift_makes_large_logits_safe():
    """softmax(o + c) = softmax(o): logits near 1000 overflow e^o, yet the verified softmax
    (which shifts by −max o) gives softmax(o − 1000), as do the catalog's lines with c = 1000."""
    logits = np.array([1000.0, 1001.0, 999.0])
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(naive_softmax(logits)).any()
    np.testing.assert_allclose(softmax(logits), naive_softmax(logits - 1000.0), rtol=1e-15)
    safe = verified.softmax(logits)
    np.testing.assert_allclose(safe, naive_softmax(logits - 1000.0), rtol=1e-15)
    for i in range(len(logits)):
        at = {
            catalog_softmax.n: len(logits),
            catalog_softmax.i: i + 1,  # the catalog counts logits from 1
            catalog_softmax.o: logits - 1000.0,
            catalog_softmax.c: 1000.0,
        }
        for line in evaluate_steps(catalog_softmax.SOFTMAX_SHIFT_INVARIANCE, at):
            assert line == pytest.approx(safe[i], rel=1e-14)
