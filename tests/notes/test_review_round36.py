"""The wordings rounds 34a and 35 left open, read again.

* Numbers in another arithmetic, named by words no list holds (*On a wall clock*, *In base
  three*, a heading *Angles in degrees*: round 34a F24, F25, F29): the formula is read again in
  the arithmetic of a clock or of parities, with integer division, in another base and in
  degrees, and a refutation that holds in one of them is withheld.
* Words further from the formula: a lead-in paragraph before a display (round 35 F01), a
  sentence after it that points back to it (F07), a scope sentence two sentences back (34a
  F13), *Similarly* after a sentence that changed the meaning (F16a), a display continuing a
  list of displays (F16b), a Korean list label (F21d).
* A definition given in a case named in words (*In the cubic case, let $f(x) = x^3$ instead.*)
  decides nothing after the case: both readings are checked there (round 31a F26).
"""

from __future__ import annotations

import pytest

from symderive.grammar.latex import LatexContext
from symderive.notes.other_readings import other_reading
from tests.notes.note_steps import file_verdicts, verdicts_after_assumption, verdicts_by_line

SQUARE = "# Power maps\n\nLet $f(x) = x^2$. Then $f(2) = 4$.\n\n"
HOLDS = ("proved", "checked")


class _Context:
    latex = LatexContext()


def reading(left: str, right: str) -> str:
    return other_reading((left, right), _Context(), 1)


def nothing_decided_after_the_square(tmp_path, words: str) -> bool:
    """Whether ``words`` after the square's definition (f(2) = 4 proved on line 3) leave every
    later step neither proved, checked nor refuted."""
    found = verdicts_by_line(tmp_path, f"{SQUARE}{words}\n")
    return found.pop(3) == ["proved"] and bool(found) and not any(
        set(verdicts) & {"proved", "checked", "refuted"} for verdicts in found.values())


def test_the_other_arithmetics_give_these_values():
    assert (9 + 5) % 12 == 2 and (1 + 1) % 2 == 0 and (350 + 20) % 360 == 10
    assert 7 // 2 == 3 and int("11", 3) == 2 + 2 and int("10", 16) == 9 + 7


@pytest.mark.parametrize("left, right, named", [
    ("9 + 5", "2", "modulo 12"),  # a clock
    ("1 + 1", "0", "modulo 2"),  # XOR, parities
    ("350 + 20", "10", "modulo 360"),  # a compass
    ("9 - 11", "10", "modulo 12"),  # back on the clock
    ("7 / 2", "3", "integer division"),
    ("2 + 2", "11", "base 3"),
    ("9 + 7", "10", "base 16"),
    ("\\sin 30", "1/2", "degrees"),
    ("\\cos(x + 90)", "-\\sin x", "degrees"),
])
def test_a_formula_that_holds_in_another_arithmetic_names_it(left, right, named):
    assert named in reading(left, right)


@pytest.mark.parametrize("left, right", [
    ("2 + 2", "5"),  # holds in no base and modulo nothing above 5
    ("2 - 5", "3"),  # a sign error: a negative value only modulo a clock's 12, 24, 60, 360
    ("6 \\cdot 7", "24"),  # 42 - 24 = 18 is no modulus above 24
    ("7 \\cdot 8", "54"),  # 56 - 54 = 2 is no modulus above 54, 5b + 4 = 56 no base
    ("\\sin(\\pi/6)", "1/3"),
    ("\\frac{7}{2}", "4"),  # neither rounded down nor toward zero
    ("0.3 + 0.4", "0.8"),
])
def test_an_error_in_every_reading_is_no_other_arithmetic(left, right):
    assert reading(left, right) == ""


@pytest.mark.parametrize("note", [
    "# Clocks\n\nOn a wall clock, $9 + 5 = 2$.\n",  # round 34a F24b
    "# 시계\n\n시계에서는 $9 + 5 = 2$이다.\n",  # F24c
    "# Bases\n\nIn base three, $2 + 1 = 10$, and in ternary, $2 + 2 = 11$.\n",  # F25a
    "# Division\n\nWith integer division, $7 / 2 = 3$.\n",  # F25c
    "# Gates\n\nFor XOR, $1 + 1 = 0$.\n",  # F25d
    "# Arithmetic\n\nFrom now on we work modulo 12. Then $9 + 5 = 2$.\n",  # F29a
    "# Trigonometry\n\n## Angles in degrees\n\nThe sine of thirty is one half: $\\sin 30 = 1/2$.\n",
])
def test_numbers_of_another_arithmetic_are_not_refuted(tmp_path, note):
    found = verdicts_by_line(tmp_path, note)
    assert found and not any("refuted" in verdicts for verdicts in found.values())


