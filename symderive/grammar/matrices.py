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
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.grammar.negation import denied
from symderive.grammar.shape_words import key as _key
from symderive.grammar.shape_words import stated_shapes
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


def _dimension(text: str) -> sp.Basic:
    if text.isdigit():
        return sp.Integer(text)
    return sp.Symbol(text, integer=True, positive=True)


def declared_shapes(text: str) -> tuple[tuple[str, tuple], ...]:
    r"""Shapes the prose gives (``\mathbf{X} \in \mathbb{R}^{n \times d}``, ``\mathbf{x} \in
    \mathbb{R}^d``, ``$\mathbf{U}$ is an $n \times r$``, ``For a $2 \times 2$ matrix
    $\mathbf{A}$``: :mod:`symderive.grammar.shape_words`), with symbolic sizes or sizes of one
    digit; a name declared with two different shapes in ``text`` is left out (its shape is
    not one thing)."""
    return one_shape_each(shape_statements(text))


def shape_statements(text: str) -> tuple[tuple[int, str, tuple], ...]:
    """(line, name, shape) for every shape ``text`` states that the grammar can use (symbolic
    sizes or sizes of one digit), in order: where each holds is the section tree's business
    (:mod:`symderive.notes.sections`)."""
    return tuple(
        (stated.line, stated.name, (_dimension(stated.rows), _dimension(stated.columns)))
        for stated in stated_shapes(text)
        if not stated.by_value and all(re.fullmatch(r"[a-z]|[1-9]", size)
                                       for size in (stated.rows, stated.columns))
    )  # a size of two digits is not instantiated (the section's doubt reads it)


def one_shape_each(statements) -> tuple[tuple[str, tuple], ...]:
    """(name, shape) for each name the (line, name, shape) ``statements`` give one shape; a
    name given two different shapes is left out (its shape is not one thing)."""
    found: dict[str, set] = {}
    for _line, name, shape in statements:
        found.setdefault(name, set()).add(shape)
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

    from symderive.grammar.latex import MATRIX_SIZE

    def checked(values: list) -> list:
        """Every element not read when the chain's sizes are not covered by the check."""
        problem = size_problem(values, MATRIX_SIZE)
        if not problem:
            return values
        return [v if isinstance(v, ParseError) else ParseError(problem) for v in values]

    def default_shapes() -> list:
        return checked([attempt(element, context) for element in elements])

    declared_names = {name for name, _ in declared}
    # a capital the note transposes has the default square shape unless the prose declares one
    default = (MATRIX_SIZE, MATRIX_SIZE)
    kept = tuple(
        (name, shape) for name, shape in context.shapes
        if not (name in declared_names and tuple(shape) == default)
    )  # fmt: skip
    known = {name for name, _ in kept}
    extra = tuple((name, shape) for name, shape in declared if name not in known)
    if not extra:
        return default_shapes()
    shaped_context = replace(context, shapes=kept + extra)
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
            return default_shapes()
    shapes_of = [tuple(v.shape) for v in shaped if isinstance(v, sp.MatrixExpr)]
    if len(set(shapes_of)) > 1 and not problems and not size_problem(shaped, MATRIX_SIZE):
        return default_shapes()
    return checked([problems.get(index, value) for index, value in enumerate(shaped)])


# -- which sizes a check at square instances covers ------------------------------------------
# Padding every matrix with zeros to one square size commutes with sums, products (and positive
# whole powers, which are products), transposes, traces and entrywise products: a claim in
# those holds at every shape that fits iff it holds at the square sizes.  Determinants,
# inverses, other powers, the identity matrix, functions of matrices and anything else do not
# commute with padding: there the square instances cover only the shapes the claim itself
# forces to be square and equal.


_UNSAFE_NAMES = {sp.Determinant: "a determinant", sp.Inverse: "an inverse"}


