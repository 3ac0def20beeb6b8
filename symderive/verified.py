"""Verified gradient functions: plain NumPy, stable, any batch shape, float32 and float64.

Every function here is generated from an entry of the ops table (:mod:`symderive.ops`) — the
elementwise forwards and derivatives from :data:`~symderive.ops.ELEMENTWISE`, the losses from
:data:`~symderive.ops.LOSSES` — and names the catalog derivation that proves its formula
(``proven_by``, also in the docstring). ``symderive verify`` cross-validates each one three ways
(SymPy ↔ engine ↔ finite differences) and the test suite measures it in ULPs against mpmath.

At the edges: NaN stays NaN in its own entry and spoils no other; ±∞ give the mathematical
limits (σ(−∞) = 0, a +∞ logit takes all the probability); nothing raises a RuntimeWarning.
Arguments a function cannot mean anything with (an empty batch, a label outside 0 … C − 1,
shapes that would broadcast into a different loss, probabilities outside [0, 1]) raise
:class:`InputError` naming the function, the argument and why. Losses are averaged over all
leading (batch) axes and return ``(loss, gradient with respect to the first argument)``::

    loss, dlogits = softmax_cross_entropy(logits, labels)  # logits (N, C), labels (N,) ints
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

from symderive.ops import ELEMENTWISE, LOSSES, kernels
from symderive.ops.definitions import Elementwise
from symderive.ops.losses import Loss

__all__ = [
    "VERIFIED",
    "InputError",
    "affine_backward",
    "affine_forward",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "kl_divergence",
    "leaky_relu",
    "leaky_relu_grad",
    "log_softmax",
    "mse",
    "relu",
    "relu_grad",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "softmax_cross_entropy",
    "tanh",
    "tanh_grad",
]


class InputError(ValueError):
    """An argument a verified function cannot give a meaningful result for."""

    def __init__(self, function: str, argument: str, why: str):
        self.function = function
        self.argument = argument
        self.why = why
        super().__init__(f"{function}: {argument}: {why}")


def _floating(x, function: str, argument: str) -> np.ndarray:
    array = np.asarray(x)
    if array.dtype.kind == "f":
        return array
    if array.dtype.kind in "iub":
        return array.astype(np.float64)
    raise InputError(function, argument, f"expected real numbers, got dtype {array.dtype}")


def _cite(ids: tuple[str, ...]) -> str:
    return " with ".join(f"'{identifier}'" for identifier in ids)


# -- elementwise ops: a forward and a derivative per verified entry -------------------------------
def _forward(op: Elementwise) -> Callable[..., np.ndarray]:
    def forward(x, *params) -> np.ndarray:
        return op.kernel(_floating(x, op.name, "x"), *params)

    forward.__name__ = forward.__qualname__ = op.name
    forward.__doc__ = (
        f"{op.name}(x) = {sp.sstr(op.elementary)}, elementwise ({_first_line(op.kernel)}).\n\n"
        f"Its derivative is proven in {_cite(op.proven_by)}."
    )
    forward.proven_by = op.proven_by  # type: ignore[attr-defined]
    return forward


def _gradient(op: Elementwise) -> Callable[..., np.ndarray]:
    (kernel,) = op.gradient_kernels
    name = f"{op.name}_grad"

    def gradient(x, *params) -> np.ndarray:
        return kernel(_floating(x, name, "x"), *params)

    gradient.__name__ = gradient.__qualname__ = name
    gradient.__doc__ = (
        f"d/dx {op.name}(x), elementwise: {_first_line(kernel)}\n\n"
        f"Proven in {_cite(op.proven_by)}; {op.kinks[0] + ' is the kink' if op.kinks else ''}"
    ).rstrip("; ")
    gradient.proven_by = op.proven_by  # type: ignore[attr-defined]
    return gradient


def _first_line(function: Callable) -> str:
    return (function.__doc__ or "").strip().splitlines()[0]


sigmoid = _forward(ELEMENTWISE["sigmoid"])
sigmoid_grad = _gradient(ELEMENTWISE["sigmoid"])
tanh = _forward(ELEMENTWISE["tanh"])
tanh_grad = _gradient(ELEMENTWISE["tanh"])
relu = _forward(ELEMENTWISE["relu"])
relu_grad = _gradient(ELEMENTWISE["relu"])
leaky_relu = _forward(ELEMENTWISE["leaky_relu"])
leaky_relu_grad = _gradient(ELEMENTWISE["leaky_relu"])


def softmax(logits, axis: int = -1) -> np.ndarray:
    """softmax(o)_i = e^(o_i − max o)/Σ_k e^(o_k − max o) (shift invariant, no overflow).

    Its role in the gradient is proven in 'softmax-cross-entropy-gradient'.
    """
    return kernels.softmax(_floating(logits, "softmax", "logits"), axis=axis)


def log_softmax(logits, axis: int = -1) -> np.ndarray:
    """log softmax(o)_i = (o_i − m) − log Σ_k e^(o_k − m), m = max o.

    Its gradient is proven in 'softmax-cross-entropy-gradient'.
    """
    return kernels.log_softmax(_floating(logits, "log_softmax", "logits"), axis=axis)


softmax.proven_by = log_softmax.proven_by = ("softmax-cross-entropy-gradient",)  # type: ignore[attr-defined]


# -- losses: the ops table's loss kernels behind a check of their arguments -----------------------
def _class_targets(name: str, logits: np.ndarray, labels) -> np.ndarray:
    """Integer labels of shape ``logits.shape[:-1]`` in 0 … C − 1, or distributions of
    ``logits.shape``; anything else is refused with the reason."""
    labels = np.asarray(labels)
    if logits.ndim == 0:
        raise InputError(name, "logits", "need a class axis: shape (..., C)")
    classes = logits.shape[-1]
    if classes == 0:
        raise InputError(name, "logits", "need at least one class, got shape " f"{logits.shape}")
    if labels.dtype.kind in "iu":
        if labels.shape != logits.shape[:-1]:
            raise InputError(
                name,
                "labels",
                f"class indices of shape {labels.shape} do not match logits of shape "
                f"{logits.shape} (expected {logits.shape[:-1]})",
            )
        outside = (labels < 0) | (labels >= classes)
        if outside.any():
            where = tuple(int(i) for i in np.argwhere(outside)[0])
            raise InputError(
                name,
                "labels",
                f"label {labels[where]} at {where} is outside 0 … {classes - 1} "
                f"({classes} classes); {int(outside.sum())} such label(s)",
            )
        return labels
    if labels.dtype.kind == "f":
        if labels.shape == logits.shape:
            _within_unit_interval(name, labels, "target distributions")
            return labels.astype(logits.dtype, copy=False)
        if labels.shape == logits.shape[:-1]:
            raise InputError(
                name,
                "labels",
                f"float labels of shape {labels.shape}: class indices must be integers, "
                f"target distributions must have the logits' shape {logits.shape}",
            )
        raise InputError(
            name,
            "labels",
            f"target distributions of shape {labels.shape} do not match logits {logits.shape}",
        )
    raise InputError(name, "labels", f"expected integer class indices, got dtype {labels.dtype}")


def _same_shape(name: str, prediction: np.ndarray, targets, argument: str) -> np.ndarray:
    """Targets of exactly the prediction's shape (broadcasting would compute another loss)."""
    targets = np.asarray(targets)
    if targets.shape != prediction.shape:
        raise InputError(
            name,
            argument,
            f"shape {targets.shape} differs from the prediction's {prediction.shape}; "
            "broadcasting would compute a different loss",
        )
    if targets.dtype.kind not in "fiub":
        raise InputError(name, argument, f"expected real numbers, got dtype {targets.dtype}")
    return targets.astype(prediction.dtype, copy=False)


