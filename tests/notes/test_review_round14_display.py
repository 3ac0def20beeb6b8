"""Round 14a F3, F6, F7: words and quantifiers written inside a display (or right after it).

* F6 — an example value (*Take $w = 3$ as an example.*) is not the w of a later display that
  quantifies w itself (``\\text{for all } w``, ``\\forall w \\in \\mathbb{R}``, *holds
  identically*, *Identity:*, *The rule is*): ``w^2 = 3w`` is false (w = 1), never proved "for the
  example". The same true identity stays proved; a claim about the example stays proved.
* F7 — *Let $x > 0$.* does not hold for ``\\sqrt{x^2} = x \\quad \\forall x \\in \\mathbb{R}``:
  the display widens x to every real, so it is refuted at x = -1; under a bound the display
  itself writes (``\\forall x > 0``) it stays proved.
* F3 — a condition written in ``\\text{…}`` with any condition word (*only when, exactly when,
  iff, with, in the case, in case, precisely when, just when, 일 때, 인 경우*) is never ignored:
  a sufficient one (*with, in case, 일 때*) is the letter's domain (the true claim proved, a false
  one still refuted inside it); a converse one (*only when, iff, exactly when*) decides nothing
  outside its set, so a refutation there is withheld (undecided, naming the words).
"""

import pytest

from tests.notes.note_steps import steps_by_line


def sections_note(bodies: list[str]) -> tuple[str, list[int]]:
    """One section per body; the line of each body's last line (where its display is)."""
    lines: list[str] = []
    where: list[int] = []
    for number, body in enumerate(bodies, 1):
        lines += [f"## S{number}", ""]
        lines += body.split("\n")
        where.append(len(lines))
        lines.append("")
    return "\n".join(lines) + "\n", where


def verdicts(tmp_path, bodies: list[str]) -> list[tuple[str, str]]:
    """(verdict, reason) of the first step on each body's last line."""
    text, where = sections_note(bodies)
    found = steps_by_line(tmp_path, text)
    return [(found[line][0].verdict, found[line][0].reason) if line in found else ("none", "")
            for line in where]


EXAMPLE = "Take $w = 3$ as an example.\n\n"

# F6: ten and more ways to write inside or right after the display that w is any number
GENERAL_DISPLAYS = [
    "$$w^2 = 3w \\quad \\text{for all } w.$$",
    "$$w^2 = 3w \\quad \\forall w \\in \\mathbb{R}.$$",
    "$$w^2 = 3w \\;\\forall w$$",
    "$$w^2 = 3w \\qquad \\mbox{for every } w$$",
    "$$w^2 = 3w \\quad \\textrm{for any real } w$$",
    "$$w^2 = 3w \\quad \\text{for arbitrary } w \\in \\mathbb{R}$$",
    "$$w^2 = 3w \\quad \\text{for all $w$}$$",
    "$$w^2 = 3w \\quad \\text{모든 } w \\text{에 대해}$$",
    "$$w^2 = 3w \\quad \\text{(identically)}$$",
    "$$w^2 = 3w$$ holds identically.",
    "$$w^2 = 3w$$ for every real $w$.",
    "$$w^2 = 3w$$ 는 항등적으로 성립한다.",
    "Identity: $$w^2 = 3w.$$",
    "The rule is $$w^2 = 3w.$$",
    "Formula: $$w^2 = 3w.$$",
    "Property. $$w^2 = 3w.$$",
    "**Identity.** $$w^2 = 3w.$$",
    "항등식: $$w^2 = 3w.$$",
    "This does not depend on the example: $$w^2 = 3w.$$",
    "Now let $w_{1}$ vary. $$w_{1}^2 = 3w_{1}.$$",
]


