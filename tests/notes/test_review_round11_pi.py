"""Round 11a F17: ``\\pi (x + y)`` is the circle constant times a sum, not a function π.

``\\pi (2r)^2 = 4\\pi r^2`` (area) and ``\\sin(\\pi (x + 1)) = -\\sin(\\pi x)`` were skipped as
"pi never defined", and ``\\pi (x + y) = \\pi (x) + \\pi (y)`` refuted on an invented function.
A note that names π a policy is still not read with the constant.
"""

import pytest

from tests.notes.note_steps import first_verdicts


@pytest.mark.parametrize("claim", [
    r"\pi (x + y) = \pi (x) + \pi (y)",
    r"\pi (2 r)^2 = 4 \pi r^2",
    r"\sin(\pi (x + 1)) = -\sin(\pi x)",
])
def test_pi_before_a_parenthesis_is_the_constant(tmp_path, claim):
    assert first_verdicts(tmp_path, f"$$ {claim} $$\n")[1] == "proved"


def test_pi_times_a_parenthesis_can_be_wrong(tmp_path):
    assert first_verdicts(tmp_path, r"$$ \pi (x + y) = \pi x + y $$" + "\n")[1] == "refuted"


def test_a_policy_pi_is_not_the_constant(tmp_path):
    text = "The policy $\\pi$ maps states to actions.\n\n$$ \\pi(s) + \\pi(t) = \\pi(s + t) $$\n"
    assert first_verdicts(tmp_path, text)[3] != "proved"
