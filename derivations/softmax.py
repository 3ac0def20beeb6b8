"""Softmax: it sums to one, its Jacobian, its shift invariance, and the gradient y − t of
softmax followed by cross-entropy — for a general number of classes n.

Sums run over plain integer symbols with a size symbol n (the checker instantiates n at a few
small sizes when SymPy cannot finish the symbolic sum); the logits o_1..o_n are real, the
target t_1..t_n is a probability vector (a one-hot label is its corner case).
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import softmax
from symderive.catalog._unevaluated import held, over, plus, power
from symderive.model import SIZE, Derivation, Domain, Source, Step, index, simplex

NOTE_000 = "000_85d43775668d16e5.txt"
NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_004 = "004_75ba1db62c35dc7a.txt"

n = sp.Symbol("n", integer=True, positive=True)
i, j, k = (sp.Symbol(name, integer=True) for name in "ijk")
o = sp.IndexedBase("o")  # logits
t = sp.IndexedBase("t")  # target distribution
c = sp.Symbol("c", real=True)  # a common shift of all logits

partition = sp.Sum(sp.exp(o[k]), (k, 1, n))  # Σ_k e^(o_k)
REAL_LOGITS = (o, Domain("real"))
TARGET_SIMPLEX = (t, simplex("t"))

SOFTMAX_SUMS_TO_ONE = Derivation(
    id="softmax-sums-to-one",
    title="Softmax outputs sum to one",
    source=Source(note=NOTE_004, section="Softmax"),
    steps=(
        Step(
            sp.Sum(sp.exp(o[i]) / partition, (i, 1, n)),
            justification="definition: y_i = e^(o_i)/Σ_k e^(o_k), summed over the n classes",
        ),
        Step(
            sp.Sum(sp.exp(o[i]), (i, 1, n)) / partition,
            justification="the denominator does not depend on i",
        ),
        Step(sp.Integer(1), justification="numerator and denominator are the same sum"),
    ),
    claim="Σ_i softmax(o)_i = 1: softmax turns a score vector into a probability distribution",
    domains=((n, SIZE), REAL_LOGITS),
    topic="softmax",
    tags=("softmax",),
)

cross_entropy_of_softmax = -sp.Sum(t[k] * sp.log(sp.exp(o[k]) / partition), (k, 1, n))
partition_i = sp.Sum(sp.exp(o[i]), (i, 1, n))

SOFTMAX_CROSS_ENTROPY_GRADIENT = Derivation(
    id="softmax-cross-entropy-gradient",
    title="Softmax with cross-entropy: ∂L/∂o_j = y_j − t_j",
    source=Source(note=NOTE_002, section="4) Backpropagation"),
    steps=(
        Step(
            sp.Derivative(cross_entropy_of_softmax, o[j]),
            justification="definition: L = −Σ_k t_k log y_k with y = softmax(o)",
        ),
        Step(
            sp.Derivative(
                -sp.Sum(t[k] * o[k], (k, 1, n)) + sp.Sum(t[k], (k, 1, n)) * sp.log(partition_i),
                o[j],
            ),
            justification="log y_k = o_k − log Σ_i e^(o_i); the second term does not depend on k",
        ),
        Step(
            -t[j] + sp.Sum(t[k], (k, 1, n)) * sp.exp(o[j]) / partition_i,
            justification="∂(Σ_k t_k o_k)/∂o_j = t_j, ∂ log Σ_i e^(o_i)/∂o_j = e^(o_j)/Σ_i e^(o_i)",
        ),
        Step(
            sp.exp(o[j]) / partition_i - t[j],
            justification="Σ_k t_k = 1 (정답 확률의 합)",
        ),
    ),
    claim="∂/∂o_j [−Σ_k t_k log softmax(o)_k] = y_j − t_j when Σ_k t_k = 1 "
    "(softmax 와 cross entropy의 업데이트 되는 값은 y − t)",
    domains=((n, SIZE), (j, index(1, n)), REAL_LOGITS, TARGET_SIMPLEX),
    topic="softmax",
    tags=("softmax", "cross-entropy", "gradient"),
)

# The same gradient for n = 3 with explicit vectors.
o1, o2, o3 = sp.symbols("o1 o2 o3", real=True)
t1, t2, t3 = sp.symbols("t1 t2 t3", positive=True)
logits3 = sp.ImmutableMatrix([o1, o2, o3])
targets3 = sp.ImmutableMatrix([t1, t2, t3])
probabilities3 = sp.ImmutableMatrix(softmax(logits3))
cross_entropy3 = -sum(target * sp.log(p) for target, p in zip(targets3, probabilities3))

SOFTMAX_CROSS_ENTROPY_GRADIENT_3 = Derivation(
    id="softmax-cross-entropy-gradient-3",
    title="Softmax with cross-entropy for three classes: ∇_o L = y − t",
    source=Source(note=NOTE_000, section="Last layer의 Backward pass"),
    steps=(
        Step(
            sp.ImmutableMatrix([sp.Derivative(cross_entropy3, logit) for logit in logits3]),
            justification="definition: L = −Σ_k t_k log y_k, y = softmax(o₁, o₂, o₃)",
        ),
        Step(
            probabilities3 - targets3,
            justification="as in 'softmax-cross-entropy-gradient' with t₁ + t₂ + t₃ = 1",
        ),
    ),
    claim="∇_o L = softmax(o) − t for n = 3",
    domains=((t1, simplex("t")), (t2, simplex("t")), (t3, simplex("t"))),
    topic="softmax",
    tags=("softmax", "cross-entropy", "gradient"),
)

one_hot_first = sp.ImmutableMatrix([1, 0, 0])  # the label is class 1

SOFTMAX_CROSS_ENTROPY_ONE_HOT = Derivation(
    id="softmax-cross-entropy-one-hot",
    title="With a one-hot label the cross-entropy keeps one term: −log y_c",
    source=Source(note=NOTE_000, section="Last layer의 Backward pass"),
    steps=(
        Step(
            held(
                -1,
                plus(
                    *(
                        held(target, sp.log(p))
                        for target, p in zip(one_hot_first, probabilities3)
                    )
                ),
            ),
            justification="definition: L = −Σ_k t_k log y_k with t = (1, 0, 0)",
        ),
        Step(
            -sp.log(probabilities3[0]),
            justification="원핫 인코딩: every term but the label's is 0, and its t is 1",
        ),
        Step(
            -o1 + sp.log(sp.exp(o1) + sp.exp(o2) + sp.exp(o3)),
            justification="log(e^(o₁)/Σ_i e^(o_i)) = o₁ − log Σ_i e^(o_i) (이것일 확률/전체 확률)",
        ),
    ),
    claim="for a one-hot label c: L = −log softmax(o)_c = −o_c + log Σ_i e^(o_i)",
    topic="softmax",
    tags=("softmax", "cross-entropy"),
)

softmax_i = sp.exp(o[i]) / partition

SOFTMAX_JACOBIAN = Derivation(
    id="softmax-jacobian",
    title="The softmax Jacobian: ∂y_i/∂o_j = y_i(δ_ij − y_j)",
    source=Source(note=NOTE_002, section="4) Backpropagation"),
    steps=(
        Step(
            sp.Derivative(softmax_i, o[j]),
            justification="definition: y_i = e^(o_i)/Σ_k e^(o_k)",
        ),
        Step(
            (sp.KroneckerDelta(i, j) * sp.exp(o[i]) * partition - sp.exp(o[i]) * sp.exp(o[j]))
            / partition**2,
            justification="quotient rule: ∂e^(o_i)/∂o_j = δ_ij e^(o_i), "
            "∂Σ_k e^(o_k)/∂o_j = e^(o_j)",
        ),
        Step(
            softmax_i * (sp.KroneckerDelta(i, j) - sp.exp(o[j]) / partition),
            justification="factor out y_i",
        ),
    ),
    claim="∂softmax(o)_i/∂o_j = y_i(δ_ij − y_j)",
    domains=((n, SIZE), (i, index(1, n)), (j, index(1, n)), REAL_LOGITS),
    topic="softmax",
    tags=("softmax", "jacobian"),
)

SOFTMAX_JACOBIAN_3 = Derivation(
    id="softmax-jacobian-3",
    title="The softmax Jacobian for three classes: diag(y) − y·yᵀ",
    source=Source(note=NOTE_002, section="4) Backpropagation"),
    steps=(
        Step(
            sp.ImmutableMatrix(
                3, 3, lambda row, col: sp.Derivative(probabilities3[row], logits3[col])
            ),
            justification="definition: entries ∂y_i/∂o_j of y = softmax(o₁, o₂, o₃)",
        ),
        Step(
            sp.ImmutableMatrix.diag(*probabilities3) - probabilities3 * probabilities3.T,
            justification="y_i(δ_ij − y_j) entrywise ('softmax-jacobian')",
        ),
    ),
    claim="∂softmax(o)/∂o = diag(y) − y·yᵀ for n = 3",
    topic="softmax",
    tags=("softmax", "jacobian"),
)

SOFTMAX_SHIFT_INVARIANCE = Derivation(
    id="softmax-shift-invariance",
    title="Softmax ignores a common shift of the logits (the basis of the stable kernel)",
    source=Source(note=NOTE_004, section="Softmax"),
    steps=(
        Step(
            sp.exp(o[i] + c) / sp.Sum(sp.exp(o[k] + c), (k, 1, n)),
            justification="definition: softmax(o + c)_i",
        ),
        Step(
            over(held(sp.exp(c), sp.exp(o[i])), held(sp.exp(c), partition)),
            justification="e^(o + c) = e^c e^o; e^c leaves the sum",
        ),
        Step(softmax_i, justification="cancel e^c > 0"),
    ),
    claim="softmax(o + c) = softmax(o); with c = −max_k o_k no exponential overflows",
    domains=((n, SIZE), (i, index(1, n)), REAL_LOGITS),
    topic="softmax",
    tags=("softmax", "stability"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    SOFTMAX_SUMS_TO_ONE,
    SOFTMAX_CROSS_ENTROPY_GRADIENT,
    SOFTMAX_CROSS_ENTROPY_GRADIENT_3,
    SOFTMAX_CROSS_ENTROPY_ONE_HOT,
    SOFTMAX_JACOBIAN,
    SOFTMAX_JACOBIAN_3,
    SOFTMAX_SHIFT_INVARIANCE,
)
