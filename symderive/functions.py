"""The deep-learning functions as SymPy functions, each defined once by its elementary form.

``sigmoid(x)`` stays unevaluated so derivations read like the notes, but it knows its own
elementary definition (``rewrite(exp)``), its derivative and its numeric value. The checker
rewrites every one of them to elementary form before simplifying (:func:`to_elementary`).

Kink convention, shared by the checker, the engine and finite differences:
``relu'(0) = 0`` and ``leaky_relu'(0) = alpha`` (the derivative from the left), i.e.
``Heaviside(x, 0)``; ``max`` routes a tie to the first argument.
"""

from __future__ import annotations

import sympy as sp

from symderive.printing import power_latex


class sigmoid(sp.Function):  # noqa: N801 - reads like the mathematics
    """σ(x) = 1 / (1 + e^(−x)); σ'(x) = σ(x)(1 − σ(x)), proven in 'sigmoid-derivative'."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_zero:
            return sp.Rational(1, 2)
        return None

    def fdiff(self, argindex: int = 1):
        return sigmoid(self.args[0]) * (1 - sigmoid(self.args[0]))

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + sp.exp(-arg))

    def _eval_evalf(self, prec):
        return (1 / (1 + sp.exp(-self.args[0]))).evalf(prec_to_digits(prec))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return True if self.args[0].is_real else None

    def _pretty(self, printer, *args):
        return pretty_call("σ", printer._print(self.args[0]))

    def _latex(self, printer, exp=None):
        latex = r"\sigma\left(%s\right)" % printer._print(self.args[0])
        return power_latex(latex, exp)


class relu(sp.Function):  # noqa: N801
    """relu(x) = max(0, x); relu'(x) = H(x) with relu'(0) = 0 (the shared kink convention)."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_number and arg.is_real:
            return sp.Max(0, arg)
        if arg.is_nonnegative:
            return arg
        if arg.is_nonpositive:
            return sp.S.Zero
        return None

    def fdiff(self, argindex: int = 1):
        return sp.Heaviside(self.args[0], 0)

    def _eval_rewrite_as_Max(self, arg, **kwargs):
        return sp.Max(0, arg)

    def _eval_rewrite_as_Piecewise(self, arg, **kwargs):
        return sp.Piecewise((arg, arg > 0), (0, True))

    def _eval_evalf(self, prec):
        return sp.Max(0, self.args[0]).evalf(prec_to_digits(prec))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        latex = r"\operatorname{relu}\left(%s\right)" % printer._print(self.args[0])
        return power_latex(latex, exp)


class leaky_relu(sp.Function):  # noqa: N801
    """leaky_relu(x, α) = x for x > 0, αx otherwise; derivative H(x, 0) + α(1 − H(x, 0))."""

    nargs = 2

    @classmethod
    def eval(cls, arg, alpha):
        if arg.is_number and arg.is_real:
            return arg if arg > 0 else alpha * arg
        return None

    def fdiff(self, argindex: int = 1):
        arg, alpha = self.args
        if argindex == 1:
            step = sp.Heaviside(arg, 0)
            return step + alpha * (1 - step)
        return sp.Piecewise((0, arg > 0), (arg, True))

    def _eval_rewrite_as_Piecewise(self, arg, alpha, **kwargs):
        return sp.Piecewise((arg, arg > 0), (alpha * arg, True))

    def _eval_rewrite_as_Max(self, arg, alpha, **kwargs):
        # valid for 0 <= alpha <= 1
        return sp.Max(0, arg) + alpha * sp.Min(0, arg)

    def _eval_evalf(self, prec):
        return self.rewrite(sp.Piecewise).evalf(prec_to_digits(prec))

    def _latex(self, printer, exp=None):
        arg, alpha = self.args
        latex = r"\operatorname{leaky\_relu}_{%s}\left(%s\right)" % (
            printer._print(alpha),
            printer._print(arg),
        )
        return power_latex(latex, exp)


def pretty_call(name: str, argument_form):
    """``name(argument)`` as a SymPy pretty-printing form (σ(x) rather than sigmoid(x))."""
    from sympy.printing.pretty.stringpict import prettyForm

    argument = prettyForm(*argument_form.parens())
    return prettyForm(*argument.left(name))


def prec_to_digits(prec: int) -> int:
    """SymPy passes binary precision to ``_eval_evalf``; evalf wants decimal digits."""
    return max(15, int(prec * 0.30103) + 1)


def softmax(logits: sp.Matrix) -> sp.Matrix:
    """softmax(o)_i = e^(o_i) / Σ_k e^(o_k), for an explicit column or row of logits."""
    exponentials = logits.applyfunc(sp.exp)
    return exponentials / sum(exponentials)


def to_elementary(expr: sp.Basic) -> sp.Basic:
    """Rewrite the deep-learning functions into exp / Max / Piecewise so SymPy can simplify."""
    if not isinstance(expr, sp.Basic):
        return expr
    replacements = {}
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sigmoid):
            replacements[node] = 1 / (1 + sp.exp(-to_elementary(node.args[0])))
        elif isinstance(node, relu):
            replacements[node] = sp.Max(0, to_elementary(node.args[0]))
        elif isinstance(node, leaky_relu):
            arg, alpha = (to_elementary(a) for a in node.args)
            replacements[node] = sp.Piecewise((arg, arg > 0), (alpha * arg, True))
    if not replacements:
        return expr
    return expr.xreplace(replacements)


ELEMENTWISE = {"sigmoid": sigmoid, "relu": relu, "leaky_relu": leaky_relu}
