"""Round 51 review AH: rounding words — a tie rule the note rejects, "to the nearest ten
thousand / million", a tie just below a power of ten, "half down" on a negative tie."""

import pytest

from symderive.notes.precision_words import stated_precision
from tests.notes.note_steps import sentence_verdict, verdicts_by_line

WITHHELD = ("skipped", "undecided")


@pytest.mark.parametrize("sentence, verdict", [
    # AH01: 1/8 = 0.125; the rule the note rejects does not decide the tie, the one it uses does
    (r"We do not use banker's rounding here; every value is rounded half up. Then "
     r"$\frac{1}{8} = 0.13$.", "checked"),
    (r"We do not use banker's rounding here; every value is rounded half up. Then "
     r"$\frac{1}{8} = 0.12$.", "refuted"),
    (r"Rounded half up (not banker's rounding), $\frac{1}{8} = 0.13$.", "checked"),
    (r"Rounded half up (not banker's rounding), $\frac{1}{8} = 0.12$.", "refuted"),
    (r"Banker's rounding is not used; values are rounded half up, $\frac{1}{8} = 0.12$.",
     "refuted"),
    (r"Values are rounded half to even, not half up. So $\frac{1}{8} = 0.12$.", "checked"),
    (r"Values are rounded half to even, not half up. So $\frac{1}{8} = 0.13$.", "refuted"),
    (r"Rather than half up, we round half to even: $\frac{3}{8} = 0.38$.", "checked"),
    (r"Rather than half up, we round half to even: $\frac{3}{8} = 0.37$.", "refuted"),
])
def test_a_rejected_tie_rule_does_not_decide_the_tie(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


@pytest.mark.parametrize("sentence", [
    # a rule only rejected, or two rules affirmed: which neighbour is meant is not clear
    r"We do not use banker's rounding. To two decimal places, $\frac{1}{8} = 0.12$.",
    r"We do not use banker's rounding. To two decimal places, $\frac{1}{8} = 0.13$.",
    r"Some tables round half up and others half to even: $\frac{1}{8} = 0.12$.",
    r"Some tables round half up and others half to even: $\frac{1}{8} = 0.13$.",
])
def test_an_unclear_tie_rule_leaves_the_tie_undecided(tmp_path, sentence):
    assert sentence_verdict(tmp_path, sentence) in WITHHELD


@pytest.mark.parametrize("sentence, verdict", [
    # AH02: 365·24·3600 = 31 536 000, e^{10} = 22026.47, e^{13} = 442413.39
    (r"To the nearest ten million, a year has $365 \cdot 24 \cdot 3600 = 30000000$ seconds.",
     "checked"),
    (r"To the nearest ten million, a year has $365 \cdot 24 \cdot 3600 = 40000000$ seconds.",
     "refuted"),
    (r"To the nearest ten thousand, $e^{10} = 20000$.", "checked"),
    (r"To the nearest ten thousand, $e^{10} = 30000$.", "refuted"),
    (r"To the nearest hundred thousand, $e^{13} = 400000$.", "checked"),
    (r"To the nearest hundred thousand, $e^{13} = 500000$.", "refuted"),
    # AH03: the nearest million
    (r"To the nearest million, a year has $365 \cdot 24 \cdot 3600 = 32000000$ seconds.",
     "checked"),
    (r"To the nearest million, a year has $365 \cdot 24 \cdot 3600 = 31000000$ seconds.",
     "refuted"),
    (r"A year has $365 \cdot 24 \cdot 3600 = 32000000$ seconds, to the nearest million.",
     "checked"),
    (r"To the nearest ten-thousandth, $\sqrt{2} = 1.4143$.", "refuted"),
    (r"To the nearest 1000, $e^{10} = 22000$.", "checked"),
    (r"To the nearest 1000, $e^{10} = 23000$.", "refuted"),
    ("만 단위로 반올림하면 $e^{10} = 20000$이다.", "checked"),
    ("만 단위로 반올림하면 $e^{10} = 30000$이다.", "refuted"),
])
def test_the_nearest_unit_is_read_whole(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


def test_the_phrase_nearest_the_formula_governs_it(tmp_path):
    # ten-thousandth (1.4142) and ten thousand (20000) kept apart, each for its own formula
    note = (r"# Note" "\n\n" r"To the nearest ten-thousandth, $\sqrt{2} = 1.4142$, and to the "
            r"nearest ten thousand, $e^{10} = 20000$." "\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["checked", "checked"]


@pytest.mark.parametrize("sentence", [
    # a unit not read: rounded, but to what is not known — never checked as exact
    r"To the nearest quarter, $\frac{1}{3} = 0.25$.",
    r"Rounded to the nearest five, $e^{3} = 20$.",
    r"To the nearest zillion, $e^{10} = 20000$.",
])
def test_a_nearest_unit_not_read_is_withheld(tmp_path, sentence):
    assert sentence_verdict(tmp_path, sentence) in WITHHELD


@pytest.mark.parametrize("sentence, verdict", [
    # AH04: 199/200 = 0.995 lies halfway between 0.99 and 1.0 at two significant figures
    (r"Rounded half down to two significant figures, $\frac{199}{200} = 1.0$.", "refuted"),
    (r"Rounded half down to two significant figures, $\frac{199}{200} = 0.99$.", "checked"),
    (r"Rounded half up to two significant figures, $\frac{199}{200} = 1.0$.", "checked"),
    (r"Rounded half up to two significant figures, $\frac{199}{200} = 0.99$.", "refuted"),
    (r"Rounded half to even to two significant figures, $\frac{199}{200} = 1.0$.", "checked"),
    (r"Rounded half to even to two significant figures, $\frac{199}{200} = 0.99$.", "refuted"),
    # no rule named: either neighbour of the tie
    (r"To two significant figures, $\frac{199}{200} = 1.0$.", "checked"),
    (r"To two significant figures, $\frac{199}{200} = 0.99$.", "checked"),
])
def test_a_tie_just_below_a_power_of_ten_is_a_tie(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


@pytest.mark.parametrize("sentence, verdict", [
    # AH05: half down of −0.125 is −0.13 (towards −∞) or −0.12 (towards zero)
    (r"Rounded half down, $-\frac{1}{8} = -0.13$.", "withheld"),
    (r"Rounded half down, $-\frac{1}{8} = -0.12$.", "withheld"),
    (r"Rounded half down, $\frac{1}{8} = 0.12$.", "checked"),
    (r"Rounded half down, $\frac{1}{8} = 0.13$.", "refuted"),
    (r"Rounded half down, $-\frac{1}{7} = -0.14$.", "checked"),  # no tie: the rule is moot
])
def test_half_down_of_a_negative_tie_is_unclear(tmp_path, sentence, verdict):
    found = sentence_verdict(tmp_path, sentence)
    assert (found in WITHHELD) if verdict == "withheld" else found == verdict


@pytest.mark.parametrize("words, places", [
    ("To the nearest ten, ", -1),
    ("To the nearest ten thousand, ", -4),
    ("To the nearest hundred-thousandth, ", 5),
    ("To the nearest ten million, ", -7),
    ("To the nearest billion, ", -9),
    ("To the nearest 1000, ", -3),
    ("To the nearest 0.01, ", 2),
    ("천만 단위로 반올림하면 ", -7),
])
def test_each_nearest_unit_gives_its_place(words, places):
    assert stated_precision(words, "")[:2] == ("nearest", places)
