r"""Review round 6, prose domains: N8/H7 (a hypothesis written as an inline inequality), N18
(``0 \le p \le 1`` is an interval, not an index), N12 (a complex z), N14 (a numeric shape in
the prose) and N2 (a letter the prose calls a function).

A claim under a stated inequality is proved or checked inside it, and a false one is refuted
with a counterexample inside it (checked here against mpmath); a condition on another name
does not leak; where the reading is not exact the verdict is undecided, never a refutation
outside the domain.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.notes.inequalities import bound_of

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
from tests.notes.note_steps import steps_by_line as shared_steps_by_line

pytestmark = pytest.mark.slow


def steps_by_line(tmp_path: Path, text: str) -> dict[int, list]:
    return shared_steps_by_line(tmp_path, text, budget_seconds=3.0)


def verdict_at(steps: dict, line: int, rhs: str):
    wanted = [s for s in steps.get(line, []) if " ".join(s.rhs_latex.split()) == rhs]
    assert len(wanted) == 1, (line, {k: [(s.rhs_latex, s.verdict) for s in v]
                                     for k, v in steps.items()})
    return wanted[0]


def point(step) -> dict[str, Fraction]:
    return {name: Fraction(value) for name, value in step.counterexample.values}


def sqrt_sq_minus(x: Fraction) -> mpmath.mpf:
    """√(x²) − x at x, by mpmath: 0 exactly when x ≥ 0."""
    value = mpmath.mpf(x.numerator) / x.denominator
    return mpmath.sqrt(value**2) - value


# -- N8: inline inequality hypotheses -----------------------------------------------------------
SC3 = r"""# A

Let $x > 0$. Then $\sqrt{x^2} = x$.

# B

Assume $x > 0$. Then

$$ \sqrt{x^2} = x $$

# C

Suppose $x \ge 0$.

$$ \sqrt{x^2} = x $$

# D

$$ \sqrt{x^2} = x $$

where $x > 0$.

# E

Let $x > 0$ be given.

$$ |x| = x $$

# F

$x > 0$이라고 하자.

$$ |x| = x $$

# G

Throughout, $x > 0$.

$$ |x| = x $$

# H

Let $0 < x < 1$.

$$ \sqrt{x^2} = x $$
"""


def test_n8_reviewer_text_true_claims_are_proved_inside_the_stated_inequality(tmp_path):
    steps = steps_by_line(tmp_path, SC3)
    for line, rhs in ((3, "x"), (9, "x"), (15, "x"), (19, "x"), (27, "x"), (33, "x"), (39, "x"),
                      (45, "x")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict in ("proved", "checked"), (line, step.verdict, step.reason)
        assert "stated in the prose" in "; ".join(step.used), step.used


FALSE_UNDER_POSITIVE = r"""# A

Assume $x > 0$.

$$ \sqrt{x^2} = -x $$

# B

$x$는 정의역 위의 값이다. $x > 0$이라고 가정하자.

$$ |x| = -x $$

# C

$$ \sqrt{x^2} = -x $$

where $x > 0$.

# D

Let $0 < x < 1$.

$$ x^2 = x $$
"""


def test_n8_false_claims_are_refuted_inside_the_stated_domain(tmp_path):
    steps = steps_by_line(tmp_path, FALSE_UNDER_POSITIVE)
    for line, rhs in ((5, "-x"), (11, "-x"), (15, "-x")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict == "refuted", (line, step.verdict, step.reason)
        x = point(step)["x"]
        assert x > 0
        assert abs(sqrt_sq_minus(x)) < 1e-20  # √(x²) = |x| = x there, so −x ≠ x
        assert mpmath.mpf(x.numerator) / x.denominator != 0
    step = verdict_at(steps, 23, "x")
    assert step.verdict == "refuted"
    x = point(step)["x"]
    assert 0 < x < 1 and x * x != x


H7 = r"""# A

$x > 0$일 때, $\sqrt{x^2} = -x$이다.

# B

When $x > 0$, $\sqrt{x^2} = -x$.

# C

If $x > 0$, then $\sqrt{x^2} = -x$.

# D

$x > 0$일 때, $\sqrt{x^2} = x$이다.

# E

