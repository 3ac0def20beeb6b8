"""The real-root convention (docs/conventions.md) kept through SymPy's rewriting.

x^(p/q) with q odd is the real root: x^(2/3) = |x|^(2/3) >= 0 and x^(1/3) < 0 for x < 0.
SymPy's ``Pow`` is the complex principal branch, and every rule it applies unasked is valid for
that branch only: ``(u^a)^b = u^(ab)``, ``exp(c·log u) = u^c``, ``log(u^c) = c·log u``,
``sqrt(u^(2/3)) = u^(1/3)``.  With u = x^(2/3) at x < 0 each of them changes the value of the
real reading: e^{(3/2) ln(x^{2/3})} is |x| over the reals and SymPy makes it x (round 13 F3).

Three remedies, one per place where SymPy meets a root:

- in a formula (:func:`absolute_even_roots`): an even power of an odd root of a base that may
  be negative is written |b|^(p/q), its value under the convention.  SymPy's principal branch
  of a power of a nonnegative base is the real one, so no rule can change it afterwards;
- in a difference to be proved zero (:func:`proof_forms`): the same, and where an odd root x^(1/3)
  stands inside a function that is not analytic (|·|, sign, log, max, a fractional power) it
  is written sign(x)·|x|^(1/3), so that a rewrite of SymPy's cannot use its complex value;
- at a point (:func:`at_point`): a negative number written into an odd root is taken to the
  real root (-(8)^(1/3) = -2) before SymPy's exact arithmetic sees (-8)^(1/3) and makes it
  the complex 1 + i·√3.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import sympy as sp


def _odd_root_exponent(exponent: sp.Basic) -> bool:
    """p/q with q odd and > 1 (1/3, 2/3, -4/5): a real root of every real base."""
    return isinstance(exponent, sp.Rational) and exponent.q != 1 and exponent.q % 2 == 1


def _may_be_negative(base: sp.Basic) -> bool:
    """A real base whose sign SymPy does not know to be >= 0 (``x``, ``x - 1``, ``2x^(1/3)``)."""
    return (bool(base.free_symbols) and not base.is_extended_nonnegative
            and base.is_extended_real is not False and not base.has(sp.I))


def _even_odd_root(node: sp.Basic) -> bool:
    """b^(p/q) with p even, q odd and b possibly negative: |b|^(p/q) under the convention."""
    return (isinstance(node, sp.Pow) and _odd_root_exponent(node.exp)
            and node.exp.p % 2 == 0 and _may_be_negative(node.base))


def absolute_even_roots(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every b^(p/q) (p even, q odd, b possibly negative) written |b|^(p/q),
    innermost first (``(2x^(2/3))^(3/2)`` is 2√2·|x|, not 2√2·x)."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Pow):
        return expr
    if not any(_even_odd_root(node) for node in expr.atoms(sp.Pow)):
        return expr
    return expr.replace(_even_odd_root, lambda node: sp.Pow(sp.Abs(node.base), node.exp))


def real_power(base: sp.Basic, exponent: sp.Basic) -> sp.Basic:
    """``base^exponent`` built so that SymPy's power rules cannot leave the real reading:
    before a non-integer power, the even odd roots inside ``base`` are written |b|^(p/q)
    (SymPy merges ``(x^(2/3))^(3/2)`` into ``x``, valid for its principal branch where x^(2/3)
    is not real at x < 0; with |x|^(2/3) it gives |x|, round 12b F7); and the result, when it
    is itself such a root (x^(2/3), or x^(1/3) squared), is written so too."""
    if not (isinstance(exponent, sp.Rational) and exponent.is_integer):
        base = absolute_even_roots(base)
    return absolute_even_roots(sp.Pow(base, exponent))


def real_node(func, arguments) -> sp.Basic:
    """``func(*arguments)`` rebuilt (a substitution's rebuild of one node) without SymPy's
    principal-branch rules on a real root: a power through :func:`real_power`, the argument of
    ``log`` and of ``exp`` (which folds exp(c·log u) into u^c) with its even roots made
    |b|^(p/q) first."""
    if func is sp.Pow:
        return real_power(*arguments)
    if func in (sp.log, sp.exp):
        return func(*(absolute_even_roots(argument) for argument in arguments))
    return func(*arguments)


class _RealRoot(sp.Function):
    """b^(p/q) (q odd) held unevaluated while a point is written in; becomes the real root as
    soon as b is a number of known sign (never SymPy's complex principal root)."""

    nargs = 2

    @classmethod
    def eval(cls, base, exponent):
        if not base.is_number:
            return None
        if base.is_extended_nonnegative:
            return sp.Pow(base, exponent)
        if base.is_extended_negative:
            magnitude = sp.Pow(-base, exponent)
            return -magnitude if exponent.p % 2 else magnitude
        return None


def _odd_root_of_symbols(node: sp.Basic) -> bool:
    """An odd root of a base that may be negative (x^(1/3), not |x|^(1/3))."""
    return (isinstance(node, sp.Pow) and _odd_root_exponent(node.exp)
            and _may_be_negative(node.base))


def holds_odd_roots(expr: sp.Basic) -> bool:
    """Whether ``expr`` has an odd root of something that may be negative (x^(1/3), (x-1)^(2/5)):
    where SymPy computes with it (a limit, a series) it takes the principal branch."""
    if not isinstance(expr, sp.Basic):
        return False
    try:
        return _holds_odd_roots(expr)
    except TypeError:  # not hashable
        return _holds_odd_roots.__wrapped__(expr)


@functools.lru_cache(maxsize=256)
def _holds_odd_roots(expr: sp.Basic) -> bool:
    """(Looked at once per side, not at every point it is sampled at.)"""
    return expr.has(sp.Pow) and any(_odd_root_of_symbols(node) for node in expr.atoms(sp.Pow))


def at_point(expr: sp.Basic, point: Mapping) -> sp.Basic:
    """``expr.xreplace(point)`` with every odd root taken as the real root of the number its
    base becomes: ``x^(1/3)`` at x = -8 is -2 and ``|x^(1/3) + 2|`` is 0 there (SymPy's exact
    arithmetic alone would give the principal root 1 + i·√3 and |3 + i·√3|)."""
    if not point or not hasattr(expr, "xreplace"):
        return expr
    if getattr(expr, "is_Matrix", False) and holds_odd_roots(sp.ImmutableMatrix(expr)):
        return expr.applyfunc(lambda entry: at_point(entry, point))
    if not getattr(expr, "is_Matrix", False) and expr.has(sp.Abs, sp.sign) and any(
            _near_pole_sign(node) for node in expr.atoms(sp.Abs, sp.sign)):
        return _with_signs_held(expr, point)
    if not holds_odd_roots(expr):
        return expr.xreplace(point)
    held = expr.replace(_odd_root_of_symbols, lambda node: _RealRoot(node.base, node.exp))
    value = held.xreplace(dict(point))
    if value.has(_RealRoot):  # a base still symbolic, or of unknown sign: SymPy's Pow again
        value = value.replace(lambda node: isinstance(node, _RealRoot),
                              lambda node: sp.Pow(*node.args))
    return value


class _HeldAbs(sp.Function):
    """|·| kept unevaluated while a point is written in (no eval: SymPy's sign is not read)."""


class _HeldSign(sp.Function):
    """sign(·) kept unevaluated while a point is written in."""


_POLE_FUNCTIONS = (sp.tan, sp.sec, sp.cot, sp.csc)
_HELD = {sp.Abs: _HeldAbs, sp.sign: _HeldSign}


def _near_pole_sign(node: sp.Basic) -> bool:
    """Whether |u| or sign(u) has a u with a pole (tan, sec, cot, csc, a negative power):
    written at a rational point, SymPy reads the sign of u from a 2-digit evalf, which is
    wrong next to the pole — |tan(x³ + x)| became tan(x³ + x) = −10^40 at a point 10^-40
    past the pole (round 46 Y01).  Such nodes are left to the certified balls."""
    argument = node.args[0]
    return argument.has(*_POLE_FUNCTIONS) or any(
        power.exp.is_negative for power in argument.atoms(sp.Pow))


def _with_signs_held(expr: sp.Basic, point: Mapping) -> sp.Basic:
    """``expr`` at ``point`` with each pole-bearing |u| and sign(u) left unevaluated (its
    argument written in exactly), for the certified balls to decide."""
    held = expr.replace(lambda node: isinstance(node, (sp.Abs, sp.sign)) and _near_pole_sign(node),
                        lambda node: _HELD[type(node)](*node.args))
    value = at_point(held, point)
    back = {held_type: original for original, held_type in _HELD.items()}
    return value.replace(lambda node: isinstance(node, (_HeldAbs, _HeldSign)),
                         lambda node: back[type(node)](*node.args, evaluate=False))


# Around these, x^(1/3) may be its complex principal value in SymPy's rules without changing what
# is proved: an identity of rational operations, odd roots and entire functions that holds for
# one branch of the roots holds for every branch (the real one among them).
_BRANCH_FREE = (sp.Add, sp.Mul, sp.exp, sp.sin, sp.cos, sp.sinh, sp.cosh)


def _in_branch_context(expr: sp.Basic, inside: bool = False) -> bool:
    """Whether an odd root of a variable sits under a node outside :data:`_BRANCH_FREE`."""
    if _odd_root_of_symbols(expr) and inside:
        return True
    if isinstance(expr, sp.Pow):
        exponent = expr.exp
        free = isinstance(exponent, sp.Rational) and (exponent.q == 1 or exponent.q % 2 == 1)
    else:
        free = isinstance(expr, _BRANCH_FREE) or not expr.args
    return any(_in_branch_context(argument, inside or not free) for argument in expr.args)


def _sign_times_absolute(node: sp.Pow) -> sp.Basic:
    magnitude = sp.Pow(sp.Abs(node.base), node.exp)
    return sp.sign(node.base) * magnitude if node.exp.p % 2 else magnitude


def proof_forms(difference: sp.Basic) -> list[sp.Basic]:
    """The forms of ``difference`` whose rewriting to 0 by SymPy proves it zero over the reals:
    even roots always as |b|^(p/q); odd roots as SymPy's powers where only rational operations
    and entire functions stand around them, and (then as a second try, else alone) as
    sign(b)·|b|^(p/q), whose every rewrite by SymPy keeps the real value (``|x^(1/3) + 1|``,
    ``(2/3)·sign(x)·|x|^(-1/3)`` for the derivative of x^(2/3))."""
    difference = absolute_even_roots(difference)
    if not holds_odd_roots(difference):
        return [difference]
    difference = difference.replace(  # |x^(1/3)| = |x|^(1/3) on every branch
        lambda node: isinstance(node, sp.Abs) and _odd_root_of_symbols(node.args[0]),
        lambda node: sp.Pow(sp.Abs(node.args[0].base), node.args[0].exp))
    signed = difference.replace(_odd_root_of_symbols, _sign_times_absolute)
    if _in_branch_context(difference):
        return [signed]
    return [difference, signed] if signed != difference else [difference]
