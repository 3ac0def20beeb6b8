"""Round 39 (a review of round 38's fixes): E applied to a sized parenthesis is the expectation
only where the note does not name E a quantity (*Young's modulus $E$*, *a photon of energy $E$*:
G01, G02); an index case ``\\quad i = j`` is met by a counterexample only where the j-th named
value is the i-th (G03, G04); *$\\theta$ is measured in degrees* states degrees though it names
no angle (G05)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line


@pytest.mark.parametrize("said, claim", [
    ("A bar of length $L$ and Young's modulus $E$ is stretched by $2\\delta$.",
     "\\frac{1}{2} E \\left(\\frac{2\\delta}{L}\\right)^2 = \\frac{2E\\delta^2}{L^2}"),  # G01
    ("Let $E$ be the elastic modulus, a constant.",
     "E\\big(2\\varepsilon\\big)^2 = 4E\\varepsilon^2"),
    ("The stress in a bar with modulus $E$ under a strain of $2$ is",
     "E\\left(2\\right) = 2"),  # G02: 2E, never the expectation of 2
    ("A photon of energy $E$; doubling the ratio:",
     "E\\left(\\frac{2a}{b}\\right)^2 = \\frac{4Ea^2}{b^2}"),
])
def test_e_named_a_quantity_is_not_the_expectation(tmp_path, said, claim):
    found = verdicts_by_line(tmp_path, f"{said}\n\n$${claim}$$\n")[3]
    assert not set(found) & {"proved", "checked", "refuted"}


def test_the_expectation_named_in_words_stays_the_expectation(tmp_path):
    note = ("The expectation $E$ is linear: for any constant $a$ and a random variable $X$,\n\n"
            "$$E\\left[X^2\\right] = E\\left[X\\right]^2$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]  # Var X ≠ 0 in general


@pytest.mark.parametrize("claim", [
    "\\operatorname{Cov}(x_i, x_j) = E[x_i^2] - E[x_i]^2, \\quad i = j",  # G03
    "E[x_i x_j] = E[x_i^2], \\quad i = j",  # G04
])
def test_an_index_case_is_not_broken_by_its_counterexample(tmp_path, claim):
    note = f"Let $x_1, \\dots, x_n$ be random variables.\n\n$${claim}$$\n"
    assert "refuted" not in verdicts_by_line(tmp_path, note)[3]


@pytest.mark.parametrize("said", [
    "Here $\\theta$ is measured in degrees.",  # G05
    "The elevation $\\theta$ of the sun is given in degrees.",
])
def test_a_letter_measured_in_degrees_decides_no_trigonometry(tmp_path, said):
    note = f"{said}\n\n$$\\frac{{d}}{{d\\theta}}\\sin\\theta = \\cos\\theta$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


def test_a_refutation_moved_to_positive_bases_keeps_the_other_letters(tmp_path):
    # H01: with y < 0, x^x + y = |x|^x − |y| holds for x > 0; only x is made positive
    note = "# Powers\n\nFor $y < 0$ we have\n\n$$x^{x} + y = |x|^{x} - |y|$$\n"
    assert verdicts_by_line(tmp_path, note)[5] != ["refuted"]


def test_gamma_to_the_t_still_fails_at_positive_bases(tmp_path):
    note = "Let $t$ be the time step.\n\n$$ \\gamma^t \\gamma = \\gamma^{t} $$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


@pytest.mark.parametrize("mention", [
    "We write $MSE$ for the mean of the $SE_{i}$. Then",  # H05: MSE holds SE, no use of S or E
    "Their sum is $SSE = \\sum_i SE_{i}$. Then",
])
def test_a_compound_of_a_defined_name_keeps_it_one_name(tmp_path, mention):
    note = f"$$SE_{{i}} = (y_i - w x_i)^2$$\n\n{mention}\n\n$$\\frac{{\\partial SE_{{i}}}}{{\\partial w}} = 0$$\n"
    assert not set(verdicts_by_line(tmp_path, note)[5]) & {"proved", "checked"}


SIGMOID_DERIVATIVE = "$$\\sigma'(z) = \\sigma(z)\\left(1 - \\sigma(z)\\right)$$\n"


@pytest.mark.parametrize("said", [
    "The activation is $\\tanh$. Below we write it as $\\sigma$.",  # H04
    "The activation function is the hyperbolic tangent. Below we write it as $\\sigma$.",
    "은닉층의 활성화 함수는 쌍곡 탄젠트이다. 이를 $\\sigma$로 쓴다.",
])
def test_sigma_named_tanh_a_sentence_before_is_not_the_sigmoid(tmp_path, said):
    assert verdicts_by_line(tmp_path, f"{said}\n\n{SIGMOID_DERIVATIVE}")[3] == ["undecided"]


def test_a_unicode_sigma_named_tanh_is_not_the_sigmoid(tmp_path):
    note = ("The activation $σ$ is the hyperbolic tangent.\n\n"
            "$$σ'(z) = σ(z)\\left(1 - σ(z)\\right)$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


def test_sigma_said_to_be_the_sigmoid_keeps_its_derivative(tmp_path):
    note = f"Let $\\sigma$ be the logistic sigmoid. We use it throughout.\n\n{SIGMOID_DERIVATIVE}"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


PREDICTION = "Let $\\hat{y}(x)$ denote the model's prediction at input $x$. Then\n\n"


@pytest.mark.parametrize("claim, verdict", [
    ("\\hat{y}(x+1)^2 = \\hat{y}(x+1)\\,\\hat{y}(x+1)", "proved"),  # H02: the value at x + 1
    ("\\hat{y}(x+1) - \\hat{y}(x-1) = 2\\hat{y}", "not held"),  # H03: 4x for ŷ(x) = x²
])
def test_a_prediction_applied_to_one_letter_is_applied_everywhere(tmp_path, claim, verdict):
    found = verdicts_by_line(tmp_path, f"{PREDICTION}$${claim}$$\n")[3]
    if verdict == "proved":
        assert found == ["proved"]
    else:
        assert not set(found) & {"proved", "checked"}


def test_a_decorated_name_before_a_parenthesis_refutes_nothing_as_a_product(tmp_path):
    # H02 with no note about ŷ: ŷ(t + 1)^2 = ŷ(t + 1) ŷ(t + 1) holds for the value ŷ(t + 1)
    note = "$$\\hat{y}(t+1)^2 = \\hat{y}(t+1)\\,\\hat{y}(t+1)$$\n"
    assert verdicts_by_line(tmp_path, note)[1] != ["refuted"]
