"""The captured step: record the graph of a loss once, then replay forward and backward.

``Replay(loss_fn, parameters)`` runs ``loss_fn`` once in eager mode to record its graph, then
generates one straight-line Python function for it (:mod:`symderive.engine.straight_line`):
a flat run of NumPy calls over local names, every result written into a buffer allocated at
recording (``ufunc(x, y, buffer)``, ``ndarray.dot(a, b, buffer)``). No Tensor, heap, closure or
dict lookup per step; a gradient that meets another at a node is added into a buffer of its own.
The backward rules are not retyped: each op's lambdified SymPy rule is read back and emitted as
the same ufunc calls in the same order, into buffers (the ``out=`` printer), so the generated
step performs the arithmetic of eager mode.

Elementwise chains are not fused into one derived kernel: a derivative of the composed
definition, simplified, is a different sequence of floating-point operations and differed from
eager mode by 1–2 ULP (and inf against NaN) on batches other than the recorded one. Each op's
backward is inlined as eager mode computes it, which is exact by construction; ``fuse`` now
only selects σ evaluated by its definition into buffers (:data:`EXACT_ABOVE`).

Exactness is checked, not assumed: at recording the compiled step is run on the recorded
inputs, and again on a second batch made from them (:func:`_second_batch_values`: float rows
mixed with their neighbours, integer values and masks moved), and its loss and every gradient
are compared bit for bit with eager mode; a fused plan that differs is replaced by the unfused
one, and an unfused plan that differs leaves the Replay in eager mode (with a warning). The
second batch is what catches a value ``loss_fn`` computed from an argument with NumPy, outside
the recorded operations, which the step could only freeze: a maximum, minimum, sum, sorted
value or count of a value moves on it.

With ``optimizer=optim.SGD(...)`` each call also updates the weights (``backward(); step();
zero_grad()``) inside the same generated function: where SciPy's BLAS is importable the update
of a weight used once by a matrix product is folded into that product's gradient GEMM (``W ← W
− η·XᵀG`` as one ``gemm`` with β = 1, no gradient array), other weights take ``η·g`` into a
buffer and a subtraction. Every update runs after the whole backward, so an error raised in
backward (``np.seterr(over="raise")``) leaves the weights as they were, as in eager mode. The
weights then differ from eager SGD's update by the rounding of one multiply-add, and ``.grad``
stays None. A leaf given a new array, made read-only, or a gradient left pending, sends the call
through the general path (and the optimizer's refusal). Two leaves over one array (tied weights
as two Tensors) are not updated inside the step: the optimizer updates them after backward, in
its own order, exactly as eager mode does (with SGD an event says so).

Data that changes between steps is passed as arguments (``replay(x, labels)``); an array is
copied into the recording's buffers. Values computed from arguments by recorded operations are
recomputed on every call: a loss target computed from an argument is a parent of the loss
node, and a Tensor made from an integer or boolean argument (uint8 images, masks) is cast again
from each call's values (:class:`~symderive.engine.tensor.Recording`). An argument given as a
Tensor with ``requires_grad`` receives its ``.grad`` as in eager mode, before the optimizer's
step (it may be a parameter too). A Python or NumPy scalar argument (``bool``, ``int``,
``float``, ``complex``, ``np.generic``, a ``str`` or None: a flag, a slice bound, a coefficient,
a mode) is passed to ``loss_fn`` unchanged and is part of the guard by value: a new value
records again (a 0-d array argument is guarded by its value too). Gradients handed to ``.grad``
are the leaf's own arrays, never buffers the next call writes.

The guard, checked on every call: each array argument's shape, dtype and ``requires_grad``, and
each scalar (or 0-d array) argument's type and value; each leaf the step reads (listed in
``parameters`` or not) keeps its shape, dtype, memory order and writeability; and every place
through which ``loss_fn`` reaches a leaf (``model.weight``, a layer in a list, a captured
variable, found at recording) still holds the same object. A change re-records the step and
says so: a :class:`ReplayRecorded` warning and a line in :attr:`Replay.events`.

While recording, a float argument reaches ``loss_fn`` as a Tensor that notes a read of its
array from outside the engine (``x.data``, ``x.numpy()``, ``x.item()``;
:class:`_ArgumentTracer`): a value computed from it with NumPy would be frozen, so such a step
runs eagerly, with an event saying which argument was read. A read of a Tensor computed from an
argument (``(x * 2).data``) is not noted; the second batch is what catches that one.

What a Replay cannot follow (eager mode does; see ``docs/replay.md``): anything ``loss_fn``
captured other than its leaves is frozen at recording, by reference (a global flag, an epoch
counter read from outside, a NumPy array captured and edited later: pass such values as
arguments); and a value computed with NumPy from an array argument is frozen unless the second
batch moves it: a function of an argument whose entries are all equal, or one invariant under
both moves of the second batch (``len(set(labels))``, the number of rows), escapes the check.
"""

from __future__ import annotations

import functools
import operator
import sys
import threading
import types
import warnings
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np
import sympy as sp

from symderive.engine import blas, functional
from symderive.engine.straight_line import (
    CannotInline,
    Program,
    inline_lambdified,
    out_argument,
)
from symderive.engine.tensor import ENGINE_OPS, Recording, Tensor, _unbroadcast, no_grad
from symderive.ops import kernels
from symderive.ops.definitions import ELEMENTWISE

EXACT_ABOVE = {"sigmoid": lambda dtype: -kernels.EXP_LIMITS[np.dtype(dtype)]}
"""Ops whose definition evaluated as written is the kernel, bit for bit, where x ≥ the bound.

σ's kernel clamps e^(−x) at e^L and patches x < −L; above −L it performs exactly the operations
of 1/(1 + e^(−x)). A fused step evaluates the lambdified definition there (four ufunc calls
into buffers) and hands any batch with an entry below the bound to the kernel; the test is a
comparison and a ``count_nonzero`` (no reduction). A NaN entry gives NaN either way.
"""

FUSED_UPDATE_MIN_SIZE = 1
"""Fold the update from this many weights on (one gemm call beats a product and two ufuncs
even for a 3×4 matrix, measured)."""


class ReplayRecorded(UserWarning):
    """A :class:`Replay` recorded its graph again (an input's shape or dtype changed)."""


