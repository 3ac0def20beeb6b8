"""Round 41 (a review of the macros and matrices read in round 40): a macro is expanded only
where TeX's meaning is certain — not a definition TeX forgets at the end of its group (P01),
not a name any other defining command touches (\\gdef, \\let, \\RenewDocumentCommand: P03, P04),
not in an HTML comment (P05); arguments stay tokens of their own (``\\sin#1`` with h is
``\\sin h``: P02); a two-row pmatrix in a note about binomial coefficients (P06) and a one-entry
vmatrix (P07) are not read as matrices; ``\\frac d{d+1}`` is d over d + 1."""

from __future__ import annotations

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.sigmoid_doubt import doubt as sigmoid_doubt
from tests.notes.note_steps import verdicts_by_line

DECIDING = {"proved", "checked", "refuted"}


def verdicts_of(tmp_path, text: str, suffix: str) -> dict[int, list[str]]:
    path = tmp_path / f"note{suffix}"
    path.write_text(text, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=2))
    return {equation.line: [step.verdict for step in equation.steps]
            for equation in report.files[0].equations}


TEX = "\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"


@pytest.mark.parametrize("body", [
    "{\\renewcommand{\\pi}{3}For a rough estimate, $A = \\pi r^2$.}\n\nExactly, $\\cos \\pi = -1$.",
    "\\begin{example}\n\\renewcommand{\\pi}{3}\n\\end{example}\nExactly, $\\cos \\pi = -1$.",
    "In rough terms, $\\renewcommand{\\pi}{3} \\pi = 3$.\n\nExactly, $\\cos \\pi = -1$.",
])
def test_a_definition_scoped_to_a_group_is_never_expanded_beyond_it(tmp_path, body):  # P01
    verdicts = verdicts_of(tmp_path, TEX.format(body=body), ".tex")
    assert "refuted" not in [v for found in verdicts.values() for v in found]


def test_an_argument_is_a_token_of_its_own(tmp_path):  # P02
    note = "\\newcommand{\\sn}[1]{\\sin#1}\n\nThe double angle: $2\\sn{h}\\cos h = \\sin 2h$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


@pytest.mark.parametrize("text, suffix", [
    ("\\documentclass{article}\n\\def\\n{2}\n\\begin{document}\n$\\n^2 = 4$.\n\n\\gdef\\n{3}\n"
     "$\\n^2 = 4$.\n\\end{document}\n", ".tex"),  # P03
    ("\\newcommand{\\e}{\\varepsilon}\n\\let\\e\\exp\n\nSo $\\e(0) = 1$.\n", ".md"),
    ("\\documentclass{article}\n\\newcommand{\\dt}{0.1}\n\\begin{document}\n$1/\\dt = 10$.\n\n"
     "\\RenewDocumentCommand{\\dt}{}{0.5}\n$1/\\dt = 10$.\n\\end{document}\n", ".tex"),  # P04
])
def test_a_name_another_defining_command_touches_is_not_expanded(tmp_path, text, suffix):
    verdicts = verdicts_of(tmp_path, text, suffix)
    assert not {v for found in verdicts.values() for v in found} & DECIDING


def test_a_definition_in_an_html_comment_defines_nothing(tmp_path):  # P05
    note = "<!-- \\renewcommand{\\pi}{3} -->\n\nThe half turn: $\\cos \\pi = -1$.\n"
    assert "refuted" not in verdicts_by_line(tmp_path, note).get(3, [])


def test_pascals_rule_in_a_note_about_binomial_coefficients_is_not_a_vector_claim(tmp_path):
    note = ("The binomial coefficients are symmetric:\n\n"
            "$$\\begin{pmatrix} n \\\\ k \\end{pmatrix} = \\begin{pmatrix} n \\\\ n-k \\end{pmatrix}$$\n")
    assert not set(verdicts_by_line(tmp_path, note).get(3, [])) & DECIDING  # P06


def test_a_column_vector_elsewhere_is_still_a_vector(tmp_path):
    note = ("$$\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\\begin{pmatrix} x \\\\ y \\end{pmatrix}"
            " = \\begin{pmatrix} x + 2y \\\\ 3x + 4y \\end{pmatrix}$$\n")
    assert verdicts_by_line(tmp_path, note)[1] == ["proved"]


def test_a_one_entry_vmatrix_is_not_read(tmp_path):  # P07: |−3| = 3, det(−3) = −3
    verdicts = verdicts_by_line(tmp_path, "$$\\begin{vmatrix} -3 \\end{vmatrix} = 3$$\n")
    assert not set(verdicts.get(1, [])) & DECIDING


@pytest.mark.parametrize("claim", ["\\frac d{d+1} = 1 - \\frac 1{d+1}", "\\frac d{d_1} d_1 = d"])
def test_d_over_a_sum_or_a_name_is_a_quotient(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"${claim}$\n")[1] == ["proved"]


