"""Round 21, definitions: a formula stated as what follows is no definition, a definition the
note calls wrong or attributes to someone gives nothing, a new meaning given inside an example,
a footnote or a quote ends with it, and a value set on a letter written upright is a condition
(inputs: /work/findings/round21)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import steps_by_line


def verdicts(tmp_path, text: str) -> list[str]:
    found = steps_by_line(tmp_path, text)
    return [step.verdict for line in sorted(found) for step in found[line]]


# F12: "Then $f(x) = x$" after an example value states f there; it does not define f
@pytest.mark.parametrize("text", [
    "Let $f$ be the ReLU. Take $x = 2$. Then $f(x) = x$. So $f(-1) = -1$.",  # ReLU(−1) = 0
    "Let $f$ be the ReLU. Take $x = 2$. Then $f(x) = 2$. Also $f(5) = 2$.",  # ReLU(5) = 5
])
def test_a_value_stated_as_what_follows_defines_no_function(tmp_path, text):
    assert "proved" not in verdicts(tmp_path, text + "\n")


def test_a_defined_function_is_still_evaluated_at_the_example(tmp_path):
    text = "Let $f(x) = x^2$. Take $x = 3$. Then $f(x) = 9$. Also $f(2) = 4$.\n"
    assert verdicts(tmp_path, text) == ["proved", "proved"]


# F15: a definition labelled wrong, quoted from a student, or offered and declined
@pytest.mark.parametrize("words", [
    "Wrong: let $f(x) = x^3$.",
    'A student wrote: "let $f(x) = x^3$". That is wrong.',
    "> Wrong: Let $f(x) = x^3$.",
    "One might instead define $f(x) = x^3$; we do not.",
])
def test_a_definition_the_note_disowns_is_not_in_force(tmp_path, words):
    # the note's f is x²: f(2) = 4, so "f(2) = 8" is refuted with it, never proved with x³
    text = f"Let $f(x) = x^2$.\n\n{words}\n\nSo $f(2) = 8$.\n"
    assert verdicts(tmp_path, text)[-1] == "refuted"


def test_a_new_definition_in_the_notes_own_words_replaces_the_old(tmp_path):
    text = "Let $f(x) = x^2$.\n\nLet $f(x) = x^3$. Then $f(2) = 8$.\n\nSo $f(3) = 9$.\n"
    assert verdicts(tmp_path, text) == ["proved", "refuted"]  # 27 ≠ 9 with the new f


# F16: a new meaning given inside a block ends with the block
@pytest.mark.parametrize("block", [
    "\\begin{example}\nLet $f(x) = x^3$. Then $f(2) = 8$.\n\\end{example}",
    "<details><summary>Variant</summary>\n\nLet $f(x) = x^3$. Then $f(2) = 8$.\n\n</details>",
    "::: example\nLet $f(x) = x^3$. Then $f(2) = 8$.\n:::",
])
def test_a_definition_inside_an_example_block_ends_with_it(tmp_path, block):
    text = f"Let $f(x) = x^2$.\n\n{block}\n\nSo $f(3) = 9$.\n"
    assert verdicts(tmp_path, text) == ["proved", "proved"]


# F7: a value set on an upright letter is at least a condition of the claims after it
@pytest.mark.parametrize("text", [
    "Take $\\mathrm{T} = 2$. Then $\\mathrm{T}^2 = 2\\mathrm{T}$.",  # 4 = 4 at T = 2
    "Take $\\mathrm T = 2$. Then $\\mathrm T^2 = 2\\mathrm T$.",
    "Take $\\mathit{x} = 0$. Then $\\sin 2\\mathit{x} = 2\\sin \\mathit{x}$.",
])
def test_a_value_on_an_upright_letter_is_never_contradicted(tmp_path, text):
    assert "refuted" not in verdicts(tmp_path, text + "\n")


# F3, F5: "the same function" changed by the words after it, a name on the right of "=:", a
# function given a bare formula
@pytest.mark.slow  # (a sample of its cases in CI: tests/conftest.py)
@pytest.mark.parametrize("words", [
    "Now let $f$ be as above, but doubled.", "Now let $f$ be the same function plus one.",
    "Now let $f$ be as before, shifted by one.", "From now on $f$ is the previous function times two.",
    "Now let $f$ denote this function plus one.", "In the second part, $x^3 =: f(x)$.",
    "In the second part, $x^3 \\eqqcolon f(x)$.", "In the second part, $f = x^3$.",
])
def test_a_changed_meaning_is_no_old_meaning(tmp_path, words):
    # with the new f, f(1) ≠ 1 (2, 2, 4, 2, 2, 1³ = 1 is avoided by f(2) below)
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(2) = 4$.\n"
    assert verdicts(tmp_path, text)[-1] != "proved"


@pytest.mark.parametrize("words", ["Let $f$ be as above.", "Let $f$ denote the same function.",
                                   "Here $f$ is the previous function."])
def test_the_same_meaning_named_again_keeps_the_formula(tmp_path, words):
    text = f"Let $f(x) = x^2$ for all real $x$. Then $f(2) = 4$.\n\n{words} Then $f(2) = 4$.\n"
    assert verdicts(tmp_path, text) == ["proved", "proved"]
