"""Findings C4, C6, C7 and H3 of the eighth adversarial review (/work/findings/round8a.md), each
with the reviewer's note text: definitions of bold matrices and vectors are substituted (or the
step is not read, never checked with the defined matrix free), a partial derivative of a name
defined through another defined name holds it fixed only where the note tells partial and total
apart, ``\\Delta f`` of a defined function is its Laplacian, and the misleading reasons."""

import pytest

from tests.notes.note_steps import (
    steps_by_line,
    verdicts_by_line as verdicts,
    reasons_by_line as reasons,
)

pytestmark = pytest.mark.slow




# -- C4: a defined matrix is its definition ----------------------------------------------------

GRAM = (
    "# Gram\n\nLet $\\mathbf{X} \\in \\mathbb{R}^{n \\times d}$.\n\n"
    "$$ \\mathbf{G} = \\mathbf{X}^\\top \\mathbf{X} $$\n\n"
    "$$ \\mathbf{G}^\\top = \\mathbf{G} $$\n\n"                       # true: X^T X is symmetric
    "$$ \\mathrm{tr}(\\mathbf{G}) = \\|\\mathbf{X}\\|_F^2 $$\n\n"     # true
    "$$ \\mathrm{tr}(\\mathbf{G}) = 2\\|\\mathbf{X}\\|_F^2 $$\n"       # false
)


def test_gram_matrix_definition_is_used(tmp_path):
    found = verdicts(tmp_path, GRAM)
    assert found[7] == ["checked"] and found[9] == ["checked"]
    assert found[11] == ["refuted"]


def test_definition_written_with_colon_equals(tmp_path):
    text = ("# G\n\n$$ \\mathbf{G} := \\mathbf{X}^\\top \\mathbf{X} $$\n\n"
            "$$ \\mathbf{G}^\\top = \\mathbf{G} $$\n")
    assert verdicts(tmp_path, text)[5] == ["checked"]


RESIDUAL = (
    "# Residual\n\nLet $\\mathbf{X} \\in \\mathbb{R}^{n \\times d}$, $\\mathbf{y} \\in "
    "\\mathbb{R}^{n}$ and $\\mathbf{w} \\in \\mathbb{R}^{d}$.\n\n"
    "$$ \\mathbf{r} = \\mathbf{y} - \\mathbf{X}\\mathbf{w} $$\n\n"
    "$$ \\|\\mathbf{r}\\|^2 = (\\mathbf{y} - \\mathbf{X}\\mathbf{w})^\\top(\\mathbf{y} - "
    "\\mathbf{X}\\mathbf{w}) $$\n\n"
    "$$ \\mathbf{r}^\\top \\mathbf{r} = \\|\\mathbf{y} + \\mathbf{X}\\mathbf{w}\\|^2 $$\n"
)


def test_residual_definition_is_used(tmp_path):
    found = verdicts(tmp_path, RESIDUAL)
    assert found[7] == ["checked"]
    assert found[9] == ["refuted"]  # y + Xw is not the residual


def test_let_sentences_define_matrices(tmp_path):
    text = ("# M\n\nLet $\\mathbf{C} = \\mathbf{A}^\\top \\mathbf{A}$.\n\n"
            "$$ \\mathbf{C}^\\top = \\mathbf{C} $$\n\n"
            "Let $\\mathbf{S} = \\mathbf{A} + \\mathbf{A}^\\top$.\n\n"
            "$$ \\mathbf{x}^\\top \\mathbf{S} \\mathbf{x} = 2 \\mathbf{x}^\\top\\mathbf{A}"
            "\\mathbf{x} $$\n\n"
            "Let $\\mathbf{K} = \\mathbf{A} - \\mathbf{A}^\\top$.\n\n"
            "$$ \\mathbf{K}^\\top = \\mathbf{K} $$\n")  # antisymmetric: false
    found = verdicts(tmp_path, text)
    assert found[5] == ["checked"] and found[9] == ["checked"]
    assert found[13] == ["refuted"]


def test_a_definition_that_cannot_be_read_leaves_the_step_unread(tmp_path):
    text = ("# V\n\nLet $\\mathbf{x} = (x_1, x_2)$.\n\n"
            "$$ \\|\\mathbf{x}\\|^2 = x_1^2 + x_2^2 $$\n\n"
            "Let $\\mathbf{v} = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$.\n\n"
            "$$ \\|\\mathbf{v}\\|^2 = 7 $$\n")
    steps = steps_by_line(tmp_path, text)
    [step] = steps[5]  # the tuple (x_1, x_2) is not read
    assert step.verdict == "skipped"
    assert "cannot substitute" in step.reason and "defined at line" in step.reason
    [step] = steps[9]  # a bmatrix is read (grammar/matrix_literals.py): ‖(1, 2)‖² = 5, not 7
    assert step.verdict == "refuted"


