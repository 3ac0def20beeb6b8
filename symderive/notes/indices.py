"""Make one chain's index notation consistent before anything is evaluated."""

from __future__ import annotations

import sympy as sp

from symderive.errors import ParseError
from symderive.model import Domain


def normalise_indices(raws: list, context, extra: tuple = ()) -> list:
    """Make one chain's notation consistent before anything is evaluated.

    * Symbols bounding a sum (``n`` in ``\\sum_{i=1}^{n}``) become positive integers with the
      size domain, everywhere in the chain.
    * Where ``o`` is summed over as ``o_k``, a free ``o_j`` is the same vector's entry
      ``o[j]`` (j an integer index in 1..n), and ``o_2`` is ``o[2]``: ``z_k`` and ``z[k]`` are
      one entry, so ``\\frac{\\partial}{\\partial o_j} \\sum_k e^{o_k}`` is not 0.
    """
    expressions = [raw for raw in raws if not isinstance(raw, ParseError)]
    scanned = expressions + [value for value in extra if isinstance(value, sp.Basic)]
    bound_names: set[str] = set()
    upper: dict[str, sp.Basic] = {}
    for expr in scanned:
        for node in expr.atoms(sp.Sum, sp.Product):
            for _index, low, high in node.limits:
                bound_names |= {
                    s.name
                    for s in (low.free_symbols | high.free_symbols)
                    if isinstance(s, sp.Symbol)
                }
            for indexed in node.function.atoms(sp.Indexed):
                upper.setdefault(str(indexed.base.label), node.limits[0][2])
    replacements: dict = {}
    for expr in expressions:
        for symbol in expr.atoms(sp.Symbol):  # derivative variables too (∂/∂z_j is bound)
            if not isinstance(symbol, sp.Symbol):
                continue
            if symbol.name in bound_names and not symbol.is_integer:
                replacements[symbol] = sp.Symbol(symbol.name, integer=True, positive=True)
            base, _, subscript = symbol.name.rpartition("_")
            if base in upper and (
                subscript.isdigit() or (len(subscript) == 1 and subscript.isalpha())
            ):
                if subscript.isdigit():
                    index: sp.Basic = sp.Integer(subscript)
                else:
                    index = sp.Symbol(subscript, integer=True)
                    high = upper[base]
                    context.domains.setdefault(index, Domain("index", low=1, high=high))
                replacements[symbol] = sp.IndexedBase(base)[index]
    for name in bound_names:
        context.domains.setdefault(sp.Symbol(name, integer=True, positive=True), Domain("size"))
    if not replacements:
        return raws
    for key, domain in list(context.domains.items()):
        if domain.kind == "index" and isinstance(domain.high, sp.Basic):
            context.domains[key] = Domain("index", low=1, high=domain.high.xreplace(replacements))
    return [raw if isinstance(raw, ParseError) else raw.xreplace(replacements) for raw in raws]
