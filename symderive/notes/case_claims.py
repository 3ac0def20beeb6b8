r"""A claim made *in every case* of the example values listed before it (round 13 F5).

``Take $b = 1$ or $b = 5$. In both cases $b^2 + 5 = 6b$.`` claims the formula at b = 1 and at
b = 5, not for every b: the words lift the values of the names the cases vary
(:func:`symderive.notes.lifted.case_values`) so that no single case stands for all, but a
refutation must be at a case. Checked as read (every value of b), a refutation elsewhere
(b = 29/7) is moved to a case where the claim fails, exactly; when none fails (or the claim
is not read at a case), it is *undecided*, naming the cases; when it holds exactly at every case
it is proved in each case (round 17 F11). A proof for every value covers every case and
stands.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from symderive.grammar.build import time_limit
from symderive.report import Counterexample, Outcome

CASE_SECONDS = 2.0
EXACT = {"=": sp.Eq, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}


def cases_text(cases: tuple) -> str:
    """``b = 1 or b = 5``."""
    return "; ".join(" or ".join(f"{name} = {value}" for value in values)
                     for name, values in cases)


def _at_a_case(counterexample: Counterexample | None, cases: tuple) -> bool:
    """Whether the counterexample gives every varied name one of its case values."""
    if counterexample is None:
        return False
    given = dict(counterexample.values)
    for name, values in cases:
        if name not in given:
            continue  # the claim does not depend on it
        try:
            value = sp.Rational(Fraction(given[name]))
        except (ValueError, ZeroDivisionError, TypeError):
            return False
        if not any(sp.simplify(value - case) == 0 for case in values):
            return False
    return True


def _holds(left: sp.Basic, right: sp.Basic, relation: str) -> bool:
    """Whether the claim at a case holds exactly: the difference simplifies to zero, or two
    rational sides compare as claimed."""
    if relation == "=":
        return sp.simplify(left - right) == 0
    return bool(left.is_Rational and right.is_Rational and EXACT[relation](left, right) is sp.true)


def refuted_in_a_case(outcome: Outcome, lhs: sp.Basic, rhs: sp.Basic, relation: str,
                      cases: tuple, prove: bool = True, paired: bool = False) -> Outcome:
    """A refutation of a claim made in every case (see the module), at a case or undecided.
    ``cases``: ((name, (value, …)), …), the names the cases vary with their values;
    ``prove``: a claim holding exactly in each case is proved there (else undecided);
    ``paired``: the cases pair values of several names (*$a = 1$, $b = 2$ or $a = 3$, $b = 4$*),
    so a counterexample with each name at one of its values need not be a case."""
    if outcome.verdict != "refuted" or not cases or (
            not paired and _at_a_case(outcome.counterexample, cases)):
        return outcome
    varied = {name: values for name, values in cases}
    free = set().union(*(side.free_symbols for side in (lhs, rhs) if isinstance(side, sp.Basic)))
    if relation in EXACT and len(free) == 1 and (symbol := next(iter(free))).name in varied:
        try:
            with time_limit(CASE_SECONDS, source="<cases>", what="checking the claim in a case"):
                holding = 0
                for value in varied[symbol.name]:
                    left = sp.simplify(lhs.xreplace({symbol: value}))
                    right = sp.simplify(rhs.xreplace({symbol: value}))
                    if left.is_Rational and right.is_Rational and EXACT[relation](
                            left, right) is sp.false:
                        return Outcome("refuted", method=outcome.method, counterexample=(
                            Counterexample(((symbol.name, str(value)),), str(left), str(right))),
                            reason=f"in the case {symbol.name} = {value}, one of the cases "
                            f"the claim is made in ({cases_text(cases)})")
                    holding += _holds(left, right, relation)
                if prove and holding == len(varied[symbol.name]):  # each case, exactly (round 17 F11)
                    return Outcome("proved", method=outcome.method, reason=(
                        f"in each case the claim is made in ({cases_text(cases)}), not for "
                        "every value"))
        except Exception:  # noqa: BLE001 - a case not evaluated: not refuted there
            pass
    return Outcome("undecided", method=outcome.method, reason=(
        f"refuted as read, but the claim is made in each case ({cases_text(cases)}) and the "
        "counterexample is none of them: not refuted"))
