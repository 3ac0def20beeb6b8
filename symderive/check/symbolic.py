"""Symbolic attempts: a difference is *proved* zero only when a rewrite reaches exactly 0.

Each attempt is a named rewrite (the name becomes the report's ``method``).  Cheap attempts
run first; ``simplify`` and the targeted rewrites after the numeric check has spoken, so the
time budget is spent on proof only when the identity is plausibly true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import sympy as sp

Attempt = tuple[str, Callable[[sp.Basic], sp.Basic]]


def _rewrite_kinks(expr: sp.Basic) -> sp.Basic:
    rewritten = expr.rewrite(sp.Piecewise)
    return sp.piecewise_fold(rewritten)


def _expand_log(expr: sp.Basic) -> sp.Basic:
    # force=False: only splits logs whose arguments' assumptions allow it (positive symbols)
    return sp.expand(sp.expand_log(sp.logcombine(expr), force=False))


def _exp_to_common(expr: sp.Basic) -> sp.Basic:
    return sp.cancel(sp.together(sp.powsimp(sp.expand(expr.rewrite(sp.exp)))))


def _sum_products(expr: sp.Basic) -> sp.Basic:
    from sympy.concrete.summations import Sum

    expanded = sp.expand(expr)
    combined = sp.simplify(expanded.doit()) if expanded.has(Sum) else expanded
    return sp.factor_terms(combined)


QUICK: tuple[Attempt, ...] = (
    ("exact", lambda d: d),
    ("expand", sp.expand),
    ("together/cancel", lambda d: sp.cancel(sp.together(d))),
)

def _minimal_polynomial(expr: sp.Basic) -> sp.Basic:
    """An algebraic constant is 0 exactly when its minimal polynomial is the variable itself
    (Cardano's (√108 + 10)^(1/3) − (√108 − 10)^(1/3) − 2, Gauss's cos(2π/17) closed form)."""
    if not (expr.is_number and expr.is_algebraic):
        return expr
    variable = sp.Dummy("t")
    return sp.S.Zero if sp.minimal_polynomial(expr, variable) == variable else expr


THOROUGH: tuple[Attempt, ...] = (
    ("minimal polynomial", _minimal_polynomial),
    ("expand_log", _expand_log),
    ("exp rewrite + cancel", _exp_to_common),
    ("simplify", sp.simplify),
    ("Max/Heaviside/Abs → Piecewise", lambda d: sp.simplify(_rewrite_kinks(d))),
    ("sums", _sum_products),
    ("trigsimp", lambda d: sp.trigsimp(sp.expand(d.rewrite(sp.exp)))),
)


def attempts(thorough: bool) -> Iterator[Attempt]:
    yield from THOROUGH if thorough else QUICK


def is_exact_zero(expr: sp.Basic) -> bool:
    """True only for an exact zero (scalar) or an all-zero matrix — never a float ≈ 0."""
    if getattr(expr, "is_Matrix", False):
        return all(is_exact_zero(entry) for entry in expr)
    if isinstance(expr, sp.Float):
        return False
    return expr == 0 or expr is sp.S.Zero


def try_prove_zero(difference: sp.Basic, thorough: bool) -> str | None:
    """The name of the first attempt that reduces ``difference`` to exactly 0, else None."""
    for name, rewrite in attempts(thorough):
        try:
            if getattr(difference, "is_Matrix", False):
                reduced = difference.applyfunc(rewrite)
            else:
                reduced = rewrite(difference)
        except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
            continue
        if is_exact_zero(reduced):
            return name
    return None


def undefined_points(side: sp.Basic, other: sp.Basic) -> tuple[str, ...]:
    """Where ``side`` is undefined but ``other`` need not be (domain-losing cancellation).

    (x²−1)/(x−1) = x + 1 simplifies to 0 difference, yet the left side is undefined at x = 1;
    the proof holds only with that point excluded, and the report says so.
    """
    if getattr(side, "is_Matrix", False) or not isinstance(side, sp.Expr):
        return ()
    excluded = []
    for denominator in _denominators(side):
        if denominator.is_number or _never_zero(denominator):
            continue
        other_denominators = _denominators(other) if isinstance(other, sp.Expr) else []
        if any(sp.simplify(denominator - d) == 0 for d in other_denominators):
            continue
        free = sorted(denominator.free_symbols, key=sp.default_sort_key)
        if len(free) == 1:
            try:
                roots = sp.solveset(denominator, free[0], domain=sp.S.Reals)
            except (NotImplementedError, ValueError, TypeError):
                roots = None
            if isinstance(roots, sp.FiniteSet) and roots:
                excluded.extend(f"{free[0]} = {root}" for root in roots)
                continue
            if roots is sp.S.EmptySet:
                continue
        excluded.append(f"{denominator} = 0")
    return tuple(dict.fromkeys(excluded))


def _never_zero(expr: sp.Expr) -> bool:
    """Provably nonzero, reading every symbol without assumptions as real (our default)."""
    realized = _as_real(expr)
    if realized.is_positive or realized.is_negative:
        return True
    if isinstance(realized, sp.Sum):
        starts_at_one = all(lower == 1 for _, lower, _ in realized.limits)
        return bool(realized.function.is_positive) and starts_at_one
    return False


def _as_real(expr: sp.Expr) -> sp.Expr:
    replacements = {
        atom: sp.Dummy(str(atom), real=True)
        for atom in expr.atoms(sp.Indexed) | expr.free_symbols
        if isinstance(atom, (sp.Indexed, sp.Symbol)) and atom.is_real is None
    }
    return expr.xreplace(replacements) if replacements else expr


def _denominators(expr: sp.Expr) -> list[sp.Expr]:
    found = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Pow) and node.exp.is_negative and not node.base.is_number:
            found.append(node.base)
    return found
