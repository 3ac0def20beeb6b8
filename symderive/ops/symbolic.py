"""The SymPy side of the ops table: function classes and derivatives, generated from definitions.

For every entry of :data:`symderive.ops.definitions.ELEMENTWISE` that names a ``function``, a
SymPy function class is generated (``sigmoid``, ``relu``, ``leaky_relu``, ``maximum``,
``minimum``). It stays unevaluated so derivations read like the notes, and knows:

* its derivative (``fdiff``): ``diff(definition)``, written with step functions at the kinks
  (:func:`step_form`) and in terms of the function itself where it reappears (σ' = σ(1 − σ),
  :func:`in_terms_of_output`) — derived, never typed;
* its elementary form (``rewrite(exp)``, ``rewrite(Piecewise)``, :func:`to_elementary`), its
  numeric value (``evalf``), its LaTeX and pretty forms, and when it is real or positive.

:func:`derivative` is ``sympy.diff`` under the project's tie rule (SymPy's own ``Max`` splits a
tie half and half; ours gives it to the first argument).
"""

from __future__ import annotations

import sympy as sp

from symderive.ops.definitions import ALL_OPS, OUT, Elementwise
from symderive.printing import power_latex

_STRICT = (sp.StrictGreaterThan, sp.StrictLessThan)
_COMPARISONS = (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan)


def step_form(expr: sp.Expr) -> sp.Expr:
    """Two-branch Piecewise ``(a, d > 0), (b, True)`` as ``a·H(d, H0) + b·(1 − H(d, H0))``.

    ``H0`` is 0 for a strict condition and 1 for ``≥``: the branch that holds at the kink
    gives the value there, which is the kink convention. Anything else is left as it is.
    """

    def rewrite(piecewise: sp.Piecewise) -> sp.Expr:
        if len(piecewise.args) != 2 or piecewise.args[1].cond is not sp.true:
            return piecewise
        (first, condition), (second, _) = piecewise.args
        if not isinstance(condition, _COMPARISONS):
            return piecewise
        if isinstance(condition, (sp.LessThan, sp.StrictLessThan)):
            difference = condition.rhs - condition.lhs
        else:
            difference = condition.lhs - condition.rhs
        at_zero = sp.S.Zero if isinstance(condition, _STRICT) else sp.S.One
        step = sp.Heaviside(difference, at_zero)
        return first * step + second * (1 - step)  # exact in floating point for H ∈ {0, 1}

    return expr.replace(lambda node: isinstance(node, sp.Piecewise), rewrite)


def in_terms_of_output(derivative: sp.Expr, definition: sp.Expr) -> sp.Expr | None:
    """The derivative written with ``OUT`` for the op's value, or None where it does not appear.

    Where the definition itself occurs (1 − tanh(x)²) it is replaced. Otherwise, when the
    definition holds a single exponential t (σ = 1/(1 + t), t = e^(−x)), t is solved for from
    OUT = definition and substituted: e^(−x)/(1 + e^(−x))² becomes OUT·(1 − OUT).
    """
    direct = derivative.xreplace({definition: OUT})
    if direct.has(OUT):
        return direct
    exponentials = definition.atoms(sp.exp)
    if len(exponentials) != 1:
        return None
    (exponential,) = exponentials
    placeholder = sp.Dummy("t", positive=True)
    # definition = p(t)/q(t); when p − OUT·q is linear in t it has one root (sp.solve would
    # cost a third of a second per op for the same answer)
    in_t = definition.xreplace({exponential: placeholder})
    numerator, denominator = sp.fraction(sp.together(in_t))
    equation = sp.Poly(sp.expand(numerator - OUT * denominator), placeholder)
    if equation.degree() != 1:
        return None
    slope, intercept = equation.all_coeffs()
    substituted = derivative.xreplace({exponential: placeholder}).xreplace(
        {placeholder: -intercept / slope}
    )
    rewritten = _readable(sp.cancel(substituted))
    return None if rewritten.has(*definition.free_symbols) else rewritten


def _readable(polynomial: sp.Expr) -> sp.Expr:
    """Factored, with a leading −1 folded into a factor: out·(1 − out), not −out·(out − 1)."""
    factored = sp.factor(polynomial)
    coefficient, factors = factored.as_coeff_mul()
    if coefficient != -1:
        return factored
    for position, factor in enumerate(factors):
        if isinstance(factor, sp.Add) and factor.as_coeff_add()[0].is_negative:
            flipped = list(factors)
            flipped[position] = -factor
            return sp.Mul(*flipped)
    return factored


def partial_forms(op: Elementwise) -> tuple[sp.Expr, ...]:
    """∂op/∂input_i in step form, with ``OUT`` for the op's value where that is possible."""
    forms = []
    for symbol in op.inputs:
        partial = step_form(sp.powsimp(sp.diff(op.elementary, symbol)))
        reused = in_terms_of_output(partial, op.elementary) if op.reuse_output else None
        forms.append(reused if reused is not None else partial)
    return tuple(forms)


def _pretty_call(name: str, printer, arguments) -> object:
    from sympy.printing.pretty.stringpict import prettyForm

    argument = printer._print(arguments[0])
    for more in arguments[1:]:
        argument = prettyForm(*argument.right(", ", printer._print(more)))
    argument = prettyForm(*argument.parens())
    return prettyForm(*argument.left(name))


def _prec_to_digits(prec: int) -> int:
    """SymPy passes binary precision to ``_eval_evalf``; evalf wants decimal digits."""
    return max(15, int(prec * 0.30103) + 1)


