"""Round 38 (reviewers A and C), fixer e: what a note states beside a formula is read.

* ``\\quad i = j`` after a softmax derivative names the case it holds in, as ``\\quad i \\neq j``
  does: never a definition of i; the claim is checked with j set to i (C01).
* *Since $E(ε) = 0$, we have $Var(ε) = E(ε^2)$*: the premise of the same sentence is a given of
  the claim, also when the variable is a Greek letter (C02).
* Normal equations in a numbered ``\\begin{align}`` inside ``$$`` take the lead-in *solving for
  β̂* as ``aligned`` does (C05).
* A numbered list of examples (``1.``, ``2)``) is a list, as one with bullets is (A03).
* ``$ p = 1/16 $$``: the ``$$`` closes the ``$`` of its line, the notice names that line and
  the displays after it are still read (C04).
"""

from __future__ import annotations

import pytest

from symderive.notes.extract import extract_math
from tests.notes.note_steps import reasons_by_line, verdicts_by_line

SOFTMAX = "## softmax\n\n$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"


# -- C01: the case i = j beside the formula --------------------------------------------------

@pytest.mark.parametrize("case", [", \\quad i = j", ",\\ i = j", ", \\qquad j = i", ", i = j."])
def test_the_diagonal_softmax_derivative_holds_in_its_case(tmp_path, case):
    note = SOFTMAX + f"$$ \\frac{{\\partial a_j}}{{\\partial z_i}} = a_i(1 - a_i){case} $$\n"
    assert verdicts_by_line(tmp_path, note)[5] in (["proved"], ["checked"])  # one step: no `i = j`


def test_a_wrong_diagonal_is_refuted_in_its_case(tmp_path):
    # with i = j, ∂a_i/∂z_i = a_i(1 - a_i), not a_i (n = 1: 0 against 1)
    note = SOFTMAX + "$$ \\frac{\\partial a_j}{\\partial z_i} = a_i, \\quad i = j $$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["refuted"]


def test_the_off_diagonal_case_is_still_not_refuted(tmp_path):
    note = SOFTMAX + "$$ \\frac{\\partial a_j}{\\partial z_i} = -a_i a_j, \\quad i \\neq j $$\n"
    assert "refuted" not in verdicts_by_line(tmp_path, note)[5]


def test_a_softmax_claim_with_no_case_is_still_refuted(tmp_path):
    note = SOFTMAX + "$$ \\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i) $$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["refuted"]


# -- C02: the premise of the same sentence ---------------------------------------------------

@pytest.mark.parametrize("note", [
    "Since $E(\\varepsilon)=0$, we have $Var(\\varepsilon)=E(\\varepsilon^2)$.\n",
    "Since $E(X)=0$, we have $Var(X)=E(X^2)$.\n",
    "Because $E[X] = 0$, we get $Var(X) = E[X^2]$.\n",
    "오차항 $\\varepsilon$는 평균이 0인 확률변수입니다.\n\n$E(ε)=0$이므로 $Var(ε)=E(ε^2)$입니다.\n",
    "$E(ε)=0$이므로 $Var(ε)=E(ε^2)$입니다.\n",
])
def test_variance_is_the_second_moment_when_the_mean_is_zero(tmp_path, note):
    found = verdicts_by_line(tmp_path, note)
    assert "refuted" not in [verdict for verdicts in found.values() for verdict in verdicts]


def test_a_claim_false_under_the_stated_mean_is_refuted_on_a_law_with_that_mean(tmp_path):
    # with E[X] = 1, Var(X) = E[X^2] - 1: refuted on a law the premise allows
    note = "Since $E(X)=1$, we have $Var(X)=E(X^2)$.\n"
    reasons = reasons_by_line(tmp_path, note)[1]
    assert "on a law with E[X] = 1, as the note states" in reasons


def test_without_a_premise_the_second_moment_is_not_the_variance(tmp_path):
    assert verdicts_by_line(tmp_path, "We have $Var(X)=E(X^2)$.\n")[1] == ["refuted"]


# -- C05: normal equations in a numbered align -----------------------------------------------

LEAD_IN = ("We get our parameter estimates by setting this derivative equal to 0 and solving "
           "for $\\boldsymbol{\\hat{\\beta}}$:\n\n")
NORMAL_EQUATIONS = (
    "(\\mathbf{X}^\\top \\mathbf{X})\\boldsymbol{\\hat{\\beta}} RELATION \\mathbf{X}^\\top "
    "\\mathbf{y} \\\\\n\\boldsymbol{\\hat{\\beta}} RELATION (\\mathbf{X}^\\top\\mathbf{X})^{-1}"
    "\\mathbf{X}^\\top \\mathbf{y}\n")


