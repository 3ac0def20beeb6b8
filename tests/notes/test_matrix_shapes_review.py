r"""Review round 2 (R5, R6, R8, R13): matrix shapes stated in the prose, operations whose
check at square sizes would cover only a special case, and hypotheses stated in words.

Each note is the reviewer's (shortened); the verdict asserted is the honest one: a claim that
is false for some shape the note allows is never *checked* from the square cases alone.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import sympy as sp

from symderive.check.context import CheckContext
from symderive.check.decide import numeric_phase
from symderive.grammar.latex import MATRIX_SIZE
from symderive.grammar.matrices import declared_shapes, size_problem
from symderive.notes.check_notes import NotesOptions, check_files


def verdicts(tmp_path: Path, text: str) -> dict[str, tuple[str, str]]:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    return {
        f"{step.lhs_latex} = {step.rhs_latex}".replace(" ", ""): (
            step.verdict, step.reason or (step.outcome.reason if step.outcome else "")
        )
        for equation in report.files[0].equations for step in equation.steps
    }  # fmt: skip


def _det_of_rectangular_product(rows: int, columns: int) -> tuple[sp.Expr, sp.Expr]:
    """det(X Xᵀ) and det(Xᵀ X) of an explicit random rows × columns integer matrix."""
    rng = random.Random(rows * 10 + columns)
    x = sp.Matrix(rows, columns, lambda i, j: rng.randint(-9, 9))
    return (x * x.T).det(), (x.T * x).det()


def test_a_plain_capital_declared_rectangular_in_the_prose_is_not_square(tmp_path):
    r"""m1.md: ``X \in \mathbb{R}^{n\times d}``; det(XXᵀ) = det(XᵀX) is false whenever n ≠ d
    (one side is a Gram determinant of rank ≤ min(n, d)): it must not be checked."""
    left, right = _det_of_rectangular_product(3, 1)
    assert left == 0 and right != 0  # the claim is false for a 3 × 1 X: independent check
    found = verdicts(tmp_path, "Let $X \\in \\mathbb{R}^{n\\times d}$ be the data matrix.\n\n"
                     "$$ \\det(X X^\\top) = \\det(X^\\top X) $$\n\n"
                     "$$ \\operatorname{tr}(X X^\\top) = \\operatorname{tr}(X^\\top X) $$\n")  # fmt: skip
    verdict, _ = found[r"\det(XX^\top)=\det(X^\topX)"]
    assert verdict in ("refuted", "skipped", "undecided")
    verdict, reason = found[r"\operatorname{tr}(XX^\top)=\operatorname{tr}(X^\topX)"]
    assert verdict == "checked" and "(n, d)" in reason  # checked at rectangular sizes too


def test_let_a_be_an_n_by_d_matrix_declares_its_shape():
    text = ("Let $\\mathbf{A}$ be an $n \\times d$ matrix and $\\mathbf{B}$ a $d \\times n$ "
            "matrix.")  # fmt: skip
    n, d = (sp.Symbol(s, integer=True, positive=True) for s in "nd")
    assert dict(declared_shapes(text)) == {"\\mathbf{A}": (n, d), "\\mathbf{B}": (d, n)}


def test_det_ab_equals_det_ba_is_not_checked_for_an_n_by_d_and_a_d_by_n_matrix(tmp_path):
    """m3.md: det(AB) = det(BA) fails for A 3 × 1, B 1 × 3 (a rank-one 3 × 3 vs a number)."""
    a = sp.Matrix([[1], [2], [3]])
    b = sp.Matrix([[4, 5, 6]])
    assert (a * b).det() != (b * a).det()
    found = verdicts(tmp_path, "Let $\\mathbf{A}$ be an $n \\times d$ matrix and $\\mathbf{B}$ "
                     "a $d \\times n$ matrix.\n\n"
                     "$$ \\det(\\mathbf{A}\\mathbf{B}) = \\det(\\mathbf{B}\\mathbf{A}) $$\n")  # fmt: skip
    [(verdict, _)] = found.values()
    assert verdict in ("refuted", "skipped", "undecided")


def test_det_of_a_product_with_rectangular_declared_shapes_is_skipped_for_shape(tmp_path):
    """R6, m5.md: det(A) of an n × d matrix exists only where n = d: skipped (matrix), not a
    check built from the square sizes."""
    found = verdicts(tmp_path, "Let $\\mathbf{A} \\in \\mathbb{R}^{n \\times d}$ and "
                     "$\\mathbf{B} \\in \\mathbb{R}^{d \\times n}$.\n\n"
                     "$$ \\det(\\mathbf{A}\\mathbf{B}) = \\det(\\mathbf{A})\\det(\\mathbf{B}) $$\n")  # fmt: skip
    [(verdict, reason)] = found.values()
    assert verdict == "skipped" and "only where d = n" in reason


@pytest.mark.parametrize(
    "claim",
    [
        r"\det(\mathbf{M}\mathbf{M}^\top) = \det(\mathbf{M}^\top \mathbf{M})",
        r"\det(\mathbf{A}\mathbf{B}) = \det(\mathbf{B}\mathbf{A})",
    ],
)
def test_a_determinant_or_inverse_of_matrices_of_unknown_shape_is_not_checked(tmp_path, claim):
    """m3.md 'Undeclared': M of unknown shape; det(MMᵀ) = det(MᵀM) is false for M 3 × 1 (and
    det(AB) = det(BA) for A 3 × 1, B 1 × 3)."""
    left, right = _det_of_rectangular_product(3, 1)
    assert left != right
    [(verdict, reason)] = verdicts(tmp_path, f"$$ {claim} $$\n").values()
    assert verdict == "skipped" and "not known" in reason


def test_a_claim_that_forces_its_matrices_square_is_still_checked(tmp_path):
    """det(Mᵀ) = det(M) and det(AB) = det(A) det(B) make every matrix square and of one size:
    the square instances are all the shapes there are."""
    found = verdicts(tmp_path, "$$ \\det(\\mathbf{M}^\\top) = \\det(\\mathbf{M}) $$\n\n"
                     "$$ \\det(\\mathbf{A}\\mathbf{B}) = \\det(\\mathbf{A})\\det(\\mathbf{B}) $$\n")  # fmt: skip
    assert {verdict for verdict, _ in found.values()} <= {"checked", "proved"}


def test_size_problem_follows_the_shapes():
    n, d = (sp.Symbol(s, integer=True, positive=True) for s in "nd")
    x = sp.MatrixSymbol("X", MATRIX_SIZE, MATRIX_SIZE)
    assert "not known" in size_problem([sp.Determinant(x * x.T), sp.Determinant(x.T * x)],
                                       MATRIX_SIZE)  # fmt: skip
    assert size_problem([sp.Trace(x * x.T), sp.Trace(x.T * x)], MATRIX_SIZE) == ""
    assert size_problem([sp.Determinant(x.T), sp.Determinant(x)], MATRIX_SIZE) == ""
    a = sp.MatrixSymbol("A", n, d)
    assert "d = n" in size_problem([sp.Trace(a), sp.Integer(0)], MATRIX_SIZE)


def test_the_numeric_check_never_reports_checked_after_skipping_ill_shaped_sizes():
    """The safety net under the reading: sizes where det(A) of an n × d A does not exist make
    the step undecided, never checked on the square sizes alone."""
    n, d = (sp.Symbol(s, integer=True, positive=True) for s in "nd")
    a, b = sp.MatrixSymbol("A", n, d), sp.MatrixSymbol("B", d, n)
    outcome = numeric_phase(sp.Determinant(a * b), sp.Determinant(a) * sp.Determinant(b), "=",
                            CheckContext(), random.Random(1))  # fmt: skip
    assert outcome.verdict != "checked"


# -- R13, R8: a symmetric matrix stated in words; a false quadratic-form gradient ------------
QUADRATIC_FORM = r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x} = 2 \mathbf{A} \mathbf{x}"


def _gradient_of_quadratic_form_minus_claim(values: dict[str, str]) -> sp.Matrix:
    """(A + Aᵀ)x − 2Ax at a counterexample, from its entries (A_12 of a matrix, x_2 of a
    vector, A_1 of a 1 × 1): the independent reference ∇ xᵀAx = (A + Aᵀ)x."""
    from fractions import Fraction

    size = int(values["size"])

    def value(key: str) -> sp.Rational:
        return sp.Rational(str(Fraction(values[key])))

    def a_entry(i: int, j: int) -> sp.Rational:
        return value("\\mathbf{A}_1" if size == 1 else f"\\mathbf{{A}}_{i + 1}{j + 1}")

    a = sp.Matrix(size, size, a_entry)
    x = sp.Matrix(size, 1, lambda i, _: value(f"\\mathbf{{x}}_{i + 1}"))
    return (a + a.T) * x - 2 * a * x


@pytest.mark.parametrize(
    "statement",
    ["Let $\\mathbf{A}$ be a symmetric matrix.", "$\\mathbf{A}$는 대칭 행렬이다."],
)
def test_a_matrix_the_prose_calls_symmetric_is_instantiated_symmetric(tmp_path, statement):
    """m6.md: ∇ xᵀAx = 2Ax is the textbook result for a symmetric A (stated in words)."""
    [(verdict, reason)] = verdicts(tmp_path, f"# Gradients\n\n{statement}\n\n$$ {QUADRATIC_FORM} $$\n").values()  # fmt: skip
    assert verdict == "checked"


def test_symmetry_stated_in_another_section_is_not_used(tmp_path):
    """c2.md (R8): without the hypothesis the claim is false; the refutation's counterexample
    reproduces in (A + Aᵀ)x ≠ 2Ax, and the run ends in a report, not a traceback."""
    note = tmp_path / "note.md"
    note.write_text("# One\n\nLet $\\mathbf{A}$ be a symmetric matrix.\n\n# Two\n\n"
                    f"$$ {QUADRATIC_FORM} $$\n", encoding="utf-8")  # fmt: skip
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    [step] = [s for e in report.files[0].equations for s in e.steps]
    assert step.verdict == "refuted"
    values = dict(step.outcome.counterexample.values)
    assert any(_gradient_of_quadratic_form_minus_claim(values))  # reproduces


def test_a_property_in_words_that_is_not_read_makes_a_refutation_undecided(tmp_path):
    """Qᵀ Q = I holds for the orthogonal Q the prose states; the property is not instantiated,
    so the refutation as read is undecided, naming it."""
    found = verdicts(tmp_path, "Let $\\mathbf{Q}$ be an orthogonal matrix.\n\n"
                     "$$ \\mathbf{Q}^\\top \\mathbf{Q} \\mathbf{x} = \\mathbf{x} $$\n")  # fmt: skip
    [(verdict, reason)] = found.values()
    assert verdict == "undecided" and "orthogonal" in reason


def test_the_columns_of_a_matrix_literal_keep_their_separators(tmp_path):
    r"""d2l's Hessian ``\begin{bmatrix}2 c_{11} & c_{12} \\ c_{12} & 2c_{22}\end{bmatrix}``: the
    ``&`` of an aligned display is layout, but inside a matrix it separates columns; the
    literal is not read (a matrix literal), and the step is reported as written."""
    note = tmp_path / "note.md"
    note.write_text("$$\\begin{aligned}\n\\mathbf{H} f (0,0) & = \\begin{bmatrix}2 c_{11} & "
                    "c_{12} \\\\ c_{12} & 2c_{22}\\end{bmatrix}\n\\end{aligned}$$\n",
                    encoding="utf-8")  # fmt: skip
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    [step] = [s for e in report.files[0].equations for s in e.steps]
    assert step.verdict == "skipped" and step.skip.value == "matrix"
    assert "2 c_{11} & c_{12}" in step.rhs_latex and "&" not in step.lhs_latex
