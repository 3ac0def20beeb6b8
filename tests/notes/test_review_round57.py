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


# -- softmax + cross-entropy: ∂L/∂z = y − t (the classic result) --------------------------------

SOFTMAX = "Let $y_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ be the softmax of the logits $z$.\n\n"


@pytest.mark.parametrize("said", [
    "With cross-entropy $L = -\\sum_i t_i \\log y_i$, where $t$ is a one-hot vector,",
    "With cross-entropy $L = -\\sum_i t_i \\log y_i$ and $\\sum_i t_i = 1$,",
    "Given $\\sum_i t_i = 1$ and the cross-entropy $L = -\\sum_i t_i \\log y_i$,",
    "With cross-entropy $L = -\\sum_i t_i \\log y_i$, where $\\sum_{i=1}^{n} t_i = 1$,",
    "교차 엔트로피 $L = -\\sum_i t_i \\log y_i$이고 $\\sum_i t_i = 1$이므로",
])
def test_the_gradient_of_softmax_cross_entropy_is_y_minus_t(tmp_path, said):
    # log y_i asks y_i > 0, which the softmax always is; Σ t = 1 stated as a hypothesis puts
    # t on the simplex
    note = (f"# Softmax\n\n{SOFTMAX}{said}\n\n$$\\frac{{\\partial L}}{{\\partial z_j}} = "
            "y_j - t_j$$\n\n$$\\frac{\\partial L}{\\partial z_j} = t_j - y_j$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[7] == ["checked"]
    assert verdicts[9] == ["refuted"]  # at a one-hot t of two entries, not at n = 1


def test_weights_summing_to_one_without_words_of_laws_are_no_probability_vector(tmp_path):
    # an affine combination's weights may be negative: the sum is a condition, the claim not
    # checked on the simplex (√(w_1²) + √(w_2²) = 1 holds there only)
    note = ("# Affine\n\nFor weights with $w_1 + w_2 = 1$ and $\\sum_{i=1}^{2} w_i = 1$,\n\n"
            "$$\\sqrt{w_1^2} + \\sqrt{w_2^2} = 1$$\n")
    assert verdicts_by_line(tmp_path, note)[5] != ["checked"]


@pytest.mark.parametrize("expression, positive", [
    ("exp(z[i])/Sum(exp(z[k]), (k, 1, n))", True),
    ("exp(a) + 2", True),
    ("Sum(exp(z[k]), (k, 1, n))", True),
    ("exp(a) - 1", False),
    ("Sum(exp(z[k]), (k, 3, n))", False),  # empty for n < 3
])
def test_positive_everywhere(expression, positive):
    from symderive.notes.written_domain import positive_everywhere

    z = sp.IndexedBase("z")
    names = {"z": z, "i": sp.Symbol("i", integer=True), "k": sp.Symbol("k", integer=True),
             "n": sp.Symbol("n", integer=True, positive=True), "a": sp.Symbol("a")}
    assert positive_everywhere(sp.parse_expr(expression, local_dict=names)) is positive


@pytest.mark.parametrize("words, claim", [
    # round 58 AV01: a law word denied beside an affine combination
    ("An affine combination with $\\sum_i t_i = 1$ is not a probability distribution: its "
     "weights can be negative. Then", "\\sum_i |t_i| = 1"),
    # AV02: a law named only in a comparison (Richardson extrapolation's weights)
    ("The extrapolation weights satisfy, where $\\sum_i w_i = 1$, the same normalisation as a "
     "probability law. Then", "\\sum_i |w_i| = 1"),
    ("Given the labels with $\\sum_i t_i = 1$,", "\\sum_i \\sqrt{t_i^2} = 1"),
])
def test_a_formula_summing_to_one_checks_no_claim_that_needs_nonnegative_entries(
        tmp_path, words, claim):
    # Σ t = 1 alone allows negative entries: only an equality of analytic sides is checked on
    # the simplex (holding on an open part of the plane Σ t = 1, it holds on all of it)
    note = f"# Weights\n\n{words}\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


def test_the_chain_rule_through_a_defined_name_is_no_differential_equation(tmp_path):
    # ∂L/∂w = ∂L/∂y · x after y = wx: a claim about every L (round 44), not an equation L
    # solves (the Leibniz ODE rule of round 53 had made the wrong version a condition)
    chain = "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y}"
    note = f"Let $y = wx$.\n\n$${chain} x$$\n\n$${chain} w$$\n\n$$\\frac{{dP}}{{dt}} = kP$$\n"
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["refuted"]
    assert verdicts[7] == ["skipped"]  # dP/dt = kP: still an equation P solves


@pytest.mark.parametrize("gradient, verdict", [
    ("\\frac{\\partial L}{\\partial \\mathbf{b}} = \\mathbf{z} - \\mathbf{t}", "checked"),
    ("\\frac{\\partial L}{\\partial \\mathbf{W}} = (\\mathbf{W}\\mathbf{x} + \\mathbf{b} - "
     "\\mathbf{t})\\mathbf{x}^\\top", "checked"),
    ("\\frac{\\partial L}{\\partial \\mathbf{b}} = \\mathbf{t} - \\mathbf{z}", "refuted"),
])
def test_a_loss_through_a_defined_layer_is_read_with_the_declared_shapes(tmp_path, gradient,
                                                                         verdict):
    # round 58 AX N1: L = ½‖z − t‖² uses the matrix z = Wx + b, read with the step's shapes
    note = ("# One layer\n\nLet $\\mathbf{x} \\in \\mathbb{R}^d$, $\\mathbf{W} \\in "
            "\\mathbb{R}^{h \\times d}$, $\\mathbf{b} \\in \\mathbb{R}^h$ and $\\mathbf{t} \\in "
            "\\mathbb{R}^h$.\nThe output is $\\mathbf{z} = \\mathbf{W}\\mathbf{x} + \\mathbf{b}$."
            "\nThe loss is $L = \\frac{1}{2}\\|\\mathbf{z} - \\mathbf{t}\\|^2$.\n\n"
            f"$${gradient}$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == [verdict]


@pytest.mark.parametrize("claim, verdict", [
    ("\\frac{\\partial y_k}{\\partial z_k} = y_k(1 - y_k)", "checked"),
    ("\\frac{\\partial y_k}{\\partial z_k} = y_k(1 + y_k)", "refuted"),
    ("\\sum_{k=1}^{n} y_k = 1", "proved"),
])
def test_a_family_used_at_its_definitions_summation_letter(tmp_path, claim, verdict):
    # y_k after y_i = e^{z_i} / Σ_k e^{z_k}: the sum's k is renamed apart from the step's free
    # k (instantiating k = 1 had made the sum's limits (1, 1, n): "Invalid limits")
    note = ("# Softmax\n\nLet $y_i = \\frac{e^{z_i}}{\\sum_{k=1}^n e^{z_k}}$.\n\n"
            f"$${claim}$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


@pytest.mark.parametrize("note", [
    "<!-- symderive: assume A, B matrix 3 3 -->\n\n$$\\det(AB) = \\det(A)\\det(B)$$\n",
    "<!-- symderive: assume A, B matrix 2 2 -->\nFor square matrices (AB) we have "
    "$\\det(AB) = \\det(A)\\det(B)$.\n",
])
def test_a_product_of_capitals_inside_a_function_is_no_abbreviation(tmp_path, note):
    # round 58 (full run): \det(AB) read as the word det spelling out AB, one name
    verdicts = verdicts_by_line(tmp_path, note)
    assert "proved" in [verdict for found in verdicts.values() for verdict in found]


# -- round 59 ------------------------------------------------------------------------------------

BATCH = "$$E = \\frac{1}{2}\\sum_{n=1}^{N}\\sum_{k=1}^{K} (y_{nk} - t_{nk})^2$$\n\n"


@pytest.mark.parametrize("claim", [
    "\\frac{\\partial E}{\\partial y_{mK}} = 0",  # AY01: the last class, y[m, K]
    "\\frac{\\partial E}{\\partial y_{Nj}} = 0",  # the last example
    "\\frac{\\partial E}{\\partial y_{11}} = 0",
])
def test_a_batch_entry_at_a_bound_or_at_digits_has_a_nonzero_gradient(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"# Batch\n\n{BATCH}$${claim}$$\n")[5] not in (
        ["proved"], ["checked"])


def test_the_gradient_at_the_last_example_is_checked(tmp_path):
    # AY02: refuted with y_Nj, t_Nj as names of their own
    note = f"# Batch\n\n{BATCH}$$\\frac{{\\partial E}}{{\\partial y_{{Nj}}}} = y_{{Nj}} - t_{{Nj}}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["checked"]


def test_a_size_used_as_an_index_does_not_stop_the_note(tmp_path):
    # a sum up to N evaluated at N = 3/7 (plan._varies) raised TypeError: the note was unread
    note = ("# Size\n\nLet $N$ be the batch size.\n\n$$E = \\sum_{n=1}^{N}\\sum_{k=1}^{K} "
            "y_{nk}^2$$\n\n$$\\frac{\\partial E}{\\partial y_{Nk}} = 2 y_{Nk}$$\n\n"
            "$$\\frac{d}{dx} x^2 = 2x$$\n")
    assert verdicts_by_line(tmp_path, note)[9] == ["proved"]


@pytest.mark.parametrize("law", [
    "P(X=x;\\theta) = \\theta^x(1-\\theta)^{1-x}",  # AZ02: the Bernoulli pmf
    "P(\\mathcal{D};\\theta) = \\theta^k(1-\\theta)^{n-k}",  # a likelihood
])
def test_the_law_a_note_sets_down_is_not_refuted(tmp_path, law):
    assert verdicts_by_line(tmp_path, f"The model is\n\n$${law}$$\n")[3] != ["refuted"]


@pytest.mark.parametrize("gradient, verdict", [
    ("\\delta", "proved"),  # BA02: δ = ∂L/∂y = y − t, then y = wx + b
    ("\\delta x", "refuted"),
])
def test_a_gradient_named_by_a_derivative_is_taken_before_its_variable_is_expanded(
        tmp_path, gradient, verdict):
    note = ("# Bias gradient\n\nThe loss is $L = \\frac{1}{2}(y - t)^2$ with $y = w x + b$. "
            "Write $\\delta = \\frac{\\partial L}{\\partial y}$.\n\n"
            f"$$\\frac{{\\partial L}}{{\\partial b}} = {gradient}$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


@pytest.mark.parametrize("said", [
    "Write $\\delta = \\partial L / \\partial y$.",  # BA03: a slash between the partials
    "$\\delta = \\partial L / \\partial y$라 두자.",
])
def test_a_greek_name_defined_by_a_formula_not_read_is_no_free_number(tmp_path, said):
    note = ("# Bias gradient\n\nThe loss is $L = \\frac{1}{2}(y - t)^2$ with $y = w x + b$. "
            f"{said}\n\n$$\\frac{{\\partial L}}{{\\partial b}} = \\delta$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


def test_a_batch_entry_at_a_digit_the_sizes_need_not_reach_is_not_refuted(tmp_path):
    # round 60 BB01: y_{19} means K ≥ 9; refuted at K = 1, where y[1, 9] is no entry
    note = (f"# Batch\n\n{BATCH}so\n\n$$\\frac{{\\partial E}}{{\\partial y_{{19}}}} = "
            "y_{19} - t_{19}$$\n")
    assert verdicts_by_line(tmp_path, note)[7] != ["refuted"]


BIAS = ("# Bias gradient\n\nLet $\\sigma$ be the logistic sigmoid. The hidden unit computes "
        "$z_j = \\sum_i w_{ji} x_i + b_j$ and\n$a_j = \\sigma(z_j)$; the output is "
        "$y = \\sum_j v_j a_j$ and the loss is $L = \\frac{1}{2}(y - t)^2$.\nWrite $\\delta_j = "
        "\\frac{\\partial L}{\\partial z_j}$.\n\n")


@pytest.mark.parametrize("claim", [
    "\\frac{\\partial L}{\\partial b_j} = 0",  # round 60 BA01: proved (a[j] of the sum unlinked)
    "\\frac{\\partial L}{\\partial b_j} = 2\\delta_j",
])
def test_a_gradient_through_an_entry_defined_as_a_name_of_its_own_is_not_proved(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"{BIAS}$${claim}$$\n")[7] not in (["proved"], ["checked"])


def test_a_star_in_a_note_about_convolution_is_no_product(tmp_path):
    # round 60 BC01 (false proved): x[n] * h[n] = x[n]h[n] after '* denotes convolution'
    note = ("# 이산 컨볼루션\n\n여기서 $*$ 는 컨볼루션(convolution) 연산을 의미한다.\n\n"
            "$$x[n] * h[n] = x[n]h[n]$$\n\n$$x^* + 1 = 1 + x^*$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[5] == ["skipped"]
    assert verdicts[7] == ["proved"]  # a superscript star is no convolution


@pytest.mark.parametrize("written", ["sinc(x)", "logit(p)", "cosine(x)"])
def test_a_longer_word_applied_is_not_a_known_function_times_letters(written):
    # round 60 BC02: sinc(t/T) was read sin(c·t/T)
    with pytest.raises(ParseError):
        parse_latex_math(written)


@pytest.mark.parametrize("written, read", [("sinh(x)", "sinh(x)"), ("sinx", "sin(x)")])
def test_known_words_still_read(written, read):
    assert str(parse_latex_math(written)) == read
