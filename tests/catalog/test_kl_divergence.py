"""Catalog: KL divergence — the checker's verdicts, and the laws recomputed with plain floats."""

import math
import random

import pytest

from symderive.catalog import kl_divergence
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
    reported_vector,
)
from tests.catalog.finite_differences import (
    mixed_second_difference,
    partial_differences,
    second_partial_differences,
)
from tests.catalog.random_distributions import random_simplex

reports = catalog_reports(kl_divergence.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


def kl(p, q) -> float:
    return sum(pi * math.log(pi / qi) for pi, qi in zip(p, q))


def cross_entropy(p, q) -> float:
    return -sum(pi * math.log(qi) for pi, qi in zip(p, q))


def entropy(p) -> float:
    return -sum(pi * math.log(pi) for pi in p)


@pytest.mark.parametrize("derivation", kl_divergence.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_kl_is_cross_entropy_minus_entropy_on_random_distributions():
    """D_KL(P‖Q) = Σ p log(p/q) = CE(p, q) − H(p): the floats, and every line of the catalog's
    'kl-equals-cross-entropy-minus-entropy' on the same p, q."""
    rng = random.Random(0)
    for size in (2, 3, 8):
        p, q = random_simplex(size, rng), random_simplex(size, rng)
        assert kl(p, q) == pytest.approx(cross_entropy(p, q) - entropy(p))
        at = {kl_divergence.n: size, kl_divergence.p: p, kl_divergence.q: q}
        for line in evaluate_steps(kl_divergence.KL_EQUALS_CROSS_ENTROPY_MINUS_ENTROPY, at):
            assert line == pytest.approx(cross_entropy(p, q) - entropy(p), rel=1e-12)


def test_kl_and_cross_entropy_have_the_same_gradient_in_q_by_finite_differences():
    """∂D_KL(P‖Q)/∂q_j = ∂(−Σ p_i log q_i)/∂q_j = −p_j/q_j: central differences of both, and
    every line of the catalog's 'minimising-kl-is-minimising-cross-entropy' at each j."""
    rng = random.Random(1)
    p, q = random_simplex(4, rng), random_simplex(4, rng)
    kl_slopes = partial_differences(lambda *q_: kl(p, q_), q)
    ce_slopes = partial_differences(lambda *q_: cross_entropy(p, q_), q)
    for j, (kl_slope, ce_slope) in enumerate(zip(kl_slopes, ce_slopes, strict=True)):
        assert kl_slope == pytest.approx(ce_slope, rel=1e-7)
        assert kl_slope == pytest.approx(-p[j] / q[j], rel=1e-6)
        at = {kl_divergence.n: 4, kl_divergence.j: j + 1, kl_divergence.p: p, kl_divergence.q: q}
        for line in evaluate_steps(kl_divergence.MINIMISING_KL_IS_MINIMISING_CROSS_ENTROPY, at):
            assert line == pytest.approx(kl_slope, rel=1e-6)


def test_gibbs_inequality_on_random_distributions_with_equality_only_at_p_equals_q():
    """D_KL(P‖Q) = −Σ p log(q/p) ≥ −Σ p(q/p − 1) = Σ p − Σ q = 0, and D_KL(P‖P) = 0: the floats,
    and the lines of 'kl-nonnegative' and 'kl-of-a-distribution-with-itself-is-zero'."""
    rng = random.Random(2)
    for size in (2, 3, 5, 10):
        p, q = random_simplex(size, rng), random_simplex(size, rng)
        assert kl(p, q) > 0
        assert kl(p, p) == 0
        at = {kl_divergence.n: size, kl_divergence.p: p, kl_divergence.q: q}
        divergence, swapped, bound, *zeros = evaluate_steps(kl_divergence.KL_NONNEGATIVE, at)
        assert [divergence, swapped] == pytest.approx([kl(p, q)] * 2, rel=1e-12)
        assert divergence >= bound
        assert [bound, *zeros] == pytest.approx([0.0] * (1 + len(zeros)), abs=1e-14)
        for line in evaluate_steps(kl_divergence.KL_OF_A_DISTRIBUTION_WITH_ITSELF_IS_ZERO, at):
            assert line == kl(p, p) == 0


def test_symmetry_witness_really_has_different_divergences(reports):
    outcome = reports["kl-not-symmetric"].steps[0].outcome
    witness = dict(outcome.points[0])
    p, q = reported_vector(witness, "p"), reported_vector(witness, "q")
    assert not math.isclose(kl(p, q), kl(q, p), rel_tol=1e-9)


def test_kl_is_convex_in_q_by_second_differences():
    """∂²D_KL/∂q_j∂q_k = δ_jk p_j/q_j² with p_j/q_j² > 0: second differences, and the lines of the
    catalog's 'kl-convex-in-q' and 'kl-hessian-in-q-is-diagonal'."""
    rng = random.Random(3)
    p, q = random_simplex(3, rng), random_simplex(3, rng)
    curvatures = second_partial_differences(lambda *q_: kl(p, q_), q, h=1e-4)
    for j, curvature in enumerate(curvatures):
        assert curvature == pytest.approx(p[j] / q[j] ** 2, rel=1e-5)
        assert curvature > 0
    # a mixed second difference vanishes: the Hessian is diagonal
    mixed = mixed_second_difference(lambda q0, q1: kl(p, [q0, q1, q[2]]), (q[0], q[1]), h=1e-4)
    assert abs(mixed) < 1e-5
    at = {kl_divergence.n: 3, kl_divergence.p: p, kl_divergence.q: q}
    for j, curvature in enumerate(curvatures, start=1):
        second_derivative, closed_form, zero = evaluate_steps(
            kl_divergence.KL_CONVEX_IN_Q, {**at, kl_divergence.j: j}
        )
        assert [second_derivative, closed_form] == pytest.approx([curvature] * 2, rel=1e-5)
        assert closed_form > zero == 0
    hessian = kl_divergence.KL_HESSIAN_IN_Q_IS_DIAGONAL
    for j, k, expected in [(1, 1, curvatures[0]), (1, 2, mixed), (2, 1, mixed)]:
        for entry in evaluate_steps(hessian, {**at, kl_divergence.j: j, kl_divergence.k: k}):
            assert entry == pytest.approx(expected, rel=1e-5, abs=1e-5)


def test_three_point_identity_on_random_distributions():
    """D_KL(P‖R) = D_KL(P‖Q) + D_KL(Q‖R) + Σ (p_i − q_i) log(q_i/r_i): the floats, and every
    line of the catalog's 'kl-three-point-identity'."""
    rng = random.Random(4)
    p, q, r = (random_simplex(5, rng) for _ in range(3))
    cross_term = sum((pi - qi) * math.log(qi / ri) for pi, qi, ri in zip(p, q, r))
    assert kl(p, r) == pytest.approx(kl(p, q) + kl(q, r) + cross_term)
    at = {kl_divergence.n: 5, kl_divergence.p: p, kl_divergence.q: q, kl_divergence.r: r}
    for line in evaluate_steps(kl_divergence.KL_THREE_POINT_IDENTITY, at):
        assert line == pytest.approx(kl(p, q) + kl(q, r) + cross_term, rel=1e-12)


def test_the_catalog_witness_breaks_the_triangle_inequality():
    """D_KL(P‖R) = log(5/3) > D_KL(P‖Q) + D_KL(Q‖R) for the catalog's P, Q, R: its three lines
    are the plain-float sums on its witness."""
    entry = kl_divergence.KL_VIOLATES_TRIANGLE_INEQUALITY
    p, q, r = (1 / 2, 1 / 2), (3 / 4, 1 / 4), (9 / 10, 1 / 10)
    witness = (kl_divergence.P_WITNESS, kl_divergence.Q_WITNESS, kl_divergence.R_WITNESS)
    assert [tuple(map(float, distribution)) for distribution in witness] == [p, q, r]
    assert kl(p, r) == pytest.approx(math.log(5 / 3))
    assert kl(p, r) > kl(p, q) + kl(q, r)
    p_to_r, log_five_thirds, through_q = evaluate_steps(entry, {})
    assert p_to_r == pytest.approx(kl(p, r), rel=1e-14)
    assert log_five_thirds == pytest.approx(kl(p, r), rel=1e-14)
    assert through_q == pytest.approx(kl(p, q) + kl(q, r), rel=1e-14)


def test_triangle_erratum_counterexample_really_violates_the_inequality(reports):
    step = reports["kl-triangle-inequality-erratum"].steps[0]
    assert step.outcome.verdict == "refuted"
    values = dict(step.outcome.counterexample.values)
    p, q, r = (reported_vector(values, name) for name in ("p", "q", "r"))
    assert kl(p, r) > kl(p, q) + kl(q, r)
    assert float(step.outcome.counterexample.lhs_value) == pytest.approx(kl(p, r))
    assert step.correction_outcome.holds
