"""A captured step equals eager mode on every call, not only on the batch it was recorded on.

Each test runs a :class:`Replay` and the same ``loss_fn`` in eager mode side by side, call after
call, and compares the loss and the gradients bit for bit: integer arguments, targets computed
from arguments, leaves reshaped, replaced or not listed, gradients kept by the user, arguments
that want their own gradient, and elementwise chains over many random batches.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from symderive.engine import (
    EngineInputError,
    Replay,
    ReplayRecorded,
    Tensor,
    functional,
    nn,
    optim,
)


def identical(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)


def eager(loss_fn, leaves, *inputs):
    """Loss and gradients of one eager step; the leaves' ``.grad`` left as they were."""
    saved = [leaf.grad for leaf in leaves]
    for leaf in leaves:
        leaf.grad = None
    tensors = [
        Tensor(a) if isinstance(a, np.ndarray) and a.dtype.kind == "f" else a for a in inputs
    ]
    loss = loss_fn(*tensors)
    loss.backward()
    gradients = [leaf.grad for leaf in leaves]
    for leaf, grad in zip(leaves, saved):
        leaf.grad = grad
    return loss.data, gradients


def replayed(step, leaves, *inputs):
    for leaf in leaves:
        leaf.grad = None
    loss = step(*inputs)
    gradients = [leaf.grad for leaf in leaves]
    for leaf in leaves:
        leaf.grad = None
    return loss.data, gradients


def assert_equal_to_eager_on_every_call(loss_fn, leaves, batches, step=None):
    step = step or Replay(loss_fn, leaves)
    for inputs in batches:
        expected_loss, expected = eager(loss_fn, leaves, *inputs)
        loss, gradients = replayed(step, leaves, *inputs)
        assert identical(loss, expected_loss), (loss, expected_loss)
        for gradient, reference in zip(gradients, expected):
            assert identical(gradient, reference)
    return step


# -- E1: a gradient handed out is the user's ------------------------------------------------------
@pytest.mark.parametrize(
    "through",
    [lambda w: w, lambda w: w.reshape(12).reshape(4, 3), lambda w: w.T.T],
    ids=["leaf", "reshape", "double-transpose"],
)
def test_a_gradient_the_user_keeps_is_never_written_again(through):
    rng = np.random.default_rng(0)
    w = Tensor(rng.standard_normal((4, 3)), requires_grad=True)
    target = np.zeros((5, 3))

    def loss_fn(x):
        return functional.mse(x @ through(w), target)

    step = Replay(loss_fn, [w])
    kept = []
    for _ in range(4):
        x = rng.standard_normal((5, 4))
        _, (expected,) = eager(loss_fn, [w], x)
        step(x)
        kept.append((w.grad, expected.copy()))
        w.grad = None  # the user keeps the array and clears the field
    for gradient, expected in kept:
        assert identical(gradient, expected)


def test_a_gradient_kept_across_zero_grad_with_sgd_stays_as_it_was():
    rng = np.random.default_rng(1)
    w = Tensor(rng.standard_normal((3, 2)), requires_grad=True)
    x = Tensor(rng.standard_normal((4, 3)))
    step = Replay(lambda: (x @ w).tanh().sum(), [w])
    step()  # the recording: an eager step
    w.grad = None
    step()  # replayed
    first = w.grad
    snapshot = first.copy()
    w.grad = None
    w.data -= 0.1 * snapshot
    step()
    assert identical(first, snapshot) and not np.shares_memory(first, w.grad)


# -- E2: integer and boolean arguments ----------------------------------------------------------
@pytest.mark.parametrize("dtype", [np.int64, np.bool_, np.uint8])
def test_an_integer_mask_argument_is_read_on_every_call(dtype):
    rng = np.random.default_rng(2)
    w = Tensor(rng.standard_normal((4, 3)), requires_grad=True)
    target = np.zeros((5, 3))

    def loss_fn(x, mask):
        return functional.mse((x @ w) * mask, target)

    x = rng.standard_normal((5, 4))
    masks = [np.ones((5, 3), dtype), np.zeros((5, 3), dtype)]
    masks.append(rng.integers(0, 2, (5, 3)).astype(dtype))
    assert_equal_to_eager_on_every_call(loss_fn, [w], [(x, mask) for mask in masks])


def test_uint8_images_through_a_layer_train_on_every_batch():
    rng = np.random.default_rng(3)
    model = nn.Linear(16, 4, rng=rng)

    def loss_fn(images, labels):
        return functional.softmax_cross_entropy(model(Tensor(images) * (1 / 255)), labels)

    batches = [
        (rng.integers(0, 256, (8, 16)).astype(np.uint8), rng.integers(0, 4, 8)) for _ in range(4)
    ]
    step = assert_equal_to_eager_on_every_call(loss_fn, model.parameters(), batches)
    assert step.mode != "eager"


