r"""A formula that opens a table row or a list item: its own example.

``| $f(x) = x^3$ | $f'(x) = 3x^2$ |`` after ``| $f(x) = x^2$ | $f'(x) = 2x$ |`` (a table of
derivatives), ``- $g(x) = \ln x$: …`` after ``- $g(x) = e^{x}$: …`` (a list of them, with
bullets or numbered ``2. $g(x) = \ln x$: …``), a LaTeX ``tabular`` row ``$g(x) = \sin 3x$ & …``
after the row ``… \\``: each row or item is its own example as often as the same function
derived again, so a second formula for a name there is read both ways (a new definition and a
claim about the first), as a ``\item`` line is; a verdict stands only where both readings agree.

The lead a formula carries (:func:`symderive.notes.extract._lead`) is the stripped start of
its line, or the whole line before when the formula opens its line.
"""

from __future__ import annotations

import re

# the formula opens a Markdown table row ("|") or a list item: a bullet ("-", "*", "+") or an
# ordered item ("1.", "2)"), which is as often a list of examples (round 38 A03)
MARKDOWN_OPENING = re.compile(r"^(?:\||[-*+]|\d{1,9}[.)])$")
# the formula opens its line right after a LaTeX tabular row break or the tabular's start
TABULAR_OPENING = re.compile(
    r"(?:&.*\\\\(?:\s*\[[^\]]*\])?|\\begin\{(?:tabular|longtable)\*?\}(?:\{[^{}]*\})+"
    r"|\\hline|\\midrule|\\toprule)\s*$"
)


def opens_row_or_item(lead: str) -> bool:
    """Whether the formula with this lead opens a table row or a list item."""
    lead = lead.strip()
    return bool(MARKDOWN_OPENING.match(lead) or TABULAR_OPENING.search(lead))
