r"""Domains and quantifiers stated in prose for a display (review round 9b L3, L8, L9, L11;
round 9a L1, L2, L6).

A quantifier opening its sentence (``For every real $x \ge 0$,``, ``For $x > 0$,``) binds its
letter for the display the sentence runs into, and after it up to the next sentence saying
anything of the letter (another quantifier, a hypothesis, a bound the reader does not read,
generalising words) or the end of the section; a later quantifier supersedes what was said of
the letter before. Several bounds in one sentence (``Let $x > 0$ and $y > 0$.``, ``For all
integers $m, n \ge 1$,``) and a bound after the letter (``For every real $x$ with $0 < x <
1$,``) are read with the bound grammar; a quantifier about an inline formula (``Recall that
$\sqrt{x^2} = |x|$ holds for every real $x$``) lifts nothing for the display after it.

Each case is the reviewer's note text with the expected verdict, a counterexample checked by
substituting it back with exact or mpmath arithmetic, and the correct reading next to it.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from symderive.model import Domain
from symderive.notes.bound_lists import listed_bounds
from symderive.notes.lifted import lifted
from tests.notes.note_steps import steps_by_line, first_verdicts as verdicts



def value(step, name: str) -> Fraction:
    return Fraction(dict(step.counterexample.values)[name])


# -- the readers (fast) -------------------------------------------------------------------------


def test_several_bounds_in_one_sentence_are_read_each_for_its_name():
    bounds, hypothesis = listed_bounds("Let $x > 0$ and $y > 0$.")
    assert not hypothesis and [(b.name, b.domain.kind) for b in bounds] == [
        ("x", "positive"), ("y", "positive")]
    bounds, hypothesis = listed_bounds("For all integers $m, n \\ge 1$,")
    assert hypothesis and [(b.name, b.domain) for b in bounds] == [
        ("m", Domain("size")), ("n", Domain("size"))]
    bounds, _ = listed_bounds("For every real $x$ with $0 < x < 1$,")
    assert [(b.name, b.domain.kind) for b in bounds] == [("x", "probability")]
    bounds, _ = listed_bounds("For every $t$ in $(0, 1)$,")
    assert [(b.name, b.domain.kind) for b in bounds] == [("t", "probability")]


def test_a_sentence_with_one_formula_not_a_bound_is_not_read():
    assert listed_bounds("Let $u > 0$ and $v = -u$.") is None  # (its own reader: a definition)
    assert listed_bounds("Assume $c > 0$ or $d > 0$.") is None  # "or": neither holds for sure
    assert listed_bounds("Let $x > 0$ and $x < 1$.") is None  # one name bounded twice
    assert listed_bounds("For all integers $m, n \\ge 2$,") is None  # integers from 2: no kind
    assert listed_bounds("For all integers $m, n > 1$,") is None
    assert listed_bounds("For every real $x$ with $y > 0$,") is None  # a bound on another letter


def test_a_quantifier_about_an_inline_formula_lifts_no_example_value():
    assert lifted("Let $x = 3$. Recall that $\\sqrt{x^2} = |x|$ holds for every real $x$; "
                  "with our $x$ this gives") == set()
    assert lifted("Let $x = 3$. For every real $x$,") == {"x"}
    assert lifted("Let $x = 3$. The identity below holds for every real $x$:") == {"x"}


# -- round 9b L8: one quantifier per display ----------------------------------------------------

I7 = "# Bounds\n\nFor every real $x \\ge 1$,\n$$x^2 \\ge x$$\n\nFor every real $x \\ge 0$,\n" \
     "$$x^2 \\ge x$$\n\nFor every real $x$,\n$$x^3 \\ge x$$\n"


@pytest.mark.slow
def test_each_quantifier_binds_its_own_display_reviewer_i7(tmp_path):
    steps = steps_by_line(tmp_path, I7)
    assert steps[4][0].verdict == "checked"  # x^2 >= x for x >= 1
    at_half = steps[7][0]  # false at x = 1/2: refuted with a point of [0, ∞)
    assert at_half.verdict == "refuted"
    x = ratio(dict(at_half.counterexample.values)["x"])
    assert x >= 0 and x**2 < x
    cubic = steps[10][0]  # "for every real x": x^3 >= x fails at negative x below -1
    assert cubic.verdict == "refuted", cubic.reason
    x = value(cubic, "x")
    assert x**3 < x
    assert "line 3" not in cubic.reason


def ratio(text: str) -> mpmath.mpf:
    """A counterexample value such as '5*pi/312237' or '-17/3', with mpmath (read, not
    evaluated)."""
    number = mpmath.mpf(1)
    for factor, power in _factors(text):
        number *= factor**power
    return number


def _factors(text: str):
    numerator, _, denominator = text.partition("/")
    for part, power in ((numerator, 1), (denominator, -1)):
        for piece in filter(None, part.split("*")):
            yield (mpmath.pi if piece == "pi" else mpmath.mpf(piece)), power


I6 = ("# Odd\n\nFor every real $x$ with $x \\ge -1$,\n$$x^{1/3} \\ge -1$$\n\n"
      "For every real $x \\ge 1$,\n$$\\frac{\\ln x}{x} \\le \\frac{1}{e}$$\n\n"
      "For every real $x \\ge 0$,\n$$\\sqrt{x} \\ge x - \\frac{1}{4}$$\n")


@pytest.mark.slow
def test_a_later_quantifier_supersedes_an_earlier_unread_one_reviewer_i6(tmp_path):
    steps = steps_by_line(tmp_path, I6)
    assert steps[7][0].verdict == "checked"  # ln x / x <= 1/e on [1, ∞), not on (-∞, ∞)
    assert "[1, ∞)" in steps[7][0].reason
    root = steps[10][0]  # sqrt(x) >= x - 1/4 is false for large x: (sqrt(x) - 1/2)^2 >= 0 gives
    assert root.verdict == "refuted", root.reason  # sqrt(x) <= x + 1/4, not this
    x = mpmath.mpf(value(root, "x").numerator) / value(root, "x").denominator
    assert x >= 0 and mpmath.sqrt(x) < x - mpmath.mpf(1) / 4
    assert "line 3" not in root.reason


@pytest.mark.slow
def test_the_binding_continues_past_its_display_until_something_is_said_of_the_letter(tmp_path):
    text = ("# C\n\nFor every real $x > 0$,\n\n$$\\sqrt{x^2} = x$$\n\nHence\n\n"
            "$$\\sqrt{x^2} - x = 0$$\n\n"
            "# D\n\nFor every real $x \\ge 0$,\n\n$$\\sqrt{x^2} = x$$\n\nIf $x < 0$, then\n\n"
            "$$\\sqrt{x^2} = -x$$\n\nand\n\n$$\\sqrt{x^2} = x$$\n\n"
            "# G\n\nFor every real $x > 0$,\n\n$$\\sqrt{x^2} = x$$\n\nIn general,\n\n"
            "$$\\sqrt{x^2} = x$$\n\n# H\n\n$$\\sqrt{x^2} = x$$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == "proved" and found[9] == "proved"  # the same x > 0
    assert found[15] == "proved" and found[19] == "proved"  # x >= 0, then x < 0 (its own)
    assert found[23] == "undecided"  # after "If x < 0": neither bound is known to hold
    assert found[29] == "proved"
    assert found[33] == "undecided"  # "In general": the binding ends, the bound is not lost
    assert found[37] == "refuted"  # a new section: nothing stated


# -- round 9b L3: the interval after "with" ----------------------------------------------------


@pytest.mark.slow
def test_an_interval_after_with_is_the_domain_reviewer_i5(tmp_path):
    text = ("# Mixed\n\nFor every real $x$ with $0 < x < 1$,\n$$\\frac{\\sin x}{x} < 1$$\n\n"
            "For every real $x$ with $0 < x < 1$,\n$$\\frac{\\sin x}{x} > 1$$\n")
    steps = steps_by_line(tmp_path, text)
    true = steps[4][0]
    assert true.verdict in ("checked", "undecided")
    assert "(-∞, ∞)" not in true.reason and "x in (0, 1)" in " ".join(true.used)
    false = steps[7][0]  # sin x / x > 1 fails on all of (0, 1)
    assert false.verdict == "refuted"
    x = value(false, "x")
    assert 0 < x < 1
    x = mpmath.mpf(x.numerator) / x.denominator
    assert mpmath.sin(x) / x < 1


# -- round 9b L9, round 9a L1: several bounds after Let ----------------------------------------


def test_let_with_two_bounds_reads_both_reviewer_l2(tmp_path):
    text = ("# Roots\n\nLet $x > 0$ and $y > 0$.\n\n$$\\sqrt{x^2} = x$$\n\n"
            "# Signs\n\nLet $x > 0$ and $y < 0$.\n\n$$\\sqrt{y^2} = -y$$\n\n$$\\sqrt{y^2} = y$$\n")
    steps = steps_by_line(tmp_path, text)
    assert steps[5][0].verdict == "proved"
    assert steps[11][0].verdict == "proved"
    wrong = steps[13][0]
    assert wrong.verdict == "refuted" and value(wrong, "y") < 0


def test_let_a_bound_and_a_definition_keeps_the_bound_reviewer_b25(tmp_path):
    text = "## D\n\nLet $u > 0$ and $v = -u$.\n$$\\sqrt{v^2} = v$$\n\n## C\n\n" \
           "Assume $c > 0$ or $d > 0$.\n$$\\sqrt{d^2} = d$$\n"
    steps = steps_by_line(tmp_path, text)
    wrong = steps[4][0]
    assert wrong.verdict == "refuted" and value(wrong, "u") > 0  # v = -u < 0
    assert steps[9][0].verdict == "undecided"  # "or": d > 0 need not hold


# -- round 9b L11: a quantifier in a recall clause ---------------------------------------------


@pytest.mark.slow
def test_a_recalled_identity_for_every_real_x_does_not_lift_the_bound_reviewer_l3(tmp_path):
    text = ("# Roots\n\nLet $x > 0$. Recall that $\\sqrt{x^2} = |x|$ holds for every real $x$; "
            "with our positive $x$ this gives\n\n$$\\sqrt{x^2} = x$$\n\n# Logs\n\n"
            "Let $t > 0$. Unlike $t^2$, which is defined for every real $t$, the logarithm "
            "needs $t > 0$:\n\n$$\\ln(t^2) = 2 \\ln t$$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == "proved" and found[11] == "proved"


def test_a_claim_said_for_every_real_x_is_not_proved_with_an_earlier_bound(tmp_path):
    text = ("# A\n\nLet $x > 0$. Note that $\\sqrt{x^2} = x$ holds for every real $x$.\n\n"
            "# B\n\nLet $x > 0$. The identity below holds for every real $x$:\n\n"
            "$$\\sqrt{x^2} = x$$\n")
    found = verdicts(tmp_path, text)
    assert found[3] != "proved" and found[9] != "proved"


# -- round 9a L2, L6 ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_counterexample_inside_the_stated_bound_refutes_reviewer_b4(tmp_path):
    text = ("For every real $x \\ne 0$,\n$$\\frac{d}{dx} |x| = 1$$\n\n"
            "For every real $x$,\n$$\\frac{d}{dx} \\max(x, 0) = 1$$\n")
    steps = steps_by_line(tmp_path, text)
    assert steps[2][0].verdict == "refuted" and value(steps[2][0], "x") < 0
    assert steps[5][0].verdict == "refuted" and value(steps[5][0], "x") < 0
    assert "line 1" not in steps[5][0].reason


def _rhs_b28(m: int, n: int) -> int:
    return m * n + max(0, min(m - 2, 4 - m, n - 4, 6 - n))


@pytest.mark.slow
def test_integers_with_a_comma_list_and_a_bound_reviewer_b28(tmp_path):
    text = ("For all integers $m, n \\ge 1$,\n$$\\sum_{i=1}^{m} \\sum_{j=1}^{n} 1 = m n + "
            "\\max(0, \\min(m - 2, 4 - m, n - 4, 6 - n))$$\n\n"
            "For all integers $m, n \\ge 2$,\n$$\\sum_{i=1}^{m} \\sum_{j=1}^{n} 1 = m n + "
            "\\max(0, \\min(m - 2, 4 - m, n - 4, 6 - n))$$\n\n"
            "For all integers $m, n \\ge 1$,\n$$\\sum_{i=1}^{m} \\sum_{j=1}^{n} 1 = m n$$\n")
    steps = steps_by_line(tmp_path, text)
    assert all(step.verdict != "skipped" for step in steps.get(1, []))  # a condition, not an error
    wrong = steps[2][0]
    assert wrong.verdict == "refuted", wrong.reason
    m, n = int(value(wrong, "m")), int(value(wrong, "n"))
    assert m >= 1 and n >= 1 and sum(1 for _ in range(m) for _ in range(n)) != _rhs_b28(m, n)
    assert steps[5][0].verdict == "undecided"  # integers from 2: not read, not refuted
    assert steps[8][0].verdict in ("proved", "checked")


@pytest.mark.slow
def test_an_equation_after_a_bound_display_is_still_an_equation_to_solve(tmp_path):
    text = ("# A\n\nFor every real $x > 0$,\n\n$$f(x) = x^2$$\n\nThen\n\n$$x^2 - 3x + 2 = 0$$\n\n"
            "gives two roots.\n\nFor every real $x > 0$,\n\n$$x^2 - 3x + 2 = 0$$\n")
    steps = steps_by_line(tmp_path, text)
    assert steps[9][0].verdict == "skipped"  # the binding does not make it a claim for every x
    wrong = steps[15][0]  # said for every x > 0: a claim, false at x = 3
    assert wrong.verdict == "refuted" and value(wrong, "x") > 0
    x = value(wrong, "x")
    assert x**2 - 3 * x + 2 != 0


@pytest.mark.slow
def test_a_plain_lift_after_a_bound_lets_the_refutation_stand(tmp_path):
    text = ("# A\n\nLet $x > 0$.\n\nNow let $x$ be any real number.\n\n$$\\sqrt{x^2} = x$$\n\n"
            "# B\n\nFor every real $x > 0$,\n\n$$\\sqrt{x^2} = x$$\n\n"
            "Now let $x$ be any real number.\n\n$$\\sqrt{x^2} = x$$\n\n"
            "# C\n\nLet $x > 0$.\n\nWe now allow negative $x$ as well.\n\n$$\\sqrt{x^2} = x$$\n")
    steps = steps_by_line(tmp_path, text)
    for line in (7, 17):  # "any real number": x = -17/3 is one
        assert steps[line][0].verdict == "refuted" and value(steps[line][0], "x") < 0
    assert steps[13][0].verdict == "proved"
    assert steps[25][0].verdict == "undecided"  # words read loosely: the refutation is withheld
