r"""Review round 12a, near paraphrases of words the reader already knew (F4, F5, F6, F7).

* F4 — words that generalise lift an example value: *the general identity*, a **Theorem.**
  label, 일반적인 항등식, a section headed *General case* after the example; and a claim the
  words call an identity for every value (*the identity $…$, valid for all $x$*, *The identity
  $…$ always holds*) is no equation to solve: a failing value refutes it.
* F5 — a sentence between a stated domain (*Let $x > 0$.*) and a display that names another
  sign, side or case (*In the negative case*, *Case 2.*, *Below zero*, *When the sign flips*,
  *For the remaining values*, 음의 경우에는, 두 번째 경우, 반대 부호에서는) ends the domain's
  scope: the display is not proved with it.
* F6 — a formula the note disowns in other words (*A wrong version:*, *Avoid the error*, ✗, ❌,
  ~~strikethrough~~, ``<del>``, *Bad:*, *Myth:*, *…, but unfortunately this fails*,
  *Erroneously, some texts state*, 오답, 잘못된 전개) is quoted, not refuted.
* F7 — a formula the note asks about (*Q: $…$?*, *Which is correct: $A$ or $B$?*, *Spot the
  bug:*, *What is wrong with*, an unchecked task item ``- [ ]``, *Why is $…$ wrong?*,
  *Counterexample to*, *Suppose someone claims*) is not refuted.

Each false reading has a true control of the same form: the note's own claims stay claimed.
"""

from __future__ import annotations

from pathlib import Path

from symderive.notes.disowned import disowning_words, struck_out
from symderive.notes.lifted import ALL, lifted, said_identity
from symderive.notes.questions import asking_words
from symderive.notes.scope_words import side_named
from tests.notes.note_steps import steps_by_line


def _sections(tmp_path: Path, *paragraphs: str) -> list[list]:
    """The steps of each paragraph, each in a section of its own (nothing leaks between them),
    keyed by the line each paragraph starts on; a paragraph's steps are those of all its lines."""
    lines, spans = [], []
    for number, paragraph in enumerate(paragraphs):
        lines += [f"# S{number}", ""]
        first = len(lines) + 1
        lines += paragraph.split("\n") + [""]
        spans.append((first, len(lines)))
    found = steps_by_line(tmp_path, "\n".join(lines))
    return [[step for line in range(first, last + 1) for step in found.get(line, [])]
            for first, last in spans]


FALSE_SQUARE = "(a+b)^2 = a^2 + b^2"
TRUE_SQUARE = "(a+b)^2 = a^2 + 2ab + b^2"


# -- F6: a formula the note disowns -----------------------------------------------------------

DISOWNED = [
    f"A wrong version: ${FALSE_SQUARE}$.",
    f"Avoid the error ${FALSE_SQUARE}$.",
    f"${FALSE_SQUARE}$ ✗",
    f"~~${FALSE_SQUARE}$~~",
    f"<del>${FALSE_SQUARE}$</del>",
    f"Bad: ${FALSE_SQUARE}$.",
    f"❌ ${FALSE_SQUARE}$",
    f"Myth: ${FALSE_SQUARE}$.",
    f"We would like ${FALSE_SQUARE}$, but unfortunately this fails.",
    f"Erroneously, some texts state ${FALSE_SQUARE}$.",
    f"Incorrect: ${FALSE_SQUARE}$.",
    f"A classic pitfall: ${FALSE_SQUARE}$.",
    f"The incorrect expansion would be ${FALSE_SQUARE}$.",
    f"Fallacy: ${FALSE_SQUARE}$.",
    f"**Bad:** ${FALSE_SQUARE}$",
    f"${FALSE_SQUARE}$ (✘)",
    f"Some texts mistakenly give ${FALSE_SQUARE}$.",
    f"Beware of the common trap of writing ${FALSE_SQUARE}$.",
    f"We might hope ${FALSE_SQUARE}$; sadly, that is false.",
    f"<s>${FALSE_SQUARE}$</s>",
    f"\\sout{{${FALSE_SQUARE}$}}",
    f"The well-known mistake ${FALSE_SQUARE}$ is easy to make.",
    f"오답: ${FALSE_SQUARE}$",
    f"${FALSE_SQUARE}$ 는 틀렸다.",
    f"잘못된 전개: ${FALSE_SQUARE}$",
    f"흔한 오해: ${FALSE_SQUARE}$",
]


