"""Round 11a F25, finished: the entries x_i of a sum beside the bold vector \\mathbf{x} *are* its
entries.

``\\mathbf{x}^\\top \\mathbf{y} = \\sum_{i=1}^{n} x_i y_i``, ``\\|\\mathbf{x}\\|^2 = \\sum_{i=1}^{n}
x_i^2``, ``\\operatorname{tr}(\\mathbf{A}) = \\sum_{i=1}^{n} a_{ii}`` and d2l's linear model are
definitions, true for every vector: they are checked at the instantiated sizes, and the same
forms with a wrong right side are refuted at a point that gives each entry one value (the bold
vector's, never a second plain ``x[1]``).  Where the note says something else about the plain
letter (a scalar x, samples x_1 … x_n, a definition of x_i) the link is not made and the
refutation stays withheld (undecided, naming both).
"""

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.notes.indices import entry_links
from tests.notes.note_steps import steps_by_line

DECLARED = "# Vectors\n\nLet $\\mathbf{x}, \\mathbf{y} \\in \\mathbb{R}^n$.\n\n"


def the_step(tmp_path, text: str):
    """The one step of the last display of ``text``."""
    found = steps_by_line(tmp_path, text)
    [step] = found[max(found)]
    return step


def point(step) -> dict:
    return {name: sp.Rational(value) for name, value in step.counterexample.values}


def entries_of(values: dict, bold: str) -> list:
    """The values of \\mathbf{x}_1, \\mathbf{x}_2, … in a counterexample, in order."""
    prefix = f"\\mathbf{{{bold}}}_"
    found = sorted((int(name[len(prefix):]), value) for name, value in values.items()
                   if name.startswith(prefix) and name[len(prefix):].isdigit())
    return [value for _, value in found]


def assert_one_value_per_entry(step, letter: str) -> None:
    """The point names the entries of \\mathbf{letter} only: no plain letter[k], letter_k."""
    for name, _ in step.counterexample.values:
        assert not name.startswith((f"{letter}[", f"{letter}_")), step.counterexample.values


# -- the definitions by entries hold ---------------------------------------------------------
@pytest.mark.parametrize("definition", [
    r"\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{n} x_i y_i",
    r"\|\mathbf{x}\|^2 = \sum_{i=1}^{n} x_i^2",
    r"\|\mathbf{x}\|^2 = \sum_{i=1}^{n} x_{i}^2",
    r"\|\mathbf{x}\|^2 = \sum_{i=1}^{n} x[i]^2",
    r"\|\mathbf{x}\|^2 = \sum_i x_i^2",
    r"\|\boldsymbol{x}\|^2 = \sum_{i=1}^{n} x_i^2",
])
def test_the_dot_product_and_the_norm_by_entries_are_checked(tmp_path, definition):
    step = the_step(tmp_path, f"{DECLARED}$$ {definition} $$\n")
    assert step.verdict in ("proved", "checked"), step.reason


@pytest.mark.parametrize("definition", [
    r"\operatorname{tr}(\mathbf{A}) = \sum_{i=1}^{n} a_{ii}",
    r"\operatorname{tr}(\mathbf{A}) = \sum_{i=1}^{n} A_{ii}",
    r"\mathbf{w}^\top \mathbf{x} + b = \sum_{j=1}^{d} w_j x_j + b",
    r"\mathbf{x}^\top \mathbf{A} \mathbf{x} = \sum_{i=1}^{n} \sum_{j=1}^{n} a_{ij} x_i x_j",
])
def test_the_trace_and_the_linear_model_by_entries_are_checked(tmp_path, definition):
    # no size declared: the sum's bound is the vectors' size (d entries of w and x)
    step = the_step(tmp_path, f"# M\n\n$$ {definition} $$\n")
    assert step.verdict in ("proved", "checked"), step.reason


