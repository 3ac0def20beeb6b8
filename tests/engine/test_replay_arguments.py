"""A captured step equals eager mode on every call, whatever the arguments are and however the
parameters lie in memory (the second adversarial review of the engine, N1–N6, N13).

Python scalars are passed to ``loss_fn`` as themselves and guarded by value; a parameter passed
as an argument gets its gradient before the update; two parameters over one array are updated
as eager SGD updates them; a weight made read-only is refused; a statistic of the batch computed
with NumPy is caught by the second batch. Each case is compared with eager mode bit for bit.
"""

from __future__ import annotations

import math
import threading
import warnings

import numpy as np
import pytest

from symderive.engine import (
    EngineInputError,
    Replay,
    ReplayRecorded,
    Tensor,
    functional,
    optim,
    replay,
)

from .test_replay_every_call import assert_equal_to_eager_on_every_call, identical


@pytest.fixture(autouse=True)
def _quiet_recordings():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReplayRecorded)
        yield


def weight(rng, shape=(4, 3)) -> Tensor:
    return Tensor(rng.standard_normal(shape), requires_grad=True)


# -- N1: a Python bool steering control flow ------------------------------------------------------
def test_a_python_flag_takes_the_branch_of_each_call():
    rng = np.random.default_rng(0)
    w, x, t = weight(rng), rng.standard_normal((5, 4)), rng.standard_normal((5, 3))

    def loss_fn(x, use_l2):
        loss = functional.mse(x @ w, t)
        return loss + 10.0 * (w * w).sum() if use_l2 else loss

    step = assert_equal_to_eager_on_every_call(
        loss_fn, [w], [(x, True), (x, False), (x, False), (x, True)]
    )
    assert step.mode != "eager"
    assert "Replay: recording again, input 1 bool True → bool False" in step.events


def test_a_string_or_none_argument_reaches_loss_fn_unchanged():
    rng = np.random.default_rng(17)
    w, x, t = weight(rng), rng.standard_normal((5, 4)), rng.standard_normal((5, 3))
    received = []

    def loss_fn(x, mode, extra):
        received.append((type(mode), extra))
        error = x @ w - Tensor(t)
        loss = (error * error).sum() if mode == "l2" else (error * error * error * error).sum()
        return loss if extra is None else loss * extra

    assert_equal_to_eager_on_every_call(
        loss_fn, [w], [(x, "l2", None), (x, "l4", None), (x, "l4", 2.0), (x, "l2", None)]
    )
    assert {kind for kind, _ in received} == {str}


def test_a_new_flag_value_is_announced_by_a_warning():
    rng = np.random.default_rng(1)
    w, x = weight(rng), rng.standard_normal((5, 4))
    step = Replay(lambda x, on: (x @ w).sum() * 2.0 if on else (x @ w).sum(), [w])
    step(x, True)
    with pytest.warns(ReplayRecorded, match="input 1 bool True → bool False"):
        step(x, False)


# -- N2: an int bounding a slice ------------------------------------------------------------------
@pytest.mark.parametrize(
    "loss_of",
    [
        lambda x, k, w: (((x[:k] * 2.0) @ w) ** 2).sum(),  # an elementwise op over the slice
        lambda x, k, w: ((x[:k] @ w) ** 2).sum(),  # the slice straight into a product
    ],
    ids=["scaled", "plain"],
)
def test_an_int_slice_bound_takes_each_call_value(loss_of):
    rng = np.random.default_rng(2)
    w, x = weight(rng), rng.standard_normal((6, 4))
    step = assert_equal_to_eager_on_every_call(
        lambda x, k: loss_of(x, k, w), [w], [(x, 4), (x, 1), (x, 6), (x, 4)]
    )
    assert step.recordings == 4  # one per change of k


