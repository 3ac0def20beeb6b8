"""The generated step: inlined rules compute what the lambdified rules compute, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from symderive.engine import Replay, Tensor, functional, nn, optim
from symderive.engine.straight_line import CannotInline, Program, inline_lambdified
from symderive.engine.tensor import ENGINE_OPS
from symderive.ops.definitions import ELEMENTWISE


def _operands(op, rng, dtype):
    shape = (3, 4)
    values = []
    for domain in op.domains:
        draw = rng.standard_normal(shape)
        values.append((np.abs(draw) + 0.5 if domain == "positive" else draw).astype(dtype))
    return values


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", sorted(ENGINE_OPS))
def test_every_backward_rule_inlined_into_buffers_equals_its_lambdified_call(name, dtype):
    """The out= printer emits the same ufuncs on the same operands in the same order."""
    rng = np.random.default_rng(sorted(ENGINE_OPS).index(name))
    op = ELEMENTWISE[name]
    inputs = _operands(op, rng, dtype)
    params = [0.01] * len(op.params)
    with np.errstate(all="ignore"):
        out = np.asarray(op.kernel(*inputs, *params), dtype)
    upstream = rng.standard_normal(out.shape).astype(dtype)
    samples = [upstream, *inputs, out, *params]
    inlined = 0
    for rule_of in ENGINE_OPS[name].backward:
        program = Program()
        names = [program.fresh("a") for _ in samples]
        try:
            ((result, _),) = inline_lambdified(program, rule_of, names, samples)
        except CannotInline:
            assert name == "pow", "only the general power is left to its lambdified call"
            continue
        program.emit(f"return {result}")
        step = program.compile(names)
        with np.errstate(all="ignore"):
            expected = np.asarray(rule_of(*samples))
            computed = np.asarray(step(*samples))
        assert computed.dtype == expected.dtype and computed.shape == expected.shape
        np.testing.assert_array_equal(computed, expected)
        inlined += 1
    assert inlined or name == "pow"


def test_a_generated_line_naming_anything_but_its_own_names_is_refused():
    program = Program()
    program.emit("return __import__('os')")
    with pytest.raises(ValueError, match="unexpected name"):
        program.compile()


def test_the_sgd_step_follows_a_weight_given_a_new_array():
    """A leaf whose .data is replaced (same shape) is read from then on, as eager mode would."""
    rng = np.random.default_rng(21)
    x = Tensor(rng.standard_normal((6, 5)))
    y = rng.standard_normal((6, 2))
    start = rng.standard_normal((5, 2))
    replayed, eager = Tensor(start.copy(), True), Tensor(start.copy(), True)
    step = Replay(
        lambda: functional.sum_squared_error(x @ replayed, y),
        [replayed],
        optimizer=optim.SGD([replayed], lr=1e-2),
    )
    eager_optimizer = optim.SGD([eager], lr=1e-2)
    for iteration in range(4):
        if iteration == 2:
            fresh = rng.standard_normal((5, 2))
            replayed.data, eager.data = fresh.copy(), fresh.copy()
        loss = step()
        reference = functional.sum_squared_error(x @ eager, y)
        reference.backward()
        eager_optimizer.step()
        eager_optimizer.zero_grad()
        assert loss.item() == pytest.approx(reference.item(), rel=1e-13)
        np.testing.assert_allclose(replayed.data, eager.data, rtol=1e-13, atol=1e-15)


def test_losses_returned_by_earlier_steps_keep_their_values():
    """A loss rooted in a reduction into a buffer is copied out: step n's loss stays step n's."""
    rng = np.random.default_rng(22)
    model = nn.Linear(3, 2, rng=rng)
    step = Replay(lambda x: (model(x) ** 2).sum(), model.parameters())
    batches = [rng.standard_normal((4, 3)) for _ in range(3)]
    losses = [step(batch) for batch in batches]
    for loss, batch in zip(losses, batches):
        assert loss.item() == (model(Tensor(batch)) ** 2).sum().item()


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_a_non_finite_target_passed_to_a_replayed_step_is_refused(bad):
    """Σ(y − t)² checks its targets on every call: not finite ⇒ the targets are looked at."""
    from symderive.engine import EngineInputError

    rng = np.random.default_rng(23)
    w = Tensor(rng.standard_normal((3, 2)), requires_grad=True)
    step = Replay(lambda x, t: functional.sum_squared_error(x @ w, t), [w])
    step(rng.standard_normal((4, 3)), rng.standard_normal((4, 2)))
    targets = rng.standard_normal((4, 2))
    targets[2, 1] = bad
    with pytest.raises(EngineInputError, match=r"targets must be finite; 1 of 8 entries"):
        step(rng.standard_normal((4, 3)), targets)
    with np.errstate(invalid="ignore"):  # inf·w sums to inf − inf somewhere: NaN, as eagerly
        loss = step(np.full((4, 3), np.inf), rng.standard_normal((4, 2)))
    assert not np.isfinite(loss.item()), "a non-finite prediction propagates, unrefused"
