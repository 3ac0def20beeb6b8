r"""Round 9b L1, L2, L10 and the certificate policy for information inequalities.

* L1: the damped oscillations e^{-x} sin x (+ c) ≥ 0 for x ≥ 0 — false for small c, true for
  c = 1/50 — are never *checked*: SymPy's critical points over [0, ∞) are not trusted, and the
  slack varies along the periodic family of critical points (no certificate: undecided);
* L2/L10: true bounds with equality at an irrational point (x^x ≥ e^{-1/e} at 1/e,
  x^{1/x} ≤ e^{1/e} at e) are certified (*checked*), never said not to hold; x^{1/3} ≥ -1 for
  x ≥ -1 (the real cube root) is not said to fail "for all values" when the only failure found
  lies outside the bound the note states in words;
* information inequalities (notes/info_check) are *checked* only with a certificate — the slack
  a nonnegative combination of Shannon's basic inequalities — else *undecided*; false ones
  stay *refuted* at a law that reproduces (its entropies recomputed here with mpmath).
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from symderive.notes.info_check import Conditions, decide
from symderive.notes.expression_bounds import condition_names, solved_interval
from symderive.notes.info_grammar import InfoNote

from .note_steps import steps_by_line

# whole notes, and information claims on some hundred finite laws each: most take > 3 s
pytestmark = pytest.mark.slow

NATURAL = InfoNote(log_base_two=False, self_information=True, cross_entropy_h=False,
                   classes_k=True)


def _only(found: dict, line: int):
    assert len(found[line]) == 1, found[line]
    return found[line][0]


def test_damped_oscillations_are_never_checked(tmp_path):
    # e^{-x} sin x has its minimum -e^{-5π/4}/√2 ≈ -0.0139 at x = 5π/4 (mpmath)
    minimum = mpmath.exp(-5 * mpmath.pi / 4) * mpmath.sin(5 * mpmath.pi / 4)
    assert minimum + mpmath.mpf(1) / 100 < 0 < minimum + mpmath.mpf(1) / 50
    found = steps_by_line(tmp_path, (
        "# Damped oscillation\n\n"
        "For every real $x \\ge 0$,\n$$e^{-x} \\sin x \\ge 0$$\n\n"  # 4: false
        "For every real $x \\ge 0$,\n$$e^{-x} \\sin x + \\frac{1}{100} \\ge 0$$\n\n"  # 7: false
        "For every real $x \\ge 0$,\n$$e^{-x} \\sin x + \\frac{1}{50} \\ge 0$$\n"  # 10: true
    ))
    for line in (4, 7, 10):
        assert _only(found, line).verdict not in ("proved", "checked")
    true_one = _only(found, 10)
    assert true_one.verdict in ("undecided", "skipped")
    assert "does not hold" not in true_one.reason


def test_true_bounds_with_an_irrational_equality_point_are_certified(tmp_path):
    # references: x^x at 1/e is e^{-1/e}; x^{1/x} at e is e^{1/e} (mpmath, 30 digits)
    with mpmath.workdps(30):
        assert mpmath.almosteq((1 / mpmath.e) ** (1 / mpmath.e), mpmath.exp(-1 / mpmath.e))
        assert mpmath.almosteq(mpmath.e ** (1 / mpmath.e), mpmath.exp(1 / mpmath.e))
    found = steps_by_line(tmp_path, (
        "# Odd\n\n"
        "For every real $x > 0$,\n$$x^x \\ge e^{-1/e}$$\n\n"  # 4
        "For every real $x > 0$,\n$$x^{1/x} \\le e^{1/e}$$\n\n"  # 7
        "For every real $x$ with $x \\ge -1$,\n$$x^{1/3} \\ge -1$$\n"  # 10
    ), budget_seconds=4.0)
    for line in (4, 7):
        step = _only(found, line)
        assert step.verdict == "checked", step.reason
        assert step.reason.startswith("certified: over (0, ∞) the slack's minimum is 0")
    root = _only(found, 10)
    assert root.verdict != "refuted"
    assert "does not hold for all values" not in root.reason
    assert "x \\ge -1" in root.reason  # the bound the note states is named


def test_a_false_bound_is_still_refuted_at_a_point_that_reproduces(tmp_path):
    found = steps_by_line(tmp_path, "For every real $x \\ge 0$,\n$$\\tan x \\ge -100$$\n")
    step = _only(found, 2)
    assert step.verdict == "refuted"
    x = Fraction(dict(step.outcome.counterexample.values)["x"])
    assert x >= 0 and mpmath.tan(mpmath.mpf(x.numerator) / x.denominator) < -100


# -- information inequalities: certified by Shannon's basic inequalities, else undecided ------


def _decided(lhs, rhs, relation):
    outcome, _ = decide(lhs, rhs, relation, NATURAL, Conditions(), "")
    return outcome


@pytest.mark.parametrize("lhs, relation, rhs, basic", [
    ("H(X, Y)", "<=", "H(X) + H(Y)", "I(X; Y) ≥ 0"),
    ("H(X \\mid Y)", "<=", "H(X)", "I(X; Y) ≥ 0"),
    ("H(X)", "<=", "H(X, Y)", "H(Y | X) ≥ 0"),
    ("I(X; Y)", ">=", "0", "I(X; Y) ≥ 0"),
    ("2 H(X, Y)", ">=", "H(X) + H(Y)", "H(X | Y) ≥ 0) + (H(Y | X) ≥ 0"),
])
def test_shannon_inequalities_are_certified(lhs, relation, rhs, basic):
    outcome = _decided(lhs, rhs, relation)
    assert outcome.verdict == "checked"
    assert outcome.reason.startswith("certified for every law: the slack is")
    assert basic in outcome.reason


@pytest.mark.parametrize("lhs, relation, rhs", [
    # true for k the outcomes of X, but what k counts is read from prose that may mean another
    # variable's classes (review round 10b C3): no certificate
    ("H(X)", "<=", "\\log(k)"),
    ("H(X)^{2}", ">=", "0"),  # true, but not a linear combination of entropies
    ("H(X) \\cdot H(Y)", ">=", "0"),
])
def test_a_true_inequality_without_a_certificate_is_undecided(lhs, relation, rhs):
    outcome = _decided(lhs, rhs, relation)
    assert outcome.verdict == "undecided"
    assert outcome.reason.startswith("no certificate covers every law")


def _entropy(probabilities) -> mpmath.mpf:
    return -sum(p * mpmath.log(p) for p in probabilities if p)


@pytest.mark.parametrize("lhs, relation, rhs", [
    ("H(X, Y)", ">=", "H(X) + H(Y)"),  # subadditivity reversed
    ("I(X; Y)", ">", "0"),  # zero for independent X, Y
])
def test_false_information_inequalities_stay_refuted(lhs, relation, rhs):
    outcome = _decided(lhs, rhs, relation)
    assert outcome.verdict == "refuted"
    law = {name: Fraction(value) for name, value in outcome.counterexample.values}
    joint = [mpmath.mpf(law[f"P(X={a}, Y={b})"].numerator) / law[f"P(X={a}, Y={b})"].denominator
             for a in (1, 2) for b in (1, 2)]
    h_xy = _entropy(joint)
    h_x = _entropy([joint[0] + joint[1], joint[2] + joint[3]])
    h_y = _entropy([joint[0] + joint[2], joint[1] + joint[3]])
    mutual = h_x + h_y - h_xy
    if lhs == "H(X, Y)":
        assert h_xy < h_x + h_y
    else:
        assert mutual <= 1e-25


# -- a condition on an expression is read only where SymPy's inequality solver is complete ----


@pytest.mark.parametrize("condition, interval", [
    ("|z| < 1", ("z", -1, 1, "()")),
    ("|x - 3| < 1", ("x", 2, 4, "()")),
    ("\\sqrt{x} < 2", ("x", 0, 4, "[)")),
])
def test_an_algebraic_condition_is_read_as_its_interval(condition, interval):
    assert solved_interval(condition) == interval


def test_a_periodic_condition_is_not_read_as_one_period():
    """sin(πx) > 0 holds on every (2k, 2k + 1) (mpmath at 2.5); SymPy's solver says (0, 1)."""
    assert mpmath.sin(mpmath.pi * 2.5) > 0
    assert solved_interval("\\sin(\\pi x) > 0") is None
    assert condition_names("\\sin(\\pi x) > 0") == {"x"}  # refutations about x stay undecided
