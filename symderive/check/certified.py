"""Certified evaluation: a SymPy expression at an exact point becomes an Arb ball (python-flint).

A ball ``[m ± r]`` is guaranteed to contain the true value, whatever the rounding, so a
comparison read off two balls is a fact, not a guess: disjoint balls prove the sides differ at
that point; a difference ball within 10^-d of 0 says they agree to d digits.  The working
precision is raised until the balls decide (:func:`compare`); a ball that never tightens
enough leaves the point *inconclusive*.

Conventions (docs/conventions.md): real numbers only (a log of a negative is *not real*, not a
complex number); an odd root of a negative number is the real root; ``Heaviside(0)`` is its
second argument; Max/Min are the usual ones; a node this module does not know raises
:class:`Unsupported` — never a floating-point guess.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from dataclasses import dataclass

import sympy as sp
from flint import arb, ctx

from symderive.functions import leaky_relu, relu, sigmoid

PRECISIONS = (80, 160, 320, 640, 1280, 2560, 5120, 10240, 20480)  # bits, tried in order
DIGITS = 30  # agreement required for "checked": |lhs - rhs| <= 10^-30 · max(1, |lhs|, |rhs|)


class Undefined(Exception):
    """The expression has no real value at the point: ``kind`` is ``pole`` (a zero
    denominator) or ``nonreal`` (log or even root of a negative number)."""

    def __init__(self, kind: str, why: str):
        super().__init__(why)
        self.kind = kind
        self.why = why


class Uncertain(Exception):
    """The ball straddles a decision (a sign, a branch, a pole): more precision may settle it."""


class Unsupported(Exception):
    """A node without a certified evaluation (an unevaluated derivative, an unknown function)."""


def _rational(value: sp.Rational) -> arb:
    if value.q == 1:
        return arb(int(value.p))
    return arb(int(value.p)) / arb(int(value.q))


def _float(value: sp.Float) -> arb:
    sign, mantissa, exponent, _ = value._mpf_
    if not mantissa and exponent:  # inf / nan
        raise Undefined("pole", "an infinite float")
    result = arb(int(mantissa)) * arb(2) ** int(exponent)
    return -result if sign else result


def _sign(value: arb) -> int:
    """The certified sign of a ball: 1, -1, or 0 for an exact zero."""
    if value > 0:
        return 1
    if value < 0:
        return -1
    if value.is_exact() and value.is_zero():
        return 0
    raise Uncertain("sign")


def _positive_power(base: arb, exponent: sp.Rational) -> arb:
    return (base.log() * _rational(exponent)).exp()


WIDE_BITS = 16  # a ball known to fewer relative bits is powered from its ends


def _natural_power(base: arb, n: int) -> arb:
    """base^n for an integer n >= 0.  A wide ball (a box, :func:`enclosure_over`) by
    monotonicity from its ends: x^n over [lo, hi] is [lo^n, hi^n] for odd n, and for even n
    lies between lo^n and hi^n, or in [0, max(|lo|, |hi|)^n] when 0 is inside (Arb's own
    power of a ball straddling 0 is NaN, and of a wide ball loose)."""
    if n <= 1 or base.rel_accuracy_bits() > WIDE_BITS:  # a thin ball: Arb's power
        return base**n
    if n % 2 == 0 and not (base > 0 or base < 0):
        return arb(0).union(base.abs_upper() ** n).nonnegative_part()
    return (base.lower() ** n).union(base.upper() ** n)


def _pow(base: arb, exponent_node: sp.Basic, exponent: arb) -> arb:
    if isinstance(exponent_node, sp.Integer):
        n = int(exponent_node)
        if n >= 0:
            return _natural_power(base, n)
        if _sign_or_none(base) == 0:
            raise Undefined("pole", "a zero denominator")
        if 0 in base:
            raise Uncertain("denominator")
        return 1 / base**-n
    sign = _sign_or_none(base)
    if isinstance(exponent_node, sp.Rational):
        if sign == 1:
            return _positive_power(base, exponent_node)
        if sign == 0:
            if exponent_node > 0:
                return arb(0)
            raise Undefined("pole", "a zero denominator")
        if sign == -1:
            if exponent_node.q % 2 == 0:
                raise Undefined("nonreal", "an even root of a negative number")
            value = _positive_power(-base, exponent_node)
            return -value if exponent_node.p % 2 else value
        raise Uncertain("base of a root")
    if sign == 1:
        return (base.log() * exponent).exp()
    if sign == 0:  # 0^y: 0 for y > 0, 1 at y = 0 (as 0^0 = 1), a pole for y < 0
        exponent_sign = _sign(exponent)
        if exponent_sign == 0:
            return arb(1)
        if exponent_sign < 0:
            raise Undefined("pole", "0 to a negative power")
        return arb(0)
    if sign == -1 and exponent.is_exact() and exponent.is_integer():
        return base ** int(exponent.unique_fmpz())
    raise Uncertain("base of a power")


def _sign_or_none(value: arb) -> int | None:
    try:
        return _sign(value)
    except Uncertain:
        return None


def _step(node: sp.Basic, argument: arb) -> arb:
    """⌊a⌋, ⌈a⌉ or frac(a) of a ball: exact when the ball holds no integer (or is one
    exactly); a ball around an integer straddles the jump (more precision may settle it)."""
    if argument.is_exact() and argument.is_integer():
        whole = argument
    elif not argument.contains_integer():
        whole = argument.upper().ceil() if isinstance(node, sp.ceiling) else argument.lower().floor()
    else:
        raise Uncertain("a floor or ceiling at its jump")
    return argument - whole if isinstance(node, sp.frac) else whole


def _log(argument: arb) -> arb:
    sign = _sign_or_none(argument)
    if sign == 1:
        return argument.log()
    if sign == 0:
        raise Undefined("pole", "log(0)")
    if sign == -1:
        raise Undefined("nonreal", "the log of a negative number")
    raise Uncertain("log argument")


def _bounded(function_name: str, low: float, high: float, open_interval: bool):
    def evaluate(value: arb) -> arb:
        inside = (value > low and value < high) if open_interval else (
            value >= low and value <= high
        )
        if inside:
            return getattr(value, function_name)()
        outside = (value <= low or value >= high) if open_interval else (
            value < low or value > high
        )
        if outside:
            raise Undefined("nonreal", f"{function_name} outside its domain")
        raise Uncertain(function_name)

    return evaluate


def _quotient(name: str, numerator, denominator):
    """tan = sin/cos, cot = cos/sin, sec = 1/cos, csc = 1/sin, coth = cosh/sinh: Uncertain where the ball of the
    denominator holds 0 (a pole, or too close to one to say)."""
    def evaluate(value: arb) -> arb:
        below = denominator(value)
        if 0 in below:
            raise Uncertain(f"{name} near a pole")
        return numerator(value) / below

    return evaluate


def _acosh(value: arb) -> arb:
    if value >= 1:
        return value.acosh()
    if value < 1:
        raise Undefined("nonreal", "acosh below 1")
    raise Uncertain("acosh")


UNARY = {
    sp.exp: lambda v: v.exp(),
    sp.log: _log,
    sp.sin: lambda v: v.sin(),
    sp.cos: lambda v: v.cos(),
    sp.tan: _quotient("tan", lambda v: v.sin(), lambda v: v.cos()),
    sp.sinh: lambda v: v.sinh(),
    sp.cosh: lambda v: v.cosh(),
    sp.tanh: lambda v: v.tanh(),
    sp.asinh: lambda v: v.asinh(),
    sp.acosh: _acosh,
    sp.atanh: _bounded("atanh", -1, 1, True),
    sp.asin: _bounded("asin", -1, 1, False),
    sp.acos: _bounded("acos", -1, 1, False),
    sp.atan: lambda v: v.atan(),
    sp.cot: _quotient("cot", lambda v: v.cos(), lambda v: v.sin()),
    sp.sec: _quotient("sec", lambda v: arb(1), lambda v: v.cos()),
    sp.csc: _quotient("csc", lambda v: arb(1), lambda v: v.sin()),
    sp.coth: _quotient("coth", lambda v: v.cosh(), lambda v: v.sinh()),
    sp.Abs: abs,
    sigmoid: lambda v: 1 / (1 + (-v).exp()),
}


def _maximum(values: list[arb], largest: bool) -> arb:
    result = values[0]
    for value in values[1:]:
        result = result.max(value) if largest else result.min(value)
    return result


def _relation_holds(condition: sp.Basic, evaluate) -> bool:
    """A Piecewise condition decided with certainty (or Uncertain)."""
    if condition is sp.true or condition is True:
        return True
    if condition is sp.false or condition is False:
        return False
    if isinstance(condition, sp.And):
        return all(_relation_holds(c, evaluate) for c in condition.args)
    if isinstance(condition, sp.Or):
        return any(_relation_holds(c, evaluate) for c in condition.args)
    if isinstance(condition, sp.Not):
        return not _relation_holds(condition.args[0], evaluate)
    if isinstance(condition, sp.core.relational.Relational):
        sign = _sign(evaluate(condition.lhs) - evaluate(condition.rhs))
        return {
            sp.StrictGreaterThan: sign > 0,
            sp.GreaterThan: sign >= 0,
            sp.StrictLessThan: sign < 0,
            sp.LessThan: sign <= 0,
            sp.Equality: sign == 0,
            sp.Unequality: sign != 0,
        }[type(condition)]
    raise Unsupported(f"condition {type(condition).__name__}")


def enclosure(expr: sp.Basic, point: Mapping[sp.Basic, sp.Basic], prec: int) -> arb:
    """A ball containing the real value of ``expr`` at ``point`` (symbol → SymPy number)."""
    saved = ctx.prec
    ctx.prec = prec
    try:
        memo: dict = {}
        values = {symbol: _evaluate(value, {}, memo) for symbol, value in point.items()}
        memo = {}
        return _evaluate(expr, values, memo)
    finally:
        ctx.prec = saved


def enclosure_over(expr: sp.Basic, balls: Mapping[sp.Basic, arb], prec: int) -> arb:
    """A ball containing every real value of ``expr`` while each symbol ranges over its ball
    (symbol → Arb ball: a box): interval arithmetic, each node enclosed over the box.  A
    branch, sign or domain test the box straddles raises :class:`Uncertain` (a smaller box may
    decide it); :class:`Undefined` when a node has no real value at any point of the box (a
    log of a ball certainly below 0)."""
    saved = ctx.prec
    ctx.prec = prec
    try:
        return _evaluate(expr, dict(balls), {})
    finally:
        ctx.prec = saved


def _evaluate(node: sp.Basic, values: Mapping, memo: dict) -> arb:
    known = memo.get(node)
    if known is not None:
        return known
    result = _node(node, values, memo)
    if not result.is_finite():
        raise Uncertain("an unbounded ball")
    memo[node] = result
    return result


def _node(node: sp.Basic, values: Mapping, memo: dict) -> arb:  # noqa: C901 - a dispatch table
    def evaluate(child):
        return _evaluate(child, values, memo)

    if node in values:
        return values[node]
    if isinstance(node, sp.Rational):
        return _rational(node)
    if isinstance(node, sp.Float):
        return _float(node)
    if node is sp.pi:
        return arb.pi()
    if node is sp.E:
        return arb(1).exp()
    if node in (sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise Undefined("pole", "an infinite or undefined value")
    if node is sp.I:
        raise Undefined("nonreal", "the imaginary unit")
    if isinstance(node, sp.Add):
        total = arb(0)
        for term in node.args:
            total += evaluate(term)
        return total
    if isinstance(node, sp.Mul):
        product = arb(1)
        for factor in node.args:
            product *= evaluate(factor)
        return product
    if isinstance(node, sp.Pow):
        return _pow(evaluate(node.base), node.exp, evaluate(node.exp))
    function = type(node)
    if function in UNARY and len(node.args) == 1:
        return UNARY[function](evaluate(node.args[0]))
    if isinstance(node, sp.log) and len(node.args) == 2:
        return _log(evaluate(node.args[0])) / _log(evaluate(node.args[1]))
    if isinstance(node, sp.sign):
        return arb(_sign(evaluate(node.args[0])))
    if isinstance(node, sp.Heaviside):
        sign = _sign(evaluate(node.args[0]))
        if sign == 0:
            at_zero = node.args[1] if len(node.args) > 1 else sp.S.Half
            if at_zero == sp.S.Half:
                # H(0) = 1/2 is SymPy's default (from its derivative of Max/Abs), which no
                # documented rule gives (docs/conventions.md): no verdict rests on it
                raise Unsupported("Heaviside(0) with SymPy's default 1/2")
            return evaluate(at_zero)
        return arb(1 if sign > 0 else 0)
    if isinstance(node, (sp.floor, sp.ceiling, sp.frac)) and len(node.args) == 1:
        return _step(node, evaluate(node.args[0]))
    if isinstance(node, (sp.Max, sp.Min)):
        return _maximum([evaluate(a) for a in node.args], isinstance(node, sp.Max))
    if isinstance(node, relu):
        return _maximum([arb(0), evaluate(node.args[0])], True)
    if isinstance(node, leaky_relu):
        argument, alpha = (evaluate(a) for a in node.args)
        if argument > 0 or (argument.is_exact() and argument.is_zero()):
            return argument if argument > 0 else arb(0)
        if argument < 0:
            return alpha * argument
        return argument.union(alpha * argument)  # continuous at 0: the hull encloses it
    if isinstance(node, sp.Piecewise):
        for branch, condition in node.args:
            if _relation_holds(condition, evaluate):
                return evaluate(branch)
        raise Undefined("pole", "no branch of a piecewise expression applies")
    if isinstance(node, sp.factorial) and node.args[0].is_Integer:
        n = int(node.args[0])
        if n < 0:
            raise Undefined("pole", "factorial of a negative integer")
        if n > 10_000:
            raise Unsupported("a factorial too large to evaluate")
        return arb(math.factorial(n))
    raise Unsupported(f"no certified evaluation of {function.__name__}")


@dataclass(frozen=True)
class PointComparison:
    """How two sides compare at one point: ``status`` is agree / disagree / skip /
    inconclusive / unsupported; the values are the balls' midpoints (15 digits)."""

    status: str
    lhs_value: str = ""
    rhs_value: str = ""
    reason: str = ""
    bits: int = 0
    entry: tuple = ()  # (row, col), 1-based: where two matrices disagree
    examined: int = 0  # the deepest bits at which the balls were seen to overlap (0: never,
    # the sides were separated or exactly equal): what an agreement within the tolerance rests on
    deep_cost: float = 0.0  # modelled seconds spent doubling beyond the confirmation precision


