"""A claim after example values is read at them only when it computes a value there.

``sin 2x = 2 sin x`` after *Take $x = 0$* holds at 0 and fails at π/4 (1 ≠ √2). Rounds 15–20
found ever new wordings under which it was *proved* "for the example values" although the note
meant it for every x. The letter x stands on both sides: the claim is a relation in x, and it
reads as one for every x however the words around it run, so it is never proved from x = 0.
A claim with no example letter on one of its sides (``x^2 = 0``, ``wx + 1 = 7``) is a value
computed at the example: proved there when it holds, and — new — refuted there when it does
not (*Let $x = 2$. Then $x^2 = 5$*: 4 ≠ 5 is an error of arithmetic, not an equation to solve).
"""

from __future__ import annotations

import math

import pytest

from tests.notes.note_steps import first_verdicts, steps_by_line


@pytest.mark.parametrize("text", [
    "Take $x = 0$. Then $\\sin 2x = 2 \\sin x$.",
    "Take $x = 0$. So here $\\sin 2x = 2 \\sin x$.",
    "Take $x = 0$. For this choice, $\\sin 2x = 2 \\sin x$.",
    "Take $x = 0$. Then $\\sin 2x = 2 \\sin x$ holds for this choice.",
    "$x = 0$이라 하자. 그러면 $\\sin 2x = 2 \\sin x$이다.",
    "Let $t = 1$. Then $t^3 = t^2$.",
    "Let $d = 2$. Then $d^2 = 2d$. This holds only for the example.",
])
def test_a_relation_in_the_example_letter_is_never_proved_at_the_example(tmp_path, text):
    assert math.sin(2 * math.pi / 4) != 2 * math.sin(math.pi / 4)  # false for x = π/4
    step = steps_by_line(tmp_path, f"# A\n\n{text}\n")[3][0]
    assert step.verdict == "undecided"
    assert "stands on both sides" in step.reason


@pytest.mark.parametrize("text", [
    "Take $x = 0$. Then $\\sin 2x = 0$.",
    "Take $x = 0$. Then $\\sin 2x = 2\\sin x \\cos x$.",  # true for every x
    "Let $w = 2$ and $x = 3$. Then $wx + 1 = 7$.",
    "Let $a = 1$ and $b = 2$. Then $2a = b$.",  # no letter on both sides
    "Let $c = 5$. Then $c + d = 5 + d$.",  # d has no example value: true for every d
    "$x = 0$이라 하자. 그러면 $\\cos x = 1$이다.",
])
def test_a_value_computed_at_the_example_is_proved_there(tmp_path, text):
    assert first_verdicts(tmp_path, f"# A\n\n{text}\n")[3] == "proved"


@pytest.mark.parametrize("text, left, right", [
    ("Let $x = 2$. Then $x^2 = 5$.", 2**2, 5),
    ("Let $w = 2$ and $x = 3$. Then $z = wx + 1 = 8$.", 2 * 3 + 1, 8),
    ("Take $n = 3$. Then $\\sum_{k=1}^{n} k = 7$.", 1 + 2 + 3, 7),
    ("Let $a = 1$ and $b = 2$. Then $2a = 3b$.", 2 * 1, 3 * 2),
    ("$x = 2$라 하자. 그러면 $x^2 = 5$이다.", 2**2, 5),
])
def test_a_wrong_value_computed_at_the_example_is_refuted(tmp_path, text, left, right):
    assert left != right
    last = steps_by_line(tmp_path, f"# A\n\n{text}\n")[3][-1]  # (z = wx + 1 defines z)
    assert last.verdict == "refuted"


@pytest.mark.parametrize("text", [
    "Let $x = 2$. We want $x^2 = 5$.",  # a goal, not a result
    "Let $x = 2$. The required value is $x^2 = 5$.",
    "Let $x = 2$. Then $x y = 5$.",  # y is still unknown: an equation to solve for y
    "Let $x = 2$. Then $x^2 = 5$ has no integer solution.",  # not about the example
])
def test_a_goal_or_an_equation_in_an_unknown_is_not_refuted(tmp_path, text):
    assert first_verdicts(tmp_path, f"# A\n\n{text}\n")[3] == "skipped"
