"""Three-way cross-validation: SymPy ↔ code (engine / verified function) ↔ finite differences.

Every row evaluates one gradient three independent ways at random points:

* symbolic — the SymPy derivative of the single definition (:mod:`symderive.ops`), evaluated in
  mpmath at 30 digits (or exact rationals for the worked examples);
* code — the engine's backward and, where one exists, the verified NumPy function;
* numeric — central differences in float64 (:mod:`symderive.gradcheck`).

``symderive verify`` prints these rows (:func:`verify` builds its whole report and verdict);
the test suite asserts them. The ULP measurements live in :mod:`symderive.accuracy` (re-exported
here: :func:`worst_ulp`, :func:`ulp_errors`, :data:`ULP_FUNCTIONS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from symderive import functions, verified
from symderive.accuracy import (
    ULP_BOUNDS,
    ULP_FUNCTIONS,
    UlpReport,
    ulp_bound,
    ulp_errors,
    worst_ulp,
)
from symderive.engine import functional
from symderive.engine.tensor import Tensor
from symderive.gradcheck import elementwise_central_difference, numeric_gradient, relative_error
from symderive.ops import ELEMENTWISE, LOSSES, loss_rule, rule

EXACT_THRESHOLD = 1e-9
"""symbolic ↔ code: the same formula twice in float64 (relative error, floor 1e-8)."""
NUMERIC_THRESHOLD = 1e-6
"""anything ↔ finite differences (see :mod:`symderive.gradcheck`)."""
FLOOR = 1e-8
LEAKY_ALPHA = 0.1


@dataclass(frozen=True)
class CrossValidation:
    """One gradient checked three ways; errors are the largest relative errors over the points."""

    name: str
    kind: str  # "op", "loss", "verified", "example", "network"
    proven_by: tuple[str, ...]
    points: int
    symbolic_code: float
    code_numeric: float
    symbolic_numeric: float
    note: str = ""
    exact_threshold: float = EXACT_THRESHOLD
    numeric_threshold: float = NUMERIC_THRESHOLD

    @property
    def passed(self) -> bool:
        return (
            self.symbolic_code <= self.exact_threshold
            and self.code_numeric <= self.numeric_threshold
            and self.symbolic_numeric <= self.numeric_threshold
        )

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "proven_by": list(self.proven_by),
            "points": self.points,
            "symbolic_vs_code": self.symbolic_code,
            "code_vs_numeric": self.code_numeric,
            "symbolic_vs_numeric": self.symbolic_numeric,
            "passed": self.passed,
            "note": self.note,
        }


def _worst(a, b) -> float:
    return float(np.max(relative_error(a, b, FLOOR), initial=0.0))


def _mp_float(function: Callable, *columns: np.ndarray) -> np.ndarray:
    """Evaluate an mpmath function entrywise at 30 digits and round to float64."""
    with mpmath.workdps(30):
        flat = [np.ravel(c) for c in columns]
        values = [
            float(function(*[mpmath.mpf(float(c[i])) for c in flat])) for i in range(len(flat[0]))
        ]
    return np.array(values).reshape(np.shape(columns[0]))


def _sample(domain: str, rng: np.random.Generator, size: int) -> np.ndarray:
    if domain == "positive":
        return np.exp(rng.standard_normal(size))
    return 2.0 * rng.standard_normal(size)


# -- elementwise ops ------------------------------------------------------------------------------
def check_op(name: str, *, count: int = 32, seed: int = 0) -> list[CrossValidation]:
    """∂op/∂input_i: SymPy (mpmath) ↔ engine backward ↔ vectorised central differences."""
    op = ELEMENTWISE[name]
    derived = rule(name)
    rng = np.random.default_rng(seed)
    params = (LEAKY_ALPHA,) * len(op.params)
    values = [_sample(domain, rng, count) for domain in op.domains]
    tensors = [Tensor(v.copy(), requires_grad=True) for v in values]
    from symderive.engine.tensor import elementwise

    elementwise(name, *tensors, params=params).sum().backward()
    rows = []
    for i, symbol in enumerate(op.inputs):
        symbolic = _mp_float(lambda *a, i=i: derived.reference[i](*a, *params), *values)
        engine = tensors[i].grad
        numeric = elementwise_central_difference(
            lambda *a: op.kernel(*a, *params), values, position=i
        )
        note = _kink_note(name, params) if i == 0 and op.kinks else ""
        rows.append(
            CrossValidation(
                name=f"{name} ∂/∂{symbol}",
                kind="op",
                proven_by=op.proven_by,
                points=count,
                symbolic_code=_worst(symbolic, engine),
                code_numeric=_worst(engine, numeric),
                symbolic_numeric=_worst(symbolic, numeric),
                note=note,
            )
        )
    return rows


def kink_values(name: str, alpha: float = LEAKY_ALPHA) -> dict[str, tuple[float, ...]]:
    """At the kink: the symbolic rule, the engine, and the one-sided differences per input.

    The shared convention holds when symbolic == engine and that value equals one of the two
    one-sided differences (relu, leaky_relu: the left one; maximum: ∂x the right, ∂y the left).
    """
    op = ELEMENTWISE[name]
    derived = rule(name)
    params = (alpha,) * len(op.params)
    point = [0.0] if op.arity == 1 else [1.5, 1.5]
    tensors = [Tensor(np.array(p), requires_grad=True) for p in point]
    from symderive.engine.tensor import elementwise

    elementwise(name, *tensors, params=params).backward()
    result = {}
    step = 1e-6
    for i, symbol in enumerate(op.inputs):
        with mpmath.workdps(30):
            symbolic = float(derived.reference[i](*[mpmath.mpf(p) for p in point], *params))
        shifted_up = list(point)
        shifted_down = list(point)
        shifted_up[i] += step
        shifted_down[i] -= step
        here = float(op.kernel(*[np.float64(p) for p in point], *params))
        right = (float(op.kernel(*map(np.float64, shifted_up), *params)) - here) / step
        left = (here - float(op.kernel(*map(np.float64, shifted_down), *params))) / step
        result[str(symbol)] = (symbolic, float(tensors[i].grad), left, right)
    return result


def _kink_note(name: str, params: tuple) -> str:
    parts = []
    for symbol, (symbolic, engine, left, right) in kink_values(name, *params).items():
        side = (
            "left" if abs(engine - left) < 1e-6 else "right" if abs(engine - right) < 1e-6 else "?"
        )
        agree = "=" if symbolic == engine else "≠"
        parts.append(f"∂{symbol}: sympy {symbolic:g} {agree} engine {engine:g} = {side} difference")
    return "kink: " + "; ".join(parts)


def kink_convention_holds(name: str) -> bool:
    """symbolic == engine at the kink, and equal to a one-sided difference."""
    for symbolic, engine, left, right in kink_values(name).values():
        if symbolic != engine or min(abs(engine - left), abs(engine - right)) > 1e-6:
            return False
    return True


# -- losses ---------------------------------------------------------------------------------------
_ENGINE_LOSSES = {
    "softmax_cross_entropy": functional.softmax_cross_entropy,
    "binary_cross_entropy": functional.binary_cross_entropy,
    "binary_cross_entropy_with_logits": functional.binary_cross_entropy_with_logits,
    "mse": functional.mse,
}


def _loss_inputs(name: str, rng: np.random.Generator, rows: int, classes: int):
    """(prediction, target for the code, target rows for the symbolic definition)."""
    if name == "softmax_cross_entropy":
        logits = 3.0 * rng.standard_normal((rows, classes))
        labels = rng.integers(0, classes, rows)
        return logits, labels, np.eye(classes)[labels]
    if name == "binary_cross_entropy":
        p = rng.uniform(0.05, 0.95, (rows, 1))
        t = rng.uniform(0, 1, (rows, 1))
        return p, t, t
    if name == "binary_cross_entropy_with_logits":
        z = 3.0 * rng.standard_normal((rows, 1))
        t = rng.uniform(0, 1, (rows, 1))
        return z, t, t
    if name == "mse":
        y = rng.standard_normal((rows, 1))
        t = rng.standard_normal((rows, 1))
        return y, t, t
    # entries bounded away from 0: central differences with h ≈ 6e-6 need q ≫ h
    q = rng.dirichlet(np.full(classes, 8.0), rows)
    p = rng.dirichlet(np.ones(classes), rows)
    return q, p, p


def check_loss(name: str, *, rows: int = 5, seed: int = 0) -> CrossValidation:
    """∂L/∂prediction: SymPy gradient of the row definition ↔ engine node and verified
    function ↔ central differences of the verified loss value."""
    loss = LOSSES[name]
    classes = loss.classes
    derived = loss_rule(name)
    rng = np.random.default_rng(seed)
    prediction, target, target_rows = _loss_inputs(name, rng, rows, classes)
    count = prediction.shape[0] if classes > 1 else prediction.size
    with mpmath.workdps(30):
        symbolic = (
            np.array(
                [
                    [
                        float(g)
                        for g in derived.gradient_reference(
                            *[mpmath.mpf(float(v)) for v in prediction[r]],
                            *[mpmath.mpf(float(v)) for v in target_rows[r]],
                        )
                    ]
                    for r in range(rows)
                ]
            )
            / count
        )
    verified_function = verified.VERIFIED[name]
    if name == "kl_divergence":
        _, verified_grad = verified_function(target, prediction)
        q = Tensor(prediction.copy(), requires_grad=True)
        functional.kl_divergence(target, q).backward()
        engine_grad = q.grad

        def value(q_values):
            return verified_function(target, q_values)[0]
    else:
        _, verified_grad = verified_function(prediction, target)
        tensor = Tensor(prediction.copy(), requires_grad=True)
        _ENGINE_LOSSES[name](tensor, target).backward()
        engine_grad = tensor.grad

        def value(predictions):
            return verified_function(predictions, target)[0]

    numeric = numeric_gradient(value, [prediction], 0)
    return CrossValidation(
        name=name,
        kind="loss",
        proven_by=loss.proven_by,
        points=rows,
        symbolic_code=max(_worst(symbolic, engine_grad), _worst(symbolic, verified_grad)),
        code_numeric=max(_worst(engine_grad, numeric), _worst(verified_grad, numeric)),
        symbolic_numeric=_worst(symbolic, numeric),
        note="code = engine node and verified function",
    )


# -- verified functions without a loss row ---------------------------------------------------------
def _op_params(op) -> tuple[float, ...]:
    return (LEAKY_ALPHA,) * len(op.params)


VERIFIED_DERIVATIVES = tuple(f"{name}_grad" for name, op in ELEMENTWISE.items() if op.verified)
"""The verified derivative functions, one per verified op of the table."""


def check_verified_derivative(name: str, *, count: int = 64, seed: int = 1) -> CrossValidation:
    """A verified derivative function ↔ the SymPy derivative ↔ differences of the op's kernel."""
    op_name = name.removesuffix("_grad")
    op = ELEMENTWISE[op_name]
    function = verified.VERIFIED[name]
    params = _op_params(op)
    x = _sample("real", np.random.default_rng(seed), count)
    symbolic = _mp_float(lambda a: rule(op_name).reference[0](a, *params), x)
    code = function(x, *params)
    numeric = elementwise_central_difference(lambda a: op.kernel(a, *params), [x], 0)
    return CrossValidation(
        name,
        "verified",
        function.proven_by,
        count,
        _worst(symbolic, code),
        _worst(code, numeric),
        _worst(symbolic, numeric),
    )


