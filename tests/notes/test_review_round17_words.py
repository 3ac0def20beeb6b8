"""Round 17 F9, F12, F15: what a name means after words the reader did not know.

* F9: a function given a new meaning in words (*We now switch to the hyperbolic tangent for
  $g$*, *From here on, $h$ stands for the ReLU*, 이제 `$q$`는 ReLU를 나타낸다) keeps no old formula.
* F12: a closed form the note derives for a name it constrained without defining it (a
  recurrence, an equation with its derivative) is a claim, never a definition: *Unrolling, we
  find $a_n = 3^n - 2^n + 1$* after ``a_{n+1} = 2a_n`` proves no a_2 = 6.
* F15: a definition bounded by comparatives with a number (*for $x$ less than $1$*, *up to
  $1$*, *not exceeding $1$*, ``$x$가 $1$보다 작을 때``) gives no value at 3.

Controls keep a plain definition proved.
"""

import pytest

from tests.notes.note_steps import first_verdicts, last_claim


@pytest.mark.parametrize("words", [
    "We now switch to the hyperbolic tangent for $g$.",
    "From here on, $g$ stands for the ReLU.",
    "In the rest of this section, $g$ denotes the ReLU.",
    "We use the ReLU for $g$ from now on.",
])
def test_a_function_given_a_new_meaning_in_words_keeps_no_old_formula(tmp_path, words):
    text = f"# A\n\nLet $g(z) = z^2$. Then $g(3) = 9$.\n\n{words} Then $g(3) = 9$.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_function_named_again_the_same_keeps_its_formula(tmp_path):
    text = "# A\n\nLet $g(z) = z^2$.\n\nFrom here on, $g$ denotes the same function. Then $g(3) = 9$.\n"
    assert last_claim(tmp_path, text) == "proved"


@pytest.mark.parametrize("text", [
    "# A\n\nLet $a_0 = 1$ and $a_{n+1} = 2 a_n$ for $n \\ge 0$.\n\n"
    "Unrolling, we find $a_n = 3^n - 2^n + 1$. Therefore $a_2 = 6$.\n",
    "# A\n\nLet $F_0 = 0$, $F_1 = 1$ and $F_{n+2} = F_{n+1} + F_n$.\n\n"
    "By induction, $F_n = n$. Hence $F_6 = 6$.\n",
    "# A\n\nThe solution of $y'(t) = y(t)$ with $y(0) = 1$ is $y(t) = 1 + t$. Hence $y(1) = 2$.\n",
])
def test_a_derived_closed_form_is_no_definition(tmp_path, text):
    assert last_claim(tmp_path, text) != "proved"


def test_a_defined_function_and_its_derivative_keep_their_definition(tmp_path):
    text = "# A\n\nLet $f(x) = x^2$. Then $f'(x) = 2x$.\n\nSo $f(3) = 9$.\n"
    assert last_claim(tmp_path, text) == "proved"


@pytest.mark.parametrize("bound", ["less than $1$", "up to $1$", "not exceeding $1$",
                                   "no larger than $1$", "under $1$", "short of $1$"])
def test_a_definition_bounded_by_a_comparative_gives_no_value_outside(tmp_path, bound):
    text = f"# A\n\nLet $a(x) = x^2$ for $x$ {bound}. Then $a(3) = 9$.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_korean_comparative_bounds_the_definition(tmp_path):
    text = "# A\n\n$x$가 $1$보다 작을 때 $r(x) = x^2$이다. 그러면 $r(3) = 9$이다.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_the_above_derivatives_bound_nothing(tmp_path):
    text = ("# A\n\nWe generalize the above derivatives to $f(x) = x^2$, most importantly.\n\n"
            "Then $f(3) = 9$.\n")
    assert last_claim(tmp_path, text) == "proved"


@pytest.mark.parametrize("text", [
    "# A\n\nLet $a_{n+1} = 2 a_n$ with $a_0 = 1$. Unrolling, we find $a_n = 2^n$.\n",
    "# A\n\nHere $\\dot x = -x$. Hence $x = 5 e^{-t}$.\n",
])
def test_a_correct_closed_form_is_not_refuted_as_a_free_number(tmp_path, text):
    # round 18 F4, F12: read alone, the closed form's name is a free number
    assert "refuted" not in first_verdicts(tmp_path, text).values()
