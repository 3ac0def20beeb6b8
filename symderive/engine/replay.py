"""The captured step: record the graph of a loss once, then replay forward and backward.

``Replay(loss_fn, parameters)`` runs ``loss_fn`` once in eager mode to record its graph, then
generates one straight-line Python function for it (:mod:`symderive.engine.straight_line`):
a flat run of NumPy calls over local names, every result written into a buffer allocated at
recording (``ufunc(x, y, buffer)``, ``ndarray.dot(a, b, buffer)``). No Tensor, heap, closure or
dict lookup per step; a gradient that meets another at a node is added into a buffer of its own.
The backward rules are not retyped: each op's lambdified SymPy rule is read back and emitted as
the same ufunc calls in the same order, into buffers (the ``out=`` printer), so the generated
step performs the arithmetic of eager mode.

Elementwise chains (an op whose only consumer is the next op of the chain, same shape) are
fused: their backward is one function lambdified with CSE from the SymPy derivative of the
*composed* definition (the chain rule done symbolically), in which every intermediate value is
replaced by the forward value the forward already computed (σ(b + m)' = out·(1 − out)); it is
inlined the same way.

Exactness is checked, not assumed: at recording the compiled step is run on the recorded
inputs and its loss and every gradient are compared bit for bit with eager mode; a fused plan
that differs is replaced by the unfused one, and an unfused plan that differs leaves the
Replay in eager mode (with a warning). With ``optimizer=optim.SGD(...)`` each call also
updates the weights (``backward(); step(); zero_grad()``) inside the same generated function:
where SciPy's BLAS is importable the update of a weight used once by a matrix product is folded
into that product's gradient GEMM (``W ← W − η·XᵀG`` as one ``gemm`` with β = 1, no gradient
array), other weights take ``η·g`` into a buffer and a subtraction. The weights then differ
from eager SGD's update by the rounding of one multiply-add, and ``.grad`` stays None. A leaf
given a new array, or a gradient left pending, sends the call through the general path.

Data that changes between steps is passed as arguments (``replay(x, labels)``); it is copied
into the recording's buffers. Anything else ``loss_fn`` captured is frozen at recording, by
reference. A change of any argument's or parameter's shape or dtype re-records the step and
says so: a :class:`ReplayRecorded` warning and a line in :attr:`Replay.events`.
"""

from __future__ import annotations

import functools
import operator
import warnings
from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp

