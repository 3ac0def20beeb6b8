"""Catalog: KL divergence — the checker's verdicts, and the laws recomputed with plain floats."""

import math
import random
from fractions import Fraction

import pytest

from derivations import kl_divergence
from symderive.check import check_catalog

BUDGET_SECONDS = (
    20.0  # generous: every step finishes in ~2 s of CPU; the budget guards against load
)


@pytest.fixture(scope="module")
def reports():
    found, _ = check_catalog(kl_divergence.DERIVATIONS, budget_seconds=BUDGET_SECONDS, jobs=2)
    return {report.id: report for report in found}


def kl(p, q) -> float:
    return sum(pi * math.log(pi / qi) for pi, qi in zip(p, q))


def cross_entropy(p, q) -> float:
    return -sum(pi * math.log(qi) for pi, qi in zip(p, q))


def entropy(p) -> float:
    return -sum(pi * math.log(pi) for pi in p)


def random_simplex(size: int, rng: random.Random) -> list[float]:
    weights = [rng.uniform(0.05, 1.0) for _ in range(size)]
    return [w / sum(weights) for w in weights]


def vector(values: dict, name: str) -> list[float]:
    """p[1], p[2], … from a reported point, in index order."""
    size = int(values["n"])
    return [float(Fraction(values[f"{name}[{i}]"])) for i in range(1, size + 1)]


@pytest.mark.parametrize("derivation", kl_divergence.DERIVATIONS, ids=lambda d: d.id)
def test_every_entry_checks_as_expected(reports, derivation):
    report = reports[derivation.id]
    assert report.as_expected, [
        (s.index, s.outcome.verdict, s.outcome.reason) for s in report.steps
    ]
    if not derivation.is_erratum:
        assert all(step.outcome.verdict in ("proved", "checked") for step in report.steps)


def test_kl_is_cross_entropy_minus_entropy_on_random_distributions():
    rng = random.Random(0)
    for size in (2, 3, 8):
        p, q = random_simplex(size, rng), random_simplex(size, rng)
        assert kl(p, q) == pytest.approx(cross_entropy(p, q) - entropy(p))


def test_kl_and_cross_entropy_have_the_same_gradient_in_q_by_finite_differences():
    rng = random.Random(1)
    p, q = random_simplex(4, rng), random_simplex(4, rng)
    step = 1e-6
    for j in range(4):
        up, down = list(q), list(q)
        up[j] += step
        down[j] -= step
        kl_slope = (kl(p, up) - kl(p, down)) / (2 * step)
        ce_slope = (cross_entropy(p, up) - cross_entropy(p, down)) / (2 * step)
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
    p, q = vector(witness, "p"), vector(witness, "q")
    assert not math.isclose(kl(p, q), kl(q, p), rel_tol=1e-9)


def test_kl_is_convex_in_q_by_second_differences():
    rng = random.Random(3)
    p, q = random_simplex(3, rng), random_simplex(3, rng)
    step = 1e-4
    for j in range(3):
        up, down = list(q), list(q)
        up[j] += step
        down[j] -= step
        curvature = (kl(p, up) - 2 * kl(p, q) + kl(p, down)) / step**2
        assert curvature == pytest.approx(p[j] / q[j] ** 2, rel=1e-5)
        assert curvature > 0
    # a mixed second difference vanishes: the Hessian is diagonal
    corners = {}
    for dj in (-1, 1):
        for dk in (-1, 1):
            moved = list(q)
            moved[0] += dj * step
            moved[1] += dk * step
            corners[dj, dk] = kl(p, moved)
    mixed = (corners[1, 1] - corners[1, -1] - corners[-1, 1] + corners[-1, -1]) / (4 * step**2)
    assert abs(mixed) < 1e-5


def test_three_point_identity_on_random_distributions():
    rng = random.Random(4)
    p, q, r = (random_simplex(5, rng) for _ in range(3))
    cross_term = sum((pi - qi) * math.log(qi / ri) for pi, qi, ri in zip(p, q, r))
    assert kl(p, r) == pytest.approx(kl(p, q) + kl(q, r) + cross_term)


def test_the_catalog_witness_breaks_the_triangle_inequality():
    p, q, r = (1 / 2, 1 / 2), (3 / 4, 1 / 4), (9 / 10, 1 / 10)
    assert kl(p, r) == pytest.approx(math.log(5 / 3))
    assert kl(p, r) > kl(p, q) + kl(q, r)


def test_triangle_erratum_counterexample_really_violates_the_inequality(reports):
    step = reports["kl-triangle-inequality-erratum"].steps[0]
    assert step.outcome.verdict == "refuted"
    values = dict(step.outcome.counterexample.values)
    p, q, r = vector(values, "p"), vector(values, "q"), vector(values, "r")
    assert kl(p, r) > kl(p, q) + kl(q, r)
    assert float(step.outcome.counterexample.lhs_value) == pytest.approx(kl(p, r))
    assert step.correction_outcome.holds
