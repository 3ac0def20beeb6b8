r"""Where a quantifier or a stated condition ends (review round 11: C4, H5, C13, Korean).

* A sentence that states another condition on what a quantifier bound — *For negative inputs, on
  the other hand,*, *Otherwise,*, *Conversely,*, 음수일 때는, 그 외의 경우에는 — ends the binding:
  a claim after it is not proved with the old bound, and its refutation is withheld (undecided,
  naming the words and line). A readable new condition (*For $y < 0$,*, *If instead $y < 0$,*,
  *On the other hand, when $y$ is negative,*, 반면 $y$가 음수이면) replaces the old one.
* A display of bounds (``$$x \le -1.$$``) after a quantifier bounds its letter anew; a display
  of bounds ending in the sentence's period is still one; *For all real $x$,* right after a
  display introduces the next display, not a condition of the one before.
* A one-hot or probability vector stated for another place or time (*in the next chapter*,
  *later*, *in Section 5*, *if … were*, 다음 장에서는, 나중에) puts nothing on the simplex here.
* Korean quantifiers (모든 $x \ge 0$에 대해, 모든 양수 $y$에 대하여) bind like *For every*.
"""

from __future__ import annotations

import pytest

from symderive.notes.check_notes import stated_simplex
from symderive.notes.onehot import onehot_statements
from symderive.notes.scope_words import elsewhere, other_case
from tests.notes.note_steps import steps_by_line


def steps(tmp_path, text: str) -> dict[int, object]:
    return {line: found[0] for line, found in steps_by_line(tmp_path, text).items()}


def two_cases(first: str, second: str, claim: str, opener: str = r"For every $y \ge 0$,") -> str:
    r"""``opener`` + √(y²) = y, then ``second`` (the other case's words) + ``claim``."""
    return f"{opener}\n\n$$\\sqrt{{y^2}} = y.$$\n\n{second}\n\n$${claim}.$$\n"


# -- the words (fast) -------------------------------------------------------------------------


@pytest.mark.parametrize("words", [
    "For negative inputs, on the other hand,", "Otherwise,", "For the other case,",
    "Conversely,", "Else,", "In all other cases,", "음수일 때는", "반면", "그 외의 경우에는",
    "그렇지 않으면", "When the input is negative,",
])
def test_words_that_open_another_case(words):
    assert other_case(words)


@pytest.mark.parametrize("words", ["Similarly,", "and", "Hence", "Then", "따라서", "Now,"])
def test_words_that_go_on_in_the_same_case(words):
    assert not other_case(words)


@pytest.mark.parametrize("sentence", [
    r"In the next chapter, $\mathbf{y}$ is a one-hot vector.",
    r"Later we will assume that $\mathbf{y}$ is a probability vector.",
    r"In Section 5, $\mathbf{y}$ is a one-hot vector.",
    r"If $\mathbf{y}$ were a one-hot vector, things would be simpler.",
    r"다음 장에서는 $\mathbf{y}$가 원핫 벡터이다.",
    r"나중에 $\mathbf{y}$가 원핫 벡터라고 가정한다.",
])
def test_a_property_for_another_place_or_time_is_no_property_here(sentence):
    assert elsewhere(sentence)
    assert stated_simplex(sentence) == ()
    assert onehot_statements(sentence, here=True) == ()


def test_a_property_stated_here_stays():
    here = r"Since $\mathbf{y}$ is a one-hot vector, the sum has one term."
    assert not elsewhere(here)
    assert [name for _, name, _ in onehot_statements(here, here=True)] == ["y"]
    assert stated_simplex(r"Here $p$ is a probability vector.") == ((1, "p"),)
    # the sentence before it may speak of later chapters: only its own words count
    korean = r"나중에 설명합니다.$\mathbf{y}$은 길이가 $q$인 원핫 벡터이므로 합이 사라집니다."
    assert stated_simplex(korean) == ((1, "y"),)


# -- another case after a quantifier (C4) -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("words", [
    "For negative inputs, on the other hand,", "Otherwise,", "For the other case,", "Conversely,",
    "Else,",
])
def test_a_claim_after_another_case_is_not_proved_with_the_old_bound(tmp_path, words):
    found = steps(tmp_path, two_cases("", words, r"\sqrt{y^2} = y"))
    assert found[3].verdict == "proved"  # √(y²) = y for every y ≥ 0
    assert found[7].verdict == "undecided", found[7].reason  # false for negative y
    assert words in found[7].reason and "line 5" in found[7].reason


