"""Verified gradient functions: plain NumPy, stable, any batch shape, float32 and float64.

Every function here names the catalog derivation that proves its formula (``proven_by``,
also in the docstring); ``symderive verify`` cross-validates each one three ways (SymPy ↔ engine
↔ finite differences) and the test suite measures it in ULPs against mpmath over the whole
float range. Losses are averaged over all leading (batch) axes and return
``(loss, gradient with respect to the first argument)``; the loss has the input's dtype::

    loss, dlogits = softmax_cross_entropy(logits, labels)  # logits (N, C), labels (N,) ints
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np

from symderive.ops import kernels

Function = TypeVar("Function", bound=Callable)


def _proven_by(*ids: str) -> Callable[[Function], Function]:
    def attach(function: Function) -> Function:
        function.proven_by = ids  # type: ignore[attr-defined]
        return function

    return attach


def _floating(x) -> np.ndarray:
    array = np.asarray(x)
    return array if array.dtype.kind == "f" else array.astype(np.float64)


def _rows(array: np.ndarray, class_axis: bool) -> int:
    """How many terms a mean runs over: every leading axis (all axes for elementwise losses)."""
    shape = array.shape[:-1] if class_axis else array.shape
    return int(np.prod(shape, dtype=np.int64)) if shape else 1


@_proven_by("sigmoid-derivative")
def sigmoid(x) -> np.ndarray:
    """σ(x) = 1/(1 + e^(−x)), without overflow on all of [−745, 745] (see 'sigmoid-derivative')."""
    return kernels.sigmoid(x)


@_proven_by("sigmoid-derivative")
def sigmoid_grad(x) -> np.ndarray:
    """σ'(x) = σ(x)(1 − σ(x)) = e^(−|x|)/(1 + e^(−|x|))², proven in 'sigmoid-derivative'."""
    return kernels.sigmoid_grad(x)


@_proven_by("tanh-derivative")
def tanh_grad(x) -> np.ndarray:
    """tanh'(x) = 1 − tanh²(x) = 4e^(−2|x|)/(1 + e^(−2|x|))², proven in 'tanh-derivative'."""
    return kernels.tanh_grad(x)


@_proven_by("relu-derivative")
def relu(x) -> np.ndarray:
    """relu(x) = max(0, x); its derivative is proven in 'relu-derivative'."""
    return np.maximum(_floating(x), 0)


@_proven_by("relu-derivative")
def relu_grad(x) -> np.ndarray:
    """relu'(x) = 1 for x > 0 and 0 otherwise (relu'(0) = 0), proven in 'relu-derivative'."""
    return kernels.relu_grad(x)


@_proven_by("leaky-relu-derivative")
def leaky_relu_grad(x, alpha: float = 0.01) -> np.ndarray:
    """leaky_relu'(x) = 1 for x > 0 and α otherwise (α at 0), proven in 'leaky-relu-derivative'."""
    return kernels.leaky_relu_grad(x, alpha)


@_proven_by("softmax-cross-entropy-gradient")
def softmax(logits, axis: int = -1) -> np.ndarray:
    """softmax(o)_i = e^(o_i − max o)/Σ_k e^(o_k − max o) (shift invariant, no overflow).

    Its role in the gradient is proven in 'softmax-cross-entropy-gradient'.
    """
    return kernels.softmax(logits, axis=axis)


@_proven_by("softmax-cross-entropy-gradient")
def log_softmax(logits, axis: int = -1) -> np.ndarray:
    """log softmax(o)_i = (o_i − m) − log Σ_k e^(o_k − m), m = max o.

    Its gradient is proven in 'softmax-cross-entropy-gradient'.
    """
    return kernels.log_softmax(logits, axis=axis)