def _within_unit_interval(name: str, values: np.ndarray, argument: str) -> None:
    outside = (values < 0) | (values > 1)  # NaN is neither: it propagates
    if outside.any():
        where = tuple(int(i) for i in np.argwhere(outside)[0])
        raise InputError(
            name, argument, f"{values[where]} at {where} is outside [0, 1] (a probability)"
        )


def _nonempty(name: str, prediction: np.ndarray, class_axis: bool) -> None:
    rows = prediction.shape[:-1] if class_axis else prediction.shape
    if prediction.size == 0 or (rows and 0 in rows):
        raise InputError(
            name, "batch", f"empty (shape {prediction.shape}): a mean over no rows is undefined"
        )


def _loss(loss: Loss, check: Callable[[str, np.ndarray, object], np.ndarray]) -> Callable:
    name = loss.name
    class_axis = loss.classes > 1

    def verified_loss(prediction, targets) -> tuple[np.floating, np.ndarray]:
        prediction = _floating(prediction, name, loss.prediction)
        targets = check(name, prediction, targets)
        _nonempty(name, prediction, class_axis)
        return loss.kernel(prediction, targets)

    verified_loss.__name__ = verified_loss.__qualname__ = name
    verified_loss.__doc__ = (
        f"{_first_line(loss.kernel)}\n\n"
        f"Arguments: {loss.prediction}, then {loss.target} targets. Proven in "
        f"{_cite(loss.proven_by)}.\n\n{_rest(loss.kernel)}"
    )
    verified_loss.proven_by = loss.proven_by  # type: ignore[attr-defined]
    return verified_loss


def _rest(function: Callable) -> str:
    lines = (function.__doc__ or "").strip().splitlines()[1:]
    return "\n".join(line.strip() for line in lines).strip()


def _probability_targets(name: str, prediction: np.ndarray, targets) -> np.ndarray:
    targets = _same_shape(name, prediction, targets, "targets")
    _within_unit_interval(name, targets, "targets")
    return targets


