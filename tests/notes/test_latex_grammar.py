"""The LaTeX-subset grammar builds the SymPy objects the notation means, and rejects the rest."""

from __future__ import annotations

import time

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symderive.errors import ParseError
from symderive.expectation import E, Var
from symderive.functions import sigmoid
from symderive.grammar.latex import (
    MATRIX_SIZE,
    MAX_DEPTH,
    MAX_LENGTH,
    LatexContext,
    parse_latex_identity_side,
    parse_latex_math,
)

x, y, z, t, a, b = sp.symbols("x y z t a b")
n = sp.Symbol("n", integer=True, positive=True)
i = sp.Symbol("i", integer=True)
p, q = sp.IndexedBase("p"), sp.IndexedBase("q")


def parse(text: str, **kwargs) -> sp.Basic:
    return parse_latex_math(text, **kwargs)


@pytest.mark.parametrize(
    "latex, expected",
    [
        (r"\frac{1}{1+e^{-x}}", 1 / (1 + sp.exp(-x))),
        (r"\frac{a}{b}\cdot x", a / b * x),
        (r"2x y", 2 * x * y),
        (r"a/b \cdot c", a / b * c if (c := sp.Symbol("c")) else None),
        (r"x^{2} \times y_1", x**2 * sp.Symbol("y_1")),
        (r"-x^2", -(x**2)),
        (r"(x+y)z", (x + y) * z),
        (r"\left( x + 1 \right)^2", (x + 1) ** 2),
        (r"\Big(x\Big)\Big(y\Big)", x * y),
        (r"\sqrt{x^2+1}", sp.sqrt(x**2 + 1)),
        (r"\sqrt[3]{x}", sp.root(x, 3)),
        (r"\log x + 1", sp.log(x) + 1),
        (r"\log 2x", sp.log(2 * x)),
        (r"\log a \log b", sp.log(a) * sp.log(b)),
        (r"log{\frac{1}{x}}", sp.log(1 / x)),
        (r"\ln(x)^2", sp.log(x) ** 2),
        (r"\log_2 x", sp.log(x) / sp.log(2)),
        (r"\exp(x) e", sp.exp(x) * sp.E),
        (r"e^{x}", sp.exp(x)),
        (r"\sigma(x)(1-\sigma(x))", sigmoid(x) * (1 - sigmoid(x))),
        (r"\sigma^2", sp.Symbol("sigma") ** 2),
        (r"\tanh^2(x)", sp.tanh(x) ** 2),
        (r"|x - 1|", sp.Abs(x - 1)),
        (r"\|x\|", sp.Abs(x)),
        (r"\max(0, x)", sp.Max(0, x)),
        (r"\hat y", sp.Symbol(r"\hat{y}")),
        (r"\hat{y}_t", sp.Symbol(r"\hat{y}_t")),
        (r"\mathbf{x}", sp.MatrixSymbol(r"\mathbf{x}", MATRIX_SIZE, 1)),  # bold: a vector
        (r"\mathbf{x}_i", sp.Symbol("x_i")),  # an entry of it is a scalar
        (r"y_{t}", sp.Symbol("y_t")),
        (r"−x", -x),  # the Unicode minus of copied notes
        (r"0.5 x", x / 2),
    ],
)
def test_notation_reads_as_the_mathematics(latex, expected):
    assert parse(latex) == expected


def test_sum_with_bounds_binds_its_index_and_takes_the_following_term():
    # an explicit bound is the note's own symbol; the notes checker makes it a size
    bound = sp.Symbol("n")
    expected = sp.Sum(p[i] * sp.log(p[i]), (i, 1, bound)) + 1
    assert parse(r"\sum_{i=1}^{n} p_i \log p_i + 1") == expected


def test_sum_without_bounds_runs_over_one_to_n():
    assert parse(r"\sum_i p_i") == sp.Sum(p[i], (i, 1, n))


def test_probability_of_an_indexed_outcome_reads_as_p_i():
    assert parse(r"\sum_{i=1}^{3} p(x_i)").doit() == p[1] + p[2] + p[3]


def test_p_of_a_compound_argument_stays_a_product():
    assert parse(r"p(1-p)") == sp.Symbol("p") * (1 - sp.Symbol("p"))


def test_product_with_numeric_bounds_evaluates_to_the_same_value():
    assert parse(r"\prod_{j=1}^{3} (j+1)").doit() == 2 * 3 * 4


def test_kl_divergence_is_the_sum_of_p_log_p_over_q():
    assert parse(r"D_{KL}(P\|Q)") == sp.Sum(p[i] * sp.log(p[i] / q[i]), (i, 1, n))
    assert parse(r"D_{KL}(P || Q)") == parse(r"D_{KL}(P, Q)")