def test_a_zero_dimensional_array_is_guarded_by_its_value():
    rng = np.random.default_rng(16)
    w, x = weight(rng), rng.standard_normal((6, 4))

    def loss_fn(x, k, scale):
        taken = x[:k] * 2.0 if float(np.asarray(scale.data)) > 0 else x[:k]
        return ((taken @ w) ** 2).sum() * scale

    batches = [(x, np.array(k), np.array(s)) for k, s in ((4, 1.5), (1, 1.5), (1, -2.0), (6, 0.5))]
    step = assert_equal_to_eager_on_every_call(loss_fn, [w], batches)
    assert "Replay: recording again, input 1 4 → 1" in step.events


# -- N14: a float argument stays a float ----------------------------------------------------------
def test_a_float_argument_reaches_loss_fn_as_a_float():
    rng = np.random.default_rng(3)
    w, x = weight(rng), rng.standard_normal((5, 4))
    received = []

    def leaky(x, alpha):
        received.append(type(alpha))
        return ((x @ w).leaky_relu(alpha) ** 2).sum()

    def tempered(x, temperature):
        return ((x @ w) * math.exp(-temperature)).sum()

    assert_equal_to_eager_on_every_call(leaky, [w], [(x, 0.1), (x, 0.1), (x, 0.25)])
    assert set(received) == {float}
    assert_equal_to_eager_on_every_call(tempered, [w], [(x, 0.5), (x, 0.5), (x, -0.0), (x, 0.0)])


def test_negative_zero_is_another_value_than_zero():
    rng = np.random.default_rng(4)
    w, x = weight(rng), rng.standard_normal((5, 4))
    step = Replay(lambda x, s: (x @ w).sum() * (1.0 / s if s else 1.0), [w])
    step(x, 0.0)
    step(x, -0.0)
    assert step.recordings == 2
    assert "input 1 float 0.0 → float -0.0" in step.events[-1]


# -- N6: a weight made read-only after recording, no arguments ------------------------------------
def test_a_weight_made_read_only_is_refused_on_the_no_argument_path():
    rng = np.random.default_rng(5)
    x, t = Tensor(rng.standard_normal((5, 4))), rng.standard_normal((5, 3))
    w = weight(rng)
    step = Replay(lambda: functional.mse(x @ w, t), [w], optimizer=optim.SGD([w], lr=0.1))
    step()
    step()
    w.data.setflags(write=False)
    before = w.data.copy()
    with pytest.raises(EngineInputError, match="SGD: parameter 0 .* is a read-only array"):
        step()
    assert identical(w.data, before)
    assert "became read-only" in step.events[-1]


# -- N4: a parameter passed as an argument --------------------------------------------------------
def test_a_parameter_passed_as_an_argument_is_updated_with_this_steps_gradient():
    rng = np.random.default_rng(6)
    x, t, start = (
        rng.standard_normal((5, 4)),
        rng.standard_normal((5, 3)),
        rng.standard_normal((4, 3)),
    )

    def run(replay: bool):
        w = Tensor(start.copy(), requires_grad=True)
        optimizer = optim.SGD([w], lr=0.1)
        step = Replay(lambda x, w: functional.mse(x @ w, t), [], optimizer=optimizer)
        losses = []
        for _ in range(4):
            if replay:
                losses.append(step(x, w).data)
            else:
                loss = functional.mse(Tensor(x) @ w, t)
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                losses.append(loss.data)
        return losses, w.data, w.grad

    eager_losses, eager_w, eager_grad = run(False)
    replay_losses, replay_w, replay_grad = run(True)
    assert all(identical(a, b) for a, b in zip(replay_losses, eager_losses))
    assert identical(replay_w, eager_w)
    assert replay_grad is None and eager_grad is None


