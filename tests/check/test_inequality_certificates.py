r"""Certificates that an inequality holds over its whole stated domain (one real variable).

Each certified minimum is compared with an independent reference: mpmath's value of the
slack at the point the certificate names, and mpmath's minimum over a fine grid; the false
bounds beside them get no certificate.  The guard: a certificate whose minimum lies above a
slack the worst-point search found (SymPy's range wrong, simulated) leaves the claim
undecided.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from symderive.check import inequality_certificates as certificates
from symderive.model import Domain
from symderive.report import Outcome

x = sp.Symbol("x", real=True)
REALS = sp.Interval(-sp.oo, sp.oo)
POSITIVE = sp.Interval.open(0, sp.oo)


def sigmoid(t):
    return 1 / (1 + sp.exp(-t))


# (slack, interval, relation, exact infimum, attained): the examples of the policy
TRUE_BOUNDS = [
    (sp.exp(x) - (1 + x), REALS, ">=", 0, True),  # e^x >= 1 + x
    (x * sp.log(x) + sp.exp(-1), POSITIVE, ">=", 0, True),  # x ln x >= -1/e
    (1 - sp.sin(x), REALS, "<=", 0, True),  # sin x <= 1
    (sp.Rational(1, 2) - x / (1 + x**2), REALS, "<=", 0, True),  # x/(1+x^2) <= 1/2
    (sigmoid(x), REALS, ">", 0, False),  # 0 < σ(x)
    (1 - sigmoid(x), REALS, "<", 0, False),  # σ(x) < 1
    (x - 1 - sp.log(x), POSITIVE, "<=", 0, True),  # ln x <= x - 1
    (sp.cos(x) + 2, REALS, ">", 1, True),  # cos x > -2
    (x**2 - sp.Abs(x)**3, sp.Interval(-1, 1), "<=", 0, True),  # |w|^3 <= w^2 on [-1, 1]
    (sp.Abs(x - 1) + sp.Abs(x + 1) - 2, REALS, ">=", 0, True),  # |x - 1| + |x + 1| >= 2
    (2**x - x**2, sp.Interval(4, sp.oo), ">=", 0, True),  # monotone: f' > 0 on [4, ∞)
    (x**x - sp.exp(-sp.exp(-1)), POSITIVE, ">=", 0, True),  # x^x >= e^{-1/e}
]


@pytest.mark.parametrize("slack, interval, relation, infimum, attained", TRUE_BOUNDS)
def test_true_bounds_get_the_exact_infimum(slack, interval, relation, infimum, attained):
    found = certificates.certify(slack, x, interval, relation)
    assert sp.simplify(found.minimum - infimum) == 0
    assert found.attained is attained
    text = found.describe()
    assert text.startswith("certified: over") and "critical points" in text
    # an independent look: no grid point of the interval has a smaller slack (mpmath)
    numeric = sp.lambdify(x, slack, "mpmath")
    low = max(float(interval.inf), -40.0) + (1e-6 if interval.left_open else 0.0)
    high = min(float(interval.sup), 40.0)
    grid = [low + k * (high - low) / 4000 for k in range(4001)]
    with mpmath.workdps(30):
        smallest = min(numeric(mpmath.mpf(t)) for t in grid)
    assert smallest >= infimum - mpmath.mpf(10) ** -25


# (slack, interval, relation): false bounds or bounds beyond what the certificate reads
NO_CERTIFICATE = [
    (sp.Rational(99, 100) - sp.sin(x), REALS, "<="),  # sin x <= 0.99: fails at π/2
    (sp.exp(x) - 1 - x, REALS, ">"),  # e^x > 1 + x: equality at 0
    (sp.cos(x) + 1, REALS, ">"),  # cos x > -1: equality at π
    (x**3, REALS, ">="),  # unbounded below
    (sp.Rational(35, 2) - sp.log(x) - 3 * sp.cos(x), sp.Interval(1, sp.oo), "<="),  # round 8c X14
    (sp.Rational(3, 2) - sp.sin(x) - 1 / (1 + 10**8 * (x - sp.Rational(3872, 5))**2), REALS,
     "<="),  # round 8b K2: a thin bump on top of sin
    (sp.Abs(x - 777) - sp.Rational(1, 1000), REALS, ">="),  # round 8c X13: |t − 777| ≥ 10^-3
    (sp.Abs(x - 1) + sp.Abs(x + 1) - 2, REALS, ">"),  # equality on all of [-1, 1]
    (sp.Abs(sp.sin(x)), REALS, ">="),  # infinitely many kinks
    (2**x - x**2, sp.Interval(2, sp.oo), ">"),  # 0 at x = 2 and x = 4
    (sp.tan(x) + 10, REALS, ">="),  # poles: not continuous on the domain
]


@pytest.mark.parametrize("slack, interval, relation", NO_CERTIFICATE)
def test_false_or_unreadable_bounds_get_no_certificate(slack, interval, relation):
    with pytest.raises(certificates.NoCertificate):
        certificates.certify(slack, x, interval, relation)


def test_an_integer_variable_is_covered_by_the_enclosing_real_interval():
    n = sp.Symbol("n", integer=True)
    axis = certificates.extrema.coordinate(n, Domain("size"))
    interval = certificates.interval_of(axis)
    assert interval == sp.Interval(1, sp.oo)
    # Σ_{k=1}^n k = n(n + 1)/2 <= n^2 for every n >= 1
    found = certificates.certify(n**2 - n * (n + 1) / 2, n, interval, "<=")
    assert found.minimum == 0 and "at n = 1" in found.where


CHECKED = Outcome("checked", method="numeric (certified balls)", points_checked=12,
                  reason="worst point searched")


def _domain(symbol):
    return Domain("real")


def test_a_certified_bound_stays_checked_and_names_its_certificate():
    outcome = certificates.require_certificate(
        CHECKED, sp.exp(x), 1 + x, ">=", _domain, 0.0, "held at 12 point(s)")
    assert outcome.verdict == "checked"
    assert outcome.reason.startswith("certified: over (-∞, ∞) the slack's minimum is 0, at x = 0")


def test_a_bound_in_two_variables_is_undecided_with_the_evidence():
    y = sp.Symbol("y", real=True)
    outcome = certificates.require_certificate(
        CHECKED, (x - 500)**2 + (y - 700)**2, sp.Rational(1, 10**6), ">=", _domain, 1.4e-4,
        "held at 12 point(s)")
    assert outcome.verdict == "undecided"
    # false (0 < 10^-6 at (500, 700)); two variables that no combination reduces to one, on
    # an unbounded box: no certificate (symderive/check/box_certificates.py)
    assert "more than one combination" in outcome.reason
    assert "worst point searched" in outcome.reason
    assert "a sampled inequality is not checked" in outcome.reason


def test_the_search_guards_against_a_wrong_range(monkeypatch):
    """SymPy's range made wrong on purpose (every candidate value raised by 1/2): the search
    found a slack of 0 below the 'certified' minimum 1/2, so the claim is not checked."""
    def shifted_certificate(f, variable, shown, interval, strict):
        return certificates.Certificate(shown, interval, sp.Rational(1, 2), True,
                                        f"at {shown} = 0", "{0}")

    monkeypatch.setattr(certificates, "_certificate", shifted_certificate)
    # this test is about the search's guard: the certified cover's guard (which also sees
    # the slack 0 at x = 0) is tested in tests/check/test_certificates_round10.py
    monkeypatch.setattr(certificates, "_cover_guard", lambda *args: None)
    outcome = certificates.require_certificate(
        CHECKED, sp.exp(x), 1 + x, ">=", _domain, 0.0, "held at 12 point(s)")
    assert outcome.verdict == "undecided"
    assert "the two disagree" in outcome.reason
    # with the search agreeing (its smallest slack above the minimum) the certificate stands
    outcome = certificates.require_certificate(
        CHECKED, sp.exp(x), 1 + x, ">=", _domain, 0.75, "held at 12 point(s)")
    assert outcome.verdict == "checked"


def test_without_a_search_there_is_no_cross_check_and_no_certificate():
    outcome = certificates.require_certificate(
        CHECKED, sp.exp(x), 1 + x, ">=", _domain, None, "held at 12 point(s)")
    assert outcome.verdict == "undecided"
    assert "no search of the worst point" in outcome.reason
