r"""Substitute a note's definitions into one expression and evaluate its derivatives, bounded.

Definitions are substituted outside-in for at most :data:`EXPANSION_ROUNDS` rounds and the
result may hold at most :data:`MAX_NODES` nodes (``a := b + b, b := c + c, …`` would otherwise
double at every round): beyond that the step is skipped with a reason, never expanded further.
A derivative of a name the note never defines is kept as a derivative of an *unknown function*
(``\frac{\partial L}{\partial x}`` with L undefined is ``d/dx L(x, …)``), so general rules such as
the chain rule are checked on instances instead of being skipped (:mod:`symderive.notes.instances`).
"""

from __future__ import annotations

from collections.abc import Iterable

from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.errors import ParseError
from symderive.expectation import E, _Moment, symbols_read_as_random
from symderive.real_roots import real_node
from symderive.matrixcalc import Grad, Jacobian
from symderive.notes.indices import family_values, unlinked_family_definition
from symderive.notes.indexed_families import instance_families, instance_values
from symderive.notes.restricted_definitions import (
    Restricted, check_application, enclosing_ranges, restricted_inside_bindings,
)
from symderive.notes.kinks import differentiate, settle
from symderive.notes.context import DefinitionView

EXPANSION_ROUNDS = 8
MAX_NODES = 4000


class TooLarge(Exception):
    """Definitions expand beyond :data:`MAX_NODES` nodes."""


class Circular(TooLarge):
    """Definitions that go through each other (``x = r\\cos\\theta`` with r read as r(x))."""


class UndefinedDerivative(Exception):
    """A derivative of a name the notes never define, in a form the instances cannot carry."""


class HiddenPath(UndefinedDerivative):
    """``∂f/∂a`` where a is a defined intermediate that f, as defined, never mentions although
    it depends on what a depends on (``f(w, x, y, z) = …`` written out, then ``∂f/∂a``): the
    derivative through a is not determined by the definitions in force (0 would be a misreading)."""


def node_count(expr: sp.Basic, limit: int = MAX_NODES) -> int:
    """Nodes of ``expr`` counted up to ``limit`` (stops early: linear in the limit)."""
    count = 0
    stack = [expr]
    while stack:
        node = stack.pop()
        count += 1
        if count > limit:
            return count
        stack.extend(node.args)
    return count


def _check_size(expr: sp.Basic) -> sp.Basic:
    if node_count(expr) > MAX_NODES:
        raise TooLarge(f"definitions expand beyond {MAX_NODES} nodes")
    return expr


BINDING = (sp.Sum, sp.Product, sp.Integral)  # their limit variables are bound, not names
MOMENTS = (E, _Moment)  # 𝔼[X], Var(X): their random variable is averaged over (F18)
# an evaluation bar ``\left. x^2 \right|_{x=1}`` (Subs) binds its variables too (round 17 F20)


def outside_indexed(expr: sp.Basic, examples: frozenset = frozenset()) -> set:
    r"""Free symbols that are not only the label of an IndexedBase (``p`` of ``p[i]``), nor a
    bound variable (the i of ``\sum_i``, the x of ``\int … dx``, of ``|_{x=1}``), nor the random
    variable of an expectation or a variance among ``examples`` (names with an example value,
    which never enters there: :func:`_moment_replacements`)."""
    def again(node):
        return outside_indexed(node, examples)

    if isinstance(expr, sp.Indexed):
        return set().union(*(index.free_symbols for index in expr.indices))
    if isinstance(expr, sp.Symbol):
        return {expr}
    if isinstance(expr, sp.Subs):  # the bar's variable is bound; its point is not
        found = again(expr.expr) - set(expr.variables)
        for point in expr.point:
            found |= again(point)
        return found
    if isinstance(expr, BINDING):
        found = again(expr.function) - {limit[0] for limit in expr.limits}
        for limit in expr.limits:
            for bound in limit[1:]:
                found |= again(bound)
        return found
    if isinstance(expr, MOMENTS) and examples:
        return again(expr.args[0]) - (examples & symbols_read_as_random([expr]))
    found: set = set()
    for argument in expr.args:
        found |= again(argument)
    return found


