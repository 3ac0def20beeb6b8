"""Round 25: an adversarial review (inputs: /work/findings/round25). A restatement (*that is*,
*i.e.*, 즉) after *from now on* spells out the new meaning, after another word of change it may;
a Markdown footnote is read where it is referenced; what would follow from a choice not made
(*Had we chosen …, we would get*) is no claim; a function named in any words before its formula
at an example value keeps the meaning the words gave; *Another wrote* and the mark (X) quote."""

from __future__ import annotations

import pytest

from symderive.notes.footnotes import inline_footnotes, original_line
from tests.notes.note_steps import verdicts_by_claim as verdicts

HOLDS = ("proved", "checked")


def test_the_claims_are_false_for_the_meanings_meant():
    assert 2**3 != 4 and 3**3 != 9  # the cube at 2 and 3
    assert 5**2 != 10 and 3**2 != 2 * 3  # the square is no 2x away from x = 2
    assert (1 + 2) ** 2 != 1**2 + 2**2  # the student's expansion


# R1 (01, 02, 07, 08, 09): "that is" after a change
@pytest.mark.parametrize("text, claim, not_", [
    ("Let $f(x) = x^2$. From now on we use the cube, that is, $f(x) = x^3$. Then $f(2) = 4$.\n",
     "f(2) = 4", HOLDS),
    ("Let $f(x) = x^2$. We switch to the cube, i.e. $f(x) = x^3$. Then $f(3) = 9$.\n",
     "f(3) = 9", HOLDS),
    ("Let $f(x) = x^2$. From now on we use the cube, that is, $f(x) = x^3$. Then $f(2) = 8$.\n",
     "f(2) = 8", ("refuted",)),
    ("Let $f(x) = x^2$, so $f(2) = 4$.\n\nWe switch to the cube, i.e. $f(x) = x^3$. Then "
     "$f(2) = 8$.\n", "f(2) = 8", ("refuted",)),
    ("$f(x) = x^2$이라 하자. 그러면 $f(2) = 4$이다.\n\n다음으로 세제곱 함수, 즉 $f(x) = x^3$을 "
     "생각한다. 그러면 $f(2) = 8$이다.\n", "f(2) = 8", ("refuted",)),
])
def test_a_restatement_after_a_change_spells_out_the_new_meaning(tmp_path, text, claim, not_):
    assert verdicts(tmp_path, text)[claim] not in not_


def test_from_now_on_that_is_gives_the_new_meaning(tmp_path):
    found = verdicts(tmp_path, "Let $f(x) = x^2$. From now on we use the cube, that is, "
                               "$f(x) = x^3$. Then $f(2) = 8$.\n")
    assert found["f(2) = 8"] == "proved"


# R2 (03, 10, 11, 12): footnotes placed after the sentence, or below it
@pytest.mark.parametrize("text, claims, not_", [
    ("Let $f(x) = x^2$. From now on we use the cube.[^1] Then $f(3) = 9$.\n\n"
     "[^1]: We let $f(x) = x^3$.\n", ["f(3) = 9"], HOLDS),
    ("Let $f(x) = x^2$. From now on we use the cube.[^1] Then $f(2) = 8$.\n\n"
     "[^1]: We let $f(x) = x^3$.\n", ["f(2) = 8"], ("refuted",)),
    ("Let $f(x) = x^2$. From now on we use the cube.^[That is, $f(x) = x^3$.] Then $f(2) = 8$."
     "\n\nAlso $f(3) = 27$.\n", ["f(2) = 8", "f(3) = 27"], ("refuted",)),
    ("Let $f(x) = x^2$.\n\nWe switch to the cube.^[That is, $f(x) = x^3$.]\n\nThen $f(2) = 8$.\n",
     ["f(2) = 8"], ("refuted",)),
])
def test_a_footnote_after_its_sentence_or_below_it_gives_its_meaning_there(
        tmp_path, text, claims, not_):
    found = verdicts(tmp_path, text)
    assert all(found[claim] not in not_ for claim in claims)


