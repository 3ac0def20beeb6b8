"""Round 23: an adversarial review of round 22's remaining fixes. A denial before a colon or a
dash still denies; "from now on" around a footnote keeps its meaning; a bracket inside a formula
closes no footnote; the words that keep a function formula at an example a definition govern
it (not "the function value", "defines the input", 새로운); a point named right after the
formula; an earlier value of the example's letter anywhere before (a parent section, a display,
a list of values, the same line); π named by any defining word (inputs: /work/findings/round23)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_claim as verdicts


HOLDS = ("proved", "checked")


def test_the_claims_are_false_for_the_meanings_meant():
    assert 5 != 2 and 3**3 != 8 and 2**3 != 4  # f(2) = 2 says nothing of f(5); x = 3, not 2


# R23-02 to R23-04: a negation before a colon or between dashes still denies the definition
@pytest.mark.parametrize("denial", [
    "We do not do the following: let $f(x) = x^3$.",
    "We do not - as some texts do - let $f(x) = x^3$ here.",
    "We do not — unlike the textbook — redefine $f(x) = x^3$.",
])
def test_a_denied_definition_gives_no_new_meaning(tmp_path, denial):
    found = verdicts(tmp_path, f"Let $f(x) = x^2$.\n\n{denial} So $f(2) = 4$.\n")
    assert found["f(2) = 4"] == "proved"


# R23-01: "from now on" in the sentence around the footnote: the footnote's formula may be the
# meaning kept from here on, so the claim after it is never refuted with the old f. Round 27:
# nor is it proved with the new one — the footnote may equally be an aside beside the meaning
# the sentence keeps ("From now on we keep the square.\footnote{Another common choice is …}"),
# so both readings are checked, and here they differ
def test_from_now_on_around_a_footnote_keeps_its_meaning(tmp_path):
    text = ("Let $f(x) = x^2$, so $f(3) = 9$.\n\nFrom now on we use the cubic instead\\footnote{"
            "That is, we let $f(x) = x^3$.}, so $f(2) = 8$.\n")
    assert verdicts(tmp_path, text)["f(2) = 8"] == "undecided"


# R23-05: the bracket of a half-open interval inside a formula closes no ^[…]
def test_a_bracket_inside_a_formula_does_not_close_the_footnote(tmp_path):
    text = ("Let $f(x) = x^2$.\n\nWe have $f(2) = 4$^[Now let $f(x) = x^3$. On the interval "
            "$(0, 1]$ it is below $x^2$, and $f(2) = 8$.] and hence $f(3) = 9$.\n")
    found = verdicts(tmp_path, text)
    assert found["f(2) = 8"] != "refuted" and found["f(3) = 9"] != "refuted"


# R23-07 to R23-15: a function formula at the example value, introduced by other words
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("first", [
    "Take $x = 2$. We define nothing new: $f(x) = x$.",
    "Take $x = 2$.\n\nThe function value there is $f(x) = x$.",
    "Take $x = 2$. Plugging in, the output of the function is $f(x) = x$.",
    "Take $x = 2$. The network computes a function, and here its output is $f(x) = x$.",
    "Take $x = 2$. This defines the input, and the output is $f(x) = x$.",
    "$x = 2$를 대입하면 새로운 값 $f(x) = x$를 얻는다.",
    "Take $x_1 = 2$: $f(x_{1}) = x_1$.",
    "We have $f(x) = x$ at $x = 2$.",
    "We get $f(x) = x$ when $x = 2$.",
    "Take $x = 2$. Let us compute: $f(x) = x$.",
])
def test_a_function_formula_at_the_example_is_no_definition(tmp_path, first):
    assert verdicts(tmp_path, first + "\n\nHence $f(5) = 5$.\n")["f(5) = 5"] not in HOLDS


@pytest.mark.parametrize("first", [
    "Take $x = 2$. Define $f(x) = x$.",
    "Take $x = 2$. Consider the function $f(x) = x$.",
    "Take $x = 2$. We denote by $f(x) = x$ the identity.",
    "$x = 2$라 하자. $f(x) = x$로 정의하자.",
])
def test_defining_words_right_before_the_formula_define(tmp_path, first):
    assert verdicts(tmp_path, first + "\n\nHence $f(5) = 5$.\n")["f(5) = 5"] == "proved"


# R23-16 to R23-19: the running example's value, wherever it was given
@pytest.mark.slow
@pytest.mark.parametrize("running", [
    "In our running example we take $x = 3$.\n\nAs a side example, take $x = 2$ instead of "
    "$x = 3$: then $x^2 = 4$.",
    "# Backprop\n\nIn our running example we take $x = 3$.\n\n## A side computation\n\nAs a "
    "side example, take $x = 2$: then $x^2 = 4$.",
    "In our running example we take $x = 3, y = 1$.\n\nAs a side example, take $x = 2$: then "
    "$x^2 = 4$.",
    "In our running example we take\n$$\nx = 3.\n$$\n\nAs a side example, take $x = 2$: then "
    "$x^2 = 4$.",
])
def test_our_example_is_not_read_at_the_side_value(tmp_path, running):
    assert verdicts(tmp_path, running + "\n\nIn our example, $x^3 = 8$.\n")["x^3 = 8"] not in HOLDS


# R23-20 to R23-25: π named as a quantity
@pytest.mark.slow
@pytest.mark.parametrize("naming", [
    "We denote by $\\pi$ the angle of the wedge.",
    "Here $\\pi$ denotes the angle of the wedge.",
    "Let now $\\pi$ be the angle of the wedge.",
    "Let $\\pi$, the angle of the wedge, be fixed.",
    "Set $\\pi$ to be the angle of the wedge.",
    "$\\pi$를 쐐기의 각이라 하자.",
])
def test_pi_named_as_a_quantity_is_a_letter(tmp_path, naming):
    assert verdicts(tmp_path, naming + " Then $\\sin(\\pi) = 0$.\n")["\\sin(\\pi) = 0"] not in HOLDS


@pytest.mark.parametrize("naming", [
    "Let $\\pi$ be half the circumference of the unit circle.",
    "Let $\\pi$ be the number $3.14159\\ldots$.",
])
def test_pi_named_as_the_circle_constant_stays_it(tmp_path, naming):
    assert verdicts(tmp_path, naming + " Then $\\cos(\\pi) = -1$.\n")["\\cos(\\pi) = -1"] == "proved"
