"""Exact checks of rational identities, with the Schwartz–Zippel bound on a false agreement.

When both sides are rational functions of the sampled symbols with rational coefficients, the
difference is N/D with N a polynomial of total degree at most ``d`` (bounded syntactically,
without expanding).  If N is not the zero polynomial, a point drawn uniformly from S^k (S a
finite set of size |S|) is a root of N with probability at most d/|S| (Schwartz–Zippel), so
``POINTS`` independent points that all give exactly 0 leave a false agreement with probability
at most (d/|S|)^POINTS — the figure the report quotes.  The evaluation is exact rational
arithmetic, so a nonzero value is a counterexample, not a rounding artefact.
"""

from __future__ import annotations

import random

import sympy as sp

from symderive.check.context import CheckContext

SET_SIZE = 2**62  # |S|: the sample set for each coordinate
POINTS = 4
MAX_DEGREE = 200  # beyond this the exact numbers grow too large to be worth it

# kind -> the finite set S inside the symbol's domain, as a function of k in [1, SET_SIZE]
_SETS = {
    "real": lambda k: sp.Integer(k - SET_SIZE // 2),
    "integer": lambda k: sp.Integer(k - SET_SIZE // 2),
    "positive": lambda k: sp.Integer(k),
    "nonzero": lambda k: sp.Integer(k),
    "nonnegative": lambda k: sp.Integer(k - 1),
    "negative": lambda k: -sp.Integer(k),
    "probability": lambda k: sp.Rational(k, SET_SIZE + 1),
}


def degree_bound(expr: sp.Basic, symbols: frozenset) -> tuple[int, int] | None:
    """(numerator degree, denominator degree) bounds of ``expr`` written as one fraction,
    or None when it is not a rational function with rational coefficients."""
    if isinstance(expr, sp.Rational):
        return (0, 0)
    if expr in symbols:
        return (1, 0)
    if isinstance(expr, sp.Add):
        parts = [degree_bound(term, symbols) for term in expr.args]
        if None in parts:
            return None
        denominator = sum(d for _, d in parts)
        numerator = max(n + denominator - d for n, d in parts)
        return (numerator, denominator)
    if isinstance(expr, sp.Mul):
        parts = [degree_bound(factor, symbols) for factor in expr.args]
        if None in parts:
            return None
        return (sum(n for n, _ in parts), sum(d for _, d in parts))
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        base = degree_bound(expr.base, symbols)
        if base is None:
            return None
        n = int(expr.exp)
        return (base[0] * n, base[1] * n) if n >= 0 else (base[1] * -n, base[0] * -n)
    return None


def exact_check(left, right, relation: str, context: CheckContext, rng: random.Random):
    """``("agree", bound)`` when POINTS exact evaluations of lhs − rhs give 0, ``("disagree",
    point, lhs, rhs)`` for an exact counterexample, None where the method does not apply."""
    if relation != "=" or getattr(left, "is_Matrix", False) or getattr(right, "is_Matrix", False):
        return None
    if not (isinstance(left, sp.Expr) and isinstance(right, sp.Expr)):
        return None
    symbols = frozenset(left.free_symbols | right.free_symbols)
    if not symbols or any(context.domain_of(s).kind not in _SETS for s in symbols):
        return None
    parts = [degree_bound(side, symbols) for side in (left, right)]
    if None in parts:
        return None
    # numerator of lhs − rhs over the common denominator
    degree = max(parts[0][0] + parts[1][1], parts[1][0] + parts[0][1])
    if degree > MAX_DEGREE:
        return None
    agreed = 0
    for _ in range(POINTS * 3):
        point = {s: _SETS[context.domain_of(s).kind](rng.randint(1, SET_SIZE)) for s in symbols}
        l_value, r_value = left.xreplace(point), right.xreplace(point)
        if not (l_value.is_Rational and r_value.is_Rational):
            continue  # a denominator vanished (zoo/nan): draw again
        if l_value != r_value:
            return ("disagree", point, l_value, r_value)
        agreed += 1
        if agreed == POINTS:
            return ("agree", float((sp.Rational(max(degree, 1), SET_SIZE)) ** POINTS))
    return None
