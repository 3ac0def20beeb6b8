r"""Inequalities in two or more variables in notes (symderive/check/box_certificates.py).

The d2l exercise RealSoftMax(a, b) > max(a, b) (tests/notes/field/d2l-en-softmax-regression.md
line 532, ko line 183) was undecided: certificates covered one variable.  It is now *checked*,
its reason naming the substitution u = a − b and the one-variable certificate; the two true
bounds beside it (< max + 1, ≤ max + log 2) too.  False two-variable bounds stay refuted (a
counterexample where the worst-point search finds one) or undecided (a slack negative only on
a thin disc the search may miss; a strict bound whose equality is reached on a line), never
checked.
"""

from __future__ import annotations

import mpmath
import pytest

from tests.notes.note_steps import steps_by_line

pytestmark = pytest.mark.slow

NOTE = r"""# Softmax

Softmax gets its name from the following mapping: $\textrm{RealSoftMax}(a, b) = \log (\exp(a) + \exp(b))$.

Prove that $\textrm{RealSoftMax}(a, b) > \mathrm{max}(a, b)$.

Show that $\textrm{RealSoftMax}(a, b) < \mathrm{max}(a, b) + 1$.

Show that $\textrm{RealSoftMax}(a, b) \leq \mathrm{max}(a, b) + \log 2$.

Show that $\textrm{RealSoftMax}(a, b) < \mathrm{max}(a, b) + 0.5$.

Show that $\textrm{RealSoftMax}(a, b) > \mathrm{max}(a, b) + 10^{-9}$.

For all real $x, y$ we have $x y < \frac{(x + y)^2}{4}$.

For all $x, y \in [0, 1]$ we have $(x - y)^2 + 10^{-6} - 2 \cdot 10^{-6} e^{-10^4 (x - 1/3)^2 - 10^4 (y - 1/3)^2} \geq 0$.

# Box

Let $0 \le x \le 1$. Let $0 \le y \le 1$.

$$x^2 - x y + y^2 + \frac{1}{10} > 0$$

$$(x - y)^2 + 10^{-6} - 2 \cdot 10^{-6} e^{-10^4 (x - 1/3)^2 - 10^4 (y - 2/7)^2} \geq 0$$

$$e^{x y} > 1 + x y$$

$$(x - 0.4)^2 + (y - 0.6)^2 \geq 10^{-8}$$
"""


def _one(steps, line):
    (step,) = steps[line]
    return step


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    # with room: the suite runs on two processes and a certificate takes most of a 2 s budget
    return steps_by_line(tmp_path_factory.mktemp("boxcert"), NOTE, budget_seconds=10.0)


def test_real_soft_max_exceeds_max_is_checked_with_a_certificate(steps):
    step = _one(steps, 5)
    assert step.verdict == "checked"
    assert "only through u = " in step.reason and "not attained" in step.reason
    # independent: log(e^a + e^b) - max(a, b) = log(1 + e^{-|a-b|}) > 0, → 0 as |a - b| → ∞
    with mpmath.workdps(40):
        for p, q in ((0, 0), (3, -2), (-50, 10), (7, 7.5)):
            gap = mpmath.log(mpmath.exp(p) + mpmath.exp(q)) - max(p, q)
            assert gap > 0 and abs(gap - mpmath.log1p(mpmath.exp(-abs(p - q)))) < 1e-35


@pytest.mark.parametrize("line", [7, 9])
def test_true_upper_bounds_are_checked(steps, line):
    step = _one(steps, line)
    assert step.verdict == "checked"
    assert "certified over a ∈ (-∞, ∞), b ∈ (-∞, ∞)" in step.reason


def test_upper_bound_below_log_2_is_refuted(steps):
    # at a = b the gap is log 2 ≈ 0.693 > 0.5
    assert _one(steps, 11).verdict == "refuted"


def test_lower_bound_with_a_margin_is_never_checked(steps):
    # the gap log(1 + e^{-|a-b|}) falls below 10^-9 once |a - b| > 20.8: false
    assert mpmath.log1p(mpmath.exp(-25)) < 1e-9
    assert _one(steps, 13).verdict in ("refuted", "undecided")


def test_strict_bound_with_equality_on_a_line_is_never_checked(steps):
    # x y = (x + y)^2 / 4 wherever x = y: the strict bound is false
    assert _one(steps, 15).verdict in ("refuted", "undecided")


@pytest.mark.parametrize("line, least", [(23, 0.0375), (25, 5e-7)])
def test_true_bounds_on_a_stated_box_are_checked_by_interval_arithmetic(steps, line, least):
    step = _one(steps, line)
    # the thin bump takes most of the certificate's own CPU limit: on a loaded machine it may
    # stop first (undecided), never refuted
    assert step.verdict in ("checked", "undecided") if line == 25 else step.verdict == "checked"
    assert step.verdict != "checked" or "interval arithmetic over" in step.reason
    # independent: the slack's minimum over a dense grid of the box is above the margin
    bump = [(mpmath.mpf(i) / 200, mpmath.mpf(j) / 200) for i in range(201) for j in range(201)]
    if line == 23:
        smallest = min(p * p - p * q + q * q + mpmath.mpf(1) / 10 for p, q in bump)
    else:
        smallest = min((p - q) ** 2 + mpmath.mpf(10) ** -6 - 2 * mpmath.mpf(10) ** -6 * mpmath.exp(
            -10**4 * (p - mpmath.mpf(1) / 3) ** 2 - 10**4 * (q - mpmath.mpf(2) / 7) ** 2)
            for p, q in bump)
    assert smallest > least


@pytest.mark.parametrize("line", [27, 29])
def test_false_bounds_on_a_stated_box_are_never_checked(steps, line):
    # e^{xy} = 1 + xy wherever xy = 0 (x = 0: on the box), so the strict bound fails there;
    # (x - 0.4)^2 + (y - 0.6)^2 = 0 < 10^-8 at (0.4, 0.6), inside the box
    assert mpmath.exp(0 * 0.5) == 1 + 0 * 0.5
    assert _one(steps, line).verdict in ("refuted", "undecided", "skipped")


def test_bound_negative_on_a_thin_disc_is_never_checked(steps):
    # at (1/3, 1/3) the slack is 10^-6 - 2·10^-6 < 0
    assert _one(steps, 17).verdict in ("refuted", "undecided")