def _replace_outside_indexed(expr: sp.Basic, replacements: dict,
                             examples: frozenset = frozenset()) -> sp.Basic:
    """xreplace that leaves ``p[i]`` alone when ``p`` itself is being replaced, and turns a
    derivative by a replaced variable into its value there (``dL/dz`` at z = t²). An example
    value (``examples``: the names that have one) never enters an expectation or a variance of
    its random variable (:func:`_moment_replacements`)."""
    def again(node, rules=replacements):
        return _replace_outside_indexed(node, rules, examples)

    if isinstance(expr, (sp.Indexed, sp.IndexedBase)):
        return expr
    if expr in replacements:
        return replacements[expr]
    if isinstance(expr, BINDING):  # an example value of i never enters \sum_i (i is bound)
        bound = {limit[0] for limit in expr.limits}
        inner = {name: value for name, value in replacements.items() if name not in bound}
        limits = [(limit[0], *(again(b) for b in limit[1:])) for limit in expr.limits]
        return expr.func(again(expr.function, inner), *limits)
    if isinstance(expr, sp.Subs):  # x^2 |_{x=1} after Take x = 2: the bar's x is its own
        bound = set(expr.variables)
        inner = {name: value for name, value in replacements.items() if name not in bound}
        return sp.Subs(again(expr.expr, inner), expr.variables,
                       tuple(again(p) for p in expr.point))
    if isinstance(expr, MOMENTS) and examples:
        return expr.func(again(expr.args[0], _moment_replacements(expr, replacements, examples)))
    if isinstance(expr, sp.Derivative) and any(v in replacements for v in expr.variables):
        variables = tuple(dict.fromkeys(expr.variables))
        dummies = tuple(sp.Dummy(str(v)) for v in variables)
        inner = expr.xreplace(dict(zip(variables, dummies)))
        points = tuple(again(v) for v in variables)
        return sp.Subs(inner, dummies, points)
    if not expr.args:
        return expr
    arguments = [again(argument) for argument in expr.args]
    # u^{3/2} and e^{(3/2) ln u} with u = x^{2/3} are |x|, never x (symderive.real_roots)
    return real_node(expr.func, arguments)


def _moment_replacements(moment: sp.Basic, replacements: dict, examples: frozenset) -> dict:
    r"""The replacements that enter an expectation or a variance (round 17 F18). Its random
    variable (alone inside it, or the only name: ``\mathbb{E}_{a \sim \mathcal{N}(0,1)}[a]``,
    ``\mathbb{E}_x[x^2]``, ``\operatorname{Var}(X)``) is averaged over, so an example value of
    it (a realisation, *Take $X = 3$*) never enters; another name with an example value inside
    (``\mathbb{E}[aX]`` after *Let $a = 2$*) may be a constant or random: not read."""
    inside = outside_indexed(moment.args[0]) & examples & set(replacements)
    if not inside:
        return replacements
    unread = sorted(str(name) for name in inside - symbols_read_as_random([moment]))
    if unread:
        raise ParseError(f"{', '.join(unread)} has an example value and stands inside an "
                         "expectation or a variance with other names: whether it is a constant "
                         "or a random variable averaged over (whose example value does not "
                         "enter) is not read")
    return {name: value for name, value in replacements.items() if name not in inside}


