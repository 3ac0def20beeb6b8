"""The affine layer Y = X·W + b: its backward pass, why stacked linear layers collapse, and
why a gradient has the shape of its variable.

Matrix derivations use explicit small shapes (N = 2 rows, D = 3 inputs, M = 2 outputs) so the
checker evaluates ``Grad`` entrywise. The upstream gradient G = ∂L/∂Y enters through
L = Σ_ij G_ij Y_ij = tr(Gᵀ Y), the scalar whose gradient with respect to Y is exactly G.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import relu
from symderive.matrixcalc import Grad, Jacobian
from symderive.model import Derivation, Source, Step

NOTE_001 = "001_6d1c2946096a9f6c.txt"
NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_003 = "003_340cffa23c1b61c6.txt"

N, D, M = 2, 3, 2  # batch rows, input features, output features
X = sp.MatrixSymbol("X", N, D)
W = sp.MatrixSymbol("W", D, M)
b = sp.MatrixSymbol("b", 1, M)
G = sp.MatrixSymbol("G", N, M)  # upstream gradient ∂L/∂Y
Y = sp.MatrixSymbol("Y", N, M)
# an explicit column of ones: the checker cannot expand sp.OneMatrix inside a Trace
ones_column = sp.ImmutableMatrix.ones(N, 1)

affine_output = X * W + ones_column * b  # b broadcast over the N rows
loss_with_upstream_g = sp.Trace(G.T * affine_output)  # L = Σ G ∘ Y, so ∂L/∂Y = G

AFFINE_SECTION = "3-3. Affine"

AFFINE_UPSTREAM = Derivation(
    id="affine-upstream",
    title="L = Σ G∘Y has ∂L/∂Y = G: how an upstream gradient enters a matrix derivation",
    source=Source(
        note=NOTE_002,
        section=AFFINE_SECTION,
        kind='supplement',
        reference="the affine layer's backward pass (Saito, Deep Learning from Scratch §5.6, "
                  'which 002 follows); 002 § 3-3 states only that matrices flow through it',
    ),
    steps=(
        Step(Grad(sp.Trace(G.T * Y), Y), justification="definition: L = tr(GᵀY) = Σ_ij G_ij Y_ij"),
        Step(G, justification="∂(Σ G_kl Y_kl)/∂Y_ij = G_ij"),
    ),
    claim="∂ tr(GᵀY)/∂Y = G",
    topic="affine",
    tags=("matrix-calculus", "affine"),
)

AFFINE_BACKWARD = Derivation(
    id="affine-backward",
    title="Affine backward: ∂L/∂X = G·Wᵀ",
    source=Source(
        note=NOTE_002,
        section=AFFINE_SECTION,
        kind='supplement',
        reference='∂L/∂X = G·Wᵀ (Saito, Deep Learning from Scratch §5.6, which 002 follows); '
                  '002 § 3-3 states only that matrices flow through it',
    ),
    steps=(
        Step(
            Grad(loss_with_upstream_g, X),
            justification="definition: Y = X·W + b (b broadcast over rows), upstream G = ∂L/∂Y",
            quote='Affine은 행렬이 흐르고 있다.',
        ),
        Step(G * W.T, justification="∂L/∂X_ij = Σ_k G_ik W_jk = (G·Wᵀ)_ij"),
    ),
    claim="Y = XW + b: ∂L/∂X = G·Wᵀ, shaped like X (N × D)",
    topic="affine",
    tags=("matrix-calculus", "affine"),
)

AFFINE_BACKWARD_WEIGHTS = Derivation(
    id="affine-backward-weights",
    title="Affine backward: ∂L/∂W = Xᵀ·G",
    source=Source(
        note=NOTE_002,
        section=AFFINE_SECTION,
        kind='supplement',
        reference='∂L/∂W = Xᵀ·G (Saito, Deep Learning from Scratch §5.6, which 002 follows)',
    ),
    steps=(
        Step(Grad(loss_with_upstream_g, W), justification="definition: as in 'affine-backward'"),
        Step(X.T * G, justification="∂L/∂W_jk = Σ_i X_ij G_ik = (Xᵀ·G)_jk"),
    ),
    claim="Y = XW + b: ∂L/∂W = Xᵀ·G, shaped like W (D × M)",
    topic="affine",
    tags=("matrix-calculus", "affine"),
)

AFFINE_BACKWARD_BIAS = Derivation(
    id="affine-backward-bias",
    title="Affine backward: ∂L/∂b = the column sums of G",
    source=Source(
        note=NOTE_002,
        section=AFFINE_SECTION,
        kind='supplement',
        reference='∂L/∂b = Σ_i G_i (Saito, Deep Learning from Scratch §5.6, which 002 follows'
                  ')',
    ),
    steps=(
        Step(Grad(loss_with_upstream_g, b), justification="definition: as in 'affine-backward'"),
        Step(
            ones_column.T * G,
            justification="b reaches every row: ∂L/∂b_k = Σ_i G_ik (sum over the batch axis)",
        ),
    ),
    claim="Y = XW + b: ∂L/∂b = 1ᵀG, the column sums of G (shape 1 × M)",
    topic="affine",
    tags=("matrix-calculus", "affine"),
)

# Stacked linear layers (003 § Multilayer Perceptron (MLP)): f(x) = W2(W1x).
W1 = sp.MatrixSymbol("W1", 3, 2)
W2 = sp.MatrixSymbol("W2", 2, 3)
x_in = sp.MatrixSymbol("x", 2, 1)
MLP_SECTION = "Multilayer Perceptron (MLP)"

STACKED_LINEAR_COLLAPSE = Derivation(
    id="stacked-linear-collapse",
    title="Two linear layers are one linear layer: W2(W1x) = (W2W1)x",
    source=Source(note=NOTE_003, section=MLP_SECTION),
    steps=(
        Step(
            sp.MatMul(W2, sp.MatMul(W1, x_in)),
            justification="definition: f(x) = W2(W1·x)",
            quote='f(x) = w2(w1*x)',
        ),
        Step(
            sp.MatMul(sp.MatMul(W2, W1), x_in),
            justification="associativity: w2*w1 = w라고 놓으면 f(x) = w*x, one linear model",
            quote='행렬에서 w2*w1 = w라고 놓으면 f(x) = w*x',
        ),
    ),
    claim="W2(W1x) = (W2W1)x = Wx with W = W2W1",
    topic="affine",
    tags=("mlp", "linear"),
)

# With an activation between the layers (explicit 2 × 2 weights, relu as in the lecture).
w1_entries = sp.ImmutableMatrix(2, 2, sp.symbols("w1_11 w1_12 w1_21 w1_22", real=True))
w2_entries = sp.ImmutableMatrix(2, 2, sp.symbols("w2_11 w2_12 w2_21 w2_22", real=True))
x_entries = sp.ImmutableMatrix(2, 1, sp.symbols("x_1 x_2", real=True))


def two_layer_relu(inputs: sp.ImmutableMatrix) -> sp.ImmutableMatrix:
    """f(x) = W2·relu(W1·x), relu applied entrywise."""
    return w2_entries * (w1_entries * inputs).applyfunc(relu)


MLP_NEEDS_NONLINEARITY = Derivation(
    id="mlp-needs-nonlinearity",
    title="With an activation between them the layers no longer collapse",
    source=Source(note=NOTE_003, section=MLP_SECTION),
    steps=(
        Step(
            two_layer_relu(-x_entries),
            justification="definition: f(x) = W2·relu(W1·x) (a2(w2*a1(w1*x))) at −x",
            quote='(x) = a2(w2*a1(w1*x)) : 이제 이 함수는 linear model로 치환 불가능 (non-liner function이'
                  ' 됨)',
        ),
        Step(
            -two_layer_relu(x_entries),
            relation="!=",
            justification="a linear map would give f(−x) = −f(x); relu breaks it, so no single "
            "W reproduces f (이제 이 함수는 linear model로 치환 불가능)",
        ),
    ),
    claim="W2·relu(W1x) is not linear in x: f(−x) ≠ −f(x) in general",
    topic="affine",
    tags=("mlp", "activation"),
)

# Gradients have the shape of their variable (003 § Backpropagation with Vectors):
# z = W·x (x ∈ ℝ³, z ∈ ℝ²), upstream g = ∂L/∂z (z × 1), ∂L/∂x = (∂z/∂x)ᵀ g: (x × z)(z × 1) = x × 1.
W_zx = sp.MatrixSymbol("W", 2, 3)
x_vector = sp.MatrixSymbol("x", 3, 1)
g_upstream = sp.MatrixSymbol("g", 2, 1)

GRADIENT_HAS_SHAPE_OF_VARIABLE = Derivation(
    id="gradient-has-shape-of-variable",
    title="∂L/∂x has the shape of x: (x × z)(z × 1) = x × 1",
    source=Source(note=NOTE_003, section="Backpropagation with Vectors"),
    steps=(
        Step(
            Grad(g_upstream.T * (W_zx * x_vector), x_vector),
            justification="definition: z = W·x with x ∈ ℝ³, z ∈ ℝ², upstream g = ∂L/∂z, "
            "so L = gᵀz near the node",
        ),
        Step(
            Jacobian(W_zx * x_vector, x_vector).T * g_upstream,
            justification="downstream = local gradient × upstream: dz/dx has x × z entries "
            "(the transposed Jacobian), times the z × 1 upstream gradient",
            quote='dL/dx의 dimension  = (x * z)*(z*1)  = x*1',
        ),
        Step(
            W_zx.T * g_upstream,
            justification="the Jacobian of W·x is W ('wx-jacobian')",
            quote='**Gradients of variables w.r.t. loss have same dimensionality as the origi'
                  'nal variable.**',
        ),
    ),
    claim="∂L/∂x = Wᵀg is 3 × 1 like x (Gradients of variables w.r.t. loss have same "
    "dimensionality as the original variable)",
    topic="affine",
    tags=("matrix-calculus", "shapes"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    AFFINE_UPSTREAM,
    AFFINE_BACKWARD,
    AFFINE_BACKWARD_WEIGHTS,
    AFFINE_BACKWARD_BIAS,
    STACKED_LINEAR_COLLAPSE,
    MLP_NEEDS_NONLINEARITY,
    GRADIENT_HAS_SHAPE_OF_VARIABLE,
)
