"""Optimizer update rules (note 000 § Optimizer), in their standard forms.

The note's update formulas are images that are not available; the entries use the standard
rules the note names (SGD, Momentum, AdaGrad) and the two that usually follow them (RMSProp,
Adam), and derive the property the note's prose claims for each:

- SGD      W ← W − η ∂L/∂W; on L = ½a(w − c)² one step scales the error by (1 − ηa), so the
           loss falls for 0 < η < 2/a (and the iterate zig-zags, "왔다갔다", for ηa > 1);
- Momentum v ← αv − η g, W ← W + v: the velocity is an exponentially weighted sum of gradients;
- AdaGrad  h ← h + g⊙g, W ← W − η g/(√h + ε): each parameter's rate η/√h never increases
           ("전에 많이 업데이트를 해주었다면 다음에는 업데이트를 덜 해주게 된다");
- RMSProp  h ← ρh + (1 − ρ)g²: for a constant gradient h_t = (1 − ρ^t)g²;
- Adam     m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁^t), v̂ = v/(1 − β₂^t):
           the bias correction makes m̂ = g and v̂ = g² for a constant gradient.

Element-wise rules are written for one parameter.  Unrolled recursions start from 0 and are
written as sums over the steps s = 1..t with a size symbol t.
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog._unevaluated import held, over
from symderive.model import Derivation, Domain, Source, Step

NOTE_000 = "000_85d43775668d16e5.txt"

TOPIC = "optimizers"

w = sp.Symbol("w", real=True)  # the parameter
c = sp.Symbol("c", real=True)  # the minimiser of the quadratic loss
a = sp.Symbol("a", positive=True)  # the curvature of the quadratic loss
eta = sp.Symbol("eta", positive=True)  # the learning rate η
u = sp.Symbol("u", positive=True)  # η as a fraction of the stability limit: η = 2u/a
alpha = sp.Symbol("alpha", positive=True)  # the momentum coefficient
rho = sp.Symbol("rho", positive=True)  # RMSProp's decay rate
beta1, beta2 = sp.symbols("beta1 beta2", positive=True)  # Adam's decay rates
g = sp.Symbol("g", real=True)  # a (constant) gradient
g1, g2, g3 = sp.symbols("g1 g2 g3", real=True)  # the gradients of steps 1, 2, 3
h = sp.Symbol("h", positive=True)  # AdaGrad's accumulated squared gradient
s = sp.Symbol("s", integer=True)  # the step counter inside unrolled sums
t = sp.Symbol("t", integer=True, positive=True)  # the number of steps taken

DECAY = Domain("probability")

quadratic_loss = a / 2 * (w - c) ** 2
w_after_sgd = w - eta * sp.Derivative(quadratic_loss, w)

SGD_UPDATE = Derivation(
    id="sgd-update",
    title="One SGD step on a quadratic scales the error by (1 − ηa)",
    source=Source(
        note=NOTE_000,
        section="Stochasitic Gradient Descent SGD",
        kind='figure',
        reference='image-20220523213027062.png: the SGD update W ← W − η ∂L/∂W',
    ),
    steps=(
        Step(
            w_after_sgd - c,
            justification="definition: W ← W − η ∂L/∂W on L = ½a(w − c)², error to the "
            "minimiser c (본인지점에 가장 빠른 감소방향만 찾음, 거기에 lr을 곱함)",
            quote='본인지점에 가장 빠른 감소방향만 찾음',
        ),
        Step(w - eta * a * (w - c) - c, justification="∂L/∂w = a(w − c)"),
        Step((1 - eta * a) * (w - c), justification="factor (w − c)"),
    ),
    claim="w' − c = (1 − ηa)(w − c) for w' = w − η a(w − c)",
    topic=TOPIC,
    tags=("optimizer", "sgd"),
)

SGD_STEP_DECREASES_QUADRATIC_LOSS = Derivation(
    id="sgd-step-decreases-quadratic-loss",
    title="An SGD step with 0 < η < 2/a does not increase a quadratic loss",
    source=Source(
        note=NOTE_000,
        section="Stochasitic Gradient Descent SGD",
        kind='figure',
        reference='image-20220523213027062.png: the SGD update, on a quadratic loss',
    ),
    steps=(
        Step(
            quadratic_loss.subs(w, w - eta * a * (w - c)),
            justification="definition: the loss after one step, L(w − η a(w − c))",
        ),
        Step(
            (1 - eta * a) ** 2 * quadratic_loss,
            justification="sgd-update: the error is scaled by (1 − ηa)",
        ),
        Step(
            quadratic_loss,
            relation="<=",
            justification="η = 2u/a with 0 < u < 1 gives (1 − ηa)² = (1 − 2u)² < 1; for "
            "ηa > 1 the factor 1 − ηa is negative and the iterate jumps across c (왔다갔다)",
            quote='따라서 한번에 가운데로 가는 것이 아니라 왔다갔다 하면서 가게 된다.',
        ),
    ),
    claim="L(w − η∇L) = (1 − ηa)² L(w) ≤ L(w) for 0 < η < 2/a",
    domains=((u, Domain("probability")),),
    givens=(sp.Eq(eta, 2 * u / a),),
    topic=TOPIC,
    tags=("optimizer", "sgd"),
)

MOMENTUM_UPDATE = Derivation(
    id="momentum-update",
    title="Momentum: three steps from rest give v₃ = −η(g₃ + αg₂ + α²g₁)",
    source=Source(
        note=NOTE_000,
        section="Momentum",
        kind='figure',
        reference='image-20220523213250916.png: the momentum update v ← αv − η ∂L/∂W, W ← W +'
                  ' v',
    ),
    steps=(
        Step(
            alpha * (alpha * (alpha * sp.S.Zero - eta * g1) - eta * g2) - eta * g3,
            justification="definition: v ← αv − η g three times from v₀ = 0 (gradient가 "
            "빠르게 변하는 것을 막으면서 update유도)",
            quote='gradient가 빠르게 변하는 것을 막으면서 update유도 ( 방향을 확확바꾸지 않는다 )',
        ),
        Step(
            -eta * (g3 + alpha * g2 + alpha**2 * g1),
            justification="expand: older gradients are damped by powers of α",
        ),
    ),
    claim="v₃ = α(α(α·0 − ηg₁) − ηg₂) − ηg₃ = −η(g₃ + αg₂ + α²g₁); W₃ = W₀ + v₁ + v₂ + v₃",
    domains=((alpha, DECAY),),
    topic=TOPIC,
    tags=("optimizer", "momentum"),
)

MOMENTUM_CONSTANT_GRADIENT_VELOCITY = Derivation(
    id="momentum-constant-gradient-velocity",
    title="Momentum with a constant gradient: v_t = −ηg(1 − α^t)/(1 − α)",
    source=Source(
        note=NOTE_000,
        section="Momentum",
        kind='figure',
        reference='image-20220523213250916.png: the momentum update, unrolled',
    ),
    steps=(
        Step(
            -eta * sp.Sum(alpha ** (t - s) * g, (s, 1, t)),
            justification="definition: v_t = −η Σ_{s=1}^t α^(t−s) g_s unrolled from v₀ = 0, "
            "with g_s = g",
        ),
        Step(
            -eta * g * sp.Sum(alpha**s, (s, 0, t - 1)),
            justification="reindex s → t − s",
        ),
        Step(
            -eta * g * (1 - alpha**t) / (1 - alpha),
            justification="geometric sum, α ≠ 1: the step approaches −ηg/(1 − α)",
        ),
    ),
    claim="v_t = −η Σ_{s=1}^t α^(t−s) g = −ηg(1 − α^t)/(1 − α)",
    domains=((alpha, DECAY), (t, Domain("size"))),
    topic=TOPIC,
    tags=("optimizer", "momentum"),
)

ADAGRAD_UPDATE = Derivation(
    id="adagrad-update",
    title="AdaGrad: each parameter's effective rate η/√h never increases",
    source=Source(
        note=NOTE_000,
        section="AdaGrad",
        kind='supplement',
        reference='AdaGrad (Duchi, Hazan & Singer, 2011): h ← h + g⊙g, W ← W − η g/√h; the no'
                  'te gives its idea in words',
    ),
    steps=(
        Step(
            eta / sp.sqrt(h + g**2),
            justification="definition: after h ← h + g⊙g the update W ← W − η g/√h uses the "
            "rate η/√(h + g²)",
        ),
        Step(
            eta / sp.sqrt(h),
            relation="<=",
            justification="h + g² ≥ h and 1/√· is decreasing (전에 많이 업데이트를 해주었다면 "
            "다음에는 업데이트를 덜 해주게 된다)",
            quote='전에 많이 업데이트를 해주었다면 다음에는 업데이트를 덜 해주게 된다.',
        ),
    ),
    claim="η/√(h + g²) ≤ η/√h: the per-parameter rate of AdaGrad is non-increasing",
    topic=TOPIC,
    tags=("optimizer", "adagrad"),
)

RMSPROP_UPDATE = Derivation(
    id="rmsprop-update",
    title="RMSProp with a constant gradient: h_t = (1 − ρ^t)g²",
    source=Source(
        note=NOTE_000,
        section="Optimizer",
        kind='supplement',
        reference="RMSProp (Tieleman & Hinton, 2012): h ← ρh + (1 − ρ)g²; the note's § Optimi"
                  'zer does not write it',
    ),
    steps=(
        Step(
            sp.Sum(rho ** (t - s) * (1 - rho) * g**2, (s, 1, t)),
            justification="definition: h ← ρh + (1 − ρ)g² unrolled from h₀ = 0 with a "
            "constant gradient g (standard RMSProp; not in the note's text)",
        ),
        Step(
            (1 - rho) * g**2 * sp.Sum(rho**s, (s, 0, t - 1)),
            justification="reindex s → t − s",
        ),
        Step((1 - rho**t) * g**2, justification="geometric sum: (1 − ρ)(1 − ρ^t)/(1 − ρ)"),
    ),
    claim="h_t = Σ_{s=1}^t ρ^(t−s)(1 − ρ)g² = (1 − ρ^t)g²",
    domains=((rho, DECAY), (t, Domain("size"))),
    topic=TOPIC,
    tags=("optimizer", "rmsprop"),
)


def _moment(decay: sp.Symbol, value: sp.Expr) -> sp.Expr:
    """m_t = Σ_{s=1}^t decay^(t−s)(1 − decay)·value: the recursion m ← decay·m + (1 − decay)·value
    unrolled from m₀ = 0."""
    return sp.Sum(decay ** (t - s) * (1 - decay) * value, (s, 1, t))


ADAM_UPDATE = Derivation(
    id="adam-update",
    title="Adam's bias-corrected first moment equals a constant gradient",
    source=Source(
        note=NOTE_000,
        section="Optimizer",
        kind='supplement',
        reference='Adam (Kingma & Ba, 2015): m ← β₁m + (1 − β₁)g, m̂ = m/(1 − β₁^t); not in t'
                  "he note's text",
    ),
    steps=(
        Step(
            _moment(beta1, g) / (1 - beta1**t),
            justification="definition: m̂_t = m_t/(1 − β₁^t) with m ← β₁m + (1 − β₁)g "
            "unrolled from m₀ = 0, constant gradient g (standard Adam; not in the note's text)",
        ),
        Step(
            over(held(1 - beta1**t, g), 1 - beta1**t),
            justification="geometric sum, as in rmsprop-update: m_t = (1 − β₁^t)g",
        ),
        Step(g, justification="the bias correction divides out (1 − β₁^t)"),
    ),
    claim="m̂_t = (Σ_{s=1}^t β₁^(t−s)(1 − β₁)g)/(1 − β₁^t) = g",
    domains=((beta1, DECAY), (t, Domain("size"))),
    topic=TOPIC,
    tags=("optimizer", "adam"),
)

ADAM_SECOND_MOMENT_BIAS_CORRECTION = Derivation(
    id="adam-second-moment-bias-correction",
    title="Adam's bias-corrected second moment equals g² for a constant gradient",
    source=Source(
        note=NOTE_000,
        section="Optimizer",
        kind='supplement',
        reference='Adam (Kingma & Ba, 2015): v ← β₂v + (1 − β₂)g², v̂ = v/(1 − β₂^t); not in '
                  "the note's text",
    ),
    steps=(
        Step(
            _moment(beta2, g**2) / (1 - beta2**t),
            justification="definition: v̂_t = v_t/(1 − β₂^t) with v ← β₂v + (1 − β₂)g²",
        ),
        Step(
            over(held(1 - beta2**t, g**2), 1 - beta2**t),
            justification="geometric sum: v_t = (1 − β₂^t)g²",
        ),
        Step(g**2, justification="the bias correction divides out (1 − β₂^t)"),
    ),
    claim="v̂_t = (Σ_{s=1}^t β₂^(t−s)(1 − β₂)g²)/(1 − β₂^t) = g²",
    domains=((beta2, DECAY), (t, Domain("size"))),
    topic=TOPIC,
    tags=("optimizer", "adam"),
)

ADAM_STEP_IS_SIGN_OF_GRADIENT = Derivation(
    id="adam-step-is-sign-of-gradient",
    title="For a constant gradient, Adam's step direction m̂/√v̂ is the sign of the gradient",
    source=Source(
        note=NOTE_000,
        section="Optimizer",
        kind='supplement',
        reference="Adam (Kingma & Ba, 2015): W ← W − η m̂/(√v̂ + ε); not in the note's text",
    ),
    steps=(
        Step(
            (_moment(beta1, g) / (1 - beta1**t)) / sp.sqrt(_moment(beta2, g**2) / (1 - beta2**t)),
            justification="definition: the Adam step W ← W − η m̂/(√v̂ + ε) with ε → 0",
        ),
        Step(g / sp.sqrt(g**2), justification="adam-update and adam-second-moment-bias-correction"),
        Step(sp.sign(g), justification="√(g²) = |g|, for g ≠ 0"),
    ),
    claim="m̂_t/√v̂_t = g/|g| = sign(g): each step moves every parameter by about η",
    domains=((beta1, DECAY), (beta2, DECAY), (t, Domain("size")), (g, Domain("nonzero"))),
    topic=TOPIC,
    tags=("optimizer", "adam"),
)

DERIVATIONS: tuple[Derivation, ...] = (
    SGD_UPDATE,
    SGD_STEP_DECREASES_QUADRATIC_LOSS,
    MOMENTUM_UPDATE,
    MOMENTUM_CONSTANT_GRADIENT_VELOCITY,
    ADAGRAD_UPDATE,
    RMSPROP_UPDATE,
    ADAM_UPDATE,
    ADAM_SECOND_MOMENT_BIAS_CORRECTION,
    ADAM_STEP_IS_SIGN_OF_GRADIENT,
)
