r"""Whether a step's formula, as written, has a value at the values in force (round 17 F26, F28).

The grammar records the natural domain of what the note writes (a denominator ≠ 0, a
logarithm's argument > 0, an even root's base ≥ 0: :class:`symderive.grammar.build.Condition`)
while it builds SymPy, which already cancels ``\frac{x}{x}`` to 1, ``\frac{x^2}{x}`` to x,
``(\sqrt{y})^2`` to y and ``e^{\ln x}`` to x. Those requirements are checked here once the
values in force are put in — example values, the arguments of a defined function (``w(0)``
after ``w(x) = \frac{x}{x}``), the point of an evaluation bar — together with the requirements
of every definition the step uses, read from the definition as written
(:attr:`symderive.notes.context.Definition.domain`). A requirement that then fails (x = 0 in a
denominator, y = −4 under a square root) makes the step *undefined*, never proved: SymPy's
cancelled form would give it a value the note's formula does not have.

A requirement on a bound variable (a sum's index, an integral's or a limit's variable, the
random variable of an expectation) is not evaluated here: the grammar checks written ranges
itself (``\sum_{k=0}^{2} \frac{k}{k}``), and the rest holds away from a point.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from symderive.grammar.build import fails_at
from symderive.notes.context import DefinitionView
from symderive.notes.expand import MOMENTS, expand_definitions, outside_indexed

MAX_DEPTH = 8  # definitions through definitions, as expand.EXPANSION_ROUNDS
BOUND = None  # the value a bound variable has in the walk's environment: none known


def undefined_as_written(raw: sp.Basic, conditions, view: DefinitionView | None) -> str:
    """Why ``raw`` (one written element of a step, read with ``view``) has no value at the
    values in force: its own written ``conditions`` or those of a definition it uses fail
    there; "" when none is known to fail."""
    if view is None or not isinstance(raw, sp.Basic):
        return ""
    bound = {_name(symbol) for symbol in _bound_variables(raw)}
    found = [(condition.kind, condition.expr, condition.why, "")
             for condition in conditions
             if not {_name(symbol) for symbol in condition.expr.free_symbols} & bound]
    _collect(raw, view, {}, found, 0)
    examples = frozenset(key[1] for key in view.examples if key[0] == "symbol")
    for kind, expr, why, where in found:
        if not (expr.free_symbols & _substituted(view, examples)) and not where:
            continue  # nothing put in: the grammar judged the written numbers already
        try:
            value = sp.Tuple(*(expand_definitions(part, view) for part in expr.args)) \
                if kind == "power" else expand_definitions(expr, view)
        except Exception:  # noqa: BLE001 - a value not computed: nothing known to fail
            continue
        if fails_at(kind, value):
            what = "undefined" if kind in ("nonzero", "counted") else "undefined (non-real)"
            shown = sp.sstr(value.args[0] if kind == "power" else value)
            return (f"{what} as written at the values in force: {why}{where} is {shown} "
                    "(SymPy's simplified form would have a value there; the note's formula "
                    "has none)")
    return ""


def definition_requirements(raw: sp.Basic, view: DefinitionView | None) -> tuple:
    r"""The written domains of the definitions ``raw`` uses, in the step's own letters (the
    arguments put in for the parameters): (kind, expr, why) — a refutation must satisfy them
    (``f(t) = |t|`` after ``f(t) = e^{\ln t}`` is not refuted at a negative t)."""
    if view is None or not view.domains or not isinstance(raw, sp.Basic):
        return ()
    found: list = []
    _collect(raw, view, {}, found, 0)
    return tuple((kind, expr, why + where) for kind, expr, why, where in found
                 if not _met_by_definitions(kind, expr, view))


# the kinds of requirement a value greater than zero meets
_MET_BY_POSITIVE = frozenset({"positive", "nonzero", "nonnegative"})


def _met_by_definitions(kind: str, expr: sp.Basic, view: DefinitionView) -> bool:
    r"""Whether the requirement holds at every real value once the definitions in force are
    put in: ``\log y_i`` in L = −Σ t_i log y_i asks y_i > 0 for every i, and y_i is the softmax
    e^{z_i}/Σ_k e^{z_k}, positive wherever it is defined (round 57: the cross-entropy gradient
    y − t was withheld as if y_i might be negative)."""
    if getattr(kind, "was", kind) not in _MET_BY_POSITIVE:
        return False
    try:
        value = expand_definitions(expr, view)
    except Exception:  # noqa: BLE001 - a value not computed: the requirement stays
        return False
    return value != expr and positive_everywhere(value)


def positive_everywhere(expr: sp.Basic) -> bool:
    """Whether ``expr`` is greater than zero at every real value of its names (a sum's count
    at least its lower bound): a positive number or name, an exponential of a real
    expression, and sums, products, quotients and real powers of those, also summed over a
    range that is never empty. False when that is not shown (it may still be positive)."""
    if not isinstance(expr, sp.Basic) or expr.has(sp.I, sp.zoo, sp.nan, sp.oo, -sp.oo):
        return False
    if expr.is_positive:
        return True
    if isinstance(expr, sp.exp):
        return True  # every name is real
    if isinstance(expr, (sp.Add, sp.Mul)):
        return all(positive_everywhere(part) for part in expr.args)
    if isinstance(expr, sp.Pow):
        return positive_everywhere(expr.base)
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1:
        _, low, high = expr.limits[0]
        nonempty = (high - low).is_nonnegative or (
            low.is_Integer and low <= 1 and high.is_integer and high.is_positive)
        return bool(nonempty) and positive_everywhere(expr.function)
    return False


def _substituted(view: DefinitionView, examples: frozenset) -> set:
    """The names whose values in force are put into a requirement."""
    return set(view.symbols) | set(examples)


def _name(symbol) -> str:
    """A symbol's written name (a limit's Dummy ``_x`` is x; a renamed index ``k'`` is k)."""
    return getattr(symbol, "name", str(symbol)).rstrip("'")


