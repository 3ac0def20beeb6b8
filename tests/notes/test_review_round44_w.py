r"""Round 44 (reviewer U), fixer w: matrices written out read as they are meant.

* U05: a matrix written with vectors as its entries (``[u v]`` of column vectors) is a block
  matrix: not read, before or after the definitions of u, v are substituted.
* U01–U03: a two-row column in parentheses is n choose k in a note about Pascal's triangle, in
  one that equates it to a factorial quotient, and written ``\left(\begin{matrix}…\right)``.
* U07, U08: ``A v = λ v`` is the eigen-equation, a condition to solve, not an identity; a claim
  judged for all values does not list the example values as used.
* U09: ``T(x; y) = (x + y; x − y)`` defines the map T.
"""

from __future__ import annotations

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.notes.eigen_equations import eigen_form
from symderive.notes.expand import no_block_entries
from tests.notes.note_steps import steps_by_line, verdicts_by_line

U = r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}"
V = r"\begin{pmatrix} 3 \\ 4 \end{pmatrix}"
SIDE_BY_SIDE = r"\begin{pmatrix} u & v \end{pmatrix}"
STACKED = r"\begin{pmatrix} u \\ v \end{pmatrix}"


# -- U05: vectors as the entries of a matrix written out -----------------------------------------

@pytest.mark.parametrize("claim", [f"{SIDE_BY_SIDE}^T = {STACKED}",  # 2×2 vs 4×1: false
                                   f"{STACKED}^T = {SIDE_BY_SIDE}",  # 1×4 vs 2×2: false
                                   f"{SIDE_BY_SIDE}^T{SIDE_BY_SIDE} = "
                                   r"\begin{pmatrix} u^2 & uv \\ uv & v^2 \end{pmatrix}"])
def test_defined_vectors_side_by_side_are_a_block_matrix_not_read(tmp_path, claim):
    note = f"Take $u = {U}$ and $v = {V}$ and put them side by side:\n\n$${claim}$$\n"
    [step] = steps_by_line(tmp_path, note)[3]
    assert step.verdict == "skipped"
    assert "block matrix" in step.reason


def test_a_defined_matrix_inside_an_entry_is_a_block_matrix(tmp_path):
    note = (f"Let $u = {U}$.\n\n"
            r"$$\begin{pmatrix} 2u & 1 \end{pmatrix} = \begin{pmatrix} 2 & 1 \end{pmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped"]


def test_an_entry_that_became_a_matrix_after_substitution_is_caught():
    # the guard after the definitions are expanded (whatever the reading before them said)
    u, v = sp.symbols("u v")
    stacked = sp.ImmutableMatrix([[u, v]]).T.xreplace(
        {u: sp.ImmutableMatrix([1, 2]), v: sp.ImmutableMatrix([3, 4])})
    with pytest.raises(ParseError, match="block matrix"):
        no_block_entries(stacked)
    with pytest.raises(ParseError, match="block matrix"):
        no_block_entries(sp.ImmutableMatrix([[sp.MatrixSymbol("w", 2, 1), 1]]))


def test_a_matrix_times_a_vector_is_no_block_matrix():
    w = sp.MatrixSymbol("w", 2, 1)
    product = sp.ImmutableMatrix([[1, 2], [3, 4]]) * w
    assert no_block_entries(product) == product
    assert no_block_entries(sp.ImmutableMatrix([[w[0, 0], 1]])) is not None  # an entry of w


@pytest.mark.parametrize("column, verdict", [("2 \\\\ 3", "proved"), ("3 \\\\ 2", "refuted")])
def test_scalars_as_entries_still_read(tmp_path, column, verdict):
    note = ("Let $a = 2$ and $b = 3$.\n\n"
            f"$$\\begin{{pmatrix}} a & b \\end{{pmatrix}}^T = \\begin{{pmatrix}} {column} "
            "\\end{pmatrix}$$\n")
    assert verdicts_by_line(tmp_path, note)[3] == [verdict]


