r"""A column of fresh names set equal to a column of values defines those names
(review round 52 AL01).

``\eta = \begin{bmatrix} \eta_1 \\ \eta_2 \end{bmatrix} = \begin{bmatrix} \mu/\sigma^2 \\
1/(2\sigma^2) \end{bmatrix}``: the note gives η₁ and η₂ no value before (it may have written
them as the generic components of η, ``\eta = (\eta_1, …, \eta_l) \in \mathbb{R}^l``), so
the step names the entries (η₁ := μ/σ², η₂ := 1/(2σ²)) — a definition by components, not a
claim a free choice of η₁ could refute. Names written before on the left of ``=`` (``Let
$x_1 = 1$``) have a value, and the step is checked.
"""

from __future__ import annotations

import re

_COLUMN = re.compile(r"^\s*\\begin\{([bpvBV]?matrix)\}(?P<body>.*)\\end\{\1\}\s*$", re.S)
_NAME = re.compile(r"^(?P<base>\\[A-Za-z]+|[A-Za-z])_(?:\{(?P<braced>[A-Za-z0-9]+)\}|"
                   r"(?P<bare>[A-Za-z0-9]))$")
_WRAPPERS = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit)\{(\\?[A-Za-z]+)\}")


def _entry_names(element: str) -> list[tuple[str, str]] | None:
    """(base, subscript) of every entry of ``element`` when it is a column (or row) whose
    entries are subscripted names only (``\\eta_1``, ``w_{2}``); None otherwise."""
    column = _COLUMN.match(element)
    if not column:
        return None
    entries = [entry.strip() for row in re.split(r"\\\\", column["body"])
               for entry in row.split("&") if entry.strip()]
    names = []
    for entry in entries:
        name = _NAME.match(_WRAPPERS.sub(r"\1", entry))
        if not name:
            return None
        names.append((name["base"], name["braced"] or name["bare"]))
    return names if len(names) >= 2 else None


_GIVEN = r"\s*\}?\s*(?::=|=|\\coloneqq|\\equiv|\\triangleq|\\stackrel|\\overset|\\doteq)"


def _written(base: str, subscript: str) -> str:
    """A pattern for ``base_subscript`` as written (``\\eta_1``, ``\\eta_{1}``)."""
    before = "" if base.startswith("\\") else r"(?<![A-Za-z\\])"
    return (before + re.escape(base) + r"\s*_\s*\{?\s*" + re.escape(subscript)
            + r"(?![A-Za-z0-9])")


def _given_a_value(base: str, subscript: str) -> re.Pattern:
    """``base_subscript`` written on the left of ``=`` (or ``:=``, ``\\equiv``, …), alone or
    inside a tuple or column set equal to values (``Let $(x_1, x_2) = (3, 4)$``, round 53
    AM07)."""
    return re.compile(_written(base, subscript)
                      + r"(?:[^=$\n]{0,80}?(?:\)|\]|\\end\{[a-zA-Z]*\}|\\right\s*[)\]]))?" + _GIVEN)


def fresh_column(element: str, values: str, text_before: str) -> str:
    """The entries of ``element``, a column of subscripted names none of which
    ``text_before`` (the note before the claim) gives a value and ``values`` (the element set
    equal to it) does not write, joined for a reason; '' otherwise."""
    names = _entry_names(element)
    if not names or any(_given_a_value(base, subscript).search(text_before)
                        or re.search(_written(base, subscript), values)
                        for base, subscript in names):
        return ""
    return ", ".join(f"{base.lstrip(chr(92))}_{subscript}" for base, subscript in names)
