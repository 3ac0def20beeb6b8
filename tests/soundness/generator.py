"""Hypothesis strategies for random TRUE identities and near-miss FALSE ones, in two spellings.

Every identity is built from a template (a value-preserving rewrite on a stated domain) applied
to random sub-expressions, and carries its plain text (``symderive equal``), its LaTeX text
(``equal --latex``) and whether it is true.  False ones are near misses of true ones: a sign
flipped, a factor 2, a term dropped, a tiny perturbation that 30 certified digits must see, an
off-by-one bound, a periodic trap, a size-specific identity.  Reusable by any channel (the
notes channel can wrap the LaTeX text in ``$$ … $$``).
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st


@dataclass(frozen=True)
class Text:
    """One expression in both spellings."""

    plain: str
    latex: str


@dataclass(frozen=True)
class Identity:
    lhs: Text
    rhs: Text
    true: bool
    kind: str  # the template or the near-miss that made it
    assume: str = ""  # the --assume text (the same names in both spellings)


def _wrap(t: Text) -> Text:
    return Text(f"({t.plain})", rf"\left({t.latex}\right)")


def add(a: Text, b: Text) -> Text:
    return Text(f"{a.plain} + {b.plain}", f"{a.latex} + {b.latex}")


def sub(a: Text, b: Text) -> Text:
    return Text(f"{a.plain} - {_wrap(b).plain}", f"{a.latex} - {_wrap(b).latex}")


def mul(a: Text, b: Text) -> Text:
    return Text(f"{_wrap(a).plain}*{_wrap(b).plain}", f"{_wrap(a).latex}{_wrap(b).latex}")


def div(a: Text, b: Text) -> Text:
    return Text(f"{_wrap(a).plain}/{_wrap(b).plain}", rf"\frac{{{a.latex}}}{{{b.latex}}}")


def power(a: Text, n: int) -> Text:
    return Text(f"{_wrap(a).plain}^{n}", f"{_wrap(a).latex}^{{{n}}}")


def call(name: str, a: Text, latex_name: str | None = None) -> Text:
    latex_name = latex_name or rf"\{name}"
    return Text(f"{name}({a.plain})", rf"{latex_name}\left({a.latex}\right)")


def absolute(a: Text) -> Text:
    return Text(f"abs({a.plain})", f"|{a.latex}|")


def number(value: int) -> Text:
    return Text(str(value), str(value))


def scaled(k: int, a: Text) -> Text:
    return mul(number(k), a) if k != 1 else a


X, Y = Text("x", "x"), Text("y", "y")
P, Q = Text("p", "p"), Text("q", "q")  # positive
ZERO, ONE = number(0), number(1)

reals = st.builds(
    lambda atom, k, c: add(scaled(k, atom), number(c)),
    st.sampled_from([X, Y]),
    st.integers(1, 3),
    st.integers(-3, 3),
)
positives = st.one_of(
    st.sampled_from([P, Q]),
    st.builds(lambda a: add(power(a, 2), ONE), st.sampled_from([X, Y])),
    st.builds(lambda a: call("exp", a), st.sampled_from([X, Y])),
)
small = st.builds(lambda atom, k: scaled(k, atom), st.sampled_from([X, Y]), st.integers(1, 3))


def _true(lhs: Text, rhs: Text, kind: str, assume: str = "") -> Identity:
    return Identity(lhs, rhs, True, kind, assume)


POSITIVE = "p, q positive"

TEMPLATES = [
    # polynomial and rational algebra over the reals
    st.builds(lambda a, b: _true(power(add(a, b), 2), add(add(power(a, 2), mul(number(2), mul(a, b))), power(b, 2)), "square of a sum"), reals, reals),
    st.builds(lambda a, b: _true(mul(sub(a, b), add(a, b)), sub(power(a, 2), power(b, 2)), "difference of squares"), reals, reals),
    st.builds(lambda a, b: _true(sub(power(a, 3), power(b, 3)), mul(sub(a, b), add(add(power(a, 2), mul(a, b)), power(b, 2))), "difference of cubes"), reals, reals),
    st.builds(lambda a, b, c: _true(add(div(a, c), div(b, c)), div(add(a, b), c), "common denominator"), reals, reals, positives),
    # exponentials and logarithms on their domains
    st.builds(lambda a, b: _true(call("exp", add(a, b)), mul(call("exp", a), call("exp", b)), "exp of a sum"), small, small),
    st.builds(lambda a, b: _true(call("log", mul(a, b)), add(call("log", a), call("log", b)), "log of a product", POSITIVE), positives, positives),
    st.builds(lambda a: _true(call("log", power(a, 2)), mul(number(2), call("log", a)), "log of a square", POSITIVE), positives),
    st.builds(lambda a: _true(Text(f"sqrt({power(a, 2).plain})", rf"\sqrt{{{power(a, 2).latex}}}"), absolute(a), "sqrt of a square"), reals),
    # trigonometric and hyperbolic
    st.builds(lambda a: _true(add(power(call("sin", a), 2), power(call("cos", a), 2)), ONE, "sin^2 + cos^2"), reals),
    st.builds(lambda a: _true(call("sin", mul(number(2), a)), mul(number(2), mul(call("sin", a), call("cos", a))), "double angle"), reals),
    st.builds(lambda a: _true(sub(power(call("cosh", a), 2), power(call("sinh", a), 2)), ONE, "cosh^2 - sinh^2"), small),
    # deep-learning functions and kinks
    st.builds(lambda a: _true(call("sigmoid", a, r"\sigma"), div(ONE, add(ONE, call("exp", Text(f"-{_wrap(a).plain}", f"-{_wrap(a).latex}")))), "sigmoid definition"), reals),
    st.builds(lambda a: _true(sub(call("relu", a, r"\operatorname{relu}"), call("relu", Text(f"-{_wrap(a).plain}", f"-{_wrap(a).latex}"), r"\operatorname{relu}")), a, "relu(a) - relu(-a)"), reals),
    st.builds(lambda a, b: _true(Text(f"max({a.plain}, {b.plain})", rf"\max\left({a.latex}, {b.latex}\right)"), div(add(add(a, b), absolute(sub(a, b))), number(2)), "max as |a-b|"), reals, reals),
    st.builds(lambda a, b: _true(absolute(mul(a, b)), mul(absolute(a), absolute(b)), "|ab| = |a||b|"), reals, reals),
]

identities_true = st.one_of(*TEMPLATES)


def _near_miss(identity: Identity, how: str, k: int) -> Identity:
    rhs = identity.rhs
    if how == "sign flip":
        rhs = Text(f"-{_wrap(rhs).plain}", f"-{_wrap(rhs).latex}")
    elif how == "factor 2":
        rhs = mul(number(2), rhs)
    elif how == "dropped term":
        rhs = add(rhs, number(k))
    elif how == "tiny perturbation":
        # relative 10^-k with k <= 25: 30 certified digits must see it
        rhs = mul(Text(f"(1 + 10^(-{k}))", rf"\left(1 + 10^{{-{k}}}\right)"), rhs)
    return Identity(identity.lhs, rhs, False, f"{identity.kind} / {how}", identity.assume)


def _nonzero_rhs(identity: Identity) -> bool:
    return identity.rhs.plain not in ("0",)


identities_false = st.builds(
    _near_miss,
    identities_true.filter(_nonzero_rhs),
    st.sampled_from(["sign flip", "factor 2", "dropped term", "tiny perturbation"]),
    st.integers(15, 25),
)

# traps with their own shape: periodic, kinks far out, size-specific, off-by-one bounds
traps = st.one_of(
    st.builds(lambda k: Identity(Text(f"sin({2 * k}*pi*x)", rf"\sin\left({2 * k}\pi x\right)"), ZERO, False, "periodic trap"), st.integers(1, 600)),
    st.builds(lambda c: Identity(Text(f"relu(x - {c})", rf"\operatorname{{relu}}\left(x - {c}\right)"), ZERO, False, "kink far out"), st.integers(5, 10_000)),
    st.builds(lambda c: Identity(Text(f"min(x, {c})", rf"\min\left(x, {c}\right)"), X, False, "min far out", "x positive"), st.integers(10, 10_000)),
    st.builds(lambda c: Identity(Text("", rf"\sum_{{i=1}}^{{n}} i"), Text("", rf"\frac{{n\left(n+{c}\right)}}{{2}}"), c == 1, "sum of i, off by one" if c != 1 else "sum of i"), st.integers(0, 2)),
    # Σ_{i=c}^{n} 1 = n - c + 1 holds for every n >= 1 only while the range cannot be
    # reversed by more than one (c <= 2): at n = 1, c = 3 the empty sum is 0, not -1
    st.builds(lambda c: Identity(Text("", rf"\sum_{{i={c}}}^{{n}} 1"), Text("", f"n - {c - 1}"), c <= 2, "count of an empty range" if c > 2 else "count"), st.integers(1, 4)),
    st.builds(lambda k: Identity(Text("*".join(f"(n - {j})" for j in range(2, 2 + k)), ""), ZERO, False, "size-specific", "n size"), st.integers(1, 5)),
)
