r"""A long expression broken over rows (``multline``, ``split``, ``aligned``, ``align``).

``(x+1)^3 = x^3 + 3x^2 \\ + 3x + 1`` is one equation: the row after the break starts with a
binary operator (``+``, ``-``, ``\cdot``, ``\times``, ``\pm``, ``\mp``; ``&\quad +`` in an
aligning environment), or the row before ends with one, so the row continues the last
expression of the row before, as a row that starts with ``=`` continues the chain.

A row that opens with ``-`` and states its own relation (``\\ -y = 2``) may as well be a new
equation with a negative left side; it is not joined (the old reading, a new chain).
"""

from __future__ import annotations

import re

_SPACING = r"(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z])|\\(?:phantom|hphantom)\s*\{[^{}]*\}|\{\s*\})*"
_OPERATOR = r"(?:\+|-|\\cdot(?![A-Za-z])|\\times(?![A-Za-z])|\\pm(?![A-Za-z])|\\mp(?![A-Za-z]))"
LEADING_OPERATOR = re.compile(rf"^{_SPACING}(?P<op>{_OPERATOR})")
TRAILING_OPERATOR = re.compile(rf"{_OPERATOR}{_SPACING}$")


def continues_expression(previous_last: str, first_element: str, has_relation: bool) -> bool:
    """Whether a row whose text before its first relation is ``first_element`` continues the
    expression ``previous_last`` that ended the row before (both as written)."""
    if not previous_last.strip() or not first_element.strip():
        return False
    if TRAILING_OPERATOR.search(previous_last):
        return True
    match = LEADING_OPERATOR.match(first_element)
    if match is None:
        return False
    return not (has_relation and match.group("op") == "-")


def join(previous_last: str, first_element: str) -> str:
    """The expression of the two rows: the row's text appended to the row before."""
    return f"{previous_last.rstrip()} {first_element.strip()}"
