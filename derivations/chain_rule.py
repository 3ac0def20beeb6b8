"""The chain rule: one path (a composite), several paths (sum over paths), one input used twice.

Each derivation writes the derivative first as the unevaluated ``Derivative`` of the composite
and then as the product (or sum of products) of local derivatives, so the checker compares the
rule against SymPy's own differentiation of the whole function.
"""

from __future__ import annotations

import sympy as sp

from symderive.catalog._unevaluated import held, plus
from symderive.model import Derivation, Source, Step

NOTE_001 = "001_6d1c2946096a9f6c.txt"
NOTE_002 = "002_f459f0ea7166ca1b.txt"
NOTE_000 = "000_85d43775668d16e5.txt"
NOTE_003 = "003_340cffa23c1b61c6.txt"


def partial_at(function: sp.Basic, variable: sp.Symbol, point: dict) -> sp.Basic:
    """∂function/∂variable at ``point``, unevaluated: Subs(Derivative(f|others, v), v, value).

    Only the differentiated variable goes into ``Subs``: SymPy 1.14 judges two multi-variable
    ``Subs`` equal when their points carry equal values, e.g. ``Subs(∂(w1·x1 + w2)/∂w1,
    (w1, x1, w2), (−3, −2, −3)) == Subs(∂(w1·x1 + w2)/∂w2, ...)``, so a sum of them collapses
    (∂₁g + ∂₂g becomes 2∂₁g) and ``Matrix.doit`` reuses one entry's value for the other.
    """
    others = {name: value for name, value in point.items() if name != variable}
    return sp.Subs(sp.Derivative(function.subs(others), variable), variable, point[variable])


x, y = sp.symbols("x y", real=True)
t = sp.Symbol("t", real=True)  # the intermediate node t = x + y
u1, u2 = sp.symbols("u1 u2", real=True)  # the components of u in the multivariable rule
a, b = sp.symbols("a b", real=True)  # the two argument slots of the copy gate's g(a, b)

# z = t², t = x + y  (001 § Background, 002 § 2.2 방법)
z_of_t = t**2
t_of_xy = x + y

CHAIN_RULE_COMPOSITE = Derivation(
    id="chain-rule-composite",
    title="Chain rule for z = t², t = x + y",
    source=Source(note=NOTE_001, section="Background - 연쇄법칙 (chain rule)"),
    steps=(
        Step(
            sp.Derivative((x + y) ** 2, x),
            justification="definition: z = t² with t = x + y, differentiated with respect to x",
            quote='**함수 $z=t^2$이고** $t=(x+y)$인 합성함수가 존재한다고 하자',
        ),
        Step(
            sp.Subs(sp.Derivative(z_of_t, t), t, t_of_xy) * sp.Derivative(t_of_xy, x),
            justification="chain rule: ∂z/∂x = ∂z/∂t × ∂t/∂x "
            "(합성 함수의 미분은 각 함수의 미분 곱)",
            quote=r"\frac{\partial{z}}{\partial{x}}= \frac{\partial{z}}{\partial{t}}\ti"
                  r"mes{\frac{\partial{t}}{\partial{x}}}",
        ),
        Step(
            held(2, x + y, 1),
            justification="local derivatives: ∂z/∂t = 2t at t = x + y, ∂t/∂x = 1",
        ),
        Step(2 * x + 2 * y, justification="expand"),
    ),
    claim="∂z/∂x = ∂z/∂t·∂t/∂x = 2t·1 = 2(x + y) for z = t², t = x + y",
    topic="chain_rule",
    tags=("chain-rule",),
)

# Note 002 § 2.2 names the local derivatives ∂z/∂z, ∂z/∂t, ∂t/∂z; the last must be ∂t/∂x.
# With t > 0, t = √z, so ∂t/∂z = 1/(2t) and the product ∂z/∂t·∂t/∂z is 1, not ∂z/∂x.
xp, yp = sp.symbols("x y", positive=True)  # x + y = t > 0 so that t = √z
z_sym = sp.Symbol("z", positive=True)

