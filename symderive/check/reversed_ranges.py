"""Sums and products whose range runs backwards at a sampled point (round 11a L1).

``\\sum_{k=m}^{n}`` at m = 3, n = 1 has an upper limit below its lower limit minus one. The
usual convention makes it empty (0 terms), Karr's makes it −Σ_{k=n+1}^{m−1}; a closed form
such as Σ_{k=m}^{n} 1 = n − m + 1 is written for m ≤ n + 1, where both agree, and a note that
writes it does not say that its bounds may cross. A disagreement found only at such points
refutes nothing the note says: the claim is *undecided* there. An empty range (n = m − 1) is
no such point: every convention gives 0 terms. A bound the note declares negative or nonzero
does cross on purpose: those claims keep the usual convention."""

from __future__ import annotations

import sympy as sp


# a bound the note declares negative or nonzero is meant to run backwards: its claims are
# judged with the usual convention (no terms), as docs/conventions.md says
SIGNED_BOUNDS = ("negative", "nonzero")


def reversed_ranges(sides, values: dict, kind_of) -> tuple[str, ...]:
    """The Σ/Π ranges of ``sides`` that run backwards at ``values`` (symbol → number), each
    as 'k from m = 3 to n = 1'; bounds that ``values`` do not fix, or with a name declared
    negative or nonzero (``kind_of(symbol)``), are not judged."""
    found: list[str] = []
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for node in side.atoms(sp.Sum, sp.Product):
            for index, low, high in node.limits:
                if any(kind_of(symbol) in SIGNED_BOUNDS
                       for symbol in low.free_symbols | high.free_symbols):  # fmt: skip
                    continue
                low_value, high_value = low.xreplace(values), high.xreplace(values)
                if (low_value.is_Integer and high_value.is_Integer
                        and high_value < low_value - 1):  # fmt: skip
                    found.append(f"{index} from {_bound(low, low_value)} to "
                                 f"{_bound(high, high_value)}")  # fmt: skip
    return tuple(dict.fromkeys(found))


def _bound(written: sp.Basic, value: sp.Basic) -> str:
    return str(value) if written == value else f"{sp.sstr(written)} = {value}"


def backward_reason(ranges: tuple[str, ...], counterexample, held: int) -> str:
    """Why a claim refuted only where a range runs backwards is *undecided*."""
    where = "; ".join(ranges)
    example = ""
    if counterexample is not None:
        values = ", ".join(f"{name} = {value}" for name, value in counterexample.values)
        example = (f" (at {values}: left side {counterexample.lhs_value}, right side "
                   f"{counterexample.rhs_value})")  # fmt: skip
    agreed = f"; it held at the {held} other point(s) tried" if held else ""
    return (f"refuted as read only where a sum or product runs backwards ({where}: the upper "
            f"limit below the lower limit minus one){example} — no terms by the usual "
            "convention, minus the sum (one over the product) of the gap between the limits by "
            "Karr's, and a closed form such as Σ_{k=m}^{n} 1 = n − m + 1 is meant for "
            "m ≤ n + 1: not refuted" + agreed)