def expand_definitions(expr: sp.Basic, view: DefinitionView, keep: Iterable = ()) -> sp.Basic:
    keep = set(keep)
    examples = frozenset(key[1] for key in view.examples if key[0] == "symbol")
    for _ in range(EXPANSION_ROUNDS):
        visible = outside_indexed(expr, examples)
        avoid = free_names(expr)  # a value's bound k never captures the step's free k (y_k
        # after y_i = e^{z_i} / Σ_k e^{z_k}: instantiating k = 1 broke the sum's limits)
        replacements = {
            symbol: _apart(value, avoid)
            for symbol, value in view.symbols.items()
            if symbol in visible and symbol not in keep
        }
        replacements.update(point_values(expr, view, keep))  # and x_3 of x_k = 2^k:
        try:  # and b_{n+1} of b_n = n^2 (round 14a F14)
            instances = instance_values(expr, view.symbols, visible, view.families)
        except ValueError as error:  # a shifted term the family cannot give: not read
            raise ParseError(str(error)) from error
        replacements.update({instance: _apart(value, avoid)
                             for instance, value in instances.items() if instance not in keep})
        for applied in expr.atoms(sp.core.function.AppliedUndef):
            definition = view.functions.get(applied.func.__name__)
            if definition and len(definition[0]) == len(applied.args):
                check_application(  # a piece gives no value elsewhere (F23), ∫_0^1 r inside
                    applied.func.__name__, definition, applied.args, view.symbols, expr,
                    enclosing_ranges(expr, applied, view.symbols)  # its range does (16 F22)
                    if isinstance(definition, Restricted) else None)
                parameters, body = definition
                for parameter, argument in zip(parameters, applied.args):
                    if isinstance(parameter, sp.MatrixExpr) != isinstance(argument, sp.MatrixExpr):
                        kind = ("vector or matrix" if isinstance(parameter, sp.MatrixExpr)
                                else "number")  # f(\mathbf{x}) = \|\mathbf{x}\|_2, then f(x)
                        raise ParseError(f"{applied.func.__name__} is defined for a {kind} "
                                         f"{parameter}, here applied to {argument}: not expanded")
                replacements[applied] = fresh_bound(  # never captured by a free index
                    body.xreplace(dict(zip(parameters, applied.args))), avoid)
        family = {entry: _apart(value, avoid)  # entries hook: p_{y_i} after p_k = …
                  for entry, value in family_values(expr, view.symbols).items()}
        if family:
            expr = _check_size(expr.xreplace(family))
        if not replacements:
            if family:
                continue
            return expr
        expr = _check_size(_replace_outside_indexed(expr, replacements, examples))
    if any(symbol in outside_indexed(expr, examples) for symbol in view.symbols
           if symbol not in keep):
        circle = circular(view)
        if circle:
            raise Circular(
                f"the definitions of {', '.join(circle)} go through each other (as read here, "
                f"e.g. x = r cos θ with r a function of x, an inverse-function derivative): "
                "which variables are independent is not known")
        raise TooLarge(f"definitions nested deeper than {EXPANSION_ROUNDS} levels")
    return expr


def circular(view: DefinitionView) -> list:
    """The names of defined symbols whose definitions reach themselves again, sorted."""
    names = {symbol for symbol in view.symbols if isinstance(symbol, sp.Symbol)}
    uses = {}
    for symbol in names:
        value = view.symbols[symbol]
        reached = set(getattr(value, "free_symbols", ()))
        for applied in getattr(value, "atoms", lambda *_: ())(sp.core.function.AppliedUndef):
            reached |= {s for s in names if s.name == applied.func.__name__}
        uses[symbol] = reached & names
    found = set()
    for start in names:
        seen, frontier = set(), set(uses[start])
        while frontier:
            current = frontier.pop()
            if current == start:
                found.add(start.name)
                break
            if current not in seen:
                seen.add(current)
                frontier |= uses.get(current, set())
    return sorted(found)


def used_definitions(expr: sp.Basic, view: DefinitionView) -> set:
    """Keys of the definitions an expression uses, directly or through other definitions."""
    used: set = set()
    frontier = [expr]
    examples = frozenset(key[1] for key in view.examples if key[0] == "symbol")
    for _ in range(EXPANSION_ROUNDS):
        found = set()
        for item in frontier:
            visible = outside_indexed(item, examples)
            for symbol in view.symbols:
                if symbol in visible:
                    found.add(("symbol", symbol))
            found |= {("point", applied) for applied in point_values(item, view)}
            found |= {("symbol", family) for family in instance_families(
                item, view.symbols, visible, view.families)}
            for applied in item.atoms(sp.core.function.AppliedUndef):
                if applied.func.__name__ in view.functions:
                    found.add(("function", applied.func.__name__))
            for entry in family_values(item, view.symbols):  # entries hook: p[y_i] of p_k
                found |= {("symbol", s) for s in view.symbols
                          if getattr(s, "name", "") .startswith(f"{entry.base.label}_")}
        found -= used
        if not found:
            break
        used |= found
        contexts = {}
        for item in frontier:
            _bound_contexts(item, frozenset(), contexts, examples)
        frontier = [
            view.points[key[1]] if key[0] == "point"
            else parameters_bound(*view.functions[key[1]])
            for key in found if key[0] != "symbol"
        ] + [  # y = x^3 under the bar |_{x=1}: that x is the bar's, no example value of x
            _hidden(view.symbols[key[1]], around)
            for key in found if key[0] == "symbol"
            for around in contexts.get(key[1], {frozenset()})
        ]
    return used


