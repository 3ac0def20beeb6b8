"""Round 14a F23: a function the note defines on part of the line, in pieces or in one piece.

*Let $f(x) = x^2$ for $x \\le 1$. For $x > 1$, let $f(x) = 2 - x$.* — two sentences (or two
paragraphs) that define f by cases: f(0.5) = 0.25, not the last piece's 1.5. And a single piece,
*For $x \\le 1$, $r(x) = x^2$.*, says nothing of r(1.5): ``r(1.5) = 2.25`` is not proved with
the formula, nor refuted — the note gives r no value there.
"""

import pytest

from tests.notes.note_steps import first_reasons, first_verdicts

TWO_SENTENCES = "Let $f(x) = x^2$ for $x \\le 1$. For $x > 1$, let $f(x) = 2 - x$."
TWO_PARAGRAPHS = "Let $f(x) = x^2$ for $x \\le 1$.\n\nFor $x > 1$, let $f(x) = 2 - x$."
SEQUENCE = "Set $f(x) = 1$ when $x > 0$. When $x \\le 0$, set $f(x) = 0$."


def verdict(tmp_path, definition: str, claim: str) -> str:
    found = first_verdicts(tmp_path, f"# P\n\n{definition}\n\nThen $${claim}$$\n")
    return found[max(found)]


@pytest.mark.parametrize("definition", [TWO_SENTENCES, TWO_PARAGRAPHS])
@pytest.mark.parametrize("claim, expected", [
    ("f(0.5) = 0.25", "proved"), ("f(0.5) = 1.5", "refuted"),
    ("f(3) = -1", "proved"), ("f(3) = 9", "refuted"),
])
def test_pieces_in_two_sentences_define_the_function_by_cases(tmp_path, definition, claim,
                                                              expected):
    assert verdict(tmp_path, definition, claim) == expected


def test_a_piece_after_when_in_the_next_sentence_joins_too(tmp_path):
    assert verdict(tmp_path, SEQUENCE, "f(5) = 1") == "proved"
    assert verdict(tmp_path, SEQUENCE, "f(5) = 0") == "refuted"


@pytest.mark.parametrize("definition", [
    "For $x \\le 1$, $r(x) = x^2$.",
    "Let $r(x) = x^2$ for $x \\le 1$.",
    "On $[0, 1]$, $r(x) = x^2$.",
    "$r(x) = x^2$ $(x \\le 1)$.",
    "$$r(x) = x^2, \\quad x \\le 1$$",  # the condition inside the display
    "$$r(x) = x^2 \\quad \\text{for } x \\le 1$$",
])
@pytest.mark.parametrize("claim", ["r(1.5) = 2.25", "r(1.5) = 0"])
def test_one_piece_gives_no_value_outside_its_condition(tmp_path, definition, claim):
    assert verdict(tmp_path, definition, claim) == "skipped"


def test_one_piece_is_used_inside_its_condition_and_the_reason_names_it(tmp_path):
    assert verdict(tmp_path, "On $[0, 1]$, $r(x) = x^2$.", "r(0.5) = 0.25") == "proved"
    assert verdict(tmp_path, "On $[0, 1]$, $r(x) = x^2$.", "r(0.5) = 0.5") == "refuted"
    found = first_reasons(tmp_path, "# P\n\nFor $x \\le 1$, $r(x) = x^2$.\n\nThen $$r(1.5) = 2.25$$\n")
    assert "only where $x \\le 1$" in found[max(found)] and "outside" in found[max(found)]


def test_words_that_open_a_sentence_without_a_condition_join_nothing(tmp_path):
    # "For convenience," is no condition: the second formula redefines g from then on
    text = "Let $g(x) = x^2$. For convenience, let $g(x) = 2 - x$ from now on."
    assert verdict(tmp_path, text, "g(0.5) = 1.5") == "proved"
