"""Each entry of the ops table against what is generated from it, one test per op and claim.

For every op: its kernel computes its definition, its gradient kernels and lambdified backward
compute its derivative (against mpmath at 30 digits), the generated SymPy ``fdiff`` is
``diff(definition)`` and the backward written with ``out`` is too (proved by the project's
checker), and the first step of the catalog entry that proves it states its definition.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

from symderive.check import check_relation
from symderive.functions import FUNCTIONS, to_elementary
from symderive.ops import ALL_OPS, KINK_CONVENTION, LOSSES, loss_rule, rule
from symderive.ops.catalog import loss_in_catalog, op_in_catalog
from symderive.ops.definitions import OUT

try:  # the catalog's loader: installed as symderive.catalog, or the top-level folder
    from symderive.catalog import catalog
except ImportError:
    from derivations import catalog

ALPHA_VALUE = 0.2


def points(op, count: int, seed: int) -> list[np.ndarray]:
    """Random inputs in each input's domain, with the kinks themselves among them."""
    rng = np.random.default_rng(seed)
    values = [
        np.exp(rng.standard_normal(count)) if domain == "positive" else 3 * rng.standard_normal(count)
        for domain in op.domains
    ]
    if op.kinks:
        values[0][:2] = 0.0
        if op.arity == 2:
            values[1][:2] = values[0][:2]
    return values


def mp_values(function, columns, params, digits: int = 30) -> list[float]:
    with mpmath.workdps(digits):
        return [
            float(function(*[mpmath.mpf(float(c[k])) for c in columns], *params))
            for k in range(len(columns[0]))
        ]


def proved(lhs, rhs) -> bool:
    outcome = check_relation(lhs, rhs, budget_seconds=10)
    assert outcome.verdict == "proved", outcome
    return True


@pytest.mark.parametrize("name", sorted(ALL_OPS))
def test_kernel_computes_the_definition(name):
    op = ALL_OPS[name]
    values = points(op, 24, seed=3)
    params = (ALPHA_VALUE,) * len(op.params)
    reference = mp_values(rule(name).forward_reference, values, params)
    np.testing.assert_allclose(op.kernel(*values, *params), reference, rtol=4e-16, atol=0)


