"""Round 11a F25: the entries x_i beside a bold vector \\mathbf{x} are its entries.

``\\mathbf{x}^\\top \\mathbf{y} = \\sum_i x_i y_i``, ``\\|\\mathbf{x}\\|^2 = \\sum_i x_i^2``,
``\\operatorname{tr}(\\mathbf{A}) = \\sum_i a_{ii}`` and d2l's linear model are definitions, true
for every vector. Read literally, x_i is another name, and the checker gave \\mathbf{x}_1 and
x[1] values of their own: such a point is no counterexample (undecided). A claim false for
every reading of the entries is still refuted.
"""

import pytest

from tests.notes.note_steps import steps_by_line

DECLARED = "Let $\\mathbf{x}, \\mathbf{y} \\in \\mathbb{R}^n$ and $\\mathbf{A} \\in \\mathbb{R}^{n \\times n}$."


@pytest.mark.parametrize("definition", [
    r"\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{n} x_i y_i",
    r"\|\mathbf{x}\|^2 = \sum_{i=1}^{n} x_i^2",
    r"\operatorname{tr}(\mathbf{A}) = \sum_{i=1}^{n} a_{ii}",
    r"\mathbf{w}^\top \mathbf{x} + b = \sum_{j=1}^{n} w_j x_j + b",
])
def test_a_definition_by_entries_is_not_refuted(tmp_path, definition):
    [step] = steps_by_line(tmp_path, f"{DECLARED}\n\n$$ {definition} $$\n")[3]
    assert step.verdict != "refuted", step.reason


def test_a_wrong_claim_by_entries_is_never_held(tmp_path):
    text = f"{DECLARED}\n\n$$ \\|\\mathbf{{x}}\\|^2 = \\sum_{{i=1}}^{{n}} 2 x_i^2 + 1 $$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict not in ("proved", "checked"), step.reason  # (linked: refuted; not yet)


def test_a_wrong_claim_without_entries_is_still_refuted(tmp_path):
    text = f"{DECLARED}\n\n$$ \\|\\mathbf{{x}}\\|^2 = \\mathbf{{x}}^\\top \\mathbf{{x}} + 1 $$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "refuted", step.reason