def test_a_square_of_a_sum_the_note_calls_wrong_in_other_words_is_quoted_not_refuted(tmp_path):
    for paragraph, steps in zip(DISOWNED, _sections(tmp_path, *DISOWNED)):
        assert steps, paragraph
        for step in steps:
            assert step.verdict == "skipped" and step.skip.value == "quoted", (paragraph, step)
            assert "indeed false" in step.reason, (paragraph, step.reason)


CLAIMED = [
    f"Recall ${FALSE_SQUARE}$.",
    f"Good: ${FALSE_SQUARE}$.",
    f"${FALSE_SQUARE}$ ✓",
    f"A correct version: ${FALSE_SQUARE}$.",
    f"Why does ${FALSE_SQUARE}$ hold?",
    f"How do we get ${FALSE_SQUARE}$?",
    f"- [x] ${FALSE_SQUARE}$",
    f"Why is ${FALSE_SQUARE}$ true?",
]


def test_the_same_square_the_note_asserts_is_still_refuted(tmp_path):
    for paragraph, steps in zip(CLAIMED, _sections(tmp_path, *CLAIMED)):
        assert [step.verdict for step in steps] == ["refuted"], (paragraph, steps)


def test_the_true_square_after_a_good_label_or_recall_is_proved_and_a_bad_one_is_not_claimed(
        tmp_path):
    rows = [f"Recall ${TRUE_SQUARE}$.", f"Bad: ${FALSE_SQUARE}$. Good: ${TRUE_SQUARE}$.",
            f"A wrong version: ${TRUE_SQUARE}$."]
    recall, bad_good, wrongly_called = _sections(tmp_path, *rows)
    assert [step.verdict for step in recall] == ["proved"]
    assert [step.verdict for step in bad_good] == ["skipped", "proved"]
    # a true formula the note calls wrong: undecided, never proved as the note's claim
    assert [step.verdict for step in wrongly_called] == ["undecided"]


def test_a_wrong_version_of_a_display_is_quoted_and_still_shown_false(tmp_path):
    (steps,) = _sections(tmp_path, "Using the definitions above,\n\n$$(x+1)^2 = x^2 + 2x + 1.$$\n\n"
                                   "A wrong version:\n\n$$(x+1)^2 = x^2 + 1.$$")
    right, wrong = steps
    assert right.verdict == "proved"
    assert wrong.verdict == "skipped" and wrong.skip.value == "quoted"
    assert "indeed false" in wrong.reason


def test_the_disowning_reader_names_the_words_it_read():
    assert disowning_words("A wrong version:", " .", True).startswith("A wrong version:")
    assert disowning_words("", " ✗", True).startswith("$…$")
    assert disowning_words("Why is", " wrong?", True) == "Why is $…$ wrong"
    assert disowning_words("Why does", " hold?", True) == ""
    assert disowning_words("Good:", " .", True) == ""
    assert disowning_words("Minimise the error", " over w.", True) == ""  # a loss, not a mistake
    assert struck_out("~~", "~~") == "~~$…$~~"
    assert struck_out("<del>", "</del>") == "<del>$…$</del>"
    assert struck_out("~~old~~ new", "") == ""  # closed before the formula


# -- F7: a formula the note asks about --------------------------------------------------------

