r"""Sample points where a side had no value: a disagreement, an excluded region, or no check.

The certified comparison skips a point where a side has no real value (a pole, 0 to a
negative power, a log of 0).  A skipped point is no evidence, but it is no excuse either: the
claim ``\int_0^1 x^a\,dx = \frac{1}{a+1}`` "for every real $a$" is false for a <= -1, where
the integral diverges (a = -3: +∞ against -1/2), and SymPy's closed form of the integral is
undefined there (``0^{a+1}`` at a negative power), so every point where the claim fails was
skipped and the rest made it *checked* (review round 9a L5).  So each point skipped with one
side undefined and the other a finite real number is judged by the sides **as written**, the
point substituted exactly (rational values) and the written integral, sum or limit evaluated
by SymPy:

* one side is exactly +∞ or -∞ (the integral diverges there) while the other is finite: the
  sides disagree, and the point refutes an equation or an inequality that +∞ (or -∞) breaks
  (the counterexample shows ``oo``); an inequality it satisfies (``\int_0^1 x^a\,dx \ge
  \frac{1}{a+1}`` at a = -3: +∞ ≥ -1/2) holds there, and a *checked* verdict names the point;
* the side as written has no real value there (a zero denominator ``\frac{e^a - 1}{a}`` at
  a = 0, an even root of a negative number): the claim says nothing there; a *checked*
  verdict names those points ("not evaluated at a = 0, where the right side as written has
  no value");
* the written side has a finite value there although the evaluation had none
  (``\sum_n x^n/n!`` at x = 0, 0^0 = 1): where the two sides as written agree (certified), the
  point is no obstacle; a difference there never refutes (it may rest on a convention of
  SymPy's, Heaviside(0) = 1/2, that no documented rule gives);
* anything else: the claim is stated at that point and was not evaluated there, so agreement
  elsewhere does not check it: *undecided*, naming the point.

A point where neither side has a value is named the same way (the claim says nothing there).
"""

from __future__ import annotations

import sympy as sp

from symderive.check import certified
from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.real_roots import at_point
from symderive.report import Counterexample, Outcome

EXACT_SECONDS = 0.3  # SymPy's exact evaluation of a written side at one point
MOST_POINTS = 3  # distinct skipped points judged (the first ones; the rest are named alike)

INFINITE, NO_VALUE, UNKNOWN = "infinite", "no value", "unknown"


def judge(lhs, rhs, relation: str, context, undefined: list) -> Outcome | str:
    """A refutation or an undecided outcome, from the points in ``undefined`` (pairs of the
    point, with sizes, and its :class:`certified.PointComparison`); else the text a *checked*
    verdict adds, naming where the claim was not evaluated ('' when nothing is to be said)."""
    named = []
    distinct = {}
    for point, comparison in undefined:
        distinct.setdefault(tuple(sorted((str(k), str(v)) for k, v in point.items())),
                            (point, comparison))
    for key, (point, comparison) in list(distinct.items())[:MOST_POINTS]:
        left_missing = comparison.lhs_value.startswith("undefined")
        right_missing = comparison.rhs_value.startswith("undefined")
        where = ", ".join(f"{k} = {v}" for k, v in key)
        if left_missing and right_missing:
            named.append(f"{where} (neither side could be evaluated there)")
            continue
        kinds = {}
        for side_name, side, missing in (("left", lhs, left_missing), ("right", rhs, right_missing)):
            if missing:
                kinds[side_name] = _as_written(side, point)
        if len(kinds) == 1:  # one side has a certified finite value
            (side_name, (kind, value)), = kinds.items()
            other = comparison.rhs_value if side_name == "left" else comparison.lhs_value
            if kind == INFINITE and _holds_with_infinity(relation, side_name, value):
                named.append(f"{where} (the {side_name} side as written is {value} there, "
                             f"so the relation {relation} holds)")
                continue  # +∞ ≥ a finite number: the claim holds at the point
            if kind == INFINITE:
                left_text = str(value) if side_name == "left" else comparison.lhs_value
                right_text = str(value) if side_name == "right" else comparison.rhs_value
                return Outcome(
                    "refuted",
                    method="exact evaluation (SymPy) and certified balls",
                    counterexample=Counterexample(key, left_text, right_text),
                    reason=f"at {where} the {side_name} side as written is {value} (SymPy's "
                    f"exact value) while the other side is finite ({other})",
                )
            if kind == UNKNOWN and value is not None:  # a value where the evaluation had none
                if _compare_exact(lhs, rhs, relation, point, side_name, value):
                    continue  # the sides agree there, as written (e^x = Σ x^n/n! at x = 0)
            if kind == UNKNOWN and not getattr(value, "is_number", False):
                # not evaluated exactly either (a matrix expression at its entries): named
                named.append(f"{where} (the {side_name} side had no value when evaluated: "
                             f"{_why(comparison, side_name)}; no exact value found)")
                continue
            if kind == UNKNOWN:
                return Outcome(
                    "undecided",
                    method="numeric (certified balls)",
                    reason=f"at {where} the {side_name} side had no value when evaluated "
                    f"({_why(comparison, side_name)}) although as written it may have one, "
                    f"while the other side is {other}: the claim is stated there too, so "
                    "agreement at the other points does not check it",
                )
            named.append(f"{where} (the {side_name} side as written has no value there: "
                         f"{_why(comparison, side_name)})")
            continue
    if not named:
        return ""
    more = len(distinct) - MOST_POINTS
    return ("not evaluated at " + "; ".join(named)
            + (f" (and {more} more point(s) of the same kind)" if more > 0 else ""))


