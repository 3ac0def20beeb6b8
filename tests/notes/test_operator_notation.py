r"""Operator notation in notes, read as the authors mean it (issue 9, ops-syntax).

D f, D_x f, \nabla_x f, \partial_x f, primes without an argument, f^{(n)}(x) against labels
x^{(i)}, \lim, the indicator \mathbb{1}, written sums a_1 + \cdots + a_n, \text{year} as a
name, starred names. Each reading has a test that the true statement holds and a test that
the misreading (a product, a power, a guessed variable) is not made.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.grammar.operators import chain_variable
from symderive.notes.chains import normalise_layout
from symderive.notes.check_notes import NotesOptions, check_files


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps]


def verdicts(tmp_path: Path, text: str) -> list[str]:
    return [step.verdict for step in steps(tmp_path, text)]


# -- D as d2l's derivative operator, and D as a name -----------------------------------------
@pytest.mark.parametrize(
    "rule", [r"Dx^n = nx^{n-1}", r"De^x = e^x", r"D\ln(x) = 1/x", r"D\sin x = \cos x"]
)
def test_d_is_the_derivative_operator(tmp_path, rule):
    assert verdicts(tmp_path, f"$${rule}$$\n") == ["proved"]


def test_a_wrong_rule_written_with_d_is_refuted(tmp_path):
    assert verdicts(tmp_path, "$$Dx^3 = x^2$$\n") == ["refuted"]


def test_d_the_notes_define_is_a_name_not_the_operator(tmp_path):
    # D = 3 makes Dx the product 3x; as d/dx it would be 1 and the claim false
    assert verdicts(tmp_path, "Let $D = 3$.\n\n$$Dx - x = 2x$$\n")[-1] == "proved"


def test_d_declared_a_matrix_is_not_the_operator():
    context = LatexContext(shapes=(("D", (2, 2)),))
    assert "Derivative" not in str(parse_latex_math("D x", context=context))


def test_d_without_a_written_variable_is_not_guessed(tmp_path):
    # Dy: by what? y is no x and no constant: not read (skipped), never d/dy = 1
    [step] = steps(tmp_path, "$$Dy = 1$$\n")
    assert step.verdict == "skipped" and step.skip.value == "operator"


# -- subscripted operators: D_x, \nabla_x, \partial_x, \partial_i --------------------------------
@pytest.mark.parametrize(
    "claim",
    [r"\partial_x (x^2 y) = 2xy", r"\nabla_x (x^2 + y) = 2x", r"D_y (x^2 y) = x^2",
     r"\partial_{x_1} (x_1 x_2) = x_2"],
)  # fmt: skip
def test_subscripted_operators_differentiate_by_their_subscript(tmp_path, claim):
    assert verdicts(tmp_path, f"$${claim}$$\n") == ["proved"]


def test_the_subscript_is_the_variable_not_a_factor(tmp_path):
    # read as a product ∂·x·(x^2 y) the claim would be something else entirely
    assert verdicts(tmp_path, "$$\\partial_x (x^2 y) = x^2$$\n") == ["refuted"]


def test_partial_i_reads_only_in_a_chain_that_names_x_i():
    chain = [r"\frac{\partial f}{\partial x_i}", r"\partial_{x_i} f", r"\partial_i f"]
    context = LatexContext(variable=chain_variable(chain))
    assert str(parse_latex_math(r"\partial_i f", context=context)) == "Derivative(f, x_i)"
    with pytest.raises(Exception, match="indexes a list of variables"):
        parse_latex_math(r"\partial_i f")


def test_a_position_subscript_is_not_read():
    with pytest.raises(Exception, match="position in an argument list"):
        parse_latex_math(r"\partial_0 f(a, b)")


# -- primes without an argument, f_x -----------------------------------------------------------
def test_bare_primes_take_the_chains_variable(tmp_path):
    text = "$f(x) = x^3$\n\n$$f' = \\frac{df}{dx} = 3x^2$$\n"
    assert verdicts(tmp_path, text)[-2:] == ["proved", "proved"]


def test_the_subscript_notation_f_x_in_a_chain_of_derivatives_of_f(tmp_path):
    text = "$f(x) = \\sin(x^2)$\n\n$$\\frac{df}{dx} = f' = D_xf = f_x$$\n"
    assert verdicts(tmp_path, text)[-3:] == ["proved", "proved", "proved"]


def test_f_i_elsewhere_stays_a_component():
    # no chain that differentiates f: f_i is a name (a component of f), never ∂f/∂x_i
    context = LatexContext(variable="x_i")
    assert str(parse_latex_math("f_i", context=context)) == "f_i"


def test_chain_variable_needs_exactly_one_variable():
    assert chain_variable([r"\frac{dy}{dx}", r"f'(x)"]) == "x"
    assert chain_variable([r"\frac{dy}{du} \frac{du}{dx}"]) == ""
    assert chain_variable([r"u'", "2"]) == ""


# -- f^{(n)}(x) is a derivative; x^{(i)}, W^{(2)} are labels ------------------------------------
def test_a_parenthesised_order_on_a_function_is_a_derivative(tmp_path):
    assert verdicts(tmp_path, "$f(x) = x^3$\n\n$$f^{(2)}(x) = 6x$$\n")[-1] == "proved"
    assert verdicts(tmp_path, "$f(x) = x^3$\n\n$$f^{(2)}(x) = 3x^2$$\n")[-1] == "refuted"


def test_a_parenthesised_superscript_on_a_name_is_a_label_not_a_power(tmp_path):
    assert verdicts(tmp_path, "$$x^{(2)} + x^{(2)} = 2x^{(2)}$$\n") == ["proved"]
    # x^{(2)} (the second example) is not x squared
    assert verdicts(tmp_path, "$$x^{(2)} = x^2$$\n") != ["proved"]


def test_a_labelled_bold_matrix_is_still_a_matrix(tmp_path):
    claim = "$$\\mathbf{W}^{(2)}\\mathbf{W}^{(1)} = \\mathbf{W}^{(1)}\\mathbf{W}^{(2)}$$\n"
    assert verdicts(tmp_path, claim) == ["refuted"]  # matrices do not commute


def test_a_label_by_a_summation_index_is_an_entry_of_the_family():
    value = parse_latex_math(r"\sum_{i=1}^{n} y^{(i)}")
    assert "y^{(\\cdot)}[i]" in str(value)  # never n·y^{(i)}


def test_a_function_superscript_not_applied_is_two_readings():
    with pytest.raises(Exception, match="two readings"):
        parse_latex_math("f^{(2)}")


# -- limits -------------------------------------------------------------------------------------
def test_a_limit_is_computed(tmp_path):
    claim = "$$\\lim_{h \\to 0} \\frac{(x+h)^2 - x^2}{h} = 2x$$\n"
    assert verdicts(tmp_path, claim) == ["proved"]


def test_a_wrong_limit_is_refuted(tmp_path):
    claim = "$$\\lim_{h \\to 0} \\frac{(x+h)^2 - x^2}{h} = x$$\n"
    assert verdicts(tmp_path, claim) == ["refuted"]


def test_an_arrow_inside_the_limits_subscript_is_not_a_connective():
    # \rightarrow splits "A \rightarrow B = C" into chains, but not inside \lim_{…}
    text = normalise_layout(r"f'(x) = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x)}{h}")
    assert r"\rightarrow" in text
    assert r"\\" not in normalise_layout(r"\lim_{h \rightarrow 0} h")


def test_the_limit_variable_is_bound(tmp_path):
    # an example value of h elsewhere never enters the limit
    text = "Let $h = 0.1$.\n\n$$\\lim_{h \\to 0} \\frac{\\sin h}{h} = 1$$\n"
    assert verdicts(tmp_path, text)[-1] == "proved"


# -- the indicator ---------------------------------------------------------------------------------
def test_the_indicator_is_the_derivative_of_max(tmp_path):
    claim = "$$\\frac{\\partial}{\\partial x} \\max(x, y) = \\mathbb{1}(x \\ge y)$$\n"
    assert verdicts(tmp_path, claim)[0] in ("proved", "checked")


def test_a_wrong_indicator_is_refuted(tmp_path):
    # the tie aside, ∂max(x, y)/∂x is 1 where x > y: the indicator of y ≥ x is wrong there
    # (the notes layer may leave it undecided: \mathbb{1} could also be an identity matrix)
    claim = "$$\\frac{\\partial}{\\partial x} \\max(x, y) = \\mathbb{1}(y \\ge x)$$\n"
    assert verdicts(tmp_path, claim)[0] in ("refuted", "undecided")


def test_the_indicator_with_braces():
    value = parse_latex_math(r"\mathbb{1}\{x > 0\} x")
    assert value.subs("x", 2) == 2 and value.subs("x", -2) == 0


# -- a_1 + \cdots + a_n ------------------------------------------------------------------------------
def test_a_written_sum_is_the_sum(tmp_path):
    claim = "$$\\sum_{i=1}^{n} \\beta_i x_i = \\beta_1x_1 + \\cdots + \\beta_nx_n$$\n"
    assert verdicts(tmp_path, claim) == ["proved"]


@pytest.mark.parametrize(
    "written", [r"\beta_2x_2 + \cdots + \beta_nx_n", r"1 + x + \frac{x^2}{2} + \cdots"]
)
def test_an_ellipsis_that_is_not_a_family_from_1_is_not_read(written):
    with pytest.raises(Exception, match="ellipsis"):
        parse_latex_math(written)


# -- \text{year} as a name, stars, decorated bold -------------------------------------------------
def test_a_word_in_text_is_a_name_among_mathematics(tmp_path):
    # A and B are numbers here (numpy's Moore's law fit): as matrices e^B e^{2A} e^{-B} ≠ e^{2A},
    # so without the directive the claim is undecided (review round 11, commute)
    claim = ("<!-- symderive: assume A, B scalar -->\n\n"
             "$$\\frac{e^{B}e^{A\\cdot(\\text{year} + 2)}}{e^{B}e^{A\\cdot\\text{year}}} = e^{2A}$$\n")
    assert verdicts(tmp_path, claim) == ["proved"]


def test_a_word_after_a_number_is_a_unit_not_a_factor(tmp_path):
    [step] = steps(tmp_path, "$$-\\log_2(1/16) = 4\\text{bits}$$\n")
    assert step.verdict != "refuted"


def test_a_star_decorates_the_name():
    assert str(parse_latex_math("b^* + b^*")) == "2*b^*"
    assert "Function" not in repr(parse_latex_math("b^*")) and "**" not in str(
        parse_latex_math("b^*")
    )


def test_a_starred_optimum_on_the_left_is_a_definition(tmp_path):
    text = "$$\\mathbf{w}^* = (\\mathbf X^\\top \\mathbf X)^{-1}\\mathbf X^\\top \\mathbf{y}$$\n"
    assert "refuted" not in verdicts(tmp_path, text)


def test_a_decorated_bold_name_is_a_vector():
    value = parse_latex_math(r"\hat{\mathbf{y}}")
    assert value.shape[1] == 1
    assert str(parse_latex_math(r"\hat{\mathbf{y}}_i")) == r"\hat{y}_i"  # an entry


def test_a_label_in_a_derivatives_denominator_is_not_its_order():
    # ∂s/∂x^{(2)}: by the labelled name x^{(2)}, not a second derivative by x
    value = parse_latex_math(r"\frac{\partial s}{\partial x^{(2)}}")
    assert str(value) == "Derivative(s, x^{(2)})"
    assert str(parse_latex_math(r"\frac{d^2 s}{dx^2}")) == "Derivative(s, (x, 2))"


def test_a_longer_parenthesised_superscript_on_a_name_is_two_readings():
    # a^{(l-1)}: the previous layer's a, or a to the power l-1 — not guessed
    with pytest.raises(Exception, match="two readings"):
        parse_latex_math(r"a^{(l-1)}")
    # on a number or e the parentheses only group the exponent
    x = parse_latex_math("x")
    assert parse_latex_math(r"e^{(x+1)}") == parse_latex_math(r"e^{x+1}")
    assert parse_latex_math(r"2^{(x)}") == 2**x


def test_primes_inside_a_product_are_not_given_a_point():
    # f' g' beside d/dx f(g(x)) means f'(g(x)) g'(x): at which point f' is taken is not written
    context = LatexContext(variable="x")
    with pytest.raises(Exception, match="primes"):
        parse_latex_math("f' g'", context=context)
    assert str(parse_latex_math("y''", context=context)) == "Derivative(y, (x, 2))"


def test_prose_words_in_text_stay_prose():
    with pytest.raises(Exception, match="prose"):
        parse_latex_math(r"x \text{if} y")


@pytest.mark.parametrize("written", [r"[e^1, e^{-2}, e^0]", r"x(a, b)", r"(r_x, r_y, r_z)"])
def test_lists_and_dependences_are_not_read_as_values(written):
    # [2.71, 0.14, 1] elementwise, or "x depends on a and b": never a product with a tuple
    with pytest.raises(Exception, match="list or tuple"):
        parse_latex_math(written)


def test_a_limit_at_infinity(tmp_path):
    assert verdicts(tmp_path, "$$\\lim_{x \\to \\infty} \\frac{2x + 1}{x} = 2$$\n") == ["proved"]
    assert verdicts(tmp_path, "$$\\lim_{x \\to \\infty} \\frac{2x + 1}{x} = 1$$\n") == ["refuted"]
