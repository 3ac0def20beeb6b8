"""The differentiation rules as data, in the style of SymPy's ``manualintegrate``.

Every node of a narration is a frozen dataclass that claims ``d/d(variable) expression =
result``. ``reapply()`` re-applies the node's rule to the results of its substeps (the formula in
``formula``), so a tree can be re-evaluated and each node has the project's checker decide its
own equality with the derivative (:meth:`Rule.check`, :mod:`symderive.steps.local`). Build nodes with :meth:`Rule.of`, which computes
``result`` from the rule, never by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

import sympy as sp

from symderive.functions import FUNCTIONS, derivative, maximum, minimum
from symderive.ops import ALL_OPS, rule
from symderive.steps.local import DEFAULT_NODE_BUDGET_SECONDS, NodeCheck, local_check


@dataclass(frozen=True, kw_only=True)
class Rule:
    """``d/d(variable) expression = result``, justified by this rule applied to ``substeps``."""

    expression: sp.Expr
    variable: sp.Symbol
    result: sp.Expr
    substeps: tuple[Rule, ...] = ()

    name: ClassVar[str] = "rule"
    formula: ClassVar[str] = ""  # the rule in plain words/symbols, e.g. "(f*g)' = f'*g + f*g'"

    @classmethod
    def of(cls, **fields) -> Rule:
        """A node whose ``result`` is computed by the rule itself from its substeps."""
        node = cls(result=sp.S.Zero, **fields)
        return replace(node, result=node.reapply())

    @property
    def rule(self) -> str:
        """The rule's name as shown and written to JSON (``chain``, ``sigmoid`` …)."""
        return self.name

    def reapply(self) -> sp.Expr:
        """Apply this rule to the substeps' results."""
        raise NotImplementedError

    def describe(self) -> str:
        """One line saying which rule applies and to what (plain text)."""
        return self.formula

    def check(
        self, *, seed: int = 0, budget_seconds: float = DEFAULT_NODE_BUDGET_SECONDS
    ) -> NodeCheck:
        """Re-evaluate the rule, then let the checker compare the result with the derivative."""
        verdict = local_check(
            self.expression, self.variable, self.result, seed=seed, budget_seconds=budget_seconds
        )
        if self.reapply() != self.result and verdict.verdict != "refuted":
            return NodeCheck("undecided", "the rule re-evaluated to a different result")
        return verdict

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Rule]]:
        """Every node with its depth, in pre-order (the reading order of a narration)."""
        yield depth, self
        for substep in self.substeps:
            yield from substep.walk(depth + 1)


@dataclass(frozen=True, kw_only=True)
class ConstantRule(Rule):
    """d/dx c = 0 for c free of x."""

    name: ClassVar[str] = "constant"
    formula: ClassVar[str] = "d/dx c = 0"

    def reapply(self) -> sp.Expr:
        return sp.S.Zero

    def describe(self) -> str:
        return f"constant rule: {sp.sstr(self.expression)} does not depend on {self.variable}"


@dataclass(frozen=True, kw_only=True)
class VariableRule(Rule):
    """d/dx x = 1."""

    name: ClassVar[str] = "variable"
    formula: ClassVar[str] = "d/dx x = 1"

    def reapply(self) -> sp.Expr:
        return sp.S.One

    def describe(self) -> str:
        return f"variable rule: d/d{self.variable} {self.variable} = 1"


@dataclass(frozen=True, kw_only=True)
class ConstantMultipleRule(Rule):
    """(c·f)' = c·f'; ``substeps = (f,)``."""

    constant: sp.Expr
    name: ClassVar[str] = "constant multiple"
    formula: ClassVar[str] = "(c*f)' = c*f'"

    def reapply(self) -> sp.Expr:
        return self.constant * self.substeps[0].result

    def describe(self) -> str:
        return f"constant multiple rule: (c*f)' = c*f' with c = {sp.sstr(self.constant)}"


