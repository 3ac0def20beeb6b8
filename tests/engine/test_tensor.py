"""The engine: reverse mode over a topological order, accumulation, broadcasting, no_grad."""

from __future__ import annotations

import weakref

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symderive.engine import Tensor, no_grad
from symderive.gradcheck import gradcheck


def test_reused_node_accumulates_both_paths():
    """f = x·x + x: df/dx = 2x + 1 (the copy gate sums the upstream gradients)."""
    x = Tensor(np.array([1.5, -2.0]), requires_grad=True)
    (x * x + x).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * x.data + 1)


def test_shared_upstream_arrays_are_not_corrupted_by_accumulation():
    """add passes the same upstream array to both inputs; accumulating must not alias it."""
    a = Tensor(np.ones(3), requires_grad=True)
    b = Tensor(np.ones(3), requires_grad=True)
    s = a + b
    (s + a + b + s).sum().backward()
    np.testing.assert_allclose(a.grad, 3 * np.ones(3))
    np.testing.assert_allclose(b.grad, 3 * np.ones(3))


def test_broadcast_gradient_is_reduced_to_the_input_shape():
    rng = np.random.default_rng(0)
    x = Tensor(rng.standard_normal((4, 3)), requires_grad=True)
    row = Tensor(rng.standard_normal(3), requires_grad=True)
    column = Tensor(rng.standard_normal((4, 1)), requires_grad=True)
    ((x * row + column) ** 2).sum().backward()
    inner = x.data * row.data + column.data
    np.testing.assert_allclose(row.grad, np.sum(2 * inner * x.data, axis=0))
    np.testing.assert_allclose(column.grad, np.sum(2 * inner, axis=1, keepdims=True))
    assert row.grad.shape == (3,) and column.grad.shape == (4, 1)


def test_matmul_follows_the_affine_backward_rules():
    rng = np.random.default_rng(1)
    x = Tensor(rng.standard_normal((5, 4)), requires_grad=True)
    w = Tensor(rng.standard_normal((4, 2)), requires_grad=True)
    upstream = rng.standard_normal((5, 2))
    (x @ w).backward(upstream)
    np.testing.assert_allclose(x.grad, upstream @ w.data.T)
    np.testing.assert_allclose(w.grad, x.data.T @ upstream)


def test_inputs_without_requires_grad_get_no_gradient():
    x = Tensor(np.ones((2, 2)))
    w = Tensor(np.ones((2, 2)), requires_grad=True)
    (x @ w).sum().backward()
    assert x.grad is None and w.grad is not None


def test_backward_on_a_fresh_graph_each_step_and_leaves_accumulate_until_zeroed():
    w = Tensor(np.array([2.0]), requires_grad=True)
    for _ in range(2):
        (w * 3.0).sum().backward()
    np.testing.assert_allclose(w.grad, [6.0])
    w.grad = None
    (w * 3.0).sum().backward()
    np.testing.assert_allclose(w.grad, [3.0])


def test_no_grad_records_nothing():
    w = Tensor(np.ones(2), requires_grad=True)
    with no_grad():
        y = (w * 2).sigmoid()
    assert not y.requires_grad and y.parents == ()
    with pytest.raises(RuntimeError):
        y.sum().backward()


