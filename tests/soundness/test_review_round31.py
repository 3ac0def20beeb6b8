"""Round 30 (core, left open): a limit's requirement must hold *near* its point, on the side
approached, not only at it. A requirement is kept at the point only where it is continuous
(``\\lceil t \\rceil`` jumps at 0) and strictly (``x - t^2 \\ge 0`` at t = 0 asks x > 0: at x = 0
no point near 0 has a real value); one of the bound variable alone must hold on the side
approached (``\\sqrt{-t}`` has no real value right of 0)."""

from __future__ import annotations

import math

import pytest

from tests.soundness.channels import via_equal, via_relation

HOLDS = {"proved", "checked"}


def latex_channels(lhs, rhs, assume=""):
    return [via_relation(lhs, rhs, assume, latex=True), via_equal(lhs, rhs, assume, latex=True)]


def test_the_ceiling_jumps_at_the_limits_point():
    # right of 0, ⌈t⌉ = 1: √(x − 1)² → x − 1 only for x ≥ 1, and the value at t = 0 (x ≥ 0)
    # says nothing of the points near it
    assert math.ceil(1e-9) == 1
    for verdict, detail in latex_channels(r"\lim_{t\to0^+}\sqrt{x-\lceil t\rceil}"
                                          r"\sqrt{x-\lceil t\rceil}", "x-1", "x positive"):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs, assume, edge", [
    # at x = 0 every t ≠ 0 gives √(−t²): the limit has no real value there
    (r"\lim_{t\to0}\sqrt{x-t^2}\sqrt{x-t^2}", "x", "x nonnegative", "x <= 0"),
    # for x > 0, |x| − x − t² = −t² < 0 near 0
    (r"\lim_{t\to0}\sqrt{|x|-x-t^2}\sqrt{|x|-x-t^2}", "|x|-x", "", "<= 0"),
])
def test_a_requirement_at_the_limits_point_is_kept_strictly(lhs, rhs, assume, edge):
    for verdict, detail in latex_channels(lhs, rhs, assume):
        if verdict in HOLDS:  # only where the left side has a value: its edge excluded
            assert edge in str(detail.get("excluded", "")), detail


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{t\to0^+}\sqrt{-t}", "0"),  # no real value right of 0
    (r"\lim_{t\to0}\sqrt{t}", "0"),  # none left of 0: the two-sided limit is not real
    (r"\lim_{t\to0^-}\log t", "0"),
])
def test_a_body_with_no_real_value_on_the_side_approached_decides_nothing(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{t\to0^+} t\log t", "0"),  # t > 0 right of 0
    (r"\lim_{t\to0^+}\sqrt{t}", "0"),
    (r"\lim_{t\to0}\frac{\sin t}{t}", "1"),  # t ≠ 0 near 0, the point itself excluded
    (r"\lim_{n\to\infty}\left(1+\frac{1}{n}\right)^n", "e"),  # n ≠ 0 eventually
    (r"\lim_{t\to1^-}\sqrt{1-t}", "0"),
])
def test_a_body_defined_on_the_side_approached_is_still_proved(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict in HOLDS, detail
