"""Round 11a F13: every LaTeX sectioning spelling ends the statements of the section before.

``Let $x > 0$.`` in one section must not prove ``\\sqrt{x^2} = x`` in the next, whether the
next heading is written ``\\section[short]{…}``, ``\\section {…}``, ``\\section`` with its title
on the next line, ``\\chapter{…}`` or ``\\part{…}``. A ``\\subsection`` stays inside.
"""

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from tests.notes.note_steps import steps_by_line


def verdicts(tmp_path, text: str) -> list[str]:
    note = tmp_path / "note.tex"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step.verdict for equation in report.files[0].equations for step in equation.steps]


@pytest.mark.parametrize("heading", [
    r"\section[General]{The general case}", r"\section {The general case}",
    "\\section\n{The general case}", r"\chapter{Negative numbers}", r"\part{Two}",
    r"\section*{The general case}",
])
def test_a_new_section_ends_the_bound_of_the_last(tmp_path, heading):
    text = ("\\section{Positive case}\nLet $x > 0$.\n\\[ \\sqrt{x^2} = x \\]\n"
            f"{heading}\n\\[ \\sqrt{{x^2}} = x \\]\n")
    assert verdicts(tmp_path, text) == ["proved", "refuted"]


def test_a_subsection_keeps_the_bound_of_its_section(tmp_path):
    text = ("\\section{Positive case}\nLet $x > 0$.\n\\[ \\sqrt{x^2} = x \\]\n"
            "\\subsection[More]{More of it}\n\\[ \\sqrt{x^2} = x \\]\n")
    assert verdicts(tmp_path, text) == ["proved", "proved"]


def test_markdown_notes_still_read_their_headings(tmp_path):
    text = "# A\n\nLet $x > 0$.\n\n$$ \\sqrt{x^2} = x $$\n\n# B\n\n$$ \\sqrt{x^2} = x $$\n"
    found = steps_by_line(tmp_path, text)
    assert [step.verdict for line in sorted(found) for step in found[line]] == ["proved", "refuted"]
