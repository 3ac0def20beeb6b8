"""ReLU and leaky ReLU: piecewise derivatives and the shared kink convention.

Kink convention (shared by the checker, the engine and finite differences, see
:mod:`symderive.functions`): relu'(0) = 0 and leaky_relu'(0) = α, i.e. ``Heaviside(x, 0)``.
SymPy's plain ``Heaviside(x)`` has H(0) = 1/2, which is neither; every step here names the
second argument explicitly. The derivations differentiate the piecewise definitions and end
with the library's ``relu`` / ``leaky_relu`` derivative, so the library is tied to the proof.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import leaky_relu, relu
from symderive.model import Derivation, Source, Step

NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_004 = "004_75ba1db62c35dc7a.txt"

x = sp.Symbol("x", real=True)
alpha = sp.Symbol("alpha", positive=True)  # leaky slope; the note uses α = 0.01
LEAKY_ALPHA = sp.Rational(1, 100)

relu_piecewise = sp.Piecewise((x, x > 0), (0, True))
leaky_piecewise = sp.Piecewise((x, x > 0), (alpha * x, True))

RELU_DERIVATIVE = Derivation(
    id="relu-derivative",
    title="Derivative of ReLU: 1 for x > 0, 0 for x < 0 (and 0 at the kink by convention)",
    source=Source(note=NOTE_002, section="3-1. ReLU"),
    steps=(
        Step(
            sp.Derivative(relu_piecewise, x),
            justification="definition: y = x for x > 0, y = 0 otherwise",
        ),
        Step(
            sp.Piecewise((1, x > 0), (0, True)),
            justification="x > 0: ∂y/∂x = 1; x < 0: ∂y/∂x = 0 (at x = 0 the branch x ≤ 0 "
            "gives the convention relu'(0) = 0)",
            quote='1. $x>0 : x, \\frac{\\partial{y}}{\\partial{x}} = 1$\n2. $x<0 : 0, \\frac{'
                  r"\partial{y}}{\partial{x}} = 0$",
        ),
        Step(sp.Heaviside(x, 0), justification="the step function with H(0) = 0"),
        Step(
            sp.Derivative(relu(x), x),
            justification="the derivative symderive.functions.relu declares",
        ),
    ),
    claim="relu'(x) = 1 for x > 0, 0 for x ≤ 0, i.e. Heaviside(x, 0)",
    topic="activations",
    tags=("relu", "activation", "kink-convention"),
)

LEAKY_RELU_DERIVATIVE = Derivation(
    id="leaky-relu-derivative",
    title="Derivative of leaky ReLU: 1 for x > 0, α otherwise",
    source=Source(note=NOTE_004, section="ReLU"),
    steps=(
        Step(
            sp.Derivative(leaky_piecewise, x),
            justification="definition: f(x) = x for x > 0, αx otherwise (보통 알파 = 0.01)",
            quote='음수 부분의 기울기 알파를 주어 음수 쪽으로도 약간의 정보를 갖고 있도록 합니다. 보통 알파 = 0.01 정도를 사용합니다.',
        ),
        Step(
            sp.Piecewise((1, x > 0), (alpha, True)),
            justification="slope 1 on the right, α on the left (and α at the kink)",
        ),
        Step(
            sp.Heaviside(x, 0) + alpha * (1 - sp.Heaviside(x, 0)),
            justification="with H(0) = 0",
        ),
        Step(
            sp.Derivative(leaky_relu(x, alpha), x),
            justification="the derivative symderive.functions.leaky_relu declares",
        ),
    ),
    claim="leaky_relu'(x) = 1 for x > 0, α for x ≤ 0",
    topic="activations",
    tags=("leaky-relu", "activation", "kink-convention"),
)

DERIVATIONS: tuple[Derivation, ...] = (RELU_DERIVATIVE, LEAKY_RELU_DERIVATIVE)
