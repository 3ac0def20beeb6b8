"""Round 47 A01–A03: a claim false only on a sliver by an end of a stated interval is sampled
there (points just inside each end, at 10⁻², 10⁻⁴, 10⁻⁶ and 10⁻⁹ of the width, one variable at
a time and every bounded variable at the same end together), so it is never *checked*."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line


@pytest.mark.parametrize("bounds, claim", [
    ("$0 < x < 2$", "\\sqrt{(x - 1.999)^2} = 1.999 - x"),  # A01: false on (1.999, 2)
    ("$0 < x < 1.58$", "\\arcsin(\\sin x) = x"),  # A03: false past π/2
    ("$0 < x < 1.58$", "\\sqrt{1 - \\sin^2 x} = \\cos x"),
    ("$0 < x < 3.15$", "\\arccos(\\cos x) = x"),  # false past π
    ("$0 < x < 1$ and $0 < y < 0.6$", "\\sqrt{\\sec^2(x+y) - 1} = \\tan(x+y)"),  # A02
])
def test_a_claim_false_by_an_end_of_its_interval_is_refuted(tmp_path, bounds, claim):
    note = f"# Note\n\nFor {bounds}, we have ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] == "refuted"


@pytest.mark.parametrize("bounds, claim", [
    ("$0 < x < 1.5$", "\\arcsin(\\sin x) = x"),
    ("$0 < x < 1.5$", "\\sqrt{1 - \\sin^2 x} = \\cos x"),
    ("$0 < x < 1$ and $0 < y < 0.5$", "\\sqrt{\\sec^2(x+y) - 1} = \\tan(x+y)"),
])
def test_the_claim_on_an_interval_where_it_holds_stays_checked(tmp_path, bounds, claim):
    note = f"# Note\n\nFor {bounds}, we have ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] in ("checked", "proved")


# -- round 48 AB01–AB03 ---------------------------------------------------------------------------

@pytest.mark.parametrize("bounds, claim", [
    ("$0 < x < 2$", "\\sqrt{(x - 1.9999999995)^2} = 1.9999999995 - x"),  # halfway to the end
    ("$0 < x < 1.570796327$", "\\arcsin(\\sin x) = x"),  # a digit past the bound's digits
])
def test_a_sliver_narrower_than_a_billionth_of_the_width_is_found(tmp_path, bounds, claim):
    note = f"# Note\n\nFor {bounds}, we have ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] == "refuted"


def test_a_probability_false_only_past_one_minus_a_tenth_of_a_billionth_is_not_checked(tmp_path):
    note = ("# Note\n\nLet $p$ be a probability, $0 < p < 1$. Then "
            "$\\sqrt{(p - 0.9999999999)^2} = 0.9999999999 - p$.\n")
    assert verdicts_by_line(tmp_path, note)[3][-1] != "checked"


@pytest.mark.parametrize("words", [
    "Rounded downwards to two decimal places,",  # AB01
    "Cut off after two decimal places,",  # AB02
    "Rounding toward zero at two decimal places,",
    "Keeping only two decimal places (the rest dropped),",
])
def test_truncation_said_otherwise_is_not_checked_as_rounding(tmp_path, words):
    note = f"# Note\n\n{words} $\\frac{{2}}{{3}} = 0.67$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] != "checked"


def test_rounding_to_nearest_is_still_checked(tmp_path):
    note = "# Note\n\nRounded to two decimal places, $\\frac{2}{3} = 0.67$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] == "checked"
