"""Round 43 (a review of round 42's σ guard and of the superscript labels): a sigmoid named for
another part of the network (*The last layer is a sigmoid*, *a logistic regression on top*) says
nothing of σ (S01); tanh applied in an inline formula (*computes $h = \\tanh(z)$*) names an
activation (S02); x^α(y), where x is what ∂/∂x differentiates by, is a power (S03)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line

SIGMOID_DERIVATIVE = "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"


@pytest.mark.parametrize("words", [
    "Every hidden unit applies $\\tanh$ to its input. We denote the activation by $\\sigma$. "
    "Section 4 trains a logistic regression on top.",  # S01
    "Every hidden unit applies $\\tanh$ to its input. We denote the activation by $\\sigma$.\n"
    "The last layer is a sigmoid.",
    "Every hidden unit computes $h = \\tanh(z)$. We denote the activation by $\\sigma$.",  # S02
])
def test_sigma_of_a_tanh_network_is_not_the_sigmoid(tmp_path, words):
    note = f"{words}\n\n{SIGMOID_DERIVATIVE}"
    assert verdicts_by_line(tmp_path, note)[note.count("\n", 0, note.index("$$")) + 1] == [
        "undecided"]


def test_a_derivative_worked_out_in_a_display_names_no_activation(tmp_path):
    note = ("The logistic sigmoid has the famous derivative\n" + SIGMOID_DERIVATIVE +
            "\n$$\\frac{d}{dx} \\tanh(x) = 1 - \\tanh^2(x)$$\n")
    assert verdicts_by_line(tmp_path, note)[2] == ["proved"]


@pytest.mark.parametrize("claim, verdicts", [
    ("\\frac{\\partial}{\\partial x}\\left[x^\\alpha(y)\\right] = 0",  # S03: = 0 is no
     {"refuted", "skipped", "undecided"}),  # identity (a condition to solve), never proved
    ("\\frac{\\partial}{\\partial x}\\left[x^\\alpha(y)\\right] = \\alpha x^{\\alpha - 1} y",
     {"proved"}),
    ("\\frac{\\partial}{\\partial x}\\left[x^\\alpha(y)\\right] = x^{\\alpha - 1} y",
     {"refuted"}),
])
def test_a_power_of_the_variable_differentiated_by_is_a_power(tmp_path, claim, verdicts):
    note = f"Let $x$ and $y$ be positive.\n\n$${claim}$$\n"
    [found] = verdicts_by_line(tmp_path, note)[3]
    assert found in verdicts


def test_a_tiny_difference_is_not_explained_by_a_log_base(tmp_path):
    # round 40 K (a note): it differs by 10^-34·x^3 in every base; never "holds in base 10"
    note = ("$$\\log(1 + x) - x = \\log(1+x) - x + 0.0000000000000000000000000000000001 x^3$$\n"
            "\n$$\\log 100 = 2$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[1] == ["refuted"] and verdicts[3] == ["undecided"]  # log 100 = 2 in base 10
