"""Catalog: optimizers — verdicts, and each closed form against the update rule iterated."""

import math

import pytest

from symderive.catalog import optimizers
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)

reports = catalog_reports(optimizers.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)

DECREASE = optimizers.SGD_STEP_DECREASES_QUADRATIC_LOSS  # L(w − η∇L) = (1 − ηa)² L(w) ≤ L(w)


@pytest.mark.parametrize("derivation", optimizers.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("eta", [0.1, 0.5, 0.9, 1.5, 1.99])
def test_sgd_on_a_quadratic_shrinks_the_loss_below_the_stability_limit(eta):
    """w' = w − η a(w − c) on L = ½a(w − c)²: w' − c = (1 − ηa)(w − c) and L(w') = (1 − ηa)² L(w),
    as the catalog's 'sgd-update' and 'sgd-step-decreases-quadratic-loss' say, for η < 2/a."""
    a, c, w = 1.0, 2.0, -3.0

    def loss(v):
        return a / 2 * (v - c) ** 2

    for _ in range(5):
        w_next = w - eta * a * (w - c)
        assert w_next - c == pytest.approx((1 - eta * a) * (w - c))
        assert loss(w_next) < loss(w)
        if eta * a > 1:  # zig-zag across the minimum (왔다갔다)
            assert (w_next - c) * (w - c) < 0
        at = {optimizers.w: w, optimizers.c: c, optimizers.a: a, optimizers.eta: eta}
        for error in evaluate_steps(optimizers.SGD_UPDATE, at):
            assert error == pytest.approx(w_next - c, rel=1e-12)
        after_a_step, scaled, before = evaluate_steps(DECREASE, at)
        assert after_a_step == pytest.approx(loss(w_next), rel=1e-12)
        assert scaled == pytest.approx(loss(w_next), rel=1e-12)
        assert before == pytest.approx(loss(w), rel=1e-12)
        w = w_next


def test_sgd_diverges_beyond_two_over_a():
    """For η > 2/a the catalog's L(w − η∇L) = (1 − ηa)² L(w) exceeds L(w): its ≤ needs η < 2/a."""
    a, c, w, eta = 1.0, 0.0, 1.0, 2.1
    assert a / 2 * (w - eta * a * (w - c) - c) ** 2 > a / 2 * (w - c) ** 2
    at = {optimizers.w: w, optimizers.c: c, optimizers.a: a, optimizers.eta: eta}
    after_a_step, scaled, before = evaluate_steps(DECREASE, at)
    assert after_a_step == pytest.approx(a / 2 * (w - eta * a * (w - c) - c) ** 2, rel=1e-12)
    assert scaled == pytest.approx(after_a_step, rel=1e-12)
    assert before == pytest.approx(a / 2 * (w - c) ** 2, rel=1e-12)
    assert after_a_step > before


def test_momentum_three_steps_from_rest():
    """v ← αv − η g three times from v₀ = 0 is the catalog's α(α(α·0 − ηg₁) − ηg₂) − ηg₃
    and its −η(g₃ + αg₂ + α²g₁)."""
    alpha, eta, gradients = 0.9, 0.1, [0.5, -1.0, 2.0]
    velocity = 0.0
    for g in gradients:
        velocity = alpha * velocity - eta * g
    g1, g2, g3 = gradients
    assert velocity == pytest.approx(-eta * (g3 + alpha * g2 + alpha**2 * g1))
    at = {
        optimizers.alpha: alpha,
        optimizers.eta: eta,
        optimizers.g1: g1,
        optimizers.g2: g2,
        optimizers.g3: g3,
    }
    for catalog_velocity in evaluate_steps(optimizers.MOMENTUM_UPDATE, at):
        assert catalog_velocity == pytest.approx(velocity, rel=1e-12)


@pytest.mark.parametrize("steps", [1, 2, 10, 50])
def test_momentum_velocity_for_a_constant_gradient(steps):
    """v_t = −η Σ_{s=1}^t α^(t−s) g = −ηg(1 − α^t)/(1 − α): every line of the catalog's entry,
    at t = steps."""
    alpha, eta, g, velocity = 0.8, 0.05, 1.3, 0.0
    for _ in range(steps):
        velocity = alpha * velocity - eta * g
    assert velocity == pytest.approx(-eta * g * (1 - alpha**steps) / (1 - alpha))
    at = {optimizers.alpha: alpha, optimizers.eta: eta, optimizers.g: g, optimizers.t: steps}
    for catalog_velocity in evaluate_steps(optimizers.MOMENTUM_CONSTANT_GRADIENT_VELOCITY, at):
        assert catalog_velocity == pytest.approx(velocity, rel=1e-12)


def test_adagrad_rate_never_increases():
    """h ← h + g², rate η/√h: the catalog's η/√(h + g²) is the new rate and its η/√h the old."""
    eta, accumulated = 0.5, 1e-8
    previous_rate = math.inf
    for g in [0.3, -2.0, 0.0, 1.1, 0.01]:
        before = accumulated
        accumulated += g * g
        rate = eta / math.sqrt(accumulated)
        assert rate <= previous_rate
        previous_rate = rate
        at = {optimizers.eta: eta, optimizers.h: before, optimizers.g: g}
        new_rate, old_rate = evaluate_steps(optimizers.ADAGRAD_UPDATE, at)
        assert new_rate == pytest.approx(rate, rel=1e-12)
        assert old_rate == pytest.approx(eta / math.sqrt(before), rel=1e-12)
        assert new_rate <= old_rate


@pytest.mark.parametrize("steps", [1, 3, 20])
def test_rmsprop_accumulator_for_a_constant_gradient(steps):
    """h ← ρh + (1 − ρ)g² from h₀ = 0: h_t = Σ_{s=1}^t ρ^(t−s)(1 − ρ)g² = (1 − ρ^t)g² (catalog)."""
    rho, g, h = 0.9, -0.7, 0.0
    for _ in range(steps):
        h = rho * h + (1 - rho) * g**2
    assert h == pytest.approx((1 - rho**steps) * g**2)
    at = {optimizers.rho: rho, optimizers.g: g, optimizers.t: steps}
    for accumulator in evaluate_steps(optimizers.RMSPROP_UPDATE, at):
        assert accumulator == pytest.approx(h, rel=1e-12)


@pytest.mark.parametrize("steps", [1, 2, 7, 100])
def test_adam_bias_correction_recovers_a_constant_gradient(steps):
    """m̂_t = g, v̂_t = g² and m̂/√v̂ = sign(g): the recursions iterated, and the catalog's three
    Adam entries (the unrolled sums and their closed forms) at t = steps."""
    beta1, beta2, g = 0.9, 0.999, -0.25
    m = v = 0.0
    for _ in range(steps):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**steps), v / (1 - beta2**steps)
    assert m_hat == pytest.approx(g)
    assert v_hat == pytest.approx(g**2)
    assert m_hat / math.sqrt(v_hat) == pytest.approx(math.copysign(1.0, g))
    at = {optimizers.beta1: beta1, optimizers.beta2: beta2, optimizers.g: g, optimizers.t: steps}
    for first_moment in evaluate_steps(optimizers.ADAM_UPDATE, at):
        assert first_moment == pytest.approx(m_hat, rel=1e-9)
    for second_moment in evaluate_steps(optimizers.ADAM_SECOND_MOMENT_BIAS_CORRECTION, at):
        assert second_moment == pytest.approx(v_hat, rel=1e-9)
    for direction in evaluate_steps(optimizers.ADAM_STEP_IS_SIGN_OF_GRADIENT, at):
        assert direction == pytest.approx(m_hat / math.sqrt(v_hat), rel=1e-9)
