"""Output distributions and their cost functions: the table of note 001 § 1. Backpropagation.

| Output type | Output distribution | Output layer | Cost function                  |
| Binary      | Bernoulli           | Sigmoid      | Binary cross-entropy           |
| Discrete    | Multinoulli         | Softmax      | Discrete cross-entropy         |
| Continuous  | Gaussian            | Linear       | Gaussian cross-entropy (MSE)   |

Each row says: the cost is the negative log-likelihood of the target under the output
distribution, parametrised by the output layer.  Each entry below derives one row.
"""

from __future__ import annotations

import sympy as sp

from symderive.functions import sigmoid
from symderive.catalog._unevaluated import held, plus
from symderive.model import Derivation, Domain, Source, Step, index, simplex

NOTE_001 = "001_6d1c2946096a9f6c.txt"
SECTION = "1. Backpropagation"

TOPIC = "output_distributions"

y = sp.Symbol("y", real=True)  # a continuous target
y_hat = sp.Symbol("yhat", real=True)  # the linear output layer's prediction (the mean)
sigma = sp.Symbol("sigma", positive=True)  # the Gaussian's standard deviation
t = sp.Symbol("t", positive=True)  # a binary label (probability of class 1; soft labels too)
p_hat = sp.Symbol("phat", positive=True)  # the predicted Bernoulli probability
z = sp.Symbol("z", real=True)  # the logit fed to the sigmoid

i = sp.Symbol("i", integer=True)
k = sp.Symbol("k", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
t_vector = sp.IndexedBase("t", positive=True)  # a (one-hot or soft) label vector
p_vector = sp.IndexedBase("phat", positive=True)  # the predicted class probabilities
o = sp.IndexedBase("o", real=True)  # the logits fed to the softmax

gaussian_density = sp.exp(-((y - y_hat) ** 2) / (2 * sigma**2)) / sp.sqrt(2 * sp.pi * sigma**2)
gaussian_nll = -sp.log(gaussian_density, evaluate=False)

GAUSSIAN_NLL_IS_MSE = Derivation(
    id="gaussian-nll-is-mse",
    title="Gaussian negative log-likelihood is the squared error plus a constant",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference="the negative log-likelihood of the table's Gaussian row (Goodfellow, Bengi"
                  'o & Courville, Deep Learning (2016) §6.2.2.1)',
    ),
    steps=(
        Step(
            gaussian_nll,
            justification="definition: −log N(y; ŷ, σ²), the Gaussian output distribution with "
            "mean given by the linear output layer",
        ),
        Step(
            (y - y_hat) ** 2 / (2 * sigma**2) + sp.log(sp.sqrt(2 * sp.pi * sigma**2)),
            justification="−log(e^a / b) = −a + log b",
        ),
        Step(
            (y - y_hat) ** 2 / (2 * sigma**2) + sp.log(2 * sp.pi * sigma**2) / 2,
            justification="log √u = ½ log u",
        ),
        Step(
            plus(
                held(1 / sigma**2, held(sp.Rational(1, 2), (y - y_hat) ** 2)),
                sp.log(2 * sp.pi * sigma**2) / 2,
            ),
            justification="the squared error ½(y − ŷ)² scaled by 1/σ², plus a term free of ŷ "
            "(Gaussian cross-entropy (MSE))",
            quote=r"\text{Gaussian cross-entropy (MSE)}",
        ),
    ),
    claim="−log N(y; ŷ, σ²) = (y − ŷ)²/(2σ²) + ½ log(2πσ²): the MSE up to the factor 1/σ² and "
    "a constant",
    topic=TOPIC,
    tags=("output-distribution", "gaussian", "mse"),
)

GAUSSIAN_NLL_GRADIENT_IS_MSE_GRADIENT = Derivation(
    id="gaussian-nll-gradient-is-mse-gradient",
    title="Minimising the Gaussian NLL over ŷ is minimising the squared error",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference='the gradient of the Gaussian negative log-likelihood (Goodfellow, Bengio &'
                  ' Courville, Deep Learning (2016) §6.2.2.1)',
    ),
    steps=(
        Step(sp.Derivative(gaussian_nll, y_hat), justification="definition: ∂(−log N)/∂ŷ"),
        Step((y_hat - y) / sigma**2, justification="gaussian-nll-is-mse, differentiated in ŷ"),
        Step(
            (1 / sigma**2) * sp.Derivative((y - y_hat) ** 2 / 2, y_hat),
            justification="∂/∂ŷ ½(y − ŷ)² = ŷ − y: the same gradient up to the factor 1/σ²",
        ),
    ),
    claim="∂(−log N(y; ŷ, σ²))/∂ŷ = (ŷ − y)/σ² = (1/σ²) ∂(½(y − ŷ)²)/∂ŷ",
    topic=TOPIC,
    tags=("output-distribution", "gaussian", "mse", "gradient"),
)