def _text(value: arb, digits: int = 15) -> str:
    return value.str(digits, radius=False)


def _side(expr, point, prec, conditions=()):
    """The ball of one side, or why it has no real value here (its written form's natural
    domain first: ``sqrt(x)^2`` is undefined at x = -1 even though SymPy wrote it as x)."""
    for kind, condition, why in conditions:
        if kind == "power":  # (b, y): real where b > 0, b = 0 < y, or y an integer
            failure = _power_failure(condition, point, prec, why)
            if failure is not None:
                return None, failure
            continue
        try:
            sign = _sign(enclosure(condition, point, prec))
        except Undefined as undefined:
            return None, undefined
        if kind == "nonzero" and sign == 0:
            return None, Undefined("pole", f"{why} is 0")
        if kind == "positive" and sign <= 0:
            return None, Undefined("pole" if sign == 0 else "nonreal", f"{why} is not > 0")
        if kind == "nonnegative" and sign < 0:
            return None, Undefined("nonreal", f"{why} is negative")
        if kind == "counted" and sign < 0:  # no agreed value: excluded, never a counterexample
            return None, Undefined("pole", f"{why} is negative")
    try:
        return enclosure(expr, point, prec), None
    except Undefined as undefined:
        return None, undefined


def _power_failure(pair, point, prec, why) -> Undefined | None:
    base_node, exponent_node = pair.args
    try:
        base = enclosure(base_node, point, prec)
        exponent = enclosure(exponent_node, point, prec)
    except Undefined as undefined:
        return undefined
    sign = _sign_or_none(base)
    if sign == 1:
        return None
    if exponent.is_exact() and exponent.is_integer():
        return None if sign != 0 or exponent >= 0 else Undefined("pole", f"{why} is 0")
    if sign == 0:
        return None if exponent > 0 else Undefined("pole", f"{why} is 0")
    if sign == -1 and not exponent.contains_integer():
        return Undefined("nonreal", f"{why} is negative")
    raise Uncertain("a power of a negative base")