@dataclass(frozen=True, kw_only=True)
class SumRule(Rule):
    """(f₁ + … + fₙ)' = f₁' + … + fₙ'; one substep per term."""

    name: ClassVar[str] = "sum"
    formula: ClassVar[str] = "(f + g)' = f' + g'"

    def reapply(self) -> sp.Expr:
        return sp.Add(*(substep.result for substep in self.substeps))

    def describe(self) -> str:
        return f"sum rule: differentiate each of the {len(self.substeps)} terms"


@dataclass(frozen=True, kw_only=True)
class ProductRule(Rule):
    """(f₁⋯fₙ)' = Σᵢ fᵢ' Πⱼ≠ᵢ fⱼ; one substep per factor."""

    name: ClassVar[str] = "product"
    formula: ClassVar[str] = "(f*g)' = f'*g + f*g'"

    def reapply(self) -> sp.Expr:
        factors = [substep.expression for substep in self.substeps]
        terms = []
        for position, substep in enumerate(self.substeps):
            others = factors[:position] + factors[position + 1 :]
            terms.append(sp.Mul(substep.result, *others))
        return sp.Add(*terms)

    def describe(self) -> str:
        if len(self.substeps) == 2:
            return "product rule: (f*g)' = f'*g + f*g'"
        return f"product rule over {len(self.substeps)} factors: sum of f_i' times the others"


@dataclass(frozen=True, kw_only=True)
class QuotientRule(Rule):
    """(f/g)' = (f'·g − f·g')/g²; ``substeps = (f, g)``."""

    name: ClassVar[str] = "quotient"
    formula: ClassVar[str] = "(f/g)' = (f'*g - f*g')/g^2"

    def reapply(self) -> sp.Expr:
        numerator, denominator = self.substeps
        return (
            numerator.result * denominator.expression - numerator.expression * denominator.result
        ) / denominator.expression**2

    def describe(self) -> str:
        return "quotient rule: (f/g)' = (f'*g - f*g')/g^2"


@dataclass(frozen=True, kw_only=True)
class PowerRule(Rule):
    """(xⁿ)' = n·xⁿ⁻¹ for a constant exponent n."""

    exponent: sp.Expr
    name: ClassVar[str] = "power"
    formula: ClassVar[str] = "d/dx x^n = n*x^(n-1)"

    def reapply(self) -> sp.Expr:
        return self.exponent * self.variable ** (self.exponent - 1)

    def describe(self) -> str:
        return f"power rule: d/dx x^n = n*x^(n-1) with n = {sp.sstr(self.exponent)}"


@dataclass(frozen=True, kw_only=True)
class ExponentialRule(Rule):
    """(aˣ)' = aˣ·log a for a constant base a."""

    base: sp.Expr
    name: ClassVar[str] = "exponential"
    formula: ClassVar[str] = "d/dx a^x = a^x*log(a)"

    def reapply(self) -> sp.Expr:
        return self.base**self.variable * sp.log(self.base)

    def describe(self) -> str:
        return f"exponential rule: d/dx a^x = a^x*log(a) with a = {sp.sstr(self.base)}"


@dataclass(frozen=True, kw_only=True)
class GeneralPowerRule(Rule):
    """(f^g)' = f^g·(g'·log f + g·f'/f) when base and exponent both vary; substeps (f, g)."""

    name: ClassVar[str] = "general power"
    formula: ClassVar[str] = "(f^g)' = f^g*(g'*log(f) + g*f'/f)"

    def reapply(self) -> sp.Expr:
        base, exponent = self.substeps
        return self.expression * (
            exponent.result * sp.log(base.expression)
            + exponent.expression * base.result / base.expression
        )

    def describe(self) -> str:
        return "general power rule: (f^g)' = f^g*(g'*log(f) + g*f'/f)"


