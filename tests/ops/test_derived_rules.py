"""The backward rules come from SymPy and agree with the calculus of the catalog."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

from symderive.functions import sigmoid, to_elementary
from symderive.ops import ELEMENTWISE, LOSSES, loss_rule, rule
from symderive.ops.definitions import ALPHA, OUT, UPSTREAM, X, Y


@pytest.mark.parametrize("name", sorted(ELEMENTWISE))
def test_backward_in_terms_of_output_equals_the_partial_derivative(name):
    """g·∂op/∂x with `out` put back as the op itself simplifies to g·diff(definition): proved."""
    op = ELEMENTWISE[name]
    derived = rule(name)
    for symbol, form in zip(op.inputs, derived.backward_forms):
        restored = form.xreplace({OUT: op.definition})
        difference = to_elementary(restored - sp.diff(op.definition, symbol))
        assert sp.simplify(difference) == 0


def test_sigmoid_derivative_is_sigma_times_one_minus_sigma():
    assert sp.simplify(rule("sigmoid").backward_forms[0] - OUT * (1 - OUT)) == 0
    elementary = to_elementary(rule("sigmoid").partials[0])
    expected = sp.exp(-X) / (1 + sp.exp(-X)) ** 2
    assert sp.simplify(elementary - expected) == 0


def test_tanh_derivative_is_one_minus_tanh_squared():
    assert sp.simplify(rule("tanh").backward_forms[0] - (1 - OUT**2)) == 0


def test_gates_route_gradients_like_the_notes():
    """add distributes, mul swaps, max routes: the gate rules of the lecture."""
    g = UPSTREAM
    add_x, add_y = (sp.simplify(g * f) for f in rule("add").backward_forms)
    mul_x, mul_y = (sp.simplify(g * f) for f in rule("mul").backward_forms)
    assert (add_x, add_y) == (g, g)
    assert (mul_x, mul_y) == (g * Y, g * X)
    max_x, max_y = rule("maximum").partials
    assert max_x.subs({X: 2, Y: 1}) == 1 and max_y.subs({X: 2, Y: 1}) == 0


@pytest.mark.parametrize("name", sorted(ELEMENTWISE))
def test_lambdified_backward_matches_the_symbolic_derivative(name):
    op = ELEMENTWISE[name]
    derived = rule(name)
    rng = np.random.default_rng(7)
    values = [
        np.exp(rng.standard_normal(16)) if d == "positive" else rng.standard_normal(16)
        for d in op.domains
    ]
    params = (0.2,) * len(op.params)
    out = op.kernel(*values, *params)
    upstream = rng.standard_normal(16)
    for i in range(op.arity):
        numpy_value = np.broadcast_to(derived.backward[i](upstream, *values, out, *params), (16,))
        with mpmath.workdps(30):
            reference = [
                float(
                    upstream[k] * derived.reference[i](*[mpmath.mpf(v[k]) for v in values], *params)
                )
                for k in range(16)
            ]
        np.testing.assert_allclose(numpy_value, reference, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", sorted(ELEMENTWISE))
def test_forward_kernel_computes_the_definition(name):
    op = ELEMENTWISE[name]
    rng = np.random.default_rng(3)
    values = [
        np.exp(rng.standard_normal(12)) if d == "positive" else 3 * rng.standard_normal(12)
        for d in op.domains
    ]
    params = (0.2,) * len(op.params)
    definition = sp.lambdify([*op.inputs, *op.params], to_elementary(op.definition), "mpmath")
    with mpmath.workdps(30):
        reference = [
            float(definition(*[mpmath.mpf(v[k]) for v in values], *params)) for k in range(12)
        ]
    np.testing.assert_allclose(op.kernel(*values, *params), reference, rtol=1e-14)


def test_kink_convention_relu_and_leaky_relu_take_the_left_derivative():
    assert rule("relu").reference[0](mpmath.mpf(0)) == 0
    assert rule("leaky_relu").reference[0](mpmath.mpf(0), 0.3) == pytest.approx(0.3)
    g = np.ones(3)
    x = np.array([-1.0, 0.0, 1.0])
    np.testing.assert_array_equal(rule("relu").backward[0](g, x, np.maximum(x, 0)), [0, 0, 1])


def test_kink_convention_max_tie_goes_to_the_first_argument():
    dx, dy = rule("maximum").reference
    assert (dx(1.0, 1.0), dy(1.0, 1.0)) == (1, 0)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_every_loss_has_a_catalog_derivation_and_a_gradient(name):
    derived = loss_rule(name)
    assert LOSSES[name].proven_by
    assert len(derived.gradient) == len(derived.predictions)


def test_softmax_cross_entropy_gradient_is_softmax_minus_target_on_the_simplex():
    derived = loss_rule("softmax_cross_entropy")
    o, t = derived.predictions, derived.targets
    total = sum(sp.exp(v) for v in o)
    for k, gradient in enumerate(derived.gradient):
        on_simplex = gradient.subs(t[-1], 1 - sum(t[:-1]))
        expected = (sp.exp(o[k]) / total - t[k]).subs(t[-1], 1 - sum(t[:-1]))
        assert sp.simplify(on_simplex - expected) == 0


def test_binary_cross_entropy_with_logits_gradient_is_sigma_minus_t():
    derived = loss_rule("binary_cross_entropy_with_logits")
    (z,), (t,) = derived.predictions, derived.targets
    assert sp.simplify(to_elementary(derived.gradient[0] - (sigmoid(z) - t))) == 0


def test_mse_and_kl_gradients():
    (y,), (t,) = loss_rule("mse").predictions, loss_rule("mse").targets
    assert sp.expand(loss_rule("mse").gradient[0] - 2 * (y - t)) == 0
    kl = loss_rule("kl_divergence")
    for q, p, gradient in zip(kl.predictions, kl.targets, kl.gradient):
        assert sp.simplify(gradient + p / q) == 0


def test_leaky_relu_parameter_is_not_differentiated():
    assert ALPHA in ELEMENTWISE["leaky_relu"].params
    assert len(rule("leaky_relu").backward) == 1
