r"""``\begin{cases}`` is a definition by cases (round 15 F28): a Piecewise in row order.

The ReLU written the usual way is read — ``r(-2) = 0`` and ``r(3) = 3`` proved, its derivative
at the switch not checked (no value there) — and nothing is read that the rows do not say
exactly: conditions in words, memberships, rows that overlap with different values.
"""

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math
from tests.notes.note_steps import verdicts_by_line


def read(text: str) -> sp.Basic:
    return parse_latex_math(text, source="note.md", line=1)


def at(expr: sp.Basic, value) -> sp.Basic:
    (name,) = expr.free_symbols
    return expr.subs(name, value)


RELU = [
    r"\begin{cases} x & x \geq 0 \\ 0 & x < 0 \end{cases}",
    r"\begin{cases} x & \text{if } x \ge 0, \\ 0 & \text{otherwise.} \end{cases}",
    r"\begin{cases} x, & x > 0 \\ 0, & x \le 0 \end{cases}",
    r"\begin{dcases} x & x \geq 0 \\ 0 & \text{otherwise} \end{dcases}",
]


@pytest.mark.parametrize("text", RELU)
def test_the_relu_by_cases_is_the_relu(text):
    relu = read(text)
    assert [at(relu, value) for value in (-2, 0, sp.Rational(3, 2))] == [0, 0, sp.Rational(3, 2)]


def test_a_chain_of_comparisons_is_one_condition():
    ramp = read(r"\begin{cases} 0 & x < 0 \\ x & 0 \le x \le 1 \\ 1 & x > 1 \end{cases}")
    assert [at(ramp, v) for v in (-3, sp.Rational(1, 2), 7)] == [0, sp.Rational(1, 2), 1]


def test_rows_that_leave_values_without_a_row_are_not_read():
    # round 16 F7: x^2 = {x^2 if x > 100} was proved where the right side had a value
    for text in (r"\begin{cases} x^2 & x > 100 \end{cases}",
                 r"\begin{cases} x & 0 \le x \le 1 \\ 2 - x & 1 < x \le 2 \end{cases}"):
        with pytest.raises(ParseError, match="without a row"):
            read(text)


def test_a_limit_of_a_function_by_cases_is_not_evaluated(tmp_path):
    # round 16 F1, F11: SymPy's limit of a Piecewise takes the case at the point itself
    text = ("# Step\n\n$$g(x) = \\begin{cases} 1 & x \\ge 0 \\\\ 0 & \\text{otherwise} "
            "\\end{cases}$$\n\nThen $\\lim_{x \\to 0^-} g(x) = 1$ and $\\lim_{x \\to 0} g(x) = 1$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["skipped", "skipped"]


def test_rows_that_overlap_must_agree_there():
    assert at(read(r"\begin{cases} x & x \ge 0 \\ -x & x \le 0 \end{cases}"), -3) == 3
    with pytest.raises(ParseError, match="different values"):
        read(r"\begin{cases} 1 & x \ge 0 \\ 0 & x \le 0 \end{cases}")  # two values at 0


@pytest.mark.parametrize("text", [
    r"\begin{cases} x^2 & \text{if } x \text{ is rational}, \\ 0 & \text{otherwise} \end{cases}",
    r"\begin{cases} 1 & x \in \mathbb{Q} \\ 0 & x \notin \mathbb{Q} \end{cases}",
    r"\begin{cases} n/2 & n \text{ even} \\ 3n + 1 & n \text{ odd} \end{cases}",
    r"\begin{cases} 1 & \text{otherwise} \\ 0 & x < 0 \end{cases}",
    r"\begin{cases} x \end{cases}",
    r"\begin{pmatrix} 1 & \cdots \end{pmatrix}",  # (a matrix written out is read: matrix_literals)
])
def test_rows_not_read_exactly_are_not_read(text):
    with pytest.raises(ParseError):
        read(text)


def test_a_note_defining_the_relu_by_cases(tmp_path):
    text = ("# ReLU\n\n$$r(x) = \\begin{cases} x & x \\geq 0 \\\\ 0 & x < 0 \\end{cases}$$\n\n"
            "Then $r(-2) = 0$ and $r(3) = 3$ and $r(3) = 0$.\n\nAt the kink $r'(0) = 1$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["proved", "proved", "refuted"]
    assert found[7] == ["skipped"]  # no derivative where the cases switch