ASKED = [
    f"Q: ${FALSE_SQUARE}$?",
    f"Which is correct: ${FALSE_SQUARE}$ or ${TRUE_SQUARE}$?",
    f"Spot the bug:\n$${FALSE_SQUARE}$$",
    f"What is wrong with ${FALSE_SQUARE}$?",
    f"Select all that apply:\n\n- [ ] ${FALSE_SQUARE}$",
    f"Why is ${FALSE_SQUARE}$ wrong?",
    f"Counterexample to ${FALSE_SQUARE}$: take $a = b = 1$.",
    f"Suppose someone claims ${FALSE_SQUARE}$. Refute it.",
    f"Why doesn't ${FALSE_SQUARE}$ hold?",
    f"Is it ${FALSE_SQUARE}$ or ${TRUE_SQUARE}$?",
    f"Which of the following is true? ${FALSE_SQUARE}$ or ${TRUE_SQUARE}$.",
    f"어느 것이 옳은가: ${FALSE_SQUARE}$ 또는 ${TRUE_SQUARE}$?",
    f"${FALSE_SQUARE}$ 의 반례를 들어라.",
    f"틀린 곳을 찾아라:\n$${FALSE_SQUARE}$$",
]


def test_a_square_of_a_sum_the_note_asks_about_is_never_refuted(tmp_path):
    for paragraph, steps in zip(ASKED, _sections(tmp_path, *ASKED)):
        squares = [step for step in steps if step.lhs_latex.strip() == "(a+b)^2"]
        assert squares, paragraph
        for step in squares:
            assert step.verdict == "skipped", (paragraph, step)
            assert step.skip.value in ("quoted", "question"), (paragraph, step)


def test_a_checked_task_item_is_claimed_and_an_unchecked_one_is_not():
    assert asking_words("- [ ]", "", True).startswith("an unchecked item")
    assert asking_words("- [x]", "", True) == ""
    assert asking_words("Q:", "?", True) == "Q: $…$?"
    assert asking_words("How do we get", "?", True) == ""  # a question of how asserts it


# -- F5: another sign, side or case ends a stated domain ---------------------------------------

OTHER_CASES = [
    "In the negative case,", "**Case 2.** Negative values:", "Second case:", "Below zero,",
    "On the negative half-line,", "When the sign flips,", "Now the negative side:",
    "Mirror case:", "For $x$ on the left of the origin,", "음의 경우에는", "두 번째 경우:",
    "반대 부호에서는", "For the remaining values,", "With negative arguments,",
]


def test_a_positive_domain_does_not_prove_the_root_of_a_square_in_the_other_case(tmp_path):
    rows = [f"Let $x > 0$. Then $\\sqrt{{x^2}} = x$. {words}\n$$\\sqrt{{x^2}} = x.$$"
            for words in OTHER_CASES]
    for words, steps in zip(OTHER_CASES, _sections(tmp_path, *rows)):
        inline, display = steps
        assert inline.verdict == "proved", (words, inline)  # its own case: the domain holds
        assert display.verdict == "undecided", (words, display)
        assert "another case" in display.reason, (words, display.reason)


def test_the_root_of_a_square_stays_proved_when_no_other_case_is_named(tmp_path):
    (steps,) = _sections(
        tmp_path, "Let $x > 0$. Then $x^2 > 0$ as well. Hence\n$$\\sqrt{x^2} = x.$$")
    assert [step.verdict for step in steps][-1] == "proved"


def test_a_case_opened_after_a_display_is_the_next_displays_not_the_one_before(tmp_path):
    (steps,) = _sections(tmp_path, "Let $x > 0$. Then\n$$\\sqrt{x^2} = x.$$\nIn the negative "
                                   "case,\n$$\\sqrt{x^2} = -x.$$")
    assert [step.verdict for step in steps] == ["proved", "undecided"]


def test_a_side_word_counts_in_the_opening_words_not_after_a_formula():
    assert side_named("In the negative case,") >= 0
    assert side_named("For $x$ on the left of the origin,") >= 0
    assert side_named("Then $-x$ is negative.") == -1  # speaks of the formula -x
    assert side_named("The left-hand side is $x^2$.") == -1


# -- F4: words that generalise lift an example value -------------------------------------------

