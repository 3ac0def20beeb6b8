r"""Where example values and definitions are in force (review round 12a: F13–F17).

* F13: a claim *in every case* / *in both cases* / 두 경우 모두 after a list or table of example
  values is the general claim — never proved with the last case's value only.
* F14: an example value given inside an ``example`` / ``proof`` environment, a blockquote, a
  ``<details>`` element or a fenced div ends with that block.
* F15, F16: a name whose formula is in an earlier section is not a free constant for a step that
  differentiates in a variable that formula depends on (∂J/∂w with J = L + λw²/2, L the loss of
  the previous section), nor for a counterexample that gives it a free value; a restatement
  after words that refer back (*From the previous section, $y = 3x$*) is a claim, not a new
  definition.
* F17: a built-in (σ, sigmoid, ReLU) the display itself defines later in its row (``σ(0) = ½,
  \quad σ(x) = \max(x, 0)``) is not read as the built-in for the row's other formulas.
"""

from __future__ import annotations

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.example_blocks import block_ends
from symderive.notes.lifted import ALL, lifted
from tests.notes.note_steps import steps_by_line


def verdicts(tmp_path, text: str) -> dict[int, list[str]]:
    return {line: [step.verdict for step in found]
            for line, found in steps_by_line(tmp_path, text).items()}


def latex_verdicts(tmp_path, text: str) -> dict[int, list[str]]:
    note = tmp_path / "note.tex"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    found: dict[int, list[str]] = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            if step.skip is None or step.verdict == "skipped":
                found.setdefault(equation.line, []).append(step.verdict)
    return found


# -- F13: a claim over every case -------------------------------------------------------------

CASE_WORDS = [
    "In every case", "In both cases,", "In each case,", "In all cases,", "In either case,",
    "For both values,", "In all three cases,", "Either way,", "모든 경우에", "두 경우 모두",
    "각 경우에", "어느 경우든",
]


@pytest.mark.parametrize("words", CASE_WORDS)
def test_case_words_lift_every_example_value(words):
    assert lifted(f"{words} ") is ALL


@pytest.mark.parametrize("words", ["Then", "Hence", "In this case,", "따라서"])
def test_words_about_one_case_lift_nothing(words):
    assert lifted(f"{words} ") is not ALL


@pytest.mark.parametrize("words", ["In every case", "In both cases,", "두 경우 모두"])
def test_x_squared_minus_4x_is_not_zero_for_both_listed_values(tmp_path, words):
    text = f"# E\n\n- Take $x = 3$.\n- Take $x = 4$.\n\n{words} $$x^2 - 4x = 0.$$\n"
    assert "proved" not in verdicts(tmp_path, text)[6]


def test_x_squared_minus_4x_is_not_zero_for_every_row_of_a_table(tmp_path):
    text = ("# C\n\n| case | value |\n|---|---|\n| $x = 3$ | $9$ |\n| $x = 4$ | $16$ |\n\n"
            "In every case $$x^2 - 4x = 0.$$\n")
    assert "proved" not in verdicts(tmp_path, text)[8]


def test_an_identity_in_both_cases_stays_proved(tmp_path):
    text = "# E\n\n- Take $x = 3$.\n- Take $x = 4$.\n\nIn both cases, $$x^2 - x = x(x - 1).$$\n"
    assert verdicts(tmp_path, text)[6] == ["proved"]


def test_a_claim_at_the_one_example_value_stays_proved(tmp_path):
    assert verdicts(tmp_path, "# E\n\nTake $x = 4$. Then $$x^2 - 4x = 0.$$\n")[3] == ["proved"]


# -- F14: an example value ends with its block ------------------------------------------------

BLOCKS = [
    ("\\begin{example}", "\\end{example}"), ("\\begin{proof}", "\\end{proof}"),
    ("\\begin{remark}", "\\end{remark}"), ("\\begin{exercise}", "\\end{exercise}"),
    ("<details><summary>Example</summary>", "</details>"), (":::example", ":::"),
    ("::: {.note}", ":::"),
]


@pytest.mark.parametrize(("opening", "closing"), BLOCKS)
def test_a_block_ends_its_lines_there(opening, closing):
    ends = block_ends(["intro", opening, "Let $x = 3$.", closing, "after"])
    assert ends.get(3) == 4 and 5 not in ends


def test_a_blockquote_ends_at_its_last_quoted_line():
    ends = block_ends(["> **Example.** Let $x = 3$.", "> Then $x^2 = 9$.", "", "after"])
    assert ends[1] == 2 and 4 not in ends


def test_y_squared_minus_2y_after_a_proof_is_no_claim_at_y_2(tmp_path):
    text = ("\\documentclass{article}\n\\begin{document}\n\\section{Second}\n\\begin{proof}\n"
            "Let $y = 2$. Then $y^2 = 4$.\n\\end{proof}\n\\begin{lemma}\n"
            "\\begin{equation} y^2 - 2y = 0 \\end{equation}\n\\end{lemma}\n\\end{document}\n")
    found = latex_verdicts(tmp_path, text)
    assert found[5] == ["proved"]  # inside the proof: y = 2
    assert "proved" not in found[8]


