"""Round 38, findings C06, C07, C03 and A09: what E, ŷ(x) and SE_i are in a note.

* E before a sized bracket (``E\\left[X^2\\right]``, ``E\\big[ … \\big]``) is the expectation,
  as ``E[X^2]`` is, never the number E times a group: E[X²] = E[X]² is false for a random X
  (a fair coin on {0, 1}: 1/2 against 1/4) and is refuted, not proved (C06).
* ``\\hat{y}(x)`` is the prediction at x, not ŷ·x, so Var(ŷ(x)) = E[ŷ(x)²] − E[ŷ(x)]² holds (C07).
* ``SE_{i} = …`` defines the name SE_i (the squared error), so ∂SE_i/∂α is not ∂(S·E_i)/∂α = 0
  (C03); a product of two letters that the note does not define as a name stays a product.
* A note that defines E[u] as an energy, or names E[ψ] an energy functional, does not mean
  the expectation: E[2u] = 2E[u] is then not proved by linearity (A09).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.notes.note_steps import first_reasons, last_claim, verdicts_by_line

RANDOM_X = "Let $X$ be a random variable. Then\n\n"
HOLDS = ("proved", "checked")


def test_a_fair_coin_has_a_second_moment_other_than_its_squared_mean():
    outcomes = [Fraction(0), Fraction(1)]
    second_moment = sum(x**2 for x in outcomes) / 2
    squared_mean = (sum(outcomes) / 2) ** 2
    assert (second_moment, squared_mean) == (Fraction(1, 2), Fraction(1, 4))


# -- C06: E before a sized bracket --------------------------------------------------------
@pytest.mark.parametrize("opening, closing", [
    ("\\left[", "\\right]"),
    ("\\big[", "\\big]"),
    ("\\Big[", "\\Big]"),
    ("\\bigl[", "\\bigr]"),
    ("\\left(", "\\right)"),
    ("[", "]"),
])
def test_the_second_moment_is_not_the_squared_mean(tmp_path, opening, closing):
    claim = f"$$ E{opening} X^2 {closing} = E{opening} X {closing}^2 $$\n"
    assert last_claim(tmp_path, RANDOM_X + claim) == "refuted"


def test_the_fourth_moment_is_not_the_squared_second_moment(tmp_path):
    text = ("Let $X$ be a random variable and $h(x) = x^2$. Then\n\n"
            "$$ E\\left[ h(X)^2 \\right] = E\\left[ h(X) \\right]^2 $$\n")
    assert last_claim(tmp_path, text) == "refuted"


def test_a_variance_of_an_unknown_function_of_x_is_not_proved_zero(tmp_path):
    text = ("Let $X$ be a random variable and $g$ a function. Then\n\n"
            "$$ E\\left[ g(X)^2 \\right] = E\\left[ g(X) \\right]^2 $$\n")
    assert last_claim(tmp_path, text) not in HOLDS


def test_jensen_is_refuted_with_a_counterexample_that_is_one(tmp_path):
    text = RANDOM_X + "$$ E\\left[ \\log(X) \\right] = \\log\\left( E[X] \\right) $$\n"
    reasons = first_reasons(tmp_path, text)
    assert last_claim(tmp_path, text) == "refuted"
    assert "E = " not in reasons[max(reasons)]  # N1: E is no number in the counterexample


@pytest.mark.parametrize("opening, closing", [("\\left[", "\\right]"), ("\\big[", "\\big]")])
def test_the_variance_shortcut_still_holds(tmp_path, opening, closing):
    claim = (f"$$ \\operatorname{{Var}}(X) = E{opening} X^2 {closing} - "
             f"E{opening} X {closing}^2 $$\n")
    assert last_claim(tmp_path, RANDOM_X + claim) in HOLDS


def test_linearity_with_sized_brackets_still_holds(tmp_path):
    claim = "$$ E\\left[ 2X + 3 \\right] = 2E\\left[ X \\right] + 3 $$\n"
    assert last_claim(tmp_path, RANDOM_X + claim) in HOLDS


# -- C07: a decorated name applied to one letter --------------------------------------------
YHAT_VARIANCE = ("$$\n\\mathrm{Var}(\\hat{y}(x)) = E\\left[ \\hat{y}(x)^2 \\right] - "
                 "E\\left[ \\hat{y}(x) \\right]^2\n$$\n")


def test_the_variance_of_a_prediction_is_its_second_moment_less_its_squared_mean(tmp_path):
    assert last_claim(tmp_path, YHAT_VARIANCE) in HOLDS


def test_the_same_after_words_calling_the_prediction_random(tmp_path):
    words = "The prediction $\\hat{y}(x)$ of a model is a random variable. Its variance is\n\n"
    assert last_claim(tmp_path, words + YHAT_VARIANCE) in HOLDS


@pytest.mark.parametrize("claim", [
    "E\\left[ \\hat{y}(x)^2 \\right] = E\\left[ \\hat{y}(x) \\right]^2",
    "\\mathrm{Var}(\\hat{y}(x)) = 0",
])
def test_a_prediction_is_not_proved_constant(tmp_path, claim):
    words = "The prediction $\\hat{y}(x)$ is a random variable.\n\n"
    assert last_claim(tmp_path, f"{words}$$ {claim} $$\n") not in ("proved", "checked",
                                                                   "refuted")


def test_a_mean_times_one_minus_it_stays_a_product(tmp_path):
    text = "$$ \\bar{x}(1 - \\bar{x}) = \\bar{x} - \\bar{x}^2 $$\n"
    assert last_claim(tmp_path, text) == "proved"


# -- C03: a name of two capitals that the note defines ------------------------------------
SQUARED_ERROR = ("The squared error of the $i$-th point is\n\n"
                 "$$\nSE_{i} = \\left\\{ y_{i} - (\\beta x_{i} + \\alpha) \\right\\}^{2}\n$$\n\n")


def test_the_derivative_of_a_defined_squared_error_is_not_refuted(tmp_path):
    text = SQUARED_ERROR + ("Its partial derivative with respect to the intercept is\n\n"
                            "$$\n\\frac{\\partial SE_{i}}{\\partial \\alpha} = "
                            "-2\\left\\{ y_{i} - (\\beta x_{i} + \\alpha) \\right\\}\n$$\n")
    verdicts = verdicts_by_line(tmp_path, text)
    assert verdicts[11] != ["refuted"]
    assert "refuted" not in verdicts.get(5, [])  # the definition is no claim


def test_a_wrong_derivative_of_the_defined_squared_error_is_refuted(tmp_path):
    text = SQUARED_ERROR + ("Then\n\n$$\n\\frac{\\partial SE_{i}}{\\partial \\alpha} = "
                            "2\\alpha\n$$\n")
    assert last_claim(tmp_path, text) == "refuted"


def test_a_mean_squared_error_is_one_name(tmp_path):
    text = ("$$ MSE = (y - w)^2 $$\n\nThen\n\n"
            "$$ \\frac{\\partial MSE}{\\partial w} = -2(y - w) $$\n")
    assert last_claim(tmp_path, text) in HOLDS + ("undecided",)
    assert last_claim(tmp_path, text) != "refuted"


def test_two_matrices_that_commute_stay_a_product(tmp_path):
    text = "Let $A = 2$ and $B = 3$. Then $AB = BA$.\n"
    assert last_claim(tmp_path, text) == "proved"


def test_a_product_whose_letters_are_used_alone_stays_a_product(tmp_path):
    text = "Let $S = 2$.\n\nLet $T_i = 3$.\n\n$$ ST_{i} = 6 $$\n"
    assert last_claim(tmp_path, text) == "proved"


# -- A09: E the note's own energy -----------------------------------------------------------
@pytest.mark.parametrize("words", [
    "Define the energy $E[u] = \\int_0^1 u'(x)^2\\,dx$. Scaling $u$ by two,",
    "Let $E[\\psi]$ denote the energy functional of the wave function $\\psi$. Then",
    "파동함수 $\\psi$의 에너지 범함수를 $E[\\psi]$라 하자. 그러면",
    "The energy of a state $\\psi$ is written $E[\\psi]$. Then",
])
def test_an_energy_is_not_proved_linear(tmp_path, words):
    argument = "u" if "u'" in words else "\\psi"
    text = f"# Energy\n\n{words}\n\n$$E[2{argument}] = 2E[{argument}].$$\n"
    assert last_claim(tmp_path, text) not in HOLDS


def test_a_defined_energy_functional_gives_the_reason(tmp_path):
    text = ("Define the energy $E[u] = \\int_0^1 u'(x)^2\\,dx$. Then\n\n"
            "$$E[2u] = 2E[u].$$\n")
    reasons = first_reasons(tmp_path, text)
    assert "functional" in reasons[max(reasons)]


def test_an_expectation_defined_by_its_sum_is_still_linear(tmp_path):
    text = ("Let $X$ be a random variable with $E[X] = \\sum_x x P(X = x)$. Then\n\n"
            "$$ E[2X] = 2E[X] $$\n")
    assert last_claim(tmp_path, text) in HOLDS


# -- values of never-defined functions inside E: possibly random, never taken out ----------
@pytest.mark.parametrize("inside", [
    "(f(x_0) - g(x_0))^2",
    "\\left\\{ F^{*}(x_0) - \\hat{F}(x_0) \\right\\}^2",
])
def test_a_prediction_inside_an_expectation_is_not_a_constant(tmp_path, inside):
    text = f"$$ E\\left[ {inside} \\right] = {inside} $$\n"
    assert last_claim(tmp_path, text) not in HOLDS


def test_adding_and_subtracting_the_mean_prediction_inside_e_still_holds(tmp_path):
    text = ("$$ E\\left[ \\left\\{ F^{*}(x_0) - \\hat{F}(x_0) \\right\\}^2 \\right] = "
            "E\\left[ \\left\\{ F^{*}(x_0) - \\bar{F}(x_0) + \\bar{F}(x_0) - \\hat{F}(x_0) "
            "\\right\\}^2 \\right] $$\n")
    assert last_claim(tmp_path, text) == "proved"
