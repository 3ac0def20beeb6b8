"""The probability vectors an adversary tries first: one source for both searches over finite
laws, the laws of random variables for expectation claims (:mod:`symderive.check.finite`) and
the finite distributions for entropy claims (:mod:`symderive.notes.info_check`).

A false claim about a law fails first at an edge of the simplex: the uniform law, a point
mass (exact zeros), one outcome of probability 1 − ε (a rare event), two equally likely
outcomes; or on a random law with distinct, strictly positive rational probabilities.
"""

from __future__ import annotations

import random

import sympy as sp

EPSILON = sp.Rational(1, 1000)  # the probability of a rare outcome


def random_weights(count: int, rng: random.Random) -> list[sp.Rational]:
    """``count`` distinct, strictly positive rational probabilities summing to 1."""
    numbers = rng.sample(range(1, 40 * count + 40), count)
    total = sum(numbers)
    return [sp.Rational(n, total) for n in numbers]


def uniform(n: int) -> list[sp.Rational]:
    return [sp.Rational(1, n)] * n


def point_mass(n: int) -> list[sp.Rational]:
    return [sp.S.One] + [sp.S.Zero] * (n - 1)


def near_degenerate(n: int) -> list[sp.Rational]:
    """One outcome of probability 1 − ε, the others sharing ε (a rare outcome when n = 2)."""
    return [1 - EPSILON] + [EPSILON / (n - 1)] * (n - 1)


def two_equally_likely(n: int) -> list[sp.Rational]:
    return [sp.Rational(1, 2)] * 2 + [sp.S.Zero] * (n - 2)


def edge_vectors(n: int, rng: random.Random) -> list[list[sp.Rational]]:
    """Laws on n outcomes an adversary would try: uniform, random, one outcome of probability
    1 − ε, a point mass, and two equally likely outcomes."""
    return [uniform(n), random_weights(n, rng), near_degenerate(n), point_mass(n),
            two_equally_likely(n)]
