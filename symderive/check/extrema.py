"""The worst point of an inequality: where its slack is smallest.

A false bound such as ``sin x <= 0.99`` fails only on a short interval around the maximum of
the left side; random points rarely land there.  Before an inequality over real (or integer)
variables may be *checked*, this module searches for the minimum of the slack

    rhs - lhs   (for <= and <),      lhs - rhs   (for >= and >)

over the stated domain:

1. a scan of the domain in floating point (NumPy; mpmath where NumPy has no function):
   a fine grid near 0 and a logarithmic one out to 10^6 (every integer from the lower end up
   to a few thousands for an integer variable, then integers drawn far out), and, for several
   variables, points drawn from the same grids;
2. a local minimisation (Nelder–Mead in coordinates that keep the point in its domain:
   ``x = a + e^u`` past a finite end, ``a + (b - a)/(1 + e^-u)`` inside a bounded interval)
   started from the best points scanned;
3. for one real variable, the critical points SymPy finds for the slack (``solveset`` of
   its derivative, a periodic family taken at a few of its members), under a CPU limit.

Floating point only *proposes*: each proposed point is turned into a short exact rational
point where the slack is still negative at 30 digits, and the caller certifies it with the
certified evaluator and keeps it only if it reproduces (see ``decide``).
"""

from __future__ import annotations

import functools
import math
import random
import warnings
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from symderive.check.numeric_form import mpmath_function
from symderive.errors import ParseError
from symderive.grammar.build import time_limit

INEQUALITIES = ("<", "<=", ">", ">=")
MAX_VARIABLES = 6  # beyond that the local search is no longer a search of the worst point
SOLVE_SECONDS = 0.4  # SymPy's critical points of a one-variable slack
SCAN_SECONDS = 0.8  # the whole search (scan, minimisation, rational points), CPU
INTEGER_SPAN = 5000  # every integer from the lower end up to this far
FAR_INTEGERS = 1500  # integers drawn log-uniformly up to 10^6 beyond
RANDOM_POINTS = 6000  # points drawn for several variables
STARTS = 6  # local minimisations started from the best points scanned
DIGITS = 30  # the slack at a rational candidate is evaluated to this many digits
DENOMINATORS = (1, 2, 4, 10, 100, 1000, 10**4, 10**6, 10**9, 10**12)
INTEGER_KINDS = ("integer", "size")
EDGE = 10**5  # a worst point this far out lies in the last decade the scan reaches


class NotSearchable(Exception):
    """The slack cannot be searched (a function without a numeric form, too many variables).

    ``structural``: the claim's form rules a search out (a probability vector, a given tying
    the variables), rather than a search that could not be carried out."""

    def __init__(self, why: str, structural: bool = False):
        super().__init__(why)
        self.structural = structural


@dataclass(frozen=True)
class Search:
    """What the search of the worst point found.

    ``candidates``: exact points (symbol -> Rational or Integer) where the slack is negative
    (for a strict relation: not positive) at :data:`DIGITS` digits, most negative first;
    ``worst``: the smallest slack seen (a float) and where (a text), for the report;
    ``how``: the search that ran, in words."""

    candidates: tuple[dict, ...]
    worst: float
    where: str
    how: str
    clear: tuple[bool, ...] = ()  # per candidate: the slack is negative beyond rounding

    def describe(self) -> str:
        text = (f"worst point searched ({self.how}): smallest slack found "
                f"{self.worst + 0.0:.3g} at {self.where}")
        if self.worst < 0:  # below 0 in floating point only: rounding
            text += " (in floating point; no failure near it confirmed with certified bounds)"
        return text


def slack_of(left: sp.Expr, right: sp.Expr, relation: str) -> sp.Expr:
    """The amount by which the inequality holds (negative where it fails)."""
    return right - left if relation in ("<", "<=") else left - right


def fails(value, relation: str) -> bool:
    return value <= 0 if relation in ("<", ">") else value < 0


# --- the variables and their domains -------------------------------------------------------


@dataclass(frozen=True)
class Coordinate:
    """One variable: its lower and upper ends (None: unbounded), whether they belong to it,
    and whether it takes integer values only."""

    symbol: sp.Basic
    low: float | None
    high: float | None
    closed_low: bool
    closed_high: bool
    integer: bool
    nonzero: bool = False
    exact_low: sp.Basic | None = None
    exact_high: sp.Basic | None = None

    def contains(self, value: sp.Rational) -> bool:
        if (self.integer and not value.is_integer) or (self.nonzero and value == 0):
            return False
        if self.exact_low is not None:
            if value < self.exact_low or (value == self.exact_low and not self.closed_low):
                return False
        if self.exact_high is not None:
            if value > self.exact_high or (value == self.exact_high and not self.closed_high):
                return False
        return True


