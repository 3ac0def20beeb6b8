"""What the catalog entry that proves an op starts from, read in the op's own symbols.

The first step of a ``proven_by`` derivation states the function it differentiates (``d/dx
1/(1 + e^(−x))``, ``g·∂(x + y)/∂x``, ``∂/∂o_j −Σ_k t_k log softmax(o)_k``). Read with the
entry's ``reading`` (catalog symbol name → expression in the op's symbols; indexed ``o[k]``
→ ``o{k−1}``, sizes ``n`` → the op's class count), it must equal the op's definition: then the
proof is about this op and not about a neighbour. The catalog itself is passed in (ops never
import the catalog).
"""

from __future__ import annotations

import sympy as sp

from symderive.model import Derivation
from symderive.ops.definitions import Elementwise
from symderive.ops.losses import Loss


def _stated_function(expr: sp.Basic) -> sp.Basic:
    """The function a first step differentiates: inside ``Derivative`` (first matrix entry)."""
    if isinstance(expr, sp.MatrixBase) or getattr(expr, "is_Matrix", False):
        expr = sp.Matrix(expr)[0]
    derivatives = sorted(expr.atoms(sp.Derivative), key=sp.default_sort_key)
    return derivatives[0].expr if derivatives else expr


def op_in_catalog(op: Elementwise, derivation: Derivation) -> sp.Expr:
    """The first step of ``derivation`` as a function of the op's inputs."""
    stated = _stated_function(derivation.steps[0].expr)
    by_name = {str(symbol): symbol for symbol in op.symbols}
    by_name.update(dict(op.reading))
    return stated.xreplace(
        {symbol: by_name.get(symbol.name, symbol) for symbol in stated.free_symbols}
    )


def loss_in_catalog(loss: Loss, derivation: Derivation) -> sp.Expr:
    """The first step of ``derivation`` as a row loss in ``o0 …``, ``t0 …`` (sums written out)."""
    predictions, targets = loss.symbols()
    vectors: dict[str, object] = {"o": predictions, "t": targets}
    vectors.update({name: read(predictions, targets) for name, read in loss.reading})
    stated = _stated_function(derivation.steps[0].expr)
    sizes = {
        symbol: sp.Integer(loss.classes)
        for symbol in stated.free_symbols
        if isinstance(symbol, sp.Symbol) and symbol.name == "n"
    }
    explicit = stated.xreplace(sizes).doit()

    def entry(indexed: sp.Indexed) -> sp.Expr:
        vector = vectors.get(indexed.base.label.name)
        if vector is None or not indexed.indices[0].is_Integer:
            return indexed
        return vector[int(indexed.indices[0]) - 1]

    explicit = explicit.replace(lambda node: isinstance(node, sp.Indexed), entry)
    scalars = {}
    for symbol in explicit.free_symbols:
        value = vectors.get(getattr(symbol, "name", ""))
        if value is not None:
            scalars[symbol] = value[0] if isinstance(value, list) else value
    return explicit.xreplace(scalars)
