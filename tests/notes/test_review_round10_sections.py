r"""Every statement read from the prose holds from where it is made to the end of its section
(review round 9b H1, C5, L4, L5): matrix shapes, letters said to be numbers, π or e named as
quantities, one-hot vectors — not only scalar bounds.  A sub-section inherits its parent's
statements; a sibling section never sees another's; a heading ends the sentence before it.

Each case is the reviewer's note text with the expected verdict, next to the correct reading
(a shape in the same section or a parent section still makes ``AB = BA`` refuted; a true claim
in the section stays proved).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.grammar.matrices import shape_statements
from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.sections import blank_headings, read_sections
from symderive.notes.stated import sentences_of
from tests.notes.note_steps import (
    steps_by_line,
    first_verdicts as verdicts,
    first_reasons as reasons,
)




def latex_verdicts(tmp_path: Path, text: str) -> dict[int, tuple[str, str]]:
    note = tmp_path / "note.tex"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return {equation.line: (equation.steps[0].verdict, equation.steps[0].reason)
            for equation in report.files[0].equations if equation.steps}


# -- the readers' records and the section filter (fast) -----------------------------------------


def test_each_shape_statement_keeps_its_line():
    text = ("# Matrices\n\nLet $A$ and $B$ be $2 \\times 2$ matrices.\n\n# Numbers\n\n"
            "Let $C$ be a\n$3 \\times 3$ matrix, and $\\mathbf{x} \\in \\mathbb{R}^{n}$.\n")
    found = {(line, name) for line, name, _ in shape_statements(text)}
    assert found == {(3, "A"), (3, "B"), (7, "C"), (8, "\\mathbf{x}")}  # C: its sentence's line


def test_in_force_is_the_section_tree_and_after_the_formula_only_when_asked():
    text = "# A\n\nx\n\n## A1\n\ny\n\n# B\n\nz\n"
    sections = read_sections(text, [(1, 1), (5, 2), (9, 1)])
    records = [(3, "parent"), (7, "child"), (11, "sibling")]
    assert sections.in_force(records, 7) == [(3, "parent"), (7, "child")]
    assert sections.in_force(records, 10) == [(11, "sibling")]  # said after, same section
    assert sections.in_force(records, 10, after=False) == []  # from its line only
    assert sections.in_force(records, 3) == [(3, "parent")]  # never a sub-section's upwards


def test_a_heading_ends_the_sentence_before_it_in_latex_and_markdown():
    tex = "\\section{Positive case}\nLet $x > 0$.\n\\section{General case} Let $y < 0$.\n"
    assert [(s.first, s.text) for s in sentences_of(tex)] == [
        (2, "Let $x > 0$."), (3, "Let $y < 0$.")]
    markdown = "# Positive\nLet $x > 0$.\nTitle\n===\nLet $y$ be real.\n"
    assert [(s.first, s.text) for s in sentences_of(markdown)] == [
        (2, "Let $x > 0$."), (5, "Let $y$ be real.")]
    assert len(blank_headings(tex)) == len(tex)  # offsets and lines kept


# -- H1: a shape declared in a sibling section ---------------------------------------------------

H1 = (
    "# Matrices\n\nLet $A$ and $B$ be $2 \\times 2$ matrices.\n\n$$A + B = B + A$$\n\n"
    "# Numbers\n\nIn this section $A$ and $B$ are real numbers.\n\n$$A B = B A$$\n\n"
    "$$(A + B)^2 = A^2 + 2 A B + B^2$$\n"
)


@pytest.mark.slow
def test_h1_a_sibling_sections_shape_does_not_refute_claims_about_numbers(tmp_path):
    found = verdicts(tmp_path, H1)
    # A, B real numbers there: not refuted with matrices; words alone no longer lift the
    # commuting doubt (round 10b C5, C7), so undecided rather than proved
    assert found[11] in ("proved", "undecided") and found[13] in ("proved", "undecided")
    assert found[5] == "proved"


@pytest.mark.slow
def test_h1_without_the_words_real_numbers_another_sections_matrices_keep_doubt(tmp_path):
    text = H1.replace("In this section $A$ and $B$ are real numbers.", "We go on.")
    found = verdicts(tmp_path, text)
    assert found[11] not in ("proved", "checked", "refuted")  # may be matrices: not decided
    assert found[13] not in ("proved", "checked", "refuted")


@pytest.mark.slow
def test_a_section_calling_letters_numbers_and_matrices_keeps_them_matrices(tmp_path):
    text = ("# Mixed\n\nLet $A$ and $B$ be real numbers. Later $A$ and $B$ are matrices.\n\n"
            "$$A B = B A$$\n")
    assert verdicts(tmp_path, text)[5] not in ("proved", "checked", "refuted")


@pytest.mark.slow
def test_a_shape_in_the_same_or_a_parent_section_still_refutes_ab_equals_ba(tmp_path):
    text = ("# Matrices\n\nLet $A$ and $B$ be $2 \\times 2$ matrices.\n\n## Products\n\n"
            "$$A B = B A$$\n\n# Same\n\nLet $C$ and $D$ be $2 \\times 2$ matrices.\n\n"
            "$$C D = D C$$\n")
    found = steps_by_line(tmp_path, text)
    for line, (first, second) in ((7, ("A", "B")), (13, ("C", "D"))):
        step = found[line][0]
        assert step.verdict == "refuted", (line, step.reason)
        values = dict(step.counterexample.values)  # 2 × 2 matrices that do not commute
        assert f"{first}_22" in values and f"{second}_22" in values


@pytest.mark.slow
def test_a_sibling_sub_sections_shape_does_not_reach(tmp_path):
    text = ("# Sibling\n\n## One\n\nLet $M$ and $N$ be $2 \\times 2$ matrices.\n\n## Two\n\n"
            "$$M N = N M$$\n")
    step = steps_by_line(tmp_path, text)[9][0]
    assert step.verdict != "refuted"  # not read as M's shape of another sub-section
    assert step.verdict not in ("proved", "checked")  # "matrices" is said in the note


@pytest.mark.slow
def test_a_sub_section_saying_numbers_ends_its_parents_shape_without_refuting(tmp_path):
    text = ("# Matrices\n\nLet $A$ and $B$ be $2 \\times 2$ matrices.\n\n## Numbers\n\n"
            "In this sub-section $A$ and $B$ are real numbers.\n\n$$A B = B A$$\n\n"
            "## Again\n\n$$A B = B A$$\n")
    found = verdicts(tmp_path, text)
    assert found[9] != "refuted"  # the later words: numbers (the parent's too: not decided)
    assert found[13] == "refuted"  # a sibling: the parent's 2 × 2 matrices again


# -- C5: a shape declared in a LATER sibling section -----------------------------------------------

C5 = (
    "# First\n\nThe matrix $A$ is orthogonal, and $B$ is symmetric.\n\n$$A B = B A$$\n\n"
    "# Second\n\nLet $A$ be an $n \\times n$ matrix.\n"
)


@pytest.mark.slow
def test_c5_a_later_sections_shape_does_not_reach_back(tmp_path):
    step = steps_by_line(tmp_path, C5)[5][0]
    assert step.verdict not in ("proved", "checked", "refuted")
    assert "read as scalars" in step.reason  # the first section's own words, not the second's


# -- L4: π and e named in words ------------------------------------------------------------------

S1 = (
    "# Policies\n\nLet $\\pi$ denote the policy, with $\\pi(a) = a^2$.\n\n"
    "# Circles\n\n$$\\sin \\pi = 0$$\n\n$$\\cos(2\\pi) = 1$$\n\n"
    "# Sums\n\n$$\\sin \\pi = 1$$\n"
)


@pytest.mark.slow
def test_l4_pi_named_in_a_sibling_section_is_the_constant_here(tmp_path):
    found = verdicts(tmp_path, S1)
    assert found[7] == "proved" and found[9] == "proved"
    assert found[13] == "refuted"  # sin π = 1 is false for the constant


W1 = (
    "# Residuals\n\nWe write the residual as $e$, so that the loss is $e^2 / 2$.\n\n$$\\ln e = 1$$\n\n"
    "# Stationary\n\n$$\\sin(\\pi) = 0$$\n\nwhere $\\pi$ is the stationary distribution of the chain.\n\n"
    "# Prime counting\n\nThe prime-counting function evaluated at ten is $\\pi$, which is four.\n\n"
    "$$\\cos \\pi = -1$$\n\n# Error term\n\nDenote by $e$ the approximation error of the network.\n\n"
    "$$e^{\\ln 2} = 2$$\n\n# Euler\n\n$$e^{\\ln 2} = 2$$\n"
)


@pytest.mark.slow
def test_l4_each_named_letter_cites_its_own_sections_words(tmp_path):
    found = reasons(tmp_path, W1)
    for line, cited in ((5, "line 3"), (9, "line 11"), (17, "line 15"), (23, "line 21")):
        assert f"({cited}:" in found[line], (line, found[line])
    assert verdicts(tmp_path, W1)[27] == "proved"  # e is Euler's number in a fresh section


# -- L5: a LaTeX note's domain in its own \section ------------------------------------------------

H2_TEX = (
    "\\section{Positive case}\nLet $x > 0$.\n\\begin{equation}\n\\frac{x}{|x|} = 1\n"
    "\\end{equation}\n\\section{General case}\nIn this section $x$ is any nonzero real number.\n"
    "\\begin{equation}\n\\frac{|x|}{x} = 1\n\\end{equation}\n"
)


@pytest.mark.slow
def test_l5_the_domain_in_the_same_latex_section_is_used(tmp_path):
    verdict, reason = latex_verdicts(tmp_path, H2_TEX)[4]
    assert verdict == "proved", reason
    assert "line 2" in reason and "line 6" not in reason
    without = H2_TEX.replace("Let $x > 0$.\n", "Here we go.\n")
    assert latex_verdicts(tmp_path, without)[4][0] != "proved"  # x/|x| = 1 fails for x < 0


# -- one-hot words: where the section tree says ---------------------------------------------------

SOFTMAX = (
    "# Labels\n\n{said}\n\n# Softmax\n\n"
    "Let $\\hat{y}_j = \\frac{\\exp(o_j)}{\\sum_{k=1}^{q} \\exp(o_k)}$.\n\n"
    "$$ l(\\mathbf{y}, \\hat{\\mathbf{y}}) = - \\sum_{j=1}^{q} y_j \\log \\hat{y}_j $$\n\n"
    "$$ \\frac{\\partial l}{\\partial o_j} = \\hat{y}_j - y_j $$\n"
)


@pytest.mark.slow
def test_a_sibling_sections_one_hot_label_does_not_check_a_claim_true_only_for_it(tmp_path):
    text = SOFTMAX.replace("{said}", "The label $\\mathbf{y}$ is a one-hot vector.")
    step = steps_by_line(tmp_path, text)[11][0]
    assert step.verdict == "undecided", step.reason  # holds only when y sums to 1
    assert "sum to 1" in step.reason
    parent = text.replace("# Softmax", "## Softmax")  # a sub-section of the label's section
    step = steps_by_line(tmp_path, parent)[11][0]
    assert step.verdict == "checked", step.reason
    assert "line 3" in step.reason


# -- a letter another section calls a function ---------------------------------------------------

FUNCTION_THEN_NUMBER = (
    "# Functions\n\nLet $u$ be any differentiable function.\n\n"
    "# Numbers\n\nHere $u$ is a real number.\n\n$$u(2a) = 2 u(a)$$\n"
)


@pytest.mark.slow
def test_a_letter_said_to_be_a_number_in_its_section_is_no_other_sections_function(tmp_path):
    assert verdicts(tmp_path, FUNCTION_THEN_NUMBER)[9] == "proved"  # u·2a = 2·u·a


@pytest.mark.slow
def test_without_the_sections_words_the_function_reading_stays(tmp_path):
    text = FUNCTION_THEN_NUMBER.replace("Here $u$ is a real number.", "We go on.")
    assert verdicts(tmp_path, text)[9] != "proved"  # u(2a) = 2u(a) is false for u = sin
    both = FUNCTION_THEN_NUMBER.replace(
        "Here $u$ is a real number.", "Here $u$ is a real number. Let $u$ be a smooth function.")
    assert verdicts(tmp_path, both)[9] != "proved"  # its own section calls it both


def test_scalar_statements_read_numbers_not_real_matrices():
    from symderive.notes.scoped import scalar_statements
    from symderive.notes.stated import sentences_of

    def said(text: str) -> set:
        return {name for _, name in scalar_statements(tuple(sentences_of(text)))}

    assert said("In this section $A$ and $B$ are real numbers.") == {"A", "B"}
    assert said("For scalars $a$ and $b$ we have") == {"a", "b"}
    assert said("Let $a, b \\in \\mathbb{R}$.") == {"a", "b"}
    assert said("Let $\\mathbf{A}$ be a scalar.") == {"A"}
    assert said("Let $A$ be a real matrix.") == set()
    assert said("Let $x \\in \\mathbb{R}^n$.") == set()
    assert said("$A$ is not a scalar.") == set()
    assert said("$n$ is the number of rows.") == set()