def _holds_with_infinity(relation: str, side_name: str, value) -> bool:
    """Whether ``relation`` holds between a side that is ``value`` (±∞) and a finite other side."""
    left_greater = (value == sp.oo) == (side_name == "left")
    return relation in ("!=", ">", ">=") if left_greater else relation in ("!=", "<", "<=")


def _compare_exact(lhs, rhs, relation, point, side_name, value) -> bool | None:
    """The two sides as written at ``point`` (``value`` the one that had no value when
    evaluated), compared with certified balls: True where they agree, None otherwise."""
    other_kind, other = _as_written(rhs if side_name == "left" else lhs, point)
    if other_kind != UNKNOWN or other is None:
        return None
    left, right = (value, other) if side_name == "left" else (other, value)
    if not (getattr(left, "is_number", False) and getattr(right, "is_number", False)):
        return None
    # agreement only: a difference may rest on a convention of SymPy's (Heaviside(0) = 1/2)
    # that no documented rule gives, so it never refutes (the step is then undecided)
    return certified.compare(left, right, relation, {}).status == "agree" or None


def _why(comparison, side_name: str) -> str:
    text = comparison.lhs_value if side_name == "left" else comparison.rhs_value
    return text[len("undefined"):].strip(" ()") or "undefined"


def _as_written(side, point: dict) -> tuple[str, object]:
    """How the written ``side`` stands at ``point`` (exact values substituted, written
    integrals, sums and limits evaluated by SymPy): INFINITE with ±∞, NO_VALUE (a zero
    denominator, a value that is not real), or UNKNOWN (a finite value, or none found)."""
    if not isinstance(side, sp.Basic) or not all(
            getattr(value, "is_Rational", False) for value in point.values()):
        return UNKNOWN, None
    try:
        with time_limit(EXACT_SECONDS, source="sampling", what="evaluating a side exactly"):
            value = at_point(side, point)  # x^(1/3) at x = -8 is -2, a real value
            if value.has(sp.zoo, sp.nan):
                return NO_VALUE, value
            value = value.doit()
            if value in (sp.oo, -sp.oo):
                return INFINITE, value
            if value.has(sp.zoo, sp.nan):
                return NO_VALUE, value
            if value.is_number and value.is_real is False:
                return NO_VALUE, value
    except (ParseError, ArithmeticError, TypeError, ValueError, NotImplementedError,
            AttributeError, RecursionError):
        return UNKNOWN, None
    return UNKNOWN, value