def _bound_contexts(expr: sp.Basic, bound: frozenset, found: dict,
                    examples: frozenset = frozenset()) -> dict:
    r"""For each visible symbol of ``expr`` (as :func:`outside_indexed`), the sets of bound
    variables around its occurrences (the x of ``\sum_x``, ``\int … dx``, ``|_{x=1}``, the
    random variable with an example value of ``\mathbb{E}[X]``)."""
    def again(node, around=bound):
        return _bound_contexts(node, around, found, examples)

    if isinstance(expr, sp.Indexed):
        for index in expr.indices:
            again(index)
    elif isinstance(expr, sp.Symbol):
        if expr not in bound:
            found.setdefault(expr, set()).add(bound)
    elif isinstance(expr, sp.Subs):
        again(expr.expr, bound | set(expr.variables))
        for point in expr.point:
            again(point)
    elif isinstance(expr, BINDING):
        again(expr.function, bound | {limit[0] for limit in expr.limits})
        for limit in expr.limits:
            for end in limit[1:]:
                again(end)
    elif isinstance(expr, MOMENTS) and examples:
        again(expr.args[0], bound | (examples & symbols_read_as_random([expr])))
    else:
        for argument in expr.args:
            again(argument)
    return found


def _hidden(value, bound: frozenset):
    """A definition's value read under binders: their variables are not free names there."""
    if not bound or not isinstance(value, sp.Basic):
        return value
    return value.xreplace({symbol: sp.Dummy(str(symbol)) for symbol in bound})


def point_values(expr: sp.Basic, view: DefinitionView, held: Iterable = ()) -> dict:
    """The values ``P(A) = 0.3`` the note gives at the very applications in ``expr``; not where
    an argument's name is differentiated, summed or integrated over (``d/da f(a)`` after
    ``f(a) = 1`` is not known from one value; ``held`` are the variables of the derivative
    whose inside is being expanded)."""
    if not view.points:
        return {}
    varying: set = set(held)  # the variables of a derivative being evaluated
    for node in expr.atoms(sp.Derivative, sp.Subs, *BINDING):
        if isinstance(node, sp.Derivative):
            varying |= set(node.variables)
        elif isinstance(node, sp.Subs):
            varying |= set(node.variables)
        else:
            varying |= {limit[0] for limit in node.limits}
    return {
        applied: value for applied, value in view.points.items()
        if applied in expr.atoms(sp.core.function.AppliedUndef)
        and not (applied.free_symbols & varying)
    }


def parameters_bound(parameters: tuple, body: sp.Basic) -> sp.Basic:
    """A function's body with its parameters hidden: they are bound (``h(x, y) = xy`` uses no
    example value of x), so only its other names can use definitions."""
    hidden = {p: sp.Dummy(str(p)) for p in parameters if isinstance(p, sp.Symbol)}
    return body.xreplace(hidden) if hidden else body


def unknown_function(name: sp.Basic, variables: Iterable[sp.Basic]) -> sp.Basic:
    """The undefined quantity ``L`` differentiated by x, y read as ``L(x, y)``."""
    arguments = tuple(dict.fromkeys(variables))
    return sp.Function(f"{name}")(*arguments)