def _softmax_symbolic(logits_row: np.ndarray, weights_row: np.ndarray, log: bool) -> list[float]:
    """∂/∂o of Σ_k r_k softmax(o)_k (or log softmax) by SymPy, evaluated exactly then rounded."""
    logits = sp.Matrix(sp.symbols(f"o0:{len(logits_row)}", real=True))
    probabilities = functions.softmax(logits)
    outputs = probabilities.applyfunc(sp.log) if log else probabilities
    objective = sum(float(r) * out for r, out in zip(weights_row, outputs))
    point = {o: sp.Float(float(v), 30) for o, v in zip(logits, logits_row)}
    return [float(sp.diff(objective, o).evalf(30, subs=point)) for o in logits]


def check_softmax(log: bool, *, rows: int = 3, classes: int = 4, seed: int = 2) -> CrossValidation:
    """∂/∂o Σ r·softmax(o): SymPy ↔ engine (exp, sum, div, log) ↔ differences of verified."""
    rng = np.random.default_rng(seed)
    logits = 2.0 * rng.standard_normal((rows, classes))
    weights = rng.standard_normal((rows, classes))
    symbolic = np.array([_softmax_symbolic(logits[r], weights[r], log) for r in range(rows)])
    tensor = Tensor(logits.copy(), requires_grad=True)
    exponentials = tensor.exp()
    probabilities = exponentials / exponentials.sum(axis=1, keepdims=True)
    outputs = probabilities.log() if log else probabilities
    (outputs * weights).sum().backward()
    function = verified.log_softmax if log else verified.softmax
    numeric = numeric_gradient(lambda o: np.sum(weights * function(o)), [logits], 0)
    return CrossValidation(
        "log_softmax" if log else "softmax",
        "verified",
        function.proven_by,
        rows,
        _worst(symbolic, tensor.grad),
        _worst(tensor.grad, numeric),
        _worst(symbolic, numeric),
        note="code = engine composition; numeric = differences of the verified function",
    )


