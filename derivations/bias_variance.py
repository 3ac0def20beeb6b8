"""The bias–variance decomposition of the expected squared error (note 004 § Initialization).

Setting: the target is y_t = f + ε with f deterministic, E[ε] = 0 and Var(ε) = σ² (the note's
"σ는 원래 데이터에 있던 분산"); the prediction ŷ is random (it depends on the training data)
and independent of the noise ε.  Then

    E[(y_t − ŷ)²] = σ² + Var(ŷ) + Bias(ŷ)²,   Bias(ŷ) = E[ŷ] − f.

The corrected chain follows the note's own route (expand, linearity, E[X²] = Var X + E[X]²)
and uses independence where the note treats y_t as a constant.  The erratum reproduces the
note's chain: its third line takes y_t out of an expectation as if it were deterministic, and
its fourth line writes E[(y_t − ŷ)²] — the left side itself — where the squared bias belongs.
"""

from __future__ import annotations

import sympy as sp

from symderive.expectation import E, Var
from symderive.model import Derivation, Domain, Source, Step

NOTE_004 = "004_75ba1db62c35dc7a.txt"
SECTION = "Initialization"

TOPIC = "bias_variance"

y_t = sp.Symbol("y_t", real=True)  # the observed target, random through the noise
y_hat = sp.Symbol("yhat", real=True)  # the model's prediction, random through training
f = sp.Symbol("f", real=True)  # the true function value (deterministic)
eps = sp.Symbol("epsilon", real=True)  # the noise: E[ε] = 0, Var(ε) = σ²
sigma = sp.Symbol("sigma", positive=True)

SETTING = dict(
    domains=(
        (y_t, Domain("random")),
        (y_hat, Domain("random")),
        (eps, Domain("random", centered=True)),
    ),
    givens=(sp.Eq(y_t, f + eps), sp.Eq(sigma**2, Var(eps))),
    independent=((y_hat, eps),),
)

bias_squared = (E(y_hat) - f) ** 2

EXPANDED_SQUARE = E(y_t**2 + y_hat**2 - 2 * y_t * y_hat)
LINEARITY = E(y_t**2) + E(y_hat**2) - 2 * E(y_t * y_hat)

BIAS_VARIANCE_DECOMPOSITION = Derivation(
    id="bias-variance-decomposition",
    title="Bias–variance decomposition: E[(y_t − ŷ)²] = σ² + Var(ŷ) + Bias(ŷ)²",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            E((y_t - y_hat) ** 2),
            justification="definition: the expected squared error",
            quote=r"E[(y_t - \hat y)^2]",
        ),
        Step(EXPANDED_SQUARE, justification="expand the square"),
        Step(LINEARITY, justification="linearity of expectation"),
        Step(
            Var(y_t) + E(y_t) ** 2 + Var(y_hat) + E(y_hat) ** 2 - 2 * E(y_t) * E(y_hat),
            justification="E[X²] = Var(X) + E[X]²; E[y_t ŷ] = E[y_t] E[ŷ] because y_t = f + ε "
            "with f constant and ε independent of ŷ",
        ),
        Step(
            Var(y_t) + Var(y_hat) + (E(y_t) - E(y_hat)) ** 2,
            justification="complete the square: E[y_t]² + E[ŷ]² − 2E[y_t]E[ŷ] = (E[y_t] − E[ŷ])²",
        ),
        Step(
            sigma**2 + Var(y_hat) + (f - E(y_hat)) ** 2,
            justification="Var(y_t) = Var(f + ε) = Var(ε) = σ²; E[y_t] = f + E[ε] = f",
        ),
        Step(
            sigma**2 + Var(y_hat) + bias_squared,
            justification="(f − E[ŷ])² = (E[ŷ] − f)² = Bias(ŷ)²",
            quote=r"\sigma^2 + Var(\hat y) + Bias(\hat y)^2",
        ),
    ),
    claim="E[(y_t − ŷ)²] = σ² + Var(ŷ) + Bias(ŷ)² with Bias(ŷ) = E[ŷ] − f, for y_t = f + ε, "
    "E[ε] = 0, Var(ε) = σ², ŷ independent of ε",
    topic=TOPIC,
    tags=("expectation", "bias-variance"),
    **SETTING,
)

