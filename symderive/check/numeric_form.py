"""One numeric form of an expression for mpmath, used wherever the checker scans an expression
in floating point outside the certified balls (the sign scan of a kink argument over the sizes,
the slack search of an inequality).

The deep-learning functions (relu, leaky_relu, sigmoid, maximum, minimum) are SymPy functions
that lambdify's mpmath printer does not know (round 14b F2: ``sign(relu(n - 1000))`` with n a
size ended as "NameError: name 'relu' is not defined"): they are rewritten to their elementary
form first (:func:`symderive.functions.to_elementary`), the same form the certified evaluation
compares, so every function the grammar builds has one numeric meaning in every channel.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import to_elementary


def mpmath_function(symbols, expr: sp.Basic):
    """``expr`` as a Python function of ``symbols`` over mpmath numbers (elementary form)."""
    return sp.lambdify(symbols, to_elementary(expr), modules="mpmath")
