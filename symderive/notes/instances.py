r"""Unknown functions are checked on instances, not skipped.

A claim about a function the note never defines (``h_\theta(x_1 + x_2) = h_\theta(x_1) +
h_\theta(x_2)``, the chain rule for an undefined loss ``L``) must hold for *every* function. It
is checked on :data:`COUNT` smooth instances drawn from the seed — ``F(u, v) = sin(a u + b v + c)
+ d (u + v)^2`` style, rational coefficients — each checked like any other claim: a refutation on
one instance refutes the claim (the instance is named, the counterexample reproduces with it);
agreement on every instance is reported as *checked*, never *proved* (instances are not a proof).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

COUNT = 3


@dataclass(frozen=True)
class Instance:
    """Concrete functions for the unknown ones of one claim."""

    functions: tuple[tuple[str, sp.Lambda], ...]

    def describe(self) -> str:
        return ", ".join(f"{name}({', '.join(map(str, body.variables))}) = {sp.sstr(body.expr)}"
                         for name, body in self.functions)  # fmt: skip

    def apply(self, expr: sp.Basic) -> sp.Basic:
        functions = {
            applied.func: body
            for applied in expr.atoms(sp.core.function.AppliedUndef)
            for name, body in self.functions
            if applied.func.__name__ == name
        }
        for function, body in functions.items():
            expr = expr.subs(function, body)  # subs knows Derivative(L(z(x)), z(x))
        return expr.doit()


def unknown_functions(*exprs: sp.Basic) -> dict[str, int]:
    """name → arity of the undefined functions in ``exprs``."""
    found: dict[str, int] = {}
    for expr in exprs:
        for applied in expr.atoms(sp.core.function.AppliedUndef):
            found.setdefault(applied.func.__name__, len(applied.args))
    return found


def _smooth(arity: int, rng: random.Random) -> sp.Lambda:
    variables = sp.symbols(f"u1:{arity + 1}", real=True)

    def coefficient() -> sp.Rational:
        return sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(2, 7))

    linear = sum(coefficient() * v for v in variables) + coefficient()
    square = sum(coefficient() * v for v in variables)
    body = sp.sin(linear) + coefficient() * square**2 + coefficient() * sp.exp(
        sum(v for v in variables) / 3
    )
    return sp.Lambda(variables, body)


def instances(arities: dict[str, int], seed: int, count: int = COUNT) -> list[Instance]:
    rng = random.Random(seed * 7919 + 17)
    return [
        Instance(tuple((name, _smooth(arity, rng)) for name, arity in sorted(arities.items())))
        for _ in range(count)
    ]
