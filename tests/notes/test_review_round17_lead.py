"""Round 15 F35, F37, F43 (the parts left open): values and definitions the note does not give.

* "In all cases", 모든 경우에, 어떤 $x$에 대해서도 after a single example value: no cases were
  listed, so the claim is general, and sin 7x = 7 sin x (true only at x = 0) is no proof.
* A definition or example value the note calls wrong in the clause that introduces it (*An old
  edition erroneously defines $k(s) = s^3$*, *The wrong definition*, *Students wrongly plug in
  $y = 0$*) is in force nowhere: k keeps the note's own formula, y no value.
* ``\\sum_{k=1}^{3} k = 6``, *with $k = 3$ the last term*: k = 3 describes the sum's index.

Each false verdict has a control of the same form that must keep its verdict.
"""

import pytest

from tests.notes.note_steps import last_claim


@pytest.mark.parametrize("words", ["In all cases,", "In every case,", "모든 경우에",
                                   "어떤 $x$에 대해서도", "다른 $x$에 대해서도"])
def test_all_cases_after_one_example_value_is_general(tmp_path, words):
    text = f"# A\n\n$x = 0$이라 하자. 그러면 $\\sin x = 0$이다.\n\n{words} $\\sin(7x) = 7\\sin x$.\n"
    assert last_claim(tmp_path, text) == "refuted"


def test_all_cases_after_listed_cases_is_about_those_cases(tmp_path):
    # x^2 = x holds at x = 0 and at x = 1 (the two cases listed), not for every x
    text = "# A\n\nTake $x = 0$ or $x = 1$.\n\nIn all cases, $x^2 = x$.\n"
    assert last_claim(tmp_path, text) != "refuted"


def test_in_all_cases_keeps_a_true_identity_proved(tmp_path):
    text = "# A\n\nLet $x = 0$.\n\nIn all cases, $\\sin(2x) = 2\\sin x\\cos x$.\n"
    assert last_claim(tmp_path, text) == "proved"


@pytest.mark.parametrize("sentence", [
    "An old edition erroneously defines $k(s) = s^3$.",
    "The wrong definition $k(s) = s^3$ appears in an old edition.",
    "A common mistake defines $k(s) = s^3$.",
    "옛 판에서는 잘못 $k(s) = s^3$ 로 정의한다.",
])
def test_a_definition_the_note_calls_wrong_does_not_replace_its_own(tmp_path, sentence):
    # the note's k is s^2, so k(2) = 8 is false and k(2) = 4 true
    text = f"# A\n\nLet $k(s) = s^2$.\n\n{sentence}\n\nHence $k(2) = 8$.\n"
    assert last_claim(tmp_path, text) != "proved"
    text = f"# A\n\nLet $k(s) = s^2$.\n\n{sentence}\n\nHence $k(2) = 4$.\n"
    assert last_claim(tmp_path, text) == "proved"


def test_a_definition_after_words_that_avoid_an_error_is_given(tmp_path):
    text = "# A\n\nTo avoid a common error, let $k(s) = s^3$.\n\nHence $k(2) = 8$.\n"
    assert last_claim(tmp_path, text) == "proved"


@pytest.mark.parametrize("sentence", ["Students wrongly plug in $y = 0$.",
                                      "It is a mistake to set $y = 0$ here.",
                                      "흔히 잘못 $y = 0$ 을 대입한다."])
def test_a_value_the_note_calls_wrong_is_no_example_value(tmp_path, sentence):
    text = f"# A\n\n{sentence}\n\nSo $\\tan(2y) = 2\\tan y$.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_value_set_on_purpose_is_still_an_example_value(tmp_path):
    text = "# A\n\nWe plug in $y = 0$.\n\nSo $\\tan(2y) = 0$.\n"
    assert last_claim(tmp_path, text) == "proved"


@pytest.mark.parametrize("sentence", [
    "Clearly $\\sum_{k=1}^{3} k = 6$, with $k = 3$ the last term.",
    "Clearly $\\prod_{k=1}^{3} k = 6$, the last factor at $k = 3$.",
    "We have $\\int_0^1 k \\, dk = \\frac{1}{2}$, the upper end at $k = 1$.",
])
def test_the_index_of_a_sum_takes_no_example_value(tmp_path, sentence):
    # k^2 = 3k holds at k = 3 (and k^2 = k at k = 1) only
    text = f"# A\n\n{sentence}\n\nAlso $k^2 = 3k$ and $k^2 = k$.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_value_beside_a_sum_of_another_index_is_an_example_value(tmp_path):
    text = "# A\n\nTake $k = 3$, and note $\\sum_{j=1}^{3} j = 6$.\n\nThen $k^2 = 9$.\n"
    assert last_claim(tmp_path, text) == "proved"
