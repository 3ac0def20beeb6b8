"""Catalog: output distributions — each cost is a negative log-likelihood, checked with floats."""

import math
import random

import pytest

from derivations import output_distributions
from symderive.check import check_catalog

BUDGET_SECONDS = (
    20.0  # generous: every step finishes in ~2 s of CPU; the budget guards against load
)


@pytest.fixture(scope="module")
def reports():
    found, _ = check_catalog(
        output_distributions.DERIVATIONS, budget_seconds=BUDGET_SECONDS, jobs=2
    )
    return {report.id: report for report in found}


def gaussian_density(y: float, mean: float, sigma: float) -> float:
    return math.exp(-((y - mean) ** 2) / (2 * sigma**2)) / math.sqrt(2 * math.pi * sigma**2)


def softmax(logits):
    largest = max(logits)
    exponentials = [math.exp(o - largest) for o in logits]
    return [e / sum(exponentials) for e in exponentials]


@pytest.mark.parametrize("derivation", output_distributions.DERIVATIONS, ids=lambda d: d.id)
def test_every_entry_checks_as_expected(reports, derivation):
    report = reports[derivation.id]
    assert report.as_expected, [
        (s.index, s.outcome.verdict, s.outcome.reason) for s in report.steps
    ]
    assert all(step.outcome.verdict in ("proved", "checked") for step in report.steps)


def test_gaussian_nll_is_half_squared_error_over_sigma_squared_plus_a_constant():
    rng = random.Random(0)
    for _ in range(10):
        y, mean, sigma = rng.uniform(-3, 3), rng.uniform(-3, 3), rng.uniform(0.2, 3)
        nll = -math.log(gaussian_density(y, mean, sigma))
        assert nll == pytest.approx(
            (y - mean) ** 2 / (2 * sigma**2) + math.log(2 * math.pi * sigma**2) / 2
        )


def test_gaussian_nll_and_squared_error_share_their_minimiser_and_gradient_direction():
    y, sigma, step = 0.7, 1.7, 1e-6
    for mean in (-1.0, 0.0, 0.7, 2.5):
        nll_slope = (
            -math.log(gaussian_density(y, mean + step, sigma))
            + math.log(gaussian_density(y, mean - step, sigma))
        ) / (2 * step)
        mse_slope = ((y - mean - step) ** 2 / 2 - (y - mean + step) ** 2 / 2) / (2 * step)
        assert nll_slope == pytest.approx(mse_slope / sigma**2, rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("t", [0, 1])
def test_bernoulli_nll_is_binary_cross_entropy_for_both_labels(t):
    for p in (0.1, 0.5, 0.93):
        likelihood = p**t * (1 - p) ** (1 - t)
        assert -math.log(likelihood) == pytest.approx(-t * math.log(p) - (1 - t) * math.log(1 - p))


def test_sigmoid_bernoulli_nll_is_softplus():
    for t in (0.0, 1.0, 0.4):
        for z in (-3.0, 0.0, 2.0):
            sigma = 1 / (1 + math.exp(-z))
            bce = -t * math.log(sigma) - (1 - t) * math.log(1 - sigma)
            softplus = t * math.log1p(math.exp(-z)) + (1 - t) * math.log1p(math.exp(z))
            assert bce == pytest.approx(softplus)


def test_multinoulli_nll_of_a_softmax_is_log_sum_exp_minus_the_true_logit():
    logits = [0.3, -1.2, 2.0, 0.5]
    probabilities = softmax(logits)
    for true_class in range(len(logits)):
        label = [1 if i == true_class else 0 for i in range(len(logits))]
        likelihood = math.prod(p**t for p, t in zip(probabilities, label))
        cross_entropy = -sum(t * math.log(p) for p, t in zip(probabilities, label))
        log_sum_exp = math.log(sum(math.exp(o) for o in logits))
        assert -math.log(likelihood) == pytest.approx(cross_entropy)
        assert cross_entropy == pytest.approx(log_sum_exp - logits[true_class])