def coordinate(symbol: sp.Basic, domain) -> Coordinate:
    """The search coordinate of a symbol from its domain (:class:`symderive.model.Domain`)."""
    kind = domain.kind
    ends = {
        "real": (None, None, False, False),
        "integer": (None, None, False, False),
        "positive": (0, None, False, False),
        "negative": (None, 0, False, False),
        "nonnegative": (0, None, True, False),
        "probability": (0, 1, False, False),
        "size": (1, None, True, False),
    }
    if kind == "interval" or (kind in ("size", "integer") and
                              (domain.low is not None or domain.high is not None)):
        low, high = domain.low, domain.high
        closed = (domain.ends[0] == "[", domain.ends[1] == "]")
        if kind == "size" and low is None:
            low, closed = 1, (True, closed[1])
    elif kind in ends:
        low, high, *closed = ends[kind]
    elif kind == "nonzero":
        low, high, closed = None, None, (False, False)
    else:
        raise NotSearchable(f"{symbol} is a {kind}",
                            structural=kind in ("simplex", "index", "random", "matrix"))
    exact = [None if end is None else sp.sympify(end) for end in (low, high)]
    for end in exact:
        if end is not None and not (end.is_real and end.is_finite):
            raise NotSearchable(f"the domain of {symbol} has an end {end}")
    return Coordinate(
        symbol,
        None if exact[0] is None else float(exact[0]),
        None if exact[1] is None else float(exact[1]),
        bool(closed[0]), bool(closed[1]),
        kind in INTEGER_KINDS,
        exact_low=exact[0], exact_high=exact[1],
        nonzero=kind == "nonzero",
    )


def _grid(axis: Coordinate) -> np.ndarray:
    """Scanned values of one coordinate (inside its domain)."""
    if axis.integer:
        low = math.ceil(axis.low) if axis.low is not None else -INTEGER_SPAN
        high = math.floor(axis.high) if axis.high is not None else low + 2 * INTEGER_SPAN
        if axis.low is None and axis.high is not None:
            low = high - 2 * INTEGER_SPAN
        near = np.arange(low, min(high, low + 2 * INTEGER_SPAN) + 1, dtype=float)
        if axis.high is None:  # integers drawn far out: sin n near 1 at n = 33, 699, 9929, …
            far = np.unique(np.floor(np.logspace(math.log10(max(abs(low), 1) + INTEGER_SPAN),
                                                 6, FAR_INTEGERS)))
            near = np.concatenate((near, low + far))
        return near
    fine = np.linspace(-10, 10, 4001)
    logs = np.logspace(-12, 6, 1200)
    if axis.low is None and axis.high is None:
        values = np.concatenate((fine, logs, -logs, [0.0]))
    elif axis.high is None:
        values = axis.low + np.concatenate((fine[fine >= 0], logs))
    elif axis.low is None:
        values = axis.high - np.concatenate((fine[fine >= 0], logs))
    else:
        width = axis.high - axis.low
        edges = np.logspace(-12, 0, 300) * width
        values = np.concatenate((axis.low + np.linspace(0, 1, 4001) * width,
                                 axis.low + edges, axis.high - edges))
    return values[_inside(axis, values)]


def _inside(axis: Coordinate, values: np.ndarray) -> np.ndarray:
    keep = np.isfinite(values)
    if axis.nonzero:
        keep &= values != 0
    if axis.low is not None:
        keep &= values >= axis.low if axis.closed_low else values > axis.low
    if axis.high is not None:
        keep &= values <= axis.high if axis.closed_high else values < axis.high
    return keep


# --- the slack as a numeric function --------------------------------------------------------


# lambdify's own "numpy" namespace imports every NumPy submodule (about 0.2 s of CPU in each
# fresh worker process): the printed code needs only these names
NUMPY_NAMESPACE = {"numpy": np, "math": math, "functools": functools}


def _numeric(expr: sp.Expr, symbols: list, modules) -> callable:
    try:
        if modules == "numpy":
            return sp.lambdify(symbols, expr, modules=[NUMPY_NAMESPACE], printer=NumPyPrinter)
        return mpmath_function(symbols, expr)  # the DL functions in elementary form
    except Exception as error:  # noqa: BLE001 - any printer failure: not searchable here
        raise NotSearchable(f"no numeric form ({type(error).__name__})") from error


