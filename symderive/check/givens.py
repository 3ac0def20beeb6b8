"""Whether a counterexample satisfies every given in force.

A refutation is kept only where the givens can hold: the point's own values, completed by
real values for the symbols of the givens it leaves free (``given a + b^2 = 0`` and the point
``a = 1``: no real b completes it, so ``a = 1`` is no counterexample).  The point is checked
against every given that shares a symbol with it (directly or through other givens), not only
the givens the claim used; a given with no symbol left (after the sizes are fixed) must hold
as it stands.  Completions come from SymPy's ``solve`` on the substituted givens, bounded in
time, and each is verified with certified balls; when none is found the point is not a
counterexample (the claim stays undecided rather than refuted on a point the note excludes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp

from symderive.check import certified
from symderive.errors import ParseError
from symderive.expectation import E, Var
from symderive.grammar.build import time_limit
from symderive.model import Domain

SOLVE_SECONDS = 0.5  # completing a point with values for the givens' other symbols

DOMAIN_TESTS: dict[str, Callable[[sp.Basic, Domain], bool | None]] = {
    "real": lambda v, d: v.is_real,
    "positive": lambda v, d: v.is_positive,
    "negative": lambda v, d: v.is_negative,
    "nonnegative": lambda v, d: v.is_nonnegative,
    "nonzero": lambda v, d: v.is_real and v.is_nonzero,
    "integer": lambda v, d: v.is_integer,
    "probability": lambda v, d: v.is_real and bool(0 < v < 1),
    "size": lambda v, d: v.is_integer and v.is_positive,
    "index": lambda v, d: v.is_integer and (d.low is None or bool(v >= d.low))
    and (d.high is None or bool(v <= d.high)),
}


def unmet_given(
    givens: Sequence[tuple[sp.Basic, sp.Basic]],
    point: dict,
    fixed: dict,
    domain_of: Callable[[sp.Basic], Domain],
) -> str:
    """The first given (``lhs = rhs`` as text) that the point cannot satisfy, even with the
    givens' other symbols chosen freely in their domains; "" when every given can hold."""
    whole = {**fixed, **point}
    reached = set(whole)
    connected: list[tuple[sp.Basic, sp.Basic]] = []
    waiting = list(givens)
    grew = True
    while grew:  # the givens linked to the point's symbols, through shared symbols
        grew = False
        for given in list(waiting):
            symbols = given[0].free_symbols | given[1].free_symbols
            if not symbols or symbols & reached:
                connected.append(given)
                waiting.remove(given)
                reached |= symbols
                grew = True
    if not connected:
        return ""
    substituted = [(lhs.xreplace(whole), rhs.xreplace(whole)) for lhs, rhs in connected]
    unknowns = sorted(
        set().union(*(lhs.free_symbols | rhs.free_symbols for lhs, rhs in substituted)),
        key=sp.default_sort_key,
    )
    completions = _completions(substituted, unknowns, domain_of)
    if completions is None:
        return ""  # not known to fail: the point is not excluded
    for completion in completions:
        if all(_holds(lhs.xreplace(completion), rhs.xreplace(completion))
               for lhs, rhs in substituted):  # fmt: skip
            return ""
    for (lhs, rhs), (written_lhs, written_rhs) in zip(substituted, connected):
        if lhs.free_symbols or rhs.free_symbols or not _holds(lhs, rhs):
            return f"{sp.sstr(written_lhs)} = {sp.sstr(written_rhs)}"
    return "the givens together"


def _completions(substituted, unknowns, domain_of) -> list[dict] | None:
    """Real values for ``unknowns`` (in their domains) that solve the substituted givens, as
    SymPy finds them within :data:`SOLVE_SECONDS`; ``[{}]`` when nothing is unknown; None when
    they cannot be decided here (a random variable, an entry, SymPy gave up): not excluded."""
    if not unknowns:
        return [{}]
    if any(not isinstance(symbol, sp.Symbol) or domain_of(symbol).kind not in DOMAIN_TESTS
           for symbol in unknowns):  # fmt: skip
        return None  # an entry, a matrix, a random variable, a simplex member: not decided
    equations = [lhs - rhs for lhs, rhs in substituted if lhs.free_symbols | rhs.free_symbols]
    try:
        with time_limit(SOLVE_SECONDS, source="counterexample", what="completing the givens"):
            solutions = sp.solve(equations, unknowns, dict=True)
    except (ParseError, NotImplementedError, ValueError, TypeError, ArithmeticError):
        return None  # SymPy could not solve them in time: whether they hold is not known
    completions = []
    for solution in solutions[:8]:
        values = {}
        for symbol in unknowns:  # a symbol the solution leaves free: 0, else 1, else 2
            values[symbol] = solution.get(symbol, symbol)
        free = set().union(*(v.free_symbols for v in values.values()))
        for filler in (0, 1, 2):
            chosen = {s: sp.Integer(filler) for s in free}
            filled = {s: (chosen[s] if s in chosen else v.xreplace(chosen))
                      for s, v in values.items()}  # fmt: skip
            if all(not v.free_symbols and _in_domain(v, domain_of(s)) for s, v in filled.items()):
                completions.append(filled)
                break
    return completions


def _in_domain(value: sp.Basic, domain: Domain) -> bool:
    test = DOMAIN_TESTS.get(domain.kind)
    if test is None:
        return False  # a simplex member, a random variable, a matrix: not completed here
    try:
        return bool(test(value, domain))
    except TypeError:  # a comparison SymPy cannot decide
        return False


def _holds(lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """The given holds at these numbers: exactly, or certified balls agree."""
    if lhs.free_symbols or rhs.free_symbols:
        return False
    if (lhs - rhs).is_zero:
        return True
    return certified.compare(lhs, rhs, "=").status == "agree"


def plain_givens(givens, fixed: dict) -> tuple[tuple[sp.Basic, sp.Basic], ...]:
    """The givens about numbers (not moments), as (lhs, rhs) with the sizes ``fixed``."""
    return tuple(
        (given.lhs.xreplace(fixed), given.rhs.xreplace(fixed))
        for given in givens
        if isinstance(given, sp.Eq) and not given.has(E, Var)
    )
