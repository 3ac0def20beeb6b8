"""Every operation of the engine, defined once, symbolically.

An :class:`Elementwise` op names a SymPy expression in the symbols ``x`` (and ``y``) — its
single source of truth — a NumPy forward kernel that computes the same function, and the
catalog derivation that proves its derivative. A :class:`Loss` does the same for a loss of one
row of predictions against one row of targets. Derivatives are never typed here: they come from
``sympy.diff`` in :mod:`symderive.ops.derive`.

Kink convention (shared by the symbolic rules, the engine and :mod:`symderive.gradcheck`):
``relu'(0) = 0``, ``leaky_relu'(0) = α`` (both the derivative from the left, ``Heaviside(x, 0)``)
and ``maximum(x, y)`` routes a tie to its first argument (``∂/∂x = 1``, ``∂/∂y = 0`` at x = y).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symderive import functions
from symderive.ops import kernels

X = sp.Symbol("x", real=True)
Y = sp.Symbol("y", real=True)
ALPHA = sp.Symbol("alpha", positive=True)
OUT = sp.Symbol("out", real=True)
"""Stands for the op's own output in a backward rule (σ' = out·(1 − out) reuses the forward)."""
UPSTREAM = sp.Symbol("g", real=True)
"""The upstream gradient ∂L/∂out that a backward rule multiplies (chain rule)."""


@dataclass(frozen=True)
class Elementwise:
    """An elementwise op: ``definition`` of the inputs ``(x,)`` or ``(x, y)`` is the truth.

    ``params`` are non-differentiable constants (``alpha`` of leaky_relu). ``domain`` says where
    random test points are drawn: "real", or "positive" for the inputs of log / pow / div.
    """

    name: str
    inputs: tuple[sp.Symbol, ...]
    definition: sp.Expr
    kernel: Callable[..., np.ndarray]
    proven_by: tuple[str, ...]  # catalog ids; () = SymPy's own table rule (exp, log, pow, div)
    params: tuple[sp.Symbol, ...] = ()
    domains: tuple[str, ...] = ("real",)
    kinks: tuple[str, ...] = ()
    reuse_output: bool = True  # write the backward in terms of ``out`` where the op reappears

    @property
    def arity(self) -> int:
        return len(self.inputs)

    def __repr__(self) -> str:
        return f"Elementwise({self.name}: {self.definition})"


def _relu_forward(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


def _leaky_relu_forward(x: np.ndarray, alpha: float) -> np.ndarray:
    return np.where(x > 0, x, alpha * x)


_UNARY = ("real",)
_BINARY = ("real", "real")

ELEMENTWISE: dict[str, Elementwise] = {
    op.name: op
    for op in (
        Elementwise("add", (X, Y), X + Y, np.add, ("add-gate",), domains=_BINARY),
        Elementwise("sub", (X, Y), X - Y, np.subtract, ("add-gate",), domains=_BINARY),
        Elementwise("mul", (X, Y), X * Y, np.multiply, ("mul-gate",), domains=_BINARY),
        Elementwise("div", (X, Y), X / Y, np.divide, (), domains=("real", "positive")),
        Elementwise("neg", (X,), -X, np.negative, ("mul-gate",)),
        Elementwise(
            "pow", (X, Y), X**Y, np.power, (), domains=("positive", "real"), reuse_output=False
        ),
        Elementwise("square", (X,), X**2, np.square, ("copy-gate", "mul-gate")),
        Elementwise("exp", (X,), sp.exp(X), np.exp, ()),
        Elementwise("log", (X,), sp.log(X), np.log, (), domains=("positive",)),
        Elementwise(
            "sigmoid", (X,), functions.sigmoid(X), kernels.sigmoid, ("sigmoid-derivative",)
        ),
        Elementwise("tanh", (X,), sp.tanh(X), np.tanh, ("tanh-derivative",)),
        Elementwise(
            "relu", (X,), functions.relu(X), _relu_forward, ("relu-derivative",), kinks=("x = 0",)
        ),
        Elementwise(
            "leaky_relu",
            (X,),
            functions.leaky_relu(X, ALPHA),
            _leaky_relu_forward,
            ("leaky-relu-derivative",),
            params=(ALPHA,),
            kinks=("x = 0",),
        ),
        Elementwise(
            "maximum",
            (X, Y),
            sp.Piecewise((X, X >= Y), (Y, True)),
            np.maximum,
            ("max-gate",),
            domains=_BINARY,
            kinks=("x = y (tie → first argument)",),
        ),
    )
}


@dataclass(frozen=True)
class Loss:
    """A loss of one row: ``definition(predictions, targets)`` over ``classes`` entries.

    The batch loss is the mean of the row losses (``reduction = "mean"``), the convention of
    :mod:`symderive.verified`; ``prediction`` says what the first argument holds.
    """

    name: str
    definition: Callable[[list[sp.Symbol], list[sp.Symbol]], sp.Expr]
    proven_by: tuple[str, ...]
    prediction: str  # "logits", "probabilities", "values", "distribution"
    target: str  # "one-hot", "probabilities", "values", "distribution"
    classes: int = 1  # entries per row in the symbolic definition (1 for elementwise losses)

    def symbols(self, classes: int | None = None) -> tuple[list[sp.Symbol], list[sp.Symbol]]:
        count = classes or self.classes
        predictions = [sp.Symbol(f"o{k}", real=True) for k in range(count)]
        targets = [sp.Symbol(f"t{k}", real=True) for k in range(count)]
        return predictions, targets


def _softmax_cross_entropy(logits: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = −Σ_k t_k log softmax(o)_k = −Σ_k t_k (o_k − log Σ_j e^(o_j))."""
    log_partition = sp.log(sp.Add(*[sp.exp(o) for o in logits]))
    return -sp.Add(*[t * (o - log_partition) for o, t in zip(logits, targets)])


def _binary_cross_entropy(probabilities: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = −(t log p + (1 − t) log(1 − p))."""
    (p,), (t,) = probabilities, targets
    return -(t * sp.log(p) + (1 - t) * sp.log(1 - p))


def _binary_cross_entropy_with_logits(logits: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = −(t log σ(z) + (1 − t) log(1 − σ(z)))."""
    (z,), (t,) = logits, targets
    p = functions.sigmoid(z)
    return -(t * sp.log(p) + (1 - t) * sp.log(1 - p))


def _squared_error(values: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = (y − t)²."""
    (y,), (t,) = values, targets
    return (y - t) ** 2


def _kl_divergence(q: list[sp.Symbol], p: list[sp.Symbol]) -> sp.Expr:
    """KL(p ‖ q) = Σ_k p_k log(p_k / q_k), as a function of the model distribution q."""
    return sp.Add(*[pk * sp.log(pk / qk) for qk, pk in zip(q, p)])


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss(
            "softmax_cross_entropy",
            _softmax_cross_entropy,
            ("softmax-cross-entropy-gradient",),
            "logits",
            "one-hot",
            classes=4,
        ),
        Loss(
            "binary_cross_entropy",
            _binary_cross_entropy,
            ("binary-cross-entropy-gradient",),
            "probabilities",
            "probabilities",
        ),
        Loss(
            "binary_cross_entropy_with_logits",
            _binary_cross_entropy_with_logits,
            ("binary-cross-entropy-gradient", "sigmoid-derivative"),
            "logits",
            "probabilities",
        ),
        Loss("mse", _squared_error, ("mse-gradient",), "values", "values"),
        Loss(
            "kl_divergence",
            _kl_divergence,
            ("kl-equals-cross-entropy-minus-entropy",),
            "distribution",
            "distribution",
            classes=4,
        ),
    )
}
