"""Definition and reading findings of the sixth adversarial review (/work/findings/round6.md:
N9, N17, N3, N10, N16, N6), each as the note the reviewer wrote and paraphrases of it: the
verdict it must (not) get, and true claims that must stay proved."""

from fractions import Fraction
from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def equations_of(tmp_path: Path, text: str) -> list:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return report.files[0].equations


def verdicts_by_line(tmp_path: Path, text: str) -> dict:
    """line -> the verdicts of the steps written on it (in order)."""
    found: dict = {}
    for equation in equations_of(tmp_path, text):
        for step in equation.steps:
            found.setdefault(equation.line, []).append(step.verdict)
    return found


def steps_by_line(tmp_path: Path, text: str) -> dict:
    found: dict = {}
    for equation in equations_of(tmp_path, text):
        for step in equation.steps:
            found.setdefault(equation.line, []).append(step)
    return found


# -- N9: e and E defined as expressions -------------------------------------------------------

RESIDUAL = (
    "# B\n\nDefine the residual $e = y - w x$.\n\n"
    "$$ \\frac{\\partial}{\\partial w} \\frac{1}{2} e^2 = -e x $$\n\n"
    "$$ \\frac{\\partial}{\\partial w} \\frac{1}{2} e^2 = 0 $$\n"
)


def test_a_residual_named_e_is_the_residual_not_eulers_number(tmp_path):
    found = verdicts_by_line(tmp_path, RESIDUAL)
    assert found[5] == ["proved"]  # ∂(½e²)/∂w = e·∂e/∂w = −e x: the least-squares gradient
    assert found[7] != ["proved"]  # ½e² does depend on w


def test_the_error_e_gives_the_true_derivative_and_refutes_the_wrong_sign(tmp_path):
    text = ("Let the error be $e = y - \\hat{y}$.\n\n"
            "$$ \\frac{\\partial}{\\partial \\hat{y}} e^2 = -2e $$\n\n"
            "$$ \\frac{\\partial}{\\partial \\hat{y}} e^2 = 2e $$\n")
    found = steps_by_line(tmp_path, text)
    assert [s.verdict for s in found[3]] == ["proved"]
    [wrong] = found[5]
    assert wrong.verdict == "refuted"
    values = {name: float(Fraction(v)) for name, v in dict(wrong.counterexample.values).items()}
    y, y_hat = values["y"], values["\\hat{y}"]
    # the counterexample reproduces with e = y − ŷ: d(e²)/dŷ = −2e, the claim says 2e
    assert float(wrong.counterexample.lhs_value) == pytest.approx(-2 * (y - y_hat))
    assert float(wrong.counterexample.rhs_value) == pytest.approx(2 * (y - y_hat))


