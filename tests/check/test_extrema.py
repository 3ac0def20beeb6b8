r"""The worst point of an inequality (round 7, R2): a bound with a constant a little below the
true maximum fails only on a short interval around it, which random points miss.  Before an
inequality is *checked*, the checker searches for the minimum of its slack; a false bound is
refuted at a point where mpmath (independently of the checker) confirms it fails, and a true
bound — including ones that are tight at their worst point — stays checked.
"""

from __future__ import annotations

import random

import mpmath
import pytest
import sympy as sp

from symderive.check import check_relation, extrema
from symderive.model import POSITIVE, Domain, interval

x = sp.Symbol("x", real=True)
n = sp.Symbol("n", integer=True, positive=True)
a, b = sp.symbols("a b", real=True)
REAL = Domain("real")
SIZE = Domain("size")


def fails_by_mpmath(lhs, rhs, relation: str, counterexample) -> bool:
    """Substitute the counterexample back with mpmath at 50 digits, independently of the
    checker: does ``lhs <relation> rhs`` fail there?"""
    values = {name: sp.Rational(value) for name, value in counterexample.values}
    point = {symbol: values[str(symbol)] for symbol in (lhs - rhs).free_symbols}
    with mpmath.workdps(50):
        left = mpmath.mpf(str(sp.N(lhs.xreplace(point), 50)))
        right = mpmath.mpf(str(sp.N(rhs.xreplace(point), 50)))
    holds = {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}
    return not holds[relation]


FALSE_BOUNDS = [  # (lhs, relation, rhs, domains): each fails near its maximum only
    (sp.sin(x), "<=", sp.Rational(99, 100), {x: REAL}),  # sin(π/2) = 1
    (sp.cos(x), ">=", sp.Rational(-9999, 10000), {x: REAL}),  # cos π = -1
    (sp.sin(x) * sp.cos(x), "<=", sp.Rational(49, 100), {x: REAL}),  # 1/2 at π/4
    (x * sp.exp(-x**2), "<=", sp.Rational(42, 100), {x: REAL}),  # 0.4289 at 1/√2
    (sp.log(x) / x, "<=", sp.Rational(36, 100), {x: POSITIVE}),  # 1/e at e
    (x * sp.log(x), ">=", sp.Rational(-36, 100), {x: POSITIVE}),  # -1/e at 1/e
    (x**x, ">=", sp.Rational(7, 10), {x: POSITIVE}),  # e^(-1/e) = 0.6922 at 1/e
    (x**2 - x + sp.Rational(26, 100), ">=", sp.Rational(2, 100), {x: REAL}),  # 0.01 at 1/2
    (x**2 - x + sp.Rational(26, 100), ">", sp.Rational(2, 100), {x: REAL}),
    ((x - sp.Rational(3, 10))**2 + sp.Rational(1, 1000), ">=", sp.Rational(11, 10000),
     {x: REAL}),  # 0.001 at 3/10
    (sp.sin(x), "<=", sp.Rational(99, 100), {x: interval(4, None, "[)")}),  # at 5π/2
    (sp.sin(x) + sp.cos(x), "<=", sp.Rational(1414, 1000), {x: REAL}),  # √2 at π/4
]


@pytest.mark.parametrize("lhs, relation, rhs, domains", FALSE_BOUNDS)
def test_a_bound_below_the_maximum_is_refuted_where_it_fails(lhs, relation, rhs, domains):
    outcome = check_relation(lhs, rhs, relation, domains=domains, budget_seconds=5.0)
    assert outcome.verdict == "refuted", outcome.reason
    assert fails_by_mpmath(lhs, rhs, relation, outcome.counterexample)
    (symbol,) = lhs.free_symbols | rhs.free_symbols
    value = sp.Rational(dict(outcome.counterexample.values)[str(symbol)])
    domain = domains[symbol]
    if domain.kind == "interval":
        assert value >= domain.low  # inside the stated domain x ≥ 4
    if domain is POSITIVE:
        assert value > 0


def test_sin_n_is_above_0_99_at_the_integer_14():
    """sin n ≤ 0.99 for every positive integer n is false: sin 14 = 0.99061."""
    outcome = check_relation(sp.sin(n), sp.Rational(99, 100), "<=", domains={n: SIZE},
                             budget_seconds=5.0)
    assert outcome.verdict == "refuted", outcome.reason
    found = int(dict(outcome.counterexample.values)["n"])
    assert found >= 1 and mpmath.sin(found) > mpmath.mpf("0.99")


