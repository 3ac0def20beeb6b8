r"""Where ``\Delta x`` and ``\delta h`` are products, not increments (round 58 AW01, AW02).

The grammar reads ``\Delta y`` and ``\delta y_{o1}`` as one name each, an increment. That is
what a note means when Δ never stands alone in it. A note that also writes Δ or δ as a name of
its own — a factor (``(\delta + r) h``, ``e^{-\delta}``), the head of an ``=`` (``\Delta =
e^{-\delta h} …``, the share count of a replicating portfolio), a mention (``Let $\Delta$ be
the number of shares``) — means ``\delta h`` as δ·h: the dividend yield times the period, not
a name "δh" beside a δ of its own in the same equation (round 58 AW01:
``\delta h + r h = (\delta + r) h`` was refuted with δ and "δh" given separate values).

:func:`lone_signs` finds those signs; the grammar reads an increment of such a sign as a
product, except an increment the note defines by an ``=`` (``\Delta t = t_2 - t_1``, found by
:func:`defined_increments`), which stays that name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from symderive.notes.directives import INCREMENT_NAME, increment_spelled

# Δ or δ followed by an operator, a closer or nothing: a sign standing alone. A letter
# (\Delta t), a braced letter, a Greek letter (\Delta\theta), a subscript, a superscript or a
# parenthesis makes an increment, another name or an application (\delta_{ij}, \Delta^2,
# \delta(x)): not counted.
_LONE = re.compile(
    r"\\(Delta|delta)(?![A-Za-z])\s*"
    r"(?=$|[=+\-)},<>&/|\]]|\\(?:cdot|times|right|[lg]eq?|neq|approx|quad|qquad|[,;!]|\\))")


def lone_signs(blocks: Iterable[str]) -> frozenset[str]:
    """``{"Delta"}``, ``{"delta"}``: the increment signs the note's mathematics writes alone."""
    return frozenset(found.group(1) for block in blocks for found in _LONE.finditer(block))


# \Delta t = …, \delta{y} = … heading a row of a formula: the note defines that increment
_HEAD = re.compile(rf"(?:^|\\\\|&|\\begin\{{[A-Za-z*]+\}})\s*(?P<name>{INCREMENT_NAME})\s*=(?!=)")


def defined_increments(blocks: Iterable[str]) -> frozenset[str]:
    """``{"Delta t"}``: the increments the note's mathematics defines by an ``=`` (spelled as
    the grammar names them)."""
    return frozenset(increment_spelled(found.group("name"))[1:]
                     for block in blocks for found in _HEAD.finditer(block.strip()))
