"""Exact evaluation of expectations on random finite distributions.

Each independent factor space gets a few outcomes with random rational probabilities; the
random symbols of that space take random rational values on them (shifted to mean 0 when the
symbol is centred).  Symbols of space 0 may depend on everything, so they take a value on
every joint outcome.  ``E(X)`` is then an exact finite sum, and an identity between random
expressions is checked outcome by outcome: equal random variables agree on every outcome.
"""

from __future__ import annotations

import functools
import itertools
import operator
import random
from dataclasses import dataclass

import sympy as sp

from symderive.check.probability_vectors import EPSILON, random_weights, uniform
from symderive.check.rare import described
from symderive.expectation import E, Var

OUTCOMES_PER_SPACE = {0: 8, 1: 7, 2: 5}  # outcomes per factor space, by number of spaces


@dataclass(frozen=True)
class FiniteModel:
    """A joint finite distribution: outcomes with probabilities and each symbol's values."""

    probabilities: tuple[sp.Rational, ...]
    values: dict  # symbol -> tuple of values, one per joint outcome

    def expectation(self, expr: sp.Basic) -> sp.Basic:
        """Σ_k P(k)·expr(k); a vector's or matrix's expectation entry by entry (a matrix is
        never added to SymPy's scalar 0: round 40 J10, 𝔼 of a bold 𝐱)."""
        terms = [probability * self.at(expr, outcome)
                 for outcome, probability in enumerate(self.probabilities)]
        return functools.reduce(operator.add, terms) if terms else sp.S.Zero

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


# -- laws an adversary would try ----------------------------------------------------------------
# The random laws above have many distinct outcomes of size 10..300: a claim false only for a
# constant (Var(X) > 0, E[X²] > E[X]²), for values in (0, 1) (E[X²] ≥ E[X]), for integer values
# (E[cos 2πX] < 1), for a rare outcome or a large spread (Var(X) ≤ 10⁸) passes them all.  The
# information-theory checker tries such laws for entropies (notes/info_check.py: uniform,
# near-degenerate, point masses); these are their counterparts for the values of random
# variables.

SPREAD = sp.Integer(10) ** 5
LARGEST_SCALE = sp.Integer(10) ** 100


@dataclass(frozen=True)
class Law:
    """One variable's finite law: outcomes with probabilities and the value on each."""

    kind: str  # how the family names it in a verdict
    probabilities: tuple
    values: tuple


def rare_laws(rare=(EPSILON,), scale: sp.Integer = SPREAD) -> list[Law]:
    """For each rare probability ε (:func:`symderive.check.rare.rare_probabilities`, from
    the claim's numbers): Bernoulli(ε) on {0, 1}, its mirror on {0, −1}, a rare 0 among ones,
    and a rare far outcome ±scale beside 0 (a claim that is not homogeneous in X, such as
    E[X⁴] ≤ 10⁶·E[X²]² + 10⁶, fails only when the rare outcome is also large)."""
    kind = described(rare, "beside a common one (values {0, 1}, {0, −1}, {1, 0}, {0, ±scale})")
    laws = []
    for epsilon in rare:
        common, seldom = 1 - epsilon, epsilon
        for values in ((0, 1), (0, -1), (1, 0), (0, scale), (0, -scale)):
            laws.append(Law(kind, (common, seldom), tuple(sp.sympify(v) for v in values)))
    return laws


def adversarial_laws(rng: random.Random, scale: sp.Integer = SPREAD,
                     rare=(EPSILON,)) -> list[Law]:
    """Point masses (0, 1/2, 1, −1, ±scale), a rare outcome (each probability of ``rare``, see
    :func:`rare_laws`), a fair coin on {0, 1}, values in (0, 1), small integer values, a law
    symmetric about 0, a large spread ±10⁵ (and ±scale, past the largest number of the
    claim), and one random law."""
    half = sp.Rational(1, 2)
    laws = [Law("point masses", (sp.S.One,), (sp.sympify(c),)) for c in (0, half, 1, -1)]
    laws += rare_laws(rare, scale)
    laws += [
        Law("a fair coin on {0, 1}", tuple(uniform(2)), (sp.S.Zero, sp.S.One)),
        Law("values in (0, 1)", tuple(random_weights(4, rng)),
            tuple(sp.Rational(rng.randint(1, 98), 99) for _ in range(4))),
        Law("integer values", tuple(random_weights(5, rng)),
            tuple(sp.Integer(v) for v in rng.sample(range(-3, 4), 5))),
    ]
    a, b = (sp.Rational(rng.randint(1, 300), rng.choice((2, 3, 7))) for _ in range(2))
    quarter = sp.Rational(1, 4)
    laws.append(Law("a law symmetric about 0", (quarter,) * 4, (-a, -b, b, a)))
    for spread in dict.fromkeys((SPREAD, min(max(scale, SPREAD), LARGEST_SCALE))):
        laws.append(Law(f"a spread ±{spread}", (half, half), (-spread, spread)))
        laws.append(Law(f"a spread ±{spread}", (sp.S.One,), (spread,)))
        laws.append(Law(f"a spread ±{spread}", (sp.S.One,), (-spread,)))
    values = tuple(sp.Rational(rng.randint(-300, 300), rng.choice((2, 3, 7, 11))) for _ in range(5))
    laws.append(Law("a random law", tuple(random_weights(5, rng)), values))
    return laws


@dataclass(frozen=True)
class LawFamily:
    """The finite models of a claim's random symbols, and what they are, for the verdict."""

    models: tuple
    kinds: tuple  # the kinds of law and of dependence tried, in order

    def describe(self, aimed: int = 0, aimed_kind: str = "") -> str:
        """The laws tried, with ``aimed`` more laws of ``aimed_kind`` tried first."""
        kinds = ", ".join(([aimed_kind] if aimed else []) + list(self.kinds))
        return f"{len(self.models) + aimed} adversarial finite laws ({kinds})"


