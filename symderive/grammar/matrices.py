r"""Matrix calculus and matrix vocabulary of lecture notes, as read by the LaTeX grammar.

One source of truth for what a derivative with respect to a vector or matrix means in notes
(``\frac{\partial f}{\partial \mathbf{W}}``, ``\nabla_{\mathbf{x}} f``) and for matrix norms.

**Layout.** Notes on deep learning (d2l, cs231n, CS229) write gradients in *denominator
layout*: ``∂f/∂W`` has the shape of ``W`` for a scalar ``f``, and for a vector ``f`` of
length m and a vector ``x`` of length n, ``∂f/∂x`` is n × m with entry (i, j) = ∂f_j/∂x_i
(so ``∇_x A x = Aᵀ``).  That is the reading built here:

* scalar (or 1 × 1) ``f``, vector or matrix ``X`` → :class:`~symderive.matrixcalc.Grad`
  ``(f, X)``, shaped like ``X``;
* vector ``f`` (column or row), vector ``x`` → ``Jacobian(f, x)ᵀ`` (the Jacobian node is
  numerator layout, ∂f_i/∂x_j);
* a matrix differentiated by a matrix, or a vector by a matrix, is a tensor with more than
  two indices: not read.

Both nodes are evaluated entry by entry on explicit matrices once the sizes are instantiated
(:mod:`symderive.check.explicit`), never by SymPy's ``MatrixSymbol`` calculus.  A claim written
in the other (numerator) layout differs exactly by transposing every derivative:
:func:`other_layout` builds that reading, and the notes checker reports a refutation that
disappears under it as *undecided*, naming both layouts.

**Norms.** ``\|x\|`` and ``\|x\|_2`` of a vector are Euclidean; ``\|X\|_F`` (``_\textrm{F}``,
``_\mathrm{F}``) is the Frobenius norm √tr(XᵀX) of a matrix (or of a vector: the Euclidean
norm).  ``\|X\|`` and ``\|X\|_2`` of a *matrix* are not read: by convention they are the
spectral norm, yet notes often mean the Frobenius norm with them (d2l writes
``\|\mathbf{X} - \mathbf{U}\mathbf{V}\|_2^2`` for the sum of squared entries), and the two
readings give different verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import sympy as sp

from symderive.matrixcalc import Grad, Jacobian

LAYOUT_AMBIGUITY = (
    "holds in numerator layout (∂f/∂x with the shape of fᵀ), fails in denominator layout "
    "(∂f/∂x shaped like x, as d2l writes ∇): the note does not say which layout it uses"
)
APPROPRIATE_PRODUCT = (
    "prod(·,·) is d2l's 'appropriate product' of two matrices or tensors (transposes and "
    "swaps chosen so that the shapes fit): what it computes depends on shapes the note does "
    "not state, so it is not read"
)
MULTI_INDEX_POWER = (
    "a vector raised to a vector (p^z) is multi-index notation for the product of p_j^{z_j}, "
    "which the note defines itself: a shorthand, not a matrix power, so it is not read"
)
FROBENIUS = frozenset({"F", "textrm{F}", "mathrm{F}", "text{F}", "rm F", "mathrm F", "textrm F"})
SPECTRAL_OR_FROBENIUS = (
    "the norm of a matrix written \\|X\\| or \\|X\\|_2 is the spectral norm by convention, but "
    "notes often mean the Frobenius norm (sum of squared entries) with it: two readings, "
    "different verdicts (write \\|X\\|_F for the Frobenius norm)"
)


def is_vector(value: sp.Basic) -> bool:
    """A column or row vector (one of its dimensions is literally 1)."""
    shape = getattr(value, "shape", None)
    return shape is not None and 1 in tuple(shape) and tuple(shape) != (1, 1)


def is_scalar_valued(value: sp.Basic) -> bool:
    """A scalar expression or a 1 × 1 matrix expression (``xᵀAx``)."""
    if isinstance(value, sp.MatrixExpr):
        return tuple(value.shape) == (1, 1)
    return isinstance(value, sp.Expr)


def matrix_derivative(
    function: sp.Basic, variables: Sequence[sp.Basic], fail: Callable[[str], None]
) -> sp.Basic:
    """∂function/∂X in denominator layout (see the module docstring); ``fail(message)``
    raises the caller's located error for what is not read."""
    if len(variables) != 1 or not isinstance(variables[0], sp.MatrixSymbol):
        fail("derivatives with respect to matrices: one matrix or vector variable at a time "
             "(second derivatives by a vector are a Hessian, not read)")  # fmt: skip
    [wrt] = variables
    if is_scalar_valued(function):
        return Grad(function, wrt)
    if is_vector(function) and is_vector(wrt):
        return Jacobian(function, wrt).T
    fail("the derivative of a matrix (or of a vector by a matrix) has more than two indices: "
         "a tensor, not read")  # fmt: skip
    raise AssertionError  # fail raises