def with_unknowns(
    raws: Iterable[sp.Basic], view: DefinitionView, constants: frozenset = frozenset(),
    functions: frozenset = frozenset(),
) -> DefinitionView:
    r"""The view with every differentiated name the note never defines read as an unknown
    function: of the intermediate quantities it is differentiated by (names defined in the
    view, or themselves unknown), else of every variable it is differentiated by. So in
    ``∂L/∂x = ∂L/∂q · ∂q/∂x`` with ``q = Wx``, L is L(q) and the chain rule is checked. A bare
    name of a function the note speaks of (``functions``: "Let $\hat{y}(x)$ denote …") inside a
    differentiand is such a name too: ``\frac{d}{dx}\hat{y}^2`` is about ŷ(x), never a constant
    (round 40 I11)."""
    by: dict[sp.Symbol, list] = {}
    raws = list(raws)
    for raw in raws:
        # in the order written (a set's order changes with the hash seed: ∂f/∂x, ∂f/∂y made
        # f(x, y) in one run and f(y, x) in the next, round 50)
        for derivative in _in_order(raw, sp.Derivative):
            inside = bare_names_inside(derivative, functions - constants)
            if (
                isinstance(derivative.expr, sp.Symbol) and derivative.expr not in view.symbols
                and derivative.expr.name not in constants  # "for any constant $C$": d/dx C = 0
            ):  # fmt: skip
                inside.append(derivative.expr)
            for name in inside:
                if name not in view.symbols:
                    by.setdefault(name, []).extend(derivative.variables)
    if not by:
        return view
    symbols = dict(view.symbols)
    written = _written_arguments(raws, view)
    for name, variables in by.items():
        variables = [v for v in dict.fromkeys(variables) if v != name]
        intermediate = [v for v in variables if v in view.symbols or v in by]
        arguments = intermediate or variables
        order = written.get(str(name), ())
        if set(arguments) <= set(order):  # z = f(x, y) written: f's arguments in that order
            arguments = [v for v in order if v in arguments]
        if arguments:
            symbols[name] = unknown_function(name, arguments)
    return DefinitionView(symbols, view.functions, view.notes, points=view.points,
                          families=view.families, domains=view.domains,
                          definitions=view.definitions)


def _in_order(expr: sp.Basic, kind: type) -> list:
    """The distinct nodes of ``kind`` in ``expr``, in preorder (a fixed order, unlike atoms)."""
    return list(dict.fromkeys(node for node in sp.preorder_traversal(expr)
                              if isinstance(node, kind)))


def _written_arguments(raws: list, view: DefinitionView) -> dict[str, tuple]:
    """name → the arguments an unknown function is applied to where the note writes it
    applied (``z = f(x, y)``, or ``f(x, y)`` in the chain), the first such application."""
    found: dict[str, tuple] = {}
    values = [value for value in view.symbols.values() if isinstance(value, sp.Basic)]
    for expr in [raw for raw in raws if isinstance(raw, sp.Basic)] + values:
        for applied in _in_order(expr, AppliedUndef):
            found.setdefault(applied.func.__name__, applied.args)
    return found


def bare_names_inside(derivative: sp.Derivative, names: Iterable[str]) -> list[sp.Symbol]:
    r"""The bare (unapplied) names among ``names`` inside the derivative's differentiand, not
    differentiated by: ŷ in ``\frac{\partial}{\partial w}(\hat{y} - y)^2`` after
    ``\hat{y}(x) = wx + b`` is the prediction wx + b, never a constant (round 40 I11)."""
    names = set(names)
    return [symbol for symbol in derivative.expr.free_symbols
            if isinstance(symbol, sp.Symbol) and symbol.name in names
            and symbol not in derivative.variables]


