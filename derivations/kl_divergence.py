"""Kullback–Leibler divergence: its link to cross-entropy, its sign, shape and (non-)metric laws.

Note 004 (§ Kullback-Leiber divergence) writes D_KL(P‖Q) = Σ_i p_i log(p_i/q_i) for discrete
distributions, with p the label distribution (fixed) and q the prediction.  Sums run over
``i = 1..n`` with a size symbol ``n``; distributions are simplex-valued ``IndexedBase`` s.

Erratum: the note says KL fails only the symmetry law of a metric; it fails the triangle
inequality too.  The exact three-point identity shows by how much.
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog._unevaluated import held, over, plus
from symderive.model import Derivation, Domain, Source, Step, index, simplex

NOTE_004 = "004_75ba1db62c35dc7a.txt"
SECTION = "Kullback-Leiber divergence"

TOPIC = "kl_divergence"

i = sp.Symbol("i", integer=True)
j = sp.Symbol("j", integer=True)
k = sp.Symbol("k", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
p = sp.IndexedBase("p", positive=True)  # the label distribution P (fixed)
q = sp.IndexedBase("q", positive=True)  # the predicted distribution Q
r = sp.IndexedBase("r", positive=True)  # a third distribution R (triangle inequality)

DISTRIBUTIONS = ((n, Domain("size")), (p, simplex("p")), (q, simplex("q")))


def kl(first: sp.IndexedBase, second: sp.IndexedBase) -> sp.Expr:
    """D_KL(first‖second) = Σ_{i=1}^n first_i log(first_i / second_i)."""
    return sp.Sum(first[i] * sp.log(first[i] / second[i]), (i, 1, n))


def _kl_spelled_out(first: tuple, second: tuple) -> sp.Expr:
    """Σ a log(a/b) over explicit probability vectors, every term kept as written."""
    with sp.evaluate(False):
        return sp.Add(*(a * sp.log(a / b) for a, b in zip(first, second)))


KL_EQUALS_CROSS_ENTROPY_MINUS_ENTROPY = Derivation(
    id="kl-equals-cross-entropy-minus-entropy",
    title="KL divergence is cross-entropy minus entropy",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            kl(p, q),
            justification="definition: D_KL(P‖Q) = Σ_i p_i log(p_i/q_i)",
            quote=r"D_{KL}(P, Q) = D_{KL}(P || Q) = \sum_{i} p_i log \frac{p_i}{q_i}",
        ),
        Step(
            sp.Sum(p[i] * sp.log(p[i]) - p[i] * sp.log(q[i]), (i, 1, n)),
            justification="log(p/q) = log p − log q for p, q > 0",
        ),
        Step(
            sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)) - sp.Sum(p[i] * sp.log(q[i]), (i, 1, n)),
            justification="split the sum (the note's Σ p log p − Σ p log q)",
            quote=r"\sum_i p_i log p_i - \sum_i p_i log q_i",
        ),
        Step(
            plus(
                held(-1, sp.Sum(p[i] * sp.log(q[i]), (i, 1, n))),
                held(-1, held(-1, sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)))),
            ),
            justification="regroup: cross-entropy CE(p, q) = −Σ p log q minus entropy "
            "H(p) = −Σ p log p",
        ),
    ),
    claim="D_KL(P‖Q) = Σ p_i log(p_i/q_i) = Σ p_i log p_i − Σ p_i log q_i = CE(p, q) − H(p)",
    domains=DISTRIBUTIONS,
    topic=TOPIC,
    tags=("kl", "cross-entropy"),
)

MINIMISING_KL_IS_MINIMISING_CROSS_ENTROPY = Derivation(
    id="minimising-kl-is-minimising-cross-entropy",
    title="With p fixed, KL and cross-entropy have the same gradient in q",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            sp.Derivative(kl(p, q), q[j]),
            justification="definition: the gradient of D_KL(P‖Q) in the prediction q_j "
            "(minimize (D_KL))",
            quote='minimize (D_{KL})',
        ),
        Step(
            sp.Derivative(
                sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)) - sp.Sum(p[i] * sp.log(q[i]), (i, 1, n)),
                q[j],
            ),
            justification="kl-equals-cross-entropy-minus-entropy "
            "(= minimize(Σ p log p − Σ p log q))",
            quote=r"minimize ( \sum_i p_i log p_i - \sum_i p_i log q_i)",
        ),
        Step(
            -sp.Derivative(sp.Sum(p[i] * sp.log(q[i]), (i, 1, n)), q[j]),
            justification="p is fixed (p는 고정값): Σ p log p does not depend on q, so "
            "minimising D_KL is maximising Σ p log q",
            quote='p는 고정값이라는 것을 생각하면',
        ),
        Step(
            sp.Derivative(-sp.Sum(p[i] * sp.log(q[i]), (i, 1, n)), q[j]),
            justification="maximize(Σ p log q) = minimize(−Σ p log q): the cross-entropy",
            quote=r"maximize (\sum_i p_i log q_i) \\ = minimize (- \sum_i p_i log q_i)",
        ),
        Step(-p[j] / q[j], justification="only the i = j term depends on q_j"),
    ),
    claim="∂D_KL(P‖Q)/∂q_j = ∂(−Σ p_i log q_i)/∂q_j = −p_j/q_j: with p fixed, minimising KL "
    "and minimising cross-entropy are the same problem",
    domains=DISTRIBUTIONS + ((j, index(1, n)),),
    topic=TOPIC,
    tags=("kl", "cross-entropy", "gradient"),
)

KL_NONNEGATIVE = Derivation(
    id="kl-nonnegative",
    title="Gibbs' inequality: KL divergence is never negative",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            kl(p, q),
            justification="definition: D_KL(P‖Q) = Σ p_i log(p_i/q_i)",
            quote='d(x,y) >=0',
        ),
        Step(
            sp.Sum(-p[i] * sp.log(q[i] / p[i]), (i, 1, n)),
            justification="log(p/q) = −log(q/p)",
        ),
        Step(
            sp.Sum(-p[i] * (q[i] / p[i] - 1), (i, 1, n)),
            relation=">=",
            justification="log x ≤ x − 1 for x > 0 (with x = q_i/p_i), times −p_i < 0",
        ),
        Step(sp.Sum(p[i] - q[i], (i, 1, n)), justification="−p(q/p − 1) = p − q"),
        Step(
            sp.Sum(p[i], (i, 1, n)) - sp.Sum(q[i], (i, 1, n)),
            justification="split the sum",
        ),
        Step(sp.S.Zero, justification="both distributions sum to 1"),
    ),
    claim="D_KL(P‖Q) = −Σ p log(q/p) ≥ −Σ p(q/p − 1) = Σ p − Σ q = 0 (metric law 1: d ≥ 0)",
    domains=DISTRIBUTIONS,
    topic=TOPIC,
    tags=("kl", "inequality"),
)

KL_OF_A_DISTRIBUTION_WITH_ITSELF_IS_ZERO = Derivation(
    id="kl-of-a-distribution-with-itself-is-zero",
    title="The KL divergence of a distribution from itself is zero",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            sp.Sum(held(p[i], sp.log(over(p[i], p[i]), evaluate=False)), (i, 1, n)),
            justification="definition: D_KL(P‖P) = Σ_i p_i log(p_i/p_i) "
            "(metric law 2: d(x,y) = 0 iff x==y)",
            quote='d(x,y) = 0 iff x==y',
        ),
        Step(
            sp.Sum(held(p[i], sp.log(1, evaluate=False)), (i, 1, n)),
            justification="p_i/p_i = 1",
        ),
        Step(sp.S.Zero, justification="log 1 = 0"),
    ),
    claim="D_KL(P‖P) = Σ p_i log 1 = 0; with kl-nonnegative, D_KL(P‖Q) > 0 when Q ≠ P",
    domains=DISTRIBUTIONS,
    topic=TOPIC,
    tags=("kl", "metric"),
)

KL_NOT_SYMMETRIC = Derivation(
    id="kl-not-symmetric",
    title="KL divergence is not symmetric",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(kl(p, q), justification="definition: D_KL(P‖Q)"),
        Step(
            kl(q, p),
            relation="!=",
            justification="swap the arguments: D_KL(Q‖P) differs in general "
            "(KL은 3번 성질 대칭성(symmetry)을 만족하지 못함)",
            quote='KL은 위 4가지 성질 중 3번 성질 대칭성(symmetry)을 만족하지 못함',
        ),
    ),
    claim="D_KL(P‖Q) ≠ D_KL(Q‖P) in general (a witness pair of distributions exists)",
    domains=DISTRIBUTIONS,
    topic=TOPIC,
    tags=("kl", "metric"),
)

KL_CONVEX_IN_Q = Derivation(
    id="kl-convex-in-q",
    title="KL divergence is convex in q: its second derivative p_j/q_j² is positive",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            sp.Derivative(kl(p, q), q[j], 2),
            justification="definition: the curvature of D_KL(P‖Q) along q_j "
            "(q에 대한 볼록 함수(convex function))",
            quote='KL divergence 또한 q에 대한 볼록 함수(convex function)이기 때문에',
        ),
        Step(p[j] / q[j] ** 2, justification="∂/∂q_j of −p_j/q_j (see the gradient above)"),
        Step(sp.S.Zero, relation=">", justification="p_j > 0 and q_j² > 0"),
    ),
    claim="∂²D_KL(P‖Q)/∂q_j² = p_j/q_j² > 0",
    domains=DISTRIBUTIONS + ((j, index(1, n)),),
    topic=TOPIC,
    tags=("kl", "convexity"),
)

KL_HESSIAN_IN_Q_IS_DIAGONAL = Derivation(
    id="kl-hessian-in-q-is-diagonal",
    title="The Hessian of KL in q is diagonal with positive entries, so KL is convex in q",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            sp.Derivative(kl(p, q), q[j], q[k]),
            justification="definition: the (j, k) entry of the Hessian of D_KL(P‖Q) in q",
            quote='q에 대한 볼록 함수(convex function)',
        ),
        Step(
            sp.KroneckerDelta(j, k) * p[j] / q[j] ** 2,
            justification="∂(−p_j/q_j)/∂q_k is zero unless k = j: a diagonal matrix with "
            "positive diagonal p_j/q_j², hence positive definite",
        ),
    ),
    claim="∂²D_KL/∂q_j∂q_k = δ_jk p_j/q_j²: positive definite, so D_KL is convex in q",
    domains=DISTRIBUTIONS + ((j, index(1, n)), (k, index(1, n))),
    topic=TOPIC,
    tags=("kl", "convexity"),
)

KL_THREE_POINT_IDENTITY = Derivation(
    id="kl-three-point-identity",
    title="Three-point identity: how far KL is from the triangle inequality",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            kl(p, r),
            justification="definition: D_KL(P‖R)",
            quote='d(x,z) <= d(x,y) + d(y,z)',
        ),
        Step(
            sp.Sum(p[i] * sp.log(p[i] / q[i]) + p[i] * sp.log(q[i] / r[i]), (i, 1, n)),
            justification="p/r = (p/q)(q/r), and log of a product is the sum of logs",
        ),
        Step(
            kl(p, q)
            + sp.Sum(q[i] * sp.log(q[i] / r[i]), (i, 1, n))
            + sp.Sum((p[i] - q[i]) * sp.log(q[i] / r[i]), (i, 1, n)),
            justification="p = q + (p − q) in the second term: D_KL(P‖Q) + D_KL(Q‖R) + "
            "Σ (p_i − q_i) log(q_i/r_i)",
        ),
    ),
    claim="D_KL(P‖R) = D_KL(P‖Q) + D_KL(Q‖R) + Σ_i (p_i − q_i) log(q_i/r_i); the last sum "
    "can be positive, so the triangle inequality can fail",
    domains=DISTRIBUTIONS + ((r, simplex("r")),),
    topic=TOPIC,
    tags=("kl", "metric"),
)

# A witness: three two-outcome distributions with Q between P and R.
P_WITNESS = (sp.Rational(1, 2), sp.Rational(1, 2))
Q_WITNESS = (sp.Rational(3, 4), sp.Rational(1, 4))
R_WITNESS = (sp.Rational(9, 10), sp.Rational(1, 10))

KL_VIOLATES_TRIANGLE_INEQUALITY = Derivation(
    id="kl-violates-triangle-inequality",
    title="KL divergence violates the triangle inequality",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            _kl_spelled_out(P_WITNESS, R_WITNESS),
            justification="definition: D_KL(P‖R) for P = (1/2, 1/2), R = (9/10, 1/10)",
            quote='d(x,z) <= d(x,y) + d(y,z)',
        ),
        Step(sp.log(sp.Rational(5, 3)), justification="½ log(5/9) + ½ log 5 = log(5/3) ≈ 0.511"),
        Step(
            _kl_spelled_out(P_WITNESS, Q_WITNESS) + _kl_spelled_out(Q_WITNESS, R_WITNESS),
            relation=">",
            justification="D_KL(P‖Q) + D_KL(Q‖R) ≈ 0.144 + 0.092 = 0.236 for Q = (3/4, 1/4)",
        ),
    ),
    claim="D_KL(P‖R) ≈ 0.511 > 0.236 ≈ D_KL(P‖Q) + D_KL(Q‖R) for P = (½, ½), Q = (¾, ¼), "
    "R = (9/10, 1/10): metric law 4 fails",
    topic=TOPIC,
    tags=("kl", "metric", "example"),
)

KL_TRIANGLE_INEQUALITY_ERRATUM = Derivation(
    id="kl-triangle-inequality-erratum",
    title="Erratum: KL divergence does not satisfy the triangle inequality",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(kl(p, r), justification="definition: D_KL(P‖R)"),
        Step(
            kl(p, q) + kl(q, r),
            relation="<=",
            justification="as written in the note: KL은 위 4가지 성질 중 3번 성질 대칭성"
            "(symmetry)을 만족하지 못함 — i.e. it satisfies law 4, d(x,z) ≤ d(x,y) + d(y,z)",
            expect="refuted",
            correction=kl(p, q) + kl(q, r) + sp.Sum((p[i] - q[i]) * sp.log(q[i] / r[i]), (i, 1, n)),
            quote='KL은 위 4가지 성질 중 3번 성질 대칭성(symmetry)을 만족하지 못함',
        ),
    ),
    claim="The note's D_KL(P‖R) ≤ D_KL(P‖Q) + D_KL(Q‖R) is false; exactly, D_KL(P‖R) = "
    "D_KL(P‖Q) + D_KL(Q‖R) + Σ (p_i − q_i) log(q_i/r_i) (kl-three-point-identity)",
    domains=DISTRIBUTIONS + ((r, simplex("r")),),
    erratum_of="kl-three-point-identity",
    erratum_kind="error",
    topic=TOPIC,
    tags=("kl", "metric", "erratum"),
)

# Only-if half of "D_KL(P‖Q) = 0 iff P = Q".  With u_i = q_i/p_i and Σq = Σp = 1,
# D = Σ p_i (u_i − 1 − log u_i), and u − 1 − log u ≥ (u − 1)²/(2(1 + u)) for u > 0 (integrate
# 1 − 1/s from 1 to u: for u > 1 the integrand (s − 1)/s ≥ (s − 1)/u, for u < 1 the integrand
# (1 − s)/s ≥ 1 − s, so the difference is at least (u − 1)²/(2 max(1, u)) ≥ (u − 1)²/(2(1 + u))).
# So D ≥ Σ (p_i − q_i)²/(2(p_i + q_i)), a sum of terms that vanish only where q_i = p_i:
# D = 0 forces Q = P.
KL_ZERO_ONLY_IF_EQUAL = Derivation(
    id="kl-zero-only-if-equal",
    title="D_KL(P‖Q) = 0 only if P = Q: KL is at least a sum of squared differences",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            kl(p, q),
            justification="definition: D_KL(P‖Q) (metric law 2: d(x,y) = 0 iff x==y — the "
            "“if” half is kl-of-a-distribution-with-itself-is-zero)",
            quote="d(x,y) = 0 iff x==y",
        ),
        Step(
            sp.Sum(p[i] * (q[i] / p[i] - 1 - sp.log(q[i] / p[i])), (i, 1, n)),
            justification="add Σ p_i(q_i/p_i − 1) = Σ q_i − Σ p_i = 1 − 1 = 0 and write "
            "log(p/q) = −log(q/p)",
        ),
        Step(
            sp.Sum(p[i] * (q[i] / p[i] - 1) ** 2 / (2 * (1 + q[i] / p[i])), (i, 1, n)),
            relation=">=",
            justification="u − 1 − log u = ∫₁ᵘ (1 − 1/s) ds ≥ (u − 1)²/(2(1 + u)) for u > 0 "
            "(a sharpening of Gibbs' log u ≤ u − 1, whose equality holds only at u = 1)",
        ),
        Step(
            sp.Sum((p[i] - q[i]) ** 2 / (2 * (p[i] + q[i])), (i, 1, n)),
            justification="p_i (u_i − 1)²/(1 + u_i) = (q_i − p_i)²/(p_i + q_i) for p_i > 0",
        ),
    ),
    claim="D_KL(P‖Q) ≥ Σ_i (p_i − q_i)²/(2(p_i + q_i)) ≥ 0, and the middle sum is 0 only if "
    "every q_i = p_i: D_KL(P‖Q) = 0 implies P = Q",
    domains=DISTRIBUTIONS,
    topic=TOPIC,
    tags=("kl", "metric"),
)

KL_SEMI_DISTANCE_WORDING = Derivation(
    id="kl-semi-distance-wording",
    title="Wording: KL satisfies two of the four metric laws, not three — it is a divergence",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            _kl_spelled_out(
                (sp.Rational(1, 2), sp.Rational(1, 2)), (sp.Rational(1, 4), sp.Rational(3, 4))
            ),
            justification="definition: D_KL(P‖Q) for P = (1/2, 1/2), Q = (1/4, 3/4); the note "
            "calls KL a semi-distance satisfying 3 of the 4 metric laws",
            quote="거리(distance, 혹은 metric)의 성질 4가지 중 3가지를 만족하는 "
            "준거리공식(semi-distance)",
        ),
        Step(
            _kl_spelled_out(
                (sp.Rational(1, 4), sp.Rational(3, 4)), (sp.Rational(1, 2), sp.Rational(1, 2))
            ),
            relation=">",
            justification="D_KL(Q‖P) is smaller (0.131 < 0.144): law 3, symmetry, fails — and "
            "kl-violates-triangle-inequality shows law 4 fails too, so KL keeps laws 1 and 2 "
            "only; a semi-distance (semimetric) is usually symmetric, so “divergence” is the "
            "name that fits",
        ),
    ),
    claim="D_KL(P‖Q) ≠ D_KL(Q‖P) and the triangle inequality fails: KL satisfies 2 of the 4 "
    "metric laws (nonnegativity, zero iff equal), not 3",
    erratum_of="kl-not-symmetric",
    erratum_kind="wording",
    topic=TOPIC,
    tags=("kl", "metric", "erratum"),
)


DERIVATIONS: tuple[Derivation, ...] = (
    KL_EQUALS_CROSS_ENTROPY_MINUS_ENTROPY,
    MINIMISING_KL_IS_MINIMISING_CROSS_ENTROPY,
    KL_NONNEGATIVE,
    KL_OF_A_DISTRIBUTION_WITH_ITSELF_IS_ZERO,
    KL_NOT_SYMMETRIC,
    KL_CONVEX_IN_Q,
    KL_HESSIAN_IN_Q_IS_DIAGONAL,
    KL_THREE_POINT_IDENTITY,
    KL_VIOLATES_TRIANGLE_INEQUALITY,
    KL_TRIANGLE_INEQUALITY_ERRATUM,
    KL_ZERO_ONLY_IF_EQUAL,
    KL_SEMI_DISTANCE_WORDING,
)
