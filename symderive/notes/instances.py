r"""Unknown functions are checked on instances, not skipped.

A claim about a function the note never defines (``h_\theta(x_1 + x_2) = h_\theta(x_1) +
h_\theta(x_2)``, the chain rule for an undefined loss ``L``) must hold for *every* function. It
is checked on :data:`COUNT` instances drawn from the seed, each checked like any other claim: a
refutation on one instance refutes the claim (the instance is named, the counterexample
reproduces with it); agreement on every instance is reported as *checked*, never *proved*
(instances are not a proof).

Why these instances (round 8c, X5). The instances must not lie in one small fixed space of
functions: any finite set of functions {f₁ … f_n} is annihilated by some linear operator (a
differential operator of order n, ``D³(D − ⅓)`` for {1, x, x², e^{x/3}}), and a claim
``L(f) = 0`` with such an ``L`` would be *checked* although false. So each instance draws its
own parameters:

* a polynomial of degree :data:`DEGREE` (5) in a random linear form, every coefficient random;
* ``c·exp(r·ℓ)`` with a random *rate* ``r`` (a fraction with a prime denominator, |r| ≤ 3,
  either sign) and a random linear form ℓ — a new rate per instance;
* (the smooth, non-integrated family) ``sin(a·ℓ + b)`` with a random frequency.

The smooth instances add all three; a claim that integrates, sums or takes a limit of the
function over a bound variable gets the constant 1/2, a degree-5 polynomial, and an exponential
plus a linear part (each fast to integrate, also between symbolic bounds: an integral of a sum
is integrated term by term).

The argument, for a claim linear in f (``L(f) = 0`` with ``L`` built from derivatives of any
order, integrals over bounded intervals, values at shifted or scaled points ``f(x + 1)``,
``f(2x)``): ``r ↦ L(e^{r x})`` is analytic in ``r``, and it vanishes for every ``r`` only if
``L`` vanishes on the span of the exponentials, which is dense (its ``r``-derivatives are
``x^k e^{r x}``: every polynomial times a positive function) — so only if ``L = 0`` on smooth
functions. A non-zero ``L`` therefore vanishes at isolated rates only: at most ``d`` of them for
a constant-coefficient operator of order ``d`` (``P(D) e^{r x} = P(r) e^{r x}``). Drawn from
about :data:`RATES` rates, one instance misses a false claim of order ``d`` with chance about
``d / RATES``, and all three independently. The degree-5 polynomial with random coefficients
catches, in the same way (Schwartz–Zippel), a claim polynomial of low degree in f (``∫ f² =
(∫ f)²``) with chance ≥ 1 − degree / (number of coefficient values) per instance.

What remains heuristic, honestly: (1) the draws are pseudo-random from a seed written in the
code, so a claim built *for* these rates (an operator vanishing exactly on them) passes — the
argument is against claims not written for the seed; (2) a claim not linear and not polynomial in
f (a maximum, an absolute value, a condition on where f changes sign) has no such bound; (3)
behaviour at infinity is not sampled by a few instances: a claim where an unknown function is
under a limit at ±∞, or integrated or summed to ±∞ (``lim f(x) e^{-x}``, ``∫₀^∞ f``) that holds on
every instance is *undecided* (:func:`at_infinity`), never *checked* — an instance family cannot
cover every growth rate (``e^{x²}``, ``e^{e^x}``); a refutation on an instance still refutes (the
instance is a continuous, smooth function).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

COUNT = 3
DEGREE = 5  # the polynomial part: a claim exact on quadratics (or cubics) is not checked
_DENOMINATORS = (11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47)  # rates p/q, 0 < |p/q| <= 3
RATES = sum(2 * 3 * q for q in _DENOMINATORS)  # how many rates an instance draws from


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
        return _split_integrals(expr).doit()


def _split_integrals(expr: sp.Basic) -> sp.Basic:
    """Each integral of a sum as the sum of the integrals of its expanded terms: SymPy
    integrates ``c·u^k·e^{r u}`` between symbolic bounds in milliseconds, the whole product of two
    instances in seconds (the same value: integration is linear)."""
    def split(node: sp.Integral) -> sp.Basic:
        terms = sp.Add.make_args(sp.expand(node.function.doit()))
        if len(terms) < 2 or len(terms) > 200:
            return node
        return sp.Add(*(sp.Integral(term, *node.limits) for term in terms))

    return expr.replace(lambda node: isinstance(node, sp.Integral), split)


def unknown_functions(*exprs: sp.Basic) -> dict[str, int]:
    """name → arity of the undefined functions in ``exprs``."""
    found: dict[str, int] = {}
    for expr in exprs:
        for applied in expr.atoms(sp.core.function.AppliedUndef):
            found.setdefault(applied.func.__name__, len(applied.args))
    return found


def _coefficient(rng: random.Random) -> sp.Rational:
    """A random non-zero fraction (about 1,700 values: a polynomial identity of low degree in
    the coefficients holds at few of them)."""
    return sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 29), rng.randint(2, 13))


def _rate(rng: random.Random) -> sp.Rational:
    """A random exponential rate p/q, q prime, 0 < |p/q| <= 3: a new one per instance."""
    q = rng.choice(_DENOMINATORS)
    return sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 3 * q), q)


def _linear(variables, rng: random.Random, constant: bool = True) -> sp.Expr:
    form = sum(_coefficient(rng) * v for v in variables)
    return form + _coefficient(rng) if constant else form


def _polynomial(variables, rng: random.Random) -> sp.Expr:
    """Degree :data:`DEGREE` in a random linear form of small coefficients (values of a
    moderate size on the checker's points), every coefficient of the powers random."""
    form = variables[0] if len(variables) == 1 else sum(
        sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 3), rng.randint(1, 3)) * v
        for v in variables)
    return sum(_coefficient(rng) * form**k for k in range(DEGREE + 1))


