"""The accuracy of the verified functions in units in the last place, against mpmath.

Every verified function is evaluated over the whole float range (σ on [−745, 745], logits
spread by 1e4, probabilities within 1e-15 of 0 and 1) and compared with the mpmath value of its
ops-table definition at 400 digits (:func:`worst_ulp`). The promised bounds are
:data:`ULP_BOUNDS`; ``symderive verify`` and the tests enforce them.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from symderive import verified
from symderive.ops import loss_rule, rule

@dataclass(frozen=True)
class UlpReport:
    """The worst error of a verified function in units in the last place, and where."""

    function: str
    dtype: str
    worst_ulp: float
    at: str
    samples: int
    finite: bool  # no NaN/inf anywhere in the outputs


def ulp_errors(computed: np.ndarray, reference: list, dtype) -> np.ndarray:
    """|computed − reference| / ulp(reference rounded to dtype); reference holds mpf values."""
    dtype = np.dtype(dtype)
    errors = np.empty(len(reference))
    flat = np.ravel(computed)
    with mpmath.workdps(60):
        for k, exact in enumerate(reference):
            rounded = dtype.type(float(exact))
            if not np.isfinite(flat[k]):
                errors[k] = np.inf
                continue
            spacing = mpmath.mpf(float(np.spacing(np.abs(rounded))))
            errors[k] = float(abs(mpmath.mpf(float(flat[k])) - exact) / spacing)
    return errors


REFERENCE_DIGITS = 400
"""Logits spread by 1e4 make log Σ e^o = m + s with s down to 1e-324 relative to m ≈ 1e4: the
reference needs about 330 digits to resolve what float64 can represent."""


def _elementwise_points(dtype, count: int, seed: int, limit: float = 745.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    grid = np.linspace(-limit, limit, count // 2)
    spread = np.sign(rng.standard_normal(count - count // 2)) * np.exp(
        rng.uniform(np.log(1e-8), np.log(limit), count - count // 2)
    )
    return np.concatenate([grid, spread, [0.0, -limit, limit]]).astype(dtype)


def _ulp_elementwise(name, function, reference, dtype, count, seed) -> UlpReport:
    x = _elementwise_points(dtype, count, seed)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        computed = function(x)
    with mpmath.workdps(REFERENCE_DIGITS):
        exact = [reference(mpmath.mpf(float(v))) for v in x]
    errors = ulp_errors(computed, exact, dtype)
    worst = int(np.argmax(errors))
    return UlpReport(
        name,
        np.dtype(dtype).name,
        float(errors[worst]),
        f"x = {float(x[worst]):.6g}",
        len(x),
        bool(np.all(np.isfinite(computed))),
    )


def _ulp_rows(name, rows, evaluate, reference, dtype) -> UlpReport:
    """Loss functions: one row at a time; ULPs of the loss value and of every gradient entry."""
    worst, where, finite, samples = 0.0, "", True, 0
    for row in rows:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            loss, gradient = evaluate(*row)
        exact_loss, exact_gradient = reference(*row)
        errors = ulp_errors(
            np.concatenate([[loss], np.ravel(gradient)]), [exact_loss, *exact_gradient], dtype
        )
        finite &= bool(np.isfinite(loss) and np.all(np.isfinite(gradient)))
        samples += errors.size
        if errors.max() > worst:
            worst = float(errors.max())
            where = "loss" if errors.argmax() == 0 else f"gradient[{errors.argmax() - 1}]"
            where += f" at {np.array2string(np.asarray(row[0]), precision=4, threshold=6)}"
    return UlpReport(name, np.dtype(dtype).name, worst, where, samples, finite)


def _loss_reference(name: str, classes: int, digits: int = REFERENCE_DIGITS):
    derived = loss_rule(name, classes)

    def reference(prediction, target):
        with mpmath.workdps(digits):
            args = [mpmath.mpf(float(v)) for v in np.ravel(prediction)] + [
                mpmath.mpf(float(v)) for v in np.ravel(target)
            ]
            return derived.value_reference(*args), list(derived.gradient_reference(*args))

    return reference


def worst_ulp(name: str, dtype=np.float64, count: int = 400, seed: int = 0) -> UlpReport:
    """Measure one verified function against mpmath (400 digits) over the whole float range.

    Inputs: sigmoid and its derivative on [−745, 745] (a grid plus log-spread magnitudes),
    tanh_grad on the same range, logits spread by 1e4 (softmax, log_softmax, cross-entropies),
    probabilities within 1e-15 of 0 and 1 (binary cross-entropy, KL).
    """
    rng = np.random.default_rng(seed)
    dtype = np.dtype(dtype)
    if name in ELEMENTWISE_ULP:
        op_name = name.removesuffix("_grad")
        derived = rule(op_name)
        reference = derived.reference[0] if name.endswith("_grad") else derived.forward_reference
        return _ulp_elementwise(name, verified.VERIFIED[name], reference, dtype, count, seed)
    rows_count = max(8, count // 10)
    classes = 4
    if name in ("softmax", "log_softmax"):
        logits = (
            rng.standard_normal((rows_count, classes)) * 10.0 ** rng.integers(0, 5, (rows_count, 1))
        ).astype(dtype)
        function = verified.VERIFIED[name]
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            computed = function(logits)
        exact = []
        with mpmath.workdps(REFERENCE_DIGITS):
            for row in logits:
                values = [mpmath.mpf(float(v)) for v in row]
                log_total = mpmath.log(mpmath.fsum(mpmath.exp(v) for v in values))
                exact += [
                    (v - log_total) if name == "log_softmax" else mpmath.exp(v - log_total)
                    for v in values
                ]
        errors = ulp_errors(computed, exact, dtype)
        worst = int(np.argmax(errors))
        return UlpReport(
            name,
            dtype.name,
            float(errors[worst]),
            f"logits row {worst // classes}",
            errors.size,
            bool(np.all(np.isfinite(computed))),
        )
    if name == "softmax_cross_entropy":
        spread = 10.0 ** rng.integers(0, 5, rows_count)
        rows = []
        for k in range(rows_count):
            logits = (rng.standard_normal((1, classes)) * spread[k]).astype(dtype)
            label = int(rng.integers(0, classes)) if k % 2 else int(np.argmax(logits))
            rows.append((logits, np.array([label])))
        reference = _loss_reference(name, classes)
        return _ulp_rows(
            name,
            rows,
            verified.softmax_cross_entropy,
            lambda logits, labels: reference(logits, np.eye(classes)[labels]),
            dtype,
        )
    if name == "binary_cross_entropy":
        near = 10.0 ** -rng.uniform(1, 15, rows_count)
        probabilities = np.where(rng.random(rows_count) < 0.5, near, 1 - near)
        targets = rng.choice([0.0, 1.0, 0.3], rows_count)
        rows = [
            (np.array([p], dtype=dtype), np.array([t], dtype=dtype))
            for p, t in zip(probabilities.astype(dtype), targets)
        ]
        rows = [(p, t) for p, t in rows if 0 < p[0] < 1]
        return _ulp_rows(name, rows, verified.binary_cross_entropy, _loss_reference(name, 1), dtype)
    if name == "binary_cross_entropy_with_logits":
        logits = rng.standard_normal(rows_count) * 10.0 ** rng.integers(-2, 5, rows_count)
        targets = rng.choice([0.0, 1.0], rows_count)
        rows = [
            (np.array([z], dtype=dtype), np.array([t], dtype=dtype))
            for z, t in zip(logits, targets)
        ]
        # 1 − σ(z) = e^(−z)/(1 + e^(−z)) ≈ 10^(−z/2.3): the definition needs z/2.3 + 60 digits

        def reference(z, t):
            digits = 60 + int(float(np.max(np.abs(z))) / 2.3)
            return _loss_reference(name, 1, digits)(z, t)

        return _ulp_rows(name, rows, verified.binary_cross_entropy_with_logits, reference, dtype)
    if name == "mse":
        rows = [
            (rng.standard_normal(1).astype(dtype), rng.standard_normal(1).astype(dtype))
            for _ in range(rows_count)
        ]
        return _ulp_rows(name, rows, verified.mse, _loss_reference(name, 1), dtype)
    if name == "kl_divergence":
        rows = []
        for _ in range(rows_count):
            q = rng.dirichlet(np.full(classes, 0.3)).astype(dtype)
            p = rng.dirichlet(np.full(classes, 0.3)).astype(dtype)
            q = np.maximum(q, np.finfo(dtype).tiny)
            p = np.maximum(p, np.finfo(dtype).tiny)
            rows.append((q[None, :], p[None, :]))
        reference = _loss_reference(name, classes)
        return _ulp_rows(name, rows, lambda q, p: verified.kl_divergence(p, q), reference, dtype)
    raise KeyError(name)


ULP_BOUNDS = {
    "softmax": 6.0,  # ≤ 4 ULPs from fl(x − m) below spread 8 (kernels.shift_by_max) + exp + ÷
    "log_softmax": 6.0,
    "softmax_cross_entropy": 6.0,
    # a sum of terms of both signs: about 1.5·κ ULPs with κ = Σ|p log(p/q)| / KL (≈ 10 at worst
    # in 3000 Dirichlet(0.3) rows; 12.2 ULPs measured)
    "kl_divergence": 16.0,
}
"""The accuracy a verified function promises (default 4 ULPs); tests and `verify` enforce it."""
DEFAULT_ULP_BOUND = 4.0


def ulp_bound(name: str) -> float:
    return ULP_BOUNDS.get(name, DEFAULT_ULP_BOUND)


ELEMENTWISE_ULP = ("sigmoid", "sigmoid_grad", "tanh", "tanh_grad")
"""The elementwise verified functions measured over the whole float range (the piecewise-linear
ones, relu and leaky_relu, are exact by construction and measured by the tests)."""

ULP_FUNCTIONS = (
    *ELEMENTWISE_ULP,
    "softmax",
    "log_softmax",
    "softmax_cross_entropy",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "mse",
    "kl_divergence",
)
