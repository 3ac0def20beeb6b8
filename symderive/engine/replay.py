"""The captured step: record the graph of a loss once, then replay forward and backward.

``Replay(loss_fn, parameters)`` runs ``loss_fn`` once in eager mode to record its graph, then
compiles the graph into two straight lists of small steps over a register file (one slot per
node): no Tensor is created, no heap is walked and no closure is built per step. Matrix
products, reductions and ufunc ops write into buffers allocated at recording (``out=``);
gradients that meet at a node are added into a buffer of their own.

Elementwise chains (an op whose only consumer is the next op of the chain, same shape) are
fused: their forward runs each op's own kernel in turn, and their backward is one function
lambdified with CSE from the SymPy derivative of the *composed* definition (the chain rule done
symbolically), in which every intermediate value is replaced by the forward value the forward
already computed (σ(b + m)' = out·(1 − out)).

Exactness is checked, not assumed: at recording the compiled step is run on the recorded
inputs and its loss and every gradient are compared bit for bit with eager mode; a fused plan
that differs is replaced by the unfused one, and an unfused plan that differs leaves the
Replay in eager mode (with a warning). With ``optimizer=optim.SGD(...)`` each call also
updates the weights (``backward(); step(); zero_grad()``); where SciPy's BLAS is importable the
update of a weight used once by a matrix product is folded into that product's gradient GEMM
(``W ← W − η·XᵀG`` as one ``gemm`` with β = 1, no gradient array): the weights then differ
from the two-step update by the rounding of one multiply-add, and ``.grad`` stays None.

Data that changes between steps is passed as arguments (``replay(x, labels)``); it is copied
into the recording's buffers. Anything else ``loss_fn`` captured is frozen at recording, by
reference. A change of any argument's or parameter's shape or dtype re-records the step and
says so: a :class:`ReplayRecorded` warning and a line in :attr:`Replay.events`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp

from symderive.engine import functional
from symderive.engine.tensor import ENGINE_OPS, Tensor, _unbroadcast, no_grad
from symderive.ops import kernels
from symderive.ops.definitions import ELEMENTWISE, UPSTREAM

EXACT_ABOVE = {"sigmoid": lambda dtype: -kernels.EXP_LIMITS[np.dtype(dtype)]}
"""Ops whose definition evaluated as written is the kernel, bit for bit, where x ≥ the bound.

