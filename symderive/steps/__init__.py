"""Step-by-step differentiation: a rule tree whose every node checks its own equality.

tree = narrate(expr, x)                 # the rules only (rules.py / narrate.py)
narration = differentiate(expr, x)      # + each node checked, final result vs sympy.diff
gradient = narrate_gradient(f, W)       # ∂f/∂W for a MatrixSymbol W, entry by entry
"""

from symderive.steps.gradient import GradientRule, narrate_gradient
from symderive.steps.local import NodeCheck
from symderive.steps.narrate import narrate, narrate_partials
from symderive.steps.narration import (
    Narration,
    check_tree,
    differentiate,
    differentiate_partials,
)
from symderive.steps.rules import KNOWN_DERIVATIVES, RULES, Rule

__all__ = [
    "KNOWN_DERIVATIVES",
    "RULES",
    "GradientRule",
    "Narration",
    "NodeCheck",
    "Rule",
    "check_tree",
    "differentiate",
    "differentiate_partials",
    "narrate",
    "narrate_gradient",
    "narrate_partials",
]