# -- N5: two parameters over one array (tied weights) ---------------------------------------------
@pytest.mark.parametrize("optimizer", [optim.SGD, optim.Momentum])
def test_tied_weights_over_one_array_update_as_in_eager_mode(optimizer):
    rng = np.random.default_rng(7)
    x, t = rng.standard_normal((6, 4)), rng.standard_normal((6, 4))
    shared, first = rng.standard_normal((4, 4)), rng.standard_normal((4, 4))

    def run(replay: bool):
        array = shared.copy()
        w0 = Tensor(first.copy(), requires_grad=True)
        w1, w2 = Tensor(array, requires_grad=True), Tensor(array, requires_grad=True)
        params = [w0, w1, w2]
        opt = optimizer(params, lr=0.05)

        def loss_fn(x):
            return functional.mse(((x @ w0).tanh() @ w1).tanh() @ w2, t)

        step = Replay(loss_fn, params, optimizer=opt)
        losses = []
        for _ in range(4):
            if replay:
                losses.append(step(x).data)
            else:
                loss = loss_fn(Tensor(x))
                loss.backward()
                opt.step()
                opt.zero_grad()
                losses.append(loss.data)
        return losses, [p.data.copy() for p in params], step

    eager_losses, eager_weights, _ = run(False)
    replay_losses, replay_weights, step = run(True)
    assert step.mode != "eager"
    assert all(identical(a, b) for a, b in zip(replay_losses, eager_losses))
    assert all(identical(a, b) for a, b in zip(replay_weights, eager_weights))
    if optimizer is optim.SGD:
        assert any("leaves 1 and 2 share memory" in event for event in step.events)


# -- N3: a NumPy statistic of the batch, invariant under a roll -----------------------------------
@pytest.mark.parametrize(
    "statistic",
    [
        lambda x: np.abs(x.data).max(),
        lambda x: x.data.min() - 1.0,
        lambda x: np.sort(x.data.reshape(-1))[-2],
        lambda x: np.abs(x.data.sum(axis=0)).max() + 1.0,
        lambda x: np.abs(np.round(x.data)).sum() + 1.0,
    ],
    ids=["max-abs", "min", "sorted", "column-sums", "sum-of-integers"],
)
def test_a_numpy_statistic_of_the_batch_is_never_frozen(statistic):
    rng = np.random.default_rng(8)
    w, t = weight(rng), rng.standard_normal((5, 3))

    def loss_fn(x):
        return functional.mse((x / float(statistic(x))) @ w, t)

    batches = [(rng.standard_normal((5, 4)) * scale,) for scale in (1.0, 100.0, 0.01)]
    step = assert_equal_to_eager_on_every_call(loss_fn, [w], batches)
    assert step.mode == "eager"
    assert any("loss_fn read the array of argument 0 (.data)" in e for e in step.events)


@pytest.mark.parametrize(
    "read",
    [lambda x: x.numpy().max(), lambda x: x.reshape(-1)[:1].item(), lambda x: (x * x).data.max()],
    ids=["numpy()", "item() of a slice", "data of a product"],
)
def test_every_way_of_reading_an_argument_array_is_noticed(read):
    """A read of the argument itself is noticed while recording; a read of a Tensor computed
    from it is caught by the second batch."""
    rng = np.random.default_rng(18)
    w, t = weight(rng), rng.standard_normal((5, 3))

    def loss_fn(x):
        return functional.mse((x * (1.0 + abs(float(read(x))))) @ w, t)

    batches = [(rng.standard_normal((5, 4)),) for _ in range(3)]
    step = assert_equal_to_eager_on_every_call(loss_fn, [w], batches)
    assert step.mode == "eager"
    assert (
        "loss_fn read the array of argument 0" in step.events[-1]
        or "differs from eager mode on a second batch" in step.events[-1]
    )