def test_an_error_in_every_arithmetic_is_still_refuted(tmp_path):
    found = verdicts_by_line(tmp_path, "# Sums\n\nWe find $2 + 2 = 5$ and $2 - 5 = 3$.\n")
    assert found[3] == ["refuted", "refuted"]


@pytest.mark.parametrize("words", [
    "Had we used the cube instead, we would find\n\n$$f(3) + f(-2) = 19.$$",  # round 35 F01a
    "세제곱일 때는\n\n$$f(3) + f(-2) = 19$$\n\n이다.",  # F01c
    "Then $f(3) = 27$. Here we used the cube instead of the square.",  # F07
    "From now on the map is the cube. It is odd. So $f(3) = 27$ and $f(-2) = -8$.",  # 34a F13
    "Had we used the cube, we would get $f(3) = 27$. Similarly, $f(-2) = -8$.",  # F16a
    "Had we used the cube, we would get\n$$f(3) = 27$$\nand\n$$f(-2) = -8.$$",  # F16b
    "- 제곱: $f(3) = 9$\n- 세제곱: $f(3) = 27$",  # F21d
])
def test_words_further_from_the_formula_may_change_what_it_relies_on(tmp_path, words):
    assert nothing_decided_after_the_square(tmp_path, words)


@pytest.mark.parametrize("words, verdict", [
    # what is put into a definition keeps it
    ("Plugging $x = 3$ into the definition we obtain\n\n$$f(3) = 27$$", "refuted"),
    ("Plugging $x = 3$ into the definition we obtain\n\n$$f(3) = 9$$", "proved"),
    ("Then $f(3) = 27$. Here we used the definition of $f$.", "refuted"),
    ("Then $f(2) = 4$. Similarly, $f(3) = 27$.", "refuted"),
    ("Then $f(2) = 4$. Similarly, $f(3) = 9$.", "proved"),
    ("- 정의에 의해: $f(3) = 9$", "proved"),
])
def test_words_further_away_that_change_nothing_keep_the_verdict(tmp_path, words, verdict):
    found = verdicts_by_line(tmp_path, f"{SQUARE}{words}\n")
    assert [verdicts for line, verdicts in sorted(found.items()) if line > 3][-1][-1] == verdict


@pytest.mark.parametrize("after", [
    "Back to the square: $f(-3) = f(3)$.\n\nThus $f(-1) + f(1) = 2$.",  # round 31a F26
    "Then $f(-3) = f(3)$ and $f(-1) + f(1) = 2$.",
])
def test_a_definition_given_in_a_case_does_not_decide_what_follows_the_case(tmp_path, after):
    note = (f"{SQUARE}In the cubic case, let $f(x) = x^3$ instead. Then $f(2) = 8$.\n\n{after}\n")
    found = verdicts_by_line(tmp_path, note)
    # true for the square, false for the cube: the note does not say which one it means
    after_the_case = [verdicts for line, verdicts in found.items() if line > 5]
    assert after_the_case and not any(
        set(verdicts) & {"proved", "checked", "refuted"} for verdicts in after_the_case)


# round 36: the review of the above -------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "We do not need $x > 0$ here: $\\sqrt{x^2} = x$.",  # F01a: false at x = -1
    "Positive or not, we have $\\sqrt{x^2} = x$.",  # F01b
    "It need not be positive: $\\sqrt{x^2} = x$.",  # F01c
    "No positive values are needed: $\\sqrt{x^2} = x$.",  # F01e
    "Assume nothing. Then $\\sqrt{x^2} = x$.",  # F01f
    "양수가 아니어도 $\\sqrt{x^2} = x$이다.",  # F01g
])
def test_words_that_drop_the_assumption_prove_nothing_by_it(tmp_path, sentence):
    found = verdicts_after_assumption(tmp_path, sentence)
    assert "proved" in found[3]
    assert not set(found[5]) & set(HOLDS)


