"""Where a switching function switches, over real variables: located, or said not to be.

A claim with Heaviside, sign, |·|, relu, max/min or a piecewise condition can hide its
failure at the one place the switch flips (``sign(x - cos x)^2 = 1`` fails only at the Dottie
number 0.739…, ``heaviside(sin x - y, 1) = heaviside(sin x - y)`` only on the curve y = sin x,
``relu(x sin x - 10^7) = 0`` only beyond x = 10^7; round 14b F3, F11, F13).  Random points never
land there, so docs/conventions.md makes it a rule: a claim is *checked* only when the zero
set of every switching argument in a real variable was **located** —

* solved (:func:`symderive.check.sampling.kink_points`: exact roots of polynomials, what
  ``sp.solve`` finds, along a line through the base point in each variable in turn), or
  proved to have no zero (SymPy's sign of the argument under the variables' assumptions, or
  interval arithmetic over a bounded domain: :func:`_definite_over_domain`), or
* found numerically: a sign change of the argument between two points (a grid over the
  decades along each coordinate, and the segments between the sampled points), narrowed by
  certified bisection to a bracket [a, b] ~10^-40 wide where the argument's balls have
  opposite signs and its enclosure over the whole bracket is finite (so it is continuous
  there and vanishes inside).

The claim is then evaluated on both sides of each numeric zero (the bracket's ends) and *at*
it: each switch of that argument is given its value at 0 (sign 0, H(0) as written, a tie of
max/min, …) and both sides are enclosed over the bracket; disjoint enclosures refute the
claim at a point that provably exists (:func:`refute_at_zeros`).  An argument whose zeros were
neither solved nor found (SymPy gives up and its sign never changes at the points tried) makes
the claim *undecided*, naming the switch.  Integer and size variables are left to the integer
sampling (:func:`symderive.check.sampling.critical_sizes`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import sympy as sp

from symderive.check import certified, sampling
from symderive.functions import leaky_relu, relu

INTEGER_KINDS = ("integer", "size", "simplex")
GRID = sorted({sp.Integer(0)} | {
    s * v for s in (1, -1) for v in (
        sp.Rational(1, 8), sp.Rational(1, 4), sp.Rational(1, 2), sp.Integer(1), sp.Rational(3, 2),
        sp.Integer(2), sp.Integer(3), sp.Integer(5), sp.Integer(8), sp.Integer(13),
        sp.Integer(30), sp.Integer(100), sp.Integer(10**3), sp.Integer(10**4),
        sp.Integer(10**5), sp.Integer(10**6))})
SCAN_PREC = 96  # bits, to read an argument's sign on the grid
NARROW_PREC = 256  # bits, to bisect a sign change
NARROW_WIDTH = sp.Rational(1, 10**40)  # a bracket this wide (relative to max(1, |x|))
MAX_STEPS = 400  # bisections of one bracket
ZEROS_PER_ARGUMENT = 6
SOLVE_SECONDS = 0.4  # of CPU, for sp.solve along one line of one argument


@dataclass(frozen=True)
class Zero:
    """A zero of ``argument`` inside the box spanned by ``low`` and ``high`` (exact points
    where the argument's certified signs differ)."""

    argument: sp.Basic
    low: dict
    high: dict


@dataclass
class Switches:
    points: list = field(default_factory=list)  # beside each numeric zero (both sides)
    zeros: list = field(default_factory=list)  # Zero brackets, for :func:`refute_at_zeros`
    unlocated: list = field(default_factory=list)  # switch nodes (text) not located


def switch_nodes(expr: sp.Basic, argument: sp.Basic) -> list[sp.Basic]:
    """The nodes of ``expr`` that switch where ``argument`` (or its negative) is 0."""
    found = []
    for node in sp.preorder_traversal(expr):
        if node.args and any(sp.expand(a - s * argument) == 0 for s in (1, -1)
                             for a in candidate_arguments(node)):
            found.append(node)
    return found


def candidate_arguments(node: sp.Basic) -> list[sp.Basic]:
    """The arguments one node switches at (:func:`sampling.switch_arguments`); a condition
    of a piecewise expression is named by itself (``x sin x > 10^7``), not its Piecewise."""
    if isinstance(node, sp.Piecewise):
        return []
    if isinstance(node, sp.core.relational.Relational):
        return [node.lhs - node.rhs]
    return sampling.switch_arguments(node)


def _real_symbols(argument, base_point, context) -> list:
    return sorted((s for s in argument.free_symbols & set(base_point)
                   if context.domain_of(s).kind not in INTEGER_KINDS),
                  key=sp.default_sort_key)


def locate(expr: sp.Basic, base_point: dict, samples: list[dict], context, solved) -> Switches:
    """Locate the zeros of every switching argument of ``expr`` in a real variable
    (``solved``: the arguments :func:`sampling.kink_points` found zeros of in closed form)."""
    result = Switches()
    for argument in list(dict.fromkeys(sampling.kink_arguments(expr))):
        symbols = _real_symbols(argument, base_point, context)
        if not symbols or argument in solved or _definite(argument):
            continue
        if _definite_over_domain(argument, symbols, base_point, context):
            continue
        if set(argument.free_symbols & set(base_point)) - set(symbols):
            continue  # it also moves with an integer variable: the integer sampling's part
        zeros = _numeric_zeros(argument, symbols, base_point, samples, context)
        if zeros:
            result.zeros += zeros
            for zero in zeros:
                result.points += [zero.low, zero.high]
        else:
            nodes = switch_nodes(expr, argument)
            result.unlocated.append(str(nodes[0]) if nodes else str(argument))
    return result


def _definite(argument: sp.Basic) -> bool:
    """Whether SymPy knows the argument's sign everywhere (x^2 + 1 > 0, e^x > 0)."""
    try:
        return bool(argument.is_positive or argument.is_negative)
    except (TypeError, ValueError, RecursionError):
        return False


BOX_PIECES = 256  # boxes, at most, to show an argument keeps one sign over bounded domains


def _definite_over_domain(argument, symbols, base_point, context) -> bool:
    """Whether interval arithmetic shows the argument of one sign over the whole bounded
    domain of its variables (x sin x − 10^7 < 0 for 0 < x < 100), the box split in halves
    along its widest side while a piece straddles 0.  Variables the argument shares with
    other sampled ones stay at the base point only if they are not free in it."""
    from flint import arb

    bounds = {}
    for symbol in symbols:
        domain = context.domain_of(symbol)
        if domain.kind == "probability":
            low, high = sp.S.Zero, sp.S.One
        elif domain.kind == "interval" and domain.low is not None and domain.high is not None:
            low, high = sp.sympify(domain.low), sp.sympify(domain.high)
        else:
            return False
        if not (low.is_Rational and high.is_Rational):
            return False
        bounds[symbol] = (low, high)
    line = argument.xreplace({s: v for s, v in base_point.items() if s not in bounds})
    if line.free_symbols - set(bounds):
        return False
    pending = [bounds]
    signs = set()
    pieces = 0
    while pending:
        box = pending.pop()
        pieces += 1
        if pieces > BOX_PIECES:
            return False
        balls = _box({s: b[0] for s, b in box.items()}, {s: b[1] for s, b in box.items()})
        try:
            value = certified.enclosure_over(line, balls, SCAN_PREC)
        except certified.Uncertain:
            value = None
        except (certified.Undefined, certified.Unsupported, ZeroDivisionError, ValueError,
                OverflowError, TypeError, AttributeError):
            return False
        if value is not None and value > 0:
            signs.add(1)
        elif value is not None and value < 0:
            signs.add(-1)
        else:
            widest = max(box, key=lambda s: box[s][1] - box[s][0])
            low, high = box[widest]
            middle = (low + high) / 2
            pending += [{**box, widest: (low, middle)}, {**box, widest: (middle, high)}]
        if len(signs) > 1:
            return False
    return len(signs) == 1


def _sign_at(argument, point, prec=SCAN_PREC) -> int | None:
    try:
        ball = certified.enclosure(argument, point, prec)
    except (certified.Undefined, certified.Uncertain, certified.Unsupported,
            ZeroDivisionError, ValueError, OverflowError, TypeError, AttributeError):
        return None
    if ball > 0:
        return 1
    if ball < 0:
        return -1
    if ball.is_exact() and ball.is_zero():
        return 0
    return None


def _numeric_zeros(argument, symbols, base_point, samples, context) -> list[Zero]:
    """Sign changes of the argument along each variable's line through the base point (the
    grid and the sampled values of that variable), and along the segments between sampled
    points; each narrowed to a certified bracket."""
    brackets = []
    for target in symbols:
        domain = context.domain_of(target)
        values = sorted({*GRID, *(p[target] for p in samples if target in p
                                  and p[target].is_Rational)}, key=float)
        values = [v for v in values if sampling.in_domain(v, domain)]
        line = [{**base_point, target: v} for v in values]
        brackets += _changes(argument, line)
        if len(brackets) >= ZEROS_PER_ARGUMENT:
            break
    if len(symbols) > 1 and not brackets:
        rational = [p for p in samples if all(p.get(s, sp.S.Half).is_Rational for s in symbols)]
        signed = [(p, _sign_at(argument, p)) for p in rational[:12]]
        signed = [(p, s) for p, s in signed if s]
        for (p, s), (q, t) in itertools.combinations(signed, 2):
            if s != t:
                brackets.append((p, q, s))
                break
    zeros = []
    for low, high, sign in brackets[:ZEROS_PER_ARGUMENT]:
        zero = Zero(argument, low, high) if sign == 0 else _narrow(argument, low, high, sign)
        if zero is not None:
            zeros.append(zero)
    return zeros


def _changes(argument, line: list[dict]) -> list[tuple]:
    signs = [(p, _sign_at(argument, p)) for p in line]
    signs = [(p, s) for p, s in signs if s is not None]
    changes = [(p, p, 0) for p, s in signs if s == 0]  # an exact zero on the grid (|x| at 0)
    for (p, s), (q, t) in zip(signs, signs[1:]):
        if s and t and s != t:
            changes.append((p, q, s))
    return changes


def _narrow(argument, low: dict, high: dict, low_sign: int) -> Zero | None:
    """Bisect the segment from ``low`` to ``high`` (the argument's sign ``low_sign`` at
    ``low``, the other at ``high``) to a bracket :data:`NARROW_WIDTH` wide, keeping exact
    rational ends whose signs are certified; ``None`` if a midpoint's sign is undecided or the
    argument is unbounded over the final bracket (a pole, not a zero: then the two ends are
    still returned as points beside a switch, with ``low == high`` marking no zero)."""
    symbols = [s for s in low if low[s] != high[s]]
    scale = max([sp.S.One] + [abs(low[s]) for s in symbols])
    for _ in range(MAX_STEPS):
        if all(abs(high[s] - low[s]) <= NARROW_WIDTH * scale for s in symbols):
            break
        middle = {s: (low[s] + high[s]) / 2 for s in low}
        sign = _sign_at(argument, middle, NARROW_PREC)
        if sign is None:
            return None
        if sign == 0:
            return Zero(argument, middle, middle)
        if sign == low_sign:
            low = middle
        else:
            high = middle
    else:
        return None
    box = _box(low, high)
    try:
        certified.enclosure_over(argument, box, NARROW_PREC)
    except (certified.Undefined, certified.Uncertain, certified.Unsupported,
            ZeroDivisionError, ValueError, OverflowError, TypeError, AttributeError):
        return _pole(argument, low, high)
    return Zero(argument, low, high)


def _pole(argument, low, high) -> Zero:
    """A sign change across a pole or jump: its two sides are still worth sampling, but no
    zero lies between them (``argument`` None: not used to refute)."""
    return Zero(None, low, high)


def _box(low: dict, high: dict) -> dict:
    from flint import arb

    box = {}
    for s in low:
        a, b = sorted((low[s], high[s]))
        lo = arb(int(a.p)) / arb(int(a.q))
        hi = arb(int(b.p)) / arb(int(b.q))
        box[s] = lo.union(hi)
    return box


def at_zero(expr: sp.Basic, argument: sp.Basic) -> sp.Basic:
    """``expr`` with every switch of ``argument`` given its value where the argument is 0:
    sign → 0, |·|, relu, leaky relu → 0, Heaviside → its written value at 0, a max/min of two
    equal arguments → one of them, a condition comparing the two sides → its truth at
    equality.  SymPy's own H(0) = 1/2 has no documented value: left as is (its ball
    straddles, and no verdict follows)."""
    def same(a, b):
        return any(sp.expand(a - b - s * argument) == 0 for s in (1, -1)) if argument else False

    replacements = {}
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.sign, sp.Abs, relu, leaky_relu)) and same(node.args[0], 0):
            replacements[node] = sp.S.Zero
        elif isinstance(node, sp.Heaviside) and same(node.args[0], 0):
            if len(node.args) > 1 and node.args[1] != sp.S.Half:
                replacements[node] = node.args[1]
        elif isinstance(node, (sp.Max, sp.Min)):
            kept = list(node.args)
            for a, b in itertools.combinations(node.args, 2):
                if same(a, b) and b in kept and a in kept:
                    kept.remove(b)
            if len(kept) < len(node.args):
                replacements[node] = kept[0] if len(kept) == 1 else node.func(*kept,
                                                                             evaluate=False)
        elif isinstance(node, sp.core.relational.Relational) and same(node.lhs, node.rhs):
            replacements[node] = sp.true if isinstance(
                node, (sp.GreaterThan, sp.LessThan, sp.Equality)) else sp.false
    return expr.xreplace(replacements) if replacements else expr


