"""Derivatives from the definitions: ``sympy.diff`` → step form → ``lambdify(cse=True)``.

Nothing here is typed by hand. For an elementwise op the derivative of its definition with
respect to each input becomes:

* ``partials[i]``: ∂op/∂input_i as SymPy derives it (Piecewise at a kink);
* ``backward_forms[i]``: the same in step-function form (the kink convention) with every
  occurrence of the op's value replaced by ``out`` (σ' = out·(1 − out), exp' = out,
  tanh' = 1 − out²), so the backward reuses the forward value;
* ``backward[i](g, *inputs, out, *params)``: ``g · backward_forms[i]`` lambdified for NumPy —
  the engine node's backward;
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
NUMPY_NAMESPACE: dict[str, Callable] = {
    **{op.function: op.kernel for op in ALL_OPS.values() if op.function},
    "heaviside": np.heaviside,
}
"""The generated SymPy functions' names bound to the ops' NumPy kernels, for lambdify."""
NUMPY = [NUMPY_NAMESPACE, "numpy"]


def _numpy_form(expr: sp.Expr) -> sp.Expr:
    return expr.replace(
        lambda node: isinstance(node, sp.Heaviside), lambda node: _STEP(*node.args)
    )


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
    numpy_arguments = [UPSTREAM, *op.inputs, OUT, *op.params]
    backward = tuple(
        sp.lambdify(numpy_arguments, _numpy_form(UPSTREAM * form), modules=NUMPY, cse=True)
        for form in backward_forms
    )
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
