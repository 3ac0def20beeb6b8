"""Round 32a F15, F16, F18, F20 and round 30 F04: words before a formula may change what its
names or numbers mean (*Replacing the square by the cube, $f(3) = 27$*, *On a clock, $9 + 5 =
2$*, *From now on the map is the cube.*). They are read the other way round: a clause set off
before the formula, or a sentence changing a meaning from then on, must consist of words known
to change none, or the step is neither refuted nor, where it relied on what the note said
before, proved."""

from __future__ import annotations

import pytest

from symderive.notes.fronted_clauses import framing, unread_framing
from tests.notes.note_steps import verdicts_after_assumption, verdicts_by_line

SQUARE = "# Power maps\n\nLet $f(x) = x^2$. Then $f(2) = 4$.\n\n"
HOLDS = ("proved", "checked")


def test_the_cube_and_the_clock_give_other_values():
    assert 3**3 == 27 != 3**2 and (9 + 5) % 12 == 2 != 9 + 5


@pytest.mark.parametrize("words", [
    "Replacing the square by the cube, $f(3) = 27$.",  # round 32a F15
    "Had we used the cube, $f(3) = 27$.",  # F16
    "세제곱일 때는 $f(3) = 27$이다.",  # F18
    "From now on the map is the cube. Then $f(3) = 27$.",  # round 30 F04
    "With the cube $f(3) = 27$.",  # no comma: opened by a preposition
    "Using the cube instead we get $f(3) = 27$.",
    "세제곱을 쓰면 $f(3) = 27$이다.",
    "Replacing $x^2$ by $x^3$, $f(3) = 27$.",  # the change written with formulas
    "The cube gives $f(3) = 27$.",  # a main clause
    "Then $f(3) = 27$ when we use the cube.",  # words after the formula
    "세제곱일 때는 다음과 같이 $f(3) = 27$이다.",
])
def test_words_that_may_change_a_meaning_refute_nothing(tmp_path, words):
    found = verdicts_by_line(tmp_path, f"{SQUARE}{words}\n")
    assert found[3] == ["proved"]
    assert "refuted" not in found[5]


def test_a_number_read_in_another_arithmetic_is_not_refuted(tmp_path):  # round 32a F20
    found = verdicts_by_line(tmp_path, "# Clocks\n\nOn a clock, $9 + 5 = 2$.\n")
    assert "refuted" not in found[3]


@pytest.mark.parametrize("words", [
    "Had we used the cube, $f(3) = 9$.",  # false for the cube, true for the square
    "세제곱일 때는 $f(3) = 9$이다.",
])
def test_words_that_may_change_a_definition_prove_nothing_by_it(tmp_path, words):
    found = verdicts_by_line(tmp_path, f"{SQUARE}{words}\n")
    assert found[3] == ["proved"]
    assert not set(found[5]) & set(HOLDS)


@pytest.mark.parametrize("words, verdict", [
    ("Then $f(3) = 27$.", "refuted"),
    ("By definition, $f(3) = 27$.", "refuted"),
    ("Similarly, we get $f(3) = 27$.", "refuted"),
    ("Substituting $x = 3$, we get $f(3) = 27$.", "refuted"),
    ("For all real $x > 0$, $f(x) = x^3$.", "refuted"),
    ("따라서 $f(3) = 27$이다.", "refuted"),
    ("이때 $f(3) = 27$이다.", "refuted"),
    ("By definition, $f(3) = 9$.", "proved"),
    ("Then $f(3) = 9$, as desired.", "proved"),
    ("For positive $x$, $f(x) = x^2$.", "proved"),
    ("정의에 의해 $f(3) = 9$이다.", "proved"),
])
def test_words_known_to_change_no_meaning_keep_the_verdict(tmp_path, words, verdict):
    assert verdicts_by_line(tmp_path, f"{SQUARE}{words}\n")[5] == [verdict]


def test_an_assumption_said_to_be_true_still_holds(tmp_path):
    # the withdrawal words read "isn't true", not "is true" (round 32's over-caution)
    assert verdicts_after_assumption(tmp_path, "Since $x > 0$ is true, $|x| = x$.")[5] == ["proved"]


@pytest.mark.parametrize("before, words", [
    ("Replacing the square by the cube,", "Replacing the square by the cube,"),
    ("The cube gives", "The cube gives"),  # a main clause counts too
    # the rows of a display before the formula's row are mathematics, not words
    ("\\begin{aligned} f(0,0) & = a, \\\\", ""),
    ("cross entropy는 실제값과 예측값의 차를 줄이려고 하는 엔트로피", ""),  # seed 002, line 108
    ("세제곱일 때는 다음과 같이", "세제곱일 때는"),  # a Korean condition: its own clause
])
def test_the_words_that_count(before, words):
    assert framing(before) == words


