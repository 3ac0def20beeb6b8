"""Random points from each symbol's domain, as exact rationals.

Exact rational points keep the numeric check honest: the only rounding is in the final
30-digit evaluation, and a counterexample reads as plain fractions (``x = 3/7``).
"""

from __future__ import annotations

import random
from collections import defaultdict

import sympy as sp

from symderive.check.context import CheckContext

SIZES = (1, 2, 3, 4, 5)  # symbolic bounds of sums/products are instantiated at these sizes


def _fraction(rng: random.Random, low: int, high: int, denominator: int = 12) -> sp.Rational:
    return sp.Rational(rng.randint(low * denominator, high * denominator), denominator)


def draw_value(kind: str, rng: random.Random) -> sp.Rational:
    """One exact value from a scalar domain."""
    if kind == "positive":
        return sp.Rational(rng.randint(1, 48), rng.choice((4, 6, 8, 12)))
    if kind == "negative":
        return -sp.Rational(rng.randint(1, 48), rng.choice((4, 6, 8, 12)))
    if kind == "nonnegative":
        return sp.Rational(rng.randint(0, 48), rng.choice((4, 6, 8, 12)))
    if kind == "integer":
        return sp.Integer(rng.randint(-6, 6))
    if kind == "probability":
        return sp.Rational(rng.randint(1, 99), 100)
    # real and nonzero: a nonzero fraction in [-4, 4]; 0 is reached through kink points
    while True:
        value = _fraction(rng, -4, 4, rng.choice((3, 4, 5, 7, 8)))
        if value != 0:
            return value


def draw_point(
    symbols: list[sp.Basic],
    context: CheckContext,
    rng: random.Random,
    sizes: dict | None = None,
) -> dict[sp.Basic, sp.Basic]:
    """A point for ``symbols`` (scalars and Indexed entries); simplex groups sum to 1."""
    point: dict[sp.Basic, sp.Basic] = {}
    groups: dict[str, list[sp.Basic]] = defaultdict(list)
    for symbol in symbols:
        domain = context.domain_of(symbol)
        if domain.kind == "simplex":
            groups[domain.group].append(symbol)
        elif domain.kind in ("random", "matrix", "size", "index"):
            continue
        else:
            point[symbol] = draw_value(domain.kind, rng)
    for group, members in groups.items():
        complete = _group_is_complete(group, members, context, sizes or {})
        weights = [rng.randint(1, 20) for _ in members]
        # members missing from this expression (other coordinates of the same probability
        # vector) take the remaining mass
        slack = 0 if complete else rng.randint(1, 20) * max(1, len(members))
        total = sum(weights) + slack
        for member, weight in zip(members, weights):
            point[member] = sp.Rational(weight, total)
    return point


def _group_is_complete(group: str, members: list, context: CheckContext, sizes: dict) -> bool:
    """Whether ``members`` are the whole probability vector ``group``."""
    declared = [s for s, d in context.domains if d.kind == "simplex" and d.group == group]
    plain = [s for s in declared if not isinstance(s, sp.IndexedBase)]
    bases = [s for s in declared if isinstance(s, sp.IndexedBase)]
    present = set(members)
    if plain and not bases:
        return set(plain) <= present
    if bases and not plain and len(bases) == 1:
        indices = {m.indices[0] for m in members if isinstance(m, sp.Indexed)}
        for size in sizes.values():
            if indices == {sp.Integer(k) for k in range(1, int(size) + 1)}:
                return True
        return False
    return not declared  # a group declared nowhere else is whatever the expression holds


def draw_indices(
    indices: list[sp.Symbol], context: CheckContext, sizes: dict, rng: random.Random
) -> dict[sp.Symbol, sp.Integer]:
    values = {}
    for index in indices:
        domain = context.domain_of(index)
        low = _as_basic(domain.low if domain.low is not None else 1).xreplace(sizes)
        high = _as_basic(domain.high if domain.high is not None else low).xreplace(sizes)
        if not (low.is_Integer and high.is_Integer) or high < low:
            raise ValueError(f"cannot instantiate index {index} in [{low}, {high}]")
        values[index] = sp.Integer(rng.randint(int(low), int(high)))
    return values


def _as_basic(value) -> sp.Basic:
    return sp.Integer(value) if isinstance(value, int) else value


def in_domain(value: sp.Basic, domain) -> bool:
    """Whether a kink point's coordinate lies in its symbol's domain (else it is no witness)."""
    kind = domain.kind
    checks = {
        "positive": lambda v: v > 0,
        "negative": lambda v: v < 0,
        "nonnegative": lambda v: v >= 0,
        "nonzero": lambda v: v != 0,
        "integer": lambda v: v.is_integer,
        "probability": lambda v: 0 < v < 1,
    }
    if kind == "simplex":
        return False  # a probability vector's coordinates cannot move one at a time
    check = checks.get(kind)
    return bool(check(value)) if check else True


def kink_points(
    expr: sp.Basic, base_point: dict[sp.Basic, sp.Basic], context: CheckContext | None = None
) -> list[dict[sp.Basic, sp.Basic]]:
    """Points where a kink argument vanishes (Heaviside(0), Abs(0), ties of Max/Min).

    Random points almost never land on a kink, yet that is where conventions such as
    relu'(0) differ; so for each kink we solve its argument = 0 for one symbol, keeping the
    other coordinates of ``base_point``.
    """
    arguments = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Heaviside, sp.Abs, sp.sign)):
            arguments.append(node.args[0])
        elif isinstance(node, (sp.Max, sp.Min)) and len(node.args) >= 2:
            arguments.append(node.args[0] - node.args[1])
        elif isinstance(node, sp.Piecewise):
            for _, condition in node.args:
                if isinstance(condition, sp.core.relational.Relational):
                    arguments.append(condition.lhs - condition.rhs)
    context = context or CheckContext()
    domains = {symbol: context.domain_of(symbol) for symbol in base_point}
    points = []
    for argument in arguments[:4]:
        free = sorted(argument.free_symbols & set(base_point), key=sp.default_sort_key)
        if not free:
            continue
        target = free[0]
        others = {s: v for s, v in base_point.items() if s != target}
        try:
            solutions = sp.solve(argument.xreplace(others), target, rational=True)
        except (NotImplementedError, ValueError, TypeError):
            continue
        for solution in solutions[:1]:
            if solution.is_real and solution.is_finite and in_domain(solution, domains[target]):
                point = dict(base_point)
                point[target] = sp.nsimplify(solution) if not solution.is_Rational else solution
                points.append(point)
    return points