When $x > 0$, $\sqrt{x^2} = x$.
"""


def test_h7_a_false_consequent_is_refuted_inside_and_a_true_one_proved(tmp_path):
    steps = steps_by_line(tmp_path, H7)
    for line in (3, 7, 11):
        step = verdict_at(steps, line, "-x")
        assert step.verdict == "refuted", (line, step.verdict, step.reason)
        assert point(step)["x"] > 0
    for line in (15, 19):
        assert verdict_at(steps, line, "x").verdict == "proved"


NI = r"""# B

Let $n$ be an integer with $n \ge 2$.

$$ 2^n \ge n + 2 $$

# D

For $n \ge 4$ we have

$$ 2^n \ge n^2 $$

# E

For $n \ge 4$ we have

$$ 2^n \ge n^3 $$
"""


def test_ni_integer_bound_is_not_refuted_outside_and_a_real_bound_is_used(tmp_path):
    steps = steps_by_line(tmp_path, NI)
    assert verdict_at(steps, 5, "n + 2").verdict == "undecided"  # an integer ≥ 2: not read
    assert verdict_at(steps, 11, "n^2").verdict in ("checked", "proved")  # true for real n ≥ 4
    step = verdict_at(steps, 17, "n^3")  # false at n = 4: 16 < 64
    assert step.verdict == "refuted"
    n = point(step)["n"]
    assert n >= 4 and mpmath.power(2, mpmath.mpf(n.numerator) / n.denominator) < (
        mpmath.mpf(n.numerator) / n.denominator) ** 3


LEAK = r"""# A

Assume $y > 0$.

$$ \sqrt{x^2} = x $$

# B

Assume $x > 0$.

$$ \sqrt{x^2} = x $$

# C

$$ \sqrt{x^2} = x $$
"""


def test_a_condition_on_another_name_or_in_another_section_does_not_leak(tmp_path):
    steps = steps_by_line(tmp_path, LEAK)
    assert verdict_at(steps, 5, "x").verdict == "refuted"  # y > 0 says nothing of x
    assert point(verdict_at(steps, 5, "x"))["x"] < 0
    assert verdict_at(steps, 11, "x").verdict == "proved"
    assert verdict_at(steps, 15, "x").verdict == "refuted"  # a new section: x is real again


def test_where_holds_for_its_display_only(tmp_path):
    text = "# A\n\n$$ |x| = x $$\n\nwhere $x > 0$. Now let us look at another case.\n\n$$ |x| = x $$\n"
    steps = steps_by_line(tmp_path, text)
    assert verdict_at(steps, 3, "x").verdict == "proved"
    # the later display is not under it: never proved there (undecided: the bound is on x)
    later = verdict_at(steps, 7, "x")
    assert later.verdict == "undecided" and "bounds x at line 5" in later.reason


# -- N18: 0 \le p \le 1 is an interval ----------------------------------------------------------
PR3 = r"""# Bernoulli variance

The success probability satisfies $0 \le p \le 1$.

$$ p(1 - p) = 0 $$

$$ p^2 \ge p $$

$$ \sqrt{p} = p $$

$$ p^2 \le p $$
"""


def test_n18_reviewer_text_is_never_checked_on_the_two_integers(tmp_path):
    steps = steps_by_line(tmp_path, PR3)
    assert verdict_at(steps, 5, "0").verdict not in ("proved", "checked")
    for line, rhs in ((7, "p"), (9, "p")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict == "refuted", (line, step.verdict)
        p = point(step)["p"]
        assert 0 <= p <= 1 and p not in (0, 1)
    assert verdict_at(steps, 11, "p").verdict in ("checked", "proved")  # true on [0, 1]


PR5 = r"""# A

The time runs over $0 \le t \le 2$.

$$ t(t - 1)(t - 2) = 0 $$

# B

The learning rate satisfies $0 \le \alpha \le 1$.

$$ \alpha^2 = \alpha $$

# C

The weight satisfies $-1 \le w \le 1$.

$$ w^3 = w $$

# D

Let $0 \le p \le 1$.

$$ p^2 = p $$
"""


def test_n18_other_intervals_are_not_checked(tmp_path):
    steps = steps_by_line(tmp_path, PR5)
    for line, rhs in ((5, "0"), (11, r"\alpha"), (17, "w"), (23, "p")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict not in ("proved", "checked"), (line, step.verdict)
        if step.verdict == "refuted":
            value = next(iter(point(step).values()))
            assert value not in (-1, 0, 1, 2)


PR4 = r"""# Part 1

