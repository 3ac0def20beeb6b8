"""One source of truth per operation: the ops table and everything generated from it.

definitions.py   the elementwise ops: SymPy definition, kernels, printing, proof, kink rule
losses.py        the losses: SymPy row definition, stable kernel, proof
symbolic.py      generated SymPy function classes (sigmoid, relu …), to_elementary, derivative
derive.py        derived rules: partial derivatives, lambdified backward, mpmath references
kernels.py       stable NumPy kernels of the elementwise ops and softmax
loss_kernels.py  stable NumPy kernels of the losses
catalog.py       the catalog entry's first step read in an op's symbols
"""

from symderive.ops.definitions import ALL_OPS, ELEMENTWISE, KINK_CONVENTION, Elementwise
from symderive.ops.derive import LossRule, Rule, loss_rule, rule
from symderive.ops.losses import LOSSES, Loss

__all__ = [
    "ALL_OPS",
    "ELEMENTWISE",
    "KINK_CONVENTION",
    "LOSSES",
    "Elementwise",
    "Loss",
    "LossRule",
    "Rule",
    "loss_rule",
    "rule",
]
