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
never a false proof).

Round 11 (C8, C11): the sides are read again from the note's LaTeX with the letters SymPy
non-commutative symbols (the written order kept: ``(A + B)C = AC + BC`` holds, ``(AB)^{-1} =
A^{-1}B^{-1}`` and ``e^{A+B} = e^A e^B`` do not), so claims with functions of the letters,
inverses and exponentials are tested too: the doubt is lifted only when the difference expands
to exactly zero in non-commuting letters.  Greek capitals (``\Sigma``, ``\Lambda``) count as
capitals, and letters the note declares in a set it does not read as numbers
(:mod:`symderive.notes.member_sets`: ``a, b \in M_n(\mathbb{R})``, any spelling) are tested even
alone.  A letter that only stands as an argument of a function the note never defines
(``H(X, Y)``) is not in the claim's arithmetic; a directive's real domain (``assume X random``)
or a numeric value (``A_M = 0.3466``) makes a letter a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp

from symderive.errors import ParseError
from symderive.expectation import E, Var, expand_expectations, symbols_read_as_random
from symderive.grammar.build import NoncommutingExp, time_limit

# words that make some letters of the note matrices or operators (English, Korean)
MATRIX_WORDS = re.compile(
    r"matri(?:x|ces)|jacobian|hessian|covariance|operator(?!name)|reflector|rotation|permutation|"
    r"projection|linear\s+(?:map|transformation)|endomorphism|tensor|quaternion|"
    r"\\mathbb\{R\}\^\{[^}]*\\times|행렬|연산자|야코비|헤세|공분산",
    re.I,
)
# a letter that may be a matrix: a capital (W, W_1, W^{(1)}, Sigma), or a bold name; not the
# value of an opaque probability P(Y | X) the grammar names like a letter
_CAPITAL = re.compile(r"^(?:\\mathbf\{)?[A-Z](?!.*(?:\((?!\w+\)\}$)|\\mid|\|))")


# Greek capitals the grammar names Gamma, Delta, … (its names start with a capital, like W_1)
_GREEK_CAPITALS = ("Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
                   "Psi", "Omega")
EXPANSION_TERMS = 4096  # a non-commutative expansion larger than this is not attempted
SECONDS = 2.0  # CPU time for reading both sides again and expanding their difference


def _arithmetic_symbols(expression) -> set:
    """The symbols of ``expression`` outside the bare arguments of functions the note never
    defines: X in ``H(X, Y)`` is no operand of a product (it is in ``H(XY)``)."""
    found: set = set()

    def walk(node) -> None:
        if isinstance(node, (sp.Symbol, sp.MatrixSymbol)):
            found.add(node)
            return
        if isinstance(node, sp.core.function.AppliedUndef):
            for argument in node.args:
                if not isinstance(argument, (sp.Symbol, sp.MatrixSymbol)):
                    walk(argument)
            return
        if isinstance(node, sp.Derivative):
            walk(node.expr)
            return
        for argument in getattr(node, "args", ()):
            if isinstance(argument, sp.Basic):
                walk(argument)

    if isinstance(expression, sp.Basic):
        walk(expression)
    return found & expression.free_symbols if isinstance(expression, sp.Basic) else found


def _polynomial(expression: sp.Expr) -> bool:
    return all(
        isinstance(node, (sp.Add, sp.Mul, sp.Symbol, sp.Number, sp.NumberSymbol))
        or (isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp >= 0)
        for node in sp.preorder_traversal(expression)
    )


# a capital letter as written, with its subscript or layer superscript (W_1, W_{ij}, W^{(1)}, Σ);
# not a transpose or conjugate mark (the T of A^T, A^H)
_WRITTEN_CAPITAL = re.compile(
    r"(?<!\^)(?<!\^\{)(?:\\mathbf\{)?(?:\\(?:" + "|".join(_GREEK_CAPITALS) + r")(?![a-zA-Z])|"
    r"(?<!\\)[A-Z](?![a-zA-Z]))\}?(?:_\{[^{}]*\}|_[A-Za-z0-9])?(?:\^\{\([^{}]*\)\})?")