Let $x$ be a real number.

$$ x^2 = x $$

# Part 2

Here $0 \le x \le 1$ is the mixing weight.

$$ x^2 \le x $$
"""


def test_n18_a_later_section_does_not_reach_back(tmp_path):
    steps = steps_by_line(tmp_path, PR4)
    first = verdict_at(steps, 5, "x")
    assert first.verdict == "refuted"  # real x: false at most points
    assert verdict_at(steps, 11, "x").verdict in ("checked", "proved")


def test_an_open_interval_with_numeric_ends_is_read(tmp_path):
    """p² < 2p ⇔ p(p − 2) < 0 ⇔ 0 < p < 2: true on (0, 2), false just outside it."""
    steps = steps_by_line(tmp_path, "Let $p \\in (0, 2)$.\n\n$$ p^2 < 2p $$\n\n$$ p^2 < p $$\n")
    assert verdict_at(steps, 3, "2p").verdict == "checked"
    step = verdict_at(steps, 5, "p")
    assert step.verdict == "refuted" and 1 <= point(step)["p"] < 2


def test_an_index_stays_an_index(tmp_path):
    text = (r"For $1 \le i \le n$ we write $x_i$." "\n\n"
            r"$$ \sum_{i=1}^{n} 1 = n $$" "\n")
    steps = steps_by_line(tmp_path, text)
    assert verdict_at(steps, 3, "n").verdict == "proved"


@pytest.mark.parametrize("math, name, inside, outside", [
    (r"x > 0", "x", [Fraction(1, 3)], [Fraction(0), Fraction(-1)]),
    (r"0 \le p \le 1", "p", [Fraction(0), Fraction(1), Fraction(1, 2)], [Fraction(3, 2)]),
    (r"1 > x > 0", "x", [Fraction(1, 2)], [Fraction(1), Fraction(0)]),
    (r"n \ge 4", "n", [Fraction(4), Fraction(9, 2)], [Fraction(7, 2)]),
    (r"p \in [0, 1)", "p", [Fraction(0)], [Fraction(1)]),
    (r"x \le 0", "x", [Fraction(0), Fraction(-2)], [Fraction(1, 5)]),
])
def test_the_domain_of_an_inequality(math, name, inside, outside):
    from symderive.check.sampling import in_domain
    import sympy as sp

    bound = bound_of(math)
    assert bound is not None and bound.name == name
    for value in inside:
        assert in_domain(sp.Rational(value.numerator, value.denominator), bound.domain)
    for value in outside:
        assert not in_domain(sp.Rational(value.numerator, value.denominator), bound.domain)


@pytest.mark.parametrize("math", [r"x < y", r"0 \le x \le n", r"\pi > 3", r"x + y > 0"])
def test_what_is_not_one_name_with_numeric_bounds_is_not_read(math):
    assert bound_of(math) is None


# -- N12: a complex z is not read as a real number ----------------------------------------------
CX = r"""# Complex

Let $z$ be a complex number.

$$ |z|^2 = z \bar{z} $$

$$ |z|^2 = z^2 $$

$$ z^2 \ge 0 $$

$$ \sqrt{z^2} = |z| $$

# Korean

$z$는 복소수이다.

$$ |z|^2 = z^2 $$

# Set

Let $w \in \mathbb{C}$.

$$ \sqrt{w^2} = |w| $$

# Real again

$$ \sqrt{z^2} = |z| $$
"""


def test_n12_claims_about_a_complex_z_are_never_decided_with_z_real(tmp_path):
    """At z = i: |z|² = 1 ≠ z² = −1, z² = −1 < 0, √(z²) = i ≠ 1 (mpmath, complex)."""
    z = mpmath.mpc(0, 1)
    assert abs(z) ** 2 != z**2 and (z**2).real < 0 and mpmath.sqrt(z**2) != abs(z)
    steps = steps_by_line(tmp_path, CX)
    for line, rhs in ((5, r"z \bar{z}"), (7, "z^2"), (9, "0"), (11, "|z|"), (17, "z^2"),
                      (23, "|w|")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict in ("undecided", "skipped"), (line, step.verdict)
    assert "complex" in verdict_at(steps, 7, "z^2").reason
    # another section says nothing of z: a real z, √(z²) = |z| holds
    assert verdict_at(steps, 27, "|z|").verdict == "proved"


# -- N2: a letter the prose calls a function --------------------------------------------------------
FN1 = r"""# Linearity