@_proven_by("softmax-cross-entropy-gradient")
def softmax_cross_entropy(logits, labels) -> tuple[np.floating, np.ndarray]:
    """L = mean over rows of −log softmax(o)_y; ∂L/∂o = (softmax(o) − onehot(y)) / rows.

    ``labels`` are class indices (shape ``logits.shape[:-1]``) or target distributions (the
    shape of ``logits``; then ∂L/∂o = (softmax(o)·Σt − t)/rows). Proven in
    'softmax-cross-entropy-gradient'. Accurate for logits spread by 1e4: the largest logit's
    exponential is exactly 1 and left out of the sum s of the others, so the loss is
    log1p(s) − (o_y − m) (no cancellation) and the gradient of a correct, confident class is
    −s/(1 + s) rather than the cancelled p_y − 1.
    """
    logits = _floating(logits)
    labels = np.asarray(labels)
    rows = _rows(logits, class_axis=True)
    difference, correction, top = kernels.shift_by_max(logits)  # o − m, exactly
    exponentials = np.exp(difference)
    if correction is not None:
        index, error = correction
        exponentials[index] *= error + 1
        difference[index] += error
    np.put_along_axis(exponentials, top, 0, axis=-1)
    others = np.sum(exponentials, axis=-1, keepdims=True)  # Σ_{k ≠ argmax} e^(o_k − m)
    np.put_along_axis(exponentials, top, 1, axis=-1)
    total = others + 1
    gradient = exponentials
    gradient /= total
    shifted = difference
    if labels.dtype.kind in "iu":
        label_index = labels[..., None]
        picked = np.take_along_axis(shifted, label_index, axis=-1)
        row_loss = np.log1p(others) - picked
        label_probability = np.take_along_axis(gradient, label_index, axis=-1)
        label_gradient = np.where(label_index == top, -others / total, label_probability - 1)
        np.put_along_axis(gradient, label_index, label_gradient, axis=-1)
    else:
        targets = labels.astype(logits.dtype, copy=False)
        target_mass = np.sum(targets, axis=-1, keepdims=True)
        row_loss = np.sum(targets * (np.log1p(others) - shifted), axis=-1)
        gradient *= target_mass
        gradient -= targets
    gradient /= rows
    return logits.dtype.type(np.sum(row_loss) / rows), gradient


def _clip_probability(p: np.ndarray) -> np.ndarray:
    """Keep p in [tiny, 1 − ε⁻] so log p, log(1 − p) and 1/(p(1 − p)) stay finite."""
    info = np.finfo(p.dtype)
    return np.clip(p, info.tiny, 1 - info.epsneg)


@_proven_by("binary-cross-entropy-gradient")
def binary_cross_entropy(probabilities, targets) -> tuple[np.floating, np.ndarray]:
    """L = mean of −(t log p + (1 − t) log(1 − p)); ∂L/∂p = (p − t)/(p(1 − p)) / n.

    Proven in 'binary-cross-entropy-gradient'. log(1 − p) is computed as log1p(−p) (exact for p
    near 0) and p is clipped to [tiny, 1 − ε⁻] so p ∈ {0, 1} gives finite values.
    """
    p = _clip_probability(_floating(probabilities))
    t = np.asarray(targets, dtype=p.dtype)
    count = _rows(p, class_axis=False)
    terms = -(t * np.log(p) + (1 - t) * np.log1p(-p))
    gradient = (p - t) / (p * (1 - p))
    gradient /= count
    return p.dtype.type(np.sum(terms) / count), gradient


@_proven_by("binary-cross-entropy-gradient", "sigmoid-derivative")
def binary_cross_entropy_with_logits(logits, targets) -> tuple[np.floating, np.ndarray]:
    """L = mean of −(t log σ(z) + (1 − t) log(1 − σ(z))); ∂L/∂z = (σ(z) − t) / n.

    Proven in 'binary-cross-entropy-gradient' with 'sigmoid-derivative'. Stable form:
    L = max(z, 0) − t·z + log1p(e^(−|z|)) and, with q = σ(−|z|) = e^(−|z|)/(1 + e^(−|z|)),
    σ(z) − t = (1 − t) − q for z ≥ 0 and q − t for z < 0: no exponential of a positive number
    and no cancellation for t ∈ {0, 1} (max(z, 0) − z = 0 exactly when t = 1 and z > 0).
    """
    z = _floating(logits)
    t = np.asarray(targets, dtype=z.dtype)
    count = _rows(z, class_axis=False)
    small = np.abs(z)
    np.negative(small, out=small)
    np.exp(small, out=small)  # e^(−|z|) ≤ 1
    terms = np.maximum(z, 0)
    terms -= t * z
    terms += np.log1p(small)
    denominator = small + 1
    np.divide(small, denominator, out=small)  # q = σ(−|z|) ≤ 1/2
    gradient = np.where(z >= 0, (1 - t) - small, small - t)
    gradient /= count
    return z.dtype.type(np.sum(terms) / count), gradient