@pytest.mark.parametrize("note", [
    "Every hidden unit applies $\\tanh$ to its input. We denote the activation by $\\sigma$, so "
    "its derivative is\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n",  # Q01
    "은닉층에서는 쌍곡탄젠트 $\\tanh$를 쓴다. 이 함수는 매끄럽다. 또한 원점에 대해 대칭이다. "
    "이를 $\\sigma$로 쓴다.\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n",  # Q04
    "The hidden layers use the hyperbolic tangent. We denote the activation, which like the "
    "logistic sigmoid saturates, by $\\sigma$.\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n",
])
def test_sigma_in_a_note_naming_tanh_and_never_the_sigmoid_is_not_the_sigmoid(tmp_path, note):
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


@pytest.mark.parametrize("text", [
    "Unlike $\\tanh$, the logistic sigmoid $\\sigma$ is positive.",
    "We compare ReLU with the sigmoid $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.",
    "ReLU is cheap; here $\\sigma$ denotes the logistic function.",
])
def test_sigma_stated_the_sigmoid_raises_no_doubt(text):
    assert sigmoid_doubt(text, "\\sigma(z)(1 - \\sigma(z))") == ""


def test_sigma_alone_in_a_note_without_another_activation_is_the_sigmoid(tmp_path):
    note = "The activation is the sigmoid.\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


@pytest.mark.parametrize("claim", [
    "\\frac{\\partial}{\\partial w}(\\hat{y} - y)^2 = 2(\\hat{y} - y)x",  # Q05: true as meant
    "\\frac{\\partial}{\\partial w}(\\hat{y} - y)^2 = 0",  # false as meant: never proved
])
def test_a_prediction_named_in_words_may_depend_on_the_weight(tmp_path, claim):
    note = ("For an input $x$ the linear model $f(x) = wx + b$ predicts $\\hat{y}$. The squared "
            f"error has gradient\n\n$${claim}$$\n")
    assert not set(verdicts_by_line(tmp_path, note)[3]) & DECIDING


@pytest.mark.parametrize("group", [("\\begingroup", "\\endgroup"), ("\\bgroup", "\\egroup")])
def test_a_definition_inside_begingroup_ends_with_it(tmp_path, group):  # Q06
    body = (f"{group[0]}\\renewcommand{{\\pi}}{{3}}Roughly $\\pi r^2$.{group[1]}\n"
            "Exactly, $\\cos \\pi = -1$.")
    verdicts = verdicts_of(tmp_path, TEX.format(body=body), ".tex")
    assert "refuted" not in [v for found in verdicts.values() for v in found]


def test_a_line_break_with_spacing_opens_no_display(tmp_path):
    body = ("\\begin{align}\na &= b \\\\[4pt]\nc &= d\n\\end{align}\n\\newcommand{\\s}{x+y}\n"
            "\\[ 2\\s = 2x + y \\]")
    verdicts = verdicts_of(tmp_path, TEX.format(body=body), ".tex")
    assert verdicts[8] == ["proved"]


@pytest.mark.parametrize("sentence", [
    "Every hidden unit applies the SiLU to its input. We denote the activation by $\\sigma$.",  # R01
    "Each hidden unit applies $\\operatorname{SiLU}$; we write the activation as $\\sigma$.",
    "The hidden layers use the hyperbolic-tangent; we write it as $\\sigma$.",  # R02
    "隐藏层使用双曲正切函数, 记为 $\\sigma$.",
    "The activation is written $\\sigma$; the output unit uses a sigmoid instead. Hidden units "
    "apply $\\tanh$.",  # R03: a sentence mentioning both is no statement
    "Hidden units apply $\\tanh$, written $\\sigma$ (we do not use the sigmoid anywhere).",
])
def test_sigma_named_another_activation_in_more_words_is_not_the_sigmoid(tmp_path, sentence):
    note = f"{sentence}\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


@pytest.mark.parametrize("text", [
    "Hidden units apply $\\tanh$; the output is the sigmoid function $\\sigma$.",
    "We use ReLU inside; let $\\sigma$ denote the logistic function.",
    "We denote the sigmoid by $\\sigma$; hidden units apply $\\tanh$.",
    "은닉층은 렐루를 쓰고, 출력층은 시그모이드 함수 $\\sigma$를 쓴다.",
])
def test_words_naming_sigma_the_sigmoid_are_a_statement(text):
    assert sigmoid_doubt(text, "\\sigma(z)") == ""


@pytest.mark.parametrize("claim", ["\\det A = ad - bc", "\\operatorname{tr}(A) = a + d"])
def test_a_matrix_defined_entry_by_entry_is_not_refuted_as_an_unknown_matrix(tmp_path, claim):
    note = ("Let\n$$A = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}.$$\nThen\n"
            f"$${claim}$$\nand its transpose has the same determinant, $\\det A^T = \\det A$.\n")
    assert "refuted" not in verdicts_by_line(tmp_path, note)[4]  # R04
