"""Certificates that an inequality in two or more variables holds on its WHOLE stated domain.

The one-variable certificate (:mod:`symderive.check.inequality_certificates`) decides the exact
infimum of a slack of one variable.  A slack of several variables ``f(x_1, …, x_n)`` over a box
(each variable in its stated interval, independently) is certified here by two routes, tried
in order; neither guesses, and whatever neither covers has no certificate:

1. **one combination** — the slack depends on two of its variables x, y only through u = x − y
   (or u = x + y): SymPy simplifies ``f(y + u, y, …)`` (``f(u − y, y, …)``) to an expression
   free of y, or the difference between it and its value at y = y₀ to exactly 0.  The
   substitution (x, y) → (u, y) is a bijection of the plane, so the identity holds for every
   x, y; on a box the image of (x, y) is the interval U = [x_lo − y_hi, x_hi − y_lo] (ends open
   where an end they come from is), and U is independent of the other variables.  The slack
   then has one variable fewer (u over U), and the routes start again; with one variable left
   the one-variable certificate decides it (``log(e^a + e^b) − max(a, b)`` becomes
   ``log(e^u + 1) − (u + |u|)/2`` over ℝ: infimum 0 approached as u → ±∞, never attained, so
   ``RealSoftMax(a, b) > max(a, b)`` is certified).  Max and Min are first written with |·|
   (max(a, b) = (a + b + |a − b|)/2), which the one-variable certificate cuts at its kinks.
   As a guard against a wrong simplification, the identity is evaluated with certified balls
   at a few rational points of the box: a point where the two sides certainly differ
   abandons the route;
2. **branch and bound** — on a BOUNDED box only (every variable between finite ends; the closed
   box is covered, a superset of the domain): the slack is enclosed over a box by interval
   arithmetic (:func:`symderive.check.certified.enclosure_over`, Arb balls: every rounding
   outward).  A box whose enclosure is > 0 (≥ 0 for ≥ / ≤) is done; where the enclosure of a
   partial derivative ∂f/∂x_i has a certain sign over the box, the minimum over the box lies
   on the face x_i = lo (∂f/∂x_i ≥ 0) or x_i = hi (≤ 0), and the box shrinks to that face;
   otherwise the box is cut in two across its widest side.  A box where the slack is
   certainly negative (or has no real value) ends the search without a certificate; so does
   running out of boxes (:data:`MAX_BOXES`), of depth (:data:`MAX_DEPTH`: a minimum touching 0
   inside the box, or a slack negative only on a thin region, is never covered) or of time.
   The certified lower bound is the least lower end of the enclosures of the boxes covered.

An unbounded domain that no combination reduces has no certificate (a compact box says
nothing about the slack beyond it).
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import sympy as sp
from flint import arb

from symderive.check import inequality_certificates as one
from symderive.check.certified import Uncertain, Undefined, Unsupported, enclosure, enclosure_over
from symderive.errors import ParseError
from symderive.grammar.build import time_limit

CERTIFY_SECONDS = 1.2  # CPU for one box certificate, whatever route
MAX_VARIABLES = 4  # variables a box is cut in (branch and bound)
MAX_BOXES = 3000  # boxes enclosed before the search gives up
MAX_DEPTH = 40  # halvings of one side: a box side below 2^-40 of the domain's is not cut
BOX_SECONDS = 0.6  # CPU for the branch and bound
REDUCE_SECONDS = 0.4  # CPU for SymPy's simplifications of one combination
PREC = 80  # bits of the enclosures
GUARD_POINTS = 3
VARIES_PRECISIONS = (80, 1280, 10240)  # bits of the cheap test that y does not cancel  # rational points where a combination's identity is evaluated


@dataclass(frozen=True)
class BoxCertificate:
    """How a slack of several variables was certified: ``minimum`` is the exact infimum (one
    combination) or a certified lower bound (branch and bound); ``how`` says which."""

    variables: tuple
    domain: str  # "a ∈ (-∞, ∞), b ∈ (-∞, ∞)"
    minimum: sp.Basic
    where: str
    how: str
    method: str

    def describe(self) -> str:
        return f"certified over {self.domain}: {self.how}"


def certify_box(slack: sp.Expr, intervals: dict, relation: str) -> BoxCertificate:
    """The certificate that ``slack`` is ≥ 0 (strict: > 0) while every variable ranges over
    its interval (``intervals``: symbol → sp.Interval, the domain a box), or NoCertificate."""
    if len(intervals) < 2:
        raise one.NoCertificate("fewer than two variables")
    if slack.has(sp.Piecewise, sp.Heaviside, sp.sign, sp.floor, sp.ceiling, sp.frac,
                 sp.DiracDelta):
        # a jump: SymPy differentiates each branch (an indicator to 0), so neither the face
        # rule nor the enclosures see it (review round 10b, C2)
        raise one.NoCertificate("the slack jumps (a piecewise, step or floor part)")
    try:
        with time_limit(CERTIFY_SECONDS, source="certificate", what="certifying an inequality"):
            return _certify_box(slack, intervals, relation)
    except ParseError as error:
        raise one.NoCertificate("the box certificate did not finish in time") from error
    except (NotImplementedError, ValueError, TypeError, AttributeError, RecursionError,
            ZeroDivisionError) as error:
        raise one.NoCertificate(f"the box certificate failed ({type(error).__name__})") \
            from error


def _certify_box(slack: sp.Expr, intervals: dict, relation: str) -> BoxCertificate:
    real = {v: sp.Dummy(str(v), real=True) for v in intervals}
    f = one._exact(slack).xreplace(real)
    box = {real[v]: interval for v, interval in intervals.items()}
    names = {real[v]: v for v in intervals}
    if len({str(v) for v in intervals}) < len(intervals):  # x and x > 0: shown as dummies
        names = {d: d for d in names}
    domain = ", ".join(f"{v} ∈ {one.interval_text(i)}" for v, i in intervals.items())
    steps: list[str] = []
    reduced, box = _reduce(f, box, names, steps)
    if len(box) == 1:
        (variable, interval), = box.items()
        shown = names.get(variable, variable)
        certificate = one.certify(reduced.xreplace({variable: shown}), shown, interval,
                                  relation)
        return BoxCertificate(
            tuple(intervals), domain, certificate.minimum, certificate.where,
            "; ".join(steps) + "; then " + certificate.describe(),
            "certified minimum (a substitution verified by SymPy, then SymPy's exact range)")
    shown = {v: sp.Symbol(str(names.get(v, v))) for v in box}
    if len(set(shown.values())) < len(shown):  # two variables written alike (x and x > 0)
        shown = {v: v for v in box}
    lower, boxes = _branch_and_bound(reduced.xreplace(shown),
                                     {shown[v]: i for v, i in box.items()},
                                     relation in ("<", ">"))
    text = "; ".join(steps + [f"interval arithmetic over {boxes} boxes covering "
                              + ", ".join(f"{shown[v]} ∈ {one.interval_text(i)}"
                                          for v, i in box.items())
                              + f" encloses the slack above {sp.sstr(sp.Float(lower, 6))}"])
    return BoxCertificate(tuple(intervals), domain, lower, "(a certified lower bound)", text,
                          "certified bound (interval arithmetic, branch and bound)")


# --- route 1: one combination ---------------------------------------------------------------


def _abs_form(f: sp.Expr) -> sp.Expr:
    """Max and Min written with |·|: max(a, b) = (a + b + |a − b|)/2 (an exact identity)."""
    def rewrite(node):
        sign = 1 if isinstance(node, sp.Max) else -1
        total = node.args[0]
        for other in node.args[1:]:
            total = (total + other + sign * sp.Abs(total - other)) / 2
        return total
    return f.replace(lambda n: isinstance(n, (sp.Max, sp.Min)), rewrite)


# functions real and finite at every real argument (an integer power >= 0 is added below)
EVERYWHERE = (sp.Add, sp.Mul, sp.exp, sp.sin, sp.cos, sp.atan, sp.sinh, sp.cosh, sp.tanh,
              sp.asinh, sp.erf, sp.erfc, sp.Abs, sp.Max, sp.Min)


def _defined_on(f, box: dict) -> bool:
    """True when SymPy's assumptions show the slack real and finite at every point of the box
    (a log's argument positive, a fractional or negative power's base positive): an identity
    f = g(u) then speaks of the whole domain, never of a part where f has no value."""
    signs = {}
    for v, interval in box.items():
        low, high = interval.inf, interval.sup
        facts = {"real": True}
        if low.is_finite and (low > 0 or (low == 0 and interval.left_open)):
            facts["positive"] = True
        elif low.is_finite and low >= 0:
            facts["nonnegative"] = True
        elif high.is_finite and (high < 0 or (high == 0 and interval.right_open)):
            facts["negative"] = True
        signs[v] = sp.Dummy(str(v), **facts)
    g = f.xreplace(signs)
    for node in sp.preorder_traversal(g):
        if node.is_Atom:
            if node.is_number and not (node.is_real and node.is_finite):
                return False
            continue
        if isinstance(node, sp.log):
            if len(node.args) != 1 or node.args[0].is_positive is not True:
                return False
        elif isinstance(node, sp.Pow):
            exponent = node.exp
            if not (exponent.is_Integer and exponent >= 0) and node.base.is_positive is not True:
                return False
        elif not isinstance(node, EVERYWHERE):
            return False
    return True


def _reduce(f, box: dict, names: dict, steps: list) -> tuple:
    """The slack with every variable eliminated that one combination allows, and its box."""
    if not _defined_on(f, box):
        return f, box
    written = _abs_form(f)
    while len(box) > 1:
        found = _one_combination(written, box, names)
        if found is None:
            break
        written, box, step = found
        steps.append(step)
    return (written if steps else f), box


def _one_combination(f, box: dict, names: dict):
    for x, y in itertools.permutations(sorted(box, key=sp.default_sort_key), 2):
        for kind in ("−", "+"):
            if kind == "+" and sp.default_sort_key(x) > sp.default_sort_key(y):
                continue  # x + y and y + x are one combination (x − y, y − x: tried both,
                # as SymPy may cancel the one and not the other)
            u = sp.Dummy("u", real=True)
            h = f.xreplace({x: y + u if kind == "−" else u - y})
            if _varies(h, u, y, box[y]):
                continue
            g = _free_of(h, y, box[y])
            if g is None or not _identity_holds(f, g, u, x, y, kind, box):
                continue
            reduced = {v: i for v, i in box.items() if v not in (x, y)}
            reduced[u] = _image(box[x], box[y], kind)
            shown = f"{names.get(x, x)} {kind} {names.get(y, y)}"
            taken = {str(n) for n in names.values()}
            names[u] = sp.Symbol(next(n for n in itertools.chain(
                ("u", "v", "w"), (f"u{k}" for k in itertools.count(1))) if n not in taken))
            step = (f"the slack depends on {names.get(x, x)}, {names.get(y, y)} only through "
                    f"{names[u]} = {shown} ∈ {one.interval_text(reduced[u])} (SymPy: "
                    f"{sp.sstr(_shown(f, names))} = {sp.sstr(_shown(g, names))})")
            return g, reduced, step
    return None


def _varies(h, u, y, interval) -> bool:
    """True when h(u, y) certainly takes two values at one u (a cheap test before SymPy's)."""
    for prec in VARIES_PRECISIONS:  # a term e^{-10^4} is seen only at thousands of bits
        values = []
        for k in (1, 2):
            point = {u: sp.Rational(3, 7), y: _sample(interval, k)}
            try:
                values.append(enclosure(h, point, prec))
            except (Uncertain, Undefined, Unsupported, ZeroDivisionError, ValueError):
                return False
        difference = values[0] - values[1]
        if difference > 0 or difference < 0:
            return True
    return False


def _shown(expr, names):
    return expr.xreplace({d: sp.Symbol(str(n)) for d, n in names.items()
                          if not isinstance(n, sp.Dummy)})


def _free_of(h, y, interval):
    """h as an expression free of y, when SymPy shows it is (None when not, or out of time)."""
    if not h.has(y):
        return h
    try:
        with time_limit(REDUCE_SECONDS, source="certificate", what="reducing a slack"):
            g = h.xreplace({y: one._inner_point(interval)})  # h at one y: as written
            if sp.simplify(h - g) == 0:
                return g
            simple = sp.simplify(h)
            if not simple.has(y):
                return simple
    except ParseError:
        return None
    except (NotImplementedError, ValueError, TypeError, AttributeError, RecursionError,
            ZeroDivisionError):
        return None
    return None


def _identity_holds(f, g, u, x, y, kind, box) -> bool:
    """No rational point of the box where f and g(u) certainly differ (a guard on SymPy)."""
    combination = x - y if kind == "−" else x + y
    for k in range(1, GUARD_POINTS + 1):
        point = {v: _sample(interval, k) for v, interval in box.items()}
        try:
            difference = enclosure(f - g.xreplace({u: combination}), point, PREC)
        except (Uncertain, Undefined, Unsupported, ZeroDivisionError, ValueError):
            continue
        if difference > 0 or difference < 0:
            return False
    return True


def _sample(interval: sp.Interval, k: int) -> sp.Rational:
    low, high = interval.inf, interval.sup
    fraction = sp.Rational(k, GUARD_POINTS + 1) + sp.Rational(1, 7 * k + 3)  # not a midpoint
    if low.is_finite and high.is_finite:
        return sp.nsimplify(low + (high - low) * fraction, rational=True) \
            if not (low.is_Rational and high.is_Rational) else low + (high - low) * fraction
    start = low if low.is_finite else high if high.is_finite else sp.Integer(0)
    step = sp.Rational(3 * k, 2) + sp.Rational(1, 5 * k)
    value = start + step if low.is_finite else start - step if high.is_finite else \
        (-1) ** k * step
    return value if value.is_Rational else sp.nsimplify(value, rational=True)


def _image(first: sp.Interval, second: sp.Interval, kind: str) -> sp.Interval:
    """The interval x − y (or x + y) sweeps while x, y range over their intervals."""
    if kind == "−":
        low, high = first.inf - second.sup, first.sup - second.inf
        left_open = first.left_open or second.right_open
        right_open = first.right_open or second.left_open
    else:
        low, high = first.inf + second.inf, first.sup + second.sup
        left_open, right_open = first.left_open or second.left_open, \
            first.right_open or second.right_open
    return sp.Interval(low, high, left_open or low == -sp.oo, right_open or high == sp.oo)


# --- route 2: branch and bound on a bounded box ---------------------------------------------


def _branch_and_bound(f, box: dict, strict: bool) -> tuple[sp.Rational, int]:
    """A certified lower bound of f over the closed box and the boxes it took; NoCertificate
    when the search cannot cover the box."""
    variables = sorted(box, key=sp.default_sort_key)
    if len(variables) > MAX_VARIABLES:
        raise one.NoCertificate(f"{len(variables)} variables (a box certificate cuts at most "
                                f"{MAX_VARIABLES})")
    for v in variables:
        if not (box[v].inf.is_finite and box[v].sup.is_finite):
            raise one.NoCertificate(
                f"the domain of {v} is unbounded and the slack depends on more than one "
                "combination of its variables (a box certificate covers bounded boxes)")
    derivatives = {}
    for v in variables:
        try:
            derivatives[v] = sp.diff(f, v)
        except (ValueError, TypeError, NotImplementedError) as error:
            raise one.NoCertificate(f"no derivative in {v} ({type(error).__name__})") from error
    ends = [(_rational_end(box[v].inf, False), _rational_end(box[v].sup, True))
            for v in variables]
    started = time.process_time()
    pending = [(tuple(ends), 0)]
    lowest, boxes = None, 0
    while pending:
        cell, depth = pending.pop()
        boxes += 1
        if boxes > MAX_BOXES or time.process_time() - started > BOX_SECONDS:
            raise one.NoCertificate(f"interval arithmetic did not cover the box within "
                                    f"{MAX_BOXES} boxes and {BOX_SECONDS} s")
        balls = {v: _ball(low, high) for v, (low, high) in zip(variables, cell)}
        value = _enclose(f, balls)
        if value is not None and (value > 0 or (not strict and value >= 0)):
            low = _exact_dyadic(value)
            lowest = low if lowest is None else min(lowest, low)
            continue
        if value is not None and (value < 0 or (strict and _is_zero(value))):
            raise one.NoCertificate(
                "the slack is negative (or, for a strict inequality, 0) everywhere on the box "
                + ", ".join(f"{v} ∈ [{sp.sstr(lo)}, {sp.sstr(hi)}]"
                            for v, (lo, hi) in zip(variables, cell)))
        faced = _to_faces(cell, variables, derivatives, balls)
        if faced != cell:
            pending.append((faced, depth))
            continue
        widths = [hi - lo for lo, hi in cell]
        side = max(range(len(cell)), key=lambda k: widths[k] / max(
            ends[k][1] - ends[k][0], sp.Rational(1, 2**60)))
        if widths[side] == 0 or depth >= MAX_DEPTH * len(variables):
            raise one.NoCertificate(
                "interval arithmetic cannot settle the slack near "
                + ", ".join(f"{v} = {sp.sstr(sp.Float((lo + hi) / 2, 6))}"
                            for v, (lo, hi) in zip(variables, cell))
                + " (a minimum that touches 0, or a slack negative on a thin region)")
        low, high = cell[side]
        middle = (low + high) / 2
        for half in ((low, middle), (middle, high)):
            pending.append((cell[:side] + (half,) + cell[side + 1:], depth + 1))
    return (lowest if lowest is not None else sp.Integer(0)), boxes


def _rational_end(end: sp.Basic, upper: bool) -> sp.Rational:
    """A rational end of a closed box containing the interval (π → an outward rational)."""
    if end.is_Rational:
        return end
    try:
        ball = enclosure(end, {}, PREC)
    except (Uncertain, Undefined, Unsupported) as error:
        raise one.NoCertificate(f"the end {sp.sstr(end)} has no certified value") from error
    value = _exact_dyadic(ball, upper)
    step = sp.Rational(1, 2**PREC) * (1 + abs(value))  # outward, whatever the conversion did
    return value + step if upper else value - step


def _exact_dyadic(bound: arb, upper: bool = False) -> sp.Rational:
    """A rational below (``upper``: above) every number in the ball, exactly."""
    def rational(exact: arb) -> sp.Rational:
        mantissa, exponent = (int(part) for part in exact.man_exp())
        return sp.Integer(mantissa) * sp.Integer(2) ** exponent
    middle, radius = rational(bound.mid()), rational(bound.rad())
    return middle + radius if upper else middle - radius


def _ball(low: sp.Rational, high: sp.Rational) -> arb:
    from symderive.check.certified import _rational  # one conversion of rationals to balls
    if low == high:
        return _rational(low)
    ball = _rational(low).union(_rational(high))
    return ball.nonnegative_part() if low >= 0 else ball


def _enclose(f, balls) -> arb | None:
    try:
        return enclosure_over(f, balls, PREC)
    except Uncertain:
        return None
    except Undefined as undefined:
        raise one.NoCertificate(f"the slack has no real value on part of the domain "
                                f"({undefined.why})") from undefined
    except Unsupported as unsupported:
        raise one.NoCertificate(f"no interval arithmetic for the slack ({unsupported})") \
            from unsupported
    except (ZeroDivisionError, ValueError, OverflowError) as error:
        raise one.NoCertificate(f"interval arithmetic failed ({type(error).__name__})") \
            from error


def _to_faces(cell, variables, derivatives, balls) -> tuple:
    """The box shrunk to the face where the minimum over it lies, for every variable whose
    partial derivative has a certain sign over the box (f increasing in x: the face x = lo)."""
    faced = list(cell)
    for k, v in enumerate(variables):
        low, high = cell[k]
        if low == high:
            continue
        try:
            slope = enclosure_over(derivatives[v], balls, PREC)
        except (Uncertain, Undefined, Unsupported, ZeroDivisionError, ValueError,
                OverflowError):
            continue
        if slope >= 0:
            faced[k] = (low, low)
        elif slope <= 0:
            faced[k] = (high, high)
    return tuple(faced)


def _is_zero(value: arb) -> bool:
    return value.is_exact() and value.is_zero()
