"""Every elementwise operation, defined once, symbolically: the table everything is built from.

An :class:`Elementwise` entry holds the op's SymPy ``definition`` in the symbols ``x`` (and
``y``) — its single source of truth, in elementary form — together with what cannot be derived
from it: a NumPy forward ``kernel``, optional numerically stable ``gradient_kernels``, how it is
printed (``latex``, ``pretty``), and the catalog derivation that proves its derivative
(``proven_by``, with ``reading`` saying how that entry's symbols read as this op's). From the
entry are generated: the SymPy function class (:mod:`symderive.ops.symbolic`), the derivatives,
the lambdified backward and the mpmath references (:mod:`symderive.ops.derive`), the
narrator's rule row (:mod:`symderive.steps.rules`), the cross-validation rows
(:mod:`symderive.crossval`) and the verified functions (:mod:`symderive.verified`).
Adding an op means adding one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symderive.ops import kernels

X = sp.Symbol("x", real=True)
Y = sp.Symbol("y", real=True)
ALPHA = sp.Symbol("alpha", positive=True)
OUT = sp.Symbol("out", real=True)
"""Stands for the op's own output in a backward rule (σ' = out·(1 − out) reuses the forward)."""
UPSTREAM = sp.Symbol("g", real=True)
"""The upstream gradient ∂L/∂out that a backward rule multiplies (chain rule)."""

KINK_CONVENTION = (
    "at a kink the derivative is that of the branch the definition selects there: "
    "relu'(0) = 0, leaky_relu'(0) = alpha, and a tie of maximum or minimum goes to the first "
    "argument (d/dx max(x, y) = 1, d/dy max(x, y) = 0 at x = y)"
)
"""The one tie rule, shared by the SymPy functions, the narrator, the engine, the verified
functions and finite differences. It is not typed anywhere else: the Piecewise definitions
below encode it (``x > 0`` vs ``x >= y`` says which branch holds at the kink) and every
derivative is derived from them (:func:`symderive.ops.symbolic.step_form`)."""


@dataclass(frozen=True)
class Elementwise:
    """An elementwise op: ``elementary``, its definition in the inputs ``(x,)`` or ``(x, y)``,
    is the truth (:attr:`definition` is the same op as the generated SymPy function).

    ``params`` are non-differentiable constants (``alpha`` of leaky_relu). ``domains`` say where
    random test points are drawn: "real", or "positive" for the inputs of log / pow / div.
    ``function`` names the SymPy function class generated for the op ("" when SymPy has its
    own, e.g. ``tanh``, or when the op is plain arithmetic). ``gradient_kernels`` are stable
    NumPy derivatives, one per input, where the lambdified derivative would lose accuracy;
    ``verified`` ops also get a public forward and derivative in :mod:`symderive.verified`.
    ``reading`` maps the symbol names of the ``proven_by[0]`` catalog entry to expressions in
    this op's symbols (the add gate's ``y`` read as ``−y`` gives ``sub``).
    """

    name: str
    inputs: tuple[sp.Symbol, ...]
    elementary: sp.Expr  # the definition, in exp / log / Piecewise: the single source of truth
    kernel: Callable[..., np.ndarray]
    proven_by: tuple[str, ...] = ()  # catalog ids; () = SymPy's own table rule (exp, log …)
    params: tuple[sp.Symbol, ...] = ()
    domains: tuple[str, ...] = ("real",)
    kinks: tuple[str, ...] = ()
    function: str = ""
    latex: str = ""  # a template with {x}, {y}, {alpha}: the LaTeX of a call
    pretty: str = ""  # the name in SymPy's pretty printer (σ)
    gradient_kernels: tuple[Callable[..., np.ndarray], ...] = ()
    verified: bool = False
    reading: tuple[tuple[str, sp.Expr], ...] = ()
    reuse_output: bool = True  # write the backward in terms of ``out`` where the op reappears

    @property
    def arity(self) -> int:
        return len(self.inputs)

    @property
    def definition(self) -> sp.Expr:
        """The op as a SymPy expression of its symbols: the generated function applied
        (``sigmoid(x)``, whose derivative reuses it: σ(1 − σ)) where the op has one, otherwise
        the elementary definition itself (``x + y``, ``tanh(x)``)."""
        if not self.function:
            return self.elementary
        from symderive.ops.symbolic import FUNCTIONS

        return FUNCTIONS[self.function](*self.symbols)

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        """Inputs then parameters: the arguments of the generated SymPy function."""
        return (*self.inputs, *self.params)

    def __repr__(self) -> str:
        return f"Elementwise({self.name}: {self.elementary})"


_UNARY = ("real",)
_BINARY = ("real", "real")

ELEMENTWISE: dict[str, Elementwise] = {
    op.name: op
    for op in (
        Elementwise("add", (X, Y), X + Y, np.add, ("add-gate",), domains=_BINARY),
        Elementwise(
            "sub", (X, Y), X - Y, np.subtract, ("add-gate",), domains=_BINARY, reading=(("y", -Y),)
        ),
        Elementwise("mul", (X, Y), X * Y, np.multiply, ("mul-gate",), domains=_BINARY),
        Elementwise("div", (X, Y), X / Y, np.divide, (), domains=("real", "positive")),
        Elementwise(
            "neg", (X,), -X, np.negative, ("mul-gate",), reading=(("x", sp.S.NegativeOne), ("y", X))
        ),
        Elementwise(
            "pow", (X, Y), X**Y, np.power, (), domains=("positive", "real"), reuse_output=False
        ),
        Elementwise(
            "square", (X,), X**2, np.square, ("mul-gate", "copy-gate"), reading=(("y", X),)
        ),
        Elementwise("exp", (X,), sp.exp(X), np.exp, ()),
        Elementwise("log", (X,), sp.log(X), np.log, (), domains=("positive",)),
        Elementwise(
            "sigmoid",
            (X,),
            1 / (1 + sp.exp(-X)),
            kernels.sigmoid,
            ("sigmoid-derivative",),
            function="sigmoid",
            latex=r"\sigma\left({x}\right)",
            pretty="σ",
            gradient_kernels=(kernels.sigmoid_grad,),
            verified=True,
        ),
        Elementwise(
            "tanh",
            (X,),
            sp.tanh(X),
            kernels.tanh,
            ("tanh-derivative",),
            gradient_kernels=(kernels.tanh_grad,),
            verified=True,
        ),
        Elementwise(
            "relu",
            (X,),
            sp.Piecewise((X, X > 0), (0, True)),
            kernels.relu,
            ("relu-derivative",),
            kinks=("x = 0",),
            function="relu",
            latex=r"\operatorname{{relu}}\left({x}\right)",
            gradient_kernels=(kernels.relu_grad,),
            verified=True,
        ),
        Elementwise(
            "leaky_relu",
            (X,),
            sp.Piecewise((X, X > 0), (ALPHA * X, True)),
            kernels.leaky_relu,
            ("leaky-relu-derivative",),
            params=(ALPHA,),
            kinks=("x = 0",),
            function="leaky_relu",
            latex=r"\operatorname{{leaky\_relu}}_{{{alpha}}}\left({x}\right)",
            gradient_kernels=(kernels.leaky_relu_grad,),
            verified=True,
        ),
        Elementwise(
            "maximum",
            (X, Y),
            sp.Piecewise((X, X >= Y), (Y, True)),
            np.maximum,
            ("max-gate",),
            domains=_BINARY,
            kinks=("x = y (tie → first argument)",),
            function="maximum",
            latex=r"\max\left({x}, {y}\right)",
            pretty="max",
        ),
    )
}

SYMBOLIC_ONLY: dict[str, Elementwise] = {
    op.name: op
    for op in (
        Elementwise(
            "minimum",
            (X, Y),
            sp.Piecewise((X, X <= Y), (Y, True)),
            np.minimum,
            (),
            domains=_BINARY,
            kinks=("x = y (tie → first argument)",),
            function="minimum",
            latex=r"\min\left({x}, {y}\right)",
            pretty="min",
        ),
    )
}
"""Ops with a SymPy function and derivative rule (the narrator and the checker use them) but no
engine node: every entry of :data:`ELEMENTWISE` is an engine op."""

ALL_OPS: dict[str, Elementwise] = {**ELEMENTWISE, **SYMBOLIC_ONLY}
"""Every entry: the SymPy functions and the derived rules are generated for all of them."""
