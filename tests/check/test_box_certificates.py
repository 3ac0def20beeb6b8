r"""Certificates that an inequality in two or more variables holds over its whole stated box.

True bounds get a certificate whose infimum (or certified lower bound) is compared with an
independent reference: mpmath's minimum of the slack over a dense grid of the box (for an
unbounded box, a large square).  False bounds — negative only on a thin region, equal to the
bound at one point, off by a margin the grid barely sees, on huge boxes — get none, whatever
route is tried.  The integer powers of balls that straddle 0 enclose the true range
(compared with exact rationals).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb

from symderive.check import box_certificates as boxes
from symderive.check.certified import enclosure_over
from symderive.check.inequality_certificates import NoCertificate

a, b, x, y, z = sp.symbols("a b x y z")
REALS = sp.Interval(-sp.oo, sp.oo, True, True)
UNIT = sp.Interval(0, 1)
TINY = sp.Rational(1, 10**6)


def real_soft_max(p, q):
    return sp.log(sp.exp(p) + sp.exp(q))


def grid_minimum(slack, variables, intervals, points=81):
    """mpmath's least slack over a dense grid of the box (unbounded ends cut at ±30)."""
    numeric = sp.lambdify(variables, slack, "mpmath")
    axes = []
    for interval in intervals:
        low = max(float(interval.inf), -30.0)
        high = min(float(interval.sup), 30.0)
        axes.append([low + k * (high - low) / (points - 1) for k in range(points)])
    with mpmath.workdps(30):
        return min(numeric(*map(mpmath.mpf, p)) for p in itertools.product(*axes))


# (slack, box, relation, the exact infimum or None for "a positive lower bound")
TRUE_BOUNDS = [
    (real_soft_max(a, b) - sp.Max(a, b), {a: REALS, b: REALS}, ">", 0),  # d2l: RealSoftMax > max
    (sp.Max(a, b) + sp.log(2) - real_soft_max(a, b), {a: REALS, b: REALS}, ">=", 0),
    (sp.Max(a, b) + 1 - real_soft_max(a, b), {a: REALS, b: REALS}, ">", 1 - sp.log(2)),
    ((x + y) ** 2 / 4 - x * y, {x: REALS, y: REALS}, ">=", 0),  # AM-GM, squared
    (x**2 - 2 * x * y + y**2, {x: sp.Interval(-10**6, 10**6), y: UNIT}, ">=", 0),
    (sp.cosh(x - y) - 1, {x: REALS, y: REALS}, ">=", 0),
    (x**2 - x * y + y**2 + sp.Rational(1, 10), {x: UNIT, y: UNIT}, ">", None),
    (sp.exp(x * y) - x * y, {x: UNIT, y: sp.Interval(-1, 1)}, ">", None),
    (x + y + z + sp.Rational(1, 100), {x: UNIT, y: UNIT, z: UNIT}, ">", None),
    # a bump that dips to 1e-6 - 2e-6·e^{-10^4(…)} only where (x - y)^2 is already 1/441
    ((x - y) ** 2 + TINY - 2 * TINY * sp.exp(-10**4 * (x - sp.Rational(1, 3)) ** 2
                                             - 10**4 * (y - sp.Rational(2, 7)) ** 2),
     {x: UNIT, y: UNIT}, ">=", None),
]


@pytest.mark.parametrize("slack, box, relation, infimum", TRUE_BOUNDS)
def test_true_bounds_are_certified_and_agree_with_a_dense_grid(slack, box, relation, infimum):
    found = boxes.certify_box(slack, box, relation)
    assert found.describe().startswith("certified over")
    smallest = grid_minimum(slack, list(box), list(box.values()))
    if infimum is not None:  # the exact infimum: the grid never goes below it
        assert sp.simplify(found.minimum - infimum) == 0
        with mpmath.workdps(30):  # the grid never below it, beyond 30 digits of rounding
            assert smallest >= mpmath.mpf(sp.N(infimum, 40)) - mpmath.mpf(10) ** -25
    else:  # a certified lower bound, positive, and below every grid value
        assert 0 < found.minimum <= smallest
    assert smallest >= -1e-25