CHAIN_RULE_DT_DZ_ERRATUM = Derivation(
    id="chain-rule-dt-dz-erratum",
    title="Erratum: the chain for z = (x + y)² needs ∂t/∂x, not ∂t/∂z",
    source=Source(note=NOTE_002, section="2.2 방법"),
    steps=(
        Step(
            sp.Derivative((xp + yp) ** 2, xp),
            justification="definition: z = t², t = x + y; the rate of change of z with x",
            quote='t는 $x+y$, z는 $(x+y)^2$.',
        ),
        Step(
            partial_at(z_of_t, t, {t: xp + yp})
            * partial_at(sp.sqrt(z_sym), z_sym, {z_sym: (xp + yp) ** 2}),
            justification="as written in the note: ∂z/∂t and ∂t/∂z (t = √z for t > 0)",
            expect="refuted",
            correction=partial_at(z_of_t, t, {t: xp + yp}) * sp.Derivative(xp + yp, xp),
            quote=r"$\frac{\partial{z}}{\partial{z}}, \frac{\partial{z}}{\partial{t}}, "
                  r"\frac{\partial{t}}{\partial{z}}$ 를 이용하여",
        ),
    ),
    claim="∂z/∂x = ∂z/∂t·∂t/∂x = 2(x + y); ∂z/∂t·∂t/∂z = 1 is not it",
    erratum_of="chain-rule-composite",
    erratum_kind="error",
    topic="chain_rule",
    tags=("chain-rule", "erratum"),
)

# Sum over paths: x reaches f through every component of u (000 § chain rule:
# "u의 모든 성분(u1,u2, ...)으로 거쳐갈 수 있음 ... 모든 성분이 받은 영향을 다 더해줘야함").
f_of_u = u1 * u2 + sp.exp(u1)  # a concrete f(u1, u2)
u1_of_x = x**2
u2_of_x = sp.sin(x)
at_u_of_x = {u1: u1_of_x, u2: u2_of_x}

MULTIVARIABLE_CHAIN_RULE = Derivation(
    id="multivariable-chain-rule",
    title="Multivariable chain rule: sum over the paths through u1, u2",
    source=Source(note=NOTE_000, section="Back Propagation"),
    steps=(
        Step(
            sp.Derivative(f_of_u.subs({u1: u1_of_x, u2: u2_of_x}), x),
            justification="definition: f(u1, u2) = u1·u2 + e^(u1) with u1 = x², u2 = sin x",
        ),
        Step(
            partial_at(f_of_u, u1, at_u_of_x) * sp.Derivative(u1_of_x, x)
            + partial_at(f_of_u, u2, at_u_of_x) * sp.Derivative(u2_of_x, x),
            justification="chain rule through every component: df/dx = Σ_i ∂f/∂u_i · du_i/dx "
                "(모든 성분이 받은 영향을 다 더해줘야함)",
            quote='따라서 모든 성분이 받은 영향을 다 더해줘야함',
        ),
        Step(
            (sp.sin(x) + sp.exp(x**2)) * 2 * x + x**2 * sp.cos(x),
            justification="local derivatives: ∂f/∂u1 = u2 + e^(u1), du1/dx = 2x; "
            "∂f/∂u2 = u1, du2/dx = cos x",
        ),
    ),
    claim="d/dx f(u1(x), u2(x)) = ∂f/∂u1·du1/dx + ∂f/∂u2·du2/dx",
    topic="chain_rule",
    tags=("chain-rule",),
)

# Copy gate (gradient adder): one input feeds both slots of g (003 § Patterns in Gradient Flow).
g_of_ab = a * b**2 + sp.sin(a)
at_copy = {a: x, b: x}

COPY_GATE = Derivation(
    id="copy-gate",
    title="Copy gate: an input used twice receives the sum of both gradients",
    source=Source(note=NOTE_003, section="Patterns in Gradient Flow"),
    steps=(
        Step(
            sp.Derivative(g_of_ab.subs({a: x, b: x}), x),
            justification="definition: x is copied into both slots of g(a, b) = a·b² + sin a",
        ),
        Step(
            partial_at(g_of_ab, a, at_copy) + partial_at(g_of_ab, b, at_copy),
            justification="chain rule over both copies: d/dx g(x, x) = ∂₁g + ∂₂g "
            "(copy gate: gradient adder, upstream gradient의 합)",
            quote='gradient 값: **upstream gradient의 합**',
        ),
        Step(
            plus(x**2 + sp.cos(x), held(2, x, x)),
            justification="∂₁g = b² + cos a, ∂₂g = 2ab, both at a = b = x",
        ),
        Step(3 * x**2 + sp.cos(x), justification="collect terms"),
    ),
    claim="d/dx g(x, x) = ∂₁g(x, x) + ∂₂g(x, x): a copy gate adds the gradients of its copies",
    topic="chain_rule",
    tags=("chain-rule", "gate"),
)