def refuse_entry_derivative(function: sp.Basic, fail: Callable[[str], None]) -> None:
    """``d/dv_ab`` (or ``d/dx_1``) of an expression in the matrix ``V`` (or vector ``x``): the
    note's entry names are not linked to the matrix's entries, so SymPy would answer 0."""
    if isinstance(function, sp.Basic) and function.atoms(sp.MatrixSymbol):
        fail("a derivative by a scalar or an entry (v_ab) of an expression in matrices or "
             "vectors: entries written with lower-case letters are not linked to the matrix, "
             "so it is not read")  # fmt: skip


def other_layout(expr: sp.Basic) -> sp.Basic:
    """The same expression with every matrix derivative in the other layout (transposed)."""
    if not isinstance(expr, sp.Basic):
        return expr
    replacements = {}
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Transpose) and isinstance(node.arg, Jacobian):
            replacements[node] = node.arg  # denominator Jacobianᵀ → numerator Jacobian
        elif isinstance(node, Grad):
            replacements[node] = node.T
    return expr.xreplace(replacements) if replacements else expr


def has_matrix_derivative(expr: sp.Basic) -> bool:
    return isinstance(expr, sp.Basic) and bool(expr.atoms(Grad, Jacobian))


# the note itself writes ‖M‖_2² of a matrix as a double sum over its entries (d2l:
# ``\|\mathbf{X} - \mathbf{U}\mathbf{V}\|_2^{2} = \sum_{i, j}(x_{ij} - …)^2``): its ‖·‖_2 is Frobenius
ENTRYWISE_2_NORM = re.compile(
    r"\\\|[^|$]{1,200}?\\\|_\{?2\}?\^\{?2\}?\s*=\s*(?:\\frac\{d\}\{d(?:[^{}]|\{[^{}]*\}){1,20}\}\s*)?"
    r"\\sum_\{\s*[a-z]\s*,\s*[a-z]\s*\}"
)


def note_means_frobenius(math_text: str) -> bool:
    """Whether the note writes ‖M‖_2² as a double sum over entries (so ‖M‖_2 is Frobenius)."""
    return ENTRYWISE_2_NORM.search(math_text) is not None


def norm(
    inner: sp.Basic, subscript: str, fail: Callable[[str], None], frobenius_2: bool = False
) -> sp.Basic:
    r"""``\|inner\|`` with the subscript written after it ('' when none): see the module
    docstring for which norms are read; ``frobenius_2`` when the note itself writes ‖M‖_2² of
    a matrix as the sum of its squared entries (:func:`note_means_frobenius`)."""
    frobenius = subscript.replace(" ", "").replace("\\", "") in {
        s.replace(" ", "") for s in FROBENIUS
    }
    if subscript and not frobenius and subscript != "2":
        fail(f"the norm \\|·\\|_{subscript} is not read (only \\|x\\|, \\|x\\|_2 of vectors and "
             "\\|X\\|_F)")  # fmt: skip
    if is_vector(inner) or tuple(inner.shape) == (1, 1):
        column = inner if inner.shape[1] == 1 else inner.T
        return sp.sqrt((column.T * column)[0, 0])
    if frobenius or (frobenius_2 and subscript == "2"):
        return sp.sqrt(sp.Trace(inner.T * inner))
    fail(SPECTRAL_OR_FROBENIUS)
    raise AssertionError


def labelled(matrix: sp.MatrixSymbol, label: str) -> sp.MatrixSymbol:
    r"""``\mathbf{W}^{(1)}``: a layer label, part of the name (never a power or a derivative
    order), with the shape of the unlabelled name."""
    return sp.MatrixSymbol(f"{matrix.name}^{{({label})}}", *matrix.shape)
