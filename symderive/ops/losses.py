"""Every loss, defined once: a SymPy row definition, its stable kernel, the proof that cites it.

A :class:`Loss` is a loss of one row of predictions against one row of targets. Its
``definition`` is the truth; ``kernel`` (:mod:`symderive.ops.loss_kernels`) computes the batch
mean and its gradient stably and is what :mod:`symderive.verified` exposes (after checking the
arguments) and the engine's loss nodes call; the SymPy gradient, the mpmath references and the
cross-validation are derived from the definition (:func:`symderive.ops.derive.loss_rule`).
``reading`` maps the symbol names of the ``proven_by[0]`` catalog entry to this loss's symbols
(``o0 … o3``, ``t0 … t3``; an indexed ``o[k]`` of the catalog is read as ``o{k−1}``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symderive.ops import loss_kernels
from symderive.ops.symbolic import sigmoid, softmax


@dataclass(frozen=True)
class Loss:
    """A loss of one row: ``definition(predictions, targets)`` over ``classes`` entries.

    The batch loss is the mean of the row losses; ``prediction`` and ``target`` say what the
    two arguments hold, ``note`` what the kernel does to stay accurate.
    """

    name: str
    definition: Callable[[list[sp.Symbol], list[sp.Symbol]], sp.Expr]
    kernel: Callable[[np.ndarray, np.ndarray], tuple[np.floating, np.ndarray]]
    proven_by: tuple[str, ...]
    prediction: str  # "logits", "probabilities", "values", "distribution"
    target: str  # "one-hot", "probabilities", "values", "distribution"
    classes: int = 1  # entries per row in the symbolic definition (1 for elementwise losses)
    reading: tuple[tuple[str, Callable], ...] = ()  # catalog name -> f(predictions, targets)

    def symbols(self, classes: int | None = None) -> tuple[list[sp.Symbol], list[sp.Symbol]]:
        count = classes or self.classes
        predictions = [sp.Symbol(f"o{k}", real=True) for k in range(count)]
        targets = [sp.Symbol(f"t{k}", real=True) for k in range(count)]
        return predictions, targets


def _softmax_cross_entropy(logits: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = −Σ_k t_k log softmax(o)_k, written o_k − log Σ_j e^(o_j) (real logits)."""
    probabilities = softmax(sp.Matrix(logits))
    return sp.expand_log(-sp.Add(*[t * sp.log(p) for p, t in zip(probabilities, targets)]))


def _binary_cross_entropy(probabilities: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = −(t log p + (1 − t) log(1 − p))."""
    (p,), (t,) = probabilities, targets
    return -(t * sp.log(p) + (1 - t) * sp.log(1 - p))


def _binary_cross_entropy_with_logits(logits: list[sp.Symbol], targets: list[sp.Symbol]) -> sp.Expr:
    """L = −(t log σ(z) + (1 − t) log(1 − σ(z))): the binary cross-entropy of p = σ(z)."""
    (z,), _ = logits, targets
    return _binary_cross_entropy([sigmoid(z)], targets)


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
            loss_kernels.softmax_cross_entropy,
            ("softmax-cross-entropy-gradient",),
            "logits",
            "one-hot",
            classes=4,
        ),
        Loss(
            "binary_cross_entropy",
            _binary_cross_entropy,
            loss_kernels.binary_cross_entropy,
            ("binary-cross-entropy-gradient",),
            "probabilities",
            "probabilities",
            reading=(("yhat", lambda o, t: o[0]),),
        ),
        Loss(
            "binary_cross_entropy_with_logits",
            _binary_cross_entropy_with_logits,
            loss_kernels.binary_cross_entropy_with_logits,
            ("binary-cross-entropy-gradient", "sigmoid-derivative"),
            "logits",
            "probabilities",
            reading=(("yhat", lambda o, t: sigmoid(o[0])),),
        ),
        Loss(
            "mse",
            _squared_error,
            loss_kernels.mse,
            ("mse-gradient",),
            "values",
            "values",
            reading=(("yhat", lambda o, t: o), ("y", lambda o, t: t)),
        ),
        Loss(
            "kl_divergence",
            _kl_divergence,
            loss_kernels.kl_divergence,
            ("kl-equals-cross-entropy-minus-entropy",),
            "distribution",
            "distribution",
            classes=4,
            reading=(("q", lambda o, t: o), ("p", lambda o, t: t)),
        ),
    )
}
