"""Round 15 F35, F43: which written values a claim true only there may be about.

A claim that holds only at a value written before it (sin 2x = 2 sin x at x = 0) is proved
"for the example values given just before" only when the note set that value on purpose —
*Take $x = 0$*, *Let*, *For example*, *$x = 0$이라 하자* — never when the value is a feature of
something else (*the vertical asymptote $x = 0$*, *vanishes at $x = 0$*, *the line $y = 0$*):
there the claim is undecided ("say which is meant"), as the general reading is false. And words
that generalise (*This extends to every $z$:*, *Beyond this special case*) release the value.
"""

import pytest

from tests.notes.note_steps import first_verdicts


def claim_after(tmp_path, sentence: str) -> str:
    # sin 2x = 0 holds at x = 0, not at x = π/4 (a value computed at the example, if any)
    found = first_verdicts(tmp_path, f"# A\n\n{sentence}\n\nThen $$\\sin(2x) = 0.$$\n")
    return found[max(found)]


@pytest.mark.parametrize("sentence", [
    "The function $\\tan$ has the vertical asymptote $x = \\pi/2$ and vanishes at $x = 0$.",
    "The function $\\sin$ vanishes at $x = 0$.",
    "The minimum of $x^2$ is attained at $x = 0$.",
    "The graph crosses the axis $x = 0$ once.",
])
def test_a_value_that_is_a_feature_of_something_else_proves_nothing(tmp_path, sentence):
    assert claim_after(tmp_path, sentence) != "proved"


@pytest.mark.parametrize("sentence", ["Take $x = 0$.", "For example, let $x = 0$.",
                                      "$x = 0$이라 하자."])
def test_a_value_set_on_purpose_is_what_the_claim_after_it_is_about(tmp_path, sentence):
    assert claim_after(tmp_path, sentence) == "proved"


@pytest.mark.parametrize("words", ["This extends to every $x$:", "Beyond this special case,"])
def test_words_that_generalise_release_the_example_value(tmp_path, words):
    text = f"# A\n\nLet $x = 0$. Then $\\sin x = 0$.\n\n{words} $$\\sin(2x) = 2\\sin x.$$\n"
    found = first_verdicts(tmp_path, text)
    assert found[max(found)] != "proved"
