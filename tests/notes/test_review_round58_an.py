"""Round 58, findings AW01, AW02, AW03 (SOA IFM notes) and AV04: names that are products.

* AW01: where the note writes δ alone (``(\\delta + r) h``), ``\\delta h`` is δ·h, the dividend
  yield times the period — not an increment "δh" beside a δ of its own.
* AW02: ``\\Delta e^{x}`` is Δ·e^x: an increment of Euler's number is never a name.
* AW03: two equations in Δ and B followed by the formulas for Δ and B are a system those
  formulas solve, not identities in Δ and B.
* AV04: ``Let $SE = SD / \\sqrt{n}$ be the standard error``: SE and SD are names in later
  formulas too (``SE^2 = SD^2 / n``), and a step writing S and D apart is undecided.
Kept: a defined increment ``\\Delta t = t_2 - t_1``, the Laplacian of a defined f, ``2ab``,
``AB = BA``.
"""

from __future__ import annotations

import pytest

from symderive.notes.lone_increments import lone_signs
from symderive.notes.word_names import spelled_out
from tests.notes.note_steps import first_verdicts, last_claim, steps_by_line


# -- AW01: δ alone makes δh a product -------------------------------------------------------
@pytest.mark.parametrize("formula", [
    "\\delta h + r h = (\\delta + r) h",  # the finding
    "\\Delta x + y x = (\\Delta + y) x",
    "(\\delta + r) h = \\delta h + r h",
    "\\delta{h} + r h = (\\delta + r) h",
])
def test_a_sign_standing_alone_multiplies(tmp_path, formula):
    assert last_claim(tmp_path, f"# Rates\n\n$$ {formula} $$\n") == "proved"


def test_korean_rates(tmp_path):
    text = "# 배당\n\n배당률 $\\delta$ 와 기간 $h$ 에 대해\n\n$$ \\delta h + r h = (\\delta + r) h $$\n"
    assert last_claim(tmp_path, text) == "proved"


def test_a_wrong_product_is_still_refuted(tmp_path):
    assert last_claim(tmp_path, "# Rates\n\n$$ \\delta h + r h = (\\delta + r) r $$\n") == "refuted"


@pytest.mark.parametrize("block, signs", [
    ("(\\delta + r) h", {"delta"}),
    ("\\Delta = e^{-\\delta h}", {"Delta"}),
    ("e^{(r-\\delta)h}", {"delta"}),
    ("\\Delta t = t_2 - t_1", set()),
    ("\\delta_{ij}", set()),
    ("\\Delta^2 f", set()),
    ("\\delta(x)", set()),
    ("\\Delta S_0 + B", set()),
])
def test_signs_standing_alone(block, signs):
    assert lone_signs([block]) == signs


# -- AW02: an increment of Euler's number is no name ------------------------------------------
@pytest.mark.parametrize("formula", [
    "\\Delta e^{x} e^{-x} = \\Delta",  # the finding
    "\\Delta e^{x} \\cdot e^{y} = \\Delta e^{x+y}",
    "\\delta e^{x} e^{-x} = \\delta",
])
def test_delta_times_an_exponential(tmp_path, formula):
    assert last_claim(tmp_path, f"# Shares\n\n$$ {formula} $$\n") == "proved"


def test_delta_times_an_exponential_korean(tmp_path):
    text = ("# 주식 수\n\n주식 수를 $\\Delta$ 라 하면\n\n"
            "$$ \\Delta e^{\\delta h} e^{-\\delta h} = \\Delta $$\n")
    assert last_claim(tmp_path, text) == "proved"


def test_an_increment_of_a_named_error_is_kept(tmp_path):
    # e_t, the error at t, is a name: \Delta e_t its increment, no product with Euler's number
    text = ("# Errors\n\n$$ \\Delta e_t = e_t - e_{t-1} $$\n\n"
            "$$ 2 \\Delta e_t = \\Delta e_t + \\Delta e_t $$\n")
    assert last_claim(tmp_path, text) == "proved"


# -- AW03: the replicating portfolio's equations are solved by the formulas after them ---------
PORTFOLIO = """3.1.1 Option Pricing: Replicating Portfolio
 - Formulas for Replicating Portfolios
 $$
 \\begin{align}
 (\\Delta  e^{\\delta h})(S_0u)+Be^{rh}=V_u \\\\
 (\\Delta  e^{\\delta h})( S_0 d)+Be^{rh}=V_d
 \\end{align}
 $$
   - number of shares to purchase in order to replicate an option
   $$ \\Delta = e^{-\\delta h} \\cdot \\dfrac{V_u-V_d }{S_{0}\\left(u-d \\right)} $$
   $$ B= e^{-rh}\\left(\\dfrac{V_du -V_ud}{u-d} \\right) $$
"""


def test_the_portfolio_system_is_not_refuted(tmp_path):
    verdicts = first_verdicts(tmp_path, PORTFOLIO)
    assert verdicts[5] != "refuted" and verdicts[6] != "refuted"


