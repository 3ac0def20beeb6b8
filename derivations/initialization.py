"""Weight initialisation: the variance of torch.nn.Linear's default uniform initialisation.

Note 004 (§ 공부) quotes the PyTorch documentation — weights drawn from U(−√k, √k) with
k = 1/in_features — and adds "Kaiming Uniform (more commonly called He initialization)".
PyTorch's code (torch/nn/modules/linear.py, ``Linear.reset_parameters``) does call
``init.kaiming_uniform_(self.weight, a=math.sqrt(5))``; with that negative slope the gain is
√(2/(1 + a²)) = √(1/3) and the bound √3·gain/√fan_in = 1/√fan_in = √k.  He initialisation
proper (ReLU, a = 0) has bound √(6/fan_in) and variance 2/fan_in — six times larger than
nn.Linear's 1/(3·fan_in).

Variances are written as integrals against the uniform density 1/(2b) on [−b, b]; the checker
evaluates them.
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog._unevaluated import held, over, plus, power
from symderive.model import Derivation, Domain, Source, Step

NOTE_004 = "004_75ba1db62c35dc7a.txt"
SECTION = "공부"

TOPIC = "initialization"

w = sp.Symbol("w", real=True)  # one weight
k = sp.Symbol("k", positive=True)  # nn.Linear's k = 1/in_features
fan_in = sp.Symbol("fan_in", integer=True, positive=True)  # in_features
a = sp.Symbol("a", positive=True)  # kaiming_uniform_'s negative slope


def uniform_moment(power: int, bound: sp.Expr) -> sp.Integral:
    """E[w^power] for w ~ U(−bound, bound): ∫ w^power · 1/(2·bound) dw over [−bound, bound]."""
    return sp.Integral(w**power / (2 * bound), (w, -bound, bound))


LINEAR_BOUND = sp.sqrt(k)
LINEAR_K = (sp.Eq(k, 1 / fan_in),)

LINEAR_INIT_VARIANCE = Derivation(
    id="linear-init-variance",
    title="nn.Linear's default initialisation U(−√k, √k) has variance k/3 = 1/(3·in_features)",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            uniform_moment(2, LINEAR_BOUND) - uniform_moment(1, LINEAR_BOUND) ** 2,
            justification="definition: Var(w) = E[w²] − E[w]² for w ~ U(−√k, √k), density "
            "1/(2√k) (The values are initialized from U(−√k, √k), where k = 1/in_features)",
            quote=r"The values are initialized from $\mathcal{U}(-\sqrt{k}, \sqrt{k})$, whe"
                  r"re $k = \frac{1}{\text{in_features}}$",
        ),
        Step(
            uniform_moment(2, LINEAR_BOUND),
            justification="E[w] = 0: the integrand w is odd on a symmetric interval",
        ),
        Step(
            over(
                plus(power(sp.sqrt(k), 3), held(-1, power(-sp.sqrt(k), 3))),
                held(6, sp.sqrt(k)),
            ),
            justification="antiderivative w³/(6√k) between −√k and √k",
        ),
        Step(k / 3, justification="2k^(3/2) / (6k^(1/2)) = k/3"),
        Step(1 / (3 * fan_in), justification="k = 1/in_features"),
    ),
    claim="Var(w) = ∫_{−√k}^{√k} w²/(2√k) dw = k/3 = 1/(3·in_features) for w ~ U(−√k, √k)",
    domains=((fan_in, Domain("size")),),
    givens=LINEAR_K,
    topic=TOPIC,
    tags=("initialization", "variance", "integral"),
)

LINEAR_INIT_IS_KAIMING_UNIFORM_WITH_A_SQRT5 = Derivation(
    id="linear-init-is-kaiming-uniform-with-a-sqrt5",
    title="nn.Linear's bound √k is kaiming_uniform_ with negative slope a = √5",
    source=Source(
        note=NOTE_004,
        section=SECTION,
        kind='supplement',
        reference='PyTorch nn.Linear.reset_parameters calls init.kaiming_uniform_(weight, a=m'
                  "ath.sqrt(5)); kaiming_uniform_'s bound is √3·gain/√fan_in",
    ),
    steps=(
        Step(
            over(
                held(sp.sqrt(3), sp.sqrt(over(2, plus(1, power(sp.sqrt(5), 2))), evaluate=False)),
                sp.sqrt(fan_in),
            ),
            justification="definition: PyTorch's kaiming_uniform_ bound √3·gain/√fan_in with "
            "gain = √(2/(1 + a²)) (leaky_relu), called by Linear.reset_parameters as "
            "init.kaiming_uniform_(self.weight, a=math.sqrt(5))",
        ),
        Step(
            over(held(sp.sqrt(3), sp.sqrt(sp.Rational(1, 3), evaluate=False)), sp.sqrt(fan_in)),
            justification="a² = 5: gain = √(2/6) = √(1/3)",
        ),
        Step(1 / sp.sqrt(fan_in), justification="√3·√(1/3) = 1"),
        Step(
            sp.sqrt(k),
            justification="k = 1/in_features: the documented U(−√k, √k)",
            quote=r"$\mathcal{U}(-\sqrt{k}, \sqrt{k})$",
        ),
    ),
    claim="√3·√(2/(1 + 5))/√fan_in = 1/√fan_in = √k: the documented bound is kaiming_uniform_ "
    "with a = √5, not He's ReLU setting a = 0",
    domains=((fan_in, Domain("size")),),
    givens=LINEAR_K,
    topic=TOPIC,
    tags=("initialization", "pytorch"),
)

HE_BOUND = sp.sqrt(6 / fan_in)

HE_UNIFORM_BOUND = Derivation(
    id="he-uniform-bound",
    title="He (Kaiming, ReLU) uniform initialisation has bound √(6/fan_in)",
    source=Source(
        note=NOTE_004,
        section=SECTION,
        kind='supplement',
        reference='He et al., Delving Deep into Rectifiers (2015); PyTorch init.kaiming_unifo'
                  'rm_ with a = 0',
    ),
    steps=(
        Step(
            over(held(sp.sqrt(3), sp.sqrt(2, evaluate=False)), sp.sqrt(fan_in)),
            justification="definition: He initialisation for ReLU is kaiming_uniform_ with "
            "a = 0: bound √3·gain/√fan_in with gain √2",
        ),
        Step(HE_BOUND, justification="√3·√2 = √6"),
    ),
    claim="He uniform: bound √3·√2/√fan_in = √(6/fan_in)",
    domains=((fan_in, Domain("size")),),
    topic=TOPIC,
    tags=("initialization", "pytorch"),
)

HE_UNIFORM_VARIANCE = Derivation(
    id="he-uniform-variance",
    title="He (Kaiming, ReLU) uniform initialisation has variance 2/fan_in",
    source=Source(
        note=NOTE_004,
        section=SECTION,
        kind='supplement',
        reference='He et al., Delving Deep into Rectifiers (2015): Var(w) = 2/fan_in for ReLU',
    ),
    steps=(
        Step(
            uniform_moment(2, HE_BOUND) - uniform_moment(1, HE_BOUND) ** 2,
            justification="definition: Var(w) = E[w²] − E[w]² for w ~ U(−√(6/fan_in), "
            "√(6/fan_in)) (he-uniform-bound)",
        ),
        Step(uniform_moment(2, HE_BOUND), justification="E[w] = 0 by symmetry"),
        Step(
            over(power(HE_BOUND, 2), 3), justification="∫ w²/(2b) dw over [−b, b] = b²/3"
        ),
        Step(2 / fan_in, justification="b² = 6/fan_in, and (6/fan_in)/3 = 2/fan_in"),
    ),
    claim="He uniform: Var(w) = (6/fan_in)/3 = 2/fan_in",
    domains=((fan_in, Domain("size")),),
    topic=TOPIC,
    tags=("initialization", "variance", "integral"),
)

LINEAR_INIT_IS_HE_ERRATUM = Derivation(
    id="linear-init-is-he-erratum",
    title="Wording: nn.Linear's numbers are right; calling them “He initialization” is loose",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            uniform_moment(2, LINEAR_BOUND) - uniform_moment(1, LINEAR_BOUND) ** 2,
            justification="definition: Var(w) for nn.Linear's w ~ U(−√k, √k), k = 1/in_features, "
            "the distribution the note states correctly",
        ),
        Step(
            1 / (3 * fan_in),
            justification="linear-init-variance: k/3 with k = 1/in_features",
        ),
        Step(
            2 / fan_in,
            relation="<",
            justification="He initialisation for ReLU has Var(w) = 2/fan_in (he-uniform-variance), "
            "six times more: the note's “Kaiming Uniform (more commonly called He "
            "initialization)” names the function PyTorch calls (kaiming_uniform_, with "
            "a = √5), not He's ReLU setting",
            quote="Kaiming Uniform (more commonly called He initialization)",
        ),
    ),
    claim="nn.Linear's U(−√k, √k) has Var(w) = 1/(3·fan_in) < 2/fan_in (He): the note's numbers "
    "are right, only the name is loose — it is kaiming_uniform_ with a = √5 "
    "(linear-init-is-kaiming-uniform-with-a-sqrt5)",
    domains=((fan_in, Domain("size")),),
    givens=LINEAR_K,
    erratum_of="linear-init-variance",
    erratum_kind="wording",
    topic=TOPIC,
    tags=("initialization", "pytorch", "erratum"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    LINEAR_INIT_VARIANCE,
    LINEAR_INIT_IS_KAIMING_UNIFORM_WITH_A_SQRT5,
    HE_UNIFORM_BOUND,
    HE_UNIFORM_VARIANCE,
    LINEAR_INIT_IS_HE_ERRATUM,
)