# false bounds: each fails somewhere (the witness shows where, checked exactly with mpmath)
FALSE_BOUNDS = [
    # RealSoftMax < max + 1/2 fails at a = b (log 2 > 1/2)
    (sp.Max(a, b) + sp.Rational(1, 2) - real_soft_max(a, b), {a: REALS, b: REALS}, ">",
     {a: 0, b: 0}),
    # strict where equality is attained on the diagonal
    ((x + y) ** 2 / 4 - x * y, {x: REALS, y: REALS}, ">", {x: 1, y: 1}),
    (sp.Max(a, b) + sp.log(2) - real_soft_max(a, b), {a: REALS, b: REALS}, ">",
     {a: 0, b: 0}),
    # negative only on a thin disc around (1/3, 1/3) of radius ~0.008
    ((x - y) ** 2 + TINY - 2 * TINY * sp.exp(-10**4 * (x - sp.Rational(1, 3)) ** 2
                                             - 10**4 * (y - sp.Rational(1, 3)) ** 2),
     {x: UNIT, y: UNIT}, ">=", {x: sp.Rational(1, 3), y: sp.Rational(1, 3)}),
    # near-equality everywhere, below 0 by 10^-12 at one point of a huge box
    ((x - 12345) ** 2 + (y - 777) ** 2 - sp.Rational(1, 10**12),
     {x: sp.Interval(-10**6, 10**6), y: sp.Interval(-10**6, 10**6)}, ">=",
     {x: 12345, y: 777}),
    # a cusp: sqrt|x - y| - 1/1000 < 0 near the diagonal
    (sp.sqrt(sp.Abs(x - y)) - sp.Rational(1, 1000), {x: UNIT, y: UNIT}, ">=",
     {x: sp.Rational(1, 2), y: sp.Rational(1, 2)}),
    # depends on x - y only, false on the image interval's end: x - y reaches -1 on the box
    (x - y + sp.Rational(1, 2), {x: UNIT, y: UNIT}, ">=", {x: 0, y: 1}),
    # a product slack x·y on a box reaching negative x
    (x * y, {x: sp.Interval(-1, 1), y: UNIT}, ">=", {x: -1, y: 1}),
]


@pytest.mark.parametrize("slack, box, relation, witness", FALSE_BOUNDS)
def test_false_bounds_get_no_certificate(slack, box, relation, witness):
    value = sp.N(slack.subs(witness), 50)
    assert value < 0 or (relation in ("<", ">") and value == 0) or abs(value) < 1e-40
    with pytest.raises(NoCertificate):
        boxes.certify_box(slack, box, relation)


def test_unbounded_box_without_one_combination_is_declined():
    # true (sin x sin y >= -1) but depends on x and y apart: no compact box says it
    with pytest.raises(NoCertificate, match="unbounded"):
        boxes.certify_box(sp.sin(x) * sp.sin(y) + 1, {x: REALS, y: REALS}, ">=")


def test_a_slack_undefined_on_part_of_the_box_is_declined():
    # log(x - y) has no value where x <= y (half the box)
    with pytest.raises(NoCertificate):
        boxes.certify_box(sp.log(x - y) + 10, {x: UNIT, y: UNIT}, ">=")


def test_the_combination_route_names_the_substitution():
    found = boxes.certify_box(real_soft_max(a, b) - sp.Max(a, b), {a: REALS, b: REALS}, ">")
    assert "only through u = " in found.describe()
    assert "not attained" in found.describe()


@pytest.mark.parametrize("low, high, n", [(-3, 2, 2), (-3, 2, 3), (-2, -1, 4), (1, 3, 5),
                                          (-1, 1, 6), (0, 1, 2)])
def test_integer_powers_of_wide_balls_enclose_the_exact_range(low, high, n):
    ball = arb(low).union(arb(high))
    power = enclosure_over(x**n, {x: ball}, 80)
    values = [Fraction(low) + Fraction(k, 200) * (high - low) for k in range(201)]
    exact = [v**n for v in values] + ([Fraction(0)] if low < 0 < high else [])
    assert power.lower() <= float(min(exact)) and power.upper() >= float(max(exact))
    if n % 2 == 0:  # an even power of a ball across 0 is never below 0
        assert power.lower() >= 0 or low > 0 or high < 0
