"""Round 18: a claim false in general is proved at the example value only when the note ties it
to the example.

Every general phrasing missing from a list (*$…$ is an identity*, *Not only in our example*,
*Differentiating $…$ gives*, *As functions of $x$*, a numbered **Case 2.** title) became a
false proof while the rule was "proved unless a general word vetoes it"; now the claim's own
sentence must tie it to the example (*Then*, *so*, *hence*, *since*, *here*, *for this
choice*, *in our example*, *in both cases*, 그러면, 이므로), or stand alone right after the
value, or continue the sentence that sets it. Otherwise it is *undecided*, never proved.
"""

import pytest

from tests.notes.note_steps import first_verdicts

SET = "# A\n\nTake $x = 0$. Then $\\sin x = 0$.\n\n"


@pytest.mark.parametrize("sentence", [
    "Note that $\\cos x = 1$ is an identity.",
    "Recall the double angle formula $\\cos x = 1$.",
    "Not only in our example: $\\cos x = 1$ holds whatever $x$ is.",
    "Even outside of this example, $\\cos x = 1$.",
    "Differentiating $\\cos x = 1$ gives $2\\cos 2x = 2 \\cos x$.",
    "As functions of $x$, $\\cos x = 1$.",
    "**Case 2.** We have $\\cos x = 1$.",
])
def test_a_claim_not_tied_to_the_example_is_not_proved_there(tmp_path, sentence):
    assert first_verdicts(tmp_path, SET + sentence + "\n")[5] != "proved"


@pytest.mark.parametrize("sentence", [
    "Then $\\cos x = 1$.",
    "So here $\\cos x = 1$.",
    "For this choice, $\\cos x = 1$.",
    "그러면 $\\cos x = 1$이다.",
])
def test_a_claim_tied_to_the_example_is_proved_there(tmp_path, sentence):
    assert first_verdicts(tmp_path, SET + sentence + "\n")[5] == "proved"


def test_a_display_right_after_the_value_is_about_it(tmp_path):
    assert first_verdicts(tmp_path, "# A\n\nLet $c = 2$.\n\n$$c^2 = 4$$\n")[5] == "proved"
