"""Gradients and Jacobians of matrix expressions, as unevaluated matrix expressions.

SymPy's own derivatives of ``MatrixSymbol`` expressions follow conventions that differ from
the notes' and can silently return wrong shapes or zero, so a derivation writes
``Grad(f, X)`` (∂f/∂X, the shape of X, for a scalar or 1×1 ``f``) or ``Jacobian(q, x)``
(∂q_i/∂x_j, numerator layout) and the checker evaluates them entrywise on explicit matrices
(:mod:`symderive.check.explicit`).
"""

from __future__ import annotations

import sympy as sp

from symderive.printing import power_latex


def _shape_of(expr: sp.Basic) -> tuple:
    shape = getattr(expr, "shape", None)
    if shape is None:
        raise TypeError(f"{expr} has no matrix shape")
    return tuple(shape)


class _MatrixDerivative(sp.MatrixExpr):
    """An unevaluated derivative of ``function`` with respect to the matrix ``wrt``."""

    _needs_matrix_function = False

    def __new__(cls, function: sp.Basic, wrt: sp.Basic):
        if not isinstance(function, sp.Basic) or not isinstance(wrt, sp.Basic):
            raise TypeError(f"{cls.__name__} takes SymPy objects")
        if cls._needs_matrix_function:
            _shape_of(function)
        _shape_of(wrt)
        return sp.Basic.__new__(cls, function, wrt)

    @property
    def function(self) -> sp.Basic:
        return self.args[0]

    @property
    def wrt(self) -> sp.Basic:
        return self.args[1]

    def _sympystr(self, printer):
        return "%s(%s, %s)" % (
            type(self).__name__,
            printer._print(self.function),
            printer._print(self.wrt),
        )


class Grad(_MatrixDerivative):
    """∂f/∂X: the gradient of a scalar (or 1×1) expression f, shaped like X."""

    @property
    def shape(self) -> tuple:
        return _shape_of(self.wrt)

    def _latex(self, printer, exp=None):
        latex = r"\frac{\partial}{\partial %s}\left(%s\right)" % (
            printer._print(self.wrt),
            printer._print(self.function),
        )
        return power_latex(latex, exp)


class Jacobian(_MatrixDerivative):
    """∂q/∂x with entries ∂q_i/∂x_j (numerator layout): shape len(q) × len(x)."""

    _needs_matrix_function = True

    @property
    def shape(self) -> tuple:
        rows_q, cols_q = _shape_of(self.function)
        rows_x, cols_x = _shape_of(self.wrt)
        return (rows_q * cols_q, rows_x * cols_x)

    def _latex(self, printer, exp=None):
        latex = r"\frac{\partial %s}{\partial %s}" % (
            printer._print(self.function),
            printer._print(self.wrt),
        )
        return power_latex(latex, exp)


class EntryMatrix(sp.MatrixExpr):
    r"""The matrix whose entry at the free indices is ``body``: a claim about one entry
    ``[\mathbf{U}\mathbf{V}]_{ib} = \sum_k u_{ik}v_{kb}`` for every i, b becomes a claim about
    the whole ``rows × cols`` matrix, so that it is checked at *every* value of its free
    indices once the sizes are instantiated (:mod:`symderive.check.explicit`).

    ``indices`` are one (a vector entry, ``cols`` is 1) or two 1-based index symbols, bound
    here (they are not free symbols of the node)."""

    def __new__(cls, body: sp.Basic, indices: tuple, rows: sp.Basic, cols: sp.Basic):
        if not 1 <= len(indices) <= 2:
            raise TypeError("an entry matrix has one or two free indices")
        if len(indices) == 1 and cols != 1:
            raise TypeError("an entry matrix of one index is a column")
        return sp.Basic.__new__(cls, body, sp.Tuple(*indices), sp.sympify(rows), sp.sympify(cols))

    @property
    def body(self) -> sp.Basic:
        return self.args[0]

    @property
    def indices(self) -> tuple:
        return tuple(self.args[1])

    @property
    def shape(self) -> tuple:
        return (self.args[2], self.args[3])

    @property
    def free_symbols(self) -> set:
        bound = set(self.indices)
        inside = self.body.free_symbols | self.args[2].free_symbols | self.args[3].free_symbols
        return inside - bound

    def doit(self, **hints):  # evaluated entry by entry once the sizes are numbers
        return self

    def entry_at(self, row: int, col: int) -> sp.Basic:
        """The body at 0-based (row, col): the written (1-based) indices row + 1, col + 1."""
        values = (sp.Integer(row + 1), sp.Integer(col + 1))
        return self.body.xreplace(dict(zip(self.indices, values)))

    def _sympystr(self, printer):
        return "[%s]_(%s)" % (printer._print(self.body),
                              ", ".join(printer._print(i) for i in self.indices))

    def _latex(self, printer, exp=None):
        latex = r"\left[%s\right]_{%s}" % (
            printer._print(self.body), "".join(printer._print(i) for i in self.indices)
        )
        return power_latex(latex, exp)