class _Sizes:
    """Union–find over the dimensions of the matrices of one chain (see :func:`size_problem`)."""

    def __init__(self, default: sp.Basic):
        self.default = default
        self.parent: dict = {}
        self.unsafe: list[str] = []  # operations that do not commute with padding
        self.fresh = 0

    def find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first, second) -> None:
        self.parent[self.find(first)] = self.find(second)

    def new(self) -> tuple:
        self.fresh += 1
        return ("fresh", self.fresh)

    def dimension(self, name: str, position: int, value: sp.Basic):
        """A matrix's dimension: the written size, or its own unknown size when undeclared."""
        return ("unknown", name, position) if value == self.default else value

    def square(self, shape) -> None:
        self.union(shape[0], shape[1])

    def shape(self, node: sp.Basic):
        """(rows, columns) of a matrix-valued node (as union–find items), None for scalars."""
        if isinstance(node, sp.MatrixSymbol):
            return tuple(self.dimension(node.name, i, v) for i, v in enumerate(node.shape))
        if isinstance(node, sp.Transpose):
            inner = self.shape(node.arg)
            return (inner[1], inner[0]) if inner else None
        if isinstance(node, sp.MatMul):
            shapes = [s for s in (self.shape(arg) for arg in node.args) if s is not None]
            for left, right in zip(shapes, shapes[1:]):
                self.union(left[1], right[0])
            return (shapes[0][0], shapes[-1][1]) if shapes else None
        if isinstance(node, (sp.MatAdd, sp.HadamardProduct)):
            shapes = [s for s in (self.shape(arg) for arg in node.args) if s is not None]
            for other in shapes[1:]:
                self.union(shapes[0][0], other[0])
                self.union(shapes[0][1], other[1])
            return shapes[0] if shapes else None
        if isinstance(node, (sp.Trace, sp.Determinant, sp.Inverse, sp.MatPow)):
            # each needs a square argument; only the trace and whole powers survive padding
            if isinstance(node, sp.MatPow):
                self.shape(node.exp)
                if not (node.exp.is_Integer and node.exp > 0):
                    self.unsafe.append("a matrix power other than a positive whole one")
            elif not isinstance(node, sp.Trace):
                self.unsafe.append(_UNSAFE_NAMES[type(node)])
            inner = self.shape(node.args[0])
            if inner:
                self.square(inner)
            return None if isinstance(node, (sp.Trace, sp.Determinant)) else inner
        if isinstance(node, sp.ZeroMatrix):
            return (self.new(), self.new())
        if isinstance(node, Grad):
            self.shape(node.function)
            return self.shape(node.wrt)
        if isinstance(node, Jacobian):  # numerator layout: (length of f) × (length of x)
            function, wrt = self.shape(node.function), self.shape(node.wrt)
            return tuple(
                self.new() if shape is None else shape[0] if _is_one(shape[1]) else shape[1]
                for shape in (function, wrt)
            )
        if isinstance(node, MatrixElement):  # an entry: padding keeps it
            self.shape(node.parent)
            return None
        if isinstance(node, sp.MatrixExpr):
            for arg in node.args:
                if isinstance(arg, sp.Basic):
                    self.shape(arg)
            self.unsafe.append(f"{type(node).__name__}" if not isinstance(node, sp.Identity)
                               else "the identity matrix")  # fmt: skip
            return (self.new(), self.new())
        matrices_inside = False
        for arg in node.args:
            if isinstance(arg, sp.Basic) and self.shape(arg) is not None:
                matrices_inside = True
        if matrices_inside and not isinstance(node, (sp.Tuple,)):
            self.unsafe.append(f"{type(node).__name__} of a matrix")
        return None


