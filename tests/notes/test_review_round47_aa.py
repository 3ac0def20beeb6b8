r"""Round 47, reviewer AA, fixer aa: precision words (symderive/notes/precision_words.py).

A04, A05: a truncated (버림) or rounded-up (올림) value is not within half a unit of its last
place, so it is not checked as rounded.  A06: "not"/"exactly" beside a stated precision never
let the number be checked more loosely than stated.  A07: significant figures apply to
2.2 × 10^4 too."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import sentence_verdict as verdict


# -- A04: truncation words ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"Truncated to two decimal places, $\frac{2}{3} = 0.67$.",
    r"Truncating to two decimal places, $\frac{2}{3} = 0.67$.",
    r"Chopped to two decimal places, $\frac{2}{3} = 0.67$.",
    r"Rounded down to two decimal places, $\frac{2}{3} = 0.67$.",
    r"Rounded up to two decimal places, $\frac{1}{7} = 0.14$.",
    r"Truncated, $\frac{2}{3} = 0.67$.",
])
def test_a_truncated_value_is_not_checked_as_rounded(tmp_path, sentence):
    assert verdict(tmp_path, sentence) in ("refuted", "undecided", "skipped")


def test_rounding_to_two_places_is_still_checked(tmp_path):
    assert verdict(tmp_path, r"Rounded to two decimal places, $\frac{2}{3} = 0.67$.") == "checked"


# -- A05: 버림 and 올림 are not 반올림 ------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"소수점 셋째 자리에서 버림하면 $\frac{2}{3} = 0.67$ 이다.",
    r"소수점 셋째 자리에서 올림하면 $\frac{1}{7} = 0.14$ 이다.",
    r"소수점 셋째 자리에서 내림하면 $\frac{2}{3} = 0.67$ 이다.",
])
def test_cutting_at_a_place_is_not_rounding(tmp_path, sentence):
    assert verdict(tmp_path, sentence) in ("refuted", "undecided", "skipped")


def test_rounding_at_the_third_place_is_still_checked(tmp_path):
    sentence = r"소수점 셋째 자리에서 반올림하면 $\frac{2}{3} = 0.67$ 이다."
    assert verdict(tmp_path, sentence) == "checked"


# -- A06: negation beside a stated precision ----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"To three decimal places (not two), $\frac{1}{7} = 0.14$.",
    r"Rounded to exactly three decimal places, $\frac{1}{7} = 0.14$.",
    r"To three decimal places, but not more, $\frac{1}{7} = 0.14$.",
])
def test_the_stated_three_places_are_never_loosened_to_two(tmp_path, sentence):
    assert verdict(tmp_path, sentence) in ("refuted", "undecided", "skipped")


def test_exactly_three_places_and_right(tmp_path):
    sentence = r"Rounded to exactly three decimal places, $\frac{1}{7} = 0.143$."
    assert verdict(tmp_path, sentence) == "checked"


# -- A07: significant figures of a number written with × 10^k -----------------------------------

@pytest.mark.parametrize("sentence", [
    r"To four significant figures, $e^{10} = 2.2 \times 10^{4}$.",
    r"To 4 s.f., $e^{10} = 2.2 \times 10^{4}$.",
])
def test_the_stated_figures_apply_to_scientific_notation(tmp_path, sentence):
    assert verdict(tmp_path, sentence) in ("refuted", "undecided", "skipped")


@pytest.mark.parametrize("sentence", [
    r"To four significant figures, $e^{10} = 2.203 \times 10^{4}$.",
    r"To two significant figures, $e^{10} = 2.2 \times 10^{4}$.",
    r"To three significant figures, $e^{10} = 2.2 \times 10^{4}$.",  # 2.20 × 10^4: 22026
])
def test_scientific_notation_to_its_stated_figures_is_checked(tmp_path, sentence):
    assert verdict(tmp_path, sentence) == "checked"