def compare(
    lhs: sp.Basic,
    rhs: sp.Basic,
    relation: str,
    point=None,
    digits: int = DIGITS,
    *,
    conditions=(),
    deep_bits: int = 0,
    deep_cost: float = 0.0,
) -> PointComparison:
    """Decide ``lhs <relation> rhs`` at ``point`` with certified balls (scalar sides).

    agree: the relation holds (for '=': agreement to ``digits`` significant digits);
    disagree: certainly violated (for '=': the balls are disjoint); skip: a side has no value
    here (a pole of either side, or both not real); inconclusive: no precision up to the last
    of :data:`PRECISIONS` decided.  A point where one side is real and the other is not
    disagrees for '=' (the identity fails over the reals there).  ``conditions`` are the
    natural domain of the written sides: ``(side, kind, expr, why)`` with side lhs/rhs.
    ``deep_bits``: where the balls still overlap after the confirmation, keep doubling the
    precision up to this many bits until they separate, while the modelled cost of doubling
    stays within ``deep_cost`` (:func:`_confirm`, :func:`modelled_cost`); the bits looked
    at with overlapping balls are reported in ``examined``, the modelled cost in ``deep_cost``.
    """
    point = point or {}
    reason = ""
    lhs_conditions = tuple(c[1:] for c in conditions if c[0] == "lhs")
    rhs_conditions = tuple(c[1:] for c in conditions if c[0] == "rhs")
    for prec in PRECISIONS:
        try:
            left, left_undefined = _side(lhs, point, prec, lhs_conditions)
            right, right_undefined = _side(rhs, point, prec, rhs_conditions)
        except Uncertain as uncertain:
            reason = f"undecided branch or sign ({uncertain})"
            continue
        except Unsupported as unsupported:
            return PointComparison("unsupported", reason=str(unsupported))
        except (ZeroDivisionError, ValueError, OverflowError) as error:
            return PointComparison("unsupported", reason=f"{type(error).__name__}: {error}")
        if left_undefined or right_undefined:
            return _undefined_status(left, right, left_undefined, right_undefined, relation)
        status = _decide(left - right, left, right, relation, digits)
        fine_difference, examined, spent = None, 0, 0.0
        if status is not None and relation in ("=", "!=", "<=", ">=") and not _separated(
            left, right
        ):
            # agreement (or, for '!=', the lack of a witness) rests on a tolerance: look again
            # far beyond it, so 1 + 10^-50 = 1 is refuted rather than agreed to 30 digits
            status, fine_difference, examined, spent = _confirm(
                lhs, rhs, point, lhs_conditions, rhs_conditions, prec, status, relation,
                deep_bits, deep_cost,
            )
            if status is None:
                return PointComparison(
                    "inconclusive", reason="the claim's constants span more decades than "
                    f"{int(MAX_CONFIRM_BITS / 3.33)} digits resolve")
        if status == "agree" and fine_difference is not None and not abs(fine_difference) < 1:
            # agreement relative to values so large that a difference of 1 is below the
            # precision: exp(10^300) = exp(10^300) + 1 is not evidence, at any digits
            return PointComparison(
                "inconclusive", reason="the values are too large to resolve a difference of 1"
            )
        if status is not None:
            bits = max(prec, examined) if fine_difference is not None else prec
            shown = 15
            while _text(left, shown) == _text(right, shown) and shown < 60 and status != "agree":
                shown += 15
            lhs_text, rhs_text = _text(left, shown), _text(right, shown)
            if status != "agree" and fine_difference is not None:
                # the sides differ beyond the digits shown: say by how much (certified)
                rhs_text += f" (RHS - LHS = {_text(-fine_difference, 5)})"
            overlapped = examined if fine_difference is not None and not (
                fine_difference > 0 or fine_difference < 0) else 0
            return PointComparison(status, lhs_text, rhs_text, bits=bits, examined=overlapped,
                                   deep_cost=spent)
        reason = "the balls did not tighten enough"
    return PointComparison("inconclusive", reason=reason or "no precision decided")


