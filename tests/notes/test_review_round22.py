"""Round 22: an adversarial review of round 21's fixes and of the new refutation of a value
computed at the example. A false value at the example is refuted only when nothing but tie
words stand around it (example_words.STRICT); instance nouns and ordinals are plain only in the
value's own sentence; a restated relation in the letter is no plain word; describing shapes
hold only in a sentence with no word of change (inputs: /work/findings/round22)."""

from __future__ import annotations

import math

import pytest

from tests.notes.note_steps import steps_by_line

FALSE_AWAY_FROM_ZERO = "$\\sin 2x - 2\\sin x = 0$"  # 0 at x = 0, 1 − √2 at x = π/4


def verdicts(tmp_path, text: str) -> list[str]:
    found = steps_by_line(tmp_path, text)
    return [step.verdict for line in sorted(found) for step in found[line]]


def test_the_claims_are_false_away_from_the_example():
    assert math.sin(math.pi / 2) - 2 * math.sin(math.pi / 4) != 0
    assert (2 - 0.1 * 4) ** 2 != 2**2  # the loss after a gradient step is not the loss before


# F1, F2, F8, F13: another instance, a hypothesis, another example: never refuted at the value
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("text", [
    "Take $w = 2$ and the learning rate $\\eta = 0.1$, with loss $L = w^2$. The gradient is "
    "$2w = 4$. The gradient step gives a loss of $w^2 = 2.56$.",
    "Let $x = 2$ be the input. For the output, $x^2 = 9$.",
    "Take $y = 1$ for the prediction. For the label, $2y = 0$.",
    "Take $x = 2$ as the input. In the hidden layer, $x^2 = 9$.",
    "Take $x = 2$. Then $x^2 = 4$. By $x^2 = 9$, we get $x + 1 = 4$.",
    "Take $x = 2$. Then $x^2 = 4$. Or $x^2 = 9$, and then $x + 1 = 4$.",
    "$x = 2$라 하자. 그러면 $x^2 = 4$이다. 또는 $x^2 = 9$이고 $x + 1 = 4$이다.",
    "Take $x = 2$. Then $x^2 = 4$. For instance $x^2 = 9$.",
    "$x = 2$라 하자. 그러면 $x^2 = 4$이다. 예를 들어 $x^2 = 9$이다.",
    "Let $w = 1$, $\\eta = 0.1$ and $g = 2$. Then $w = w - \\eta g$. Then $w^2 = 0.64$.",
])
def test_a_claim_about_another_instance_is_never_refuted_at_the_value(tmp_path, text):
    found = steps_by_line(tmp_path, text + "\n")[1]
    assert all(step.verdict != "refuted" for step in found if "w - \\eta g" not in step.rhs_latex)


def test_the_running_example_is_not_the_side_example(tmp_path):
    text = "In our example, $x = 3$.\n\nFor comparison, take $x = 2$. Then $x^2 = 4$.\n\nIn our example, $x^2 = 9$.\n"
    assert "refuted" not in verdicts(tmp_path, text)


@pytest.mark.parametrize("text, expected", [
    ("Take $x = 2$. Then $x^2 = 5$.", ["refuted"]),
    ("Let $w = 2$ and $x = 3$. Then $z = wx + 1 = 8$.", ["skipped", "refuted"]),
    ("For instance, take $x = 2$. Then $x^2 = 5$.", ["refuted"]),
    ("Take $x = 2$ as the input. Then $x^2 = 4$.", ["proved"]),
    ("$x = 2$라 하자. 그러면 $x^2 = 5$이다.", ["refuted"]),
])
def test_a_value_computed_right_after_the_example_is_judged_there(tmp_path, text, expected):
    assert verdicts(tmp_path, text + "\n") == expected


# F12: the same claim restated in its sentence
@pytest.mark.parametrize("text", [
    "Take $x = 0$. Then $\\sin 2x = 2\\sin x$, i.e. $\\sin 2x - 2\\sin x = 0$.",
    "Take $x = 0$. We have $\\sin 2x - 2\\sin x = 0$, that is, $\\sin 2x = 2\\sin x$.",
    "Take $x = 0$. Then $\\cos 2x = 1 - x^2$, and so $\\cos 2x - 1 + x^2 = 0$.",
])
def test_a_relation_restated_in_the_sentence_is_not_proved_at_the_example(tmp_path, text):
    assert "proved" not in verdicts(tmp_path, text + "\n")


