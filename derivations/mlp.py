"""The lecture's two-layer MLP (note 003 § Implementation : 2-layer MLP) and its hand-written
gradients, checked entrywise on explicit 2 × 2 matrices (N = D = H = C = 2):

    h = σ(x·w1),  y_pred = h·w2,  L = Σ (y_pred − y)²
    grad_y_pred = 2(y_pred − y)
    grad_w2     = hᵀ·grad_y_pred
    grad_h      = grad_y_pred·w2ᵀ
    grad_w1     = xᵀ·(grad_h ⊙ h ⊙ (1 − h))

Each gradient is its own derivation: ``Grad(L, w)`` of the loss written through the layers,
then the lecture's formula. The intermediate values (y_pred, h) are treated as free matrices
where the lecture does (grad_y_pred, grad_h), so each formula is checked as the local rule it is.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import sigmoid
from symderive.matrixcalc import Grad
from symderive.model import Derivation, Source, Step

NOTE_003 = "003_340cffa23c1b61c6.txt"
SECTION = "Implementation : 2-layer MLP"
N, D, H, C = 2, 2, 2, 2  # examples, input dimension, hidden units, classes


def entries(name: str, rows: int, cols: int) -> sp.ImmutableMatrix:
    """A matrix of real symbols name_ij (1-based)."""
    return sp.ImmutableMatrix(
        rows, cols, lambda i, j: sp.Symbol(f"{name}_{i + 1}{j + 1}", real=True)
    )


x = entries("x", N, D)
w1 = entries("w1", D, H)
w2 = entries("w2", H, C)
y = entries("y", N, C)
h_free = entries("h", N, H)  # the hidden activations as free values (for grad_h, grad_w2)
y_pred_free = entries("yp", N, C)  # the predictions as free values (for grad_y_pred)


def squared_loss(prediction: sp.ImmutableMatrix) -> sp.Basic:
    """L = Σ_ij (y_pred − y)_ij²."""
    return sum((prediction - y).applyfunc(lambda entry: entry**2))


def hadamard(*factors: sp.ImmutableMatrix) -> sp.ImmutableMatrix:
    """The entrywise product A ⊙ B ⊙ …"""
    result = factors[0]
    for factor in factors[1:]:
        result = result.multiply_elementwise(factor)
    return sp.ImmutableMatrix(result)


hidden = (x * w1).applyfunc(sigmoid)  # h = σ(x·w1), as the lecture's code writes it
prediction = hidden * w2
# Differentiating σ here uses sigmoid's declared derivative σ(1 − σ), which the catalog entry
# 'sigmoid-derivative' ties to the calculus of 1/(1 + e^(−z)); the tests compare these
# gradients with finite differences of a NumPy forward pass.

TWO_LAYER_MLP_GRAD_Y_PRED = Derivation(
    id="two-layer-mlp-grad-y-pred",
    title="2-layer MLP: grad_y_pred = 2(y_pred − y)",
    source=Source(
        note=NOTE_003,
        section=SECTION,
        kind='supplement',
        reference="the NumPy 2-layer network of the CS231n lecture 4 slide 'Implementation: 2"
                  "-layer MLP', which the note describes but does not copy",
    ),
    steps=(
        Step(
            Grad(squared_loss(y_pred_free), y_pred_free),
            justification="definition: L = Σ(y_pred − y)², differentiated by y_pred",
            quote='y_pred와 y의 squared loss 계산해서 출력',
        ),
        Step(2 * (y_pred_free - y), justification="∂(Σ (p − y)²)/∂p_ij = 2(p_ij − y_ij)"),
    ),
    claim="∂L/∂y_pred = 2(y_pred − y)",
    topic="mlp",
    tags=("mlp", "gradient"),
)

TWO_LAYER_MLP_GRAD_W2 = Derivation(
    id="two-layer-mlp-grad-w2",
    title="2-layer MLP: grad_w2 = hᵀ·grad_y_pred",
    source=Source(
        note=NOTE_003,
        section=SECTION,
        kind='supplement',
        reference="grad_w2 = h.T.dot(grad_y_pred) in the CS231n lecture 4 slide 'Implementati"
                  "on: 2-layer MLP'",
    ),
    steps=(
        Step(
            Grad(squared_loss(h_free * w2), w2),
            justification="definition: L = Σ(h·w2 − y)², differentiated by w2",
        ),
        Step(
            h_free.T * (2 * (h_free * w2 - y)),
            justification="affine backward ∂L/∂W = Xᵀ·G ('affine-backward-weights') with "
            "X = h, G = grad_y_pred = 2(y_pred − y)",
        ),
    ),
    claim="∂L/∂w2 = hᵀ·grad_y_pred",
    topic="mlp",
    tags=("mlp", "gradient"),
)

TWO_LAYER_MLP_GRAD_H = Derivation(
    id="two-layer-mlp-grad-h",
    title="2-layer MLP: grad_h = grad_y_pred·w2ᵀ",
    source=Source(
        note=NOTE_003,
        section=SECTION,
        kind='supplement',
        reference="grad_h = grad_y_pred.dot(w2.T) in the CS231n lecture 4 slide 'Implementati"
                  "on: 2-layer MLP'",
    ),
    steps=(
        Step(
            Grad(squared_loss(h_free * w2), h_free),
            justification="definition: L = Σ(h·w2 − y)², differentiated by h",
        ),
        Step(
            (2 * (h_free * w2 - y)) * w2.T,
            justification="affine backward ∂L/∂X = G·Wᵀ ('affine-backward') with W = w2",
        ),
    ),
    claim="∂L/∂h = grad_y_pred·w2ᵀ",
    topic="mlp",
    tags=("mlp", "gradient"),
)

grad_y_pred = 2 * (prediction - y)
grad_h = grad_y_pred * w2.T

TWO_LAYER_MLP_GRADIENTS = Derivation(
    id="two-layer-mlp-gradients",
    title="2-layer MLP: grad_w1 = xᵀ·(grad_h ⊙ h ⊙ (1 − h))",
    source=Source(
        note=NOTE_003,
        section=SECTION,
        kind='supplement',
        reference="grad_w1 = x.T.dot(grad_h * h * (1 - h)) in the CS231n lecture 4 slide 'Imp"
                  "lementation: 2-layer MLP'",
    ),
    steps=(
        Step(
            Grad(squared_loss(prediction), w1),
            justification="definition: h = σ(x·w1), y_pred = h·w2, L = Σ(y_pred − y)²",
        ),
        Step(
            x.T * hadamard(grad_h, hidden, hidden.applyfunc(lambda entry: 1 - entry)),
            justification="through the sigmoid σ' = σ(1 − σ) = h ⊙ (1 − h) "
            "('sigmoid-derivative'), then affine backward with X = x: "
            "grad_w1 = x.T.dot(grad_h * h * (1 - h))",
        ),
    ),
    claim="∂L/∂w1 = xᵀ·(grad_h ⊙ h ⊙ (1 − h)) with grad_h = 2(y_pred − y)·w2ᵀ",
    topic="mlp",
    tags=("mlp", "gradient", "sigmoid"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    TWO_LAYER_MLP_GRAD_Y_PRED,
    TWO_LAYER_MLP_GRAD_W2,
    TWO_LAYER_MLP_GRAD_H,
    TWO_LAYER_MLP_GRADIENTS,
)