def test_derivative_notations_are_unevaluated_derivatives():
    assert parse(r"\frac{d}{dx} x^2") == sp.Derivative(x**2, x)
    assert parse(r"\frac{d\sigma(x)}{dx}") == sp.Derivative(sigmoid(x), x)
    assert parse(r"\frac{\partial z}{\partial t}") == sp.Derivative(z, t)
    assert parse(r"\frac{\partial^2 f}{\partial x^2}") == sp.Derivative(sp.Symbol("f"), x, x)
    assert parse(r"\frac{\partial}{\partial x}(x y)").doit() == y


def test_expectation_and_variance():
    epsilon = sp.Symbol("varepsilon")
    assert parse(r"\mathbb{E}[\varepsilon^2]") == E(epsilon**2)
    assert parse(r"E[x] + \operatorname{Var}(x)") == E(x) + Var(x)
    assert parse(r"Var(x)") == Var(x)


def test_transpose_of_a_declared_matrix():
    context = LatexContext(shapes=(("W", (2, 3)),))
    w = sp.MatrixSymbol("W", 2, 3)
    assert parse(r"W^T", context=context) == w.T
    assert parse(r"W^\top", context=context) == w.T


def test_transpose_of_a_scalar_is_reported():
    with pytest.raises(ParseError, match="transpose"):
        parse(r"x^\top")


def test_declared_functions_apply_to_their_argument():
    context = LatexContext(functions=frozenset({"u"}))
    assert parse("u(x)", context=context) == sp.Function("u")(x)
    assert parse("u(x)") == sp.Symbol("u") * x


@pytest.mark.parametrize(
    "latex, message",
    [
        (r"\foo{x}", "unsupported command"),
        (r"Bias x", "Bias without a parenthesised argument"),
        (r"Bogus(x)", "unknown word"),
        (r"\text{hello}", "prose"),
        (r"minimize(x)", "optimisation"),
        (r"(x + 1", "expected"),
        (r"x +", "unexpected"),
        (r"", "empty"),
        (r"\frac{1}", "expected"),
        (r"f'", "primes"),
        (r"\input{secret}", "unsupported command"),
        (r"a/bc", "two readings"),  # (a/b)·c or a/(bc): round 6 H1
    ],
)
def test_outside_the_grammar_is_reported_not_guessed(latex, message):
    with pytest.raises(ParseError, match=message):
        parse(latex)


def test_parse_error_carries_source_line_and_column():
    with pytest.raises(ParseError) as raised:
        parse(r"x + \foo", source="notes.md", line=12)
    assert (raised.value.source, raised.value.line, raised.value.column) == ("notes.md", 12, 5)


def test_text_that_looks_like_python_is_never_evaluated():
    with pytest.raises(ParseError):
        parse("__import__('os').system('echo hi')")


@pytest.mark.parametrize(
    "latex",
    [
        "{" * (MAX_DEPTH + 5) + "x" + "}" * (MAX_DEPTH + 5),
        "(" * 500 + "x" + ")" * 500,
        "x+" * (MAX_LENGTH // 2 + 1) + "x",
        r"2^{100000}",
        r"10^{10^{10}}",
        r"1000!",
    ],
)
def test_input_limits_fail_fast(latex):
    started = time.monotonic()
    with pytest.raises(ParseError):
        parse(latex)
    assert time.monotonic() - started < 1.0


def test_identity_side_for_the_equal_command():
    assert (
        parse_latex_identity_side(r"\frac{e^{-x}}{(1+e^{-x})^2}")
        == sp.exp(-x) / (1 + sp.exp(-x)) ** 2
    )


TOKENS = [
    "x", "y", "2", "e", "+", "-", "^", "_", "{", "}", "(", ")", "[", "]", "|", r"\|", ",", "!",
    r"\frac", r"\sqrt", r"\sum", r"\prod", r"\log", r"\exp", r"\sigma", r"\left(", r"\right)",
    r"\cdot", r"\hat", r"\partial", "d", "E", r"\mathbb{E}", "Var", r"\operatorname{Var}", "p",
    "i", "=", r"\top", "T", "W", r"\max", r"\tanh", "f", r"\text{a}", r"\\", "&", "'",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25))
def test_any_token_soup_parses_or_raises_a_parse_error(tokens):
    context = LatexContext(shapes=(("W", (2, 2)),))
    try:
        result = parse_latex_math(" ".join(tokens), context=context)
    except ParseError:
        return
    assert isinstance(result, sp.Basic)
