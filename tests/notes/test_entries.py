r"""Entry-indexed matrix calculus in notes (issue 9): ``u_{ik}`` as an entry of ``\mathbf{U}``,
``[\mathbf{U}\mathbf{V}]_{ib}``, ``\frac{d}{dv_{ab}}`` of a matrix expression, sums over entries
taking their range from the shapes, and Einstein notation where the note says it uses it.

Each claim is a line of d2l's matrix-calculus section (or a false claim of the same shape);
a refutation's counterexample is substituted back here into the written entries with exact
rationals — an independent evaluation with SymPy's explicit matrices, not the checker's path.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.indices import einstein, entry_links

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow

SHAPES = (
    "Suppose that $\\mathbf{X}$ is a $n \\times m$ matrix, $\\mathbf{U}$ is an $n \\times r$ "
    "and $\\mathbf{V}$ is an $r \\times m$.\n\n"
)
NORM = r"\frac{d}{dv_{ab}} \|\mathbf{X} - \mathbf{U}\mathbf{V}\|_2^{2}"
# d2l writes ‖M‖_2² of a matrix as the double sum of squared entries, which makes ‖·‖_2
# Frobenius in that note (symderive.grammar.matrices.note_means_frobenius)
FROBENIUS = f"$${NORM} = \\frac{{d}}{{dv_{{ab}}}} \\sum_{{i, j}}\\left(x_{{ij}} - \\sum_k u_{{ik}}v_{{kj}}\\right)^2$$\n\n"


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    return [step for equation in report.files[0].equations for step in equation.steps]


def claim(tmp_path: Path, latex: str, prefix: str = SHAPES):
    found = [s for s in steps(tmp_path, prefix + f"$$\n{latex}\n$$\n") if s.index == 1]
    return found[-1]


def values_of(step) -> dict:
    return {name: Fraction(value) for name, value in step.outcome.counterexample.values}


def explicit(name: str, letter: str, rows: int, cols: int, values: dict) -> sp.Matrix:
    """``\\mathbf{U}`` from a counterexample's entries (``\\mathbf{U}_12``; a vector ``_2``)."""

    def entry(i: int, j: int):
        key = f"\\mathbf{{{letter}}}_{i + j + 1}" if 1 in (rows, cols) else (
            f"\\mathbf{{{letter}}}_{i + 1}{j + 1}")  # fmt: skip
        return sp.Rational(str(values.get(key, 0)))

    return sp.Matrix(rows, cols, entry)


# -- which letters are entries of which bold names ------------------------------------------
def test_entries_are_linked_to_the_bold_matrix_of_their_letter():
    links = entry_links([r"\sum_k u_{ik}v_{kb}", r"[\mathbf{U}\mathbf{V}]_{ib}"])
    assert dict(links) == {"u": r"\mathbf{U}", "v": r"\mathbf{V}"}


@pytest.mark.parametrize(
    "elements",
    [
        [r"u_{ik} + u", r"[\mathbf{U}\mathbf{V}]_{ib}"],  # u also bare: a scalar too
        [r"u_{i}", r"[\mathbf{U}\mathbf{V}]_{ib}"],  # one index of a matrix
        [r"x_{i}", r"[\mathbf{X}\mathbf{x}]_{i}"],  # \mathbf{X} and \mathbf{x}: which?
    ],  # a sum with bounds written links too: the grammar compares the range with the
    # shapes (round 12, tests/notes/test_review_round12_entries.py)
)
def test_no_link_where_it_is_not_unambiguous(elements):
    links = dict(entry_links(elements))
    assert "u" not in links and "x" not in links


def test_an_entry_reads_as_the_matrix_entry_and_a_sum_takes_its_range_from_the_shapes():
    n, r, m = (sp.Symbol(s, integer=True, positive=True) for s in "nrm")
    context = LatexContext(
        shapes=((r"\mathbf{U}", (n, r)), (r"\mathbf{V}", (r, m))),
        entries=(("u", r"\mathbf{U}"), ("v", r"\mathbf{V}")),
    )
    expr = parse_latex_math(r"\sum_k u_{ik}v_{kb}", context=context)
    [(index, low, high)] = expr.limits
    assert (str(index), low, high) == ("k", 1, r)  # the columns of U, the rows of V
    U, V = sp.MatrixSymbol(r"\mathbf{U}", n, r), sp.MatrixSymbol(r"\mathbf{V}", r, m)
    at = {n: 2, r: 3, m: 2, sp.Symbol("i", integer=True): 2, sp.Symbol("b", integer=True): 1}
    u, v = sp.Matrix(2, 3, lambda i, j: 10 * i + j), sp.Matrix(3, 2, lambda i, j: i - j)
    value = expr.xreplace(at).xreplace({U.xreplace(at): u, V.xreplace(at): v}).doit()
    assert value == (u * v)[1, 0]  # the entry (2, 1), written 1-based


