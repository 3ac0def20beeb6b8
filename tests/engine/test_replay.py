"""The captured step: the same loss and gradients as eager mode, to the last bit."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from symderive.engine import (
    EngineInputError,
    Replay,
    ReplayRecorded,
    Tensor,
    functional,
    nn,
    optim,
)
from symderive.engine.tensor import ENGINE_OPS


def assert_within_one_ulp(replayed: np.ndarray, eager: np.ndarray) -> None:
    replayed, eager = np.asarray(replayed), np.asarray(eager)
    assert replayed.dtype == eager.dtype and replayed.shape == eager.shape
    ulp = np.spacing(np.maximum(np.abs(replayed), np.abs(eager)))
    assert np.all(np.abs(replayed - eager) <= ulp), np.max(np.abs(replayed - eager) / ulp)


def eager_gradients(loss_fn, parameters, *inputs):
    for parameter in parameters:
        parameter.grad = None
    loss = loss_fn(*inputs)
    loss.backward()
    gradients = [parameter.grad.copy() for parameter in parameters]
    for parameter in parameters:
        parameter.grad = None
    return loss.item(), gradients


def replayed_gradients(step, parameters, *inputs):
    for parameter in parameters:
        parameter.grad = None
    loss = step(*inputs)
    gradients = [parameter.grad.copy() for parameter in parameters]
    for parameter in parameters:
        parameter.grad = None
    return loss.item(), gradients


def compare_over_steps(loss_fn, parameters, batches, lr=1e-3):
    """Replay and eager from the same weights, stepping both with the same SGD by hand."""
    step = Replay(loss_fn, parameters)
    for inputs in batches:
        replayed_loss, replayed = replayed_gradients(step, parameters, *inputs)
        eager_inputs = [Tensor(a) if a.dtype.kind == "f" else a for a in inputs]
        eager_loss, eager = eager_gradients(loss_fn, parameters, *eager_inputs)
        assert replayed_loss == eager_loss
        for a, b in zip(replayed, eager):
            assert_within_one_ulp(a, b)
        for parameter, gradient in zip(parameters, eager):
            parameter.data -= lr * gradient
    return step


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_lecture_mlp_gradients_equal_eager(dtype):
    rng = np.random.default_rng(0)
    x = Tensor(rng.standard_normal((16, 30)).astype(dtype))
    y = rng.standard_normal((16, 4)).astype(dtype)
    w1 = Tensor((rng.standard_normal((30, 8)) / 5).astype(dtype), requires_grad=True)
    w2 = Tensor(rng.standard_normal((8, 4)).astype(dtype), requires_grad=True)
    step = compare_over_steps(
        lambda: functional.sum_squared_error((x @ w1).sigmoid() @ w2, y), [w1, w2], [()] * 4
    )
    assert step.mode in ("fused", "unfused") and step.recordings == 1


def test_softmax_classifier_with_batches_as_arguments_equals_eager():
    rng = np.random.default_rng(1)
    model = nn.Linear(2, 3, rng=rng)
    batches = [(rng.standard_normal((20, 2)), rng.integers(0, 3, 20)) for _ in range(4)]
    step = compare_over_steps(
        lambda points, labels: functional.softmax_cross_entropy(model(points), labels),
        model.parameters(),
        batches,
        lr=0.1,
    )
    assert step.recordings == 1


def test_sequential_of_every_layer_equals_eager_and_is_compiled():
    rng = np.random.default_rng(2)
    model = nn.Sequential(
        nn.Linear(5, 6, rng=rng),
        nn.Sigmoid(),
        nn.Linear(6, 6, rng=rng),
        nn.Tanh(),
        nn.Linear(6, 6, rng=rng),
        nn.ReLU(),
        nn.Linear(6, 4, rng=rng),
        nn.LeakyReLU(0.1),
        nn.Linear(4, 3, rng=rng),
    )
    batches = [(rng.standard_normal((9, 5)), rng.integers(0, 3, 9)) for _ in range(3)]
    step = compare_over_steps(
        lambda points, labels: functional.softmax_cross_entropy(model(points), labels),
        model.parameters(),
        batches,
    )
    assert step.mode == "fused"  # compiled (σ by its definition), not the eager fallback


def test_every_elementwise_op_and_structural_op_replays_exactly():
    rng = np.random.default_rng(3)
    a = Tensor(rng.uniform(0.5, 1.5, (4, 3)), requires_grad=True)
    b = Tensor(rng.uniform(0.5, 1.5, (3,)), requires_grad=True)
    used = set()

    def loss_fn():
        ops = [
            a + b,
            a - b,
            a * b,
            a / b,
            -a,
            a**b,
            a**2,
            a.exp(),
            a.log(),
            a.sigmoid(),
            a.tanh(),
            (a - 1).relu(),
            (a - 1).leaky_relu(0.2),
            a.maximum(b),
        ]
        total = ops[0].sum()
        for value in ops[1:]:
            used.add(value.op)
            total = total + value.mean(axis=0).sum()
        used.add(ops[0].op)
        structural = (a.T.reshape(12)[2:7] * 3.0).sum() + a.sum(axis=1, keepdims=True).mean()
        return total + structural

    compare_over_steps(loss_fn, [a, b], [()] * 3)
    assert used == set(ENGINE_OPS)


@pytest.mark.parametrize(
    "loss",
    ["mse", "binary_cross_entropy_with_logits", "binary_cross_entropy", "kl_divergence"],
)
def test_every_loss_node_replays_exactly(loss):
    rng = np.random.default_rng(4)
    w = Tensor(rng.standard_normal((3, 4)) / 3, requires_grad=True)
    x = Tensor(rng.standard_normal((5, 3)))
    target = rng.uniform(0.1, 0.9, (5, 4))
    target /= target.sum(axis=1, keepdims=True)

    def loss_fn():
        z = x @ w
        if loss == "binary_cross_entropy":
            return functional.binary_cross_entropy(z.sigmoid(), target)
        if loss == "kl_divergence":
            q = z.exp() / z.exp().sum(axis=1, keepdims=True)
            return functional.kl_divergence(target, q)
        return getattr(functional, loss)(z, target)

    compare_over_steps(loss_fn, [w], [()] * 3)


def test_a_shape_change_records_again_and_says_so():
    rng = np.random.default_rng(5)
    model = nn.Linear(3, 2, rng=rng)
    step = Replay(lambda x, y: functional.mse(model(x), y), model.parameters())
    step(rng.standard_normal((4, 3)), rng.standard_normal((4, 2)))
    with pytest.warns(ReplayRecorded, match=r"input 0 \(4, 3\)/float64 → \(7, 3\)/float64"):
        step(rng.standard_normal((7, 3)), rng.standard_normal((7, 2)))
    assert step.recordings == 2 and "recording again" in step.events[-1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the same shapes again: no new recording
        step(rng.standard_normal((7, 3)), rng.standard_normal((7, 2)))
    assert step.recordings == 2


def test_gradients_accumulate_like_eager_when_not_zeroed():
    rng = np.random.default_rng(6)
    w = Tensor(rng.standard_normal((3, 2)), requires_grad=True)
    x = Tensor(rng.standard_normal((4, 3)))
    step = Replay(lambda: ((x @ w).tanh() ** 2).sum(), [w])
    step()
    first = w.grad
    step()
    accumulated = w.grad
    w.grad = None
    ((x @ w).tanh() ** 2).sum().backward()
    np.testing.assert_array_equal(accumulated, 2 * w.grad)
    np.testing.assert_array_equal(first, w.grad)  # the first call's array was not overwritten


def test_labels_are_checked_on_every_call_not_only_at_recording():
    rng = np.random.default_rng(7)
    model = nn.Linear(2, 3, rng=rng)
    step = Replay(
        lambda x, labels: functional.softmax_cross_entropy(model(x), labels), model.parameters()
    )
    points = rng.standard_normal((4, 2))
    step(points, np.array([0, 1, 2, 0]))
    with pytest.raises(EngineInputError, match=r"label 3 at index \(1,\) is outside \[0, 3\)"):
        step(points, np.array([0, 3, 2, 0]))


def test_a_loss_that_is_not_a_scalar_is_refused():
    w = Tensor(np.ones((2, 2)), requires_grad=True)
    with pytest.raises(TypeError, match="scalar Tensor"):
        Replay(lambda: w * 2, [w])()


def test_adam_through_replay_follows_eager_adam():
    rng = np.random.default_rng(8)
    points, labels = rng.standard_normal((30, 2)), rng.integers(0, 3, 30)
    replayed_model = nn.Linear(2, 3, rng=np.random.default_rng(9))
    eager_model = nn.Linear(2, 3, rng=np.random.default_rng(9))
    step = Replay(
        lambda: functional.softmax_cross_entropy(replayed_model(Tensor(points)), labels),
        replayed_model.parameters(),
        optimizer=optim.Adam(replayed_model.parameters(), lr=0.05),
    )
    eager_optimizer = optim.Adam(eager_model.parameters(), lr=0.05)
    for _ in range(5):
        step()
        loss = functional.softmax_cross_entropy(eager_model(Tensor(points)), labels)
        loss.backward()
        eager_optimizer.step()
        eager_optimizer.zero_grad()
    for replayed, eager in zip(replayed_model.parameters(), eager_model.parameters()):
        np.testing.assert_array_equal(replayed.data, eager.data)
        assert replayed.grad is None


def test_sgd_folded_into_the_gemm_matches_the_two_step_update():
    pytest.importorskip("scipy")
    rng = np.random.default_rng(10)
    x = Tensor(rng.standard_normal((64, 200)))
    y = rng.standard_normal((64, 10))
    start_w1 = rng.standard_normal((200, 50)) / 15
    start_w2 = rng.standard_normal((50, 10))
    fused = [Tensor(start_w1.copy(), requires_grad=True), Tensor(start_w2.copy(), True)]
    eager = [Tensor(start_w1.copy(), requires_grad=True), Tensor(start_w2.copy(), True)]
    step = Replay(
        lambda: functional.sum_squared_error((x @ fused[0]).sigmoid() @ fused[1], y),
        fused,
        optimizer=optim.SGD(fused, lr=1e-4),
    )
    eager_optimizer = optim.SGD(eager, lr=1e-4)
    for _ in range(5):
        replayed_loss = step().item()
        loss = functional.sum_squared_error((x @ eager[0]).sigmoid() @ eager[1], y)
        loss.backward()
        eager_optimizer.step()
        eager_optimizer.zero_grad()
        assert replayed_loss == pytest.approx(loss.item(), rel=1e-13)
    assert step._plan.sgd_fused_slots, "w1 (10 000 weights, used once by a GEMM) is fused"
    for replayed, reference in zip(fused, eager):
        np.testing.assert_allclose(replayed.data, reference.data, rtol=1e-12, atol=1e-15)
        assert replayed.grad is None


def test_a_recording_that_fails_leaves_no_stale_step_behind():
    rng = np.random.default_rng(11)
    model = nn.Linear(3, 2, rng=rng)
    step = Replay(lambda x, y: functional.mse(model(x), y), model.parameters())
    step(rng.standard_normal((4, 3)), rng.standard_normal((4, 2)))
    with (
        pytest.warns(ReplayRecorded),
        pytest.raises(EngineInputError, match=r"predictions of shape \(5, 2\)"),
    ):
        step(rng.standard_normal((5, 3)), rng.standard_normal((5, 1)))
    with pytest.raises(EngineInputError, match=r"predictions of shape \(5, 2\)"):
        step(rng.standard_normal((5, 3)), rng.standard_normal((5, 1)))  # not the old plan