# F7, F15: widening words after blank lines, a comment, a formula, or after the letter
@pytest.mark.parametrize("after", [
    "\n\n\n\nThis holds for every real $x$.",
    "\n\n<!-- comment -->\nThis holds for every real $x$.",
    " In fact we can take $x$ to be any real number.",
    " In fact we may let $x$ range over all reals.",
    " Indeed, set $x$ to anything you like; it still holds.",
])
def test_words_that_widen_the_claim_are_read_past_blank_lines_and_letters(tmp_path, after):
    assert verdicts(tmp_path, f"Take $x = 0$. Then {FALSE_AWAY_FROM_ZERO}.{after}\n")[0] == "undecided"


def test_a_value_computed_at_the_example_with_no_words_after_it_is_proved(tmp_path):
    assert verdicts(tmp_path, f"Take $x = 0$. Then {FALSE_AWAY_FROM_ZERO}.\n") == ["proved"]


# F3, F14: a sentence that changes f, however it opens and however f is written
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("words", [
    "$f$ is not the square any more; from now on it is the ReLU.",
    "$f$'s formula is changed to the ReLU.", "$f$ has a new formula: the ReLU.",
    "$f$ has been replaced by the ReLU.", "$f$ takes the form of the ReLU from now on.",
    "$f$ is zero for negative inputs from now on.", "We change the definition of $f$ to the ReLU.",
    "Of $f$ we now take the ReLU.", "$f$의 정의를 ReLU로 바꾸자.", "Let the ReLU be ${f}$.",
    "Now $f\\,$ shall denote the ReLU.", "Assign the ReLU to $\\boldsymbol{f}$.",
])
def test_a_sentence_that_changes_the_function_is_no_description(tmp_path, words):
    # f is then the ReLU: f(−1) = 0 ≠ 1
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(-1) = 1$.\n"
    assert verdicts(tmp_path, text)[-1] == "undecided"


@pytest.mark.parametrize("words", ["Note that $f$ is even.", "The graph of $f$ is a parabola.",
                                   "Note that ${f}$ is even.", "The value of $f$ at $0$ is $0$."])
def test_a_description_keeps_the_formula(tmp_path, words):
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(-1) = 1$.\n"
    assert verdicts(tmp_path, text)[-1] == "proved"


# F4: words that only contain "one might", "error", "someone" give the definition
@pytest.mark.parametrize("words", [
    "To avoid a common error, let $f(x) = x^3$ from now on.",
    "As one might expect, we now let $f(x) = x^3$.",
    "Error analysis: from now on let $f(x) = x^3$.",
    "To help someone new, we now let $f(x) = x^3$.",
])
def test_a_redefinition_with_such_words_nearby_is_given(tmp_path, words):
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(2) = 8$.\n"
    assert verdicts(tmp_path, text)[-1] == "proved"


# F5: "from now on" keeps a new meaning past the block it is written in
@pytest.mark.parametrize("block", [
    "\\begin{remark}\nFrom now on let $f(x) = x^3$.\n\\end{remark}",
    "> From now on let $f(x) = x^3$.",
])
def test_a_new_meaning_from_now_on_outlives_its_block(tmp_path, block):
    text = f"Let $f(x) = x^2$. Then $f(2) = 4$.\n\n{block}\n\nThen $f(2) = 8$.\n"
    assert verdicts(tmp_path, text)[-1] == "proved"


# F11: e is a letter when the sentence makes it one
@pytest.mark.parametrize("sentence", [
    "Let the number $e$ of edges be at least 1.",
    "As in Euler's orbit papers, $e$ is the eccentricity, $0 \\le e < 1$.",
])
def test_e_named_as_a_quantity_is_no_euler_number(tmp_path, sentence):
    assert verdicts(tmp_path, f"{sentence} Then $\\ln e = 1$.\n")[-1] != "proved"


# F16: a line of many formulas before a formula is read in linear time (the options of a
# question at the end of the words before it; nested stars had backtracked for minutes)
def test_many_formulas_before_a_formula_are_no_options_of_a_question():
    from symderive.notes.questions import asking_words

    lead = "Let $f(x) = x^2$. " + "$f$ " * 200 + "Let "
    assert asking_words(lead, "", True) == ""
    from symderive.notes.questions import _OPTIONS_AT_END

    assert _OPTIONS_AT_END.sub("", "Which is true? $A$ or $B$") == "Which is true?"


def test_a_note_with_many_mentions_between_definitions_is_read(tmp_path):
    text = ("Let $f(x) = x^2$. " + "$f$ " * 50 + "\n") * 5 + "Then $f(2) = 4$.\n"
    assert verdicts(tmp_path, text)[-1] in ("undecided", "proved")
