"""The gradient of a scalar with respect to a vector or matrix symbol, narrated entry by entry.

``∂f/∂X`` has the shape of X and entries ``∂f/∂X_ij``. The narrator writes X out as explicit
real entry symbols (``W_01`` for ``W[0, 1]``, ``x_1`` for the entry of a column vector), turns
the scalar (or 1×1) matrix expression f into one scalar expression and narrates each partial
derivative with the scalar rules. The assembled matrix can then be compared with a closed form
from the catalog (e.g. ``2*W*x*x.T``) entrywise. SymPy's own ``MatrixSymbol`` derivatives are
never used (see :mod:`symderive.matrixcalc`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import sympy as sp

from symderive.functions import derivative
from symderive.steps.local import DEFAULT_NODE_BUDGET_SECONDS, NodeCheck, compare
from symderive.steps.narrate import narrate
from symderive.steps.rules import Rule


@dataclass(frozen=True, kw_only=True)
class GradientRule(Rule):
    """∂f/∂X = [∂f/∂X_ij]: one substep per entry of X, row by row."""

    matrix_expression: sp.Basic  # f as written with matrix symbols
    wrt: sp.MatrixSymbol
    shape: tuple[int, int]
    name: ClassVar[str] = "gradient"
    formula: ClassVar[str] = "(df/dX)_ij = df/dX_ij"

    def reapply(self) -> sp.Expr:
        rows, columns = self.shape
        results = [substep.result for substep in self.substeps]
        return sp.ImmutableMatrix(rows, columns, results)

    def describe(self) -> str:
        rows, columns = self.shape
        return (
            f"gradient with respect to the {rows}x{columns} matrix {self.wrt}: "
            "differentiate with respect to each entry"
        )

    def check(
        self, *, seed: int = 0, budget_seconds: float = DEFAULT_NODE_BUDGET_SECONDS
    ) -> NodeCheck:
        rows, columns = self.shape
        reference = sp.ImmutableMatrix(
            rows,
            columns,
            [derivative(self.expression, substep.variable) for substep in self.substeps],
        )
        verdict = compare(self.result, reference, seed=seed, budget_seconds=budget_seconds)
        if self.reapply() != self.result and verdict.verdict != "refuted":
            return NodeCheck("undecided", "the rule re-evaluated to a different result")
        return verdict

    def as_matrix_elements(self, matrix: sp.Matrix | None = None) -> sp.ImmutableMatrix:
        """``matrix`` (default: the result) with entry symbols replaced by ``X[i, j]``."""
        return sp.ImmutableMatrix(
            (self.result if matrix is None else matrix).xreplace(
                element_names(self.matrix_expression)
            )
        )


def entry_symbols(matrix: sp.MatrixSymbol) -> dict[sp.Basic, sp.Symbol]:
    """``X[i, j]`` → a real symbol ``X_ij`` (``x_i`` for a column vector)."""
    rows, columns = matrix.shape
    names = {}
    for i in range(rows):
        for j in range(columns):
            label = f"{i}" if columns == 1 else f"{i}{j}"
            names[matrix[i, j]] = sp.Symbol(f"{matrix.name}_{label}", real=True)
    return names


def element_names(expression: sp.Basic) -> dict[sp.Symbol, sp.Basic]:
    """The inverse of :func:`entry_symbols` for every matrix symbol of ``expression``."""
    inverse = {}
    for matrix in expression.atoms(sp.MatrixSymbol):
        inverse.update({symbol: element for element, symbol in entry_symbols(matrix).items()})
    return inverse


def explicit_scalar(expression: sp.Basic) -> sp.Expr:
    """The scalar (or 1×1) matrix expression written out in entry symbols."""
    replacements = {}
    for matrix in expression.atoms(sp.MatrixSymbol):
        rows, columns = matrix.shape
        names = entry_symbols(matrix)
        replacements[matrix] = sp.ImmutableMatrix(
            rows, columns, [names[matrix[i, j]] for i in range(rows) for j in range(columns)]
        )
    explicit = expression.xreplace(replacements)
    if hasattr(explicit, "doit"):
        explicit = explicit.doit()
    if isinstance(explicit, sp.MatrixBase) or getattr(explicit, "is_Matrix", False):
        explicit = sp.Matrix(explicit)
        if explicit.shape != (1, 1):
            raise ValueError(f"the gradient needs a scalar or 1x1 function, got {explicit.shape}")
        explicit = explicit[0, 0]
    return sp.expand(explicit)


def narrate_gradient(function: sp.Basic, wrt: sp.MatrixSymbol) -> GradientRule:
    """The rule tree of ∂f/∂X for a scalar or 1×1 matrix expression f and a MatrixSymbol X."""
    if not isinstance(wrt, sp.MatrixSymbol):
        raise TypeError("narrate_gradient differentiates with respect to a MatrixSymbol")
    rows, columns = wrt.shape
    if not (isinstance(rows, (int, sp.Integer)) and isinstance(columns, (int, sp.Integer))):
        raise ValueError("narrate_gradient needs a matrix symbol of concrete shape")
    scalar = explicit_scalar(function)
    names = entry_symbols(wrt)
    substeps = tuple(
        narrate(scalar, names[wrt[i, j]]) for i in range(int(rows)) for j in range(int(columns))
    )
    node = GradientRule(
        expression=scalar,
        variable=sp.Symbol(wrt.name),
        result=sp.S.Zero,
        substeps=substeps,
        matrix_expression=function,
        wrt=wrt,
        shape=(int(rows), int(columns)),
    )
    return replace(node, result=node.reapply())


def compare_with_closed_form(gradient: GradientRule, closed_form: sp.Basic) -> NodeCheck:
    """Does the narrated gradient equal a closed form such as ``2*W*x*x.T``, entry by entry?"""
    explicit = closed_form.xreplace(
        {
            matrix: sp.ImmutableMatrix(
                matrix.shape[0],
                matrix.shape[1],
                [
                    entry_symbols(matrix)[matrix[i, j]]
                    for i in range(matrix.shape[0])
                    for j in range(matrix.shape[1])
                ],
            )
            for matrix in closed_form.atoms(sp.MatrixSymbol)
        }
    )
    explicit = sp.Matrix(explicit.doit() if hasattr(explicit, "doit") else explicit)
    if explicit.shape != gradient.result.shape:
        return NodeCheck(
            "refuted", f"shape {explicit.shape} differs from the gradient's {gradient.shape}"
        )
    return compare(sp.ImmutableMatrix(gradient.result), sp.ImmutableMatrix(explicit))
