"""Catalog: initialisation — verdicts, and the uniform variances by quadrature and sampling."""

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from symderive.catalog import initialization
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate,
    evaluate_steps,
)

reports = catalog_reports(initialization.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


def uniform_variance(bound: float) -> float:
    """∫ w² /(2b) dw over [−b, b], by mpmath quadrature."""
    return float(mpmath.quad(lambda w: w**2 / (2 * bound), [-bound, bound]))


def kaiming_uniform_bound(fan_in: int, negative_slope: float) -> float:
    """PyTorch's kaiming_uniform_ (mode fan_in, leaky_relu): √3 · √(2/(1 + a²)) / √fan_in."""
    gain = math.sqrt(2 / (1 + negative_slope**2))
    return math.sqrt(3) * gain / math.sqrt(fan_in)


@pytest.mark.parametrize("derivation", initialization.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("fan_in", [1, 3, 64, 784])
def test_linear_init_variance_is_one_third_of_k(fan_in):
    """Var(w) = ∫ w²/(2√k) dw = k/3 = 1/(3·in_features) for w ~ U(−√k, √k): mpmath's quadrature,
    and every line of the catalog's 'linear-init-variance' at k = 1/in_features."""
    k = 1 / fan_in
    assert uniform_variance(math.sqrt(k)) == pytest.approx(k / 3, rel=1e-12)
    at = {initialization.k: Fraction(1, fan_in), initialization.fan_in: fan_in}
    for line in evaluate_steps(initialization.LINEAR_INIT_VARIANCE, at):
        assert line == Fraction(1, 3 * fan_in)
        assert float(line) == pytest.approx(uniform_variance(math.sqrt(k)), rel=1e-12)


def test_linear_init_variance_by_sampling():
    """w ~ U(−√k, √k) with k = 1/in_features: the sample variance is the catalog's
    Var(w) = ∫ w²/(2√k) dw − (∫ w/(2√k) dw)² (its first line) and 1/(3·in_features) (its last)."""
    entry = initialization.LINEAR_INIT_VARIANCE
    fan_in = 50
    k = Fraction(1, fan_in)
    bound = evaluate(initialization.LINEAR_BOUND, {initialization.k: k})
    assert bound == pytest.approx(1 / math.sqrt(fan_in), rel=1e-15)
    weights = np.random.default_rng(0).uniform(-bound, bound, size=400_000)
    assert weights.var() == pytest.approx(1 / (3 * fan_in), rel=0.01)
    as_integrals = evaluate(entry.steps[0].expr, {initialization.k: k})
    in_fan_in = evaluate(entry.steps[-1].expr, {initialization.fan_in: fan_in})
    assert weights.var() == pytest.approx(float(as_integrals), rel=0.01)
    assert weights.var() == pytest.approx(float(in_fan_in), rel=0.01)


@pytest.mark.parametrize("fan_in", [2, 10, 512])
def test_linear_bound_is_kaiming_uniform_with_slope_sqrt5_not_he(fan_in):
    """√3·√(2/(1 + a²))/√fan_in is √k = 1/√fan_in at a = √5 and He's √(6/fan_in) at a = 0,
    whose variance is 2/fan_in: PyTorch's formula against every line of the catalog's
    'linear-init-is-kaiming-uniform-with-a-sqrt5', 'he-uniform-bound', 'he-uniform-variance'."""
    assert kaiming_uniform_bound(fan_in, math.sqrt(5)) == pytest.approx(1 / math.sqrt(fan_in))
    he_bound = kaiming_uniform_bound(fan_in, 0.0)
    assert he_bound == pytest.approx(math.sqrt(6 / fan_in))
    assert uniform_variance(he_bound) == pytest.approx(2 / fan_in, rel=1e-12)
    at = {initialization.k: Fraction(1, fan_in), initialization.fan_in: fan_in}
    sqrt5 = initialization.LINEAR_INIT_IS_KAIMING_UNIFORM_WITH_A_SQRT5
    for line in evaluate_steps(sqrt5, at):
        assert float(line) == pytest.approx(kaiming_uniform_bound(fan_in, math.sqrt(5)), rel=1e-14)
    for line in evaluate_steps(initialization.HE_UNIFORM_BOUND, at):
        assert float(line) == pytest.approx(he_bound, rel=1e-14)
    for line in evaluate_steps(initialization.HE_UNIFORM_VARIANCE, at):
        assert float(line) == pytest.approx(uniform_variance(he_bound), rel=1e-12)


@pytest.mark.parametrize("fan_in", [1, 3, 64, 1000])
def test_linear_variance_is_a_sixth_of_he_variance(reports, fan_in):
    """The note's numbers are right; only the name "He initialization" is loose (wording)."""
    assert all(step.outcome.holds for step in reports["linear-init-is-he-erratum"].steps)
    actual = uniform_variance(1 / math.sqrt(fan_in))
    assert actual == pytest.approx(1 / (3 * fan_in))
    assert (2 / fan_in) / actual == pytest.approx(6)