@dataclass(frozen=True)
class KnownDerivative:
    """One row of the table of functions whose derivative the narrator knows.

    The derivative is never typed here: it is the function's own ``fdiff`` — SymPy's for
    ``exp``, ``log``, ``sin`` …, generated from the ops table for ``sigmoid``, ``relu`` …
    """

    name: str
    function: type
    kink: str = ""  # where the derivative jumps and which value it takes there

    def derivative(self, argument: sp.Symbol, *parameters: sp.Expr) -> sp.Expr:
        """f'(argument) for f applied to the symbol ``argument`` itself."""
        return sp.diff(self.function(argument, *parameters), argument)

    def formula(self, argument: sp.Symbol, *parameters: sp.Expr) -> str:
        call = sp.sstr(self.function(argument, *parameters))
        text = f"d/d{argument} {call} = {sp.sstr(self.derivative(argument, *parameters))}"
        return f"{text} ({self.kink})" if self.kink else text


_SYMPY_FUNCTIONS = (sp.exp, sp.log, sp.tanh, sp.Abs, sp.sin, sp.cos, sp.tan, sp.sinh, sp.cosh)

# The table of primitives (HIPS-autograd style): one row per function, generated.
KNOWN_DERIVATIVES: dict[type, KnownDerivative] = {
    **{function: KnownDerivative(function.__name__.lower(), function) for function in _SYMPY_FUNCTIONS},
    **{
        FUNCTIONS[op.function]: KnownDerivative(
            op.name, FUNCTIONS[op.function], f"kink at {op.kinks[0]}" if op.kinks else ""
        )
        for op in ALL_OPS.values()
        if op.function and op.arity == 1
    },
}


@dataclass(frozen=True, kw_only=True)
class FunctionRule(Rule):
    """f'(x) from the table :data:`KNOWN_DERIVATIVES`, for f applied to the variable itself."""

    function: type
    parameters: tuple[sp.Expr, ...] = ()  # further constant arguments (leaky_relu's slope)
    name: ClassVar[str] = "function"

    @property
    def rule(self) -> str:
        return KNOWN_DERIVATIVES[self.function].name

    def reapply(self) -> sp.Expr:
        return KNOWN_DERIVATIVES[self.function].derivative(self.variable, *self.parameters)

    def describe(self) -> str:
        known = KNOWN_DERIVATIVES[self.function]
        return f"{known.name} rule: {known.formula(self.variable, *self.parameters)}"


@dataclass(frozen=True, kw_only=True)
class ChainRule(Rule):
    """d/dx f(g(x)) = f'(u)|_{u=g(x)} · g'(x); ``substeps = (f(u) w.r.t. u, g w.r.t. x)``."""

    inner: sp.Expr
    inner_symbol: sp.Symbol
    name: ClassVar[str] = "chain"
    formula: ClassVar[str] = "d/dx f(g(x)) = f'(g(x))*g'(x)"

    def reapply(self) -> sp.Expr:
        outer, inner = self.substeps
        return outer.result.subs(self.inner_symbol, self.inner) * inner.result

    def describe(self) -> str:
        return (
            f"chain rule with {self.inner_symbol} = {sp.sstr(self.inner)}: "
            f"d/d{self.variable} f({self.inner_symbol}) = "
            f"df/d{self.inner_symbol} * d{self.inner_symbol}/d{self.variable}"
        )


@dataclass(frozen=True, kw_only=True)
class SoftmaxRule(Rule):
    """sᵢ = e^{aᵢ}/Σₖ e^{aₖ}: sᵢ' = sᵢ·(aᵢ' − Σₖ sₖ·aₖ'); one substep per aₖ (in order)."""

    chosen: int  # which aₖ is in the numerator
    arguments: tuple[sp.Expr, ...]
    name: ClassVar[str] = "softmax"
    formula: ClassVar[str] = "d s_i = s_i*(d a_i - sum_k s_k*d a_k), s_k = exp(a_k)/sum exp(a)"

    def reapply(self) -> sp.Expr:
        normaliser = sp.Add(*(sp.exp(argument) for argument in self.arguments))
        shares = [sp.exp(argument) / normaliser for argument in self.arguments]
        mean_change = sp.Add(
            *(share * substep.result for share, substep in zip(shares, self.substeps))
        )
        return shares[self.chosen] * (self.substeps[self.chosen].result - mean_change)

    def describe(self) -> str:
        return f"softmax rule over {len(self.arguments)} logits: s_i' = s_i*(a_i' - sum_k s_k*a_k')"


