r"""Both sides of every pole of tan, sec, cot, csc and of every denominator inside a bounded
stated interval.

tan x and sec x have no value where cos x = 0, cot x and csc x where sin x = 0
(:data:`symderive.grammar.build.DOMAINS`); through such a pole a side changes sign or jumps
without a root or a kink to find.  "For 0 < x < 1.7, √(sec²x − 1) = tan x" is false on
(π/2, 1.7), "for |x| < 1.58, arctan(tan x) = x" on (π/2, 1.58): a sliver of the interval
that eleven random points all missed (round 44 U04).  So for each variable declared on a
bounded interval, the poles of these functions inside it are solved exactly (SymPy's
``solveset`` on the interval, the other variables at the base point, within
:data:`POLE_SECONDS`), and the claim is sampled just left and just right of each.  A pole
that cannot be located (SymPy answers with a condition set, or in too many pieces) and is
not excluded by interval arithmetic (cos(u) of one sign over the whole interval) is named:
the claim is then never called *checked*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symderive.check import sampling, switches

POLE_SECONDS = 0.5  # of CPU, to solve cos(argument) = 0 on one interval
MOST_POLES = 12  # poles of one function sampled on one interval (both sides of each)
SIDE_STEP = sp.Rational(1, 10**6)  # a step to either side of a pole (relative to its size)
PLACES = 10**9  # a pole is placed to 9 decimals (a counterexample a reader can redo)
# the expression whose zeros are each function's poles (its DOMAINS requirement)
VANISHING = {sp.tan: sp.cos, sp.sec: sp.cos, sp.cot: sp.sin, sp.csc: sp.sin}


@dataclass
class Poles:
    points: list = field(default_factory=list)  # just left and right of each pole found
    unlocated: list = field(default_factory=list)  # 'tan(x) (where cos(x) = 0)', not solved


def vanishing_expressions(sides: tuple) -> list[sp.Basic]:
    """(node, cos(u)) for each tan(u), sec(u) of the sides, (node, sin(u)) for each cot(u),
    csc(u), and (node, d) for each factor d^(-k) (a denominator: sin x / cos x, 1/cos²x have
    the poles of tan x and sec x without naming them, round 46 Y02); one node for each
    expression (tan x and sec x share their poles)."""
    found: dict = {}
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for node in sorted(side.atoms(*VANISHING), key=sp.default_sort_key):
            found.setdefault(VANISHING[type(node)](node.args[0]), node)
        for node in sorted(side.atoms(sp.Pow), key=sp.default_sort_key):
            if node.exp.is_number and node.exp.is_negative and node.base.free_symbols:
                found.setdefault(node.base, node)
    return [(node, vanishing) for vanishing, node in found.items()]


def bounded_interval(domain) -> sp.Interval | None:
    """The declared interval as a SymPy set, when both ends are finite numbers."""
    if domain.kind != "interval" or domain.low is None or domain.high is None:
        return None
    low, high = sp.sympify(domain.low), sp.sympify(domain.high)
    if not (low.is_finite and high.is_finite):
        return None
    return sp.Interval(low, high, domain.ends[0] == "(", domain.ends[1] == ")")


def pole_points(sides: tuple, base_point: dict, context) -> Poles:
    """Points beside every pole of tan/sec/cot/csc in a variable declared on a bounded
    interval (the other variables at ``base_point``), and the poles not located."""
    result = Poles()
    intervals = {symbol: bounded_interval(context.domain_of(symbol)) for symbol in base_point}
    intervals = {symbol: interval for symbol, interval in intervals.items()
                 if interval is not None}
    if not intervals:  # unbounded: random points land on every branch (status quo)
        return result
    for node, vanishing in vanishing_expressions(sides):
        for target in sorted(vanishing.free_symbols & set(intervals), key=sp.default_sort_key):
            domain, interval = context.domain_of(target), intervals[target]
            others = {s: v for s, v in base_point.items() if s != target}
            roots = _roots_within(vanishing.xreplace(others), target, interval)
            if roots is None and switches._definite_over_domain(vanishing, [target],
                                                                base_point, context):
                roots = []  # one sign over the whole interval (interval arithmetic): no pole
            if roots is None:
                result.unlocated.append(f"{node} (where {vanishing} = 0)")
                continue
            for root in roots:
                result.points += [{**base_point, target: value}
                                  for value in _beside(root)
                                  if sampling.in_domain(value, domain)]
    return result


def _roots_within(expr: sp.Basic, target: sp.Symbol, interval: sp.Interval) -> list | None:
    """The zeros of ``expr`` in ``interval`` (at most :data:`MOST_POLES`), or None when they
    are not found in time, not given as a finite set, or too many."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    real = sp.Dummy("t", real=True)
    try:
        with time_limit(POLE_SECONDS, source="sampling", what="solving for a pole"):
            solutions = sp.solveset(expr.xreplace({target: real}), real, interval)
    except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError,
            RecursionError):
        return None
    if solutions is sp.S.EmptySet:
        return []
    if not isinstance(solutions, sp.FiniteSet) or len(solutions) > MOST_POLES:
        return None
    return list(solutions)


def _beside(root: sp.Basic) -> list[sp.Basic]:
    """Rational points just left and right of ``root`` (none when it cannot be placed)."""
    near = sampling._rational_near(root)
    if near is None:
        return []
    near = sp.Rational(round(near * PLACES), PLACES)  # within 10^-9, far inside the step
    step = SIDE_STEP * max(sp.S.One, abs(near))
    return [near - step, near + step]