@pytest.mark.parametrize("words", [
    "With the cube instead, we get the following.\n\n$$f(3) + f(-2) = 19.$$",  # F02a
    "If we had used the cube instead, we would obtain:\n\n$$f(3) + f(-2) = 19.$$",  # F02c
    "세제곱을 썼다면 다음을 얻는다:\n\n$$f(3) = 27.$$",  # F02e
    "세제곱을 쓰면 다음과 같다.\n\n$$f(3) = 27$$",  # F02g
    "With the cube instead, we get the following.\n\n$$f(2) = 4.$$",  # F02b: the author's error
    "Multiplying by $x$ again, we get $f(3) = 27$ and $f(-2) = -8$.",  # F03a
    "Adding one, $f(3) = 10$.",  # F03c
    "## The cube instead\n\nThen $f(3) = 27$.",  # F04a
    "Then $f(3) = 27$. We used the cube instead of the square.",  # F05a
    "Then $f(3) = 27$. All of this is for the cube.",  # F05b
    "Then $f(3) = 9$. Of course, this is for the cube.",  # F05d: the author's error
    "Then $f(3) = 27$ and $f(-2) = -8$.[^c]\n\n[^c]: With the cube instead of the square.",  # F06a
    "- 세제곱 → $f(3) = 27$",  # F08b
    "$$f(3) = 27$$\n\nfor the cube instead of the square.",  # F10
    "We now switch to the cube. It is odd. It is increasing. It is smooth. It is convex for "
    "positive inputs. It has a zero at the origin. So $f(3) = 27$.",  # F11
])
def test_round_36_words_that_may_change_a_definition_decide_nothing(tmp_path, words):
    assert nothing_decided_after_the_square(tmp_path, words)


LATEX = ("\\documentclass{article}\n\\begin{document}\n\\section{Power maps}\n"
         "Let $f(x) = x^2$. Then $f(2) = 4$.\n\n{}\n\\end{{document}}\n")


@pytest.mark.parametrize("body", [
    "Then $f(3) = 27$.\\footnote{Here with the cube instead of the square.}",  # F06b
    "Then $f(3) = 27$ and $f(-2) = -8$ \\emph{for the cube}.",  # F07
    "\\begin{itemize}\n\\item[Cube:] $f(3) = 27$ and $f(-2) = -8$.\n\\end{itemize}",  # F08a
    "Had we used the cube instead, we would find\n\\begin{equation}\nf(3) + f(-2) = 19,\n"
    "\\end{equation}\nand similarly\n\\begin{equation}\nf(1) + f(-1) = 0.\n\\end{equation}",  # F09
])
def test_round_36_latex_words_that_may_change_a_definition_decide_nothing(tmp_path, body):
    verdicts = file_verdicts(tmp_path, LATEX.replace("{}", body, 1), ".tex")
    assert verdicts[0] == "proved"  # f(2) = 4 for the square
    assert not set(verdicts[1:]) & {"proved", "checked", "refuted"}


@pytest.mark.parametrize("left, right, named", [
    ("[3.7]", "3", "greatest integer"),  # F12
    ("[-1.2]", "-2", "greatest integer"),
    ("\\left(\\frac{2}{7}\\right)", "1", "Legendre"),  # F13: 3^2 = 9 = 2 mod 7
    ("(12)(23)", "(123)", "cycle notation"),  # F14
    ("200 + 100", "44", "modulo 256"),  # F15a: 8-bit unsigned
    ("3 + 4", "2", "modulo 5"),  # F15b: the field with five elements
    ("7 + 17", "12", "modulo 12"),  # F15c: a clock shows 12
    ("5 + 9", "7", "modulo 7"),  # F15d: days 1 to 7
    ("-7 / 2", "-4", "integer division"),  # F16a
    ("(2 + 5) / 2", "3", "integer division"),  # F16b
    ("0.1 + 0.1", "1", "base 2"),  # F17: binary fractions
])
def test_round_36_other_notations_are_named(left, right, named):
    assert named in reading(left, right)


@pytest.mark.parametrize("left, right", [
    ("3 - 4", "1"),  # M2a: a sign error wraps only on a clock, a circle, a machine word
    ("\\cos(10^{-300})", "1"),  # exactly 1 in no reading, degrees included
    ("x + \\max(0, 1 - 10^{8}\\sin(x)^2)", "x"),  # a narrow bump at the zeros of sin
])
def test_round_36_errors_stay_errors(left, right):
    assert reading(left, right) == ""