j = sp.Symbol("j", integer=True)
predictions = sp.IndexedBase("yhat", real=True)  # a batch of n predictions
targets = sp.IndexedBase("y", real=True)  # and their targets
mean_squared_error = sp.Sum((predictions[i] - targets[i]) ** 2, (i, 1, n)) / n

MSE_GRADIENT = Derivation(
    id="mse-gradient",
    title="Gradient of the mean squared error over a batch: ∂L/∂ŷ_j = 2(ŷ_j − y_j)/n",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference="the gradient of the mean squared error of the table's Gaussian row (Goodfe"
                  'llow, Bengio & Courville, Deep Learning (2016) §6.2.2.1)',
    ),
    steps=(
        Step(
            sp.Derivative(mean_squared_error, predictions[j]),
            justification="definition: L = (1/n) Σ_i (ŷ_i − y_i)², the Gaussian row's cost",
        ),
        Step(
            sp.Sum(2 * (predictions[i] - targets[i]) * sp.KroneckerDelta(i, j), (i, 1, n)) / n,
            justification="differentiate term by term: ∂ŷ_i/∂ŷ_j = δ_ij",
        ),
        Step(
            2 * (predictions[j] - targets[j]) / n,
            justification="only the term i = j survives the sum",
        ),
    ),
    claim="for L = (1/n) Σ (ŷ_i − y_i)², ∂L/∂ŷ_j = 2(ŷ_j − y_j)/n (the engine's MSE backward)",
    domains=((n, Domain("size")), (j, index(1, n))),
    topic=TOPIC,
    tags=("output-distribution", "gaussian", "mse", "gradient"),
)

bernoulli_pmf = p_hat**t * (1 - p_hat) ** (1 - t)

BERNOULLI_NLL_IS_BINARY_CROSS_ENTROPY = Derivation(
    id="bernoulli-nll-is-binary-cross-entropy",
    title="Bernoulli negative log-likelihood is binary cross-entropy",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference="the negative log-likelihood of the table's Bernoulli row (Goodfellow, Beng"
                  'io & Courville, Deep Learning (2016) §6.2.2.2)',
    ),
    steps=(
        Step(
            -sp.log(bernoulli_pmf),
            justification="definition: −log P(t; p̂) for the Bernoulli distribution "
            "P(t; p̂) = p̂^t (1 − p̂)^(1−t)",
        ),
        Step(
            held(-1, plus(t * sp.log(p_hat), (1 - t) * sp.log(1 - p_hat))),
            justification="log of a product is the sum of logs; log a^b = b log a for a > 0",
        ),
        Step(
            -t * sp.log(p_hat) - (1 - t) * sp.log(1 - p_hat),
            justification="the binary cross-entropy (binary-cross-entropy-as-two-class-ce)",
            quote=r"\text{Binary} & \text{Bernoulli} & \text{Sigmoid} & \text{Binary cross"
                  r"-entropy}",
        ),
    ),
    claim="−log(p̂^t (1 − p̂)^(1−t)) = −t log p̂ − (1 − t) log(1 − p̂)",
    domains=((t, Domain("probability")), (p_hat, Domain("probability"))),
    topic=TOPIC,
    tags=("output-distribution", "bernoulli", "cross-entropy"),
)

SIGMOID_BERNOULLI_NLL_IS_SOFTPLUS = Derivation(
    id="sigmoid-bernoulli-nll-is-softplus",
    title="With a sigmoid output layer, the Bernoulli NLL is a sum of softplus terms",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference='binary cross-entropy through a sigmoid is softplus (Goodfellow, Bengio & C'
                  'ourville, Deep Learning (2016) §6.2.2.2)',
    ),
    steps=(
        Step(
            -t * sp.log(sigmoid(z)) - (1 - t) * sp.log(1 - sigmoid(z)),
            justification="definition: binary cross-entropy with the sigmoid output p̂ = σ(z)",
        ),
        Step(
            t * sp.log(1 + sp.exp(-z)) + (1 - t) * sp.log(1 + sp.exp(z)),
            justification="−log σ(z) = log(1 + e^(−z)) and 1 − σ(z) = σ(−z)",
        ),
    ),
    claim="−t log σ(z) − (1 − t) log(1 − σ(z)) = t·log(1 + e^(−z)) + (1 − t)·log(1 + e^z)",
    domains=((t, Domain("probability")),),
    topic=TOPIC,
    tags=("output-distribution", "bernoulli", "sigmoid"),
)

