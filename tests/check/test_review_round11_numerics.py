"""Round 11a F1, F2, F11 and round 11b C1, C3: false claims the numeric checker called
*checked* (/work/findings/round11a.md, /work/findings/round11b.md).

- F2 / C1: where the balls overlap, the difference is looked at again doubling the bits (up to
  certified.DEEP_BITS) until the ball excludes 0: tanh(1000) = 1 differs by 10^-869, a sixth
  Newton iterate of π by 10^-792, and no written constant says so; a constant claim whose sides
  still overlap there is *undecided* (agreement of numbers is no proof);
- F1: every real zero of a nonlinear kink argument is sampled, and the gaps between them
  (a bump max(0, 1 - 10^8 (x - 1/7)^2) is nonzero only between 1/7 ± 10^-4);
- F11: a variable in an exponent takes 2, 1/2, 3, 1/3, … over a negative base
  ((x^a)^b = x^{ab} fails at x = -2, a = 2, b = 1/2);
- C3: a sum bound declared negative is an integer count below the lower limit: the range is
  empty (the sum 0, the product 1), never Karr's closed form at m = -37/3.

Each false claim is the reviewer's row; each control is a true claim of the same form that
stays checked or proved.
"""

import random

import mpmath
import pytest
import sympy as sp

from symderive.check import certified, decide
from symderive.check.context import CheckContext
from symderive.model import Domain
from tests.notes.note_steps import steps_by_line

HOLDS = ("proved", "checked")


def verdicts(tmp_path, text: str) -> list[tuple[str, str]]:
    """(verdict, reason) of every claim of the note, in order."""
    steps = steps_by_line(tmp_path, text)
    return [(step.verdict, step.reason) for line in sorted(steps) for step in steps[line]
            if step.verdict != "skipped"]


def verdict(tmp_path, formula: str, words: str = "# Claim") -> str:
    found = verdicts(tmp_path, f"{words}\n\n$$ {formula} $$\n")
    assert len(found) == 1, found
    return found[0][0]


def newton_pi(steps: int) -> str:
    """T^steps(3) in LaTeX, T(x) = x - tan x: Newton's method for sin x = 0 from 3."""
    iterate = "3"
    for _ in range(steps):
        iterate = f"({iterate} - \\tan({iterate}))"
    return iterate


def newton_pi_expr(steps: int) -> sp.Basic:
    iterate = sp.Integer(3)
    for _ in range(steps):
        iterate = iterate - sp.tan(iterate)
    return iterate


# ---- F2 / C1: a difference below any precision read off the written constants ---------------

@pytest.mark.parametrize("formula", [
    r"\tanh(1000) = 1",
    r"x \tanh(x^2 + 1000) = x",
    r"y \cos(10^{-300} x) = y",
    r"e^{\tanh(800)} = e",
    r"\cos(10^{-300}) = 1",
    r"1 - \tanh(500) = 0",
    r"\tanh(1000) \ge 1",
    r"\cos(10^{-300}) \ge 1",
])
def test_a_saturated_function_is_not_its_limit(tmp_path, formula):
    assert verdict(tmp_path, formula) == "refuted"


@pytest.mark.parametrize("formula", [
    r"\tanh(1000) < 1",
    r"\tanh(1000) \le 1",
    r"x \tanh(x^2 + 1000) = x \tanh(1000 + x^2)",
])
def test_the_true_saturation_bounds_hold(tmp_path, formula):
    assert verdict(tmp_path, formula) in HOLDS


def test_the_sixth_newton_iterate_of_pi_is_not_pi(tmp_path):
    # mpmath at 3000 digits: T^6(3) - π = -1.93·10^-792
    with mpmath.workdps(3000):
        x = mpmath.mpf(3)
        for _ in range(6):
            x = x - mpmath.tan(x)
        assert abs(x - mpmath.pi) > mpmath.mpf(10) ** -800
    assert verdict(tmp_path, f"{newton_pi(6)} = \\pi") == "refuted"


def test_the_seventh_newton_iterate_is_not_below_pi(tmp_path):
    # T^7(3) - π = +2.4·10^-2376 > 0: the inequality is false
    assert verdict(tmp_path, f"{newton_pi(7)} \\le \\pi") == "refuted"


