r"""Review round 8a, C16 / C5 / C12: a value that varies must never be read as one number.

* C16: inside an integral, a sum or a product the value of a function the note never defines
  changes with the bound variable: ``\int_0^1 f(x)^2 dx = (\int_0^1 f(x) dx)^2`` is false
  (f(x) = x: 1/3 against 1/4), so it is refuted on an instance, never proved as if f were a
  constant; a true rule (the fundamental theorem, integration by parts) stays proved / checked.
* C5: ``θ = θ(t)``, ``u = u(x, t)`` and "θ(t) … changes with time" make θ and u vary: a
  derivative by t of something built from them is never 0 by default (skipped).
* C12: "Now let $x$ be any positive real number", "For general $n$" end an example value: the
  general claim is not proved "for the example values".
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest


from tests.notes.note_steps import steps_by_line as shared_steps_by_line

pytestmark = pytest.mark.slow


def steps_by_line(tmp_path: Path, text: str) -> dict[int, list]:
    return shared_steps_by_line(tmp_path, text, budget_seconds=20.0)


def only(steps: dict, line: int):
    assert len(steps.get(line, [])) == 1, steps
    return steps[line][0]


def integral_of_power(k: int, upper: Fraction) -> Fraction:
    """∫₀^upper x^k dx, exactly: the instance f(x) = x."""
    return upper ** (k + 1) / (k + 1)


# -- C16: integrals of unknown functions ------------------------------------------------------
INT_MIN = r"""# Integrals

$$ \int_0^1 f(x)^2 \, dx = \left(\int_0^1 f(x) \, dx\right)^2 $$

$$ \int_0^1 f(x) g(x) \, dx = \int_0^1 f(x) \, dx \cdot \int_0^1 g(x) \, dx $$

$$ \int_0^2 f(x) \, dx = 2 \int_0^1 f(x) \, dx $$

$$ \int_0^1 x f(x) \, dx = \frac{1}{2}\int_0^1 f(x) \, dx $$
"""


def test_integrals_of_an_unknown_function_are_not_integrals_of_a_constant(tmp_path):
    # f(x) = g(x) = x breaks each claim: exact values of both sides differ
    assert integral_of_power(2, Fraction(1)) != integral_of_power(1, Fraction(1)) ** 2
    assert integral_of_power(1, Fraction(2)) != 2 * integral_of_power(1, Fraction(1))
    assert integral_of_power(2, Fraction(1)) != integral_of_power(1, Fraction(1)) / 2
    steps = steps_by_line(tmp_path, INT_MIN)
    for line in (3, 5, 7, 9):
        step = only(steps, line)
        assert step.verdict not in ("proved", "checked"), (line, step.verdict, step.reason)
    for line in (3, 7):  # refuted on an instance (5 and 9 too, when the machine has time)
        step = only(steps, line)
        assert step.verdict == "refuted", (line, step.verdict, step.reason)
        assert "instance" in step.reason
        assert step.counterexample.lhs_value != step.counterexample.rhs_value


INT_RULES = r"""# Rules

$$ \frac{d}{dt}\int_0^t f(s) \, ds = f(t) $$

$$ \int_a^b f'(x) \, dx = f(b) - f(a) $$

$$ \int_a^b f(x) g'(x) \, dx = f(b)g(b) - f(a)g(a) - \int_a^b f'(x) g(x) \, dx $$

$$ \int_a^b f(x) g'(x) \, dx = f(b)g(b) - f(a)g(a) + \int_a^b f'(x) g(x) \, dx $$
"""


def test_true_rules_about_integrals_of_unknown_functions_still_hold(tmp_path):
    steps = steps_by_line(tmp_path, INT_RULES)
    assert only(steps, 3).verdict == "proved"
    assert only(steps, 5).verdict == "proved"
    # integration by parts is bilinear in f and g: instances of one family each cannot settle a
    # product of unknown functions (round 9b C1), so it is never refuted and not checked
    parts = only(steps, 7)
    assert parts.verdict == "undecided" and "product of the unknown functions" in parts.reason
    assert only(steps, 9).verdict == "refuted"  # the wrong sign


INEQUALITIES = r"""# Inequalities

$$ \int_0^1 f(x)^2 \, dx \le \left(\int_0^1 f(x) \, dx\right)^2 $$

$$ \int_0^{3} f(x)^2 \, dx \ge \frac{1}{3}\left(\int_0^{3} f(x) \, dx\right)^2 $$

$$ \int_0^1 g(x) \, dx \le \int_0^1 g(x)^2 \, dx $$

