r"""A formula that is a list of bounds on names, separated by commas (round 44 V06):
``$|A_1| > 0, |A_2| > 0, \dots, |A_n| > 0$`` under *All leading principal minors of $A$ are
greater than 0* (Sylvester's criterion).

Such a list spells out conditions — what a criterion asks of its names — not a claim that
``|A_1| > 0`` for every ``A_1``. It is read so when it holds at least two inequalities (an
ellipsis ``\dots`` may stand between them) and each one bounds one name, bare or between bars
(``A_1``, ``|A_1|``, ``\|x\|``, ``\det A_1``), by a number, and no name of the list is defined
in its section: a name with a value would make the bound a claim about that value. A single
inequality is not read here (``We need $|x| > 0$.`` is a condition through its words:
:func:`symderive.notes.expression_bounds.stated_condition`).
"""

from __future__ import annotations

import re

from symderive.grammar.environment_rows import split_top
from symderive.notes.chains import top_level_spans
from symderive.notes.roles import BARE_NAME, INEQUALITIES, NUMBER

COMMA = re.compile(r",")
ELLIPSIS = re.compile(r"^\s*\\(?:dots|ldots|cdots|dotsc)\s*$|^\s*\.\.\.\s*$|^\s*…\s*$")
INEQUALITY = re.compile("|".join(re.escape(relation) for relation in sorted(
    INEQUALITIES, key=len, reverse=True)))
# |A_1|, \|x\|, \lvert A_1 \rvert, \det A_1, \det(A_1): one name through bars or a determinant
BARS = re.compile(
    r"^\s*(?:\\left\s*)?(?:\\\||\||\\lvert|\\Vert|\\lVert)(?P<name>.*?)"
    r"(?:\\right\s*)?(?:\\\||\||\\rvert|\\Vert|\\rVert)\s*$"
    r"|^\s*\\det\s*(?:\((?P<argument>[^()]*)\)|(?P<bare>.*))$"
)


def bounded_name(side: str) -> str | None:
    """The name a side bounds: ``A_1`` for ``A_1``, ``|A_1|``, ``\\det A_1``; None otherwise."""
    match = BARS.match(side)
    if match:
        side = next(group for group in match.groups() if group is not None)
    return " ".join(side.split()) if BARE_NAME.match(side) else None


def _bound(piece: str) -> str | None:
    """The name one inequality ``name-or-|name| rel number`` (either way round) bounds."""
    spans = top_level_spans(piece, INEQUALITY)
    if len(spans) != 1:
        return None
    (start, end), = spans
    left, right = piece[:start], piece[end:]
    if NUMBER.match(right):
        return bounded_name(left)
    if NUMBER.match(left):
        return bounded_name(right)
    return None


def listed_conditions(latex: str, defined) -> tuple[str, ...]:
    """The names a formula written as a comma list of bounds on free names bounds (at least
    two bounds, ellipses between them allowed), or () when it is not such a list or names a
    name in ``defined`` (the names with a value in its section)."""
    pieces = [piece for piece in split_top(latex.strip().rstrip(".;").strip(), COMMA)
              if not ELLIPSIS.match(piece)]
    if len(pieces) < 2:
        return ()
    names = tuple(_bound(piece) for piece in pieces)
    if any(name is None or name in defined for name in names):
        return ()
    return names
