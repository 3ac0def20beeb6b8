"""Catalog: gates — the checker's verdicts, and each gate's rule against finite differences."""

import math

import pytest
import sympy as sp

from symderive.catalog import gates
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    counterexample_floats,
    entry_id,
    evaluate_steps,
    the_wrong_step,
)
from tests.catalog.finite_differences import central_difference

reports = catalog_reports(gates.DERIVATIONS)


def gate_rule(derivation, x: float, y: float, upstream: float) -> list[float]:
    """The derivation's last column [∂L/∂x, ∂L/∂y] evaluated at a point."""
    rule = derivation.steps[-1].expr.subs({gates.x: x, gates.y: y, gates.g: upstream})
    return [float(entry) for entry in rule]


@pytest.mark.parametrize("derivation", gates.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize(
    "derivation, gate",
    [
        (gates.ADD_GATE, lambda a, b: a + b),
        (gates.MUL_GATE, lambda a, b: a * b),
        (gates.MAX_GATE, max),
    ],
    ids=["add", "mul", "max"],
)
@pytest.mark.parametrize("x, y, upstream", [(1.5, -0.5, 2.0), (-2.0, 3.0, -0.7)])
def test_gate_rule_is_upstream_times_finite_difference(derivation, gate, x, y, upstream):
    expected = [
        upstream * central_difference(lambda a: gate(a, y), x),
        upstream * central_difference(lambda b: gate(x, b), y),
    ]
    assert gate_rule(derivation, x, y, upstream) == pytest.approx(expected, abs=1e-7)


def test_max_gate_routes_a_tie_to_the_first_argument_and_keeps_the_directional_derivative():
    upstream, a = 1.7, 0.4
    routed = gate_rule(gates.MAX_GATE, a, a, upstream)
    assert routed == [upstream, 0.0]
    # moving both tied inputs by t changes upstream·max by upstream·t
    along_diagonal = central_difference(lambda t: upstream * max(a + t, a + t), 0.0)
    assert sum(routed) == pytest.approx(along_diagonal, rel=1e-9)


@pytest.mark.parametrize("x, y", [(0.5, 0.5), (-1.0, 2.0), (3.0, -1.0)])
def test_max_is_x_plus_relu_of_y_minus_x(x, y):
    """max(x, y) = x + relu(y − x), ties included: every line of the catalog's 'max-as-relu'."""
    assert max(x, y) == x + max(0.0, y - x)
    for line in evaluate_steps(gates.MAX_AS_RELU, {gates.x: x, gates.y: y}):
        assert line == max(x, y)


def test_max_tie_erratum_counterexample_doubles_the_true_change(reports):
    upstream = counterexample_floats(the_wrong_step(reports["max-gate-tie-erratum"]))["g"]
    a = 0.25
    true_change = central_difference(lambda t: upstream * max(a + t, a + t), 0.0)
    note_claim = upstream + upstream  # both inputs get the full upstream gradient
    assert true_change == pytest.approx(upstream, rel=1e-9)
    assert abs(note_claim - true_change) == pytest.approx(abs(upstream), rel=1e-9)


def test_upstream_gradients_of_the_logistic_tail_are_not_its_forward_values(reports):
    s = 1.0  # w·x + b at the lecture's point
    v, e = -s, math.exp(-s)
    u = 1 + e
    forward = [1 / u, u, e, v]
    upstream = [
        1.0,  # ∂f/∂f
        central_difference(lambda w: 1 / w, u),
        central_difference(lambda w: 1 / (1 + w), e),
        central_difference(lambda w: 1 / (1 + math.exp(w)), v),
    ]
    assert [round(g, 2) for g in upstream] == [1.0, -0.53, -0.53, -0.2]
    assert [round(value, 2) for value in forward] == [0.73, 1.37, 0.37, -1.0]
    entry = gates.LOGISTIC_CIRCUIT_UPSTREAM_GRADIENTS
    assert [float(sp.N(value)) for value in entry.steps[-1].expr] == pytest.approx(
        upstream, rel=1e-7
    )
    assert reports[entry.id].steps[0].outcome.holds
