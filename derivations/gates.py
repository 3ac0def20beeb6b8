"""Patterns in gradient flow: the add, mul and max gates, and two misreadings of the notes.

A gate's downstream gradients are written as a column ``[∂L/∂x, ∂L/∂y]`` = upstream × local
gradient, so both inputs of a gate are checked in one chain. ``g`` is the upstream gradient
∂L/∂z arriving at the gate's output z.

Tie convention for max (shared with the engine and :mod:`symderive.functions`): at ``x = y``
the whole upstream gradient is routed to the *first* argument, i.e.
``∂max(x, y)/∂x = Heaviside(x − y, 1)`` and ``∂max(x, y)/∂y = Heaviside(y − x, 0)``.
Away from a tie these are the true partial derivatives; at a tie max is not differentiable and
the convention picks one subgradient, which keeps the directional derivative along (1, 1)
right (see 'max-gate-tie-erratum'). The convention is exactly the derivative of
``max(x, y) = x + relu(y − x)`` under relu'(0) = 0, which is how 'max-gate' states it: SymPy's
own ``Derivative(Max(x, y), x)`` is ``Heaviside(x − y)`` with H(0) = 1/2 at a tie.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import relu, sigmoid
from symderive.catalog._unevaluated import held
from symderive.model import Derivation, Source, Step

NOTE_001 = "001_6d1c2946096a9f6c.txt"
NOTE_003 = "003_340cffa23c1b61c6.txt"
PATTERNS = "Patterns in Gradient Flow"

x, y = sp.symbols("x y", real=True)
g = sp.Symbol("g", real=True)  # upstream gradient ∂L/∂z
step_size = sp.Symbol("t", real=True)  # how far both tied inputs move


def downstream(gate_output: sp.Basic) -> sp.ImmutableMatrix:
    """[g·∂z/∂x, g·∂z/∂y]: upstream gradient times the gate's local gradients."""
    return sp.ImmutableMatrix(
        [g * sp.Derivative(gate_output, x), g * sp.Derivative(gate_output, y)]
    )


ADD_GATE = Derivation(
    id="add-gate",
    title="Add gate: gradient distributor",
    source=Source(note=NOTE_003, section=PATTERNS),
    steps=(
        Step(downstream(x + y), justification="downstream = upstream × local gradient, z = x + y"),
        Step(
            sp.ImmutableMatrix([held(g, 1), held(g, 1)]), justification="local gradients ∂z/∂x = ∂z/∂y = 1"),
        Step(
            sp.ImmutableMatrix([g, g]),
            justification="both inputs receive the upstream gradient unchanged "
            "(둘 다 upstream gradient 값 그대로)",
            quote='gradient 값: 둘 다 **upstream gradient** 값 그대로',
        ),
    ),
    claim="z = x + y: ∂L/∂x = ∂L/∂y = ∂L/∂z",
    topic="gates",
    tags=("gate",),
)

MUL_GATE = Derivation(
    id="mul-gate",
    title="Mul gate: swap multiplier",
    source=Source(note=NOTE_003, section=PATTERNS),
    steps=(
        Step(downstream(x * y), justification="downstream = upstream × local gradient, z = x·y"),
        Step(
            sp.ImmutableMatrix([g * y, g * x]),
            justification="local gradients swap the inputs: ∂(xy)/∂x = y, ∂(xy)/∂y = x "
            "(상대방의 input값 * upstream gradient)",
            quote='gradient 값: **상대방의 input값 * upstream gradient**',
        ),
    ),
    claim="z = x·y: ∂L/∂x = y·∂L/∂z, ∂L/∂y = x·∂L/∂z",
    topic="gates",
    tags=("gate",),
)

MAX_AS_RELU = Derivation(
    id="max-as-relu",
    title="max(x, y) = x + relu(y − x): the form that carries the tie convention",
    source=Source(note=NOTE_003, section=PATTERNS),
    steps=(
        Step(
            sp.Max(x, y),
            justification="definition: the max gate's output",
            quote='max gate : gradient router',
        ),
        Step(
            x + relu(y - x),
            justification="y − x > 0 gives y, otherwise x; at a tie both are x",
        ),
        Step(
            sp.Piecewise((y, y - x > 0), (x, True)),
            justification="relu(d) = d for d > 0, else 0",
        ),
    ),
    claim="max(x, y) = x + relu(y − x) for all real x, y (ties included)",
    topic="gates",
    tags=("gate", "kink-convention"),
)