@_proven_by("mse-gradient")
def mse(predictions, targets) -> tuple[np.floating, np.ndarray]:
    """L = mean of (y − t)²; ∂L/∂y = 2(y − t)/n, proven in 'mse-gradient'."""
    y = _floating(predictions)
    difference = y - np.asarray(targets, dtype=y.dtype)
    count = _rows(y, class_axis=False)
    loss = np.sum(difference * difference) / count
    difference *= 2 / count
    return y.dtype.type(loss), difference


@_proven_by("kl-equals-cross-entropy-minus-entropy")
def kl_divergence(p, q) -> tuple[np.floating, np.ndarray]:
    """KL(p ‖ q) = mean over rows of Σ_k p_k log(p_k/q_k); ∂KL/∂q = −p/q / rows.

    Equal to cross-entropy minus entropy, H(p, q) − H(p) (catalog entry
    'kl-equals-cross-entropy-minus-entropy'); 0·log 0 = 0 and q is clipped to ≥ tiny so the
    value stays finite. log(p/q) is used where p/q is a normal number, log p − log q otherwise.
    """
    q = _floating(q)
    p = np.asarray(p, dtype=q.dtype)
    tiny = np.finfo(q.dtype).tiny
    if np.min(q) < tiny:
        q = np.maximum(q, tiny)
    rows = _rows(q, class_axis=True)
    with np.errstate(over="ignore", under="ignore"):
        ratio = p / q  # also −∂KL/∂q up to the 1/rows
    gradient = ratio * (-1.0 / rows)
    if ratio.size and np.min(ratio) > tiny and np.isfinite(np.max(ratio)):
        terms = np.log(ratio, out=ratio)
        terms *= p
    else:  # p = 0 somewhere, or p/q leaves the normal range: take the slow, careful road
        with np.errstate(over="ignore", under="ignore", divide="ignore"):
            safe_ratio = (ratio > tiny) & np.isfinite(ratio)
            log_ratio = np.where(
                safe_ratio,
                np.log(np.where(safe_ratio, ratio, 1)),
                np.log(np.maximum(p, tiny)) - np.log(q),
            )
        terms = np.where(p > 0, p * log_ratio, 0)
        gradient = np.where(np.isfinite(gradient), gradient, -np.finfo(q.dtype).max)
    return q.dtype.type(np.sum(terms) / rows), gradient


@_proven_by("affine-backward")
def affine_forward(x, w, b) -> np.ndarray:
    """out = x·W + b for x of shape (..., D), W (D, M), b (M,); backward in 'affine-backward'."""
    return np.asarray(x) @ w + b


@_proven_by("affine-backward")
def affine_backward(upstream, x, w) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """∂L/∂x = G·Wᵀ, ∂L/∂W = xᵀ·G, ∂L/∂b = Σ_rows G, proven in 'affine-backward'."""
    upstream = np.asarray(upstream)
    x = np.asarray(x)
    flat_x = x.reshape(-1, x.shape[-1])
    flat_upstream = upstream.reshape(-1, upstream.shape[-1])
    return upstream @ np.asarray(w).T, flat_x.T @ flat_upstream, flat_upstream.sum(axis=0)


VERIFIED = {
    function.__name__: function
    for function in (
        sigmoid,
        sigmoid_grad,
        tanh_grad,
        relu,
        relu_grad,
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
