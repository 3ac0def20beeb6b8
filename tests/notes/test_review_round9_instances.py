r"""Review round 8c, X5 and X12: what instances of an unknown function can and cannot show.

* X5: the instances lay in span{1, x, x², e^{x/3}}, which D³(D − ⅓) annihilates, so
  ``\int_0^1 f'''' = \frac13 \int_0^1 f'''`` was *checked* (f = x⁴: 24 against 4). Each instance
  now draws its own exponential rate and a degree-5 polynomial: a claim exact only on a small
  fixed space (quadratics and one exponential, cubics: Simpson's rule, two-point Gauss) is
  refuted. A claim taking an unknown function to infinity (``\lim_{x\to\infty} f(x) e^{-x}``)
  that holds on every instance is undecided: growth at infinity is not sampled (f = e^x breaks
  the reviewer's claim).
* X12: periodicity in any wording ("period $1$", "$1$-periodic", "$T$-periodic", 주기, an
  assumed ``k(x + 1) = k(x)``) is a property the instances need not have: a true identity for
  periodic functions is not refuted on the identity instance; the assumed equation is a
  hypothesis (a condition), and makes k a function (not k·(x + 1)).
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

from symderive.notes.function_words import _named
from symderive.notes.instances import at_infinity, instances
from tests.notes.note_steps import steps_by_line as shared_steps_by_line


def steps_by_line(tmp_path: Path, text: str) -> dict[int, list]:
    return shared_steps_by_line(tmp_path, text, budget_seconds=6.0)


def only(steps: dict, line: int):
    assert len(steps.get(line, [])) == 1, steps
    return steps[line][0]


def power_integral(k: int, low: Fraction, high: Fraction) -> Fraction:
    """∫_low^high x^k dx, exactly."""
    return (high ** (k + 1) - low ** (k + 1)) / (k + 1)


# -- X5: the instance family is not a small fixed space ----------------------------------------
def test_integrable_instances_are_not_annihilated_by_a_fixed_low_order_operator():
    """D³(D − ⅓) annihilates the old family; it must vanish on no random instance, for any
    seed: one is a degree-5 polynomial, one an exponential with a rate of its own."""
    u = sp.Symbol("u1", real=True)
    rates = set()
    for seed in range(8):
        _, polynomial, exponential = (
            instance.functions[0][1](u) for instance in instances({"f": 1}, seed, integrable=True))
        for body in (polynomial, exponential):
            annihilated = sp.diff(body, u, 4) - sp.diff(body, u, 3) / 3
            assert sp.simplify(annihilated) != 0, (seed, body)
        assert sp.Poly(polynomial, u).degree() == 5, polynomial
        (power,) = exponential.atoms(sp.exp)
        rates.add(power.args[0] / u)
    assert len(rates) >= 6, rates  # a new rate per instance, not one fixed e^{u/3}


def test_smooth_instances_vary_their_rate_too():
    u = sp.Symbol("u1", real=True)
    rates = set()
    for seed in range(4):
        for instance in instances({"g": 1}, seed):
            body = instance.functions[0][1](u)
            (exponential,) = body.atoms(sp.exp)
            rates.add(exponential.args[0] / u)
    assert len(rates) >= 8, rates


def test_at_infinity_reads_limits_and_infinite_ranges_only_of_unknown_functions():
    x = sp.Symbol("x", real=True)
    f = sp.Function("f")
    assert at_infinity(sp.Limit(f(x) * sp.exp(-x), x, sp.oo))
    assert at_infinity(sp.Integral(f(x), (x, 0, sp.oo)))
    assert at_infinity(sp.Sum(f(x), (x, 1, sp.oo)))
    assert not at_infinity(sp.Integral(f(x), (x, 0, 1)))
    assert not at_infinity(sp.Limit(sp.exp(-x), x, sp.oo) * f(x))
    assert not at_infinity(sp.Limit(f(x), x, 0))


X5 = r"""# Integrals

Let $f$ be a smooth function on $[0,1]$.

$$\int_0^1 f''''(x)\,dx = \frac{1}{3}\int_0^1 f'''(x)\,dx$$

$$\int_0^1 f(x)\,dx = \frac{1}{6}\left(f(0) + 4 f\left(\frac{1}{2}\right) + f(1)\right)$$

$$\int_{-1}^{1} f(x)\,dx = f\left(-\frac{1}{\sqrt{3}}\right) + f\left(\frac{1}{\sqrt{3}}\right)$$

$$\int_0^1 f'''(x)\,dx = \int_0^1 f'''(1 - x)\,dx$$

$$\int_0^1 f'(x)\,dx = f(1) - f(0)$$

$$\int_0^1 f(x+1) - f(x)\,dx = \int_0^1 f'(x + \frac{1}{2})\,dx$$

