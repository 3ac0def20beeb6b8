r"""Whether a ``d`` written against a name is a differential or a gradient name (round 44 V03, V04).

Calculus notes write differentials ``du = 2x\,dx`` (after ``u = x^2``) and backpropagation notes
name gradients ``dZ_2 = dA_2``, ``dW_1 = dZ_1 X^T`` (Andrew Ng's ``dZ`` for ∂L/∂Z). Neither is a
product with a variable ``d``. A note that uses ``d`` alone in its mathematics (``Let $d$ be the
dimension``, ``\mathbb{R}^d``, ``d = 3``, ``2d``) may mean ``d x`` as d·x, so there nothing
changes; in any other note :func:`d_marks_names` is True and the grammar reads ``d`` against a
capital (``dZ_2``) as one name and refuses ``d`` against a lower-case letter (``du``, ``dx``)
outside an integral or a derivative fraction as a differential (a relation between
differentials is not read).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the derivative operator's own d: \frac{d}{dx}, \frac{d^2 y}{dx^2}, \mathrm{d}, \text{d}
OPERATOR_D = re.compile(r"\\frac\s*\{\s*d(?=[\s}^])|"
                        r"\\(?:mathrm|text|textrm|operatorname)\s*\{\s*d\s*\}")
# a d that stands alone: no letter or backslash before it, no letter after it
LONE_D = re.compile(r"(?<![A-Za-z\\])d(?![A-Za-z])")


def d_marks_names(blocks: Iterable[str]) -> bool:
    """True when no block of the note's mathematics uses ``d`` alone as a name."""
    return not any(LONE_D.search(OPERATOR_D.sub(" ", block)) for block in blocks)
