"""Round 38 B01, B06 (core): a saturated tanh hides a difference below any precision looked at.

tanh(30000) = 1 − 2e^{-60000}: x·tanh(30000) = x differs by about 10^-26058·x, deeper than the
19,728 digits a claim is re-examined at, and no written constant shows it (30000 spans five
decades). The decades a saturating function of a constant lies from its limit now count among
the claim's constants, so such an agreement is no evidence. And a certificate of a minimum
never trusts SymPy's limits on a coefficient whose sign is not certified: SymPy took
x²·(tanh(1000) − 1) to +∞.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from symderive.check.certified import constant_decades
from symderive.check.inequality_certificates import NoCertificate, certify
from tests.soundness.test_review_round31 import HOLDS, latex_channels


def test_tanh_of_thirty_thousand_is_below_one_by_twenty_six_thousand_decades():
    with mpmath.workdps(30):
        gap = 2 * mpmath.exp(-60000)
        assert -27000 < mpmath.log10(gap) < -26000
    assert constant_decades(sp.tanh(30000)) > 26000  # counted though the value is about 1
    assert constant_decades(sp.erf(200)) > 17000  # 1 − erf(a) ≈ e^{-a²}


@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"\cos(x)\tanh(30000)", r"\cos(x)", "="),  # B01
    (r"x\tanh(x^2 + 30000)", "x", "="),
    (r"\tanh(x^2+30000)", r"\tanh(x^2+40000)", "="),
])
def test_a_saturated_tanh_is_no_agreement(lhs, rhs, relation):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


def test_sympy_takes_a_tiny_negative_coefficient_to_plus_infinity():
    x = sp.Symbol("x", real=True)
    assert (sp.tanh(1000) - 1).is_negative is None  # SymPy cannot tell
    with pytest.raises(NoCertificate):  # B06: so no certificate rests on it
        certify(x**2 * sp.tanh(1000) - x**2, x, sp.Reals, ">=")
    with pytest.raises(NoCertificate):
        certify(x * (sp.tanh(30001) - sp.tanh(30000)), x, sp.Reals, ">=")


def test_a_coefficient_of_certified_sign_still_gives_a_certificate():
    x = sp.Symbol("x", real=True)
    assert certify(sp.pi * x**2 - 3 * x**2, x, sp.Reals, ">=").minimum == 0
    assert certify(x**2 - x**2 * sp.tanh(3), x, sp.Reals, ">=").minimum == 0


@pytest.mark.parametrize("lhs, rhs", [(r"x\tanh(1000)", "x"), (r"x\tanh(20)", "x")])
def test_a_tanh_the_deep_look_separates_is_still_refuted(lhs, rhs):
    assert [verdict for verdict, _ in latex_channels(lhs, rhs)] == ["refuted", "refuted"]
