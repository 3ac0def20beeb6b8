"""Round 22's remaining findings: a function formula at an example value is no definition
(F9), a new meaning in an inline footnote ends where the footnote closes (F10), "in our example"
after a second example of its letter (F13), an update written with '=' (F6), "Let $\\pi$ be the
angle" (F11), "Never mind …: let" (i05) and a next paragraph that speaks of the claim although
it has a formula of its own (q08)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_claim as verdicts


def test_the_claims_are_false_for_the_meanings_meant():
    assert 5 != 2 and 7 != 2  # f(x) = x at x = 2 says f(2) = 2, nothing about f(5) or g(7)
    assert 3**2 != 27  # f(x) = x^2 outside the footnote
    assert 3**3 != 8  # the running example x = 3, not the side example x = 2
    assert 2 - 1 != 2  # v = v - 1 as an equation at v = 2


# F9: the value of an unknown function at the example, not its definition for every x
@pytest.mark.parametrize("text, claim", [
    ("At $x = 2$ we have $f(x) = x$.\n\nHence $f(5) = 5$.\n", "f(5) = 5"),
    ("Take $x = 2$: $g(x) = x$.\n\nThen $g(7) = 7$.\n", "g(7) = 7"),
    ("Take $x = 2$.\n\n$$h(x) = x$$\n\nThen $h(7) = 7$.\n", "h(7) = 7"),
])
def test_a_function_formula_at_the_example_value_defines_nothing(tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] not in ("proved", "checked")


@pytest.mark.parametrize("text, claim", [
    ("Let $x = 3$. Define $f(x) = x^2 + 1$. Then $f(1) = 2$.\n", "f(1) = 2"),
    ("Let $w = 3$ and let $L(w) = w^2$. Then $L(2) = 4$.\n", "L(2) = 4"),
    ("Let $g(x) = x$.\n\nTake $x = 2$. Then $g(7) = 7$.\n", "g(7) = 7"),
])
def test_a_function_defined_in_words_beside_an_example_is_still_defined(tmp_path, text, claim):
    assert verdicts(tmp_path, text)[claim] == "proved"


# F10: a new meaning in an inline footnote may or may not be meant after it on its line (both
# readings are checked: round 24); on the next line the formula before it holds again
@pytest.mark.parametrize("footnote", [
    "^[Now let $f(x) = x^3$; then $f(2) = 8$.]",
    "\\footnote{Now let $f(x) = x^3$; then $f(2) = 8$.}",
])
def test_a_meaning_given_in_a_footnote_is_not_taken_for_granted_after_it(tmp_path, footnote):
    text = (f"Let $f(x) = x^2$.\n\nWe have $f(2) = 4${footnote} and hence $f(3) = VALUE$.\n\n"
            "Then $f(4) = 16$.\n")
    for value in ("27", "9"):
        found = verdicts(tmp_path, text.replace("VALUE", value))
        assert found[f"f(3) = {value}"] not in ("proved", "checked", "refuted")
        assert found["f(4) = 16"] == "proved" and found["f(2) = 4"] == "proved"


def test_a_footnote_that_says_from_now_on_keeps_its_meaning(tmp_path):
    text = ("Let $g(x) = x^2$.\n\nThen $g(2) = 4$\\footnote{Define $g(x) = x^3$ from now on.} "
            "Hence $g(3) = 27$.\n")
    assert verdicts(tmp_path, text)["g(3) = 27"] == "proved"


# F13: "our example" when the letter had two example values in the section
def test_our_example_after_a_side_example_is_not_proved_at_the_side_value(tmp_path):
    text = ("In our running example we take $x = 3$.\n\nAs a side example, take $x = 2$: then "
            "$x^2 = 4$.\n\nIn our example, $x^3 = {}$.\n")
    assert verdicts(tmp_path, text.format(8))["x^3 = 8"] not in ("proved", "checked")
    assert verdicts(tmp_path, text.format(27))["x^3 = 27"] != "refuted"


def test_our_example_with_one_value_is_read_at_it(tmp_path):
    text = "In our running example we take $x = 2$.\n\nIn our example, $x^3 = 8$.\n"
    assert verdicts(tmp_path, text)["x^3 = 8"] == "proved"


# F6: an update of an example value written with '='
@pytest.mark.parametrize("text", [
    "Let $v = 2$. Then $v = v - 1$.\n",
    "Let $w = 2$, $\\eta = 0.5$ and $g = 4$. Then $w = w - \\eta g = 0$.\n",
    "Let $u = 2$. Then we set $u = u - 1 = 1$.\n",
])
def test_an_update_written_with_equals_is_not_refuted_as_an_equation(tmp_path, text):
    assert "refuted" not in verdicts(tmp_path, text).values()


def test_a_claim_after_the_update_is_not_read_at_the_old_value(tmp_path):
    found = verdicts(tmp_path, "Let $d = 2$. Then $d = d - 1$, so $2d = 4$.\n")
    assert found["2d = 4"] not in ("proved", "checked")


def test_a_value_computed_at_the_example_is_still_checked(tmp_path):
    assert verdicts(tmp_path, "Let $v = 2$. Then $v + 1 = 3$.\n")["v + 1 = 3"] == "proved"


# F11: pi named as a quantity by a let-definition
def test_pi_let_be_an_angle_is_a_letter(tmp_path):
    text = "Let $\\pi$ be the angle of the wedge. Then $\\sin(\\pi) = 0$.\n"
    assert verdicts(tmp_path, text)["\\sin(\\pi) = 0"] not in ("proved", "checked")


@pytest.mark.parametrize("text", [
    "Let $\\pi$ denote the ratio of a circle's circumference to its diameter. Then "
    "$\\sin(\\pi) = 0$.\n",
    "Recall that $\\sin(\\pi) = 0$.\n",
])
def test_pi_as_the_circle_constant_stays_the_constant(tmp_path, text):
    assert verdicts(tmp_path, text)["\\sin(\\pi) = 0"] == "proved"


# i05: "Never mind …:" denies nothing after its colon
def test_never_mind_before_a_colon_does_not_negate_the_definition(tmp_path):
    text = ("Let $f(x) = x^2$.\n\nNever mind the square: from now on let $f(x) = x^3$. "
            "Then $f(2) = 8$.\n")
    found = verdicts(tmp_path, text)
    assert found["f(2) = 8"] == "proved" and "refuted" not in found.values()


def test_a_denial_of_the_definition_still_makes_it_a_claim(tmp_path):
    text = "Let $f(x) = x^2$.\n\nWe do not redefine it here: $f(x) = x^3$.\n"
    assert verdicts(tmp_path, text)["f(x) = x^3"] == "refuted"


# q08: a next paragraph that speaks of the claim, though it has a formula with '='
def test_a_next_paragraph_widening_the_claim_is_read(tmp_path):
    text = ("Take $x = 0$. Then $\\cos x = 1$.\n\nIn fact this holds for every $x$, where we use "
            "$y = 1$.\n")
    assert verdicts(tmp_path, text)["\\cos x = 1"] not in ("proved", "checked")
