r"""``\begin{pmatrix} a & b \\ c & d \end{pmatrix}``: a matrix written entry by entry, read as a
SymPy ``ImmutableMatrix`` (``bmatrix``, ``Bmatrix``, ``matrix``, ``smallmatrix`` alike;
``vmatrix`` is its determinant; a one-entry ``vmatrix`` — |x| or det — and, in a note about
binomial coefficients, a two-row column in parentheses — n choose k, as ``pmatrix`` or as
``\left(\begin{matrix} … \end{matrix}\right)`` — are not read).

Each entry is read by the same grammar (a sub-parser on the same note context).  Read only when
every entry is: rows of one length, no ellipsis (``\cdots``, ``\vdots``, ``\ddots``: a matrix of
unknown size is not this one), no entry that is itself a matrix — nor a name the note defines
as a vector or matrix (``\begin{pmatrix} u & v \end{pmatrix}`` of column vectors u, v is a
block matrix, round 44 U05) —, no nested environment, at most
``MAX_SIDE`` rows and columns.  ``Vmatrix`` (a norm) is not read.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.grammar.environment_rows import COLUMN, ROW_BREAK, read_piece, split_top

LITERAL = re.compile(
    r"\\begin\s*\{\s*(?P<kind>[pbBvV]?matrix|smallmatrix)\s*\}(?P<body>.*?)"
    r"\\end\s*\{\s*(?P=kind)\s*\}", re.S)
ELLIPSIS = re.compile(r"\\(?:[cvdl]?dots|dotsc|dotsb|hdots|hdotsfor)(?![A-Za-z])|\.\.\.")
MAX_SIDE = 8
DET_SECONDS = 0.5  # of CPU, for the determinant of a written-out matrix with letters in it
DET_NODES = 4000  # nodes, at most, of such a determinant's expression (5×5 of 25 letters: 1837)
DENSE_DET_SIDE = 6  # from this side on, a determinant with letters in more than two entries a
# row is refused before it is computed (6! = 720 terms and more)
# the opening and closing parentheses around a ``matrix``/``smallmatrix`` environment, with
# sizing commands and thin spaces: \left(\!\begin{matrix} n \\ k \end{matrix}\!\right)
SPACES = r"(?:\s|\\[!,;: ])*"
OPENED = re.compile(r"(?:\\left|\\[bB]igg?l?)?\s*\(" + SPACES + r"$")
CLOSED = re.compile(SPACES + r"(?:\\right|\\[bB]igg?r?)?\s*\)")
FACTORIAL = re.compile(r"(?<!\\)!(?!=)")  # n!, not \! (a thin space) nor !=


def read_literal(parser, token) -> sp.Basic:
    """The matrix environment starting at ``token`` (``\\begin``) of ``parser``'s text; the
    parser is moved past its ``\\end``."""
    match = LITERAL.match(parser.text, token.column - 1)
    if match is None:
        parser.fail("unsupported command \\begin: a matrix environment not read", token)
    kind, body = match.group("kind"), match.group("body")
    if kind == "Vmatrix":
        parser.fail("a matrix norm written as Vmatrix is not read", token)
    if re.search(r"\\begin\s*\{", body) or ELLIPSIS.search(body):
        parser.fail("a matrix with an ellipsis or a nested environment is not read", token)
    end = match.end()
    while parser.current.kind != "end" and parser.current.column - 1 < end:
        parser.advance()
    rows = [split_top(row, COLUMN) for row in split_top(body, ROW_BREAK)]
    rows = [row for row in rows if any(entry.strip() for entry in row)]
    if not rows or len({len(row) for row in rows}) != 1:
        parser.fail("a matrix whose rows have different lengths is not read", token)
    if len(rows) > MAX_SIDE or len(rows[0]) > MAX_SIDE:
        parser.fail(f"a matrix larger than {MAX_SIDE}×{MAX_SIDE} written out is not read", token)
    entries = []
    for row in rows:
        values = []
        for entry in row:
            if not entry.strip():
                parser.fail("a matrix with an empty entry is not read", token)
            value = read_piece(parser, entry, token, "a matrix")
            if isinstance(value, sp.MatrixExpr) or getattr(value, "is_Matrix", False):
                parser.fail("a matrix with a matrix entry (a block matrix) is not read", token)
            _no_defined_vector(parser, value, token)
            values.append(value)
        entries.append(values)
    matrix = sp.ImmutableMatrix(entries)
    if matrix.shape == (2, 1) and parser.context.binomial and in_parentheses(
            parser.text, match.start(), match.end(), kind):  # round 41 P06, round 44 U03
        parser.fail("a two-row column in parentheses in a note about binomial coefficients may "
                    "be n choose k (not read)", token)
    if kind == "vmatrix" and matrix.shape == (1, 1):
        parser.fail("a one-entry vmatrix may be an absolute value or a determinant (not read)",
                    token)  # round 41 P07
    parser.readings.setdefault("matrix", "a matrix written entry by entry")
    if kind == "vmatrix":
        if matrix.rows != matrix.cols:
            parser.fail("the determinant of a matrix that is not square", token)
        return written_determinant(matrix, parser, token)
    return matrix


def written_determinant(matrix: sp.ImmutableMatrix, parser, token=None) -> sp.Basic:
    """The determinant of a matrix written entry by entry.  With letters in its entries it is
    computed by Berkowitz's division-free method (SymPy's default, Bareiss with its
    simplification of every entry, took 3 s for a 5×5 matrix and never ended for 8×8), and
    not read when it takes longer than :data:`DET_SECONDS` or is larger than
    :data:`DET_NODES`: the 8! = 40320 terms of an 8×8 determinant cost every later step
    seconds — eight such displays took 84 s against a budget of 2 s each (round 44 U13)."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    if not matrix.free_symbols:
        return matrix.det()
    too_large = (f"the determinant of a written-out {matrix.rows}×{matrix.cols} matrix with "
                 "letters in its entries is too large to expand (not read)")
    lettered = sum(1 for entry in matrix if entry.free_symbols)
    if matrix.rows >= DENSE_DET_SIDE and lettered > 2 * matrix.rows:
        parser.fail(too_large, token)
    try:
        with time_limit(DET_SECONDS, source="<det>", what="a determinant"):
            determinant = matrix.det(method="berkowitz")
    except ParseError:
        parser.fail(too_large, token)
    if larger_than(determinant, DET_NODES):
        parser.fail(too_large, token)
    return determinant


