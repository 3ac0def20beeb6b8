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
        def one(name: str, body: sp.Lambda) -> str:
            variables = sp.symbols(f"u1:{len(body.variables) + 1}", real=True)
            return f"{name}({', '.join(map(str, variables))}) = {sp.sstr(body(*variables))}"

        return ", ".join(one(name, body) for name, body in self.functions)

    def apply(self, expr: sp.Basic) -> sp.Basic:
        functions = {
            applied.func: body
            for applied in expr.atoms(sp.core.function.AppliedUndef)
            for name, body in self.functions
            if applied.func.__name__ == name
        }
        for function, body in functions.items():
            try:
                expr = expr.subs(function, body)  # subs knows Derivative(L(z(x)), z(x))
            except TypeError:  # SymPy cannot subs a function inside an integral or a sum
                expr = expr.replace(
                    lambda node, function=function: isinstance(node, function),
                    lambda node, body=body: body(*node.args),
                )
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


def _integrable(arity: int, rng: random.Random) -> sp.Lambda:
    """A quadratic plus an exponential, rational coefficients: SymPy integrates, sums and
    multiplies these exactly and fast (a sine squared against a polynomial takes seconds)."""
    variables = sp.symbols(f"u1:{arity + 1}", real=True)

    def coefficient() -> sp.Rational:
        return sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(2, 7))

    linear = sum(coefficient() * v for v in variables) + coefficient()
    body = linear + coefficient() * linear**2 + coefficient() * sp.exp(sum(variables) / 3)
    return sp.Lambda(variables, sp.expand(body))


def instances(
    arities: dict[str, int], seed: int, count: int = COUNT, integrable: bool = False
) -> list[Instance]:
    """``count`` instances; ``integrable`` ones when the claim integrates or sums the unknown
    functions over a bound variable (:func:`bound_arguments`)."""
    rng = random.Random(seed * 7919 + 17)
    if not integrable:
        return [
            Instance(tuple((name, _smooth(arity, rng)) for name, arity in sorted(arities.items())))
            for _ in range(count)
        ]
    # the simplest functions first: a constant 1/2 (below its square: ∫ f ≤ ∫ f² fails) and
    # the identity (∫₀¹ f² = (∫₀¹ f)² fails), then one random one
    simple = [
        Instance(tuple((name, sp.Lambda(sp.symbols(f"u1:{arity + 1}", real=True),
                                        sp.Rational(1, 2))) for name, arity in sorted(arities.items()))),
        Instance(tuple((name, sp.Lambda(variables := sp.symbols(f"u1:{arity + 1}", real=True),
                                        sum(variables))) for name, arity in sorted(arities.items()))),
    ]
    return simple + [  # and one random one: integrating is slow, and runs in the main process
        Instance(tuple((name, _integrable(arity, rng)) for name, arity in sorted(arities.items())))
    ]


def bound_arguments(expr: sp.Basic, names: set | None = None) -> bool:
    r"""Whether a never-defined function (of ``names``, or any) is applied to a bound variable
    of an integral, sum, product or limit in ``expr`` (``\int_0^1 f(x)^2 dx``): its value then
    changes with that variable, so it is a function to check on instances, never one number."""
    for bounding in expr.atoms(sp.Integral, sp.Sum, sp.Product, sp.Limit):
        if isinstance(bounding, sp.Limit):
            body, bound = bounding.args[0], {bounding.args[1]}
        else:
            body, bound = bounding.function, set(bounding.variables)
        for applied in body.atoms(sp.core.function.AppliedUndef):
            if names is not None and applied.func.__name__ not in names:
                continue
            if applied.free_symbols & bound:
                return True
    return False