Let $u$ be any differentiable function.

$$ u(a + b) = u(a) + u(b) $$

Let $v$ be a nonlinear activation function.

$$ v(2x) = 2 v(x) $$

$u$는 임의의 미분 가능한 함수이다.

$$ u(x + y) = u(x) + u(y) $$

Consider a function $\kappa$ of one variable.

$$ \kappa(x + y) = \kappa(x) + \kappa(y) $$

The activation $a(\cdot)$ is applied elementwise.

$$ a(x + y) = a(x) + a(y) $$

Let $s(t)$ denote the position at time $t$.

$$ s(2t) = 2 s(t) $$

$$ \frac{d}{dt} s(t^2) = 2t \, s'(t^2) $$
"""


def test_n2_the_linearity_fallacy_is_never_proved_for_a_declared_function(tmp_path):
    """sin(a + b) ≠ sin a + sin b at a = b = 1 (mpmath): the claims are false for some u."""
    assert abs(mpmath.sin(2) - 2 * mpmath.sin(1)) > 0.5
    steps = steps_by_line(tmp_path, FN1)
    for line, rhs in ((5, "u(a) + u(b)"), (9, "2 v(x)"), (13, "u(x) + u(y)"),
                      (17, r"\kappa(x) + \kappa(y)"), (21, "a(x) + a(y)"), (25, "2 s(t)")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict not in ("proved", "checked"), (line, step.verdict, step.reason)
        assert step.verdict == "refuted" and "instance" in step.reason, (line, step.reason)
    assert verdict_at(steps, 27, r"2t \, s'(t^2)").verdict == "proved"  # the chain rule


def test_n2_a_letter_not_called_a_function_keeps_its_reading(tmp_path):
    text = "# A\n\nLet $u$ be a real number.\n\n$$ u(a + b) = ua + ub $$\n"
    steps = steps_by_line(tmp_path, text)
    assert verdict_at(steps, 5, "ua + ub").verdict == "proved"  # a product, as the note says


# -- N14: a numeric shape stated in the prose ----------------------------------------------------------
SZ = r"""# A

Let $\mathbf{A}$ be a $2 \times 2$ matrix.

$$ \det(2\mathbf{A}) = 4\det(\mathbf{A}) $$

# B

Let $\mathbf{A}$ be a $3 \times 3$ matrix.

$$ \det(-\mathbf{A}) = -\det(\mathbf{A}) $$

# C

Let $\mathbf{A} \in \mathbb{R}^{2 \times 2}$.

$$ \det(2\mathbf{A}) = 4\det(\mathbf{A}) $$

$$ \det(2\mathbf{A}) = 2\det(\mathbf{A}) $$

# D

Let $\mathbf{x} \in \mathbb{R}^3$.

$$ \mathbf{x}^\top \mathbf{x} \le 3 \max(x_1^2, x_2^2, x_3^2) $$

# F

Let $\mathbf{A}$ be an $n \times n$ matrix with $n = 2$.