def larger_than(expr: sp.Basic, most: int) -> bool:
    """Whether ``expr`` has more than ``most`` nodes (counted no further than that)."""
    for count, _ in enumerate(sp.preorder_traversal(expr), start=1):
        if count > most:
            return True
    return False


def _no_defined_vector(parser, value, token) -> None:
    """Fail when the entry uses a name the note defines as a vector or matrix: the literal is
    then a block matrix, whatever the scalar reading of that name would give (round 44 U05)."""
    defined = parser.context.vectors_defined
    used = sorted(str(symbol) for symbol in getattr(value, "free_symbols", ()) if
                  str(symbol) in defined)
    if used:
        parser.fail(f"a matrix written with {', '.join(used)}, which the note defines as a "
                    "vector or matrix, as an entry (a block matrix) is not read", token)


def in_parentheses(text: str, start: int, end: int, kind: str) -> bool:
    r"""Whether the environment text[start:end] is typeset inside round brackets: a
    ``pmatrix``, or a ``matrix``/``smallmatrix`` between ``(`` and ``)`` (``\left(``,
    ``\big(`` …) — the shapes n choose k takes (round 44 U03)."""
    if kind == "pmatrix":
        return True
    if kind not in ("matrix", "smallmatrix"):
        return False
    return bool(OPENED.search(text[:start]) and CLOSED.match(text, end))


# n!/(k!(n-k)!) written as a fraction: \frac{n!}{k!\,(n-k)!} or n!/(k!(n-k)!) — n choose k
# by its formula, anywhere in the note (round 46 Z03)
FACTORIAL_FRACTION = re.compile(r"\\[dt]?frac\s*\{[^{}]*(?<!\\)!\s*\}\s*\{[^{}]*(?<!\\)!(?!=)"
                                r"|(?<!\\)!\s*/\s*\(?[^/=$]*?(?<!\\)!(?!=)")


def two_row_column(latex: str) -> bool:
    """Whether ``latex`` writes a two-row column in parentheses: ``(n; k)``, n choose k's
    shape (round 46 Z03)."""
    return any(_column_in_parentheses(latex, match) for match in LITERAL.finditer(latex))


def _column_in_parentheses(latex: str, match) -> bool:
    rows = [row for row in split_top(match.group("body"), ROW_BREAK) if row.strip()]
    return len(rows) == 2 and all(len(split_top(row, COLUMN)) == 1 for row in rows) and (
        in_parentheses(latex, match.start(), match.end(), match.group("kind")))


def binomial_columns(latex: str) -> bool:
    """Whether ``latex`` (one block of a note's mathematics) writes a two-row column in
    parentheses beside a factorial — ``(n; k) = n!/(k!(n-k)!)``: that column is n choose k,
    never a vector (round 44 U02)."""
    found, rest, last = False, [], 0
    for match in LITERAL.finditer(latex):
        if _column_in_parentheses(latex, match):
            found = True
        rest.append(latex[last:match.start()])
        last = match.end()
    rest.append(latex[last:])
    return found and bool(FACTORIAL.search(" ".join(rest)))
