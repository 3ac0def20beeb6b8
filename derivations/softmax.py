"""Softmax: it sums to one, its Jacobian, its shift invariance, and the gradient y − t of
softmax followed by cross-entropy — for a general number of classes n.

Sums run over plain integer symbols with a size symbol n (the checker instantiates n at a few
small sizes when SymPy cannot finish the symbolic sum); the logits o_1..o_n are real, the
target t_1..t_n is a probability vector (a one-hot label is its corner case).
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import softmax
from symderive.catalog._unevaluated import held, over, plus
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
            quote='이 함수는 입력 각각에 지수를 취한 뒤 전체 합 중 지수를 취한 값이 얼마나 되는지를 계산합니다.',
        ),
        Step(
            sp.Sum(sp.exp(o[i]), (i, 1, n)) / partition,
            justification="the denominator does not depend on i",
        ),
        Step(
            sp.Integer(1),
            justification="numerator and denominator are the same sum",
            quote='즉, 입력 벡터를 확률분포로 만들어 줍니다.',
        ),
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
            quote='softmax 와 cross entropy의 업데이트 되는 값을 보면 $y-t$이다.',
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
    source=Source(
        note=NOTE_000,
        section="Last layer의 Backward pass",
        kind='figure',
        reference='image-20220522184941316.png: the gradient of the softmax cross-entropy',
    ),
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
            quote='따라서 하나의 값만 나오고 앞에 실제 값도 1값이기 때문에 이런 식이 나오게 됨',
        ),
        Step(
            -o1 + sp.log(sp.exp(o1) + sp.exp(o2) + sp.exp(o3)),
            justification="log(e^(o₁)/Σ_i e^(o_i)) = o₁ − log Σ_i e^(o_i) (이것일 확률/전체 확률)",
            quote='이것일 확률/ 전체 확률',
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
    source=Source(
        note=NOTE_002,
        section="4) Backpropagation",
        kind='supplement',
        reference="∂y_i/∂o_j = y_i(δ_ij − y_j), in 002's figure Backpropagation_3_softmax.PNG"
                  ' (§ 4. Backpropagation 증명) and the ratsgo post it cites',
    ),
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
    source=Source(
        note=NOTE_002,
        section="4) Backpropagation",
        kind='supplement',
        reference="∂y_i/∂o_j = y_i(δ_ij − y_j), in 002's figure Backpropagation_3_softmax.PNG"
                  ' (§ 4. Backpropagation 증명)',
    ),
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
    source=Source(
        note=NOTE_004,
        section="Softmax",
        kind='supplement',
        reference='the max-subtraction trick for a stable softmax (Goodfellow, Bengio & Courv'
                  "ille, Deep Learning (2016) §4.1); the note recommends the libraries' built"
                  '-in functions',
    ),
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

SOFTMAX_OUTPUTS_ARE_NOT_ZERO_WORDING = Derivation(
    id="softmax-outputs-are-never-zero-wording",
    title="Wording: the zeros are the one-hot label's, not softmax's — every softmax output is > 0",
    source=Source(note=NOTE_000, section="Last layer의 Backward pass"),
    steps=(
        Step(
            probabilities3[1],
            justification="definition: the second softmax output y₂ = e^(o₂)/Σ_k e^(o_k); the "
            "note says softmax's outputs are 0 but one (하나의 값 빼고는 나머지는 다 0값), "
            "which is true of the one-hot label t, whose zeros remove all but one term of "
            "−Σ t_k log y_k",
            quote="하나의 값 뺴고는 나머지는 다 0값으로 나오게 된다.",
        ),
        Step(
            sp.S.Zero,
            relation=">",
            justification="e^(o₂) > 0 and the denominator is a sum of positive terms",
        ),
    ),
    claim="softmax(o)_k > 0 for every k; the one term kept in the cross-entropy comes from the "
    "label t being one-hot",
    erratum_of="softmax-cross-entropy-one-hot",
    erratum_kind="wording",
    topic="softmax",
    tags=("softmax", "erratum"),
)

SOFTMAX_OUTPUTS_ARE_POSITIVE = Derivation(
    id="softmax-outputs-are-positive",
    title="Softmax outputs are positive, so the predicted q is never 0 and log q is defined",
    source=Source(note=NOTE_004, section="Kullback-Leiber divergence"),
    steps=(
        Step(
            sp.exp(o[i]) / partition,
            justification="definition: q_i = softmax(o)_i = e^(o_i)/Σ_k e^(o_k)",
            quote="예측이 지수 정규화(softmax) 활성함수(activation function)의 결과물이라면 "
            "q가 0이 될 일은 없습니다.",
        ),
        Step(
            sp.S.Zero,
            relation=">",
            justification="e^(o_i) > 0 for real o_i, and a sum of n ≥ 1 positive terms is "
            "positive: q_i ≠ 0, so log q_i in D_KL and the cross-entropy is defined",
        ),
    ),
    claim="softmax(o)_i > 0 for real logits: q = softmax(o) has no zero entry (in exact "
    "arithmetic; in floating point e^(o_i) can underflow, hence the note's advice to use the "
    "libraries' built-in functions)",
    domains=((n, SIZE), (i, index(1, n)), REAL_LOGITS),
    topic="softmax",
    tags=("softmax", "kl"),
)

# 000's figure: the loss of a minibatch is the sum of the per-example losses (두번째: 모든 loss값을
# 더한다); the logits of example 1 reach only its own loss, so the sum leaves ∂L/∂o = y − t intact.
o11, o12, o21, o22 = sp.symbols("o11 o12 o21 o22", real=True)
t11, t21 = sp.symbols("t11 t21", positive=True)


def _example_loss(first: sp.Symbol, second: sp.Symbol, label: sp.Symbol) -> sp.Expr:
    """−t log y₁ − (1 − t) log y₂ for one example with two classes, y = softmax(first, second)."""
    y_first, y_second = softmax(sp.ImmutableMatrix([first, second]))
    return -label * sp.log(y_first) - (1 - label) * sp.log(y_second)


loss_1 = _example_loss(o11, o12, t11)
loss_2 = _example_loss(o21, o22, t21)

SUM_OF_PER_EXAMPLE_LOSSES = Derivation(
    id="sum-of-per-example-losses",
    title="Summing the per-example losses: each example's logits get their own y − t",
    source=Source(note=NOTE_000, section="Last layer의 Backward pass"),
    steps=(
        Step(
            sp.Derivative(plus(loss_1, loss_2), o11),
            justification="definition: the minibatch loss L = L₁ + L₂ is the sum of the "
            "per-example cross-entropies (two examples, two classes), differentiated by the "
            "first logit of example 1",
            quote="모든 loss값을 더한다",
        ),
        Step(
            plus(sp.Derivative(loss_1, o11), sp.Integer(0)),
            justification="the derivative of a sum is the sum of the derivatives; L₂ does not "
            "depend on example 1's logits",
        ),
        Step(
            softmax(sp.ImmutableMatrix([o11, o12]))[0] - t11,
            justification="softmax-cross-entropy-gradient for example 1: y₁₁ − t₁₁",
        ),
    ),
    claim="∂(Σ_n L_n)/∂o_{1,1} = y_{1,1} − t_{1,1}: summing the losses keeps each example's "
    "gradient y − t",
    domains=((t11, Domain("probability")), (t21, Domain("probability"))),
    topic="softmax",
    tags=("softmax", "cross-entropy", "gradient", "batch"),
)


DERIVATIONS: tuple[Derivation, ...] = (
    SOFTMAX_SUMS_TO_ONE,
    SOFTMAX_CROSS_ENTROPY_GRADIENT,
    SOFTMAX_CROSS_ENTROPY_GRADIENT_3,
    SOFTMAX_CROSS_ENTROPY_ONE_HOT,
    SOFTMAX_JACOBIAN,
    SOFTMAX_JACOBIAN_3,
    SOFTMAX_SHIFT_INVARIANCE,
    SOFTMAX_OUTPUTS_ARE_NOT_ZERO_WORDING,
    SOFTMAX_OUTPUTS_ARE_POSITIVE,
    SUM_OF_PER_EXAMPLE_LOSSES,
)
