r"""Round 9b L1: the one-variable inequality certificate must be exact by its own means.

SymPy 1.14's ``solveset(f', x, Interval(0, oo))`` drops the critical points of e^{-x} sin x
(and of other e^{-x}·trig slacks), and its ``continuous_domain`` calls
1/(e^{-x}(cos x − sin x)) continuous on [0, ∞).  The certificate now solves over the reals and
cuts to the interval itself, only for equations SymPy solves completely, lists the singular
points itself, and evaluates the slack with Arb balls on a cover of the interval as a guard.

Each false bound below is shown false independently (mpmath at 30 digits at a named point);
each true bound's certified minimum is compared with mpmath's minimum over a fine grid.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from symderive.check import inequality_certificates as certificates

x = sp.Symbol("x", real=True)
HALF_LINE = sp.Interval(0, sp.oo)
POSITIVE = sp.Interval.open(0, sp.oo)


def _value(slack, at) -> mpmath.mpf:
    """The slack at ``at`` (a number, or a function giving it) with mpmath at 30 digits."""
    with mpmath.workdps(30):
        return sp.lambdify(x, slack, "mpmath")(mpmath.mpf(at() if callable(at) else at))


# (slack of a FALSE bound ≥ 0, interval, a point where the slack is negative): round 9b L1
FALSE_DAMPED = [
    (sp.exp(-x) * sp.sin(x), HALF_LINE, 5 * mpmath.pi / 4),
    (sp.exp(-x / 7) * sp.sin(x), HALF_LINE, mpmath.pi + mpmath.atan(7)),
    (sp.exp(-x) * sp.sin(x) * sp.cos(x), HALF_LINE, 2.0),
    (sp.exp(-x) * (sp.sin(x) + 2 * sp.cos(x)), HALF_LINE, 3.0),
    (sp.exp(-x) * sp.sin(sp.sqrt(2) * x), HALF_LINE, 3.0),
    (sp.exp(200 - x) * sp.sin(x - 200), sp.Interval(200, sp.oo), 200 + 5 * mpmath.pi / 4),
    (sp.exp(-x) * sp.sin(x), sp.Interval(0, 10), 5 * mpmath.pi / 4),
]


@pytest.mark.parametrize("slack, interval, negative_at", FALSE_DAMPED)
def test_a_damped_oscillation_below_zero_gets_no_certificate(slack, interval, negative_at):
    assert _value(slack, negative_at) < 0  # the bound is false (independent reference)
    with pytest.raises(certificates.NoCertificate):
        certificates.certify(slack, x, interval, ">=")


def test_the_critical_points_are_solved_over_the_reals_and_cut_to_the_interval():
    # e^{-x}(cos x − sin x) = 0 at π/4 + kπ: on [0, 10] the members π/4, 5π/4, 9π/4
    points, families = certificates._zeros(sp.exp(-x) * (sp.cos(x) - sp.sin(x)), x,
                                           sp.Interval(0, 10))
    assert not families
    assert sorted(float(p) for p in points) == pytest.approx(
        [float(mpmath.pi / 4 + k * mpmath.pi) for k in range(3)])
    # on [0, ∞) the families are kept whole (a superset), never dropped
    points, families = certificates._zeros(sp.exp(-x) * (sp.cos(x) - sp.sin(x)), x, HALF_LINE)
    assert families and not points


@pytest.mark.parametrize("equation, complete", [
    (x**3 - 3 * x, True),  # a polynomial
    (1 - sp.log(x), True),  # one invertible kernel: x = e
    (1 / (2 * sp.sqrt(x)) - 1, True),  # √x = 1/2
    (sp.cos(x) - sp.sin(x), True),  # sines and cosines of one argument
    (x - sp.cos(x), False),  # x beside cos x: SymPy may list part of the solutions
    (sp.exp(x) - 3 * x, False),  # x beside e^x
    (sp.cos(x) - sp.sin(sp.sqrt(2) * x), False),  # two incommensurable arguments
    (x**sp.Rational(2, 3) - 1, False),  # u^(2/3) is not one-to-one
])
def test_only_equations_sympy_solves_completely_are_trusted(equation, complete):
    assert (certificates.complete_kind(equation, x) is not None) is complete


def test_a_pole_continuous_domain_misses_is_found():
    """continuous_domain says 1/(e^{-x}(cos x − sin x)) is continuous on [0, ∞); it has a pole
    at π/4 (mpmath: the denominator vanishes there)."""
    denominator = sp.exp(-x) * sp.cos(x) - sp.exp(-x) * sp.sin(x)
    assert abs(_value(denominator, lambda: mpmath.pi / 4)) < mpmath.mpf(10) ** -25
    with pytest.raises(certificates.NoCertificate):
        certificates.certify(1 / denominator**2, x, HALF_LINE, ">=")
    with pytest.raises(certificates.NoCertificate):  # the poles of tan on a bounded interval
        certificates.certify(sp.tan(x) + 10, x, sp.Interval(0, 3), ">=")


# (slack of a TRUE bound, interval, relation, exact minimum): the correct readings still work
TRUE_BOUNDS = [
    (x**x - sp.exp(-sp.exp(-1)), POSITIVE, ">=", 0),  # x^x ≥ e^{-1/e}, equality at 1/e
    (sp.exp(sp.exp(-1)) - x**(1 / x), POSITIVE, "<=", 0),  # x^{1/x} ≤ e^{1/e}, at x = e
    (sp.exp(-1) - sp.log(x) / x, sp.Interval(1, sp.oo), "<=", 0),  # ln x / x ≤ 1/e
    (x + sp.Rational(1, 4) - sp.sqrt(x), HALF_LINE, "<=", 0),  # √x ≤ x + 1/4, at x = 1/4
    (sp.sin(x)**2 + sp.cos(x) / 2 + 1, sp.Interval(-10, 10), ">=", sp.Rational(1, 2)),
    (sp.exp(-x) * sp.sin(x) + 1, sp.Interval(0, 10), ">=",  # a family listed on [0, 10]
     1 - sp.exp(-5 * sp.pi / 4) * sp.sqrt(2) / 2),
]


@pytest.mark.parametrize("slack, interval, relation, minimum", TRUE_BOUNDS)
def test_true_bounds_keep_their_certificate(slack, interval, relation, minimum):
    found = certificates.certify(slack, x, interval, relation)
    assert abs(float(sp.N(found.minimum - minimum, 30))) < 1e-25
    low = float(interval.inf) + (1e-9 if interval.left_open else 0.0)
    high = min(float(interval.sup), 60.0)
    grid = [low + k * (high - low) / 3000 for k in range(3001)]
    numeric = sp.lambdify(x, slack, "mpmath")
    with mpmath.workdps(30):  # mpmath's minimum over a fine grid
        smallest = min(numeric(mpmath.mpf(t)) for t in grid)
    assert smallest >= float(sp.N(minimum)) - 1e-20


def test_the_arb_cover_catches_a_range_sympy_got_wrong(monkeypatch):
    """The old behaviour simulated (no critical point found): the certificate would say the
    minimum of e^{-x} sin x on [0, ∞) is 0 at x = 0; the certified cover sees it below 0."""
    monkeypatch.setattr(certificates, "_zeros", lambda *args: ([], []))
    with pytest.raises(certificates.NoCertificate, match="the two disagree"):
        certificates.certify(sp.exp(-x) * sp.sin(x), x, HALF_LINE, ">=")


def test_the_cover_reaches_far_and_stays_inside_the_interval():
    points = certificates.cover(POSITIVE)
    assert all(p > 0 for p in points) and max(points) >= 10**7
    bounded = certificates.cover(sp.Interval.open(-1, 1))
    assert all(-1 < p < 1 for p in bounded) and len(bounded) > 100