CHAIN_RULE = """# The chain rule

Let $g(x) = x^2 + 1$ and $h(u) = \\sin u$, and write $f(x) = h(g(x))$. The chain rule says
that the derivative of a composition is the product of the derivatives, each taken at the
right point

$$f'(x) = h'(g(x)) \\, g'(x) = 2x \\cos(x^2 + 1).$$

At the origin the inner derivative vanishes, so the slope of $f$ there is zero:
$f'(0) = 0$. Similarly, $g'(1) = 2$.

Here we evaluated the derivative at a single point.
"""
SOFTMAX = """# Softmax cross-entropy

For two classes with logits $a$ and $b$, let $p(a, b) = \\frac{e^{a}}{e^{a} + e^{b}}$ and let the
loss for the first class be $L(a, b) = -\\log p(a, b)$. Plugging the softmax into the definition
of the loss and simplifying the logarithm, we get

$$L(a, b) = \\log\\left(e^{a} + e^{b}\\right) - a.$$

Taking the partial derivative with respect to the logit of the true class gives the familiar
"prediction minus target" form

$$\\frac{\\partial L}{\\partial a} = p(a, b) - 1.$$
"""


@pytest.mark.parametrize("note, lines", [(CHAIN_RULE, (7, 10)), (SOFTMAX, (7, 12))])
def test_ordinary_lead_ins_keep_their_proofs(tmp_path, note, lines):  # round 36 M1
    found = verdicts_by_line(tmp_path, note)
    assert all(verdict == "proved" for line in lines for verdict in found[line])


# round 37: the review of round 36's fixes ------------------------------------------------


@pytest.mark.parametrize("words", [
    "From now on we use $x^3$ instead of $x^2$. So $f(3) = 27$.",  # F01a
    "From now on we use $x^3$ instead of $x^2$.\n\nSo $f(3) = 27$.",  # F01c
    "이제부터 $x^2$ 대신 $x^3$을 쓰자. 그러면 $f(3) = 27$이다.",  # F01e
    "Then $f(3) = 27$. Here $f(x) = x^3$ instead.",  # F02a
    "Then $f(3) = 27$. Here we used $x^3$ in place of $x^2$.",  # F02c
    "Then $f(3) = 27$. We used the cube.",  # F02d
    "Now we take the cube. Then $f(3) = 27$.",  # F03a
    "Next, consider the cube. Then $f(3) = 27$ and $f(-2) = -8$.",  # F03c
    "We now work with the cube. Then $f(3) = 27$.",  # F03d
    "The definition above is not the one used here: $f(3) = 27$.",  # F05a
    "The definition above is not the one used here: $f(3) = 9$.",  # F05b
])
def test_round_37_words_that_may_change_a_definition_decide_nothing(tmp_path, words):
    assert nothing_decided_after_the_square(tmp_path, words)


def test_a_sentence_defining_what_it_keeps_from_now_on_is_its_definition(tmp_path):
    found = verdicts_by_line(tmp_path, f"{SQUARE}From here on, $f(x) = x^3$. So $f(3) = 27$.\n")
    assert found[5][-1] == "proved"  # the relation in it is the new definition, read as such


@pytest.mark.parametrize("left, right", [
    ("\\sin 60", "0.866"),  # F07: √3/2 = 0.86602… in degrees, to the 3 decimals written
    ("\\tan 30", "0.577"),
])
def test_round_37_degrees_to_the_digits_written(left, right):
    assert "degrees" in reading(left, right)
    assert reading(left, "0.867") == ""  # rounded wrong in degrees too


def test_a_delta_the_note_defines_multiplies(tmp_path):  # round 37 F06
    note = ("# Backprop\n\nLet $z = w x + b$ and $\\delta = \\sigma(z)(1 - \\sigma(z))$.\n\n"
            "Then $\\frac{\\partial \\sigma(z)}{\\partial w} = \\delta x$ and "
            "$\\frac{\\partial \\sigma(z)}{\\partial w} = x \\delta$.\n")
    # d/dw σ(wx + b) = σ'(z) x = δ x: δ is the note's number, δ x its product with x
    assert verdicts_by_line(tmp_path, note)[5] == ["proved", "proved"]
