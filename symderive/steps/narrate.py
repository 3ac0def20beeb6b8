"""Build the rule tree of a derivative: which rule applies at each node, top-down.

The narrator reads the expression the way a person differentiates it by hand: constants and
constant factors first, then sums, quotients (a factor with a negative exponent is a
denominator), products, powers, the known functions from the table in :mod:`.rules`, and the
chain rule whenever a function is applied to something other than the variable itself. The
inner function of a chain gets a fresh name (u, v, u1 …) so the outer rule reads ``d/du f(u)``.
Patterns of deep learning are recognised as a whole: softmax ``e^{a_i}/Σ e^{a_k}`` and
log-sum-exp ``log Σ e^{a_k}``. Anything else becomes a :class:`FallbackRule` naming what is
missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp

from symderive.functions import maximum, minimum
from symderive.steps.rules import (
    KNOWN_DERIVATIVES,
    ChainRule,
    ConstantMultipleRule,
    ConstantRule,
    ExponentialRule,
    FallbackRule,
    FunctionRule,
    GeneralPowerRule,
    LogSumExpRule,
    MaxMinRule,
    PowerRule,
    ProductRule,
    QuotientRule,
    Rule,
    SoftmaxRule,
    SumRule,
    VariableRule,
)

INNER_NAMES = ("u", "v", "t", "s", "q")


def narrate(expression: sp.Expr, variable: sp.Symbol) -> Rule:
    """The rule tree of ``d/d(variable) expression``; its root's ``result`` is the derivative."""
    return _Narrator(expression).narrate(expression, variable)


def narrate_partials(expression: sp.Expr, variables: Sequence[sp.Symbol]) -> tuple[Rule, ...]:
    """One rule tree per variable: the partial derivatives of a function of several variables."""
    return tuple(narrate(expression, variable) for variable in variables)


