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


# the notes reader's seeds (000, line 36): H = -Σ p log p against Σ p (-log p) — both sides need
# every p_i > 0 in the same sum, so where one has a value the other has one
@pytest.mark.parametrize("lhs, rhs, holds", [
    (r"-\sum_{i=1}^{n} p_i \log p_i", r"\sum_{i=1}^{n} p_i (-\log p_i)", True),
    (r"-\sum_{i=1}^{n} p_i \log p_i", r"\sum_{i=1}^{n} p_i \log p_i", False),
])
def test_a_requirement_both_sides_make_alike_is_no_doubt(lhs, rhs, holds):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict == ("checked" if holds else "refuted") or (holds and verdict == "proved"), \
            detail


def test_a_requirement_made_by_one_side_only_still_decides_nothing():
    # √(p_i)² needs p_i ≥ 0, the right side nothing: for a negative p_i only one has a value
    for verdict, detail in latex_channels(r"\sum_{i=1}^{n} \sqrt{p_i}\sqrt{p_i}",
                                          r"\sum_{i=1}^{n} p_i"):
        assert verdict not in HOLDS, detail


def test_a_sum_of_positive_terms_under_a_logarithm_needs_nothing_of_its_names():
    # log(e^{o_j} / Σ_k e^{o_k}) is real for every o (the sum's own requirement, ≠ 0, is kept
    # as the denominator's): no requirement left unread
    from symderive.grammar.latex import parse_latex_reading

    _, _, conditions = parse_latex_reading(
        r"-\sum_{j=1}^{q} y_j \log \frac{e^{o_j}}{\sum_{k=1}^{q} e^{o_k}}")
    assert [condition.kind for condition in conditions] == ["nonzero"]


def test_an_empty_sum_in_a_denominator_is_still_excluded():
    # round 31b F06: at n = 1 the sum from 2 is empty (0) and the left side 0/0
    for verdict, detail in latex_channels(
            r"\frac{1}{\sum_{k=2}^{n}e^{a_k}}\sum_{k=2}^{n}e^{a_k}", "1"):
        assert verdict not in HOLDS or "= 0" in str(detail.get("excluded", "")), detail


# round 31b (review of the above)
@pytest.mark.parametrize("lhs, rhs", [
    # F04, F05, F10, F11: an inner body's requirement not read stays not read under a limit
    # or an outer integral (it was put at the point, t² ≥ 0, and dropped)
    (r"\lim_{x\to0^-}\int_0^1\sqrt{t^2+x}\sqrt{t^2+x}\,dt", r"\frac13"),
    (r"\lim_{x\to0^-}\sum_{k=0}^{n}\sqrt{k^2+x}\sqrt{k^2+x}", r"\frac{n(n+1)(2n+1)}{6}"),
    (r"\lim_{x\to0^+}\int_{-1}^{1}\frac{x}{(s^2-x)^2}\,ds", "0"),  # +∞ for x in (0, 1)
    (r"\int_{0}^{\frac12}\int_{-1}^{1}\frac{1}{(s-t)^2}\,ds\,dt", r"-\log 3"),
    # F09: no real value strictly inside the range, none at its ends
    (r"\int_{-1}^{1}\sqrt{t^2-\frac14}\sqrt{t^2-\frac14}\,dt", r"\frac16"),
    (r"\int_{0}^{2\pi}\sqrt{\sin t}\sqrt{\sin t}\,dt", "0"),
])
def test_a_requirement_not_read_inside_is_never_dropped_outside(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{t\to\infty}\frac{1}{t+2t\tanh(t\sin t)}", "0"),  # F02: a zero in every period
    (r"\lim_{t\to\infty}\sqrt{1+2\tanh(t\sin t)}", "1"),  # F03: swings between -1 and 3
    (r"\lim_{t\to x}\lfloor t\rfloor", r"\lfloor x\rfloor"),  # F07: false at every integer x
    (r"\lim_{n\to\infty}\frac{a_n}{n}", "0"),  # F08: a_n is the sequence's entry, not a constant
    (r"\lim_{n\to\infty}a_n", "a_n"),
])
def test_limits_sympy_cannot_be_trusted_with_are_not_decided(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs", [
    # M1, M2: a denominator zero only at the point itself (its leading term s ≠ 0 near it)
    (r"\lim_{t\to0}\frac{t}{\sin t}", "1"), (r"\lim_{x\to0}\frac{x}{e^x-1}", "1"),
    (r"\lim_{x\to0}\frac{x^2}{1-\cos x}", "2"), (r"\lim_{t\to1^-}\sqrt{1-t^2}", "0"),
    (r"\lim_{t\to x}\frac{\sin t-\sin x}{t-x}", r"\cos x"),
    (r"\lim_{t\to\infty}\frac{\sin t}{t}", "0"),
])
def test_textbook_limits_are_still_proved(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict in HOLDS, detail


# round 32b (review of the above)
@pytest.mark.parametrize("lhs, rhs", [
    # F01: t ≠ 0 over [x, 2x] holds for x > 0 or for x < 0: a choice not read, never one sign
    (r"\int_{x}^{2x}\frac{1}{t}\,dt", r"\log 2"),
    (r"\int_{0}^{1}\frac{1}{t-y}\,dt", r"\log\frac{y-1}{y}"),
    # F03: both sides need every x_k ≥ 0; a point where neither is real is no counterexample
    (r"\sum_{k=1}^{n}\left|\sqrt{x_k}\right|^3", r"\sum_{k=1}^{n}\sqrt{x_k}^3"),
])
def test_a_requirement_with_two_readings_or_dropped_alike_refutes_nothing(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict != "refuted", detail


def test_an_odd_root_requires_nothing_an_even_root_requires():
    # F02: ∛x is real for x < 0, √x is not: the sums' requirements differ, nothing is checked
    for verdict, detail in latex_channels(r"\sum_{k=1}^{n}\left|\sqrt[3]{x_k}\right|^{3}",
                                          r"\sum_{k=1}^{n}\left|\sqrt{x_k}\right|^{2}"):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs", [
    # F04: the inner sums are empty at m = 1: every term 0/0
    (r"\sum_{j=1}^{n}\frac{e^{x_j}\sum_{k=2}^{m}e^{a_k}}{e^{x_j}\sum_{k=2}^{m}e^{a_k}}", "n"),
    # F05: a denominator 0 on a whole piece of the range, not at a single pole
    (r"\int_0^2\frac{\lfloor t\rfloor}{\lfloor t\rfloor}dt", "2"),
    (r"\int_{-1}^1\frac{|t|+t}{|t|+t}dt", "2"),
])
def test_a_body_undefined_on_a_whole_piece_decides_nothing(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


def test_a_pole_at_a_single_point_is_still_an_integral():
    for verdict, detail in latex_channels(r"\int_1^2 \frac{1}{t}\,dt", r"\log 2"):
        assert verdict in HOLDS, detail