def _exponential(variables, rng: random.Random) -> sp.Expr:
    """``c·exp(r·(a₁u₁ + … ))``: its own rate per instance; one variable → ``c·exp(r u)``."""
    if len(variables) == 1:
        return _coefficient(rng) * sp.exp(_rate(rng) * variables[0])
    return _coefficient(rng) * sp.exp(_rate(rng) * sum(
        sp.Rational(rng.randint(1, 3), rng.randint(2, 3)) * v for v in variables))


def _smooth(arity: int, rng: random.Random) -> sp.Lambda:
    variables = sp.symbols(f"u1:{arity + 1}", real=True)
    body = sp.sin(_linear(variables, rng)) + _polynomial(variables, rng) + _exponential(
        variables, rng)
    return sp.Lambda(variables, body)


def _integrable_polynomial(arity: int, rng: random.Random) -> sp.Lambda:
    """Degree :data:`DEGREE`, random coefficients: SymPy integrates, sums and multiplies these
    exactly and fast, also between symbolic bounds."""
    variables = sp.symbols(f"u1:{arity + 1}", real=True)
    return sp.Lambda(variables, sp.expand(_polynomial(variables, rng)))


def _integrable_exponential(arity: int, rng: random.Random) -> sp.Lambda:
    """``c·exp(r·ℓ) + a·ℓ' + b`` with its own rate: fast to integrate (a product of two such is
    a sum of exponentials; a sine squared against a polynomial takes seconds, a degree-5
    polynomial times an exponential between symbolic bounds too)."""
    variables = sp.symbols(f"u1:{arity + 1}", real=True)
    return sp.Lambda(variables, sp.expand(_exponential(variables, rng) + _linear(variables, rng)))


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
    # the simplest function first: a constant 1/2 (below its square: ∫ f ≤ ∫ f² fails), then
    # a random degree-5 polynomial (∫₀¹ f² = (∫₀¹ f)² fails, and any claim exact only on cubics)
    # and a random exponential rate (the density argument of the module's docstring)
    def each(build) -> Instance:
        return Instance(tuple((name, build(arity, rng)) for name, arity in sorted(arities.items())))

    half = Instance(tuple((name, sp.Lambda(sp.symbols(f"u1:{arity + 1}", real=True),
                                           sp.Rational(1, 2))) for name, arity in sorted(arities.items())))
    return [half, each(_integrable_polynomial), each(_integrable_exponential)]  # fmt: skip


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


