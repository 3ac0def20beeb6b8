r"""Derivatives as a note means them: undefined where a max, a min, |·|, a step or a piecewise
definition switches.

``sympy.diff`` differentiates ``\max(x, 0)`` into ``Heaviside(x)`` with H(0) = 1/2, ``|x|`` into
``sign(x)`` with sign(0) = 0 and a piecewise definition branch by branch: each gives the
derivative a value at the kink, where it does not exist (the one-sided derivatives are 0 and 1
for ReLU at 0).  A note's ``f'(0) = 1/2`` would then be "proved".  Here the derivative of an
expression with a switch is kept only away from the switch: ``Piecewise((D, g ≠ 0), (mark,
True))`` for every switching argument g (x for |x|, x − y for max(x, y), the sides of every
condition of a piecewise definition) that depends on a variable of the derivative.  At the
switch the value is the *mark*, which :func:`settle` reports as :class:`NotDifferentiableHere`
when the note evaluates the derivative there (``f'(0)``, ``∇v(3, 3)``), and turns into NaN
(undefined: such a point is skipped by the checker, never evidence) everywhere else.

The project's own kink convention (relu'(0) = 0, the tie rule of max, docs/conventions.md)
belongs to the engine and the catalog, whose derivations state it; a lecture note does not.
"""

from __future__ import annotations

from itertools import combinations

import sympy as sp

from symderive.errors import ParseError
from symderive.functions import leaky_relu, maximum, minimum, relu, to_elementary
from symderive.grammar.build import time_limit
from symderive.real_roots import holds_odd_roots

MARK_PREFIX = "switch: "
MAX_SWITCHES = 200  # switching arguments per derivative (a max of n arguments has n(n−1)/2)
PROJECT_KINKS = (relu, leaky_relu, maximum, minimum)


class NotDifferentiableHere(Exception):
    """A derivative evaluated where a max/min/|·|/step of the differentiated function switches."""


def _what(node: sp.Basic) -> str:
    if isinstance(node, (sp.Max, maximum)):
        return "the max switches (a tie of its arguments)"
    if isinstance(node, (sp.Min, minimum)):
        return "the min switches (a tie of its arguments)"
    if isinstance(node, sp.Abs):
        return "|·| switches (its argument is 0)"
    if isinstance(node, (relu, leaky_relu)):
        return f"{type(node).__name__} switches (its argument is 0)"
    if isinstance(node, sp.Piecewise):
        return "the piecewise definition switches (a boundary of its cases)"
    return "a step switches (its argument is 0)"


def switches(expr: sp.Basic, variables) -> list[tuple[sp.Basic, str]]:
    """(g, what): the arguments whose zero is a switch of ``expr`` along ``variables``."""
    found: dict = {}

    def depends(g: sp.Basic) -> bool:
        return not g.is_number and any(g.has(v) for v in variables)

    def add(g: sp.Basic, node: sp.Basic) -> None:
        if depends(g) and g not in found and -g not in found:
            if len(found) >= MAX_SWITCHES:  # every switch is guarded, or none is claimed
                raise ValueError(f"more than {MAX_SWITCHES} max/min/|·| switches to guard")
            found[g] = _what(node)

    stack = [expr]  # a stack, not recursion: 500 nested fractions stay bounded
    while stack:
        node = stack.pop()
        if isinstance(node, sp.Pow) and isinstance(node.base, sp.Abs) and node.exp.is_even:
            stack.append(node.base.args[0])  # |u|² = u² over the reals: smooth (‖x − y‖²)
            continue
        if isinstance(node, (sp.Abs, sp.sign, sp.Heaviside, sp.DiracDelta)):
            add(node.args[0], node)
        elif isinstance(node, (sp.Max, sp.Min)):
            for a, b in combinations(node.args, 2):
                add(a - b, node)
        elif isinstance(node, sp.Piecewise):
            for _, condition in node.args:
                for relational in getattr(condition, "atoms", lambda *_: ())(sp.Rel):
                    add(relational.lhs - relational.rhs, node)
        elif isinstance(node, PROJECT_KINKS):
            for g, _ in switches(to_elementary(node), variables):
                add(g, node)
        stack.extend(node.args)
    return list(found.items())


