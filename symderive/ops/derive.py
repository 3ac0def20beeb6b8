"""Derivatives from the definitions: ``sympy.diff`` → step form → ``lambdify(cse=True)``.

Nothing here is typed by hand. For an elementwise op the derivative of its definition with
respect to each input becomes:

* ``partials[i]``: ∂op/∂input_i as SymPy derives it (Piecewise at a kink);
* ``backward_forms[i]``: the same in step-function form (the kink convention) with every
  occurrence of the op's value replaced by ``out`` (σ' = out·(1 − out), exp' = out,
  tanh' = 1 − out²), so the backward reuses the forward value;
* ``backward[i](g, *inputs, out, *params)``: ``g · backward_forms[i]`` lambdified for NumPy —
  the engine node's backward — selecting 0 (not multiplying by it) where the derivative is
  exactly 0 (:func:`exact_zero`), so an infinite upstream gives 0 there, not 0·∞ = NaN;
* ``reference[i](*inputs, *params)`` and ``forward_reference(*inputs, *params)``: the partial
  derivative and the definition lambdified for mpmath, the symbolic corner of the three-way
  cross-validation and the reference of the ULP measurements.

Rules are derived once per process (``functools.cache``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symderive.ops.definitions import ALL_OPS, OUT, UPSTREAM, Elementwise
from symderive.ops.losses import LOSSES, Loss
from symderive.ops.symbolic import partial_forms, to_elementary

MPMATH = ["mpmath"]
_STEP = sp.Function("heaviside")
"""H(d, H0) for NumPy: lambdify would print SymPy's Heaviside as a ``select`` (which maps NaN to
a number); this name prints as a call and binds to ``numpy.heaviside`` (NaN stays NaN)."""
_ABSOLUTE = sp.Function("absolute")
_EITHER = sp.Function("minimum")
_BOTH = sp.Function("maximum")
"""Ufunc calls for the exact-zero conditions below, which are *selections* written as floats:
−1 where the condition holds, 0 where it does not, NaN where an input is NaN. heaviside(s, v)
is v at s = 0 and 0 at s = −1, so it selects without multiplying (0·∞ would be NaN), and the
rule stays plain ufunc calls (the replay inlines it into buffers)."""


def _holds_where_zero(value: sp.Expr) -> sp.Expr:
    """−1 where ``value`` = 0, else 0."""
    return _STEP(-_ABSOLUTE(value), -1)


NUMPY_NAMESPACE: dict[str, Callable] = {
    **{op.function: op.kernel for op in ALL_OPS.values() if op.function},
    "heaviside": np.heaviside,
    "absolute": np.absolute,
}
"""The generated SymPy functions' names bound to the ops' NumPy kernels, for lambdify."""
NUMPY = [NUMPY_NAMESPACE, "numpy"]


def _numpy_form(expr: sp.Expr) -> sp.Expr:
    return expr.replace(
        lambda node: isinstance(node, sp.Heaviside), lambda node: _STEP(*node.args)
    )


def exact_zero(form: sp.Expr, inputs: tuple[sp.Symbol, ...]) -> sp.Basic:
    """Where the derivative ``form`` is exactly 0 because the op is constant there in that
    input — not where it underflows — as a condition on the inputs (``false`` if nowhere).

    The factors of ``form`` that vanish exactly: a step (relu' = H(x) = 0 for x ≤ 0, a tie of
    maximum), a power of an input with a positive exponent at 0 (d/dy x^y = x^y·log x at x = 0),
    log of an input at 1, and, in a form that is not a polynomial, an input itself
    (d/dx x^y = y·x^(y−1) at y = 0). ``g·form`` is then 0 whatever the upstream g, also ±∞ —
    as PyTorch selects rather than multiplies. Products of polynomials (mul, square) keep
    IEEE's 0·∞ = NaN, as PyTorch does: ``out`` (an underflowed value) is never a condition.
    """
    conditions = []
    polynomial = form.is_polynomial(*inputs)
    for factor in sp.Mul.make_args(form):
        if factor.has(sp.Heaviside):
            conditions.append(_holds_where_zero(factor))
        elif isinstance(factor, sp.Pow) and factor.base in inputs:
            positive = sp.Gt(factor.exp, 0)
            if positive is sp.true:
                conditions.append(_holds_where_zero(factor.base))
            elif positive is not sp.false:  # −1 where e > 0, else −0
                conditions.append(
                    _BOTH(_holds_where_zero(factor.base), -_STEP(factor.exp, 0))
                )
        elif isinstance(factor, sp.log) and factor.args[0] in inputs:
            conditions.append(_holds_where_zero(factor.args[0] - 1))
        elif factor in inputs and not polynomial:
            conditions.append(_holds_where_zero(factor))
    if not conditions:
        return sp.S.Zero
    condition = conditions[0]
    for more in conditions[1:]:
        condition = _EITHER(condition, more)
    return condition


def _backward(op: Elementwise, form: sp.Expr) -> Callable[..., np.ndarray]:
    """``g·form`` lambdified; where the derivative is exactly 0, 0 is selected:
    heaviside(s, heaviside(s, g)·form) — the inner selection keeps 0·∞ out of the product where
    ``form`` is finite, the outer makes the 0 exact where it is not (y·x^(y−1) at x = 0 = y).
    A general power's unselected product may divide by 0 there: that rule runs quietly."""
    numpy_arguments = [UPSTREAM, *op.inputs, OUT, *op.params]
    zero = exact_zero(form, op.inputs)
    steps = form.atoms(sp.Heaviside)
    values = {form.xreplace({step: k}) for step in steps for k in (0, 1)}
    if len(steps) == 1 and values == {0, 1}:  # a 0/1 step: g where it is 1, else 0
        product = _STEP(form - 1, UPSTREAM)
    elif zero == 0 or (len(steps) == 1 and 0 not in values):  # never exactly 0
        product = UPSTREAM * form
    else:
        product = _STEP(zero, _STEP(zero, UPSTREAM) * form)
    lambdified = sp.lambdify(numpy_arguments, _numpy_form(product), modules=NUMPY, cse=True)
    if not any(isinstance(p, sp.Pow) and not p.exp.is_number for p in form.atoms(sp.Pow)):
        return lambdified

    def backward(*arguments):
        with np.errstate(divide="ignore", invalid="ignore"):
            return lambdified(*arguments)

    backward.__doc__ = f"g·({form}), 0 where the power is constant"
    return backward


