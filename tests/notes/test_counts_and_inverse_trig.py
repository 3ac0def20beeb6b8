"""Counts written next to their own parentheses (``N(N+1)``: N times N+1, as in the sum of the
first N integers; round 38 B notes), the inverse trigonometric functions and cot, sec, csc, coth
(read, and certified numerically), and a skip reason that names SymPy's failure instead of
leaking its message."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import first_reasons, first_verdicts, steps_by_line


@pytest.mark.parametrize("claim, verdict", [
    ("\\sum_{n=1}^{N} n = \\frac{N(N+1)}{2}", "proved"),
    ("\\sum_{k=0}^{K-1} k = \\frac{K(K-1)}{2}", "proved"),
    ("\\sum_{n=1}^{N} n^2 = \\frac{N(N+1)(2N+1)}{6}", "proved"),
    ("T(T-1) = T^2 - T", "proved"),
    ("\\sum_{n=1}^{N} n = \\frac{N(N+2)}{2}", "refuted"),  # false at N = 1
])
def test_a_count_inside_its_own_parentheses_multiplies(tmp_path, claim, verdict):
    found = steps_by_line(tmp_path, f"$${claim}$$\n")[1][0]
    assert found.verdict == verdict
    assert any("inside its own parentheses" in reading for reading in found.readings)


def test_a_function_of_itself_stays_a_composition(tmp_path):
    found = steps_by_line(tmp_path, "$$f(f(x)) = f(x)$$\n")[1][0]
    assert found.verdict != "proved"
    assert not any("inside its own parentheses" in reading for reading in found.readings)


@pytest.mark.parametrize("claim, verdict", [
    ("\\arcsin(1) = \\frac{\\pi}{2}", "proved"),
    ("\\arctan(1) = \\frac{\\pi}{4}", "proved"),
    ("\\arccos(0) = \\frac{\\pi}{2}", "proved"),
    ("\\frac{d}{dx}\\arctan(x) = \\frac{1}{1+x^2}", "proved"),
    ("\\sec^2 x = 1 + \\tan^2 x", "proved"),
    ("\\cot x = \\tan x", "refuted"),
    ("\\csc x = \\frac{1}{\\cos x}", "refuted"),
    ("\\frac{d}{dx}\\arctan(x) = \\frac{1}{1-x^2}", "refuted"),
])
def test_inverse_and_reciprocal_trigonometric_functions(tmp_path, claim, verdict):
    assert first_verdicts(tmp_path, f"$${claim}$$\n")[1] == verdict


def test_arctan_sum_holds_only_for_positive_x_and_is_not_refuted(tmp_path):
    found = first_verdicts(tmp_path, "$$\\arctan(x) + \\arctan(1/x) = \\frac{\\pi}{2}$$\n")[1]
    assert found not in ("proved", "checked", "refuted")  # true for x > 0, false for x < 0


def test_certified_reciprocal_functions_match_their_definitions():
    import sympy as sp
    from flint import arb

    from symderive.check.certified import UNARY

    for function, reference in [(sp.cot, lambda v: v.cos() / v.sin()),
                                (sp.sec, lambda v: 1 / v.cos()),
                                (sp.csc, lambda v: 1 / v.sin()),
                                (sp.coth, lambda v: v.cosh() / v.sinh())]:
        for value in (arb("0.3"), arb("-2.5"), arb("7")):
            assert UNARY[function](value).overlaps(reference(value))


def test_sympy_failing_inside_an_integral_is_named_not_leaked(tmp_path):
    reason = first_reasons(tmp_path, "$$\\int_0^1 \\lfloor 10^{6} x \\rfloor dx = 499999.5$$\n")[1]
    assert "mpf" not in reason and "attribute" not in reason


def test_the_new_functions_hold_only_where_they_are_defined(tmp_path):
    found = steps_by_line(tmp_path, "$$\\cot x \\tan x = 1$$\n\n$$\\coth x \\tanh x = 1$$\n")
    assert found[1][0].verdict == "proved" and "sin(x) = 0" in found[1][0].outcome.reason + str(
        found[1][0].outcome)
    assert found[3][0].verdict == "proved"
    assert first_reasons(tmp_path, "$$\\arcsin(2) = 1$$\n")[1].startswith("undefined (non-real)")