CONFIRM_FACTOR = 8  # agreement within the tolerance is re-examined at 8× the precision
# … and at least at the precision the claim's own constants call for: x + x·e^{-1000} = x
# differs by 10^-434·x, below the 385 digits of 1280 bits (round 9a C5).  A claim whose
# constants span D decades (|log10 c| <= D for every number-valued part c, e^{-1000}: 435) is
# re-examined with D + DIGITS + CONFIRM_MARGIN digits; beyond MAX_CONFIRM_BITS the agreement is
# no evidence (inconclusive).  This is a bound on what was looked at, not a proof: the verdict
# reports the digits (:func:`confirmation_digits`).
CONFIRM_MARGIN = 40  # digits beyond the constants' decades and the agreement tolerance
MAX_CONFIRM_BITS = 20480  # about 6165 digits: e^{-6000} is still resolved, e^{-10^4} is not
# The written constants do not bound how small a difference can be (tanh(1000) - 1 is
# 10^-869, Newton's iterates of π cancel to 10^-2376 from O(1) parts): where the balls still
# overlap, a few points per claim are looked at again, doubling the bits up to DEEP_BITS
# (about 19,700 digits; arb takes well under a second there for a claim of a page).  A
# verdict reports the digits actually looked at (:func:`bits_to_digits`).
DEEP_BITS = 65536
DEEP_POINTS = 2  # points per claim re-examined that deep (a true identity overlaps everywhere)
DEEP_COST = 0.1  # modelled CPU seconds per claim for those doublings (the step budget is 2 s)
# The doublings are bounded by a model of their cost, not by the clock, so a verdict and the
# digits it reports are the same on an idle and on a loaded machine (serial and parallel runs
# agree): arb takes about a millisecond per distinct node of the two sides (plus a fixed 16) at
# DEEP_BITS, growing as bits^1.6 (measured on exp/sin/log/atan sums of 4 to 137 nodes).
COST_PER_NODE = 1e-3  # modelled seconds per node at DEEP_BITS
COST_BASE_NODES = 16
COST_EXPONENT = 1.6


