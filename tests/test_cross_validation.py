"""Three-way cross-validation at random points: SymPy ↔ code ↔ finite differences."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symderive import crossval
from symderive.engine import Tensor, functional
from symderive.ops import ELEMENTWISE, LOSSES


@pytest.mark.parametrize("name", sorted(ELEMENTWISE))
def test_every_op_agrees_three_ways(name):
    for row in crossval.check_op(name, seed=5):
        assert row.passed, row


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_every_loss_agrees_three_ways(name):
    row = crossval.check_loss(name, seed=5)
    assert row.passed, row


@pytest.mark.parametrize("name", ["sigmoid_grad", "tanh_grad", "relu_grad", "leaky_relu_grad"])
def test_every_verified_derivative_agrees_three_ways(name):
    assert crossval.check_verified_derivative(name, seed=6).passed


def test_softmax_log_softmax_and_affine_agree_three_ways():
    for row in (
        crossval.check_softmax(False),
        crossval.check_softmax(True),
        crossval.check_affine(),
    ):
        assert row.passed, row


@pytest.mark.parametrize("name", [n for n, op in ELEMENTWISE.items() if op.kinks])
def test_kink_convention_is_shared_by_sympy_engine_and_one_sided_differences(name):
    assert crossval.kink_convention_holds(name)


@pytest.mark.parametrize("example", crossval.worked_examples(), ids=lambda e: e.name[:20])
def test_worked_examples_of_the_notes(example):
    assert crossval.check_example(example).passed


def test_add_mul_circuit_gradients_are_the_gate_rules():
    """(x + y)z at (−2, 5, −4): ∂x = ∂y = z (add distributes), ∂z = x + y (mul swaps)."""
    x, y, z = (Tensor(np.array(v), requires_grad=True) for v in (-2.0, 5.0, -4.0))
    ((x + y) * z).backward()
    assert (x.grad, y.grad, z.grad) == (z.data, z.data, x.data + y.data)


def test_logistic_circuit_gradient_is_sigma_times_one_minus_sigma_times_inputs():
    w = [Tensor(np.array(v), requires_grad=True) for v in (2.0, -3.0, -3.0)]
    x = [Tensor(np.array(v), requires_grad=True) for v in (-1.0, -2.0)]
    out = (w[0] * x[0] + w[1] * x[1] + w[2]).sigmoid()
    out.backward()
    local = float(sp.E / (1 + sp.E) ** 2)  # w·x + w2 = 1 here, and σ'(1) = e/(1 + e)²
    gradients = [float(t.grad) for t in (*w, *x)]
    expected = [local * -1.0, local * -2.0, local, local * 2.0, local * -3.0]
    np.testing.assert_allclose(gradients, expected, rtol=1e-14)


def test_lecture_mlp_engine_matches_hand_written_and_finite_differences():
    row = crossval.check_lecture_mlp(directions=3)
    assert row.passed, row


def test_lecture_mlp_engine_gradients_equal_the_notes_formulas_at_the_lecture_scale():
    x, y, w1, w2 = crossval.lecture_mlp_data(seed=3)
    loss, grad_w1, grad_w2 = crossval.hand_written_gradients(x, y, w1, w2)
    t1, t2 = Tensor(w1, requires_grad=True), Tensor(w2, requires_grad=True)
    engine_loss = functional.sum_squared_error((Tensor(x) @ t1).sigmoid() @ t2, y)
    engine_loss.backward()
    assert engine_loss.item() == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(t1.grad, grad_w1, rtol=1e-9, atol=1e-9 * np.abs(grad_w1).max())
    np.testing.assert_allclose(t2.grad, grad_w2, rtol=1e-9, atol=1e-9 * np.abs(grad_w2).max())


# -- the catalog's own closed forms, evaluated numerically against the code --------------------
from symderive.catalog import catalog  # noqa: E402 - grouped with the tests that use it


def catalog_value(
    derivation_id: str, step: int = -1, counts: dict[str, int] | None = None, **values: float
) -> float:
    """The catalog expression of ``step`` at the point (symbols matched by name), to 50 digits."""
    expr = catalog()[derivation_id].steps[step].expr
    by_name = {symbol.name: symbol for symbol in expr.free_symbols}
    point = {by_name[name]: sp.Float(v, 50) for name, v in values.items() if name in by_name}
    point.update({by_name[name]: n for name, n in (counts or {}).items()})  # step counts
    return float(expr.subs(point).doit().evalf(50))


def one_parameter(optimizer_class, **options):
    from symderive.engine import optim

    w = Tensor(np.array([0.7]), requires_grad=True)
    return w, getattr(optim, optimizer_class)([w], **options)


def test_sgd_step_matches_the_catalog_error_factor():
    a, c, eta, w0 = 1.7, -0.4, 0.3, 0.9
    w, optimizer = one_parameter("SGD", lr=eta)
    w.data[:] = w0
    w.grad = np.array([a * (w0 - c)])
    optimizer.step()
    assert w.data[0] - c == pytest.approx(catalog_value("sgd-update", a=a, c=c, eta=eta, w=w0))


def test_three_momentum_steps_match_the_catalog_velocity():
    eta, alpha, gradients = 0.1, 0.8, (0.5, -1.25, 2.0)
    w, optimizer = one_parameter("Momentum", lr=eta, momentum=alpha)
    for g in gradients:
        w.grad = np.array([g])
        optimizer.step()
    expected = catalog_value(
        "momentum-update", eta=eta, alpha=alpha, g1=gradients[0], g2=gradients[1], g3=gradients[2]
    )
    assert optimizer.velocity[0][0] == pytest.approx(expected, rel=1e-14)


def test_adagrad_rate_matches_the_catalog_definition():
    eta, h, g = 0.2, 1.5, -0.75
    w, optimizer = one_parameter("AdaGrad", lr=eta, eps=0.0)
    optimizer.cache[0][:] = h
    before = w.data[0]
    w.grad = np.array([g])
    optimizer.step()
    rate = (before - w.data[0]) / g
    assert rate == pytest.approx(catalog_value("adagrad-update", step=0, eta=eta, h=h, g=g))


@pytest.mark.parametrize("steps", [1, 3, 7])
def test_rmsprop_and_adam_moments_match_the_catalog_for_a_constant_gradient(steps):
    g, rho, beta1, beta2 = -0.6, 0.9, 0.8, 0.95
    w, rmsprop = one_parameter("RMSProp", lr=0.01, decay=rho)
    v, adam = one_parameter("Adam", lr=0.01, beta1=beta1, beta2=beta2)
    for _ in range(steps):
        w.grad, v.grad = np.array([g]), np.array([g])
        rmsprop.step()
        adam.step()
    assert rmsprop.cache[0][0] == pytest.approx(
        catalog_value("rmsprop-update", step=0, counts={"t": steps}, g=g, rho=rho), rel=1e-13
    )
    assert adam.first[0][0] / (1 - beta1**steps) == pytest.approx(
        catalog_value("adam-update", step=0, counts={"t": steps}, g=g, beta1=beta1), rel=1e-13
    )
    assert adam.second[0][0] / (1 - beta2**steps) == pytest.approx(
        catalog_value(
            "adam-second-moment-bias-correction", step=0, counts={"t": steps}, g=g, beta2=beta2
        ),
        rel=1e-13,
    )


def test_binary_cross_entropy_gradient_is_the_catalog_formula():
    from symderive import verified

    p, t = np.array([0.2, 0.7, 0.95]), np.array([1.0, 0.3, 0.0])
    _, gradient = verified.binary_cross_entropy(p, t)
    expected = [catalog_value("binary-cross-entropy-gradient", yhat=a, t=b) for a, b in zip(p, t)]
    np.testing.assert_allclose(gradient * p.size, expected, rtol=1e-13)


def test_tanh_derivative_is_the_catalog_formula():
    from symderive import verified

    x = np.array([-3.0, -0.2, 0.0, 1.1, 8.0])
    expected = [catalog_value("tanh-derivative", x=v) for v in x]
    np.testing.assert_allclose(verified.tanh_grad(x), expected, rtol=1e-12)


AWAITING_CATALOG: set[str] = set()
"""Ids the code cites that the catalog does not define yet (the lead reconciles them)."""


def test_every_cited_derivation_exists_in_the_catalog():
    from symderive import verified
    from symderive.engine import nn, optim

    cited = set()
    for source in (
        *ELEMENTWISE.values(),
        *LOSSES.values(),
        *verified.VERIFIED.values(),
        *optim.OPTIMIZERS.values(),
        nn.Linear,
        nn.Sigmoid,
        nn.Tanh,
        nn.ReLU,
        nn.LeakyReLU,
    ):
        cited.update(source.proven_by)
    for row in crossval.all_checks():
        cited.update(row.proven_by)
    known = set(catalog())
    assert cited - known <= AWAITING_CATALOG, sorted(cited - known - AWAITING_CATALOG)
    assert not (AWAITING_CATALOG & known), "now in the catalog: drop it from AWAITING_CATALOG"
