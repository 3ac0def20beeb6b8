r"""Round 49, reviewer AC, fixer ab: a bound stated in words (symderive/notes/worded_bounds.py).

AC02–AC05: "$x$가 0과 1 사이라고 하자", "$x$는 0보다 크고 1보다 작다고 하자", "$x$가 구간 $(0, 1)$에
속한다고 하자", "Suppose $x$ is greater than 0 and less than 1." bound x to (0, 1); the claim
|x − 1| = 1 − x holds there, so a counterexample x = 5.338 outside it refutes nothing. Each such
statement is now read as the interval it means (the step is checked on it); a wording not read
still makes the refutation undecided."""

from __future__ import annotations

import pytest

from symderive.notes.worded_bounds import worded_formula
from tests.notes.note_steps import last_claim

TRUE_ON_THE_UNIT_INTERVAL = r"$|x - 1| = 1 - x$"
FALSE_ON_THE_UNIT_INTERVAL = r"$|x - 1| = x - 1$"


def _claim_after(tmp_path, statement: str, claim: str, then: str = "Then") -> str:
    return last_claim(tmp_path, f"# Notes\n\n{statement} {then} {claim}.\n")


# -- the statements read as the interval they mean ----------------------------------------------

@pytest.mark.parametrize("statement, formula", [
    ("$x$가 0과 1 사이라고 하자.", r"0 \le x \le 1"),                  # AC02 (ends unsaid: closed)
    ("x가 0과 1 사이라고 하자.", r"0 \le x \le 1"),                    # AC02, x without $
    ("x가 0과 1 사이이다.", r"0 \le x \le 1"),
    ("$x$는 0과 1 사이에 있다고 하자.", r"0 \le x \le 1"),
    ("$x$가 0과 1 사이의 값이라고 하자.", r"0 \le x \le 1"),
    ("$x$는 0보다 크고 1보다 작다고 하자.", "0 < x < 1"),               # AC03
    ("$x$는 1보다 작고 0보다 크다.", "0 < x < 1"),
    ("$x$는 0 이상 1 이하이다.", r"0 \le x \le 1"),
    ("$x$는 0 초과 1 미만이라고 하자.", "0 < x < 1"),
    ("$x$가 구간 $(0, 1)$에 속한다고 하자.", r"x \in (0, 1)"),          # AC04
    ("Suppose $x$ is greater than 0 and less than 1.", "0 < x < 1"),    # AC05
    ("Let $x$ be at least $0$ and at most $1$.", r"0 \le x \le 1"),
    ("Suppose $x$ is at least 0 and less than one.", r"0 \le x < 1"),
    ("Suppose $x$ lies between 0 and 1.", r"0 \le x \le 1"),
    ("Suppose $x$ lies strictly between 0 and 1.", "0 < x < 1"),
    ("Suppose $x$ belongs to the interval $(0, 1)$.", r"x \in (0, 1)"),
])
def test_a_bound_in_words_is_the_formula_it_means(statement, formula):
    assert worded_formula(statement) == formula


@pytest.mark.parametrize("sentence", [
    "Let a be between 0 and 1.",                 # the article, not a letter
    "Suppose $x$ is greater than $y$ and less than 1.",  # a symbolic end
    "$x$가 0과 1 사이일 때 성립한다.",            # a hypothesis, not a statement
])
def test_other_sentences_are_not_read_as_a_bound(sentence):
    assert worded_formula(sentence) is None


@pytest.mark.parametrize("statement, then", [
    ("$x$가 0과 1 사이라고 하자.", "그러면"),
    ("x가 0과 1 사이라고 하자.", "그러면"),
    ("$x$는 0보다 크고 1보다 작다고 하자.", "그러면"),
    ("$x$가 구간 $(0, 1)$에 속한다고 하자.", "그러면"),
    ("Suppose $x$ is greater than 0 and less than 1.", "Then"),
])
def test_the_claim_is_checked_on_the_stated_interval(tmp_path, statement, then):
    # AC02–AC05: |x − 1| = 1 − x holds for 0 < x < 1
    assert _claim_after(tmp_path, statement, TRUE_ON_THE_UNIT_INTERVAL, then) == "checked"


