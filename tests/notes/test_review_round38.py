"""The wordings rounds 36 and 37 left open, and round 38's findings.

* A heading between a definition and a step that relies on it opens a section that may give
  the name another meaning: every word of it is read (``### The cubic map``, ``### Cubes``:
  round 37 F04); a heading of known words (*Examples*, *Remarks*, *Backpropagation*) changes
  nothing.
* A Korean sentence after a formula saying what was used (*세제곱을 사용했다.*: round 36 F05e),
  and only the sentence right after a formula speaks of it (not the next paragraph's).
* Other arithmetics: ordinals and cardinals (*1 + ω = ω*: F18), counts including both ends
  (*3 + 3 = 5*, musical intervals: F19).
"""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line
from tests.notes.test_review_round36 import reading

DEFINED = "## Setup\n\nWe define\n\n$$f(x) = x^2.$$\n\nThen $f(2) = 4$.\n\n"  # f(2) = 4 on line 7
HOLDS = ("proved", "checked")


def after_a_heading(tmp_path, heading: str, claim: str) -> list[str]:
    """The verdicts of ``claim`` under ``heading``, a sub-section of the definition's."""
    found = verdicts_by_line(tmp_path, f"{DEFINED}### {heading}\n\nAnd ${claim}$.\n")
    assert found[7] == ["proved"]
    return found[11]


@pytest.mark.parametrize("heading, claim", [
    ("Cubes", "f(3) = 27"),
    ("The cubic map", "f(2) = 8"),
    ("The cubic map", "f(2) = 4"),  # the square's value may not be the section's
    ("Squares", "f(3) = 27"),
])
def test_a_heading_since_the_definition_is_read(tmp_path, heading, claim):
    assert not set(after_a_heading(tmp_path, heading, claim)) & {"proved", "checked", "refuted"}


@pytest.mark.parametrize("heading", ["Examples", "Remarks", "Backpropagation", "Worked examples",
                                     "예제"])
def test_a_heading_of_known_words_changes_nothing(tmp_path, heading):
    assert after_a_heading(tmp_path, heading, "f(3) = 9") == ["proved"]
    assert after_a_heading(tmp_path, heading, "f(3) = 27") == ["refuted"]


def test_a_heading_above_the_definition_is_not_a_change(tmp_path):
    note = "## The cubic map\n\nWe define\n\n$$f(x) = x^2.$$\n\nThen $f(2) = 8$.\n"
    assert verdicts_by_line(tmp_path, note)[7] == ["refuted"]


KOREAN = "함수를 다음과 같이 정의한다.\n\n$$f(x) = x^2$$\n\n"


@pytest.mark.parametrize("words", [
    "그러면 $f(2) = 8$ 이다. 여기서는 세제곱을 사용했다.\n",
    "그러면 $f(2) = 8$ 이다.\n\n세제곱을 사용했다.\n",
    "그러면 $f(2) = 8$ 이다. 세제곱을 이용하였다.\n",
])
def test_a_korean_sentence_saying_what_was_used_is_read(tmp_path, words):
    assert verdicts_by_line(tmp_path, KOREAN + words)[5] == ["undecided"]


def test_the_next_paragraph_does_not_speak_of_a_formula(tmp_path):
    # the sentence after f(2) = 8 is 'Here we used the square.': the one after that (the next
    # paragraph's, with its own formula) is not read as its words
    note = ("We define $f(x) = x^2$ for every real $x$.\n\nThen $f(3) = 9$. Here we used the "
            "square.\n\nThen $f(2) = 8$.\n")
    found = verdicts_by_line(tmp_path, note)
    assert found[5] == ["refuted"]


@pytest.mark.parametrize("left, right, named", [
    ("1 + \\omega", "\\omega", "ordinal"),
    ("3 + 3", "5", "both ends"),  # a third and a third make a fifth
    ("3 + 3 + 3", "7", "both ends"),
])
def test_ordinals_and_intervals_are_other_arithmetics(left, right, named):
    assert named in reading(left, right)