# -- E3: targets computed from arguments ----------------------------------------------------------
@pytest.mark.parametrize(
    "target_of",
    [
        lambda y: y.sum(axis=1, keepdims=True),
        lambda y: y[:, [0, 2, 4]],
        lambda y: y.leaky_relu(0.1)[:, :3],
        lambda y: y[:, :3],
    ],
    ids=["sum", "fancy-index", "leaky-relu", "view"],
)
def test_a_target_computed_from_an_argument_is_computed_on_every_call(target_of):
    rng = np.random.default_rng(4)
    w = Tensor(rng.standard_normal((4, 3)) / 3, requires_grad=True)
    expected_width = 1 if target_of(Tensor(np.zeros((1, 5)))).shape[1] == 1 else 3
    v = Tensor(rng.standard_normal((3, expected_width)), requires_grad=True)

    def loss_fn(x, y):
        return functional.mse(x @ w @ v, target_of(y))

    batches = [(rng.standard_normal((6, 4)), 10 * rng.standard_normal((6, 5))) for _ in range(4)]
    step = assert_equal_to_eager_on_every_call(loss_fn, [w, v], batches)
    assert step.mode != "eager"


def test_the_checks_of_a_computed_target_run_on_this_calls_values():
    rng = np.random.default_rng(5)
    w = Tensor(rng.standard_normal((4, 2)), requires_grad=True)

    def loss_fn(x, y):
        return functional.binary_cross_entropy((x @ w).sigmoid(), y * 0.5)

    x = rng.standard_normal((3, 4))
    step = Replay(loss_fn, [w])
    step(x, np.full((3, 2), 1.0))  # targets 0.5
    with pytest.raises(EngineInputError, match=r"\[0, 1\]"):
        step(x, np.full((3, 2), 4.0))  # targets 2.0: eager refuses them too


# -- E4: shapes of every leaf, with or without arguments -----------------------------------------
@pytest.mark.parametrize("with_sgd", [False, True])
def test_a_leaf_reshaped_in_place_records_again_without_arguments(with_sgd):
    rng = np.random.default_rng(6)
    x = Tensor(rng.standard_normal((4, 4)))
    target = np.zeros((4, 4))
    w = Tensor(rng.standard_normal((4, 4)), requires_grad=True)
    b = Tensor(rng.standard_normal((1, 4)), requires_grad=True)
    reference = [Tensor(w.data.copy(), requires_grad=True), Tensor(b.data.copy(), True)]

    def loss_of(weight, bias):
        return lambda: functional.mse(x @ weight + bias, target)

    step = Replay(
        loss_of(w, b), [w, b], optimizer=optim.SGD([w, b], lr=0.1) if with_sgd else None
    )
    reference_sgd = optim.SGD(reference, lr=0.1)
    for call in range(4):
        if call == 2:
            b.data.shape = (4, 1)  # the same array, now a column
            reference[1].data.shape = (4, 1)
        w.grad = b.grad = None
        if call == 2:
            with pytest.warns(ReplayRecorded, match=r"\(1, 4\)/float64 → \(4, 1\)/float64"):
                loss = step()
        else:
            loss = step()
        expected = loss_of(*reference)()
        expected.backward()
        assert identical(loss.data, expected.data)
        if with_sgd:
            reference_sgd.step()
            for replayed_leaf, eager_leaf in zip((w, b), reference):
                # the folded update differs from eager SGD by one multiply-add's rounding
                np.testing.assert_allclose(
                    replayed_leaf.data, eager_leaf.data, rtol=1e-15, atol=1e-15
                )
        else:
            assert identical(w.grad, reference[0].grad) and identical(b.grad, reference[1].grad)
        reference_sgd.zero_grad()
    assert step.recordings == 2


def test_a_leaf_not_listed_in_parameters_is_guarded_too():
    rng = np.random.default_rng(7)
    w = Tensor(rng.standard_normal((4, 3)), requires_grad=True)
    b = Tensor(rng.standard_normal(3), requires_grad=True)  # not listed

    def loss_fn(x):
        return functional.softmax_cross_entropy(x @ w + b, np.array([0, 1, 2, 0, 1]))

    x = rng.standard_normal((5, 4))
    step = assert_equal_to_eager_on_every_call(loss_fn, [w, b], [(x,), (x,)], Replay(loss_fn, [w]))
    b.data = rng.standard_normal((5, 3))
    with pytest.warns(ReplayRecorded, match=r"\(3,\)/float64 → \(5, 3\)/float64"):
        assert_equal_to_eager_on_every_call(loss_fn, [w, b], [(x,), (x,)], step)


# -- E13: an argument that asks for its gradient gets it -----------------------------------------
def test_an_argument_with_requires_grad_gets_its_gradient_like_eager():
    rng = np.random.default_rng(8)
    model = nn.Linear(4, 3, rng=rng)
    labels = np.array([0, 1, 2, 1, 0])

    def loss_fn(x):
        return functional.softmax_cross_entropy(model(x), labels)

    step = Replay(loss_fn, model.parameters())
    for _ in range(3):
        x = Tensor(rng.standard_normal((5, 4)), requires_grad=True)
        reference = Tensor(x.data.copy(), requires_grad=True)
        for p in model.parameters():
            p.grad = None
        loss_fn(reference).backward()
        for p in model.parameters():
            p.grad = None
        step(x)
        assert identical(x.grad, reference.grad)