GENERALISED = [
    "In the special case $x = 3$ we get $x^2 = 9$. The general identity is\n$$x^2 - 3x = 0.$$",
    "Consider the example $x = 3$: $x^2 = 9$.\n\n**Theorem.** $$x^2 - 3x = 0.$$",
    "For instance, with $x = 3$, $x^2 = 9$. This is a special case of the identity "
    "$x^2 - 3x = 0$, valid for all $x$.",
    "For instance, with $x = 3$, $x^2 = 9$. The identity $x^2 - 3x = 0$ always holds.",
    "예를 들어 $x = 3$이면 $x^2 = 9$이다. 일반적인 항등식은 $$x^2 - 3x = 0$$ 이다.",
    "Suppose $x = 3$. Then $x^2 = 9$.\n\n## General case\n\n$$x^2 - 3x = 0$$",
]


def test_an_example_value_never_proves_the_general_identity(tmp_path):
    verdicts = []
    for paragraph, steps in zip(GENERALISED, _sections(tmp_path, *GENERALISED)):
        (claim,) = [step for step in steps if step.rhs_latex.strip() == "0"]
        assert claim.verdict != "proved", (paragraph, claim)
        verdicts.append(claim.verdict)
    # the words say identity: x = 1 gives -2, a refutation (F, H, I)
    assert verdicts[0] == verdicts[2] == verdicts[3] == "refuted"


def test_the_true_general_identity_is_proved_and_the_example_claim_stays_at_the_example(
        tmp_path):
    rows = ["In the special case $x = 3$ we get $x^2 = 9$. The general identity is\n"
            "$$x^2 - 3x = x(x - 3).$$",
            f"**Theorem.** $${TRUE_SQUARE}.$$",
            "The identity $(x+1)^2 = x^2 + 2x + 1$ always holds.",
            "## General case\n\nTake $x = 3$. Then $x^2 = 9$.",
            "The equilibrium always satisfies $x^2 - 3x = 0$."]
    general, theorem, always, inside, solved = _sections(tmp_path, *rows)
    assert [step.verdict for step in general] == ["proved", "proved"]
    assert [step.verdict for step in theorem] == ["proved"]
    assert [step.verdict for step in always] == ["proved"]
    assert [step.verdict for step in inside] == ["proved"]  # the example given in the section
    assert all(step.verdict != "refuted" for step in solved)  # an equation, not an identity


def test_the_generalising_words_read():
    assert lifted("The general identity is") is ALL
    assert lifted("**Theorem.**") is ALL
    assert lifted("일반적인 항등식은") is ALL
    assert lifted("By the theorem at $x = 3$,") is not ALL  # a theorem used, not stated
    assert said_identity("The identity", " always holds")
    assert said_identity("This is a special case of the identity", ", valid for all ")
    assert not said_identity("The identity matrix $I$ satisfies", " always")
    assert not said_identity("The equilibrium always satisfies", "")
    assert not said_identity("The identity", " holds for all roots $x$.")  # restricted


def test_a_general_result_applied_at_the_example_stays_at_the_example(tmp_path):
    rows = ["Plugging $x = 3$ into the general formula gives\n$$x^2 + x = 4x.$$",
            "Let $x = 3$. Using the general identity we get $x^2 + x = 4x$.",
            "Let $x = 3$.\n\n## Theorem application\n\n$$x^2 + x = 4x$$",
            "Let $x = 3$.\n\n## General case\n\n$$x^2 + x = 4x$$"]
    plugged, used, applied, general = _sections(tmp_path, *rows)
    for steps in (plugged, used):  # 9 + 3 = 12 at the example; but "general formula" is no
        # plain word (round 19: a claim false in general is proved at the example only among
        # plain words), so which is meant is asked — never refuted at another x
        assert [step.verdict for step in steps] == ["undecided"], steps
    # under a heading no word ties the display to the example: which is meant is asked, never
    # refuted at another x (round 18: a claim false in general needs a tie to be proved)
    assert [step.verdict for step in applied] == ["undecided"], applied
    assert [step.verdict for step in general] == ["refuted"]  # a section about every x
