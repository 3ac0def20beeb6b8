r"""Eigen-equations: ``A\mathbf{v} = \lambda\mathbf{v}``, ``\begin{pmatrix} 2 & 1 \\ 1 & 2
\end{pmatrix}\mathbf{v} = 3\mathbf{v}`` — the condition that makes v an eigenvector, an
equation to solve for v (and λ), never an identity over every v (round 44 U07, U08).

Recognised in two ways, for a step whose two sides are both matrices as read:

* its form: the right side is a number or a letter times the very vector the left side ends
  with (``M v = c v``), written the same on both sides;
* its words: the sentence before it, or the words after it, speak of eigenvalues or
  eigenvectors (*eigen*, 고유값, 고유벡터, 特征, 固有).

Such a step is then *solve-like* (symderive.notes.plan): refuted as read, it is skipped as a
condition, never refuted; proved or checked (true for every v) it keeps that verdict.
A step with no free name at all (every entry written out: ``(2 1; 1 2)(1; -1) = 3(1; -1)``)
has nothing to solve for: it is an ordinary claim, checked and refuted as written (round 46,
after Z-rot.md).
"""

from __future__ import annotations

import re

import sympy as sp

EIGEN_WORDS = re.compile(r"eigen|고유\s*(?:값|벡터|치)|特征|特徵|固有", re.I)
SPACING = re.compile(r"\\[,;:! ]|\\quad|\\qquad|\s+")
# the vector the two sides end with: a bold or arrowed letter, a plain letter, or a column
# written out (a matrix environment, or (x, y)^T)
VECTOR = re.compile(
    r"(?:\\(?:mathbf|boldsymbol|bm|vec|vb|mathbfit)\{?\\?[A-Za-z]+\}?"
    r"|\\begin\{(?P<kind>[pbBvV]?matrix|smallmatrix)\}(?:(?!\\begin).)*?\\end\{(?P=kind)\}"
    r"|\\left\((?:(?!\\right).)*\\right\)(?:\^\{?(?:T|\\top|\\intercal)\}?)?"
    r"|\((?:[^()])*\)\^\{?(?:T|\\top|\\intercal)\}?"
    r"|[A-Za-z])(?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?$", re.S)
# the matrix of the left side: written out, or capital letters (A, \mathbf{A}, \Sigma, A^T A,
# A^{-1}) — not an operator (∇_x x^T x = 2x is no eigen-equation)
CAPITAL = (r"(?:[A-Z]|\\(?:mathbf|boldsymbol|bm)\{(?:[A-Z]|\\[A-Z][a-z]+)\}"
           r"|\\(?:Sigma|Lambda|Phi|Psi))"
           r"(?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?(?:\^(?:\{(?:T|\\top|-1)\}|T|\\top))?")
MATRIX = re.compile(r"\\begin\{(?P<kind>[pbBV]?matrix|smallmatrix)\}.*?\\end\{(?P=kind)\}"
                    rf"|(?:{CAPITAL})+", re.S)
# the factor of the right side: a number, a letter or a Greek letter (λ, λ_1, \lambda_{\max})
SCALAR = re.compile(r"-?(?:\d+(?:\.\d+)?|\\frac\{\d+\}\{\d+\}|\\[A-Za-z]+|[A-Za-zα-ω])"
                    r"(?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?(?:\^(?:\{[^{}]*\}|[A-Za-z0-9]))?"
                    r"(?:\\cdot)?$")


def _squeezed(latex: str) -> str:
    return SPACING.sub("", latex).rstrip(".,;")


def eigen_form(left: str, right: str) -> bool:
    """Whether ``left = right`` is written ``M v = c v``: the right side a scalar factor times
    the vector the left side ends with (or that vector alone: M v = v), after a matrix written
    out or named by capitals."""
    left, right = _squeezed(left), _squeezed(right)
    vector = VECTOR.search(right)
    if vector is None or not left.endswith(vector.group(0)):
        return False
    factor, matrix = right[: vector.start()], left[: len(left) - len(vector.group(0))]
    if (factor and not SCALAR.fullmatch(factor)) or not matrix:
        return False
    return MATRIX.fullmatch(matrix) is not None


def both_matrices(lhs, rhs) -> bool:
    """Whether both sides read as matrices (explicit or symbolic)."""
    return all(isinstance(side, sp.MatrixExpr) or getattr(side, "is_Matrix", False)
               for side in (lhs, rhs))


def eigen_equation(left: str, right: str, lhs, rhs, words: str) -> bool:
    """Whether the step is an eigen-equation to solve (see the module): both sides matrices,
    and its form or its words say so; or, with sides read as numbers (``AX = λX`` where the
    note never declares A a matrix), its form: an equation in A, X and λ, never an identity
    (round 51 AJ01, ratsgo's 고유값 notes)."""
    if not (getattr(lhs, "free_symbols", set()) | getattr(rhs, "free_symbols", set())):
        return False  # no unknown: nothing to solve, a claim (round 46, Z-rot.md)
    if not both_matrices(lhs, rhs):
        return eigen_form(left, right)
    return eigen_form(left, right) or EIGEN_WORDS.search(words) is not None