@pytest.mark.parametrize("before", [
    # the rows of a display before the formula's: mathematics outside dollars, no words
    "\\end{aligned} \u27e8D\u27e9 \\frac{f(x+h) - f(x)}{h} = g(x),",
    "This function has derivative", "Similarly, for any matrix $\\mathbf{X}$, we have",
    "* For square matrices $\\mathbf{A}$ we have that", "Prove that", "By the chain rule,",
])
def test_words_of_calculation_are_read(before):
    assert unread_framing(before, "") == ""


def test_a_reference_in_latex_is_read_as_a_reference():
    assert unread_framing("By \\eqref{eq:chain}, we have", "") == ""
    assert unread_framing("Replacing the square (see \\ref{eq:3}),", "") != ""


# round 34a: the words listed as changing no meaning were too many (power, third, other,
# setting, putting, every, real …), some clauses were not found (a main clause, words after the
# formula, a list of formulas sharing them, a Korean condition before a second formula or a
# comma, a gloss in Korean inside English), and a supposition in the sentence before was not read
@pytest.mark.parametrize("words", [
    "Using the third power, $f(3) = 27$ and $f(-2) = -8$.",  # F01
    "With the map x -> x^3, $f(3) = 27$.",  # F20: mathematics written without dollars
    "Setting the power to $3$, $f(3) = 27$ and $f(-2) = -8$.",  # F03
    "Using the third power, we get $f(3) = 9$.",  # F05: the author's error, true for the square
    "Rounded to integers, $f(1.5) = 2$.",  # F09
    "Let $x^2$ become $x^3$; then $f(3) = 27$.",  # F11
    "Suppose we use the cube instead. Then $f(3) = 27$.",  # F12a
    "Suppose we use the cube instead. Then $f(2) = 4$.",  # F12d
    "In what follows the map is the cube. Then $f(3) = 27$.",  # F14a
    "이후에는 사상이 세제곱이다. 그러면 $f(3) = 27$이다.",  # F14d
    "Then $f(3) = 27$ and $f(-2) = -8$ for the cube.",  # F15
    "But with the cube $f(3) = 27$ and $f(-2) = -8$.",  # F26b
    "With the cube (세제곱), $f(3) = 27$ and $f(-2) = -8$.",  # F27
    "세제곱으로 바꾸어 $f(3) = 27$이고 $f(-2) = -8$이다.",  # F18a
    "세제곱으로 바꾸면, 따라서 $f(3) = 27$이고 $f(-2) = -8$이다.",  # F18e
    "세제곱에 대해서는 $f(3) = 27$이고 $f(-2) = -8$이다.",  # F17b
    "세제곱을 쓰자. 이때 $f(3) = 27$이다.",  # F18g
    # round 35
    "The function is redefined below as the cube. With the new definition, $f(3) = 27$.",  # F02
    "We now switch to the cube. Then $f(3) = 27$ and $f(-2) = -8$.",  # F03
    "Applied twice, $f(2) = 16$.",  # F04a
    "With one more factor of $x$, $f(3) = 27$ and $f(-2) = -8$.",  # F05
    "Then $f(3) = 27$, where we now use the cube.",  # F06a
    "$f(3) = 27$이 세제곱에 대해 성립한다.",  # F08a
    "세제곱에서 $f(3) = 27$이다.",  # F09a
    "세제곱을 쓰니 $f(3) = 27$이다.",  # F09b
])
def test_round_34a_words_that_may_change_a_definition_decide_nothing(tmp_path, words):
    found = verdicts_by_line(tmp_path, f"{SQUARE}{words}\n")
    assert found[3] == ["proved"]
    assert not set(found[5]) & {"proved", "checked", "refuted"}


@pytest.mark.parametrize("sentence", [
    "For every real number, $\\sqrt{x^2} = x$.",  # F22a: false for x < 0
    "For any real input, $\\sqrt{x^2} = x$.",  # F22c
    "임의의 실수에 대해 $\\sqrt{x^2} = x$이다.",  # F22d
    "$x > 0$이 참이든 아니든 $|x| = x$이다.",  # F23a
    "$x > 0$이 참이라 해도 거짓이라 해도 $|x| = x$이다.",  # F23c
    "$|x| = x$ holds whether or not $x > 0$ is true.",  # F28a
    "Then $|x| = x$, whether $x > 0$ is true or not.",  # F28b
    "With no assumption, $\\sqrt{x^2} = x$.",  # round 35 F11a
    "Independently of the assumption, $\\sqrt{x^2} = x$.",  # F11c
    "In all cases, $\\sqrt{x^2} = x$.",  # F12a: no cases were read
    "Either way, $\\sqrt{x^2} = x$.",  # F12b
])
def test_round_34a_words_that_widen_the_domain_prove_nothing_by_it(tmp_path, sentence):
    found = verdicts_after_assumption(tmp_path, sentence)
    assert "proved" in found[3]
    assert not set(found[5]) & set(HOLDS)


def test_a_long_sentence_of_capitalised_words_is_read():  # round 34a P1: 23 s for 9000 words
    clause = " ".join(["Word"] * 20000) + ","
    assert unread_framing(clause, "") == clause  # (bounded: no search from each capital)
