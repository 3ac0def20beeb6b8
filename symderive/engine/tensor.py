"""Tensor: an ndarray with ``.grad``, reverse-mode differentiation over a topological order.

Every elementwise operation takes its forward kernel and its backward rule from
:mod:`symderive.ops` (the backward was derived by SymPy from the op's definition and lambdified
once); matrix operations use the rules of the catalog ('affine-backward': ∂L/∂X = G·Wᵀ,
∂L/∂W = Xᵀ·G). Broadcasting is undone in the backward by summing the gradient down to the
input's shape. Gradients of reused nodes accumulate; leaves keep accumulating across calls to
:meth:`Tensor.backward` until the optimizer's ``zero_grad``.

Topological order: every tensor gets a creation number, and a node is always created after its
parents, so "newest first" is a reverse topological order. :meth:`Tensor.backward` walks the
graph with a heap keyed by that number — sorting and the backward pass are one iterative loop,
with no recursion and no separate DFS.

Kink convention (as in :mod:`symderive.ops.definitions`): relu'(0) = 0, leaky_relu'(0) = α,
``maximum`` gives a tie to its first argument.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from symderive.engine import blas, checks
from symderive.ops.definitions import ELEMENTWISE
from symderive.ops.derive import rule

Gradients = Sequence["np.ndarray | None"]


class _GradMode:
    """Whether operations record the graph (switched off inside :func:`no_grad`)."""

    enabled = True


@contextmanager
def no_grad() -> Iterator[None]:
    """Evaluate without recording a graph (inference, optimizer updates)."""
    previous = _GradMode.enabled
    _GradMode.enabled = False
    try:
        yield
    finally:
        _GradMode.enabled = previous


_creation_numbers = itertools.count()


class Recording:
    """Set by a :class:`~symderive.engine.replay.Replay` while it records its step.

    A Tensor made from one of the step's integer or boolean arguments (or a NumPy view of one)
    is a cast the replayed step must redo on every call: it is noted here, and it records the
    operations applied to it (``requires_grad``) so that values computed from it are part of
    the graph. Outside a recording nothing is noted. The state is per thread, and a recording
    started inside another (a Replay called by a ``loss_fn`` being recorded) restores the outer
    one when it finishes (:meth:`start`, :meth:`finish`).
    """

    _local = threading.local()

    @classmethod
    def start(cls, sources: tuple[np.ndarray, ...]) -> tuple:
        """Record casts of ``sources`` in this thread; returns the state to give :meth:`finish`."""
        local = cls._local
        outer = getattr(local, "sources", ()), getattr(local, "casts", None)
        local.sources, local.casts = sources, []
        return outer

    @classmethod
    def finish(cls, outer: tuple) -> list[tuple[np.ndarray, np.ndarray]]:
        """The casts noted since :meth:`start`; the state before it is restored."""
        local = cls._local
        casts = local.casts
        local.sources, local.casts = outer
        return casts

    @classmethod
    def active(cls) -> bool:
        return getattr(cls._local, "casts", None) is not None

    @classmethod
    def noticed(cls, source: np.ndarray, cast: np.ndarray) -> bool:
        local = cls._local
        for argument in local.sources:
            if source is argument or np.shares_memory(source, argument):
                local.casts.append((source, cast))
                return True
        return False


class EngineOp:
    """An elementwise op bound for the hot path: its kernel, and its backward on first use.

    One object per entry of :data:`symderive.ops.ELEMENTWISE`; the Tensor methods hold them
    directly, so applying an op costs no registry lookup.
    """

    __slots__ = ("name", "kernel", "_backward")

    def __init__(self, name: str) -> None:
        self.name = name
        self.kernel = ELEMENTWISE[name].kernel
        self._backward: tuple[Callable[..., np.ndarray], ...] | None = None

    @property
    def backward(self) -> tuple[Callable[..., np.ndarray], ...]:
        """``g·∂op/∂input_i`` lambdified from the SymPy derivative (derived once, then kept)."""
        if self._backward is None:
            self._backward = rule(self.name).backward
        return self._backward


ENGINE_OPS: dict[str, EngineOp] = {name: EngineOp(name) for name in ELEMENTWISE}


def _unbroadcast(gradient: np.ndarray, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """Sum a gradient over the axes that broadcasting added or stretched, back to ``shape``."""
    if gradient.shape != shape:
        gradient = np.asarray(gradient)
        extra = gradient.ndim - len(shape)
        if extra:
            gradient = gradient.sum(axis=tuple(range(extra)))
        stretched = tuple(i for i, n in enumerate(shape) if n == 1 and gradient.shape[i] != 1)
        if stretched:
            gradient = gradient.sum(axis=stretched, keepdims=True)
        if gradient.shape != shape:
            gradient = np.broadcast_to(gradient, shape)
    if gradient.dtype != dtype:
        gradient = gradient.astype(dtype)
    return gradient


def _leaf_gradient(upstream: np.ndarray, handed: set[int]) -> np.ndarray:
    """The array a leaf keeps as ``.grad``: writeable and its own.

    A rule may pass on a read-only broadcast view (Σ over an axis), the array it received (add
    hands the same upstream to both operands, reshape and transpose a view of it) or the seed
    the caller passed: those are copied, so ``leaf.grad += …`` changes no other gradient and
    never fails. A fresh result (every product, every derived rule) is kept as it is.
    """
    base = upstream.base
    if (
        not upstream.flags.writeable
        or id(upstream) in handed
        or (base is not None and id(base) in handed)
    ):
        upstream = upstream.copy()
    handed.add(id(upstream))
    return upstream


class Tensor:
    """An ndarray that remembers how it was computed, for reverse-mode differentiation."""

    # NumPy defers to the reflected operators: ``ndarray * Tensor`` and ``ndarray @ Tensor``
    # call Tensor.__rmul__ / __rmatmul__ and give a Tensor, not an object array of Tensors.
    __array_ufunc__ = None

    __slots__ = (
        "data",
        "grad",
        "requires_grad",
        "parents",
        "backward_rule",
        "op",
        "params",
        "number",
        "spare",
    )

    def __init__(
        self,
        data,
        requires_grad: bool = False,
        *,
        parents: tuple[Tensor, ...] = (),
        backward_rule: Callable[[np.ndarray], Gradients] | None = None,
        op: str = "",
        params: tuple = (),
    ) -> None:
        array = data if isinstance(data, np.ndarray) else np.asarray(data)
        if array.dtype.kind != "f":
            source, array = array, array.astype(np.float64)
            if Recording.active():  # a Replay is recording: follow its integer inputs
                requires_grad = Recording.noticed(source, array) or requires_grad
        self.data = array
        self.grad: np.ndarray | None = None
        self.requires_grad = requires_grad
        self.parents = parents
        self.backward_rule = backward_rule
        self.op = op
        self.params = params  # what the op needs besides its parents (replay reads it)
        self.number = next(_creation_numbers)
        self.spare: np.ndarray | None = None  # the last weight gradient, reused when unshared

    # -- inspection -------------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    @property
    def ndim(self) -> int:
        return self.data.ndim

    def numpy(self) -> np.ndarray:
        return self.data

    def item(self) -> float:
        return self.data.item()

    def __repr__(self) -> str:
        grad = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor({self.data!r}{grad})"

    # -- reverse mode -------------------------------------------------------------------------
    def topological_order(self) -> list[Tensor]:
        """The nodes :meth:`backward` visits, parents after children (newest first)."""
        order = []
        seen = {self.number}
        heap = [(-self.number, self)]
        while heap:
            _, node = heapq.heappop(heap)
            order.append(node)
            for parent in node.parents:
                if parent.requires_grad and parent.number not in seen:
                    seen.add(parent.number)
                    heapq.heappush(heap, (-parent.number, parent))
        return order

    def backward(self, gradient: np.ndarray | None = None) -> None:
        """Accumulate ∂self/∂leaf into every leaf's ``.grad`` (seed 1 for a scalar)."""
        if not self.requires_grad:
            raise RuntimeError("backward() on a tensor that does not require a gradient")
        if gradient is None:
            if self.data.size != 1:
                raise RuntimeError("backward() needs an explicit gradient for a non-scalar")
            gradient = np.array(1.0, self.data.dtype).reshape(self.data.shape)
        seed = np.asarray(gradient, self.data.dtype)
        pending: dict[int, np.ndarray] = {self.number: seed}
        owned: set[int] = set()  # gradients we allocated ourselves, safe to add to in place
        handed = {id(seed)}  # arrays (and their bases) already handed out as some .grad
        heap = [(-self.number, self)]
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            _, node = pop(heap)
            upstream = pending.pop(node.number)
            if node.backward_rule is None:  # a leaf
                if node.grad is None:
                    node.grad = _leaf_gradient(upstream, handed)
                else:
                    node.grad = node.grad + upstream
                continue
            node.grad = upstream
            handed.add(id(upstream))
            if upstream.base is not None:
                handed.add(id(upstream.base))
            for parent, contribution in zip(node.parents, node.backward_rule(upstream)):
                if contribution is None:
                    continue
                key = parent.number
                existing = pending.get(key)
                if existing is None:
                    pending[key] = contribution
                    push(heap, (-key, parent))
                elif key in owned:
                    existing += contribution
                else:
                    pending[key] = existing + contribution
                    owned.add(key)

    # -- elementwise operations (rules derived in symderive.ops) ------------------------------
    def __add__(self, other) -> Tensor:
        return apply_op(_ADD, self, other)

    def __radd__(self, other) -> Tensor:
        return apply_op(_ADD, other, self)

    def __sub__(self, other) -> Tensor:
        return apply_op(_SUB, self, other)

    def __rsub__(self, other) -> Tensor:
        return apply_op(_SUB, other, self)

    def __mul__(self, other) -> Tensor:
        return apply_op(_MUL, self, other)

    def __rmul__(self, other) -> Tensor:
        return apply_op(_MUL, other, self)

    def __truediv__(self, other) -> Tensor:
        return apply_op(_DIV, self, other)

    def __rtruediv__(self, other) -> Tensor:
        return apply_op(_DIV, other, self)

    def __neg__(self) -> Tensor:
        return apply_op(_NEG, self)

    def __pow__(self, exponent) -> Tensor:
        if isinstance(exponent, (int, float)) and exponent == 2:
            return apply_op(_SQUARE, self)  # x·x: no general pow in forward or backward
        return apply_op(_POW, self, exponent)

    def __rpow__(self, base) -> Tensor:
        return apply_op(_POW, base, self)

    def exp(self) -> Tensor:
        return apply_op(_EXP, self)

    def log(self) -> Tensor:
        return apply_op(_LOG, self)

    def sigmoid(self) -> Tensor:
        return apply_op(_SIGMOID, self)

    def tanh(self) -> Tensor:
        return apply_op(_TANH, self)

    def relu(self) -> Tensor:
        return apply_op(_RELU, self)

    def leaky_relu(self, alpha: float = 0.01) -> Tensor:
        return apply_op(_LEAKY_RELU, self, params=(alpha,))

    def maximum(self, other) -> Tensor:
        return apply_op(_MAXIMUM, self, other)

    # -- matrix operations ('affine-backward') --------------------------------------------------
    def __matmul__(self, other) -> Tensor:
        return matmul(self, other)

    def __rmatmul__(self, other) -> Tensor:
        return matmul(other, self)

    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        return reduce_sum(self, axis, keepdims)

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        count = self.data.size if axis is None else _axis_count(self.data.shape, axis)
        if count == 0:
            over = "all axes" if axis is None else f"axis {axis}"
            raise checks.EngineInputError(
                "mean",
                f"a Tensor of shape {self.data.shape} has no entries over {over}: "
                "a mean over nothing is undefined (an empty batch?)",
            )
        return reduce_sum(self, axis, keepdims) * (1.0 / count)

    def reshape(self, *shape) -> Tensor:
        return reshape(self, shape[0] if len(shape) == 1 else shape)

    def transpose(self, *axes) -> Tensor:
        return transpose(self, axes or None)

    @property
    def T(self) -> Tensor:  # noqa: N802 - numpy's name
        return transpose(self, None)

    def __getitem__(self, index) -> Tensor:
        return take(self, index)


