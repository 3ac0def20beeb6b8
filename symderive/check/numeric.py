"""Numeric comparison of two evaluated sides at an exact point, with mpmath-backed evalf.

Values are evaluated to ``DIGITS`` significant digits; a disagreement is confirmed at
``CONFIRM_DIGITS`` before it may refute, so cancellation in one evaluation cannot produce a
false counterexample.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

DIGITS = 30
CONFIRM_DIGITS = 60
TOLERANCE_EXPONENT = 20  # sides agree when |l − r| ≤ 10^-20 · max(1, |l|, |r|)


@dataclass(frozen=True)
class Comparison:
    status: str  # "agree", "disagree", "skip"
    lhs_value: str = ""
    rhs_value: str = ""
    reason: str = ""


def evaluate(expr: sp.Basic, digits: int) -> sp.Basic:
    if getattr(expr, "is_Matrix", False):
        return expr.applyfunc(lambda entry: evaluate(entry, digits))
    value = sp.N(expr, digits, maxn=digits * 4)
    return value


def _is_nonreal(value: sp.Basic) -> bool:
    if value.is_real is not False:
        return False
    imaginary = abs(sp.im(value))
    return bool(imaginary > sp.Float(10) ** (-TOLERANCE_EXPONENT) * max(1, abs(value)))


def _scalar_status(lhs: sp.Basic, rhs: sp.Basic, relation: str) -> str:
    """'agree' / 'disagree' / 'skip' for two evaluated scalar values.

    A point where one side is undefined (division by zero) is skipped: that is a
    domain-losing step, reported as an excluded point, not a refutation.  A point where one
    side is real and the other is not (log of a negative) disagrees for '=': the identity
    does not hold over the reals there.
    """
    for value in (lhs, rhs):
        if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or not value.is_number:
            return "skip"
    lhs_nonreal, rhs_nonreal = _is_nonreal(lhs), _is_nonreal(rhs)
    if lhs_nonreal and rhs_nonreal:
        return "skip"
    if lhs_nonreal or rhs_nonreal:
        return "disagree" if relation == "=" else "skip"
    lhs_real, rhs_real = sp.re(lhs), sp.re(rhs)
    scale = max(sp.Integer(1), abs(lhs_real), abs(rhs_real))
    tolerance = scale * sp.Float(10) ** (-TOLERANCE_EXPONENT)
    gap = lhs_real - rhs_real
    if relation == "=":
        return "agree" if abs(gap) <= tolerance else "disagree"
    if relation == "!=":
        return "agree" if abs(gap) > tolerance else "disagree"
    if relation == "<=":
        return "agree" if gap <= tolerance else "disagree"
    if relation == ">=":
        return "agree" if gap >= -tolerance else "disagree"
    if relation == "<":
        return "agree" if gap < -tolerance else "disagree"
    if relation == ">":
        return "agree" if gap > tolerance else "disagree"
    raise ValueError(f"unknown relation {relation!r}")


def compare(lhs: sp.Basic, rhs: sp.Basic, relation: str, digits: int = DIGITS) -> Comparison:
    """Compare two exact-at-a-point expressions (scalars or same-shape matrices)."""
    try:
        lhs_value = evaluate(lhs, digits)
        rhs_value = evaluate(rhs, digits)
    except (TypeError, ValueError, ZeroDivisionError, NotImplementedError) as error:
        return Comparison("skip", reason=f"evaluation failed: {type(error).__name__}")
    lhs_is_matrix = getattr(lhs_value, "is_Matrix", False)
    rhs_is_matrix = getattr(rhs_value, "is_Matrix", False)
    if lhs_is_matrix or rhs_is_matrix:
        if not (lhs_is_matrix and rhs_is_matrix) or lhs_value.shape != rhs_value.shape:
            shapes = (
                getattr(lhs_value, "shape", "scalar"),
                getattr(rhs_value, "shape", "scalar"),
            )
            if relation == "!=":
                return Comparison("agree", _short(lhs_value), _short(rhs_value), "shapes differ")
            return Comparison(
                "disagree",
                _short(lhs_value),
                _short(rhs_value),
                reason=f"shapes differ: {shapes[0]} vs {shapes[1]}",
            )
        statuses = [
            _scalar_status(left, right, "=" if relation == "!=" else relation)
            for left, right in zip(lhs_value, rhs_value)
        ]
        if "skip" in statuses:
            return Comparison("skip", reason="an entry is undefined or complex at this point")
        all_agree = all(status == "agree" for status in statuses)
        if relation == "!=":
            status = "disagree" if all_agree else "agree"
        else:
            status = "agree" if all_agree else "disagree"
        return Comparison(status, _short(lhs_value), _short(rhs_value))
    status = _scalar_status(lhs_value, rhs_value, relation)
    reason = "undefined, infinite or complex at this point" if status == "skip" else ""
    return Comparison(status, _short(lhs_value), _short(rhs_value), reason)


def _short(value: sp.Basic) -> str:
    if getattr(value, "is_Matrix", False):
        return str([[_short(entry) for entry in row] for row in value.tolist()])
    if isinstance(value, sp.Float):
        return sp.Float(value, 15).__str__()
    try:
        if _is_nonreal(value):
            return f"{sp.N(value, 15)} (not real)"
        return str(sp.N(value, 15))
    except (TypeError, ValueError):
        return str(value)


def fast_status(lhs_value, rhs_value, relation: str) -> str | None:
    """'agree' / 'disagree' for two finite real mpmath values, None when not plainly real."""
    import mpmath

    values = []
    for value in (lhs_value, rhs_value):
        if isinstance(value, mpmath.mpc):
            if value.imag != 0:
                return None
            value = value.real
        try:
            value = mpmath.mpf(value)
        except (TypeError, ValueError):
            return None
        if not mpmath.isfinite(value):
            return None
        values.append(value)
    left, right = values
    tolerance = max(mpmath.mpf(1), abs(left), abs(right)) * mpmath.mpf(10) ** (-TOLERANCE_EXPONENT)
    gap = left - right
    verdicts = {
        "=": abs(gap) <= tolerance,
        "!=": abs(gap) > tolerance,
        "<=": gap <= tolerance,
        ">=": gap >= -tolerance,
        "<": gap < -tolerance,
        ">": gap > tolerance,
    }
    return "agree" if verdicts[relation] else "disagree"
