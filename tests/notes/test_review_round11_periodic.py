"""Round 10b H4: a letter said to be periodic is a function, whatever the letter.

*Let $u$ be a periodic signal with period $T$.* — u is in the default scalar letters (u·(t + T)
would be a product), but a number is never periodic: u(t + 2T) is u's value at t + 2T, and
a refutation on an instance that is not periodic is withheld.
"""

import pytest

from tests.notes.note_steps import steps_by_line


@pytest.mark.parametrize("words", [
    "Let $u$ be a periodic signal with period $T$.",
    "Let $s$ be a $T$-periodic waveform.",
    "Assume $v$ is periodic with period $T$.",
    "$w$ is periodic, with period $T$.",
])
def test_a_periodic_letter_is_applied_not_multiplied(tmp_path, words):
    name = words.split("$")[1]
    text = f"{words}\n\n$$ {name}(t + 2T) = {name}(t) + 1 $$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "undecided", step.reason  # refuted only on an instance not periodic
    assert any("function" in reading for reading in step.readings) or "periodic" in step.reason


def test_a_letter_in_a_periodic_sentence_that_is_not_its_subject_stays_a_number(tmp_path):
    text = ("Let $u$ be periodic in $x$ with period $1$.\n\n"
            "$$ x(1 - x) = x - x^2 $$\n")
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "proved", step.reason
