"""A name given a second formula in its section (symderive.notes.restated): the k-term case of
a sum and a restatement are claims about the first formula; a new example stays a definition.

Each note is tiny; where a refutation is asserted its counterexample is substituted back into
the written mathematics with mpmath here.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.restated import written_terms

CROSS_ENTROPY = "Cross-entropy:\n\n$$H(x) = -\\sum_{i=1}^{n} q(x_i) \\log p(x_i)$$\n\n"


def equations(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    return report.files[0].equations


def last(tmp_path: Path, text: str):
    return equations(tmp_path, text)[-1]


def value(text: str) -> mpmath.mpf:
    fraction = Fraction(text)
    return mpmath.mpf(fraction.numerator) / fraction.denominator


def test_the_two_class_case_of_cross_entropy_is_proved_with_the_entries_the_note_states(tmp_path):
    text = CROSS_ENTROPY + (
        "For two classes, $q(x_1) = t$, $q(x_2) = 1 - t$, $p(x_1) = y$, $p(x_2) = 1 - y$:\n\n"
        "$$H(x) = -t\\log y - (1-t)\\log(1-y)$$\n")
    [step] = last(tmp_path, text).steps
    assert step.verdict == "proved"
    assert any("2-term case" in reading for reading in step.readings)


def test_entries_chosen_to_fit_the_terms_prove_nothing(tmp_path):
    # every −a log b − c log d is "a 2-term case" when the reader picks the entries: without
    # the note stating them, only the signs are confirmed (round 4, C21)
    text = CROSS_ENTROPY + "For two classes:\n\n$$H(x) = -t\\log y - (1-t)\\log(1-y)$$\n"
    [step] = last(tmp_path, text).steps
    assert step.verdict == "undecided" and "chosen to fit" in step.reason


@pytest.mark.parametrize(
    ("prose", "claim", "why"),
    [
        ("Take two outcomes with $q(x_1) = t$, $q(x_2) = 1 - t$, $p(x_1) = y$ and "
         "$p(x_2) = 1 - y$. Then", "H(x) = -t\\log y - (1-t)\\log y", "p(x_2) = 1 - y"),
        ("With $n = 3$,", "H(x) = -q(x_1)\\log p(x_1) - q(x_2)\\log p(x_2)", "n = 3"),
        ("Therefore", "H(x) = -t\\log y - t\\log y", "chosen to fit"),
    ],
)
def test_a_case_contradicting_the_stated_entries_or_size_is_never_proved(tmp_path, prose, claim, why):
    text = CROSS_ENTROPY + f"{prose} ${claim}$.\n"
    [step] = last(tmp_path, text).steps
    assert step.verdict == "undecided" and why in step.reason


def test_the_two_class_case_without_its_minus_sign_is_refuted(tmp_path):
    text = CROSS_ENTROPY + "Binary case:\n\n$$H(x) = t\\log y + (1-t)\\log(1-y)$$\n"
    [step] = last(tmp_path, text).steps
    assert step.verdict == "refuted"
    values = {name: value(v) for name, v in step.counterexample.values}
    t, y = values["t"], values["y"]
    two_class_sum = -(t * mpmath.log(y) + (1 - t) * mpmath.log(1 - y))  # q = (t, 1-t), p = (y, 1-y)
    written = t * mpmath.log(y) + (1 - t) * mpmath.log(1 - y)
    assert abs(two_class_sum - written) > 1e-6


def test_three_terms_are_the_case_n_equals_3(tmp_path):
    text = CROSS_ENTROPY + (
        "Three classes, $q_1 = a$, $q_2 = b$, $q_3 = c$, $p_1 = u$, $p_2 = v$, $p_3 = w$:\n\n"
        "$$H(x) = -a\\log u - b\\log v - c\\log w$$\n")
    [step] = last(tmp_path, text).steps
    assert step.verdict == "proved"


@pytest.mark.parametrize(
    "second",
    [
        "$$H(x) = t^2 + y$$",  # the terms are not the summand's shape
        "$$H(x) = -(\\frac{1}{2}\\log\\frac{1}{2} + \\frac{1}{2}\\log\\frac{1}{2})$$",  # numbers
        "$$H(x) = t\\log y$$",  # one term: not a case of the sum
    ],
)
def test_a_second_formula_that_is_not_a_case_of_the_sum_stays_a_definition(tmp_path, second):
    equation = last(tmp_path, CROSS_ENTROPY + "Next:\n\n" + second + "\n")
    assert equation.skip is not None and equation.skip.value == "definition"
    assert not equation.steps


def test_a_formula_written_again_right_after_is_a_restatement(tmp_path):
    entropy = "$$H(x) = -\\sum_{i=1}^{n} p(x_i)\\log p(x_i)$$\n\n"
    right = last(tmp_path, entropy + "$$H(x) = \\sum_{i=1}^{n} p(x_i)(-\\log p(x_i))$$\n")
    assert [step.verdict for step in right.steps] == ["proved"]
    # the minus sign lost — or a second, different formula listed after the first: in doubt
    wrong = last(tmp_path, entropy + "$$H(x) = \\sum_{i=1}^{n} p(x_i)\\log p(x_i)$$\n")
    [step] = wrong.steps
    assert step.verdict == "undecided" and "an alternative to line 1" in step.reason


def test_alternative_formulas_listed_one_after_the_other_are_never_refuted(tmp_path):
    text = "Losses:\n\n$$L = (y - \\hat y)^2$$\n\n$$L = |y - \\hat y|$$\n"
    assert all(step.verdict != "refuted" for eq in equations(tmp_path, text) for step in eq.steps)


def test_a_new_example_after_words_is_never_refuted_against_the_previous_one(tmp_path):
    # "another function" may start a new example: compared, but never refuted
    text = "$$f(x) = x^2 + a$$\n\nNow another function:\n\n$$f(x) = x^3 + a$$\n"
    [step] = last(tmp_path, text).steps
    assert step.verdict == "undecided" and "new definition of f" in step.reason
    # "let" redefines f: a new definition, not compared
    text = "$$f(x) = x^2 + a$$\n\nLet now\n\n$$f(x) = x^3 + a$$\n"
    equation = last(tmp_path, text)
    assert equation.skip is not None and equation.skip.value == "definition"


def test_values_without_names_are_never_compared(tmp_path):
    text = "A coin:\n\n$$H(x) = \\log 2$$\n\n$$H(x) = \\log 6$$\n"
    assert all(not equation.steps for equation in equations(tmp_path, text))


def test_written_terms_keep_each_terms_written_sign():
    assert written_terms(r"- y\log u - (1-y)\log(1-u)") == [
        (-1, r"y\log u"), (-1, r"(1-y)\log(1-u)"),
    ]  # fmt: skip
    assert written_terms(r"e^{-x} + x") == [(1, "e^{-x}"), (1, "x")]
    assert written_terms(r"a - - b") == []