@dataclass(frozen=True, kw_only=True)
class LogSumExpRule(Rule):
    """(log Σₖ e^{aₖ})' = Σₖ softmax(a)ₖ·aₖ'; one substep per aₖ."""

    arguments: tuple[sp.Expr, ...]
    name: ClassVar[str] = "log-sum-exp"
    formula: ClassVar[str] = "d log(sum_k exp(a_k)) = sum_k softmax(a)_k * d a_k"

    def reapply(self) -> sp.Expr:
        normaliser = sp.Add(*(sp.exp(argument) for argument in self.arguments))
        return (
            sp.Add(
                *(
                    sp.exp(argument) * substep.result
                    for argument, substep in zip(self.arguments, self.substeps)
                )
            )
            / normaliser
        )

    def describe(self) -> str:
        return (
            f"log-sum-exp rule over {len(self.arguments)} terms: "
            "the derivative is the softmax-weighted sum of the a_k'"
        )


@dataclass(frozen=True, kw_only=True)
class MaxMinRule(Rule):
    """max(f, g)' = ∂max/∂f·f' + ∂max/∂g·g' with the partials of the ops table's ``maximum``:
    f' where f > g, g' where g > f, and at a tie the first argument's (the kink convention).
    min likewise. ``substeps = (f, g)``; for SymPy's ``Max``/``Min``, which forget the order
    they were written in, f is the first argument in SymPy's canonical order."""

    function: type  # sp.Max, sp.Min, or the ops' maximum / minimum
    name: ClassVar[str] = "max/min"
    formula: ClassVar[str] = "max(f, g)' = f' where f >= g, else g' (a tie goes to f)"

    @property
    def op(self) -> str:
        return "maximum" if self.function in (sp.Max, maximum) else "minimum"

    @property
    def rule(self) -> str:
        return "max" if self.op == "maximum" else "min"

    def reapply(self) -> sp.Expr:
        first, second = self.substeps
        derived = rule(self.op)
        arguments = dict(zip(derived.op.inputs, (first.expression, second.expression)))
        partials = [form.xreplace(arguments) for form in derived.backward_forms]
        return partials[0] * first.result + partials[1] * second.result

    def describe(self) -> str:
        first, second = (sp.sstr(substep.expression) for substep in self.substeps)
        comparison = ">" if self.op == "maximum" else "<"
        return (
            f"{self.rule} rule: the derivative of the chosen argument ({first}' where "
            f"{first} {comparison} {second}, else {second}'; a tie goes to the first, {first})"
        )


@dataclass(frozen=True, kw_only=True)
class FallbackRule(Rule):
    """No narration rule applies: SymPy's derivative is used and the missing rule is named."""

    missing: str
    name: ClassVar[str] = "fallback"
    formula: ClassVar[str] = "no narration rule: sympy.diff"

    def reapply(self) -> sp.Expr:
        return derivative(self.expression, self.variable)

    def describe(self) -> str:
        return f"no narration rule for {self.missing}: SymPy's derivative is used"


RULES: tuple[type[Rule], ...] = (
    ConstantRule,
    VariableRule,
    ConstantMultipleRule,
    SumRule,
    ProductRule,
    QuotientRule,
    PowerRule,
    ExponentialRule,
    GeneralPowerRule,
    FunctionRule,
    ChainRule,
    SoftmaxRule,
    LogSumExpRule,
    MaxMinRule,
    FallbackRule,
)
