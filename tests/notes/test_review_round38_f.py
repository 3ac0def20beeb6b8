"""Round 38, reviewer A: σ named as another function in math, and primes that are labels.

* A05: *The activation function $\\sigma$ is $\\tanh$.* names σ's function by a formula, not a
  word. σ'(z) = σ(z)(1 − σ(z)) holds for the sigmoid only: with σ = tanh it is the typical
  copy-paste error of backpropagation notes, so it is not proved with the built-in sigmoid.
* A08: *The prime does not mean a derivative here: $g'$ is the second layer, $g'(x) = 3x$.*
  Then g'(2) = 6 is true by the note's definition; read as a derivative (g'(2) = 4) it is not
  refuted. Ordinary notes (f(x) = x², f'(x) = 2x) stay proved, a wrong derivative stays refuted.
"""

from __future__ import annotations

import pytest

from tests.notes.note_steps import reasons_by_line, verdicts_by_line

SIGMOID_DERIVATIVE = "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
DECIDED = {"proved", "checked", "refuted"}


def sigmoid_derivative_after(tmp_path, sentence: str) -> list[str]:
    """The verdicts of σ' = σ(1 − σ) displayed after ``sentence``."""
    return verdicts_by_line(tmp_path, f"# Backpropagation\n\n{sentence}\n\n{SIGMOID_DERIVATIVE}")[5]


@pytest.mark.parametrize("sentence", [
    "The activation function $\\sigma$ is $\\tanh$.",
    "Below, $\\sigma$ is $\\operatorname{ReLU}$.",
    "Our network uses $\\tanh$ as the activation $\\sigma$.",
    "The hidden layer applies the activation $\\sigma$, here $\\tanh$.",
    "활성화 함수 $\\sigma$로는 $\\tanh$를 사용한다.",
    "Here $\\sigma$ is $\\mathrm{GELU}$.",
    "Here $\\sigma$ is $\\operatorname{softplus}(\\cdot)$.",
    "Here $\\sigma$ is $\\max(0, z)$.",
    "Here $\\sigma$ is $\\sin$.",
    "Here $\\sigma$ is the leaky ReLU.",
])
def test_sigma_named_as_another_function_in_math_is_not_the_sigmoid(tmp_path, sentence):
    assert sigmoid_derivative_after(tmp_path, sentence) == ["undecided"]


def test_the_reason_names_the_sentence(tmp_path):
    note = f"# Backprop\n\nBelow, $\\sigma$ is $\\operatorname{{ReLU}}$.\n\n{SIGMOID_DERIVATIVE}"
    assert "Below, $\\sigma$ is $\\operatorname{ReLU}$." in reasons_by_line(tmp_path, note)[5][0]


@pytest.mark.parametrize("sentence", [
    "The activation $\\sigma$ is the sigmoid.",
    "Here $\\sigma$ is $\\operatorname{sigmoid}$.",
    "The activation $\\sigma$ is the logistic function $\\sigma(z) = 1/(1+e^{-z})$.",
])
def test_sigma_the_sigmoid_stays_proved(tmp_path, sentence):
    assert sigmoid_derivative_after(tmp_path, sentence) == ["proved"]


PRIME_LABEL = ("# Two layers\n\nLet $g(x) = x^2$ be the first layer. The prime does not mean a "
               "derivative here: $g'$ is the second layer, $g'(x) = 3x$. Then $g'(2) = 6$.\n")
MOVING_FRAME = ("# Frames\n\nPrimes denote quantities measured in the moving frame, not "
                "derivatives. Let $f(x) = x^2$ be the profile in the lab frame and $f'(x) = "
                "f(x - 1)$ the profile in the moving frame. Then\n\n$$f'(3) = 4.$$\n")


def test_a_prime_said_not_to_be_a_derivative_is_not_refuted(tmp_path):
    assert verdicts_by_line(tmp_path, PRIME_LABEL)[3] == ["undecided", "undecided"]
    reason = reasons_by_line(tmp_path, PRIME_LABEL)[3][1]
    assert "not a derivative" in reason and "line 3" in reason


def test_primes_of_a_moving_frame_are_not_derivatives(tmp_path):
    assert verdicts_by_line(tmp_path, MOVING_FRAME)[5] == ["undecided"]


@pytest.mark.parametrize("words", [
    "The prime is just a label.",
    "Primed quantities refer to the moving frame.",
    "Here primes are names, not derivatives.",
    "여기서 프라임은 미분이 아니다.",
    "프라임은 움직이는 좌표계의 양을 나타낸다.",
    "Let $g'(x) = 3x$ be the second layer.",
    "$g'$ is the second layer.",
    "Define $g'(x) = 3x$.",
    "$g'(x) = 3x$로 정의한다.",
])
def test_a_prime_made_a_label_leaves_its_value_undecided(tmp_path, words):
    note = f"# T\n\nLet $g(x) = x^2$. {words} Then $g'(2) = 6$.\n"
    assert set(verdicts_by_line(tmp_path, note)[3]) <= {"undecided", "skipped"}
    assert not set(verdicts_by_line(tmp_path, note)[3]) & DECIDED


@pytest.mark.parametrize("note, verdicts", [
    ("Let $f(x) = x^2$. Then $f'(x) = 2x$ and $f'(3) = 6$.", ["proved", "proved"]),
    ("Primes denote derivatives with respect to $x$. Let $f(x) = x^2$. Then $f'(3) = 6$.",
     ["proved"]),
    ("Let $f(x) = x^2$. Define $f'(x) = \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}$. "
     "Then $f'(3) = 6$.", ["proved", "proved"]),
    ("$f'$ is the slope of $f$. Let $f(x) = x^2$. Then $f'(3) = 6$.", ["proved"]),
    ("Let $p$ denote a prime and $f(x) = x^2$. Then $f'(3) = 6$.", ["proved"]),
    # a wrong derivative, the note saying nothing of primes: still refuted
    ("Let $g(x) = x^2$ and $g'(x) = 3x$. Then $g'(2) = 6$.", ["refuted", "refuted"]),
])
def test_ordinary_primes_are_derivatives(tmp_path, note, verdicts):
    assert verdicts_by_line(tmp_path, f"# T\n\n{note}\n")[3] == verdicts


def test_read_f_prime_of_x_is_the_derivative(tmp_path):
    note = ("# T\n\nLet $f(x) = x^2$. Its derivative is written $f'(x)$, read \"f prime of x\"."
            "\n\n$$f'(x) = 2x$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_sigma_beside_a_named_tanh_and_never_called_the_sigmoid_is_undecided(tmp_path):
    # the last guard of round 41 (notes/sigmoid_doubt.py): the note names tanh and never says
    # σ is the sigmoid, so which σ it means is not certain
    note = f"# Backprop\n\nLet $x$ be the input and $\\tanh(x)$ its hidden unit.\n\n{SIGMOID_DERIVATIVE}"
    assert "never says σ is the sigmoid" in reasons_by_line(tmp_path, note)[5][0]
