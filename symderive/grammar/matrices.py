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

BARS_OF_AN_ARRAY = (
    "|x| of a vector or matrix may be its Euclidean norm, its entries' absolute values or (|A|) "
    "a determinant: not read (write \\|x\\| for the norm, \\det A for the determinant)"
)
LAYOUT_READING = "derivatives by it in denominator layout (shaped like it; ∇_x Ax = Aᵀ)"
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


def as_scalar(value: sp.Basic) -> sp.Basic:
    """A 1 × 1 matrix expression (``wᵀx``) is the number it holds; anything else unchanged."""
    if isinstance(value, sp.MatrixExpr) and tuple(value.shape) == (1, 1):
        return sp.Trace(value)  # its one entry; written out only at instantiation (fast)
    return value


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
# ``\|\mathbf{X} - \mathbf{U}\mathbf{V}\|_2^{2} = \sum_{i, j}(x_{ij} - …)^2``): ‖·‖_2 is
# Frobenius there
ENTRYWISE_2_NORM = re.compile(
    r"\\\|[^|$]{1,200}?\\\|_\{?2\}?\^\{?2\}?\s*=\s*"
    r"(?:\\frac\{d\}\{d(?:[^{}]|\{[^{}]*\}){1,20}\}\s*)?"  # the same d/dv_{ab} on both sides
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
        return sp.sqrt(sp.Trace(column.T * column))  # tr of 1×1: entries stay a product
    if frobenius or (frobenius_2 and subscript == "2"):
        return sp.sqrt(sp.Trace(inner.T * inner))
    fail(SPECTRAL_OR_FROBENIUS)
    raise AssertionError


def labelled(matrix: sp.MatrixSymbol, label: str, shape_of: Callable) -> sp.MatrixSymbol:
    r"""``\mathbf{W}^{(1)}``: a layer label, part of the name (never a power or a derivative
    order), with its declared shape, else the shape of the unlabelled name."""
    name = f"{matrix.name}^{{({label})}}"
    return sp.MatrixSymbol(name, *(shape_of(name) or matrix.shape))


# -- shapes the note declares in its prose ---------------------------------------------------
_NAME = r"(\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\}(?:\^\{\(\d\)\})?|[A-Z])"
_SIZE = r"(?:[a-z]|\d)"
DECLARED_IN = re.compile(
    _NAME + r"\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^\s*(?:\{\s*(" + _SIZE + r")\s*(?:\\times\s*("
    + _SIZE + r")\s*)?\}|(" + _SIZE + r"))"
)
DECLARED_IS = re.compile(
    r"\$\s*" + _NAME + r"\s*\$\s+is\s+an?\s+\$\s*(" + _SIZE + r")\s*\\times\s*(" + _SIZE
    + r")\s*\$"
)


def _dimension(text: str) -> sp.Basic:
    if text.isdigit():
        return sp.Integer(text)
    return sp.Symbol(text, integer=True, positive=True)


def _key(name: str) -> str:
    """The name as the grammar spells it: ``\\mathbf{W}^{(1)}``, ``A``."""
    name = re.sub(r"\s+", "", name)
    name = re.sub(r"\\(?:boldsymbol|bm)\{", r"\\mathbf{", name)
    return name


def declared_shapes(text: str) -> tuple[tuple[str, tuple], ...]:
    r"""Shapes the prose gives (``\mathbf{X} \in \mathbb{R}^{n \times d}``, ``\mathbf{x} \in
    \mathbb{R}^d``, ``$\mathbf{U}$ is an $n \times r$``), with symbolic sizes; a name declared
    with two different shapes in the file is left out (its shape is not one thing)."""
    found: dict[str, set] = {}
    for match in DECLARED_IN.finditer(text):
        name, rows, columns, single = match.groups()
        shape = (
            (_dimension(single), sp.Integer(1)) if single
            else (_dimension(rows), _dimension(columns) if columns else sp.Integer(1))
        )  # fmt: skip
        found.setdefault(_key(name), set()).add(shape)
    for match in DECLARED_IS.finditer(text):
        name, rows, columns = match.groups()
        found.setdefault(_key(name), set()).add((_dimension(rows), _dimension(columns)))
    return tuple(
        (name, next(iter(shapes))) for name, shapes in sorted(found.items()) if len(shapes) == 1
    )


def shape_problem(expr: sp.Basic) -> str:
    """Why the declared shapes do not fit in ``expr`` (sizes compared as written), or ''.

    SymPy accepts ``X − U`` for an n×m and an n×r matrix (it cannot tell m from r), so the
    shapes are compared here, structurally."""
    if not isinstance(expr, sp.Basic):
        return ""
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.MatMul):
            factors = [f for f in node.args if isinstance(f, sp.MatrixExpr)]
            for left, right in zip(factors, factors[1:]):
                if left.shape[1] != right.shape[0]:
                    return (f"{_shape_text(left)} times {_shape_text(right)}: the inner sizes "
                            "differ")  # fmt: skip
        elif isinstance(node, (sp.MatAdd, sp.HadamardProduct)):
            shapes = {tuple(term.shape) for term in node.args if isinstance(term, sp.MatrixExpr)}
            if len(shapes) > 1:
                terms = ", ".join(_shape_text(t) for t in node.args if isinstance(t, sp.MatrixExpr))
                return f"a sum of {terms}: the shapes differ"
    return ""


def _shape_text(value: sp.Basic) -> str:
    rows, columns = value.shape
    return f"{sp.sstr(value)} ({rows}×{columns})"


def read_with_declared_shapes(
    elements: Sequence[str], parse: Callable, context, declared: tuple
) -> list:
    """``parse(element, latex_context)`` for each element of one chain, with the shapes the
    prose declares when they fit the whole chain; where they do not fit an expression of
    declared names only, that element is reported (the note's shapes contradict it), and
    otherwise the chain is read with the default shapes (square, one size), as before."""
    from dataclasses import replace

    from symderive.errors import ParseError

    def attempt(element, latex_context):
        try:
            return parse(element, latex_context)
        except ParseError as problem:
            return problem

    known = {name for name, _ in context.shapes}
    extra = tuple((name, shape) for name, shape in declared if name not in known)
    if not extra:
        return [attempt(element, context) for element in elements]
    shaped_context = replace(context, shapes=context.shapes + extra)
    shaped = [attempt(element, shaped_context) for element in elements]
    names = {name for name, _ in extra}
    problems = {}
    for index, value in enumerate(shaped):
        if isinstance(value, ParseError):
            continue
        problem = shape_problem(value)
        matrices_used = {m.name for m in value.atoms(sp.MatrixSymbol)} if not problem else set()
        if problem and all(
            m.name in names or m.name in known for m in value.atoms(sp.MatrixSymbol)
        ):
            problems[index] = ParseError(
                f"the matrix shapes the note declares do not fit: {problem} (a shape mismatch, "
                "not a value to refute)"
            )
        elif problem or (matrices_used - names - known and matrices_used & names):
            return [attempt(element, context) for element in elements]  # default shapes
    shapes_of = [tuple(v.shape) for v in shaped if isinstance(v, sp.MatrixExpr)]
    if len(set(shapes_of)) > 1 and not problems:
        return [attempt(element, context) for element in elements]
    return [problems.get(index, value) for index, value in enumerate(shaped)]
