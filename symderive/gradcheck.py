"""Finite-difference gradient checks: full (every coordinate) and directional (fast).

Numeric side. Central differences (f(x + h·e) − f(x − h·e)) / 2h, always evaluated in float64
(inputs are cast up), with h = ε^(1/3)·max(1, |x_i|) for ε the machine epsilon of float64
(h ≈ 6e-6): the step that balances the truncation error O(h²) against rounding O(ε/h).

Comparison. relative error = |a − n| / max(|a|, |n|, floor), floor = 1e-8 (float64 analytic
gradients) or 1e-4 (float32) times max(1, max|a| of that input), so gradients that are 0 are
compared absolutely; the rounding noise of the difference quotient, 4ε·(|f(x+h)| +
|f(x−h)|)/2h, is subtracted from |a − n| first (it bounds what float64 evaluation of f can
resolve). Where that noise exceeds the error the comparison must detect (threshold × max(|a|,
|n|), or the floor), the coordinate is *inconclusive*, not passed: a large |f| (an offset, or
one large coordinate beside a small one) hides any error below it. The result lists those in
``inconclusive`` and is falsy; its message says so and what to do. Thresholds: 1e-6 when the analytic gradient is float64, 1e-3 when it is float32
(override with ``threshold=``). CS231n's rule of thumb (≤ 1e-7 good, ≥ 1e-2 wrong) sits on both
sides of these.

Kinks (the shared convention: relu'(0) = 0, leaky_relu'(0) = α, max ties → first argument):
where the one-sided differences disagree the function has a kink inside [x − h, x + h]; the
analytic value is accepted if it matches either one-sided difference (an endpoint of the
subdifferential) and the coordinate is counted in ``kinks``.

Modes. ``full`` perturbs every coordinate of every input (2 evaluations each; use it for small
inputs). ``directional`` draws ``directions`` random unit directions v per input and compares
⟨∂f/∂x, v⟩ with (f(x + hv) − f(x − hv)) / 2h: its cost does not depend on the parameter count.
A failure names the input, the index (or direction), both values and the absolute and relative
errors; the result counts the failures and names the worst entry. A wrong-shaped analytic
gradient, a missing one, or a function that does not return a scalar raise
:class:`GradcheckError` before anything is compared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from symderive.errors import SymderiveError

EPS64 = float(np.finfo(np.float64).eps)
STEP_SCALE = EPS64 ** (1 / 3)
ROUNDING_ULPS = 4.0  # ε of |f| per evaluation, a few roundings: more makes ordinary |f| ≈ 20 inconclusive at a 0 gradient
THRESHOLDS = {np.dtype(np.float64): 1e-6, np.dtype(np.float32): 1e-3}
FLOORS = {np.dtype(np.float64): 1e-8, np.dtype(np.float32): 1e-4}
ONE_SIDED_TOLERANCE = 1e-3


class GradcheckError(SymderiveError, ValueError):
    """gradcheck was called with something it cannot compare (says what and which input)."""


@dataclass(frozen=True)
class GradcheckFailure:
    """One coordinate (or direction) where the analytic and numeric gradients disagree."""

    input_name: str
    index: str  # "(2, 3)" in full mode, "direction 4" in directional mode
    analytic: float
    numeric: float
    relative_error: float

    @property
    def absolute_error(self) -> float:
        return abs(self.analytic - self.numeric)

    def message(self) -> str:
        return (
            f"gradient of {self.input_name} at {self.index}: analytic {self.analytic:.10g}, "
            f"numeric {self.numeric:.10g}, absolute error {self.absolute_error:.3g}, "
            f"relative error {self.relative_error:.3g}"
        )

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class GradcheckUnresolved:
    """A coordinate (or direction) the difference quotient cannot decide: the rounding noise of
    f over 2h (``noise``) exceeds the error the threshold must detect there (``needed``)."""

    input_name: str
    index: str
    analytic: float
    numeric: float
    noise: float
    needed: float

    def message(self) -> str:
        return (
            f"gradient of {self.input_name} at {self.index}: analytic {self.analytic:.10g}, "
            f"numeric {self.numeric:.10g} ± {self.noise:.3g} (rounding of f over 2h), but an "
            f"error of {self.needed:.3g} must be detected there"
        )

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class GradcheckResult:
    """What was compared and how well; falsy when a coordinate failed.

    ``failures`` lists every failing entry in the order checked; ``worst`` is the one with the
    largest relative error; ``max_absolute_error`` is |analytic − numeric| over all entries.
    """

    passed: bool
    mode: str
    compared: int
    max_relative_error: float
    threshold: float
    kinks: int
    failures: tuple[GradcheckFailure, ...]
    max_absolute_error: float = 0.0
    inconclusive: tuple[GradcheckUnresolved, ...] = ()

    def __bool__(self) -> bool:
        return self.passed

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def worst(self) -> GradcheckFailure | None:
        return max(self.failures, key=lambda f: f.relative_error, default=None)

    def message(self) -> str:
        if self.passed:
            return (
                f"gradcheck ({self.mode}) passed: {self.compared} comparisons, max relative "
                f"error {self.max_relative_error:.3g} ≤ {self.threshold:g}, max absolute "
                f"error {self.max_absolute_error:.3g}"
                + (f", {self.kinks} at a kink" if self.kinks else "")
            )
        if not self.failures:
            return f"gradcheck ({self.mode}) inconclusive: {self._unresolved()}"
        worst = self.worst
        shown = "; ".join(failure.message() for failure in self.failures[:3])
        more = f"; … {self.failed - 3} more" if self.failed > 3 else ""
        return (
            f"gradcheck ({self.mode}) failed: {self.failed} of {self.compared} comparisons "
            f"exceed relative error {self.threshold:g}; worst: {worst.message()}; max "
            f"absolute error {self.max_absolute_error:.3g}. Failing: {shown}{more}"
            + (f". Also {self._unresolved()}" if self.inconclusive else "")
        )

    def _unresolved(self) -> str:
        count = len(self.inconclusive)
        worst = max(self.inconclusive, key=lambda u: u.noise / max(u.needed, 1e-300))
        return (
            f"{count} of {self.compared} comparisons not resolved — f's value is too large "
            f"for its differences to show an error of relative size {self.threshold:g}; worst: "
            f"{worst.message()} (subtract a constant from f, or check a smaller piece of it)"
        )

    def __str__(self) -> str:
        return self.message()


def relative_error(analytic, numeric, floor: float) -> np.ndarray:
    """|a − n| / max(|a|, |n|, floor), elementwise."""
    analytic = np.asarray(analytic, dtype=np.float64)
    numeric = np.asarray(numeric, dtype=np.float64)
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), floor)
    return np.abs(analytic - numeric) / scale


def engine_gradients(function: Callable, inputs: Sequence[np.ndarray]) -> list[np.ndarray]:
    """∂f/∂input_i by the engine: ``function`` takes Tensors and returns a scalar Tensor."""
    from symderive.engine.tensor import Tensor

    tensors = [Tensor(np.array(x), requires_grad=True) for x in inputs]
    output = function(*tensors)
    if not isinstance(output, Tensor):
        raise GradcheckError(
            f"gradcheck: the function returned {type(output).__name__}, not a Tensor: without "
            "analytic gradients it must be written with engine Tensors"
        )
    _require_scalar(output.data)
    if not output.requires_grad:
        return [np.zeros_like(t.data) for t in tensors]
    output.backward()
    return [t.grad if t.grad is not None else np.zeros_like(t.data) for t in tensors]


def _require_scalar(value) -> None:
    shape = np.shape(value)
    if int(np.prod(shape)) != 1:
        raise GradcheckError(
            f"gradcheck: the function returned shape {shape}, not a scalar; check a scalar "
            "function of the inputs (for example the sum, or one output at a time)"
        )


def _scalar_function(function: Callable, engine: bool) -> Callable[..., float]:
    if not engine:

        def evaluate_array(*arrays: np.ndarray) -> float:
            value = np.asarray(function(*arrays))
            _require_scalar(value)
            return float(value.reshape(()))

        return evaluate_array

    from symderive.engine.tensor import Tensor, no_grad

    def evaluate(*arrays: np.ndarray) -> float:
        with no_grad():
            return float(function(*[Tensor(a) for a in arrays]).data)

    return evaluate


def gradcheck(
    function: Callable,
    inputs: Sequence[np.ndarray],
    analytic: Sequence[np.ndarray] | None = None,
    *,
    names: Sequence[str] | None = None,
    mode: str = "full",
    directions: int = 8,
    threshold: float | None = None,
    seed: int = 0,
) -> GradcheckResult:
    """Compare analytic gradients of a scalar function with central differences.

    With ``analytic=None`` the function is written with engine Tensors and the analytic
    gradients come from the engine's backward; otherwise ``function`` takes NumPy arrays and
    ``analytic[i]`` is ∂f/∂inputs[i]. ``inputs`` is a list (or tuple) of arrays, one per
    argument of ``function``; a single array (or number) is the one input of a one-argument
    function, and then ``analytic`` may be a single array too. Inputs are real: complex,
    boolean or object arrays are refused.
    """
    if mode not in ("full", "directional"):
        raise GradcheckError(f"gradcheck: mode must be 'full' or 'directional', not {mode!r}")
    arrays = [np.asarray(_array_of(x)) for x in _as_list(inputs)]
    names = list(names) if names else [f"input {i}" for i in range(len(arrays))]
    if len(names) != len(arrays):
        raise GradcheckError(f"gradcheck: {len(names)} names for {len(arrays)} inputs")
    for name, array in zip(names, arrays):
        if array.dtype.kind not in "fiu":
            hint = (
                "pass the real and imaginary parts as two real inputs"
                if array.dtype.kind == "c"
                else "cast it to float"
            )
            raise GradcheckError(
                f"gradcheck: {name} is {array.dtype}; finite differences here compare gradients "
                f"of a real function of real inputs ({hint})"
            )
    if analytic is None:
        analytic = engine_gradients(function, arrays)
        evaluate = _scalar_function(function, engine=True)
    else:
        evaluate = _scalar_function(function, engine=False)
    analytic = [np.asarray(_array_of(a)) for a in _as_list(analytic)]
    if len(analytic) != len(arrays):
        raise GradcheckError(
            f"gradcheck: {len(analytic)} analytic gradients for {len(arrays)} inputs"
        )
    for name, gradient, array in zip(names, analytic, arrays):
        if gradient.shape != array.shape:
            raise GradcheckError(
                f"gradcheck: the analytic gradient of {name} has shape {gradient.shape}, but "
                f"{name} has shape {array.shape}; a gradient has its input's shape"
            )
        if gradient.dtype.kind not in "fiu":
            raise GradcheckError(
                f"gradcheck: the analytic gradient of {name} is {gradient.dtype}, not real numbers"
            )
    points = [a.astype(np.float64) for a in arrays]
    for name, point in zip(names, points):
        if point.size == 0:
            raise GradcheckError(f"gradcheck: {name} is empty; there is no entry to compare")
        if not np.all(np.isfinite(point)):
            raise GradcheckError(
                f"gradcheck: {name} holds NaN or ±inf; finite differences need a finite point"
            )
    dtype = np.result_type(*[a.dtype for a in analytic])
    dtype = dtype if dtype in THRESHOLDS else np.dtype(np.float64)
    limit = threshold if threshold is not None else THRESHOLDS[dtype]
    rng = np.random.default_rng(seed)

    failures: list[GradcheckFailure] = []
    inconclusive: list[GradcheckUnresolved] = []
    worst = worst_absolute = 0.0
    compared = kinks = 0
    for position, (name, gradient) in enumerate(zip(names, analytic)):
        gradient = gradient.astype(np.float64)
        floor = FLOORS[dtype] * max(1.0, float(np.max(np.abs(gradient), initial=0.0)))
        if mode == "full":
            probes = [
                (str(tuple(int(i) for i in index)), _unit(points[position].shape, index))
                for index in np.ndindex(points[position].shape)
            ]
        else:
            probes = [
                (f"direction {k}", _random_unit(rng, points[position].shape))
                for k in range(directions)
            ]
        for label, direction in probes:
            expected = float(np.sum(gradient * direction))
            step = STEP_SCALE * max(1.0, float(np.max(np.abs(points[position][direction != 0]))))
            f_plus, f_zero, f_minus = _evaluate_along(evaluate, points, position, direction, step)
            kinks_before = kinks
            numeric = (f_plus - f_minus) / (2 * step)
            # rounding noise of the difference itself: a few ε of |f| over 2h (not a gradient error)
            noise = ROUNDING_ULPS * EPS64 * (abs(f_plus) + abs(f_minus)) / (2 * step)
            error = float(
                max(0.0, abs(expected - numeric) - noise) / max(abs(expected), abs(numeric), floor)
            )
            if not (np.isfinite(expected) and np.isfinite(numeric)):
                # a NaN or infinite gradient never passes (NaN > limit is False)
                error = float("inf")
            elif error > limit:
                forward = (f_plus - f_zero) / step
                backward = (f_zero - f_minus) / step
                one_sided = relative_error([expected, expected], [forward, backward], floor)
                if float(relative_error(forward, backward, floor)) > ONE_SIDED_TOLERANCE and (
                    float(np.min(one_sided)) <= ONE_SIDED_TOLERANCE
                ):
                    kinks += 1
                    error = 0.0
            compared += 1
            difference = abs(expected - numeric)
            worst_absolute = max(worst_absolute, difference if difference == difference else np.inf)
            # the error this comparison must detect: relative, or the floor's absolute size
            needed = max(limit * max(abs(expected), abs(numeric)), floor)
            if error > limit:
                worst = max(worst, error)
                failures.append(GradcheckFailure(name, label, expected, numeric, error))
            elif noise > needed and kinks == kinks_before:  # passing here would prove nothing
                inconclusive.append(
                    GradcheckUnresolved(name, label, expected, numeric, noise, needed)
                )
            else:
                worst = max(worst, error)
    return GradcheckResult(
        not failures and not inconclusive,
        mode,
        compared,
        worst,
        limit,
        kinks,
        tuple(failures),
        worst_absolute,
        tuple(inconclusive),
    )


def _as_list(arrays) -> list:
    """A list or tuple of arrays as it is; one array, Tensor or number as a list of one (an
    ndarray would otherwise be iterated row by row, as if each row were an input)."""
    if isinstance(arrays, (list, tuple)):
        return list(arrays)
    return [_array_of(arrays)]


def _array_of(value):
    """An engine Tensor's array; anything else as it is."""
    data = getattr(value, "data", None)
    return data if isinstance(data, np.ndarray) and not isinstance(value, np.ndarray) else value


