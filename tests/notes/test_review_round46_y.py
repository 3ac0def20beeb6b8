"""Round 46, reviewer Y: poles written as quotients (sin x / cos x, 1/cos²x) are sampled on
both sides like tan and sec (Y02); |tan u| next to a pole is never read as tan u from SymPy's
two-digit sign (Y01); precision words govern a formula only when the sentence says so: 셋째
자리에서 반올림 keeps two decimals (Y03), "never", "without", "although … exact", "instead of"
leave the decimals written (Y04, Y05), and "3 d.p." ends no sentence (Y06)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import sentence_verdict as verdict


# -- Y02: a pole written as a quotient, inside the stated interval ------------------------------

@pytest.mark.parametrize("sentence", [
    r"For $|x| < 1.58$, $\arctan\left(\frac{\sin x}{\cos x}\right) = x$.",
    r"For $0 < x < 1.6$, $\sqrt{\frac{1}{\cos^2 x} - 1} = \frac{\sin x}{\cos x}$.",
    r"For $0 < x < 1.6$, $\sqrt{\sec^2 x - 1} = \tan x$.",
])
def test_a_pole_inside_the_interval_is_sampled_on_both_sides(tmp_path, sentence):
    assert verdict(tmp_path, sentence) == "refuted"


def test_the_same_claim_short_of_the_pole_is_not_refuted(tmp_path):
    sentence = r"For $0 < x < 1.5$, $\sqrt{\frac{1}{\cos^2 x} - 1} = \frac{\sin x}{\cos x}$."
    assert verdict(tmp_path, sentence) in ("proved", "checked")


# -- Y01: an absolute value beside a pole -------------------------------------------------------

@pytest.mark.parametrize("interval", ["0 < x < 1", "0 < x < 2"])
def test_the_absolute_value_of_tan_beside_its_pole_is_not_negative(tmp_path, interval):
    sentence = rf"For ${interval}$, $\sqrt{{\sec^2(x^3 + x) - 1}} = |\tan(x^3 + x)|$."
    assert verdict(tmp_path, sentence) in ("proved", "checked", "undecided")


def test_without_the_absolute_value_it_is_still_refuted(tmp_path):
    sentence = r"For $0 < x < 1$, $\sqrt{\sec^2(x^3 + x) - 1} = \tan(x^3 + x)$."
    assert verdict(tmp_path, sentence) == "refuted"


# -- Y03: 셋째 자리에서 반올림 keeps two decimals ------------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"$\frac{1}{7}$을 소수점 아래 셋째 자리에서 반올림하면 $\frac{1}{7} \approx 0.14$이다.",
    r"$\sqrt{2}$를 소수 둘째 자리에서 반올림하면 $\sqrt{2} = 1.4$이다.",
    r"$\sqrt{2}$를 유효숫자 세 자리에서 반올림하면 $\sqrt{2} = 1.4$이다.",
])
def test_rounding_at_a_place_keeps_the_places_before_it(tmp_path, sentence):
    assert verdict(tmp_path, sentence) in ("checked", "skipped")


def test_rounding_at_the_first_decimal_is_not_checked_to_one(tmp_path):
    sentence = r"$\sqrt{2}$를 소수점 아래 첫째 자리에서 반올림하면 $\sqrt{2} = 1.4$이다."
    assert verdict(tmp_path, sentence) in ("refuted", "skipped", "undecided")


def test_rounding_up_to_the_third_decimal_keeps_three(tmp_path):
    sentence = r"$\frac{1}{7}$을 소수점 아래 셋째 자리까지 나타내면 $\frac{1}{7} = 0.14$이다."
    assert verdict(tmp_path, sentence) == "refuted"


# -- Y04, Y05: words that do not govern the formula ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"Although the survey table is rounded to two significant figures, the count below is "
    r"exact: $5! \cdot 8 = 1000$.",
    r"We never round to two significant figures here. $5! \cdot 8 = 1000$.",
    r"Without rounding to two significant figures, $5! \cdot 8 = 1000$ holds exactly.",
])
def test_negated_precision_words_do_not_widen_the_check(tmp_path, sentence):
    assert verdict(tmp_path, sentence) == "refuted"


def test_a_different_precision_kept_instead(tmp_path):
    sentence = r"Instead of three decimal places we keep one: $1/7 = 0.1$."
    assert verdict(tmp_path, sentence) != "refuted"


def test_the_precision_words_still_govern_a_plain_sentence(tmp_path):
    # 5!·8 = 960 is 960 to two significant figures, not 1000 (round 49 AD01): 5!·9 = 1080
    assert verdict(tmp_path, r"To two significant figures, $5! \cdot 9 = 1100$.") == "checked"
    assert verdict(tmp_path, r"To two significant figures, $5! \cdot 8 = 1000$.") == "refuted"
    assert verdict(tmp_path, r"To three decimal places, $\frac{1}{7} = 0.14$.") == "refuted"


# -- Y06: the abbreviation "d.p." ends no sentence ----------------------------------------------

@pytest.mark.parametrize("sentence", [
    r"To 3 d.p. the value is $\frac{1}{7} = 0.14$.",
    r"To 3 d.p., the value is $\frac{1}{7} = 0.14$.",
])
def test_three_decimal_places_abbreviated(tmp_path, sentence):
    assert verdict(tmp_path, sentence) == "refuted"


def test_three_decimal_places_abbreviated_and_right(tmp_path):
    assert verdict(tmp_path, r"To 3 d.p. the value is $\frac{1}{7} = 0.143$.") == "checked"
