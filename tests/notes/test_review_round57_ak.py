"""Round 57, findings AS01 and AS02 (real Korean statistics notes): names that are not products.

* AS01: ``\\Delta{t}`` is ``\\Delta t``, one name (an increment), and the note's first ``=`` for
  it defines it, as ``b = r \\times SD_y / SD_x`` defines b: the regression slope is no claim
  that Δ·t (or the free name Δt) equals r·SD_y/SD_x. An increment of a function the note
  defines (``\\Delta f``, its Laplacian perhaps) stays a claim.
* AS02: a run of capitals the prose spells out as an abbreviation (표준오차(SE), standard error
  (SE), standard deviation $SD$), or that heads the note's first ``=`` (``SE = …``), is one
  name: ``SE = SD * \\sqrt{n}`` defines the standard error, it is no claim S·E = S·D·√n.
  Products of single letters (``AB = BA``, ``xy = yx``, ``2ab``) keep their verdicts.
"""

from __future__ import annotations

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.directives import definition_head
from symderive.notes.report import SkipReason
from symderive.notes.word_names import spelled_out
from tests.notes.note_steps import last_claim


def last_skip(tmp_path, text: str) -> SkipReason | None:
    """Why the note's last equation was not checked as a whole (None: it was checked)."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return report.files[0].equations[-1].skip


DEFINED = SkipReason.DEFINITION


# -- AS01: an increment's name is defined by its first '=' --------------------------------
@pytest.mark.parametrize("prose, formula", [
    ("기울기는 다음과 같다.", "\\Delta{t} = r \\times \\frac{SD_y}{SD_x}"),  # the real note
    ("기울기는 다음과 같다.", "\\Delta t = r \\times \\frac{SD_y}{SD_x}"),
    ("The slope is", "\\Delta t = r \\frac{s_y}{s_x}"),
    ("The slope is", "\\Delta{t} = r \\frac{s_y}{s_x}"),
    ("The step is", "\\delta{x} = \\frac{h}{2}"),
    ("The step is", "\\Delta { x } := \\frac{b - a}{n}"),
])
def test_the_first_formula_for_an_increment_defines_it(tmp_path, prose, formula):
    text = f"# 회귀선\n\n{prose}\n\n$$\n{formula}\n$$\n"
    assert last_skip(tmp_path, text) is DEFINED


@pytest.mark.parametrize("written, name", [
    ("\\Delta{t}", "\\Delta t"),
    ("\\Delta t", "\\Delta t"),
    ("\\Delta  { t }", "\\Delta t"),
    ("\\delta y_{o1}", "\\delta y_{o1}"),
])
def test_an_increment_is_one_name_however_braced(written, name):
    assert definition_head(written) == (name, None)


def test_a_difference_operator_applied_is_no_name():
    assert definition_head("\\Delta f(x)") is None  # Δf(x) = f(x + h) − f(x)


INCREMENTS = ("# 기울기\n\n$$\\Delta x = x_2 - x_1$$\n\n그리고\n\n$$\\Delta{y} = y_2 - y_1$$\n\n"
              "따라서\n\n")


def test_defined_increments_give_the_slope(tmp_path):
    text = INCREMENTS + "$$\\frac{\\Delta y}{\\Delta{x}} = \\frac{y_2 - y_1}{x_2 - x_1}$$\n"
    assert last_claim(tmp_path, text) != "refuted"


def test_a_wrong_slope_from_defined_increments_is_refuted(tmp_path):
    text = INCREMENTS + "$$\\frac{\\Delta y}{\\Delta x} = \\frac{y_2 + y_1}{x_2 - x_1}$$\n"
    assert last_claim(tmp_path, text) == "refuted"


LAPLACIAN = "# Laplacian\n\nLet $f(x, y) = x^2 - y^2$. Its Laplacian gives\n\n"


@pytest.mark.parametrize("written", ["\\Delta f", "\\Delta{f}"])
def test_the_laplacian_of_a_defined_function_stays_a_claim(tmp_path, written):
    assert last_claim(tmp_path, LAPLACIAN + f"$$\n{written} = 0\n$$\n") in ("proved",
                                                                           "undecided")
    assert last_claim(tmp_path, LAPLACIAN + f"$$\n{written} = 2\n$$\n") in ("refuted",
                                                                           "undecided")


# -- AS02: abbreviations of several capitals --------------------------------------------
@pytest.mark.parametrize("prose", [
    "표준오차(SE)는 제곱근 법칙으로 구한다.",  # the minimal input
    "표준오차 (SE, standard error)는 상자의 표준 편차(SD)로 구한다.",  # the real note's words
    "The standard error (SE) follows the square-root law.",
    "The standard error $SE$ of the sum follows from the standard deviation $SD$.",
    "합의 표준오차 $SE$ 는 다음과 같다.",
    "The square-root law:",  # no words: SE heads the first '=' all the same
])
def test_the_standard_error_is_defined_not_refuted(tmp_path, prose):
    text = f"# 표준오차\n\n{prose}\n\n$$\nSE = SD * \\sqrt{{n}}\n$$\n"
    assert last_skip(tmp_path, text) is DEFINED


def test_the_standard_error_as_a_root_of_the_variance_is_a_definition(tmp_path):
    text = "# SE\n\n$$\nSE = \\sqrt{Var(X)}\n$$\n"
    assert last_skip(tmp_path, text) is DEFINED


SQUARE_ROOT_LAW = ("# Standard error\n\nThe standard error (SE) of a sum and the standard "
                   "deviation (SD) of the box:\n\n$$SE = SD \\cdot \\sqrt{n}$$\n\nThen\n\n")


def test_a_consequence_of_the_square_root_law_is_not_refuted(tmp_path):
    assert last_claim(tmp_path, SQUARE_ROOT_LAW + "$$SE^2 = n \\cdot SD^2$$\n") != "refuted"


def test_a_wrong_consequence_of_the_square_root_law_is_refuted(tmp_path):
    assert last_claim(tmp_path, SQUARE_ROOT_LAW + "$$SE^2 = SD^2 + n$$\n") == "refuted"


@pytest.mark.parametrize("prose, runs", [
    ("표준오차(SE)는", {"SE"}),
    ("평균제곱오차(MSE)와", {"MSE"}),  # 제곱 (square) is no product
    ("standard error (SE, …)", {"SE"}),
    ("the mean squared error $MSE$", {"MSE"}),
    ("the residual sum of squares $RSS$", {"RSS"}),
    ("표준오차 $SE$", {"SE"}),
    ("the product $AB$", set()),
    ("Then $AB$", set()),
    ("행렬곱(AB)", set()),
    ("두 행렬의 곱 $AB$", set()),
    ("따라서 $AB$", set()),
    ("Case (II)", set()),
])
def test_abbreviations_the_prose_spells_out(prose, runs):
    assert spelled_out(prose) == runs


# -- products of letters keep their verdicts ----------------------------------------------
def test_two_numbers_that_commute_stay_a_product(tmp_path):
    assert last_claim(tmp_path, "Let $A = 2$ and $B = 3$. Then $AB = BA$.\n") == "proved"


def test_a_product_and_its_reverse_stay_products(tmp_path):
    text = "# products\n\n$$AB = BA$$\n"
    assert last_claim(tmp_path, text) == "undecided"  # A, B may be matrices


def test_a_matrix_product_named_in_korean_stays_a_product(tmp_path):
    text = "# 행렬\n\n행렬곱(AB)을 생각하자.\n\n$$AB = BA$$\n"
    assert last_claim(tmp_path, text) == "undecided"


@pytest.mark.parametrize("claim, verdict", [
    ("xy = yx", "proved"),
    ("2ab = ab + ab", "proved"),
    ("2ab = ab + b", "refuted"),
])
def test_products_of_small_letters_keep_their_verdicts(tmp_path, claim, verdict):
    assert last_claim(tmp_path, f"# products\n\n$${claim}$$\n") == verdict
