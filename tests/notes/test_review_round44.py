"""Round 44: what this session's review and self-review found. A step's *read as* line names a
definition or an example value only where the step used it (*Take $a = 1$*, then *for any $a$,
$a^2 = a$* is about every a, and its refutation says nothing of the example)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import steps_by_line, verdicts_by_line


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


# -- \mathcal{L}: the loss of ML notes, a name of its own ----------------------------------------

def test_a_calligraphic_loss_is_a_function_name(tmp_path):
    note = ("$$\\mathcal{L}(w) = (w - 1)^2$$\n\n"
            "$$\\frac{d\\mathcal{L}}{dw} = 2(w-1)$$\n\n"
            "$$\\frac{d\\mathcal{L}}{dw} = 2(w+1)$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["refuted"]


def test_the_chain_rule_through_an_unknown_calligraphic_loss(tmp_path):
    chain = "\\frac{\\partial \\mathcal{L}}{\\partial w} = \\frac{\\partial \\mathcal{L}}{\\partial y}"
    note = (f"Let $y = wx$.\n\n$${chain} x$$\n\n$${chain} w$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["refuted"]


def test_the_calligraphic_letter_is_not_the_plain_letter(tmp_path):
    assert verdicts_by_line(tmp_path, "$$\\mathcal{L}(w) + L(w) = 2L(w)$$\n")[1] != ["proved"]


@pytest.mark.parametrize("written", ["\\mathcal{N}(0, 1) = 3",  # a distribution
                                     "2\\mathcal{D} = \\mathcal{D} + \\mathcal{D}",  # a set
                                     "\\mathcal{O}(n) + n = \\mathcal{O}(n)"])  # a class
def test_other_calligraphic_letters_are_not_values(tmp_path, written):
    [step] = steps_by_line(tmp_path, f"$${written}$$\n")[1]
    assert step.verdict == "skipped"