def _vectorised(expr: sp.Expr, symbols: list):
    """The slack as f(columns) -> array of floats (NaN where undefined), NumPy first, else
    mpmath point by point (slower: the caller scans fewer points)."""
    function = _numeric(expr, symbols, "numpy")

    def with_numpy(columns: list[np.ndarray]) -> np.ndarray:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = function(*columns)
        values = np.asarray(values)
        if np.iscomplexobj(values):
            values = np.where(np.abs(values.imag) <= 1e-12 * (1 + np.abs(values.real)),
                              values.real, np.nan)
        return np.broadcast_to(values.astype(float), columns[0].shape).copy()

    try:
        probe = [np.array([0.5, 1.5, 2.5]) for _ in symbols]
        with_numpy(probe)
        return with_numpy, False
    except Exception:  # noqa: BLE001 - a function NumPy lacks (factorial of an array, …)
        pass
    exact = _numeric(expr, symbols, "mpmath")

    def with_mpmath(columns: list[np.ndarray]) -> np.ndarray:
        out = np.full(columns[0].shape, np.nan)
        for position in range(columns[0].shape[0]):
            try:
                value = exact(*(mpmath.mpf(float(c[position])) for c in columns))
                value = complex(value)
                if abs(value.imag) <= 1e-12 * (1 + abs(value.real)):
                    out[position] = value.real
            except Exception:  # noqa: BLE001 - undefined here (a pole, overflow)
                continue
        return out

    return with_mpmath, True


# --- the search -----------------------------------------------------------------------------


def search(left: sp.Expr, right: sp.Expr, relation: str, symbols: list, domains: dict,
           rng: random.Random, fixed_integers: tuple = ()) -> Search:
    """Search the worst point of ``left <relation> right`` over ``symbols`` (each in its
    domain, ``domains[symbol]``); raise :class:`NotSearchable` where it cannot run."""
    if relation not in INEQUALITIES:
        raise NotSearchable("not an inequality")
    if not symbols:
        raise NotSearchable("no variable")
    if len(symbols) > MAX_VARIABLES:
        raise NotSearchable(f"{len(symbols)} variables (at most {MAX_VARIABLES} are searched)")
    slack = slack_of(left, right, relation)
    if not isinstance(slack, sp.Expr) or getattr(slack, "is_Matrix", False):
        raise NotSearchable("not a scalar claim", structural=True)
    axes = [coordinate(symbol, domains[symbol]) for symbol in symbols]
    dummies = [sp.Dummy(f"v{k}") for k in range(len(symbols))]
    plain = slack.xreplace(dict(zip(symbols, dummies)))
    if plain.free_symbols - set(dummies):
        raise NotSearchable("a symbol without a numeric domain", structural=True)
    try:
        with time_limit(SCAN_SECONDS, source="sampling", what="searching the worst point"):
            evaluate, slow = _vectorised(plain, dummies)
            proposals = _scan(evaluate, axes, rng, slow)
            proposals += _minimised(evaluate, axes, proposals)
    except ParseError as error:
        raise NotSearchable("the search ran out of time") from error
    how = ("a scan of every integer up to a few thousands and integers drawn up to 10^6"
           if all(axis.integer for axis in axes) else
           "a scan of the domain and a local minimisation from the best points")
    if len(symbols) == 1 and not axes[0].integer:
        critical = _critical_points(plain, dummies[0], axes[0])
        if critical is not None:
            proposals += [((value,), _at(evaluate, (value,))) for value in critical]
            how += (f", and the {len(critical)} critical point(s) SymPy found" if critical
                    else ", and SymPy's critical points (none in the domain)")
    firsts = []  # the failing integers nearest the lower end (sin 14 > 0.99)
    if len(symbols) == 1 and axes[0].integer:
        firsts = _first_failures(evaluate, axes[0], relation)
    proposals = [(p, v) for p, v in proposals if v is not None and math.isfinite(v)]
    if not proposals:  # no numeric value anywhere: nothing was searched
        raise NotSearchable("the slack has no numeric value at the points scanned")
    proposals.sort(key=lambda pv: pv[1])
    worst = proposals[0]
    if not any(fails(value, relation) for _, value in proposals[:1] + firsts[:1]):
        for value, axis in zip(worst[0], axes):  # round 8b K1: ln n < 14 fails past 10^6
            if axis.integer and (axis.high is None or axis.low is None) and abs(
                    value - (axis.low if axis.low is not None else axis.high or 0.0)) > EDGE:
                raise NotSearchable(
                    f"the smallest slack found lies at the far edge of the search ({axis.symbol} "
                    f"≈ {_shown(value, axis)}), where it may still fall further out")
    exact_slack = _numeric(plain, dummies, "mpmath")
    candidates = []
    scale = 1.0 + max((abs(float(n)) for n in slack.atoms(sp.Number)), default=0.0)
    for point, value in firsts + proposals[:12]:
        if value > 1e-9 * scale and not fails(value, relation):
            break  # sorted: the rest hold with room to spare
        found = _rational_point(exact_slack, axes, point, relation)
        if found is not None and found[0] not in (c for c, _ in candidates):
            candidates.append(found)
    # the simplest first: a counterexample a reader can redo (sin 14, not sin 19159)
    candidates.sort(key=lambda found: sum(abs(v.p) + v.q for v in found[0]))
    candidates = candidates[:3]
    where = ", ".join(
        f"{symbol} ≈ {_shown(value, axis)}" for symbol, value, axis in zip(symbols, worst[0], axes))
    return Search(
        tuple({symbol: value for symbol, value in zip(symbols, exact)}
              for exact, _ in candidates),
        worst[1], where, how, tuple(clear for _, clear in candidates))