def test_an_example_value_never_proves_a_display_that_quantifies_its_letter(tmp_path):
    bodies = [EXAMPLE.replace("w", "w_{1}") + display if "w_{1}" in display
              else EXAMPLE + display for display in GENERAL_DISPLAYS]
    found = verdicts(tmp_path, bodies)
    for display, (verdict, reason) in zip(GENERAL_DISPLAYS, found):
        assert verdict == "refuted", (display, verdict, reason)


def test_a_claim_label_after_an_example_asks_which_is_meant(tmp_path):
    (verdict, reason), = verdicts(tmp_path, [EXAMPLE + "Claim: $$w^2 = 3w.$$"])
    assert verdict == "undecided" and "say which is meant" in reason


def test_the_true_identity_stays_proved_under_the_same_words(tmp_path):
    true = [display.replace("w^2 = 3w", "(w+1)^2 = w^2 + 2w + 1").replace(
        "w_{1}^2 = 3w_{1}", "(w_{1}+1)^2 = w_{1}^2 + 2w_{1} + 1") for display in GENERAL_DISPLAYS]
    bodies = [EXAMPLE.replace("w", "w_{1}") + display if "w_{1}" in display
              else EXAMPLE + display for display in true]
    for display, (verdict, reason) in zip(true, verdicts(tmp_path, bodies)):
        assert verdict == "proved", (display, verdict, reason)


