"""Round 24: an adversarial review of round 23's fixes (inputs: /work/findings/round24). A
meaning given in a footnote is kept by *from now on* anywhere in its sentence and is disputed,
not dropped, on the rest of its line; a function formula at an example is an evaluation after
words that evaluate, a colon, a point after it in any wording, or a name given in words before;
"do not forget to redefine" redefines; the earlier value of the running example in an align, as
``:=`` or in words; π named as an angle "in radians" is still a letter."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_claim as verdicts

HOLDS = ("proved", "checked")


def test_the_claims_are_false_for_the_meanings_meant():
    assert 3**2 != 2 * 3 and 2**3 != 4  # f the square, not 2x; x = 3 in the running example
    assert max(-1, 0) == 0  # the ReLU at -1


# R24-01 to R24-03: the sentence around the footnote adopts its meaning
@pytest.mark.parametrize("sentence", [
    "We switch to the cubic\\footnote{That is, we let $f(x) = x^3$.} from now on, so $f(2) = 8$.",
    "From now on we use the cubic, e.g. for the loss.\\footnote{That is, we let $f(x) = x^3$.} "
    "So $f(2) = 8$.",
    "We now switch to the cubic\\footnote{That is, we let $f(x) = x^3$.}, so $f(2) = 8$.",
])
def test_a_footnote_meaning_adopted_by_its_sentence_is_not_refuted(tmp_path, sentence):
    text = f"Let $f(x) = x^2$. Then $f(1) = 1$.\n\n{sentence}\n"
    assert verdicts(tmp_path, text)["f(2) = 8"] != "refuted"


# R24-04 to R24-11, R24-17 to R24-20: a function formula at the example, other wordings
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("text, claim", [
    ("Let $f$ be the ReLU activation.\n\nTake the input $x = 2$ and consider the forward pass: "
     "$f(x) = x = 2$.\n\nThe input $-1$ is negative, so $f(-1) = 0$.\n", "f(-1) = 0"),
    ("Let $f$ be the squaring function.\n\nWe have $f(x) = 2x$ at the point $x = 2$.\n\nHence "
     "$f(3) = 9$.\n", "f(3) = 9"),
    ("Let $f$ be the squaring function.\n\nTake $x = 2$ and set the bias aside: $f(x) = 2x$.\n\n"
     "Hence $f(3) = 9$.\n", "f(3) = 9"),
    ("Let $f$ be the squaring function.\n\nTake $x = 2$. The derivative of the function, $f(x) = "
     "2x$, is what backprop needs.\n\nHence $f(3) = 9$.\n", "f(3) = 9"),
    ("$f$를 제곱 함수라 하자.\n\n$f(x) = 2x$이다 ($x = 2$에서).\n\n따라서 $f(3) = 9$이다.\n", "f(3) = 9"),
])
def test_a_formula_at_the_example_does_not_replace_the_function_named_in_words(
        tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] != "refuted"


@pytest.mark.slow
@pytest.mark.parametrize("first", [
    "We have $f(x) = 2x$ at the point $x = 2$.",
    "We have $f(x) = 2x$ (at $x = 2$).",
    "We have $f(x) = 2x$, evaluated at $x = 2$.",
    "We have $$f(x) = 2x$$ at $x = 2$.",
])
def test_a_point_named_after_the_formula_makes_it_a_value(tmp_path, first):
    assert verdicts(tmp_path, first + "\n\nHence $f(5) = 10$.\n")["f(5) = 10"] not in HOLDS


def test_the_loss_defined_beside_an_example_is_its_definition(tmp_path):
    text = ("Take $w = 3$ and $y = 1$. The loss is $L(w) = (w - y)^2$.\n\nExpanding the square "
            "gives $L(w) = w^2 - 2wy$.\n")
    assert verdicts(tmp_path, text)["L(w) = w^2 - 2wy"] == "refuted"  # (w - y)^2 has + y^2


# R24-12, R24-13: advice to redefine is no denial
@pytest.mark.parametrize("text, claim", [
    ("Let $f(x) = x^2$. Then $f(1) = 1$.\n\nFor the next part, do not forget to redefine "
     "$f(x) = x^3$. Then $f(2) = 8$.\n", "f(2) = 8"),
    ("Let $L(w) = w^2$. Then $L(1) = 1$.\n\nIt never hurts to redefine $L(w) = (w - 1)^2$ for "
     "the shifted problem. Then $L(3) = 4$.\n", "L(3) = 4"),
])
def test_advice_to_redefine_redefines(tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] == "proved"


# R24-14 to R24-16: the running example's earlier value in an align, as :=, in words
@pytest.mark.slow
@pytest.mark.parametrize("running", [
    "Our running example uses\n$$\n\\begin{aligned}\nx &= 3 \\\\\ny &= 1\n\\end{aligned}\n$$",
    "In our running example we take $x := 3$.",
    "In our running example the input $x$ equals $3$.",
])
def test_our_example_after_a_side_value_is_not_proved_there(tmp_path, running):
    text = (f"{running}\n\nAs a side example, take $x = 2$: then $x^2 = 4$.\n\nIn our example, "
            "$x^3 = 8$.\n")
    assert verdicts(tmp_path, text)["x^3 = 8"] not in HOLDS


# R24-21 to R24-26: π named as a quantity in more wordings
@pytest.mark.slow
@pytest.mark.parametrize("naming", [
    "Let $\\pi$ denote the ratio of the two masses.",
    "Let $\\pi$ be the turning angle of the joint, in radians.",
    "Let $\\pi$ be the wedge angle, a constant of the problem.",
    "Here $\\pi$ is the angle of the wedge.",
    "$\\pi$를 쐐기의 각으로 놓자.",
    "쐐기의 각을 $\\pi$라고 부르자.",
])
def test_pi_named_as_a_quantity_is_a_letter(tmp_path, naming):
    assert verdicts(tmp_path, naming + " Then $\\sin(\\pi) = 0$.\n")["\\sin(\\pi) = 0"] not in HOLDS


def test_an_angle_set_to_pi_keeps_the_constant(tmp_path):
    text = "Set the rotation angle to $\\pi$; then $\\cos(\\pi) = -1$ and the point flips.\n"
    assert verdicts(tmp_path, text)["\\cos(\\pi) = -1"] == "proved"
