"""Findings of the fifth adversarial review (/work/findings/round5.md), each as the note the
reviewer wrote: the verdict it must (not) get."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files


def steps_of(tmp_path: Path, text: str) -> list:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    return [step for equation in report.files[0].equations for step in equation.steps]


@pytest.mark.parametrize(
    "display",
    [
        r"\frac{d}{dx} x^2 = 2 \quad \text{at } x = 1",  # C1: (x²)' = 2 at x = 1 is true
        r"\frac{d}{dx} \sin x = 1 \quad \text{at } x = 0",
        r"\frac{d}{dx} e^{x} = e \quad \text{at } x = 1",
        r"\frac{d}{dx} x^2 = 2, \quad x = 1",
    ],
)
def test_a_point_written_after_the_claim_is_never_ignored_by_a_refutation(tmp_path, display):
    [step] = steps_of(tmp_path, f"$$ {display} $$\n")
    assert step.verdict != "refuted"


def test_a_wrong_claim_at_a_written_point_is_not_proved(tmp_path):
    [step] = steps_of(tmp_path, "$$ \\frac{d}{dx} x^2 = 3 \\quad \\text{at } x = 1 $$\n")
    assert step.verdict not in ("proved", "checked")


def test_a_squared_greek_name_defined_in_prose_is_not_refuted_as_free(tmp_path):
    # C9 (round 4 C29 one step away): rho is sampled freely although rho^2 = a^2 + b^2
    [step] = steps_of(tmp_path, "Let $\\rho^2 = a^2 + b^2$.\n\n$$ \\rho^2 - a^2 = b^2 $$\n")
    assert step.verdict != "refuted"


def test_a_two_term_case_against_the_stated_entries_is_not_proved(tmp_path):
    # C15 (round 4 C21 one step away): p(x_2) = 1 - y is stated, the last term uses 1 - t
    text = ("The cross-entropy is $H(x) = -\\sum_{i=1}^{n} q(x_i)\\log p(x_i)$.\n\n"
            "Take two outcomes with $q(x_1) = t$, $q(x_2) = 1 - t$, $p(x_1) = y$ and "
            "$p(x_2) = 1 - y$. Then $H(x) = -t\\log y - (1-t)\\log(1 - t)$.\n")
    assert all(step.verdict != "proved" for step in steps_of(tmp_path, text))