def test_the_newton_iterates_written_as_definitions_are_not_pi(tmp_path):
    text = "# Newton\n\n$$ x_1 = 3 - \\tan 3 $$\n" + "".join(
        f"$$ x_{k} = x_{k - 1} - \\tan x_{k - 1} $$\n" for k in range(2, 7)
    ) + "\nAfter six steps the iterate is exactly $\\pi$:\n\n$$ x_6 = \\pi $$\n"
    assert [v for v, _ in verdicts(tmp_path, text)] == ["refuted"]


def test_a_newton_iterate_times_a_variable_is_refuted_at_a_point_that_reproduces():
    x = sp.Symbol("x", real=True)
    outcome = decide.numeric_phase(x * newton_pi_expr(6), x * sp.pi, "=", CheckContext(),
                                   random.Random(0))
    assert outcome.verdict == "refuted"
    point = {sp.Symbol(name, real=True): sp.Rational(value)
             for name, value in outcome.counterexample.values}
    difference = (x * newton_pi_expr(6) - x * sp.pi).xreplace(point)
    assert abs(sp.N(difference, 1200)) > sp.Float("1e-800", 1200)


def test_the_deep_look_reports_the_digits_it_examined():
    # a true identity SymPy's numbers do not make exactly equal: overlapping balls everywhere
    x = sp.Symbol("x", real=True)
    outcome = decide.numeric_phase(x * sp.log(8), 3 * x * sp.log(2), "=", CheckContext(),
                                   random.Random(0))
    assert outcome.verdict == "checked"
    assert "digits at" in outcome.reason and "point(s)" in outcome.reason


def test_a_constant_claim_is_not_checked_by_agreement_of_its_numbers():
    # the documented decision (docs/conventions.md): numbers agreeing to 19,000 digits are no
    # proof; the symbolic phase proves the true one
    outcome = decide.numeric_phase(sp.log(8), 3 * sp.log(2), "=", CheckContext(),
                                   random.Random(0))
    assert outcome.verdict == "undecided"
    assert "digits" in outcome.reason
    final = list(decide.decide(sp.log(8), 3 * sp.log(2), "=", CheckContext()))[-1]
    assert final.verdict == "proved"


def test_the_deep_look_doubles_until_the_balls_separate():
    found = certified.compare(newton_pi_expr(7), sp.pi, "=", {},
                              deep_bits=certified.DEEP_BITS, deep_cost=5.0)
    assert found.status == "disagree"
    assert found.bits > 7900  # 2.4·10^-2376 needs about 7,900 bits


def test_without_the_deep_look_the_confirmation_is_unchanged():
    # (a saturated tanh is no such case since round 38: its decades count among the constants)
    found = certified.compare(newton_pi_expr(8), sp.pi, "=", {})
    assert found.status == "agree" and found.examined  # (the defect the deep look closes)


# ---- F1: kinks at the zeros of a nonlinear argument ------------------------------------------

@pytest.mark.parametrize("formula", [
    r"x + \max(0, 1 - 10^{8}(x - \tfrac{1}{7})^2) = x",
    r"x + \max(0, 1 - 10^{8}|x - \tfrac{1}{7}|) = x",
    r"x + \max(0, 1 - 10^{8}(x^2 - 2)^2) = x",
    r"x + \mathrm{ReLU}(1 - 10^{8}(x - \tfrac{1}{7})^2) = x",
    r"x + \min(0, 10^{8}(x - \tfrac{1}{7})^2 - 1) = x",
    r"x + |10^{8}(x - \tfrac{1}{7})^2 - 1| - 10^{8}(x - \tfrac{1}{7})^2 + 1 = x",
    r"x + \max(0, 1 - 10^{8}(x - \tfrac{1}{7})^4) = x",
    r"x y + \max(0, 1 - 10^{8}(x - y)^2) = x y",
    r"x + \max(0, 1 - 10^{8}\sin(x)^2) = x",
])
def test_a_narrow_bump_is_found_between_the_zeros_of_its_argument(tmp_path, formula):
    assert verdict(tmp_path, formula) == "refuted"


