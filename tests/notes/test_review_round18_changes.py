"""Round 18 F8, F11, F19: the note changes a value or a meaning, or wraps a sentence, and the
old reading must not prove the claim that follows.

* F8 — a value changed in words this reader does not carry out (*Now change $x$ to $2$*, *Let
  $x$ now be $2$*, *Now double $x$*, *Now make $f$ the ReLU*): the old value or definition
  proves nothing after them (undecided), and refutes nothing either.
* F11 — a hard-wrapped sentence is one sentence: *In general, for every* / *$x$, $…$* and
  *Then $…$* / *for every $x$.* range over x on the line before or after the formula.
* F19 — words after a formula on the same line count from where they are written: a new
  meaning given after the definition on its own line cancels it for the claims after the
  words, and a claim written before the words keeps the value in force when it was written.
"""

import pytest

from tests.notes.note_steps import first_verdicts, verdicts_by_line

SET = "# A\n\nLet $x = 1$. Then $x^2 = 1$.\n\n"


@pytest.mark.parametrize("change", [
    "Now change $x$ to $2$.",
    "Increase $x$ to $2$.",
    "Let $x$ now be $2$.",
    "Now double $x$.",
    "Next we try $x$ equal to $2$.",
    "Now $x \\gets 2 x$.",
    "이제 $x$를 $2$로 바꾼다.",
])
def test_a_value_changed_in_words_proves_nothing_after_them(tmp_path, change):
    verdicts = first_verdicts(tmp_path, SET + change + " Then $x^2 = 1$.\n")
    assert verdicts[3] == "proved"  # before the change, x = 1
    assert verdicts[5] not in ("proved", "checked", "refuted")


def test_a_claim_false_at_the_old_value_is_not_refuted_after_a_change(tmp_path):
    # x^2 = 4 holds at the new value 2; the old value 1 is no counterexample
    verdicts = first_verdicts(tmp_path, SET + "Now change $x$ to $2$. Then $x^2 = 4$.\n")
    assert verdicts[5] != "refuted"


def test_a_change_on_the_value_line_counts_from_where_it_is_written(tmp_path):
    text = "# A\n\nLet $x = 1$. Now change $x$ to $2$. Then $x^2 = 1$.\n"
    assert first_verdicts(tmp_path, text)[3] not in ("proved", "checked")


@pytest.mark.parametrize("back", [
    "Then for this choice, $x^2 = 1$.",
    "Then at this value we have $x^2 = 1$.",
])
def test_words_pointing_back_at_the_value_keep_it(tmp_path, back):
    assert first_verdicts(tmp_path, "# A\n\nLet $x = 1$.\n\n" + back + "\n")[5] == "proved"


@pytest.mark.parametrize("change", [
    "Now make $f$ the ReLU.",
    "We now turn $f$ into the ReLU.",
    "The function $f$ becomes the ReLU.",
    "Let $f$ instead be the ReLU.",
    "$f$를 ReLU로 바꾼다.",
])
def test_a_function_changed_in_words_keeps_no_old_formula(tmp_path, change):
    # ReLU(-1) = 0, so the claim is false under the note's new meaning
    text = "# A\n\nLet $f(x) = x^2$.\n\n" + change + " Then $f(-1) = 1$.\n"
    assert first_verdicts(tmp_path, text)[5] not in ("proved", "checked")


def test_differentiating_a_function_does_not_change_it(tmp_path):
    text = "# A\n\nLet $g(x) = x^2$. We differentiate $g$ and get $g'(x) = 2x$. Then $g(-1) = 1$.\n"
    assert verdicts_by_line(tmp_path, text)[3] == ["proved", "proved"]


@pytest.mark.parametrize("text", [
    "Take $x = 0$. Then $\\sin x = 0$.\n\nThen $\\sin 2x = 2 \\sin x$\nfor every $x$.\n",
    "Take $x = 0$. Then $\\sin x = 0$.\n\nWe have $\\sin 2x =\n2 \\sin x$ for every $x$.\n",
    "Take $x = 0$. Then $\\sin x = 0$.\n\nSo, for every\n$x$, $\\sin 2x = 2 \\sin x$.\n",
    "Take $x = 0$. Then $\\sin x = 0$.\n\nThe following holds in\ngeneral: $\\sin 2x = 2 \\sin x$.\n",
])
def test_a_hard_wrapped_sentence_ranges_over_the_name(tmp_path, text):
    # sin 2x = 2 sin x is false at x = π/4: stated for every x it is refuted, never proved
    verdicts = first_verdicts(tmp_path, "# A\n\n" + text)
    assert verdicts[3] == "proved"
    assert [verdicts[line] for line in verdicts if line > 3] == ["refuted"]


def test_a_wrapped_paragraph_still_ties_a_claim_to_the_example(tmp_path):
    text = "# A\n\nTake $x = 0$. Then for this\nchoice we get $\\cos x = 1$\nhere.\n"
    assert first_verdicts(tmp_path, text)[4] == "proved"


@pytest.mark.parametrize("text", [
    "Let $h(x) = x^2$. Now $h$ denotes the ReLU. Then $h(-1) = 1$.\n",
    "$h(x) = x^2$이라 하자. 이제 $h$는 ReLU를 나타낸다. 그러면 $h(-1) = 1$이다.\n",
])
def test_a_new_meaning_on_the_definition_line_cancels_it(tmp_path, text):
    assert first_verdicts(tmp_path, "# A\n\n" + text)[3] not in ("proved", "checked")


def test_a_claim_before_the_new_value_on_its_line_keeps_the_old_one(tmp_path):
    text = "# A\n\nLet $x = 1$, so $x^2 = 1$. Now set $x$ to $2$. Then $x^2 = 1$.\n"
    assert verdicts_by_line(tmp_path, text)[3][0] == "proved"
    assert verdicts_by_line(tmp_path, text)[3][-1] not in ("proved", "checked")


def test_the_verdict_names_the_words_that_may_change_the_value(tmp_path):
    from tests.notes.note_steps import first_reasons

    reason = first_reasons(tmp_path, SET + "Now change $x$ to $2$. Then $x^2 = 1$.\n")[5]
    assert "'now'" in reason and "line 3" in reason