@pytest.mark.parametrize(("opening", "closing"), [
    ("> **Example.** Let $z = 5$.", ""), ("<details><summary>Example</summary>", "</details>"),
    (":::example", ":::"),
])
def test_z_squared_minus_5z_after_a_markdown_example_is_no_claim_at_z_5(tmp_path, opening,
                                                                        closing):
    inside = "" if opening.startswith(">") else "Let $z = 5$.\n"
    text = f"# T\n\n{opening}\n{inside}{closing}\n\n$$z^2 - 5z = 0$$\n"
    line = text.split("\n").index("$$z^2 - 5z = 0$$") + 1
    assert "proved" not in verdicts(tmp_path, text)[line]


def test_an_example_value_outside_any_block_still_holds(tmp_path):
    text = "# T\n\nLet $z = 5$. Then\n\n$$z^2 - 5z = 0$$\n"
    assert verdicts(tmp_path, text)[5] == ["proved"]


# -- F15, F16: a formula of an earlier section ------------------------------------------------

LOGISTIC = ("# Logistic regression\n\nLet $z = wx + b$ and $\\hat{y} = \\sigma(z)$ with "
            "$\\sigma(z) = \\frac{1}{1+e^{-z}}$. The loss is\n"
            "$$L = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y}).$$\n\n# Regularisation\n\n"
            "We add a penalty to the loss $L$ of the previous section: "
            "$J = L + \\frac{\\lambda}{2}w^2$. Then\n")


def test_the_penalty_alone_is_not_the_regularised_gradient(tmp_path):
    text = LOGISTIC + "$$\\frac{\\partial J}{\\partial w} = \\lambda w.$$\n"
    assert verdicts(tmp_path, text)[9] == ["undecided"]


def test_the_true_regularised_gradient_is_not_refuted(tmp_path):
    text = LOGISTIC + "$$\\frac{\\partial J}{\\partial w} = (\\hat{y} - y)x + \\lambda w.$$\n"
    assert verdicts(tmp_path, text)[9] == ["undecided"]


def test_the_gradient_in_its_own_section_stays_proved(tmp_path):
    text = LOGISTIC.split("\n\n# Regularisation")[0] + (
        "\nThen\n$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y)x.$$\n")
    assert verdicts(tmp_path, text)[6] == ["proved"]


def test_a_derivative_in_a_variable_the_earlier_loss_does_not_use_stays_proved(tmp_path):
    text = LOGISTIC + "$$\\frac{\\partial J}{\\partial \\lambda} = \\frac{w^2}{2}.$$\n"
    assert verdicts(tmp_path, text)[9] == ["proved"]


def test_an_identity_in_a_name_of_an_earlier_section_stays_proved(tmp_path):
    text = LOGISTIC + "$$\\hat{y} + (1 - \\hat{y}) = 1.$$\n"
    assert verdicts(tmp_path, text)[9] == ["proved"]


@pytest.mark.parametrize("words", ["From the previous section,", "Recall that",
                                   "As before,", "앞 절에서"])
def test_a_restatement_that_contradicts_an_earlier_section_proves_nothing(tmp_path, words):
    text = f"# A\n\nLet $y = 2x$.\n\n# B\n\n{words} $y = 3x$. Hence $$y^2 = 9x^2.$$\n"
    assert "proved" not in verdicts(tmp_path, text)[7]


def test_a_restatement_of_the_same_formula_defines_it_again(tmp_path):
    text = "# A\n\nLet $y = 2x$.\n\n# B\n\nRecall that $y = 2x$. Hence $$y^2 = 4x^2.$$\n"
    assert verdicts(tmp_path, text)[7] == ["proved"]


# -- F17: a built-in the display defines later in its row -------------------------------------

@pytest.mark.parametrize("display", [
    r"\sigma(0) = \tfrac12, \quad \sigma(x) = \max(x, 0)",
    r"\mathrm{sigmoid}(0) = \tfrac12, \quad \mathrm{sigmoid}(x) = \tanh x",
    r"\mathrm{ReLU}(-1) = 0, \quad \mathrm{ReLU}(x) = |x|",
    r"\sigma(0) = \tfrac12 \quad \text{with } \sigma(x) = \max(x, 0)",
    r"\sigma(0) = \tfrac12; \qquad \sigma(x) = x^2",
])
def test_a_builtin_redefined_in_its_row_is_not_the_builtin(tmp_path, display):
    assert verdicts(tmp_path, f"# A\n\n$${display}$$\n")[3][0] == "undecided"


@pytest.mark.parametrize("display", [
    r"\sigma(0) = \tfrac12, \quad \sigma'(0) = \tfrac14",
    r"\mathrm{ReLU}(-1) = 0, \quad \mathrm{ReLU}(2) = 2",
    r"\sigma(0) = \tfrac12, \quad \sigma(x) = \frac{1}{1+e^{-x}}",
])
def test_a_row_of_builtin_values_stays_proved(tmp_path, display):
    assert verdicts(tmp_path, f"# A\n\n$${display}$$\n")[3][0] == "proved"
