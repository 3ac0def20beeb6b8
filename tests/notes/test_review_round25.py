"""Rounds 25 and 26: adversarial reviews (inputs: /work/findings/round25, round26). A
restatement (*that is*, *i.e.*, 즉) after *from now on* or another word of change may spell out
the new meaning or the old one: both readings; what would follow from a choice of a formula not
made (*Had we chosen $…$, we would get*) is no claim, from an action not taken it is; a function
named before its formula at an example value (a bare mention, a signature, *called f*) keeps the
meaning the words gave; *Another wrote* quotes, *the second says* and the label (X) do not."""

from __future__ import annotations

import pytest

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


# round 26 (03, 04, 05, 11, 12, 13): "that is" after "from now on" may restate the old meaning
@pytest.mark.parametrize("text, claim", [
    ("The loss is $L(w) = (w - 1)^2$.\n\nFrom now on we keep this loss, that is, $L(w) = w^2 - 1$."
     " Then $L(0) = -1$.\n", "L(0) = -1"),
    ("Let $p(x) = x^2 - 5x + 6$.\n\nFrom now on we keep the factored form in mind, that is, "
     "$p(x) = (x - 2)(x + 3)$. Hence $p(-3) = 0$.\n", "p(-3) = 0"),
    ("손실은 $L(w) = (w - 1)^2$이다.\n\n이제부터도 같은 손실, 즉 $L(w) = w^2 - 1$을 쓴다. 그러면 "
     "$L(0) = -1$이다.\n", "L(0) = -1"),
    ("The loss is $L(w) = (w - 1)^2$.\n\nIn what follows we keep this loss, i.e. $L(w) = w^2 - 2w "
     "- 1$. Its minimum value is $L(1) = -2$.\n", "L(1) = -2"),
    ("The loss is $L(w) = (w - 1)^2$.\n\nAs before, and from now on too, that is, $L(w) = w^2 - 2w"
     " - 1$. So $L(1) = -2$.\n", "L(1) = -2"),
])
def test_a_restatement_after_from_now_on_may_restate_the_old_meaning(tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] not in HOLDS


# R2 (10, 11): a Pandoc footnote after its sentence ("From now on we use the cube.^[That is, …]")
@pytest.mark.parametrize("text, claims", [
    ("Let $f(x) = x^2$. From now on we use the cube.^[That is, $f(x) = x^3$.] Then $f(2) = 8$."
     "\n\nAlso $f(3) = 27$.\n", ["f(2) = 8", "f(3) = 27"]),
    ("Let $f(x) = x^2$.\n\nWe switch to the cube.^[That is, $f(x) = x^3$.]\n\nThen $f(2) = 8$.\n",
     ["f(2) = 8"]),
])
def test_a_footnote_after_its_sentence_does_not_refute_its_meaning(tmp_path, text, claims):
    found = verdicts(tmp_path, text)
    assert all(found[claim] != "refuted" for claim in claims)


# round 26 (01, 02): a Markdown footnote's alternative formula is not the note's definition
@pytest.mark.parametrize("claim, verdict", [("L'(w) = w - 1", "refuted"), ("L(3) = 2", "refuted"),
                                            ("L'(w) = 2(w - 1)", "proved"), ("L(3) = 4", "proved")])
def test_an_alternative_in_a_footnote_before_the_definition_is_not_the_definition(
        tmp_path, claim, verdict):
    text = (f"We train with the squared loss[^1] $L(w) = (w - 1)^2$. Then ${claim}$.\n\n"
            "[^1]: Some authors put a half in front, $L(w) = \\frac{1}{2}(w - 1)^2$.\n")
    assert verdicts(tmp_path, text)[claim] == verdict


# R3 (04, 13): the consequence of a choice not made
def test_what_would_follow_from_a_choice_not_made_is_no_claim(tmp_path):
    found = verdicts(tmp_path, "Let $f(x) = x^2$. Had we chosen $f(x) = x^3$, we would get "
                               "$f(2) = 4$.\n")
    assert found["f(2) = 4"] not in HOLDS
    found = verdicts(tmp_path, "Let $f(x) = x^2$. Had we chosen $f(x) = x^3$, we would get "
                               "$f(2) = 8$. With our choice, $f(2) = 4$ and $f(3) = 9$.\n")
    assert found["f(2) = 8"] != "refuted"
    assert found["f(2) = 4"] == found["f(3) = 9"] == "proved"


# round 26 (08, 09, 10): an action not taken, a rule of the note's own list, a tenth label
@pytest.mark.parametrize("text, claim", [
    ("Let $f(x) = x^2 + 1$. If we were to differentiate twice, we would get $f''(x) = 2x$.\n",
     "f''(x) = 2x"),
    ("The first says that $\\ln(ab) = \\ln a + \\ln b$, and the second says that "
     "$\\ln(a/b) = \\ln a + \\ln b$.\n", "\\ln(a/b) = \\ln a + \\ln b"),
    ("$\\cos^2 x = \\frac{1 + \\cos 2x}{2}$ (IX)\n\n$\\sin^2 x = \\frac{1 + \\cos 2x}{2}$ (X)\n",
     "\\sin^2 x = \\frac{1 + \\cos 2x}{2}"),
])
def test_a_wrong_claim_of_the_note_is_still_refuted(tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] == "refuted"


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
    # round 26 (06, 06b, 06c, 07): a signature, f(x) alone, "called f"
    ("Let $f\\colon \\mathbb{R} \\to \\mathbb{R}$ be the squaring map. For the input $x = 2$ it "
     "agrees with the doubling map, $f(x) = 2x$, since both give 4.\n\nSo $f(3) = 6$.\n",
     "f(3) = 6"),
    ("Let $f(x)$ denote the squaring map. For the input $x = 2$ it agrees with the doubling map, "
     "$f(x) = 2x$, since both give 4.\n\nSo $f(3) = 9$.\n", "f(3) = 9"),
    ("Let the squaring map be called f. For the input $x = 2$ it agrees with the doubling map, "
     "$f(x) = 2x$, since both give 4.\n\nSo $f(3) = 9$.\n", "f(3) = 9"),
])
def test_a_formula_at_the_example_does_not_define_a_function_named_in_words(
        tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] not in ("refuted", "proved", "checked")


# 21, 22: quoted wrong expansions
@pytest.mark.parametrize("text, claim", [
    ("A student wrote $(a+b)^2 = a^2 + 2ab + b^2$. Correct! Another wrote $(a + b)^2 = a^2 + "
     "b^2$, which loses the cross term.\n", "(a + b)^2 = a^2 + b^2"),
])
def test_an_expansion_quoted_from_another_student_is_not_refuted(
        tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] != "refuted"