class Replay:
    """A training step captured once and replayed: forward, backward and (optionally) SGD."""

    def __init__(
        self,
        loss_fn: Callable[..., Tensor],
        parameters: Sequence[Tensor],
        *,
        optimizer=None,
        fuse: bool = True,
    ) -> None:
        self.loss_fn = loss_fn
        self.parameters = list(parameters)
        self.optimizer = optimizer
        self.fuse = fuse
        self.events: list[str] = []
        self.recordings = 0
        self.mode = "unrecorded"  # "fused", "unfused" or "eager" once recorded
        self._plan: _Plan | None = None
        self._signature: tuple | None = None
        self._leaves: list[Tensor] = []  # every leaf the step reads (listed in parameters or not)
        self._watched: tuple[_Watched, ...] = ()
        self._input_leaves: list[int] = []  # argument positions whose gradient is handed back

    def __call__(self, *inputs) -> Tensor:
        plan = self._plan
        if not inputs and plan is not None and not self._replaced():
            fast = plan.fast
            if fast is not None:
                # None when a leaf holds a new array, became read-only, or a gradient is pending
                loss = fast()
                if loss is not None:
                    return Tensor(loss)
            if _layout(self._leaves) == self._signature[1]:
                return plan.run(self.optimizer)
        arrays, described = _arguments(inputs)
        signature = (described, _layout(self._leaves))
        replaced = self._replaced()
        if signature != self._signature or replaced:
            return self._record(inputs, arrays, signature, replaced)
        if plan is None:  # eager fallback
            return self._eager_step(inputs, arrays)
        for buffer, array in zip(plan.input_buffers, [a for a in arrays if a is not None]):
            np.copyto(buffer, array)
        if not self._input_leaves:
            return plan.run(self.optimizer)
        # An argument may be a parameter too: its gradient is handed back before the update.
        loss = plan.run(None)
        tracers = plan.leaves[len(plan.leaves) - len(self._input_leaves) :]
        self._hand_input_gradients(inputs, tracers)
        _apply_optimizer(self.optimizer)
        return loss

    # -- guards ---------------------------------------------------------------------------------
    def _replaced(self) -> str:
        """Which attribute or variable holding a leaf the step reads now holds something else."""
        for watched in self._watched:
            if watched.get(watched.key) is not watched.value:
                return f"{watched.where} holds another object than at recording"
        return ""

    def _hand_input_gradients(self, inputs, tracers: Sequence[Tensor]) -> None:
        """An argument given with ``requires_grad`` receives its gradient, as in eager mode."""
        for position, tracer in zip(self._input_leaves, tracers):
            gradient, tracer.grad = tracer.grad, None
            if gradient is None:
                continue
            argument = inputs[position]
            argument.grad = gradient if argument.grad is None else argument.grad + gradient

    # -- recording ----------------------------------------------------------------------------
    def _record(self, inputs, arrays: list[np.ndarray], seen: tuple, replaced: str) -> Tensor:
        """Record ``loss_fn`` on these arguments; ``seen`` is the guard that sent us here."""
        if self._signature is not None:
            message = "Replay: recording again, " + (replaced or _changes(self._signature, seen))
            self.events.append(message)
            warnings.warn(message, ReplayRecorded, stacklevel=3)
        self._plan, self._signature, self.mode = None, None, "unrecorded"
        buffers = [np.array(a, copy=True) for a in arrays if a is not None]
        outer = Recording.start(tuple(b for b in buffers if b.dtype.kind != "f"))
        outer_reads = _ArgumentTracer.start()
        tracers: list = []
        try:
            tracers = _tracers(inputs, buffers, watched=True)
            loss = self.loss_fn(*tracers)
        finally:
            casts = Recording.finish(outer)
            escapes = _ArgumentTracer.finish(outer_reads, tracers)
        if not isinstance(loss, Tensor) or loss.data.size != 1 or not loss.requires_grad:
            raise TypeError(
                "Replay: loss_fn must return a scalar Tensor that depends on a parameter, "
                f"got {type(loss).__name__}"
                + (f" of shape {loss.shape}" if isinstance(loss, Tensor) else "")
            )
        nodes = _graph(loss)
        in_graph = {id(node) for node in nodes}
        tracer_ids = {id(t) for t in tracers if isinstance(t, Tensor)}
        cast_ids = {id(cast) for _, cast in casts}
        leaves = [
            node
            for node in nodes
            if not node.parents
            and node.requires_grad
            and id(node) not in tracer_ids
            and id(node.data) not in cast_ids
        ]
        self._input_leaves = [
            position
            for position, (argument, tracer) in enumerate(zip(inputs, tracers))
            if isinstance(argument, Tensor) and argument.requires_grad and id(tracer) in in_graph
        ]
        input_tracers = [tracers[position] for position in self._input_leaves]
        signature = (seen[0], _layout(leaves))
        if self.recordings == 0:
            self.events.append(f"Replay: recorded for {_describe(signature)}")
        self.recordings += 1
        self._leaves = leaves
        self._watched = _watch(self.loss_fn, leaves)
        plan_leaves = leaves + input_tracers
        eager_grads = _eager_gradients(loss, plan_leaves)
        sources = {id(cast): source for source, cast in casts}

        self._plan, self.mode = None, "eager"
        escape = ""
        if escapes:
            escape = (
                f"Replay: loss_fn read the array of argument {escapes[0]} while recording; "
                "a value computed from it outside the recorded operations would be frozen, "
                "so the step runs eagerly (use Tensor operations, or pass the value as an "
                "argument)"
            )
            self.events.append(escape)
        for fuse in ((True, False) if self.fuse else (False,)) if not escape else ():
            try:
                plan = _Plan(
                    nodes, plan_leaves, buffers, sources, fuse=fuse, optimizer=self.optimizer
                )
            except _CannotCompile as reason:
                self.events.append(f"Replay: cannot compile ({reason}); running eagerly")
                break
            replayed_loss, replayed_grads = plan.check()
            kind = "fused" if fuse else "unfused"
            if not _same_step(replayed_loss, replayed_grads, loss.data, eager_grads):
                self.events.append(f"Replay: the {kind} step differs from eager mode")
                continue
            verdict = self._second_batch(plan, inputs, buffers, leaves)
            if verdict:
                self.events.append(f"Replay: the {kind} step {verdict}")
                continue
            plan.build_fast(self.optimizer)
            if plan.aliased:
                self.events.append(
                    f"Replay: {plan.aliased}; the update runs after backward, in the "
                    "optimizer's order, as in eager mode"
                )
            self._plan, self.mode = plan, kind
            break
        if self._plan is None:
            warnings.warn(
                escape or "Replay: the compiled step did not reproduce eager mode; running eagerly",
                ReplayRecorded,
                stacklevel=3,
            )
        self._signature = signature
        # The recording's own step is the eager one just computed.
        for leaf, grad in zip(plan_leaves, eager_grads):
            leaf.grad = grad if leaf.grad is None else leaf.grad + grad
        self._hand_input_gradients(inputs, input_tracers)
        _apply_optimizer(self.optimizer)
        return Tensor(np.array(loss.data))

    def _second_batch(self, plan: _Plan, inputs, buffers: list[np.ndarray], leaves) -> str:
        """Run the step and eager mode on a second batch made from the arguments: '' when
        identical.

        The recording saw one batch; a value the step froze (computed from an argument outside
        the graph, with NumPy) or arithmetic that differs from eager mode only on other values
        shows here. See :func:`_second_batch_values` for what the second batch is (it keeps
        labels labels and probabilities in [0, 1], and moves a maximum or a sum of floats).
        Nothing to do without array arguments, or when it changes nothing.
        """
        changed = [_second_batch_values(b) for b in buffers]
        if all(np.array_equal(a, b, equal_nan=True) for a, b in zip(changed, buffers)):
            return ""
        originals = [b.copy() for b in buffers]
        saved = [leaf.grad for leaf in leaves]
        try:
            for buffer, values in zip(buffers, changed):
                np.copyto(buffer, values)
            replayed_loss, replayed_grads = plan.check()
            tracers = _tracers(inputs, changed)
            loss = self.loss_fn(*tracers)
            grads = _eager_gradients(
                loss, leaves + [tracers[position] for position in self._input_leaves]
            )
        except Exception as error:  # noqa: BLE001 - any failure means: not verified
            return f"could not be checked on a second batch ({type(error).__name__}: {error})"
        finally:
            for buffer, values in zip(buffers, originals):
                np.copyto(buffer, values)
            for leaf, grad in zip(leaves, saved):
                leaf.grad = grad
        if _same_step(replayed_loss, replayed_grads, loss.data, grads):
            return ""
        return (
            "differs from eager mode on a second batch (a value computed from an argument "
            "outside the recorded operations, e.g. with NumPy, would be frozen)"
        )

    def _eager_step(self, inputs, arrays: list) -> Tensor:
        tracers = [
            x if isinstance(x, Tensor) or a is None else Tensor(a) if a.dtype.kind == "f" else a
            for x, a in zip(inputs, arrays)
        ]
        loss = self.loss_fn(*tracers)
        loss.backward()
        _apply_optimizer(self.optimizer)
        return Tensor(np.array(loss.data))


