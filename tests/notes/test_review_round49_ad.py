"""Round 49 review AD: rounded decimals — significant figures of the true value, tie rules,
truncation verbs, truncation stated for a paragraph / table / list, nearest hundred."""

import pytest

from tests.notes.note_steps import sentence_verdict, verdicts_by_line

SKIPPED = "skipped"


@pytest.mark.parametrize("sentence, verdict", [
    # AD01: 0.999 to 3 s.f. is 0.999; 0.9996 to 3 s.f. is 1.00 (the carry makes the new digit)
    (r"To 3 s.f., $\frac{999}{1000} = 1.00$.", "refuted"),
    (r"To 3 s.f., $\frac{9991}{10000} = 0.999$.", "checked"),
    (r"To 3 s.f., $\frac{9996}{10000} = 1.00$.", "checked"),
    (r"To 3 s.f., $\frac{1004}{1000} = 1.00$.", "checked"),
    (r"To two significant figures, $\frac{99}{100} = 1.0$.", "refuted"),
    (r"To two significant figures, $\frac{249}{250} = 1.0$.", "checked"),
    (r"To one significant figure, $\frac{10}{11} = 1$.", "refuted"),
    (r"To one significant figure, $\frac{10}{11} = 0.9$.", "checked"),
])
def test_significant_figures_count_from_the_true_value(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


@pytest.mark.parametrize("sentence, verdict", [
    # AD02: 1/8 = 0.125 and 5/8 = 0.625 are exact ties; the rule named decides
    (r"Rounded half up to two decimal places, $\frac{1}{8} = 0.12$.", "refuted"),
    (r"Rounded half up to two decimal places, $\frac{1}{8} = 0.13$.", "checked"),
    (r"Rounded half away from zero, $\frac{5}{8} = 0.62$ to two decimal places.", "refuted"),
    (r"Rounded half away from zero, $\frac{5}{8} = 0.63$ to two decimal places.", "checked"),
    (r"Rounded half to even to two decimal places, $\frac{1}{8} = 0.13$.", "refuted"),
    (r"Rounded half to even to two decimal places, $\frac{1}{8} = 0.12$.", "checked"),
    ("소수 셋째 자리에서 반올림하면 $\\frac{1}{8} = 0.12$이다.", "refuted"),
    ("소수 셋째 자리에서 반올림하면 $\\frac{1}{8} = 0.13$이다.", "checked"),
    # no rule named: either neighbour of a tie is accepted
    (r"To two decimal places, $\frac{1}{8} = 0.12$.", "checked"),
    (r"To two decimal places, $\frac{1}{8} = 0.13$.", "checked"),
    # not a tie: the rule changes nothing
    (r"Rounded half to even to two decimal places, $\frac{1}{7} = 0.14$.", "checked"),
])
def test_a_tie_is_rounded_by_the_rule_named(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


@pytest.mark.parametrize("sentence", [
    # AD03: Korean verbs of truncation and rounding up (2/3 → 0.66, 1/7 → 0.15)
    "소수 셋째 자리에서 버리면 $\\frac{2}{3} = 0.67$이다.",
    "소수 둘째 자리까지만 남기고 잘라내면 $\\frac{2}{3} = 0.67$이다.",
    "소수 셋째 자리에서 올리면 $\\frac{1}{7} = 0.14$이다.",
    "소수 셋째 자리에서 절상하면 $\\frac{1}{7} = 0.14$이다.",
    # AD04: English ones
    r"Taking the ceil at two decimal places, $\frac{1}{7} = 0.14$.",
    r"Drop every digit after the second decimal place: $\frac{2}{3} = 0.67$.",
    r"Cutting after the second decimal place, $\frac{2}{3} = 0.67$.",
])
def test_truncation_verbs_are_never_checked_as_rounding(tmp_path, sentence):
    assert sentence_verdict(tmp_path, sentence) in (SKIPPED, "undecided", "refuted")


def test_rounding_words_still_check_a_right_rounding(tmp_path):
    assert sentence_verdict(tmp_path, "소수 셋째 자리에서 반올림하면 $\\frac{2}{3} = 0.67$이다.") \
        == "checked"
    assert sentence_verdict(tmp_path, r"To two decimal places, $\frac{2}{3} = 0.67$.") == "checked"
    assert sentence_verdict(tmp_path, r"To two decimal places, $\frac{2}{3} = 0.66$.") != "checked"


def test_truncation_stated_earlier_in_the_paragraph_governs(tmp_path):  # AD05
    verdict = sentence_verdict(tmp_path, r"We truncate every value in this note to two decimal "
                               r"places. Then $\frac{2}{3} = 0.67$.")
    assert verdict != "checked"


def test_a_table_caption_of_truncation_governs_its_rows(tmp_path):  # AD05
    note = ("# Note\n\nAll values in the table are truncated to two decimal places.\n\n"
            "| $x$ | value |\n|---|---|\n| $\\frac{2}{3}$ | $\\frac{2}{3} = 0.67$ |\n")
    assert verdicts_by_line(tmp_path, note)[7] != ["checked"]


def test_a_list_lead_in_of_truncation_governs_its_items(tmp_path):  # AD05
    note = ("# Note\n\nTruncated to two decimal places:\n\n- $\\frac{2}{3} = 0.67$\n"
            "- $\\frac{5}{6} = 0.83$\n")
    found = verdicts_by_line(tmp_path, note)
    assert "checked" not in found[5] + found[6]


def test_a_list_lead_in_of_rounding_still_checks(tmp_path):
    note = "# Note\n\nRounded to two decimal places:\n\n- $\\frac{2}{3} = 0.67$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["checked"]


@pytest.mark.parametrize("sentence, verdict", [
    # AD06: e^{10} = 22026.47
    (r"To the nearest hundred, $e^{10} = 22000$.", "checked"),
    (r"To the nearest hundred, $e^{10} = 22100$.", "refuted"),
    (r"To the nearest ten, $e^{10} = 22030$.", "checked"),
    (r"To the nearest ten, $e^{10} = 22020$.", "refuted"),
    (r"To the nearest tenth, $\frac{2}{3} = 0.7$.", "checked"),
    (r"Correct to three figures, $e^{10} = 22000$.", "checked"),
    (r"Correct to three figures, $e^{10} = 22200$.", "refuted"),
    (r"Correct to three figures, $\frac{2}{3} = 0.66$.", "refuted"),
    (r"Correct to three figures, $\frac{2}{3} = 0.667$.", "checked"),
])
def test_nearest_hundred_and_figures(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


@pytest.mark.parametrize("sentence, verdict", [
    # the power of ten written on the left, or negative (round 49 AD01)
    (r"To 3 s.f., $1.00 = \frac{999}{1000}$.", "refuted"),
    (r"To 3 s.f., $1.00 = \frac{9996}{10000}$.", "checked"),
    (r"To 3 s.f., $-\frac{999}{1000} = -1.00$.", "refuted"),
    (r"To 3 s.f., $-\frac{9996}{10000} = -1.00$.", "checked"),
    # a negative tie: 'half up' may mean towards +∞ or away from zero
    (r"Rounded half up to two decimal places, $-\frac{1}{8} = -0.12$.", SKIPPED),
    (r"Rounded half away from zero to two decimal places, $-\frac{1}{8} = -0.13$.", "checked"),
    (r"Rounded half away from zero to two decimal places, $-\frac{1}{8} = -0.12$.", "refuted"),
])
def test_signs_and_sides_of_a_rounding(tmp_path, sentence, verdict):
    assert sentence_verdict(tmp_path, sentence) == verdict


@pytest.mark.parametrize("sentence", [
    r"Ignoring the remaining digits, $\frac{2}{3} = 0.67$.",
    "나머지 자리는 무시하면 $\\frac{2}{3} = 0.67$이다.",
])
def test_ignoring_the_remaining_digits_is_truncation(tmp_path, sentence):
    assert sentence_verdict(tmp_path, sentence) != "checked"


def test_the_tie_reason_names_the_rule(tmp_path):
    from tests.notes.note_steps import reasons_by_line
    note = "# Note\n\nRounded half up to two decimal places, $\\frac{1}{8} = 0.12$.\n"
    [reason] = reasons_by_line(tmp_path, note)[3]
    assert "0.13, not 0.12" in reason
