"""How a correctly rounded decimal may sit beside the true value (round 49 AD01, AD02, AD06).

* At an exact tie (1/8 = 0.125 to two decimals) the rule the words name decides: rounded half
  up, half away from zero, 반올림 → 0.13; half to even → 0.12.  With no rule named either
  neighbour is accepted, and the verdict says so.
* Significant figures are counted from the true value's leading digit: written 1.00 at three
  figures, the true value may be 0.9996 (rounds to 1.00) but not 0.999 (that is 0.999 itself),
  so below the power of ten it must be within half a unit of one place more.
"""

from __future__ import annotations

import re
from decimal import Decimal

import sympy as sp

TIE_RULES = (  # (pattern, rule), the most specific first
    (re.compile(r"\bhalf[\s-]+(?:to|towards?)[\s-]+even\b|\bbanker'?s\b|\bround[\s-]+half[\s-]+even\b",
                re.I), "half to even"),
    (re.compile(r"\bhalf[\s-]+away[\s-]+from[\s-]+zero\b", re.I), "half away from zero"),
    (re.compile(r"\bhalf[\s-]+(?:towards?[\s-]+zero|down)\b", re.I), "half down"),
    (re.compile(r"\bhalf[\s-]+up\b|반올림|사사오입", re.I), "half up"),
)


def tie_rule(words: str) -> tuple[str, str]:
    """(rule, the words naming it) for ties, or ('', '')."""
    for pattern, rule in TIE_RULES:
        found = pattern.search(words or "")
        if found:
            return rule, found.group()
    return "", ""


def written_side(lhs, rhs, left_is_number: bool):
    """(true value, written value) of a step whose one side is the written number."""
    return (rhs, lhs) if left_is_number else (lhs, rhs)


def tie_verdict(true, written, places: int, words: str) -> tuple[str, str]:
    """At an exact tie: ('right' | 'wrong' | 'either' | 'unclear', why); ('', '') when the
    true value is no exact tie of the written one."""
    if not (isinstance(true, sp.Rational) and isinstance(written, sp.Rational)):
        return "", ""
    half = sp.Rational(1, 2) * sp.Integer(10) ** (-places)
    difference = true - written
    if abs(difference) != half:
        return "", ""
    rule, said = tie_rule(words)
    other = true + difference  # the other neighbour of the tie
    true, written, other = (_decimal(value) for value in (true, written, other))
    if not rule:
        return "either", (f"the true value {true} lies exactly halfway between {written} and "
                          f"{other}: with no tie rule named, either is accepted")
    if rule == "half up" and true.startswith("-") and "반올림" not in said and "사사오입" not in said:
        return "unclear", (f"the true value {true} is an exact tie and negative: whether "
                           f"'{said}' means towards +∞ or away from zero is not clear")
    chosen = _rounded_tie(sp.Rational(true), sp.Rational(written), sp.Rational(other), rule,
                          places)
    if chosen == sp.Rational(written):
        return "right", f"an exact tie, rounded {rule} ('{said}') gives {written}"
    return "wrong", (f"the true value {true} lies exactly halfway between {written} and "
                     f"{other}; rounded {rule} ('{said}') it is {other}, not {written}")


def _decimal(value: sp.Rational) -> str:
    """A terminating rational as its decimal: 1/8 → '0.125'."""
    return str(Decimal(int(value.p)) / Decimal(int(value.q)))


def interval_text(low: sp.Rational, high: sp.Rational) -> str:
    """[-0.005, 0.0005] for an interval of rounding (its ends terminate)."""
    return f"[{_decimal(sp.Rational(low))}, {_decimal(sp.Rational(high))}]"


def _rounded_tie(true, low_or_high, other, rule: str, places: int):
    """The neighbour of a tie the rule picks."""
    first, second = sorted((low_or_high, other))
    if rule == "half to even":
        return first if (first * sp.Integer(10) ** places) % 2 == 0 else second
    away = second if true > 0 else first  # away from zero
    towards = first if true > 0 else second
    if rule == "half away from zero" or rule == "half up":  # 반올림 / half up: magnitude up
        return away
    return towards


def rounding_interval(half, power_of_ten: bool, nearest: bool, written_positive: bool,
                      number_left: bool) -> tuple:
    """((lo, hi), (unit_lo, unit_hi)) for lhs − rhs of a correct rounding, and of a value
    within one unit (perhaps truncated); () for the plain |lhs − rhs| ≤ half."""
    if not (power_of_ten or nearest):
        return ()
    below = half / 10 if power_of_ten else half  # true value below |written|: one place more
    lo, hi = -below, half  # true − written, for a positive written value
    unit_lo, unit_hi = (lo, hi) if nearest else (lo, 2 * half)
    if not written_positive:
        lo, hi, unit_lo, unit_hi = -hi, -lo, -unit_hi, -unit_lo
    if number_left:  # lhs − rhs = written − true
        lo, hi, unit_lo, unit_hi = -hi, -lo, -unit_hi, -unit_lo
    return (lo, hi), (unit_lo, unit_hi)
