"""Round 30 (left open by the last session): a case named in words (*In the cubic case*,
``## Binary case``) changes the meaning of names defined *before* it, not of those it defines
itself: a claim using only the case's own definitions, or none, is checked, and a refutation
of one with letters left stands only as undecided (the case may give a letter a value the
note does not write). A case is named by any heading holding the claim (a ``###`` below
``## Case 2: the cubic map``, ``\\subsection{The cubic case}``), run-in labels (``__Cubic
case.__``, *Cubic case —*, *Remark (cubic case).*), and a lead-in before several displays.
An assumption withdrawn by its formula (*When $x > 0$ fails*, *Dispensing with $x > 0$*,
부호를 모를 때) ends the stated domain. The natural-domain requirement of a body the grammar
cannot put at points (``unread``) leaves the notes claim undecided, as ``equal`` does."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import file_verdicts, verdicts_by_line
from tests.notes.note_steps import verdicts_by_claim as verdicts

HOLDS = ("proved", "checked")
SQUARE = "Let $f(x) = x^2$. Then $f(2) = 4$.\n\n"


def test_the_claims_are_false_for_one_meaning():
    assert (-1) ** 3 != 1 and 3**2 != 27 and 2**3 != 9


@pytest.mark.parametrize("case", [
    "## Case 2: the cubic map\n\nAt a negative input, $f(-1) = 1$.",  # F03
    "## The cubic case\n\n### Negative inputs\n\nHere $f(-1) = 1$.",  # F02: the parent heading
    "__Cubic case.__ $f(-1) = 1$.",  # F21
    "Cubic case — $f(-1) = 1$.",  # F22
    "*Remark (cubic case).* At a negative input $f(-1) = 1$.",  # F23
    "In the cubic case the values change:\n\n$$f(3) = 9$$\n\n$$f(-1) = 1$$",  # F18: 2nd display
])
def test_a_case_named_in_words_does_not_use_the_meanings_given_before_it(tmp_path, case):
    found = verdicts(tmp_path, f"# Power maps\n\n{SQUARE}{case}\n")
    assert found["f(2) = 4"] == "proved"
    assert all(found.get(claim) in (None, "skipped") for claim in ("f(-1) = 1", "f(3) = 9"))


def test_a_latex_subsection_names_a_case(tmp_path):  # F17
    text = ("\\section{Power maps}\nLet $f(x) = x^2$. Then $f(2) = 4$.\n\n"
            "\\subsection{The cubic case}\nHere $f(3) = 27$.\n")
    assert "refuted" not in file_verdicts(tmp_path, text, ".tex")


@pytest.mark.parametrize("heading", ["## The scalar case", "## Binary case",
                                     "## Multiclass setting", "## Case 2: the cubic map"])
def test_a_case_reads_its_own_definitions(tmp_path, heading):
    # M1, M4, M5: a claim with no names from before the case, or only the case's own
    text = (f"# Maps\n\n{SQUARE}{heading}\n\nLet $g(x) = x^3$. Then $g(2) = 8$ and "
            "$\\frac{d}{dx} x^2 = 2x$.\n\nBut $g(2) = 9$ and $f(3) = 9$.\n")
    found = verdicts(tmp_path, text)
    assert found["g(2) = 8"] == "proved" and found["\\frac{d}{dx} x^2 = 2x"] == "proved"
    assert found["g(2) = 9"] == "refuted"  # no letter left: the case's own g decides
    assert found["f(3) = 9"] == "skipped"  # the square was defined before the case


def test_a_definition_in_the_sentence_of_the_case_is_the_cases_own(tmp_path):  # M5
    text = ("For the binary case the loss is $L(z) = -\\log \\sigma(z)$, and "
            "$\\frac{dL}{dz} = \\sigma(z) - 1$.\n")
    assert verdicts(tmp_path, text)["\\frac{dL}{dz} = \\sigma(z) - 1"] == "proved"


def test_a_definition_before_the_case_on_its_line_is_not_the_cases(tmp_path):
    text = "Let $f(x) = x^2$. In the cubic case, $f(3) = 9$.\n"
    assert verdicts(tmp_path, text)["f(3) = 9"] == "skipped"


def test_a_refutation_with_letters_left_in_a_case_does_not_stand(tmp_path):
    # the binary case may fix K = 2; the claim is read with K free
    text = "In the binary case, $\\sum_{k=1}^{K} 1 = 2$.\n"
    assert verdicts_by_line(tmp_path, text)[1] == ["undecided"]


@pytest.mark.parametrize("withdrawal", [
    "When $x > 0$ fails, we still get $|x| = x$.",  # F09
    "Dispensing with $x > 0$, we get $|x| = x$.",  # F10
    "$x$의 부호를 모를 때에도 $|x| = x$이다.",  # F11
])
def test_an_assumption_withdrawn_by_other_words_proves_nothing(tmp_path, withdrawal):
    text = f"# Absolute value\n\nAssume $x > 0$. Then $|x| = x$.\n\n{withdrawal}\n"
    found = verdicts_by_line(tmp_path, text)
    assert "proved" in found[3]
    assert all(verdict not in HOLDS for verdict in found.get(5, []))


def test_a_korean_withdrawal_far_from_its_assumption_word_proves_nothing(tmp_path):  # F19
    text = ("# 절댓값\n\n$x > 0$이라고 가정하자. 그러면 $|x| = x$이다.\n\n이 가정은 앞 절에서 계산을 "
            "간단히 하려는 목적으로만 잠시 두었던 것이므로 이제 완전히 없애면 $|x| = x$이다.\n")
    assert all(verdict not in HOLDS for verdict in verdicts_by_line(tmp_path, text).get(5, []))


@pytest.mark.parametrize("claim", [
    # F15: for x > 1/3 the integrand has no real value near t = 0; for x > 1 none anywhere
    "\\int_{-1}^{1}\\sqrt{t^2-x}\\sqrt{t^2-x}\\,dt = \\left|\\frac{2}{3}-2x\\right|",
    "\\lim_{t\\to0}\\frac{\\sqrt{x t^2}\\sqrt{x t^2}}{t^2} = |x|",  # F16: x < 0 has no value
])
def test_a_body_requirement_not_read_leaves_a_notes_claim_undecided(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"We have ${claim}$.\n")[1] == ["undecided"]