def _unit(shape: tuple[int, ...], index: tuple[int, ...]) -> np.ndarray:
    direction = np.zeros(shape)
    direction[index] = 1.0
    return direction


def _random_unit(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    direction = rng.standard_normal(shape)
    return direction / max(float(np.linalg.norm(direction)), 1e-300)


def _evaluate_along(
    evaluate: Callable[..., float],
    points: list[np.ndarray],
    position: int,
    direction: np.ndarray,
    step: float,
) -> tuple[float, float, float]:
    values = []
    for sign in (1.0, 0.0, -1.0):
        shifted = list(points)
        shifted[position] = points[position] + sign * step * direction
        values.append(evaluate(*shifted))
    return values[0], values[1], values[2]


def elementwise_central_difference(
    function: Callable[..., np.ndarray], inputs: Sequence[np.ndarray], position: int
) -> np.ndarray:
    """∂f/∂x_position of an elementwise f at every coordinate at once (vectorised full mode).

    Valid because output k depends on input entry k only: all coordinates can be perturbed
    together. Evaluated in float64 with h = ε^(1/3)·max(1, |x|) per entry.
    """
    points = [np.asarray(x, dtype=np.float64) for x in inputs]
    x = points[position]
    step = STEP_SCALE * np.maximum(1.0, np.abs(x))
    plus = list(points)
    minus = list(points)
    plus[position] = x + step
    minus[position] = x - step
    return (function(*plus) - function(*minus)) / (2 * step)


def numeric_gradient(
    function: Callable[..., float], inputs: Sequence[np.ndarray], position: int
) -> np.ndarray:
    """∂f/∂inputs[position] of a scalar NumPy function by central differences, coordinate-wise."""
    points = [np.asarray(x, dtype=np.float64) for x in inputs]
    x = points[position]
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        direction = _unit(x.shape, index)
        step = STEP_SCALE * max(1.0, abs(float(x[index])))
        f_plus, _, f_minus = _evaluate_along(
            lambda *a: float(np.asarray(function(*a))), points, position, direction, step
        )
        gradient[index] = (f_plus - f_minus) / (2 * step)
    return gradient