from symderive.engine import blas, functional
from symderive.engine.straight_line import (
    CannotInline,
    Program,
    inline_lambdified,
    out_argument,
)
from symderive.engine.tensor import ENGINE_OPS, Tensor, _unbroadcast, no_grad
from symderive.ops import kernels
from symderive.ops.definitions import ELEMENTWISE, UPSTREAM

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
        self._parameter_data: list[np.ndarray] = []

    def __call__(self, *inputs) -> Tensor:
        plan = self._plan
        if not inputs and plan is not None:
            fast = plan.fast
            if fast is not None:
                loss = fast()  # None when a leaf holds a new array or a gradient is pending
                if loss is not None:
                    return Tensor(loss)
            for leaf, data in zip(self.parameters, self._parameter_data):
                if leaf.data is not data:
                    break
            else:  # the same arrays as last call: shapes and dtypes cannot have changed
                return plan.run(self.optimizer)
        arrays = [np.asarray(x.data if isinstance(x, Tensor) else x) for x in inputs]
        self._parameter_data = [p.data for p in self.parameters]
        signature = (
            tuple((a.shape, a.dtype) for a in arrays),
            tuple((p.data.shape, p.data.dtype, p.data.flags.c_contiguous) for p in self.parameters),
        )
        if signature != self._signature:
            return self._record(arrays, signature)
        plan = self._plan
        if plan is None:  # eager fallback
            return self._eager_step(arrays)
        for buffer, array in zip(plan.input_buffers, arrays):
            np.copyto(buffer, array)
        return plan.run(self.optimizer)

    # -- recording ----------------------------------------------------------------------------
    def _record(self, arrays: list[np.ndarray], signature: tuple) -> Tensor:
        if self._signature is not None:
            message = "Replay: recording again, " + _changes(self._signature, signature)
            self.events.append(message)
            warnings.warn(message, ReplayRecorded, stacklevel=3)
        else:
            self.events.append(f"Replay: recorded for {_describe(signature)}")
        self._plan, self._signature, self.mode = None, None, "unrecorded"
        self.recordings += 1
        buffers = [np.array(a, copy=True) for a in arrays]
        tracers = [Tensor(b, requires_grad=True) if b.dtype.kind == "f" else b for b in buffers]
        loss = self.loss_fn(*tracers)
        if not isinstance(loss, Tensor) or loss.data.size != 1 or not loss.requires_grad:
            raise TypeError(
                "Replay: loss_fn must return a scalar Tensor that depends on a parameter, "
                f"got {type(loss).__name__}"
                + (f" of shape {loss.shape}" if isinstance(loss, Tensor) else "")
            )
        nodes = _graph(loss)
        tracer_ids = {id(t) for t in tracers if isinstance(t, Tensor)}
        leaves = [
            node
            for node in nodes
            if not node.parents and node.requires_grad and id(node) not in tracer_ids
        ]
        saved = [leaf.grad for leaf in leaves]
        for leaf in leaves:
            leaf.grad = None
        loss.backward()
        eager_grads = [leaf.grad for leaf in leaves]
        for leaf, grad in zip(leaves, saved):
            leaf.grad = grad

        self._plan, self.mode = None, "eager"
        for fuse in (True, False) if self.fuse else (False,):
            try:
                plan = _Plan(nodes, leaves, buffers, fuse=fuse, optimizer=self.optimizer)
            except _CannotCompile as reason:
                self.events.append(f"Replay: cannot compile ({reason}); running eagerly")
                break
            replayed_loss, replayed_grads = plan.check()
            if _identical(replayed_loss, loss.data) and all(
                _identical(a, b) for a, b in zip(replayed_grads, eager_grads)
            ):
                plan.build_fast(self.optimizer)
                self._plan, self.mode = plan, "fused" if fuse else "unfused"
                break
            self.events.append(
                f"Replay: the {'fused' if fuse else 'unfused'} step differs from eager mode"
            )
        if self._plan is None:
            warnings.warn(
                "Replay: the compiled step did not reproduce eager mode; running eagerly",
                ReplayRecorded,
                stacklevel=3,
            )
        self._signature = signature
        # The recording's own step is the eager one just computed.
        for leaf, grad in zip(leaves, eager_grads):
            leaf.grad = grad if leaf.grad is None else leaf.grad + grad
        _apply_optimizer(self.optimizer)
        return Tensor(np.array(loss.data))

    def _eager_step(self, arrays: list[np.ndarray]) -> Tensor:
        tracers = [Tensor(a) if a.dtype.kind == "f" else a for a in arrays]
        loss = self.loss_fn(*tracers)
        loss.backward()
        _apply_optimizer(self.optimizer)
        return Tensor(np.array(loss.data))


def _apply_optimizer(optimizer) -> None:
    if optimizer is not None:
        optimizer.step()
        optimizer.zero_grad()


def _describe(signature: tuple) -> str:
    inputs, parameters = signature
    shapes = [f"{shape}/{dtype}" for shape, dtype in inputs]
    shapes += [f"param {shape}/{dtype}" for shape, dtype, _ in parameters]
    return ", ".join(shapes) or "no inputs"


