"""Round 17 F1, F4, F5, F6, F8: when a claim true only at an example value is about it.

A claim that holds at the example value in force but not for every value is *proved for the
example values* only when the note plainly speaks of the example. These notes do not:

* F1: the value is concluded, not set (*Let $p = 2$. Then $p = 3$, hence $p^2 + 1 = 10$*);
* F4: an instance of a family defined at a shifted index is concluded (*Let $b_{n+1} = n^2$.
  Then $b_3 = 9$*, while b_3 = 2² = 4);
* F5: the claim's own sentence ranges over the name (*for $x \\in \\mathbb{R}$*, *for real
  $x$*, *everywhere*, 실수 $x$에 대하여);
* F6: the value locates a feature (*The only real root … is $x = 0$*, *has its vertex where*);
* F8: a new unit starts in between (``---``, ``**Derivatives.**``, *Exercise 3.*), or the claim
  is a derivative function in the example's letter (``\\frac{d}{dx}\\sin x = 1`` at x = 0).

Controls: a value set on purpose, a list of values after one *Let*, and a claim in another
letter's range stay proved.
"""

import pytest

from tests.notes.note_steps import last_claim, verdicts_by_line


@pytest.mark.parametrize("sentence", [
    "Let $p = 2$. Then $p = 3$, hence $p^2 + 1 = 10$.",
    "Let $p = 2$. It follows that $p = 3$, so $p^2 + 1 = 10$.",
    "Let $p = 2$. Then $2p = 6$, so $p = 3$ and $p^2 + 1 = 10$.",
])
def test_a_concluded_value_is_no_new_example_value(tmp_path, sentence):
    # at the note's p = 2, p^2 + 1 = 5: the false conclusion proves nothing
    assert last_claim(tmp_path, f"# A\n\n{sentence}\n") != "proved"


@pytest.mark.parametrize("sentence", ["Let $b_{n+1} = n^2$. Then $b_3 = 9$, so $b_3 + 1 = 10$.",
                                      "Let $d_{k-1} = k$. Then $d_2 = 2$, so $d_2 + 1 = 3$."])
def test_a_concluded_instance_of_a_shifted_family_is_a_claim(tmp_path, sentence):
    assert last_claim(tmp_path, f"# A\n\n{sentence}\n") != "proved"


@pytest.mark.parametrize("domain", ["for $x \\in \\mathbb{R}$", "for real $x$", "everywhere",
                                    "globally", "on all of $\\mathbb{R}$",
                                    "on the whole real line"])
def test_a_claim_ranging_over_the_name_is_not_about_its_example(tmp_path, domain):
    text = f"# A\n\nTake $x = 0$. Then $\\sin x = x$ {domain}.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_korean_claim_over_the_reals_is_not_about_its_example(tmp_path):
    text = "# A\n\n$x = 0$이라 하자. 실수 $x$에 대하여 $\\sin x = x$이다.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_claim_ranging_over_another_name_keeps_the_example(tmp_path):
    # c keeps its value (read for every c the claim would be refuted); no word ties the claim
    # to the example, so it is undecided rather than proved (round 18)
    text = "# A\n\nLet $c = 5$. For every real $d$,\n\n$$c + d = 5 + d$$\n"
    assert last_claim(tmp_path, text) == "undecided"


@pytest.mark.parametrize("feature", [
    "The only real root of $x^3 + x$ is $x = 0$.",
    "The parabola $y = x^2$ has its vertex where $x = 0$.",
    "The tangent is horizontal where $x = 0$.",
    "The fixed point becomes $x = 0$.",
])
def test_a_feature_located_at_a_value_sets_no_example(tmp_path, feature):
    text = f"# A\n\n{feature}\nThe derivative is $\\frac{{d}}{{dx}}(x^3 + x) = 1$.\n"
    assert last_claim(tmp_path, text) != "proved"


@pytest.mark.parametrize("between", ["---", "**Derivatives.**", "Exercise 3."])
def test_an_example_value_does_not_cross_a_new_unit(tmp_path, between):
    text = f"# A\n\nTake $x = 0$: then $\\sin x = 0$.\n\n{between}\n\nAlso $\\sin(2x) = 2\\sin x$.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_an_example_title_does_not_end_the_example(tmp_path):
    text = "# A\n\nTake $x = 0$.\n\n**Example.** Then $\\sin(2x) = 0$.\n"
    assert last_claim(tmp_path, text) == "proved"


def test_a_derivative_function_is_not_proved_by_the_example_of_its_letter(tmp_path):
    text = "# A\n\nTake $x = 0$: then $\\sin x = 0$.\n\nThe derivative is $\\frac{d}{dx}\\sin x = 1$.\n"
    assert last_claim(tmp_path, text) != "proved"
    # evaluated at the point, it is about the point
    text = "# A\n\nThe slope at zero is $\\frac{d}{dx}\\sin x \\Big|_{x=0} = 1$.\n"
    assert last_claim(tmp_path, text) == "proved"


def test_a_list_of_values_after_one_let_is_set_on_purpose(tmp_path):
    found = verdicts_by_line(tmp_path, "# A\n\nLet $x = 1$ and $y = 2$.\n\n$$x + y = 3$$\n")
    assert found[5] == ["proved"]