def check_affine(*, seed: int = 3) -> CrossValidation:
    """L = Σ R∘(XW + b): SymPy entrywise ↔ engine and verified.affine_backward ↔ differences."""
    rng = np.random.default_rng(seed)
    n, d, m = 3, 4, 2
    x, w, b, upstream = (
        rng.standard_normal((n, d)),
        rng.standard_normal((d, m)),
        rng.standard_normal(m),
        rng.standard_normal((n, m)),
    )
    xs = sp.Matrix(n, d, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
    ws = sp.Matrix(d, m, lambda i, j: sp.Symbol(f"w{i}{j}", real=True))
    bs = sp.Matrix(1, m, lambda i, j: sp.Symbol(f"b{j}", real=True))
    out = xs * ws + sp.ones(n, 1) * bs
    objective = sum(upstream[i, j] * out[i, j] for i in range(n) for j in range(m))
    point = {**dict(zip(xs, x.ravel())), **dict(zip(ws, w.ravel())), **dict(zip(bs, b.ravel()))}
    symbolic = [
        np.array([float(sp.diff(objective, s).subs(point)) for s in matrix]).reshape(shape)
        for matrix, shape in ((xs, x.shape), (ws, w.shape), (bs, b.shape))
    ]
    tensors = [Tensor(a.copy(), requires_grad=True) for a in (x, w, b)]
    ((tensors[0] @ tensors[1] + tensors[2]) * upstream).sum().backward()
    engine = [t.grad for t in tensors]
    code = verified.affine_backward(upstream, x, w)

    def value(xv, wv, bv):
        return np.sum(upstream * verified.affine_forward(xv, wv, bv))

    numeric = [numeric_gradient(value, [x, w, b], i) for i in range(3)]
    return CrossValidation(
        "affine_forward / affine_backward",
        "verified",
        verified.affine_backward.proven_by,
        n,
        max(max(_worst(s, e), _worst(s, c)) for s, e, c in zip(symbolic, engine, code)),
        max(max(_worst(e, q), _worst(c, q)) for e, c, q in zip(engine, code, numeric)),
        max(_worst(s, q) for s, q in zip(symbolic, numeric)),
        note="∂L/∂X = G·Wᵀ, ∂L/∂W = Xᵀ·G, ∂L/∂b = Σ G",
    )


# -- worked examples of the notes ------------------------------------------------------------------
@dataclass(frozen=True)
class WorkedExample:
    """A scalar circuit of the notes: a SymPy expression, the point, and the engine version."""

    name: str
    proven_by: tuple[str, ...]
    variables: tuple[sp.Symbol, ...]
    expression: sp.Expr
    point: tuple[float, ...]
    engine: Callable[..., Tensor]


def worked_examples() -> list[WorkedExample]:
    x, y, z = sp.symbols("x y z", real=True)
    w0, w1, w2, x0, x1 = sp.symbols("w0 w1 w2 x0 x1", real=True)
    apple, apples, orange, oranges, tax = sp.symbols("apple apples orange oranges tax", real=True)
    return [
        WorkedExample(
            "(x + y)·z at x = −2, y = 5, z = −4",
            ("add-gate", "mul-gate"),
            (x, y, z),
            (x + y) * z,
            (-2.0, 5.0, -4.0),
            lambda a, b, c: (a + b) * c,
        ),
        WorkedExample(
            "σ(w0·x0 + w1·x1 + w2), w = [2, −3, −3], x = [−1, −2]",
            ("sigmoid-derivative", "mul-gate", "add-gate"),
            (w0, x0, w1, x1, w2),
            functions.sigmoid(w0 * x0 + w1 * x1 + w2),
            (2.0, -1.0, -3.0, -2.0, -3.0),
            lambda a, b, c, d, e: (a * b + c * d + e).sigmoid(),
        ),
        WorkedExample(
            "apples and oranges: (100·2 + 150·3)·1.1",
            ("mul-gate", "add-gate"),
            (apple, apples, orange, oranges, tax),
            (apple * apples + orange * oranges) * tax,
            (100.0, 2.0, 150.0, 3.0, 1.1),
            lambda a, b, c, d, e: (a * b + c * d) * e,
        ),
    ]


def check_example(example: WorkedExample) -> CrossValidation:
    """Exact SymPy partials at the point ↔ engine ↔ central differences of the engine forward."""
    point = dict(zip(example.variables, (sp.nsimplify(v) for v in example.point)))
    symbolic = np.array(
        [
            float(functions.to_elementary(sp.diff(example.expression, v)).subs(point).evalf(30))
            for v in example.variables
        ]
    )
    tensors = [Tensor(np.array(v), requires_grad=True) for v in example.point]
    example.engine(*tensors).backward()
    engine = np.array([float(t.grad) for t in tensors])

    def value(*args):
        return example.engine(*[Tensor(a) for a in args]).data

    arrays = [np.array(v) for v in example.point]
    numeric = np.array([float(numeric_gradient(value, arrays, i)) for i in range(len(arrays))])
    return CrossValidation(
        example.name,
        "example",
        example.proven_by,
        1,
        _worst(symbolic, engine),
        _worst(engine, numeric),
        _worst(symbolic, numeric),
        note="∂ = " + ", ".join(f"{g:.6g}" for g in engine),
    )


# -- the lecture's network -------------------------------------------------------------------------
def lecture_mlp_data(n: int = 64, d: int = 1000, h: int = 100, c: int = 10, seed: int = 0):
    """x, y, w1, w2 as in the lecture: everything standard normal."""
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((n, d)),
        rng.standard_normal((n, c)),
        rng.standard_normal((d, h)),
        rng.standard_normal((h, c)),
    )


