r"""A side of ``=`` that is only a space of real arrays: ``z = Wx = R^{3\times 1}``.

Notes abuse ``=`` for membership: ``W^{[1]}x^{(i)} = R^{3\times 1}`` says the product *lies
in* ℝ^{3×1} (its shape), not that it equals a power of a letter R (round 40 J11). A step one
of whose sides is only such a set — ``\mathbb{R}^{…}`` (any exponent, or none), ``\R^{…}``,
``\mathbf{R}^{…}``, or a plain ``R^{m \times n}`` whose exponent is a product of sizes — is
a membership, not checked, unless the other side uses that R too (``(R^m)^n = R^{m \times
n}`` is about powers of R).
"""

from __future__ import annotations

import re

REAL_SPACE = re.compile(
    r"\s*(?:\\(?:mathbb|mathbf|Bbb)\s*\{?\s*R\s*\}?|\\R(?![A-Za-z])|\\Re(?![A-Za-z]))"
    r"(?:\s*\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?\s*"
    r"|\s*R\s*\^\s*\{[^{}]*\\times[^{}]*\}\s*"
)


def membership(left: str, right: str) -> str:
    """Why the step ``left = right`` states a membership ('' when it does not)."""
    for side, other in ((right, left), (left, right)):
        if REAL_SPACE.fullmatch(side) and not re.search(r"(?<![A-Za-z\\])R(?![A-Za-z])", other):
            return (f"'{side.strip()}' is a space of real arrays: '=' here says the other side "
                    "lies in it (its shape), a membership — not checked")
    return ""
