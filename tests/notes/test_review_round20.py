"""Round 20: an adversarial review of the plain-words rule (notes/example_words.py), emphasis
(notes/emphasis.py) and the new-meaning readers. Each false proof below came from a phrasing
the round-19 rules let through; the controls keep the readings that must stay.
"""

import pytest

from tests.notes.note_steps import before_and_after_change, first_verdicts, verdicts_by_line

CLAIM = "Take $x = 0$. Then $\\cos x = 1$."


@pytest.mark.parametrize("text", [
    CLAIM + " It holds for real $x$, not just $x = 0$.",  # F1: the next sentence widens it
    CLAIM + " This is valid for $x \\in \\mathbb{R}$.",
    CLAIM + " Now, this is true for real $x$ as well.",
    CLAIM + " The same holds for $x = \\pi/4$.",
    CLAIM + " This is correct. It holds for every real $x$.",  # F5: two sentences on
    CLAIM + "\n\nThis identity holds for every real $x$.",  # the next paragraph
    "Take $x = 0$. Then $\\cos x = 1$,\n- and this holds for every real $x$.",
    "Take $x = 0$. Let $2x = \\pi$. Then $\\cos x = 1$.",  # F2: a new value
    "Take $x = 0$. Set $x + 1 = 2$. Then $\\cos x = 1$.",
    "Take $x = 0$. Let $\\mathrm{x} = 1$. Then $\\cos x = 1$.",
    "$x = 0$이라 하자. 그러면 각 값에서 $\\cos x = 1$이다.",  # F3
    "Take $x = 0$. Then $\\cos x = 1$, i.e. $\\cos x - 1 = 0 \\text{ for all } x$.",
    "Take $x = 0$. Plugging in $\\pi/4$, we get $\\cos x = 1$.",  # F9
    "$x = 0$이라 하자. $x + 1 = 3$이므로 $\\cos x = 1$이다.",  # F10
    CLAIM[:-1] + " (note $b<a$, so it is an identity, and $a>b$).",  # F12: no tag
])
def test_widening_words_and_new_values_around_the_claim_stop_the_example_proof(tmp_path, text):
    # cos x = 1 is false at x = π/4
    assert "proved" not in first_verdicts(tmp_path, "# A\n\n" + text + "\n").values()


def test_an_arbitrary_letter_far_above_ends_an_old_value(tmp_path):
    # F11: the words after every value in force are read, near or not
    text = ("# A\n\nTake $x = 0$ and $y = 1$.\n\nFrom now on, $x$ is an arbitrary real number.\n\n"
            "\n\n\n\n\nTake $y = 2$. Then $y \\cos x = 2$.\n")
    assert "proved" not in [v for line, v in first_verdicts(tmp_path, text).items() if line > 5]


def test_environments_keep_their_emphasis_commands(tmp_path):
    # F6: \underline{u} is a name of its own, not u (u = 5 does not give it a value)
    text = ("\\documentclass{article}\n\\begin{document}\nLet $u = 5$.\n\\begin{equation}\n"
            "2\\,\\underline{u} = 10\n\\end{equation}\n\\end{document}\n")
    note = tmp_path / "n.tex"
    note.write_text(text, encoding="utf-8")
    from symderive.notes.check_notes import NotesOptions, check_files

    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    verdicts = [s.verdict for e in report.files[0].equations for s in e.steps]
    assert "proved" not in verdicts


@pytest.mark.parametrize("text,line", [
    ("For\n_negative_ $x$, let $r(x) = -x$.\n\nThen $r(-2) = 2$ and $r(2) = 2$.", 6),  # F7
])
def test_an_emphasised_word_opening_a_wrapped_line_is_read(tmp_path, text, line):
    # r(2) is outside "negative x": r(2) = 2 is not given by the formula r(x) = -x
    assert verdicts_by_line(tmp_path, "# A\n\n" + text + "\n")[line][-1] != "proved"


@pytest.mark.parametrize("change", [
    "Let $f(x)$ be $\\max(0, x)$.",  # F8
    "Let $f \\equiv 0$.",
    "Denote the ReLU by $f$.",
    "Let us call the ReLU $f$ from here on.",
    "We let the ReLU play the role of $f$.",
])
def test_still_more_new_meanings_of_a_function_keep_no_old_formula(tmp_path, change):
    # ReLU(-1) = 0 (and the zero function is 0): f(-1) = 1 is false under the new meaning
    before, after = before_and_after_change(tmp_path, "Let $f(x) = x^2$.", change, "$f(-1) = 1$")
    assert before == "proved" and after not in ("proved", "checked")


def test_korean_instead_sets_aside_the_formula_before_it(tmp_path):
    # F13: "$f(x) = x^2$ 대신 $f(x) = x^3$을 쓰자" chooses x^3: f(2) = 8 is never refuted
    text = "# A\n\n$f(x) = x^2$ 대신 $f(x) = x^3$을 쓰자. 그러면 $f(2) = 8$이다.\n"
    assert "refuted" not in verdicts_by_line(tmp_path, text)[3]


@pytest.mark.parametrize("condition", ["\\text{(x \\geqslant 0)}", "\\text{(x ⩾ 0)}"])
def test_slanted_inequalities_in_a_display_condition_are_read(tmp_path, condition):
    # F14: √(x²) = x for x ≥ 0
    text = f"# A\n\nWe have\n$$\\sqrt{{x^2}} = x \\qquad {condition}$$\n"
    assert first_verdicts(tmp_path, text)[4] == "proved"


def test_a_plain_example_is_still_proved(tmp_path):
    text = "# A\n\nTake $x = 2$. Then $x^2 = 4$. This is the value we need.\n"
    assert first_verdicts(tmp_path, text)[3] == "proved"


@pytest.mark.parametrize("words", [
    "Note that $f$ is Lipschitz.",  # F16: a property named after someone, not a new meaning
    "Note that $f$ is $C^1$.",
    "Note that $f$ is $2\\pi$-periodic.",
])
def test_a_property_of_a_defined_function_keeps_its_formula(tmp_path, words):
    text = "# A\n\nDefine $f(x) = 2x$ for all real $x$. " + words + " Then $f(3) = 6$.\n"
    assert first_verdicts(tmp_path, text)[3] == "proved"
