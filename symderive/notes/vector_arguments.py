r"""A function of a column defined entry by entry: ``T\begin{pmatrix} x \\ y \end{pmatrix} =
\begin{pmatrix} x + y \\ x - y \end{pmatrix}`` (round 44 U09).

A name written before a column of distinct letters in parentheses (``pmatrix``, ``bmatrix``,
``\left(\begin{matrix} … \end{matrix}\right)``), as the left side of the first '=' of a chain,
defines a function of that column — as ``f(x, y) = …`` defines one of two numbers. Read as a
number T times the vector it would be refuted at any T but the right one; it is a definition.
Only when the name is read as a plain scalar nothing defines: a matrix the note declares or
defines (``A\begin{pmatrix} x \\ y \end{pmatrix} = …``) keeps its product reading.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.grammar.environment_rows import COLUMN, ROW_BREAK, split_top

HEAD = re.compile(
    r"\s*(?P<name>[A-Za-z]|\\(?:phi|varphi|psi|Phi|Psi|sigma|tau|rho|omega|Omega|Gamma))"
    r"\s*(?:\\left\s*\(|\\[bB]igg?l?\s*\(|\()?\s*"
    r"\\begin\s*\{\s*(?P<kind>[pb]?matrix|smallmatrix)\s*\}(?P<body>.*?)\\end\s*\{\s*(?P=kind)\s*\}"
    r"\s*(?:\\right\s*\)|\\[bB]igg?r?\s*\)|\))?\s*", re.S)
PARAMETER = re.compile(r"[A-Za-z](?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?")


def _parameters(body: str) -> list[str] | None:
    """The entries of a one-column body when each is one letter (x, x_1), else None."""
    rows = [split_top(row, COLUMN) for row in split_top(body, ROW_BREAK) if row.strip()]
    if len(rows) < 2 or any(len(row) != 1 for row in rows):
        return None
    entries = [re.sub(r"\s+", "", row[0]) for row in rows]
    if not all(PARAMETER.fullmatch(entry) for entry in entries):
        return None
    return entries if len(set(entries)) == len(entries) else None


def function_of_column(left: str, raw, defined: set[str]) -> str | None:
    """The name ``left`` defines as a function of a column (see the module), or None: the
    column's entries are distinct letters, the name none of them, and the reading ``raw``
    has it as an undefined plain scalar."""
    match = HEAD.fullmatch(left)
    if match is None:
        return None
    name, kind = match.group("name"), match.group("kind")
    parameters = _parameters(match.group("body"))
    if parameters is None or name in parameters or name in defined:
        return None
    if kind in ("matrix", "smallmatrix") and "(" not in left[: match.start("kind")]:
        return None  # a bare matrix environment has no parentheses: not an argument
    scalars = {symbol.name for symbol in getattr(raw, "free_symbols", ())
               if isinstance(symbol, sp.Symbol)}
    return name if name.lstrip("\\") in scalars or name in scalars else None
