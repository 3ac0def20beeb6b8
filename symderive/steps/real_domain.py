"""Derivatives over the real numbers only (docs/conventions.md, "Domains").

``diff`` refuses a function that has no real value anywhere (``log(-1-x^2)``), a power of a
negative base whose exponent holds the variable (``(-1)^x`` is real only at integers, so it has
no derivative), and a derivative that is not a real number (``I``, ``zoo``, ``nan``, ``oo``):
printing ``d/dx (-1)^x = (-1)^x·iπ`` as a checked result would be a verdict about complex
numbers (round 12b F5).
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy as sp

from symderive.errors import NotReal

NOT_REAL_ATOMS = (sp.I, sp.zoo, sp.nan, sp.oo, -sp.oo)


def _as_real(expr: sp.Basic) -> sp.Basic:
    """Every free symbol real (the project's default domain), so SymPy can see -1 - x^2 < 0."""
    return expr.xreplace({
        symbol: sp.Dummy(symbol.name, real=True)
        for symbol in expr.free_symbols
        if isinstance(symbol, sp.Symbol) and symbol.is_real is None
    })


def refuse_without_real_values(expression: sp.Basic, variable: sp.Symbol,
                               conditions: Iterable = ()) -> None:
    """Raise :class:`NotReal` when a condition of the written expression's natural domain
    (the grammar's :class:`~symderive.grammar.build.Condition` s) holds at no real point, or
    when a negative base is raised to a power that varies with ``variable``."""
    for condition in conditions:
        kind, expr, why = condition.kind, condition.expr, condition.why
        if kind == "power":
            base, exponent = (_as_real(part) for part in expr.args)
            if base.is_negative and variable in expr.args[1].free_symbols \
                    and not exponent.is_integer:
                raise NotReal(
                    f"d/d{variable} of {sp.sstr(expression)}: {why} {sp.sstr(expr.args[0])} is "
                    f"negative, so the power is real only where {sp.sstr(expr.args[1])} is an "
                    "integer and has no derivative over the reals")
            continue
        real = _as_real(expr)
        never = (real.is_positive is False if kind == "positive"
                 else real.is_negative is True if kind in ("nonnegative", "counted") else False)
        if never:
            relation = "> 0" if kind == "positive" else ">= 0"
            raise NotReal(
                f"d/d{variable} of {sp.sstr(expression)}: {why} {sp.sstr(expr)} is never "
                f"{relation} for real {', '.join(sorted(map(str, expr.free_symbols)))}, so the "
                "function has no real value to differentiate")


def refuse_not_real_result(expression: sp.Basic, variable: sp.Symbol,
                           derivatives: Iterable[sp.Basic]) -> None:
    """Raise :class:`NotReal` when a derivative (narrated or SymPy's) holds ``I``, ``zoo``,
    ``nan`` or an infinity: it is not a real number, whatever the checker said of it."""
    for derivative in derivatives:
        if derivative.has(sp.DiracDelta):  # d/dx sign(x) = 2δ(x): a distribution (14b F12)
            raise NotReal(
                f"d/d{variable} of {sp.sstr(expression)} is {sp.sstr(derivative)}, which holds a "
                "Dirac delta: not a real function (the derivative of a jump is 0 away from it and "
                "undefined at it; symderive differentiates over the reals)")
        found = [atom for atom in NOT_REAL_ATOMS if derivative.has(atom)]
        if found:
            raise NotReal(
                f"d/d{variable} of {sp.sstr(expression)} is {sp.sstr(derivative)}, which holds "
                f"{sp.sstr(found[0])}: not a real number (symderive differentiates over the reals)")