def hand_written_gradients(x, y, w1, w2) -> tuple[float, np.ndarray, np.ndarray]:
    """The notes' gradients: h = σ(xw1), ŷ = hw2, L = Σ(ŷ − y)²; grad_w1 = xᵀ(grad_h·h·(1 − h))."""
    h = 1 / (1 + np.exp(-x.dot(w1)))
    y_pred = h.dot(w2)
    loss = np.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h.T.dot(grad_y_pred)
    grad_h = grad_y_pred.dot(w2.T)
    grad_w1 = x.T.dot(grad_h * h * (1 - h))
    return loss, grad_w1, grad_w2


def check_lecture_mlp(
    *, directions: int = 4, seed: int = 0, scale: float = 0.05
) -> CrossValidation:
    """Engine ↔ the notes' hand-written gradients ↔ directional central differences.

    The weights are scaled by ``scale`` so the hidden layer is not saturated (with standard
    normal w1 every σ is 0 or 1 to 16 digits and the hidden gradients vanish).
    """
    x, y, w1, w2 = lecture_mlp_data(seed=seed)
    w1, w2 = w1 * scale, w2 * scale
    _, hand_w1, hand_w2 = hand_written_gradients(x, y, w1, w2)
    t1, t2 = Tensor(w1.copy(), requires_grad=True), Tensor(w2.copy(), requires_grad=True)
    functional.sum_squared_error((Tensor(x) @ t1).sigmoid() @ t2, y).backward()
    rng = np.random.default_rng(seed + 1)

    def loss(a, b):
        return hand_written_gradients(x, y, a, b)[0]

    code_numeric = symbolic_numeric = 0.0
    for position, (engine, hand) in enumerate(((t1.grad, hand_w1), (t2.grad, hand_w2))):
        for _ in range(directions):
            direction = rng.standard_normal(engine.shape)
            direction /= np.linalg.norm(direction)
            numeric = _directional(loss, [w1, w2], position, direction)
            code_numeric = max(code_numeric, _worst(np.sum(engine * direction), numeric))
            symbolic_numeric = max(symbolic_numeric, _worst(np.sum(hand * direction), numeric))
    return CrossValidation(
        "lecture 2-layer MLP (N=64, D=1000, H=100, C=10)",
        "network",
        ("two-layer-mlp-gradients", "affine-backward", "sigmoid-derivative"),
        2 * directions,
        max(_worst(t1.grad, hand_w1), _worst(t2.grad, hand_w2)),
        code_numeric,
        symbolic_numeric,
        note="symbolic corner = the notes' hand-written gradients; numeric = "
        f"{directions} random directions per weight",
    )