σ's kernel clamps e^(−x) at e^L and patches x < −L; above −L it performs exactly the operations
of 1/(1 + e^(−x)). A fused step evaluates the lambdified definition there (four ufunc calls)
and hands any batch with an entry below the bound (or a NaN) to the kernel.
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
                plan.bind_optimizer(self.optimizer)
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
    """Registers, buffers and the forward and backward step lists of one recording."""

    def __init__(self, nodes, leaves, buffers, *, fuse: bool, optimizer) -> None:
        self.slot = {id(node): index for index, node in enumerate(nodes)}
        self.nodes = nodes
        self.values: list = [node.data for node in nodes]
        self.grads: list = [None] * len(nodes)
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
        self.forward: list[Callable[[], None]] = []
        self.backward: list[Callable[[], None]] = []
        self.fused_backward: list[Callable[[], None]] | None = None
        self.handed: list = [None] * len(leaves)
        self._contributions = [0] * len(nodes)
        self._accumulators: dict[int, np.ndarray] = {}
        self._derived_chains: dict[int, tuple] = {}
        self.aux_difference: dict[int, np.ndarray] = {}  # y − t of each sse node
        self.aux_gradient: dict[int, np.ndarray] = {}  # ∂loss/∂prediction of each loss node
        self.sgd_fused_slots: set[int] = set()
        self._compile(fuse, optimizer)

    # -- compilation --------------------------------------------------------------------------
    def _compile(self, fuse: bool, optimizer) -> None:
        self.fuse = fuse
        groups = self._chains() if fuse else {}
        grouped = {member for members in groups.values() for member in members[:-1]}
        for index, node in enumerate(self.nodes):
            if not node.parents or index in grouped:
                continue
            if index in groups:
                self.forward.append(self._chain_forward(groups[index]))
            else:
                self.forward.append(self._forward_step(index, node))
        fusable = self._fusable_updates(optimizer)
        plain: list[Callable[[], None]] = []
        fused: list[Callable[[], None]] = []
        seed_dtype = self.nodes[-1].data.dtype
        seed = np.array(1.0, seed_dtype).reshape(self.nodes[-1].data.shape)
        loss_slot = self.loss_slot
        grads = self.grads

        def set_seed() -> None:
            grads[loss_slot] = seed

        plain.append(set_seed)
        fused.append(set_seed)
        for index in range(len(self.nodes) - 1, -1, -1):
            node = self.nodes[index]
            if not node.parents or not self.needs[index] or index in grouped:
                continue
            counts_before = list(self._contributions)
            if index in groups:
                plain.extend(self._chain_backward(groups[index]))
            else:
                plain.extend(self._backward_steps(index, node, fused_slots=set()))
            if fusable:
                after = self._contributions
                self._contributions = counts_before
                if index in groups:
                    fused.extend(self._chain_backward(groups[index]))
                else:
                    fused.extend(self._backward_steps(index, node, fused_slots=fusable))
                self._contributions = after
        self.backward = plain
        if fusable:
            self.fused_backward = fused
            self.sgd_fused_slots = fusable

    def _new_contribution(self, parent: int) -> bool:
        """True for the first gradient that reaches ``parent`` (it is bound, not added)."""
        self._contributions[parent] += 1
        return self._contributions[parent] == 1

    def _deliver(self, parent: int) -> Callable[[np.ndarray], None]:
        """A function that hands one contribution to ``parent``: bind the first, add the rest."""
        grads = self.grads
        if self._new_contribution(parent):

            def bind(contribution: np.ndarray) -> None:
                grads[parent] = contribution

            return bind
        accumulator = self._accumulators.get(parent)
        if accumulator is None:
            data = self.nodes[parent].data
            accumulator = self._accumulators[parent] = np.empty(data.shape, data.dtype)

        def add(contribution: np.ndarray) -> None:
            existing = grads[parent]
            if existing.dtype != accumulator.dtype or contribution.dtype != accumulator.dtype:
                grads[parent] = existing + contribution
            else:
                grads[parent] = np.add(existing, contribution, out=accumulator)

        return add

    def _forward_step(self, index: int, node: Tensor) -> Callable[[], None]:
        values = self.values
        parents = [self.slot[id(p)] for p in node.parents]
        op = node.op
        if op in ENGINE_OPS:
            kernel = ENGINE_OPS[op].kernel
            if self.fuse and len(parents) == 1 and op in EXACT_ABOVE:
                kernel = _derived_kernel(op, node.data.dtype)
            params = node.params
            out = np.empty_like(node.data) if isinstance(kernel, np.ufunc) else None
            if len(parents) == 1:
                (x,) = parents
                if out is not None and not params:

                    def unary_ufunc() -> None:
                        values[index] = kernel(values[x], out=out)

                    return unary_ufunc

                def unary() -> None:
                    values[index] = kernel(values[x], *params)

                return unary
            x, y = parents
            if out is not None and not params:

                def binary_ufunc() -> None:
                    values[index] = kernel(values[x], values[y], out=out)

                return binary_ufunc

            def binary() -> None:
                values[index] = kernel(values[x], values[y], *params)

            return binary
        if op == "matmul":
            a, b = parents
            if node.data.ndim != 2 or any(p.data.ndim != 2 for p in node.parents):
                raise _CannotCompile("matmul of other than matrices")
            out = np.empty_like(node.data)
            dot = np.dot

            def product() -> None:
                values[index] = dot(values[a], values[b], out)

            return product
        if op == "sum":
            (x,) = parents
            axis, keepdims = node.params
            out = np.empty_like(np.asarray(node.data))

            def total() -> None:
                values[index] = np.sum(values[x], axis=axis, keepdims=keepdims, out=out)

            return total
        if op == "reshape":
            (x,) = parents
            (shape,) = node.params

            def reshaped() -> None:
                values[index] = values[x].reshape(shape)

            return reshaped
        if op == "transpose":
            (x,) = parents
            (axes,) = node.params

            def transposed() -> None:
                values[index] = np.transpose(values[x], axes)

            return transposed
        if op == "getitem":
            (x,) = parents
            (item,) = node.params

            def taken() -> None:
                values[index] = np.asarray(values[x][item])

            return taken
        if op == "sse":
            return self._sse_forward(index, parents[0], node)
        if op in functional.LOSS_NODES:
            return self._loss_forward(index, parents[0], node)
        raise _CannotCompile(f"op {op!r}")

    def _sse_forward(self, index: int, prediction: int, node: Tensor) -> Callable[[], None]:
        values = self.values
        (target,) = node.params
        changing = id(target) in self.changing
        difference = np.empty_like(self.nodes[prediction].data)
        self.aux_difference[index] = difference
        check = functional.check_sum_squared_error
        flat = difference.reshape(-1)
        dot, subtract, asarray = np.dot, np.subtract, np.asarray

        def squared_error() -> None:
            predicted = values[prediction]
            if changing:
                check(predicted, target)
            subtract(predicted, target, difference)
            values[index] = asarray(dot(flat, flat))

        return squared_error

    def _loss_forward(self, index: int, prediction: int, node: Tensor) -> Callable[[], None]:
        values = self.values
        (target,) = node.params
        loss_node = functional.LOSS_NODES[node.op]
        kernel, check = loss_node.kernel, loss_node.check
        aux = self.aux_gradient

        def loss() -> None:
            predicted = values[prediction]
            check(predicted, target)
            value, gradient = kernel(predicted, target)
            values[index] = np.asarray(value)
            aux[index] = gradient

        return loss

    def _backward_steps(self, index: int, node: Tensor, fused_slots: set[int]):
        values, grads = self.values, self.grads
        parents = [self.slot[id(p)] for p in node.parents]
        needs = [self.needs[p] for p in parents]
        op = node.op
        steps: list[Callable[[], None]] = []
        if op in ENGINE_OPS:
            backward_rules = ENGINE_OPS[op].backward
            params = node.params
            if len(parents) == 1:
                (x,) = parents
                (rule_x,) = backward_rules
                deliver = self._deliver(x)
                shape, dtype = self.nodes[x].data.shape, self.nodes[x].data.dtype

                def unary_backward() -> None:
                    gradient = rule_x(grads[index], values[x], values[index], *params)
                    if gradient.shape != shape or gradient.dtype != dtype:
                        gradient = _unbroadcast(gradient, shape, dtype)
                    deliver(gradient)

                return [unary_backward]
            x, y = parents
            for position, (parent, rule_of) in enumerate(zip(parents, backward_rules)):
                if not needs[position]:
                    continue
                deliver = self._deliver(parent)
                shape = self.nodes[parent].data.shape
                dtype = self.nodes[parent].data.dtype

                def binary_backward(rule_of=rule_of, deliver=deliver, shape=shape, dtype=dtype):
                    gradient = rule_of(grads[index], values[x], values[y], values[index], *params)
                    deliver(_unbroadcast(gradient, shape, dtype))

                steps.append(binary_backward)
            return steps
        if op == "matmul":
            return self._matmul_backward(index, parents, needs, fused_slots)
        if op == "sum":
            (x,) = parents
            axis, keepdims = node.params
            shape = self.nodes[x].data.shape
            deliver = self._deliver(x)
            if axis is None:
                copies = np.empty(shape, np.asarray(node.data).dtype)

                def sum_backward() -> None:
                    copies.fill(grads[index])
                    deliver(copies)

                return [sum_backward]

            def axis_sum_backward() -> None:
                upstream = grads[index]
                if not keepdims:
                    upstream = np.expand_dims(upstream, axis)
                deliver(np.broadcast_to(upstream, shape))

            return [axis_sum_backward]
        if op == "reshape":
            (x,) = parents
            original = self.nodes[x].data.shape
            deliver = self._deliver(x)
            return [lambda: deliver(grads[index].reshape(original))]
        if op == "transpose":
            (x,) = parents
            (axes,) = node.params
            inverse = None if axes is None else tuple(np.argsort(axes))
            deliver = self._deliver(x)
            return [lambda: deliver(np.transpose(grads[index], inverse))]
        if op == "getitem":
            (x,) = parents
            (item,) = node.params
            deliver = self._deliver(x)

            def take_backward() -> None:
                gradient = np.zeros_like(values[x])
                np.add.at(gradient, item, grads[index])
                deliver(gradient)

            return [take_backward]
        if op == "sse":
            (x,) = parents
            difference = self.aux_difference[index]
            out = np.empty_like(difference)
            deliver = self._deliver(x)

            multiply = np.multiply
            if index == self.loss_slot:  # the upstream is the seed 1: 2·g is a constant
                twice_seed = 2 * np.array(1.0, np.asarray(node.data).dtype).reshape(
                    np.shape(node.data)
                )

                def squared_error_root_backward() -> None:
                    deliver(multiply(difference, twice_seed, out))

                return [squared_error_root_backward]

            def squared_error_backward() -> None:
                deliver(multiply(difference, 2 * grads[index], out))

            return [squared_error_backward]
        if op in functional.LOSS_NODES:
            (x,) = parents
            aux = self.aux_gradient
            deliver = self._deliver(x)

            def loss_backward() -> None:
                gradient = aux[index]
                deliver(np.multiply(gradient, grads[index], out=gradient))

            return [loss_backward]
        raise _CannotCompile(f"op {op!r}")

    def _matmul_backward(self, index, parents, needs, fused_slots):
        values, grads = self.values, self.grads
        a, b = parents
        steps = []
        dtype = self.nodes[index].data.dtype
        if needs[0] and a not in fused_slots:
            out_a = np.empty(self.nodes[a].data.shape, dtype)
            deliver_a = self._deliver(a)

            def grad_left() -> None:
                deliver_a(np.dot(grads[index], values[b].T, out_a))

            steps.append(grad_left)
        if needs[1] and b not in fused_slots:
            out_b = np.empty(self.nodes[b].data.shape, dtype)
            deliver_b = self._deliver(b)

            def grad_right() -> None:
                deliver_b(np.dot(values[a].T, grads[index], out_b))

            steps.append(grad_right)
        # Fused SGD last: the other operand's gradient above still reads the old weights.
        for weight in (a, b):
            if weight in fused_slots:
                steps.append(self._fused_sgd(weight, index))
        return steps

    def _fused_sgd(self, weight: int, matmul_index: int) -> Callable[[], None]:
        """W ← W − η·(L·R) as one gemm with β = 1, where L·R is W's gradient.

        For M = A·B: the gradient of B is Aᵀ·G, of A it is G·Bᵀ. W in C order is Wᵀ in Fortran
        order, so the call computes Wᵀ ← Wᵀ − η·Rᵀ·Lᵀ, reading the C arrays as they lie.
        """
        from scipy.linalg import blas

        values, grads = self.values, self.grads
        leaf = self.nodes[weight]
        gemm = blas.get_blas_funcs("gemm", (leaf.data,))
        optimizer = self._optimizer
        a, b = (self.slot[id(p)] for p in self.nodes[matmul_index].parents)
        weight_is_right = weight == b

        def fused_update() -> None:
            upstream = grads[matmul_index]
            if weight_is_right:  # L = Aᵀ, R = G: Rᵀ = Gᵀ, Lᵀ = A
                first, trans_first = _fortran(upstream.T)
                second, trans_second = _fortran(values[a])
            else:  # L = G, R = Bᵀ: Rᵀ = B, Lᵀ = Gᵀ
                first, trans_first = _fortran(values[b])
                second, trans_second = _fortran(upstream.T)
            gemm(
                -optimizer.lr,
                first,
                second,
                beta=1.0,
                c=leaf.data.T,
                trans_a=trans_first,
                trans_b=trans_second,
                overwrite_c=1,
            )

        return fused_update

    def _fusable_updates(self, optimizer) -> set[int]:
        """Weights whose SGD update can be folded into their only gradient GEMM."""
        from symderive.engine import optim

        self._optimizer = optimizer
        self._matmul_of: dict[int, int] = {}
        if type(optimizer) is not optim.SGD:
            return set()
        try:
            from scipy.linalg import blas  # noqa: F401 - optional: SciPy is not a dependency
        except ImportError:
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
                and data.dtype in (np.float32, np.float64)
                and data.size >= FUSED_UPDATE_MIN_SIZE
                and self.nodes[consumers[0]].data.dtype == data.dtype
                and all(p.data.ndim == 2 for p in self.nodes[consumers[0]].parents)
                and self.nodes[consumers[0]].parents[0] is not self.nodes[consumers[0]].parents[1]
            ):
                fusable.add(slot)
                self._matmul_of[slot] = consumers[0]
        return fusable

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

    def _chain_forward(self, chain: list[int]) -> Callable[[], None]:
        """Each op's own kernel in turn (the eager forward, without the nodes)."""
        values = self.values
        ops = []
        for index in chain:
            node = self.nodes[index]
            ops.append(
                (
                    index,
                    _derived_kernel(node.op, node.data.dtype),
                    tuple(self.slot[id(p)] for p in node.parents),
                    node.params,
                )
            )

        def chain_forward() -> None:
            for index, kernel, parents, params in ops:
                values[index] = kernel(*[values[p] for p in parents], *params)

        return chain_forward

    def _chain_backward(self, chain: list[int]) -> list[Callable[[], None]]:
        """g·∂(composed chain)/∂input for every input, from one CSE'd lambdified SymPy list."""
        values, grads = self.values, self.grads
        inputs = self._chain_inputs(chain)
        needed = [slot for slot in inputs if self.needs[slot]]
        cached = self._derived_chains.get(chain[-1])
        if cached is None:
            cached = self._derived_chains[chain[-1]] = self._derive_chain(chain, inputs, needed)
        backward, parameter_values = cached
        last = chain[-1]
        targets = [
            (self._deliver(slot), self.nodes[slot].data.shape, self.nodes[slot].data.dtype)
            for slot in needed
        ]

        def chain_backward() -> None:
            gradients = backward(
                grads[last],
                *[values[s] for s in inputs],
                *[values[s] for s in chain],
                *parameter_values,
            )
            for (deliver, shape, dtype), gradient in zip(targets, gradients):
                if gradient.shape != shape or gradient.dtype != dtype:
                    gradient = _unbroadcast(
                        np.broadcast_to(gradient, values[last].shape), shape, dtype
                    )
                deliver(gradient)

        return [chain_backward]

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

        def as_arrays(*arguments):
            return [np.asarray(gradient) for gradient in backward(*arguments)]

        return as_arrays, tuple(parameter_values)

    # -- running --------------------------------------------------------------------------------
    def _refresh_leaves(self) -> None:
        values = self.values
        for slot, leaf in zip(self.leaf_slots, self.leaves):
            values[slot] = leaf.data

    def check(self) -> tuple[np.ndarray, list]:
        """One step on the recorded inputs without touching the leaves: (loss, gradients)."""
        self._refresh_leaves()
        with no_grad():
            for step in self.forward:
                step()
            for step in self.backward:
                step()
        return np.array(self.values[self.loss_slot]), [
            np.array(self.grads[slot]) for slot in self.leaf_slots
        ]

    def bind_optimizer(self, optimizer) -> None:
        """Precompute what :meth:`run` needs: leaf triples, inline SGD, fused leaves."""
        from symderive.engine import optim

        self.leaf_triples = [
            (i, slot, leaf) for i, (slot, leaf) in enumerate(zip(self.leaf_slots, self.leaves))
        ]
        self.fused_leaves = [
            leaf for slot, leaf in zip(self.leaf_slots, self.leaves) if slot in self.sgd_fused_slots
        ]
        self.inline_sgd = type(optimizer) is optim.SGD
        leaf_ids = {id(leaf) for leaf in self.leaves}
        parameters = list(optimizer.parameters) if optimizer is not None else []
        self.optimizer_others = [
            (position, p) for position, p in enumerate(parameters) if id(p) not in leaf_ids
        ]
        position_of = {id(p): position for position, p in enumerate(parameters)}
        self.sgd_positions = [position_of.get(id(leaf)) for leaf in self.leaves]

    def run(self, optimizer) -> Tensor:
        values, grads, handed = self.values, self.grads, self.handed
        for i, slot, leaf in self.leaf_triples:
            values[slot] = leaf.data
            if leaf.grad is not None and leaf.grad is handed[i]:
                leaf.grad = leaf.grad.copy()  # last call's buffer, about to be overwritten
        for step in self.forward:
            step()
        loss = Tensor(values[self.loss_slot])
        fused = self.fused_backward is not None
        if fused:
            for leaf in self.fused_leaves:
                if leaf.grad is not None:
                    fused = False
        for step in self.fused_backward if fused else self.backward:
            step()
        if optimizer is not None and self.inline_sgd:
            self._sgd(optimizer, fused)
            return loss
        fused_slots = self.sgd_fused_slots if fused else ()
        for i, slot, leaf in self.leaf_triples:
            if slot in fused_slots:
                continue
            gradient = grads[slot]
            if leaf.grad is None:
                leaf.grad = handed[i] = gradient
            else:
                leaf.grad = leaf.grad + gradient
        _apply_optimizer(optimizer)
        return loss

    def _sgd(self, optimizer, fused: bool) -> None:
        """``backward(); SGD.step(); zero_grad()``: the optimizer's own update, no graph walk."""
        grads = self.grads
        fused_slots = self.sgd_fused_slots if fused else ()
        update = optimizer.update
        for i, slot, leaf in self.leaf_triples:
            if slot in fused_slots:
                continue
            gradient = grads[slot]
            if leaf.grad is not None:
                gradient = leaf.grad + gradient
            position = self.sgd_positions[i]
            if position is None:
                leaf.grad = gradient
                continue
            update(position, leaf.data, gradient)
            leaf.grad = None
        for position, parameter in self.optimizer_others:
            if parameter.grad is not None:
                update(position, parameter.data, parameter.grad)
                parameter.grad = None