MAX_GATE = Derivation(
    id="max-gate",
    title="Max gate: gradient router (a tie routes to the first argument)",
    source=Source(note=NOTE_003, section=PATTERNS),
    steps=(
        Step(
            downstream(x + relu(y - x)),
            justification="downstream = upstream × local gradient for z = max(x, y) "
            "= x + relu(y − x) ('max-as-relu'); with relu'(0) = 0 a tie goes to x",
        ),
        Step(
            sp.ImmutableMatrix([g * (1 - sp.Heaviside(y - x, 0)), g * sp.Heaviside(y - x, 0)]),
            justification="local gradients: ∂/∂x = 1 − relu'(y − x), ∂/∂y = relu'(y − x)",
        ),
        Step(
            sp.ImmutableMatrix([g * sp.Heaviside(x - y, 1), g * sp.Heaviside(y - x, 0)]),
            justification="the input that was the max gets the upstream gradient, the other 0 "
            "(max값이 선택됐던 쪽: upstream gradient, 반대쪽: 0); at a tie x = y the whole "
            "upstream gradient goes to the first argument",
            quote='**max값이 선택됐던 쪽의 gradient : upstream gradient**',
        ),
    ),
    claim="z = max(x, y): ∂L/∂x = H(x − y, 1)·∂L/∂z, ∂L/∂y = H(y − x, 0)·∂L/∂z "
    "(tie → first argument)",
    topic="gates",
    tags=("gate", "kink-convention"),
)

MAX_GATE_TIE_ERRATUM = Derivation(
    id="max-gate-tie-erratum",
    title="Erratum: at a tie the max gate does not give both inputs the upstream gradient",
    source=Source(note=NOTE_003, section=PATTERNS),
    steps=(
        Step(
            sp.Derivative(g * sp.Max(x + step_size, y + step_size), step_size),
            justification="definition: move both tied inputs x = y by t; the loss changes by "
            "g·d/dt max(x + t, y + t), the directional derivative along (1, 1)",
        ),
        Step(
            g * 1 + g * 1,
            justification="as written in the note: at a tie both inputs get the upstream "
            "gradient (두 input node가 같은 값이라면, 두 node의 gradient는 모두 upstream "
            "gradient 값을 가짐), so along (1, 1) the change would be g + g",
            expect="refuted",
            correction=g * sp.Heaviside(0, 1) + g * sp.Heaviside(0, 0),
            quote='두 input node가 같은 값이라면, 두 node의 gradient는 모두 upstream gradient 값을 가짐',
        ),
    ),
    claim="at x = y, max(x + t, y + t) = x + t changes by t, so the gradients (g, g) "
    "(directional derivative 2g) are wrong; any split summing to g, e.g. (g, 0), is right",
    givens=(sp.Eq(y, x),),
    erratum_of="max-gate",
    erratum_kind="error",
    topic="gates",
    tags=("gate", "kink-convention"),
)

# The logistic circuit of 001/003 (w = [2, −3, −3], x = [−1, −2]) near its output:
# f = 1/u, u = 1 + e, e = exp(v), v = −s, s = w·x + b = 1.
node_u, node_e, node_v = sp.symbols("u e v", real=True)
output_node = sp.Symbol("f", real=True)
S_AT_POINT = sp.Integer(1)

LOGISTIC_CIRCUIT_UPSTREAM_GRADIENTS = Derivation(
    id="logistic-circuit-upstream-gradients",
    title="The upstream gradients along the logistic circuit: 1 at the end, then local × upstream",
    source=Source(note=NOTE_003, section="Another Example : Logistic Regression"),
    steps=(
        Step(
            sp.ImmutableMatrix(
                [
                    sp.Derivative(output_node, output_node),
                    sp.Subs(sp.Derivative(1 / node_u, node_u), node_u, 1 + sp.exp(-S_AT_POINT)),
                    sp.Subs(sp.Derivative(1 / (1 + node_e), node_e), node_e, sp.exp(-S_AT_POINT)),
                    sp.Subs(sp.Derivative(1 / (1 + sp.exp(node_v)), node_v), node_v, -S_AT_POINT),
                ]
            ),
            justification="definition: the upstream gradient at a node is ∂f/∂(node output); "
            "nodes 1/x (output f), +1 (output u), exp (output e), ×−1 (output v) of "
            "f = σ(w·x) at w·x = 1",
        ),
        Step(
            sp.ImmutableMatrix(
                [
                    1,
                    -1 / (1 + sp.exp(-S_AT_POINT)) ** 2,
                    -1 / (1 + sp.exp(-S_AT_POINT)) ** 2,
                    -sp.exp(-S_AT_POINT) / (1 + sp.exp(-S_AT_POINT)) ** 2,
                ]
            ),
            justification="the last node's upstream gradient is 1; each earlier one is the "
            "value the later node outputs in the backward pass (upstream × local gradient): "
            "1, −1/u² = −0.53, −0.53, −e^(−1)/u² = −0.20. This is the note's “upstream "
            "gradient = node의 output값”: the node's output in the backward flow",
            quote="맨 끝에는 upstream gradient은 **1** (always!) (다음 node 없음)",
        ),
    ),
    claim="the upstream gradients at the nodes 1/x, +1, exp, ×−1 of σ(w·x) at w·x = 1 are "
    "1, −0.53, −0.53, −0.20",
    topic="gates",
    tags=("backprop",),
)

DERIVATIONS: tuple[Derivation, ...] = (
    ADD_GATE,
    MUL_GATE,
    MAX_AS_RELU,
    MAX_GATE,
    MAX_GATE_TIE_ERRATUM,
    LOGISTIC_CIRCUIT_UPSTREAM_GRADIENTS,
)
