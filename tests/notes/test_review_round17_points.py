"""Round 17 F3, F23: a claim stated at one point, and a T of another section.

* F3: *We have $\\sin x = x$ at $x = 0$*, *The identity $x^2 = x$ holds for $x = 1$*,
  *$w^3 = w$, 단 $w = 1$*: the claim is stated at that point, where it is true; a counterexample
  elsewhere refutes nothing. A claim false at its own point stays refutable elsewhere only
  through its condition, never proved.
* F23: a horizon ``T = 10`` in a later section does not turn the transpose ``x^T x`` of an
  earlier one into a power (the identity x^T x = ||x||^2 is not refuted).
"""

import pytest

from tests.notes.note_steps import first_verdicts


@pytest.mark.parametrize("sentence", [
    "We have $\\sin x = x$ at $x = 0$.",
    "We have $\\sin x = x$ for $x = 0$.",
    "Clearly $\\tan u = u$ at the point $u = 0$.",
    "The identity $x^2 = x$ holds for $x = 1$.",
    "$w^3 = w$, 단 $w = 1$.",
    "$\\sin x = x$이다. 단, $x = 0$이다.",
])
def test_a_claim_stated_at_its_point_is_not_refuted_elsewhere(tmp_path, sentence):
    found = first_verdicts(tmp_path, f"# A\n\n{sentence}\n")
    assert found[3] not in ("refuted", "proved")


def test_a_claim_without_its_point_is_refuted(tmp_path):
    assert first_verdicts(tmp_path, "# A\n\nWe have $\\sin x = x$ always.\n")[3] == "refuted"


def test_a_point_is_no_example_value_for_the_next_claim(tmp_path):
    text = "# A\n\nWe have $\\sin x = x$ at $x = 0$.\n\nAlso $\\sin(2x) = 2\\sin x$.\n"
    assert first_verdicts(tmp_path, text)[5] == "refuted"


def test_a_horizon_of_another_section_leaves_the_transpose(tmp_path):
    text = ("# V\n\nWe have $x^T x = \\|x\\|^2$.\n\n# W\n\n"
            "The horizon is $T = 10$ steps.\n")
    assert first_verdicts(tmp_path, text)[3] != "refuted"


def test_a_horizon_in_force_makes_t_a_number(tmp_path):
    text = "# W\n\nLet $T = 2$.\n\nThen $x^T = x^2$.\n"
    assert first_verdicts(tmp_path, text)[5] == "proved"


@pytest.mark.parametrize("sentence", [
    "Set $x$ to $0$. Then $\\sin x = x$.",
    "Let $x$ be $0$. Then $\\sin x = x$.",
    "Take $x$ equal to $0$. Then $\\sin x = x$.",
    "Choose $x$ as $0$; then $\\sin x = x$.",
    "With $x$ set to $0$, we get $\\sin x = x$.",
    "$x$를 $0$으로 두면 $\\sin x = x$이다.",
])
def test_a_value_given_in_words_is_no_free_name(tmp_path, sentence):
    # sin 0 = 0: the claim at the value set in words is never refuted at another x (17 F2)
    assert first_verdicts(tmp_path, f"# A\n\n{sentence}\n")[3] != "refuted"


def test_a_name_called_a_set_is_no_value(tmp_path):
    text = "# A\n\nLet $x$ be $\\mathbb{R}$-valued. Then $\\sin x = x$.\n"
    assert first_verdicts(tmp_path, text)[3] == "refuted"


@pytest.mark.parametrize("sentence", [
    "Let $x = 2$. A general fact about our example is that $x^2 = 2x$.",
    "Let $x = 1$. Regardless of the method used, $x^3 = x$ here.",
    "Let $x = 0$. For all practical purposes, at this $x$, $\\sin x = x$.",
])
def test_words_tying_the_claim_to_the_example_win_over_general_words(tmp_path, sentence):
    # round 17 F25 proved these; since round 19 general words beside a tie leave the claim
    # undecided (both readings are written) — never refuted at another value
    assert first_verdicts(tmp_path, f"# A\n\n{sentence}\n")[3] == "undecided"


def test_general_words_without_a_tie_release_the_example(tmp_path):
    text = "# A\n\nLet $x = 1$. Regardless of the method used, $x^3 = x$ for every $x$.\n"
    assert first_verdicts(tmp_path, text)[3] == "refuted"


@pytest.mark.parametrize("sentence", [
    "Let $x = 0$. Regardless of the choice of $x$, $\\sin(2x) = 2\\sin x$.",
    "Let $x = 0$. The lesson of the example is general: $\\sin(2x) = 2\\sin x$ for all $x$.",
])
def test_words_of_the_example_as_a_whole_tie_nothing(tmp_path, sentence):
    assert first_verdicts(tmp_path, f"# A\n\n{sentence}\n")[3] != "proved"  # round 18 F3, F15