@pytest.mark.slow
def test_a_claim_true_in_the_other_case_is_not_refuted_with_the_old_bound(tmp_path):
    found = steps(tmp_path, two_cases("", "For negative inputs, on the other hand,",
                                      r"\sqrt{y^2} = -y"))
    assert found[7].verdict == "undecided", found[7].reason  # true for negative y
    assert "another case" in found[7].reason and "line 5" in found[7].reason


@pytest.mark.slow
@pytest.mark.parametrize("after", ["otherwise.", "for negative inputs.", "in the other case.",
                                   "when the input is negative."])
def test_another_case_written_after_its_display_speaks_of_that_display(tmp_path, after):
    text = (r"For every $y \ge 0$," "\n" r"$$\sqrt{y^2} = y$$" "\nand\n"
            r"$$\sqrt{y^2} = {claim}$$" f"\n{after}\n")
    true = steps(tmp_path, text.replace("{claim}", "-y"))
    assert true[2].verdict == "proved"
    assert true[4].verdict == "undecided", true[4].reason  # true for negative y
    assert after in true[4].reason
    false = steps(tmp_path, text.replace("{claim}", "y"))
    assert false[4].verdict == "undecided", false[4].reason  # false for negative y


@pytest.mark.slow
@pytest.mark.parametrize("words", [r"For $y$ below zero,", r"When $y$ is less than $0$,",
                                   r"$y$가 $0$보다 작을 때는"])
def test_a_condition_in_words_the_reader_cannot_read_ends_the_bound(tmp_path, words):
    found = steps(tmp_path, two_cases("", words, r"\sqrt{y^2} = y"))
    assert found[7].verdict == "undecided", found[7].reason


@pytest.mark.slow
def test_a_symbolic_proof_over_every_real_still_stands_after_another_case(tmp_path):
    found = steps(tmp_path, two_cases("", "Otherwise,", r"\sqrt{y^2} = |y|"))
    assert found[7].verdict == "proved"  # true for every real y: no bound used


@pytest.mark.slow
@pytest.mark.parametrize("words", [
    r"For $y < 0$,", r"If instead $y < 0$,", r"On the other hand, when $y$ is negative,",
    r"반면 $y$가 음수이면", r"$y$가 음수인 경우에는", r"한편 $y < 0$일 때",
])
def test_a_readable_new_condition_replaces_the_old_bound(tmp_path, words):
    true = steps(tmp_path, two_cases("", words, r"\sqrt{y^2} = -y"))
    assert true[7].verdict == "proved", true[7].reason  # √(y²) = -y for y < 0
    assert "negative" in true[7].reason
    false = steps(tmp_path, two_cases("", words, r"\sqrt{y^2} = y"))
    assert false[7].verdict == "refuted", false[7].reason  # at a negative y


@pytest.mark.slow
def test_a_statement_ends_at_another_case_too(tmp_path):
    found = steps(tmp_path, two_cases("", "For negative inputs, on the other hand,",
                                      r"\sqrt{y^2} = y", opener=r"Let $y$ be nonnegative."))
    assert found[3].verdict == "proved"
    assert found[7].verdict == "undecided", found[7].reason


@pytest.mark.slow
def test_one_quantifier_over_two_displays_proves_both(tmp_path):
    text = two_cases("", "Similarly,", r"|y| = y")
    found = steps(tmp_path, text)
    assert found[3].verdict == "proved" and found[7].verdict == "proved", found[7].reason


@pytest.mark.slow
def test_any_real_number_still_lifts_the_bound(tmp_path):
    found = steps(tmp_path, two_cases("", "Now let $y$ be any real number.", r"\sqrt{y^2} = y"))
    assert found[7].verdict == "refuted"  # at a negative y: the note says any real


# -- displays of bounds (H5) --------------------------------------------------------------------

