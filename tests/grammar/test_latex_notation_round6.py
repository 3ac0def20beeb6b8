"""The LaTeX grammar's reading of unparenthesised function arguments, T superscripts, sum
bounds, Landau symbols and units (round 6 review), compared with mpmath values."""

import mpmath
import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import LatexContext, parse_latex_math


def value(text: str, context: LatexContext | None = None, **point: float) -> float:
    expression = parse_latex_math(text, context=context)
    return float(expression.subs({sp.Symbol(k): sp.Float(v, 30) for k, v in point.items()}).evalf(30))


@pytest.mark.parametrize(
    ("text", "point", "reference"),
    [
        (r"\sin x \cdot y", {"x": 0.7, "y": 2.0}, lambda x, y: mpmath.sin(x) * y),
        (r"\ln 2 \cdot 3", {}, lambda: 3 * mpmath.log(2)),
        (r"\sin x / \cos x", {"x": 0.7}, lambda x: mpmath.tan(x)),
        (r"\tanh x \times 3", {"x": 0.4}, lambda x: 3 * mpmath.tanh(x)),
        (r"\log \sigma(z) \cdot y", {"z": 0.3, "y": 1.5},
         lambda z, y: y * mpmath.log(1 / (1 + mpmath.exp(-z)))),
        (r"\exp x \cdot y", {"x": 0.5, "y": 3.0}, lambda x, y: mpmath.exp(x) * y),
        (r"\sin 2x", {"x": 0.3}, lambda x: mpmath.sin(2 * x)),
        (r"\sin 2 \pi x", {"x": 0.1}, lambda x: mpmath.sin(2 * mpmath.pi * x)),
        (r"\log xy", {"x": 2.0, "y": 3.0}, lambda x, y: mpmath.log(6)),
        (r"\log a \log b", {"a": 2.0, "b": 3.0}, lambda a, b: mpmath.log(2) * mpmath.log(3)),
        (r"\log x + 1", {"x": 2.0}, lambda x: mpmath.log(2) + 1),
        (r"\sum_{i=1}^{\pi} i", {}, lambda: 1 + 2 + 3),
        (r"\sum_{i=1}^{2.5} 1", {}, lambda: 2),
        (r"\prod_{i=1}^{\sqrt{10}} i", {}, lambda: 6),
    ],
)
def test_readings_match_the_reference(text, point, reference):
    assert value(text, **point) == pytest.approx(float(reference(**point)), rel=1e-12)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"\sin x y", "two readings"), (r"\sin x \, 2", "two readings"),
        (r"1/2x", "two readings"), (r"a/bc", "two readings"),
        (r"\frac{d}{dx} x^2 + 3x", "two readings"),
        (r"\mathbf{A} * \mathbf{B}", "three readings"),
        (r"\theta^T x", "transpose"), (r"w^{T} x", "transpose"), (r"w^\mathrm{T}", "transpose"),
        (r"(a + b)^T", "two readings"),
        (r"o(x^2)", "asymptotic"), (r"O(h)", "asymptotic"), (r"\mathcal{O}(n)", "asymptotic"),
        (r"\Theta(n)", "asymptotic"), (r"\Omega(n)", "asymptotic"),
        (r"\sum_{i=1}^{n/2} i", "not an integer"), (r"\sum_{i=1}^{\sqrt{n}} i", "not an integer"),
        (r"\sum_{k=0}^{\log_2 n} 2^k", "not an integer"), (r"\sum_{i=1}^{x} 1", "not an integer"),
        (r"1\,\mathrm{km}", "unit"), (r"3\,\mathrm{s}", "unit"), (r"1\ \mathrm{mm}", "unit"),
    ],
)
def test_notation_with_two_readings_or_no_value_is_refused(text, words):
    with pytest.raises(ParseError, match=words):
        parse_latex_math(text)


def test_T_is_a_power_where_the_note_uses_T_as_a_number():
    horizon = LatexContext(names=frozenset({"T"}))
    assert parse_latex_math(r"\gamma^T", context=horizon) == sp.Symbol("gamma") ** sp.Symbol("T")


def test_a_declared_product_and_a_product_with_the_output_o_are_read():
    assert parse_latex_math("o(1-o)") == sp.Symbol("o") * (1 - sp.Symbol("o"))
    regulariser = LatexContext(functions=frozenset({"Omega"}))
    assert parse_latex_math(r"\Omega(w)", context=regulariser) == sp.Function("Omega")(sp.Symbol("w"))