def test_reading_the_shape_of_an_argument_is_not_an_escape():
    rng = np.random.default_rng(19)
    w, t = weight(rng), rng.standard_normal((5, 3))

    def loss_fn(x):
        return functional.mse(x.reshape(x.shape[0], -1) @ w * (1.0 / x.shape[0]), t)

    batches = [(rng.standard_normal((5, 4)),) for _ in range(3)]
    assert assert_equal_to_eager_on_every_call(loss_fn, [w], batches).mode != "eager"


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_second_batch_moves_every_statistic_and_keeps_the_range(dtype):
    """The mixed second batch stays within [min, max] of the first, entry by entry within the
    range of its column, and moves its maximum, minimum and column sums."""
    rng = np.random.default_rng(20)
    first = rng.uniform(size=(7, 3)).astype(dtype)
    second = replay._second_batch_values(first)
    assert second.dtype == first.dtype and second.shape == first.shape
    assert (second >= first.min(axis=0)).all() and (second <= first.max(axis=0)).all()
    assert second.max() != first.max() and second.min() != first.min()
    assert (second.sum(axis=0) != first.sum(axis=0)).all()
    labels = np.array([0, 0, 2, 1, 2, 2])
    moved = replay._second_batch_values(labels)
    assert set(moved) <= {0, 1, 2} and np.bincount(moved)[0] != np.bincount(labels)[0]


def test_a_statistic_of_the_labels_is_never_frozen():
    rng = np.random.default_rng(14)
    w = weight(rng)

    def loss_fn(x, y):  # weighted by how rare class 0 is in the batch (unchanged by a roll)
        weight_of_class_0 = 6.0 / (1.0 + np.count_nonzero(y == 0))
        return functional.softmax_cross_entropy(x @ w, y) * weight_of_class_0

    batches = [
        (rng.standard_normal((6, 4)), np.array(labels))
        for labels in ([0, 0, 0, 1, 1, 2], [0, 1, 2, 2, 2, 2], [1, 1, 1, 1, 0, 2])
    ]
    step = assert_equal_to_eager_on_every_call(loss_fn, [w], batches)
    assert any("differs from eager mode on a second batch" in event for event in step.events)


def test_the_second_batch_keeps_probabilities_and_labels_valid():
    rng = np.random.default_rng(9)
    w = weight(rng)
    probabilities = rng.uniform(size=(6, 3))
    probabilities[0, 0], probabilities[1, 1] = 0.0, 1.0
    labels = np.array([0, 1, 2, 2, 1, 0])

    def loss_fn(x, p, y):
        return functional.binary_cross_entropy(
            (x @ w).sigmoid(), p
        ) + functional.softmax_cross_entropy(x @ w, y)

    x = rng.standard_normal((6, 4))
    step = assert_equal_to_eager_on_every_call(
        loss_fn, [w], [(x, probabilities, labels), (x * 2, probabilities[::-1].copy(), labels)]
    )
    assert step.mode != "eager", step.events


# -- N13: a Replay called while another records ---------------------------------------------------
def test_a_replay_called_inside_another_recording():
    rng = np.random.default_rng(10)
    w, v = weight(rng), weight(rng)
    inner = Replay(lambda x: (x @ v).sum(), [v])

    def outer(x, mask):
        inner(x)  # e.g. a logging step
        return functional.mse((x @ w) * mask, np.zeros((5, 3)))

    x = rng.standard_normal((5, 4))
    ones, zeros = np.ones((5, 3), np.int64), np.zeros((5, 3), np.int64)
    assert_equal_to_eager_on_every_call(outer, [w], [(x, ones), (x, zeros), (x, ones)])