def _changes(old: tuple, new: tuple) -> str:
    """What differs between two signatures: "input 0 (8, 5)/float64 → (4, 5)/float64"."""
    changes = []
    for kind, before, after in (("input", old[0], new[0]), ("parameter", old[1], new[1])):
        if len(before) != len(after):
            changes.append(f"{len(before)} {kind}s → {len(after)}")
            continue
        for position, (was, now) in enumerate(zip(before, after)):
            if was[:2] != now[:2]:
                changes.append(f"{kind} {position} {was[0]}/{was[1]} → {now[0]}/{now[1]}")
            elif was != now:
                changes.append(f"{kind} {position} is no longer laid out as when recorded")
    return "; ".join(changes)


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

    def __init__(self, nodes, leaves, buffers, *, fuse: bool, optimizer) -> None:
        self.slot = {id(node): index for index, node in enumerate(nodes)}
        self.nodes = nodes
        self.leaves = leaves
        self.leaf_slots = [self.slot[id(leaf)] for leaf in leaves]
        self.input_buffers = buffers
        self.loss_slot = len(nodes) - 1
        self.changing = {id(b) for b in buffers}  # arrays refreshed each call (inputs)
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
        self.groups = self._chains() if fuse else {}
        self._derived_chains: dict[int, tuple] = {}
        self.sgd_fused_slots: set[int] = self._fusable_updates(optimizer)
        self.handed: list = [None] * len(leaves)
        self.plain = self._generate(sgd=False)
        self.fast: Callable[[], np.ndarray | None] | None = None
        self.fast_leaf_data: list[np.ndarray] = []
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
        grouped = {member for chain in self.groups.values() for member in chain[:-1]}
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
            if not node.parents or not self.needs[index] or index in grouped:
                continue
            if self._grad[index] is None:  # no consumer passed a gradient back
                continue
            if index in self.groups:
                self._emit_chain_backward(self.groups[index])
            else:
                self._emit_backward(index, node, fused)
        if sgd:
            self._emit_sgd(fused)
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
            conditions.append(f"{name}.data is not {program.constant(leaf.data, 'c')}")
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
            (target,) = params
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
        target_name = program.constant(target, "c")
        difference = np.empty_like(self.nodes[prediction].data)
        difference_name = program.constant(difference, "b")
        flat = program.constant(difference.reshape(-1), "b")
        program.emit(f"{program.constant(np.subtract, 'u')}({x}, {target_name}, {difference_name})")
        product = self._call(np.ndarray.dot, flat, flat)
        if id(target) in self.changing:  # shapes are the recording's; finiteness is checked
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
        # Fused SGD last: the other operand's gradient above still reads the old weights.
        for weight in (a, b):
            if weight in fused:
                self._emit_fused_sgd(weight, index)

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

    # -- elementwise chains ---------------------------------------------------------------------
    def _chains(self) -> dict[int, list[int]]:
        """Chains of elementwise ops: the last slot of each chain → its slots, in order."""
        chain_of: dict[int, list[int]] = {}
        for index, node in enumerate(self.nodes):
            if node.op not in ENGINE_OPS or not node.parents:
                continue
            for parent in node.parents:
                p = self.slot[id(parent)]
                if (
                    p in chain_of
                    and self.consumers[p] == [index]
                    and parent.data.shape == node.data.shape
                    and parent.data.dtype == node.data.dtype
                    and node.parents.count(parent) == 1
                ):
                    chain = chain_of.pop(p)
                    chain.append(index)
                    chain_of[index] = chain
                    break
            else:
                chain_of[index] = [index]
        return {last: chain for last, chain in chain_of.items() if len(chain) > 1}

    def _chain_inputs(self, chain: list[int]) -> list[int]:
        members = set(chain)
        inputs: list[int] = []
        for index in chain:
            for parent in self.nodes[index].parents:
                p = self.slot[id(parent)]
                if p not in members and p not in inputs:
                    inputs.append(p)
        return inputs

    def _emit_chain_backward(self, chain: list[int]) -> None:
        """g·∂(composed chain)/∂input for every input, from one CSE'd lambdified SymPy list."""
        program = self._program
        inputs = self._chain_inputs(chain)
        needed = [slot for slot in inputs if self.needs[slot]]
        cached = self._derived_chains.get(chain[-1])
        if cached is None:
            cached = self._derived_chains[chain[-1]] = self._derive_chain(chain, inputs, needed)
        backward, parameter_values = cached
        last = chain[-1]
        arguments = [
            self._grad[last],
            *[self._value[s] for s in inputs],
            *[self._value[s] for s in chain],
            *[program.constant(value, "k") for value in parameter_values],
        ]
        samples = [
            self._grad_sample[last],
            *[self.nodes[s].data for s in inputs],
            *[self.nodes[s].data for s in chain],
            *parameter_values,
        ]
        try:
            results = inline_lambdified(program, backward, arguments, samples)
        except CannotInline:
            with np.errstate(all="ignore"):
                values = [np.asarray(g) for g in backward(*samples)]
            everything = self._call(backward, *arguments)
            results = []
            for position, value in enumerate(values):
                name = self._call(operator.getitem, everything, program.constant(position, "k"))
                results.append((self._call(np.asarray, name), value))
        last_shape = program.constant(self.nodes[last].data.shape, "k")
        for slot, (name, sample) in zip(needed, results):
            data = self.nodes[slot].data
            if np.shape(sample) != data.shape or np.asarray(sample).dtype != data.dtype:
                name = self._call(np.broadcast_to, name, last_shape)
                sample = np.broadcast_to(sample, self.nodes[last].data.shape)
            self._deliver(slot, *self._unbroadcast_to(name, sample, slot))

    def _derive_chain(self, chain: list[int], inputs: list[int], needed: list[int]):
        """The lambdified list [g·∂chain/∂input] and the chain's parameter values."""
        input_symbols = {slot: sp.Symbol(f"v{slot}", real=True) for slot in inputs}
        output_symbols = {slot: sp.Symbol(f"out{slot}", real=True) for slot in chain}
        parameter_values: list = []
        parameter_symbols: list[sp.Symbol] = []
        expression: dict[int, sp.Expr] = dict(input_symbols)
        replacements: list[tuple[sp.Expr, sp.Symbol]] = []
        for index in chain:
            node = self.nodes[index]
            op = ELEMENTWISE[node.op]
            substitution = {
                symbol: expression[self.slot[id(parent)]]
                for symbol, parent in zip(op.inputs, node.parents)
            }
            for symbol, value in zip(op.params, node.params):
                name = sp.Symbol(f"p{len(parameter_values)}", positive=True)
                parameter_values.append(value)
                parameter_symbols.append(name)
                substitution[symbol] = name
            expression[index] = op.definition.xreplace(substitution)
            if op.reuse_output:
                replacements.append((expression[index], output_symbols[index]))
        composed = expression[chain[-1]]
        forms = []
        for slot in needed:
            derivative = sp.diff(composed, input_symbols[slot])
            for pattern, symbol in reversed(replacements):  # outermost op first
                derivative = derivative.xreplace({pattern: symbol})
            forms.append(UPSTREAM * sp.simplify(derivative))
        from symderive.ops.derive import NUMPY_NAMESPACE

        arguments = [
            UPSTREAM,
            *[input_symbols[s] for s in inputs],
            *[output_symbols[s] for s in chain],
            *parameter_symbols,
        ]
        backward = sp.lambdify(arguments, forms, modules=[NUMPY_NAMESPACE, "numpy"], cse=True)
        return backward, tuple(parameter_values)

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
        handed = self.handed
        for i, leaf in enumerate(self.leaves):
            if leaf.grad is not None and leaf.grad is handed[i]:
                leaf.grad = leaf.grad.copy()  # last call's buffer, about to be overwritten
        loss, *grads = self.plain(*[leaf.data for leaf in self.leaves])
        for i, (leaf, gradient) in enumerate(zip(self.leaves, grads)):
            if gradient is None:
                continue
            if leaf.grad is None:
                leaf.grad = handed[i] = gradient
            else:
                leaf.grad = leaf.grad + gradient
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