def test_a_claim_about_the_example_is_still_proved_at_it(tmp_path):
    bodies = [EXAMPLE + "Then $$3w^2 = 27.$$", EXAMPLE + "$$w^2 = 9 \\quad \\text{here}.$$",
              EXAMPLE + "$$w^2 = 9.$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict == "proved", (body, verdict, reason)


def test_a_bound_quantifier_in_the_display_keeps_the_other_letters_examples(tmp_path):
    # a = 2 is an example; the display quantifies x only: a x^2 = 2 x^2 holds at the example
    (verdict, reason), = verdicts(tmp_path, [
        "Take $a = 2$ as an example.\n\n$$a x^2 = 2 x^2 \\quad \\forall x \\in \\mathbb{R}.$$"])
    assert verdict == "proved", reason


# F7: a domain stated before, and a display that widens the letter to every real
WIDENING = [
    "$$\\sqrt{x^2} = x \\quad \\forall x \\in \\mathbb{R}.$$",
    "$$\\sqrt{x^2} = x \\qquad \\text{for all real } x$$",
    "$$\\sqrt{x^2} = x \\quad \\mbox{for every } x \\in \\mathbb{R}$$",
    "$$\\sqrt{x^2} = x, \\;\\forall x \\in \\mathbb{R}$$",
    "$$\\sqrt{x^2} = x \\quad \\textrm{for any real number } x$$",
]


@pytest.mark.parametrize("stated", ["Let $x > 0$.", "Assume $x > 0$ throughout.",
                                    "$x > 0$이라고 하자."])
def test_a_stated_domain_does_not_hold_where_the_display_widens_the_letter(tmp_path, stated):
    bodies = [stated + "\n\n" + display for display in WIDENING]
    for display, (verdict, reason) in zip(WIDENING, verdicts(tmp_path, bodies)):
        assert verdict != "proved", (display, reason)
        assert verdict in ("refuted", "undecided"), (display, verdict, reason)
    assert verdicts(tmp_path, [stated + "\n\n" + WIDENING[0]])[0][0] == "refuted"


def test_a_bare_forall_after_a_domain_is_never_proved_with_it(tmp_path):
    (verdict, reason), = verdicts(tmp_path, ["Let $x > 0$.\n\n$$\\sqrt{x^2} = x \\quad \\forall x$$"])
    assert verdict in ("refuted", "undecided"), reason


def test_the_domain_still_holds_under_the_displays_own_bound_and_for_true_claims(tmp_path):
    bodies = ["Let $x > 0$.\n\n$$\\sqrt{x^2} = x \\quad \\forall x > 0.$$",
              "Let $x > 0$.\n\n$$\\sqrt{x^2} = x.$$",
              "Let $x > 0$.\n\n$$\\sqrt{x^2} = |x| \\quad \\forall x \\in \\mathbb{R}.$$",
              "Let $x > 0$.\n\n$$(x+1)^2 = x^2 + 2x + 1 \\quad \\text{for all real } x$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict == "proved", (body, verdict, reason)


# F3: condition words in \text{…} inside the display
CONVERSE_WORDS = ["only when", "exactly when", "iff", "precisely when", "just when",
                  "if and only if", "when and only when", "only if"]
SUFFICIENT_WORDS = ["with", "in the case", "in case", "when", "if", "provided", "whenever",
                    "assuming", "given", "as long as"]


def test_a_converse_condition_in_the_display_withholds_the_refutation(tmp_path):
    bodies = [f"$$\\max(p, 0) = p \\quad \\text{{{word} }} p \\ge 0$$" for word in CONVERSE_WORDS]
    bodies += ["$$\\sqrt{e^2} = -e \\quad \\text{only when } e \\le 0.$$",
               "$$\\max(p, 0) = p \\text{ exactly when } p \\ge 0$$",
               "$$\\max(p_{2}, 0) = p_{2} \\qquad \\mbox{only when } p_{2} \\ge 0$$",
               "$$\\max(p, 0) = p \\quad \\textrm{iff } p \\geq 0$$",
               "$$\\max(p, 0) = p \\quad p \\ge 0 \\text{일 때만}$$",
               "$$\\max(p, 0) = p \\quad p \\ge 0 \\text{인 경우에만}$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict == "undecided", (body, verdict, reason)
        assert "condition" in reason, (body, reason)


def test_a_sufficient_condition_in_the_display_is_the_domain(tmp_path):
    bodies = [f"$$\\max(p, 0) = p \\quad \\text{{{word} }} p \\ge 0$$" for word in SUFFICIENT_WORDS]
    bodies += ["$$\\max(p, 0) = p \\quad p \\ge 0 \\text{일 때}$$",
               "$$\\max(p, 0) = p \\qquad p \\ge 0 \\text{인 경우}$$",
               "$$\\max(p, 0) = p \\quad \\mbox{in case } p \\ge 0$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict == "proved", (body, verdict, reason)


def test_a_claim_false_inside_its_condition_is_still_refuted(tmp_path):
    bodies = [f"$$\\max(p, 0) = -p \\quad \\text{{{word} }} p \\ge 0$$"
              for word in ("with", "in the case", "in case", "when")]
    bodies += ["$$\\max(p, 0) = -p \\quad p \\ge 0 \\text{일 때}$$",
               "$$\\max(p, 0) = -p \\quad p \\ge 0 \\text{인 경우}$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict == "refuted", (body, verdict, reason)


def test_unread_words_next_to_a_bound_on_a_letter_of_the_claim_are_never_refuted(tmp_path):
    # a structural guard: whatever the words, a \text{…} beside a bound on p is a condition
    bodies = ["$$\\max(p_{1}, 0) = p_{1} \\quad \\text{on the half-line } p_{1} \\ge 0$$",
              "$$\\max(p, 0) = p \\quad \\text{in the region } p \\ge 0$$",
              "$$\\max(p, 0) = p \\quad \\text{일 때 } p \\ge 0$$",
              "$$\\max(p, 0) = p \\quad \\textrm{so long as } p \\geq 0$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict in ("proved", "undecided"), (body, verdict, reason)


def test_words_without_a_bound_on_the_claims_letters_do_not_withhold_a_refutation(tmp_path):
    bodies = ["$$(a+b)^2 = a^2 + b^2 \\quad \\text{(expand)}$$",
              "$$(a+b)^2 = a^2 + b^2 \\quad \\text{with } c > 0$$"]
    for body, (verdict, reason) in zip(bodies, verdicts(tmp_path, bodies)):
        assert verdict == "refuted", (body, verdict, reason)
