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


def verdicts_by_line(tmp_path: Path, text: str) -> dict[int, list[str]]:
    """line -> the verdicts of its steps, in order."""
    return {line: [step.verdict for step in steps]
            for line, steps in steps_by_line(tmp_path, text).items()}


def reasons_by_line(tmp_path: Path, text: str) -> dict[int, list[str]]:
    """line -> the reasons of its steps, in order."""
    return {line: [step.reason for step in steps]
            for line, steps in steps_by_line(tmp_path, text).items()}


def first_verdicts(tmp_path: Path, text: str) -> dict[int, str]:
    """line -> the verdict of the first step written on it."""
    return {line: found[0].verdict for line, found in steps_by_line(tmp_path, text).items()}


def last_claim(tmp_path: Path, text: str) -> str:
    """The verdict of the first step on the last line that has steps (the claim a test note
    ends with)."""
    found = first_verdicts(tmp_path, text)
    return found[max(found)]


def first_reasons(tmp_path: Path, text: str) -> dict[int, str]:
    """line -> the reason of the first step written on it."""
    return {line: found[0].reason for line, found in steps_by_line(tmp_path, text).items()}


def file_verdicts(tmp_path: Path, text: str, suffix: str) -> list[str]:
    """The verdicts of every step of a note written as ``note{suffix}`` (.md or .tex)."""
    note = tmp_path / f"note{suffix}"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step.verdict for equation in report.files[0].equations for step in equation.steps]


def before_and_after_change(tmp_path: Path, definition: str, change: str,
                            claim: str) -> tuple[str, str]:
    """The verdicts of ``claim`` right after ``definition`` and again after the words
    ``change`` (a new paragraph) that give its name another meaning."""
    text = f"# A\n\n{definition} Then {claim}.\n\n{change} Then {claim}.\n"
    verdicts = first_verdicts(tmp_path, text)
    return verdicts[3], verdicts[5]


def verdicts_by_claim(tmp_path: Path, text: str) -> dict[str, str]:
    """'lhs = rhs' (as written) -> the verdict of that step of the note."""
    found = steps_by_line(tmp_path, text)
    return {f"{step.lhs_latex} = {step.rhs_latex}": step.verdict
            for line in sorted(found) for step in found[line]}


def verdicts_after_assumption(tmp_path: Path, sentence: str, title: str = "Absolute value"
                              ) -> dict[int, list[str]]:
    """:func:`verdicts_by_line` of a note assuming x > 0 and proving |x| = x on line 3, then
    ``sentence`` on line 5 (the withdrawal tests: does it still use x > 0?)."""
    text = f"# {title}\n\nAssume $x > 0$. Then $|x| = x$.\n\n{sentence}\n"
    return verdicts_by_line(tmp_path, text)


def equations_by_line(tmp_path: Path, text: str) -> dict[int, list]:
    """line -> the equations written on it (checked or skipped whole), in order."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    found: dict[int, list] = {}
    for equation in report.files[0].equations:
        found.setdefault(equation.line, []).append(equation)
    return found


def sentence_verdict(tmp_path: Path, sentence: str) -> str:
    """The verdict of the one step of a note that is a heading and ``sentence`` (on line 3)."""
    [found] = verdicts_by_line(tmp_path, f"# Note\n\n{sentence}\n")[3]
    return found
