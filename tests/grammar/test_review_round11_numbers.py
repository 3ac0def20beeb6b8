"""Round 11a F21, F22, F23: numbers as TeX shows them.

- F21: ``1 048 576`` is 1048576 (TeX ignores spaces in math; the groups are not a product).
- F22: ``2\\frac{1}{4}`` is the mixed number 2¼ or the product 2·¼, and ``2 3`` shows as 23:
  two readings, not read (a parse error naming both), never decided with one.
- F23: ``5!!`` is the double factorial 5·3·1 = 15, never (5!)! = 120!.
Expected values are built independently with SymPy's own constructors.
"""

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math


@pytest.mark.parametrize(("written", "value"), [
    ("1 048 576", 2**20), ("1 000", 1000), ("1 024", 1024), (r"1\,024", 1024),
    ("5!!", sp.factorial2(5)), ("7!!", 105), ("5! !", 15), ("3!", 6),
])
def test_numbers_as_printed(written, value):
    assert parse_latex_math(written) == value


def test_a_double_factorial_of_a_symbol():
    n = next(iter(parse_latex_math("n").free_symbols))
    assert parse_latex_math("(2n)!!") == sp.factorial2(2 * n)


@pytest.mark.parametrize("written", ["2 3", r"2\frac{1}{4}", r"1\tfrac{1}{2}", r"3\dfrac{3}{4}",
                                     "12 34"])
def test_numbers_side_by_side_have_two_readings(written):
    with pytest.raises(ParseError, match="two readings"):
        parse_latex_math(written)


@pytest.mark.parametrize(("written", "value"), [
    (r"\frac 1 2", sp.Rational(1, 2)), (r"2 \cdot \frac{1}{4}", sp.Rational(1, 2)),
    (r"2\frac{x}{4}", None),
])
def test_arguments_and_products_are_not_side_by_side(written, value):
    parsed = parse_latex_math(written)
    if value is not None:
        assert parsed == value
    else:
        (x,) = parsed.free_symbols
        assert parsed == x / 2


def test_a_script_takes_one_digit():
    parsed = parse_latex_math("x^2 3")
    (x,) = parsed.free_symbols
    assert parsed == 3 * x**2