@pytest.mark.parametrize("name", sorted(ALL_OPS))
def test_lambdified_backward_computes_upstream_times_the_derivative(name):
    op = ALL_OPS[name]
    derived = rule(name)
    values = points(op, 24, seed=7)
    params = (ALPHA_VALUE,) * len(op.params)
    out = op.kernel(*values, *params)
    upstream = np.random.default_rng(8).standard_normal(24)
    for i in range(op.arity):
        computed = np.broadcast_to(derived.backward[i](upstream, *values, out, *params), (24,))
        reference = upstream * np.array(mp_values(derived.reference[i], values, params))
        # out·(1 − out) loses relative accuracy in the tails, never absolute accuracy
        np.testing.assert_allclose(computed, reference, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", sorted(n for n, op in ALL_OPS.items() if op.gradient_kernels))
def test_gradient_kernels_compute_the_derivative(name):
    op = ALL_OPS[name]
    values = points(op, 24, seed=5)
    values[0][2:6] = [-700.0, 700.0, -30.0, 30.0]  # far tails: 1 − σ and 1 − tanh² vanish
    params = (ALPHA_VALUE,) * len(op.params)
    for i, kernel in enumerate(op.gradient_kernels):
        # 1 − tanh(700)² is 1e-608: the reference needs more digits than that
        reference = mp_values(rule(name).reference[i], values, params, digits=700)
        np.testing.assert_allclose(kernel(*values, *params), reference, rtol=4e-15, atol=0)


@pytest.mark.parametrize("name", sorted(ALL_OPS))
def test_backward_written_with_the_output_is_the_derivative(name):
    """backward_forms with `out` put back as the definition: proved equal to diff(definition)."""
    op = ALL_OPS[name]
    for symbol, form in zip(op.inputs, rule(name).backward_forms):
        assert proved(form.xreplace({OUT: op.elementary}), sp.diff(op.elementary, symbol))


@pytest.mark.parametrize("name", sorted(n for n, op in ALL_OPS.items() if op.function))
def test_generated_sympy_function_differentiates_as_its_definition(name):
    op = ALL_OPS[name]
    function = FUNCTIONS[op.function]
    applied = function(*op.symbols)
    assert applied == op.definition and to_elementary(applied) == op.elementary
    for symbol in op.inputs:
        generated = sp.diff(applied, symbol)
        assert not generated.has(sp.Derivative)
        assert proved(to_elementary(generated), sp.diff(op.elementary, symbol))


@pytest.mark.parametrize("name", sorted(n for n, op in ALL_OPS.items() if op.proven_by))
def test_catalog_entry_that_proves_the_op_starts_from_its_definition(name):
    op = ALL_OPS[name]
    stated = op_in_catalog(op, catalog()[op.proven_by[0]])
    assert proved(stated, op.elementary)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_catalog_entry_that_proves_the_loss_starts_from_its_definition(name):
    loss = LOSSES[name]
    stated = loss_in_catalog(loss, catalog()[loss.proven_by[0]])
    predictions, targets = loss.symbols()
    assert proved(stated, loss.definition(predictions, targets))


# -- the losses' derived gradients -------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_gradient_reference_is_the_derivative_of_the_value_reference(name):
    """SymPy's gradient (mpmath) against mpmath's own numerical derivative of the loss value."""
    derived = loss_rule(name)
    rng = np.random.default_rng(11)
    count = len(derived.predictions)
    if name in ("softmax_cross_entropy", "mse", "binary_cross_entropy_with_logits"):
        prediction = rng.standard_normal(count)
    else:
        prediction = rng.dirichlet(np.ones(count)) if count > 1 else rng.uniform(0.1, 0.9, 1)
    target = rng.dirichlet(np.ones(count)) if count > 1 else rng.uniform(0, 1, 1)
    with mpmath.workdps(40):
        o = [mpmath.mpf(float(v)) for v in prediction]
        t = [mpmath.mpf(float(v)) for v in target]
        gradient = derived.gradient_reference(*o, *t)
        for k in range(count):

            def along(v, k=k):
                shifted = list(o)
                shifted[k] = v
                return derived.value_reference(*shifted, *t)

            assert abs(gradient[k] - mpmath.diff(along, o[k])) < mpmath.mpf(10) ** -30


def test_softmax_cross_entropy_gradient_is_softmax_minus_target_on_the_simplex():
    derived = loss_rule("softmax_cross_entropy")
    o, t = derived.predictions, derived.targets
    total = sum(sp.exp(v) for v in o)
    on_simplex = {t[-1]: 1 - sum(t[:-1])}
    for k, gradient in enumerate(derived.gradient):
        assert sp.simplify((gradient - (sp.exp(o[k]) / total - t[k])).subs(on_simplex)) == 0


def test_binary_cross_entropy_with_logits_gradient_is_sigma_minus_t():
    derived = loss_rule("binary_cross_entropy_with_logits")
    (z,), (t,) = derived.predictions, derived.targets
    assert proved(derived.gradient[0], 1 / (1 + sp.exp(-z)) - t)


def test_mse_gradient_is_twice_the_error_and_kl_gradient_is_minus_p_over_q():
    mse = loss_rule("mse")
    (y,), (t,) = mse.predictions, mse.targets
    assert sp.expand(mse.gradient[0] - 2 * (y - t)) == 0
    kl = loss_rule("kl_divergence")
    for q, p, gradient in zip(kl.predictions, kl.targets, kl.gradient):
        assert sp.simplify(gradient + p / q) == 0


# -- the one tie rule ---------------------------------------------------------------------------
def test_kink_convention_is_the_same_in_sympy_the_engine_backward_and_the_mpmath_reference():
    """relu'(0) = 0, leaky_relu'(0) = α, max's tie to the first argument — everywhere."""
    x, y, alpha = sp.symbols("x y alpha", real=True)
    expected = {
        "relu": ((0.0,), (0.0,)),
        "leaky_relu": ((0.0,), (ALPHA_VALUE,)),
        "maximum": ((1.5, 1.5), (1.0, 0.0)),
        "minimum": ((1.5, 1.5), (1.0, 0.0)),
    }
    assert "first argument" in KINK_CONVENTION
    for name, (point, derivatives) in expected.items():
        op = ALL_OPS[name]
        derived = rule(name)
        params = (ALPHA_VALUE,) * len(op.params)
        arrays = [np.array([p]) for p in point]
        out = op.kernel(*arrays, *params)
        applied = FUNCTIONS[op.function](*op.symbols)
        for i, value in enumerate(derivatives):
            assert float(derived.reference[i](*point, *params)) == value, name
            assert derived.backward[i](np.ones(1), *arrays, out, *params)[0] == value, name
            symbolic = sp.diff(applied, op.inputs[i]).subs(
                {**dict(zip(op.inputs, point)), **dict(zip(op.params, params))}
            )
            assert float(symbolic) == value, name
