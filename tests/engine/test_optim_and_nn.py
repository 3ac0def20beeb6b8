"""Optimizers follow their update rules step by step; layers compose; training lowers a loss."""

from __future__ import annotations

import numpy as np
import pytest

from symderive.engine import EngineInputError, Tensor, functional, nn, optim


def quadratic_gradient(w: np.ndarray) -> np.ndarray:
    """L = Σ w²/2 + Σ w⁴/4 has ∂L/∂w = w + w³."""
    return w + w**3


def run(optimizer_class, steps: int = 5, **options) -> np.ndarray:
    w = Tensor(np.array([1.0, -0.5, 0.25]), requires_grad=True)
    optimizer = optimizer_class([w], **options)
    for _ in range(steps):
        (0.5 * w**2 + 0.25 * w**4).sum().backward()
        optimizer.step()
        optimizer.zero_grad()
    return w.data


def reference(update, steps: int = 5) -> np.ndarray:
    w = np.array([1.0, -0.5, 0.25])
    state: dict = {}
    for t in range(1, steps + 1):
        w = update(w, quadratic_gradient(w), state, t)
    return w


def test_sgd_update():
    expected = reference(lambda w, g, s, t: w - 0.1 * g)
    np.testing.assert_allclose(run(optim.SGD, lr=0.1), expected, rtol=1e-14)


def test_momentum_update():
    def update(w, g, s, t):
        s["v"] = 0.9 * s.get("v", 0) - 0.1 * g
        return w + s["v"]

    np.testing.assert_allclose(
        run(optim.Momentum, lr=0.1, momentum=0.9), reference(update), rtol=1e-14
    )


def test_adagrad_update():
    def update(w, g, s, t):
        s["c"] = s.get("c", 0) + g * g
        return w - 0.1 * g / (np.sqrt(s["c"]) + 1e-7)

    np.testing.assert_allclose(run(optim.AdaGrad, lr=0.1), reference(update), rtol=1e-14)


def test_rmsprop_update():
    def update(w, g, s, t):
        s["c"] = 0.9 * s.get("c", 0) + 0.1 * g * g
        return w - 0.01 * g / (np.sqrt(s["c"]) + 1e-8)

    np.testing.assert_allclose(
        run(optim.RMSProp, lr=0.01, decay=0.9), reference(update), rtol=1e-13
    )


def test_adam_update_with_bias_correction():
    def update(w, g, s, t):
        s["m"] = 0.9 * s.get("m", 0) + 0.1 * g
        s["v"] = 0.999 * s.get("v", 0) + 0.001 * g * g
        m_hat, v_hat = s["m"] / (1 - 0.9**t), s["v"] / (1 - 0.999**t)
        return w - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)

    np.testing.assert_allclose(run(optim.Adam, lr=0.01), reference(update), rtol=1e-13)


@pytest.mark.parametrize("name", sorted(optim.OPTIMIZERS))
def test_each_optimizer_names_its_catalog_derivation(name):
    expected = {
        "SGD": "sgd-update",
        "Momentum": "momentum-update",
        "AdaGrad": "adagrad-update",
        "RMSProp": "rmsprop-update",
        "Adam": "adam-update",
    }[name]
    assert optim.OPTIMIZERS[name].proven_by == (expected,)


def test_sequential_collects_parameters_and_a_classifier_learns():
    rng = np.random.default_rng(0)
    points = rng.standard_normal((120, 2))
    labels = (points[:, 0] * points[:, 1] > 0).astype(int)  # XOR-like: needs the hidden layer
    model = nn.Sequential(nn.Linear(2, 16, rng=rng), nn.Tanh(), nn.Linear(16, 2, rng=rng))
    assert len(model.parameters()) == 4
    optimizer = optim.Adam(model.parameters(), lr=0.05)
    losses = []
    for _ in range(150):
        loss = functional.softmax_cross_entropy(model(Tensor(points)), labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]


# -- a read-only weight is refused, with and without SciPy's BLAS (engine review E7) ------------
def _read_only_weights(kind: str) -> np.ndarray:
    values = np.arange(12.0).reshape(4, 3) / 10
    if kind == "frombuffer":
        return np.frombuffer(values.tobytes(), dtype=np.float64).reshape(4, 3)
    values.setflags(write=False)
    return values


@pytest.mark.parametrize("kind", ["frombuffer", "setflags"])
@pytest.mark.parametrize("path", ["numpy", "blas"])
@pytest.mark.parametrize("optimizer_class", list(optim.OPTIMIZERS.values()))
def test_an_update_of_a_read_only_weight_is_refused_naming_the_parameter(
    kind, path, optimizer_class
):
    """SciPy's axpy copies a read-only operand and updates the copy: the weight would silently
    never change (or, for setflags, change behind its flag). Both paths raise the same error."""
    if path == "blas":
        pytest.importorskip("scipy")
    bias = Tensor(np.zeros(3), requires_grad=True)
    weight = Tensor(_read_only_weights(kind), requires_grad=True)
    before = weight.data.copy()
    optimizer = optimizer_class([bias, weight], lr=0.1)
    if path == "numpy" and hasattr(optimizer, "axpy"):
        optimizer.axpy = {}
    x = np.ones((2, 4))
    functional.mse(x @ weight + bias, np.zeros((2, 3))).backward()
    with pytest.raises(
        EngineInputError,
        match=rf"{optimizer_class.__name__}: parameter 1 \(shape \(4, 3\), float64\) is a "
        r"read-only array .*tensor\.data = tensor\.data\.copy\(\)",
    ):
        optimizer.step()
    np.testing.assert_array_equal(weight.data, before)


def test_a_step_names_the_first_read_only_parameter_and_writes_nothing():
    """Every parameter is checked before the first write (the message names the read-only one,
    and the writeable parameter before it is left as it was)."""
    parameters = [Tensor(np.zeros(2), requires_grad=True), Tensor(_read_only_weights("setflags"))]
    for parameter in parameters:
        parameter.grad = np.ones_like(parameter.data)
    optimizer = optim.SGD(parameters, lr=0.1)
    with pytest.raises(EngineInputError, match=r"SGD: parameter 1 \(shape \(4, 3\), float64\)"):
        optimizer.step()
    np.testing.assert_array_equal(parameters[0].data, np.zeros(2))
    parameters[1].data = parameters[1].data.copy()
    optimizer.step()
    np.testing.assert_array_equal(parameters[0].data, np.full(2, -0.1))