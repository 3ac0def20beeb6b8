r"""Matrix calculus in notes (issue 9, item 4): each reading class on a tiny note, its verdict.

Matrices and vectors get symbolic sizes and are checked at instantiated sizes; a refutation's
counterexample is substituted back here into the written matrices with exact rationals (an
independent evaluation with SymPy's explicit matrices, not the checker's code path).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math
from symderive.grammar.matrices import other_layout
from symderive.matrixcalc import Grad, Jacobian
from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    return [step for equation in report.files[0].equations for step in equation.steps]


def only(tmp_path: Path, claim: str):
    [step] = steps(tmp_path, f"$${claim}$$\n")
    return step


def explicit(name: str, values: dict) -> sp.Matrix:
    """The matrix ``name`` from a counterexample's entries: a bold capital is size × size
    (entries ``\\mathbf{A}_12``), a bold lower-case letter a column of the size (``\\mathbf{x}_2``);
    a 1 × 1 or vector entry has one index."""
    size = int(values["size"])
    columns = size if name[len("\\mathbf{")].isupper() else 1

    def entry(i: int, j: int) -> sp.Rational:
        key = f"{name}_{i + j + 1}" if size == 1 or columns == 1 else f"{name}_{i + 1}{j + 1}"
        return sp.Rational(str(Fraction(values[key])))

    return sp.Matrix(size, columns, entry)


# -- gradients by a vector or a matrix (denominator layout, d2l's ∇) ---------------------
@pytest.mark.parametrize(
    "claim",
    [
        r"\nabla_{\mathbf{x}} \mathbf{A} \mathbf{x} = \mathbf{A}^\top",
        r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} = \mathbf{A}",
        r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x}"
        r" = (\mathbf{A} + \mathbf{A}^\top)\mathbf{x}",
        r"\nabla_{\mathbf{x}} \|\mathbf{x} \|^2 = 2\mathbf{x}",
        r"\nabla_{\mathbf{X}} \|\mathbf{X} \|_\textrm{F}^2 = 2\mathbf{X}",
        r"\frac{\partial}{\partial \mathbf{W}} \operatorname{tr}(\mathbf{W}^\top\mathbf{W})"
        r" = 2\mathbf{W}",
        r"\frac{\partial}{\partial \mathbf{w}} \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2"
        r" = 2 \mathbf{X}^\top (\mathbf{X} \mathbf{w} - \mathbf{y})",
    ],
)
def test_textbook_matrix_gradients_are_checked_at_several_sizes(tmp_path, claim):
    step = only(tmp_path, claim)
    assert step.verdict == "checked"
    assert len(step.outcome.sizes) >= 2  # instantiated at more than one size


def test_a_wrong_matrix_gradient_is_refuted_with_a_counterexample_that_reproduces(tmp_path):
    # the true gradient of xᵀAx is (A + Aᵀ)x; 2Ax holds only for symmetric A
    step = only(tmp_path, r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x}"
                          r" = 2\mathbf{A}\mathbf{x}")
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    a, x = explicit(r"\mathbf{A}", values), explicit(r"\mathbf{x}", values)
    assert (a + a.T) * x != 2 * a * x  # the written sides differ at the point reported


def test_matrices_never_commute(tmp_path):
    step = only(tmp_path, r"\mathbf{A}\mathbf{B} = \mathbf{B}\mathbf{A}")
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    a, b = explicit(r"\mathbf{A}", values), explicit(r"\mathbf{B}", values)
    assert a * b != b * a


def test_a_claim_in_the_other_layout_is_undecided_naming_both(tmp_path):
    # ∂(Ax)/∂x is A in numerator layout and Aᵀ in denominator layout (d2l's)
    step = only(tmp_path, r"\nabla_{\mathbf{x}} \mathbf{A} \mathbf{x} = \mathbf{A}")
    assert step.verdict == "undecided"
    assert "numerator layout" in step.reason and "denominator layout" in step.reason


def test_other_layout_transposes_every_derivative():
    x, a = sp.MatrixSymbol("x", 3, 1), sp.MatrixSymbol("A", 3, 3)
    gradient = Grad((x.T * a * x), x)
    jacobian = Jacobian(a * x, x)
    assert other_layout(2 * gradient) == 2 * gradient.T
    assert other_layout(jacobian.T * x) == jacobian * x


def test_a_layer_label_is_part_of_the_name_and_definitions_are_used(tmp_path):
    text = (
        "$$s = \\frac{\\lambda}{2} \\left(\\|\\mathbf{W}^{(1)}\\|_\\textrm{F}^2"
        " + \\|\\mathbf{W}^{(2)}\\|_\\textrm{F}^2\\right),$$\n\n"
        "$$\\frac{\\partial s}{\\partial \\mathbf{W}^{(2)}} = \\lambda \\mathbf{W}^{(2)}$$\n\n"
        "$$\\frac{\\partial s}{\\partial \\mathbf{W}^{(1)}} = \\lambda \\mathbf{W}^{(2)}$$\n"
    )
    claims = [s for s in steps(tmp_path, text) if s.skip is None]
    assert [s.verdict for s in claims] == ["checked", "refuted"]


def test_a_gradient_of_an_undefined_name_is_not_zero(tmp_path):
    # J is never defined: ∂J/∂W is unknown, not the derivative of a constant
    step = only(tmp_path, r"\frac{\partial J}{\partial \mathbf{W}} = 0")
    assert step.verdict == "skipped"


def test_a_gradient_set_to_zero_is_an_equation_to_solve(tmp_path):
    step = only(tmp_path, r"\frac{\partial}{\partial \mathbf{w}}"
                          r" \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2 = 0")
    assert step.verdict == "skipped" and step.skip.value == "condition"


def test_a_shape_mismatch_is_reported_as_such_not_refuted(tmp_path):
    # x xᵀ is a matrix, xᵀ x a number: different shapes, not a false claim about values
    step = only(tmp_path, r"\mathbf{x}\mathbf{x}^\top = \mathbf{x}^\top\mathbf{x}")
    assert step.verdict == "skipped" and step.skip.value == "matrix"


def test_the_2_norm_of_a_matrix_is_ambiguous_and_not_read():
    # spectral norm by convention; d2l means the Frobenius norm: two readings, not chosen
    with pytest.raises(ParseError, match="spectral norm"):
        parse_latex_math(r"\|\mathbf{X} - \mathbf{U}\mathbf{V}\|_2^{2}")


def test_frobenius_and_euclidean_norms_are_sums_of_squares():
    x = parse_latex_math(r"\|\mathbf{X}\|_F^2")
    v = parse_latex_math(r"\|\mathbf{v}\|_2^2")
    sized = {sp.Symbol("size", integer=True, positive=True): 2}
    matrix = sp.Matrix(2, 2, [1, 2, 3, 4])
    vector = sp.Matrix([5, 6])
    (big_x,) = x.atoms(sp.MatrixSymbol)
    (small_v,) = v.atoms(sp.MatrixSymbol)
    x_value = x.xreplace(sized).xreplace({big_x.xreplace(sized): sp.ImmutableMatrix(matrix)})
    v_value = v.xreplace(sized).xreplace({small_v.xreplace(sized): sp.ImmutableMatrix(vector)})
    assert sp.simplify(x_value.doit()) == 1 + 4 + 9 + 16
    assert sp.simplify(v_value.doit()) == 25 + 36


def test_a_matrix_by_a_matrix_is_a_tensor_not_read():
    with pytest.raises(ParseError, match="tensor"):
        parse_latex_math(r"\frac{\partial \mathbf{A}\mathbf{W}}{\partial \mathbf{W}}")


def test_a_derivative_by_an_entry_of_a_bold_vector_is_refused():
    # x_1 is not linked to the entries of the bold x: SymPy would differentiate it as 0
    with pytest.raises(ParseError, match="not linked"):
        parse_latex_math(r"\frac{d}{dx_1}\|\mathbf{x}\|^2")


def test_partial_with_a_bold_subscript_is_the_gradient(tmp_path):
    step = only(tmp_path, r"\partial_{\mathbf{w}} \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2"
                          r" = 2 \mathbf{X}^\top (\mathbf{X} \mathbf{w} - \mathbf{y})")
    assert step.verdict == "checked"


@pytest.mark.parametrize("power", [r"\mathbf{p}^\mathbf{z}", r"\boldsymbol{\pi}^{\mathbf{y}_i}"])
def test_a_vector_to_a_vector_power_is_notation_not_a_matrix_power(power):
    with pytest.raises(ParseError, match="multi-index notation"):
        parse_latex_math(power)


def test_a_label_naming_the_summation_index_is_not_one_matrix():
    # x^{(i)} inside \sum_i is the i-th example: one constant vector would misread it
    with pytest.raises(ParseError, match="i-th example"):
        parse_latex_math(r"\sum_{i=1}^n \mathbf{w}^\top \mathbf{x}^{(i)}")


FACTORISATION = (
    "$$\\frac{d}{d\\mathbf{V}} \\|\\mathbf{X} - \\mathbf{U}\\mathbf{V}\\|_2^{2}"
    "= -2\\mathbf{U}^\\top(\\mathbf{X} - \\mathbf{U}\\mathbf{V}).$$\n"
)
ENTRYWISE = (
    "$$\\frac{d}{dv_{ab}} \\|\\mathbf{X} - \\mathbf{U}\\mathbf{V}\\|_2^{2}= \\frac{d}{dv_{ab}} "
    "\\sum_{i, j}\\left(x_{ij} - \\sum_k u_{ik}v_{kj}\\right)^2.$$\n"
)


def test_the_2_norm_of_a_matrix_is_frobenius_when_the_note_writes_it_entrywise(tmp_path):
    # d2l expands ‖X − UV‖_2² as the double sum of squared entries: ‖·‖_2 is Frobenius there
    found = steps(tmp_path, FACTORISATION + "\n" + ENTRYWISE)
    claims = [s for s in found if s.verdict != "skipped"]
    # the matrix gradient, and the entrywise step itself (u_{ik} is an entry of U: see
    # tests/notes/test_entries.py)
    assert [s.verdict for s in claims] == ["checked", "checked"]
    # without that evidence the same claim is not read (spectral or Frobenius?)
    [alone] = steps(tmp_path, FACTORISATION)
    assert alone.verdict == "skipped" and "spectral" in alone.reason


SHAPES = (
    "Suppose that $\\mathbf{X}$ is a $n \\times m$ matrix, $\\mathbf{U}$ is an $n \\times r$ "
    "and $\\mathbf{V}$ is an $r \\times m$.\n\n"
)


def test_shapes_declared_in_the_prose_are_checked_at_rectangular_sizes(tmp_path):
    text = SHAPES + (
        "$$\\frac{\\partial}{\\partial \\mathbf{V}} \\|\\mathbf{X} - \\mathbf{U}\\mathbf{V}\\|_F^2"
        " = -2\\mathbf{U}^\\top(\\mathbf{X} - \\mathbf{U}\\mathbf{V})$$\n"
    )
    [step] = [s for s in steps(tmp_path, text) if s.lhs_latex.strip()]
    assert step.verdict == "checked"
    assert "size tuples (" in step.reason, step.reason
    assert any(len(set(combo)) > 1 for combo in _size_combinations(step.reason))


def _size_combinations(reason: str) -> list[tuple[int, ...]]:
    import re

    return [tuple(int(v) for v in group.split(",") if v.strip())
            for group in re.findall(r"\(([\d, ]+)\)", reason)]  # fmt: skip


def test_a_product_whose_declared_shapes_do_not_fit_is_a_shape_mismatch_not_refuted(tmp_path):
    # d2l's first guess -2(X - UV)U: n×m times n×r does not fit (the note says so itself)
    text = SHAPES + (
        "$$\\frac{\\partial}{\\partial \\mathbf{V}} \\|\\mathbf{X} - \\mathbf{U}\\mathbf{V}\\|_F^2"
        " = -2(\\mathbf{X} - \\mathbf{U}\\mathbf{V})\\mathbf{U}$$\n"
    )
    [step] = [s for s in steps(tmp_path, text) if s.lhs_latex.strip()]
    assert step.verdict == "skipped" and step.skip.value == "matrix"
    assert "do not fit" in step.reason


def test_declared_shapes_are_read_from_the_prose():
    from symderive.grammar.matrices import declared_shapes

    n, d, h = (sp.Symbol(s, integer=True, positive=True) for s in "ndh")
    text = (
        "the design matrix $\\mathbf{X} \\in \\mathbb{R}^{n \\times d}$, a vector "
        "$\\mathbf{x} \\in \\mathbb{R}^d$, $\\mathbf{W}^{(1)} \\in \\mathbb{R}^{h \\times d}$, "
        "and $\\mathbf{A} \\in \\mathbb{R}^{n \\times n}$ here but $\\mathbf{A} \\in "
        "\\mathbb{R}^{d \\times n}$ there"
    )
    assert dict(declared_shapes(text)) == {
        "\\mathbf{X}": (n, d), "\\mathbf{x}": (d, 1), "\\mathbf{W}^{(1)}": (h, d),
    }  # A has two shapes: left to the default reading


def test_a_one_by_one_product_is_a_number_inside_functions(tmp_path):
    # σ(aᵀx): aᵀx is 1×1, a number; the logistic gradient is σ(1-σ)a, not σ a
    text = (
        "$$\\frac{\\partial}{\\partial \\mathbf{x}} \\sigma(\\mathbf{a}^\\top\\mathbf{x}) = "
        "\\sigma(\\mathbf{a}^\\top\\mathbf{x})(1-\\sigma(\\mathbf{a}^\\top\\mathbf{x}))"
        " \\mathbf{a}$$\n\n"
        "$$\\frac{\\partial}{\\partial \\mathbf{x}} \\sigma(\\mathbf{a}^\\top\\mathbf{x}) = "
        "\\sigma(\\mathbf{a}^\\top\\mathbf{x}) \\mathbf{a}$$\n\n"
        "$$\\nabla_{\\mathbf{w}} (\\mathbf{w}^\\top\\mathbf{x} + b - y)^2 = "
        "2(\\mathbf{w}^\\top\\mathbf{x} + b - y)\\mathbf{x}$$\n"
    )
    assert [s.verdict for s in steps(tmp_path, text)] == ["checked", "refuted", "checked"]


@pytest.mark.parametrize("rhs", ["0", r"\mathbf{x}", r"\nabla_{\mathbf{x}} f(\mathbf{x})"])
def test_the_gradient_of_an_unknown_function_of_a_vector_is_not_read(tmp_path, rhs):
    step = only(tmp_path, rf"\nabla_{{\mathbf{{x}}}} f(\mathbf{{x}}) = {rhs}")
    assert step.verdict in ("skipped", "undecided") and step.verdict != "refuted"


def test_prod_is_refused_with_its_meaning():
    with pytest.raises(ParseError, match="appropriate product"):
        parse_latex_math(r"\textrm{prod}\left(\mathbf{A}, \mathbf{B}\right)")


@pytest.mark.parametrize("bars", [r"|\mathbf{x}|", r"|\mathbf{A}|"])
def test_bars_around_a_vector_or_matrix_are_not_read_as_abs(bars):
    # norm, entrywise absolute value or determinant: never a matrix square root
    with pytest.raises(ParseError, match="not read"):
        parse_latex_math(bars)


def test_bars_around_a_one_by_one_product_are_the_absolute_value(tmp_path):
    step = only(tmp_path, r"|\mathbf{w}^\top\mathbf{x}|^2 = (\mathbf{w}^\top\mathbf{x})^2")
    assert step.verdict in ("proved", "checked")