REFUTE_PRECS = (128, 256, 512)


@dataclass(frozen=True)
class ZeroRefutation:
    values: tuple  # (symbol, text) pairs, for the counterexample
    lhs_value: str
    rhs_value: str


def refute_at_zeros(left, right, relation: str, zeros: list[Zero]) -> ZeroRefutation | None:
    """The first numeric zero at which the two sides, switches set to their values there and
    every variable enclosed over the zero's bracket, certainly break ``relation``."""
    for zero in zeros:
        if zero.argument is None:
            continue
        at_left, at_right = at_zero(left, zero.argument), at_zero(right, zero.argument)
        if at_left == left and at_right == right:
            continue
        box = _box(zero.low, zero.high)
        for prec in REFUTE_PRECS:
            try:
                lhs = certified.enclosure_over(at_left, box, prec)
                rhs = certified.enclosure_over(at_right, box, prec)
            except certified.Uncertain:
                continue
            except (certified.Undefined, certified.Unsupported, ZeroDivisionError, ValueError,
                    OverflowError, TypeError, AttributeError):
                break
            if _breaks(lhs, rhs, relation):
                values = tuple(
                    (str(s), f"{sp.Float((zero.low[s] + zero.high[s]) / 2, 30)}… (where "
                     f"{zero.argument} = 0, between {sp.Float(min(zero.low[s], zero.high[s]), 45)}"
                     f" and {sp.Float(max(zero.low[s], zero.high[s]), 45)})")
                    if zero.low[s] != zero.high[s] else (str(s), str(zero.low[s]))
                    for s in sorted(zero.low, key=sp.default_sort_key))
                return ZeroRefutation(values, certified._text(lhs), certified._text(rhs))
            if not (lhs.rad() > 0 or rhs.rad() > 0):
                break
    return None


