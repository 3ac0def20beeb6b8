"""The worked examples of the lectures, every forward value and gradient as a checked number.

Each example is a column of named quantities: the first step defines them (the point is
substituted with an unevaluated ``Subs``), the middle steps follow the backward pass node by
node (upstream × local gradient), the last step is the numbers written in the notes.
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog.chain_rule import partial_at
from symderive.functions import sigmoid
from symderive.model import Derivation, Source, Step

NOTE_001 = "001_6d1c2946096a9f6c.txt"
NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_003 = "003_340cffa23c1b61c6.txt"


def product(*factors: sp.Basic) -> sp.Basic:
    """A product kept as written (3·(−4) rather than −12), so a step shows its arithmetic."""
    return sp.Mul(*factors, evaluate=False)


def column(*entries: sp.Basic) -> sp.ImmutableMatrix:
    return sp.ImmutableMatrix([[entry] for entry in entries])


# ---------------------------------------------------------------------------------------------
# f(x, y, z) = (x + y)·z at x = −2, y = 5, z = −4, with q = x + y  (001 example 1, 003).
x, y, z, q, f = sp.symbols("x y z q f", real=True)
ADD_MUL_POINT = {x: -2, y: 5, z: -4}
point_xyz = ((x, y, z), (-2, 5, -4))
Q_VALUE = 3  # q = −2 + 5

ADD_MUL_CIRCUIT = Derivation(
    id="add-mul-circuit",
    title="Backpropagation through f = (x + y)z at x = −2, y = 5, z = −4",
    source=Source(note=NOTE_003, section="Backpropagation Example"),
    steps=(
        Step(
            column(
                sp.Subs(x + y, *point_xyz),
                sp.Subs((x + y) * z, *point_xyz),
                sp.Derivative(f, f),
                sp.Subs(sp.Derivative(q * z, z), q, Q_VALUE),
                sp.Subs(sp.Derivative(q * z, q), z, -4),
                partial_at((x + y) * z, x, ADD_MUL_POINT),
                partial_at((x + y) * z, y, ADD_MUL_POINT),
            ),
            justification="definition: the column [q, f, ∂f/∂f, ∂f/∂z, ∂f/∂q, ∂f/∂x, ∂f/∂y] "
            "at x = −2, y = 5, z = −4, with f = qz and q = x + y",
            quote='suppose the input is x = -2, y = 5, z = -4',
        ),
        Step(
            column(
                sp.Subs(x + y, *point_xyz),
                sp.Subs((x + y) * z, *point_xyz),
                sp.Derivative(f, f),
                sp.Subs(sp.Derivative(q * z, z), q, Q_VALUE),
                sp.Subs(sp.Derivative(q * z, q), z, -4),
                sp.Subs(sp.Derivative(q * z, q), z, -4) * sp.Derivative(x + y, x),
                sp.Subs(sp.Derivative(q * z, q), z, -4) * sp.Derivative(x + y, y),
            ),
            justification="chain rule through q: ∂f/∂x = ∂f/∂q·∂q/∂x, ∂f/∂y = ∂f/∂q·∂q/∂y",
        ),
        Step(
            column(
                sp.Add(-2, 5, evaluate=False),
                product(Q_VALUE, -4),
                1,
                Q_VALUE,
                -4,
                product(-4, 1),
                product(-4, 1),
            ),
            justification="forward: q = −2 + 5, f = qz; backward: ∂f/∂f = 1 (맨 마지막 단의 "
            "미분값은 항상 1), ∂(qz)/∂z = q, ∂(qz)/∂q = z, ∂q/∂x = ∂q/∂y = 1",
            quote='df/df : 맨 마지막 단의 미분값은 항상 **1**',
        ),
        Step(
            column(3, -12, 1, 3, -4, -4, -4),
            justification="the numbers of the note: q = 3, f = −12, gradients 1, 3, −4, −4, −4",
            quote='q = -2+5 = 3, f = -12',
        ),
    ),
    claim="f = (x + y)z at (−2, 5, −4): q = 3, f = −12, ∂f/∂z = 3, ∂f/∂q = −4, ∂f/∂x = ∂f/∂y = −4",
    topic="worked_examples",
    tags=("backprop", "worked-example"),
)

# ---------------------------------------------------------------------------------------------
# 2 apples at 100 each, 3 oranges at 150 each, consumption tax 1.1  (002 § 1. 계산 그래프).
apple_price, apple_count, orange_price, orange_count, tax = sp.symbols(
    "apple_price apple_count orange_price orange_count tax", positive=True
)
TAX = sp.Rational(11, 10)
fruit_point = {apple_price: 100, apple_count: 2, orange_price: 150, orange_count: 3, tax: TAX}
fruit_total = (apple_price * apple_count + orange_price * orange_count) * tax
fruit_inputs = (apple_price, apple_count, orange_price, orange_count, tax)

APPLE_ORANGE_TAX = Derivation(
    id="apple-orange-tax",
    title="Buying apples and oranges: forward total and backward gradients",
    source=Source(
        note=NOTE_002,
        section="1. 계산 그래프",
        kind='figure',
        reference='../image/computational_graph.png: the apple/orange/tax graph; its prices, '
                  'counts and the 1.1 tax appear only in the figure',
    ),
    steps=(
        Step(
            column(
                sp.Subs(fruit_total, *zip(*fruit_point.items())),
                *(partial_at(fruit_total, name, fruit_point) for name in fruit_inputs),
            ),
            justification="definition: total = (apple price·count + orange price·count)·tax; "
            "the column [total, ∂total/∂apple price, ∂/∂apple count, ∂/∂orange price, "
            "∂/∂orange count, ∂/∂tax] at 2 apples of 100, 3 oranges of 150, tax 1.1",
            quote='위의 그래프에서 input은 사과의 개수, 귤의 개수를 의미한다. 또한 weight는 사과의 가격, 귤의 가격, 소비세 들을 말한다.',
        ),
        Step(
            column(
                product(sp.Add(product(100, 2), product(150, 3), evaluate=False), TAX),
                product(1, TAX, 1, 2),
                product(1, TAX, 1, 100),
                product(1, TAX, 1, 3),
                product(1, TAX, 1, 150),
                product(1, sp.Add(product(100, 2), product(150, 3), evaluate=False)),
            ),
            justification="backward from ∂total/∂total = 1: the tax mul node swaps (sum, tax), "
            "the add node passes 1.1 on, each price·count mul node swaps price and count",
        ),
        Step(
            column(
                product(650, TAX),
                sp.Rational(11, 5),
                110,
                sp.Rational(33, 10),
                165,
                650,
            ),
            justification="200 + 450 = 650",
        ),
        Step(
            column(715, sp.Rational(11, 5), 110, sp.Rational(33, 10), 165, 650),
            justification="650 × 1.1 = 715; gradients 2.2, 110, 3.3, 165, 650",
        ),
    ),
    claim="total = 715; ∂total/∂(apple price, apple count, orange price, orange count, tax) "
    "= (2.2, 110, 3.3, 165, 650)",
    topic="worked_examples",
    tags=("backprop", "worked-example"),
)

# ---------------------------------------------------------------------------------------------
# f(w, x) = σ(w0·x0 + w1·x1 + w2) at w = [2, −3, −3], x = [−1, −2]  (001 example 2, 003).
w0, w1, w2, x0, x1, x2 = sp.symbols("w0 w1 w2 x0 x1 x2", real=True)
LOGISTIC_POINT = {w0: 2, x0: -1, w1: -3, x1: -2, w2: -3}
logistic_point = tuple(zip(*LOGISTIC_POINT.items()))
logistic_inputs = (w0, x0, w1, x1, w2)
logistic_score = w0 * x0 + w1 * x1 + w2
logistic_f = 1 / (1 + sp.exp(-logistic_score))
S = sp.Integer(1)  # w0·x0 + w1·x1 + w2 at the point: −2 + 6 − 3

# The local gradients along the graph, upstream first: 1/u at u = 1 + e^(−1), then +1, then
# exp at −1, then ×(−1); their product is the gradient arriving at the add node.
gradient_at_sum = product(
    -1 / (1 + sp.exp(-S)) ** 2,  # d(1/u)/du = −1/u²
    1,  # d(u)/d(e) for u = e + 1
    sp.exp(-S),  # d(e^v)/dv = e^v at v = −1
    -1,  # d(−s)/ds
)
sigmoid_slope = sigmoid(S) * (1 - sigmoid(S))  # σ'(1) ≈ 0.1966

LOGISTIC_CIRCUIT_FORWARD = Derivation(
    id="logistic-circuit-forward",
    title="Logistic circuit, forward pass node by node",
    source=Source(
        note=NOTE_001,
        section="example 2",
        kind='figure',
        reference='the velog image after example 2 (…/af131c66…/image.png): the circuit at w '
                  '= [2, −3, −3], x = [−1, −2] with its node values',
    ),
    steps=(
        Step(
            column(
                sp.Subs(logistic_score, *logistic_point),
                sp.Subs(-logistic_score, *logistic_point),
                sp.Subs(sp.exp(-logistic_score), *logistic_point),
                sp.Subs(1 + sp.exp(-logistic_score), *logistic_point),
                sp.Subs(logistic_f, *logistic_point),
            ),
            justification="definition: the outputs of the nodes (+, ×−1, exp, +1, 1/x) at "
            "w = [2, −3, −3], x = [−1, −2]",
            quote=r"f(w,x)=\frac{1}{1+e^{-(w_0x_0+w_1x_1+w_2x_2)}}",
        ),
        Step(
            column(
                sp.Add(product(2, -1), product(-3, -2), -3, evaluate=False),
                -S,
                sp.exp(-S),
                1 + sp.exp(-S),
                1 / (1 + sp.exp(-S)),
            ),
            justification="w0x0 + w1x1 + w2 = −2 + 6 − 3 = 1",
        ),
        Step(
            column(S, -S, sp.exp(-S), 1 + sp.exp(-S), sigmoid(S)),
            justification="the node values 1.00, −1.00, 0.37, 1.37, 0.73 of the lecture",
        ),
    ),
    claim="forward: w·x + w2 = 1, f = σ(1) = 1/(1 + e^(−1)) ≈ 0.73",
    topic="worked_examples",
    tags=("backprop", "worked-example"),
)

LOGISTIC_CIRCUIT = Derivation(
    id="logistic-circuit",
    title="Logistic circuit, backward pass: gradients of w0, x0, w1, x1, w2",
    source=Source(
        note=NOTE_001,
        section="example 2",
        kind='figure',
        reference='the velog image after example 2 (…/af131c66…/image.png): the backward valu'
                  'es of the circuit',
    ),
    steps=(
        Step(
            column(*(partial_at(logistic_f, name, LOGISTIC_POINT) for name in logistic_inputs)),
            justification="definition: f = 1/(1 + e^(−(w0x0 + w1x1 + w2))); the gradients "
            "[∂f/∂w0, ∂f/∂x0, ∂f/∂w1, ∂f/∂x1, ∂f/∂w2] at w = [2, −3, −3], x = [−1, −2]",
            quote=r"f(w,x)=\frac{1}{1+e^{-(w_0x_0+w_1x_1+w_2x_2)}}",
        ),
        Step(
            column(
                product(gradient_at_sum, 1, -1),
                product(gradient_at_sum, 1, 2),
                product(gradient_at_sum, 1, -2),
                product(gradient_at_sum, 1, -3),
                product(gradient_at_sum, 1),
            ),
            justification="backward through 1/x (−1/u²), +1 (1), exp (e^v), ×−1 (−1); the add "
            "nodes distribute (1), the mul nodes swap: ∂/∂w0 = x0, ∂/∂x0 = w0, ...",
        ),
        Step(
            column(
                -sigmoid_slope,
                2 * sigmoid_slope,
                -2 * sigmoid_slope,
                -3 * sigmoid_slope,
                sigmoid_slope,
            ),
            justification="the gradient at the add node is e^(−1)/(1 + e^(−1))² = σ(1)(1 − σ(1)) "
            "≈ 0.20; the lecture rounds to −0.20, 0.39, −0.39, −0.59, 0.20",
        ),
    ),
    claim="∂f/∂(w0, x0, w1, x1, w2) = σ'(1)·(x0, w0, x1, w1, 1) = σ'(1)·(−1, 2, −2, −3, 1) "
    "≈ (−0.20, 0.39, −0.39, −0.59, 0.20)",
    topic="worked_examples",
    tags=("backprop", "worked-example", "sigmoid"),
)

LOGISTIC_CIRCUIT_BIAS_TRICK = Derivation(
    id="logistic-circuit-bias-trick",
    title="The note's exponent w0x0 + w1x1 + w2x2 is the same circuit with x2 = 1",
    source=Source(note=NOTE_001, section="example 2"),
    steps=(
        Step(
            sp.Subs(1 / (1 + sp.exp(-(w0 * x0 + w1 * x1 + w2 * x2))), x2, 1),
            justification="the note's f(w, x) = 1/(1 + e^(−(w0x0 + w1x1 + w2x2))) with the "
            "constant input x2 = 1 (bias trick)",
            quote=r"f(w,x)=\frac{1}{1+e^{-(w_0x_0+w_1x_1+w_2x_2)}}",
        ),
        Step(logistic_f, justification="w2·1 = w2: the bias of the lecture's circuit"),
        Step(
            sigmoid(logistic_score),
            justification="σ(s) = 1/(1 + e^(−s)): the sigmoid as one big node",
        ),
    ),
    claim="1/(1 + e^(−(w0x0 + w1x1 + w2x2))) at x2 = 1 equals σ(w0x0 + w1x1 + w2)",
    topic="worked_examples",
    tags=("worked-example", "sigmoid"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    ADD_MUL_CIRCUIT,
    APPLE_ORANGE_TAX,
    LOGISTIC_CIRCUIT_FORWARD,
    LOGISTIC_CIRCUIT,
    LOGISTIC_CIRCUIT_BIAS_TRICK,
)