$$ \sum_{i=1}^{n} f(i)^2 = \left(\sum_{i=1}^{n} f(i)\right)^2 $$
"""


def test_inequalities_between_integrals_are_never_proved_from_instances(tmp_path):
    steps = steps_by_line(tmp_path, INEQUALITIES)
    assert only(steps, 3).verdict == "refuted"  # f(x) = x: 1/3 > 1/4
    # Cauchy–Schwarz, true: a few instances do not settle an inequality
    assert only(steps, 5).verdict == "undecided"
    # false (g = 1/2: 1/2 > 1/4), refuted on the constant instance
    assert only(steps, 7).verdict == "refuted"
    assert only(steps, 9).verdict not in ("proved", "checked")


INT6 = r"""# Antiderivative

Let $F(x) = \int_0^x f(t) \, dt$.

$$ F'(x) = f(x) $$

$$ F(2) = 2 F(1) $$

$$ F(x) = x f(x) $$

$$ F(1)^2 = \int_0^1 f(t)^2 \, dt $$
"""


def test_an_antiderivative_of_an_unknown_function(tmp_path):
    steps = steps_by_line(tmp_path, INT6)
    assert only(steps, 5).verdict == "proved"
    assert only(steps, 7).verdict == "refuted"  # f(t) = t: F(2) = 2, 2 F(1) = 1
    assert only(steps, 9).verdict not in ("proved", "checked")
    # line 9 is a claim or a new definition: the step names both, never line 9 alone
    last = only(steps, 11)
    assert last.verdict == "undecided"
    assert "line 9 gives F a second formula after line 3" in last.reason


# -- C5: quantities that change with time -------------------------------------------------------
VARYING = r"""# Pendulum

Let $\theta = \theta(t)$ and $h = L \cos\theta$.

$$ \frac{dh}{dt} = 0 $$

$$ \frac{d}{dt} \cos\theta = 0 $$

$$ \frac{dh}{d\theta} = -L \sin\theta $$

# Field

Let $u = u(x, t)$ and $v = u^2$.

$$ \frac{\partial v}{\partial t} = 0 $$

# R

The angle $\theta(t)$ of the pendulum changes with time; its height is $h = L \cos\theta$.

$$ \frac{dh}{dt} = 0 $$

# E

Let $x_t$ be the state at time $t$ and $V = x_t^2$.

$$ \frac{dV}{dt} = 0 $$

# Constant

Let $h = L \cos\theta$.

$$ \frac{dh}{dt} = 0 $$
"""


def test_a_quantity_written_as_a_function_of_time_is_not_a_constant(tmp_path):
    steps = steps_by_line(tmp_path, VARYING)
    for line in (5, 7, 15, 21, 27):
        step = only(steps, line)
        assert step.verdict == "skipped", (line, step.verdict, step.reason)
        assert "not a constant" in step.reason
    assert only(steps, 9).verdict == "proved"  # d(L cos θ)/dθ, whatever θ depends on
    assert only(steps, 33).verdict == "proved"  # nothing said to vary: θ is a constant


# -- C12: example values end where the note generalises ---------------------------------------
EXAMPLES = r"""# C

Let $n = 1$. Then $n! = n$. Now let $n$ be any positive integer:

$$ n! = n $$

# D

Let $n = 2$. Then $2^n = 2n$. For general $n$ we claim

$$ 2^n = 2n $$

# E

Let $x = 1$. Then $x^2 = x$. Now let $x$ be any positive real number:

$$ x^2 = x $$

# F

Let $x = 1$ and $y = 2$. Now let $x$ be any real number:

$$ x + y = x + 2 $$

# G

Let $x = 1$. Then

$$ x^2 = 1 $$
"""


def test_a_generalising_sentence_ends_the_example_value(tmp_path):
    steps = steps_by_line(tmp_path, EXAMPLES)
    assert 3 * 2 * 1 != 3 and 2**3 != 2 * 3 and 2**2 != 2  # n = 3, n = 3, x = 2
    for line in (5, 11, 17):
        step = only(steps, line)
        assert step.verdict not in ("proved", "checked"), (line, step.verdict, step.reason)
        assert "example value" not in step.reason
    # the example value of another name stays in force (lifted, x + y = x + 2 would be
    # refuted); no word ties the display to the example, so it is undecided (round 18)
    assert only(steps, 23).verdict == "undecided"
    # an example then a claim about it: still proved for the example value
    assert only(steps, 29).verdict == "proved"