@pytest.mark.parametrize("left, right", [("2 + 2", "5"), ("7 \\cdot 8", "54"),
                                         ("\\omega + 1", "2")])
def test_a_formula_no_arithmetic_makes_true_stays_refuted(left, right):
    assert reading(left, right) == ""


# ---- round 38, reviewer A: conventions and changes the note states in words ----

DERIVATIVE_OF_SINE = "$$\\frac{d}{dx}\\sin x = \\cos x$$\n"


@pytest.mark.parametrize("said", [
    "All angles in this note are measured in degrees.\n\n",  # A01
    "# Angles in degrees\n\n",
    "이 노트에서 각은 모두 도(degree) 단위이다.\n\n",
])
def test_angles_stated_in_degrees_decide_no_trigonometry(tmp_path, said):
    # in degrees d/dx sin x = (π/180) cos x: the radian derivative is neither proved nor refuted
    assert verdicts_by_line(tmp_path, said + DERIVATIVE_OF_SINE)[3] == ["undecided"]


@pytest.mark.parametrize("said", [
    "A polynomial of degree three has at most three roots.\n\n",  # no angle
    "We never use degrees: angles are in radians, not degrees.\n\n",
])
def test_degrees_not_said_of_angles_change_nothing(tmp_path, said):
    assert verdicts_by_line(tmp_path, said + DERIVATIVE_OF_SINE)[3] == ["proved"]


def test_degrees_leave_other_functions_decided(tmp_path):
    note = "All angles are in degrees.\n\n$$\\frac{d}{dx}x^2 = 2x$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


@pytest.mark.parametrize("said", [
    "Unless stated otherwise, logarithms are binary.",  # A02
    "Here $\\log$ is $\\log_2$.",
    "이 글의 $\\log$는 모두 $\\log_2$이다.",
    "We use binary logs throughout.",
    "In this course $\\log$ is always $\\log_2$.",
    "We work with $\\log_2$ and drop the subscript.",
    "Logs are log2 in this note.",
    "Entropy is measured in shannons.",
])
def test_a_stated_log_base_decides_no_natural_log_step(tmp_path, said):
    # d/dx log_2 x = 1/(x ln 2)
    note = f"{said}\n\n$$\\frac{{d}}{{dx}}\\log x = \\frac{{1}}{{x}}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


