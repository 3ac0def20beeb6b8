"""Round 57 (main): the gradients of a loss written the way backpropagation notes write it.

* ``\\sum_{n=1}^N (y_n - t_n)^2``: TeX's ``^N`` takes the one token N, so the parenthesis is
  the sum's body — it was read as N applied to it, the MSE was not read as a definition, and
  every gradient of it was skipped;
* the count N of such a sum is an integer, so a claim with 1/N commutes (it was withheld as if
  N might be a matrix);
* a loss defined with matrices whose shapes the prose declares (``W ∈ ℝ^{m×n}``) is read with
  those shapes where the step is (round 52 AK01's root cause: the step was skipped);
* AR01: ``c(\\mathbf{x}) \\leq 0`` no longer stops the whole note (a TypeError).
"""

from __future__ import annotations

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math
from tests.notes.note_steps import verdicts_by_line

y, t, n = sp.IndexedBase("y"), sp.IndexedBase("t"), sp.Symbol("n", integer=True)


# -- TeX's ^N is one token ---------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "\\sum_{n=1}^N (y_n - t_n)^2",
    "\\sum_{n=1}^N \\left(y_n - t_n\\right)^2",
    "\\sum_{n=1}^{N} (y_n - t_n)^2",
])
def test_an_unbraced_upper_bound_is_one_letter_and_the_parenthesis_the_body(written):
    total = parse_latex_math(written)
    assert isinstance(total, sp.Sum)
    assert str(total.limits[0][2]) == "N"
    assert total.function == (y[n] - t[n]) ** 2


def test_an_unbraced_exponent_before_a_parenthesis_multiplies_it():
    x, a, big_n = sp.symbols("x a N")
    assert parse_latex_math("x^N (a+1)") == x ** big_n * (a + 1)


def test_a_function_letter_as_an_exponent_before_a_parenthesis_is_two_readings():
    with pytest.raises(ParseError, match="two readings"):
        parse_latex_math("e^f(x)")  # e^{f(x)} meant, e^f (x) typeset


MSE = "Let $L = \\frac{1}{2N}\\sum_{n=1}^N (y_n - t_n)^2$.\n\n"


@pytest.mark.parametrize("gradient, verdict", [
    ("\\frac{1}{N}(y_m - t_m)", "checked"),
    ("y_m - t_m", "refuted"),  # the 1/N forgotten
    ("\\frac{2}{N}(y_m - t_m)", "refuted"),  # the ½ forgotten
])
def test_the_mean_squared_error_gradient(tmp_path, gradient, verdict):
    note = f"# MSE\n\n{MSE}$$\\frac{{\\partial L}}{{\\partial y_m}} = {gradient}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


# -- shapes declared in prose reach the definitions a step uses (AK01) ------------------------

DECLARED = ("Let $\\mathbf{W} \\in \\mathbb{R}^{m \\times n}$, $\\mathbf{x} \\in \\mathbb{R}^{n}$ "
            "and $\\mathbf{y} \\in \\mathbb{R}^{m}$.\nThe squared error is "
            "$L = \\|\\mathbf{W}\\mathbf{x} - \\mathbf{y}\\|^2$.\n\n")


@pytest.mark.parametrize("variable, gradient, verdict", [
    ("\\mathbf{W}", "2(\\mathbf{W}\\mathbf{x} - \\mathbf{y})\\mathbf{x}^\\top", "checked"),
    ("\\mathbf{x}", "2\\mathbf{W}^\\top(\\mathbf{W}\\mathbf{x} - \\mathbf{y})", "checked"),
    ("\\mathbf{W}", "(\\mathbf{W}\\mathbf{x} - \\mathbf{y})\\mathbf{x}^\\top", "refuted"),
    ("\\mathbf{x}", "2\\mathbf{W}^\\top(\\mathbf{y} - \\mathbf{W}\\mathbf{x})", "refuted"),
])
def test_the_gradients_of_a_squared_error_with_declared_shapes(tmp_path, variable, gradient,
                                                              verdict):
    note = (f"# Least squares\n\n{DECLARED}$$\\frac{{\\partial L}}{{\\partial {variable}}} = "
            f"{gradient}$$\n")
    assert verdicts_by_line(tmp_path, note)[6] == [verdict]


def test_a_definition_under_other_shapes_is_not_read_with_the_steps(tmp_path):
    # the loss is defined where W is n × n; the step's sub-section declares W m × n: two
    # matrices, and no verdict about either
    note = ("# Note\n\nLet $\\mathbf{W} \\in \\mathbb{R}^{n \\times n}$ and "
            "$\\mathbf{x} \\in \\mathbb{R}^{n}$.\nThe loss is $L = \\|\\mathbf{W}\\mathbf{x}\\|^2$."
            "\n\n## Rectangular\n\nLet $\\mathbf{W} \\in \\mathbb{R}^{m \\times n}$.\n\n"
            "$$\\frac{\\partial L}{\\partial \\mathbf{W}} = (\\mathbf{W}\\mathbf{x})"
            "\\mathbf{x}^\\top$$\n")
    assert verdicts_by_line(tmp_path, note)[10] in (["skipped"], ["undecided"])


# -- AR01: a constraint of a function of a vector --------------------------------------------

def test_a_constraint_on_a_function_of_a_vector_leaves_the_rest_of_the_note_read(tmp_path):
    note = ("# Constraints\n\nWe need $c(\\mathbf{x}) \\leq 0$ for all feasible points.\n\n"
            "$$\\frac{d}{dx} x^2 = 2x$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]