def modelled_cost(nodes: int, bits: int) -> float:
    """The modelled CPU seconds of evaluating two sides of ``nodes`` nodes at ``bits``."""
    return COST_PER_NODE * (nodes + COST_BASE_NODES) * (bits / DEEP_BITS) ** COST_EXPONENT


def _nodes(*sides) -> int:
    """The distinct subexpressions of each side, summed: what the evaluation computes, since
    it evaluates a subexpression repeated within a side once (a Newton iterate x - tan x uses
    x twice; a definition substituted several times) (round 12b F1: the tree of T^8(3) has
    900 nodes, its distinct subexpressions about 25)."""
    total = 0
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        seen: set = set()
        pending = [side]
        while pending:
            node = pending.pop()
            if node not in seen:
                seen.add(node)
                pending.extend(node.args)
        total += len(seen)
    return total


def bits_to_digits(bits: int) -> int:
    """The decimal digits ``bits`` binary digits resolve."""
    return int(bits * math.log10(2))


# what an enclosure of a constant node may raise when it does not resolve it at a precision
UNRESOLVED = (Uncertain, Unsupported, ZeroDivisionError, ValueError, OverflowError, TypeError,
              AttributeError)

def constant_decades(*sides) -> int:
    """The decades the number-valued parts of the sides span: the largest |log10 |c|| over
    every subexpression c without free symbols (``e^{-1000}``: 435; ``10^{400}``: 400), from
    certified balls (never a float, which underflows at 10^-308); 0 when there is none."""
    return max((_decades(side) for side in sides if isinstance(side, sp.Basic)), default=0)