def differentiate(expr: sp.Basic, *variables) -> sp.Basic:
    """``sympy.diff(expr, *variables)``, kept only away from every switch of ``expr``."""
    derivative = sp.diff(expr, *variables)
    if getattr(derivative, "is_Matrix", False) or isinstance(derivative, sp.MatrixExpr):
        return derivative
    plain = [v for v in variables if isinstance(v, sp.Basic) and not isinstance(v, sp.Tuple)]
    found = switches(expr, plain)
    if not found:
        return derivative
    away = sp.And(*(sp.Ne(g, 0) for g, _ in found))
    if away is sp.true:
        return derivative
    shown = " or ".join(dict.fromkeys(what for _, what in found))
    mark = SwitchMark(MARK_PREFIX + shown)
    mark.origin = (expr, tuple(variables))
    return sp.Piecewise((derivative, away), (mark, True))


class SwitchMark(sp.Dummy):
    """The value of a derivative at a switch, carrying what was differentiated (``origin``:
    the function and the variables) so that the one-sided derivatives can be computed there."""

    origin: tuple | None = None


# -- one-sided derivatives at a switch --------------------------------------------------------
# v(x) = max(x, 0)² is differentiable at 0 (both one-sided derivatives are 0): where the
# one-sided difference quotients, with the step's sign known (h = ±k, k > 0), leave no switch
# undecided and their limits agree (a finite exact value, confirmed at a tiny step), the
# derivative there is that value; else the derivative stays undefined there.
ONE_SIDED_SECONDS = 1.0
SWITCHING = (sp.Max, sp.Min, sp.Abs, sp.Piecewise, sp.sign, sp.Heaviside, sp.floor, sp.ceiling,
             sp.DiracDelta, sp.frac)  # fmt: skip
TINY_STEP = sp.Rational(1, 10**30)


def one_sided_derivatives(function: sp.Basic, variable: sp.Basic, point: dict
                          ) -> tuple[sp.Basic, sp.Basic] | None:
    """(left, right) derivatives of ``function`` along ``variable`` at ``point`` (every free
    symbol given a number), exact, each finite; None where SymPy cannot tell within
    :data:`ONE_SIDED_SECONDS` (a switch the step's sign does not decide, a limit not found)."""
    step = sp.Dummy("k", positive=True)
    function = to_elementary(function)
    if function.free_symbols - set(point) or holds_odd_roots(function):
        return None  # (SymPy's limits take x^(1/3) on its complex branch at x < 0)
    at = function.xreplace(point)
    found = []
    try:
        with time_limit(ONE_SIDED_SECONDS, source="kink", what="one-sided derivatives"):
            for sign in (-1, 1):
                moved = function.xreplace({**point, variable: point[variable] + sign * step})
                quotient = (moved - at) / (sign * step)
                if quotient.has(*SWITCHING) or quotient.free_symbols - {step}:
                    return None
                value = sp.limit(quotient, step, 0, "+")
                if not value.is_number or value.is_finite is not True or value.has(
                    sp.Limit, sp.AccumBounds, *SWITCHING
                ):  # fmt: skip
                    return None
                tiny = quotient.xreplace({step: TINY_STEP}).evalf(40)
                if not tiny.is_number or abs(tiny - value.evalf(40)) > sp.Rational(1, 10**6):
                    return None  # the limit and the quotient at a tiny step disagree
                found.append(value)
    except (ParseError, NotImplementedError, ValueError, TypeError, ArithmeticError):
        return None
    return found[0], found[1]


def _at_point(subs: sp.Subs) -> tuple[sp.Basic, list[str]]:
    """``subs`` with each switch mark it holds replaced by the derivative's value at the point
    where the one-sided derivatives agree; the one-sided values where they differ (shown)."""
    point = dict(zip(subs.variables, subs.point))
    replaced: dict = {}
    differ: list[str] = []
    for piecewise in subs.expr.atoms(sp.Piecewise):
        mark = piecewise.args[-1].expr
        origin = getattr(mark, "origin", None)
        if not isinstance(mark, SwitchMark) or origin is None or len(origin[1]) != 1:
            continue
        function, (variable,) = origin
        if variable not in point or not all(value.is_number for value in point.values()):
            continue
        sides = one_sided_derivatives(function, variable, point)
        if sides is None:
            continue
        left, right = sides
        if sp.simplify(left - right) == 0:
            replaced[piecewise] = sp.Piecewise(*piecewise.args[:-1], (left, True))
        else:
            differ.append(f"{sp.sstr(left)} from the left, {sp.sstr(right)} from the right")
    if not replaced:
        return subs, differ
    return sp.Subs(subs.expr.xreplace(replaced), subs.variables, subs.point), differ


