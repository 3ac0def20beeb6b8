r"""Whether a note uses the letter T as a number (a horizon, a count), which decides how the
grammar reads a superscript T on a name that is not a matrix (:mod:`symderive.grammar.latex`):
``\theta^T x`` is a transpose in a note that never uses T otherwise, a power ``\gamma^T`` in a
note that writes ``\sum_{t=1}^{T}`` or ``t = 1, \dots, T``."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LETTER_T = re.compile(r"(?<![A-Za-z\\])T(?![A-Za-z])")
# ^T, ^{T}, ^\mathrm{T}, ^{\mathrm{T}}: the opening of a transpose mark, up to the T
_MARK_OPENING = re.compile(
    r"\^\s*(?P<brace>\{\s*)?(?:\\(?:mathrm|mathsf|text|textrm|rm)\s*(?P<inner>\{\s*)?)?$"
)
# \sum_{t=1}^{T}, \prod_t^T, \int_0^T: T is a bound, a number
_BOUND = re.compile(r"\\(?:sum|prod|int|bigcup|bigcap|max|min)\s*_\s*(?:\{[^{}]*\}|\\?\w+)\s*$")


def t_as_number(blocks: Sequence[str]) -> bool:
    """True when some block uses T other than as a transpose mark on its own: as a name
    (``T = 100``, ``t \\le T``), a bound of a sum, product or integral, or inside a larger
    exponent (``\\gamma^{T-t}``)."""
    for block in blocks:
        for match in _LETTER_T.finditer(block):
            before, after = block[: match.start()], block[match.end() :]
            opening = _MARK_OPENING.search(before)
            if opening is None:
                return True
            closers = (opening.group("brace") is not None) + (opening.group("inner") is not None)
            if not re.match(r"\s*" + r"\}\s*" * closers, after):
                return True  # ^{T-1}: T inside an exponent
            if _BOUND.search(before[: opening.start()]):
                return True
    return False