PYTHON_SCALARS = (bool, int, float, complex, np.generic, str, bytes, type(None))
"""Arguments passed to ``loss_fn`` unchanged and guarded by value: a Python or NumPy scalar
(or a string, or None) may steer control flow (``if use_l2:``, ``mode="l1"``), bound a slice or
be a coefficient, so the step is recorded for its value and a new value records again (with an
event)."""

_SCALAR = "scalar"


def _arguments(inputs) -> tuple[list, tuple]:
    """Each argument's array (None for a scalar) and its part of the guard: (shape, dtype,
    requires_grad) for an array or Tensor, and its value's repr too for a 0-d one; (``_SCALAR``,
    type, repr) for a scalar (repr is exact: it tells -0.0 from 0.0, round-trips every float)."""
    arrays, described = [], []
    for x in inputs:
        if not isinstance(x, Tensor) and isinstance(x, PYTHON_SCALARS):
            arrays.append(None)
            described.append((_SCALAR, type(x), repr(x)))
            continue
        array = np.asarray(x.data if isinstance(x, Tensor) else x)
        arrays.append(array)
        entry = (array.shape, array.dtype, isinstance(x, Tensor) and x.requires_grad)
        # a 0-d array is a scalar too (a slice bound, a flag): by value, which no second
        # batch could move
        described.append(entry + (repr(array.item()),) if array.ndim == 0 else entry)
    return arrays, tuple(described)


def _tracers(inputs, arrays: Sequence[np.ndarray], watched: bool = False) -> list:
    """What ``loss_fn`` receives: a float array as a Tensor with ``requires_grad``, an integer
    or boolean array as the array, a scalar as itself; ``arrays`` holds the arrays in order.
    With ``watched``, the Tensors note a read of their array (:class:`_ArgumentTracer`)."""
    arrays = iter(arrays)
    tracers = []
    for position, x in enumerate(inputs):
        if not isinstance(x, Tensor) and isinstance(x, PYTHON_SCALARS):
            tracers.append(x)
            continue
        array = next(arrays)
        if array.dtype.kind != "f":
            tracers.append(array)
        elif watched:
            tracers.append(_ArgumentTracer.watching(array, position))
        else:
            tracers.append(Tensor(array, requires_grad=True))
    return tracers


_DATA = Tensor.__dict__["data"]  # the slot holding a Tensor's array


class _ArgumentTracer(Tensor):
    """A float argument's Tensor while ``loss_fn`` is recorded: a read of its array from outside
    the engine (``x.data`` in ``loss_fn``, ``x.numpy()``, ``x.item()``) is noted, because a value
    computed from it with NumPy would be frozen in the replayed step. The engine's own reads
    (its operations, ``x.shape``) are not reads by ``loss_fn``. After the recording the Tensor is
    an ordinary Tensor again (no cost per call)."""

    __slots__ = ()
    _local = threading.local()

    @classmethod
    def watching(cls, array: np.ndarray, position: int) -> _ArgumentTracer:
        tracer = cls(array, requires_grad=True)
        cls._local.positions[id(tracer)] = position
        return tracer

    @classmethod
    def start(cls) -> tuple:
        local = cls._local
        outer = getattr(local, "positions", None), getattr(local, "reads", None)
        local.positions, local.reads = {}, []
        return outer

    @classmethod
    def finish(cls, outer: tuple, tracers: Sequence) -> list[str]:
        """The reads noted since :meth:`start` ("0 (x.data)"); the tracers become Tensors."""
        local = cls._local
        reads = local.reads
        local.positions, local.reads = outer
        for tracer in tracers:
            if type(tracer) is cls:
                tracer.__class__ = Tensor
        return reads

    def _note(self, how: str) -> None:
        local = self._local
        position = (getattr(local, "positions", None) or {}).get(id(self))
        if position is not None and local.reads is not None:
            local.reads.append(f"{position} ({how})")

    @property
    def data(self) -> np.ndarray:
        if not sys._getframe(1).f_globals.get("__name__", "").startswith("symderive.engine"):
            self._note(".data")
        return _DATA.__get__(self, Tensor)

    @data.setter
    def data(self, array: np.ndarray) -> None:
        _DATA.__set__(self, array)

    def numpy(self) -> np.ndarray:
        self._note(".numpy()")
        return _DATA.__get__(self, Tensor)

    def item(self) -> float:
        self._note(".item()")
        return _DATA.__get__(self, Tensor).item()


SECOND_BATCH_WEIGHTS = (0.375, 0.25)
"""The second batch mixes each float row with the row before it, (1 − t)·x + t·x′, with t
alternating between these (so that column sums move too)."""


