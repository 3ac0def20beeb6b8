"""Review round 10 H5: an interval written alone next to a display ("On $[1, \\infty)$ we have",
"which holds on $[1, \\infty)$.") is where the note says the display holds; x^2 ≥ x fails only
outside it (x(x − 1) < 0 on (0, 1)), so the display is not refuted."""

import pytest

from symderive.notes.bare_intervals import bare_interval
from tests.notes.note_steps import steps_by_line


@pytest.mark.parametrize("text", [
    "We have\n$$x^2 \\ge x$$\nwhich holds on $[1, \\infty)$.\n",
    "On $[1, \\infty)$ we have\n$$x^2 \\ge x$$\n",
    "Over $[1, \\infty)$,\n$$x^2 \\ge x$$\n",
])
def test_an_inequality_false_only_outside_the_stated_interval_is_not_refuted(tmp_path, text):
    assert 0.5**2 < 0.5  # the counterexamples the sampler finds lie in (0, 1)
    line = text.split("\n").index("$$x^2 \\ge x$$") + 1
    step = steps_by_line(tmp_path, text)[line][0]
    assert step.verdict != "refuted", step.reason


def test_a_false_claim_without_an_interval_is_still_refuted(tmp_path):
    step = steps_by_line(tmp_path, "We have\n$$x^2 \\ge x$$\nfor every real $x$.\n")[2][0]
    assert step.verdict == "refuted"


def test_only_a_formula_that_is_one_interval_counts():
    lines = ["$$x^2 \\ge x$$", "where $f(x, y)$ is smooth."]
    assert bare_interval("Then", lines, 1, "x^2 \\ge x") == ""
    assert "[0, 1]" in bare_interval("On $[0, 1]$, we get", lines, 1, "x^2 \\ge x")


def test_an_interval_given_to_a_function_is_not_the_displays_domain():
    lines = ["$$\\int_0^1 f(x + 1) dx = \\int_0^1 f(x) dx$$"]
    assert bare_interval("Let $f$ be a smooth function on $[0,1]$.", lines, 1, lines[0]) == ""