def with_function_values(raws: Iterable[sp.Basic], view: DefinitionView) -> tuple:
    r"""The view with each defined function's bare name, where a derivative uses it, read as
    the function's value at its own parameters: ``\frac{\partial f}{\partial x}`` after
    ``f(x, y) = xy`` is the derivative of xy. A name in such a body that is itself a defined
    function (``u`` in ``f(u, v) = (u + v)^2`` after ``u(a, b) = (a + b)^2``) is composed the same
    way, so ``\frac{\partial f}{\partial a}`` sees the path through u. Only names a derivative
    of the chain differentiates or differentiates by, or a whole element of the chain (``l = …``
    after ``l(\mathbf{y}, \hat{\mathbf{y}}) = …``: the loss at its defined arguments), start
    this (a bare ``h`` used as a step size elsewhere stays a name). Returns (view, {name:
    definition note}) for the report."""
    raws = list(raws)
    bodies = {
        name: (parameters, body) for name, (parameters, body) in view.functions.items()
        if parameters and all(isinstance(p, (sp.Symbol, sp.MatrixSymbol)) for p in parameters)
        and not isinstance(view.functions[name], Restricted)  # a piece: its bare name is no
    }  # fmt: skip                                            # value anywhere (round 16 F10, F16)
    if not bodies:
        return view, {}
    frontier = [raw for raw in raws  # l = …, a whole element: the value of l (round 11a F9)
                if isinstance(raw, sp.Symbol) and raw.name in bodies and raw not in view.symbols]
    for raw in raws:
        for derivative in raw.atoms(sp.Derivative):
            for name in (derivative.expr, *derivative.variables,
                         *bare_names_inside(derivative, bodies)):
                if isinstance(name, sp.Symbol) and name.name in bodies and name not in view.symbols:
                    frontier.append(name)
    chosen: dict = {}
    avoid = set().union(*(free_names(raw) for raw in raws)) if raws else set()
    while frontier:
        name = frontier.pop()
        if name in chosen:
            continue
        parameters, body = bodies[name.name]
        if name in parameters:
            continue
        chosen[name] = fresh_bound(body, avoid)
        frontier.extend(
            symbol for symbol in body.free_symbols
            if isinstance(symbol, sp.Symbol) and symbol.name in bodies
            and symbol not in view.symbols
        )  # fmt: skip
    if not chosen:
        return view, {}
    symbols = {**view.symbols, **chosen}
    notes = dict(view.notes)
    shown = {}
    for name in chosen:
        note = view.notes.get(("function", name.name))
        if note is not None:
            notes[("symbol", name)] = note
            shown[name.name] = note
    return DefinitionView(symbols, view.functions, notes, view.examples, view.points,
                          view.families, view.domains, view.definitions), shown


def _no_hidden_path(node: sp.Derivative, inner: sp.Basic, view: DefinitionView) -> None:
    """Raise :class:`HiddenPath` when the derivative is taken by a defined name that the
    expanded differentiand does not contain but whose own value shares its variables."""
    for variable in node.variables:
        if not isinstance(variable, sp.Symbol) or variable not in view.symbols:
            continue
        if variable in inner.free_symbols:
            continue
        value = expand_definitions(view.symbols[variable], view)
        if value.free_symbols & inner.free_symbols:
            raise HiddenPath(
                f"\\partial {node.expr} / \\partial {variable}: {variable} is defined in terms of "
                f"the variables of {node.expr}, but {node.expr} as defined here never goes through "
                f"{variable}, so this derivative is not determined (not read as 0)"
            )


def prepare(
    expr: sp.Basic, view: DefinitionView, unknown_names: set | None = None,
    constants: frozenset = frozenset(), notation=None,
) -> sp.Basic:
    """Definitions substituted; derivatives evaluated on the expanded differentiand.

    A derivative of an undefined name becomes the derivative of an unknown function of the
    variables it is taken by; ``unknown_names`` collects those names for the report."""
    restricted_inside_bindings(expr, view)  # r'(3), ∫ r, Σ r(k) of a piece (round 15 F25)

    def rewrite(node: sp.Basic) -> sp.Basic:
        if isinstance(node, (Grad, Jacobian)):  # matrix hook: ∂f/∂W, evaluated entrywise later
            inner = expand_definitions(rewrite(node.function), view, keep=(node.wrt,))
            if isinstance(inner, sp.Symbol) or (
                isinstance(inner, sp.MatrixSymbol) and inner != node.wrt
            ):
                raise UndefinedDerivative(str(inner))  # J never defined: ∂J/∂W is unknown
            for applied in inner.atoms(sp.core.function.AppliedUndef):
                if any(isinstance(a, sp.MatrixExpr) or a.atoms(sp.MatrixSymbol)
                       for a in applied.args):  # fmt: skip
                    raise UndefinedDerivative(str(applied))  # f(x) of a vector, f unknown
            return _check_size(node.func(inner, node.wrt))
        if isinstance(node, sp.Derivative):
            variables = node.variables
            held = held_fixed(node, view, notation)  # ∂z/∂x of z = x^2 y, y = x^3 (C6)
            inner = expand_definitions(rewrite(node.expr), view, keep=(*variables, *held))
            _no_hidden_path(node, inner, view)
            if unlinked := unlinked_family_definition(inner, view.symbols):
                raise HiddenPath(unlinked)  # y_{nk} = … beside Σ_n Σ_k y_{nk} (round 58 AX02)
            for applied in inner.atoms(sp.core.function.AppliedUndef):
                if unknown_names is not None and applied.func.__name__ not in view.functions:
                    unknown_names.add(applied.func.__name__)
            if (
                isinstance(inner, sp.Symbol) and inner not in variables
                and inner.name not in constants
            ):  # fmt: skip
                if unknown_names is not None:
                    unknown_names.add(str(inner))
                inner = unknown_function(inner, variables)
            elif isinstance(inner, sp.Indexed) and inner not in variables:
                raise UndefinedDerivative(str(inner))
            if any(isinstance(v, sp.MatrixSymbol) for v in variables) and inner.atoms(
                MatrixElement
            ):
                raise ValueError("entries differentiated by a matrix (SymPy would answer 0)")
            if all(isinstance(v, MatrixElement) for v in variables):  # entries hook: by v_ab,
                return sp.Derivative(inner, *variables)  # done on explicit matrices later
            return _check_size(differentiate(inner, *variables))
        if not node.args or isinstance(node, (sp.Indexed, sp.IndexedBase)):
            return node
        return node.func(*(rewrite(argument) for argument in node.args))

    view = _derivatives_evaluated(view, expr, rewrite)
    return settle(no_limit_by_cases(no_block_entries(difference_quotients(
        expand_definitions(rewrite(expr), view)))))