@dataclass(frozen=True)
class Rule:
    """The derived derivatives of one elementwise op (see the module docstring)."""

    op: Elementwise
    partials: tuple[sp.Expr, ...]
    backward_forms: tuple[sp.Expr, ...]
    backward: tuple[Callable[..., np.ndarray], ...]
    reference: tuple[Callable[..., object], ...]
    forward_reference: Callable[..., object]


@functools.cache
def rule(name: str) -> Rule:
    """Derive (once) the backward rule of the elementwise op ``name``."""
    op = ALL_OPS[name]
    partials = tuple(sp.diff(op.elementary, symbol) for symbol in op.inputs)
    backward_forms = partial_forms(op)
    backward = tuple(_backward(op, form) for form in backward_forms)
    reference = tuple(
        sp.lambdify(op.symbols, partial, modules=MPMATH) for partial in partials
    )
    forward_reference = sp.lambdify(op.symbols, op.elementary, modules=MPMATH)
    return Rule(op, partials, backward_forms, backward, reference, forward_reference)


@dataclass(frozen=True)
class LossRule:
    """A row loss, its SymPy gradient with respect to the predictions, and mpmath evaluators."""

    loss: Loss
    predictions: tuple[sp.Symbol, ...]
    targets: tuple[sp.Symbol, ...]
    expression: sp.Expr
    gradient: tuple[sp.Expr, ...]
    value_reference: Callable[..., object]
    gradient_reference: Callable[..., list]


@functools.cache
def loss_rule(name: str, classes: int | None = None) -> LossRule:
    """Derive (once) ∂L/∂prediction_k of the row loss ``name`` with ``classes`` entries."""
    loss = LOSSES[name]
    predictions, targets = loss.symbols(classes)
    expression = loss.definition(predictions, targets)
    elementary = to_elementary(expression)
    gradient = tuple(sp.simplify(sp.diff(elementary, p)) for p in predictions)
    arguments = [*predictions, *targets]
    return LossRule(
        loss,
        tuple(predictions),
        tuple(targets),
        expression,
        gradient,
        sp.lambdify(arguments, elementary, modules=MPMATH),
        sp.lambdify(arguments, list(gradient), modules=MPMATH),
    )