def _second_batch_values(array: np.ndarray) -> np.ndarray:
    """A second batch for the recording's check, made from the first.

    A float array (rows along axis 0; the entries of a single row) is mixed with itself rolled
    by one: row i becomes (1 − tᵢ)·xᵢ + tᵢ·xᵢ₋₁, tᵢ alternating 3/8, 1/4. Each entry stays within
    the range of the entries (probabilities stay in [0, 1], a distribution's row sums to 1 ± ε),
    but the maximum, minimum, sum, column sums and sorted values move unless the entries were
    equal. An integer or boolean array (labels, masks, pixels) is rolled by one entry and each
    value moved to the next within [min, max], cyclically (a mask is negated): labels stay
    labels in the same range, while the count of each value moves with it. So a statistic
    computed with NumPy from an argument (``np.abs(x.data).max()``, ``np.bincount(labels)``)
    differs on the second batch, and a step that froze it is caught.

    Not moved, so not caught: an array whose entries are all equal, and a function of the
    argument that happens to be invariant under both moves (``len(set(labels))``, the number of
    rows). A 0-d array is not moved either: it is guarded by value instead (:func:`_arguments`).
    """
    if array.ndim == 0 or array.size == 0:
        return array.copy()
    if array.dtype.kind == "b":
        return ~np.roll(array, 1).reshape(array.shape)
    if array.dtype.kind in "iu":
        rolled = np.roll(array, 1).reshape(array.shape)
        if array.dtype.itemsize >= 8 and array.dtype.kind == "u":
            return rolled  # no wider type to shift the values in
        wide = rolled.astype(np.int64)
        low, span = wide.min(), int(wide.max()) - int(wide.min()) + 1
        return (low + (wide - low + 1) % span).astype(array.dtype)
    if array.dtype.kind not in "fc":
        return np.roll(array, 1).reshape(array.shape)
    rows = array if array.shape[0] > 1 else array.reshape(-1)
    t = np.resize(np.array(SECOND_BATCH_WEIGHTS, rows.real.dtype), rows.shape[0])
    t = t.reshape((-1,) + (1,) * (rows.ndim - 1))
    mixed = rows * (1 - t) + np.roll(rows, 1, axis=0) * t
    return mixed.astype(array.dtype, copy=False).reshape(array.shape)


def _aliased(leaves: Sequence[Tensor]) -> str:
    """'' unless two leaves' arrays may overlap (tied weights as two Tensors over one array):
    then which. Their updates must not be folded into backward, which still reads them."""
    for i, first in enumerate(leaves):
        for j in range(i + 1, len(leaves)):
            if np.may_share_memory(first.data, leaves[j].data):
                return f"leaves {i} and {j} share memory"
    return ""


class _Watched(NamedTuple):
    """One place the step's leaves are reached through: ``get(key)`` must still be ``value``."""

    get: Callable
    key: object
    value: object
    where: str


def _watch(loss_fn: Callable, leaves: Sequence[Tensor]) -> tuple[_Watched, ...]:
    """The attributes, list entries and closure variables through which ``loss_fn`` reaches
    its leaves (``model.weight``, ``layers[0]``, a captured ``w``), found at recording.

    Searched from the function's closure, its bound ``self`` and the globals it names, through
    objects' attributes, lists, tuples and dicts, a few levels deep; only the places on a path
    to a leaf are kept. Replacing one of them (``model.weight = Tensor(...)``) re-records.
    """
    targets = {id(leaf) for leaf in leaves}
    found: list[_Watched] = []
    seen: dict[int, bool] = {}  # searched already: leads to a leaf or not

    def leads(value, depth: int) -> bool:
        if id(value) in targets:
            return True
        if id(value) in seen:
            return seen[id(value)]
        if depth == 0 or isinstance(value, (Tensor, np.ndarray)):
            return False
        seen[id(value)] = False  # while searching (a cycle)
        seen[id(value)] = hit = _search(value, depth)
        return hit

    def _search(value, depth: int) -> bool:
        if isinstance(value, tuple):  # cannot change: follow it, watch nothing
            return any([leads(item, depth - 1) for item in value[:_WATCH_WIDTH]])
        if isinstance(value, list):
            places = [(_list_entry(value), i, item, f"[{i}]") for i, item in enumerate(value)]
        elif isinstance(value, dict):
            places = [(value.get, k, item, f"[{k!r}]") for k, item in value.items()]
        elif _has_attributes(value):
            attributes = vars(value)
            places = [(attributes.get, k, item, f".{k}") for k, item in attributes.items()]
        else:
            return False
        hit = False
        for get, key, item, where in places[:_WATCH_WIDTH]:
            if leads(item, depth - 1):
                found.append(_Watched(get, key, item, type(value).__name__ + where))
                hit = True
        return hit

    function = getattr(loss_fn, "__func__", loss_fn)
    owner = getattr(loss_fn, "__self__", None)
    if owner is not None:
        leads(owner, _WATCH_DEPTH)
    code = getattr(function, "__code__", None)
    cells = getattr(function, "__closure__", None) or ()
    for name, cell in zip(getattr(code, "co_freevars", ()), cells):
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if leads(value, _WATCH_DEPTH):
            found.append(_Watched(_cell_contents(cell), None, value, name))
    namespace = getattr(function, "__globals__", {})
    for name in getattr(code, "co_names", ()):
        if name in namespace and leads(namespace[name], _WATCH_DEPTH):
            found.append(_Watched(namespace.get, name, namespace[name], name))
    return tuple(found)


_WATCH_DEPTH = 4
_WATCH_WIDTH = 256
"""How far :func:`_watch` looks: levels of attributes/entries, and entries per container."""


def _has_attributes(value) -> bool:
    """A user object (a module, a model): not a class, function, module or NumPy object."""
    return (
        hasattr(value, "__dict__")
        and not isinstance(value, (type, types.ModuleType, types.FunctionType, types.MethodType))
        and not type(value).__module__.startswith("numpy")
    )


def _list_entry(items: list) -> Callable:
    def entry(index: int):
        return items[index] if index < len(items) else None

    return entry


def _cell_contents(cell) -> Callable:
    def contents(_key):
        try:
            return cell.cell_contents
        except ValueError:
            return None

    return contents


def _layout(leaves: Sequence[Tensor]) -> tuple:
    """Shape, dtype, memory order and writeability of every leaf: the part of the guard the
    leaves make (a weight made read-only after recording must reach the optimizer's refusal,
    not the fused update, which would write into it)."""
    return tuple(
        (
            leaf.data.shape,
            leaf.data.dtype,
            (leaf.data.flags.c_contiguous, leaf.data.flags.writeable),
        )
        for leaf in leaves
    )


def _eager_gradients(loss: Tensor, leaves: Sequence[Tensor]) -> list:
    """The gradients one eager backward gives the leaves; their ``.grad`` left as it was."""
    saved = [leaf.grad for leaf in leaves]
    for leaf in leaves:
        leaf.grad = None
    loss.backward()
    gradients = [leaf.grad for leaf in leaves]
    for leaf, grad in zip(leaves, saved):
        leaf.grad = grad
    return gradients


def _same_step(loss_a, grads_a, loss_b, grads_b) -> bool:
    return _identical(loss_a, loss_b) and all(
        (a is None and b is None) or (a is not None and b is not None and _identical(a, b))
        for a, b in zip(grads_a, grads_b)
    )


def _apply_optimizer(optimizer) -> None:
    if optimizer is not None:
        optimizer.step()
        optimizer.zero_grad()


