r"""A condition on an expression of one name, read as the set it defines (round 9a, H1):
``|z| < 1`` is z in (−1, 1), ``s^2 < 1`` is s in (−1, 1), ``|x - 3| < 1`` is x in (2, 4).

The formula is one relation (``<``, ``\le``, ``>``, ``\ge``) between an expression in exactly
one name and a number, read by the project's grammar (never evaluated as text). SymPy's
``solve_univariate_inequality`` over the reals gives the set; it is read as a domain only
when that set is one interval with rational (or infinite) ends — exactly what the
inequality says. Anything else (a union such as ``|z| > 1``, irrational ends, several names)
is not read; :func:`condition_names` then names the bounded name, so a refutation of a claim
about it is undecided, quoting the condition (a counterexample must satisfy the stated
condition).
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.grammar.latex import parse_latex_math

RELATIONS = {"<": sp.StrictLessThan, r"\lt": sp.StrictLessThan, ">": sp.StrictGreaterThan,
             r"\gt": sp.StrictGreaterThan, r"\le": sp.LessThan, r"\leq": sp.LessThan,
             r"\leqslant": sp.LessThan, "≤": sp.LessThan, r"\ge": sp.GreaterThan,
             r"\geq": sp.GreaterThan, r"\geqslant": sp.GreaterThan, "≥": sp.GreaterThan}
SPLIT = re.compile(r"(\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt)(?![A-Za-z])|[<>≤≥])")
SOLVE_SECONDS = 2.0
MAX_LENGTH = 80


def _sides(math: str):
    """(left, relation, right) of a one-relation inequality, or None."""
    parts = SPLIT.split(" ".join(math.split()))
    if len(parts) != 3 or not parts[0].strip() or not parts[2].strip():
        return None
    return parts[0], parts[1], parts[2]


def _latex_name(symbol: sp.Symbol, math: str) -> str | None:
    name = symbol.name
    for candidate in (name, "\\" + name):
        if re.search(r"(?<![A-Za-z\\])" + re.escape(candidate) + r"(?![A-Za-z])", math):
            return candidate
    return None


def solved_interval(math: str):
    """(LaTeX name, low, high, ends) of the interval ``math`` says its one name lies in, or
    None when it is not such a condition or the set is not one interval read exactly."""
    if len(math) > MAX_LENGTH or (sides := _sides(math)) is None:
        return None
    try:
        with time_limit(SOLVE_SECONDS, source="<condition>", what="solving a condition"):
            left = parse_latex_math(sides[0])
            right = parse_latex_math(sides[2])
            symbols = (left.free_symbols | right.free_symbols)
            if len(symbols) != 1:
                return None
            (symbol,) = symbols
            if not isinstance(symbol, sp.Symbol):
                return None
            name = _latex_name(symbol, math)
            if name is None:
                return None
            real = sp.Dummy(symbol.name, real=True)
            relation = RELATIONS[sides[1]](left.xreplace({symbol: real}),
                                           right.xreplace({symbol: real}))
            if relation in (sp.true, sp.false):
                return None
            solved = sp.solve_univariate_inequality(relation, real, relational=False)
    except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError):
        return None
    except Exception:  # noqa: BLE001 - any failure of SymPy's solver: not read
        return None
    if not isinstance(solved, sp.Interval) or solved.is_empty:
        return None
    low, high = solved.start, solved.end
    if low == -sp.oo and high == sp.oo:
        return None  # says nothing about the name
    for end in (low, high):
        if not (end.is_Rational or end in (sp.oo, -sp.oo)):
            return None
    ends = ("(" if solved.left_open or low == -sp.oo else "[") + (
        ")" if solved.right_open or high == sp.oo else "]")
    return name, (None if low == -sp.oo else low), (None if high == sp.oo else high), ends


def condition_names(math: str) -> set[str]:
    """The one name an inequality ``math`` bounds through an expression (``|z| > 1`` → {z}),
    whether or not the set it defines was read; empty for anything else."""
    if len(math) > MAX_LENGTH or (sides := _sides(math)) is None:
        return set()
    try:
        with time_limit(SOLVE_SECONDS, source="<condition>", what="reading a condition"):
            symbols = parse_latex_math(sides[0]).free_symbols | parse_latex_math(
                sides[2]).free_symbols
    except Exception:  # noqa: BLE001 - not read: names nothing
        return set()
    if len(symbols) != 1:
        return set()
    name = _latex_name(next(iter(symbols)), math)
    return {name.lstrip("\\")} if name else set()


CONDITION_WORDS = re.compile(
    r"(?:\b(?:for|when|whenever|if|let|assume|suppose|given|where|provided)(?:\s+that)?"
    r"|일\s*때|이면)\s*,?\s*$", re.I)


# "For every real $x$ with $x^2 < 4$,": the condition of a quantifier (notes/bound_lists.py)
QUANTIFIED_WITH = re.compile(r"\bfor\s+(?:every|all|each|any)\s+[^$]{0,30}\$[^$]{1,40}\$\s+"
                             r"(?:with|such\s+that|satisfying)\s*$", re.I)


def stated_condition(latex: str, lead: str) -> bool:
    """``For $|z| < 1$,``: an inequality on an expression of one name after words of a
    hypothesis, read as an interval — a condition the note states, not a claim to check."""
    words = (lead or "").rpartition("$")[2]  # its own words: not "For $p \in (0, 1)$, "
    stated = CONDITION_WORDS.search(words) or QUANTIFIED_WITH.search(lead or "")
    return bool(stated) and solved_interval(" ".join(latex.split())) is not None
