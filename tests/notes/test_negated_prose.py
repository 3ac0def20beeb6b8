"""A sentence that negates a reading never enables it (the shared vocabulary,
symderive/grammar/negation.py): each place that reads prose, on a tiny note, its verdict.

Each note below was read wrongly before the vocabulary was shared (a false claim proved or
checked): the negation was written with a word one place did not know (*cannot*, *aren’t*
with the typographic apostrophe, *nonsymmetric*).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    return [step for equation in report.files[0].equations for step in equation.steps]


GRADIENT = (r"$$\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x}"
            r" = 2\mathbf{A}\mathbf{x}$$" "\n")  # fmt: skip


def test_the_symmetric_gradient_holds_for_a_matrix_said_to_be_symmetric(tmp_path):
    [step] = steps(tmp_path, "Let $\\mathbf{A}$ be a symmetric matrix.\n\n" + GRADIENT)
    assert step.verdict == "checked"


@pytest.mark.parametrize(
    "prose",
    ["Take a nonsymmetric matrix $\\mathbf{A}$.", "Take an asymmetric matrix $\\mathbf{A}$.",
     "Take a not necessarily symmetric matrix $\\mathbf{A}$.",
     "$\\mathbf{A}$는 대칭 행렬이 아닙니다."],
)
def test_a_matrix_said_not_to_be_symmetric_refutes_the_symmetric_gradient(tmp_path, prose):
    # ∇ₓ xᵀAx = (A + Aᵀ)x, which is 2Ax only for a symmetric A
    [step] = steps(tmp_path, prose + "\n\n" + GRADIENT)
    assert step.verdict == "refuted"


def test_cannot_take_a_constant_does_not_make_the_letter_a_constant(tmp_path):
    found = steps(tmp_path, "We cannot take a constant $C$ here: $\\frac{d}{dx} C = 0$.\n")
    assert [s.verdict for s in found] == ["skipped"]  # the derivative of C is unknown


def test_a_condition_negated_with_a_typographic_apostrophe_is_not_a_given(tmp_path):
    # H(X, Y) = H(X) + H(Y) holds for independent X, Y; the note says they are not
    text = ("This note is about entropy.\n\n"
            "If $X$ and $Y$ aren’t independent, $H(X, Y) = H(X) + H(Y)$.\n")  # fmt: skip
    [step] = steps(tmp_path, text)
    assert step.verdict not in ("proved", "checked")


EINSTEIN = (
    "# Matrix calculus\n\nSuppose that we have a column vector $\\mathbf{x}$, and a square matrix "
    "$A$ and we want to compute $\\frac{d}{d\\mathbf{x}}(\\mathbf{x}^\\top \\mathbf{A} "
    "\\mathbf{x})$. {sentence}\n\n$$\n\\mathbf{x}^\\top A \\mathbf{x} = x_ia_{ij}x_j\n$$\n"
)


@pytest.mark.parametrize(
    ("sentence", "summed"),
    [
        ("Let's consider this problem using Einstein notation.", True),
        ("We don’t consider this problem using Einstein notation.", False),
        ("We cannot consider this problem using Einstein notation.", False),
        ("아인슈타인 표기법 대신 합을 씁니다.", False),
    ],
)
def test_einstein_notation_is_used_only_where_a_sentence_affirms_it(tmp_path, sentence, summed):
    step = [s for s in steps(tmp_path, EINSTEIN.replace("{sentence}", sentence))
            if s.index == 1][-1]  # fmt: skip
    assert (step.verdict == "checked") is summed, step.outcome.reason
