"""Expectations and variances of random symbols, and the algebra the checker may use on them.

``E(X)`` and ``Var(X)`` are unevaluated SymPy functions, so derivations read like the notes.
:func:`expand_expectations` applies the rules a proof may use — linearity, constants out,
``E[XY] = E[X]E[Y]`` for independent factors, ``Var(X) = E[X²] − E[X]²``, and ``E[X] = 0``
for centred variables — and leaves every other expectation as an atom ``E(...)``.
The numeric counterpart (exact evaluation on random finite distributions) is in
:mod:`symderive.check.finite`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

import sympy as sp

from symderive.printing import power_latex


class E(sp.Function):  # noqa: N801 - reads like the mathematics
    """The expectation 𝔼[X] of an expression of random symbols."""

    nargs = 1

    def _eval_evalf(self, prec):
        return None  # an expectation has no value without a distribution (not mpmath's e)

    def _latex(self, printer, exp=None):
        latex = r"\mathbb{E}\left[%s\right]" % printer._print(self.args[0])
        return power_latex(latex, exp)


class _Moment(sp.Function):
    """A named functional of a law, ``\\operatorname{NAME}(X)``: no value without a law."""

    nargs = 1
    operator_name = ""

    def _eval_evalf(self, prec):
        return None

    def _latex(self, printer, exp=None):
        latex = r"\operatorname{%s}\left(%s\right)" % (
            self.operator_name, printer._print(self.args[0]))
        return power_latex(latex, exp)


class Var(_Moment):  # noqa: N801
    """The variance Var(X) = 𝔼[(X − 𝔼X)²]."""

    operator_name = "Var"


class Bias(_Moment):  # noqa: N801
    """The bias of an estimator X: Bias(X) = 𝔼[X] − (the quantity X estimates).

    The target is not written, so Bias(X) has no value of its own: the checker treats it as
    an *opaque quantity* with one known invariance — the target does not depend on X, so
    Bias(X) depends on the law of X only through 𝔼[X] (symderive.check.invariance). Nothing
    containing it is ever proved or checked; a claim is refuted only by two laws that agree
    on 𝔼[X] and disagree on the claim whatever the bias is."""

    operator_name = "Bias"


def expand_expectations(
    expr: sp.Basic,
    random_symbols: Collection[sp.Basic],
    factor_of: Callable[[sp.Basic], int],
    centered: Collection[sp.Basic] = (),
) -> sp.Basic:
    """Rewrite every E/Var in ``expr`` by linearity and independence.

    ``factor_of(symbol)`` names the independent factor a random symbol lives on; symbols on
    different factors are independent.  Non-random symbols are constants.
    """
    random_set = frozenset(random_symbols)
    centered_set = frozenset(centered)

    def is_random(term: sp.Basic) -> bool:
        # an expectation inside (E[X] in E[X·E[X]]) is a number, not a random quantity
        moments = term.atoms(E, Var)
        if moments:
            term = term.xreplace({moment: sp.Dummy() for moment in moments})
        return bool(term.free_symbols & random_set)

    def expectation(argument: sp.Basic) -> sp.Basic:
        argument = sp.expand(argument)
        if not is_random(argument):
            return argument
        if argument.is_Add:
            return sp.Add(*(expectation(term) for term in argument.args))
        constant, random_part = _split_constant(argument, is_random)
        if constant != 1:
            return constant * expectation(random_part)
        groups = _group_by_factor(random_part, factor_of, random_set)
        if len(groups) > 1:
            return sp.Mul(*(expectation(group) for group in groups))
        if random_part in centered_set:
            return sp.S.Zero
        return E(random_part)

    def rewrite(node: sp.Basic) -> sp.Basic:
        if not node.args:
            return node
        node = node.func(*(rewrite(argument) for argument in node.args))
        if isinstance(node, E):
            return expectation(node.args[0])
        if isinstance(node, Var):
            argument = node.args[0]
            return sp.expand(expectation(argument**2) - expectation(argument) ** 2)
        return node

    return rewrite(expr)


def _split_constant(
    product: sp.Basic, is_random: Callable[[sp.Basic], bool]
) -> tuple[sp.Basic, sp.Basic]:
    factors = sp.Mul.make_args(product)
    constant = sp.Mul(*(factor for factor in factors if not is_random(factor)))
    random_part = sp.Mul(*(factor for factor in factors if is_random(factor)))
    return constant, random_part


def _group_by_factor(
    product: sp.Basic, factor_of: Callable[[sp.Basic], int], random_set: frozenset
) -> list[sp.Basic]:
    """Split a product of random factors into independent groups (one per factor space).

    A factor mixing symbols from different spaces (e.g. (X + Y)²) joins them into one group;
    a symbol of space 0 may depend on anything, so it joins everything.
    """
    factors = sp.Mul.make_args(product)
    if any(factor_of(symbol) == 0 for symbol in product.free_symbols & random_set):
        return [product]
    groups: list[tuple[set[int], list[sp.Basic]]] = []
    for factor in factors:
        spaces = {factor_of(symbol) for symbol in factor.free_symbols & random_set}
        merged_spaces, merged_factors = set(spaces), [factor]
        remaining = []
        for group_spaces, group_factors in groups:
            if group_spaces & merged_spaces:
                merged_spaces |= group_spaces
                merged_factors.extend(group_factors)
            else:
                remaining.append((group_spaces, group_factors))
        groups = remaining + [(merged_spaces, merged_factors)]
    return [sp.Mul(*factors) for _, factors in groups]


def factor_assignment(
    random_symbols: Iterable[sp.Basic], independent: Iterable[Iterable[sp.Basic]]
) -> dict[sp.Basic, int]:
    """Give each random symbol a factor space: members of ONE independence group (the largest)
    each get their own space; every other random symbol is on space 0, which may depend on
    every space.  Symbols on their own spaces are mutually independent, which only a single
    declared group says: pairwise declarations (X,Y), (Y,Z), (X,Z) do not make X, Y, Z
    mutually independent (Z = XY with X, Y uniform on ±1 is pairwise independent of both)."""
    assignment: dict[sp.Basic, int] = {symbol: 0 for symbol in random_symbols}
    groups = [tuple(dict.fromkeys(group)) for group in independent]
    if not groups:
        return assignment
    largest = max(groups, key=len)
    for space, symbol in enumerate(largest, start=1):
        assignment[symbol] = space
    return assignment


def symbols_read_as_random(expressions: Iterable[sp.Basic]) -> set[sp.Symbol]:
    """The symbols that stand alone inside an expectation or a variance (``E[X]``, ``E[X^2]``,
    ``Var(X)``), or are the only name in one (``E[(X - 7)^2]``, ``E[e^X]``: the expectation of
    an expression in one name varies with that name only): the one rule by which every channel
    reads a name as a random variable, so that in ``E[aX + b] = aE[X] + b`` X is random and a,
    b are constants."""
    alone: set[sp.Symbol] = set()
    for expr in expressions:
        for node in expr.atoms(E, Var):
            argument = node.args[0]
            if argument.is_Pow and argument.exp.is_Integer:
                argument = argument.base
            if isinstance(argument, sp.Symbol):
                alone.add(argument)
            elif not argument.has(E, Var):
                names = [s for s in argument.free_symbols if isinstance(s, sp.Symbol)]
                if len(names) == 1 and not argument.atoms(sp.Indexed):
                    alone.add(names[0])
    return alone