_ADD, _SUB, _MUL, _DIV, _NEG, _POW, _SQUARE = (
    ENGINE_OPS[name] for name in ("add", "sub", "mul", "div", "neg", "pow", "square")
)
_EXP, _LOG, _SIGMOID, _TANH, _RELU, _LEAKY_RELU, _MAXIMUM = (
    ENGINE_OPS[name] for name in ("exp", "log", "sigmoid", "tanh", "relu", "leaky_relu", "maximum")
)


def as_tensor(value) -> Tensor:
    """A Tensor as is; anything else becomes a constant (no gradient)."""
    return value if isinstance(value, Tensor) else Tensor(value)


def _constant(value, other) -> Tensor:
    """A constant operand; a Python number takes the other operand's dtype (float32 stays so)."""
    if isinstance(value, (int, float)) and isinstance(other, Tensor):
        return Tensor(np.asarray(value, dtype=other.data.dtype))
    return Tensor(value)


def _records(*tensors: Tensor) -> bool:
    if not _GradMode.enabled:
        return False
    for tensor in tensors:
        if tensor.requires_grad:
            return True
    return False


def elementwise(name: str, *operands, params: tuple = ()) -> Tensor:
    """Apply the op ``name`` of :data:`symderive.ops.ELEMENTWISE` and record its backward."""
    return apply_op(ENGINE_OPS[name], *operands, params=params)


