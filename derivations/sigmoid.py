"""The sigmoid's derivative σ' = σ(1 − σ), by calculus and by the computational graph; tanh.

The derivations differentiate the elementary form 1/(1 + e^(−x)), never ``sigmoid`` itself:
``sigmoid.fdiff`` is defined as σ(1 − σ), so differentiating it would prove nothing. The last
step of each chain names the library's ``sigmoid``, which ties its definition to the proof.
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog.chain_rule import partial_at
from symderive.functions import sigmoid
from symderive.catalog._unevaluated import over, power
from symderive.model import Derivation, Source, Step

NOTE_001 = "001_6d1c2946096a9f6c.txt"
NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_003 = "003_340cffa23c1b61c6.txt"

x = sp.Symbol("x", real=True)
u, e, v = sp.symbols("u e v", real=True)  # graph nodes: u = 1 + e, e = exp(v), v = −x

sigma_elementary = 1 / (1 + sp.exp(-x))

# The note's (1 + e^(−x) − 1)/(1 + e^(−x)) · 1/(1 + e^(−x)), kept as written: SymPy would
# otherwise cancel 1 − 1 on construction and the step would no longer be the note's.
NOTE_PRODUCT = sp.Mul(
    sp.Mul(sp.Add(1, sp.exp(-x), -1, evaluate=False), 1 / (1 + sp.exp(-x)), evaluate=False),
    1 / (1 + sp.exp(-x)),
    evaluate=False,
)

SIGMOID_DERIVATIVE = Derivation(
    id="sigmoid-derivative",
    title="Derivative of the sigmoid: σ'(x) = σ(x)(1 − σ(x))",
    source=Source(note=NOTE_001, section="example 2"),
    steps=(
        Step(
            sp.Derivative(sigma_elementary, x),
            justification="definition: σ(x) = 1/(1 + e^(−x))",
            quote=r"\sigma(x)=\frac{1}{1+e^{-x}}",
        ),
        Step(
            sp.exp(-x) / (1 + sp.exp(-x)) ** 2,
            justification="quotient (or chain) rule: −(1 + e^(−x))^(−2)·(−e^(−x))",
        ),
        Step(
            NOTE_PRODUCT,
            justification="split the square and write e^(−x) = (1 + e^(−x)) − 1",
            quote=r"\Big(\frac{1+e^{-x}-1}{1+e^{-x}}\Big) \Big(\frac{1}{1+e^{-x}}\Big)",
        ),
        Step(
            (1 - sigmoid(x)) * sigmoid(x),
            justification="(1 + e^(−x) − 1)/(1 + e^(−x)) = 1 − σ(x), 1/(1 + e^(−x)) = σ(x)",
            quote=r"(1-\sigma(x))(\sigma(x))",
        ),
        Step(
            sp.Derivative(sigmoid(x), x),
            justification="the derivative symderive.functions.sigmoid declares (used by every "
            "derivation that differentiates sigmoid)",
        ),
    ),
    claim="dσ/dx = e^(−x)/(1 + e^(−x))² = (1 − σ(x))σ(x)",
    topic="sigmoid",
    tags=("sigmoid", "activation"),
)

SIGMOID_DERIVATIVE_GRAPH = Derivation(
    id="sigmoid-derivative-graph",
    title="Derivative of the sigmoid through its computational graph",
    source=Source(note=NOTE_003, section="Gradient Implementation"),
    steps=(
        Step(sp.Derivative(sigma_elementary, x), justification="definition: σ(x) = 1/(1 + e^(−x))"),
        Step(
            partial_at(1 / u, u, {u: 1 + sp.exp(-x)})
            * partial_at(1 + e, e, {e: sp.exp(-x)})
            * partial_at(sp.exp(v), v, {v: -x})
            * sp.Derivative(-x, x),
            justification="chain rule along the graph x → (×−1) → exp → (+1) → 1/x: the "
            "product of the local gradients",
        ),
        Step(
            (-1 / (1 + sp.exp(-x)) ** 2) * 1 * sp.exp(-x) * (-1),
            justification="local gradients: d(1/u)/du = −1/u², d(1 + e)/de = 1, "
            "d(e^v)/dv = e^v, d(−x)/dx = −1",
        ),
        Step(
            sigmoid(x) * (1 - sigmoid(x)),
            justification="e^(−x)/(1 + e^(−x))² = σ(x)(1 − σ(x)) as in 'sigmoid-derivative'",
            quote='**sigmoid function(f(x)) 미분 값  = f(x) * (1- f(x))**',
        ),
    ),
    claim="the product of the local gradients of 1/u, u = 1 + e, e = e^v, v = −x is σ(1 − σ)",
    topic="sigmoid",
    tags=("sigmoid", "backprop"),
)

SIGMOID_DERIVATIVE_ERRATUM = Derivation(
    id="sigmoid-derivative-erratum",
    title="Erratum: the sigmoid's derivative loses its square in note 001",
    source=Source(note=NOTE_001, section="example 2"),
    steps=(
        Step(sp.Derivative(sigma_elementary, x), justification="definition: σ(x) = 1/(1 + e^(−x))"),
        Step(
            sp.exp(-x) / (1 + sp.exp(-x)),
            justification="as written in the note: dσ/dx = e^(−x)/(1 + e^(−x)) (the square of "
            "the denominator is missing)",
            expect="refuted",
            correction=over(sp.exp(-x), power(1 + sp.exp(-x), 2)),
            quote=r"\frac{d\sigma(x)}{dx}=\frac{e^{-x}}{1+e^{-x}}",
        ),
    ),
    claim="note 001 writes dσ/dx = e^(−x)/(1 + e^(−x)); the derivative is e^(−x)/(1 + e^(−x))², "
    "which is what the note's next expression (1 + e^(−x) − 1)/(1 + e^(−x)) · 1/(1 + e^(−x)) "
    "and its result (1 − σ)σ say ('sigmoid-derivative' checks that chain)",
    erratum_of="sigmoid-derivative",
    erratum_kind="error",
    topic="sigmoid",
    tags=("sigmoid", "erratum"),
)

NOTE_004 = "004_75ba1db62c35dc7a.txt"

SIGMOID_RANGE = Derivation(
    id="sigmoid-range",
    title="The sigmoid takes values strictly between 0 and 1",
    source=Source(note=NOTE_004, section="Sigmoid"),
    steps=(
        Step(sp.Integer(0), justification="lower bound"),
        Step(
            sigmoid(x),
            relation="<",
            justification="σ(x) = 1/(1 + e^(−x)) with 1 + e^(−x) > 0 (결과값이 0부터 1 사이)",
            quote='Sigmoid는 결과값이 0부터 1 사이의 값으로 나오기 때문에',
        ),
        Step(sp.Integer(1), relation="<", justification="1 + e^(−x) > 1"),
    ),
    claim="0 < σ(x) < 1 for every real x, so σ can act as a soft mask or a probability",
    topic="sigmoid",
    tags=("sigmoid", "activation"),
)

tanh_elementary = (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))

TANH_DERIVATIVE = Derivation(
    id="tanh-derivative",
    title="Derivative of tanh: tanh'(x) = 1 − tanh²(x)",
    source=Source(
        note=NOTE_003,
        section="Activation Functions",
        kind='supplement',
        reference="tanh x = (e^x − e^(−x))/(e^x + e^(−x)) and tanh' = 1 − tanh²; the note onl"
                  'y lists tanh (Goodfellow, Bengio & Courville, Deep Learning (2016) §6.3.3)',
    ),
    steps=(
        Step(
            sp.Derivative(tanh_elementary, x),
            justification="definition: tanh x = (e^x − e^(−x))/(e^x + e^(−x))",
        ),
        Step(
            ((sp.exp(x) + sp.exp(-x)) ** 2 - (sp.exp(x) - sp.exp(-x)) ** 2)
            / (sp.exp(x) + sp.exp(-x)) ** 2,
            justification="quotient rule: (cosh·cosh − sinh·sinh)/cosh², written with exponentials",
        ),
        Step(1 - tanh_elementary**2, justification="split the fraction"),
        Step(1 - sp.tanh(x) ** 2, justification="tanh x by its definition"),
    ),
    claim="d/dx tanh x = 1 − tanh² x",
    topic="sigmoid",
    tags=("tanh", "activation"),
)

TANH_AS_SIGMOID = Derivation(
    id="tanh-as-sigmoid",
    title="tanh is a rescaled sigmoid: tanh(x) = 2σ(2x) − 1",
    source=Source(
        note=NOTE_003,
        section="Activation Functions",
        kind='supplement',
        reference='tanh x = 2σ(2x) − 1; the note only lists tanh (Goodfellow, Bengio & Courvi'
                  'lle, Deep Learning (2016) §6.3.3)',
    ),
    steps=(
        Step(sp.tanh(x), justification="definition"),
        Step(tanh_elementary, justification="tanh x = (e^x − e^(−x))/(e^x + e^(−x))"),
        Step(
            (1 - sp.exp(-2 * x)) / (1 + sp.exp(-2 * x)),
            justification="divide numerator and denominator by e^x",
        ),
        Step(2 / (1 + sp.exp(-2 * x)) - 1, justification="1 − a = 2 − (1 + a)"),
        Step(2 * sigmoid(2 * x) - 1, justification="σ(2x) = 1/(1 + e^(−2x))"),
    ),
    claim="tanh(x) = 2σ(2x) − 1",
    topic="sigmoid",
    tags=("tanh", "sigmoid", "activation"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    SIGMOID_DERIVATIVE,
    SIGMOID_DERIVATIVE_GRAPH,
    SIGMOID_DERIVATIVE_ERRATUM,
    SIGMOID_RANGE,
    TANH_DERIVATIVE,
    TANH_AS_SIGMOID,
)
