r"""An equation in names the note defines only after it: a system they solve (round 58 AW03).

A replicating portfolio of Δ shares and B bonds satisfies two equations, and the note then gives
the formulas that solve them::

    (\Delta e^{\delta h})(S_0 u) + B e^{rh} = V_u
    (\Delta e^{\delta h})(S_0 d) + B e^{rh} = V_d
    \Delta = e^{-\delta h} \frac{V_u - V_d}{S_0 (u - d)}
    B = e^{-rh} \frac{V_d u - V_u d}{u - d}

The first two are conditions on Δ and B, not identities in them: a counterexample that gives Δ
and B values of its own (Δ = 29/7, B = −17/3) refutes nothing the note says. A refuted step is
withheld when its two sides share no name (a relation between quantities, not an identity in
shared letters) and its counterexample gives a value to a name that the note defines just after
it (within :data:`NEAR` lines, by its first ``=``) in terms of other names of that
counterexample.
"""

from __future__ import annotations

import sympy as sp

from symderive.notes.names import plain_name
from symderive.notes.roles import Role

NEAR = 10  # lines: the solving formulas follow the system they solve


def solved_later(line: int, counterexample, definitions, sides: tuple = ()) -> str:
    """Why the step at ``line`` is an equation to solve ('' when it is not): the names of
    ``counterexample`` that ``definitions`` define after it, from its other names. ``sides``:
    the step's two sides as read; they must share no name, as a portfolio's value and V_u do —
    ``(x + y)^2 = x^2 + y^2`` before ``y = 2x`` is a false identity, still refuted."""
    if counterexample is None or not _apart(sides):
        return ""
    names = {plain_name(name) for name, _ in counterexample.values}
    solved = {}
    for definition in definitions:
        key, value = definition.key, definition.value
        if (definition.role is not Role.DEFINITION or key[0] != "symbol"
                or not line < definition.start <= line + NEAR or not isinstance(value, sp.Expr)):
            continue
        name = plain_name(str(key[1]))
        others = {plain_name(str(symbol)) for symbol in value.free_symbols} - {name}
        if name in names and others & names:
            solved.setdefault(name, definition.start)
    if not solved:
        return ""
    listed = ", ".join(f"{name} (line {start})" for name, start in solved.items())
    return (f"the note defines {listed} after it, from its other quantities: it is an "
            f"equation they solve, not an identity in them")


def _apart(sides: tuple) -> bool:
    """Whether the two sides (SymPy expressions) have names and share none."""
    if len(sides) != 2 or not all(isinstance(side, sp.Basic) for side in sides):
        return False
    left, right = (side.free_symbols for side in sides)
    return bool(left) and bool(right) and not left & right