def apply_op(op: EngineOp, *operands, params: tuple = ()) -> Tensor:
    """The forward kernel of ``op`` now; its derived backward, bound to the operands, for later."""
    kernel = op.kernel
    if len(operands) == 1:
        (x,) = operands
        x = x if isinstance(x, Tensor) else Tensor(x)
        out = kernel(x.data, *params)
        if not (_GradMode.enabled and x.requires_grad):
            return Tensor(out)
        (backward_x,) = op.backward
        x_data = x.data

        def unary_backward(upstream: np.ndarray) -> Gradients:
            gradient = backward_x(upstream, x_data, out, *params)
            if gradient.shape != x_data.shape or gradient.dtype != x_data.dtype:
                gradient = _unbroadcast(gradient, x_data.shape, x_data.dtype)
            return (gradient,)

        return Tensor(
            out, True, parents=(x,), backward_rule=unary_backward, op=op.name, params=params
        )

    x, y = operands
    if not isinstance(y, Tensor):
        y = _constant(y, x)
    if not isinstance(x, Tensor):
        x = _constant(x, y)
    out = kernel(x.data, y.data, *params)
    if not (_GradMode.enabled and (x.requires_grad or y.requires_grad)):
        return Tensor(out)
    backward_x, backward_y = op.backward
    x_data, y_data = x.data, y.data
    x_needs, y_needs = x.requires_grad, y.requires_grad

    def binary_backward(upstream: np.ndarray) -> Gradients:
        grad_x = grad_y = None
        if x_needs:
            grad_x = _unbroadcast(
                backward_x(upstream, x_data, y_data, out, *params), x_data.shape, x_data.dtype
            )
        if y_needs:
            grad_y = _unbroadcast(
                backward_y(upstream, x_data, y_data, out, *params), y_data.shape, y_data.dtype
            )
        return grad_x, grad_y

    return Tensor(
        out, True, parents=(x, y), backward_rule=binary_backward, op=op.name, params=params
    )