def _term_orders(latex: str) -> list[tuple[str, ...]]:
    """The order in which each product of a side writes its capital letters (the side cut at
    every + and −, inside brackets too: ``(A + B)^T`` holds no product)."""
    terms = re.split(r"[+\-]", latex)
    orders = [tuple(_WRITTEN_CAPITAL.findall(term)) for term in terms]
    return sorted(order for order in orders if len(order) > 1)


def _expansion_size(expression) -> int:
    """An upper bound on the terms ``sp.expand`` makes of ``expression`` (a power of a sum of
    k terms to the n makes k^n of them when its letters do not commute)."""
    if isinstance(expression, sp.Add):
        return sum(_expansion_size(term) for term in expression.args)
    if isinstance(expression, sp.Mul):
        size = 1
        for factor in expression.args:
            size *= _expansion_size(factor)
            if size > EXPANSION_TERMS:
                return size
        return size
    if isinstance(expression, sp.Pow) and expression.exp.is_Integer and expression.exp > 1:
        base = _expansion_size(expression.base)
        return base ** min(int(expression.exp), 64) if base > 1 else 1
    if isinstance(expression, sp.Basic) and expression.args:
        return max(1, max(_expansion_size(argument) for argument in expression.args))
    return 1


def _as_power(exponential):
    """e^{nX} as (e^X)^n for an integer n (true of every matrix X), so e^X e^{-X} = 1 and
    e^{2X} = (e^X)^2 are seen; other exponents stay as written."""
    coefficient, term = exponential.args[0].as_coeff_Mul()
    if coefficient.is_Integer and coefficient != 1:
        return NoncommutingExp(term) ** coefficient
    return exponential


def holds_noncommuting(reread: Callable, names: frozenset) -> bool:
    """Whether the claim, its sides read again with ``names`` non-commuting symbols
    (``reread(names)`` → (lhs, rhs), in the order written), holds in every ring: the difference
    expands to exactly zero.  False when it does not, or when that cannot be shown in time (a
    derivative by such a letter, an expansion too large, a side not read)."""
    try:
        with time_limit(SECONDS, source="<commuting>", what="the non-commutative reading"):
            lhs, rhs = reread(names)
            if not all(isinstance(side, sp.Expr) for side in (lhs, rhs)):
                return False
            if any(isinstance(side, sp.MatrixExpr) for side in (lhs, rhs)):
                return False  # matrices mixed with such letters: not tested here
            if any(side.has(E, Var) for side in (lhs, rhs)):  # linearity only: no
                randoms = symbols_read_as_random((lhs, rhs))  # independence, no commuting
                lhs, rhs = (expand_expectations(side, randoms, lambda symbol: 0)
                            for side in (lhs, rhs))
            difference = lhs - rhs
            for derivative in difference.atoms(sp.Derivative):
                if any(not variable.is_commutative for variable in derivative.variables):
                    return False  # SymPy's derivative by a non-commuting letter is no matrix one
            if difference.has(sp.Derivative):
                difference = difference.replace(lambda node: isinstance(node, sp.Derivative),
                                                lambda node: node.doit())
            difference = difference.replace(lambda node: isinstance(node, NoncommutingExp),
                                            _as_power)
            if _expansion_size(difference) > EXPANSION_TERMS:
                return False
            return sp.expand(difference) == 0
    except ParseError:
        return False
    except Exception:  # noqa: BLE001 - SymPy failing on such letters shows nothing
        return False


