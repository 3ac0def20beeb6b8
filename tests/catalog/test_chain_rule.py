"""Catalog: the chain rule — the checker's verdicts, and the rule against finite differences."""

import math

import pytest

from symderive.catalog import chain_rule
from tests.catalog.expectations import (
    assert_checks_as_expected,
    catalog_reports,
    counterexample_floats,
    entry_id,
    evaluate_steps,
    the_wrong_step,
)
from tests.catalog.finite_differences import central_difference

reports = catalog_reports(chain_rule.DERIVATIONS)


@pytest.mark.parametrize("derivation", chain_rule.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


@pytest.mark.parametrize("x, y", [(0.3, 1.2), (-2.0, 0.5), (1.7, -4.1)])
def test_dz_dx_of_z_equals_t_squared_is_twice_x_plus_y(x, y):
    """∂z/∂x = ∂z/∂t·∂t/∂x = 2(x + y) for z = t², t = x + y: every line of the catalog's
    'chain-rule-composite' against a central difference."""
    z_of_x = lambda at: (at + y) ** 2  # noqa: E731 - z = t², t = x + y
    assert central_difference(z_of_x, x) == pytest.approx(2 * (x + y), rel=1e-7)
    at = {chain_rule.x: x, chain_rule.y: y}
    for line in evaluate_steps(chain_rule.CHAIN_RULE_COMPOSITE, at):
        assert line == pytest.approx(central_difference(z_of_x, x), rel=1e-7)


@pytest.mark.parametrize("x", [-1.3, 0.4, 2.2])
def test_sum_over_paths_matches_finite_differences(x):
    """df/dx = ∂f/∂u1·du1/dx + ∂f/∂u2·du2/dx for f = u1·u2 + e^(u1), u1 = x², u2 = sin x: each
    factor by its own finite difference, and every line of 'multivariable-chain-rule'."""
    def f_of_x(at: float) -> float:
        u1, u2 = at**2, math.sin(at)
        return u1 * u2 + math.exp(u1)

    # ∂f/∂u1·du1/dx + ∂f/∂u2·du2/dx, each factor computed by its own finite difference
    u1, u2 = x**2, math.sin(x)
    df_du1 = central_difference(lambda v: v * u2 + math.exp(v), u1)
    df_du2 = central_difference(lambda v: u1 * v + math.exp(u1), u2)
    du1_dx = central_difference(lambda v: v**2, x)
    du2_dx = central_difference(math.sin, x)
    assert central_difference(f_of_x, x) == pytest.approx(
        df_du1 * du1_dx + df_du2 * du2_dx, rel=1e-6
    )
    for line in evaluate_steps(chain_rule.MULTIVARIABLE_CHAIN_RULE, {chain_rule.x: x}):
        assert line == pytest.approx(df_du1 * du1_dx + df_du2 * du2_dx, rel=1e-6)


@pytest.mark.parametrize("x", [-0.8, 0.0, 1.5])
def test_copy_gate_adds_the_gradients_of_both_copies(x):
    """d/dx g(x, x) = ∂₁g + ∂₂g for g(a, b) = a·b² + sin a: finite differences slot by slot,
    and every line of the catalog's 'copy-gate'."""
    def g(a: float, b: float) -> float:
        return a * b**2 + math.sin(a)

    first_slot = central_difference(lambda a: g(a, x), x)
    second_slot = central_difference(lambda b: g(x, b), x)
    assert central_difference(lambda v: g(v, v), x) == pytest.approx(
        first_slot + second_slot, rel=1e-6, abs=1e-9
    )
    for line in evaluate_steps(chain_rule.COPY_GATE, {chain_rule.x: x}):
        assert line == pytest.approx(first_slot + second_slot, rel=1e-6, abs=1e-9)


def test_dt_dz_erratum_counterexample_really_gives_one_instead_of_dz_dx(reports):
    values = counterexample_floats(the_wrong_step(reports["chain-rule-dt-dz-erratum"]))
    x, y = values["x"], values["y"]
    t = x + y
    dz_dt = central_difference(lambda v: v**2, t)
    dt_dz = central_difference(math.sqrt, t**2)  # t = √z
    dt_dx = central_difference(lambda v: v + y, x)
    assert dz_dt * dt_dz == pytest.approx(1.0, rel=1e-6)
    assert dz_dt * dt_dx == pytest.approx(2 * t, rel=1e-6)
    assert abs(dz_dt * dt_dz - dz_dt * dt_dx) > 1e-3