def _bound_variables(expr: sp.Basic) -> set:
    """Every variable a binder in ``expr`` binds (Σ, Π, ∫, lim, an evaluation bar)."""
    found: set = set()
    for node in expr.atoms(sp.Sum, sp.Product, sp.Integral, sp.Subs, sp.Limit):
        if isinstance(node, sp.Subs):
            found |= set(node.variables)
        elif isinstance(node, sp.Limit):
            found.add(node.args[1])
        else:
            found |= {limit[0] for limit in node.limits}
    return found


def _collect(expr, view: DefinitionView, env: dict, found: list, depth: int) -> None:
    """The requirements of the definitions ``expr`` uses, with the arguments and the points
    of evaluation bars of ``env`` put in (a bound variable's requirements are left out)."""
    if depth > MAX_DEPTH or not isinstance(expr, sp.Basic):
        return
    if isinstance(expr, sp.Symbol):
        if expr in env or expr not in view.symbols:
            return
        key = ("symbol", expr)
        _add(view.domains.get(key, ()), {}, env, found, view.notes.get(key, ""))
        _collect(view.symbols[expr], view, env, found, depth + 1)
        return
    if isinstance(expr, sp.Indexed):
        for index in expr.indices:
            _collect(index, view, env, found, depth)
        return
    if isinstance(expr, sp.core.function.AppliedUndef):
        for argument in expr.args:
            _collect(argument, view, env, found, depth)
        name = expr.func.__name__
        definition = view.functions.get(name)
        if definition and len(definition[0]) == len(expr.args):
            mapping = dict(zip(definition[0], expr.args))
            key = ("function", name)
            _add(view.domains.get(key, ()), mapping, env, found, view.notes.get(key, ""))
            try:
                body = definition[1].xreplace(mapping)
            except Exception:  # noqa: BLE001 - shapes SymPy refuses: not followed
                return
            _collect(body, view, env, found, depth + 1)
        return
    if isinstance(expr, sp.Subs):
        for point in expr.point:
            _collect(point, view, env, found, depth)
        inner = {**env, **{variable: _put(point, env)
                           for variable, point in zip(expr.variables, expr.point)}}
        _collect(expr.expr, view, inner, found, depth)
        return
    if isinstance(expr, (sp.Sum, sp.Product, sp.Integral)):
        for limit in expr.limits:
            for end in limit[1:]:
                _collect(end, view, env, found, depth)
        inner = {**env, **{limit[0]: BOUND for limit in expr.limits}}
        _collect(expr.function, view, inner, found, depth)
        return
    if isinstance(expr, sp.Limit):
        _collect(expr.args[2], view, env, found, depth)
        _collect(expr.args[0], view, {**env, expr.args[1]: BOUND}, found, depth)
        return
    if isinstance(expr, MOMENTS):  # the random variable is averaged over (round 17 F18)
        inner = {**env, **{symbol: BOUND for symbol in outside_indexed(expr.args[0])}}
        _collect(expr.args[0], view, inner, found, depth)
        return
    for argument in expr.args:
        _collect(argument, view, env, found, depth)


def _put(value, env: dict):
    """``value`` with the known points of ``env`` put in (a bound one stays a name)."""
    known = {symbol: point for symbol, point in env.items() if point is not BOUND}
    return value.xreplace(known) if known and isinstance(value, sp.Basic) else value


def _add(conditions, mapping: dict, env: dict, found: list, note: str) -> None:
    """Each requirement of a definition, with its parameters replaced by the arguments and the
    points of ``env`` put in; one about a bound variable is left out."""
    where = f" in {note}" if note else ""
    for condition in conditions:
        try:
            expr = condition.expr.xreplace(mapping) if mapping else condition.expr
        except Exception:  # noqa: BLE001 - not substituted: not checked
            continue
        if any(env.get(symbol, 0) is BOUND and symbol in env for symbol in expr.free_symbols):
            continue
        found.append((condition.kind, _put(expr, env), condition.why, where))


def outside_written_domain(domain: tuple, counterexample) -> str:
    r"""Why a refutation does not stand: its point lies outside the natural domain of a side
    as written (``|x| = (\sqrt{x})^2`` at x = −17/3, where SymPy's x has a value and the
    written square root has none; round 17 F28); "" when it lies inside, or it cannot be told.
    ``domain`` holds (side, kind, expr, why) as :attr:`PlannedStep.written_domain`."""
    if counterexample is None or not domain:
        return ""
    values = {}
    for name, text in counterexample.values:
        try:
            number = Fraction(str(text).strip())
        except (ValueError, ZeroDivisionError):
            continue
        values[name] = sp.Rational(number.numerator, number.denominator)
    for side, kind, expr, why in domain:
        symbols = expr.free_symbols
        if not symbols or any(str(symbol) not in values for symbol in symbols):
            continue
        at = {symbol: values[str(symbol)] for symbol in symbols}
        if fails_at(kind, expr, at):
            shown = ", ".join(f"{symbol} = {value}" for symbol, value in at.items())
            part = expr.args[0] if kind == "power" else expr
            return (f"refuted as read only where the {'left' if side == 'lhs' else 'right'} "
                    f"side as written is undefined (at {shown}, {why} is "
                    f"{sp.sstr(part.xreplace(at))}): a "
                    "claim is meant where both sides are defined, so this is not a refutation; "
                    "state the domain (e.g. 'assume x positive') to decide it")
    return ""
