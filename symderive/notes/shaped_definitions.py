r"""A name defined by a formula in matrices, read again with the shapes the prose gives them.

A note declares shapes in words and defines a loss with them (round 52 AK01):

    Let $\mathbf{W} \in \mathbb{R}^{m \times n}$, $\mathbf{x} \in \mathbb{R}^{n}$ and
    $\mathbf{y} \in \mathbb{R}^{m}$. The squared error is
    $\mathcal{L} = \|\mathbf{W}\mathbf{x} - \mathbf{y}\|^2$.

The definitions are read once for the whole note, before the shapes of each place are known,
so W in L's formula is the default square matrix; the step ∂L/∂W = 2(Wx − y)xᵀ is read with
the declared m × n. The sides then speak of two different W (and the step was skipped:
``check_notes._shapes_clash``). Here, where the shapes in force at the step give a matrix of a
definition another shape, the definition's formula is read again, as written, with those
shapes — when the very same shapes are in force where the definition stands (a definition under
other shapes speaks of other matrices: it is left as it was, and the step is not read).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import sympy as sp

from symderive.errors import ParseError
from symderive.notes.context import DefinitionView
from symderive.notes.indices import normalise_indices
from symderive.notes.scoped import declared_at


def with_declared_shapes(view: DefinitionView, context, declared: tuple, defined: set,
                         read: Callable[[str], object]) -> DefinitionView:
    """The view with each definition whose matrices the ``declared`` shapes (the step's)
    give other shapes, or that uses a matrix ``defined`` before it (``z = Wx + b``: read with
    the step's shapes too), read again by ``read`` (the step's reader: its shapes, its matrix
    definitions substituted; see the module)."""
    shapes = dict(declared)
    if not shapes:
        return view
    symbols = dict(view.symbols)
    for symbol, value in view.symbols.items():
        definition = view.definitions.get(symbol)
        if definition is None or not definition.written or not isinstance(value, sp.Basic):
            continue
        names = _matrix_names(value, shapes)
        if not _reshaped(value, shapes, defined) or _shapes_at(
                context, definition.start, names) != {name: shapes.get(name) for name in names}:
            continue
        again = _read_again(definition, context, read)
        if again is not None:
            symbols[symbol] = again
    return replace(view, symbols=symbols) if symbols != view.symbols else view


def _matrix_names(value: sp.Basic, shapes: dict) -> set[str]:
    """The names of ``value``'s matrices, and of its numbers that ``shapes`` makes matrices
    (a plain W read as a number by default, declared W ∈ ℝ^{m×n})."""
    return {str(matrix.name) for matrix in value.atoms(sp.MatrixSymbol)} | {
        symbol.name for symbol in value.atoms(sp.Symbol) if symbol.name in shapes}


def _reshaped(value: sp.Basic, shapes: dict, defined: set) -> bool:
    """Whether ``shapes`` gives a matrix of ``value`` another shape, or a number of it one, or
    ``value`` uses a matrix defined by a formula (read with the step's shapes)."""
    return any((matrix.name in shapes and tuple(matrix.shape) != tuple(shapes[matrix.name]))
               or str(matrix.name) in defined for matrix in value.atoms(sp.MatrixSymbol)) or any(
        symbol.name in shapes for symbol in value.atoms(sp.Symbol))


def _shapes_at(context, line: int, names: set[str]) -> dict:
    """The shapes in force at ``line`` of ``names`` (None: no shape there)."""
    there = dict(declared_at(context, line))
    return {name: there.get(name) for name in names}


def _read_again(definition, context, read: Callable[[str], object]):
    """The definition's formula read by the step's reader, or None when it is not read so
    (then it stays as it was, and so does the step's doubt)."""
    value = read(definition.written)
    if not isinstance(value, sp.Basic) or isinstance(value, sp.MatrixExpr):
        return None  # (a scalar's formula read as a matrix: not this definition)
    value = normalise_indices([value], context)[0]
    return None if isinstance(value, ParseError) else value