def matmul(a, b) -> Tensor:
    """A·B with ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G ('affine-backward').

    Matrices go through ``ndarray.dot`` (the same BLAS gemm as ``@``, without the gufunc
    machinery that costs a few µs per call on small matrices); other ranks through ``@``.
    """
    a = as_tensor(a)
    b = as_tensor(b)
    a_data, b_data = a.data, b.data
    try:
        out = a_data.dot(b_data) if a_data.ndim == 2 == b_data.ndim else a_data @ b_data
    except ValueError:
        checks.matmul_shapes(a_data, b_data)
        raise
    if not _records(a, b):
        return Tensor(out)
    a_needs, b_needs = a.requires_grad, b.requires_grad
    if a_data.ndim != 2 or b_data.ndim != 2:

        def general_backward(upstream: np.ndarray) -> Gradients:
            return (
                upstream @ np.swapaxes(b_data, -1, -2) if a_needs else None,
                np.swapaxes(a_data, -1, -2) @ upstream if b_needs else None,
            )

        if a_data.ndim < 2 or b_data.ndim < 2:
            raise checks.EngineInputError(
                "matmul",
                f"operands of shapes {a_data.shape} and {b_data.shape}: gradients need matrices "
                "(reshape vectors to (1, n) or (n, 1))",
            )
        return Tensor(out, True, parents=(a, b), backward_rule=general_backward, op="matmul")

    holder = b if b.backward_rule is None else None  # a weight: its gradient buffer is reused

    def matmul_backward(upstream: np.ndarray) -> Gradients:
        return (
            upstream.dot(b_data.T) if a_needs else None,
            blas.transposed_product(a_data, upstream, holder) if b_needs else None,
        )

    return Tensor(out, True, parents=(a, b), backward_rule=matmul_backward, op="matmul")


