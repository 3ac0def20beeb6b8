r"""Evaluation bars (review round 5, L3): ``\frac{d}{dx} x^2 \Big|_{x=1}``,
``\left. … \right|_{x = 1}``, ``\bigg|_{x=0}`` are the value at the point, built as ``Subs``
(never parse errors); a bar whose reach is ambiguous, or a difference F(b) - F(a), is not read."""

from __future__ import annotations

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow

x, y, t = sp.symbols("x y t")


def value(text: str) -> sp.Basic:
    parsed = parse_latex_math(text)
    assert parsed.has(sp.Subs)
    return parsed.doit()


@pytest.mark.parametrize(
    "latex, expected",
    [
        # the derivative computed independently by SymPy, then evaluated at the point
        (r"\frac{d}{dx} x^2 \Big|_{x = 1}", sp.diff(x**2, x).subs(x, 1)),
        (r"\left. \frac{d}{dx} x^2 \right|_{x = 1}", sp.diff(x**2, x).subs(x, 1)),
        (r"\frac{d}{dx} x^3 \bigg|_{x=0}", sp.Integer(0)),
        (r"\frac{d}{dx} x^2 \,\Big|_{x = 1}", sp.Integer(2)),
        (r"\frac{d}{dx} x^2 \big|_{x = 1}", sp.Integer(2)),
        (r"\frac{d}{dx} x^2 \Bigr|_{x = 1}", sp.Integer(2)),
        (r"\frac{d}{dx} x^2 \vert_{x = 1}", sp.Integer(2)),
        (r"\frac{d}{dx} x^2 |_{x = 3}", sp.Integer(6)),
        (r"x^2 \Big|_{x=2}", sp.Integer(4)),
        (r"\left. \frac{d}{dx} \sin x \right|_{x = 0}", sp.cos(0)),
        (r"\frac{d}{dt} e^{2t} \Big|_{t=0}", sp.Integer(2)),
        (r"\frac{\partial}{\partial x} (x y) \Big|_{x = 1, y = 2}", sp.Integer(2)),
        (r"\left. x^2 y \right|_{x=y}", y**3),
    ],
)
def test_an_evaluation_bar_is_the_value_at_the_point(latex, expected):
    assert sp.simplify(value(latex) - expected) == 0


def test_terms_before_the_bar_that_do_not_use_its_variable_are_kept():
    assert value(r"3 + \frac{d}{dx} x^2 \Big|_{x = 1}") == 5


@pytest.mark.parametrize(
    "latex",
    [
        r"x \frac{d}{dx} x^2 \Big|_{x = 1}",  # x·2x at 1, or x·(2x at 1)? ambiguous
        r"x + \frac{d}{dx} x^2 \Big|_{x = 1}",
        r"\frac{d}{dx} x^2 \Big|_{0}^{1}",  # F(1) - F(0): not read
        r"x^2 \Big|_{x}",
        r"\left. x^2 \right)",
    ],
)
def test_an_ambiguous_or_unknown_bar_is_not_read(latex):
    with pytest.raises(ParseError):
        parse_latex_math(latex)


def test_absolute_values_are_not_evaluation_bars():
    assert parse_latex_math(r"|x - 1|") == sp.Abs(x - 1)
    assert parse_latex_math(r"|x|^2 + |y|") == sp.Abs(x) ** 2 + sp.Abs(y)
