"""Expressions kept in the note's form: SymPy evaluates at construction, so ``2·(x + y)·1``
would already be ``2x + 2y`` and a step "expand" would compare an expression with itself.
These helpers build sums, products, quotients and powers exactly as written."""

from __future__ import annotations

import sympy as sp


def held(*factors: sp.Basic) -> sp.Mul:
    """The product of ``factors`` as written (no collecting, no cancelling)."""
    return sp.Mul(*factors, evaluate=False)


def plus(*terms: sp.Basic) -> sp.Add:
    """The sum of ``terms`` as written."""
    return sp.Add(*terms, evaluate=False)


def power(base: sp.Basic, exponent: sp.Basic | int) -> sp.Pow:
    """``base ** exponent`` as written."""
    return sp.Pow(base, exponent, evaluate=False)


def over(numerator: sp.Basic, denominator: sp.Basic) -> sp.Mul:
    """``numerator / denominator`` as written (nothing cancels)."""
    return sp.Mul(numerator, sp.Pow(denominator, -1, evaluate=False), evaluate=False)
