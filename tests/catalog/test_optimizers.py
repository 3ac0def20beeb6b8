"""Catalog: optimizers — verdicts, and each closed form against the update rule iterated."""

import math

import pytest

from symderive.catalog import optimizers
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
)

reports = catalog_reports(optimizers.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


@pytest.mark.parametrize("derivation", optimizers.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("eta", [0.1, 0.5, 0.9, 1.5, 1.99])
def test_sgd_on_a_quadratic_shrinks_the_loss_below_the_stability_limit(eta):
    a, c, w = 1.0, 2.0, -3.0

    def loss(v):
        return a / 2 * (v - c) ** 2

    for _ in range(5):
        w_next = w - eta * a * (w - c)
        assert w_next - c == pytest.approx((1 - eta * a) * (w - c))
        assert loss(w_next) < loss(w)
        if eta * a > 1:  # zig-zag across the minimum (왔다갔다)
            assert (w_next - c) * (w - c) < 0
        w = w_next


def test_sgd_diverges_beyond_two_over_a():
    a, c, w, eta = 1.0, 0.0, 1.0, 2.1
    assert a / 2 * (w - eta * a * (w - c) - c) ** 2 > a / 2 * (w - c) ** 2


def test_momentum_three_steps_from_rest():
    alpha, eta, gradients = 0.9, 0.1, [0.5, -1.0, 2.0]
    velocity = 0.0
    for g in gradients:
        velocity = alpha * velocity - eta * g
    g1, g2, g3 = gradients
    assert velocity == pytest.approx(-eta * (g3 + alpha * g2 + alpha**2 * g1))


@pytest.mark.parametrize("steps", [1, 2, 10, 50])
def test_momentum_velocity_for_a_constant_gradient(steps):
    alpha, eta, g, velocity = 0.8, 0.05, 1.3, 0.0
    for _ in range(steps):
        velocity = alpha * velocity - eta * g
    assert velocity == pytest.approx(-eta * g * (1 - alpha**steps) / (1 - alpha))


def test_adagrad_rate_never_increases():
    eta, accumulated = 0.5, 1e-8
    previous_rate = math.inf
    for g in [0.3, -2.0, 0.0, 1.1, 0.01]:
        accumulated += g * g
        rate = eta / math.sqrt(accumulated)
        assert rate <= previous_rate
        previous_rate = rate


@pytest.mark.parametrize("steps", [1, 3, 20])
def test_rmsprop_accumulator_for_a_constant_gradient(steps):
    rho, g, h = 0.9, -0.7, 0.0
    for _ in range(steps):
        h = rho * h + (1 - rho) * g**2
    assert h == pytest.approx((1 - rho**steps) * g**2)


@pytest.mark.parametrize("steps", [1, 2, 7, 100])
def test_adam_bias_correction_recovers_a_constant_gradient(steps):
    beta1, beta2, g = 0.9, 0.999, -0.25
    m = v = 0.0
    for _ in range(steps):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**steps), v / (1 - beta2**steps)
    assert m_hat == pytest.approx(g)
    assert v_hat == pytest.approx(g**2)
    assert m_hat / math.sqrt(v_hat) == pytest.approx(math.copysign(1.0, g))
