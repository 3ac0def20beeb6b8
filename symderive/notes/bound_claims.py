"""An inequality between an expression and a number: a bound the note claims, or a condition
(round 11a F12).

``\\sin x + \\cos x \\le 1.414`` and ``x^2 - x \\ge -0.2`` are bounds: claims for every value,
as ``e^x \\ge 1 + x`` is — a true one is *checked*, so a false one must be refutable. An
inequality to solve or a condition (``x^2 - 3x + 2 \\le 0``, ``|x - 2| < 1``) holds on a region
only. The reader tells them apart by where the inequality holds: at most of a fixed spread of
points (two thirds of those where both sides are real numbers) it is a bound; otherwise it
stays an inequality in unknowns (skipped, as ``expression = number`` is). Only elementary
functions of plain letters are judged so (no expectation, unknown function, sum or entry: a
bound on ``Var(s)`` may be about an s defined in the prose). This only says
whether the note claims it; the verdict is still the checker's certified, reproduced one.
"""

from __future__ import annotations

import random

import sympy as sp

from symderive.expectation import E, Var

ORDER = ("<", "<=", ">", ">=")
POINTS = 32  # points of the spread, each symbol uniform in [-SPREAD, SPREAD]
SPREAD = 10
MOSTLY = sp.Rational(2, 3)  # the share of real points where a bound holds
FEWEST_REAL = 12  # fewer real points: nothing is said (it stays a condition)


def bound_claimed(lhs: sp.Basic, rhs: sp.Basic, relation: str) -> bool:
    """Whether ``lhs relation rhs`` holds at most points of the spread (see the module)."""
    if relation not in ORDER or not all(isinstance(side, sp.Expr) for side in (lhs, rhs)):
        return False
    symbols = sorted((lhs - rhs).free_symbols, key=str)
    if not symbols or (lhs - rhs).has(sp.Sum, sp.Product, sp.Integral, sp.Indexed,
                                      sp.Derivative, sp.MatrixExpr, E, Var) or (
            (lhs - rhs).atoms(sp.core.function.AppliedUndef)):  # elementary functions only
        return False
    rng = random.Random(0)
    real = held = 0
    for _ in range(POINTS):
        point = {s: sp.Rational(rng.randint(-SPREAD * 8, SPREAD * 8), 8) for s in symbols}
        try:
            left = complex(sp.N(lhs.xreplace(point), 15))
            right = complex(sp.N(rhs.xreplace(point), 15))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue
        if left.imag or right.imag:
            continue
        real += 1
        held += _holds(left.real, right.real, relation)
    return real >= FEWEST_REAL and held >= MOSTLY * real


def _holds(left: float, right: float, relation: str) -> bool:
    return {"<": left < right, "<=": left <= right, ">": left > right,
            ">=": left >= right}[relation]