def test_a_conversion_rule_states_no_base(tmp_path):
    note = ("Note that $\\log_2 x = \\frac{\\log x}{\\log 2}$.\n\n"
            "$$\\frac{d}{dx}\\log x = \\frac{1}{x}$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


ROW_VECTORS = "In this note all vectors are row vectors. For $\\mathbf{x} \\in \\mathbb{R}^n$,\n\n"


def test_row_vectors_decide_no_transpose(tmp_path):  # A06: x^T x is then an n × n matrix
    note = ROW_VECTORS + "$$\\mathbf{x}^\\top\\mathbf{x} = \\|\\mathbf{x}\\|^2.$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


@pytest.mark.parametrize("said", [
    "As in Python, indices start at $0$: the entries of $\\mathbf{x} \\in \\mathbb{R}^n$ are "
    "$x_0, \\dots, x_{n-1}$.",  # A07
    "파이썬처럼 인덱스는 0부터 시작한다. 즉 $\\mathbf{x} \\in \\mathbb{R}^n$의 성분은 "
    "$x_0, \\dots, x_{n-1}$이다.",
    "We use zero-based indexing.",
])
def test_indices_from_zero_decide_no_sum_from_one(tmp_path, said):
    note = f"{said}\n\n$$\\mathbf{{x}}^\\top\\mathbf{{y}} = \\sum_{{i=1}}^{{n}} x_i y_i$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


@pytest.mark.parametrize("change", [
    "Now add the weight-decay term $\\frac{\\lambda}{2}w^2$ to the loss. Then",  # A10
    "Next we include an $\\ell_2$ penalty $\\frac{\\lambda}{2}w^2$ in the loss. Then",
    "We now regularise the loss with $\\frac{\\lambda}{2}w^2$. Then",
    "이제 손실에 $\\frac{\\lambda}{2}w^2$ 항을 더한다. 그러면",
])
def test_a_term_added_to_the_loss_in_words_keeps_the_old_gradient_unproved(tmp_path, change):
    note = (f"The loss is $L(w) = (w - 1)^2$, so $L'(w) = 2(w - 1)$. {change}\n\n"
            "$$L'(w) = 2(w - 1)$$\n")
    found = verdicts_by_line(tmp_path, note)
    assert found[1] == ["proved"] and found[3] == ["undecided"]


def test_words_before_the_definition_change_nothing(tmp_path):
    # (d2l: *Let's take this one step further. Consider the function $g(x) = …$.*)
    note = ("Let's take this one step further. Consider the function $g(x) = ax^2 + bx + c$. "
            "We can then compute that\n\n$$\\frac{dg}{dx}(x) = 2ax + b$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


@pytest.mark.parametrize("note, line", [
    ("Let $f(x) = x^2$. Then $f'(x) = 2x$. Likewise for $x^3$: $f'(x) = 3x^2$.\n", 1),  # A04
    ("Let $f(x) = x^2$, so $f'(x) = 2x$.\n\nUsing $x^3$ instead:\n\n$$f'(x) = 3x^2$$\n", 5),
    ("$f(x) = x^2$이라 하자. 그러면 $f'(x) = 2x$이다. 마찬가지로 $x^3$에 대해 $f'(x) = 3x^2$이다.\n", 1),
])
def test_a_variant_named_by_a_formula_refutes_nothing(tmp_path, note, line):
    assert verdicts_by_line(tmp_path, note)[line][-1] == "undecided"


def test_the_derivative_of_a_formula_named_in_words_is_still_read(tmp_path):
    # *the derivative of $3x^2 - 4x$* names what is differentiated, no variant (d2l calculus)
    note = ("We find the derivative of $3 x^2 - 4x$ via\n\n"
            "$$\\frac{d}{dx} [3 x^2 - 4x] = 6x - 4.$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


# ---- round 38, reviewer B: special functions, powers with a variable exponent, decimals ----

@pytest.mark.parametrize("claim", [
    "\\Gamma(x+1) = x\\,\\Gamma(x)",  # B02: the gamma function's functional equation
    "\\psi(x+1) = \\psi(x) + \\frac{1}{x}",  # the digamma recurrence
    "\\Phi(-x) = 1 - \\Phi(x)",  # B03: the normal distribution function
])
def test_a_rule_of_a_special_function_is_not_refuted_on_invented_instances(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"By integration by parts,\n\n$${claim}.$$\n")[3] == [
        "undecided"]


def test_a_rule_false_for_the_special_function_too_is_not_proved(tmp_path):
    # Γ(x + 1) = Γ(x) + 1 fails for the gamma function (Γ(2) = 1 ≠ Γ(1) + 1): never held
    found = verdicts_by_line(tmp_path, "Then\n\n$$\\Gamma(x+1) = \\Gamma(x) + 1.$$\n")[3]
    assert not set(found) & set(HOLDS)


@pytest.mark.parametrize("claim", ["x^x > 0", "x^{2x} > 0", "x^x \\ge 0.69"])
def test_a_power_with_a_variable_exponent_is_not_refuted_at_a_negative_base(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"# Self powers\n\n$${claim}$$\n")[3] != ["refuted"]


def test_a_rounded_constant_shows_its_sides_when_refuted(tmp_path):  # B05
    from tests.notes.note_steps import steps_by_line

    step = steps_by_line(tmp_path, "$$\\sum_{k=0}^{\\infty} 2^{-k} = 2.5$$\n")[1][0]
    assert step.verdict == "refuted"
    assert float(step.counterexample.lhs_value) == 2 and float(step.counterexample.rhs_value) == 2.5
    assert "not correct to the decimals written" in step.reason and "checked to" not in step.reason
