"""Vectorized backpropagation (note 001 § Vectorized operations): the Jacobian of W·x, the
gradient of ‖Wx‖², and why an elementwise layer's Jacobian is never built.

Layouts. ``Jacobian(q, x)`` is the numerator layout, entries ∂q_i/∂x_j (shape len q × len x);
its transpose is the denominator layout the note uses for ∂q/∂x (row j holds ∂q/∂x_j), in
which the chain rule for a scalar L reads ∂L/∂x = (∂q/∂x)·(∂L/∂q) and gradients have the shape
of their variable. Mixing the two (the note's ∂L/∂q·Wᵀ and xᵀ·∂L/∂q) is its erratum.

W is a general, non-symmetric 3 × 3 matrix so that W and Wᵀ differ in every counterexample.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import relu
from symderive.matrixcalc import Grad, Jacobian
from symderive.model import Derivation, Source, Step

NOTE_001 = "001_6d1c2946096a9f6c.txt"
VECTORIZED = "Vectorized operations (Affine 계층)"

n = 3
W = sp.MatrixSymbol("W", n, n)
x = sp.MatrixSymbol("x", n, 1)
q = W * x  # q = W·x
norm_squared = q.T * q  # f(q) = ‖q‖² = q₁² + … + q_n² (a 1 × 1 matrix)

WX_JACOBIAN = Derivation(
    id="wx-jacobian",
    title="The Jacobian of q = W·x is W",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            Jacobian(q, x),
            justification="definition: q = W·x, entries ∂q_i/∂x_j",
            quote=r"q=W\cdot{x}",
        ),
        Step(W, justification="q_i = Σ_j W_ij x_j, so ∂q_i/∂x_j = W_ij"),
    ),
    claim="∂q/∂x = W in numerator layout (∂q_i/∂x_j = W_ij)",
    topic="jacobians",
    tags=("jacobian", "matrix-calculus"),
)

WX_JACOBIAN_DENOMINATOR_LAYOUT = Derivation(
    id="wx-jacobian-denominator-layout",
    title="The note's ∂q/∂x = Wᵀ is the denominator layout",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            Jacobian(q, x).T,
            justification="the note's matrix: row j is ∂q/∂x_j = (W_1j, W_2j, …, W_nj)",
            quote=r"\begin{pmatrix} W_{1,1} & W_{2,1} & \cdots & W_{n,1} \\ W_{1,2} & W_{2"
                  r",2} & \cdots & W_{n,2} \\ & & \vdots & \\ W_{1,n} & W_{2,n} & \cdot"
                  r"s &W_{n,n} \end{pmatrix}",
        ),
        Step(
            W.T,
            justification="row j of Wᵀ is column j of W",
            quote='&= W^T',
        ),
    ),
    claim="stacking ∂q/∂x_j as rows gives Wᵀ: the transpose of the Jacobian W",
    topic="jacobians",
    tags=("jacobian", "matrix-calculus"),
)

NORM_WX_GRADIENT = Derivation(
    id="norm-wx-gradient",
    title="Gradient of ‖Wx‖² with respect to x: 2Wᵀq",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            Grad(norm_squared, x),
            justification="definition: f = ‖q‖², q = W·x",
            quote=r"f(q)=\lVert{q}\rVert^2=q^2_1+\cdots+q^2_n",
        ),
        Step(
            Jacobian(q, x).T * (2 * q),
            justification="chain rule, denominator layout: ∂f/∂x = (∂q/∂x)ᵀ_num·∂f/∂q with "
            "∂f/∂q = 2q (∂(q₁² + … + q_n²)/∂q_i = 2q_i)",
        ),
        Step(
            2 * W.T * W * x,
            justification="the Jacobian of W·x is W ('wx-jacobian'), so ∇_x f = 2Wᵀq = 2WᵀWx",
            quote=r"2W^T\cdot q",
        ),
    ),
    claim="∇_x ‖Wx‖² = 2Wᵀq = 2WᵀWx",
    topic="jacobians",
    tags=("matrix-calculus", "gradient"),
)

NORM_WX_WEIGHT_GRADIENT = Derivation(
    id="norm-wx-weight-gradient",
    title="Gradient of ‖Wx‖² with respect to W: 2q·xᵀ",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            Grad(norm_squared, W),
            justification="definition: f = ‖q‖², q = W·x",
            quote=r"f(q)=\lVert{q}\rVert^2=q^2_1+\cdots+q^2_n",
        ),
        Step(
            2 * q * x.T,
            justification="∂f/∂W_ij = Σ_k 2q_k·∂q_k/∂W_ij = 2q_i·x_j, since ∂q_k/∂W_ij = "
            "δ_ki x_j: the outer product 2q·xᵀ",
            quote=r"2q \cdot x^T",
        ),
    ),
    claim="∇_W ‖Wx‖² = 2q·xᵀ (shaped like W)",
    topic="jacobians",
    tags=("matrix-calculus", "gradient"),
)

NORM_WX_GRADIENT_ERRATUM = Derivation(
    id="norm-wx-gradient-erratum",
    title="Notation: ∂L/∂q·Wᵀ is the chain rule with its factors in shape order, Wᵀ·2q",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(Grad(norm_squared, x), justification="definition: L = ‖q‖², q = W·x"),
        Step(
            sp.MatMul(W.T, 2 * q, evaluate=False),
            justification="the note's “∂L/∂q Wᵀ” with ∂q/∂x = Wᵀ (denominator layout) and "
            "∂L/∂q = 2q: the conventional reading multiplies the factors in the order their "
            "shapes allow, (∂q/∂x)(∂L/∂q) = Wᵀ·2q",
            quote=r"\frac{\partial{L}}{\partial{q}}\space{W^T}",
        ),
        Step(
            2 * W.T * q,
            justification="the note's own result 2Wᵀ·q, which confirms the reading",
            quote=r"2W^T\cdot q",
        ),
    ),
    claim="∂L/∂x = (∂q/∂x)·(∂L/∂q) = Wᵀ·2q = 2Wᵀq: the note's ∂L/∂q·Wᵀ lists the factors, "
    "its result fixes their order",
    erratum_of="norm-wx-gradient",
    erratum_kind="notation",
    topic="jacobians",
    tags=("matrix-calculus", "layout", "erratum"),
)

NORM_WX_WEIGHT_GRADIENT_ERRATUM = Derivation(
    id="norm-wx-weight-gradient-erratum",
    title="Notation: xᵀ·∂L/∂q stands for the outer product ∂L/∂q·xᵀ = 2q·xᵀ",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(Grad(norm_squared, W), justification="definition: L = ‖q‖², q = W·x"),
        Step(
            sp.MatMul(2 * q, x.T, evaluate=False),
            justification="the note's “xᵀ ∂L/∂q” names the two factors of ∂L/∂W_ij = "
            "(∂L/∂q_i)·x_j; as a matrix shaped like W that is the outer product ∂L/∂q·xᵀ = "
            "2q·xᵀ, the note's own result",
            quote=r"x^T\space{\frac{\partial{L}}{\partial{q}}}=2q \cdot x^T",
        ),
    ),
    claim="∂L/∂W = ∂L/∂q·xᵀ = 2q·xᵀ (an outer product, shaped like W); the note's xᵀ·∂L/∂q "
    "lists the factors, its result fixes the order",
    erratum_of="norm-wx-weight-gradient",
    erratum_kind="notation",
    topic="jacobians",
    tags=("matrix-calculus", "layout", "erratum"),
)

# ∂q/∂W (note 001 § 2): the note's matrix holds ∂q_i/∂W_ij = x_j in row i — identical rows.
w_entries = sp.ImmutableMatrix(n, n, lambda i, j: sp.Symbol(f"W_{i + 1}{j + 1}", real=True))
x_entries = sp.ImmutableMatrix(n, 1, lambda i, j: sp.Symbol(f"x_{i + 1}", real=True))
q_entries = w_entries * x_entries

DQ_DW_ERRATUM = Derivation(
    id="dq-dw-erratum",
    title="Notation: “= (x₁, …, x_n) = xᵀ” names the row every row of ∂q/∂W repeats",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            sp.ImmutableMatrix(n, n, lambda i, j: sp.Derivative(q_entries[i], w_entries[i, j])),
            justification="definition: the note's matrix of ∂q/∂W_ij, of which only the "
            "component q_i depends on W_ij",
        ),
        Step(
            sp.MatMul(sp.ImmutableMatrix.ones(n, 1), x_entries.T, evaluate=False),
            justification="∂q_i/∂W_ij = x_j: every row is (x₁, x₂, …, x_n) = xᵀ, which is what "
            "the note's “= (x₁, x₂, ⋯, x_n) = xᵀ” names (the matrix is 1·xᵀ, n copies of it; "
            "the full ∂q/∂W is the n × n × n array δ_ki x_j)",
            quote=r"= (x_1, x_2, \cdots, x_n ) = x^T",
        ),
    ),
    claim="the matrix [∂q_i/∂W_ij] = 1·xᵀ: each of its n rows is xᵀ, the row the note names",
    erratum_of="norm-wx-weight-gradient",
    erratum_kind="notation",
    topic="jacobians",
    tags=("matrix-calculus", "layout", "erratum"),
)

# An elementwise layer y = f(x), f = max(0, ·) as in the lecture's 4096-d example, on n = 3.
inputs = sp.ImmutableMatrix(sp.symbols("x_1 x_2 x_3", real=True))
upstream = sp.ImmutableMatrix(sp.symbols("g_1 g_2 g_3", real=True))
outputs = inputs.applyfunc(relu)
relu_slopes = inputs.applyfunc(lambda entry: sp.Heaviside(entry, 0))

ELEMENTWISE_JACOBIAN_DIAGONAL = Derivation(
    id="elementwise-jacobian-diagonal",
    title="The Jacobian of an elementwise layer is diagonal",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            Jacobian(outputs, inputs),
            justification="definition: y_i = max(0, x_i), entries ∂y_i/∂x_j (n = 3 for 4096)",
        ),
        Step(
            sp.ImmutableMatrix.diag(*relu_slopes),
            justification="y_i does not depend on x_j for j ≠ i: df/dx_i = [0, …, f'(x_i), …, 0], "
            "with the tie rule relu'(0) = 0",
            quote='**그러나 행렬식을 잘 보면 Jacobian 행렬은 대각행렬이므로 굳이 행렬 전체를 계산해줄 필요가 없고',
        ),
    ),
    claim="∂f(x)/∂x = diag(f'(x₁), …, f'(x_n)) for an elementwise f",
    topic="jacobians",
    tags=("jacobian", "relu"),
)

ELEMENTWISE_BACKWARD_WITHOUT_JACOBIAN = Derivation(
    id="elementwise-backward-without-jacobian",
    title="Backward through an elementwise layer: Jᵀg = f'(x) ⊙ g",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            Jacobian(outputs, inputs).T * upstream,
            justification="definition: downstream gradient = Jᵀ·upstream g",
        ),
        Step(
            sp.MatMul(sp.ImmutableMatrix.diag(*relu_slopes), upstream, evaluate=False),
            justification="the Jacobian is diagonal ('elementwise-jacobian-diagonal'; "
            "relu'(0) = 0)",
        ),
        Step(
            sp.ImmutableMatrix([slope * g for slope, g in zip(relu_slopes, upstream)]),
            justification="a diagonal matrix times a vector is an elementwise product: "
            "출력에 해당된 요소에만 backpropagation",
            quote='출력에 해당된 요소에만 backpropagation을 진행해주면 된다.',
        ),
    ),
    claim="Jᵀg = f'(x) ⊙ g: the n × n Jacobian never needs to be formed",
    topic="jacobians",
    tags=("jacobian", "relu"),
)

BATCH, FEATURES, BYTES_PER_FLOAT32 = 100, 4096, 4

JACOBIAN_MEMORY = Derivation(
    id="jacobian-memory",
    title="A minibatch's full Jacobian would need 671 GB",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            sp.Mul(
                sp.Pow(sp.Mul(BATCH, FEATURES, evaluate=False), 2, evaluate=False),
                BYTES_PER_FLOAT32,
                evaluate=False,
            ),
            justification="definition: (100·4096) inputs and outputs, one float32 (4 bytes) "
            "per Jacobian entry",
            quote=r"mini batch size가 100개라고 한다면, input vector는 $100\times4096$이 될 것이고",
        ),
        Step(
            sp.Mul(sp.Pow(409600, 2, evaluate=False), BYTES_PER_FLOAT32, evaluate=False),
            justification="100 × 4096 = 409,600 ([409,600 × 409,600])",
            quote=r"$[409,600\times409,600]$",
        ),
        Step(
            sp.Mul(167772160000, BYTES_PER_FLOAT32, evaluate=False),
            justification="409,600² = 167,772,160,000 entries",
        ),
        Step(
            sp.Integer(671088640000),
            justification="671,088,640,000 bytes ≈ 671 GB (625 GiB), while f'(x) ⊙ g needs "
            "409,600 numbers",
        ),
    ),
    claim="(100·4096)² float32 entries = 671,088,640,000 bytes ≈ 671 GB",
    topic="jacobians",
    tags=("jacobian", "memory"),
)

# 001 writes df/dx₁ = [df/dx₁, 0, …, 0]: the symbol on the left is the Jacobian's column for x₁,
# the one inside the bracket the derivative f'(x₁) of the elementwise function.
ELEMENTWISE_COLUMN_NOTATION = Derivation(
    id="elementwise-jacobian-column-notation",
    title="Notation: in df/dx₁ = [df/dx₁, 0, …, 0] the left side is a column, the entry f'(x₁)",
    source=Source(note=NOTE_001, section=VECTORIZED),
    steps=(
        Step(
            sp.ImmutableMatrix([sp.Derivative(relu(entry), inputs[0]) for entry in inputs]),
            justification="definition: ∂y/∂x₁, the column of the elementwise layer's Jacobian "
            "for x₁ (y_i = max(0, x_i), n = 3 for 4096); the note writes the same symbol df/dx₁ "
            "on both sides",
            quote=r"\frac{df}{dx_1} =& [\frac{df}{dx_1},\; 0, \; \dots, \; 0]",
        ),
        Step(
            sp.ImmutableMatrix([sp.Heaviside(inputs[0], 0), 0, 0]),
            justification="read with the conventional meaning: the first entry is the scalar "
            "derivative f'(x₁) (relu'(x₁), relu'(0) = 0), the others 0 since y_i does not "
            "depend on x₁",
        ),
    ),
    claim="∂y/∂x₁ = [f'(x₁), 0, …, 0]ᵀ for an elementwise y = f(x): the note's inner df/dx₁ is "
    "the scalar f'(x₁), not the vector on the left",
    erratum_of="elementwise-jacobian-diagonal",
    erratum_kind="notation",
    topic="jacobians",
    tags=("jacobian", "relu", "erratum"),
)


DERIVATIONS: tuple[Derivation, ...] = (
    WX_JACOBIAN,
    WX_JACOBIAN_DENOMINATOR_LAYOUT,
    NORM_WX_GRADIENT,
    NORM_WX_WEIGHT_GRADIENT,
    NORM_WX_GRADIENT_ERRATUM,
    NORM_WX_WEIGHT_GRADIENT_ERRATUM,
    DQ_DW_ERRATUM,
    ELEMENTWISE_JACOBIAN_DIAGONAL,
    ELEMENTWISE_BACKWARD_WITHOUT_JACOBIAN,
    JACOBIAN_MEMORY,
    ELEMENTWISE_COLUMN_NOTATION,
)
