r"""Example values of the letters a chain reads as sizes or integer indices (round 17 F19).

The bound of a sum or product (``n`` in ``\sum_{k=1}^{n}``, ``\prod_{k=1}^{n}``) and the
arguments of a binomial coefficient (``\binom{n}{k}``) are read as positive-integer sizes and
integer indices (:func:`symderive.notes.indices.normalise_indices`): a symbol with those
assumptions, not the plain letter an example value was recorded for. *Take $n = 3$. Then
$\sum_{k=1}^{n} k = n + 3$.* is about n = 3 there as anywhere else (6 = 6), never about a free
size. A value that is no such size or index (``n = 1/2`` as a sum's bound) is not put in: the
step is not read (a refutation at another n would contradict the note's own value).
"""

from __future__ import annotations

import sympy as sp

from symderive.errors import ParseError

ASSUMED = ("integer", "positive", "nonnegative")


def _fits(symbol: sp.Symbol, value: sp.Basic) -> bool:
    """Whether ``value`` has every property among :data:`ASSUMED` that ``symbol`` is read
    with."""
    return all(getattr(value, f"is_{name}", None) is True for name in ASSUMED
               if getattr(symbol, f"is_{name}", None) is True)


def examples_in_sizes(raws: list, view) -> list:
    """``raws`` with each size or index symbol that has an example value in force (by its
    name) turned back into the plain letter the value is recorded for, so the value is put in;
    a chain whose example value does not fit the reading becomes a :class:`ParseError`."""
    if view is None or not view.examples:
        return raws
    valued = {key[1].name: key[1] for key in view.examples
              if key[0] == "symbol" and isinstance(key[1], sp.Symbol)}
    if not valued:
        return raws
    replacements: dict = {}
    for raw in raws:
        if isinstance(raw, ParseError) or not isinstance(raw, sp.Basic):
            continue
        for symbol in raw.free_symbols:  # (a sum's own index is bound: no value enters it)
            plain = valued.get(getattr(symbol, "name", ""))
            if plain is None or symbol == plain:
                continue
            value = view.symbols.get(plain)
            if not isinstance(value, sp.Basic) or not _fits(symbol, value):
                message = (f"the example value {plain} = {value} is in force, but {plain} is a "
                           "size or an integer index here (a sum's or product's bound, a "
                           "binomial coefficient's argument), which that value is not: not read")
                return [raw if isinstance(raw, ParseError) else ParseError(message)
                        for raw in raws]
            replacements[symbol] = plain
    if not replacements:
        return raws
    return [raw.xreplace(replacements) if isinstance(raw, sp.Basic) else raw for raw in raws]