def test_the_portfolio_system_in_korean(tmp_path):
    text = PORTFOLIO.replace(" - Formulas for Replicating Portfolios", " - 복제 포트폴리오 공식")
    verdicts = first_verdicts(tmp_path, text)
    assert verdicts[5] != "refuted" and verdicts[6] != "refuted"


def test_one_portfolio_equation_alone_is_a_condition(tmp_path):
    text = (" - Formulas for Replicating Portfolios\n"
            " $$ (\\Delta e^{\\delta h})(S_0u)+Be^{rh}=V_u $$\n")
    assert last_claim(tmp_path, text) != "refuted"


DISCOUNTED = """# One-period binomial model

 - Replicating portfolio
 $$ \\Delta S_0 u + \\frac{B}{1+r} = V_u $$
 $$ \\Delta S_0 d + \\frac{B}{1+r} = V_d $$
 - shares and bonds
 $$ \\Delta = \\frac{V_u - V_d}{S_0 (u - d)} $$
 $$ B = (1 + r) \\frac{u V_d - d V_u}{u - d} $$
"""


def test_a_system_with_a_discount_is_solved_after_it(tmp_path):
    verdicts = first_verdicts(tmp_path, DISCOUNTED)
    assert verdicts[4] == "undecided" and verdicts[5] == "undecided"


def test_a_false_identity_before_a_definition_of_its_letter_is_refuted(tmp_path):
    text = "# Algebra\n\n$$ (x + y)^2 = x^2 + y^2 $$\n\nwith\n\n$$ y = 2x $$\n"
    assert first_verdicts(tmp_path, text)[3] == "refuted"


# -- AV04: a run the note names is that name later, with its powers ---------------------------
def test_the_standard_error_squared(tmp_path):
    text = ("# Standard error\n\nLet $SE = SD / \\sqrt{n}$ be the standard error.\n\n"
            "$$SE^2 = \\frac{SD^2}{n} = \\frac{S^2 D^2}{n}$$\n")
    assert "refuted" not in [step.verdict for step in _steps(tmp_path, text)]


def test_a_wrong_power_of_the_standard_error_is_refuted(tmp_path):
    text = ("# Standard error\n\nLet $SE = SD / \\sqrt{n}$ be the standard error.\n\n"
            "$$SE^2 \\cdot n = SD$$\n")
    assert last_claim(tmp_path, text) == "refuted"


@pytest.mark.parametrize("sentence", [
    "Let $SE = SD / \\sqrt{n}$ be the standard error.",
    "Here $SE = SD / \\sqrt{n}$ is the standard error of the mean.",
    "표준오차(SE)는 $SE = SD / \\sqrt{n}$ 이다.",
])
def test_the_standard_error_squared_variants(tmp_path, sentence):
    text = f"# 표준오차\n\n{sentence}\n\n$$SE^2 = \\frac{{SD^2}}{{n}}$$\n"
    assert last_claim(tmp_path, text) != "refuted"


def test_words_after_the_formula_spell_it_out():
    assert "SE" in spelled_out("Let $SE = SD / \\sqrt{n}$ be the standard error.")
    assert "AB" not in spelled_out("Let $AB = C$ be the product.")


# -- kept --------------------------------------------------------------------------------------
def test_a_defined_increment_stays_a_name(tmp_path):
    text = ("# Time\n\n$$\\Delta t = t_2 - t_1$$\n\n"
            "$$\\frac{\\Delta t}{2} = \\frac{t_2 - t_1}{2}$$\n")
    assert last_claim(tmp_path, text) == "proved"


def test_a_defined_increment_stays_a_name_beside_a_lone_sign(tmp_path):
    text = ("# Time\n\nThe share count $\\Delta$ is fixed.\n\n$$ \\Delta t = t_2 - t_1 $$\n\n"
            "$$ 2 \\Delta t = 2 t_2 - 2 t_1 $$\n")
    assert last_claim(tmp_path, text) == "proved"
    assert last_claim(tmp_path, text.replace("2 t_2 - 2 t_1", "2 t_2")) == "refuted"


def test_an_increment_of_an_error_e_is_a_name(tmp_path):
    text = "# Errors\n\n$$ \\Delta e = e_1 - e_0 $$\n\n$$ 2 \\Delta e = 2 e_1 - 2 e_0 $$\n"
    assert last_claim(tmp_path, text) == "proved"


def test_products_of_capitals_are_kept(tmp_path):
    assert last_claim(tmp_path, "# Matrices\n\n$$AB = BA$$\n") != "proved"
    assert last_claim(tmp_path, "# Algebra\n\n$$2ab = ab + ba$$\n") == "proved"


def _steps(tmp_path, text):
    """Every step of the note, in order of its lines."""
    return [step for steps in steps_by_line(tmp_path, text).values() for step in steps]