MULTINOULLI_NLL_IS_CROSS_ENTROPY = Derivation(
    id="multinoulli-nll-is-cross-entropy",
    title="Multinoulli negative log-likelihood is the discrete cross-entropy",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference="the negative log-likelihood of the table's Multinoulli row (Goodfellow, Be"
                  'ngio & Courville, Deep Learning (2016) §6.2.2.3)',
    ),
    steps=(
        Step(
            -sp.log(sp.Product(p_vector[i] ** t_vector[i], (i, 1, n))),
            justification="definition: −log P(t; p̂) for the Multinoulli (categorical) "
            "distribution P(t; p̂) = Π_i p̂_i^(t_i) of a one-hot label t",
        ),
        Step(
            -sp.Sum(sp.log(p_vector[i] ** t_vector[i]), (i, 1, n)),
            justification="log of a product is the sum of logs",
        ),
        Step(
            -sp.Sum(t_vector[i] * sp.log(p_vector[i]), (i, 1, n)),
            justification="log a^b = b log a for a > 0: the discrete cross-entropy",
            quote=r"\text{Discrete} & \text{Multinoulli} & \text{Softmax} & \text{Discrete"
                  r" cross-entropy}",
        ),
    ),
    claim="−log Π_i p̂_i^(t_i) = −Σ_i t_i log p̂_i",
    domains=((n, Domain("size")), (t_vector, simplex("t")), (p_vector, simplex("phat"))),
    topic=TOPIC,
    tags=("output-distribution", "multinoulli", "cross-entropy"),
)

softmax_i = sp.exp(o[i]) / sp.Sum(sp.exp(o[k]), (k, 1, n))

SOFTMAX_MULTINOULLI_NLL_IS_LOG_SUM_EXP = Derivation(
    id="softmax-multinoulli-nll-is-log-sum-exp",
    title="With a softmax output, cross-entropy is log-sum-exp minus the label-weighted logit",
    source=Source(
        note=NOTE_001,
        section=SECTION,
        kind='supplement',
        reference='softmax cross-entropy as log-sum-exp (Goodfellow, Bengio & Courville, Deep'
                  ' Learning (2016) §6.2.2.3)',
    ),
    steps=(
        Step(
            -sp.Sum(t_vector[i] * sp.log(softmax_i), (i, 1, n)),
            justification="definition: discrete cross-entropy with the softmax output "
            "p̂_i = e^(o_i) / Σ_k e^(o_k)",
        ),
        Step(
            -sp.Sum(t_vector[i] * (o[i] - sp.log(sp.Sum(sp.exp(o[k]), (k, 1, n)))), (i, 1, n)),
            justification="log(e^o / S) = o − log S",
        ),
        Step(
            -sp.Sum(t_vector[i] * o[i], (i, 1, n))
            + sp.Sum(t_vector[i], (i, 1, n)) * sp.log(sp.Sum(sp.exp(o[k]), (k, 1, n))),
            justification="split the sum; log S does not depend on i",
        ),
        Step(
            -sp.Sum(t_vector[i] * o[i], (i, 1, n)) + sp.log(sp.Sum(sp.exp(o[k]), (k, 1, n))),
            justification="the label sums to 1",
        ),
    ),
    claim="−Σ_i t_i log softmax(o)_i = −Σ_i t_i o_i + log Σ_k e^(o_k)",
    domains=((n, Domain("size")), (t_vector, simplex("t")), (o, Domain("real"))),
    topic=TOPIC,
    tags=("output-distribution", "multinoulli", "softmax"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    GAUSSIAN_NLL_IS_MSE,
    GAUSSIAN_NLL_GRADIENT_IS_MSE_GRADIENT,
    MSE_GRADIENT,
    BERNOULLI_NLL_IS_BINARY_CROSS_ENTROPY,
    SIGMOID_BERNOULLI_NLL_IS_SOFTPLUS,
    MULTINOULLI_NLL_IS_CROSS_ENTROPY,
    SOFTMAX_MULTINOULLI_NLL_IS_LOG_SUM_EXP,
)
