"""Round 17 F29, F31: the words around a formula are read whatever its delimiters.

``\\(…\\)`` is ``$…$`` and ``\\[…\\]`` is ``$$…$$`` for every reader (F29: *For \\(x \\le 1\\),
\\(r(x) = x^2\\)* gave r a value at 3); an inline formula hard-wrapped across two lines is read
whole on the line it starts on (F31: *only for $x* / *\\le 1$*). Line numbers stay the
editor's; ``\\\\[10pt]`` (a LaTeX line break) and a lone dollar stay as written.
"""

import pytest

from symderive.notes.delimiters import one_spelling, unwrapped
from tests.notes.note_steps import first_verdicts, last_claim


def test_latex_delimiters_become_dollars():
    assert one_spelling(r"For \(x \le 1\), \[ r(x) = x^2 \]") == r"For $x \le 1$, $$ r(x) = x^2 $$"


@pytest.mark.parametrize("text", [r"a \\[10pt] b", r"cost \( without a closer", r"\$5 \(x\$\)"])
def test_escapes_and_lone_openers_stay_as_written(text):
    assert one_spelling(text) == text


def test_a_wrapped_formula_is_finished_on_its_first_line():
    text = "only for $x\n\\le 1$: $r(x) = x^2$.\nnext"
    assert unwrapped(text) == "only for $x \\le 1$\n: $r(x) = x^2$.\nnext"
    assert unwrapped(text).count("\n") == text.count("\n")


@pytest.mark.parametrize("text", ["It costs $5 and\nthe formula $x = 1$ holds",
                                  "a $x\n\nb$ c", "$$ a\n= b $$"])
def test_a_lone_dollar_a_paragraph_break_and_a_display_are_not_joined(text):
    assert unwrapped(text) == text


@pytest.mark.parametrize("sentence", [
    "For \\(x \\le 1\\), \\(r(x) = x^2\\). Then \\(r(3) = 9\\).",
    "Let \\(r(x) = x^2\\) for \\(x\\) between \\(0\\) and \\(1\\). Then \\(r(3) = 9\\).",
    "Let \\(r : [0, 1] \\to \\mathbb{R}\\), \\(r(x) = x^2\\). Then \\(r(3) = 9\\).",
])
def test_a_restriction_in_latex_delimiters_is_read(tmp_path, sentence):
    assert last_claim(tmp_path, f"# A\n\n{sentence}\n") == "skipped"


def test_a_definition_in_latex_delimiters_is_used(tmp_path):
    assert last_claim(tmp_path, "# A\n\nLet \\(r(x) = x^2\\). Then \\(r(3) = 9\\).\n") == "proved"


@pytest.mark.parametrize("text", [
    "# A\n\nThe definition holds only for $x\n\\le 1$: $r(x) = x^2$. Then $r(3) = 9$.\n",
    "# A\n\nLet $r(x) = x^2$ for all $x \\le\n1$. Then $r(3) = 9$.\n",
])
def test_a_restriction_wrapped_inside_its_formula_is_read(tmp_path, text):
    assert last_claim(tmp_path, text) == "skipped"


def test_a_claim_after_a_wrapped_formula_keeps_its_line(tmp_path):
    found = first_verdicts(tmp_path, "# A\n\nWe have $x^2 +\n2x = x(x + 2)$.\n\nAlso $1 + 1 = 2$.\n")
    assert found == {3: "proved", 6: "proved"}
