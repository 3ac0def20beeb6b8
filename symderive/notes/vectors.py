r"""Vectors and matrices written out entry by entry, compared with the gradient or Hessian of a
function the note defines: ``\nabla f (0,0) = \begin{bmatrix}b_1 \\ b_2\end{bmatrix}`` after
``f(x_1, x_2) = a + b_1x_1 + …``, ``\mathbf{H}f(x, y) = e^{-x^2-y^2}\begin{pmatrix}…\end{pmatrix}``.

* ``\nabla f(a_1, …, a_n)`` without a subscript, f defined here with n scalar parameters
  p_1 … p_n: the column of ∂f/∂p_i at p = a (d2l's convention: a column vector).
* ``\mathbf{H} f(a_1, …, a_n)`` in a note that speaks of the *Hessian*: the n×n matrix of
  ∂²f/∂p_i∂p_j at p = a.
* ``\begin{bmatrix}…\end{bmatrix}`` / ``pmatrix`` with rows ``\\`` and columns ``&``, possibly after
  one scalar factor (``e^{-x^2-y^2}\begin{pmatrix}…\end{pmatrix}``: every entry times it).

The two sides must have the same shape; the step is then the one claim
``max_k |l_k − r_k| = 0`` — proved when every entry's difference simplifies to 0, refuted by a
point where some entry differs. Anything else (a row against a column, ``\vdots``, a name
not defined with that many parameters) is not read here.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.notes.kinks import differentiate, settle

ENVIRONMENT = re.compile(
    r"^\s*(?P<prefix>.*?)\\begin\{(?P<kind>[bp]matrix)\}(?P<body>.*)\\end\{(?P=kind)\}\s*[.,]?\s*$",
    re.S,
)
GRADIENT = re.compile(r"^\s*\\nabla\s*(?P<name>[A-Za-z])\s*\((?P<args>[^()]*)\)\s*[.,]?\s*$")
HESSIAN = re.compile(
    r"^\s*\\mathbf\s*\{\s*H\s*\}\s*(?P<name>[A-Za-z])\s*\((?P<args>[^()]*)\)\s*[.,]?\s*$"
)


def written_matrix(latex: str) -> tuple[str, list[list[str]]] | None:
    """(scalar prefix, rows of entry LaTeX) of one bmatrix/pmatrix, or None."""
    match = ENVIRONMENT.match(latex)
    if not match or r"\begin" in match.group("body") or r"\vdots" in match.group("body"):
        return None
    prefix = match.group("prefix").strip()
    if prefix and (r"\begin" in prefix or prefix[-1] in "+-=*/,"):
        return None
    rows = [row.strip() for row in re.split(r"\\\\", match.group("body"))]
    rows = [row for row in rows if row]
    table = [[entry.strip() for entry in row.split("&")] for row in rows]
    if not table or any(len(row) != len(table[0]) for row in table) or any(
        not entry for row in table for entry in row
    ):
        return None
    return prefix, table


def derivative_form(latex: str, note_text: str) -> tuple[str, str, list[str]] | None:
    """("gradient" | "hessian", function name, argument LaTeX) or None."""
    for kind, pattern in (("gradient", GRADIENT), ("hessian", HESSIAN)):
        match = pattern.match(latex)
        if match:
            if kind == "hessian" and not re.search(r"\bHessian\b", note_text):
                return None  # \mathbf{H} f is the Hessian only where the note says so
            arguments = [part.strip() for part in match.group("args").split(",")]
            if any(not part for part in arguments):
                return None
            return kind, match.group("name"), arguments
    return None


def derivative_entries(kind: str, parameters: tuple, body: sp.Basic, arguments: list) -> list:
    """Rows of ∂f/∂p_i (a column) or ∂²f/∂p_i∂p_j at the arguments."""
    at = dict(zip(parameters, arguments))
    if kind == "gradient":
        return [[settle(differentiate(body, p).xreplace(at))] for p in parameters]
    return [[settle(differentiate(body, p, q).xreplace(at)) for q in parameters]
            for p in parameters]


def largest_difference(left: list, right: list) -> sp.Basic | None:
    """max_k |l_k − r_k| of two tables of one shape (None when the shapes differ)."""
    if len(left) != len(right) or any(len(a) != len(b) for a, b in zip(left, right)):
        return None
    differences = [sp.Abs(a - b) for row_a, row_b in zip(left, right) for a, b in zip(row_a, row_b)]
    return sp.Max(*differences) if len(differences) > 1 else differences[0]