@lru_cache(maxsize=4096)
def _decades(expr: sp.Basic) -> int:
    """Each distinct subexpression looked at once, and the balls of constant subexpressions
    shared between them (one memo, at 64 bits): a constant written out at a point (a side
    with every variable substituted) has thousands of constant subexpressions, and enclosing
    each afresh repeated the work of its children at every ancestor."""
    deepest = 0
    memo: dict = {}
    seen: set = set()
    saved = ctx.prec
    ctx.prec = 64
    try:
        pending = [expr]
        while pending:
            node = pending.pop()
            if node in seen:
                continue
            seen.add(node)
            pending.extend(node.args)
            if isinstance(node, sp.Rational) and node:  # 10^{-400}: 400 decades
                deepest = max(deepest, int(max(abs(node.p).bit_length(), node.q.bit_length()) * 0.30103) + 1)
                continue
            if not isinstance(node, sp.Expr) or node.free_symbols or not node.args:
                continue
            deepest = max(deepest, _saturation_decades(node, memo))
            try:
                ball = abs(_evaluate(node, {}, memo))
            except Undefined:  # log(0), a negative root: undefined, no size hidden
                continue
            except UNRESOLVED:
                ball = None
            if ball is None or not ball > 0:
                if ball is not None and ball.is_exact() and ball.is_zero():
                    continue  # exactly 0
                ball = _resolved(node)  # e^{-10^20}, 1/(π − 3.14159…): round 40 K01, K02
                if ball is None:
                    return BEYOND_RESOLUTION
            decades = abs(ball.log()) / arb(10).log()
            deepest = max(deepest, int(math.ceil(float(decades.upper()))))
    finally:
        ctx.prec = saved
    return deepest