$$ \det(2\mathbf{A}) = 4\det(\mathbf{A}) $$
"""


def test_n14_never_refuted_at_a_size_the_note_excludes(tmp_path):
    """det(cA) = cⁿ det A (mpmath at a random 2×2 and 3×3): true at the stated sizes."""
    a2 = mpmath.matrix([[1, 2], [3, 5]])
    a3 = mpmath.matrix([[1, 2, 0], [3, 5, 1], [0, 1, 4]])
    assert mpmath.det(2 * a2) == 4 * mpmath.det(a2) and mpmath.det(-a3) == -mpmath.det(a3)
    steps = steps_by_line(tmp_path, SZ)
    for line, rhs in ((5, r"4\det(\mathbf{A})"), (11, r"-\det(\mathbf{A})"),
                      (17, r"4\det(\mathbf{A})"), (25, r"3 \max(x_1^2, x_2^2, x_3^2)"),
                      (31, r"4\det(\mathbf{A})")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict != "refuted", (line, step.reason)
    wrong = verdict_at(steps, 19, r"2\det(\mathbf{A})")  # det(2A) = 4 det A ≠ 2 det A at 2×2
    values = dict(wrong.counterexample.values)
    entries = {name for name in values if name.startswith("\\mathbf{A}_")}
    # at the stated size: n = 2 named, or A read as 2 × 2 outright (its four entries)
    assert wrong.verdict == "refuted" and (values.get("size") == "2" or len(entries) == 4), values


def test_n14_a_shape_declared_once_is_used(tmp_path):
    text = ("Let $\\mathbf{A}$ be a $2 \\times 2$ matrix.\n\n"
            "$$ \\det(2\\mathbf{A}) = 4\\det(\\mathbf{A}) $$\n")
    steps = steps_by_line(tmp_path, text)
    assert verdict_at(steps, 3, r"4\det(\mathbf{A})").verdict == "proved"


# -- N8: the condition written in the display ---------------------------------------------------------
KO1 = r"""# B

$$ \sqrt{x^2} = x $$

단, $x > 0$이다.

# E

$$ \sqrt{x^2} = x, \quad x > 0 $$

# F

$$ \sqrt{x^2} = x \qquad \text{provided } x > 0 $$

# G

$$ \sqrt{x^2} = x \qquad \text{if } x \text{ is positive} $$

# I

$$ \sqrt{x^2} = x \qquad \forall x > 0 $$

# J

$$ \sqrt{x^2} = -x \qquad \forall x > 0 $$

# K

$$ \sqrt{x^2} = -x \qquad \text{if } x \text{ is positive} $$

# L

$$ \sqrt{x^2} = x \qquad \forall y > 0 $$
"""


def test_a_condition_in_the_display_is_the_domain_of_its_claim(tmp_path):
    steps = steps_by_line(tmp_path, KO1)
    for line in (3, 9, 13, 17, 21):
        step = verdict_at(steps, line, "x")
        assert step.verdict == "proved", (line, step.verdict, step.reason)
    for line in (25, 29):
        step = verdict_at(steps, line, "-x")
        assert step.verdict == "refuted", (line, step.verdict)
        assert point(step)["x"] > 0
    # a condition on another name: x is any real, refuted at a negative x (y > 0 says nothing)
    step = verdict_at(steps, 33, "x")
    assert step.verdict == "refuted" and point(step)["x"] < 0


@pytest.mark.parametrize("name, math, expected", [
    ("n", r"\sum_{i=1}^{n} i", True), ("n", r"\prod_{k=n}^{10} k", True), ("i", r"x_i", True),
    ("n", r"2^n \ge n^2", False), ("p", r"p^2 = p", False),
])
def test_a_name_that_counts_terms_is_not_given_a_real_interval(name, math, expected):
    """An interval would sample it at non-integers, where a sum's closed form is not the sum
    (round 6, N7): such a name keeps its reading (a size) and the bound is not read."""
    from symderive.notes.inequalities import counts

    assert counts(name, math) is expected


def test_a_bound_on_a_summation_size_is_not_read_as_a_real_interval(tmp_path):
    text = "For $n \\ge 4$ we have\n\n$$ \\sum_{i=1}^{n} 1 = n $$\n"
    steps = steps_by_line(tmp_path, text)
    step = verdict_at(steps, 3, "n")
    assert step.verdict == "proved" and "interval" not in step.reason


PARAPHRASES = r"""# A

Suppose that $x > 0$.

$$ |x| = x $$

# B

$x \ge 0$이라 가정하자.

$$ \sqrt{x^2} = x $$

# C

$x > 0$이면 $|x| = x$이다.

# D

From now on, $t > 0$.

$$ |t| = t $$

# E

$$ |x| = x $$

where $x \ge 0$.

# F

Let $x$ be a real number with $x > 0$.

$$ |x| = x $$

# G

If $x \ge 0$, then $|x| = -x$.

# H

Let $x < 0$.

