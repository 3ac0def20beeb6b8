"""Binary cross-entropy: the two-class case of cross-entropy, its gradients, and a lost sign.

Note 004 (§ Kullback-Leiber divergence) writes L = −y_t log ŷ − (1 − y_t) log(1 − ŷ) for a
label y_t ∈ {0, 1} and L = −Σ_i y_ti log ŷ_i for several classes.  The label is written ``t``
here (the notation of note 002) and may be any probability (a soft label): every identity below
holds for it.

Errata (note 002 § 3-4): the binary cross-entropy is written without its minus sign, and the
cross-entropy "t log y" is said to grow large as the predicted probability y goes to 0 — without
the sign it goes to −∞.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import sigmoid
from symderive.catalog._unevaluated import held, over, plus
from symderive.model import Derivation, Domain, Source, Step, index, simplex

NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_004 = "004_75ba1db62c35dc7a.txt"
SECTION_004 = "Kullback-Leiber divergence"

TOPIC = "binary_cross_entropy"

t = sp.Symbol("t", positive=True)  # the label y_t (probability of class 1; positive: t = 1 or soft)
y_hat = sp.Symbol("yhat", positive=True)  # the predicted probability of class 1
z = sp.Symbol("z", real=True)  # the logit: ŷ = σ(z)
t1, t2 = sp.symbols("t1 t2", real=True)  # the two-class label vector (y_t1, y_t2)
y1, y2 = sp.symbols("yhat1 yhat2", positive=True)  # the two-class prediction (ŷ_1, ŷ_2)

i = sp.Symbol("i", integer=True)
c = sp.Symbol("c", integer=True)  # the true class of a one-hot label
n = sp.Symbol("n", integer=True, positive=True)
y_hat_vector = sp.IndexedBase("yhat", positive=True)

LABEL_AND_PREDICTION = ((t, Domain("probability")), (y_hat, Domain("probability")))


def binary_cross_entropy(label: sp.Expr, prediction: sp.Expr) -> sp.Expr:
    """L = −t log ŷ − (1 − t) log(1 − ŷ) (004's binary form)."""
    return -label * sp.log(prediction) - (1 - label) * sp.log(1 - prediction)


BCE = binary_cross_entropy(t, y_hat)

TWO_CLASS_VECTORS = (
    sp.Eq(t1, t),
    sp.Eq(t2, 1 - t),
    sp.Eq(y1, y_hat),
    sp.Eq(y2, 1 - y_hat),
)

BINARY_CROSS_ENTROPY_AS_TWO_CLASS_CE = Derivation(
    id="binary-cross-entropy-as-two-class-ce",
    title="Binary cross-entropy is the cross-entropy of two classes",
    source=Source(note=NOTE_004, section=SECTION_004),
    steps=(
        Step(
            BCE,
            justification="definition: L = −y_t log ŷ − (1 − y_t) log(1 − ŷ) "
            "(y가 0 혹은 1만 되는 경우)",
            quote=r"L = - y_t log \hat y - (1-y_t) log (1-\hat y)",
        ),
        Step(
            held(-1, plus(t * sp.log(y_hat), (1 - t) * sp.log(1 - y_hat))),
            justification="factor out the minus sign",
        ),
        Step(
            -(t1 * sp.log(y1) + t2 * sp.log(y2)),
            justification="the label vector (y_t1, y_t2) = (y_t, 1 − y_t) and the prediction "
            "(ŷ_1, ŷ_2) = (ŷ, 1 − ŷ): this is L = −Σ_{i=1}^{2} y_ti log ŷ_i, the multi-class "
            "cross-entropy with two classes",
            quote=r"L = - \sum_i y_{ti} log \hat y_i",
        ),
    ),
    claim="−y_t log ŷ − (1 − y_t) log(1 − ŷ) = −Σ_{i=1}^{2} y_ti log ŷ_i with "
    "y_t = (y_t, 1 − y_t), ŷ = (ŷ, 1 − ŷ)",
    domains=LABEL_AND_PREDICTION,
    givens=TWO_CLASS_VECTORS,
    topic=TOPIC,
    tags=("cross-entropy", "binary"),
)

CROSS_ENTROPY_WITH_ONE_HOT_LABEL = Derivation(
    id="cross-entropy-with-one-hot-label",
    title="With a one-hot label, cross-entropy is −log of the true class's probability",
    source=Source(note=NOTE_004, section=SECTION_004),
    steps=(
        Step(
            -sp.Sum(sp.KroneckerDelta(i, c) * sp.log(y_hat_vector[i]), (i, 1, n)),
            justification="definition: L = −Σ_i y_ti log ŷ_i with the one-hot label "
            "y_ti = δ_ic (y가 여러 class를 갖는 경우)",
            quote=r"L = - \sum_i y_{ti} log \hat y_i",
        ),
        Step(
            -sp.log(y_hat_vector[c]),
            justification="every term but i = c vanishes",
        ),
    ),
    claim="−Σ_{i=1}^n δ_ic log ŷ_i = −log ŷ_c",
    domains=((n, Domain("size")), (c, index(1, n)), (y_hat_vector, simplex("yhat"))),
    topic=TOPIC,
    tags=("cross-entropy", "one-hot"),
)

BINARY_CROSS_ENTROPY_GRADIENT = Derivation(
    id="binary-cross-entropy-gradient",
    title="Gradient of binary cross-entropy in the prediction: (ŷ − t)/(ŷ(1 − ŷ))",
    source=Source(note=NOTE_004, section=SECTION_004),
    steps=(
        Step(
            sp.Derivative(BCE, y_hat),
            justification="definition: ∂L/∂ŷ",
            quote=r"L = - y_t log \hat y - (1-y_t) log (1-\hat y)",
        ),
        Step(
            -t / y_hat + (1 - t) / (1 - y_hat),
            justification="d log ŷ/dŷ = 1/ŷ, d log(1 − ŷ)/dŷ = −1/(1 − ŷ)",
        ),
        Step(
            (y_hat - t) / (y_hat * (1 - y_hat)),
            justification="common denominator: −t(1 − ŷ) + (1 − t)ŷ = ŷ − t",
        ),
    ),
    claim="∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = (ŷ − t)/(ŷ(1 − ŷ))",
    domains=LABEL_AND_PREDICTION,
    topic=TOPIC,
    tags=("cross-entropy", "binary", "gradient"),
)

SIGMOID_BINARY_CROSS_ENTROPY_GRADIENT = Derivation(
    id="sigmoid-binary-cross-entropy-gradient",
    title="Through a sigmoid output, the gradient of binary cross-entropy is σ(z) − t",
    source=Source(note=NOTE_004, section=SECTION_004),
    steps=(
        Step(
            sp.Derivative(binary_cross_entropy(t, sigmoid(z)), z),
            justification="definition: ∂L/∂z with ŷ = σ(z)",
            quote=r"L = - y_t log \hat y - (1-y_t) log (1-\hat y)",
        ),
        Step(
            sp.Subs(sp.Derivative(BCE, y_hat), y_hat, sigmoid(z)) * sp.Derivative(sigmoid(z), z),
            justification="chain rule: ∂L/∂z = ∂L/∂ŷ · dŷ/dz",
        ),
        Step(
            held(
                over(sigmoid(z) - t, held(sigmoid(z), 1 - sigmoid(z))),
                held(sigmoid(z), 1 - sigmoid(z)),
            ),
            justification="binary-cross-entropy-gradient at ŷ = σ(z), and σ' = σ(1 − σ)",
        ),
        Step(sigmoid(z) - t, justification="σ(1 − σ) cancels"),
    ),
    claim="∂/∂z [−t log σ(z) − (1 − t) log(1 − σ(z))] = σ(z) − t",
    domains=((t, Domain("probability")),),
    topic=TOPIC,
    tags=("cross-entropy", "binary", "gradient", "sigmoid"),
)

BINARY_CROSS_ENTROPY_SIGN_ERRATUM = Derivation(
    id="binary-cross-entropy-sign-erratum",
    title="Erratum: binary cross-entropy lost its minus sign",
    source=Source(note=NOTE_002, section="3) cross entropy & binary cross entropy"),
    steps=(
        Step(
            -(t1 * sp.log(y1) + t2 * sp.log(y2)),
            justification="definition: the note's H(x) = −Σ q(x_i) log p(x_i) with two classes, "
            "label q = (t, 1 − t), prediction p = (y, 1 − y)",
            quote=r"H(x)=−\sum_{i=1}^{n}  q(x_i) log{p(x_i)}",
        ),
        Step(
            t * sp.log(y_hat) + (1 - t) * sp.log(1 - y_hat),
            justification="as written in the note: H(x) = t log y + (1 − t) log(1 − y) "
            "(binary cross entropy는 binary 일 때만 가능하다)",
            expect="refuted",
            correction=-t * sp.log(y_hat) - (1 - t) * sp.log(1 - y_hat),
            quote=r"H(x)=t\log{y} + (1-t)\log{(1-y)}",
        ),
    ),
    claim="The binary cross-entropy is −t log y − (1 − t) log(1 − y); the note's "
    "t log y + (1 − t) log(1 − y) is its negative (≤ 0, maximised instead of minimised)",
    domains=LABEL_AND_PREDICTION,
    givens=TWO_CLASS_VECTORS,
    erratum_of="binary-cross-entropy-as-two-class-ce",
    erratum_kind="error",
    topic=TOPIC,
    tags=("cross-entropy", "binary", "erratum"),
)

CROSS_ENTROPY_GROWS_AS_PREDICTION_SHRINKS = Derivation(
    id="cross-entropy-grows-as-prediction-shrinks",
    title="The cross-entropy −t log y grows as the true class's probability y shrinks",
    source=Source(note=NOTE_002, section="2) cross entropy"),
    steps=(
        Step(
            sp.Derivative(-t * sp.log(y_hat), y_hat),
            justification="definition: the slope of the loss −t log y in the predicted "
            "probability y of the true class (t > 0)",
            quote=r"H(x)=−\sum_{i=1}^{n}  q(x_i) log{p(x_i)}",
        ),
        Step(-t / y_hat, justification="d log y/dy = 1/y"),
        Step(sp.S.Zero, relation="<", justification="t > 0 and y > 0"),
    ),
    claim="d(−t log y)/dy = −t/y < 0: the loss grows (to +∞ as y → 0) as y shrinks",
    domains=LABEL_AND_PREDICTION,
    topic=TOPIC,
    tags=("cross-entropy", "log"),
)

CROSS_ENTROPY_T_LOG_Y_ERRATUM = Derivation(
    id="cross-entropy-t-log-y-erratum",
    title="Notation: the loss the prose calls t log y is the term −t log y",
    source=Source(note=NOTE_002, section="2) cross entropy"),
    steps=(
        Step(
            sp.sign(sp.Derivative(held(-1, t * sp.log(y_hat)), y_hat)),
            justification="definition: the direction in which the loss term −t log y of the "
            "note's H = −Σ q log p moves as the predicted probability y grows; the prose's "
            "“t log y, 즉 loss” names that term without its minus sign",
            quote=r"만약 실제로 정답이었던 값의 확률이 0에 근접하게 나온다면, $t\log{y}$, "
            "즉 loss 값은 매우 커질 것이다",
        ),
        Step(
            sp.S.NegativeOne,
            justification="d(−t log y)/dy = −t/y < 0: the loss falls as y grows, so it grows "
            "without bound as y → 0, as the note says",
        ),
    ),
    claim="d(−t log y)/dy = −t/y < 0: the loss −t log y grows as y → 0 (the prose's “t log y” "
    "is that term, read with the formula's minus sign)",
    domains=LABEL_AND_PREDICTION,
    erratum_of="cross-entropy-grows-as-prediction-shrinks",
    erratum_kind="notation",
    topic=TOPIC,
    tags=("cross-entropy", "log", "erratum"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    BINARY_CROSS_ENTROPY_AS_TWO_CLASS_CE,
    CROSS_ENTROPY_WITH_ONE_HOT_LABEL,
    BINARY_CROSS_ENTROPY_GRADIENT,
    SIGMOID_BINARY_CROSS_ENTROPY_GRADIENT,
    BINARY_CROSS_ENTROPY_SIGN_ERRATUM,
    CROSS_ENTROPY_GROWS_AS_PREDICTION_SHRINKS,
    CROSS_ENTROPY_T_LOG_Y_ERRATUM,
)