# -- d2l's matrix factorisation gradient, line by line --------------------------------------
@pytest.mark.parametrize(
    "right",
    [
        r"\sum_{i, j}2\left(x_{ij} - \sum_k u_{ik}v_{kj}\right)\left(-\sum_k u_{ik}\frac{dv_{kj}}{dv_{ab}} \right)",
        r"-2\sum_{i}\left(x_{ib} - \sum_k u_{ik}v_{kb}\right)u_{ia}",
        r"-2\sum_{i}[\mathbf{X}-\mathbf{U}\mathbf{V}]_{ib}u_{ia}",
        r"-2\sum_{i} [\mathbf{U}^\top]_{ai}[\mathbf{X}-\mathbf{U}\mathbf{V}]_{ib}",
        r"-2[\mathbf{U}^\top(\mathbf{X}-\mathbf{U}\mathbf{V})]_{ab}",
    ],
)
def test_the_entrywise_gradient_of_the_factorisation_loss_is_checked(tmp_path, right):
    step = claim(tmp_path, f"{NORM}= {right}.", SHAPES + FROBENIUS)
    assert step.verdict == "checked", step.outcome.reason
    assert step.outcome.sizes  # at instantiated (rectangular) sizes


@pytest.mark.parametrize(
    "left, right",
    [
        (r"\sum_k u_{ik}v_{kb}", r"[\mathbf{U}\mathbf{V}]_{ib}"),
        (r"x_{ib} - \sum_k u_{ik}v_{kb}", r"[\mathbf{X}-\mathbf{U}\mathbf{V}]_{ib}"),
    ],
)
def test_an_entry_of_a_product_is_the_sum_over_the_inner_index(tmp_path, left, right):
    assert claim(tmp_path, f"{left} = {right}.").verdict == "checked"


@pytest.mark.parametrize(
    "left, right",
    [
        (r"\sum_k u_{kb}v_{ik}", r"[\mathbf{U}\mathbf{V}]_{ib}"),  # indices swapped
        (r"\sum_k u_{ik}v_{kb}", r"[\mathbf{U}\mathbf{V}]_{bi}"),
        (NORM, r"-2[(\mathbf{X}-\mathbf{U}\mathbf{V})\mathbf{U}^\top]_{ab}"),  # d2l's first guess
    ],
)
def test_a_misplaced_index_is_a_shape_mismatch_never_checked(tmp_path, left, right):
    step = claim(tmp_path, f"{left} = {right}.", SHAPES + FROBENIUS)
    assert step.verdict == "skipped" and "shapes do not fit" in step.reason
    assert step.skip.value == "matrix"


def test_a_wrong_sign_of_the_gradient_is_refuted_and_the_counterexample_reproduces(tmp_path):
    step = claim(tmp_path, f"{NORM}= 2[\\mathbf{{U}}^\\top(\\mathbf{{X}}-\\mathbf{{U}}\\mathbf{{V}})]_{{ab}}.",
                 SHAPES + FROBENIUS)  # fmt: skip
    assert step.verdict == "refuted"
    values = values_of(step)
    n, m, r = (int(values[s]) for s in "nmr")
    X = explicit("X", "X", n, m, values)
    U = explicit("U", "U", n, r, values)
    V = explicit("V", "V", r, m, values)
    entries = sp.Matrix(r, m, lambda a, b: sp.Symbol(f"v{a}{b}"))
    loss = sum(e**2 for e in (X - U * entries))
    gradient = sp.Matrix(r, m, lambda a, b: sp.diff(loss, entries[a, b])).subs(
        {entries[a, b]: V[a, b] for a in range(r) for b in range(m)})  # fmt: skip
    claimed = 2 * U.T * (X - U * V)
    assert gradient != claimed  # some entry differs at the reported point
    assert gradient == -claimed  # the true gradient is d2l's -2Uᵀ(X − UV)


