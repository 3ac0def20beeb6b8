"""Round 17 F11, F13, F14, F19: example values read as the note gives them.

* F11 — alternative example values of one name in one sentence (*Take $b = 1$ or $b = 5$*, *two
  examples, $u = 1$ and $u = 4$*, *$b = 1$, $b = 2$ or $b = 3$*, 또는) are cases: the claim after
  them must hold at each, never at the last value alone.
* F13 — a letter given a closed constant expression (``\\pi``, ``\\sqrt{2}``, ``\\pi/2``, ``e``,
  ``\\frac{1}{2}``, ``\\ln 2``, ``2 + 1``) is an example value, lifted by *For every real $z$*, *In
  general*, ended by *Now let $x$ be negative*, proved only near the claim about it.
* F14 — an example value ends at a later assumption on an expression of its name that it
  violates (*Let $x = 2$. Now assume $x^2 > 9$.*), evaluated at the value.
* F19 — an example value is put into a sum's or product's bound and a binomial coefficient
  (*Take $n = 3$. Then $\\sum_{k=1}^{n} k = n + 3$.* is proved, 6 = 6), never read as a free size.

Each false verdict has a control of the same form that must keep its verdict.
"""

import pytest

from tests.notes.note_steps import steps_by_line


def verdict_and_reason(tmp_path, text: str, line: int, which: int = -1) -> tuple[str, str]:
    step = steps_by_line(tmp_path, text)[line][which]
    return step.verdict, step.reason


# -- F11: alternatives in one sentence are cases -------------------------------------------------

ALTERNATIVES = [
    "Take $b = 1$ or $b = 5$.",
    "Let $b = 1$ or $b = 5$.",
    "We consider two examples, $b = 1$ and $b = 5$.",
    "Take $b = 1$, $b = 3$ or $b = 5$.",
    "Choose either $b = 1$ or alternatively $b = 5$.",
    "$b = 1$ 또는 $b = 5$라 하자.",
]


@pytest.mark.parametrize("given", ALTERNATIVES)
def test_a_claim_true_only_at_the_last_alternative_is_refuted_at_another(tmp_path, given):
    # b^2 = 5b holds at b = 5 (and 0), not at b = 1
    verdict, reason = verdict_and_reason(tmp_path, f"# A\n\n{given} Then $b^2 = 5b$.\n", 3)
    assert verdict == "refuted", reason
    assert "b = 1" in reason


@pytest.mark.parametrize("given", ALTERNATIVES[:3] + ALTERNATIVES[4:])
def test_a_claim_true_at_every_alternative_is_proved_in_each_case(tmp_path, given):
    # b^2 - 6b + 5 = (b - 1)(b - 5) vanishes at both
    verdict, reason = verdict_and_reason(tmp_path, f"# A\n\n{given} Then $b^2 - 6b + 5 = 0$.\n", 3)
    assert verdict == "proved", reason
    assert "each case" in reason


def test_three_alternatives_the_claim_must_hold_at_all_three(tmp_path):
    text = "# A\n\nTake $b = 1$, $b = 2$ or $b = 3$. Then $b^2 = 3b$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "refuted"
    text = "# A\n\nTake $b = 1$, $b = 2$ or $b = 3$. Then $(b-1)(b-2)(b-3) = 0$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


def test_the_square_root_claim_of_two_examples_fails_at_the_first(tmp_path):
    text = "# A\n\nWe consider two examples, $u = 1$ and $u = 4$. Here $\\sqrt{u} = u/2$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "refuted"


def test_an_identity_after_alternatives_stays_proved(tmp_path):
    text = "# A\n\nTake $b = 1$ or $b = 5$. Then $(b + 1)^2 = b^2 + 2b + 1$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


def test_a_fixed_value_beside_the_alternatives_keeps_its_value(tmp_path):
    text = "# A\n\nLet $a = 2$. Take $b = 1$ or $b = 5$. Then $a b^2 = 2 b^2$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"
    text = "# A\n\nLet $a = 2$. Take $b = 1$ or $b = 5$. Then $a b^2 = 2b$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "refuted"