def _centred(values: dict, probabilities, centered) -> dict:
    for symbol in centered:
        if symbol in values:
            mean = sum(p * v for p, v in zip(probabilities, values[symbol]))
            values[symbol] = tuple(v - mean for v in values[symbol])
    return values


def _dependent_models(symbols: list, law: Law, rng: random.Random) -> list[tuple[str, tuple, dict]]:
    """Symbols that may depend on each other, all on one law: X = Y, X = −Y, X > Y always,
    Y constant beside X, Y = X², and X, Y independent copies."""
    u = law.values
    first, rest = symbols[0], symbols[1:]
    models = [("", law.probabilities, {s: u for s in symbols})]
    if not rest:
        return models
    sign = {s: (-1) ** k for k, s in enumerate(symbols)}
    models.append(("X = −Y", law.probabilities, {s: tuple(sign[s] * v for v in u) for s in symbols}))
    models.append(("X > Y always", law.probabilities,
                   {s: tuple(v - k for v in u) for k, s in enumerate(symbols)}))
    models.append(("X > Y always", law.probabilities,
                   {s: tuple(v + k for v in u) for k, s in enumerate(symbols)}))
    models.append(("Y constant", law.probabilities,
                   {first: u, **{s: (sp.S.One,) * len(u) for s in rest}}))
    models.append(("Y = X²", law.probabilities, {first: u, **{s: tuple(v**2 for v in u) for s in rest}}))
    if 1 < len(u) <= 5:  # independent copies: outcome pairs
        pairs = list(itertools.product(range(len(u)), repeat=2))
        probabilities = tuple(law.probabilities[a] * law.probabilities[b] for a, b in pairs)
        values = {first: tuple(u[a] for a, _ in pairs)}
        values.update({s: tuple(u[b] for _, b in pairs) for s in rest})
        models.append(("independent copies", probabilities, values))
    return models


def _product(laws: list[Law]) -> tuple[tuple, list]:
    joint = list(itertools.product(*(range(len(law.values)) for law in laws)))
    probabilities = []
    for combination in joint:
        probability = sp.S.One
        for law, local in zip(laws, combination):
            probability *= law.probabilities[local]
        probabilities.append(probability)
    return tuple(probabilities), joint


def adversarial_family(
    space_of: dict[sp.Basic, int], centered: set, rng: random.Random, scale=SPREAD,
    rare=(EPSILON,),
) -> LawFamily:
    """Finite models on which a false claim about expectations is likely to fail, each one
    respecting the independence of ``space_of`` (symbols of distinct nonzero spaces get
    independent laws; a constant is independent of everything; space-0 symbols may depend on
    anything): every law of :func:`adversarial_laws` for every variable, one variable varying
    beside constant others, constants in either order, and for symbols that may depend on
    each other X = Y, X = −Y, X > Y always, Y = X² and independent copies."""
    if not space_of:
        return LawFamily((), ())
    laws = adversarial_laws(rng, scale, rare)
    spaces = sorted({space for space in space_of.values() if space != 0})
    free = sorted((s for s, space in space_of.items() if space == 0), key=str)
    by_space = {space: [s for s, k in space_of.items() if k == space] for space in spaces}
    models: list[FiniteModel] = []
    kinds: list[str] = []
    seen: set = set()

    def add(kind: str, probabilities, values: dict) -> None:
        values = _centred(dict(values), probabilities, centered)
        key = (tuple(probabilities), tuple(sorted((str(s), v) for s, v in values.items())))
        if key in seen:
            return
        seen.add(key)
        models.append(FiniteModel(tuple(probabilities), values))
        for part in kind.split("; "):
            if part and part not in kinds:
                kinds.append(part)

    if not spaces:
        for law in laws:
            for how, probabilities, values in _dependent_models(free, law, rng):
                add(f"{law.kind}; {how}", probabilities, values)
        return LawFamily(tuple(models), tuple(kinds))
    constant = Law("point masses", (sp.S.One,), (sp.S.One,))
    zero = Law("point masses", (sp.S.One,), (sp.S.Zero,))
    choices: list[tuple[str, list[Law]]] = []
    for law in laws:
        choices.append((law.kind, [law] * len(spaces)))  # every variable on this law
        if len(spaces) > 1:
            choices.append((f"{law.kind}; Y constant", [law] + [constant] * (len(spaces) - 1)))
            choices.append((f"{law.kind}; Y constant", [zero] * (len(spaces) - 1) + [law]))
    if len(spaces) > 1:
        ordered = [Law("point masses", (sp.S.One,), (sp.Integer(len(spaces) - k),))
                   for k in range(len(spaces))]
        choices.append(("X > Y always", ordered))
        choices.append(("X > Y always", ordered[::-1]))
        low = next(law for law in laws if law.kind == "values in (0, 1)")  # shifted apart
        choices.append(("X > Y always", [
            Law(low.kind, low.probabilities, tuple(v + 10 * (len(spaces) - k) for v in low.values))
            for k in range(len(spaces))]))
    for kind, chosen in choices:
        probabilities, joint = _product(chosen)
        if len(joint) > 512:
            continue
        values = {}
        for position, space in enumerate(spaces):
            local = chosen[position].values
            for symbol in by_space[space]:
                values[symbol] = tuple(local[combination[position]] for combination in joint)
        first = values[by_space[spaces[0]][0]]
        for symbol in free:  # may depend on everything: here equal to the first variable
            values[symbol] = first
        add(kind, probabilities, values)
    return LawFamily(tuple(models), tuple(kinds))