def test_without_the_note_saying_so_entries_of_a_bold_name_are_not_linked(tmp_path):
    # a lower-case letter used bare as well: u is a scalar, the step is not read as entries
    step = claim(tmp_path, r"\frac{d}{dv_{ab}} \|\mathbf{X} - \mathbf{U}\mathbf{V}\|_F^2 = u")
    assert step.verdict in ("skipped", "undecided")


# -- Einstein notation (d2l: "let's consider this problem using Einstein notation") ---------
EINSTEIN = (
    "# Matrix calculus\n\nSuppose that we have a column vector $\\mathbf{x}$, and a square matrix "
    "$A$ and we want to compute $\\frac{d}{d\\mathbf{x}}(\\mathbf{x}^\\top \\mathbf{A} "
    "\\mathbf{x})$. Let's consider this problem using Einstein notation.\n\n"
)


@pytest.mark.parametrize(
    "latex",
    [
        r"\mathbf{x}^\top A \mathbf{x} = x_ia_{ij}x_j",
        r"\frac{d}{dx_k}(\mathbf{x}^\top A \mathbf{x}) = \frac{d}{dx_k}x_ia_{ij}x_j",
        r"\frac{d}{dx_k}x_ia_{ij}x_j = \frac{dx_i}{dx_k}a_{ij}x_j + x_ia_{ij}\frac{dx_j}{dx_k}",
        r"\frac{d}{dx_k}x_ia_{ij}x_j = a_{kj}x_j + x_ia_{ik}",
        r"\frac{d}{dx_k}x_ia_{ij}x_j = (a_{ki} + a_{ik})x_i",
        r"\frac{d}{dx_k}x_ia_{ij}x_j = [\mathbf{A} + \mathbf{A}^\top]_{ki}x_i",
        r"\left[\frac{d}{d\mathbf{x}}(\mathbf{x}^\top A \mathbf{x})\right]_k = [(\mathbf{A} + \mathbf{A}^\top)\mathbf{x}]_k",
    ],
)
def test_einstein_notation_sums_repeated_indices_where_the_note_says_so(tmp_path, latex):
    step = claim(tmp_path, latex, EINSTEIN)
    assert step.verdict == "checked", step.outcome.reason


@pytest.mark.parametrize(
    "latex",
    [
        r"\frac{d}{dx_k}x_ia_{ij}x_j = 2a_{kj}x_j",  # true only for a symmetric A
        r"\frac{d}{dx_k}x_ia_{ij}x_j = [2\mathbf{A}\mathbf{x}]_k",
    ],
)
def test_the_symmetric_case_is_refuted_for_a_general_matrix(tmp_path, latex):
    step = claim(tmp_path, latex, EINSTEIN)
    assert step.verdict == "refuted"
    values = values_of(step)
    size = int(values["size"])
    A = explicit("A", "A", size, size, values)
    x = explicit("x", "x", size, 1, values)
    assert (A + A.T) * x != 2 * A * x


def test_without_the_word_einstein_a_repeated_index_is_not_summed(tmp_path):
    text = EINSTEIN.replace("Einstein notation", "indices")
    step = claim(tmp_path, r"\mathbf{x}^\top A \mathbf{x} = x_ia_{ij}x_j", text)
    assert step.verdict != "checked" and step.verdict != "proved"


def test_einstein_sums_each_repeated_index_once_and_keeps_the_free_one():
    n = sp.Symbol("n", integer=True, positive=True)
    x, A = sp.MatrixSymbol("x", n, 1), sp.MatrixSymbol("A", n, n)
    i, j, k = (sp.Symbol(s, integer=True) for s in "ijk")
    summed = einstein(sp.Derivative(x[i - 1, 0] * A[i - 1, j - 1] * x[j - 1, 0], x[k - 1, 0]))
    at = {n: 3, k: 2}
    X = sp.Matrix([sp.Symbol(f"x{t}") for t in range(3)])
    M = sp.Matrix(3, 3, lambda p, q: sp.Symbol(f"a{p}{q}"))
    from symderive.check.explicit import written_out

    value = written_out(summed.xreplace(at).xreplace({x.xreplace(at): X, A.xreplace(at): M})).doit()
    expected = ((M + M.T) * X)[1]
    assert sp.expand(value - expected) == 0


