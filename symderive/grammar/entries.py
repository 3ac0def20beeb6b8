r"""Entries of matrices and vectors written with indices, as read by the LaTeX grammar.

Notes that derive a matrix gradient by hand (d2l's matrix factorisation) write the entries of a
bold matrix with its lower-case letter: ``u_{ik}`` is the entry (i, k) of ``\mathbf{U}``,
``x_k`` the entry k of ``\mathbf{x}``, and ``[\mathbf{U}\mathbf{V}]_{ib}`` the entry (i, b) of
a product.  Read literally, ``u_{ik}`` is a scalar unrelated to ``\mathbf{U}`` and
``\frac{d}{dv_{ab}}\|\mathbf{X} - \mathbf{U}\mathbf{V}\|^2`` would be 0.

Which lower-case letters are entries of which bold names is decided for the whole chain by
:func:`symderive.notes.indices.entry_links` (``LatexContext.entries``); here each entry becomes
SymPy's ``MatrixElement`` of that matrix (0-based inside, written 1-based), so that the entries
*are* the matrix's entries once the sizes are instantiated.  A sum written without bounds over
an index of entries (``\sum_k u_{ik}v_{kb}``) runs over the size of the dimension the index
walks (the columns of U, the rows of V), never over an unrelated size ``n``; an index that
walks two different sizes is a shape mismatch (not read).
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.matrixcalc import Grad, Jacobian

ENTRY_READING = "entries of {matrix} (a lower-case {letter} with {count} index(es) beside the bold name)"


def index_symbol(letter: str, bound: list) -> sp.Basic:
    """The index a subscript letter names: the summation index in scope, else a free integer
    index (one symbol per letter, the same as a sum's index: ``Symbol(i, integer=True)``)."""
    if letter.isdigit():
        return sp.Integer(letter)
    for index in bound:
        if str(index) == letter:
            return index
    return sp.Symbol(letter, integer=True)


def subscript_indices(text: str) -> list[str] | None:
    """``ik`` → [i, k], ``i,k`` → [i, k], ``2`` → [2]; None when it is not a run of index
    letters or single digits (``u_{\\theta}``, ``x_{12}`` are names)."""
    pieces = [piece for piece in text.replace(" ", "").split(",") if piece]
    if len(pieces) > 1:
        letters = pieces
    elif pieces and pieces[0].isdigit():
        letters = [pieces[0]] if len(pieces[0]) == 1 else []
    elif pieces:
        letters = list(pieces[0])
    else:
        letters = []
    if not letters or not all(
        (len(piece) == 1 and piece.isalpha() and piece.islower()) or
        (len(piece) == 1 and piece.isdigit() and piece != "0")
        for piece in letters
    ):
        return None
    return letters


def linked_entry(
    letter: str, text: str, links: tuple, make_symbol: Callable, bound: list,
    readings: dict,
) -> sp.Basic | None:
    """``u_{ik}`` when the chain links ``u`` to ``\\mathbf{U}``: that matrix's entry; None
    when ``letter`` is not linked or the subscript does not fit the matrix (two indices of a
    matrix, one of a vector)."""
    matrix_name = dict(links).get(letter)
    if matrix_name is None:
        return None
    letters = subscript_indices(text)
    if letters is None:
        return None
    matrix = make_symbol(matrix_name)
    if not isinstance(matrix, sp.MatrixSymbol):
        return None
    vector = matrix.shape[1] == 1
    if len(letters) != (1 if vector else 2):
        return None
    indices = [index_symbol(piece, bound) - 1 for piece in letters]
    readings.setdefault(f"{letter}_{{..}}", ENTRY_READING.format(
        matrix=matrix_name, letter=letter, count=len(letters)))
    if vector:
        return matrix[indices[0], 0]
    return matrix[indices[0], indices[1]]


def bracket_entry(matrix: sp.MatrixExpr, text: str, bound: list, fail: Callable) -> sp.Basic:
    """``[\\mathbf{U}\\mathbf{V}]_{ib}``, ``[(\\mathbf{A}+\\mathbf{A}^\\top)\\mathbf{x}]_k``: the
    entry of a matrix expression at the written (1-based) indices."""
    letters = subscript_indices(text)
    rows, cols = matrix.shape
    if letters is None:
        fail(f"the subscript {text!r} of a bracketed matrix is not an index")
        raise AssertionError
    if cols == 1 and len(letters) == 1:
        i, j = index_symbol(letters[0], bound) - 1, sp.S.Zero
    elif rows == 1 and len(letters) == 1:
        i, j = sp.S.Zero, index_symbol(letters[0], bound) - 1
    elif len(letters) != 2:
        fail(f"[…]_{{{text}}}: {len(letters)} index(es) of a matrix of two dimensions")
        raise AssertionError
    else:
        i, j = (index_symbol(piece, bound) - 1 for piece in letters)
    if isinstance(matrix, (Grad, Jacobian)) or (
        isinstance(matrix, sp.Transpose) and isinstance(matrix.arg, (Grad, Jacobian))
    ):  # [∇_x f]_k: the entry of the derivative, taken once the matrices are explicit
        return MatrixElement(matrix, i, j)
    return matrix[i, j]


def walked_sizes(expr: sp.Basic, index: sp.Symbol) -> set:
    """The sizes of the dimensions ``index`` walks as an entry index (``k`` of ``u_{ik}``:
    the columns of U)."""
    sizes = set()
    for element in expr.atoms(MatrixElement):
        parent = element.parent
        if not isinstance(parent, sp.MatrixExpr):
            continue
        for position, value in enumerate((element.i, element.j)):
            if value == index - 1:
                sizes.add(parent.shape[position])
    return sizes


def range_from_shapes(body: sp.Basic, index: sp.Symbol, default: sp.Basic, fail: Callable):
    """The upper bound of ``\\sum_k body`` written without bounds: the size ``k`` walks in the
    entries of ``body`` (``default``, the implicit n, when it walks none)."""
    sizes = walked_sizes(body, index)
    if not sizes:
        return default
    if len(sizes) > 1:
        fail(f"the index {index} walks dimensions of sizes {', '.join(map(str, sorted(sizes, key=str)))}: "
             "the matrix shapes do not fit (a shape mismatch, not read)")  # fmt: skip
    return next(iter(sizes))


def bounded_range(body: sp.Basic, index: sp.Symbol, low: sp.Basic, high: sp.Basic,
                  default: sp.Basic, fail: Callable) -> sp.Basic:
    """The upper bound of ``\\sum_{i=1}^{n} x_i y_i`` with x, y entries of vectors: the written
    ``n`` when ``i`` walks no entry; else the range must be the whole dimension the index
    walks, from 1 to its size (``n`` of ``\\mathbf{x} \\in \\mathbb{R}^n``, returned as that
    dimension's own symbol), or to any one bound when the size is the undeclared ``default``
    (:func:`sized_by_sums` then gives the vectors that size).  Any other range (``i = 0``,
    ``n - 1``, a declared size ``d`` against ``n``) is not read: part of a vector, or an
    index beyond it."""
    sizes = walked_sizes(body, index)
    if not sizes:
        return high
    written = sorted((size for size in sizes if size != default), key=str)
    if low != 1 or not _single_size(high) or any(str(size) != str(high) for size in written):
        dimension = ", ".join(map(str, written)) or "the vectors' size"
        fail(f"the sum over {index} runs from {low} to {high}, but {index} walks entries of "
             f"dimension {dimension}: the range is not the whole vector (not read)")
    return written[0] if written else high


def _single_size(bound: sp.Basic) -> bool:
    """A size a vector can have: one letter (n, d, K) or a whole number 1..9."""
    if isinstance(bound, sp.Integer):
        return 1 <= int(bound) <= 9
    return isinstance(bound, sp.Symbol) and len(bound.name) == 1 and bound.name.isalpha()


def sized_by_sums(raws: list, default: sp.Basic, defined: dict, fail_with: Callable) -> list:
    """Every element of a chain whose sums run over the entries of its vectors and matrices,
    with one size symbol for the written bound and the shapes: ``\\mathbf{w}^\\top \\mathbf{x} +
    b = \\sum_{j=1}^{d} w_j x_j + b`` is about vectors of d entries (the undeclared size
    ``default`` becomes d), and a ``1/n`` beside ``\\sum_{i=1}^{n} x_i`` with ``\\mathbf{x} \\in
    \\mathbb{R}^n`` is that size.  Sums to different bounds of the undeclared size, or a size
    the note gives a value other than a whole number (``defined``, name → value; "Let $n = 3$"
    fixes the shapes too: :func:`symderive.notes.indices.sizes_from_prose`), make the chain
    not read (``fail_with(reason)`` is put in place of each element)."""
    defined = {name for name, value in defined.items()
               if not (isinstance(value, sp.Integer) and value > 0)}
    undeclared: dict[str, sp.Basic] = {}
    sizes: dict[str, sp.Basic] = {}
    for raw in raws:
        if not isinstance(raw, sp.Basic):
            continue
        for node in raw.atoms(sp.Sum, sp.Product):
            for index, _low, high in node.limits:
                walked = walked_sizes(node.function, index)
                if default in walked:
                    undeclared[str(high)] = high
                elif walked:
                    sizes[str(high)] = high
    if not undeclared and not sizes:
        return raws
    if len(undeclared) > 1 or set(undeclared) & set(defined):
        reason = (f"sums over the entries of vectors run to {' and '.join(sorted(undeclared))}"
                  + (", a name the note defines" if len(undeclared) == 1 else "")
                  + ": the vectors' size is not one thing (not read)")
        return [raw if not isinstance(raw, sp.Basic) else fail_with(reason) for raw in raws]
    renamed: dict = {}
    for name, bound in undeclared.items():
        sizes[name] = bound if isinstance(bound, sp.Integer) else sp.Symbol(
            name, integer=True, positive=True)
        renamed[default] = sizes[name]
    for raw in raws:  # the same letter elsewhere in the chain (1/n) is the same size
        if isinstance(raw, sp.Basic):
            renamed.update({symbol: sizes[symbol.name] for symbol in raw.free_symbols
                            if isinstance(symbol, sp.Symbol) and symbol.name in sizes
                            and symbol != sizes[symbol.name]})
    if any(str(symbol) in defined for symbol in renamed if symbol != default):
        reason = ("a size of the vectors is also a name the note gives a value: which one the "
                  "chain means is not one thing (not read)")
        return [raw if not isinstance(raw, sp.Basic) else fail_with(reason) for raw in raws]
    return [raw.xreplace(renamed) if isinstance(raw, sp.Basic) else raw for raw in raws]


def nested_subscript(tokens: Callable, name: str):
    """``f_{y_i}``, ``w_{y_i}``: the entry of ``name`` at the label ``y_i`` (an integer index,
    cs231n's correct class of example i), or None when the subscript is not ``{letter_letter}``
    (``{letter_digit}``).  ``tokens(k)`` peeks the k-th token from the current one ('_')."""
    kinds = [tokens(k) for k in range(6)]
    if not (kinds[0].text == "_" and kinds[1].text == "{" and kinds[2].kind == "letter"
            and kinds[3].text == "_" and kinds[4].kind in ("letter", "number")
            and len(kinds[4].text) == 1 and kinds[5].text == "}"):  # fmt: skip
        return None
    label = sp.Symbol(f"{kinds[2].text}_{kinds[4].text}", integer=True)
    return sp.IndexedBase(name)[label]


def refuse_unlinked_entry_derivative(function: sp.Basic, variables: list, fail: Callable) -> None:
    """``\\frac{d}{dv_{ab}} \\sum_k w_k v_{kb}`` with ``v`` linked to no matrix: ``v_{ab}`` and
    ``v_{kb}`` are read as unrelated scalars and SymPy would answer 0 although the note means
    entries of one array (the derivative is w_a): not read.  Distinct numbered entries
    (``v_{11}``, ``v_{12}``) are distinct scalars and stay read."""
    if not isinstance(function, sp.Basic):
        return
    for variable in variables:
        if not isinstance(variable, sp.Symbol):
            continue
        stem, _, script = variable.name.partition("_")
        written = subscript_indices(script.strip("{}")) if script else None
        if not written or len(written) < 2:
            continue  # one index: x_k beside a sum over x_k is an entry (normalise_indices)
        for symbol, found in entries_of_letter(function, stem):
            if symbol == variable or len(found) < 2:
                continue
            if any(piece.isalpha() for piece in written + found):
                fail(f"a derivative by the entry {variable} of an expression in the entries "
                     f"{symbol} of the same array, linked to no matrix (SymPy would answer 0 "
                     "for a different-looking entry; only instantiated arrays give "
                     "∂v_kj/∂v_ab = [k = a][j = b]): not read")  # fmt: skip


def entries_of_letter(expr: sp.Basic, stem: str) -> list:
    """Every entry of the letter ``stem`` in ``expr`` with its written index pieces, however the
    grammar read it: the scalar ``v_kb`` (→ [k, b]), the row family ``v_k[j]`` of ``v_{kj}``
    inside sums over k and j (→ [k, j]), ``v[k, j]`` (→ [k, j]), ``v_k[k]`` of ``v_{kk}``."""
    found = []
    for atom in expr.atoms(sp.Symbol, sp.Indexed):
        if isinstance(atom, sp.Indexed):
            label = str(atom.base.label)
            base, _, head = label.partition("_")
            pieces = subscript_indices(head.strip("{}")) if head else []
            tail = [str(index) for index in atom.indices]
            if base != stem or pieces is None or not all(
                    subscript_indices(piece) == [piece] for piece in tail):  # fmt: skip
                continue
            found.append((atom, pieces + tail))
            continue
        base, _, script = atom.name.partition("_")
        pieces = subscript_indices(script.strip("{}")) if script else None
        if base == stem and pieces:
            found.append((atom, pieces))
    return found