def _describe(signature: tuple) -> str:
    inputs, leaves = signature
    shapes = [_show(entry) for entry in inputs]
    shapes += [f"leaf {shape}/{dtype}" for shape, dtype, _ in leaves]
    return ", ".join(shapes) or "no inputs"


def _changes(old: tuple, new: tuple) -> str:
    """What differs between two signatures: "input 0 (8, 5)/float64 → (4, 5)/float64"."""
    changes = []
    for kind, before, after in (("input", old[0], new[0]), ("leaf", old[1], new[1])):
        if len(before) != len(after):
            changes.append(f"{len(before)} {kind}s → {len(after)}")
            continue
        for position, (was, now) in enumerate(zip(before, after)):
            if _SCALAR in (was[0], now[0]):
                if was != now:
                    changes.append(f"{kind} {position} {_show(was)} → {_show(now)}")
            elif was[:2] != now[:2]:
                changes.append(f"{kind} {position} {was[0]}/{was[1]} → {now[0]}/{now[1]}")
            elif was[3:] != now[3:]:  # a 0-d array argument's value
                changes.append(f"{kind} {position} {was[3]} → {now[3]}")
            elif was != now:
                changes.append(f"{kind} {position} " + _what_changed(kind, was[2], now[2]))
    return "; ".join(changes) or "the leaves changed"


def _show(entry: tuple) -> str:
    """An argument as the guard sees it: "(5, 4)/float64" or "bool True"."""
    if entry[0] == _SCALAR:
        return f"{entry[1].__name__} {entry[2]}"
    return f"{entry[0]}/{entry[1]}"


def _what_changed(kind: str, was, now) -> str:
    if kind == "input":
        return "requires_grad changed"
    (_, was_writeable), (_, now_writeable) = was, now
    if was_writeable != now_writeable:
        return "became read-only" if was_writeable else "became writeable"
    return "is laid out otherwise (memory order)"


def _identical(a, b) -> bool:
    """Bit for bit: same dtype, same shape, same values (NaN where NaN)."""
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)


def _graph(root: Tensor) -> list[Tensor]:
    """Every node the root depends on, in creation order (a topological order)."""
    seen = {id(root): root}
    stack = [root]
    while stack:
        node = stack.pop()
        for parent in node.parents:
            if id(parent) not in seen:
                seen[id(parent)] = parent
                stack.append(parent)
    return sorted(seen.values(), key=lambda node: node.number)


class _CannotCompile(Exception):
    """A node the compiler does not know (the Replay then runs eagerly)."""


