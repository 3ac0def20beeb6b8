"""The deep-learning functions as SymPy functions, generated from the ops table.

``sigmoid(x)`` stays unevaluated so derivations read like the notes, but it knows its own
elementary definition (``rewrite(exp)``), its derivative and its numeric value — all generated
from its entry in :mod:`symderive.ops.definitions` by :mod:`symderive.ops.symbolic`. The
checker rewrites every one of them to elementary form before simplifying
(:func:`to_elementary`). The kink convention is stated once, in
:data:`symderive.ops.definitions.KINK_CONVENTION`.
"""

from symderive.ops.symbolic import (
    FUNCTIONS,
    derivative,
    leaky_relu,
    maximum,
    minimum,
    relu,
    sigmoid,
    softmax,
    to_elementary,
)

__all__ = [
    "FUNCTIONS",
    "derivative",
    "leaky_relu",
    "maximum",
    "minimum",
    "relu",
    "sigmoid",
    "softmax",
    "to_elementary",
]