TRUE_BOUNDS = [  # true, some tight at their worst point
    (sp.sin(x), "<=", sp.Integer(1), {x: REAL}),
    (x**2 - x + sp.Rational(1, 4), ">=", sp.Integer(0), {x: REAL}),  # (x - 1/2)^2 ≥ 0
    (x * sp.log(x), ">=", sp.Rational(-37, 100), {x: POSITIVE}),  # -1/e = -0.3679 > -0.37
    (sp.exp(x), ">=", 1 + x, {x: REAL}),
    (x / (1 + x**2), "<=", sp.Rational(1, 2), {x: REAL}),
    (x**x, ">=", sp.exp(-sp.exp(-1)), {x: POSITIVE}),
    (sp.log(sp.exp(a) + sp.exp(b)), ">", sp.Max(a, b), {a: REAL, b: REAL}),  # log-sum-exp
]


@pytest.mark.parametrize("lhs, relation, rhs, domains", TRUE_BOUNDS)
def test_a_true_bound_stays_checked_and_says_its_worst_point_was_searched(
        lhs, relation, rhs, domains):
    outcome = check_relation(lhs, rhs, relation, domains=domains, budget_seconds=5.0)
    assert outcome.verdict in ("checked", "proved"), outcome.reason
    if outcome.verdict == "checked":
        assert "worst point searched" in outcome.reason


def test_the_search_reports_the_minimum_of_the_slack():
    """x(1 - x) ≤ 1/4: the slack 1/4 - x(1 - x) = (x - 1/2)^2 is smallest (0) at x = 1/2."""
    found = extrema.search(x * (1 - x), sp.Rational(1, 4), "<=", [x], {x: REAL},
                           random.Random(0))
    assert found.candidates == ()
    assert abs(found.worst) < 1e-12
    assert "x ≈ 0.5" in found.where


def test_a_slack_without_a_numeric_domain_is_not_searchable():
    index = Domain("index", low=1, high=3)
    with pytest.raises(extrema.NotSearchable):
        extrema.search(x, sp.Integer(1), "<=", [x], {x: index}, random.Random(0))


def test_a_nonzero_variable_is_not_refuted_at_zero():
    """x^2 > 0 holds for every nonzero x (it fails only at x = 0, outside the domain)."""
    outcome = check_relation(x**2, sp.Integer(0), ">", domains={x: Domain("nonzero")},
                             budget_seconds=5.0)
    assert outcome.verdict == "checked", outcome.reason
    assert "worst point searched" in outcome.reason


def test_x_squared_is_not_positive_at_zero_over_the_reals():
    outcome = check_relation(x**2, sp.Integer(0), ">", domains={x: REAL}, budget_seconds=5.0)
    assert outcome.verdict == "refuted"
    assert dict(outcome.counterexample.values)["x"] == "0"


X = sp.IndexedBase("x")
i = sp.Symbol("i", integer=True)


def test_a_bound_on_a_sum_of_entries_is_searched_over_the_entries():
    """Σ sin x_i ≤ 0.99 n fails at n = 1, x_1 near π/2; Cauchy–Schwarz (Σ x_i)² ≤ n Σ x_i²
    holds (tight where the entries are equal) and stays checked."""
    total = sp.Sum(sp.sin(X[i]), (i, 1, n))
    outcome = check_relation(total, sp.Rational(99, 100) * n, "<=", domains={n: SIZE},
                             budget_seconds=5.0)
    assert outcome.verdict == "refuted", outcome.reason
    values = dict(outcome.counterexample.values)
    size = int(values["n"])
    entries = [sp.Rational(values[f"x[{k}]"]) for k in range(1, size + 1)]
    assert sum(mpmath.sin(mpmath.mpf(v.p) / v.q) for v in entries) > mpmath.mpf("0.99") * size
    squares = sp.Sum(X[i] ** 2, (i, 1, n))
    outcome = check_relation(sp.Sum(X[i], (i, 1, n)) ** 2, n * squares, "<=",
                             domains={n: SIZE}, budget_seconds=5.0)
    assert outcome.verdict in ("checked", "proved"), outcome.reason
    if outcome.verdict == "checked":
        assert "worst point searched" in outcome.reason
