"""Givens that no value satisfies are reported with their line and not used; every step of the
file is still checked as if they were not there (review round 4, H1 and L7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files


def checked(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0))
    [file] = report.files
    steps = [(eq.line, step) for eq in file.equations for step in eq.steps]
    return file.notices, steps


BINOMIAL = "\n$$ (a+1)^2 = a^2 + 2a + 1 $$\n"


@pytest.mark.parametrize(
    "directive",
    [
        "assume t real; given t^2 = -1",  # the review's g3.md: no real t squares to -1
        "given t^2 = -1",  # symbols are real unless declared otherwise
        "assume t positive; given t + 1 = 0",  # t = -1 is not positive
        "assume t nonnegative; given t^2 + 2 t + 1 = 0",  # only t = -1
    ],
)
def test_a_given_false_in_its_domain_is_reported_and_the_steps_are_unaffected(
    tmp_path, directive
):
    notices, steps = checked(tmp_path, f"<!-- symderive: {directive} -->\n{BINOMIAL}")
    [notice] = [n for n in notices if "given" in n]
    assert notice.startswith("line 1: given ") and "not used" in notice
    [(line, step)] = steps
    assert (line, step.verdict) == (3, "proved")
    assert "error" not in step.reason.lower()


def test_a_false_given_in_one_section_leaves_the_others_alone(tmp_path):
    # the review's g1.md shape: every step of the file printed 'checker error: AttributeError'
    text = (
        "# B\n\n<!-- symderive: assume t real; given t^2 = -1 -->\n\n$$ t^3 + t = t(t^2 + 1) $$\n\n"
        "# F\n\n<!-- symderive: given w = 2; assume w positive -->\n\n$$ w^2 = 4 $$\n\n"
        "$$ \\frac{d}{dw} w^3 = 12 $$\n"
    )
    notices, steps = checked(tmp_path, text)
    assert any(n.startswith("line 3: given t^2 = -1") for n in notices)
    verdicts = {line: step.verdict for line, step in steps}
    # t(t² + 1) = t³ + t for every t; w = 2 is used: w² = 4 and 3w² = 12 at w = 2
    assert verdicts == {5: "proved", 11: "proved", 13: "proved"}
    assert all("error" not in step.reason.lower() for _, step in steps)


def test_a_true_given_in_its_domain_is_kept(tmp_path):
    # t² = 4 has the real solution t = 2 (positive): the given holds somewhere, it is used
    text = "<!-- symderive: assume t positive; given t^2 = 4 -->\n\n$$ t^4 = 16 $$\n"
    notices, steps = checked(tmp_path, text)
    assert not [n for n in notices if "given" in n]
    assert [step.verdict for _, step in steps] == ["proved"]


def test_givens_that_contradict_each_other_are_reported_and_not_used(tmp_path):
    # u = v + 1 and v = u + 1 give 0 = 2 (review L7); the given about w is independent of them
    text = (
        "<!-- symderive: given u = v + 1; given v = u + 1 -->\n"
        "<!-- symderive: given w = 2 -->\n\n"
        "$$ (u - v)^2 = u^2 - 2uv + v^2 $$\n\n$$ w^3 = 8 $$\n"
    )
    notices, steps = checked(tmp_path, text)
    [notice] = [n for n in notices if "contradict each other" in n]
    assert notice.startswith("line 1:") and "u, v" in notice and "w" not in notice.split(":")[1]
    assert [step.verdict for _, step in steps] == ["proved", "proved"]


def test_consistent_givens_together_are_kept(tmp_path):
    # u = v + 1 and u + v = 5: u = 3, v = 2 — consistent, kept (2u = u + v + 1 uses u = v + 1)
    text = "<!-- symderive: given u = v + 1; given u + v = 5 -->\n\n$$ 2u = u + v + 1 $$\n"
    notices, steps = checked(tmp_path, text)
    assert not [n for n in notices if "contradict" in n]
    assert [step.verdict for _, step in steps] == ["proved"]
