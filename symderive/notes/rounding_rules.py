"""How a correctly rounded decimal may sit beside the true value (round 49 AD01, AD02, AD06).

* At an exact tie (1/8 = 0.125 to two decimals) the rule the words name decides: rounded half
  up, half away from zero, 반올림 → 0.13; half to even → 0.12.  With no rule named either
  neighbour is accepted, and the verdict says so.  A rule the words reject ("we do not use
  banker's rounding", "not half up") decides nothing; rules that disagree leave the tie
  undecided, as does "half up" / "half down" on a negative tie (round 51 AH01, AH05).
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
    (re.compile(r"\bhalf[\s-]+towards?[\s-]+zero\b", re.I), "half towards zero"),
    # "half down" on a negative tie may mean towards −∞ or towards zero (round 51 AH05)
    (re.compile(r"\bhalf[\s-]+down\b", re.I), "half down"),
    (re.compile(r"\bhalf[\s-]+up\b|반올림|사사오입", re.I), "half up"),
)
# a rule the words reject: "We do not use banker's rounding", "half to even, not half up",
# "(not banker's rounding)", "rather than half up"; "banker's rounding is not used",
# 반올림이 아니라 (round 51 AH01).  The negation is looked for in the rule's own clause.
_CLAUSE_BREAK = re.compile(r"[.;:,()\[\]!?。]|\bbut\b|\bwhile\b|\bwhereas\b", re.I)
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no|never|without|instead|rather|avoid\w*|reject\w*|neither|nor|except)\b|n't\b",
    re.I)
_NEGATION_AFTER = re.compile(r"\b(?:not|never)\b|n't\b|아니|않|없", re.I)


def tie_rule(words: str) -> tuple[str, str]:
    """(rule, the words naming it) for ties; ('', '') when no rule is named; ('unclear',
    the words) when the rules named disagree or a rule named is rejected and no other is
    affirmed (round 51 AH01)."""
    affirmed, rejected = {}, []
    for pattern, rule in TIE_RULES:
        for found in pattern.finditer(words or ""):
            if _rejected(words, found):
                rejected.append(found.group())
            else:
                affirmed.setdefault(rule, found.group())
    if len(affirmed) == 1:
        return next(iter(affirmed.items()))
    if affirmed or rejected:
        said = "', '".join([*affirmed.values(), *rejected])
        return "unclear", said
    return "", ""


def _rejected(words: str, found: re.Match) -> bool:
    """The rule named at ``found`` is negated in its own clause."""
    before = _CLAUSE_BREAK.split(words[:found.start()])[-1]
    after = _CLAUSE_BREAK.split(words[found.end():])[0]
    return bool(_NEGATION_BEFORE.search(before) or _NEGATION_AFTER.search(after))


def written_side(lhs, rhs, left_is_number: bool):
    """(true value, written value) of a step whose one side is the written number."""
    return (rhs, lhs) if left_is_number else (lhs, rhs)


def tie_verdict(true, written, places: int, words: str, power_of_ten: bool = False
                ) -> tuple[str, str]:
    """At an exact tie: ('right' | 'wrong' | 'either' | 'unclear', why); ('', '') when the
    true value is no exact tie of the written one.  Below a written power of ten (1.0 at two
    significant figures) the tie is at one place more: 0.995 lies halfway between 0.99 and
    1.0 (round 51 AH04)."""
    if not (isinstance(true, sp.Rational) and isinstance(written, sp.Rational)):
        return "", ""
    difference = true - written
    places = _tie_places(true, written, places, power_of_ten)
    if abs(difference) != sp.Rational(1, 2) * sp.Integer(10) ** (-places):
        return "", ""
    rule, said = tie_rule(words)
    other = true + difference  # the other neighbour of the tie
    true, written, other = (_decimal(value) for value in (true, written, other))
    if not rule:
        return "either", (f"the true value {true} lies exactly halfway between {written} and "
                          f"{other}: with no tie rule named, either is accepted")
    if rule == "unclear":  # round 51 AH01
        return "unclear", (f"the true value {true} lies exactly halfway between {written} and "
                           f"{other}: the tie rules named or rejected ('{said}') do not say "
                           "clearly which neighbour is meant")
    if _sign_unclear(rule, said) and true.startswith("-"):  # round 51 AH05
        return "unclear", (f"the true value {true} is an exact tie and negative: whether "
                           f"'{said}' means towards {'+' if rule == 'half up' else '−'}∞ or "
                           f"{'away from' if rule == 'half up' else 'towards'} zero is not clear")
    chosen = _rounded_tie(sp.Rational(true), sp.Rational(written), sp.Rational(other), rule,
                          places)
    if chosen == sp.Rational(written):
        return "right", f"an exact tie, rounded {rule} ('{said}') gives {written}"
    return "wrong", (f"the true value {true} lies exactly halfway between {written} and "
                     f"{other}; rounded {rule} ('{said}') it is {other}, not {written}")


def _tie_places(true, written, places: int, power_of_ten: bool) -> int:
    """The places a tie is rounded at: one more when the true value lies below the written
    power of ten, its leading digit one place lower (round 51 AH04)."""
    return places + 1 if power_of_ten and abs(true) < abs(written) else places


def _sign_unclear(rule: str, said: str) -> bool:
    """'half up' and 'half down' name a direction that a negative tie makes ambiguous
    (towards ±∞, or away from / towards zero); 반올림 rounds the magnitude up."""
    return rule in ("half up", "half down") and "반올림" not in said and "사사오입" not in said


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
    return towards  # half towards zero; half down of a positive tie


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