# -- N12: a step that fails writes nothing --------------------------------------------------------
def test_an_error_in_backward_leaves_every_weight_as_eager_mode_does():
    rng = np.random.default_rng(11)
    x, t = rng.standard_normal((4, 3)), np.zeros((4, 2))
    w1, w2 = weight(rng, (3, 3)), weight(rng, (3, 2))
    scale = Tensor(np.array(1.0))

    def loss_fn(x):
        return functional.mse((((x @ w1) ** 2) * scale).log() @ w2, t)

    step = Replay(loss_fn, [w1, w2], optimizer=optim.SGD([w1, w2], lr=1e-3))
    step(x)
    step(x)
    before = [w1.data.copy(), w2.data.copy()]
    scale.data[...] = 1e-310  # log of a subnormal: its backward g/x overflows
    with np.errstate(over="raise"):
        with pytest.raises(FloatingPointError):
            loss_fn(Tensor(x)).backward()  # eager mode raises in backward, before step()
        w1.grad = w2.grad = None
        with pytest.raises(FloatingPointError):
            step(x)
    assert identical(w1.data, before[0]) and identical(w2.data, before[1])


@pytest.mark.parametrize("optimizer", list(optim.OPTIMIZERS.values()), ids=list(optim.OPTIMIZERS))
def test_an_optimizer_refuses_a_step_before_writing_any_parameter(optimizer):
    rng = np.random.default_rng(12)
    w, b = weight(rng), Tensor(np.zeros(3), requires_grad=True)
    b.data.setflags(write=False)
    opt = optimizer([w, b], lr=0.1)
    functional.mse(Tensor(rng.standard_normal((5, 4))) @ w + b, np.ones((5, 3))).backward()
    before = w.data.copy()
    with pytest.raises(EngineInputError, match="parameter 1 .* is a read-only array"):
        opt.step()
    assert identical(w.data, before)
    assert getattr(opt, "steps", 0) == 0


# -- N15: optimizer state made for another shape --------------------------------------------------
@pytest.mark.parametrize("optimizer", [optim.Momentum, optim.Adam, optim.AdaGrad, optim.RMSProp])
def test_state_of_another_shape_is_refused_before_any_update(optimizer):
    rng = np.random.default_rng(13)
    x = rng.standard_normal((5, 4))
    w, b = weight(rng), Tensor(np.zeros((1, 3)), requires_grad=True)
    opt = optimizer([w, b], lr=0.1)
    step = Replay(lambda x: functional.mse(x @ w + b, np.zeros((5, 3))), [w, b], optimizer=opt)
    step(x)
    step(x)
    b.data = np.zeros((5, 3))
    before = w.data.copy()
    with pytest.raises(
        EngineInputError,
        match=r"parameter 1 has shape \(5, 3\) but the optimizer's state for it was made for "
        r"shape \(1, 3\)",
    ):
        step(x)
    assert identical(w.data, before)


def test_recordings_in_two_threads_follow_their_own_integer_arguments():
    """Thread A records, B starts recording, A finishes, then B casts its mask: B's cast is
    still noticed (the recording state is per thread, not one process-wide slot)."""
    rng = np.random.default_rng(15)
    w, v = weight(rng), weight(rng)
    x = rng.standard_normal((5, 4))
    ones, zeros = np.ones((5, 3), np.int64), np.zeros((5, 3), np.int64)
    a_recording, b_recording, a_finished = threading.Event(), threading.Event(), threading.Event()
    first_call = {"a": True, "b": True}

    def loss_a(x, mask):
        if first_call["a"]:
            first_call["a"] = False
            a_recording.set()
            assert b_recording.wait(30)
        return functional.mse((x @ v) * Tensor(mask), np.zeros((5, 3)))

    def loss_b(x, mask):
        if first_call["b"]:
            first_call["b"] = False
            b_recording.set()
            assert a_finished.wait(30)
        return functional.mse((x @ w) * Tensor(mask), np.zeros((5, 3)))

    def record_a():
        Replay(loss_a, [v])(x, ones)
        a_finished.set()

    thread = threading.Thread(target=record_a)
    thread.start()
    assert a_recording.wait(30)
    step = Replay(loss_b, [w])
    step(x, ones)
    thread.join()
    w.grad = v.grad = None
    assert step.mode != "eager", step.events
    assert_equal_to_eager_on_every_call(loss_b, [w], [(x, zeros), (x, ones)], step=step)
