"""Round 9a C1, C2, C5, C6: equalities an adversary breaks with sizes, integer points and tiny
constants (/work/findings/round9a.md).

- C1: a threshold written ``e^{17}``, ``\\pi^{15}``, ``\\sqrt{50}`` names the sizes around it
  (a size beyond what the sum affords makes the verdict undecided, as ``2^{24}`` does);
- C2: an integer variable takes the integers around a kink at a real number (``e^{20}``);
- C5: an agreement is re-examined at the precision the claim's constants call for
  (``x + x e^{-1000} = x`` is false by 10^-434·x), and every checked verdict names its digits;
- C6: several sizes are tried at every tuple of the small sizes, and reported as tuples.

Each wrong claim is the reviewer's row; each control is a true claim of the same form that
stays checked or proved.
"""

import math
import random

import mpmath
import pytest
import sympy as sp

from symderive.check import certified, decide, sampling
from symderive.check.context import CheckContext
from tests.notes.note_steps import steps_by_line

UNDECIDED_OR_REFUTED = ("undecided", "refuted")


def verdict(tmp_path, words: str, formula: str) -> tuple[str, str]:
    """The verdict and reason of the one claim ``formula`` after the sentence ``words``."""
    steps = steps_by_line(tmp_path, f"{words}\n$${formula}$$\n")
    claims = [step for found in steps.values() for step in found if step.verdict != "skipped"]
    assert len(claims) == 1, steps
    return claims[0].verdict, claims[0].reason


# ---- the helpers, against independent references (mpmath at 60 digits) ----------------------

@pytest.mark.parametrize("number", [sp.exp(20), sp.pi**15, sp.sqrt(50), sp.sqrt(80),
                                    sp.exp(16), sp.E**3 / 2])
def test_integer_neighbours_are_floor_and_ceiling_of_the_number(number):
    with mpmath.workdps(60):
        value = mpmath.mpf(sp.N(number, 60))
        low, high = int(mpmath.floor(value)), int(mpmath.ceil(value))
    assert sampling.integer_neighbours(number) == (low - 1, low, high, high + 1)


def test_an_integer_names_itself_and_its_neighbours():
    assert sampling.integer_neighbours(sp.Integer(13)) == (12, 13, 14)


def test_named_sizes_come_from_number_valued_parts_and_kinks():
    n, k = sp.symbols("n k", integer=True, positive=True)
    # e^{16} as a kink of min(k, e^16) inside a sum; e^3/2 only as the kink of max(0, 2n - e^3)
    named = sampling.named_sizes((sp.Sum(sp.Min(k, sp.exp(16)), (k, 1, n)),
                                  sp.Max(0, 2 * n - sp.exp(3))))
    assert {8886110, 8886111} <= named
    assert {math.floor(math.exp(3) / 2), math.ceil(math.exp(3) / 2)} <= named


def test_a_transcendental_threshold_beyond_the_cap_is_a_required_size():
    n, k = sp.symbols("n k", integer=True, positive=True)
    tried, untried = sampling.critical_sizes(
        (sp.Sum(k, (k, 1, n)), n * (n + 1) / 2 + sp.Max(0, n - sp.exp(17))), 4096, 7)
    assert math.ceil(math.exp(17)) in untried


def test_the_product_of_sizes_is_complete_and_bounded():
    assert sampling.product_side(2, costly=False) == 7
    pairs = sampling.size_product(list(sp.symbols("m n")), 7)
    assert len(pairs) == 49 and len({tuple(p.values()) for p in pairs}) == 49
    # every side affordable: the terms written out at all the tuples stay within the budget
    for count in (2, 3, 4):
        side = sampling.product_side(count, costly=False)
        assert (side * (side + 1) // 2) ** count <= sampling.PRODUCT_TERMS


def test_constant_decades_read_from_certified_balls():
    x = sp.Symbol("x")
    assert certified.constant_decades(x + x * sp.exp(-1000), x) == math.ceil(1000 / math.log(10))
    assert certified.constant_decades(x * sp.Integer(10) ** -400, x) >= 400


def test_a_difference_of_e_to_the_minus_1000_is_seen_at_one_point():
    x = sp.Symbol("x")
    result = certified.compare(x + x * sp.exp(-1000), x, "=", {x: sp.Integer(1)})
    assert result.status == "disagree"


def test_constants_beyond_what_the_precision_resolves_leave_the_point_inconclusive():
    x = sp.Symbol("x")
    result = certified.compare(x + x * sp.exp(-20000), x, "=", {x: sp.Integer(1)})
    assert result.status == "inconclusive"


def test_a_true_identity_with_a_tiny_constant_still_agrees():
    x = sp.Symbol("x")
    left = (x + 1) * sp.exp(-1000)
    right = x * sp.exp(-1000) + sp.exp(-1000)
    assert certified.compare(left, right, "=", {x: sp.Rational(3, 7)}).status == "agree"


# ---- the reviewer's rows (note text as written) ----------------------------------------------

@pytest.mark.parametrize("formula", [
    r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2} + \max(0, n - e^{17})",
    r"\prod_{k=1}^{n} \frac{k+1}{k} = n + 1 + \max(0, n - \pi^{15})",
    r"\sum_{k=1}^{n} \min(k, e^{16}) = \frac{n(n+1)}{2}",
    r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2} + \max(0, \min(n - \sqrt{50}, \sqrt{80} - n))",
    r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2} + \max(0, n - 2^{24})",
])
def test_c1_a_sum_false_at_a_size_a_real_number_names_is_not_checked(tmp_path, formula):
    found, reason = verdict(tmp_path, r"For every integer $n \ge 1$,", formula)
    assert found in UNDECIDED_OR_REFUTED, reason