def test_values_given_one_after_the_other_replace_each_other(tmp_path):
    text = "# A\n\nTake $b = 1$. Then $b^2 = 1$. Now take $b = 5$. Then $b^2 = 25$.\n"
    assert [step.verdict for step in steps_by_line(tmp_path, text)[3]] == ["proved", "proved"]


def test_alternatives_far_before_a_claim_prove_nothing(tmp_path):
    filler = "\n".join(f"Some words on line {n}." for n in range(8))
    text = f"# A\n\nTake $b = 1$ or $b = 5$.\n\n{filler}\n\nThen $b^2 - 6b + 5 = 0$.\n"
    found = steps_by_line(tmp_path, text)
    assert found[max(found)][-1].verdict != "proved"


# -- F14: an example value ends at a later condition on an expression of its name it violates ---

VIOLATED = [
    ("Let $x = 2$.", "Now assume $x^2 > 9$.", "$x^2 = 2x$", "$x^2 - 4x + 4 = (x - 2)^2$"),
    ("Let $y = 0$.", "Now suppose $\\sin y \\ne 0$.", "$\\sin y = y$", "$\\sin^2 y = \\sin^2 y$"),
    ("Let $t = 1$.", "Now assume $|t| > 5$.", "$t^3 = t$", "$t^2 = |t|^2$"),
    ("Let $x = 2$.", "Assume from now on that $x^2 > 9$.", "$x^2 = 2x$", "$x + x = 2x$"),
    ("Let $x = 2$.", "We now assume that $x^3 \\ge 10$.", "$x^2 = 2x$", "$x + x = 2x$"),
    ("$x = 2$라 하자.", "이제 $x^2 > 9$라고 가정하자.", "$x^2 = 2x$", "$x + x = 2x$"),
]


@pytest.mark.parametrize("value, condition, false, true", VIOLATED)
def test_a_value_the_later_assumption_excludes_proves_nothing_after_it(tmp_path, value,
                                                                      condition, false, true):
    # each false claim holds only at the example value the assumption excludes
    text = f"# A\n\n{value} {condition} Then {false}.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] != "proved"
    text = f"# A\n\n{value}\n\n{condition}\n\nThen {false}.\n"
    found = steps_by_line(tmp_path, text)
    assert found[max(found)][-1].verdict != "proved"
    # an identity stays proved under the assumption
    text = f"# A\n\n{value} {condition} Then {true}.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


@pytest.mark.parametrize("value, condition, claim", [
    ("Let $x = 4$.", "Now assume $x^2 > 9$.", "$x^2 = 16$"),
    ("Let $t = 1$.", "Now assume $|t| \\le 5$.", "$t^3 = 1$"),
    ("Let $y = 1$.", "Now suppose $\\sin y \\ne 0$.", "$\\sin y = \\sin 1$"),
    ("Let $x = 2$.", "Assume $y > x$.", "$x^2 = 4$"),  # a condition on y: x keeps its value
])
def test_a_value_the_assumption_allows_keeps_proving(tmp_path, value, condition, claim):
    # round 19: an assumption between the value and the claim is no plain word
    # (symderive/notes/example_words.py), so the claim is undecided — never refuted
    text = f"# A\n\n{value} {condition} Then {claim}.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "undecided"
    text = f"# A\n\n{value} Then {claim}.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


def test_a_claim_before_the_assumption_on_its_line_is_still_at_the_value(tmp_path):
    text = "# A\n\nLet $x = 2$. Then $x^2 = 4$. Now assume $x^2 > 9$.\n"
    assert verdict_and_reason(tmp_path, text, 3, 0)[0] == "proved"


# -- F13: a letter given a closed constant expression is an example value, with all its rules ----

