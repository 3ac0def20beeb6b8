"""Round 44: what this session's review and self-review found. A step's *read as* line names a
definition or an example value only where the step used it (*Take $a = 1$*, then *for any $a$,
$a^2 = a$* is about every a, and its refutation says nothing of the example)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import steps_by_line, verdicts_by_line


def test_an_example_value_not_used_is_not_shown_as_the_reading(tmp_path):
    note = ("Take $a = 1$ for example.\n\nIn general, for any $a$,\n\n$$a^2 = a$$\n")
    [step] = steps_by_line(tmp_path, note)[5]
    assert step.verdict == "refuted"
    assert not any("example value" in reading for reading in step.readings)


def test_a_definition_used_is_shown_as_the_reading(tmp_path):
    note = "$h_\\theta(x) := 2x$\n\n$$h_\\theta(3) = 6$$\n"
    [step] = steps_by_line(tmp_path, note)[3]
    assert step.verdict == "proved"
    assert step.readings == ("h_\\theta: function, defined at line 1",)


# -- \mathcal{L}: the loss of ML notes, a name of its own ----------------------------------------

def test_a_calligraphic_loss_is_a_function_name(tmp_path):
    note = ("$$\\mathcal{L}(w) = (w - 1)^2$$\n\n"
            "$$\\frac{d\\mathcal{L}}{dw} = 2(w-1)$$\n\n"
            "$$\\frac{d\\mathcal{L}}{dw} = 2(w+1)$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["refuted"]


def test_the_chain_rule_through_an_unknown_calligraphic_loss(tmp_path):
    chain = "\\frac{\\partial \\mathcal{L}}{\\partial w} = \\frac{\\partial \\mathcal{L}}{\\partial y}"
    note = (f"Let $y = wx$.\n\n$${chain} x$$\n\n$${chain} w$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["refuted"]


def test_the_calligraphic_letter_is_not_the_plain_letter(tmp_path):
    assert verdicts_by_line(tmp_path, "$$\\mathcal{L}(w) + L(w) = 2L(w)$$\n")[1] != ["proved"]


@pytest.mark.parametrize("written", ["\\mathcal{N}(0, 1) = 3",  # a distribution
                                     "2\\mathcal{D} = \\mathcal{D} + \\mathcal{D}",  # a set
                                     "\\mathcal{O}(n) + n = \\mathcal{O}(n)"])  # a class
def test_other_calligraphic_letters_are_not_values(tmp_path, written):
    [step] = steps_by_line(tmp_path, f"$${written}$$\n")[1]
    assert step.verdict == "skipped"


# -- an upright word in a subscript is a label -------------------------------------------------

def test_an_upright_subscript_word_is_one_label_whatever_its_font(tmp_path):
    same = "$$2L_{\\text{MSE}} = L_{\\mathrm{MSE}} + L_{\\textrm{MSE}}$$\n"
    assert verdicts_by_line(tmp_path, same)[1] == ["proved"]
    assert verdicts_by_line(tmp_path, "$$L_{\\text{MSE}} + 1 = L_{\\mathrm{MSE}}$$\n")[1] == [
        "refuted"]


def test_a_loss_named_by_an_upright_subscript_is_defined_then_used(tmp_path):
    note = ("$$\\mathcal{L}_{\\text{MSE}}(\\hat{y}, y) = \\frac{1}{2}(y - \\hat{y})^2$$\n\n"
            "$$J_{\\text{MSE}} = \\frac{1}{m} \\sum_{i=1}^{m} (y_i - a)^2$$\n\n"
            "$$\\frac{\\partial \\mathcal{L}_{\\text{MSE}}}{\\partial \\hat{y}} = \\hat{y} - y$$\n\n"
            "$$\\frac{\\partial \\mathcal{L}_{\\text{MSE}}}{\\partial \\hat{y}} = y - \\hat{y}$$\n")
    steps = steps_by_line(tmp_path, note)
    assert 1 not in steps and 3 not in steps  # definitions, never claims to refute
    assert [step.verdict for step in steps[5]] == ["proved"]
    assert [step.verdict for step in steps[7]] == ["refuted"]


def test_a_one_letter_upright_subscript_is_not_read(tmp_path):
    [step] = steps_by_line(tmp_path, "$$\\sum_{i=1}^{2} x_{\\text{i}} = 2x_{\\text{i}}$$\n")[1]
    assert step.verdict == "skipped"


# -- σ is the sigmoid where the note says so (round 44 T01–T05, T07, T11) -----------------------

SIGMOID_DERIVATIVE = "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"


@pytest.mark.parametrize("words", [
    # another activation, in the shape of round 41 Q01 (T01)
    "Every hidden unit applies the softmax to its input. We denote the activation by $\\sigma$, "
    "so its derivative is",
    "Every hidden unit applies the identity to its input. We denote the activation by $\\sigma$.",
    "Every hidden unit applies $\\operatorname{erf}$ to its input. We denote the activation by "
    "$\\sigma$.",
    "Every hidden unit applies $\\Phi$, the normal CDF, to its input. We denote the activation by "
    "$\\sigma$.",
    # a sigmoid of some kind (T02, T03)
    "Any sigmoid $\\sigma$ will do, e.g. $\\tanh$ or $\\arctan$.",
    "Let $\\sigma$ be any sigmoid function (bounded, increasing, S-shaped).",
    "Every hidden unit applies $\\tanh$ to its input. We denote the activation by $\\sigma$. "
    "Note that $\\sigma$ is a sigmoid curve, ranging over $(-1, 1)$.",
    "Every hidden unit applies $\\tanh$ to its input. We denote the activation by $\\sigma$. "
    "Up to scaling, $\\sigma$ is the logistic function.",
    "Every hidden unit applies $\\tanh$. We denote it by $\\sigma$, the symmetric cousin of the "
    "logistic sigmoid.",
    "모든 은닉 유닛은 입력에 $\\tanh$를 적용한다. 활성화 함수를 $\\sigma$로 표기한다. "
    "$\\sigma$는 S자 모양의 시그모이드 곡선이다.",
    # σ given another meaning in Unicode prose, in Korean, as an approximation (T04), probit (T05)
    "Here σ denotes the identity activation, so the network is linear.",
    "$\\sigma$는 임의의 활성화 함수이다.",
    "The activation $\\sigma$ is a piecewise linear approximation of the sigmoid.",
    "In probit regression the link is $\\sigma$, the cumulative distribution function of the "
    "standard normal distribution. Its derivative is",
    "$\\sigma$는 표준정규분포의 누적분포함수이다.",
])
def test_sigma_given_another_meaning_is_not_the_sigmoid(tmp_path, words):
    note = f"# Note\n\n{words}\n\n{SIGMOID_DERIVATIVE}"
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


@pytest.mark.parametrize("words, claim", [
    ("Let $\\sigma$ be the permutation of $\\{1,2,3\\}$ that swaps $1$ and $2$.",
     "\\sigma(1) + \\sigma(2) = 3"),
    ("Let $\\sigma(n)$ denote the sum of the divisors of $n$.", "\\sigma(6) = 12"),
    ("$\\sigma(n)$은 $n$의 약수의 합이다.", "\\sigma(6) = 12"),
    ("Let $\\sigma(A)$ be the largest singular value of $A$.", "\\sigma(2A) = 2\\sigma(A)"),
])
def test_sigma_named_otherwise_in_words_is_not_refuted_as_the_sigmoid(tmp_path, words, claim):
    note = f"# Note\n\n{words}\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5][0] == "undecided"  # T07


@pytest.mark.parametrize("words", [
    "Hidden layers use $\\tanh$. The output unit applies $\\sigma(z) = (1 + e^{-z})^{-1}$.",  # T11
    "Hidden layers use $\\tanh$. The output unit applies $\\sigma(z) = \\frac{e^z}{1 + e^z}$.",
    "Hidden layers use $\\tanh$. The output unit applies $\\sigma(z) = 1/(1 + e^{-z})$.",
    "The activation is the logistic sigmoid. We write it $\\sigma$.",  # pointing back
    "The activation is the logistic sigmoid. We use it in every layer. Below we write it as "
    "$\\sigma$.",
    "We use the sigmoid function $\\sigma$ at the output.",
])
def test_sigma_the_note_says_is_the_sigmoid_keeps_its_derivative(tmp_path, words):
    note = f"# Note\n\n{words}\n\n{SIGMOID_DERIVATIVE}"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_sigma_in_formulas_only_keeps_the_convention(tmp_path):
    note = "# Note\n\nLet $a = \\sigma(w x + b)$.\n\n" + SIGMOID_DERIVATIVE
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_a_sentence_naming_the_sigmoid_before_its_display_states_it(tmp_path):
    note = ("# Note\n\nHere σ is written in the prose.\n\n"
            "For the output layer with sigmoid: $$\\hat{y} = \\sigma(z)$$\n\n" + SIGMOID_DERIVATIVE)
    assert verdicts_by_line(tmp_path, note)[7] == ["proved"]


# -- what SymPy refuses, in the notes' words (round 44 U notes) ----------------------------------

@pytest.mark.parametrize("claim, words", [
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} - 4 = \\begin{pmatrix} -3 & 2 \\\\ 3 & 0 "
     "\\end{pmatrix}", "a matrix plus or minus a number"),
    ("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}\\begin{pmatrix} 3 \\\\ 4 \\end{pmatrix} = 11",
     "a 2×1 matrix times a 2×1 one"),
])
def test_a_construction_sympy_refuses_is_named_in_words(tmp_path, claim, words):
    [step] = steps_by_line(tmp_path, f"$${claim}$$\n")[1]
    assert step.verdict == "skipped" and words in step.reason
    assert "Immutable" not in step.reason and "operand" not in step.reason


@pytest.mark.parametrize("words, claim", [  # round 45 X01–X05
    ("The logistic sigmoid will appear later. First, $\\sigma(n)$ is the sum of the divisors "
     "of $n$.", "\\sigma(6) = 12"),
    ("로지스틱 함수는 나중에 다룬다. 여기서 $\\sigma(n)$은 $n$의 약수의 합이다.", "\\sigma(6) = 12"),
    ("The output layer applies the logistic sigmoid. Its derivative we denote by $\\sigma$.",
     "\\sigma(0) = \\frac{1}{4}"),
    ("The mean function is the logistic sigmoid. Its inverse, the log-odds map, we write as "
     "$\\sigma$.", "\\sigma(1/2) = 0"),
    ("Let $\\sigma$ be the standard normal distribution function. The logistic sigmoid and "
     "$\\sigma$ both send $0$ to $1/2$.", "\\sigma(1) = \\frac{1}{1 + e^{-1}}"),
    ("Whereas the logistic sigmoid is bounded, $\\sigma(n)$, the sum of the divisors of $n$, "
     "grows without bound.", "\\sigma(6) = 12"),
])
def test_a_sentence_beside_the_sigmoid_does_not_name_sigma_the_sigmoid(tmp_path, words, claim):
    note = f"# Note\n\n{words}\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


def test_a_statement_pointing_forward_in_korean(tmp_path):
    note = f"# Note\n\n활성화 함수는 로지스틱 시그모이드이다. 이를 $\\sigma$로 표기한다.\n\n{SIGMOID_DERIVATIVE}"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]
