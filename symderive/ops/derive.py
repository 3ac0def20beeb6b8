"""Derivatives from the definitions: ``sympy.diff`` → ``simplify`` → ``lambdify(cse=True)``.

Nothing here is typed by hand. For an elementwise op the derivative of its definition with
respect to each input is simplified and turned into two callables:

* ``backward[i](g, *inputs, out, *params)``: the NumPy backward of the engine node, i.e.
  ``g · ∂op/∂input_i`` with every occurrence of the op itself replaced by its output ``out``
  (σ' = out·(1 − out), exp' = out, tanh' = 1 − out²), so the backward reuses the forward value;
* ``reference[i](*inputs, *params)``: the same partial derivative evaluated in mpmath, the
  symbolic corner of the three-way cross-validation.

Rules are derived once per process (``functools.cache``) and the engine binds them at import.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from symderive.ops import kernels
from symderive.ops.definitions import ELEMENTWISE, LOSSES, OUT, UPSTREAM, Elementwise, Loss


def _mp_heaviside(x, at_zero=None):
    if x > 0:
        return mpmath.mpf(1)
    if x < 0:
        return mpmath.mpf(0)
    return mpmath.mpf(0) if at_zero is None else mpmath.mpf(at_zero)


def _mp_leaky_relu(x, alpha):
    return x if x > 0 else alpha * x


NUMPY_NAMESPACE = {
    "sigmoid": kernels.sigmoid,
    "relu": lambda x: np.maximum(x, 0),
    "leaky_relu": lambda x, alpha: np.where(x > 0, x, alpha * x),
}
MPMATH_NAMESPACE = {
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "relu": lambda x: max(mpmath.mpf(0), x),
    "leaky_relu": _mp_leaky_relu,
    "Heaviside": _mp_heaviside,
}


@dataclass(frozen=True)
class Rule:
    """The derived backward of one elementwise op (see the module docstring)."""

    op: Elementwise
    partials: tuple[sp.Expr, ...]
    backward_forms: tuple[sp.Expr, ...]
    backward: tuple[Callable[..., np.ndarray], ...]
    reference: tuple[Callable[..., object], ...]


@functools.cache
def rule(name: str) -> Rule:
    """Derive (once) the backward rule of the elementwise op ``name``."""
    op = ELEMENTWISE[name]
    partials = tuple(sp.simplify(sp.diff(op.definition, symbol)) for symbol in op.inputs)
    # Replace the op by its output *before* simplifying: simplify would turn 1 − tanh² into
    # 1/cosh², which no longer mentions the forward value.
    # Not for pow: y·x^y/x would divide by x = 0 where y·x^(y−1) is fine.
    replacement = {op.definition: OUT} if op.reuse_output else {}
    backward_forms = tuple(
        sp.simplify(sp.diff(op.definition, symbol).xreplace(replacement)) for symbol in op.inputs
    )
    numpy_arguments = [UPSTREAM, *op.inputs, OUT, *op.params]
    backward = tuple(
        sp.lambdify(numpy_arguments, UPSTREAM * form, modules=[NUMPY_NAMESPACE, "numpy"], cse=True)
        for form in backward_forms
    )
    reference = tuple(
        sp.lambdify([*op.inputs, *op.params], partial, modules=[MPMATH_NAMESPACE, "mpmath"])
        for partial in partials
    )
    return Rule(op, partials, backward_forms, backward, reference)


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
    naive_numpy: Callable[..., list]


@functools.cache
def loss_rule(name: str, classes: int | None = None) -> LossRule:
    """Derive (once) ∂L/∂prediction_k of the row loss ``name`` with ``classes`` entries."""
    loss = LOSSES[name]
    predictions, targets = loss.symbols(classes)
    expression = loss.definition(predictions, targets)
    gradient = tuple(sp.simplify(sp.diff(expression, p)) for p in predictions)
    arguments = [*predictions, *targets]
    modules = [MPMATH_NAMESPACE, "mpmath"]
    return LossRule(
        loss,
        tuple(predictions),
        tuple(targets),
        expression,
        gradient,
        sp.lambdify(arguments, expression, modules=modules),
        sp.lambdify(arguments, list(gradient), modules=modules),
        # The literal lambdified gradient in NumPy: correct, but it overflows on large logits —
        # the reason the verified functions use the kernels instead.
        sp.lambdify(arguments, list(gradient), modules=[NUMPY_NAMESPACE, "numpy"], cse=True),
    )


def all_rules() -> dict[str, Rule]:
    """Every elementwise rule, derived now (what the engine does at import)."""
    return {name: rule(name) for name in ELEMENTWISE}
