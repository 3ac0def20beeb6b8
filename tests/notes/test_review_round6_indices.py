"""Round 6, N4 (/work/findings/round6.md): an entry at a computed index — x_{i+1}, x_{n+1},
x_{i-1}, x_{n-i+1} — is the entry of the vector x at that index, not a new scalar.  Index
shifts, telescoping sums and splitting off the last term are identities; a summand written with
x_{i+1} depends on the summation index."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.indices import computed_index


def verdicts(tmp_path: Path, text: str) -> list[str]:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step.verdict for equation in report.files[0].equations for step in equation.steps]


@pytest.mark.parametrize(
    "identity",
    [
        r"\sum_{i=1}^{n+1} x_i = \sum_{i=1}^{n} x_i + x_{n+1}",  # split off the last term
        r"\sum_{i=0}^{n-1} x_{i+1} = \sum_{i=1}^{n} x_i",  # shift the index
        r"\sum_{i=2}^{n} x_{i-1} = \sum_{i=1}^{n-1} x_i",
        r"\sum_{i=1}^{n} (x_{i+1} - x_i) = x_{n+1} - x_1",  # telescoping
        r"\sum_{i=1}^{n} x_{n-i+1} = \sum_{i=1}^{n} x_i",  # reversing the order
        r"\sum_{i=1}^{3} y_{i+1} = y_2 + y_3 + y_4",
    ],
)
def test_index_shifts_and_telescoping_sums_hold(tmp_path, identity):
    assert verdicts(tmp_path, f"$$ {identity} $$\n") in (["proved"], ["checked"])


@pytest.mark.parametrize(
    "slip",
    [
        r"\sum_{i=1}^{3} x_{i+1} = 3 x_{i+1}",  # the summand is not constant in i
        r"\sum_{i=1}^{n} x_{i+1} = n x_{i+1}",
        r"\sum_{i=1}^{n} (x_{i+1} - x_i) = x_{n} - x_1",  # telescoped one term short
        r"\sum_{i=1}^{3} x_{i+1} = x_1 + x_2 + x_3",
    ],
)
def test_a_wrong_shift_is_never_proved_or_checked(tmp_path, slip):
    [verdict] = verdicts(tmp_path, f"$$ {slip} $$\n")
    assert verdict not in ("proved", "checked")


def test_a_computed_subscript_is_read_as_its_integer_expression():
    i, n = (computed_index("i+1") - 1), (computed_index("n-1") + 1)
    assert i.name == "i" and i.is_integer and n.name == "n"
    assert computed_index("n-i+1") == n - i + 1
    assert computed_index("2i") == 2 * i
    for not_an_index in ("i", "12", "ij", "max", "i+", "x_1", "+"):
        assert computed_index(not_an_index) is None