@pytest.mark.parametrize("statement, then", [
    ("$x$가 0과 1 사이라고 하자.", "그러면"),
    ("Suppose $x$ is greater than 0 and less than 1.", "Then"),
])
def test_a_counterexample_inside_the_stated_interval_still_refutes(tmp_path, statement, then):
    assert _claim_after(tmp_path, statement, FALSE_ON_THE_UNIT_INTERVAL, then) == "refuted"


def test_a_kink_just_inside_the_stated_interval_still_refutes(tmp_path):
    # AC-kor6: sqrt((x − 1.9999)^2) = 1.9999 − x fails for 1.9999 < x < 2
    claim = r"$\sqrt{(x - 1.9999)^2} = 1.9999 - x$"
    assert _claim_after(tmp_path, "x가 0과 2 사이라고 하자.", claim, "그러면") == "refuted"


# -- a wording not read: the refutation is undecided, not refuted -------------------------------

@pytest.mark.parametrize("statement, then", [
    ("$x$가 0과 1 사이에 놓인 점의 좌표라고 하자.", "그러면"),
    ("x는 0 이상이고 또한 1 이하인 수라고 하자.", "그러면"),
    ("Suppose $x$ is always greater than 0 and also less than 1.", "Then"),
])
def test_an_unread_wording_of_a_bound_leaves_the_refutation_undecided(tmp_path, statement, then):
    assert _claim_after(tmp_path, statement, TRUE_ON_THE_UNIT_INTERVAL, then) in (
        "undecided", "skipped")


# -- one end alone -------------------------------------------------------------------------------

@pytest.mark.parametrize("statement, formula", [
    ("Suppose $x$ is greater than 0.", "0 < x"),
    ("Let $x$ be at most 1.", r"x \le 1"),
    ("$x$는 0보다 크다고 하자.", "0 < x"),
    ("$x$는 1 이하이다.", r"x \le 1"),
    ("$x$는 1보다 작거나 같다.", r"x \le 1"),
])
def test_one_end_in_words_is_the_formula_it_means(statement, formula):
    assert worded_formula(statement) == formula


def test_a_bound_below_one_in_korean_makes_the_claim_checked(tmp_path):
    statement = "$x$는 1보다 작다고 하자."
    assert _claim_after(tmp_path, statement, TRUE_ON_THE_UNIT_INTERVAL, "그러면") == "checked"


def test_a_positive_letter_in_words_gets_its_square_root(tmp_path):
    claim = r"$\sqrt{x^2} = x$"
    assert _claim_after(tmp_path, "Suppose $x$ is greater than 0.", claim) in ("proved", "checked")


# -- between 0 and 1: the ends may or may not belong -----------------------------------------------

@pytest.mark.parametrize("statement, then", [
    ("Suppose $x$ lies between 0 and 1.", "Then"),
    ("x가 0과 1 사이라고 하자.", "그러면"),
])
def test_a_claim_false_only_at_an_end_of_between_is_neither_checked_nor_refuted(
        tmp_path, statement, then):
    # ⌊x⌋ + x = x holds on [0, 1) and fails at x = 1: true if the ends are left out, false if not
    claim = r"$\lfloor x \rfloor + x = x$"
    assert _claim_after(tmp_path, statement, claim, then) == "undecided"


def test_strictly_between_leaves_the_ends_out(tmp_path):
    claim = r"$\lfloor x \rfloor + x = x$"
    # (0, 1): x = 1 is never tried; the floor's jumps are not located, so it stays undecided
    assert _claim_after(tmp_path, "Suppose $x$ lies strictly between 0 and 1.", claim) in (
        "checked", "proved", "undecided")