$$ |x| = -x $$
"""


def test_paraphrases_in_english_and_korean(tmp_path):
    steps = steps_by_line(tmp_path, PARAPHRASES)
    for line, rhs in ((5, "x"), (11, "x"), (15, "x"), (21, "t"), (25, "x"), (33, "x"), (43, "-x")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict == "proved", (line, step.verdict, step.reason)
    step = verdict_at(steps, 37, "-x")  # |x| = x ≠ −x for x > 0 (x = 0 is the one point it holds)
    assert step.verdict == "refuted" and point(step)["x"] > 0


PR2 = r"""# C

Let $p \in [0, 1]$.

$$ p^2 = p $$

# D

Let $0 \le p \le 1$.

$$ p^2 \ge p $$

# E

Let $p$ be a probability.

$$ p^2 \ge p $$
"""


def test_n18_reviewer_sections_each_keep_their_own_reading(tmp_path):
    steps = steps_by_line(tmp_path, PR2)
    for line, rhs in ((5, "p"), (11, "p"), (17, "p")):
        step = verdict_at(steps, line, rhs)
        assert step.verdict not in ("proved", "checked"), (line, step.verdict)
        value = dict(step.counterexample.values)["p"] if step.verdict == "refuted" else "1/2"
        p = mpmath.mpf(Fraction(value).numerator) / Fraction(value).denominator if (
            "pi" not in value) else mpmath.pi * Fraction(value.replace("*pi", "").split("/")[0]) / int(
                value.split("/")[1])  # 10*pi/1189
        assert 0 < p < 1


def test_a_bound_in_a_display_of_its_own_is_never_refuted_outside(tmp_path):
    """``$$ 0 \\le p \\le 1 $$`` on its own: not read as p's domain, so neither an index in
    {0, 1} (p² ≤ p would be checked only at 0 and 1) nor a refutation at p < 0."""
    text = "# A\n\nThe probability:\n\n$$ 0 \\le p \\le 1 $$\n\n$$ p^2 = p $$\n"
    steps = steps_by_line(tmp_path, text)
    step = verdict_at(steps, 7, "p")
    assert step.verdict == "undecided" and "bounds p at line 5" in step.reason


def test_a_probability_in_words_is_the_interval_from_0_to_1(tmp_path):
    """pr.md (round 6): ``Let $p$ be a probability.`` then p² ≤ p (true on [0, 1]) was refuted
    at p = −17/3; q² ≥ q is false at every q in (0, 1)."""
    text = ("# B\n\nLet $p$ be a probability.\n\n$$ p^2 \\le p $$\n\n"
            "# C\n\n$q$는 확률이다.\n\n$$ q^2 \\ge q $$\n")
    steps = steps_by_line(tmp_path, text)
    assert verdict_at(steps, 5, "p").verdict == "checked"
    step = verdict_at(steps, 11, "q")
    q = point(step)["q"]
    assert step.verdict == "refuted" and 0 < q < 1 and q * q < q


def test_n2_a_function_with_a_stated_property_is_not_given_instances_without_it(tmp_path):
    """"a convex function": the instances (−32u² − …) are not convex, so the prose does not
    make u an unknown function checked on them (Jensen's midpoint inequality would be
    refuted on a concave instance)."""
    text = ("Let $u$ be a convex function.\n\n"
            "$$ u\\left(\\frac{a + b}{2}\\right) \\le \\frac{u(a) + u(b)}{2} $$\n")
    steps = steps_by_line(tmp_path, text)
    assert verdict_at(steps, 3, r"\frac{u(a) + u(b)}{2}").verdict != "refuted"


# round 7, R14: a subscript elsewhere (w_p, y_t, L_\lambda) does not make a weight an index ----
R14 = r"""# A

The mixing weight satisfies $0 \le p \le 1$.

$$ p (1 - p) = 0 $$

$$ p^2 \ge p $$

# B

Here $w_p$ is the weight of component $p$.

# C

Let $0 \le \lambda \le 1$ be the interpolation weight.

$$ \lambda^2 = \lambda $$

Later we write $L_\lambda = L + \lambda R$.
"""


def test_a_numeric_range_of_a_name_used_as_a_subscript_is_no_index_set(tmp_path):
    steps = steps_by_line(tmp_path, R14)
    half = Fraction(1, 2)
    assert half * (1 - half) != 0 and half**2 < half  # all three are false at 1/2
    for line in (5, 7, 17):
        assert all(step.verdict not in ("proved", "checked") for step in steps[line]), line