GENERALISED = [  # (value, claim false for every value but true at it, identity of the same form)
    ("Take $z = \\pi/2$ as an example.", "For every real $z$, $\\sin z = 1$.",
     "For every real $z$, $\\sin^2 z + \\cos^2 z = 1$."),
    ("Take $z = \\frac{1}{2}$.", "For every real $z$, $2z = 1$.", "For every real $z$, $2z = z + z$."),
    ("Take $r = \\ln 2$.", "For every real $r$, $e^r = 2$.", "For every real $r$, $e^{2r} = (e^r)^2$."),
    ("Let $v = 2 + 1$.", "For every real $v$, $v^2 = 3v$.", "For every real $v$, $v^2 = v \\cdot v$."),
    ("Let $w = -\\frac{1}{2}$.", "For every real $w$, $2w = -1$.", "For every real $w$, $2w = w + w$."),
    ("Take $y = \\sqrt{2}$.", "In general, $y^2 = 2$.", "In general, $(y + 1)^2 = y^2 + 2y + 1$."),
    ("$x = \\pi$라 하자.", "일반적으로 $\\sin x = 0$이다.", "일반적으로 $\\sin(-x) = -\\sin x$이다."),
]


@pytest.mark.parametrize("value, false, true", GENERALISED)
def test_a_constant_example_value_is_lifted_by_generalising_words(tmp_path, value, false, true):
    assert verdict_and_reason(tmp_path, f"# A\n\n{value} {false}\n", 3)[0] != "proved"
    assert verdict_and_reason(tmp_path, f"# A\n\n{value} {true}\n", 3)[0] == "proved"


def test_a_claim_true_only_at_pi_far_after_it_is_not_proved(tmp_path):
    filler = "\n\n".join(f"Line {n}." for n in range(4))
    text = f"# A\n\nTake $x = \\pi$.\n\n{filler}\n\nThe sine vanishes: $\\sin x = 0$.\n"
    found = steps_by_line(tmp_path, text)
    assert found[max(found)][-1].verdict != "proved"
    text = "# A\n\nTake $x = \\pi$. Then $\\sin x = 0$.\n"  # right after it: about the example
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


def test_the_derivative_function_is_not_proved_at_euler_s_number(tmp_path):
    text = "# A\n\nFor instance $t = e$. The derivative is $\\frac{d}{dt} \\ln t = \\frac{1}{e}$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] != "proved"
    text = "# A\n\nFor instance $t = e$. The derivative is $\\frac{d}{dt} \\ln t = \\frac{1}{t}$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


def test_a_constant_value_ends_where_the_note_leaves_it(tmp_path):
    # sqrt(x^2) = -x is true for negative x: not refuted at x = π
    text = "# A\n\nTake $x = \\pi$. Now let $x$ be negative. Then $\\sqrt{x^2} = -x$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] != "refuted"
    text = "# A\n\nTake $y = \\frac{1}{2}$. So assume $y \\ne \\frac{1}{2}$. Then $2y = 1$.\n"
    assert steps_by_line(tmp_path, text)[3][-1].verdict != "proved"


def test_two_constant_alternatives_are_cases_not_a_definition_and_a_claim(tmp_path):
    text = "# A\n\nTake $b = \\sqrt{2}$ or $b = \\pi$. In both cases $b^2 = \\pi^2$.\n"
    steps = steps_by_line(tmp_path, text)[3]
    assert not any(step.rhs_latex.strip() == "\\pi" and step.verdict == "refuted"
                   for step in steps)
    assert steps[-1].verdict != "proved"


def test_a_constant_given_just_before_still_proves_its_value(tmp_path):
    text = "# A\n\nLet $c = \\sqrt{2}$. Then $c^2 = 2$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"
    text = "# A\n\nLet $c = \\sqrt{2}$. Then $c^2 = 3$.\n"  # as after $x = 2$: never proved
    assert verdict_and_reason(tmp_path, text, 3)[0] != "proved"


# -- F19: an example value is put into a sum's or product's bound and a binomial coefficient ----