$$\int_0^1 f(2x)\,dx = \frac{1}{2}\int_0^2 f(x)\,dx$$
"""


@pytest.mark.slow
def test_claims_exact_only_on_a_small_space_are_refuted(tmp_path):
    one, half = Fraction(1), Fraction(1, 2)
    # f = x⁴ breaks each of the first three: the fourth derivative is 24, the third 24x
    assert 24 * power_integral(0, 0 * one, one) != Fraction(1, 3) * 24 * power_integral(1, 0 * one, one)
    assert power_integral(4, 0 * one, one) != (0 + 4 * half**4 + 1) / 6  # Simpson: exact on cubics
    assert power_integral(4, -one, one) != 2 * Fraction(1, 9)  # Gauss: (±1/√3)⁴ = 1/9
    steps = steps_by_line(tmp_path, X5)
    for line in (5, 7, 9):
        step = only(steps, line)
        assert step.verdict == "refuted", (line, step.verdict, step.reason)
        assert "instance" in step.reason
    # true for every smooth f (x ↦ 1 − x maps [0, 1] onto itself; the fundamental theorem)
    assert only(steps, 11).verdict in ("proved", "checked"), only(steps, 11).reason
    assert only(steps, 13).verdict == "proved", only(steps, 13).reason
    # exact on quadratics only (f = x³: 15/4 − 1/4 = 7/2 against 27/8 − 1/8 = 13/4): refuted
    assert power_integral(3, one, 2 * one) - power_integral(3, 0 * one, one) != (
        (3 * half) ** 3 - half**3)  # f(3/2) − f(1/2), the right side for f = x³
    assert only(steps, 15).verdict == "refuted", only(steps, 15).reason
    # a change of variable, true for every f
    assert only(steps, 17).verdict == "checked", only(steps, 17).reason


X5_INFINITY = r"""# A

Let $f$ be a continuous function.

$$\lim_{x \to \infty} f(x) e^{-x} = \lim_{x \to \infty} f(x) e^{-2x}$$

$$\int_0^{\infty} f(x) e^{-x}\,dx = \int_0^{\infty} f(x) e^{-2x}\,dx$$
"""


def test_a_claim_about_growth_at_infinity_is_not_checked_on_instances(tmp_path):
    # f = e^x is continuous: lim f e^{-x} = 1, lim f e^{-2x} = 0 — the first claim is false
    x = sp.Symbol("x")
    assert sp.limit(sp.exp(x) * sp.exp(-x), x, sp.oo) != sp.limit(sp.exp(x) * sp.exp(-2 * x), x, sp.oo)
    steps = steps_by_line(tmp_path, X5_INFINITY)
    first = only(steps, 5)
    assert first.verdict not in ("proved", "checked"), first.reason
    # refuted on an instance, or undecided (held on every instance: growth not sampled; or
    # a side is infinite on an instance that grows like e^{rx}, 1 < r < 2)
    assert first.verdict in ("refuted", "undecided"), first.reason
    second = only(steps, 7)
    assert second.verdict not in ("proved", "checked"), second.reason


# -- X12: periodicity -------------------------------------------------------------------------
@pytest.mark.parametrize("words", [
    "Let $h$ have period $1$.",
    "Let $h$ be $1$-periodic.",
    "Let $h$ be a periodic function with period $1$.",
    "Let $h$ be $T$-periodic with $T = 1$.",
    "Suppose that $h(x + 1) = h(x)$ for all $x$.",
    "Assume $h(x - 1) = h(x)$ for every $x$.",
    "$h$는 주기가 $1$인 함수이다.",
])
def test_periodicity_in_any_wording_is_a_property_of_the_function(words):
    assert ("h", "periodic") in {(name, how) for name, how, _ in _named(words)}, _named(words)


@pytest.mark.parametrize("words", [
    "The signal $h$ is not periodic.",
    "Take $k = 3$, so $k(x + 1) = k x + k$.",
    "Assume $f(x) = x^2$.",
])
def test_no_periodicity_or_functional_equation_where_the_words_give_none(words):
    assert all(how not in ("periodic", "functional equation") for _, how, _ in _named(words))


X12 = r"""# A

Let $h$ have period $1$.

$$\int_0^1 h(x)\,dx = \int_1^2 h(x)\,dx$$

# B

Let $p$ be $1$-periodic.

$$\int_0^1 p(x)\,dx = \int_1^2 p(x)\,dx$$

# C

Assume $k(x + 1) = k(x)$ for every $x$.

$$\int_0^1 k(x)\,dx = \int_1^2 k(x)\,dx$$

# D

Let $s$ be any function.

$$\int_0^1 s(x)\,dx = \int_1^2 s(x)\,dx$$

# E

Assume that

$$p(x + 2) = p(x)$$

for every $x$.

$$\int_0^2 p(x)\,dx = \int_2^4 p(x)\,dx$$
"""


def test_a_true_identity_for_periodic_functions_is_not_refuted(tmp_path):
    # the identity instance u ↦ u is not periodic: ∫₀¹ = 1/2, ∫₁² = 3/2
    assert power_integral(1, Fraction(0), Fraction(1)) != power_integral(1, Fraction(1), Fraction(2))
    steps = steps_by_line(tmp_path, X12)
    for line in (5, 11, 17):
        step = only(steps, line)
        assert step.verdict == "undecided", (line, step.verdict, step.reason)
        assert "periodic" in step.reason or "k(x + 1) = k(x)" in step.reason, step.reason
    # the assumed equation is a hypothesis, not a claim (no step on line 15)
    assert 15 not in steps, steps.get(15)
    # without the property the same identity is false (s = x), and refuted
    plain = only(steps, 23)
    assert plain.verdict == "refuted", plain.reason
    # an assumed equation in a display is a hypothesis too, and p a function (not p·(x + 2))
    assert 29 not in steps, steps.get(29)
    periodic = only(steps, 33)
    assert periodic.verdict == "undecided", periodic.reason
    assert "p(x + 2) = p(x)" in periodic.reason, periodic.reason