def test_written_out_columns_side_by_side_still_read(tmp_path):
    note = (r"$$\begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}^T = "
            r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[1] == ["proved"]


# -- U01, U02, U03: n choose k written as a column in parentheses --------------------------------

PASCAL = (r"\begin{pmatrix} n \\ k \end{pmatrix} = \begin{pmatrix} n-1 \\ k-1 \end{pmatrix} + "
          r"\begin{pmatrix} n-1 \\ k \end{pmatrix}")
SYMMETRY = r"\begin{pmatrix} n \\ k \end{pmatrix} = \begin{pmatrix} n \\ n-k \end{pmatrix}"


@pytest.mark.parametrize("words", ["# Pascal's triangle\n\nEach entry of Pascal's triangle is "
                                   "the sum of the two entries above it:",
                                   "파스칼의 삼각형:", "The number of ways to choose k of n:"])
@pytest.mark.parametrize("claim", [PASCAL, SYMMETRY])
def test_pascals_rule_in_a_note_about_pascals_triangle_is_not_refuted(tmp_path, words, claim):
    verdicts = verdicts_by_line(tmp_path, f"{words}\n\n$${claim}$$\n")
    assert verdicts and all(v != ["refuted"] for v in verdicts.values())


def test_a_column_equated_to_a_factorial_quotient_is_n_choose_k(tmp_path):
    note = ("The number of ways to pick $k$ of $n$ objects is\n"
            r"$$\begin{pmatrix} n \\ k \end{pmatrix} = \frac{n!}{k!\,(n-k)!}.$$" "\nHence\n"
            r"$$\begin{pmatrix} 5 \\ 2 \end{pmatrix} = \begin{pmatrix} 5 \\ 3 \end{pmatrix}.$$"
            "\n")
    assert verdicts_by_line(tmp_path, note)[4] == ["skipped"]


@pytest.mark.parametrize("column", [r"\left(\begin{matrix} n \\ k \end{matrix}\right)",
                                    r"\left(\!\begin{matrix} n \\ k \end{matrix}\!\right)",
                                    r"\big(\begin{smallmatrix} n \\ k \end{smallmatrix}\big)"])
def test_n_choose_k_in_parentheses_around_a_matrix_is_not_refuted(tmp_path, column):
    other = column.replace("k \\end", "n-k \\end")
    note = f"The binomial coefficients are symmetric:\n$${column} = {other}$$\n"
    [step] = steps_by_line(tmp_path, note)[2]
    assert step.verdict == "skipped" and "n choose k" in step.reason


def test_a_column_in_brackets_is_a_vector_even_in_a_note_on_binomials(tmp_path):
    note = ("# Binomial coefficients\n\n"
            r"$$\begin{bmatrix} 5 \\ 2 \end{bmatrix} = \begin{bmatrix} 5 \\ 3 \end{bmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


def test_pascals_law_of_pressure_is_no_binomial_word(tmp_path):
    note = ("By Pascal's law the pressure is the same everywhere:\n\n"
            r"$$\begin{pmatrix} 5 \\ 2 \end{pmatrix} = \begin{pmatrix} 5 \\ 3 \end{pmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


def test_a_vector_in_a_note_without_binomials_is_still_read(tmp_path):
    note = ("# Vectors\n\n"
            r"$$\begin{pmatrix} 5 \\ 2 \end{pmatrix} = \begin{pmatrix} 5 \\ 3 \end{pmatrix}$$"
            "\n\n"
            r"$$\left(\begin{matrix} 1 \\ 2 \end{matrix}\right) + \left(\begin{matrix} 1 \\ 1 "
            r"\end{matrix}\right) = \left(\begin{matrix} 2 \\ 3 \end{matrix}\right)$$" "\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["refuted"] and verdicts[5] == ["proved"]


# -- U07, U08: the eigen-equation is a condition ---------------------------------------------------

A = r"\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}"
XY = r"\begin{pmatrix} x \\ y \end{pmatrix}"


@pytest.mark.parametrize("note", [
    f"$${A}\\mathbf{{v}} = 3\\mathbf{{v}}$$\nwhere $\\mathbf{{v}} = \\begin{{pmatrix}} 1 \\\\ 1 "
    "\\end{pmatrix}$.\n",
    f"$${A}\\mathbf{{v}} = 3\\mathbf{{v}}, \\qquad \\mathbf{{v}} = \\begin{{pmatrix}} 1 \\\\ 1 "
    "\\end{pmatrix}$$\n",
    f"The eigenvalue equation is\n$${A}\\mathbf{{v}} = \\lambda\\mathbf{{v}}.$$\n",
    f"$${A}{XY} = \\lambda{XY}$$\n",
    f"$${A}\\mathbf{{w}} = \\mathbf{{w}}$$\n",
])
def test_an_eigen_equation_is_not_refuted(tmp_path, note):
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts and all(v != ["refuted"] for v in verdicts.values())


def test_the_eigen_equation_is_skipped_as_a_condition(tmp_path):
    note = f"The eigenvalue equation is\n$${A}\\mathbf{{v}} = \\lambda\\mathbf{{v}}.$$\n"
    [step] = steps_by_line(tmp_path, note)[2]
    assert step.verdict == "skipped" and "condition" in step.reason


def test_an_eigen_equation_true_for_every_vector_is_still_proved(tmp_path):
    identity = r"\begin{pmatrix} 3 & 0 \\ 0 & 3 \end{pmatrix}"
    assert verdicts_by_line(tmp_path, f"$${identity}{XY} = 3{XY}$$\n")[1] == ["proved"]


def test_a_matrix_identity_that_is_no_eigen_equation_is_still_refuted(tmp_path):
    note = f"$${A}{XY} = \\begin{{pmatrix}} 2x + y \\\\ x + 3y \\end{{pmatrix}}$$\n"
    assert verdicts_by_line(tmp_path, note)[1] == ["refuted"]


def test_the_form_of_an_eigen_equation():
    assert eigen_form(r"A\mathbf{v}", r"\lambda \mathbf{v}.")
    assert eigen_form(r"A v_1", r"\lambda_1 v_1")
    assert eigen_form(f"{A}{XY}", f"3{XY}")
    assert not eigen_form(r"A\mathbf{v}", r"3\mathbf{w}")  # another vector
    assert not eigen_form(r"A + \mathbf{v}", r"2\mathbf{v}")  # no product
    assert not eigen_form(r"\mathbf{v}", r"2\mathbf{v}")  # no matrix


def test_a_claim_judged_for_all_values_lists_no_example_value_as_used(tmp_path):
    note = ("We solve the system and find $x = -4$, $y = 4.5$.\n\nSome text.\n\nMore text.\n\n"
            "$$(x + y)^2 = x^2 + y^2$$\n")
    [step] = steps_by_line(tmp_path, note)[7]
    assert step.verdict == "refuted"
    assert not step.used and "x = -4" not in step.reason
    assert not any("example value" in reading for reading in step.readings)


# -- U09: a function of a column defined entry by entry ------------------------------------------

MAP = r"T\begin{pmatrix} x \\ y \end{pmatrix} = \begin{pmatrix} x + y \\ x - y \end{pmatrix}"
MAP_IN_BRACKETS = (r"T\begin{bmatrix} x \\ y \end{bmatrix} = "
                   r"\begin{bmatrix} x + y \\ x - y \end{bmatrix}")


@pytest.mark.parametrize("note", [f"Define the linear map ${MAP}$.\n",
                                  f"Define\n$${MAP}.$$\n",
                                  f"$${MAP}$$\n", f"$${MAP_IN_BRACKETS}$$\n"])
def test_a_map_of_a_column_is_defined_not_refuted(tmp_path, note):
    [[step]] = [steps for steps in steps_by_line(tmp_path, note).values()]
    assert step.verdict == "skipped" and "defines T" in step.reason


def test_a_defined_matrix_times_a_column_is_no_definition_of_it(tmp_path):
    note = (r"Let $A = \begin{pmatrix} 1 & 1 \\ 1 & -1 \end{pmatrix}$." "\n\n"
            f"$${MAP.replace('T', 'A')}$$\n")
    [step] = steps_by_line(tmp_path, note)[3]
    assert "defines A" not in step.reason and step.verdict != "refuted"