def at_infinity(expr: sp.Basic, names: set | None = None) -> bool:
    r"""Whether a never-defined function (of ``names``, or any) is under a limit at ±∞, or
    integrated or summed over a range reaching ±∞ (``\lim_{x\to\infty} f(x) e^{-x}``,
    ``\int_0^\infty f(x) dx``): there its growth decides the claim, which a few instances do
    not sample (a claim holding on them all is undecided, never checked)."""
    infinite = (sp.oo, -sp.oo, sp.zoo)
    for bounding in expr.atoms(sp.Integral, sp.Sum, sp.Product, sp.Limit):
        if isinstance(bounding, sp.Limit):
            body, reaches = bounding.args[0], bounding.args[2] in infinite
            ends = [(bounding.args[1], bounding.args[2])]
        else:
            body = bounding.function
            reaches = any(bound in infinite for limit in bounding.limits for bound in limit[1:])
            ends = [(limit[0], bound) for limit in bounding.limits if len(limit) == 3
                    for bound in limit[1:]] if isinstance(bounding, sp.Integral) else []
        for applied in body.atoms(sp.core.function.AppliedUndef):
            if names is not None and applied.func.__name__ not in names:
                continue
            # f(1/x^2) as x → 0, ∫_0^1 f(1/x) dx: the argument runs to infinity at a finite
            # point, which is growth at infinity in disguise (review round 9b C7)
            if reaches or any(_runs_away(argument, variable, point)
                              for argument in applied.args for variable, point in ends):
                return True
    return False


def _runs_away(argument: sp.Basic, variable, point) -> bool:
    """Whether ``argument`` grows without bound (or stops being a real number) as ``variable``
    approaches the finite ``point`` from either side. A side where the argument is not real
    near the point is not one the limit is taken from; on each other side SymPy's one-sided
    limit must be a finite real number (within :data:`LIMIT_SECONDS`), else True — the safe
    side. A probe at a few points is no proof of boundedness: ln ln(1/x²) is 2.6, 3.3, 3.7 at
    10⁻³, 10⁻⁶, 10⁻⁹ and runs to ∞ all the same (review round 10, C9)."""
    from symderive.grammar.build import time_limit

    if not isinstance(argument, sp.Basic) or variable not in argument.free_symbols:
        return False
    if not (isinstance(point, sp.Basic) and point.is_number and point.is_finite):
        return False
    others = argument.free_symbols - {variable}
    fixed = argument.xreplace({symbol: sp.Rational(1, 3) for symbol in others})  # a plain value
    for side, direction in ((1, "+"), (-1, "-")):
        try:
            value = complex(sp.N(fixed.xreplace({variable: point + side * sp.Rational(1, 10**9)}), 15))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            return True
        if value != value or abs(value.imag) > 1e-9 * (1 + abs(value.real)):
            continue  # not real on this side: the limit is not taken from it
        if abs(value.real) > 1e4:
            return True
        real = sp.Dummy("t", real=True)
        try:
            with time_limit(LIMIT_SECONDS, source="instances", what="a limit of an argument"):
                limit = sp.limit(fixed.xreplace({variable: real}), real, point, direction)
        except Exception:  # noqa: BLE001 - a limit SymPy cannot take bounds nothing
            return True
        if not (limit.is_number and limit.is_finite and limit.is_extended_real):
            return True
    return False


LIMIT_SECONDS = 0.5


def linear_in_unknowns(difference: sp.Basic) -> bool:
    r"""Whether a claim's difference is affine in its never-defined functions: each applied
    function and each derivative of one scaled by λ, the second derivative in λ vanishes (the
    integral of f⁗ minus a third of that of f‴: yes; the integral of A·f⁗·f″ with
    A = f⁗(0) − 2f⁗(1) + f⁗(2): no).  In doubt (SymPy fails): False."""
    try:
        if any(product.atoms(sp.core.function.AppliedUndef)
               for product in difference.atoms(sp.Product)):
            return False
        # integrals, sums and limits are linear: their bodies decide
        difference = difference.replace(lambda node: isinstance(node, (sp.Integral, sp.Sum,
                                                                        sp.Limit)),
                                        lambda node: node.args[0])
        scale = sp.Dummy("scale")
        parts = [node for node in sp.preorder_traversal(difference)
                 if isinstance(node, (sp.core.function.AppliedUndef, sp.Derivative, sp.Subs))
                 and node.atoms(sp.core.function.AppliedUndef)]
        outermost = [part for part in parts
                     if not any(other is not part and part in other.args for other in parts)]
        scaled = difference.xreplace({part: scale * part for part in outermost})
        second = sp.diff(scaled, scale, 2)
        return sp.expand(second.doit() if hasattr(second, "doit") else second) == 0
    except Exception:  # noqa: BLE001 - a claim SymPy cannot take apart is not known linear
        return False
