"""Exact evaluation of expectations on random finite distributions.

Each independent factor space gets a few outcomes with random rational probabilities; the
random symbols of that space take random rational values on them (shifted to mean 0 when the
symbol is centred).  Symbols of space 0 may depend on everything, so they take a value on
every joint outcome.  ``E(X)`` is then an exact finite sum, and an identity between random
expressions is checked outcome by outcome: equal random variables agree on every outcome.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import sympy as sp

from symderive.expectation import E, Var

OUTCOMES_PER_SPACE = {0: 8, 1: 7, 2: 5}  # outcomes per factor space, by number of spaces


@dataclass(frozen=True)
class FiniteModel:
    """A joint finite distribution: outcomes with probabilities and each symbol's values."""

    probabilities: tuple[sp.Rational, ...]
    values: dict  # symbol -> tuple of values, one per joint outcome

    def expectation(self, expr: sp.Basic) -> sp.Basic:
        total = sp.S.Zero
        for outcome, probability in enumerate(self.probabilities):
            total += probability * self.at(expr, outcome)
        return total

    def at(self, expr: sp.Basic, outcome: int) -> sp.Basic:
        """The value of ``expr`` on one outcome, expectations inside taken exactly."""
        expr = self.resolve(expr)
        return expr.xreplace({symbol: values[outcome] for symbol, values in self.values.items()})

    def resolve(self, expr: sp.Basic) -> sp.Basic:
        """Replace every E(...) / Var(...), innermost first, by its exact value."""
        if not isinstance(expr, sp.Basic) or not expr.has(E, Var):
            return expr
        if isinstance(expr, (E, Var)):
            argument = self.resolve(expr.args[0])
            mean = self.expectation(argument)
            if isinstance(expr, E):
                return mean
            return self.expectation((argument - mean) ** 2)
        return expr.func(*(self.resolve(argument) for argument in expr.args))

    def with_noise(self, symbol: sp.Basic) -> FiniteModel:
        """This law with ``symbol`` replaced by symbol + ξ, ξ = ±1 with probability 1/2 each
        and independent of everything: each outcome k splits into (k, +1) at 2k and (k, −1)
        at 2k + 1. Every other symbol keeps its joint law; 𝔼[symbol] is unchanged, and
        Var(symbol) grows by exactly 1."""
        probabilities = tuple(p / 2 for p in self.probabilities for _ in (1, -1))
        values = {}
        for name, column in self.values.items():
            if name == symbol:
                values[name] = tuple(v + sign for v in column for sign in (1, -1))
            else:
                values[name] = tuple(v for v in column for _ in (1, -1))
        return FiniteModel(probabilities, values)

    def describe(self) -> tuple[tuple[str, str], ...]:
        rows = [("P(outcome)", str(list(self.probabilities)))]
        for symbol, values in sorted(self.values.items(), key=lambda kv: str(kv[0])):
            rows.append((str(symbol), str(list(values))))
        return tuple(rows)


def draw_model(space_of: dict[sp.Basic, int], centered: set, rng: random.Random) -> FiniteModel:
    spaces = sorted({space for space in space_of.values() if space != 0})
    # more atoms than the moments an identity of low order can pin down (a k-atom law makes
    # every (k+1)×(k+1) Hankel determinant of moments vanish), fewer when spaces multiply
    per_space = OUTCOMES_PER_SPACE.get(len(spaces), 3)
    per_space_probabilities = {}
    for space in spaces:
        weights = [rng.randint(1, 99) for _ in range(per_space)]
        per_space_probabilities[space] = [sp.Rational(w, sum(weights)) for w in weights]
    base = [range(per_space) for _ in spaces] or [range(1)]
    joint = list(itertools.product(*base))
    probabilities = []
    for combination in joint:
        probability = sp.S.One
        for space, local in zip(spaces, combination):
            probability *= per_space_probabilities[space][local]
        probabilities.append(probability)
    if not spaces:
        # only space-0 symbols: a single space of a few outcomes
        weights = [rng.randint(1, 99) for _ in range(per_space)]
        probabilities = [sp.Rational(w, sum(weights)) for w in weights]
        joint = [(k,) for k in range(len(weights))]
    values = {}
    for symbol, space in sorted(space_of.items(), key=lambda kv: str(kv[0])):
        if space == 0:
            raw = [sp.Rational(rng.randint(-300, 300), rng.choice((2, 3, 7, 11))) for _ in joint]
        else:
            position = spaces.index(space)
            local = [
                sp.Rational(rng.randint(-300, 300), rng.choice((2, 3, 7, 11)))
                for _ in range(per_space)
            ]
            raw = [local[combination[position]] for combination in joint]
        if symbol in centered:
            mean = sum(p * v for p, v in zip(probabilities, raw))
            raw = [v - mean for v in raw]
        values[symbol] = tuple(raw)
    return FiniteModel(tuple(probabilities), values)