def needs_commuting(lhs, rhs, lhs_latex: str = "", rhs_latex: str = "",
                    reread: Callable | None = None, declared=frozenset(),
                    scalars=frozenset(), opaque=frozenset()) -> tuple[str, ...]:
    """The letters whose commuting the claim lhs = rhs relies on (empty when it holds without
    it, or when it has fewer than two capitals and no letter in ``declared``).  ``reread(names)``
    reads the sides again from the LaTeX with ``names`` non-commuting symbols (so as written:
    SymPy merged ``e^B e^{2A} e^{-B}`` into ``e^{2A}`` in the reading checked, and B was gone);
    without it (or with matrices in the claim) only a polynomial claim is tested, on the sides
    as read, and where SymPy made the sides one expression the order the latex writes the
    letters in decides.  ``scalars``: names the note says are numbers (a directive, a numeric
    value); ``opaque``: names the step replaced by their definitions (non-commuting when read
    again).  A capital the claim differentiates by (∂J/∂L) is a variable, read as a number."""
    if not all(isinstance(side, sp.Expr) for side in (lhs, rhs)):
        return ()
    read = [symbol for side in (lhs, rhs) for symbol in _arithmetic_symbols(side)]
    matrices = {s.name for s in read if isinstance(s, sp.MatrixSymbol)}
    written = None
    if reread is not None:
        guess = written_capitals(f"{lhs_latex} {rhs_latex}") | {s.name for s in read} | set(
            declared) | set(opaque)
        if not declared and len({name for name in guess if _CAPITAL.match(name)}
                                - set(scalars)) < 2:
            return ()  # fewer than two capitals written or read: nothing to commute
        written = _as_written(reread, frozenset(name for name in guess if name not in scalars
                                                and (_CAPITAL.match(name) or name in declared
                                                     or name in opaque)))
    variables = {getattr(v, "name", "") for side in written or () for derivative in
                 side.atoms(sp.Derivative) for v in derivative.variables} - set(declared)
    found = {s.name for side in (lhs, rhs, *(written or ())) for s in _arithmetic_symbols(side)
             if isinstance(s, (sp.Symbol, sp.MatrixSymbol)) and s.name not in scalars}
    capitals = sorted(name for name in found if _CAPITAL.match(name) and name not in variables)
    matrices |= {s.name for side in written or () for s in side.free_symbols
                 if isinstance(s, sp.MatrixSymbol)}
    members = sorted(name for name in found if name in declared and name not in matrices
                     and not name.startswith("\\mathbf{"))  # bold: a matrix or vector
    if (len(capitals) < 2 or set(capitals) <= matrices) and not members:
        return ()  # all read as matrices, SymPy does not commute them: (AB)^T = B^T A^T holds
    # the names reported: a scalar B and a matrix A in A B = B A both (B may be one too)
    names = tuple(sorted(set(capitals if len(capitals) >= 2 else ()) | set(members)))
    if reread is not None and (members or not matrices & set(capitals)):
        if written is None:
            return names  # a side not read again: nothing shown
        noncommuting = {s.name for side in written for s in side.free_symbols
                        if isinstance(s, sp.Symbol) and (
                            _CAPITAL.match(s.name) or s.name in declared or s.name in opaque)}
        noncommuting = (noncommuting | set(names)) - set(scalars) - variables
        return () if holds_noncommuting(reread, frozenset(noncommuting)) else names
    suspects = [s for s in read if isinstance(s, sp.Symbol) and s.name in names]
    if lhs == rhs:  # A B = B A read as one expression (a scalar B times a matrix A, too)
        return names if _term_orders(lhs_latex) != _term_orders(rhs_latex) else ()
    if matrices or not (_polynomial(lhs) and _polynomial(rhs)):
        return names if members else ()
    free = {s: sp.Symbol(f"nc_{s.name}", commutative=False) for s in suspects}
    try:
        difference = sp.expand(lhs.xreplace(free) - rhs.xreplace(free))
    except Exception:  # noqa: BLE001 - an expansion SymPy cannot do decides nothing here
        return names if members else ()
    return () if difference == 0 else names


# a capital as written anywhere, exponents too (e^{B_M}), but not a transpose or conjugate mark
_ANY_CAPITAL = re.compile(
    r"(?:\\(?:" + "|".join(_GREEK_CAPITALS) + r")(?![a-zA-Z])|(?<![\\A-Za-z])[A-Z](?![a-zA-Z]))"
    r"(?:_\{[^{}]*\}|_[A-Za-z0-9])?(?:\^\{\([^{}]*\)\})?")


