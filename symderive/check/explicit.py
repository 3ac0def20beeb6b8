"""Matrix expressions made explicit: MatrixSymbols become matrices of scalar symbols.

Checking ``Grad((W*x).T*(W*x), x) = 2*W.T*W*x`` entrywise on an explicit 2×3 ``W`` avoids
SymPy's MatrixSymbol calculus, whose conventions can silently give wrong results.  Symbolic
sizes (``MatrixSymbol("W", n, n)``) are instantiated by the caller first.
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.matrixcalc import EntryMatrix, Grad, Jacobian


def explicit_matrices(
    symbols: set[sp.MatrixSymbol], symmetric: frozenset[str] | set[str] = frozenset()
) -> dict[sp.MatrixSymbol, sp.ImmutableMatrix]:
    """One real scalar symbol per entry: W → [[W_11, W_12, ...], ...] (1-based names); a
    square matrix named in ``symmetric`` has one symbol per pair: A_21 is A_12."""
    mapping = {}
    for matrix in sorted(symbols, key=sp.default_sort_key):
        rows, cols = (int(dimension) for dimension in matrix.shape)
        tied = matrix.name in symmetric and rows == cols

        def entry(i: int, j: int, name=matrix.name, rows=rows, cols=cols, tied=tied):
            i, j = (min(i, j), max(i, j)) if tied else (i, j)
            return sp.Symbol(_entry_name(name, i, j, rows, cols), real=True)

        entries = [[entry(i, j) for j in range(cols)] for i in range(rows)]
        mapping[matrix] = sp.ImmutableMatrix(entries)
    return mapping


def _entry_name(name: str, i: int, j: int, rows: int, cols: int) -> str:
    """W_12 for a matrix entry, v_3 for a vector entry (1-based, as in the notes)."""
    if rows == 1 or cols == 1:
        return f"{name}_{i + j + 1}"
    separator = "," if max(rows, cols) > 9 else ""
    return f"{name}_{i + 1}{separator}{j + 1}"


def make_explicit(expr: sp.Basic, mapping: dict) -> sp.Basic:
    """Evaluate ``expr`` with explicit matrices; Grad/Jacobian nodes are done entrywise."""
    if not isinstance(expr, sp.Basic):
        return expr
    expr = _entry_matrices(expr, mapping)  # entries hook (symderive.matrixcalc.EntryMatrix)
    calculus_nodes = [
        node for node in sp.postorder_traversal(expr) if isinstance(node, (Grad, Jacobian))
    ]
    for node in calculus_nodes:
        if node not in expr.atoms(Grad, Jacobian):
            continue
        expr = expr.xreplace({node: _evaluate_calculus(node, mapping)})
    expr = expr.xreplace(mapping)
    if expr.atoms(MatrixElement):  # entries u_ik of explicit matrices: sums written out
        expr = written_out(expr)  # before derivatives are done (SymPy's would give 0)
    expr = _evaluate(expr)
    return as_plain(expr)


def _entry_matrices(expr: sp.Basic, mapping: dict) -> sp.Basic:
    """Each :class:`EntryMatrix` (a claim about one entry at free indices) made explicit:
    its body at every value of its indices, each made explicit on its own."""
    for node in [n for n in sp.postorder_traversal(expr) if isinstance(n, EntryMatrix)]:
        if node not in expr.atoms(EntryMatrix):
            continue
        rows, cols = (int(dimension) for dimension in node.shape)
        closed = node.func(_closed_parts(node.body, mapping), *node.args[1:])
        explicit = sp.ImmutableMatrix(
            rows, cols,
            lambda i, j, closed=closed: _scalar(make_explicit(closed.entry_at(i, j), mapping)),
        )
        expr = expr.xreplace({node: explicit})
    return expr


def _closed_parts(body: sp.Basic, mapping: dict) -> sp.Basic:
    """The scalar parts of an entry claim that depend on no index (‖X − UV‖² under d/dv_ab)
    made explicit once, not once per entry."""
    closed = {}

    def visit(node: sp.Basic) -> None:
        if (
            isinstance(node, sp.Expr) and not isinstance(node, sp.MatrixExpr)
            and node.atoms(sp.MatrixSymbol)
            and not node.atoms(sp.Symbol)  # no index, bound or free: the same for every entry
        ):  # fmt: skip
            closed[node] = make_explicit(node, mapping)
            return
        for argument in node.args:
            if isinstance(argument, sp.Basic):
                visit(argument)

    visit(body)
    return body.xreplace(closed) if closed else body


def written_out(expr: sp.Basic) -> sp.Basic:
    """Sums with numeric bounds (one or several limits, ``\\sum_{i, j}``) written out term by
    term, innermost first; other sums are left as they are."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum):
        return expr
    arguments = tuple(written_out(argument) for argument in expr.args)
    if arguments != expr.args:
        expr = expr.func(*arguments)
    if not isinstance(expr, sp.Sum):
        return expr
    if not all(low.is_Integer and high.is_Integer for _, low, high in expr.limits):
        return expr
    terms = [expr.function]
    for index, low, high in expr.limits:  # the first limit is the innermost
        if high - low >= 1000:
            return expr
        terms = [term.xreplace({index: sp.Integer(k)}) for term in terms
                 for k in range(int(low), int(high) + 1)]
    return sp.Add(*terms)


def _scalar(value: sp.Basic) -> sp.Basic:
    if getattr(value, "is_Matrix", False):
        raise ValueError(f"an entry is a matrix of shape {value.shape}")
    return value


def _evaluate(expr: sp.Basic) -> sp.Basic:
    evaluated = expr.doit()
    if isinstance(evaluated, sp.MatrixExpr) and not isinstance(evaluated, sp.MatrixBase):
        evaluated = evaluated.as_explicit()
    return evaluated


def as_plain(expr: sp.Basic) -> sp.Basic:
    """A 1×1 matrix is its entry; other matrices stay (immutable) matrices."""
    if getattr(expr, "is_Matrix", False):
        matrix = sp.ImmutableMatrix(expr)
        if matrix.shape == (1, 1):
            return matrix[0, 0]
        return matrix
    return expr


def _evaluate_calculus(node: sp.Basic, mapping: dict) -> sp.ImmutableMatrix:
    function = make_explicit(node.function, mapping)
    wrt = node.wrt
    wrt_explicit = mapping.get(wrt, wrt) if isinstance(wrt, sp.MatrixSymbol) else wrt
    wrt_explicit = sp.ImmutableMatrix(_evaluate(wrt_explicit))
    if isinstance(node, Grad):
        if getattr(function, "is_Matrix", False):
            raise ValueError(f"Grad needs a scalar function, got shape {function.shape}")
        return sp.ImmutableMatrix(
            wrt_explicit.rows,
            wrt_explicit.cols,
            lambda i, j: sp.diff(function, wrt_explicit[i, j]),
        )
    outputs = (
        list(sp.ImmutableMatrix(function)) if getattr(function, "is_Matrix", False) else [function]
    )
    inputs = list(wrt_explicit)
    return sp.ImmutableMatrix(
        len(outputs), len(inputs), lambda i, j: sp.diff(outputs[i], inputs[j])
    )