def test_a_matrix_differentiated_by_is_not_substituted(tmp_path):
    text = ("# D\n\n$$ \\mathbf{G} = \\mathbf{X}^\\top \\mathbf{X} $$\n\n"
            "$$ \\frac{\\partial L}{\\partial \\mathbf{G}} = \\mathbf{G} $$\n")
    [step] = steps_by_line(tmp_path, text)[5]
    assert step.verdict == "skipped" and "differentiated by" in step.reason


def test_a_vector_defined_as_its_entries_stays_a_vector(tmp_path):
    text = ("# V\n\nLet $\\mathbf{x} = [x_1, x_2, \\ldots, x_n]^\\top$.\n\n"
            "$$ \\nabla_{\\mathbf{x}} \\mathbf{x}^\\top \\mathbf{x} = 2\\mathbf{x} $$\n\n"
            "$$ \\nabla_{\\mathbf{x}} \\mathbf{x}^\\top \\mathbf{x} = 3\\mathbf{x} $$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == ["checked"] and found[7] == ["refuted"]


# -- C6: partial and total derivatives of a defined name --------------------------------------

CHAIN_RULE = (
    "# Total derivative\n\nLet $z = x^2 y$ where $y = x^3$.\n\n"
    "$$ \\frac{\\partial z}{\\partial y} = x^2 $$\n\n"
    "$$ \\frac{dz}{dx} = \\frac{\\partial z}{\\partial x} + \\frac{\\partial z}{\\partial y}"
    "\\frac{dy}{dx} = 2xy + x^2 \\cdot 3x^2 = 5x^4 $$\n"
)


def test_multivariable_chain_rule_holds_y_fixed_in_the_partial(tmp_path):
    found = verdicts(tmp_path, CHAIN_RULE)
    assert found[5] == ["proved"]
    assert found[7] == ["proved", "proved", "proved"]


def test_partial_and_total_of_one_name(tmp_path):
    text = ("# T\n\nLet $z = x^2 y$ and $y = x^3$.\n\n"
            "$$ \\frac{dz}{dx} = 5 x^4 $$\n\n"
            "$$ \\frac{\\partial z}{\\partial x} = 2 x y $$\n\n"
            "$$ \\frac{\\partial z}{\\partial x} = 5 x^4 $$\n\n"  # the total, written as ∂
            "$$ \\frac{dz}{dx} = 2 x y $$\n")                     # the partial, written as d
    found = verdicts(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["proved"]
    assert found[9] == ["refuted"] and found[11] == ["refuted"]


def test_partial_without_the_distinction_is_not_read(tmp_path):
    text = ("# P\n\nLet $z = x^2 y$ where $y = x^3$.\n\n"
            "$$ \\frac{\\partial z}{\\partial x} = 2 x y $$\n")
    [step] = steps_by_line(tmp_path, text)[5]
    assert step.verdict == "skipped"
    assert "held fixed" in step.reason and "total derivative" in step.reason


def test_partial_through_an_intermediate_is_unchanged(tmp_path):
    text = ("# U\n\nLet $z = u^2$ and $u = x + y$.\n\n"
            "$$ \\frac{\\partial z}{\\partial x} = 2(x + y) $$\n\n"
            "$$ \\frac{\\partial z}{\\partial x} = 2x $$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["refuted"]


def test_polar_inverse_derivative_names_the_circle(tmp_path):
    text = ("# Polar\n\nLet $x = r\\cos\\theta$ and $y = r\\sin\\theta$.\n\n"
            "$$ \\frac{\\partial x}{\\partial \\theta} = -r \\sin\\theta $$\n\n"
            "$$ \\frac{\\partial r}{\\partial x} = \\frac{x}{r} $$\n")
    steps = steps_by_line(tmp_path, text)
    assert [s.verdict for s in steps[5]] == ["proved"]
    [step] = steps[7]
    assert step.verdict == "skipped" and "deeper than" not in step.reason
    assert "independent" in step.reason


def test_x_equals_x_is_no_definition(tmp_path):
    text = "# W\n\n$$ x = x \\\\ $$\n\n$$ ∂_x (x^2) = 2x $$\n"
    assert verdicts(tmp_path, text)[5] == ["proved"]


# -- C7: the Laplacian --------------------------------------------------------------------------

HARMONIC = (
    "# Harmonic\n\nLet $f(x, y) = x^2 - y^2$. It is harmonic:\n\n"
    "$$ \\Delta f = 0 $$\n\n$$ \\nabla^2 f = 0 $$\n\n"
    "$$ \\Delta f = \\frac{\\partial^2 f}{\\partial x^2} + \\frac{\\partial^2 f}{\\partial y^2}"
    " = 0 $$\n\n"
    "$$ \\Delta f = 2 $$\n"
)


def test_laplacian_of_a_defined_function(tmp_path):
    found = verdicts(tmp_path, HARMONIC)
    assert found[5] == ["proved"] and found[7] == ["proved"]
    assert found[9] == ["proved", "proved"]
    assert found[11] == ["refuted"]


def test_laplacian_without_the_word(tmp_path):
    text = "# G\n\nLet $f(x, y) = x^2y + y^3$.\n\n$$ \\Delta f = 8y $$\n\n$$ \\Delta f = 6y $$\n"
    found = verdicts(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["refuted"]


def test_delta_f_beside_increments_is_not_read(tmp_path):
    text = ("# I\n\nLet $f(x, y) = x^2 + y^2$.\n\n"
            "$$ \\Delta f = 2x\\Delta x + 2y\\Delta y $$\n")
    [step] = steps_by_line(tmp_path, text)[5]
    assert step.verdict == "skipped" and "operator" in step.reason


def test_an_increment_stays_a_name(tmp_path):
    text = "# I\n\n$$ \\Delta x + \\Delta x = 2\\Delta x $$\n"
    assert verdicts(tmp_path, text)[3] == ["proved"]


# -- H3: Greek function names, σ' ---------------------------------------------------------------

def test_greek_functions_defined_in_prose(tmp_path):
    text = ("# B\n\nLet $\\zeta(s) = 2s$.\n\n$$ \\zeta(2) = 4 $$\n\n$$ \\zeta(2) = 5 $$\n\n"
            "Let $\\delta(x) = 3x$.\n\n$$ \\delta(1) = 3 $$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["refuted"] and found[11] == ["proved"]


def test_sigmoid_derivative_with_a_prime(tmp_path):
    text = ("# S\n\nLet $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\n"
            "$$ \\sigma'(x) = \\sigma(x)(1 - \\sigma(x)) $$\n\n"
            "$$ \\sigma'(x) = \\sigma(x)(1 + \\sigma(x)) $$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["refuted"]


def test_a_second_formula_after_one_not_read_names_no_line_zero(tmp_path):
    text = ("# P\n\nLet\n$$ f(x) = \\begin{cases} x^2 & \\text{if } x \\ge 0 \\\\ -x^2 & "
            "\\text{if } x < 0 \\end{cases} $$\n\n$$ f(x) = x|x| $$\n\n$$ f(-2) = -4 $$\n")
    for line_reasons in reasons(tmp_path, text).values():
        for reason in line_reasons:
            assert "line 0" not in reason


def test_entries_of_a_defined_vector_are_not_free_numbers(tmp_path):
    text = RESIDUAL.split("$$ \\|")[0] + "$$ \\|\\mathbf{r}\\|^2 = \\sum_{i=1}^{n} r_i^2 $$\n"
    [step] = steps_by_line(tmp_path, text)[7]
    assert step.verdict == "skipped" and "entries of" in step.reason


def test_laplacian_of_a_function_of_a_vector_is_not_read(tmp_path):
    text = "# V\n\nLet $f(\\mathbf{x}) = \\|\\mathbf{x}\\|^2$.\n\n$$ \\Delta f = 2 $$\n"
    [step] = steps_by_line(tmp_path, text)[5]
    assert step.verdict == "skipped" and "operator" in step.reason


def test_a_substituted_matrix_definition_is_named_in_the_reason(tmp_path):
    [step] = steps_by_line(tmp_path, GRAM)[7]
    assert "used: \\mathbf{G} = \\mathbf{X}^\\top \\mathbf{X} (defined, line 5)" in step.reason


def test_a_note_writing_partials_for_everything_does_not_hold_fixed(tmp_path):
    # ∂y/∂h is written, but never the total dy/dx: ∂y/∂x may well mean through h
    text = ("# Residual block\n\nLet $h = \\tanh(w x)$ and $y = x + h$.\n\n"
            "$$ \\frac{\\partial y}{\\partial h} = 1 $$\n\n"
            "$$ \\frac{\\partial y}{\\partial x} = 1 + \\frac{\\partial h}{\\partial x} $$\n")
    steps = steps_by_line(tmp_path, text)
    assert [s.verdict for s in steps[5]] == ["proved"]
    assert [s.verdict for s in steps[7]] == ["skipped"]