def written_capitals(latex: str) -> set[str]:
    """The capital letters ``latex`` writes, as the grammar names them (``B_M``, ``Sigma``,
    ``W^{(1)}``): the letters of the claim before SymPy merged any of them away."""
    from symderive.notes.member_sets import grammar_name

    found = set()
    for match in _ANY_CAPITAL.finditer(latex):
        before = latex[:match.start()].rstrip()
        if match.group() in ("T", "H") and (before.endswith("^") or before.endswith("^{")):
            continue
        found.add(grammar_name(match.group()))
    return found


def _as_written(reread: Callable, names: frozenset) -> tuple | None:
    """The two sides read again as written with ``names`` non-commuting (no definition
    replaced, nothing merged across those letters), or None when a side is not read."""
    try:
        with time_limit(SECONDS, source="<commuting>", what="reading the sides again"):
            sides = reread(names)
    except ParseError:
        return None
    except Exception:  # noqa: BLE001 - a side SymPy cannot build shows nothing
        return None
    return tuple(sides) if all(isinstance(side, sp.Expr) for side in sides) else None


def commuting_doubt(lhs, rhs, note_text: str, lhs_latex: str = "", rhs_latex: str = "",
                    scalars=frozenset(), numbers=frozenset, reread: Callable | None = None,
                    members: dict | None = None, relation: str = "=",
                    opaque=frozenset()) -> str:
    """The reason a proved/checked verdict is withheld, or "" (``scalars``: names a directive
    declares scalars or the note gives a numeric value, which commute; ``numbers()``: names the
    claim's section says are numbers in words, :func:`symderive.notes.scoped.scalars_at`;
    ``members``: letters declared in a set not read as numbers, name → the
    :class:`~symderive.notes.member_sets.Membership`)."""
    members = {name: member for name, member in (members or {}).items() if name not in scalars}
    letters = needs_commuting(lhs, rhs, lhs_latex, rhs_latex, reread, frozenset(members), scalars,
                              opaque)
    declared = [name for name in letters if name in members]
    if declared:
        return member_doubt(declared, members, relation)
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


def numeric_names(definitions) -> frozenset:
    """Names the note defines as a real number (``A_M = 0.3466``): numbers, which commute."""
    found = set()
    for definition in definitions:
        kind, symbol = definition.key
        value = definition.value
        if kind == "symbol" and isinstance(value, sp.Expr) and value.is_number and (
                value.is_real):
            found.add(getattr(symbol, "name", str(symbol)))
    return frozenset(found)


def _declarations(names, members: dict) -> str:
    """``Sigma, Lambda ∈ M_n(\\mathbb{R}) (line 1: 'Let …')`` for each declaration."""
    by_declaration: dict = {}
    for name in names:
        member = members[name]
        by_declaration.setdefault((member.line, member.set, member.words), []).append(
            member.written)
    return "; ".join(f"{', '.join(written)} ∈ {written_set} (line {line}: '{words}')"
                     for (line, written_set, words), written in sorted(by_declaration.items()))


def member_doubt(names, members: dict, relation: str = "=") -> str:
    """Why a verdict that read letters declared in an unread set as real numbers is withheld."""
    how = ("as non-commuting symbols its sides are not shown equal" if relation == "=" else
           "an order between such objects is not what was checked")
    return (f"the note declares {_declarations(names, members)}, a set not read here as "
            f"numbers, and the claim was read with {'them' if len(names) > 1 else 'it'} as "
            f"real numbers, which commute: {how}, so the verdict may rest on that reading: not "
            "decided "
            "(declare scalars with 'assume NAME scalar', matrices with 'assume NAME matrix R C')")


def member_refutation(lhs, rhs, members: dict, scalars=frozenset()) -> str:
    """Why a refutation is withheld: its counterexample gives real values to letters the note
    declares in a set not read as numbers ('' when the claim's arithmetic has none)."""
    names = sorted({s.name for side in (lhs, rhs) if isinstance(side, sp.Basic)
                    for s in _arithmetic_symbols(side) if isinstance(s, sp.Symbol)
                    and s.name in members and s.name not in scalars})
    if not names:
        return ""
    return (f"the note declares {_declarations(names, members)}, a set not read here as "
            "numbers, and the counterexample gives them real values")