def test_entries_said_to_be_the_vectors_are_linked(tmp_path):
    text = ("# V\n\nLet $\\mathbf{x} \\in \\mathbb{R}^n$ with entries $x_i$.\n\n"
            "$$ \\|\\mathbf{x}\\|^2 = \\sum_{i=1}^{n} x_i^2 $$\n")
    assert the_step(tmp_path, text).verdict in ("proved", "checked")


# -- the false controls of the same forms are refuted, each entry with one value --------------
def test_the_norm_squared_is_not_the_sum_of_the_entries(tmp_path):
    step = the_step(tmp_path, f"{DECLARED}$$ \\|\\mathbf{{x}}\\|^2 = \\sum_i x_i $$\n")
    assert step.verdict == "refuted", step.reason
    assert_one_value_per_entry(step, "x")
    values = point(step)
    x = entries_of(values, "x")
    assert len(x) == values["n"]  # every entry of x in R^n named once
    # the point reproduces: ‖x‖² and Σ x_i at the bold vector's entries are the sides shown
    assert float(step.counterexample.lhs_value) == pytest.approx(float(sum(v**2 for v in x)))
    assert float(step.counterexample.rhs_value) == pytest.approx(float(sum(x)))
    assert sum(v**2 for v in x) != sum(x)


def test_the_dot_product_is_not_the_sum_of_squares(tmp_path):
    step = the_step(tmp_path, f"{DECLARED}$$ \\mathbf{{x}}^\\top\\mathbf{{y}} = \\sum_i x_i^2 $$\n")
    assert step.verdict == "refuted", step.reason
    assert_one_value_per_entry(step, "x")
    assert_one_value_per_entry(step, "y")
    values = point(step)
    x, y = entries_of(values, "x"), entries_of(values, "y")
    assert len(x) == len(y) >= 1
    assert sum(a * b for a, b in zip(x, y)) != sum(a**2 for a in x)


def test_the_trace_is_not_the_sum_of_the_first_column(tmp_path):
    step = the_step(tmp_path, "# M\n\n$$ \\operatorname{tr}(\\mathbf{A}) = \\sum_i a_{i1} $$\n")
    assert step.verdict == "refuted", step.reason
    assert_one_value_per_entry(step, "a")
    values = point(step)
    size = int(values.get("size", values.get("n", 0)))
    A = sp.Matrix(size, size, lambda i, j: values.get(f"\\mathbf{{A}}_{i + 1}{j + 1}"
                                                      if size > 1 else "\\mathbf{A}_1", 0))
    assert A.trace() != sum(A[i, 0] for i in range(size))


@pytest.mark.parametrize("claim", [
    r"\operatorname{tr}(\mathbf{A}) = \sum_{i=1}^{n} a_{i1}",
    r"\mathbf{w}^\top \mathbf{x} + b = \sum_{j=1}^{d} w_j x_j^2 + b",
    r"\mathbf{x}^\top \mathbf{A} \mathbf{x} = \sum_{i=1}^{n} \sum_{j=1}^{n} a_{ji} x_i x_i",
])
def test_wrong_claims_by_entries_without_declared_sizes_are_refuted(tmp_path, claim):
    step = the_step(tmp_path, f"# M\n\n$$ {claim} $$\n")
    assert step.verdict == "refuted", step.reason
    for letter in "awx":
        assert_one_value_per_entry(step, letter)


def test_soft_label_norm_is_refuted_at_the_entries_of_s(tmp_path):
    text = ("# Not\n\nHere $\\mathbf{s}$ is a soft label rather than a one-hot vector.\n\n"
            "$$\\|\\mathbf{s}\\|^2 = \\sum_i s_i$$\n")
    step = the_step(tmp_path, text)
    assert step.verdict == "refuted"
    assert_one_value_per_entry(step, "s")


