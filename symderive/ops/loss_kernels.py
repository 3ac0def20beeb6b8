"""Numerically stable NumPy kernels of the losses in :mod:`symderive.ops.losses`.

Each returns ``(loss, gradient with respect to the first argument)``; the loss is the mean of
the row losses over every leading (batch) axis and has the input's dtype. The arguments are
already checked (:mod:`symderive.verified` checks what users pass): floating predictions, and
targets of a shape and range the loss accepts. The tests measure every kernel in ULPs against
the mpmath value of the loss entry's SymPy definition.
"""

from __future__ import annotations

import numpy as np

from symderive.ops import kernels


def _count(array: np.ndarray, class_axis: bool) -> int:
    """How many terms a mean runs over: every leading axis (all axes for elementwise losses)."""
    shape = array.shape[:-1] if class_axis else array.shape
    return int(np.prod(shape, dtype=np.int64)) if shape else 1


def _finite_rows(logits: np.ndarray, labels: np.ndarray, hard: bool):
    """Row losses and unscaled gradients (softmax·Σt − t) of rows whose logits are all finite.

    The largest logit's exponential is exactly 1 and left out of the sum s of the others, so
    the loss is log1p(s) − (o_y − m) (no cancellation) and the gradient of a correct, confident
    class is −s/(1 + s) rather than the cancelled p_y − 1.
    """
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
    if hard:
        label_index = labels[:, None]
        picked = np.take_along_axis(difference, label_index, axis=-1)
        row_loss = (np.log1p(others) - picked)[:, 0]
        label_probability = np.take_along_axis(gradient, label_index, axis=-1)
        label_gradient = np.where(label_index == top, -others / total, label_probability - 1)
        np.put_along_axis(gradient, label_index, label_gradient, axis=-1)
    else:
        target_mass = np.sum(labels, axis=-1, keepdims=True)
        row_loss = np.sum(labels * (np.log1p(others) - difference), axis=-1)
        gradient *= target_mass
        gradient -= labels
    return row_loss, gradient


def _limit_row(logits: np.ndarray, targets: np.ndarray):
    """The exact limit of a row holding ±∞ or NaN: (row loss, softmax·Σt − t).

    One +∞ logit takes all the probability; −∞ logits take none; NaN, several +∞ (the limit
    depends on how they grow) or every logit −∞ give NaN. A target of 0 on a class of
    probability 0 contributes 0 (0·log 0 = 0); a positive one makes the loss +∞.
    """
    nan = np.full_like(logits, np.nan)
    infinite = logits == np.inf
    if np.isnan(logits).any() or infinite.sum() > 1 or not (logits > -np.inf).any():
        return logits.dtype.type(np.nan), nan
    probabilities = np.zeros_like(logits)
    log_probabilities = np.full_like(logits, -np.inf)
    if infinite.any():
        probabilities[infinite] = 1
        log_probabilities[infinite] = 0
    else:
        finite = logits > -np.inf
        probabilities[finite] = kernels.softmax(logits[finite])
        log_probabilities[finite] = kernels.log_softmax(logits[finite])
    weighted = targets != 0
    row_loss = -np.sum(targets[weighted] * log_probabilities[weighted])
    return logits.dtype.type(row_loss), probabilities * np.sum(targets) - targets


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray):
    """L = mean over rows of −Σ_k t_k log softmax(o)_k; ∂L/∂o = (softmax(o)·Σt − t)/rows.

    ``labels`` are class indices (integers of shape ``logits.shape[:-1]``, t one-hot) or
    target distributions of the shape of ``logits``. Accurate for logits spread by 1e4; rows
    with infinite or NaN logits get their exact limits (:func:`_limit_row`).
    """
    classes = logits.shape[-1]
    flat = logits.reshape(-1, classes)
    rows = flat.shape[0]
    hard = labels.dtype.kind in "iu"
    flat_labels = labels.reshape(-1) if hard else labels.reshape(-1, classes)
    finite = np.isfinite(flat).all(axis=-1)
    if finite.all():
        row_loss, gradient = _finite_rows(flat, flat_labels, hard)
    else:
        row_loss = np.empty(rows, dtype=flat.dtype)
        gradient = np.empty_like(flat)
        if finite.any():
            row_loss[finite], gradient[finite] = _finite_rows(
                flat[finite], flat_labels[finite], hard
            )
        for row in np.flatnonzero(~finite):
            targets = (
                np.eye(classes, dtype=flat.dtype)[flat_labels[row]] if hard else flat_labels[row]
            )
            row_loss[row], gradient[row] = _limit_row(flat[row], targets)
    gradient /= rows
    return logits.dtype.type(np.sum(row_loss) / rows), gradient.reshape(logits.shape)


