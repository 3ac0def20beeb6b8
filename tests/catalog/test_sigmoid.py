"""Catalog: sigmoid and tanh — the checker's verdicts, the erratum's counterexample substituted
back, and the formulas against finite differences and the math module."""

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from derivations import sigmoid as catalog_sigmoid
from symderive.check import check_catalog

BUDGET_SECONDS = 2.0


@pytest.fixture(scope="module")
def reports():
    found, _ = check_catalog(catalog_sigmoid.DERIVATIONS, budget_seconds=BUDGET_SECONDS, jobs=2)
    return {report.id: report for report in found}


def sigma(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def central_difference(function, at: float, h: float = 1e-6) -> float:
    return (function(at + h) - function(at - h)) / (2 * h)


@pytest.mark.parametrize("derivation", catalog_sigmoid.DERIVATIONS, ids=lambda d: d.id)
def test_every_entry_checks_as_expected(reports, derivation):
    report = reports[derivation.id]
    verdicts = [(s.index, s.outcome.verdict, s.outcome.reason) for s in report.steps]
    assert report.as_expected, verdicts
    for step, step_report in zip(derivation.steps[1:], report.steps):
        if step.expect == "holds":
            assert step_report.outcome.verdict in ("proved", "checked")
        else:
            assert step_report.outcome.verdict == "refuted"
            assert step_report.correction_outcome.holds


def test_sigmoid_derivative_is_proved_not_only_sampled(reports):
    assert all(s.outcome.verdict == "proved" for s in reports["sigmoid-derivative"].steps)
    assert all(s.outcome.verdict == "proved" for s in reports["sigmoid-derivative-graph"].steps)


@pytest.mark.parametrize("x", [-3.0, -0.5, 0.0, 1.0, 4.0])
def test_sigmoid_slope_is_sigma_times_one_minus_sigma(x):
    assert central_difference(sigma, x) == pytest.approx(sigma(x) * (1 - sigma(x)), rel=1e-8)


def test_sigmoid_slope_at_zero_is_one_quarter():
    assert central_difference(sigma, 0.0) == pytest.approx(0.25, rel=1e-9)


def test_erratum_counterexamples_really_disagree(reports):
    wrong_steps = [s for s in reports["sigmoid-derivative-erratum"].steps if s.expect == "refuted"]
    assert len(wrong_steps) == 2
    # the first wrong step: the note's e^(−x)/(1 + e^(−x)) against the true slope
    x = float(Fraction(dict(wrong_steps[0].outcome.counterexample.values)["x"]))
    note_slope = math.exp(-x) / (1 + math.exp(-x))
    assert abs(note_slope - central_difference(sigma, x)) > 1e-3
    # the second: its own next expression (with the square) against the square-less one
    x = float(Fraction(dict(wrong_steps[1].outcome.counterexample.values)["x"]))
    with_square = ((1 + math.exp(-x) - 1) / (1 + math.exp(-x))) * (1 / (1 + math.exp(-x)))
    assert abs(with_square - math.exp(-x) / (1 + math.exp(-x))) > 1e-3


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_lies_strictly_between_0_and_1(x):
    assert 0 < sigma(x) < 1


@pytest.mark.parametrize("x", [-2.0, -0.3, 0.0, 0.8, 2.5])
def test_tanh_slope_is_one_minus_tanh_squared(x):
    assert central_difference(math.tanh, x) == pytest.approx(1 - math.tanh(x) ** 2, rel=1e-8)


@given(st.floats(min_value=-20, max_value=20))
def test_tanh_is_twice_sigma_of_twice_x_minus_one(x):
    assert math.tanh(x) == pytest.approx(2 * sigma(2 * x) - 1, abs=1e-14)
