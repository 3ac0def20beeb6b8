r"""Review round 15, formulas the note does not assert are never reported *refuted* (the
refutation guard, :mod:`symderive.notes.refutation_guard`).

* F8 — a denial before the formula is not overridden by *holds / is true / is correct* after
  it when the formula stands in a that-clause: *It is false that $…$ holds*, *Students wrongly
  think $…$ holds*, *We cannot conclude that $…$ holds*, *Nobody should believe that $…$ is
  true*. *The naive bound is wrong: $…$ holds instead* still asserts it.
* F3 — a rhetorical, modal or negated question of why or how (*Why not simply write $…$?*,
  *How can $…$ be right?*, *Why isn't $…$?*, *Why do students believe $…$?*, 왜 $…$가 아닐까)
  does not presuppose the formula; the plain *Why does $…$ hold?* / *How do we get $…$?* does.

Each withheld case has a control: the same false formula asserted plainly stays refuted, and a
true identity in the same words stays proved.
"""

from __future__ import annotations

from pathlib import Path

from tests.notes.note_steps import steps_by_line


def _sections(tmp_path: Path, *paragraphs: str) -> list[list[str]]:
    """The verdicts of each paragraph's steps, each paragraph in a section of its own."""
    lines, spans = [], []
    for number, paragraph in enumerate(paragraphs):
        lines += [f"# S{number}", ""]
        first = len(lines) + 1
        lines += paragraph.split("\n") + [""]
        spans.append((first, len(lines)))
    found = steps_by_line(tmp_path, "\n".join(lines))
    return [[step.verdict for line in range(first, last + 1) for step in found.get(line, [])]
            for first, last in spans]


def _assert_each(tmp_path: Path, paragraphs: list[str], verdict: str) -> None:
    for paragraph, verdicts in zip(paragraphs, _sections(tmp_path, *paragraphs)):
        assert verdicts and set(verdicts) == {verdict}, (paragraph, verdicts)


FALSE_SQUARE = "(a+b)^2 = a^2 + b^2"
TRUE_SQUARE = "(a+b)^2 = a^2 + 2ab + b^2"


# -- F8: a denial before a that-clause is not overridden by "holds" after it -------------------

DENIED_THAT = [
    f"It is false that ${FALSE_SQUARE}$ holds.",
    r"Nobody should believe that $\sqrt{c^2 + d^2} = c + d$ is true.",
    r"It is a myth that $e^{u} e^{v} = e^{uv}$ is correct.",
    r"Students wrongly think $\frac{d}{dx} 2^x = x 2^{x-1}$ holds.",
    r"It is not the case that $\frac{d}{dx} x^2 = x$ holds.",
    r"We cannot conclude that $\frac{d}{dy} y^3 = y^2$ holds.",
    r"It would be wrong to think $\frac{d}{dz} z^4 = z^3$ is correct.",
    r"Nothing guarantees that $\frac{d}{du} u^5 = u^4$ is true.",
]


def test_a_formula_denied_in_a_that_clause_is_not_refuted(tmp_path):
    _assert_each(tmp_path, DENIED_THAT, "undecided")


def test_holds_after_a_finished_clause_still_asserts_the_formula(tmp_path):
    _assert_each(tmp_path, [f"The naive bound is wrong: ${FALSE_SQUARE}$ holds instead.",
                            f"The naive guess fails, but ${FALSE_SQUARE}$ holds.",
                            f"It is true that ${FALSE_SQUARE}$ holds.",
                            f"${FALSE_SQUARE}$ holds."], "refuted")
    _assert_each(tmp_path, [f"The naive bound is wrong: ${TRUE_SQUARE}$ holds instead.",
                            f"It is true that ${TRUE_SQUARE}$ holds."], "proved")


# -- F3: rhetorical why / how questions --------------------------------------------------------

RHETORICAL = [
    r"Why not simply write $\frac{d}{dw} w^3 = 3w$?",
    r"How can $\frac{d}{dz} z^2 = z$ be right?",
    r"How could $e^{s+t} = e^s + e^t$ possibly hold?",
    r"Why would anyone write $\frac{d}{dx} x^4 = x^3$?",
    r"How on earth did the author get $\frac{d}{dz} z^6 = z^5$?",
    r"Why do so many students believe $\frac{d}{du} u^7 = u^6$?",
    r"왜 $\frac{d}{dx}x^2 = x$가 아닐까?",
    r"Why isn't $\frac{d}{dy} y^3 = y^2$?",
    r"왜 $\frac{d}{dz} z^4 = z^3$이 되지 않을까?",
]


def test_a_rhetorical_why_or_how_question_does_not_claim_its_formula(tmp_path):
    _assert_each(tmp_path, RHETORICAL, "undecided")


def test_a_plain_why_or_how_question_presupposes_its_formula(tmp_path):
    _assert_each(tmp_path, [f"Why does ${FALSE_SQUARE}$ hold?", f"How do we get ${FALSE_SQUARE}$?",
                            f"Why is ${FALSE_SQUARE}$ true?", f"왜 ${FALSE_SQUARE}$ 이 성립할까?"],
                 "refuted")
    _assert_each(tmp_path, [f"Why does ${TRUE_SQUARE}$ hold?",
                            r"How do we get $\frac{d}{dz} z^2 = 2z$?"], "proved")