def binary_cross_entropy(probabilities: np.ndarray, targets: np.ndarray):
    """L = mean of −(t log p + (1 − t) log(1 − p)); ∂L/∂p = (p − t)/(p(1 − p)) / n.

    log(1 − p) is computed as log1p(−p) (exact for p near 0). Nothing is clipped: at p = 0 or
    p = 1 the values are the limits — 0·log 0 = 0, so a term whose target puts no weight there
    is 0 and its gradient the limit 1 (p = t = 0) or −1 (p = t = 1) of (p − t)/(p(1 − p));
    a certain prediction of the wrong class makes the loss +∞ and its gradient −∞ (p = 0 < t)
    or +∞ (p = 1 > t), as the mathematics says (PyTorch clamps the log at −100 instead).
    """
    p = probabilities
    t = np.asarray(targets, dtype=p.dtype)
    count = _count(p, class_axis=False)
    if p.size and np.min(p) >= np.finfo(p.dtype).tiny and np.max(p) < 1:
        terms = -(t * np.log(p) + (1 - t) * np.log1p(-p))
        gradient = (p - t) / (p * (1 - p))
    else:  # p = 0, p = 1 or p subnormal: limits, and overflow to ±∞ where |∂L/∂p| > max
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            weighted_log_p = np.where(t == 0, 0, t * np.log(p))
            weighted_log_q = np.where(t == 1, 0, (1 - t) * np.log1p(-p))
            terms = -(weighted_log_p + weighted_log_q)
            gradient = (p - t) / (p * (1 - p))
        gradient = np.where((p == 0) & (t == 0), 1, gradient)
        gradient = np.where((p == 1) & (t == 1), -1, gradient).astype(p.dtype, copy=False)
    gradient /= count
    return p.dtype.type(np.sum(terms) / count), gradient


def _linear_part(z: np.ndarray, t: np.ndarray) -> np.ndarray:
    """max(z, 0) − t·z, with its limits at infinite logits: (1 − t)·z as z → +∞ and −t·z as
    z → −∞ are 0 when the target is certain of that side (t = 1, t = 0), +∞ otherwise."""
    terms = np.maximum(z, 0, out=np.empty_like(z))
    infinite = np.isinf(z)
    if not infinite.any():
        terms -= t * z
        return terms
    with np.errstate(invalid="ignore"):  # ∞ − ∞ and 0·∞, replaced just below
        terms -= t * z
    certain = np.where(z > 0, t == 1, t == 0)
    terms[infinite] = np.where(certain, 0, np.inf)[infinite]
    return terms


def binary_cross_entropy_with_logits(logits: np.ndarray, targets: np.ndarray):
    """L = mean of −(t log σ(z) + (1 − t) log(1 − σ(z))); ∂L/∂z = (σ(z) − t) / n.

    Stable form: L = max(z, 0) − t·z + log1p(e^(−|z|)) and, with q = σ(−|z|) =
    e^(−|z|)/(1 + e^(−|z|)), σ(z) − t = (1 − t) − q for z ≥ 0 and q − t for z < 0: no
    exponential of a positive number and no cancellation for t ∈ {0, 1}. An infinite logit
    gives the limit: 0 when the target is certain of that side (t = 1 at +∞, t = 0 at −∞),
    +∞ otherwise; the gradient σ(±∞) − t stays finite.
    """
    z = logits
    t = np.asarray(targets, dtype=z.dtype)
    count = _count(z, class_axis=False)
    small = np.abs(z, out=np.empty_like(z))  # an array also for 0-d input, so out= works
    np.negative(small, out=small)
    np.exp(small, out=small)  # e^(−|z|) ≤ 1
    terms = _linear_part(z, t)
    terms += np.log1p(small)
    denominator = small + 1
    np.divide(small, denominator, out=small)  # q = σ(−|z|) ≤ 1/2
    gradient = np.where(z >= 0, (1 - t) - small, small - t)
    gradient /= count
    return z.dtype.type(np.sum(terms) / count), gradient


def mse(predictions: np.ndarray, targets: np.ndarray):
    """L = mean of (y − t)²; ∂L/∂y = 2(y − t)/n."""
    count = _count(predictions, class_axis=False)
    # (y − t)² beyond the largest float is +∞, its value; ∞ − ∞ is NaN in its own entry
    # (round 14b F4: mse([∞], [∞]) warned "invalid value encountered in subtract")
    with np.errstate(over="ignore", invalid="ignore"):
        difference = predictions - np.asarray(targets, dtype=predictions.dtype)
        loss = np.sum(difference * difference) / count
        difference *= 2 / count
    return predictions.dtype.type(loss), difference


def kl_divergence(q: np.ndarray, p: np.ndarray):
    """KL(p ‖ q) = mean over rows of Σ_k p_k log(p_k/q_k); ∂KL/∂q = −p/q / rows.

    Nothing is clipped. 0·log(0/q) = 0 for every q (with gradient 0, also at q = 0); p > 0 = q
    gives the limits, KL = +∞ and the gradient −∞. log(p/q) is used where p/q is a normal
    number, log p − log q otherwise (a subnormal q keeps its value).
    """
    p = np.asarray(p, dtype=q.dtype)
    tiny = np.finfo(q.dtype).tiny
    rows = _count(q, class_axis=True)
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        ratio = p / q  # also −∂KL/∂q up to the 1/rows
    gradient = ratio * (-1.0 / rows)
    if ratio.size and np.min(ratio) > tiny and np.isfinite(np.max(ratio)):
        terms = np.log(ratio, out=ratio)
        terms *= p
    else:  # p = 0 or q = 0 somewhere, or p/q leaves the normal range: the careful road
        with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
            safe_ratio = (ratio > tiny) & np.isfinite(ratio)
            log_ratio = np.where(
                safe_ratio, np.log(np.where(safe_ratio, ratio, 1)), np.log(p) - np.log(q)
            )
            terms = np.where((p == 0) & ~np.isnan(q), 0, p * log_ratio)
        gradient = np.where((p == 0) & (q == 0), 0, gradient).astype(q.dtype, copy=False)
    return q.dtype.type(np.sum(terms) / rows), gradient
