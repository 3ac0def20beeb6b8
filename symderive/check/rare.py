"""The probabilities of a rare outcome an adversary tries, chosen from the claim's own numbers.

A bound with a large constant fails only on an outcome rarer than its constant allows:
Var(X) ≤ 1000·E[|X|]² holds for X ~ Bernoulli(ε) exactly when ε ≥ 1/1001, E[X⁴] ≤ 10⁶·E[X²]²
when ε ≥ 10⁻⁶, and the third central moment of Bernoulli(ε) is about Var^{3/2}/√ε, so
E[(X − E X)³] ≤ 100·Var(X)^{3/2} fails for ε below about 10⁻⁴ (round 7, R3).  One fixed rare
probability (1/1000) misses all three.  So, as the sizes a claim's numbers name are tried for
size claims, every integer the claim writes (each numerator and denominator of its rational
numbers: 1000, 10⁶, 100 and the 3 and 2 of an exponent 3/2) names the rare probabilities
1/C, 1/C², 1/(10C), 1/(10C²) and 1/(1000C²), and a claim with a large constant also gets the
decades 10⁻ᵏ down to k = 2·log₁₀(largest constant) + 3.  Every probability is an exact
rational; their number is bounded (:data:`MOST`).
"""

from __future__ import annotations

import math

import sympy as sp

from symderive.check.probability_vectors import EPSILON

MOST = 20  # rare probabilities tried for a claim about one random variable (5 laws each)
MOST_JOINT = 6  # … about several (each law is paired with the others' laws)
CONSTANTS = 3  # the largest integers of the claim that name their own probabilities
DEEPEST_DECADE = 40  # 10^-40 at most from the decades (a constant's own 1/C² may be smaller)


def claim_integers(*sides) -> list[int]:
    """The integers ≥ 2 a claim writes: each numerator and denominator of its numbers
    (0.99 = 99/100 names 99 and 100, 10^{-12} names 10^12, Var^{3/2} names 3 and 2)."""
    found: set[int] = set()
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for number in side.atoms(sp.Rational, sp.Float):
            exact = sp.Rational(str(number)) if isinstance(number, sp.Float) else number
            for part in (abs(int(exact.p)), int(exact.q)):
                if part >= 2:
                    found.add(part)
        found |= _constant_sizes(side)
    return sorted(found, reverse=True)


def _constant_sizes(side: sp.Basic) -> set[int]:
    """The sizes of the constants a claim writes without a digit of their own (``e^{23}``,
    ``\\pi^{20}``, ``e^{e^e}``: round 8b K3): the integer part of each and of its reciprocal."""
    found: set[int] = set()
    for node in sp.preorder_traversal(side):
        if not isinstance(node, sp.Basic) or node.is_Rational or node.is_Float:
            continue
        if not (node.is_number and isinstance(node, (sp.Pow, sp.Function))):  # cosh(40) too
            continue
        try:
            value = abs(complex(sp.N(node, 15)))
        except (TypeError, ValueError, OverflowError, ZeroDivisionError):
            continue
        for size in (value, 1 / value if value else 0):
            if 2 <= size < 10**DEEPEST_DECADE:
                found.add(int(size))
    return found


def rare_probabilities(integers, most: int = MOST) -> tuple[sp.Rational, ...]:
    """1/1000, then for each of the largest :data:`CONSTANTS` integers C the probabilities
    1/C, 1/C², 1/(10C), 1/(10C²), 1/(1000C²), the largest C followed by the decades 10⁻ᵏ
    (k from 4 to 2·log₁₀ C + 3) when C ≥ 10; the first ``most`` of these that lie in
    (0, 1/2), in the order tried: 1/1000 (the one the family always had) first, then the
    others largest first."""
    chosen: list[sp.Rational] = [EPSILON]
    largest = list(integers)[:CONSTANTS]
    for position, constant in enumerate(largest):
        c = sp.Integer(constant)
        chosen += [1 / c, 1 / c**2, 1 / (10 * c), 1 / (10 * c**2), 1 / (1000 * c**2)]
        if position == 0 and constant >= 10:  # the decades before the smaller constants
            deepest = min(2 * math.ceil(math.log10(constant)) + 3, DEEPEST_DECADE)
            chosen += [sp.Rational(1, 10**k) for k in range(4, deepest + 1)]
    kept = [p for p in dict.fromkeys(chosen) if 0 < p < sp.Rational(1, 2)]  # 1/1000 first
    return (EPSILON, *sorted(kept[1:most], reverse=True))


def written(probability: sp.Rational) -> str:
    """``10^-7`` for a power of ten, ``1/1001`` otherwise."""
    denominator = int(probability.q)
    if probability.p == 1 and denominator >= 10**4 and 10 ** (len(str(denominator)) - 1) \
            == denominator:
        return f"10^-{len(str(denominator)) - 1}"
    return str(probability)


def described(probabilities, values: str = "") -> str:
    """The kind of law the rare-outcome laws are, naming every probability tried (and the
    ``values`` they are laws on, when given)."""
    text = "a rare outcome (probability " + ", ".join(written(p) for p in probabilities) + ")"
    return f"{text} {values}" if values else text
