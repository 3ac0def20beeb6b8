"""Round 44: what this session's review and self-review found. A step's *read as* line names a
definition or an example value only where the step used it (*Take $a = 1$*, then *for any $a$,
$a^2 = a$* is about every a, and its refutation says nothing of the example)."""

from __future__ import annotations

from tests.notes.note_steps import steps_by_line


def test_an_example_value_not_used_is_not_shown_as_the_reading(tmp_path):
    note = ("Take $a = 1$ for example.\n\nIn general, for any $a$,\n\n$$a^2 = a$$\n")
    [step] = steps_by_line(tmp_path, note)[5]
    assert step.verdict == "refuted"
    assert not any("example value" in reading for reading in step.readings)


def test_a_definition_used_is_shown_as_the_reading(tmp_path):
    note = "$h_\\theta(x) := 2x$\n\n$$h_\\theta(3) = 6$$\n"
    [step] = steps_by_line(tmp_path, note)[3]
    assert step.verdict == "proved"
    assert step.readings == ("h_\\theta: function, defined at line 1",)