NOTE_LINE_3 = Var(y_t) + E(y_t) ** 2 + Var(y_hat) + E(y_hat) ** 2 - 2 * y_t * E(y_hat)
NOTE_LINE_4 = Var(y_t) + Var(y_hat) + E((y_t - y_hat) ** 2)

BIAS_VARIANCE_ERRATUM = Derivation(
    id="bias-variance-erratum",
    title="Erratum: the note's bias–variance chain treats y_t as a constant and loses the bias",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(E((y_t - y_hat) ** 2), justification="definition: the expected squared error"),
        Step(
            EXPANDED_SQUARE,
            justification="as written in the note: expand the square",
            quote=r"E[y_t^2 + \hat y ^2 - 2y_t \hat y]",
        ),
        Step(
            LINEARITY,
            justification="as written in the note: linearity of expectation",
            quote=r"E[y_t^2] + E[\hat y ^2] - 2E[y_t \hat y]",
        ),
        Step(
            NOTE_LINE_3,
            justification="as written in the note: = Var(y_t) + E[y_t]² + Var(ŷ) + E[ŷ]² − "
            "2y_t E[ŷ] — takes y_t out of E[y_t ŷ] as a constant, yet Var(y_t) = σ² ≠ 0 says "
            "y_t is random: the right side is a random variable, the left a number",
            expect="refuted",
            correction=Var(y_t) + E(y_t) ** 2 + Var(y_hat) + E(y_hat) ** 2 - 2 * E(y_t) * E(y_hat),
            quote=r"Var(y_t) + E[y_t]^2 + Var(\hat y) + E[\hat y]^2 - 2y_t E[\hat y]",
        ),
        Step(
            NOTE_LINE_4,
            justification="as written in the note: = Var(y_t) + Var(ŷ) + E[(y_t − ŷ)²] — the "
            "remaining terms E[y_t]² + E[ŷ]² − 2y_t E[ŷ] are not E[(y_t − ŷ)²] (that is the "
            "left side itself); they are (E[y_t] − E[ŷ])² + 2(E[y_t] − y_t)E[ŷ]",
            expect="refuted",
            correction=Var(y_t)
            + Var(y_hat)
            + (E(y_t) - E(y_hat)) ** 2
            + 2 * (E(y_t) - y_t) * E(y_hat),
            quote=r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]",
        ),
        Step(
            sigma**2 + Var(y_hat) + bias_squared,
            justification="as written in the note: = σ² + Var(ŷ) + Bias(ŷ)² — from the "
            "previous line this would need E[(y_t − ŷ)²] = Bias(ŷ)²; the previous line really "
            "equals 2σ² + 2Var(ŷ) + Bias(ŷ)²",
            expect="refuted",
            correction=2 * sigma**2 + 2 * Var(y_hat) + bias_squared,
            quote=r"\sigma^2 + Var(\hat y) + Bias(\hat y)^2",
        ),
    ),
    claim="The note's result E[(y_t − ŷ)²] = σ² + Var(ŷ) + Bias(ŷ)² is right, but its chain is "
    "not: −2y_tE[ŷ] must be −2E[y_t]E[ŷ], and the leftover E[y_t]² + E[ŷ]² − 2E[y_t]E[ŷ] is "
    "the squared bias (E[y_t] − E[ŷ])², not E[(y_t − ŷ)²] (bias-variance-decomposition)",
    erratum_of="bias-variance-decomposition",
    erratum_kind="error",
    topic=TOPIC,
    tags=("expectation", "bias-variance", "erratum"),
    **SETTING,
)

DERIVATIONS: tuple[Derivation, ...] = (BIAS_VARIANCE_DECOMPOSITION, BIAS_VARIANCE_ERRATUM)