def test_a_long_chain_needs_no_recursion():
    x = Tensor(np.array(0.5), requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.backward()
    assert x.grad == pytest.approx(1.0001**5000)


def test_reductions_reshape_transpose_and_indexing():
    rng = np.random.default_rng(2)
    data = rng.standard_normal((3, 4))
    result = gradcheck(
        lambda a: (a.mean(axis=0) * a.T.reshape(4, 3).sum(axis=1) + a[1:, 2].sum()).sum(),
        [data],
    )
    assert result.passed, result.message()


@settings(max_examples=25, deadline=None)
@given(
    rows=st.integers(1, 4),
    columns=st.integers(1, 4),
    broadcast_row=st.booleans(),
    op=st.sampled_from(["add", "sub", "mul", "div", "maximum"]),
    seed=st.integers(0, 10_000),
)
def test_binary_ops_with_broadcasting_pass_gradcheck(rows, columns, broadcast_row, op, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((rows, columns))
    b_shape = (columns,) if broadcast_row else (rows, 1)
    b = rng.uniform(0.5, 2.0, b_shape)
    operations = {
        "add": lambda u, v: u + v,
        "sub": lambda u, v: u - v,
        "mul": lambda u, v: u * v,
        "div": lambda u, v: u / v,
        "maximum": lambda u, v: u.maximum(v),
    }
    result = gradcheck(lambda u, v: (operations[op](u, v) ** 2).sum(), [a, b], names=["a", "b"])
    assert result.passed, result.message()


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept_through_forward_and_backward(dtype):
    x = Tensor(np.array([[0.5, -1.0]], dtype=dtype), requires_grad=True)
    y = (x.relu() + x.sigmoid() * x.tanh() * 3.0 - 1).mean() * 2
    assert y.dtype == dtype
    y.backward()
    assert x.grad.dtype == dtype


def test_fused_sum_squared_error_equals_the_elementwise_composition():
    from symderive.engine import functional

    rng = np.random.default_rng(5)
    target = rng.standard_normal((4, 3))
    fused = Tensor(rng.standard_normal((4, 3)), requires_grad=True)
    composed = Tensor(fused.data.copy(), requires_grad=True)
    loss_fused = functional.sum_squared_error(fused, target)
    loss_composed = ((composed - target) ** 2).sum()
    loss_fused.backward()
    loss_composed.backward()
    assert loss_fused.item() == pytest.approx(loss_composed.item(), rel=1e-14)
    np.testing.assert_allclose(fused.grad, composed.grad, rtol=1e-14)
    assert loss_composed.parents[0].op == "square"


def test_a_weight_gradient_buffer_is_reused_only_when_nobody_holds_it():
    """∂L/∂W = Xᵀ·G is written into the previous step's array once ``.grad`` was dropped;
    a gradient the caller kept (or a view of it) is never overwritten."""
    rng = np.random.default_rng(12)
    x = Tensor(rng.standard_normal((8, 30)))
    w = Tensor(rng.standard_normal((30, 4)), requires_grad=True)

    def weight_gradient() -> np.ndarray:
        (x @ w).sum().backward()
        gradient = w.grad
        w.grad = None
        return gradient

    def owner(array: np.ndarray) -> np.ndarray:
        return array if array.base is None else array.base

    expected = x.data.T @ np.ones((8, 4))  # ∂Σ(XW)/∂W = Xᵀ·1
    kept = weight_gradient()
    kept_copy = kept.copy()
    row_view = weight_gradient()[0]  # only a view of the second gradient survives
    row_copy = row_view.copy()
    third = weight_gradient()
    np.testing.assert_array_equal(kept, kept_copy)
    np.testing.assert_array_equal(row_view, row_copy)
    assert owner(third) is not owner(kept) and owner(third) is not owner(row_view)
    del kept, row_view
    previous = weakref.ref(owner(third))
    del third
    w.data *= 2.0  # the product does not depend on W: the same gradient, written in place
    fourth = weight_gradient()
    np.testing.assert_allclose(fourth, expected)
    assert owner(fourth) is previous(), "an unshared buffer is reused"


# -- an ndarray on the left of a Tensor (engine review E8) -------------------------------------
@pytest.mark.parametrize(
    "combine, expected",
    [
        (lambda a, t: a * t, lambda a, w: a * w),
        (lambda a, t: a + t, lambda a, w: a + w),
        (lambda a, t: a - t, lambda a, w: a - w),
        (lambda a, t: a / t, lambda a, w: a / w),
        (lambda a, t: a**t, lambda a, w: a**w),
    ],
)
def test_an_ndarray_on_the_left_gives_a_tensor_with_its_gradient(combine, expected):
    """NumPy defers to the Tensor's reflected operator instead of building an object array."""
    a = np.array([1.5, 2.0, 3.0])
    w = Tensor(np.array([0.5, -1.0, 2.0]), requires_grad=True)
    out = combine(a, w)
    assert type(out) is Tensor and out.data.dtype == np.float64
    np.testing.assert_array_equal(out.data, expected(a, w.data))
    out.sum().backward()
    step = 1e-6
    numeric = [
        (expected(a, w.data + step * e).sum() - expected(a, w.data - step * e).sum()) / (2 * step)
        for e in np.eye(3)
    ]
    np.testing.assert_allclose(w.grad, numeric, rtol=1e-7)


def test_an_ndarray_times_a_matrix_tensor_is_the_matrix_product():
    """A·W with A an ndarray: ∂L/∂W = Aᵀ·G ('affine-backward')."""
    a = np.arange(6.0).reshape(2, 3)
    w = Tensor(np.ones((3, 2)), requires_grad=True)
    out = a @ w
    assert type(out) is Tensor
    np.testing.assert_array_equal(out.data, a @ np.ones((3, 2)))
    out.sum().backward()
    np.testing.assert_array_equal(w.grad, a.T @ np.ones((2, 2)))


def test_a_linear_layer_takes_an_ndarray_batch():
    from symderive.engine import nn

    layer = nn.Linear(4, 3, rng=np.random.default_rng(0))
    x = np.arange(20.0).reshape(5, 4)
    out = layer(x)
    assert type(out) is Tensor and out.shape == (5, 3)
    np.testing.assert_array_equal(out.data, (Tensor(x) @ layer.weight + layer.bias).data)


# -- the gradients handed to users are theirs (engine review E12) ------------------------------
def test_the_gradient_of_a_sum_over_an_axis_is_a_writeable_array():
    """Σ_rows copies G to every row (the copy gate); the copies are an array the user can add to."""
    x = Tensor(np.arange(6.0).reshape(2, 3), requires_grad=True)
    (x.sum(axis=0) * np.array([1.0, 2.0, 3.0])).sum().backward()
    np.testing.assert_array_equal(x.grad, [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
    assert x.grad.flags.writeable
    x.grad += 1.0  # a read-only broadcast view raised "output array is read-only"
    np.testing.assert_array_equal(x.grad, [[2.0, 3.0, 4.0], [2.0, 3.0, 4.0]])


def test_two_leaves_of_one_sum_do_not_share_their_gradient():
    """add hands the same upstream to both operands: changing a.grad must not change b.grad."""
    a = Tensor(np.ones(3), requires_grad=True)
    b = Tensor(np.ones(3), requires_grad=True)
    c = a + b
    c.sum().backward()
    assert not np.shares_memory(a.grad, b.grad)
    assert not np.shares_memory(a.grad, c.grad) and not np.shares_memory(b.grad, c.grad)
    a.grad *= 5.0
    np.testing.assert_array_equal(b.grad, np.ones(3))


@pytest.mark.parametrize("view", [lambda x: x.T.T, lambda x: x.reshape(6).reshape(2, 3)])
def test_a_leaf_reached_through_views_owns_its_gradient(view):
    x = Tensor(np.ones((2, 3)), requires_grad=True)
    y = view(x)
    (y * 2.0).sum().backward()
    assert x.grad.flags.writeable and not np.shares_memory(x.grad, y.grad)
    np.testing.assert_array_equal(x.grad, np.full((2, 3), 2.0))


def test_the_seed_passed_to_backward_is_not_kept_as_a_gradient():
    seed = np.ones((2, 3))
    x = Tensor(np.zeros((2, 3)), requires_grad=True)
    x.backward(seed)
    assert x.grad is not seed and not np.shares_memory(x.grad, seed)
    seed[0, 0] = 7.0
    np.testing.assert_array_equal(x.grad, np.ones((2, 3)))