# the decades of a constant no precision up to RESOLVING_BITS encloses away from 0 or infinity:
# an agreement at a point holding it is then no evidence (confirmation_bits exceeds every limit)
BEYOND_RESOLUTION = 10**9
RESOLVING_BITS = (256, 1024, 4096, 16384, 65536)  # up to DEEP_BITS


def _resolved(node: sp.Basic) -> arb | None:
    """|node| enclosed away from 0 at a rising precision (a constant whose 64-bit ball holds 0 or
    overflows: e^{-10^{20}}, 1/(π − 3.1415926535897932384626433832795028)), or None when no
    precision up to the last of RESOLVING_BITS (the deep look's DEEP_BITS) does (an exactly-zero constant SymPy did not
    simplify also ends here: saying less is allowed)."""
    saved = ctx.prec
    try:
        for bits in RESOLVING_BITS:
            ctx.prec = bits
            try:
                ball = abs(_evaluate(node, {}, {}))
            except Undefined:
                return None
            except UNRESOLVED:
                continue
            if ball > 0 and ball.is_finite():
                return ball
        return None
    finally:
        ctx.prec = saved


# functions that approach their limit exponentially fast: f(a) differs from it by about
# e^{-rate·|a|^power}, which no written constant shows (tanh(30000) = 1 − 2e^{-60000}: a claim
# x·tanh(30000) = x differs by 10^-26058; round 38 B01)
SATURATING = {sp.tanh: (2, 1), sp.coth: (2, 1), sp.erf: (1, 2), sp.erfc: (1, 2)}


def _saturation_decades(node: sp.Basic, memo: dict) -> int:
    """The decades between a saturating function of a constant and its limit (0 for any other
    node): rate·|a|^power / ln 10 for the argument a."""
    law = SATURATING.get(node.func)
    if law is None or len(node.args) != 1:
        return 0
    try:
        size = abs(_evaluate(node.args[0], {}, memo))
    except (Undefined, *UNRESOLVED):
        return 0
    rate, power = law
    upper = float(size.upper())
    if not math.isfinite(upper):
        return 10**9  # (beyond any precision: the agreement is then no evidence)
    return int(math.ceil(rate * upper**power / math.log(10))) + 1


def confirmation_bits(lhs, rhs, prec: int) -> int:
    """The precision an agreement is re-examined at: CONFIRM_FACTOR × ``prec`` (at least
    1280 bits), raised to what the claim's constants call for (may exceed MAX_CONFIRM_BITS:
    the caller then calls the point inconclusive)."""
    needed = (constant_decades(lhs, rhs) + DIGITS + CONFIRM_MARGIN) * 3.33
    return max(prec * CONFIRM_FACTOR, 1280, int(math.ceil(needed)))


def confirmation_digits(lhs, rhs) -> int:
    """The digits an agreement of these sides was confirmed to (what a verdict reports)."""
    return int(confirmation_bits(lhs, rhs, PRECISIONS[0]) / 3.33)


def _separated(left: arb, right: arb) -> bool:
    difference = left - right
    return bool(difference > 0 or difference < 0)