# -- E14: a leaf replaced where the step reaches it ----------------------------------------------
def test_a_layer_weight_replaced_records_again_and_trains_the_new_one():
    rng = np.random.default_rng(9)
    model = nn.Linear(4, 3, rng=rng)
    x, labels = rng.standard_normal((5, 4)), rng.integers(0, 3, 5)

    def loss_fn(points):
        return functional.softmax_cross_entropy(model(points), labels)

    step = assert_equal_to_eager_on_every_call(loss_fn, model.parameters(), [(x,), (x,)])
    model.weight = Tensor(rng.standard_normal((4, 3)), requires_grad=True)  # a checkpoint loaded
    with pytest.warns(ReplayRecorded, match=r"Linear\.weight"):
        assert_equal_to_eager_on_every_call(loss_fn, model.parameters(), [(x,), (x,)], step)
    assert "Linear.weight" in step.events[-1]


def test_a_captured_variable_rebound_records_again():
    rng = np.random.default_rng(10)
    w = Tensor(rng.standard_normal((3, 2)), requires_grad=True)
    x = Tensor(rng.standard_normal((4, 3)))
    step = Replay(lambda: (x @ w).tanh().sum(), [w])
    step()
    w = Tensor(rng.standard_normal((3, 2)), requires_grad=True)  # the closure's w
    with pytest.warns(ReplayRecorded, match="w holds another object"):
        loss = step()
    assert identical(loss.data, (x @ w).tanh().sum().data) and w.grad is not None


# -- a value the step cannot follow: run eagerly, never train on one batch -----------------------
def test_a_value_computed_with_numpy_from_an_argument_sends_the_step_to_eager_mode():
    rng = np.random.default_rng(11)
    w = Tensor(rng.standard_normal((4, 3)), requires_grad=True)

    def loss_fn(x, y):
        return functional.mse(x @ w, Tensor(np.tanh(y.data)))  # outside the recorded operations

    batches = [(rng.standard_normal((5, 4)), rng.standard_normal((5, 3))) for _ in range(3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReplayRecorded)
        step = assert_equal_to_eager_on_every_call(loss_fn, [w], batches)
    assert step.mode == "eager"
    assert "loss_fn read the array of argument 1 (.data)" in " ".join(step.events)


# -- E5: elementwise chains, bit for bit on every batch --------------------------------------------
CHAINS = {
    "sigmoid-log": lambda z: z.sigmoid().log(),
    "maximum-exp": lambda z: z.maximum(z * 0.5).exp(),
    "relu-shift-log": lambda z: (z.relu() + 1e-3).log(),
    "tanh-square-exp": lambda z: (z.tanh() ** 2 * -1.0).exp(),
    "leaky-sigmoid-mul": lambda z: z.leaky_relu(0.2).sigmoid() * z,
}


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("chain", sorted(CHAINS))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_chain_equals_eager_bit_for_bit_on_every_batch(chain, dtype, data):
    elements = st.floats(-800, 800, width=32 if dtype == np.float32 else 64)
    w = Tensor(np.eye(4, dtype=dtype), requires_grad=True)

    def loss_fn(x):
        return CHAINS[chain](x @ w).sum()

    step = Replay(loss_fn, [w])
    batches = [(data.draw(arrays(dtype, (3, 4), elements=elements)),) for _ in range(4)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert_equal_to_eager_on_every_call(loss_fn, [w], batches, step)


def test_maximum_then_exp_overflows_to_the_same_value_as_eager():
    w = Tensor(np.ones((1, 1)), requires_grad=True)

    def loss_fn(x):
        z = x @ w
        return z.maximum(z * 0.5).exp().sum()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert_equal_to_eager_on_every_call(
            loss_fn, [w], [(np.array([[1.0]]),), (np.array([[800.0]]),), (np.array([[-2.0]]),)]
        )


def test_a_weight_made_read_only_after_recording_is_refused_not_written():
    """The fused SGD update (gemm with β = 1) would write into an array flagged read-only;
    the guard sees the flag, records again, and the optimizer refuses the parameter."""
    rng = np.random.default_rng(11)
    w = Tensor(rng.standard_normal((40, 30)), requires_grad=True)
    sgd = optim.SGD([w], lr=0.1)
    x = rng.standard_normal((5, 40))
    step = Replay(lambda batch: functional.mse(batch @ w, np.zeros((5, 30))), [w], optimizer=sgd)
    for _ in range(3):
        step(x)
    w.data.setflags(write=False)
    before = w.data.copy()
    with pytest.warns(ReplayRecorded, match="leaf 0 became read-only"):
        with pytest.raises(EngineInputError, match=r"SGD: parameter 0 .* read-only"):
            step(x)
    assert identical(w.data, before)
