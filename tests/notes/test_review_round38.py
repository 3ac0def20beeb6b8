"""The wordings rounds 36 and 37 left open, and round 38's findings.

* A heading between a definition and a step that relies on it opens a section that may give
  the name another meaning: every word of it is read (``### The cubic map``, ``### Cubes``:
  round 37 F04); a heading of known words (*Examples*, *Remarks*, *Backpropagation*) changes
  nothing.
* A Korean sentence after a formula saying what was used (*세제곱을 사용했다.*: round 36 F05e),
  and only the sentence right after a formula speaks of it (not the next paragraph's).
* Other arithmetics: ordinals and cardinals (*1 + ω = ω*: F18), counts including both ends
  (*3 + 3 = 5*, musical intervals: F19).
"""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line
from tests.notes.test_review_round36 import reading

DEFINED = "## Setup\n\nWe define\n\n$$f(x) = x^2.$$\n\nThen $f(2) = 4$.\n\n"  # f(2) = 4 on line 7
HOLDS = ("proved", "checked")


def after_a_heading(tmp_path, heading: str, claim: str) -> list[str]:
    """The verdicts of ``claim`` under ``heading``, a sub-section of the definition's."""
    found = verdicts_by_line(tmp_path, f"{DEFINED}### {heading}\n\nAnd ${claim}$.\n")
    assert found[7] == ["proved"]
    return found[11]


@pytest.mark.parametrize("heading, claim", [
    ("Cubes", "f(3) = 27"),
    ("The cubic map", "f(2) = 8"),
    ("The cubic map", "f(2) = 4"),  # the square's value may not be the section's
    ("Squares", "f(3) = 27"),
])
def test_a_heading_since_the_definition_is_read(tmp_path, heading, claim):
    assert not set(after_a_heading(tmp_path, heading, claim)) & {"proved", "checked", "refuted"}


@pytest.mark.parametrize("heading", ["Examples", "Remarks", "Backpropagation", "Worked examples",
                                     "예제"])
def test_a_heading_of_known_words_changes_nothing(tmp_path, heading):
    assert after_a_heading(tmp_path, heading, "f(3) = 9") == ["proved"]
    assert after_a_heading(tmp_path, heading, "f(3) = 27") == ["refuted"]


def test_a_heading_above_the_definition_is_not_a_change(tmp_path):
    note = "## The cubic map\n\nWe define\n\n$$f(x) = x^2.$$\n\nThen $f(2) = 8$.\n"
    assert verdicts_by_line(tmp_path, note)[7] == ["refuted"]


KOREAN = "함수를 다음과 같이 정의한다.\n\n$$f(x) = x^2$$\n\n"


@pytest.mark.parametrize("words", [
    "그러면 $f(2) = 8$ 이다. 여기서는 세제곱을 사용했다.\n",
    "그러면 $f(2) = 8$ 이다.\n\n세제곱을 사용했다.\n",
    "그러면 $f(2) = 8$ 이다. 세제곱을 이용하였다.\n",
])
def test_a_korean_sentence_saying_what_was_used_is_read(tmp_path, words):
    assert verdicts_by_line(tmp_path, KOREAN + words)[5] == ["undecided"]


def test_the_next_paragraph_does_not_speak_of_a_formula(tmp_path):
    # the sentence after f(2) = 8 is 'Here we used the square.': the one after that (the next
    # paragraph's, with its own formula) is not read as its words
    note = ("We define $f(x) = x^2$ for every real $x$.\n\nThen $f(3) = 9$. Here we used the "
            "square.\n\nThen $f(2) = 8$.\n")
    found = verdicts_by_line(tmp_path, note)
    assert found[5] == ["refuted"]


@pytest.mark.parametrize("left, right, named", [
    ("1 + \\omega", "\\omega", "ordinal"),
    ("3 + 3", "5", "both ends"),  # a third and a third make a fifth
    ("3 + 3 + 3", "7", "both ends"),
])
def test_ordinals_and_intervals_are_other_arithmetics(left, right, named):
    assert named in reading(left, right)


@pytest.mark.parametrize("left, right", [("2 + 2", "5"), ("7 \\cdot 8", "54"),
                                         ("\\omega + 1", "2")])
def test_a_formula_no_arithmetic_makes_true_stays_refuted(left, right):
    assert reading(left, right) == ""
