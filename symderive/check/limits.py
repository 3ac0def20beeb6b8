r"""Two-sided limits that do not exist: ``\lim_{x \to 0} \frac{|x|}{x}`` has the left-hand
limit −1 and the right-hand limit 1, so no value is *the* limit.

A claim equating such a limit to a number is not sampled (there is no point to sample: SymPy
raises "the limit does not exist"); its verdict is *undecided* with a reason naming both
one-sided limits, computed exactly by SymPy under a time limit.  It is not refuted: a note may
mean a one-sided limit (``\lim_{x \to 0} e^{-1/x} = 0`` for x > 0), and the refutation would
have no point to substitute back.
"""

from __future__ import annotations

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.build import time_limit

SECONDS = 2.0  # CPU time for both one-sided limits of one node


def _exact(value: sp.Basic) -> bool:
    """A number SymPy computed (finite or ±∞), not an unevaluated limit or an interval."""
    return value in (sp.oo, -sp.oo) or (
        value.is_number and value.is_finite and not value.has(sp.Limit, sp.AccumBounds)
    )


def _differ(left: sp.Basic, right: sp.Basic) -> bool:
    if left in (sp.oo, -sp.oo) or right in (sp.oo, -sp.oo):
        return left != right
    return (left - right).is_zero is False  # proven different, never guessed


def one_sided_disagreement(*sides: sp.Basic) -> str:
    """The reason a two-sided limit written in ``sides`` does not exist ('' when none is
    known not to): its one-sided limits, both computed exactly, differ.  Only limits without
    parameters are tried (with parameters, the one-sided limits may agree for some values)."""
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for node in side.atoms(sp.Limit):
            body, bound, point, direction = node.args
            if str(direction) != "+-" or node.free_symbols or body.has(sp.Limit):
                continue
            try:
                with time_limit(SECONDS, source="limit", what="the one-sided limits"):
                    left = sp.limit(body, bound, point, dir="-")
                    right = sp.limit(body, bound, point, dir="+")
            except (ParseError, ValueError, TypeError, NotImplementedError, ArithmeticError):
                continue
            if _exact(left) and _exact(right) and _differ(left, right):
                variable = bound.name
                return (
                    f"the limit as {variable} → {point} does not exist: the left-hand limit is "
                    f"{sp.sstr(left)}, the right-hand limit {sp.sstr(right)} (both exact, SymPy); "
                    "the claim is false as a two-sided limit, unless a one-sided limit is meant"
                )
    return ""


def diverges_somewhere(*sides: sp.Basic) -> str:
    r"""The reason a limit with parameters cannot be *checked* by sampling ('' when none):
    its value, computed by SymPy for real parameters, is infinite or undefined for some of them
    (``\lim_{n \to \infty} x^n`` is ``exp(∞·sign(log x))``: 0 for |x| < 1 only).  The sampler
    skips such points as undefined, so agreement at the others would check the claim where the
    limit converges only, and a claim false elsewhere (x = 2) would pass."""
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for node in side.atoms(sp.Limit):
            if not node.free_symbols:
                continue
            real = {s: sp.Symbol(s.name, real=True) for s in node.free_symbols
                    if isinstance(s, sp.Symbol) and s.is_real is None}  # fmt: skip
            try:
                with time_limit(SECONDS, source="limit", what="the limit"):
                    value = node.xreplace(real).doit()
            except (ParseError, ValueError, TypeError, NotImplementedError, ArithmeticError):
                continue
            if isinstance(value, sp.Basic) and value.has(sp.oo, -sp.oo, sp.zoo, sp.nan,
                                                         sp.AccumBounds):  # fmt: skip
                return (
                    f"the limit is {sp.sstr(value)} for real parameters (SymPy): infinite or "
                    "undefined for some values, where the sampled points are skipped; agreement "
                    "where it converges does not check the claim"
                )
    return ""