def test_a_markdown_footnote_is_written_at_its_one_reference_and_lines_keep_their_numbers():
    text = "A $x$.[^a] B.\n\n[^a]: Let $f(x) = x^3$.\n    More $y$.\nC\n"
    moved, where = inline_footnotes(text)
    assert moved.count("\n") == text.count("\n")
    assert moved.split("\n")[0] == "A $x$.^[Let $f(x) = x^3$. More $y$.] B."
    assert moved.split("\n")[4] == "C"
    # a formula of the footnote is reported on the line it is written on
    assert original_line(where, 1, "y") == 4 and original_line(where, 1, "f(x) = x^3") == 3
    assert original_line(where, 1, "x") is None  # on the reference's own line
    twice = "A.[^a] B.[^a]\n\n[^a]: Let $f(x) = x^3$.\n"
    assert inline_footnotes(twice) == (twice, ())  # referenced twice: left alone
    bracketed = "A.[^a]\n\n[^a]: See [the text] and $f(x) = x^3$.\n"
    assert inline_footnotes(bracketed) == (bracketed, ())


# R3 (04, 13): the consequence of a choice not made
def test_what_would_follow_from_a_choice_not_made_is_no_claim(tmp_path):
    found = verdicts(tmp_path, "Let $f(x) = x^2$. Had we chosen $f(x) = x^3$, we would get "
                               "$f(2) = 4$.\n")
    assert found["f(2) = 4"] not in HOLDS
    found = verdicts(tmp_path, "Let $f(x) = x^2$. Had we chosen $f(x) = x^3$, we would get "
                               "$f(2) = 8$. With our choice, $f(2) = 4$ and $f(3) = 9$.\n")
    assert found["f(2) = 8"] != "refuted"
    assert found["f(2) = 4"] == found["f(3) = 9"] == "proved"


# R4 (06, 15 to 20): a function named in other words, a formula at the example after them
@pytest.mark.parametrize("text, claim", [
    ("Call the squaring function $f$. Take $x = 2$. Note that $f(x) = 2x$, since both sides "
     "equal $4$.\n\nHence $f(5) = 10$.\n", "f(5) = 10"),
    ("Call the squaring function $f$. Take $x = 2$. Note that $f(x) = 2x$ here, since both "
     "sides are $4$.\n\nSo $f(3) = 9$.\n", "f(3) = 9"),
    ("We denote the squaring function by $f$. Take $x = 2$. Observe that $f(x) = 2x$.\n\n"
     "Therefore $f(3) = 9$.\n", "f(3) = 9"),
    ("Let the squaring function be $f$. For the input $x = 2$, notice $f(x) = 2x$.\n\n"
     "Hence $f(3) = 9$.\n", "f(3) = 9"),
    ("Take the ReLU for $f$. Pick $x = 3$; clearly $f(x) = x$.\n\nSo $f(-1) = 0$.\n",
     "f(-1) = 0"),
    ("제곱 함수를 $f$라고 하자. $x = 2$라 하자. $f(x) = 2x$임을 확인할 수 있다.\n\n"
     "따라서 $f(3) = 9$이다.\n", "f(3) = 9"),
    ("활성화 함수로 ReLU를 쓰고 이를 $f$로 나타낸다. 입력을 $x = 3$이라 하자. 분명히 "
     "$f(x) = x$이다.\n\n음수 입력에서는 $f(-1) = 0$이다.\n", "f(-1) = 0"),
])
def test_a_formula_at_the_example_does_not_define_a_function_named_in_words(
        tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] not in ("refuted", "proved", "checked")


# 21, 22: quoted wrong expansions
@pytest.mark.parametrize("text, claim", [
    ("A student wrote $(a+b)^2 = a^2 + 2ab + b^2$. Correct! Another wrote $(a + b)^2 = a^2 + "
     "b^2$, which loses the cross term.\n", "(a + b)^2 = a^2 + b^2"),
    ("$(a+b)^2 = a^2 + b^2$ (X)\n", "(a+b)^2 = a^2 + b^2"),
])
def test_an_expansion_quoted_from_another_student_or_marked_x_is_not_refuted(
        tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] != "refuted"