def _marks(expr: sp.Basic) -> set:
    return {d for d in expr.atoms(sp.Dummy) if d.name.startswith(MARK_PREFIX)}


def _bare_marks(expr: sp.Basic) -> set:
    """Marks that are the value (not a branch of a Piecewise still undecided)."""
    if isinstance(expr, sp.Dummy):
        return {expr} if expr.name.startswith(MARK_PREFIX) else set()
    if isinstance(expr, sp.Piecewise):
        return set()
    found: set = set()
    for argument in expr.args:
        found |= _bare_marks(argument)
    return found


def settle(expr: sp.Basic) -> sp.Basic:
    """Raise :class:`NotDifferentiableHere` where a derivative is evaluated at a switch (a
    point written after it, ``Subs``, or a value substituted into it); elsewhere the mark
    becomes NaN, the value of the derivative at a switch."""
    if not isinstance(expr, sp.Basic) or not _marks(expr):
        return expr
    evaluated = {}
    differ: list[str] = []
    for subs in expr.atoms(sp.Subs):
        if _marks(subs):  # the point written after the derivative: its value there, where
            at, seen = _at_point(subs)  # the one-sided derivatives agree
            evaluated[subs] = at.doit()
            differ += seen
    if evaluated:
        expr = expr.xreplace(evaluated)
    hit = _bare_marks(expr)
    if hit:
        where = sorted(mark.name[len(MARK_PREFIX):] for mark in hit)[0]
        sides = (f"the one-sided derivatives differ there ({'; '.join(differ)})" if differ
                 else "the one-sided derivatives may differ")  # fmt: skip
        raise NotDifferentiableHere(
            f"the derivative is taken where {where}: it need not exist there ({sides}), so no "
            "value of it is checked"
        )
    return expr.xreplace({mark: sp.nan for mark in _marks(expr)})


def _differentiated_switches(side: sp.Basic) -> list[sp.Basic]:
    """The switching arguments of what a side differentiates: derivatives still unevaluated
    (entries, ∇ by a matrix, unknown functions), and those :func:`differentiate` guarded."""
    found: list = []
    if not isinstance(side, sp.Basic):
        return found
    for derivative in side.atoms(sp.Derivative):
        found += [g for g, _ in switches(derivative.expr, derivative.variables)]
    for node in side.atoms(sp.Function):  # ∇f / Jacobian of the matrix hooks
        wrt = getattr(node, "wrt", None)
        function = getattr(node, "function", None)
        if wrt is not None and function is not None:
            found += [g for g, _ in switches(function, (wrt,))]
    for piecewise in side.atoms(sp.Piecewise):
        if piecewise.args[-1].expr is sp.nan:  # a derivative kept away from its switches
            for condition in (pair.cond for pair in piecewise.args[:-1]):
                found += [ne.lhs - ne.rhs for ne in condition.atoms(sp.Ne)]
    return found


def at_a_switch(sides, values: dict) -> bool:
    """Whether a counterexample (name -> value text) sits where a function that the step
    differentiates switches: the value of the derivative there is a convention.  Only the
    differentiated functions count, never an indicator in a claimed value (𝟙(y = k))."""
    found = [g for side in sides for g in _differentiated_switches(side)]
    if not found:
        return False
    by_name: dict = {}
    for name, value in values.items():
        try:
            by_name[str(name)] = sp.Rational(str(value).strip())
        except (TypeError, ValueError, SyntaxError):
            continue
    for g in found:
        mapping = {s: by_name[str(s)] for s in g.free_symbols if str(s) in by_name}
        at = g.xreplace(mapping)
        if not at.is_number or at.is_zero is not False:
            return True  # at the switch, or not decidable from the values shown
    return False