def _derivatives_evaluated(view: DefinitionView, expr: sp.Basic, rewrite) -> DefinitionView:
    r"""The view with each definition whose value is a derivative (``\delta = \frac{\partial
    L}{\partial y}``) that ``expr`` uses given that derivative evaluated as written: by y with
    y kept, L's formula in y put in (``L = \frac12 (y - t)^2``: y − t), before y's own
    definition (``y = wx + b``) is substituted (round 59 BA02: L expanded through y first, δ
    was 0 and ∂L/∂b = δ refuted). A value not evaluated so is left as it was."""
    used = expr.free_symbols
    derived = {symbol: value for symbol, value in view.symbols.items()
               if symbol in used and isinstance(value, sp.Basic) and value.has(sp.Derivative)}
    evaluated = {}
    for symbol, value in derived.items():
        try:
            evaluated[symbol] = rewrite(value)
        except Exception:  # noqa: BLE001 - not evaluated here: as before
            continue
    return replace(view, symbols={**view.symbols, **evaluated}) if evaluated else view


def _holds_a_matrix(entry) -> bool:
    """Whether a matrix entry is, or contains, a whole matrix (explicit or symbolic); an entry
    M[i, j] of a matrix is a number, not a matrix."""
    if isinstance(entry, MatrixElement) or not isinstance(entry, sp.Basic):
        return False
    if isinstance(entry, (sp.MatrixBase, sp.MatrixExpr)):
        return True
    return any(_holds_a_matrix(argument) for argument in entry.args)


def _explicit_matrices(expr) -> list:
    """The matrices written out in ``expr`` (not looking inside a matrix's own entries)."""
    if isinstance(expr, sp.MatrixBase):
        return [expr]
    if isinstance(expr, MatrixElement) or not isinstance(expr, sp.Basic):
        return []
    return [found for argument in expr.args for found in _explicit_matrices(argument)]


def no_block_entries(expr: sp.Basic) -> sp.Basic:
    """``expr``, unless a matrix in it has an entry that became a matrix once the definitions
    were substituted (u = (1; 2), v = (3; 4), then [u v]^T): SymPy keeps such an entry as one
    opaque element, so both sides would compare as if u, v were numbers (round 44 U05)."""
    for matrix in _explicit_matrices(expr):
        if any(_holds_a_matrix(entry) for entry in matrix):
            raise ParseError("a matrix written out whose entries become vectors or matrices "
                             "once the definitions are substituted (a block matrix, or a defined "
                             "matrix read as a number beside it) is not read")
    return expr