# -- nested subscripts: f_{y_i}, the entry of f at the label y_i (cs231n) --------------------
SOFTMAX = (
    "# Softmax\n\n$$\np_k = \\frac{e^{f_k}}{ \\sum_j e^{f_j} } \\hspace{1in} "
    "L_i =-\\log\\left(p_{y_i}\\right)\n$$\n\nThe gradient:\n\n"
)


def test_the_normalisation_trick_with_a_nested_subscript_is_proved(tmp_path):
    chain = (r"\frac{e^{f_{y_i}}}{\sum_j e^{f_j}} = \frac{Ce^{f_{y_i}}}{C\sum_j e^{f_j}}"
             r" = \frac{e^{f_{y_i} + \log C}}{\sum_j e^{f_j + \log C}}")  # fmt: skip
    found = steps(tmp_path, f"# Softmax\n\n$$\n{chain}\n$$\n")
    assert [s.verdict for s in found] == ["proved", "proved"]


def test_a_shift_of_one_score_only_is_refuted(tmp_path):
    step = claim(tmp_path, r"\frac{e^{f_{y_i}}}{\sum_j e^{f_j}} = \frac{e^{f_{y_i} + C}}{\sum_j e^{f_j}}",
                 "# Softmax\n\n")  # fmt: skip
    assert step.verdict == "refuted"
    values = values_of(step)
    n, label, c = int(values["n"]), int(values["y_i"]), sp.Rational(str(values["C"]))
    f = [sp.Rational(str(values[f"f[{j}]"])) for j in range(1, n + 1)]
    left = sp.exp(f[label - 1]) / sum(sp.exp(v) for v in f)
    right = sp.exp(f[label - 1] + c) / sum(sp.exp(v) for v in f)
    assert left != right


def test_the_label_is_one_of_the_summed_entries(tmp_path):
    # f_{y_i} is an entry of f (y_i in 1..n), so it is one of the terms of the sum
    # read as a free name f_{y_i} it fails (f_{y_i} large); read as an entry it holds at every
    # point tried, undecided only because an inequality in many variables has no certificate
    step = claim(tmp_path, r"\sum_j e^{f_j} \ge e^{f_{y_i}}", "# Softmax\n\n")
    assert step.verdict == "undecided" and "no certificate" in step.reason, step.reason


def test_the_softmax_gradient_with_the_indicator_of_the_label_is_checked(tmp_path):
    step = claim(tmp_path, r"\frac{\partial L_i }{ \partial f_k } = p_k - \mathbb{1}(y_i = k)", SOFTMAX)
    assert step.verdict == "checked"


def test_the_softmax_gradient_without_the_indicator_is_refuted_at_the_label(tmp_path):
    step = claim(tmp_path, r"\frac{\partial L_i }{ \partial f_k } = p_k", SOFTMAX)
    assert step.verdict == "refuted"
    values = values_of(step)
    assert values["k"] == values["y_i"]  # it fails exactly at the correct class
    n = int(values["n"])
    f = sp.symbols(f"f1:{n + 1}")
    label = int(values["y_i"])
    loss = -sp.log(sp.exp(f[label - 1]) / sum(sp.exp(v) for v in f))
    k = int(values["k"])
    point = {v: sp.Rational(str(values.get(f"f[{j}]", 0))) for j, v in enumerate(f, start=1)}
    p_k = (sp.exp(f[k - 1]) / sum(sp.exp(v) for v in f)).subs(point)
    assert sp.simplify(sp.diff(loss, f[k - 1]).subs(point) - (p_k - 1)) == 0


def test_an_indicator_that_fails_only_at_the_label_is_never_checked(tmp_path):
    step = claim(tmp_path, r"\frac{\partial L_i }{ \partial f_k } = p_k - \mathbb{1}(y_i \ne k)", SOFTMAX)
    assert step.verdict in ("refuted", "undecided")


