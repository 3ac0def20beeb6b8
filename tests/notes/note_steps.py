"""One note checked in full, its steps by the line of their equation: the helper the review
regression files share."""

from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files


def steps_by_line(tmp_path: Path, text: str, budget_seconds: float = 3.0) -> dict[int, list]:
    """line -> the steps of the equations written on it (checked or skipped), in order."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=budget_seconds, jobs=1))
    found: dict[int, list] = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            if step.skip is None or step.verdict == "skipped":
                found.setdefault(equation.line, []).append(step)
    return found