@pytest.mark.parametrize("value, true, false", [
    ("Take $n = 3$.", "$\\sum_{k=1}^{n} k = 6$", "$\\sum_{k=1}^{n} k = 7$"),
    ("Take $n = 4$.", "$\\prod_{k=1}^{n} k = 24$", "$\\prod_{k=1}^{n} k = 20$"),
    ("$n = 3$이라 하자.", "$\\sum_{k=1}^{n} k^2 = 14$", "$\\sum_{k=1}^{n} k^2 = 15$"),
])
def test_the_bound_of_a_sum_or_product_takes_the_example_value(tmp_path, value, true, false):
    verdict, reason = verdict_and_reason(tmp_path, f"# A\n\n{value} Then {true}.\n", 3)
    assert verdict == "proved", reason
    assert "n = " in reason
    assert verdict_and_reason(tmp_path, f"# A\n\n{value} Then {false}.\n", 3)[0] == "refuted"


def test_a_binomial_coefficient_takes_the_example_value(tmp_path):
    text = "# A\n\nTake $n = 5$. Then $\\binom{n}{k} = \\binom{5}{k}$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"
    text = "# A\n\nTake $n = 5$. Then $\\binom{n}{2} = \\binom{5}{2}$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"
    text = "# A\n\nTake $n = 4$ and $k = 2$. Then $\\binom{n}{k} = 6$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"
    text = "# A\n\nTake $n = 4$ and $k = 2$. Then $\\binom{n}{k} = 4$.\n"  # as $x^2 = 3$ after
    assert verdict_and_reason(tmp_path, text, 3)[0] != "proved"  # $x = 2$: never proved


def test_a_value_that_is_no_size_is_not_put_into_a_bound(tmp_path):
    text = "# A\n\nTake $n = \\frac{1}{2}$. Then $\\sum_{k=1}^{n} k = 1$.\n"
    verdict, reason = verdict_and_reason(tmp_path, text, 3)
    assert verdict == "skipped" and "size" in reason


def test_the_index_of_the_sum_takes_no_example_value(tmp_path):
    text = "# A\n\nTake $k = 2$. Then $\\sum_{k=0}^{n} \\binom{n}{k} = 2^n$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"


def test_a_lifted_size_is_checked_for_every_value(tmp_path):
    text = "# A\n\nLet $n = 3$. For every $n$, $\\sum_{k=1}^{n} k = 2n$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "refuted"


@pytest.mark.parametrize("given", [
    "Take $b = 1$ and, as a second example, $b = 5$.",
    "Take $b = 1$ (or $b = 5$).",
    "$b = 1$이나 $b = 5$로 두자.",
])
def test_more_wordings_of_alternatives_are_cases(tmp_path, given):
    assert verdict_and_reason(tmp_path, f"# A\n\n{given} Then $b^2 = 5b$.\n", 3)[0] == "refuted"
    assert verdict_and_reason(tmp_path, f"# A\n\n{given} Then $b^2 + 5 = 6b$.\n", 3)[0] == "proved"


@pytest.mark.parametrize("given", [
    "Take $b = 1$; now take $b = 5$ instead.",
    "Take $b = 1$; next $b = 5$.",
    "Take $b = 1$ and now $b = 5$.",
])
def test_a_value_that_moves_on_replaces_the_first(tmp_path, given):
    # b^2 = 5b holds at the value in force, b = 5
    assert verdict_and_reason(tmp_path, f"# A\n\n{given} Then $b^2 = 5b$.\n", 3)[0] != "refuted"


def test_paired_alternatives_are_cases_of_each_name(tmp_path):
    # a^2 = 3a fails at a = 1; a + 1 = b holds in both pairs, never refuted at a non-pair
    text = "# A\n\nTake $a = 1$, $b = 2$ or $a = 3$, $b = 4$. Then $a^2 = 3a$ and $a + 1 = b$.\n"
    steps = steps_by_line(tmp_path, text)[3]
    assert steps[0].verdict == "refuted"
    assert steps[-1].verdict != "refuted" and steps[-1].verdict != "proved"


def test_an_indexed_constant_after_setting_words_is_an_example_value(tmp_path):
    text = "# A\n\nTake $x_1 = \\pi$. For every real $x_1$, $\\sin x_1 = 0$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] != "proved"
    text = "# A\n\nTake $x_1 = \\pi$. Then $\\sin x_1 = 0$.\n"
    assert verdict_and_reason(tmp_path, text, 3)[0] == "proved"
