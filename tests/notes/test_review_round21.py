"""Round 21: an adversarial review of the rule "a value computed at the example" (both sides
of a relation in the example's letter: undecided; a wrong value at the example: refuted) and
of the readers around it. Each false verdict below is pinned with a true control of the same
form. Inputs: /work/findings/round21 (the review's file names are in the comments)."""

from __future__ import annotations

import math

import pytest

from tests.notes.note_steps import first_verdicts, steps_by_line, verdicts_by_line

# sin 2x − 2 sin x = 0 holds at x = 0 and fails at x = π/4 (1 − √2 ≠ 0)
NOT_AN_IDENTITY = "$\\sin 2x - 2\\sin x = 0$"


def last_verdict(tmp_path, text: str) -> str:
    found = steps_by_line(tmp_path, text)
    return found[max(found)][-1].verdict


def test_the_claim_is_false_away_from_the_example():
    assert math.sin(math.pi / 2) - 2 * math.sin(math.pi / 4) != 0


# F1: a side whose reading without the example values fails still varies with its letter
def test_a_side_without_a_general_reading_still_varies_with_the_example_letter(tmp_path):
    text = "For $t \\le 1$, let $r(t) = t$.\n\nTake $x = 0$. Then $\\int_0^{x} r(t)\\,dt = \\sin x$.\n"
    assert last_verdict(tmp_path, text) == "undecided"  # ∫_0^½ t dt = 1/8 ≠ sin ½
    text = "For $t \\le 1$, let $r(t) = t$.\n\nTake $x = 1/2$. Then $\\int_0^{x} r(t)\\,dt = 1/8$.\n"
    assert last_verdict(tmp_path, text) == "proved"


# F2: a supposition with the letter glued to another one (kx is k times x)
@pytest.mark.parametrize("text", [
    "Take $x = 0$. Then $\\sin(kx) = 0$. Let $kx = \\pi/2$. Then $\\sin(kx) = 0$.",
    "Take $x = 0$. Then $x^2 = 0$. Let $ax = 1$ and $a = 1$. Then $x^2 = 0$.",
])
def test_a_supposition_on_a_product_with_the_letter_ends_the_example(tmp_path, text):
    assert [step.verdict for step in steps_by_line(tmp_path, text + "\n")[1]][-1] != "proved"


def test_without_the_supposition_the_value_stays(tmp_path):
    text = "Take $x = 0$. Then $\\sin(kx) = 0$. Then $\\sin(kx) = 0$.\n"
    assert [step.verdict for step in steps_by_line(tmp_path, text)[1]] == ["proved", "proved"]


# F3: a bare mention of a defined function outside a describing shape may give it a new meaning
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("words", [
    "We now use $f$ for the ReLU.", "Let the ReLU be $f$.", "From now on, $f$ equals the ReLU.",
    "Set $f$ to be the ReLU.", "Assign the ReLU to $f$.", "Next, $f$ is taken to be the ReLU.",
    "Next, consider $f$ to be the ReLU.", "Suppose now that $f$ is defined by $\\max(0, x)$.",
    "Now we pick $f$ as the ReLU.", "The ReLU will henceforth be written $f$.",
    "Now $f$ shall denote the ReLU.", "Let's now take $f$ as the ReLU.", "이제 ReLU를 $f$라 하자.",
])
def test_a_function_given_a_new_meaning_in_words_keeps_no_old_formula(tmp_path, words):
    # after the words f is the ReLU: f(−1) = 0 ≠ 1
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(-1) = 1$.\n"
    assert first_verdicts(tmp_path, text)[3] == "undecided"


@pytest.mark.parametrize("words", [
    "Note that $f$ is even.", "The graph of $f$ is a parabola.", "Both $f$ and $g$ are smooth.",
    "We differentiate $f$ twice.", "함수 $f$의 그래프는 포물선이다.",
])
def test_words_that_describe_the_function_keep_its_formula(tmp_path, words):
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(-1) = 1$.\n"
    assert first_verdicts(tmp_path, text)[3] == "proved"


# F4, F13, F18: words after the claim that widen it, however far or however written
@pytest.mark.parametrize("after", [
    " In fact, we may take any real $x$ here.",
    " This is correct. This is true. It is so. It holds for every real $x$.",
    " We can choose any $x$ and this still holds.",
    "\n\nThe identity above holds for every real $x$.",
    "\n\nIndeed, this holds for every real $x$.",
])
def test_words_that_widen_the_claim_are_read_after_it(tmp_path, after):
    text = f"Take $x = 0$. Then {NOT_AN_IDENTITY}.{after}\n"
    assert first_verdicts(tmp_path, text)[1] == "undecided"


def test_a_quoted_sentence_goes_on_on_the_next_quoted_line(tmp_path):
    text = f"> Take $x = 0$. Then {NOT_AN_IDENTITY}\n> for every real $x$.\n"
    assert first_verdicts(tmp_path, text)[1] == "undecided"
    assert first_verdicts(tmp_path, f"> Take $x = 0$. Then {NOT_AN_IDENTITY}.\n")[1] == "proved"


def test_words_in_a_tag_are_words_and_a_number_is_a_label(tmp_path):
    text = "Take $x = 0$. Then\n$$\\sin 2x - 2\\sin x = 0 \\tag{for every real x}$$\n"
    assert first_verdicts(tmp_path, text)[2] == "undecided"
    text = "Take $x = 0$. Then\n$$\\sin 2x - 2\\sin x = 0 \\tag{1}$$\n"
    assert first_verdicts(tmp_path, text)[2] == "proved"
    assert first_verdicts(tmp_path, f"Take $x = 0$. Then {NOT_AN_IDENTITY}.\n")[1] == "proved"