def size_problem(values: Sequence[sp.Basic], default: sp.Basic) -> str:
    """Why a check of this chain at the instantiated sizes would not cover every shape the
    note allows, or ''.

    ``values`` are the chain's sides as read; a matrix whose dimension is ``default`` (the
    shared square size of undeclared matrices) has a size of its own, unknown.  Two cases:

    * the written sizes are made equal by the claim (``det(A)`` with A n × d): the claim is
      ill-formed wherever they differ (n ≠ d) — a check at the sizes that happen to fit would
      say nothing of the others;
    * the claim uses an operation that does not commute with zero padding (a determinant, an
      inverse, …) while unknown sizes stay free (``det(X Xᵀ)`` with X of unknown shape):
      square instances cover only a special case.
    """
    values = [v for v in values if isinstance(v, sp.Basic)]
    if not any(v.atoms(sp.MatrixSymbol) for v in values):
        return ""
    sizes = _Sizes(default)
    shapes = []
    for value in values:
        try:
            shape = sizes.shape(value)
        except (AttributeError, IndexError, TypeError, RecursionError):
            return "the shapes of the matrices could not be followed"
        if shape is not None:
            shapes.append(shape)
    shapes = [s for s in shapes if not (_is_one(s[0]) and _is_one(s[1]))]  # 1×1 = a number
    for other in shapes[1:]:
        sizes.union(shapes[0][0], other[0])
        sizes.union(shapes[0][1], other[1])
    classes: dict = {}
    for item in list(sizes.parent):
        classes.setdefault(sizes.find(item), []).append(item)
    for members in classes.values():
        written = sorted({m for m in members if isinstance(m, sp.Basic)}, key=sp.default_sort_key)
        if len(written) > 1:
            equal = " = ".join(str(m) for m in written)
            return (f"the matrix shapes make the claim well-formed only where {equal}: at the "
                    "other sizes it is not defined, so it is not checked on the sizes that fit")
    if sizes.unsafe:
        free = [members for members in classes.values()
                if any(isinstance(m, tuple) and m[0] == "unknown" for m in members)]  # fmt: skip
        names = sorted({m[1] for members in free for m in members
                        if isinstance(m, tuple) and m[0] == "unknown"})  # fmt: skip
        if len(free) > 1 or any(
            any(isinstance(m, sp.Basic) for m in members) for members in free
        ):
            return (f"the claim uses {sizes.unsafe[0]} and the shapes of {', '.join(names)} are "
                    "not known (nor forced square by the claim): checking square instances only "
                    "would cover a special case; state the shapes "
                    "(\\mathbf{X} \\in \\mathbb{R}^{n \\times d}) or 'assume NAME matrix R C'")
    return ""


def _is_one(item) -> bool:
    return isinstance(item, sp.Basic) and item == 1


# -- properties of matrices stated in words ---------------------------------------------------
PROPERTY = (
    r"(?P<property>(?:skew[- ]?|anti-?)?symmetric|positive\s+(?:semi-?)?definite|orthogonal|"
    r"diagonal|invertible|non-?singular|idempotent|unitary|(?:upper|lower)\s+triangular|"
    r"orthonormal|비?대칭|(?:양의\s*)?(?:준)?정부호|직교|대각|가역)"
)
_ONE = r"\$\s*(?P<name>" + _NAME[1:-1] + r")\s*\$"
_OTHERS = r"(?P<more>(?:\s*(?:,|and|과|와)\s*\$\s*(?:" + _NAME[1:-1] + r")\s*\$){0,12})"
STATED_AFTER = re.compile(
    _ONE + _OTHERS + r"\s*(?:(?:is|be|are|은|는|이|가)\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:(?:real|square|n\s*\\times\s*n|\$[^$\n]{1,20}\$)\s+){0,3}" + PROPERTY, re.I
)
STATED_BEFORE = re.compile(
    PROPERTY + r"\s*(?:(?:real|square)\s+)?(?:matri(?:x|ces)|행렬)\s+" + _ONE + _OTHERS, re.I
)


def stated_properties(text: str) -> list[tuple[str, str, int]]:
    r"""Matrices the prose gives a property in words (``Let $\mathbf{A}$ be a symmetric
    matrix``, ``the positive definite matrix $\Sigma$``, ``$A$는 대칭 행렬``): (name as the
    grammar spells it, the property in lower case, line)."""
    found = []
    for pattern in (STATED_AFTER, STATED_BEFORE):
        for match in pattern.finditer(text):
            if denied(text, match.start("property"), match.end(), named_from=match.start()):
                continue  # "$A$는 대칭 행렬이 아닙니다", "a nonsymmetric matrix $A$": not stated
            line = text.count("\n", 0, match.start()) + 1
            names = [match.group("name")] + re.findall(
                r"\$\s*(" + _NAME[1:-1] + r")\s*\$", match.group("more") or ""
            )
            for name in names:
                found.append((_key(name), " ".join(match.group("property").lower().split()), line))
    return found


def properties_in_section(
    stated: list, headings: list, line: int
) -> list[tuple[str, str, int]]:
    """The stated properties in the section of ``line`` (from its heading to the next)."""
    start = max((h for h in headings if h <= line), default=1)
    end = min((h for h in headings if h > line), default=None)
    return [p for p in stated if p[2] >= start and (end is None or p[2] < end)]


def is_symmetric_word(word: str) -> bool:
    """'symmetric' or 대칭 itself (not skew-, anti- or 비대칭)."""
    return word in ("symmetric", "대칭")