def _breaks(lhs, rhs, relation: str) -> bool:
    difference = lhs - rhs
    return {
        "=": bool(difference > 0 or difference < 0),
        "<": bool(difference >= 0),
        "<=": bool(difference > 0),
        ">": bool(difference <= 0),
        ">=": bool(difference < 0),
    }.get(relation, False)


def exactly_zero(argument: sp.Basic, point: dict) -> bool:
    """Whether SymPy's exact arithmetic makes ``argument`` 0 at ``point`` (x² + y² − 3 at
    x = 3/5, y = √66/5; sin x − y at y = sin x), where balls only straddle 0."""
    try:
        value = argument.xreplace(point)
        if value == 0 or (value.is_number and sp.expand(value) == 0):
            return True
        return any(_root_of(argument, point, symbol) for symbol, at in point.items()
                   if isinstance(at, sp.CRootOf))
    except (TypeError, ValueError, ArithmeticError, RecursionError, sp.PolynomialError):
        return False


def _root_of(argument: sp.Basic, point: dict, symbol: sp.Symbol) -> bool:
    """Whether ``point[symbol]``, an exact real root of a polynomial p (SymPy's CRootOf), is a
    zero of ``argument`` along the line of ``symbol``: p divides the argument there
    (x^5 - x - 1 at its real root)."""
    root = point[symbol]
    line = argument.xreplace({s: v for s, v in point.items() if s != symbol})
    if line.free_symbols != {symbol}:
        return False
    polynomial = sp.Poly(line, symbol)
    if not all(c.is_Rational for c in polynomial.all_coeffs()):
        return False
    divisor = sp.Poly(root.expr, root.poly.gen).as_expr().xreplace({root.poly.gen: symbol})
    return polynomial.rem(sp.Poly(divisor, symbol)).is_zero