def test_the_explain_view_names_the_entries_and_their_matrix(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(SHAPES + "$$\n\\sum_k u_{ik}v_{kb} = [\\mathbf{U}\\mathbf{V}]_{ib}\n$$\n",
                    encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    readings = str(report.files[0].readings)
    assert "u_{..}" in readings and "entries of \\\\mathbf{U}" in readings.replace("\\\\\\\\", "\\\\")


def test_a_double_sum_over_names_that_are_not_entries_is_not_read():
    from symderive.errors import ParseError

    with pytest.raises(ParseError):  # x_{ij} one name: the sum would be n² x_ij
        parse_latex_math(r"\sum_{i, j} x_{ij}")


# -- round 3 review: free indices take 1..size only; entry claims reach every dimension ≥ 3 ---
@pytest.mark.parametrize("latex", [
    r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} \, \mathbb{1}(i \le n)",
    r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + \mathbb{1}(b > m)",
    r"[\mathbf{U}\mathbf{V}]_{ib} = \sum_{k} u_{ik} v_{kb} \min(1, \max(0, n + 1 - i))",
])
def test_a_guard_true_at_every_valid_index_is_never_refuted_outside_the_range(tmp_path, latex):
    """C14: i is a row of U (1..n): i = 12 with n = 1 is no counterexample."""
    assert claim(tmp_path, latex).outcome.verdict == "checked"


def test_a_vector_entry_index_takes_integer_values_in_its_range(tmp_path):
    """C14: k of x_k is 1..d, never 29/7."""
    step = claim(tmp_path, r"\frac{d}{dx_k}(\mathbf{x}^\top\mathbf{x}) = 2 x_k \mathbb{1}(k \le d)",
                 "Let $\\mathbf{x} \\in \\mathbb{R}^d$.\n\n")
    assert step.outcome.verdict == "checked"


@pytest.mark.parametrize("latex, size, least", [
    (r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + \mathbb{1}(i = 9)", "n", 9),
    (r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + \mathbb{1}(i = 3)\mathbb{1}(b = 3)",
     "m", 3),
    (r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + \mathbb{1}(i = 3)\mathbb{1}(b = 2) "
     r"\mathbb{1}(r = 1)", "n", 3),
    (r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + (r-1)(r-2)(r-3)", "r", 4),
    (r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + (i-1)(i-2)(i-3)(i-4)(i-5)(i-6)(i-7)"
     r"(i-8)(i-9)(i-10)", "n", 11),
])
def test_an_entry_claim_false_only_at_a_large_entry_is_refuted_where_it_exists(
    tmp_path, latex, size, least
):
    """C13: the claim is checked at sizes where every dimension is >= 3 and, for an integer
    written in the claim, where that index exists; the counterexample's size is such a size."""
    step = claim(tmp_path, latex)
    assert step.outcome.verdict == "refuted"
    assert values_of(step)[size] >= least


def test_a_derivative_by_an_unlinked_two_index_entry_is_not_read_never_refuted(tmp_path):
    """C15: with no bold matrix, v_{ab} and v_{kb} would be unrelated scalars and SymPy's
    derivative 0; the true claim (= w_a) is not read, never refuted."""
    step = claim(tmp_path, r"\frac{d}{dv_{ab}} \sum_k w_{k}v_{kb} = w_a", "A note.\n\n")
    assert step.verdict == "skipped"
    assert "not read" in step.reason


def test_an_expansion_of_the_sum_at_the_size_the_note_sets_is_checked(tmp_path):
    """C18: "Let r = 2" with U n×r: u_{i2} exists and the expansion is true; without it, the
    claim is false at r = 3 and refuted where u_{i2} and u_{i3} exist."""
    latex = r"[\mathbf{U}\mathbf{V}]_{ib} = u_{i1}v_{1b} + u_{i2}v_{2b}"
    assert claim(tmp_path, latex, SHAPES.replace(".\n\n", ". Let $r = 2$.\n\n")).verdict == "checked"
    step = claim(tmp_path, latex)
    assert step.verdict == "refuted"
    assert values_of(step)["r"] >= 3


def test_a_sum_over_entries_linked_to_no_matrix_is_not_read(tmp_path):
    """C18: with no bracket entry, v_{kb} would be one scalar for every k: not read."""
    step = claim(tmp_path, r"\sum_k u_{ik}v_{kb} = u_{i1}v_{1b} + u_{i2}v_{2b}",
                 SHAPES.replace(".\n\n", ". Let $r = 2$.\n\n"))
    assert step.verdict == "skipped"


XAX = "Let $\\mathbf{x}$ be a vector and $\\mathbf{A}$ a square matrix. "


@pytest.mark.parametrize("prose", [
    "We will not use Einstein notation: no repeated index is summed unless the sum is written.",
    "Unlike Einstein notation, here repeated indices are not summed.",
    "As Einstein said, everything should be made as simple as possible.",
])
@pytest.mark.parametrize("latex", [
    r"\mathbf{x}^\top \mathbf{A} \mathbf{x} = x_ia_{ij}x_j",
    r"\frac{d}{dx_k}x_ia_{ij}x_j = a_{kj}x_j + x_ia_{ik}",
])
def test_einstein_summation_only_where_the_prose_affirms_it(tmp_path, prose, latex):
    """C10: a negated mention, or the person, does not switch the convention on: true only
    with the convention, the claim is undecided naming both readings."""
    step = claim(tmp_path, latex, f"# Notes\n\n{XAX}{prose}\n\n")
    assert step.verdict == "undecided"
    assert "Einstein" in step.outcome.reason


def test_a_heading_naming_einstein_does_not_switch_the_convention_on(tmp_path):
    step = claim(tmp_path, r"\frac{d}{dx_k}x_ia_{ij}x_j = a_{kj}x_j + x_ia_{ik}",
                 f"# Later Einstein\n\n{XAX}\n\n")
    assert step.verdict == "undecided"


def test_an_index_written_three_times_is_not_read_with_a_clear_reason(tmp_path):
    """M4: no internal error text ("Invalid limits given") in the verdict."""
    step = claim(tmp_path, r"x_i x_i x_i = \sum_i x_i^3",
                 "# Three\n\nWe use Einstein notation. Let $\\mathbf{x}$ be a vector.\n\n")
    assert step.verdict == "skipped"
    assert "Invalid" not in step.reason and "more than twice" in step.reason


@pytest.mark.parametrize("definition", [
    "Let $u_{ik} = 2 w_{ik}$.",
    "Let $u_{ik} = 2 x_{ik}$ be the scaled weights (here $r = m$).",
    "We write $u_{ik}$ for the entries of a different matrix $\\mathbf{W}$, not of $\\mathbf{U}$.",
])
def test_a_letter_the_note_defines_otherwise_is_not_the_bold_matrix_entry(tmp_path, definition):
    """C9: with u defined as 2W, the sum is not [UV]_ib: never checked."""
    step = claim(tmp_path, r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib}",
                 SHAPES.replace(".\n\n", f". {definition}\n\n"))
    assert step.verdict not in ("checked", "proved", "refuted")


def test_an_entry_defined_as_an_outer_product_is_not_the_bold_matrix_entry(tmp_path):
    """C9: a_{ij} = x_i x_j defines a, even in a note that uses Einstein notation."""
    step = claim(tmp_path, r"\frac{d}{dx_k} (\mathbf{x}^\top \mathbf{A} \mathbf{x}) = a_{kj}x_j + x_ia_{ik}",
                 "# E\n\nWe use Einstein notation. Let $\\mathbf{x}$ be a vector and $\\mathbf{A}$ "
                 "a square matrix, and write $a_{ij} = x_i x_j$ for the outer product.\n\n")
    assert step.verdict not in ("checked", "proved", "refuted")


@pytest.mark.parametrize("prose", [
    "$\\mathbf{A}$는 대칭 행렬이 아닙니다.",
    "$\\mathbf{A}$는 대칭이 아니다.",
])
def test_a_korean_negation_of_symmetric_does_not_make_a_symmetric(tmp_path, prose):
    """C11: for a general A the claim is false: never checked under a symmetric A."""
    step = claim(tmp_path, r"\frac{d}{dx_k}(\mathbf{x}^\top \mathbf{A} \mathbf{x}) = 2[\mathbf{A}\mathbf{x}]_k",
                 f"# 대칭\n\n$\\mathbf{{x}}$는 벡터입니다. {prose}\n\n")
    assert step.verdict != "checked" and step.verdict != "proved"


def test_a_korean_symmetric_matrix_is_still_read_as_symmetric(tmp_path):
    step = claim(tmp_path, r"\frac{d}{dx_k}(\mathbf{x}^\top \mathbf{A} \mathbf{x}) = 2[\mathbf{A}\mathbf{x}]_k",
                 "# 대칭\n\n$\\mathbf{x}$는 벡터입니다. $\\mathbf{A}$는 대칭 행렬입니다.\n\n")
    assert step.verdict == "checked"