def no_limit_by_cases(expr: sp.Basic) -> sp.Basic:
    """``expr``, unless it takes a limit of a function by cases: SymPy's limit of a
    ``Piecewise`` evaluates the cases *at* the point (lim_{x→0⁻} of a step gives the step's
    value at 0), so such a limit is not read (round 16 F1, F2, F11, F25)."""
    for node in getattr(expr, "atoms", lambda *_: ())(sp.Limit):
        if node.args[0].has(sp.Piecewise, sp.Heaviside):
            raise ParseError("a limit of a function defined by cases is not evaluated here "
                             "(SymPy would take the case at the point itself)")
    return expr


def held_fixed(node: sp.Derivative, view: DefinitionView, notation) -> tuple:
    """The defined names a partial derivative holds fixed (symderive.notes.partials); with no
    notation given, () (the derivative through every definition, as before)."""
    if notation is None or not isinstance(node.expr, sp.Symbol) or node.expr not in view.symbols:
        return ()

    def depends(name: sp.Basic, variables: set) -> bool:
        try:
            value = expand_definitions(view.symbols[name], view)
        except TooLarge:
            return True  # not known: counted as depending (then not read unless the notation says)
        return bool(free_names(value) & variables)

    return notation.held(node, view.symbols, depends)


def difference_quotients(expr: sp.Basic) -> sp.Basic:
    r"""``\lim_{h \to 0} \frac{f(x+h) - f(x)}{h}`` of a function the note never defines is its
    derivative f'(x) — the definition of the derivative (SymPy leaves the limit unevaluated);
    only that exact shape: an unknown function of one argument, the quotient over h itself."""

    def derivative(node: sp.Limit) -> sp.Basic:
        body, step, point = node.args[0], node.args[1], node.args[2]
        if point != 0 or not isinstance(step, sp.Symbol):
            return node
        numerator, denominator = sp.fraction(sp.together(body))
        if sp.expand(denominator - step) != 0:
            return node
        terms = sp.Add.make_args(sp.expand(numerator))
        applied = [t for t in terms if isinstance(t, sp.core.function.AppliedUndef)]
        negated = [-t for t in terms if isinstance(-t, sp.core.function.AppliedUndef)]
        if len(terms) != 2 or len(applied) != 1 or len(negated) != 1:
            return node
        shifted, base = applied[0], negated[0]
        if shifted.func != base.func or len(base.args) != 1 or step in base.free_symbols:
            return node
        if sp.expand(shifted.args[0] - base.args[0] - step) != 0:
            return node
        return sp.Derivative(base, base.args[0]) if base.args[0].is_Symbol else node

    if not expr.atoms(sp.Limit):
        return expr
    return expr.replace(lambda node: isinstance(node, sp.Limit), derivative)


def free_names(expr: sp.Basic) -> set:
    """The free symbols of an expression, with those of the variables it differentiates by
    (SymPy counts ``x[i]`` of ``\\partial f/\\partial x_i`` as bound, yet its i is free)."""
    found = set(expr.free_symbols)
    for derivative in expr.atoms(sp.Derivative):
        for variable in derivative.variables:
            found |= variable.free_symbols
    return found


def _apart(value, avoid: set):
    """A definition's value with its bound indices renamed apart from ``avoid``."""
    return fresh_bound(value, avoid) if isinstance(value, sp.Basic) else value


def fresh_bound(body: sp.Basic, avoid: set) -> sp.Basic:
    r"""The body with each summation/product index that is also a free name of the step renamed
    (``f(\mathbf{x}) = \sum_i \beta_i x_i`` in ``\frac{df}{dx_i}``: the bound i is not the
    free i of x_i), so substituting and differentiating never capture it."""
    def rename(node: sp.Basic) -> sp.Basic:
        if not node.args:
            return node
        node = node.func(*(rename(argument) for argument in node.args))
        if isinstance(node, (sp.Sum, sp.Product)):
            function, limits = node.function, list(node.limits)
            for position, (variable, low, high) in enumerate(limits):
                if variable in avoid:
                    taken = avoid | node.free_symbols | {v for v, *_ in limits}
                    fresh = variable
                    while fresh in taken:
                        fresh = sp.Symbol(fresh.name + "'", **variable.assumptions0)
                    function = function.xreplace({variable: fresh})
                    limits[position] = (fresh, low, high)
            node = node.func(function, *limits)
        return node

    if not avoid or not body.atoms(sp.Sum, sp.Product):
        return body
    return rename(body)