@pytest.mark.parametrize("formula", [
    r"x + \max(0, -1 - 10^{8}(x - \tfrac{1}{7})^2) = x",  # the argument is never positive
    r"\max(0, x^2 - 1) + \min(0, x^2 - 1) = x^2 - 1",
    r"\mathrm{ReLU}(x^2 - 4) - \mathrm{ReLU}(4 - x^2) = x^2 - 4",
])
def test_a_kink_identity_with_a_nonlinear_argument_holds(tmp_path, formula):
    assert verdict(tmp_path, formula) in HOLDS


# ---- F11: a variable in an exponent over a negative base -------------------------------------

@pytest.mark.parametrize("formula", [r"(x^{a})^{b} = x^{ab}", r"\sqrt{x^{a}} = x^{a/2}"])
def test_the_power_laws_fail_over_the_reals(tmp_path, formula):
    assert verdict(tmp_path, formula) == "refuted"


def test_the_product_power_law_is_not_refuted_where_a_side_as_written_is_undefined(tmp_path):
    # (xy)^a = x^a y^a holds wherever both sides are real (odd roots are real roots); its
    # counterexamples put a negative base under x^{1/2}, which has no value as written
    # (round 17 F28: a counterexample outside a side's written domain refutes nothing)
    assert verdict(tmp_path, r"(x y)^{a} = x^{a} y^{a}") != "refuted"


def test_the_power_of_a_power_counterexample_reproduces_exactly():
    x, a, b = sp.symbols("x a b", real=True)
    outcome = decide.numeric_phase((x**a) ** b, x ** (a * b), "=", CheckContext(),
                                   random.Random(0))
    assert outcome.verdict == "refuted"
    point = {sp.Symbol(name, real=True): sp.Rational(value)
             for name, value in outcome.counterexample.values}
    left, right = ((x**a) ** b).xreplace(point), (x ** (a * b)).xreplace(point)
    assert left.is_real and right.is_real and left != right


@pytest.mark.parametrize("formula", [r"x^{a} x^{b} = x^{a+b}", r"(x^{a})^{2} = x^{2a}",
                                     r"e^{a x} = (e^{x})^{a}"])
def test_the_power_laws_that_hold_over_the_reals_stay(tmp_path, formula):
    assert verdict(tmp_path, formula) in HOLDS


def test_the_power_of_a_power_holds_for_a_positive_base(tmp_path):
    assert verdict(tmp_path, r"(x^{a})^{b} = x^{ab}",
                   "<!-- symderive: assume x positive -->\n# Powers") in HOLDS


# ---- C3: a sum whose upper bound is declared negative ----------------------------------------

NEGATIVE = "<!-- symderive: assume m negative -->\n# Empty sums"


@pytest.mark.parametrize("formula", [r"\sum_{i=1}^{m} 1 = 0", r"\sum_{i=1}^{m} i^2 = 0",
                                     r"\prod_{i=1}^{m} 2 = 1"])
def test_a_range_below_its_lower_limit_is_empty(tmp_path, formula):
    assert verdict(tmp_path, formula, NEGATIVE) in HOLDS


@pytest.mark.parametrize("formula", [r"\sum_{i=1}^{m} 1 = m", r"\prod_{i=1}^{m} 2 = 2^m"])
def test_karr_closed_forms_are_refuted_at_a_negative_integer(tmp_path, formula):
    assert verdict(tmp_path, formula, NEGATIVE) == "refuted"


def test_a_nonzero_bound_is_sampled_at_integers_of_both_signs():
    m = sp.Symbol("m", real=True)
    i = sp.Symbol("i", integer=True)
    context = CheckContext.build({m: Domain("nonzero")})
    outcome = decide.numeric_phase(sp.Sum(1, (i, 1, m)), m, "=", context, random.Random(0))
    assert outcome.verdict == "refuted"
    value = sp.Rational(dict(outcome.counterexample.values)["m"])
    assert value.is_Integer and value < 0


def test_the_counting_sum_without_a_sign_still_holds(tmp_path):
    assert verdict(tmp_path, r"\sum_{i=1}^{m} 1 = m") in HOLDS
