"""Numerically stable NumPy kernels, used where the lambdified symbolic form is not stable.

Each kernel computes the same function as a symbolic definition in :mod:`symderive.ops.definitions`
rearranged so that no intermediate overflows (``exp`` is only ever taken of a non-positive
number) and no cancellation loses the relative accuracy of a small result. The tests prove the
rearrangement equal to the definition with SymPy and measure the kernels in ULPs against mpmath.

All kernels keep the floating dtype of their input (float32 stays float32) and accept any batch
shape; class axes are the last axis.
"""

from __future__ import annotations

import numpy as np


def _floating(x: np.ndarray | float) -> np.ndarray:
    array = np.asarray(x)
    if array.dtype.kind != "f":
        array = array.astype(np.float64)
    return array


def _exp_minus_abs(x: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """e^(−scale·|x|) in a fresh array (an array also for 0-d input, so ``out=`` works)."""
    z = np.empty_like(x)
    np.abs(x, out=z)
    with np.errstate(over="ignore"):  # −scale·|x| beyond the dtype: −inf, whose e^ is 0 exactly
        np.multiply(z, -scale, out=z)
    np.exp(z, out=z)
    return z


EXP_LIMITS = {
    np.dtype(dtype): float(np.floor(np.log(np.finfo(dtype).max))) - 1.0
    for dtype in (np.float16, np.float32, np.float64, np.longdouble)
}
"""The largest t with e^t safely finite: 708 for float64, 87 for float32."""


def sigmoid(x: np.ndarray) -> np.ndarray:
    """σ(x) = 1/(1 + e^(−x)), evaluated as written wherever e^(−x) is finite (x ≥ −L).

    L = 708 (float64) or 87 (float32). There the formula loses nothing: e^(−x) is accurate to
    half an ULP, and 1 + e^(−x) and the reciprocal add one rounding each. Below −L, 1 + e^x
    rounds to 1, so σ(x) = e^x/(1 + e^x) is e^x itself (subnormal down to σ(−745), 0 at −∞):
    those entries are patched and nothing overflows. NaN entries stay NaN and spoil nothing
    else; σ(+∞) = 1. In place: the naive formula's four NumPy calls and a minimum.
    """
    x = _floating(x)
    limit = EXP_LIMITS[x.dtype]
    # `not min >= −L` is also true when a NaN makes the minimum NaN: then the mask decides
    every_entry_above = not x.size or x.min() >= -limit
    result = np.negative(x, out=np.empty_like(x))
    if not every_entry_above:  # the clamp only matters (and only costs a pass) below −L
        np.minimum(result, limit, out=result)
    np.exp(result, out=result)
    result += 1.0
    np.divide(1.0, result, out=result)
    if not every_entry_above:
        deep = x < -limit
        result[deep] = np.exp(x[deep])
    return result


def sigmoid_grad(x: np.ndarray) -> np.ndarray:
    """σ'(x) = z/(1 + z)² with z = e^(−|x|): σ' is even, so |x| suffices; 0 at ±∞."""
    x = _floating(x)
    z = _exp_minus_abs(x)
    denominator = np.add(z, 1.0, out=np.empty_like(z))
    np.multiply(denominator, denominator, out=denominator)
    np.divide(z, denominator, out=z)
    return z


def tanh(x: np.ndarray) -> np.ndarray:
    """tanh(x): NumPy's own, correctly rounded to within an ULP, ±1 at ±∞."""
    return np.tanh(_floating(x))


def tanh_grad(x: np.ndarray) -> np.ndarray:
    """tanh'(x) = 4z/(1 + z)² with z = e^(−2|x|): no cancellation in 1 − tanh² for large |x|."""
    x = _floating(x)
    z = _exp_minus_abs(x, 2.0)
    denominator = np.add(z, 1.0, out=np.empty_like(z))
    np.multiply(denominator, denominator, out=denominator)
    np.multiply(z, 4.0, out=z)
    np.divide(z, denominator, out=z)
    return z


def relu(x: np.ndarray) -> np.ndarray:
    """max(x, 0), NaN propagating."""
    return np.maximum(_floating(x), 0)


def relu_grad(x: np.ndarray) -> np.ndarray:
    """H(x) with H(0) = 0 (the kink convention), NaN propagating."""
    x = _floating(x)
    return np.heaviside(x, x.dtype.type(0))


def _slope(alpha, dtype) -> np.floating:
    """The leaky slope α as one finite real number of ``dtype`` (a string, an array or NaN is
    refused with a clear message rather than numpy's)."""
    if isinstance(alpha, (bool, np.bool_)) or not isinstance(alpha, (int, float, np.integer,
                                                                      np.floating)):
        raise TypeError(f"leaky_relu: alpha must be one real number, not {alpha!r}")
    if not np.isfinite(alpha):
        raise ValueError(f"leaky_relu: alpha must be finite, not {alpha!r}")
    return dtype.type(alpha)


def leaky_relu(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """x for x > 0, αx otherwise (NaN propagates through αx)."""
    x = _floating(x)
    return np.where(x > 0, x, _slope(alpha, x.dtype) * x)


def leaky_relu_grad(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    """1 for x > 0, α for x ≤ 0 (α at the kink), NaN at NaN."""
    x = _floating(x)
    slope = np.where(x <= 0, _slope(alpha, x.dtype), x)  # NaN stays NaN
    return np.where(x > 0, x.dtype.type(1), slope)


def softplus(x: np.ndarray) -> np.ndarray:
    """log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)), exact in both tails."""
    x = _floating(x)
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def logsumexp(x: np.ndarray, axis: int = -1, keepdims: bool = False) -> np.ndarray:
    """log Σ_k e^(x_k) = m + log Σ_k e^(x_k − m) with m = max_k x_k (softmax shift invariance)."""
    x = _floating(x)
    shift = np.max(x, axis=axis, keepdims=True)
    total = np.sum(np.exp(x - shift), axis=axis, keepdims=True)
    result = np.log(total) + shift
    return result if keepdims else np.squeeze(result, axis=axis)


EXACT_SHIFT_SPREAD = 8.0
"""Up to this spread (max − min of a row) fl(x − m) costs at most 4 ULPs in e^(x − m)."""


def shift_by_max(x: np.ndarray, axis: int = -1):
    """(d, correction, top): x − max(x) = d + e exactly and top the argmax.

    ``correction`` is None or ``(index, e)`` with e the rounding error of d at ``d[index]``
    (``index`` selects the rows that need it, or ``...`` for all). fl(x − m) is off by up to
    |x − m|·ε/2, which e^(x − m) turns into a relative error of |x − m|·ε/2: harmless for a row
    spread below 8 (≤ 4 ULPs), hundreds of ULPs for logits spread by 1e3. Rows wider than that
    get their rounding error computed exactly (TwoSum), and callers use e^(d + e) ≈ e^d·(1 + e).
    """
    top = np.argmax(x, axis=axis, keepdims=True)
    negated_max = np.take_along_axis(x, top, axis=axis)
    np.negative(negated_max, out=negated_max)
    with np.errstate(over="ignore"):  # a spread beyond the dtype: −inf, whose e^ is 0 exactly
        difference = x + negated_max
    if not difference.size:
        return difference, None, top
    spread = -difference.min(axis=axis, keepdims=True)
    wide = spread > EXACT_SHIFT_SPREAD
    if not wide.any():
        return difference, None, top
    if difference.ndim == 2 and axis in (-1, 1):
        index = np.flatnonzero(wide[:, 0])
        return (
            difference,
            (index, _two_sum_error(x[index], negated_max[index], difference[index])),
            top,
        )
    return difference, (..., _two_sum_error(x, negated_max, difference)), top


def _two_sum_error(x: np.ndarray, negated_max: np.ndarray, difference: np.ndarray) -> np.ndarray:
    """The exact rounding error of difference = fl(x + negated_max) (Knuth's TwoSum).

    Where the difference overflowed to −inf (finite logits whose spread exceeds the dtype's
    largest value: 1e308 and −1e308) the error is 0: e^(−inf) = 0 is the exact limit, and
    TwoSum's inf − inf would spread a NaN over the row."""
    with np.errstate(invalid="ignore", over="ignore"):
        x_part = difference - negated_max
        max_part = difference - x_part
        np.subtract(x, x_part, out=x_part)
        np.subtract(negated_max, max_part, out=max_part)
        x_part += max_part
    x_part[~np.isfinite(difference)] = 0
    return x_part


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """softmax(x)_i = e^(x_i − m)/Σ_k e^(x_k − m), m = max x: every exponent is ≤ 0.

    x − m is carried exactly when the spread needs it (:func:`shift_by_max`).
    """
    x = _floating(x)
    infinite = np.isinf(x)
    if infinite.any():
        return _softmax_with_infinities(x, axis)
    difference, correction, top = shift_by_max(x, axis)
    exponentials = np.exp(difference, out=difference)
    if correction is not None:
        index, error = correction
        exponentials[index] *= error + 1
    exponentials /= np.sum(exponentials, axis=axis, keepdims=True)
    return exponentials


def _softmax_with_infinities(x: np.ndarray, axis: int) -> np.ndarray:
    """The limits: a −inf entry (a masked logit) has probability 0 and leaves the others as
    without it; a row with +inf entries shares 1 among them; a row of only −inf, or with a NaN,
    is NaN (no limit) — and no other row is touched."""
    positive = np.isposinf(x)
    undefined = np.isnan(x).any(axis=axis, keepdims=True) | np.isneginf(x).all(
        axis=axis, keepdims=True
    )
    rows = positive.any(axis=axis, keepdims=True)
    safe = np.where(rows | undefined, 0, x).astype(x.dtype)  # those rows are written below
    with np.errstate(invalid="ignore"):  # the rounding error of e^(−inf) is no error at all
        difference, correction, _ = shift_by_max(safe, axis)
        exponentials = np.exp(difference, out=difference)
        if correction is not None:
            index, error = correction
            exponentials[index] *= np.where(np.isfinite(error), error, 0) + 1
    exponentials /= np.sum(exponentials, axis=axis, keepdims=True)
    if rows.any():
        shares = positive / np.maximum(positive.sum(axis=axis, keepdims=True), 1)
        np.copyto(exponentials, shares.astype(x.dtype), where=np.broadcast_to(rows, x.shape))
    np.copyto(exponentials, np.nan, where=np.broadcast_to(undefined, x.shape))
    return exponentials


NARROW_PARTITION = float(np.exp(-4.0))


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log softmax(x)_i = (x_i − m) − log1p(s), s = Σ_{k ≠ argmax} e^(x_k − m).

    The largest entry contributes exactly e^0 = 1 to the partition sum, so taking it out and
    using log1p keeps the tiny log-probability of a dominant class (log(1 + s) would round to 0).
    Each x_i − m is within half an ULP of |x_i − m| ≤ |result|, so it needs no correction; s
    does when it is made only of far-away terms (s < e^(−4)): then their exponents are
    recomputed exactly (TwoSum) for those rows.
    """
    x = _floating(x)
    if np.isinf(x).any():
        return _log_softmax_with_infinities(x, axis)
    return _log_softmax_finite(x, axis)


def _log_softmax_with_infinities(x: np.ndarray, axis: int) -> np.ndarray:
    """The limits, row by row as :func:`_softmax_with_infinities` gives them: a −inf entry is
    −inf and leaves the others as without it; a row with k entries +inf gives them −log k and
    the rest −inf; a row of only −inf, or with a NaN, is NaN — and no other row is touched."""
    positive = np.isposinf(x)
    undefined = np.isnan(x).any(axis=axis, keepdims=True) | np.isneginf(x).all(
        axis=axis, keepdims=True
    )
    rows = positive.any(axis=axis, keepdims=True)
    safe = np.where(rows | undefined, 0, x).astype(x.dtype)  # those rows are written below
    with np.errstate(invalid="ignore"):  # TwoSum of a −inf entry: its error is no error
        result = _log_softmax_finite(safe, axis)
    if rows.any():
        count = np.maximum(positive.sum(axis=axis, keepdims=True), 1).astype(x.dtype)
        shares = np.where(positive, 0 - np.log(count), -np.inf).astype(x.dtype)
        np.copyto(result, shares, where=np.broadcast_to(rows, x.shape))
    np.copyto(result, np.nan, where=np.broadcast_to(undefined, x.shape))
    return result


def _log_softmax_finite(x: np.ndarray, axis: int) -> np.ndarray:
    """:func:`log_softmax` of rows whose maximum is finite (−inf entries allowed)."""
    top = np.argmax(x, axis=axis, keepdims=True)
    negated_max = np.take_along_axis(x, top, axis=axis)
    np.negative(negated_max, out=negated_max)
    difference = x + negated_max
    exponentials = np.exp(difference)
    np.put_along_axis(exponentials, top, 0, axis=axis)
    others = np.sum(exponentials, axis=axis, keepdims=True)
    narrow = others < NARROW_PARTITION
    if narrow.any():
        if difference.ndim == 2 and axis in (-1, 1):
            index = np.flatnonzero(narrow[:, 0])
        else:
            index = ...
        error = _two_sum_error(x[index], negated_max[index], difference[index])
        error[~np.isfinite(error)] = 0  # a −inf entry: e^(−inf) = 0 exactly, no error
        exponentials[index] *= error + 1
        difference[index] += error
        others[index] = np.sum(exponentials[index], axis=axis, keepdims=True)
    difference -= np.log1p(others)
    return difference