def _directional(function, points, position, direction) -> float:
    from symderive.gradcheck import STEP_SCALE

    step = STEP_SCALE * max(1.0, float(np.max(np.abs(points[position]))))
    plus, minus = list(points), list(points)
    plus[position] = points[position] + step * direction
    minus[position] = points[position] - step * direction
    return (function(*plus) - function(*minus)) / (2 * step)


def all_checks(seed: int = 0) -> Iterable[CrossValidation]:
    """Every row of ``symderive verify`` in order: ops, losses, verified, examples, network."""
    for name in ELEMENTWISE:
        yield from check_op(name, seed=seed)
    for name in LOSSES:
        yield check_loss(name, seed=seed)
    for name in VERIFIED_DERIVATIVES:
        yield check_verified_derivative(name, seed=seed + 1)
    yield check_softmax(log=False, seed=seed + 2)
    yield check_softmax(log=True, seed=seed + 2)
    yield check_affine(seed=seed + 3)
    for example in worked_examples():
        yield check_example(example)
    yield check_lecture_mlp(seed=seed)



# -- the verdict of `symderive verify` -------------------------------------------------------------
@dataclass(frozen=True)
class Accuracy:
    """A ULP measurement and whether it keeps the function's promise (finite, within bound)."""

    report: UlpReport
    bound: float

    @property
    def passed(self) -> bool:
        return self.report.finite and self.report.worst_ulp <= self.bound

    def as_dict(self) -> dict:
        report = self.report
        return {
            "function": report.function,
            "dtype": report.dtype,
            "worst_ulp": report.worst_ulp,
            "at": report.at,
            "samples": report.samples,
            "finite": report.finite,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class VerifyReport:
    """Everything ``symderive verify`` found: cross-validations, kink conventions, accuracy."""

    checks: tuple[CrossValidation, ...]
    kink_convention: tuple[tuple[str, bool], ...]
    accuracy: tuple[Accuracy, ...]

    @property
    def failures(self) -> int:
        return (
            sum(not row.passed for row in self.checks)
            + sum(not holds for _, holds in self.kink_convention)
            + sum(not measured.passed for measured in self.accuracy)
        )

    @property
    def passed(self) -> bool:
        return self.failures == 0

    def as_dict(self) -> dict:
        return {
            "passed": self.passed,
            "checks": [row.as_dict() for row in self.checks],
            "kink_convention": dict(self.kink_convention),
            "ulp": [measured.as_dict() for measured in self.accuracy],
        }

    def __rich__(self):
        """Tables of what was found (presentation only: every verdict is computed above)."""
        from rich.console import Group
        from rich.table import Table

        def mark(passed: bool) -> str:
            return "[green]ok[/]" if passed else "[red]FAIL[/]"

        checks = Table(title="three-way cross-validation (max relative error)")
        for column in ("check", "proven by", "symbolic↔code", "code↔numeric", "symbolic↔numeric", ""):
            checks.add_column(column)
        for row in self.checks:
            checks.add_row(
                row.name,
                ", ".join(row.proven_by) or "(SymPy table)",
                f"{row.symbolic_code:.1e}",
                f"{row.code_numeric:.1e}",
                f"{row.symbolic_numeric:.1e}",
                mark(row.passed),
            )
        parts: list = [checks]
        parts += [f"{row.name.split()[0]} {row.note}" for row in self.checks if row.note.startswith("kink")]
        if self.accuracy:
            table = Table(title="accuracy against mpmath (worst error in ULPs)")
            for column in ("function", "dtype", "worst ULP", "where", "samples", ""):
                table.add_column(column)
            for measured in self.accuracy:
                report = measured.report
                table.add_row(
                    report.function,
                    report.dtype,
                    f"{report.worst_ulp:.2f}",
                    report.at,
                    str(report.samples),
                    mark(measured.passed),
                )
            parts.append(table)
        verdict = "[green]all agree[/]" if self.passed else f"[red]{self.failures} disagree[/]"
        parts.append(
            f"{len(self.checks)} cross-validations, {len(self.kink_convention)} kink conventions, "
            f"{len(self.accuracy)} accuracy checks: {verdict}"
        )
        return Group(*parts)


def verify(*, seed: int = 0, ulp: bool = True, ulp_samples: int = 200) -> VerifyReport:
    """Run every cross-validation, the kink conventions and (``ulp``) the ULP measurements."""
    checks = tuple(all_checks(seed=seed))
    kinks = tuple(
        (name, kink_convention_holds(name)) for name, op in ELEMENTWISE.items() if op.kinks
    )
    accuracy = ()
    if ulp:
        accuracy = tuple(
            Accuracy(worst_ulp(name, dtype, count=ulp_samples, seed=seed), ulp_bound(name))
            for dtype in (np.float64, np.float32)
            for name in ULP_FUNCTIONS
        )
    return VerifyReport(checks, kinks, accuracy)
