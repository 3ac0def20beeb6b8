"""Catalog: the lectures' worked examples — every number recomputed with plain Python floats
and finite differences, independently of SymPy."""

import math

import pytest
import sympy as sp

from symderive.catalog import worked_examples
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import partial_differences

reports = catalog_reports(worked_examples.DERIVATIONS)


def last_column(derivation) -> list[float]:
    return [float(sp.N(entry)) for entry in derivation.steps[-1].expr]


@pytest.mark.parametrize("derivation", worked_examples.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_add_mul_circuit_numbers_match_a_forward_pass_and_finite_differences():
    x, y, z = -2.0, 5.0, -4.0
    q = x + y
    f = q * z
    df_dx, df_dy, df_dz = partial_differences(lambda a, b, c: (a + b) * c, [x, y, z])
    (df_dq,) = partial_differences(lambda p: p * z, [q])
    expected = [q, f, 1.0, df_dz, df_dq, df_dx, df_dy]
    assert last_column(worked_examples.ADD_MUL_CIRCUIT) == pytest.approx(expected, rel=1e-8)
    assert expected[:2] == [3.0, -12.0]


def test_apple_orange_tax_total_is_715_and_its_gradients_match_finite_differences():
    def total(apple_price, apple_count, orange_price, orange_count, tax):
        return (apple_price * apple_count + orange_price * orange_count) * tax

    point = [100.0, 2.0, 150.0, 3.0, 1.1]
    expected = [total(*point), *partial_differences(total, point, h=1e-4)]
    assert last_column(worked_examples.APPLE_ORANGE_TAX) == pytest.approx(expected, rel=1e-8)
    assert round(expected[0], 6) == 715.0


def logistic(w0, x0, w1, x1, w2):
    return 1 / (1 + math.exp(-(w0 * x0 + w1 * x1 + w2)))


LOGISTIC_POINT = [2.0, -1.0, -3.0, -2.0, -3.0]  # w0, x0, w1, x1, w2


def test_logistic_forward_values_are_the_lectures_1_and_0_73():
    s = LOGISTIC_POINT[0] * LOGISTIC_POINT[1] + LOGISTIC_POINT[2] * LOGISTIC_POINT[3] - 3.0
    nodes = [s, -s, math.exp(-s), 1 + math.exp(-s), logistic(*LOGISTIC_POINT)]
    assert last_column(worked_examples.LOGISTIC_CIRCUIT_FORWARD) == pytest.approx(nodes, rel=1e-12)
    assert [round(value, 2) for value in nodes] == [1.0, -1.0, 0.37, 1.37, 0.73]


def test_logistic_gradients_match_finite_differences_and_round_to_the_lectures_numbers():
    gradient = partial_differences(logistic, LOGISTIC_POINT)
    assert last_column(worked_examples.LOGISTIC_CIRCUIT) == pytest.approx(gradient, rel=1e-7)
    assert [round(g, 2) for g in gradient] == [-0.2, 0.39, -0.39, -0.59, 0.2]


@pytest.mark.parametrize(
    "w0, x0, w1, x1, w2", [(0.3, -1.2, 2.0, 0.7, -0.4), (-1.0, 2.0, 0.5, 0.1, 3.0)]
)
def test_bias_trick_x2_equal_to_1_gives_the_same_circuit(w0, x0, w1, x1, w2):
    """1/(1 + e^(−(w0x0 + w1x1 + w2x2))) at x2 = 1 is σ(w0x0 + w1x1 + w2): the note's form in
    floats, and every line of the catalog's 'logistic-circuit-bias-trick'."""
    x2 = 1.0
    note_form = 1 / (1 + math.exp(-(w0 * x0 + w1 * x1 + w2 * x2)))
    assert note_form == pytest.approx(logistic(w0, x0, w1, x1, w2), rel=1e-15)
    symbols = (worked_examples.w0, worked_examples.x0, worked_examples.w1, worked_examples.x1)
    at = dict(zip((*symbols, worked_examples.w2), (w0, x0, w1, x1, w2)))
    for line in evaluate_steps(worked_examples.LOGISTIC_CIRCUIT_BIAS_TRICK, at):
        assert line == pytest.approx(note_form, rel=1e-14)
