"""Round 33b (core): a requirement is compared by the kind the grammar recorded, not by one read
again from a tree SymPy simplified (√x² is built as x, e^{log x} as x); a power b^t whose exponent
runs over an integral's range is real there only where b > 0 (the integer exponents at the ends
say nothing); an oscillation without end at a limit's point (sin(1/t) at 0) inside another
function is not evaluated, as at infinity; a sum whose own "≠ 0" is released by a binder cannot
vouch for itself."""

from __future__ import annotations

import cmath

import pytest

from tests.soundness.test_review_round31 import HOLDS, latex_channels


def test_the_sides_have_no_real_value_where_the_root_does_not():
    assert isinstance(cmath.sqrt(-17 / 7), complex) and cmath.sqrt(-17 / 7).real == 0
    assert isinstance((-1) ** 0.5, complex)  # (−1)^t between integers: not a real number


@pytest.mark.parametrize("lhs, rhs", [
    # F01: the left side needs x_k ≥ 0 (the root SymPy removed), the right only x_k ≠ 0
    (r"\sum_{k=1}^{n}\frac{1}{\left(\sqrt{x_k}\right)^2}", r"\sum_{k=1}^{n}\frac{1}{x_k}"),
    (r"\sum_{k=1}^{n}\left(e^{\log x_k}+\frac{1}{x_k}\right)",
     r"\sum_{k=1}^{n}\left(x_k+\frac{1}{x_k}\right)"),
    # F03: (−1)^t is real on [0, 2] only at single points (t an integer or p/odd); cos(πt) is
    # no value of it between the integers
    (r"\int_{0}^{2}(-1)^{t}\,dt", "0"),
    (r"\int_{-1}^{1}(-1)^{t}\,dt", r"\int_{-1}^{1}\cos(\pi t)\,dt"),
    (r"\int_{0}^{2}(t-1)^{t}\,dt", r"\int_{0}^{2}(t-1)^{t}\,dt + 0"),
    # F04: 1 + 2 tanh(sin(1/x)/x) swings between −1 and 3 near 0; SymPy says 1
    (r"\lim_{x\to 0^+}\left(1+2\tanh\left(\frac{1}{x}\sin\frac{1}{x}\right)\right)", "1"),
    (r"\lim_{t\to 1}\left(1+2\tanh\frac{\sin\frac{1}{t-1}}{t-1}\right)", "1"),
    (r"\lim_{u\to0^+}e^{\tanh(\frac{1}{u}\sin\frac{1}{u})}", "1"),
    # F05: for n > m the inner sums are empty: the terms j > m are 0/0
    (r"\sum_{j=1}^{n}\frac{\sum_{k=j}^{m}e^{a_k}}{\sum_{k=j}^{m}e^{a_k}}", "n"),
    # round 35 F13: x_k ≥ 0 over k ≤ m (the second sum's root) is no x_k ≥ 0 over k ≤ n
    (r"\sum_{k=1}^{n}\frac{1}{(\sqrt{x_k})^2}+\sum_{k=1}^{m}\sqrt{x_k}",
     r"\sum_{k=1}^{n}\frac{1}{x_k}+\sum_{k=1}^{m}\sqrt{x_k}"),
])
def test_round_33b_claims_decide_nothing(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


def test_a_point_where_neither_side_is_real_refutes_nothing():  # F02
    lhs = r"\sum_{k=1}^{n}\frac{\left|\sqrt{x_k}^2\right|+1}{x_k}"
    for verdict, detail in latex_channels(lhs, r"\sum_{k=1}^{n}\frac{\sqrt{x_k}^2+1}{x_k}"):
        assert verdict != "refuted", detail


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{t\to0}\log(2+\sin t)", r"\log 2"),  # sin t is continuous at 0
    (r"\lim_{x\to0^+}x\sin\frac{1}{x}", "0"),  # a product: read by its bounds
    (r"\int_1^2 t^t\,dt", r"\int_1^2 e^{t\log t}\,dt"),  # t > 0 on the range
])
def test_bounded_oscillations_and_positive_bases_are_still_read(lhs, rhs):
    assert [verdict for verdict, _ in latex_channels(lhs, rhs)] == ["proved", "proved"]
