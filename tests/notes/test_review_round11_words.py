r"""Review round 11a, the prose around a formula (F3, F7, F8, F10).

* F3 — a formula the note disowns is quoted, not claimed: words after a clause break (*claim
  that $…$; this is false*, *expect $…$, but this is not so*), *naively expect*, Korean 착각,
  *쓰는데, 이는 틀렸다*, *생각하기 쉽지만 그렇지 않다*, and a counterfactual or reductio (*If it
  were true that $…$, then $…$*).  A ≠ between two expressions bounds no letter.
* F10 — a question or an exercise (*Prove or disprove*, *True or false*, *Determine whether*,
  *Does $…$ hold?*, 증명하거나 반증하라, 성립하는가?, a list under *Which of the following
  hold?*) claims nothing: skipped (question), never refuted; one answered *Yes* right after is
  claimed.  *Find all $x$ with $x^2 = 2x$* is an equation to solve.
* F7 — generalising words after ``;`` or in the next sentence that refers back (*This identity
  holds for every real number $g$*) lift the example value.
* F8 — a sentence naming the base of ``\log`` in other words (*$\log x$ always means $\log_2
  x$*, *base $2$*, *base two*, 이진 로그, *in bits*) makes a bare-``\log`` step decided with ln
  undecided.

Each false reading has a true control of the same form that stays proved or checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.notes.disowned import disowning_words
from symderive.notes.lifted import ALL, lifted, said_after
from symderive.notes.log_base import sentence_base
from symderive.notes.questions import asking_words
from tests.notes.note_steps import steps_by_line


def _note(*paragraphs: str) -> tuple[str, list[int]]:
    """A note of one heading and the paragraphs, with the line each paragraph starts on."""
    lines, starts = ["# Note", ""], []
    for paragraph in paragraphs:
        starts.append(len(lines) + 1)
        lines += paragraph.split("\n") + [""]
    return "\n".join(lines), starts


def _verdicts(tmp_path: Path, *paragraphs: str) -> list[list]:
    """The steps of each paragraph (of the line it starts on)."""
    text, starts = _note(*paragraphs)
    found = steps_by_line(tmp_path, text)
    return [found.get(line, []) for line in starts]


# -- F3: disowned in a later clause, naively, 착각, counterfactuals ----------------------------

DISOWNED = [
    "Students often claim that $(a+b)^2 = a^2 + b^2$; this is false.",
    "One might naively expect $e^{a+b} = e^a + e^b$, but this is not so.",
    "You might think $\\sin(a+b) = \\sin a + \\sin b$, but that's not the case.",
    "It is a common misconception that $\\sqrt{a+b} = \\sqrt{a} + \\sqrt{b}$.",
    "Many people believe that $\\cos(2x) = 2\\cos x$, but it isn't.",
    "흔히 $\\cos(3x) = 3\\cos x$ 라고 착각한다.",
    "학생들은 종종 $(a+b)^2 = a^2 + b^2$ 이라고 쓰는데, 이는 틀렸다.",
    "$(a+b)^3 = a^3 + b^3$ 이라고 생각하기 쉽지만 그렇지 않다.",
    "$e^{a+b} = e^a + e^b$ 로 착각하면 안 된다.",
    "$\\tan(2x) = 2\\tan x$ 는 옳지 않다.",
]


def test_formulas_the_note_disowns_after_a_clause_break_are_quoted_not_refuted(tmp_path):
    for paragraph, steps in zip(DISOWNED, _verdicts(tmp_path, *DISOWNED)):
        assert steps, paragraph
        for step in steps:
            assert step.verdict == "skipped" and step.skip.value == "quoted", (paragraph, step)
            assert "indeed false" in step.reason or "undecided" in step.reason


def test_a_counterfactual_and_its_consequence_are_quoted_not_refuted(tmp_path):
    (both,) = _verdicts(tmp_path, "If it were true that $x + 1 = x$, then $1 = 0$.")
    assert [step.skip.value for step in both] == ["quoted", "quoted"]
    (korean,) = _verdicts(tmp_path, "만약 $y + 1 = y$ 라면 $1 = 0$ 이 되어 모순이다.")
    assert all(step.verdict == "skipped" for step in korean)


CLAIMED = [
    "Students often claim that $(a+b)^2 = a^2 + 2ab + b^2$; this is true.",
    "One might naively expect $e^{a+b} = e^a e^b$, and indeed this holds.",
    "Students often claim that $(a+b)^2 = a^2 + b^2 + 2ab$; the converse is false.",
    "학생들은 종종 $(a+b)^2 = a^2 + 2ab + b^2$ 이라고 쓰는데, 이는 맞다.",
    "흔히 $\\cos(2x) = 2\\cos^2 x - 1$ 이라고 쓴다.",
]


def test_true_controls_of_the_same_form_stay_proved(tmp_path):
    for paragraph, steps in zip(CLAIMED, _verdicts(tmp_path, *CLAIMED)):
        assert [step.verdict for step in steps] == ["proved"], (paragraph, steps)


def test_a_false_claim_the_note_makes_is_still_refuted(tmp_path):
    (steps,) = _verdicts(tmp_path, "Hence $(a+b)^2 = a^2 + b^2$ for all $a$.")
    assert [step.verdict for step in steps] == ["refuted"]


def test_disowning_words_are_not_read_when_negated_or_asserting():
    assert disowning_words("Students often claim that", "; this is false.", True)
    assert not disowning_words("Students often claim that", "; this is true.", True)
    assert not disowning_words("We claim that", "; this is not hard to see.", True)
    # a supposed relation "were true" is rejected; "If $x$ were negative, then" is a condition
    assert disowning_words("If $x + 2 = x$ were true, then", ".", True)
    assert not disowning_words("If $x$ were negative, then", ".", True)


def test_an_inequation_between_two_expressions_bounds_no_letter(tmp_path):
    inequation, claim = _verdicts(
        tmp_path, "Note that $(a - b)^2 \\neq a^2 - b^2$ in general.",
        "Hence $(a+b)^2 = a^2 + b^2$ for all $a$.")
    assert [step.verdict for step in claim] == ["refuted"]


# -- F10: questions and exercises --------------------------------------------------------------

QUESTIONS = [
    "1. Prove or disprove: $(a+b)^2 = a^2 + b^2$.",
    "2. True or false: $\\sin(2x) = 2\\sin x$.",
    "3. Determine whether $e^{a+b} = e^a + e^b$.",
    "4. Does $\\log(ab) = \\log a \\log b$ hold?",
    "5. Check whether $\\cos(2x) = 2\\cos x$.",
    "6. Decide if $2^{a+b} = 2^a + 2^b$ for all $a, b$.",
    "Is $\\cos(2x) = 2\\cos x$ for every $x$?",
    "$(x+y)^2 = x^2 + y^2$ — true or false?",
    "증명하거나 반증하라: $(a+b)^2 = a^2 + b^2$.",
    "참인가 거짓인가: $\\sin(2x) = 2\\sin x$.",
    "$e^{a+b} = e^a + e^b$ 인지 판별하라.",
    "$\\log(ab) = \\log a \\log b$ 가 성립하는가?",
    "$e^{2x} = 2e^x$ 는 항상 성립하는가?",
]


def test_questions_and_exercises_are_skipped_never_refuted(tmp_path):
    for paragraph, steps in zip(QUESTIONS, _verdicts(tmp_path, *QUESTIONS)):
        assert steps, paragraph
        for step in steps:
            assert step.verdict == "skipped" and step.skip.value == "question", (paragraph, step)
            assert "refuted" in step.reason  # what was found, as read


def test_a_question_the_note_answers_yes_is_claimed(tmp_path):
    answered, korean, why, show = _verdicts(
        tmp_path, "Does $(a+b)^2 = a^2 + 2ab + b^2$ hold? Yes, because the cross terms add.",
        "$(a+b)^2 = a^2 + 2ab + b^2$ 가 성립하는가? 그렇다.",
        "Why does $(a+b)^2 = a^2 + 2ab + b^2$ hold?",
        "Show that $\\sin(2x) = 2\\sin x\\cos x$.")
    for steps in (answered, korean, why, show):
        assert [step.verdict for step in steps] == ["proved"]


def test_a_question_answered_no_is_quoted(tmp_path):
    (steps,) = _verdicts(tmp_path, "Is it true that $e^{a+b} = e^a + e^b$? No.")
    assert [step.skip.value for step in steps] == ["quoted"]


def test_a_true_formula_asked_about_is_skipped_too():
    assert asking_words("Determine whether", "", True)
    assert not asking_words("We determine the derivative:", "", True)
    assert not asking_words("Why does", " hold?", True)
    # a question that ended before the formula asks of it only when it points at it
    assert not asking_words("$…$ — true or false?", "", False)
    assert asking_words("Is the following identity true?", "", False)


def test_an_exercise_list_under_a_question_is_not_claimed(tmp_path):
    text = "\n".join([
        "# Exercises", "", "Which of the following identities hold?", "",
        "1. $(a+b)^2 = a^2 + b^2$", "2. $e^{a+b} = e^a + e^b$", "",
        "## Worked", "", "The following identities hold:", "",
        "1. $(a+b)^2 = a^2 + 2ab + b^2$", "2. $\\cos(3x) = 3\\cos x$", ""])
    steps = steps_by_line(tmp_path, text)
    assert [step.skip.value for step in steps[5] + steps[6]] == ["question", "question"]
    assert [step.verdict for step in steps[12] + steps[13]] == ["proved", "refuted"]


def test_find_all_x_with_an_equation_is_a_condition_to_solve(tmp_path):
    text = "\n".join(["# Solve", "", "7. Find all $x$ with $x^2 = 2x$.", "",
                      "$x^2 = 2x$ 를 만족하는 $x$를 모두 구하라.", "",
                      "8. Explain why $\\tan(2x) = 2\\tan x$ is false.", ""])
    steps = steps_by_line(tmp_path, text)
    assert 3 not in steps and 5 not in steps  # conditions: no claim steps
    (quoted,) = steps[7]
    assert quoted.skip.value == "quoted" and "formula" not in quoted.reason  # no x^2 leak


# -- F7: generalising words after ';' or in the next sentence -----------------------------------

def test_a_general_claim_after_a_semicolon_or_next_sentence_is_not_proved_at_the_example(
        tmp_path):
    semicolon, next_sentence, korean = _verdicts(
        tmp_path, "Let $a = 2$. Note that $a^2 = 2a$; this identity is true for every $a$.",
        "Let $g = 2$. Then $g^2 = 2g$. This identity holds for every real number $g$.",
        "Let $h = 2$. Then $h^2 = 2h$. 이 등식은 모든 $h$에 대해 성립한다.")
    for steps in (semicolon, next_sentence, korean):
        assert [step.verdict for step in steps[-1:]] == ["refuted"]


def test_a_true_general_claim_stays_proved_and_an_example_claim_at_the_example(tmp_path):
    general, example, only = _verdicts(
        tmp_path,
        "Let $b = 2$. Note that $(b+1)^2 = b^2 + 2b + 1$; this identity is true for every $b$.",
        "Let $c = 2$. Then $c^2 = 4$; this is the value we need.",
        "Let $d = 2$. Then $d^2 = 4$. This holds only for the example.")
    assert [step.verdict for step in general[-1:]] == ["proved"]
    assert [step.verdict for step in example[-1:]] == ["proved"]
    assert "example value" in example[-1].reason
    assert [step.verdict for step in only[-1:]] == ["proved"]


def test_a_display_followed_by_this_identity_holds_for_every_k(tmp_path):
    text = "# D\n\nLet $k = 2$. Then\n$$ k^2 = 2k $$\nThis identity holds for every real $k$.\n"
    steps = steps_by_line(tmp_path, text)
    assert [step.verdict for step in steps[4]] == ["refuted"]


def test_said_after_reads_only_words_that_refer_back():
    assert lifted("Note that", said_after("; this identity is true for every $a$.")) == {"a"}
    assert said_after(". Then $b = 3$ for every $b$.") == ""
    assert lifted("", said_after(". This is true in general.")) is ALL
    # words that deny the general claim lift nothing: the claim stays at the example
    assert said_after(". This is not true for every $a$.") == ""
    assert said_after("; this holds only for $a$ here.") == ""


# -- F8: the base of \log in other words ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "In this course $\\log x$ always means $\\log_2 x$.",
    "Logarithms are taken base $2$.",
    "모든 로그는 이진 로그이다.",
    "Throughout, $\\log = \\log_2$.",
    "Here log means log to the base two.",
    "We measure entropy in bits throughout.",
    "Here $\\log$ denotes $\\log_{2}$.",
    "로그의 밑은 2이다.",
    "엔트로피는 비트 단위로 잰다.",
])
def test_sentences_that_state_base_two(sentence):
    assert sentence_base(sentence) == 2


@pytest.mark.parametrize("sentence", [
    "Note that $\\log_2 x = \\log x / \\log 2$.",
    "We do not measure entropy in bits.",
    "The log is not base 2.",
    "$\\log$ does not mean $\\log_2$ here.",
    "The number of bits is $\\log_2 n$.",
    "A 32-bit integer has 32 bits.",
])
def test_sentences_that_state_no_base(sentence):
    assert sentence_base(sentence) is None


def test_a_step_read_with_ln_is_undecided_where_the_note_says_base_two(tmp_path):
    text = "\n".join([
        "# Logs", "", "In this course $\\log x$ always means $\\log_2 x$.", "",
        "$$ \\log 8 = 2.08 $$", "", "## Bits", "", "We measure entropy in bits throughout.", "",
        "$$ -\\sum_{i=1}^{4} \\frac{1}{4} \\log \\frac{1}{4} = 1.39 $$", "",
        "## Natural", "", "Here we use the natural logarithm.", "", "$$ \\log 8 = 2.08 $$", ""])
    steps = steps_by_line(tmp_path, text)
    assert [step.verdict for step in steps[5]] == ["undecided"]
    assert "base 2 at line 3" in steps[5][0].reason
    assert [step.verdict for step in steps[11]] == ["undecided"]
    assert [step.verdict for step in steps[17]] == ["checked"]  # the control: ln said