@dataclass(frozen=True)
class OnSwitch:
    status: str  # agree / disagree / inconclusive (as certified.PointComparison's)
    lhs_value: str = ""
    rhs_value: str = ""


def on_switch(left, right, relation: str, point: dict, arguments: list) -> OnSwitch | None:
    """Compare the sides at a point that lies exactly on the zero set of some switching
    arguments, each of their switches given its value there (:func:`at_zero`): the balls of
    sign(0), H(0) and ties then decide.  An exact real root of a polynomial (CRootOf) is
    enclosed in its isolating interval, refined to 10^-40.  None when the point is on no
    switch or the sides do not change."""
    on = [a for a in arguments if a.free_symbols and exactly_zero(a, point)]
    if not on:
        return None
    at_left, at_right = left, right
    for argument in on:
        at_left, at_right = at_zero(at_left, argument), at_zero(at_right, argument)
    if at_left == left and at_right == right:
        return None
    if not any(isinstance(v, sp.CRootOf) for v in point.values()):
        found = certified.compare(at_left, at_right, relation, point)
        return OnSwitch(found.status, found.lhs_value, found.rhs_value)
    try:
        box = {s: _root_ball(v) if isinstance(v, sp.CRootOf) else certified.enclosure(v, {}, 256)
               for s, v in point.items()}
    except (certified.Undefined, certified.Uncertain, certified.Unsupported, ValueError,
            TypeError, AttributeError, sp.PolynomialError):
        return None
    for prec in REFUTE_PRECS:
        try:
            lhs = certified.enclosure_over(at_left, box, prec)
            rhs = certified.enclosure_over(at_right, box, prec)
        except certified.Uncertain:
            continue
        except (certified.Undefined, certified.Unsupported, ZeroDivisionError, ValueError,
                OverflowError, TypeError, AttributeError):
            return None
        if _breaks(lhs, rhs, relation):
            return OnSwitch("disagree", certified._text(lhs), certified._text(rhs))
        if _holds(lhs, rhs, relation):
            return OnSwitch("agree", certified._text(lhs), certified._text(rhs))
    return OnSwitch("inconclusive")


ROOT_WIDTH = sp.Rational(1, 10**40)


def _root_ball(root: sp.CRootOf):
    """An Arb ball holding the real root ``root`` (its isolating interval, refined)."""
    interval = root._get_interval()
    for _ in range(400):
        if interval.dx <= ROOT_WIDTH:
            break
        interval = interval.refine()
    low, high = sp.Rational(interval.a), sp.Rational(interval.b)
    return _box({"t": low}, {"t": high})["t"]


def _holds(lhs, rhs, relation: str) -> bool:
    from flint import arb

    difference = lhs - rhs
    if relation == "=":
        scale = max(arb(1), abs(lhs).upper(), abs(rhs).upper())
        return bool(abs(difference) < scale * arb(10) ** (-certified.DIGITS))
    return {"<": difference < 0, "<=": difference <= 0, ">": difference > 0,
            ">=": difference >= 0}.get(relation, False)
