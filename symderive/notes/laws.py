"""Claims about the law of random variables, as the notes reader shows them.

``E[X^2] \\ge 10^{-9}``, ``Var(X) \\le 10^8``: every unknown sits inside an expectation, so the
claim is about the law of X.  Compared with a number it is either a claim for every law or a
hypothesis on this one (``let E[X] = 0``); a law on which it fails is shown either way.
"""

from __future__ import annotations

import sympy as sp

from symderive.expectation import E, Var
from symderive.report import Outcome


def about_a_law(*sides: sp.Basic) -> bool:
    """Whether the sides hold expectations and no unknown outside them."""
    if not all(isinstance(side, sp.Basic) for side in sides):
        return False
    moments = set().union(*(side.atoms(E, Var) for side in sides))
    if not moments:
        return False
    hidden = {moment: sp.Integer(1) for moment in moments}
    return not any(side.xreplace(hidden).free_symbols for side in sides)


def law_shown(outcome: Outcome) -> str:
    """The finite law of a refutation, as 'P = [...], X = [...] (left side a, right side b)'."""
    example = outcome.counterexample
    if example is None:
        return "a finite law"
    values = ", ".join(f"{name} = {value}" for name, value in example.values
                       if name != "outcome")
    return f"the law {values} (left side {example.lhs_value}, right side {example.rhs_value})"