# F5: every spelling of the definition sign defines
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("sign", [
    "\\overset{\\mathrm{def}}{=}", "\\stackrel{def}{=}", "\\stackrel{\\Delta}{=}", "\\mathrel{:=}",
    ":\\!=", "\\colon=", "\\mathrel{\\mathop:}=", "\\defeq", "\\stackrel{\\text{def}}{\\,=\\,}", ":=",
])
def test_a_new_definition_in_any_spelling_of_the_sign_replaces_the_old(tmp_path, sign):
    # with f(x) = x³, f(2) = 8 ≠ 4
    text = f"Let $f(x) = x^2$. Then $f(2) = 4$.\n\nIn the second part, $f(x) {sign} x^3$. Then $f(2) = 4$.\n"
    assert [step.verdict for step in steps_by_line(tmp_path, text)[3]][-1] == "refuted"


def test_an_equals_sign_marked_as_a_requirement_defines_nothing(tmp_path):
    text = "Let $f(x) = x^2$. Then $f(2) = 4$.\n\nWe need $f(x) \\overset{!}{=} 0$. Then $f(2) = 4$.\n"
    assert [step.verdict for step in steps_by_line(tmp_path, text)[3]][-1] != "refuted"


# F6: an escaped dollar opens no formula, and emphasis is never blanked inside one
def test_an_escaped_dollar_leaves_the_formulas_after_it_as_written(tmp_path):
    text = ("A ticket costs \\$5; the lower bound $\\underline{v}$ is 1. Take $v = 3$. "
            "Then $2\\,\\underline{v} = 6$.\n")
    step = steps_by_line(tmp_path, text)[1][-1]
    assert step.verdict != "proved" and "underline" in step.lhs_latex


# F8, F9: e and π called a quantity of a kind are letters of the note
@pytest.mark.parametrize("sentence", [
    "Let $e$ be a natural number.", "Here $e$ counts the edges, a natural number.",
    "Let $e$ be an integer with base-10 digits.",
])
def test_e_called_a_whole_number_is_no_euler_number(tmp_path, sentence):
    assert math.log(2) != 1 and math.log(3) != 1  # ln n = 1 for no natural n
    assert first_verdicts(tmp_path, f"{sentence} Then $\\ln e = 1$.\n")[1] != "proved"


def test_e_called_the_base_of_the_natural_logarithm_is_euler_number(tmp_path):
    text = "Let $e$ be Euler's number, the base of the natural logarithm. Then $\\ln e = 1$.\n"
    assert first_verdicts(tmp_path, text)[1] == "proved"


@pytest.mark.parametrize("claim", ["$\\pi^2 \\le \\pi$", "$\\pi(1 - \\pi) \\ge 0$"])
def test_pi_defined_as_a_probability_is_no_circle_constant(tmp_path, claim):
    text = f"Let $\\pi$ be the probability that a dart hits the circle. Then {claim}.\n"
    assert first_verdicts(tmp_path, text)[1] != "refuted"  # true for 0 ≤ π ≤ 1


# F10, F11, F17: a value of another instance, a hypothesis, a supposition: never refuted at
# the example, never proved there
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("text", [
    "Take the first input $x = 2$. For the second input, $x^2 = 9$.",
    "For the first sample take $x = 2$; for the second sample, $x^2 = 9$.",
    "Let $w = 2$ be the first weight. The second weight gives $w^2 = 9$.",
    "Take $x = 2$ at the last step. At the initial step, $x^2 = 9$.",
    "Take $x = 2$. Then $x^2 = 4$. In the second example, $x^2 = 9$.",
    "Let $w = 2$ be the first weight. The second weight gives $w^2 = 4$.",
    "Take $x = 2$ at the last step. At the initial step, $\\sin(\\pi x) = 0$.",
    "Take $x = 2$. Then $x^2 = 4$; $x^2 = 9$ gives $x = 3$.",
    "$x = 0$이라 하자. 그러면 $x^2 = 0$이다. $2x = \\pi$라 하자. 그러면 $\\sin x = 0$이다.",
    "$x = 0$이라 하자. 그러면 $x^2 = 0$이다. $x + 1 = 2$로 두자. 그러면 $x^2 = 0$이다.",
    "$x = 0$이라 하자. 그러면 $x^2 = 0$이다. $x + 1 = 2$이라 가정하자. 그러면 $x^2 = 0$이다.",
    "$x = 0$이라 하자. 그러면 $x^2 = 0$이다. $kx = \\pi/2$라 하자. 그러면 $\\sin kx = 0$이다.",
])
def test_a_claim_about_another_instance_or_a_supposition_is_not_judged_at_the_example(
        tmp_path, text):
    verdicts = [step.verdict for step in steps_by_line(tmp_path, text + "\n")[1]]
    assert "refuted" not in verdicts
    assert verdicts[-1] != "proved"


@pytest.mark.parametrize("text, verdicts", [
    ("Take $x = 2$. Then $x^2 = 5$.", ["refuted"]),
    ("Take $x = 2$. Then $x^2 = 4$; so $x^3 = 8$.", ["proved", "proved"]),
    ("$x = 0$이라 하자. 그러면 $x^2 = 0$이다. 따라서 $x^3 = 0$이다.", ["proved", "proved"]),
])
def test_values_computed_at_the_example_are_judged_there(tmp_path, text, verdicts):
    assert [step.verdict for step in steps_by_line(tmp_path, text + "\n")[1]] == verdicts