def _derived_kernel(name: str, dtype: np.dtype) -> Callable[..., np.ndarray]:
    """The op's forward for a fused step: its lambdified definition where that is exact
    (:data:`EXACT_ABOVE`), its kernel everywhere else."""
    op = ELEMENTWISE[name]
    kernel = op.kernel
    bound_of = EXACT_ABOVE.get(name)
    if bound_of is None or op.arity != 1 or op.params:
        return kernel
    elementary = getattr(op, "elementary", None)  # the definition in exp/log, where kept
    expression = elementary if elementary is not None else op.definition.rewrite(sp.exp)
    formula = sp.lambdify(op.inputs, expression, modules="numpy")
    bound = bound_of(dtype)
    lowest = np.minimum.reduce

    def derived(x: np.ndarray) -> np.ndarray:
        if x.size and lowest(x, axis=None) >= bound:
            return formula(x)
        return kernel(x)

    return derived


def _fortran(matrix: np.ndarray) -> tuple[np.ndarray, int]:
    """(array, trans) with array Fortran-contiguous and op(array) == matrix (no copy if C or F)."""
    if matrix.flags.f_contiguous:
        return matrix, 0
    if matrix.flags.c_contiguous:
        return matrix.T, 1
    return np.asfortranarray(matrix), 0