@pytest.mark.parametrize("words, formula, where", [
    (r"For every integer $m$,", r"\min(m, e^{20}) = m", "485165196"),
    (r"For every integer $n$,", r"\mathbb{1}(n > e^{15}) = 0", "3269018"),
    (r"For every integer $n$,", r"|n - e^{15}| = e^{15} - n", "3269018"),
])
def test_c2_an_integer_variable_takes_the_integers_around_a_real_kink(tmp_path, words, formula,
                                                                     where):
    steps = steps_by_line(tmp_path, f"{words}\n$${formula}$$\n")
    (step,) = [s for found in steps.values() for s in found if s.verdict != "skipped"]
    assert step.verdict == "refuted", step.reason
    assert where in str(step.outcome.counterexample.values)


@pytest.mark.parametrize("formula", [r"x + x e^{-1000} = x", r"x + x e^{-2000} = x"])
def test_c5_a_claim_false_by_a_tiny_constant_is_refuted(tmp_path, formula):
    found, reason = verdict(tmp_path, r"For every real $x$,", formula)
    assert found == "refuted", reason


@pytest.mark.parametrize("formula", [
    r"\sum_{i=1}^{m} \sum_{j=1}^{n} 1 = m n + \max(0, \min(m - 2, 4 - m, n - 4, 6 - n))",
    r"\sum_{i=1}^{m} \sum_{j=1}^{n} i = \frac{m(m+1)n}{2} + \max(0, \min(m - 5, 7 - m, n - 1, 3 - n))",
])
def test_c6_a_double_sum_false_at_one_pair_is_refuted(tmp_path, formula):
    found, reason = verdict(tmp_path, r"For all integers $m$ and $n$,", formula)
    assert found == "refuted", reason


# ---- controls: true claims of the same forms stay checked or proved --------------------------

@pytest.mark.parametrize("formula", [
    r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}",
    r"\sum_{k=1}^{n} \min(k, 5) = \frac{n(n+1)}{2} - \frac{\max(0, n - 5)(n - 4)}{2}",
])
def test_true_sums_over_one_size_stay_checked_or_proved(tmp_path, formula):
    found, reason = verdict(tmp_path, r"For every integer $n \ge 1$,", formula)
    assert found in ("checked", "proved"), reason


def test_a_true_double_sum_is_proved_or_checked_at_every_pair_and_says_so(tmp_path):
    found, reason = verdict(tmp_path, r"For all integers $m$ and $n$,",
                            r"\sum_{i=1}^{m} \sum_{j=1}^{n} i = \frac{m(m+1)n}{2}")
    assert found in ("proved", "checked"), reason  # SymPy sums it in closed form when in time
    if found == "checked":
        assert "every tuple of 1..7 (49)" in reason
        assert "sizes checked" not in reason  # tuples, not the union of their coordinates


def test_a_double_sum_checked_numerically_is_checked_at_every_pair_and_says_so():
    m, n = sp.symbols("m n", integer=True, positive=True)
    i, j = sp.symbols("i j", integer=True)
    lhs = sp.Sum(sp.Sum(i * sp.sin(j) ** 2 + i * sp.cos(j) ** 2, (j, 1, n)), (i, 1, m))
    outcome = decide.numeric_phase(lhs, m * (m + 1) * n / 2, "=", CheckContext(),
                                   random.Random(3))
    assert outcome.verdict == "checked", outcome.reason
    assert "every tuple of 1..7 (49)" in outcome.reason


def test_a_checked_verdict_names_its_points_and_digits():
    x = sp.Symbol("x", real=True)
    outcome = decide.numeric_phase(sp.sin(x) ** 2 + sp.cos(x) ** 2, sp.Integer(1), "=",
                                   CheckContext(), random.Random(9))
    assert outcome.verdict == "checked", outcome.reason
    assert f"certified agreement to {certified.DIGITS} digits" in outcome.reason
    assert "at x = " in outcome.reason and outcome.points


def test_an_agreement_with_a_tiny_constant_is_re_examined_beyond_it():
    x = sp.Symbol("x", real=True)
    tiny = sp.exp(-1000)
    outcome = decide.numeric_phase(sp.sin(x + tiny), sp.sin(x) * sp.cos(tiny)
                                   + sp.cos(x) * sp.sin(tiny), "=", CheckContext(),
                                   random.Random(3))
    assert outcome.verdict == "checked", outcome.reason
    digits = int(outcome.reason.split("re-examined at ")[1].split(" digits")[0])
    assert digits > 1000 / math.log(10) + certified.DIGITS  # beyond e^-1000 and the tolerance