# 002 § 2.2 says the graph gives "각각의 z에 대한 x, t의 변화율" — the rate of change of x and t
# with respect to z; what it computes (and what the chain rule gives) is the rate of change of
# z with respect to x and t.
CHAIN_RULE_RATE_DIRECTION_WORDING = Derivation(
    id="chain-rule-rate-direction-wording",
    title="Wording: the graph gives the rate of change of z with respect to x, not of x w.r.t. z",
    source=Source(note=NOTE_002, section="2.2 방법"),
    steps=(
        Step(
            sp.Derivative((x + y) ** 2, x),
            justification="definition: the rate of change of z = (x + y)² with respect to x, "
            "which the graph computes; the note's prose says “of x, t with respect to z” "
            "(z에 대한 x, t의 변화율), the other way round",
            quote=r"각각의 $z$에 대한 $x, t$의 변화율을 구한 그래프이다",
        ),
        Step(
            held(2, x + y, 1),
            justification="chain rule: ∂z/∂t · ∂t/∂x = 2t · 1 with t = x + y",
        ),
    ),
    claim="the graph of 002 § 2.2 computes ∂z/∂x = 2(x + y) and ∂z/∂t = 2t: rates of change of "
    "z with respect to x and t (the prose reverses them)",
    erratum_of="chain-rule-composite",
    erratum_kind="wording",
    topic="chain_rule",
    tags=("chain-rule", "erratum"),
)

# 000 § Partial Derivative: "x1 은 증가하는 방향 x2는 감소방향 x3 그대로" — a change along a direction
# that moves several variables at once is a directional derivative, not a partial derivative.
x1, x2, x3, h = sp.symbols("x1 x2 x3 h", real=True)
f_of_three = x1**2 * x2 + sp.sin(x3)

DIRECTIONAL_CHANGE_WORDING = Derivation(
    id="directional-change-is-not-a-partial-derivative",
    title="Wording: moving x₁ up and x₂ down at once is a directional derivative, not a partial one",
    source=Source(note=NOTE_000, section="Back Propagation"),
    steps=(
        Step(
            sp.Subs(sp.Derivative(f_of_three.subs({x1: x1 + h, x2: x2 - h}), h), h, 0),
            justification="definition: the change of f(x₁, x₂, x₃) = x₁²x₂ + sin x₃ when x₁ "
            "increases, x₂ decreases and x₃ stays, the direction v = (1, −1, 0); the note "
            "calls this a partial derivative (편미분), which moves one variable only",
            quote="다변수일때는 x1 은 증가하는 방향 x2는 감소방향 x3 그대로? "
            "그럼 이런 표현을 다 해주어야 한다.",
        ),
        Step(
            sp.Derivative(f_of_three, x1) - sp.Derivative(f_of_three, x2),
            justification="chain rule: the directional derivative ∇f·v = ∂f/∂x₁ − ∂f/∂x₂, "
            "a combination of the partial derivatives",
        ),
        Step(2 * x1 * x2 - x1**2, justification="∂f/∂x₁ = 2x₁x₂, ∂f/∂x₂ = x₁²"),
    ),
    claim="the change along v = (1, −1, 0) is the directional derivative ∇f·v = ∂f/∂x₁ − ∂f/∂x₂; "
    "a partial derivative varies one variable with the others fixed",
    erratum_of="multivariable-chain-rule",
    erratum_kind="wording",
    topic="chain_rule",
    tags=("chain-rule", "erratum"),
)


DERIVATIONS: tuple[Derivation, ...] = (
    CHAIN_RULE_COMPOSITE,
    CHAIN_RULE_DT_DZ_ERRATUM,
    MULTIVARIABLE_CHAIN_RULE,
    COPY_GATE,
    CHAIN_RULE_RATE_DIRECTION_WORDING,
    DIRECTIONAL_CHANGE_WORDING,
)