def test_the_energy_e_is_a_definition_and_what_follows_is_proved(tmp_path):
    text = ("# C\n\nThe energy is $E = m c^2$, so $E / m = c^2$.\n\n# D\n\n"
            "$$ E = \\frac{1}{2} k x^2 $$\n\n$$ \\frac{dE}{dx} = k x $$\n\n"
            "# A\n\nLet $E = \\frac{1}{2} m v^2$ be the kinetic energy.\n\n"
            "$$ \\frac{\\partial E}{\\partial v} = m v $$\n\n"
            "$$ \\frac{\\partial E}{\\partial v} = v $$\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[3] == ["proved"]  # E/m = c²; E = mc² itself is not judged
    assert 7 not in found  # E = ½kx²: a definition
    assert found[9] == ["proved"]
    assert found[15] == ["proved"]
    assert found[17] == ["refuted"]  # ∂(½mv²)/∂v = mv ≠ v


@pytest.mark.parametrize(
    "text",
    [
        "$$ e^{\\ln 2} = 2 $$\n",
        "$$ \\frac{d}{dx} e^{x} = e^{x} $$\n",
        "Recall $e = \\lim_{n \\to \\infty} (1 + 1/n)^n$.\n\n$$ \\ln e = 1 $$\n",
        "Recall $e = \\exp(1)$.\n\n$$ \\ln e = 1 $$\n",
    ],
)
def test_eulers_number_stays_eulers_number_where_e_is_not_given_a_formula(tmp_path, text):
    found = verdicts_by_line(tmp_path, text)
    assert all(verdicts == ["proved"] for verdicts in found.values()) and found


def test_expectation_brackets_still_read_after_an_energy_e(tmp_path):
    text = ("$$ E = \\frac{1}{2} k x^2 $$\n\n$$ E[2X] = 2 E[X] $$\n")
    assert verdicts_by_line(tmp_path, text)[3] == ["proved"]


# -- N17 (+ r2w): a numbered derivation step is a claim about the same name ---------------------

LOSS = "The loss is $l(y, \\hat{y}) = \\frac{1}{2}(y - \\hat{y})^2$.\n\n"
GRADIENT = "\n\nTherefore $\\frac{\\partial l}{\\partial \\hat{y}} = 2(\\hat{y} - y)$.\n"


def test_a_numbered_we_compute_step_is_a_wrong_claim_not_a_new_definition(tmp_path):
    text = ("# B\n\nLet $f(x) = x^3$.\n\n1. We compute $f(x) = x^2$.\n"
            "2. Hence $f'(x) = 2x$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["refuted"]  # x³ ≠ x²
    assert found[6] == ["refuted"]  # (x³)' = 3x² ≠ 2x: never proved from line 5


@pytest.mark.parametrize("words", ["We get", "Thus", "So", "Hence", "we calculate",
                                   "Computing,"])
def test_derivation_words_in_a_numbered_item_make_a_claim(tmp_path, words):
    text = f"Let $f(x) = x^3$.\n\n1. {words} $f(x) = x^2$.\n2. Hence $f'(x) = 2x$.\n"
    found = verdicts_by_line(tmp_path, text)
    assert "proved" not in found[4]


def test_a_hence_item_keeps_the_function_of_the_section(tmp_path):
    # nl.md:10-13: f'(x) = 2x is true for x² + 1, and f(1) = 2 (the item's f(1) = 1 is wrong)
    text = ("Let $f(x) = x^2 + 1$.\n\n1. We compute $f(x) = x^2$.\n"
            "2. Hence $f'(x) = 2x$ and $f(1) = 1$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[3] == ["refuted"]
    assert found[4] == ["proved", "refuted"]


def test_an_exercise_item_still_defines_its_own_function(tmp_path):
    text = ("# Exercises\n\n1. Differentiate $f(x) = x^3$.\n"
            "2. Show that $f'(x) = 2x$ for $f(x) = x^2$.\n")
    assert verdicts_by_line(tmp_path, text)[4] == ["proved"]


def test_define_nothing_new_is_no_definition(tmp_path):
    text = LOSS + "We define nothing new here: $l(y, \\hat{y}) = (y - \\hat{y})^2$." + GRADIENT
    found = verdicts_by_line(tmp_path, text)
    assert found[3] == ["refuted"]  # ½(y − ŷ)² ≠ (y − ŷ)²
    assert found[5] == ["refuted"]  # ∂/∂ŷ ½(y − ŷ)² = ŷ − y, not 2(ŷ − y)


def test_define_nothing_new_keeps_a_true_restatement_proved(tmp_path):
    text = (LOSS + "We define nothing new here: "
            "$l(y, \\hat{y}) = \\frac{1}{2}(\\hat{y} - y)^2$.\n\n"
            "Therefore $\\frac{\\partial l}{\\partial \\hat{y}} = \\hat{y} - y$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[3] == ["proved"] and found[5] == ["proved"]


def test_an_enumeration_mark_is_read_both_ways_never_proved_from_it(tmp_path):
    text = LOSS + "(ii) $l(y, \\hat{y}) = (y - \\hat{y})^2$." + GRADIENT
    steps = steps_by_line(tmp_path, text)
    assert [s.verdict for s in steps[3]] == ["undecided"]
    [gradient] = steps[5]
    assert gradient.verdict == "undecided"
    assert "line 3" in gradient.reason and "line 1" in gradient.reason  # both lines named


# -- N3: a stated base of \log holds in every step, not only inside H, I, D_KL -----------------

BITS = "# Entropy in bits\n\nThis note is about entropy. All logarithms are base 2.\n\n"


@pytest.mark.parametrize(
    "display",
    [
        r"\frac{d}{dp} \left( -p \log p \right) = -\log p - 1",  # false in bits: −log₂p − 1/ln 2
        r"\log 3 = 1.585",  # true in bits: never refuted
        r"\log 3 = 1.099",  # false in bits: never checked
    ],
)
def test_a_base_two_note_decides_no_log_step_with_the_natural_log(tmp_path, display):
    [step] = steps_by_line(tmp_path, BITS + f"$$ {display} $$\n")[5]
    assert step.verdict == "undecided"
    assert "base 2 at line 3" in step.reason


@pytest.mark.parametrize(
    "statement",
    [
        "Throughout these notes, $\\log$ denotes the logarithm to base 2.",
        "In this chapter $\\log$ is the common (base-10) logarithm.",
        "이 절에서 로그는 항상 밑이 2인 로그이다.",
        "We write $\\log$ for the binary logarithm.",
    ],
)
@pytest.mark.parametrize(
    "display",
    [r"e^{\log x} = x", r"\frac{d}{dx} \log x = \frac{1}{x}", r"\log(2x) = 1 + \log x"],
)
def test_a_stated_base_reaches_derivatives_and_exponents(tmp_path, statement, display):
    [step] = steps_by_line(tmp_path, f"{statement}\n\n$$ {display} $$\n")[3]
    assert step.verdict == "undecided"


def test_the_entropy_bound_is_still_read_in_bits(tmp_path):
    # H(X) ≤ log 4 = 2 bits fails for five equally likely outcomes (log₂ 5 = 2.32)
    [step] = steps_by_line(tmp_path, BITS + "$$ H(X) \\le \\log 4 $$\n")[5]
    assert step.verdict == "refuted"
    assert float(step.counterexample.lhs_value) == pytest.approx(2.321928, abs=1e-5)


@pytest.mark.parametrize(
    "text",
    [
        "$$ \\frac{d}{dx} \\log x = \\frac{1}{x} $$\n",  # no base stated: natural
        "A nat is a bit with base $e$ rather than one with base 2.\n\n"
        "$$ \\frac{d}{dx} \\log x = \\frac{1}{x} $$\n",  # names no logarithm
        "All logarithms are base 2.\n\n$$ \\frac{d}{dx} \\ln x = \\frac{1}{x} $$\n",
        "All logarithms are base 2.\n\n$$ \\log_2 8 = 3 $$\n",
        "# A\n\nAll logarithms are base 2.\n\n# B\n\nHere we use the natural log.\n\n"
        "$$ \\frac{d}{dx} \\log x = \\frac{1}{x} $$\n",
    ],
)
def test_natural_and_explicit_logarithms_stay_proved(tmp_path, text):
    found = verdicts_by_line(tmp_path, text)
    assert list(found.values())[-1] == ["proved"]


# -- N10: the entropy of a function of random variables is not an unknown function's value ----

ENTROPY = "# Entropy of functions\n\nThis note is about entropy.\n\n"


@pytest.mark.parametrize(
    "display",
    [
        "H(X + 1) = H(X)", "H(-X) = H(X)", "H(3X + 2) = H(X)", "H(X^3) = H(X)",
        "H(e^X) = H(X)", "H(2X) = H(X)", "H(X + Y) \\le H(X) + H(Y)",
        "H(X^2) = H(X)",  # false (X = ±1), but a value of −32u² − … refutes nothing
        "H(X + 1) = H(X) + 1",
    ],
)
def test_the_entropy_of_a_function_of_x_is_never_judged_as_an_unknown_function(tmp_path, display):
    [step] = steps_by_line(tmp_path, ENTROPY + f"$$ {display} $$\n")[5]
    assert step.verdict in ("undecided", "skipped")
    assert "-32" not in str(step.counterexample)


@pytest.mark.parametrize(
    ("display", "verdict"),
    [("H(X, X) = H(X)", "proved"), ("H(X \\mid X) = 0", "proved")],
)
def test_entropies_of_the_variables_themselves_stay_decided(tmp_path, display, verdict):
    [step] = steps_by_line(tmp_path, ENTROPY + f"$$ {display} $$\n")[5]
    assert step.verdict == verdict


def test_the_binary_entropy_function_of_a_probability_is_still_a_function(tmp_path):
    from symderive.notes.probability import function_of_variables

    assert function_of_variables("H(1 - p) = H(p)") == ""
    assert function_of_variables("H(X \\mid Y, Z) + I(X; Y)") == ""
    assert function_of_variables("I(X^2; Y) \\le I(X; Y)") == "I(X^2; Y)"


# -- N16: a counterexample where the note's definition is undefined refutes nothing ------------

VARIANCE = "Let $s^2 = \\frac{1}{n-1}\\sum_{i=1}^{n} (x_i - \\bar{x})^2$.\n\n"


def test_the_sample_variance_row_is_not_refuted_at_n_equal_one(tmp_path):
    text = VARIANCE + "$$ (n - 1) s^2 = \\sum_{i=1}^{n} (x_i - \\bar{x})^2 $$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict != "refuted"


def test_a_definition_dividing_by_zero_at_the_point_is_named(tmp_path):
    text = "Let $g = \\frac{1}{n - 2} \\sum_{i=1}^{n} x_i$.\n\n$$ (n - 2) g = (n - 2) x_1 $$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    if step.verdict == "undecided" and "undefined at" in step.reason:
        assert "n = 2" in step.reason
    assert step.verdict != "proved"


def test_a_wrong_claim_beside_the_definition_is_still_refuted_where_it_is_defined(tmp_path):
    # (n − 1)s² = Σ(x_i − x̄)², so "= 2 Σ …" is wrong wherever s² is defined (n ≥ 2)
    text = VARIANCE + "Let $t = \\frac{1}{n}$.\n\n$$ t n = 2 $$\n"
    [step] = steps_by_line(tmp_path, text)[5]
    assert step.verdict in ("refuted", "skipped")  # tn = 1 ≠ 2 (or an equation to solve)


def test_the_undefined_check_reads_the_formula_and_substitutes_exactly():
    from symderive.notes.check_notes import _undefined_definition
    from symderive.notes.context import FileContext
    from symderive.grammar.latex import LatexContext

    context = FileContext(latex=LatexContext())
    context.raw_text = VARIANCE + "x\n"
    context.headings = []
    assert "undefined at n = 1" in _undefined_definition(context, 3, {"n": "1"}, "<t>")
    assert _undefined_definition(context, 3, {"n": "2"}, "<t>") == ""
    assert _undefined_definition(context, 3, {"n": "3/2"}, "<t>") == ""


# -- N6: a point written with any words inside the display is the display's condition ----------


@pytest.mark.parametrize(
    "display",
    [
        r"\frac{d}{dx} x^2 = 2 \quad \text{evaluated at } x = 1",
        r"\frac{d}{dx} x^2 = 2 \quad \mathrm{at}\ x = 1",
        r"\frac{d}{dx} x^2 = 2 \quad \text{at } x = x_0 = 1",
        r"\frac{d}{dx} x^2 = 2 \quad x = 1 \text{에서}",
        r"\frac{d}{dx} x^2 = 2 \quad \text{in } x = 1",
        r"\frac{d}{dx} x^2 = 2 \quad \text{whenever we look at } x = 1",  # any words
        r"\frac{d}{dx} x^2 = 2 \quad \text{for } x \text{ equal to } 1",
        r"\frac{d}{dx} x^3 = 12 \quad \text{taken at } x = 2",
    ],
)
def test_a_true_derivative_at_a_point_in_words_is_never_refuted(tmp_path, display):
    found = verdicts_by_line(tmp_path, f"$$ {display} $$\n")
    assert "refuted" not in found[1]


def test_a_korean_point_is_no_definition_of_x_for_the_section(tmp_path):
    text = ("$$ \\frac{d}{dx} x^2 = 2 \\quad x = 1 \\text{에서} $$\n\n"
            "$$ x^2 - 1 = (x - 1)(x + 1) $$\n")
    found = steps_by_line(tmp_path, text)
    [step] = found[3]
    assert step.verdict == "proved" and "line 1" not in step.reason  # x is free, not 1


def test_a_wrong_derivative_at_a_point_in_words_is_not_proved(tmp_path):
    found = verdicts_by_line(tmp_path, "$$ \\frac{d}{dx} x^2 = 3 \\quad \\text{evaluated at } x = 1 $$\n")
    assert "proved" not in found[1] and "checked" not in found[1]


def test_a_claim_without_a_point_is_still_refuted(tmp_path):
    found = verdicts_by_line(tmp_path, "$$ \\frac{d}{dx} x^2 = 2 \\quad \\text{(the slope)} $$\n")
    assert found[1] == ["refuted"]