def _first_failures(evaluate, axis: Coordinate, relation: str) -> list:
    grid = np.sort(_grid(axis))
    values = evaluate([grid])
    failing = np.flatnonzero(np.isfinite(values) & (values <= 0 if relation in ("<", ">")
                                                     else values < 0))
    return [((float(grid[k]),), float(values[k])) for k in failing[:3]]


def _shown(value: float, axis: Coordinate) -> str:
    return str(int(round(value))) if axis.integer else f"{value:.6g}"


def _at(evaluate, point: tuple) -> float | None:
    value = evaluate([np.array([v]) for v in point])[0]
    return float(value) if math.isfinite(value) else None


def _scan(evaluate, axes: list, rng: random.Random, slow: bool) -> list:
    """The best scanned points (local minima of the grid for one variable)."""
    grids = [_grid(axis) for axis in axes]
    if slow:  # mpmath point by point: a coarser scan
        grids = [g[:: max(1, len(g) // 400)] for g in grids]
    if len(axes) == 1:
        columns = [np.sort(grids[0])]
    else:
        count = RANDOM_POINTS // (20 if slow else 1)
        generator = np.random.default_rng(rng.randrange(2**32))
        columns = [grid[generator.integers(0, len(grid), count)] for grid in grids]
    values = evaluate(columns)
    finite = np.isfinite(values)
    if not finite.any():
        return []
    order = np.argsort(np.where(finite, values, np.inf))
    chosen, seen = [], set()
    for position in order[: 40 * STARTS]:
        if not finite[position]:
            break
        point = tuple(float(c[position]) for c in columns)
        key = tuple(round(v, 3) for v in point) if len(axes) > 1 else round(point[0], 2)
        if key in seen:
            continue
        seen.add(key)
        chosen.append((point, float(values[position])))
        if len(chosen) >= STARTS:
            break
    return chosen


# coordinates u in which the domain is all of R^k: the minimiser needs no constraints
def _to_point(axis: Coordinate, u: float) -> float:
    if axis.low is not None and axis.high is not None:
        return axis.low + (axis.high - axis.low) / (1 + math.exp(-max(min(u, 700), -700)))
    if axis.low is not None:
        return axis.low + math.exp(min(u, 700))
    if axis.high is not None:
        return axis.high - math.exp(min(u, 700))
    return u


def _to_u(axis: Coordinate, x: float) -> float:
    tiny = 1e-300
    if axis.low is not None and axis.high is not None:
        t = min(max((x - axis.low) / (axis.high - axis.low), 1e-15), 1 - 1e-15)
        return math.log(t / (1 - t))
    if axis.low is not None:
        return math.log(max(x - axis.low, tiny))
    if axis.high is not None:
        return math.log(max(axis.high - x, tiny))
    return x


def _minimised(evaluate, axes: list, starts: list) -> list:
    """Nelder–Mead from each start, in the unconstrained coordinates; integer coordinates
    are held at their scanned values (every integer near the start was scanned)."""
    free = [k for k, axis in enumerate(axes) if not axis.integer]
    if not free:
        return []
    found = []
    for start, _ in starts:

        def value_at(u: np.ndarray, start=start) -> float:
            point = list(start)
            for k, coordinate_u in zip(free, u):
                point[k] = _to_point(axes[k], float(coordinate_u))
            result = _at(evaluate, tuple(point))
            return math.inf if result is None else result

        u0 = np.array([_to_u(axes[k], start[k]) for k in free])
        best_u, best = _nelder_mead(value_at, u0)
        point = list(start)
        for k, coordinate_u in zip(free, best_u):
            point[k] = _to_point(axes[k], float(coordinate_u))
        found.append((tuple(point), best))
    return found


def _nelder_mead(function, u0: np.ndarray, iterations: int = 120) -> tuple:
    size = len(u0)
    simplex = [u0] + [u0 + np.eye(size)[k] * max(0.05, 0.05 * abs(u0[k])) for k in range(size)]
    values = [function(u) for u in simplex]
    for _ in range(iterations):
        order = np.argsort(values)
        simplex = [simplex[k] for k in order]
        values = [values[k] for k in order]
        centroid = np.mean(simplex[:-1], axis=0)
        reflected = centroid + (centroid - simplex[-1])
        value = function(reflected)
        if value < values[0]:
            expanded = centroid + 2 * (centroid - simplex[-1])
            expanded_value = function(expanded)
            simplex[-1], values[-1] = ((expanded, expanded_value) if expanded_value < value
                                       else (reflected, value))
        elif value < values[-2]:
            simplex[-1], values[-1] = reflected, value
        else:
            contracted = centroid + 0.5 * (simplex[-1] - centroid)
            contracted_value = function(contracted)
            if contracted_value < values[-1]:
                simplex[-1], values[-1] = contracted, contracted_value
            else:
                simplex = [simplex[0] + 0.5 * (u - simplex[0]) for u in simplex]
                values = [values[0]] + [function(u) for u in simplex[1:]]
        if max(np.max(np.abs(u - simplex[0])) for u in simplex) < 1e-13 * (
                1 + np.max(np.abs(simplex[0]))):
            break
    best = int(np.argmin(values))
    return simplex[best], values[best]


def _critical_points(slack: sp.Expr, variable: sp.Symbol, axis: Coordinate) -> list | None:
    """Floats where SymPy finds the slack's derivative zero (None: it could not say)."""
    try:
        with time_limit(SOLVE_SECONDS, source="sampling", what="solving for critical points"):
            solutions = sp.solveset(sp.diff(slack, variable), variable, domain=sp.S.Reals)
            values = []
            for member in _members(solutions):
                try:
                    value = complex(sp.N(member, 20))
                except (TypeError, ValueError):
                    continue
                if abs(value.imag) < 1e-12 and math.isfinite(value.real):
                    values.append(value.real)
    except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError,
            RecursionError):
        return None
    values = np.array(values, dtype=float)
    return [float(v) for v in values[_inside(axis, values)]][:40] if len(values) else []


def _members(solutions) -> list:
    """A few members of a solution set: every element of a finite set, members n = -3…3 of
    a periodic family, the parts of a union."""
    if isinstance(solutions, sp.FiniteSet):
        return list(solutions.args)
    if isinstance(solutions, sp.Union):
        return [m for part in solutions.args for m in _members(part)]
    if isinstance(solutions, sp.ImageSet) and len(solutions.lamda.variables) == 1:
        return [solutions.lamda(sp.Integer(n)) for n in range(-3, 4)]
    if isinstance(solutions, sp.Intersection):
        return [m for part in solutions.args for m in _members(part)]
    return []


def _rational_point(exact_slack, axes: list, point: tuple, relation: str) -> tuple | None:
    """The shortest rational point near ``point`` (in its domain) where the slack fails at
    :data:`DIGITS` digits, and whether it fails beyond rounding there (not only a slack of
    0 for a strict relation); None if none does (the float proposal was rounding noise)."""
    with mpmath.workdps(DIGITS):
        for denominator in DENOMINATORS:
            exact = []
            for axis, value in zip(axes, point):
                if axis.integer:
                    exact.append(sp.Integer(int(round(value))))
                    continue
                fraction = Fraction(value).limit_denominator(denominator)
                exact.append(sp.Rational(fraction.numerator, fraction.denominator))
            if not all(axis.contains(v) for axis, v in zip(axes, exact)):
                continue
            try:
                value = exact_slack(*(mpmath.mpf(v.p) / v.q for v in exact))
                value = mpmath.mpmathify(value)
            except Exception:  # noqa: BLE001 - undefined at this point
                continue
            if isinstance(value, mpmath.mpc):
                if abs(value.imag) > mpmath.mpf(10) ** (-DIGITS + 5):
                    continue
                value = value.real
            rounding = abs(value) < mpmath.mpf(10) ** (-DIGITS + 5)
            if fails(value, relation) and not (relation in ("<=", ">=") and rounding):
                return tuple(exact), not rounding
    return None
