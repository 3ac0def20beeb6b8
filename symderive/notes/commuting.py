r"""A claim that holds only because its capital letters commute.

Round 9b (C2–C4): the words that make letters matrices or operators are many ("the Jacobians $J$
and $K$ of the two layers", "Let the weight matrices be $W$ and $V$", ``W^{(1)}``, ``W_1, W_2 \in
\mathbb{R}^{n \times n}``, "the Householder reflectors"), and each reader of them
(:mod:`symderive.notes.operator_words`, :mod:`symderive.grammar.shape_words`) misses some.  This
module asks the question from the other side, whatever the wording: would the claim still hold if
its capital letters did not commute?  If not, a *proved* or *checked* verdict on scalars says
nothing about what the note means unless the note says the letters are numbers (a directive
``assume C scalar``): the step is *undecided*, naming the letters, and the matrix words when the
note has some.  Round 10 (C2) showed the words cannot be listed (``M_n(\mathbb{R})``,
``\mathbb{R}^{n,n}``, ``\mathbb{S}^n``, "linear", 배열), so no word is needed.

The test is exact: the letters become SymPy non-commutative symbols and the difference of the
sides is expanded; a polynomial identity in non-commuting letters expands to zero exactly when it
holds in every ring.  SymPy orders the factors of commuting symbols when it reads the note, so
``WV + VW`` arrives as ``2VW``: a ring identity written with both orders is doubted too (undecided,
never a false proof).  Claims with other functions of those letters are not tested here (the
expansion would not decide them).
"""

from __future__ import annotations

import re

import sympy as sp

# words that make some letters of the note matrices or operators (English, Korean)
MATRIX_WORDS = re.compile(
    r"matri(?:x|ces)|jacobian|hessian|covariance|operator|reflector|rotation|permutation|"
    r"projection|linear\s+(?:map|transformation)|endomorphism|tensor|quaternion|"
    r"\\mathbb\{R\}\^\{[^}]*\\times|행렬|연산자|야코비|헤세|공분산",
    re.I,
)
# a letter that may be a matrix: a capital (W, W_1, W^{(1)}), or a bold name
_CAPITAL = re.compile(r"^(?:\\mathbf\{)?[A-Z]")


def _candidates(expressions) -> list[sp.Symbol]:
    letters = set()
    for expression in expressions:
        if isinstance(expression, sp.Expr):
            letters |= {s for s in expression.free_symbols
                        if isinstance(s, (sp.Symbol, sp.MatrixSymbol))}
    return sorted((s for s in letters if _CAPITAL.match(s.name)), key=lambda s: s.name)


def _polynomial(expression: sp.Expr) -> bool:
    return all(
        isinstance(node, (sp.Add, sp.Mul, sp.Symbol, sp.Number, sp.NumberSymbol))
        or (isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp >= 0)
        for node in sp.preorder_traversal(expression)
    )


# a capital letter as written, with its subscript or layer superscript (W_1, W_{ij}, W^{(1)});
# not an exponent (the T of A^T)
_WRITTEN_CAPITAL = re.compile(
    r"(?<!\^)(?<!\^\{)(?:\\mathbf\{)?[A-Z](?![a-zA-Z])\}?(?:_\{[^{}]*\}|_[A-Za-z0-9])?(?:\^\{\([^{}]*\)\})?")


def _term_orders(latex: str) -> list[tuple[str, ...]]:
    """The order in which each product of a side writes its capital letters (the side cut at
    every + and −, inside brackets too: ``(A + B)^T`` holds no product)."""
    terms = re.split(r"[+\-]", latex)
    orders = [tuple(_WRITTEN_CAPITAL.findall(term)) for term in terms]
    return sorted(order for order in orders if len(order) > 1)


def needs_commuting(lhs, rhs, lhs_latex: str = "", rhs_latex: str = "") -> tuple[str, ...]:
    """The capital letters whose commuting the claim lhs = rhs relies on (empty when it holds
    without it, or when the claim is no polynomial in them).  SymPy orders the factors of a
    product of commuting symbols, so ``AB`` and ``BA`` are one expression: where the sides are
    one expression, the order the latex writes the letters in decides."""
    if not all(isinstance(side, sp.Expr) for side in (lhs, rhs)):
        return ()
    letters = _candidates((lhs, rhs))
    if len(letters) < 2 or all(isinstance(s, sp.MatrixSymbol) for s in letters):
        return ()  # all read as matrices, SymPy does not commute them: (AB)^T = B^T A^T holds
    names = tuple(s.name for s in letters)
    if lhs == rhs:  # A B = B A read as one expression (a scalar B times a matrix A, too)
        return names if _term_orders(lhs_latex) != _term_orders(rhs_latex) else ()
    if any(isinstance(s, sp.MatrixSymbol) for s in letters) or not (
            _polynomial(lhs) and _polynomial(rhs)):
        return ()
    free = {s: sp.Symbol(f"nc_{s.name}", commutative=False) for s in letters}  # scalars only
    try:
        difference = sp.expand(lhs.xreplace(free) - rhs.xreplace(free))
    except Exception:  # noqa: BLE001 - an expansion SymPy cannot do decides nothing here
        return ()
    return () if difference == 0 else names


def commuting_doubt(lhs, rhs, note_text: str, lhs_latex: str = "", rhs_latex: str = "",
                    scalars=frozenset(), numbers=frozenset) -> str:
    """The reason a proved/checked verdict is withheld, or "" (``scalars``: names a directive
    declares scalars, which commute; ``numbers()``: names the claim's section says are numbers
    in words, :func:`symderive.notes.scoped.scalars_at`)."""
    letters = needs_commuting(lhs, rhs, lhs_latex, rhs_latex)
    letters = tuple(name for name in letters if name not in scalars)  # a scalar commutes
    if len(letters) >= 2:
        said = numbers()  # read only when needed
        letters = tuple(name for name in letters if name not in said)
    if len(letters) < 2:
        return ""
    words = MATRIX_WORDS.search(note_text or "")
    said = (f"the note speaks of '{words.group(0)}'" if words else
            "the note does not say they are numbers")
    return (
        f"read with {', '.join(letters)} as commuting numbers, and the claim may rely on that "
        f"(as products of letters that do not commute its sides differ, or are written in "
        f"other orders), while {said}: if any of them is a matrix or an operator it may fail "
        "(declare scalars with 'assume NAME scalar', matrices with 'assume NAME matrix R C')"
    )