class _Narrator:
    """Holds the names already in use so that every inner function gets a fresh one."""

    def __init__(self, expression: sp.Expr) -> None:
        self.taken = {str(symbol) for symbol in expression.free_symbols}

    def fresh_symbol(self, like: sp.Symbol) -> sp.Symbol:
        round_number = 0
        while True:
            for stem in INNER_NAMES:
                name = stem if round_number == 0 else f"{stem}{round_number}"
                if name not in self.taken:
                    self.taken.add(name)
                    return sp.Symbol(name, real=True) if like.is_real else sp.Symbol(name)
            round_number += 1

    def narrate(self, expression: sp.Expr, variable: sp.Symbol) -> Rule:
        if not expression.has(variable):
            return ConstantRule.of(expression=expression, variable=variable)
        if expression == variable:
            return VariableRule.of(expression=expression, variable=variable)
        if isinstance(expression, sp.Add):
            return SumRule.of(
                expression=expression,
                variable=variable,
                substeps=tuple(
                    self.narrate(term, variable) for term in expression.as_ordered_terms()
                ),
            )
        if isinstance(expression, sp.Mul):
            return self.product(expression, variable)
        if isinstance(expression, sp.Pow):
            return self.power(expression, variable)
        if isinstance(expression, sp.log) and is_sum_of_exponentials(expression.args[0]):
            arguments = tuple(term.args[0] for term in expression.args[0].as_ordered_terms())
            return LogSumExpRule.of(
                expression=expression,
                variable=variable,
                arguments=arguments,
                substeps=tuple(self.narrate(argument, variable) for argument in arguments),
            )
        if expression.func in KNOWN_DERIVATIVES:
            return self.function(expression, variable)
        ordered_pair = isinstance(expression, (sp.Max, sp.Min, maximum, minimum))
        if ordered_pair and len(expression.args) == 2:
            first, second = expression.args  # Max/Min: SymPy's canonical order
            return MaxMinRule.of(
                expression=expression,
                variable=variable,
                function=expression.func,
                substeps=(self.narrate(first, variable), self.narrate(second, variable)),
            )
        return FallbackRule.of(
            expression=expression, variable=variable, missing=type(expression).__name__
        )

    def function(self, expression: sp.Expr, variable: sp.Symbol) -> Rule:
        argument, *parameters = expression.args
        if any(parameter.has(variable) for parameter in parameters):
            return FallbackRule.of(
                expression=expression,
                variable=variable,
                missing=f"{KNOWN_DERIVATIVES[expression.func].name} with a varying parameter",
            )
        if argument == variable:
            return FunctionRule.of(
                expression=expression,
                variable=variable,
                function=expression.func,
                parameters=tuple(parameters),
            )
        return self.chain(expression, variable, argument, lambda u: expression.func(u, *parameters))

    def chain(
        self,
        expression: sp.Expr,
        variable: sp.Symbol,
        inner: sp.Expr,
        outer_of: Callable[[sp.Symbol], sp.Expr],
    ) -> Rule:
        inner_symbol = self.fresh_symbol(variable)
        outer = self.narrate(outer_of(inner_symbol), inner_symbol)
        return ChainRule.of(
            expression=expression,
            variable=variable,
            inner=inner,
            inner_symbol=inner_symbol,
            substeps=(outer, self.narrate(inner, variable)),
        )

    def product(self, expression: sp.Mul, variable: sp.Symbol) -> Rule:
        softmax = self.softmax(expression, variable)
        if softmax is not None:
            return softmax
        constant, varying = expression.as_independent(variable, as_Add=False)
        if constant != 1:
            return ConstantMultipleRule.of(
                expression=expression,
                variable=variable,
                constant=constant,
                substeps=(self.narrate(varying, variable),),
            )
        numerators: list[sp.Expr] = []
        denominators: list[sp.Expr] = []
        for factor in sp.Mul.make_args(expression):
            if is_denominator(factor):
                denominators.append(factor.base ** (-factor.exp))
            else:
                numerators.append(factor)
        if denominators:
            numerator = sp.Mul(*numerators)
            denominator = sp.Mul(*denominators)
            return QuotientRule.of(
                expression=expression,
                variable=variable,
                substeps=(self.narrate(numerator, variable), self.narrate(denominator, variable)),
            )
        return ProductRule.of(
            expression=expression,
            variable=variable,
            substeps=tuple(self.narrate(factor, variable) for factor in expression.args),
        )

    def softmax(self, expression: sp.Mul, variable: sp.Symbol) -> Rule | None:
        """``e^{a_i} / (e^{a_1} + … + e^{a_n})`` as a whole, or None for any other product."""
        factors = sp.Mul.make_args(expression)
        if len(factors) != 2:
            return None
        numerator, reciprocal = sorted(factors, key=is_denominator)
        if not (
            isinstance(numerator, sp.exp)
            and is_denominator(reciprocal)
            and reciprocal.exp == -1
            and is_sum_of_exponentials(reciprocal.base)
            and numerator in reciprocal.base.args
        ):
            return None
        terms = reciprocal.base.as_ordered_terms()
        arguments = tuple(term.args[0] for term in terms)
        return SoftmaxRule.of(
            expression=expression,
            variable=variable,
            chosen=terms.index(numerator),
            arguments=arguments,
            substeps=tuple(self.narrate(argument, variable) for argument in arguments),
        )

    def power(self, expression: sp.Pow, variable: sp.Symbol) -> Rule:
        base, exponent = expression.base, expression.exp
        if not exponent.has(variable):
            if base == variable:
                return PowerRule.of(expression=expression, variable=variable, exponent=exponent)
            if exponent == -1:
                return QuotientRule.of(
                    expression=expression,
                    variable=variable,
                    substeps=(
                        self.narrate(sp.S.One, variable),
                        self.narrate(base, variable),
                    ),
                )
            return self.chain(expression, variable, base, lambda u: u**exponent)
        if not base.has(variable):
            if exponent == variable:
                return ExponentialRule.of(expression=expression, variable=variable, base=base)
            return self.chain(expression, variable, exponent, lambda u: base**u)
        return GeneralPowerRule.of(
            expression=expression,
            variable=variable,
            substeps=(self.narrate(base, variable), self.narrate(exponent, variable)),
        )


def is_denominator(factor: sp.Expr) -> bool:
    """A factor ``g^(-n)`` with a negative constant exponent sits below the fraction bar."""
    return isinstance(factor, sp.Pow) and factor.exp.is_number and bool(factor.exp.is_negative)


def is_sum_of_exponentials(expression: sp.Expr) -> bool:
    """``e^{a_1} + … + e^{a_n}`` with n ≥ 2: the normaliser of a softmax / log-sum-exp."""
    return (
        isinstance(expression, sp.Add)
        and len(expression.args) >= 2
        and all(isinstance(term, sp.exp) for term in expression.args)
    )