def _confirm(lhs, rhs, point, lhs_conditions, rhs_conditions, prec, status, relation="=",
             deep_bits: int = 0, deep_cost: float = 0.0):
    """Re-evaluate where the balls overlap: at :func:`confirmation_bits` first, then (when
    ``deep_bits`` asks for it) at twice the bits, and twice again, up to ``deep_bits``,
    stopping as soon as the difference ball excludes 0 (round 11: tanh(1000) = 1 differs by
    10^-869, a sixth Newton iterate of π by 10^-792 — far below any precision read off the
    written constants).  Disjoint balls overturn an agreement that only held within the
    tolerance.  A doubling is started only while the modelled cost of the doublings
    (:func:`modelled_cost`: deterministic, never the clock) stays within ``deep_cost``.
    Returns the status, the difference at the last precision looked at, the bits at which the
    balls still overlapped (0 when they separated or the difference is exactly 0), and the
    modelled seconds spent doubling."""
    bits = confirmation_bits(lhs, rhs, prec)
    if bits > max(MAX_CONFIRM_BITS, deep_bits):  # constants beyond resolution: no evidence
        return None, None, 0, 0.0
    examined, spent, nodes = 0, 0.0, None
    while True:
        try:
            left, _ = _side(lhs, point, bits, lhs_conditions)
            right, _ = _side(rhs, point, bits, rhs_conditions)
        except (Uncertain, Unsupported, ZeroDivisionError, ValueError, OverflowError):
            return status, None, examined, spent
        if left is None or right is None:
            return status, None, examined, spent
        difference = left - right
        if relation == "<=" and difference > 0 or relation == ">=" and difference < 0:
            return "disagree", difference, bits, spent  # (the separating bits)
        if relation in ("=", "!=") and _separated(left, right):
            return ("disagree" if status == "agree" else "agree"), difference, bits, spent
        if relation in ("<=", ">=") and _separated(left, right):
            return status, difference, examined, spent  # on the allowed side
        if difference.is_exact() and difference.is_zero():
            return status, difference, examined, spent  # exactly equal
        examined = bits
        if bits >= deep_bits:
            return status, difference, examined, spent
        if nodes is None:
            nodes = _nodes(lhs, rhs)
        following = min(bits * 2, deep_bits)
        cost = modelled_cost(nodes, following)
        if spent + cost > deep_cost:
            return status, difference, examined, spent
        spent += cost
        bits = following


def _undefined_status(left, right, left_undefined, right_undefined, relation):
    lhs_text = _text(left) if left is not None else f"undefined ({left_undefined.why})"
    rhs_text = _text(right) if right is not None else f"undefined ({right_undefined.why})"
    kinds = {u.kind for u in (left_undefined, right_undefined) if u is not None}
    one_sided = (left_undefined is None) != (right_undefined is None)
    if relation == "=" and one_sided and kinds == {"nonreal"}:
        return PointComparison(
            "disagree", lhs_text, rhs_text, reason="one side is real here, the other is not"
        )
    return PointComparison("skip", lhs_text, rhs_text, reason="a side is undefined here")


def _decide(difference: arb, left: arb, right: arb, relation: str, digits: int) -> str | None:
    # (1 + |l| + |r|) / 3 <= max(1, |l|, |r|): the tolerance errs on the strict side
    tolerance = arb(10) ** (-digits) * (1 + abs(left) + abs(right)) / 3
    small = abs(difference) < tolerance  # certainly within 10^-digits · scale
    exact_zero = difference.is_exact() and difference.is_zero()
    positive, negative = difference > 0, difference < 0
    if relation == "=":
        if positive or negative:
            return "disagree"
        return "agree" if small else None
    if relation == "!=":
        if positive or negative:
            return "agree"
        return "disagree" if small else None
    if relation in ("<=", ">="):
        # equality within the tolerance counts (the three-point identity of KL as '<='), but
        # only after a look at 8× the precision: 1 + 10^-50 <= 1 is then seen to be false
        good, bad = (negative, positive) if relation == "<=" else (positive, negative)
        if bad:
            return "disagree"
        return "agree" if good or exact_zero or small else None
    if relation in ("<", ">"):
        good, bad = (negative, positive) if relation == "<" else (positive, negative)
        if good:
            return "agree"
        if bad or exact_zero:
            return "disagree"
        return None
    raise ValueError(f"unknown relation {relation!r}")
