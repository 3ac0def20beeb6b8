"""Matrices written entry by entry (``pmatrix``, ``bmatrix``, ``vmatrix`` as a determinant): the
2×2 determinant and inverse, a matrix times a vector, a transpose, non-commuting products; what is
not one matrix of known entries (an ellipsis, rows of different lengths, a block matrix) is
skipped, never guessed."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import first_reasons, verdicts_by_line

TWO_BY_TWO = "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}"


@pytest.mark.parametrize("claim, verdict", [
    (f"\\det{TWO_BY_TWO} = ad - bc", "proved"),
    ("\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix} = ad - bc", "proved"),
    ("\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix} = ad + bc", "refuted"),
    ("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}^{-1} = \\frac{1}{ad - bc}"
     "\\begin{bmatrix} d & -b \\\\ -c & a \\end{bmatrix}", "proved"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\\begin{pmatrix} x \\\\ y \\end{pmatrix}"
     " = \\begin{pmatrix} x + 2y \\\\ 3x + 4y \\end{pmatrix}", "proved"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\\begin{pmatrix} x \\\\ y \\end{pmatrix}"
     " = \\begin{pmatrix} x + 2y \\\\ 3x + 5y \\end{pmatrix}", "refuted"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}^T = "
     "\\begin{pmatrix} 1 & 3 \\\\ 2 & 4 \\end{pmatrix}", "proved"),
    ("\\begin{pmatrix} p & q \\end{pmatrix}\\begin{pmatrix} p \\\\ q \\end{pmatrix} = p^2 + q^2",
     "proved"),
    (f"{TWO_BY_TWO}\\begin{{pmatrix}} u & v \\\\ w & z \\end{{pmatrix}} = "
     f"\\begin{{pmatrix}} u & v \\\\ w & z \\end{{pmatrix}}{TWO_BY_TWO}", "refuted"),
])
def test_matrices_written_out(tmp_path, claim, verdict):
    assert verdicts_by_line(tmp_path, f"$${claim}$$\n")[1] == [verdict]


@pytest.mark.parametrize("claim, why", [
    ("\\begin{pmatrix} x & \\cdots \\\\ \\vdots & \\ddots \\end{pmatrix} = 0", "ellipsis"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 \\end{pmatrix} = 0", "different lengths"),
    ("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} + \\begin{pmatrix} 1 & 2 \\end{pmatrix} = 0",
     "shapes do not fit"),
])
def test_what_is_not_one_matrix_is_skipped(tmp_path, claim, why):
    assert why in first_reasons(tmp_path, f"$${claim}$$\n")[1]


def test_a_singular_matrix_has_no_inverse_to_compare(tmp_path):
    claim = ("\\begin{pmatrix} 1 & 2 \\\\ 2 & 4 \\end{pmatrix}^{-1} = "
             "\\begin{pmatrix} 0 & 0 \\\\ 0 & 0 \\end{pmatrix}")
    assert verdicts_by_line(tmp_path, f"$${claim}$$\n")[1] not in (["proved"], ["refuted"])