def _axis_count(shape: tuple[int, ...], axis: int | tuple[int, ...]) -> int:
    axes = axis if isinstance(axis, tuple) else (axis,)
    return int(np.prod([shape[a] for a in axes]))


def reduce_sum(x: Tensor, axis=None, keepdims: bool = False) -> Tensor:
    """Σ over ``axis``; the backward copies G to every summed entry (the copy gate, reversed)."""
    out = x.data.sum(axis=axis, keepdims=keepdims)
    if not _records(x):
        return Tensor(out)
    shape = x.data.shape

    def sum_backward(upstream: np.ndarray) -> Gradients:
        if axis is None:
            copies = np.empty(shape, upstream.dtype)
            copies.fill(upstream)
            return (copies,)
        if not keepdims:
            upstream = np.expand_dims(upstream, axis)
        return (np.broadcast_to(upstream, shape),)

    return Tensor(
        out, True, parents=(x,), backward_rule=sum_backward, op="sum", params=(axis, keepdims)
    )


def reshape(x: Tensor, shape) -> Tensor:
    """A view of a different shape; the gradient is reshaped back."""
    out = x.data.reshape(shape)
    if not _records(x):
        return Tensor(out)
    original = x.data.shape
    return Tensor(
        out,
        True,
        parents=(x,),
        backward_rule=lambda g: (g.reshape(original),),
        op="reshape",
        params=(shape,),
    )


def transpose(x: Tensor, axes=None) -> Tensor:
    """Permuted axes; the gradient is permuted back with the inverse permutation."""
    out = np.transpose(x.data, axes)
    if not _records(x):
        return Tensor(out)
    inverse = None if axes is None else tuple(np.argsort(axes))
    return Tensor(
        out,
        True,
        parents=(x,),
        backward_rule=lambda g: (np.transpose(g, inverse),),
        op="transpose",
        params=(axes,),
    )


def take(x: Tensor, index) -> Tensor:
    """x[index]; the gradient scatters G back, adding where an index repeats.

    A Tensor in the index indexes by its values if they are integers or booleans (it carries
    no gradient); a float Tensor is refused with the way to say it."""
    index = _plain_index(index)
    out = x.data[index]
    if not _records(x):
        return Tensor(out)
    x_data = x.data

    def take_backward(upstream: np.ndarray) -> Gradients:
        gradient = np.zeros_like(x_data)
        np.add.at(gradient, index, upstream)
        return (gradient,)

    return Tensor(
        np.asarray(out),
        True,
        parents=(x,),
        backward_rule=take_backward,
        op="getitem",
        params=(index,),
    )


def _plain_index(index):
    """``index`` with each Tensor replaced by its array (integers or booleans only)."""
    if isinstance(index, tuple):
        return tuple(_plain_index(part) for part in index)
    if not isinstance(index, Tensor):
        return index
    if index.data.dtype.kind not in "iub":
        raise checks.EngineInputError(
            "getitem",
            f"a Tensor index of shape {index.data.shape} holds {index.data.dtype}: index "
            "with an array of integers or booleans (e.g. index.data.astype(int))",
        )
    return index.data


def concatenate_grads(tensors: Sequence[Tensor]) -> np.ndarray:
    """All ``.grad`` arrays flattened into one vector (zeros where a grad is missing)."""
    return np.concatenate(
        [(t.grad if t.grad is not None else np.zeros_like(t.data)).ravel() for t in tensors]
    )
