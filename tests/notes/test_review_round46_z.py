r"""Round 46 (reviewer Z), fixer z.

* Z01: an extreme value written as any constant (``\frac{1}{4}``, ``1/4``, ``\pi``), displayed
  or inline after *maximum* in the same sentence, is not checked as an identity.
* Z02: ``\sigma'(z) = \sigma'(0) = 0.25`` after *Maximum*: the first step says where the
  extreme is taken (not checked); the value at the point still is.
* Z03: a two-row column in parentheses is n choose k when the note counts choices in words
  (k-element subsets, ways to pick) or writes n!/(k!(n-k)!) anywhere.
* Z-rot.md: a matrix equation of the eigen form with no free name is a claim: refuted if false.
"""

from __future__ import annotations

import pytest

from symderive.grammar.matrix_literals import FACTORIAL_FRACTION
from symderive.notes.check_notes import speaks_of_binomials
from symderive.notes.extreme_words import extreme_at_point, extreme_value
from tests.notes.note_steps import equations_by_line, steps_by_line, verdicts_by_line

SIGMOID = "Let $\\sigma$ be the logistic sigmoid.\n\n"


def column(upper: str, lower: str) -> str:
    return rf"\begin{{pmatrix}} {upper} \\ {lower} \end{{pmatrix}}"


# -- Z01: the extreme value as a fraction, a root, π ---------------------------------------------

@pytest.mark.parametrize("value", [r"\frac{1}{4}", "1/4", r"\tfrac{1}{4}", r"\sqrt{2}/8", r"\pi"])
def test_an_extreme_value_written_as_any_constant_is_not_checked(value):
    assert "extreme value" in extreme_value((r"\sigma'(z)", value), ("=",), "Maximum derivative:")


def test_the_displayed_maximum_derivative_as_a_fraction_is_skipped(tmp_path):
    note = SIGMOID + "- Maximum derivative: $$\\sigma'(z) = \\frac{1}{4}$$\n"
    [equation] = equations_by_line(tmp_path, note)[3]
    assert equation.skip.value == "condition" and "Maximum" in equation.reason


def test_the_inline_maximum_slope_in_the_same_sentence_is_skipped(tmp_path):
    note = "Let $\\sigma$ be the logistic sigmoid. Its maximum slope is $\\sigma'(z) = 1/4$.\n"
    [equation] = [found for found in equations_by_line(tmp_path, note)[1] if "1/4" in found.latex]
    assert equation.skip.value == "condition" and "maximum" in equation.reason


def test_an_extreme_word_in_an_earlier_sentence_does_not_count():
    # the words of another sentence say nothing of this formula: σ'(z) = 1/4 is false as written
    assert extreme_value((r"\sigma'(z)", "1/4"), ("=",), "The maximum is reached at zero. So ") == ""


def test_without_an_extreme_word_a_fraction_is_still_checked(tmp_path):
    note = SIGMOID + "- Derivative: $$\\sigma'(z) = \\frac{1}{4}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


def test_the_value_at_the_point_is_still_checked(tmp_path):
    note = SIGMOID + "- Maximum derivative: $$\\sigma'(0) = \\frac{1}{4}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] in (["proved"], ["checked"])


# -- Z02: the extreme written as a chain through the point ---------------------------------------

def test_the_first_step_through_the_point_is_skipped_and_the_value_checked(tmp_path):
    note = SIGMOID + "- Maximum derivative: $$\\sigma'(z) = \\sigma'(0) = 0.25$$\n"
    first, second = steps_by_line(tmp_path, note)[3]
    assert first.verdict == "skipped" and "extreme" in first.reason
    assert second.verdict in ("proved", "checked")


def test_a_wrong_value_at_the_point_is_still_refuted(tmp_path):
    note = SIGMOID + "- Maximum derivative: $$\\sigma'(z) = \\sigma'(0) = 0.5$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped", "refuted"]