BOUND_DISPLAY = (r"For every $x \ge 0$," "\n\n" r"$$\sqrt{x^2} = x.$$" "\n\nSuppose now\n\n"
                 r"$$x \le -1.$$" "\n\nThen\n\n" r"$${claim}.$$" "\n")


@pytest.mark.slow
def test_a_display_of_bounds_after_a_quantifier_bounds_the_letter_anew(tmp_path):
    false = steps(tmp_path, BOUND_DISPLAY.replace("{claim}", r"\sqrt{x^2} = x"))
    assert false[3].verdict == "proved"
    assert false[11].verdict == "undecided", false[11].reason  # false for x ≤ -1
    true = steps(tmp_path, BOUND_DISPLAY.replace("{claim}", r"\sqrt{x^2} = -x"))
    assert true[11].verdict == "undecided", true[11].reason  # true for x ≤ -1: not refuted
    assert "x \\le -1" in true[11].reason


@pytest.mark.slow
def test_a_display_restating_the_bound_keeps_it(tmp_path):
    text = BOUND_DISPLAY.replace("{claim}", r"\sqrt{x^2} = x").replace(r"x \le -1", r"x \ge 0")
    assert steps(tmp_path, text)[11].verdict == "proved"


@pytest.mark.slow
@pytest.mark.parametrize("end", [".", ","])
def test_a_display_of_bounds_with_the_sentences_period_is_still_a_bound(tmp_path, end):
    text = f"Assume\n$$0 \\le x \\le 1{end}$$\nThen\n$$\\sqrt{{x^2}} = x.$$\n"
    found = steps(tmp_path, text)
    assert found[4].verdict == "undecided", found[4].reason  # true on [0, 1]: not refuted


@pytest.mark.slow
def test_a_quantifier_right_after_a_display_introduces_the_next_one(tmp_path):
    text = ("For every $x \\ge 0$,\n$$\\sqrt{x^2} = x$$\nFor all real $x$,\n"
            "$$\\sqrt{x^2} = x.$$\n")
    found = steps(tmp_path, text)
    assert found[2].verdict == "proved", found[2].reason  # under x ≥ 0, not "all real x"
    assert found[4].verdict == "refuted"  # for all real x: false at a negative x


# -- a property for another place or time (C13) -------------------------------------------------

CROSS_ENTROPY = (
    "{said}\n\n$$\\sum_{{j=1}}^{{q}} y_j \\log \\sum_{{k=1}}^{{q}} \\exp(o_k) - \\sum_{{j=1}}^{{q}}"
    " y_j o_j = \\log \\sum_{{k=1}}^{{q}} \\exp(o_k) - \\sum_{{j=1}}^{{q}} y_j o_j$$\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("said", [
    r"In the next chapter, $\mathbf{y}$ is a one-hot vector.",
    r"Later we will assume that $\mathbf{y}$ is a probability vector.",
    r"다음 장에서는 $\mathbf{y}$가 원핫 벡터이다.",
])
def test_a_vector_one_hot_only_elsewhere_does_not_check_a_claim_here(tmp_path, said):
    step = steps(tmp_path, CROSS_ENTROPY.format(said=said))[3]
    assert step.verdict == "undecided", step.reason  # holds only when y sums to 1


@pytest.mark.slow
def test_a_vector_one_hot_here_checks_the_claim(tmp_path):
    said = r"Since $\mathbf{y}$ is a one-hot vector,"
    step = steps(tmp_path, CROSS_ENTROPY.format(said=said))[3]
    assert step.verdict == "checked", step.reason


# -- Korean quantifiers -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("opener", [r"모든 $y \ge 0$에 대해", r"모든 양수 $y$에 대하여",
                                    r"$y \ge 0$인 모든 $y$에 대해"])
def test_korean_quantifiers_bind_like_for_every(tmp_path, opener):
    text = f"{opener}\n\n$$\\sqrt{{y^2}} = y.$$\n\n$$|y| = y.$$\n"
    found = steps(tmp_path, text)
    assert found[3].verdict == "proved" and found[5].verdict == "proved", found[5].reason
    ended = steps(tmp_path, two_cases("", "음수일 때는", r"\sqrt{y^2} = -y", opener=opener))
    assert ended[7].verdict == "undecided", ended[7].reason
    assert "음수일 때는" in ended[7].reason
