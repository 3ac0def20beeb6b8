"""Round 27b: the checking core attacked through ``symderive equal`` (inputs:
/work/findings/round27b). A limit's, a sum's or an integral's bound variable is no free name:
the requirements of its body (√t needs t ≥ 0) are not the side's domain, so it is never
sampled; a binomial coefficient's lower argument below 0 has no agreed value (SymPy's numbers
give 0, its algebra binomial(n, n) = 1, Γ's limit another number), so it is excluded, never
a counterexample."""

from __future__ import annotations

import mpmath
import pytest

from tests.soundness.channels import via_equal, via_relation

HOLDS = {"proved", "checked"}


def latex_channels(lhs, rhs, assume=""):
    return [via_relation(lhs, rhs, assume, latex=True), via_equal(lhs, rhs, assume, latex=True)]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{n \to \infty} \left(1 + \frac{x}{n}\right)^n", "e^x"),
    (r"\lim_{x \to 1} \frac{x^{a}-1}{x-1}", "a"),
    (r"\lim_{t \to 2} \sqrt{t}", r"\sqrt{2}"),
    (r"\lim_{t \to 0} \frac{\log(1+t)}{t}", "1"),
    (r"\lim_{t \to 3} \log(t - 2)", "0"),
])
def test_a_limit_is_not_sampled_at_its_bound_variable(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict in HOLDS, detail


def test_a_false_limit_is_still_refuted():
    # (1 + x/n)^n → e^x, not e^{x+1}
    assert mpmath.exp(1) != 1
    for verdict, _ in latex_channels(r"\lim_{n \to \infty} \left(1 + \frac{x}{n}\right)^n",
                                     "e^{x+1}"):
        assert verdict == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{i=1}^n \frac{1}{i(i+1)}", r"1-\frac{1}{n+1}"),  # telescoping
    (r"\int_0^1 \sqrt{t}\,dt", r"\frac{2}{3}"),
])
def test_a_bound_index_or_integration_variable_is_no_free_name(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict in HOLDS, detail
        assert "t < 0" not in str(detail.get("excluded", "")), detail


def test_binomial_conventions_differ_below_zero():
    # the reason a negative lower argument is excluded: Γ's limit and the combinatorial
    # convention (0 for k < 0) disagree at binom(-4, -11), which is binom(-4, 7) by symmetry
    gamma_limit = mpmath.binomial(-4, -11)
    falling = mpmath.binomial(-4, 7)  # (-4)(-5)…(-10)/7!, the same in every convention
    assert gamma_limit == falling == -120  # Γ keeps the symmetry; the combinatorial 0 breaks it


@pytest.mark.parametrize("lhs, rhs, assume", [
    (r"\binom{n}{k}", r"\binom{n}{n-k}", "n,k integer"),
    (r"\binom{n}{n}", "1", "n integer"),
    (r"\binom{n}{n}", r"\binom{n}{0}", "n integer"),
])
def test_a_binomial_identity_is_judged_where_its_lower_arguments_are_not_negative(lhs, rhs,
                                                                                   assume):
    for verdict, detail in latex_channels(lhs, rhs, assume):
        assert verdict in HOLDS, detail
        assert "lower argument" in str(detail.get("excluded", "")), detail


def test_a_binomial_with_a_negative_lower_number_is_refused():
    for verdict, detail in latex_channels(r"\binom{-1}{-1}", "1"):
        assert verdict == "refused" and "negative lower argument" in detail["reason"], detail


# round 28 F01, F02, F18: a requirement naming the bound variable and free names restricts the
# free names at the limit's point, at the ends of the range, at every index of a short sum
@pytest.mark.parametrize("lhs, rhs, excluded", [
    (r"\int_0^1 \sqrt{x+t}\sqrt{x+t}\,dt", r"x+\frac{1}{2}", None),
    (r"\sum_{i=1}^{3} \frac{x-i}{x-i}", "3", "x = 2"),
])
def test_the_body_requirements_restrict_the_free_names(lhs, rhs, excluded):
    for verdict, detail in latex_channels(lhs, rhs):
        if excluded is None:  # x < -1: the integrand real nowhere, the right side real
            assert verdict == "refuted", detail
        else:
            assert verdict in HOLDS and excluded in str(detail.get("excluded", "")), detail


def test_a_limit_whose_body_is_real_nowhere_near_is_not_refuted_there():
    # √(x+t)√(x−t) has no real value near t = 0 for x < 0, and neither has √x√x
    for verdict, detail in latex_channels(r"\lim_{t\to0}\sqrt{x+t}\sqrt{x-t}", r"\sqrt{x}\sqrt{x}"):
        assert verdict != "refuted", detail


# round 29 F01, F02, F22-F25: a requirement not decided at points leaves the claim undecided
@pytest.mark.parametrize("lhs, rhs, assume", [
    (r"\int_{-1}^{1}\sqrt{t^2-x}\sqrt{t^2-x}\,dt", r"\frac{2}{3}-2x", "x probability"),
    (r"\lim_{t\to0}\frac{\sqrt{x t^2}\sqrt{x t^2}}{t^2}", "x", ""),
    (r"\int_0^x \sqrt{1-t^2}\sqrt{1-t^2}\,dt", r"x-\frac{x^3}{3}", ""),
    (r"\lim_{t\to\infty}\frac{\log(x t)}{\log t}", "1", ""),
    (r"\lim_{t\to0^+}\frac{\sqrt{x t}\sqrt{x t}}{t}", "x", ""),
])
def test_a_body_requirement_on_free_names_not_read_decides_nothing(lhs, rhs, assume):
    for verdict, detail in latex_channels(lhs, rhs, assume):
        assert verdict not in HOLDS, detail


def test_a_limit_at_a_free_point_keeps_its_requirement_there():
    # √(t−1)² → x − 1 needs x ≥ 1, as √(x−1)² = x − 1 does: both refuted at x < 1
    for verdict, detail in latex_channels(r"\lim_{t\to x}\sqrt{t-1}\sqrt{t-1}", "x-1"):
        assert verdict == "refuted", detail


def test_a_long_sum_keeps_each_terms_requirement():
    for verdict, detail in latex_channels(r"\sum_{i=1}^{100}\frac{x-i}{x-i}", "100"):
        assert verdict in HOLDS and "x = 50" in str(detail.get("excluded", "")), detail


# round 30 F20: a requirement of the bound variable alone that fails at a written end
@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_2^3 \sqrt{1-t}\sqrt{1-t}\,dt", r"-\frac{3}{2}"),  # real nowhere on [2, 3]
    (r"\lim_{t\to2}\sqrt{1-t}\sqrt{1-t}", "-1"),
])
def test_a_body_real_nowhere_in_its_range_decides_nothing(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict not in HOLDS, detail


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^1 \sqrt{t}\,dt", r"\frac{2}{3}"), (r"\int_{0}^{1} \log t \, dt", "-1"),
])
def test_an_integrand_on_the_edge_at_an_end_is_still_proved(lhs, rhs):
    for verdict, detail in latex_channels(lhs, rhs):
        assert verdict in HOLDS, detail
