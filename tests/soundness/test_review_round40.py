"""Round 40 K01–K03 (core): a constant whose 64-bit ball holds 0 or overflows hides its size.

e^{-10^{20}(1+x^2)} is about 10^{-4·10^{19}}: at 64 bits its ball holds 0, and e^{+10^{20}} does
not fit in one; 1/(π − 3.14159265358979323846264338327950288) is 1/(4.2·10^-36), whose 64-bit
ball is unbounded. Such a node once counted as no decades at all, so an agreement at 384 digits
was taken as evidence. It is now enclosed at a rising precision, and where none resolves it the
agreement is no evidence (the claims below are false at every x).
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from symderive.check.certified import BEYOND_RESOLUTION, constant_decades
from tests.soundness.test_review_round31 import HOLDS, latex_channels


def test_the_hidden_epsilon_is_positive_and_tiny():
    with mpmath.workdps(60):
        epsilon = mpmath.pi - mpmath.mpf("3.14159265358979323846264338327950288")
        assert 0 < epsilon < mpmath.mpf("1e-35")
    written = sp.pi - sp.Rational("3.14159265358979323846264338327950288")
    assert constant_decades(1 / written) >= 35  # resolved at a higher precision


def test_an_exponential_of_a_huge_constant_is_beyond_resolution():
    assert constant_decades(sp.exp(-sp.Integer(10) ** 20)) >= BEYOND_RESOLUTION  # 4·10^19
    assert constant_decades(sp.exp(sp.Integer(10) ** 20)) >= BEYOND_RESOLUTION


@pytest.mark.parametrize("lhs, rhs", [
    (r"\log(1 + e^{10^{20}(1+x^2)})", r"10^{20}(1+x^2)"),  # K01 softplus
    (r"x^2 + 1 + e^{-10^{20}(x^2+1)}", r"x^2 + 1"),
    (r"\sigma(10^{20}(1 + x^2))", r"\sigma(10^{20}(2 + x^2))"),
    (r"\frac{1}{1 + x^2} + e^{-(1+x^2)/(\pi - 3.14159265358979323846264338327950288)}",
     r"\frac{1}{1 + x^2}"),  # K02
    (r"2 + \cos x + e^{(1 + x^2)/(e^{\pi\sqrt{163}} - 262537412640768744)}", r"2 + \cos x"),
    (r"\sigma(x - 10^{20}) + x^2 + 1", r"x^2 + 1"),  # K03: false by about 1 past 10^20
])
def test_an_agreement_hiding_below_every_precision_is_no_evidence(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs, verdict", [
    (r"\log(1 + e^{1+x^2})", r"1 + x^2 + \log(1 + e^{-(1+x^2)})", "proved"),
    (r"x^2 + 1 + e^{-2(x^2+1)}", r"x^2 + 1", "refuted"),
])
def test_constants_of_ordinary_size_are_still_decided(lhs, rhs, verdict):
    assert verdict in [found for found, _ in latex_channels(lhs, rhs)]