class _Plan:
    """One recording compiled into generated straight-line steps (:mod:`.straight_line`).

    ``plain(*leaf_arrays)`` runs forward and backward and returns ``(loss, *leaf_gradients)``;
    ``fast()`` (with ``optim.SGD``) runs forward, backward and the update, and returns the
    loss, or None when a leaf was given a new array or a gradient is pending (then the caller
    takes the general path).
    """

    def __init__(self, nodes, leaves, buffers, sources, *, fuse: bool, optimizer) -> None:
        self.slot = {id(node): index for index, node in enumerate(nodes)}
        self.nodes = nodes
        self.leaves = leaves
        self.leaf_slots = [self.slot[id(leaf)] for leaf in leaves]
        self.input_buffers = buffers
        self.loss_slot = len(nodes) - 1
        self.changing = {id(b) for b in buffers}  # arrays refreshed each call (inputs)
        self.sources = sources  # id(cast array) → the integer argument (or view) it is made from
        leaf_ids = {id(leaf) for leaf in leaves}
        self.needs = [False] * len(nodes)
        for index, node in enumerate(nodes):
            if not node.parents:
                self.needs[index] = id(node) in leaf_ids
            else:
                self.needs[index] = any(self.needs[self.slot[id(p)]] for p in node.parents)
        self.consumers: list[list[int]] = [[] for _ in nodes]
        for index, node in enumerate(nodes):
            for parent in node.parents:
                self.consumers[self.slot[id(parent)]].append(index)
        self.fuse = fuse
        self.sgd_fused_slots: set[int] = self._fusable_updates(optimizer)
        self.plain = self._generate(sgd=False)
        self.fast: Callable[[], np.ndarray | None] | None = None
        self.fast_leaf_data: list[np.ndarray] = []
        self.aliased = ""
        self.source = self.plain.source

    # -- generation ---------------------------------------------------------------------------
    def _generate(self, sgd: bool) -> Callable:
        """The generated step; with ``sgd``, the SGD update too (and the fused GEMMs)."""
        program = Program()
        self._program = program
        self._value: list[str | None] = [None] * len(self.nodes)
        self._grad: list[str | None] = [None] * len(self.nodes)
        self._grad_sample: list = [None] * len(self.nodes)
        self._accumulator: dict[int, str] = {}
        self._aux: dict[int, str] = {}
        self._deferred_updates: list[tuple[int, int]] = []  # (weight, matmul): fused SGD gemms
        self._fresh_loss = False
        arguments = []
        leaf_slots = set(self.leaf_slots)
        if sgd:
            self._emit_guard()
        for slot, node in enumerate(self.nodes):
            if node.parents:
                continue
            if slot in leaf_slots and not sgd:
                self._value[slot] = f"a{slot}"
                arguments.append(f"a{slot}")
            else:
                self._value[slot] = program.constant(node.data, "c")
            source = self.sources.get(id(node.data))
            if source is not None:  # Tensor(integer argument): cast again from this call's values
                program.emit(
                    f"{program.constant(np.copyto, 'f')}({self._value[slot]}, "
                    f"{program.constant(source, 'c')})"
                )
        for slot, node in enumerate(self.nodes):
            if node.parents:
                self._emit_forward(slot, node)
        loss = self._value[self.loss_slot]
        if not self._fresh_loss:  # the loss array must not be a buffer the next call reuses
            copied = program.fresh("v")
            program.emit(f"{copied} = {program.constant(np.array, 'f')}({loss})")
            loss = copied
        fused = self.sgd_fused_slots if sgd else set()
        if fused:
            self._negative_lr = program.fresh("r")
            program.emit(f"{self._negative_lr} = -{program.constant(self._optimizer, 'o')}.lr")
        seed_data = np.asarray(self.nodes[-1].data)
        seed = np.array(1.0, seed_data.dtype).reshape(seed_data.shape)
        self._grad[self.loss_slot] = program.constant(seed, "s")
        self._grad_sample[self.loss_slot] = seed
        for index in range(len(self.nodes) - 1, -1, -1):
            node = self.nodes[index]
            if not node.parents or not self.needs[index]:
                continue
            if self._grad[index] is None:  # no consumer passed a gradient back
                continue
            self._emit_backward(index, node, fused)
        if sgd:
            # Every update after every gradient: an error raised in backward (np.seterr) leaves
            # the weights as they were, as eager mode's backward() raises before step(); a weight
            # sharing memory with another is not read after its update.
            self._emit_sgd(fused)
            for weight, matmul_index in self._deferred_updates:
                self._emit_fused_sgd(weight, matmul_index)
            program.emit(f"return {loss}")
            return program.compile()
        grads = [self._grad[slot] or "None" for slot in self.leaf_slots]
        program.emit(f"return {', '.join([loss, *grads])},")
        return program.compile(arguments)

    def _emit_guard(self) -> None:
        """Leave (return None) unless every leaf holds its recorded array and no grad is set."""
        program = self._program
        conditions = []
        for leaf in self.leaves:
            name = program.constant(leaf, "p")
            data = program.constant(leaf.data, "c")
            conditions.append(f"{name}.data is not {data}")
            # the same array reshaped in place (b.data.shape = ...) is another step
            conditions.append(f"{data}.shape != {program.constant(leaf.data.shape, 'k')}")
            # made read-only since: the optimizer refuses it (the fused gemm would write it)
            conditions.append(f"not {data}.flags.writeable")
            conditions.append(f"{name}.grad is not None")
        for parameter in self._optimizer.parameters:
            conditions.append(f"{program.constant(parameter, 'p')}.grad is not None")
        conditions = list(dict.fromkeys(conditions))
        program.emit(f"if {' or '.join(conditions)}:")
        program.indent()
        program.emit("return None")
        program.dedent()

    def _call(self, function, *arguments: str, out: np.ndarray | None = None) -> str:
        """Emit ``result = function(*arguments[, buffer])``; returns the result's name."""
        program = self._program
        names = list(arguments)
        if out is not None:  # ufuncs and ndarray.dot return their buffer: name it directly
            buffer = program.buffer(out)
            names.append(out_argument(function, buffer))
            program.emit(f"{program.constant(function, 'f')}({', '.join(names)})")
            return buffer
        result = program.fresh("v")
        program.emit(f"{result} = {program.constant(function, 'f')}({', '.join(names)})")
        return result

    def _transposed(self, name: str) -> str:
        """The transpose of a value: a view made once when the value is a fixed array."""
        program = self._program
        fixed = program.namespace.get(name)
        if isinstance(fixed, np.ndarray):
            return program.constant(fixed.T, "c")
        return self._call(np.transpose, name)

    def _emit_forward(self, index: int, node: Tensor) -> None:
        program = self._program
        parents = [self.slot[id(p)] for p in node.parents]
        names = [self._value[p] for p in parents]
        params = [program.constant(value, "k") for value in node.params]
        op = node.op
        if op in ENGINE_OPS:
            kernel = ENGINE_OPS[op].kernel
            if isinstance(kernel, np.ufunc) and not params:
                self._value[index] = self._call(kernel, *names, out=np.asarray(node.data))
            elif self.fuse and op in EXACT_ABOVE and len(parents) == 1 and not params:
                self._value[index] = self._emit_exact_above(node)
            else:
                self._value[index] = self._call(kernel, *names, *params)
            return
        if op == "matmul":
            if node.data.ndim != 2 or any(p.data.ndim != 2 for p in node.parents):
                raise _CannotCompile("matmul of other than matrices")
            self._value[index] = self._call(np.ndarray.dot, *names, out=node.data)
            return
        if op == "sum":
            axis, keepdims = params
            self._value[index] = self._call(
                np.sum, names[0], axis, "None", program.buffer(node.data), keepdims
            )
            return
        if op == "reshape":
            self._value[index] = self._call(np.reshape, names[0], *params)
            return
        if op == "transpose":
            self._value[index] = self._call(np.transpose, names[0], *params)
            return
        if op == "getitem":
            taken = self._call(operator.getitem, names[0], *params)
            self._value[index] = self._call(np.asarray, taken)
            return
        if op == "sse":
            self._emit_sse_forward(index, parents[0], node)
            return
        if op in functional.LOSS_NODES:
            loss_node = functional.LOSS_NODES[op]
            # a target computed by recorded operations is a parent: this call's value
            target = names[1] if len(names) > 1 else params[0]
            program.emit(f"{program.constant(loss_node.check, 'f')}({names[0]}, {target})")
            value, aux = program.fresh("v"), program.fresh("x")
            kernel = program.constant(loss_node.kernel, "f")
            program.emit(f"{value}, {aux} = {kernel}({names[0]}, {target})")
            self._value[index] = self._call(np.asarray, value)
            self._aux[index] = aux
            self._fresh_loss = index == self.loss_slot
            return
        raise _CannotCompile(f"op {op!r}")

    def _emit_exact_above(self, node: Tensor) -> str:
        """σ as its lambdified definition, inlined into buffers, unless an entry is below −L."""
        program = self._program
        (parent,) = node.parents
        x = self._value[self.slot[id(parent)]]
        op = ELEMENTWISE[node.op]
        bound = EXACT_ABOVE[node.op](node.data.dtype)
        result = program.fresh("v")
        mask = program.buffer(np.empty(parent.data.shape, bool))
        program.emit(
            f"{program.constant(np.less, 'u')}({x}, {program.constant(bound, 'k')}, {mask})"
        )
        program.emit(f"if {program.constant(np.count_nonzero, 'f')}({mask}):")
        program.indent()
        program.emit(f"{result} = {program.constant(op.kernel, 'f')}({x})")
        program.dedent()
        program.emit("else:")
        program.indent()
        formula = _definition_formula(node.op)
        try:
            ((name, _),) = inline_lambdified(program, formula, [x], [parent.data])
        except CannotInline:
            name = self._call(formula, x)
        program.emit(f"{result} = {name}")
        program.dedent()
        return result

    def _emit_sse_forward(self, index: int, prediction: int, node: Tensor) -> None:
        program = self._program
        (target,) = node.params
        x = self._value[prediction]
        recomputed = len(node.parents) > 1  # the target is computed from the arguments
        if recomputed:
            target_name = self._value[self.slot[id(node.parents[1])]]
        else:
            target_name = program.constant(target, "c")
        difference = np.empty_like(self.nodes[prediction].data)
        difference_name = program.constant(difference, "b")
        flat = program.constant(difference.reshape(-1), "b")
        program.emit(f"{program.constant(np.subtract, 'u')}({x}, {target_name}, {difference_name})")
        product = self._call(np.ndarray.dot, flat, flat)
        if recomputed or id(target) in self.changing:  # shapes as recorded; finite checked
            check = program.constant(functional.check_squared_error_targets, "f")
            program.emit(f"{check}({product}, {target_name})")
        self._value[index] = self._call(np.asarray, product)
        self._aux[index] = difference_name
        self._fresh_loss = index == self.loss_slot

    # -- backward -------------------------------------------------------------------------------
    def _deliver(self, parent: int, name: str, sample) -> None:
        """Hand one gradient to ``parent``: the first is bound, later ones are added."""
        existing = self._grad[parent]
        if existing is None:
            self._grad[parent], self._grad_sample[parent] = name, sample
            return
        program = self._program
        data = np.asarray(self.nodes[parent].data)
        accumulator = self._accumulator.get(parent)
        if accumulator is None:
            accumulator = self._accumulator[parent] = program.buffer(data)
        before = self._grad_sample[parent]
        total = np.add(before, sample)
        if np.asarray(total).dtype != data.dtype or np.shape(total) != data.shape:
            self._grad[parent] = self._call(np.add, existing, name)
        else:
            added = program.fresh("v")
            program.emit(
                f"{added} = {program.constant(np.add, 'u')}({existing}, {name}, {accumulator})"
            )
            self._grad[parent] = added
        self._grad_sample[parent] = total

    def _unbroadcast_to(self, name: str, sample, parent: int) -> tuple[str, object]:
        data = np.asarray(self.nodes[parent].data)
        if np.shape(sample) == data.shape and np.asarray(sample).dtype == data.dtype:
            return name, sample
        program = self._program
        shape, dtype = program.constant(data.shape, "k"), program.constant(data.dtype, "k")
        return self._call(_unbroadcast, name, shape, dtype), _unbroadcast(
            np.asarray(sample), data.shape, data.dtype
        )

    def _emit_backward(self, index: int, node: Tensor, fused: set[int]) -> None:
        program = self._program
        upstream, upstream_sample = self._grad[index], self._grad_sample[index]
        parents = [self.slot[id(p)] for p in node.parents]
        op = node.op
        if op in ENGINE_OPS:
            values = [self._value[p] for p in parents]
            params = [program.constant(value, "k") for value in node.params]
            arguments = [upstream, *values, self._value[index], *params]
            samples = [upstream_sample, *[p.data for p in node.parents], node.data, *node.params]
            for parent, rule_of in zip(parents, ENGINE_OPS[op].backward):
                if not self.needs[parent]:
                    continue
                with np.errstate(all="ignore"):
                    sample = rule_of(*samples)
                try:
                    ((name, sample),) = inline_lambdified(program, rule_of, arguments, samples)
                except CannotInline:
                    name = self._call(rule_of, *arguments)
                self._deliver(parent, *self._unbroadcast_to(name, sample, parent))
            return
        if op == "matmul":
            self._emit_matmul_backward(index, parents, fused)
            return
        (x,) = parents[:1]
        shape = np.asarray(self.nodes[x].data).shape
        if op == "sum":
            axis, keepdims = node.params
            if axis is None:
                copies = np.empty(shape, np.asarray(node.data).dtype)
                copies_name = program.constant(copies, "b")
                program.emit(f"{program.constant(np.ndarray.fill, 'f')}({copies_name}, {upstream})")
                self._deliver(x, copies_name, copies)
                return
            expanded = upstream
            if not keepdims:
                expanded = self._call(np.expand_dims, upstream, program.constant(axis, "k"))
            name = self._call(np.broadcast_to, expanded, program.constant(shape, "k"))
            self._deliver(
                x, name, np.broadcast_to(np.zeros((), np.asarray(upstream_sample).dtype), shape)
            )
            return
        if op == "reshape":
            name = self._call(np.reshape, upstream, program.constant(shape, "k"))
            self._deliver(x, name, np.reshape(upstream_sample, shape))
            return
        if op == "transpose":
            (axes,) = node.params
            inverse = None if axes is None else tuple(np.argsort(axes))
            name = self._call(np.transpose, upstream, program.constant(inverse, "k"))
            self._deliver(x, name, np.transpose(upstream_sample, inverse))
            return
        if op == "getitem":
            (item,) = node.params
            gradient = self._call(np.zeros_like, self._value[x])
            add_at = program.constant(np.add.at, "f")
            program.emit(f"{add_at}({gradient}, {program.constant(item, 'k')}, {upstream})")
            self._deliver(x, gradient, np.zeros_like(self.nodes[x].data))
            return
        if op == "sse":
            difference = self._aux[index]
            sample = np.asarray(self.nodes[x].data)
            if index == self.loss_slot:  # the upstream is the seed 1: 2·g is a constant
                twice_seed = program.constant(2 * np.asarray(upstream_sample), "k")
                name = self._call(np.multiply, difference, twice_seed, out=sample)
            else:
                twice = self._call(np.multiply, program.constant(2, "k"), upstream)
                name = self._call(np.multiply, difference, twice, out=sample)
            self._deliver(x, name, sample)
            return
        if op in functional.LOSS_NODES:
            aux = self._aux[index]
            program.emit(f"{program.constant(np.multiply, 'u')}({aux}, {upstream}, {aux})")
            self._deliver(x, aux, np.asarray(self.nodes[x].data))
            return
        raise _CannotCompile(f"op {op!r}")

    def _emit_matmul_backward(self, index: int, parents: list[int], fused: set[int]) -> None:
        program = self._program
        upstream = self._grad[index]
        a, b = parents
        dtype = self.nodes[index].data.dtype
        a_data, b_data = self.nodes[a].data, self.nodes[b].data
        if self.needs[a] and a not in fused:
            b_transposed = self._transposed(self._value[b])
            sample = np.empty(a_data.shape, dtype)
            self._deliver(a, self._call(np.ndarray.dot, upstream, b_transposed, out=sample), sample)
        if self.needs[b] and b not in fused:
            sample = np.empty(b_data.shape, dtype)
            gemm = blas.routine("gemm", dtype)
            upstream_sample = np.asarray(self._grad_sample[index])
            if gemm is not None and upstream_sample.dtype == dtype and a_data.dtype == dtype:
                # blas.transposed_product, as eager mode computes it, into a buffer
                buffer = program.buffer(sample)
                self._emit_gemm(
                    gemm,
                    program.constant(1.0, "k"),
                    (self._transposed(upstream), 0),
                    (self._transposed(self._value[a]), 1),
                    0.0,
                    program.namespace[buffer].T,
                )
                self._deliver(b, buffer, sample)
            else:
                a_transposed = self._transposed(self._value[a])
                gradient = self._call(np.ndarray.dot, a_transposed, upstream, out=sample)
                self._deliver(b, gradient, sample)
        # Fused SGD after the whole backward (see _generate): the other operand's gradient
        # above, and every gradient below, still read the old weights.
        for weight in (a, b):
            if weight in fused:
                self._deferred_updates.append((weight, index))

    def _emit_fused_sgd(self, weight: int, matmul_index: int) -> None:
        """W ← W − η·(L·R) as one gemm with β = 1, where L·R is W's gradient.

        For M = A·B: the gradient of B is Aᵀ·G, of A it is G·Bᵀ. W in C order is Wᵀ in Fortran
        order, so the call computes Wᵀ ← Wᵀ − η·Rᵀ·Lᵀ, reading the C arrays as they lie.
        """
        leaf = self.nodes[weight]
        gemm = blas.routine("gemm", leaf.data.dtype)
        a, b = (self.slot[id(p)] for p in self.nodes[matmul_index].parents)
        upstream = self._grad[matmul_index]
        upstream_sample = np.asarray(self._grad_sample[matmul_index])
        if weight == b:  # L = Aᵀ, R = G: Rᵀ = Gᵀ, Lᵀ = A
            first = self._fortran_operand(upstream, upstream_sample, transposed=True)
            second = self._fortran_operand(self._value[a], self.nodes[a].data, transposed=False)
        else:  # L = G, R = Bᵀ: Rᵀ = B, Lᵀ = Gᵀ
            first = self._fortran_operand(self._value[b], self.nodes[b].data, transposed=False)
            second = self._fortran_operand(upstream, upstream_sample, transposed=True)
        self._emit_gemm(gemm, self._negative_lr, first, second, 1.0, leaf.data.T)

    def _emit_gemm(self, gemm, alpha: str, first, second, beta: float, c: np.ndarray) -> None:
        """C ← alpha·op(first)·op(second) + beta·C in place (C a Fortran-ordered view);
        ``first``/``second`` are (name, trans). Positional: f2py parses them fastest."""
        program = self._program
        (first_name, trans_first), (second_name, trans_second) = first, second
        arguments = [
            alpha,
            first_name,
            second_name,
            program.constant(beta, "k"),
            program.constant(c, "c"),
            program.constant(trans_first, "k"),
            program.constant(trans_second, "k"),
            program.constant(1, "k"),  # overwrite_c
        ]
        program.emit(f"{program.constant(gemm, 'f')}({', '.join(arguments)})")

    def _fortran_operand(self, name: str, sample: np.ndarray, transposed: bool):
        """(name, trans) with op(array) == sample (or its transpose): Fortran order, no copy.

        Decided on the recorded sample; an array laid out otherwise at run time is still read
        correctly (SciPy copies it), only slower.
        """
        sample = sample.T if transposed else sample
        source = self._transposed(name) if transposed else name
        if sample.flags.f_contiguous:
            return source, 0
        if sample.flags.c_contiguous:
            return (name if transposed else self._transposed(source)), 1
        return self._call(np.asfortranarray, source), 0

    def _emit_sgd(self, fused: set[int]) -> None:
        """w ← w − η·g for the leaves not folded into a GEMM (η·g into a buffer, subtracted)."""
        program = self._program
        optimizer = program.constant(self._optimizer, "o")
        learning_rate = None
        for slot, leaf in zip(self.leaf_slots, self.leaves):
            if slot in fused or self._grad[slot] is None:
                continue
            sample = np.asarray(self._grad_sample[slot])
            if sample.shape != leaf.data.shape or sample.dtype != leaf.data.dtype:
                raise _NoFastPath(f"the gradient of a {leaf.data.shape} weight")
            if learning_rate is None:
                learning_rate = program.fresh("r")
                program.emit(f"{learning_rate} = {optimizer}.lr")
            weights = program.constant(leaf.data, "c")
            scaled = program.buffer(leaf.data)
            program.emit(
                f"{program.constant(np.multiply, 'u')}({self._grad[slot]}, {learning_rate}, "
                f"{scaled})"
            )
            program.emit(f"{program.constant(np.subtract, 'u')}({weights}, {scaled}, {weights})")

    # -- optimizer ------------------------------------------------------------------------------
    def _fusable_updates(self, optimizer) -> set[int]:
        """Weights whose SGD update can be folded into their only gradient GEMM."""
        from symderive.engine import optim

        self._optimizer = optimizer
        if type(optimizer) is not optim.SGD:
            return set()
        updated = {id(p) for p in optimizer.parameters}
        fusable = set()
        for slot, leaf in zip(self.leaf_slots, self.leaves):
            data = leaf.data
            consumers = self.consumers[slot]
            if (
                id(leaf) in updated
                and len(consumers) == 1
                and self.nodes[consumers[0]].op == "matmul"
                and data.ndim == 2
                and data.flags.c_contiguous
                and blas.routine("gemm", data.dtype) is not None  # SciPy importable
                and data.size >= FUSED_UPDATE_MIN_SIZE
                and self.nodes[consumers[0]].data.dtype == data.dtype
                and all(p.data.ndim == 2 for p in self.nodes[consumers[0]].parents)
                and self.nodes[consumers[0]].parents[0] is not self.nodes[consumers[0]].parents[1]
            ):
                fusable.add(slot)
        return fusable

    def build_fast(self, optimizer) -> None:
        """The generated step with its SGD update, where every leaf is an SGD parameter."""
        from symderive.engine import optim

        self.fast = None
        if type(optimizer) is not optim.SGD:
            return
        optimized = {id(p) for p in optimizer.parameters}
        if any(id(leaf) not in optimized for leaf in self.leaves):
            return
        # Tied weights over one array: eager SGD updates it once per Tensor after backward;
        # the fast step would update during backward (fused) or in another order.
        self.aliased = _aliased(self.leaves)
        if self.aliased:
            return
        self.sgd_fused_slots = self._fusable_updates(optimizer)  # for the arrays bound now
        try:
            self.fast = self._generate(sgd=True)
        except _NoFastPath:
            return
        self.fast_leaf_data = [leaf.data for leaf in self.leaves]

    # -- running --------------------------------------------------------------------------------
    def check(self) -> tuple[np.ndarray, list]:
        """One step on the recorded inputs without touching the leaves: (loss, gradients)."""
        with no_grad():
            loss, *grads = self.plain(*[leaf.data for leaf in self.leaves])
        return np.array(loss), [np.array(g) for g in grads]

    def run(self, optimizer) -> Tensor:
        fast = self.fast
        if fast is not None:
            loss = fast()
            if loss is not None:
                return Tensor(loss)
            if any(leaf.data is not data for leaf, data in zip(self.leaves, self.fast_leaf_data)):
                self.build_fast(optimizer)  # a leaf holds a new array: bind it from now on
        loss, *grads = self.plain(*[leaf.data for leaf in self.leaves])
        for leaf, gradient in zip(self.leaves, grads):
            if gradient is None:
                continue
            # A gradient is (a view of) a buffer the next call overwrites: the leaf gets its
            # own array, as every eager backward gives one (the user may keep it).
            leaf.grad = np.array(gradient) if leaf.grad is None else leaf.grad + gradient
        _apply_optimizer(optimizer)
        return Tensor(loss)


class _NoFastPath(Exception):
    """The SGD step cannot be generated (a gradient's shape or dtype is not its weight's)."""


@functools.cache
def _definition_formula(name: str) -> Callable[..., np.ndarray]:
    """The op's elementary definition lambdified for NumPy (exact above :data:`EXACT_ABOVE`)."""
    op = ELEMENTWISE[name]
    elementary = getattr(op, "elementary", None)  # the definition in exp/log, where kept
    expression = elementary if elementary is not None else op.definition.rewrite(sp.exp)
    return sp.lambdify(op.inputs, expression, modules="numpy")