@pytest.mark.parametrize("environment, relation", [
    ("align", "&="), ("align*", "&="), ("gather", "="), ("eqnarray", "&=&"), ("aligned", "&="),
])
@pytest.mark.parametrize("opening, closing", [("$$", "$$"), ("\\[", "\\]"), ("", "")])
def test_normal_equations_after_solving_for_are_equations_to_solve(
        tmp_path, environment, relation, opening, closing):
    if environment == "aligned" and not opening:
        pytest.skip("aligned stands only inside a display")
    rows = NORMAL_EQUATIONS.replace("RELATION", relation)
    note = (LEAD_IN + f"{opening}\n\\begin{{{environment}}}\n{rows}\\end{{{environment}}}\n"
            f"{closing}\n")
    found = verdicts_by_line(tmp_path, note)
    assert "refuted" not in [verdict for verdicts in found.values() for verdict in verdicts]


def test_an_expansion_in_a_numbered_align_is_still_proved(tmp_path):
    note = ("We expand the square:\n\n$$\n\\begin{align}\n(a+b)^2 &= a^2 + 2ab + b^2\n"
            "\\end{align}\n$$\n\n$$\n\\begin{align}\n(a+b)^2 &= a^2 + b^2\n\\end{align}\n$$\n")
    found = verdicts_by_line(tmp_path, note)
    assert found[5] == ["proved"]
    assert found[11] == ["refuted"]


# -- A03: a numbered list of examples --------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Examples:\n\n1. $f(x) = x^2$: $f'(x) = 2x$.\n2. $f(x) = x^3$: $f'(x) = 3x^2$.\n",
    "Examples:\n\n1) $f(x) = x^2$: $f'(x) = 2x$.\n2) $f(x) = x^3$: $f'(x) = 3x^2$.\n",
    "Examples:\n\n1. $f(x) = x^2$: $f'(x) = 2x$.\n\n2. $f(x) = x^3$: $f'(x) = 3x^2$.\n",
    "Examples:\n\n1. $f(x) = x^2$, so $f'(x) = 2x$.\n2. $f(x) = x^3$, so $f'(x) = 3x^2$.\n",
    "Let $f(x) = x^2$.\n\n1. $f(x) = x^3$: $f'(x) = 3x^2$.\n",
])
def test_each_numbered_item_is_its_own_example(tmp_path, note):
    found = verdicts_by_line(tmp_path, note)
    assert "refuted" not in [verdict for verdicts in found.values() for verdict in verdicts]


def test_the_first_numbered_example_is_proved_and_a_wrong_derivative_in_it_refuted(tmp_path):
    note = "Examples:\n\n1. $f(x) = x^2$: $f'(x) = 2x$.\n2. $g(x) = x^3$: $g'(x) = 2x^2$.\n"
    found = verdicts_by_line(tmp_path, note)
    assert found[3] == ["proved"]
    assert found[4] == ["refuted"]


# -- C04: a $ closed by $$ ------------------------------------------------------------------

UNBALANCED = ("We assume each number is equally likely, $ p = 1/16 $$ for every number.\n\n"
              "$$ H = -\\sum_{i=1}^{16} \\frac{1}{16} \\log_{2}{\\frac{1}{16}} $$\n\n"
              "$$ (a+b)^2 = a^2 + 2ab + b^2 $$\n\n$$ (a+b)^2 = a^2 + b^2 $$\n")


def test_a_dollar_closed_by_two_is_reported_on_its_own_line():
    extraction = extract_math(UNBALANCED)
    assert [(notice.line, notice.code) for notice in extraction.notices] == [
        (1, "mismatched-math")]
    assert [block.line for block in extraction.blocks if block.kind == "display"] == [3, 5, 7]


def test_the_displays_after_the_typo_are_still_checked(tmp_path):
    found = verdicts_by_line(tmp_path, UNBALANCED)
    assert found[5] == ["proved"]
    assert found[7] == ["refuted"]


@pytest.mark.parametrize("text", [
    "It costs $5, and $$x = 1$$ holds.\n",  # a dollar amount, then a display on its line
    "Take $x$ and\n$$ y = 2 $$\n",
    "Let $ p = 1/2 $ and\n\n$$ q = 3 $$\n",
])
def test_balanced_displays_are_read_as_before(text):
    extraction = extract_math(text)
    assert not [notice for notice in extraction.notices if notice.code == "mismatched-math"]
    assert [block.kind for block in extraction.blocks].count("display") == 1


def test_an_unclosed_display_is_still_reported():
    extraction = extract_math("ok $a=b$\n$$ x = \n never closed\n")
    assert [notice.code for notice in extraction.notices] == ["unterminated-math"]
