r"""Round-2 findings R20 (low): a reason must be true of the note, and a false vector claim the
vector reading can decide is refuted (its counterexample substituted back here with exact
rationals, an evaluation independent of the checker's)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import sympy as sp

from symderive.notes.check_notes import NotesOptions, check_files


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps]


def vector_at(values: dict) -> sp.Matrix:
    size = int(values["size"])
    return sp.Matrix([Fraction(values[f"\\mathbf{{x}}_{k}"]) for k in range(1, size + 1)])


def test_the_gradient_of_the_norm_over_its_square_is_refuted(tmp_path):
    # ∇‖x‖ = x/‖x‖, never x/‖x‖² (they differ wherever ‖x‖ ≠ 1)
    [step] = steps(tmp_path, "$$ \\nabla_{\\mathbf{x}} \\|\\mathbf{x}\\| = "
                             "\\frac{\\mathbf{x}}{\\|\\mathbf{x}\\|^2} $$\n")
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    x = vector_at(values)
    norm = sp.sqrt(sum(entry**2 for entry in x))
    true_gradient = x / norm
    assert sp.simplify(true_gradient - x / norm**2) != sp.zeros(*x.shape)


def test_the_gradient_of_the_norm_is_checked(tmp_path):
    [step] = steps(tmp_path, "$$ \\nabla_{\\mathbf{x}} \\|\\mathbf{x}\\| = "
                             "\\frac{\\mathbf{x}}{\\|\\mathbf{x}\\|} $$\n")
    assert step.verdict == "checked"


def test_a_sum_of_entries_equal_to_n_times_the_first_names_only_equal_entries(tmp_path):
    # no random quantity in the step: "identically distributed" would not make it hold
    [step] = steps(tmp_path, "$$ a_1 + a_2 + \\dots + a_n = n a_1 $$\n")
    assert step.verdict == "undecided"
    assert "all equal" in step.outcome.reason
    assert "distributed" not in step.outcome.reason and "in words" not in step.outcome.reason


def test_variances_of_entries_still_name_identically_distributed(tmp_path):
    text = ("$$ \\operatorname{Var}(x_1) + \\dots + \\operatorname{Var}(x_n) = "
            "n \\operatorname{Var}(x) $$\n")  # fmt: skip
    [step] = steps(tmp_path, text)
    assert step.verdict == "undecided"
    assert "identically distributed" in step.outcome.reason
