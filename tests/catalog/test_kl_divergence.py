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
    rng = random.Random(0)
    for size in (2, 3, 8):
        p, q = random_simplex(size, rng), random_simplex(size, rng)
        assert kl(p, q) == pytest.approx(cross_entropy(p, q) - entropy(p))


def test_kl_and_cross_entropy_have_the_same_gradient_in_q_by_finite_differences():
    rng = random.Random(1)
    p, q = random_simplex(4, rng), random_simplex(4, rng)
    kl_slopes = partial_differences(lambda *q_: kl(p, q_), q)
    ce_slopes = partial_differences(lambda *q_: cross_entropy(p, q_), q)
    for j, (kl_slope, ce_slope) in enumerate(zip(kl_slopes, ce_slopes, strict=True)):
        assert kl_slope == pytest.approx(ce_slope, rel=1e-7)
        assert kl_slope == pytest.approx(-p[j] / q[j], rel=1e-6)


def test_gibbs_inequality_on_random_distributions_with_equality_only_at_p_equals_q():
    rng = random.Random(2)
    for size in (2, 3, 5, 10):
        p, q = random_simplex(size, rng), random_simplex(size, rng)
        assert kl(p, q) > 0
        assert kl(p, p) == 0


def test_symmetry_witness_really_has_different_divergences(reports):
    outcome = reports["kl-not-symmetric"].steps[0].outcome
    witness = dict(outcome.points[0])
    p, q = reported_vector(witness, "p"), reported_vector(witness, "q")
    assert not math.isclose(kl(p, q), kl(q, p), rel_tol=1e-9)


def test_kl_is_convex_in_q_by_second_differences():
    rng = random.Random(3)
    p, q = random_simplex(3, rng), random_simplex(3, rng)
    curvatures = second_partial_differences(lambda *q_: kl(p, q_), q, h=1e-4)
    for j, curvature in enumerate(curvatures):
        assert curvature == pytest.approx(p[j] / q[j] ** 2, rel=1e-5)
        assert curvature > 0
    # a mixed second difference vanishes: the Hessian is diagonal
    mixed = mixed_second_difference(lambda q0, q1: kl(p, [q0, q1, q[2]]), (q[0], q[1]), h=1e-4)
    assert abs(mixed) < 1e-5


def test_three_point_identity_on_random_distributions():
    rng = random.Random(4)
    p, q, r = (random_simplex(5, rng) for _ in range(3))
    cross_term = sum((pi - qi) * math.log(qi / ri) for pi, qi, ri in zip(p, q, r))
    assert kl(p, r) == pytest.approx(kl(p, q) + kl(q, r) + cross_term)


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
