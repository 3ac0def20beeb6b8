"""Catalog: output distributions — each cost is a negative log-likelihood, checked with floats."""

import math
import random

import pytest

from symderive.catalog import output_distributions
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import central_difference

reports = catalog_reports(output_distributions.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


def gaussian_density(y: float, mean: float, sigma: float) -> float:
    return math.exp(-((y - mean) ** 2) / (2 * sigma**2)) / math.sqrt(2 * math.pi * sigma**2)


def gaussian_point(y: float, mean: float, sigma: float) -> dict:
    """The catalog's target y, mean ŷ and standard deviation σ at these numbers."""
    catalog = output_distributions
    return {catalog.y: y, catalog.y_hat: mean, catalog.sigma: sigma}


def softmax(logits):
    largest = max(logits)
    exponentials = [math.exp(o - largest) for o in logits]
    return [e / sum(exponentials) for e in exponentials]


@pytest.mark.parametrize("derivation", output_distributions.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_gaussian_nll_is_half_squared_error_over_sigma_squared_plus_a_constant():
    """−log N(y; ŷ, σ²) = (y − ŷ)²/(2σ²) + ½ log(2πσ²): every line of the catalog's
    'gaussian-nll-is-mse' is −log of the density computed with floats."""
    rng = random.Random(0)
    for _ in range(10):
        y, mean, sigma = rng.uniform(-3, 3), rng.uniform(-3, 3), rng.uniform(0.2, 3)
        nll = -math.log(gaussian_density(y, mean, sigma))
        assert nll == pytest.approx(
            (y - mean) ** 2 / (2 * sigma**2) + math.log(2 * math.pi * sigma**2) / 2
        )
        at = gaussian_point(y, mean, sigma)
        for line in evaluate_steps(output_distributions.GAUSSIAN_NLL_IS_MSE, at):
            assert line == pytest.approx(nll, rel=1e-12, abs=1e-14)


def test_gaussian_nll_and_squared_error_share_their_minimiser_and_gradient_direction():
    """∂(−log N(y; ŷ, σ²))/∂ŷ = (ŷ − y)/σ² = (1/σ²) ∂(½(y − ŷ)²)/∂ŷ: central differences of
    both, and every line of the catalog's 'gaussian-nll-gradient-is-mse-gradient'."""
    y, sigma = 0.7, 1.7
    for mean in (-1.0, 0.0, 0.7, 2.5):
        nll_slope = central_difference(lambda m: -math.log(gaussian_density(y, m, sigma)), mean)
        mse_slope = central_difference(lambda m: (y - m) ** 2 / 2, mean)
        assert nll_slope == pytest.approx(mse_slope / sigma**2, rel=1e-6, abs=1e-9)
        at = gaussian_point(y, mean, sigma)
        for line in evaluate_steps(output_distributions.GAUSSIAN_NLL_GRADIENT_IS_MSE_GRADIENT, at):
            assert line == pytest.approx(nll_slope, rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("t", [0, 1])
def test_bernoulli_nll_is_binary_cross_entropy_for_both_labels(t):
    """−log(p̂^t (1 − p̂)^(1−t)) = −t log p̂ − (1 − t) log(1 − p̂) for t = 0 and t = 1: the floats'
    −log-likelihood, and every line of the catalog's 'bernoulli-nll-is-binary-cross-entropy'."""
    for p in (0.1, 0.5, 0.93):
        likelihood = p**t * (1 - p) ** (1 - t)
        assert -math.log(likelihood) == pytest.approx(-t * math.log(p) - (1 - t) * math.log(1 - p))
        at = {output_distributions.t: t, output_distributions.p_hat: p}
        for line in evaluate_steps(output_distributions.BERNOULLI_NLL_IS_BINARY_CROSS_ENTROPY, at):
            assert line == pytest.approx(-math.log(likelihood), rel=1e-12)


def test_sigmoid_bernoulli_nll_is_softplus():
    """−t log σ(z) − (1 − t) log(1 − σ(z)) = t·log(1 + e^(−z)) + (1 − t)·log(1 + e^z): the
    catalog's two lines are the floats' bce and softplus."""
    for t in (0.0, 1.0, 0.4):
        for z in (-3.0, 0.0, 2.0):
            sigma = 1 / (1 + math.exp(-z))
            bce = -t * math.log(sigma) - (1 - t) * math.log(1 - sigma)
            softplus = t * math.log1p(math.exp(-z)) + (1 - t) * math.log1p(math.exp(z))
            assert bce == pytest.approx(softplus)
            at = {output_distributions.t: t, output_distributions.z: z}
            catalog_bce, catalog_softplus = evaluate_steps(
                output_distributions.SIGMOID_BERNOULLI_NLL_IS_SOFTPLUS, at
            )
            assert catalog_bce == pytest.approx(bce, rel=1e-12)
            assert catalog_softplus == pytest.approx(softplus, rel=1e-12)


def test_multinoulli_nll_of_a_softmax_is_log_sum_exp_minus_the_true_logit():
    """−log Π_i p̂_i^(t_i) = −Σ_i t_i log p̂_i = log Σ_k e^(o_k) − o_c for p̂ = softmax(o) and a
    one-hot t: each line of the catalog's two Multinoulli entries, at n = 4 and each class c."""
    logits = [0.3, -1.2, 2.0, 0.5]
    probabilities = softmax(logits)
    for true_class in range(len(logits)):
        label = [1 if i == true_class else 0 for i in range(len(logits))]
        likelihood = math.prod(p**t for p, t in zip(probabilities, label))
        cross_entropy = -sum(t * math.log(p) for p, t in zip(probabilities, label))
        log_sum_exp = math.log(sum(math.exp(o) for o in logits))
        assert -math.log(likelihood) == pytest.approx(cross_entropy)
        assert cross_entropy == pytest.approx(log_sum_exp - logits[true_class])
        one_hot = {output_distributions.n: len(logits), output_distributions.t_vector: label}
        on_the_softmax = {**one_hot, output_distributions.p_vector: probabilities}
        multinoulli = output_distributions.MULTINOULLI_NLL_IS_CROSS_ENTROPY
        for line in evaluate_steps(multinoulli, on_the_softmax):
            assert line == pytest.approx(cross_entropy, rel=1e-12)
        on_the_logits = {**one_hot, output_distributions.o: logits}
        through_the_softmax = output_distributions.SOFTMAX_MULTINOULLI_NLL_IS_LOG_SUM_EXP
        for line in evaluate_steps(through_the_softmax, on_the_logits):
            assert line == pytest.approx(log_sum_exp - logits[true_class], rel=1e-12)