def _probabilities_and_targets(name: str, prediction: np.ndarray, targets) -> np.ndarray:
    _within_unit_interval(name, prediction, "probabilities")
    return _probability_targets(name, prediction, targets)


def _value_targets(name: str, prediction: np.ndarray, targets) -> np.ndarray:
    return _same_shape(name, prediction, targets, "targets")


softmax_cross_entropy = _loss(LOSSES["softmax_cross_entropy"], _class_targets)
binary_cross_entropy = _loss(LOSSES["binary_cross_entropy"], _probabilities_and_targets)
binary_cross_entropy_with_logits = _loss(
    LOSSES["binary_cross_entropy_with_logits"], _probability_targets
)
mse = _loss(LOSSES["mse"], _value_targets)
def _two_distributions(name: str, q: np.ndarray, p) -> np.ndarray:
    """p and q of one shape, both probabilities (outside [0, 1] KL can be negative or NaN)."""
    p = _same_shape(name, q, p, "p")
    _within_unit_interval(name, p, "p")
    _within_unit_interval(name, q, "q")
    return p


_kl_of_q = _loss(LOSSES["kl_divergence"], _two_distributions)


def kl_divergence(p, q) -> tuple[np.floating, np.ndarray]:
    """KL(p ‖ q) = mean over rows of Σ_k p_k log(p_k/q_k); ∂KL/∂q = −p/q / rows.

    Equal to cross-entropy minus entropy, H(p, q) − H(p) (catalog entry
    'kl-equals-cross-entropy-minus-entropy'); 0·log 0 = 0, and a class with p > 0 = q gives the
    limits KL = +∞, ∂KL/∂q = −∞ (nothing is clipped). The arguments are in the order of the
    notation: data p, then model q.
    """
    return _kl_of_q(q, p)


kl_divergence.proven_by = LOSSES["kl_divergence"].proven_by  # type: ignore[attr-defined]


# -- the affine layer ------------------------------------------------------------------------------
def _affine_shapes(name: str, x: np.ndarray, w: np.ndarray, **more: np.ndarray) -> None:
    """x (..., D) and W (D, M); ``b`` (M,) and ``upstream`` (..., M) with x's leading axes.
    Anything else would broadcast into another layer: refused with both shapes."""
    if x.ndim < 1 or w.ndim != 2:
        raise InputError(name, "w" if x.ndim else "x", f"need x of shape (..., D) and w of shape "
                         f"(D, M), got x {x.shape} and w {w.shape}")
    if x.shape[-1] != w.shape[0]:
        raise InputError(name, "w", f"x of shape {x.shape} has D = {x.shape[-1]} features but w "
                         f"of shape {w.shape} expects {w.shape[0]}")
    b = more.get("b")
    if b is not None and b.shape != w.shape[1:]:
        raise InputError(name, "b", f"shape {b.shape} is not ({w.shape[1]},) as w of shape "
                         f"{w.shape} needs; broadcasting would add a different bias")
    upstream = more.get("upstream")
    expected = (*x.shape[:-1], w.shape[1])
    if upstream is not None and upstream.shape != expected:
        raise InputError(name, "upstream", f"shape {upstream.shape} is not the output's "
                         f"{expected} for x of shape {x.shape} and w of shape {w.shape}")


def affine_forward(x, w, b) -> np.ndarray:
    """out = x·W + b for x of shape (..., D), W (D, M), b (M,); backward in 'affine-backward'."""
    x, w, b = (_floating(a, "affine_forward", n) for a, n in ((x, "x"), (w, "w"), (b, "b")))
    _affine_shapes("affine_forward", x, w, b=b)
    return x @ w + b


def affine_backward(upstream, x, w) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """∂L/∂x = G·Wᵀ, ∂L/∂W = xᵀ·G, ∂L/∂b = Σ_rows G, proven in 'affine-backward'."""
    name = "affine_backward"
    upstream, x, w = (
        _floating(a, name, n) for a, n in ((upstream, "upstream"), (x, "x"), (w, "w"))
    )
    _affine_shapes(name, x, w, upstream=upstream)
    flat_x = x.reshape(-1, x.shape[-1])
    flat_upstream = upstream.reshape(-1, upstream.shape[-1])
    return upstream @ w.T, flat_x.T @ flat_upstream, flat_upstream.sum(axis=0)


affine_forward.proven_by = affine_backward.proven_by = ("affine-backward",)  # type: ignore[attr-defined]

VERIFIED: dict[str, Callable] = {
    function.__name__: function
    for function in (
        sigmoid,
        sigmoid_grad,
        tanh,
        tanh_grad,
        relu,
        relu_grad,
        leaky_relu,
        leaky_relu_grad,
        softmax,
        log_softmax,
        softmax_cross_entropy,
        binary_cross_entropy,
        binary_cross_entropy_with_logits,
        mse,
        kl_divergence,
        affine_forward,
        affine_backward,
    )
}
"""Every verified function by name (what ``symderive verify`` walks through)."""