def _generate(op: Elementwise) -> type[sp.Function]:
    """The SymPy function class of ``op`` (see the module docstring)."""
    symbols = op.symbols
    piecewise = isinstance(op.elementary, sp.Piecewise)
    derivatives: list[sp.Expr] = []  # filled below, once the class exists (σ' mentions σ)

    def elementary(arguments) -> sp.Expr:
        return op.elementary.xreplace(dict(zip(symbols, arguments)))

    def eval_(cls, *arguments):
        # Numbers give a number when nothing transcendental appears (σ(0) = 1/2, relu(−2) = 0);
        # a Piecewise also decides from the arguments' signs (relu of a positive symbol).
        if not (piecewise or all(a.is_Rational for a in arguments)):
            return None
        value = elementary(arguments)
        if value.has(sp.Piecewise) or not (piecewise or value.is_Rational):
            return None
        return value

    def fdiff(self, argindex: int = 1):
        if argindex > op.arity:  # a parameter (leaky_relu's slope): the partial in its slot
            slots = [sp.Dummy(f"a{k}", real=True) for k in range(len(self.args))]
            partial = sp.diff(elementary(slots), slots[argindex - 1])
            return partial.xreplace(dict(zip(slots, self.args)))
        outputs = {OUT: self}
        return derivatives[argindex - 1].xreplace({**dict(zip(symbols, self.args)), **outputs})

    def rewrite_elementary(self, *arguments, **hints):
        return elementary(arguments)

    def eval_evalf(self, prec):
        return elementary(self.args).evalf(_prec_to_digits(prec))

    def is_real(self):
        return True if all(a.is_real for a in self.args) else None

    def is_positive(self):
        if not all(a.is_real for a in self.args):
            return None
        return elementary(self.args).is_positive

    def latex(self, printer, exp=None):
        printed = {str(s): printer._print(a) for s, a in zip(symbols, self.args)}
        return power_latex(op.latex.format(**printed), exp)

    def pretty(self, printer, *args):
        return _pretty_call(op.pretty or op.function, printer, self.args)

    namespace = {
        "__module__": "symderive.functions",
        "__doc__": f"{op.function}: {sp.sstr(op.elementary)} (generated from the ops table).",
        "nargs": len(symbols),
        "eval": classmethod(eval_),
        "fdiff": fdiff,
        "_eval_rewrite_as_exp": rewrite_elementary,
        "_eval_rewrite_as_Piecewise": rewrite_elementary,
        "_eval_evalf": eval_evalf,
        "_eval_is_real": is_real,
        "_eval_is_positive": is_positive,
        "_latex": latex,
        "_pretty": pretty,
        "op": op,
    }
    function = type(op.function, (sp.Function,), namespace)

    def derive() -> None:  # on first use: importing the functions costs no differentiation
        generic = function(*symbols)
        derivatives.extend(
            form.xreplace({OUT: generic}) if form.has(OUT) else form for form in partial_forms(op)
        )

    namespace_fdiff = fdiff

    def lazy_fdiff(self, argindex: int = 1):
        if not derivatives:
            derive()
        return namespace_fdiff(self, argindex)

    function.fdiff = lazy_fdiff
    return function


FUNCTIONS: dict[str, type[sp.Function]] = {
    op.function: _generate(op) for op in ALL_OPS.values() if op.function
}
"""The generated SymPy function classes by name."""

sigmoid = FUNCTIONS["sigmoid"]
relu = FUNCTIONS["relu"]
leaky_relu = FUNCTIONS["leaky_relu"]
maximum = FUNCTIONS["maximum"]
minimum = FUNCTIONS["minimum"]


def to_elementary(expr: sp.Basic) -> sp.Basic:
    """Every generated function replaced by its definition (exp / Piecewise), recursively."""
    if not isinstance(expr, sp.Basic):
        return expr
    found = expr.atoms(*FUNCTIONS.values())  # one traversal (``has`` would take one per class)
    if not found:
        return expr
    return expr.xreplace(
        {
            node: to_elementary(
                node.func.op.elementary.xreplace(dict(zip(node.func.op.symbols, node.args)))
            )
            for node in found
        }
    )


def ordered(expr: sp.Basic) -> sp.Basic:
    """``Max``/``Min`` as the ops' ``maximum``/``minimum`` (first = canonical order); with more
    than two arguments a right fold, max(a, b, c) = maximum(a, maximum(b, c)), so the first
    argument that is >= all the others wins a tie (round 12b F3: SymPy's own derivative of a
    three-argument Max gives every tied argument 1/2)."""
    def fold(node):
        pick = maximum if isinstance(node, sp.Max) else minimum
        folded = node.args[-1]
        for argument in reversed(node.args[:-1]):
            folded = pick(argument, folded)
        return folded

    return expr.replace(lambda node: isinstance(node, (sp.Max, sp.Min)), fold)


def unordered(expr: sp.Basic) -> sp.Basic:
    """The inverse of :func:`ordered`: back to SymPy's ``Max``/``Min``."""
    return expr.replace(
        lambda node: isinstance(node, (maximum, minimum)),
        lambda node: (sp.Max if isinstance(node, maximum) else sp.Min)(*node.args),
    )


def derivative(expr: sp.Expr, variable: sp.Symbol) -> sp.Expr:
    """``sympy.diff`` under the kink convention of the ops table (ties go to the first argument)."""
    return unordered(sp.diff(ordered(expr), variable))


def softmax(logits: sp.Matrix) -> sp.Matrix:
    """softmax(o)_i = e^(o_i) / Σ_k e^(o_k), for an explicit column or row of logits."""
    exponentials = logits.applyfunc(sp.exp)
    return exponentials / sum(exponentials)
