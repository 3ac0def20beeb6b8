"""One source of truth per operation: symbolic definitions, derived rules, stable kernels."""

from symderive.ops.definitions import ELEMENTWISE, LOSSES, Elementwise, Loss
from symderive.ops.derive import Rule, loss_rule, rule

__all__ = ["ELEMENTWISE", "LOSSES", "Elementwise", "Loss", "Rule", "loss_rule", "rule"]
