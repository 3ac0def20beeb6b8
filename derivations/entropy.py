"""Entropy and cross-entropy: the coin, the die, the urn, the general definitions, and −log x.

The worked examples of note 000 (§ 용어, § 공꺼내기) are written as the notes write them — the
terms spelled out, ``log`` the natural logarithm — and reduced exactly (log 2 ≈ 0.693 and
log 6 ≈ 1.79 are the notes' figures; the tests compare them with :mod:`math`).  The general
definitions sum over ``i = 1..n`` with a size symbol ``n`` and probability vectors as
simplex-valued ``IndexedBase`` s.

Errata: note 000 says −log x grows as x grows (it decreases), and that each entropy term
p·(−log p) grows as p shrinks (only for p > 1/e); note 002 calls y log y the entropy (it is
−y log y ≥ 0).
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog._unevaluated import held
from symderive.model import Derivation, Domain, Source, Step, simplex

NOTE_000 = "000_85d43775668d16e5.txt"
NOTE_002 = "002_f459f0ea7166ca1b.txt"

TOPIC = "entropy"

i = sp.Symbol("i", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
p = sp.IndexedBase("p", positive=True)  # the distribution whose entropy is taken (000: p(x_i))
q = sp.IndexedBase(
    "q", positive=True
)  # 000's cross-entropy H_p(q): q the true, unknown distribution
x = sp.Symbol("x", positive=True)
p_term = sp.Symbol("p_i", positive=True)  # one probability, for the shape of one entropy term

half = sp.Rational(1, 2)
sixth = sp.Rational(1, 6)


def _spelled_out_entropy(probabilities: tuple[sp.Rational, ...]) -> sp.Expr:
    """−(p₁ log p₁ + … + p_k log p_k) with every term kept as written (no evaluation)."""
    with sp.evaluate(False):
        terms = [sp.Mul(value, sp.log(value)) for value in probabilities]
        return sp.Mul(-1, sp.Add(*terms))


COIN_ENTROPY_TERMS = _spelled_out_entropy((half, half))
DIE_ENTROPY_TERMS = _spelled_out_entropy((sixth,) * 6)
ONE_RED_ENTROPY_TERMS = _spelled_out_entropy((sp.Rational(1, 100), sp.Rational(99, 100)))
HALF_RED_ENTROPY_TERMS = _spelled_out_entropy((sp.Rational(50, 100), sp.Rational(50, 100)))

COIN_ENTROPY = Derivation(
    id="coin-entropy",
    title="Entropy of a fair coin is log 2 ≈ 0.693",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            COIN_ENTROPY_TERMS,
            justification="definition: H = −Σ p log p over the two faces, each with p = 1/2 "
            "(동전을 던졌을때 ==> 확률1/2)",
            quote=r"H(x)= -\left( \frac{1}{2} log{\frac{1}{2}} + \frac{1}{2} log{\frac{1}"
                  r"{2}} \right)",
        ),
        Step(
            sp.Mul(-1, sp.log(half, evaluate=False), evaluate=False),
            justification="the two equal terms add up: ½ log ½ + ½ log ½ = log ½",
        ),
        Step(
            sp.log(2),
            justification="log ½ = −log 2 (the note's figure: ≈ 0.693)",
            quote='동전의 엔트로피 값은 약 0.693',
        ),
    ),
    claim="H(coin) = −(½ log ½ + ½ log ½) = log 2 ≈ 0.693 nats",
    topic=TOPIC,
    tags=("entropy", "example"),
)

DIE_ENTROPY = Derivation(
    id="die-entropy",
    title="Entropy of a fair die is log 6 ≈ 1.79",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            DIE_ENTROPY_TERMS,
            justification="definition: H = −Σ p log p over six faces, each with p = 1/6 "
            "(주사위를 던졌을때 ==> 확률1/6)",
            quote=r"H(x)= - \left( \frac{1}{6} log{\frac{1}{6}} + \frac{1}{6} log{\frac{1"
                  r"}{6}} + \frac{1}{6} log{\frac{1}{6}} + \frac{1}{6} log{\frac{1}{6}} + "
                  r"\frac{1}{6} log{\frac{1}{6}} + \frac{1}{6} log{\frac{1}{6}} \right)",
        ),
        Step(
            sp.Mul(
                -1,
                sp.Mul(
                    6, sp.Mul(sixth, sp.log(sixth, evaluate=False), evaluate=False), evaluate=False
                ),
                evaluate=False,
            ),
            justification="six equal terms",
        ),
        Step(
            sp.Mul(-1, sp.log(sixth, evaluate=False), evaluate=False),
            justification="6 · 1/6 = 1",
        ),
        Step(
            sp.log(6),
            justification="log(1/6) = −log 6 (the note's figure: ≈ 1.79)",
            quote='주사위의 엔트로피 값은 1.79 정도로',
        ),
    ),
    claim="H(die) = −6 · (1/6) log(1/6) = log 6 ≈ 1.79 nats",
    topic=TOPIC,
    tags=("entropy", "example"),
)

DIE_MORE_UNCERTAIN_THAN_COIN = Derivation(
    id="die-entropy-exceeds-coin-entropy",
    title="The die's entropy is higher than the coin's",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(DIE_ENTROPY_TERMS, justification="the die's entropy (die-entropy)"),
        Step(sp.log(6), justification="die-entropy"),
        Step(
            sp.log(2),
            relation=">",
            justification="log is increasing and 6 > 2 (주사위의 엔트로피 값이 더 높다)",
            quote='**주사위의 엔트로피 값이 더 높다**',
        ),
        Step(COIN_ENTROPY_TERMS, justification="the coin's entropy (coin-entropy)"),
    ),
    claim="H(die) = log 6 > log 2 = H(coin): the harder outcome to predict has more entropy",
    topic=TOPIC,
    tags=("entropy", "example"),
)

BALL_URN_ENTROPIES = Derivation(
    id="ball-urn-entropies",
    title="Urn with 50 red of 100 balls has more entropy than urn with 1 red of 100",
    source=Source(note=NOTE_000, section="공꺼내기"),
    steps=(
        Step(
            HALF_RED_ENTROPY_TERMS,
            justification="definition: second urn, 50 red and 50 black of 100 "
            "(공 50개는 빨간색이고, 나머지는 모두 검은색)",
            quote='전체 공이 100개이다. 공 50개는 빨간색이고, 나머지는 모두 검은색이다.',
        ),
        Step(sp.log(2), justification="two equal terms, log(50/100) = −log 2"),
        Step(
            sp.log(100) - sp.Rational(99, 100) * sp.log(99),
            relation=">",
            justification="log 2 ≈ 0.693 > 0.056 "
            "(실제로 엔트로피를 계산하면 후자가 훨씬 크게 나옵니다)",
            quote='실제로 엔트로피를 계산하면 후자가 훨씬 크게 나옵니다.',
        ),
        Step(
            ONE_RED_ENTROPY_TERMS,
            justification="first urn, 1 red and 99 black of 100 (공 하나만 빨간색): "
            "−(1/100 log 1/100 + 99/100 log 99/100) = log 100 − (99/100) log 99",
            quote='전체 공이 100개이다. 공 하나만 빨간색이고, 나머지는 모두 검은색이다.',
        ),
    ),
    claim="H(50 red of 100) = log 2 > log 100 − 0.99 log 99 = H(1 red of 100)",
    topic=TOPIC,
    tags=("entropy", "example"),
)

ENTROPY_DEFINITION = Derivation(
    id="entropy-definition",
    title="Entropy as the expected information −log p",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            -sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)),
            justification="definition: H(x) = −Σ_{i=1}^n p(x_i) log p(x_i) "
            "(000 § 용어; 002 § 1) Entropy)",
            quote=r"H(x)=−\sum_{i=1}^{n} p(x_i) log{p(x_i)}",
        ),
        Step(
            sp.Sum(p[i] * (-sp.log(p[i])), (i, 1, n)),
            justification="move the minus sign inside the sum: H(x) = Σ p(x_i)(−log p(x_i))",
            quote=r"H(x)=\sum_{i=1}^{n} p(x_i) \left( -log{p(x_i)} \right)",
        ),
        Step(
            sp.Sum(p[i] * sp.log(1 / p[i]), (i, 1, n)),
            justification="−log p = log(1/p): the information content of outcome i",
        ),
    ),
    claim="H(p) = −Σ_{i=1}^n p_i log p_i = Σ_{i=1}^n p_i (−log p_i) = Σ_{i=1}^n p_i log(1/p_i)",
    domains=((n, Domain("size")), (p, simplex("p"))),
    topic=TOPIC,
    tags=("entropy", "definition"),
)

ENTROPY_NONNEGATIVE = Derivation(
    id="entropy-nonnegative",
    title="Entropy is never negative",
    source=Source(note=NOTE_002, section="1) Entropy"),
    steps=(
        Step(
            -sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)),
            justification="definition: H = −Σ p(x_i) log p(x_i)",
            quote=r"H(x)=−\sum_{i=1}^{n}  p(x_i) log{p(x_i)}",
        ),
        Step(
            sp.Sum(p[i] * sp.log(1 / p[i]), (i, 1, n)),
            justification="−log p = log(1/p)",
        ),
        Step(
            sp.S.Zero,
            relation=">=",
            justification="every term is ≥ 0: p > 0 and 1/p ≥ 1 for a probability",
        ),
    ),
    claim="H(p) = Σ p_i log(1/p_i) ≥ 0",
    domains=((n, Domain("size")), (p, simplex("p"))),
    topic=TOPIC,
    tags=("entropy",),
)

ENTROPY_SIGN_ERRATUM = Derivation(
    id="entropy-sign-erratum",
    title="Notation: “the entropy is y log y” names the terms of −Σ y log y",
    source=Source(note=NOTE_002, section="2) cross entropy"),
    steps=(
        Step(
            -sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)),
            justification="definition: the entropy of the prediction y, H = −Σ y_i log y_i "
            "(002 § 1) Entropy)",
        ),
        Step(
            sp.Sum(held(-1, p[i] * sp.log(p[i])), (i, 1, n)),
            justification="the note's “y log y” names the summand y_i log y_i of the "
            "definition it wrote just above, whose minus sign goes with it: "
            "H = Σ_i −(y_i log y_i) ≥ 0",
            quote=r"원래의 엔트로피는 예측한 $y\log{y}$ 이지만",
        ),
    ),
    claim="The entropy of y is −Σ y_i log y_i ≥ 0; the prose's “y log y” is shorthand for its "
    "terms, read with the definition's minus sign",
    domains=((n, Domain("size")), (p, simplex("p"))),
    erratum_of="entropy-nonnegative",
    erratum_kind="notation",
    topic=TOPIC,
    tags=("entropy", "erratum"),
)

ENTROPY_AT_MOST_LOG_N = Derivation(
    id="entropy-at-most-log-n",
    title="Entropy is at most log n, reached by the uniform distribution",
    source=Source(
        note=NOTE_000,
        section="용어",
        kind='supplement',
        reference='H(p) ≤ log n with equality for the uniform distribution (Cover & Thomas, E'
                  'lements of Information Theory, Thm 2.6.4); the note only compares the coin'
                  ' and the die',
    ),
    steps=(
        Step(
            -sp.Sum(p[i] * sp.log(p[i]), (i, 1, n)),
            justification="definition: H(p) = −Σ p(x_i) log p(x_i)",
            quote=r"H(x)=−\sum_{i=1}^{n} p(x_i) log{p(x_i)}",
        ),
        Step(
            sp.log(n) - sp.Sum(p[i] * sp.log(p[i] / (1 / n)), (i, 1, n)),
            justification="Σ p_i log(n p_i) = log n + Σ p_i log p_i since Σ p_i = 1: "
            "H(p) = log n − D_KL(p‖uniform)",
        ),
        Step(
            sp.log(n),
            relation="<=",
            justification="D_KL ≥ 0 (kl-nonnegative), with equality for the uniform "
            "distribution: the fair coin (log 2) and the fair die (log 6) are the most "
            "uncertain of their kind "
            "(무엇이 나올지 알기 어려운 주사위의 경우가 엔트로피가 더 높은 것)",
        ),
    ),
    claim="H(p) = log n − D_KL(p‖uniform) ≤ log n",
    domains=((n, Domain("size")), (p, simplex("p"))),
    topic=TOPIC,
    tags=("entropy", "inequality"),
)

CROSS_ENTROPY_DEFINITION = Derivation(
    id="cross-entropy-definition",
    title="Cross-entropy is entropy plus KL divergence, equal to the entropy when p = q",
    source=Source(note=NOTE_000, section="공꺼내기"),
    steps=(
        Step(
            -sp.Sum(q[i] * sp.log(p[i]), (i, 1, n)),
            justification="definition: H_p(q) = −Σ q(x_i) log p(x_i) (000; 002 § 2) cross "
            "entropy writes the same sum as H(x) = −Σ q(x_i) log p(x_i))",
            quote=r"H_p (q)=−\sum_{i=1}^{n} q(x_i) log  {p(x_i)}",
        ),
        Step(
            sp.Sum(q[i] * (-sp.log(p[i])), (i, 1, n)),
            justification="move the minus sign inside the sum",
        ),
        Step(
            -sp.Sum(q[i] * sp.log(q[i]), (i, 1, n)) + sp.Sum(q[i] * sp.log(q[i] / p[i]), (i, 1, n)),
            justification="add and subtract Σ q log q: −log p = −log q + log(q/p); "
            "= H(q) + D_KL(q‖p)",
        ),
        Step(
            -sp.Sum(q[i] * sp.log(q[i]), (i, 1, n)),
            relation=">=",
            justification="Gibbs' inequality D_KL(q‖p) ≥ 0 (kl-nonnegative), with equality "
            "exactly when p = q: then the cross-entropy is the entropy H(q)",
        ),
    ),
    claim="H_p(q) = −Σ q_i log p_i = H(q) + D_KL(q‖p) ≥ H(q), with equality iff p = q",
    domains=((n, Domain("size")), (p, simplex("p")), (q, simplex("q"))),
    topic=TOPIC,
    tags=("cross-entropy", "definition"),
)

NEG_LOG_DECREASING = Derivation(
    id="neg-log-decreasing",
    title="−log x decreases as x grows",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            sp.Derivative(-sp.log(x), x),
            justification="definition: the slope of the information −log x",
            quote='x값이 커지게 되면 -log값은 기하급수적으로 커짐',
        ),
        Step(-1 / x, justification="d/dx log x = 1/x"),
        Step(sp.S.Zero, relation="<", justification="x > 0 (for a probability, x in (0, 1])"),
    ),
    claim="d/dx(−log x) = −1/x < 0 for x > 0: −log x decreases as x grows",
    domains=((x, Domain("positive")),),
    topic=TOPIC,
    tags=("entropy", "log"),
)

NEG_LOG_INCREASING_ERRATUM = Derivation(
    id="neg-log-increasing-erratum",
    title="Erratum: −log x does not grow as x grows",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            sp.sign(sp.Derivative(-sp.log(x), x)),
            justification="definition: the direction in which −log x moves as x grows",
        ),
        Step(
            sp.S.One,
            justification="as written in the note: x값이 커지게 되면 -log값은 기하급수적으로 "
            "커짐 (as x grows, −log x grows)",
            expect="refuted",
            correction=sp.S.NegativeOne,
            quote='x값이 커지게 되면 -log값은 기하급수적으로 커짐',
        ),
    ),
    claim="The note's sign(d/dx(−log x)) = +1 is wrong: d/dx(−log x) = −1/x < 0; −log x "
    "grows without bound as x shrinks to 0",
    domains=((x, Domain("positive")),),
    erratum_of="neg-log-decreasing",
    erratum_kind="error",
    topic=TOPIC,
    tags=("entropy", "log", "erratum"),
)

ENTROPY_TERM_SLOPE = Derivation(
    id="entropy-term-slope",
    title="The entropy term p·(−log p) rises on (0, 1/e) and falls on (1/e, 1)",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            sp.Derivative(-p_term * sp.log(p_term), p_term),
            justification="definition: the slope of one entropy term p(x_i)(−log p(x_i))",
            quote=r"H(x)=\sum_{i=1}^{n} p(x_i) \left( -log{p(x_i)} \right)",
        ),
        Step(-sp.log(p_term) - 1, justification="product rule: −log p − p · (1/p)"),
        Step(
            sp.log(1 / (sp.E * p_term)),
            justification="−log p − 1 = log(1/(e·p)): positive for p < 1/e, negative for p > 1/e",
        ),
    ),
    claim="d/dp(−p log p) = −log p − 1 = log(1/(e p)), which is > 0 for p < 1/e and < 0 for "
    "p > 1/e",
    domains=((p_term, Domain("probability")),),
    topic=TOPIC,
    tags=("entropy", "log"),
)

ENTROPY_TERM_GROWS_AS_P_SHRINKS_ERRATUM = Derivation(
    id="entropy-term-grows-as-p-shrinks-erratum",
    title="Erratum: p·(−log p) does not always grow as p shrinks",
    source=Source(note=NOTE_000, section="용어"),
    steps=(
        Step(
            sp.sign(sp.Derivative(-p_term * sp.log(p_term), p_term)),
            justification="definition: the direction in which one entropy term p(−log p) "
            "moves as p grows",
        ),
        Step(
            sp.S.NegativeOne,
            justification="as written in the note: x가 작아진것보다 log x 가 커지는 것이 훨씬 "
            "크기 때문에 전체값은 증가하게 된다 (as p shrinks, −log p grows faster than p "
            "shrinks, so the term grows), i.e. the term's slope in p is negative",
            expect="refuted",
            correction=sp.sign(-sp.log(p_term) - 1),
            quote='이때 x가 작아진것보다 log x 가 커지는 것이 훨씬 크기 때문에 전체값은 증가하게 된다.',
        ),
    ),
    claim="The term p(−log p) grows as p shrinks only for p > 1/e; for p < 1/e it shrinks "
    "(to 0 as p → 0): its slope is −log p − 1",
    domains=((p_term, Domain("probability")),),
    erratum_of="entropy-term-slope",
    erratum_kind="error",
    topic=TOPIC,
    tags=("entropy", "log", "erratum"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    COIN_ENTROPY,
    DIE_ENTROPY,
    DIE_MORE_UNCERTAIN_THAN_COIN,
    BALL_URN_ENTROPIES,
    ENTROPY_DEFINITION,
    ENTROPY_NONNEGATIVE,
    ENTROPY_SIGN_ERRATUM,
    ENTROPY_AT_MOST_LOG_N,
    CROSS_ENTROPY_DEFINITION,
    NEG_LOG_DECREASING,
    NEG_LOG_INCREASING_ERRATUM,
    ENTROPY_TERM_SLOPE,
    ENTROPY_TERM_GROWS_AS_P_SHRINKS_ERRATUM,
)