# -- where the note says otherwise, x_i stays a name of its own (the F25 guard) --------------
@pytest.mark.parametrize("prose", [
    "Here $x$ is a real number and $\\mathbf{x} \\in \\mathbb{R}^n$.",
    "Let $x_1, \\dots, x_n$ be the samples and $\\mathbf{x} \\in \\mathbb{R}^n$.",
    "Let $\\mathbf{x} \\in \\mathbb{R}^n$ with entries $x_i$, and let $x$ be a scalar.",
    "$x_i$는 $i$번째 표본이다.",
    "Let $x_i = 2$.",
])
def test_a_letter_described_otherwise_is_not_linked(tmp_path, prose):
    text = f"# S\n\n{prose}\n\n$$ \\|\\mathbf{{x}}\\|^2 = \\sum_{{i=1}}^{{n}} x_i $$\n"
    step = the_step(tmp_path, text)
    assert step.verdict == "undecided", step.reason


def test_a_sentence_after_the_display_counts_too(tmp_path):
    text = ("# S\n\n$$ \\|\\mathbf{x}\\|^2 = \\sum_{i=1}^{n} x_i $$\n\n"
            "where $x_i$ is the $i$-th training example.\n")
    found = steps_by_line(tmp_path, text)
    assert [step.verdict for step in found[3]] == ["undecided"]


def test_words_of_another_section_do_not_keep_the_guard(tmp_path):
    text = ("# Scalars\n\nHere $x$ is a scalar.\n\n# Vectors\n\n"
            "$$ \\|\\mathbf{x}\\|^2 = \\sum_{i=1}^{n} x_i $$\n")
    assert the_step(tmp_path, text).verdict == "refuted"


# -- a range that is not the whole vector is not read ----------------------------------------
@pytest.mark.parametrize("claim", [
    r"\|\mathbf{x}\|^2 = \sum_{i=1}^{d} x_i^2",  # x has n entries
    r"\|\mathbf{x}\|^2 = \sum_{i=0}^{n-1} x_i^2",  # 0-based
    r"\|\mathbf{x}\|^2 + \|\mathbf{z}\|^2 = \sum_{i=1}^{n} x_i^2 + \sum_{k=1}^{m} z_k^2",
])
def test_a_range_other_than_the_size_is_not_read(tmp_path, claim):
    step = the_step(tmp_path, f"{DECLARED}$$ {claim} $$\n")
    assert step.verdict == "skipped", step.reason


def test_the_grammar_compares_written_bounds_with_the_shape():
    n = sp.Symbol("n", integer=True, positive=True)
    context = LatexContext(shapes=((r"\mathbf{x}", (n, 1)),), entries=(("x", r"\mathbf{x}"),))
    value = parse_latex_math(r"\sum_{i=1}^{n} x_i^2", context=context)
    [(_, low, high)] = value.limits
    assert (low, high) == (1, n)  # the shape's own size symbol
    with pytest.raises(ParseError, match="not the whole vector"):
        parse_latex_math(r"\sum_{i=1}^{d} x_i^2", context=context)


def test_a_sum_beside_the_bold_vector_links_its_entries():
    assert dict(entry_links([r"\|\mathbf{x}\|^2", r"\sum_{i=1}^{n} x_i^2"])) == {
        "x": r"\mathbf{x}"}
    assert dict(entry_links([r"\operatorname{tr}(\mathbf{A})", r"\sum_{i=1}^{n} A_{ii}"])) == {
        "A": r"\mathbf{A}"}
    # a letter the section describes otherwise is not linked by the sum alone
    assert entry_links([r"\|\mathbf{x}\|^2", r"\sum_{i=1}^{n} x_i^2"],
                       described=frozenset("x")) == ()


def test_a_size_the_note_sets_fixes_the_vectors_too(tmp_path):
    # "Let $m = 2$": \mathbf{z} has two entries and the sum runs to 2 — one size, proved there
    text = "# Z\n\nLet $m = 2$.\n\n$$ \\|\\mathbf{z}\\|^2 = \\sum_{i=1}^{m} z_i^2 $$\n"
    assert the_step(tmp_path, text).verdict == "proved"
    text = "# Z\n\nLet $m = 5/2$.\n\n$$ \\|\\mathbf{z}\\|^2 = \\sum_{i=1}^{m} z_i^2 $$\n"
    assert the_step(tmp_path, text).verdict == "skipped"  # not a size: not read