@pytest.mark.parametrize("elements", [
    (r"\sigma'(z)", r"\sigma(z)", "0.25"),  # another function: no point
    (r"\sigma'(z)", r"\sigma'(y)", "0.25"),  # at a letter, not a point
    (r"f(z)", r"g(0)", "1"),
])
def test_only_the_same_function_at_a_point_is_read_as_the_extreme(elements):
    assert extreme_at_point(elements, ("=", "="), "Maximum:") == ""


def test_without_extreme_words_the_chain_is_checked(tmp_path):
    note = SIGMOID + "- Derivative: $$\\sigma'(z) = \\sigma'(0) = 0.25$$\n"
    assert verdicts_by_line(tmp_path, note)[3][0] == "refuted"


# -- Z03: binomial coefficients the words or the factorial fraction define -----------------------

def test_the_number_of_subsets_with_the_factorial_in_the_next_formula(tmp_path):
    note = (f"The number of $k$-element subsets of an $n$-set is ${column('n', 'k')}$, which "
            r"equals $\frac{n!}{k!\,(n-k)!}$. For instance" "\n\n"
            f"$${column(5, 2)} = {column(5, 3)}$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped"]


def test_ways_to_pick_make_the_column_a_binomial_and_pascals_rule_is_not_refuted(tmp_path):
    note = (f"Let ${column('n', 'k')}$ be the number of ways to pick $k$ of $n$ objects. Then\n\n"
            f"$${column(5, 2)} = {column(5, 3)}$$\n\n"
            f"$${column('n', 'k')} = {column('n - 1', 'k - 1')} + {column('n - 1', 'k')}$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["skipped"] and verdicts[5] == ["skipped"]


@pytest.mark.parametrize("words", [
    "the number of subsets of size $k$", "the number of ways to choose $k$ items",
    "$n$개 중 $k$개를 뽑는 경우의 수", "크기 $k$인 부분집합의 개수",
])
def test_counting_words_anywhere_speak_of_binomials(words):
    assert speaks_of_binomials(f"Let $C$ be {words}.", [column("n", "k")])


@pytest.mark.parametrize("fraction", [r"\frac{n!}{k!\,(n-k)!}", r"\dfrac{n!}{(n-k)!\,k!}",
                                      "n!/(k!(n-k)!)"])
def test_the_factorial_fraction_in_another_block_speaks_of_binomials(fraction):
    assert FACTORIAL_FRACTION.search(fraction)
    assert speaks_of_binomials("It equals this.", [column("n", "k"), fraction])


def test_vectors_in_a_note_without_counting_stay_vectors(tmp_path):
    assert not speaks_of_binomials("A vector and a factorial $3! = 6$.", [column(1, 2), "3! = 6"])
    note = f"The vectors add:\n\n$${column(1, 2)} + {column(3, 4)} = {column(4, 6)}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] in (["proved"], ["checked"])
    wrong = f"The vectors add:\n\n$${column(1, 2)} + {column(3, 4)} = {column(4, 5)}$$\n"
    assert verdicts_by_line(tmp_path, wrong)[3] == ["refuted"]


# -- Z-rot.md: a numeric matrix equation in eigen form has nothing to solve ----------------------

MATRIX = r"\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}"


def test_a_false_numeric_eigen_equation_is_refuted(tmp_path):
    note = f"For the symmetric matrix\n\n$${MATRIX} {column(1, -1)} = 3 {column(1, -1)}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


def test_a_true_numeric_eigen_equation_is_proved(tmp_path):
    note = f"For the symmetric matrix\n\n$${MATRIX} {column(1, 1)} = 3 {column(1, 1)}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] in (["proved"], ["checked"])


def test_the_eigen_equation_in_unknowns_is_still_not_refuted(tmp_path):
    note = f"The eigenvectors satisfy\n\n$${MATRIX} \\mathbf{{v}} = \\lambda \\mathbf{{v}}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] != ["refuted"]
