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


# -- an upright word in a subscript is a label -------------------------------------------------

def test_an_upright_subscript_word_is_one_label_whatever_its_font(tmp_path):
    same = "$$2L_{\\text{MSE}} = L_{\\mathrm{MSE}} + L_{\\textrm{MSE}}$$\n"
    assert verdicts_by_line(tmp_path, same)[1] == ["proved"]
    assert verdicts_by_line(tmp_path, "$$L_{\\text{MSE}} + 1 = L_{\\mathrm{MSE}}$$\n")[1] == [
        "refuted"]


def test_a_loss_named_by_an_upright_subscript_is_defined_then_used(tmp_path):
    note = ("$$\\mathcal{L}_{\\text{MSE}}(\\hat{y}, y) = \\frac{1}{2}(y - \\hat{y})^2$$\n\n"
            "$$J_{\\text{MSE}} = \\frac{1}{m} \\sum_{i=1}^{m} (y_i - a)^2$$\n\n"
            "$$\\frac{\\partial \\mathcal{L}_{\\text{MSE}}}{\\partial \\hat{y}} = \\hat{y} - y$$\n\n"
            "$$\\frac{\\partial \\mathcal{L}_{\\text{MSE}}}{\\partial \\hat{y}} = y - \\hat{y}$$\n")
    steps = steps_by_line(tmp_path, note)
    assert 1 not in steps and 3 not in steps  # definitions, never claims to refute
    assert [step.verdict for step in steps[5]] == ["proved"]
    assert [step.verdict for step in steps[7]] == ["refuted"]


def test_a_one_letter_upright_subscript_is_not_read(tmp_path):
    [step] = steps_by_line(tmp_path, "$$\\sum_{i=1}^{2} x_{\\text{i}} = 2x_{\\text{i}}$$\n")[1]
    assert step.verdict == "skipped"
