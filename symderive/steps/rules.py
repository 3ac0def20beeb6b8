"""The differentiation rules as data, in the style of SymPy's ``manualintegrate``.

Every node of a narration is a frozen dataclass that claims ``d/d(variable) expression =
result``. ``reapply()`` re-applies the node's rule to the results of its substeps (the formula in
``formula``), so a tree can be re-evaluated and each node checks its own equality against
``sympy.diff`` (:meth:`Rule.check`). Build nodes with :meth:`Rule.of`, which computes
``result`` from the rule, never by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

import sympy as sp

from symderive.functions import leaky_relu, relu, sigmoid
from symderive.steps.local import NodeCheck, local_check


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

    def check(self, *, seed: int = 0) -> NodeCheck:
        """Re-evaluate the rule, then compare the node's result with ``sympy.diff``."""
        if self.reapply() != self.result:
            return NodeCheck("refuted", "the rule re-evaluated to a different result")
        return local_check(self.expression, self.variable, self.result, seed=seed)

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
    """One line of the table of functions whose derivative the narrator knows."""

    name: str
    derivative: Callable[..., sp.Expr]  # (argument, *parameters) -> f'(argument)
    formula: str  # with {u} standing for the argument


# The table of primitives (HIPS-autograd style): one line per function, f'(u) in terms of u.
KNOWN_DERIVATIVES: dict[type, KnownDerivative] = {
    sp.exp: KnownDerivative("exp", lambda u: sp.exp(u), "d/d{u} exp({u}) = exp({u})"),
    sp.log: KnownDerivative("log", lambda u: 1 / u, "d/d{u} log({u}) = 1/{u}"),
    sp.tanh: KnownDerivative(
        "tanh", lambda u: 1 - sp.tanh(u) ** 2, "d/d{u} tanh({u}) = 1 - tanh({u})^2"
    ),
    sigmoid: KnownDerivative(
        "sigmoid",
        lambda u: sigmoid(u) * (1 - sigmoid(u)),
        "d/d{u} sigmoid({u}) = sigmoid({u})*(1 - sigmoid({u}))",
    ),
    relu: KnownDerivative(
        "relu",
        lambda u: sp.Heaviside(u, 0),
        "d/d{u} relu({u}) = H({u}), the step function with H(0) = 0",
    ),
    leaky_relu: KnownDerivative(
        "leaky_relu",
        lambda u, alpha: sp.Heaviside(u, 0) + alpha * (1 - sp.Heaviside(u, 0)),
        "d/d{u} leaky_relu({u}, a) = 1 for {u} > 0, a otherwise",
    ),
    # sign(u) written as H(u) - H(-u) (H(0) = 0), which the plain syntax can express
    sp.Abs: KnownDerivative(
        "abs",
        lambda u: sp.Heaviside(u, 0) - sp.Heaviside(-u, 0),
        "d/d{u} abs({u}) = sign({u}) = H({u}) - H(-{u}) for real {u}",
    ),
    sp.sin: KnownDerivative("sin", lambda u: sp.cos(u), "d/d{u} sin({u}) = cos({u})"),
    sp.cos: KnownDerivative("cos", lambda u: -sp.sin(u), "d/d{u} cos({u}) = -sin({u})"),
    sp.tan: KnownDerivative(
        "tan", lambda u: 1 + sp.tan(u) ** 2, "d/d{u} tan({u}) = 1 + tan({u})^2"
    ),
    sp.sinh: KnownDerivative("sinh", lambda u: sp.cosh(u), "d/d{u} sinh({u}) = cosh({u})"),
    sp.cosh: KnownDerivative("cosh", lambda u: sp.sinh(u), "d/d{u} cosh({u}) = sinh({u})"),
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
        return f"{known.name} rule: {known.formula.format(u=self.variable)}"


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
    """max(f, g)' = H(f − g)·f' + H(g − f)·g' with SymPy's H(0) = 1/2 (at a tie, where max has
    no derivative, half of each, as ``sympy.diff`` says; the engine's kernels route a tie to
    the first argument instead). min swaps the comparison."""

    function: type  # sp.Max or sp.Min
    name: ClassVar[str] = "max/min"
    formula: ClassVar[str] = "max(f, g)' = f' where f > g, g' where g > f"

    @property
    def rule(self) -> str:
        return "max" if self.function is sp.Max else "min"

    def reapply(self) -> sp.Expr:
        first, second = self.substeps
        difference = first.expression - second.expression
        if self.function is sp.Min:
            difference = -difference
        return sp.Heaviside(difference) * first.result + sp.Heaviside(-difference) * second.result

    def describe(self) -> str:
        comparison = ">" if self.function is sp.Max else "<"
        return (
            f"{self.rule} rule: the derivative of the chosen argument "
            f"(f' where f {comparison} g, else g'; half of each at a tie, as SymPy)"
        )


@dataclass(frozen=True, kw_only=True)
class FallbackRule(Rule):
    """No narration rule applies: SymPy's derivative is used and the missing rule is named."""

    missing: str
    name: ClassVar[str] = "fallback"
    formula: ClassVar[str] = "no narration rule: sympy.diff"

    def reapply(self) -> sp.Expr:
        return sp.diff(self.expression, self.variable)

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
