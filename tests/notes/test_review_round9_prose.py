"""Round 9a (prose): definitions by cases in words (C3), a second formula of a defining sentence
(C4/H2), a condition on an expression (H1), a name defined by an unread function (H3)."""

from fractions import Fraction

import pytest

from tests.notes.note_steps import steps_by_line


def verdict(tmp_path, text: str, line: int) -> tuple[str, str]:
    step = steps_by_line(tmp_path, text)[line][-1]
    return step.verdict, step.reason


# -- C3: a definition by cases in words is a Piecewise, never its first branch ------------------
# (note text, line of the claim, the value of the derivative at -1 the note's definition gives)
FALSE_BY_CASES = [
    ("Define $r = s$ if $s > 0$ and $r = 0$ otherwise.\n$$\\frac{dr}{ds} = 1$$\n", 2),
    ("Let $y = x^2$ when $x \\ge 0$, and $y = -x^2$ when $x < 0$.\n$$\\frac{dy}{dx} = 2x$$\n", 2),
    ("Let $g(u) = u$ for $u \\ge 0$ and $g(u) = 0.01 u$ for $u < 0$.\n$$g'(u) = 1$$\n", 2),
    ("Let $f(v) = v$ if $v > 0$, else $f(v) = 0$.\n$$f'(v) = 1$$\n", 2),
    ("Let the activation be $a = z$ when $z > 0$ and $a = 0.1 z$ when $z \\le 0$.\n"
     "$$\\frac{\\partial a}{\\partial z} = 1$$\n", 2),
    ("The gradient is clipped: $g = c$ if $c \\le 1$, and $g = 1$ if $c > 1$.\n"
     "$$\\frac{d g}{d c} = 1$$\n", 2),
    ("$p \\ge 0$이면 $q = p$이고, 그렇지 않으면 $q = 0$이다.\n$$\\frac{dq}{dp} = 1$$\n", 2),
    ("$x < 0$일 때 $y = 0$이고, 그렇지 않으면 $y = x$이다.\n$$\\frac{dy}{dx} = 1$$\n", 2),
    ("Let $y = x^2$ if $x \\ge 0$; $y = -x^2$ otherwise.\n$$\\frac{dy}{dx} = 2x$$\n", 2),
    ("Let $r = s$ for $s > 0$. Otherwise, $r = 0$.\n$$\\frac{dr}{ds} = 1$$\n", 2),
    ("Let $y = x^2$ if $x \\ge 0$,\nand $y = -x^2$ otherwise.\n$$\\frac{dy}{dx} = 2x$$\n", 3),
]


@pytest.mark.parametrize("text, line", FALSE_BY_CASES)
def test_a_false_derivative_of_a_definition_by_cases_is_never_proved(tmp_path, text, line):
    found, reason = verdict(tmp_path, text, line)
    assert found == "refuted", reason
    assert "by cases" in reason


def test_the_relu_counterexample_is_on_the_zero_branch(tmp_path):
    step = steps_by_line(tmp_path, FALSE_BY_CASES[0][0])[2][-1]
    s = float(Fraction(dict(step.counterexample.values)["s"]))
    assert s <= 0  # dr/ds = 0 there, the claim says 1
    assert float(step.counterexample.lhs_value) == 0.0


TRUE_BY_CASES = [
    ("Define $r = s$ if $s > 0$ and $r = 0$ otherwise.\n$$r = \\max(s, 0)$$\n", 2),
    ("Let $y = x^2$ when $x \\ge 0$, and $y = -x^2$ when $x < 0$.\n"
     "$$\\frac{dy}{dx} = 2|x|$$\n", 2),
    ("$p \\ge 0$이면 $q = p$이고, 그렇지 않으면 $q = 0$이다.\n$$q = \\max(p, 0)$$\n", 2),
    ("Let $f(v) = v$ if $v > 0$, else $f(v) = 0$.\n$$f(v) = \\frac{v + |v|}{2}$$\n", 2),
]


@pytest.mark.parametrize("text, line", TRUE_BY_CASES)
def test_a_true_claim_about_a_definition_by_cases_holds(tmp_path, text, line):
    found, reason = verdict(tmp_path, text, line)
    assert found in ("proved", "checked"), reason


UNREAD_CASES = [
    # zero is in neither case: no single function of z is defined
    "We set $h = z$ for positive $z$ and $h = -z$ for negative $z$.\n$$\\frac{dh}{dz} = 1$$\n",
    # a condition the reader does not read as a comparison
    "Let $y = x$ if $x \\in A$ and $y = 0$ otherwise.\n$$\\frac{dy}{dx} = 1$$\n",
    # two formulas in a sentence with no condition for the first
    "Let $y = x^2$ and $y = 0$ otherwise.\n$$\\frac{dy}{dx} = 2x$$\n",
]


@pytest.mark.parametrize("text", UNREAD_CASES)
def test_a_definition_by_cases_not_read_leaves_its_claims_undecided(tmp_path, text):
    found, reason = verdict(tmp_path, text, 2)
    assert found == "undecided", reason
    assert "by cases" in reason and "line 1" in reason


def test_the_branches_and_their_conditions_are_not_claims(tmp_path):
    text = ("The Huber loss is $h = \\frac{1}{2} u^2$ for $|u| \\le 1$ and "
            "$h = |u| - \\frac{1}{2}$ otherwise.\n$$\\frac{dh}{du} = u$$\n")
    steps = steps_by_line(tmp_path, text)
    assert 1 not in steps  # h = |u| - 1/2 and |u| ≤ 1: parts of the definition
    assert steps[2][-1].verdict == "refuted"  # at |u| > 1 dh/du = sign(u)


def test_a_single_condition_still_bounds_its_refutations(tmp_path):
    text = "Let $z = t$ if $t > 0$.\n$$|z| = z$$\n"
    found, _ = verdict(tmp_path, text, 2)
    assert found != "refuted"


# -- C4/H2: every formula of a defining sentence is a definition -------------------------------
OLD_LOSS = "Let $L = (w x - t)^2$ be the squared loss.\n\n"


@pytest.mark.parametrize("sentence", [
    "Now let $a = w x$ and $L = a^4$ instead.",
    "Let $a = w x$ and $L = a^4$.",
    "We define $a = w x$, and $L = a^4$.",
    "Now set $a = w x$ and $L = a^4$.",
    "$a = w x$, $L = a^4$이라 하자.",
])
def test_the_second_formula_of_a_let_sentence_redefines(tmp_path, sentence):
    text = OLD_LOSS + sentence + "\n$$\\frac{\\partial L}{\\partial w} = 2 x (w x - t)$$\n"
    found, reason = verdict(tmp_path, text, 4)
    assert found == "refuted", reason  # with L = (wx)^4: ∂L/∂w = 4x(wx)^3
    text = OLD_LOSS + sentence + "\n$$\\frac{\\partial L}{\\partial w} = 4 x (w x)^3$$\n"
    found, reason = verdict(tmp_path, text, 4)
    assert found == "proved", reason
    assert 3 not in steps_by_line(tmp_path, text)  # L = a^4 is no claim about the old L


def test_the_sigmoid_neuron_after_a_linear_model(tmp_path):
    text = ("Let $L = (w x - t)^2$ be the loss of the linear model.\n\n"
            "Let $a = \\sigma(w x + b)$ and $L = \\frac{1}{2}(a - t)^2$.\n"
            "$$\\frac{\\partial L}{\\partial w} = (a - t) a (1 - a) x$$\n")
    found, reason = verdict(tmp_path, text, 4)
    assert found == "proved", reason


def test_a_derived_second_formula_stays_a_claim(tmp_path):
    text = OLD_LOSS + "Then $a = w x - t$ and $L = a^3$.\n"
    found, reason = verdict(tmp_path, text, 3)
    assert found == "refuted", reason  # "then": a claim about the old L, and a wrong one


# -- H1: a condition on an expression of one name is the interval it defines -------------------
@pytest.mark.parametrize("condition, claim", [
    ("|z| < 1", "\\sqrt{(1 - z^2)^2} = 1 - z^2"),
    ("s^2 < 1", "|s^2 - 1| = 1 - s^2"),
    ("|x - 3| < 1", "|x - 2| = x - 2"),
    ("|t| \\le 2", "\\max(t^2, 4) = 4"),
])
def test_a_true_claim_under_an_expression_condition_holds(tmp_path, condition, claim):
    found, reason = verdict(tmp_path, f"For ${condition}$,\n$${claim}$$\n", 2)
    assert found in ("proved", "checked"), reason
    assert 1 not in steps_by_line(tmp_path, f"For ${condition}$,\n$${claim}$$\n")  # no claim


def test_a_false_claim_under_an_expression_condition_is_refuted_inside_it(tmp_path):
    step = steps_by_line(tmp_path, "For $|x - 3| < 1$,\n$$|x - 2| = 2 - x$$\n")[2][-1]
    assert step.verdict == "refuted", step.reason
    x = Fraction(dict(step.counterexample.values)["x"])
    assert abs(x - 3) < 1  # the counterexample satisfies the note's condition


@pytest.mark.parametrize("text", [
    "For $|z| > 1$,\n$$\\sqrt{(z^2 - 1)^2} = z^2 - 1$$\n",  # a union of two intervals
    "For $|z| > 1$,\n$$|z| = z$$\n",
])
def test_a_condition_not_read_as_one_interval_stops_refutations(tmp_path, text):
    found, reason = verdict(tmp_path, text, 2)
    assert found == "undecided", reason
    assert "|z| > 1" in reason


# -- H3: a name defined by a formula the reader does not read is not a free name ---------------
@pytest.mark.parametrize("text", [
    "Let $\\mathbf{o} \\in \\mathbb{R}^q$ and $\\hat{\\mathbf{y}} = \\mathrm{softmax}(\\mathbf{o})$.\n"
    "$$\\frac{\\partial \\hat{y}_j}{\\partial o_j} = \\hat{y}_j (1 - \\hat{y}_j)$$\n",
    "Let $z \\in \\mathbb{R}^n$ and $p = \\mathrm{softmax}(z)$.\n"
    "$$\\frac{\\partial p_i}{\\partial z_i} = p_i (1 - p_i)$$\n",
    # a false claim is not refuted on an invented p either: the p shown would be no softmax
    "Let $z \\in \\mathbb{R}^n$ and $p = \\mathrm{softmax}(z)$.\n"
    "$$\\frac{\\partial p_i}{\\partial z_i} = p_i$$\n",
    # nor proved: p is not a constant of z
    "Let $z \\in \\mathbb{R}^n$ and $p = \\mathrm{softmax}(z)$.\n"
    "$$\\frac{\\partial p_i}{\\partial z_i} = 0$$\n",
])
def test_a_name_defined_by_an_unread_function_decides_nothing(tmp_path, text):
    found, reason = verdict(tmp_path, text, 2)
    assert found in ("undecided", "skipped"), reason
    assert found == "skipped" or ("softmax" in reason and "line 1" in reason)


def test_a_readable_redefinition_lifts_the_doubt(tmp_path):
    text = ("Let $p = \\mathrm{softmax}(z)$.\n\nNow let $p = z^2$.\n"
            "$$\\frac{dp}{dz} = 2 z$$\n")
    found, reason = verdict(tmp_path, text, 4)
    assert found == "proved", reason


# -- L2: "For every real $x \ne 0$," is a domain (nonzero), so the refutation at x = −1 stands ---
def test_for_every_real_x_nonzero_is_read(tmp_path):
    found, reason = verdict(tmp_path, "For every real $x \\ne 0$,\n$$\\frac{d}{dx}|x| = 1$$\n", 2)
    assert found == "refuted", reason
    found, reason = verdict(
        tmp_path, "For every real $x \\ne 0$,\n$$\\frac{d}{dx}|x| = \\frac{|x|}{x}$$\n", 2)
    assert found == "proved", reason
    found, reason = verdict(tmp_path, "For all $x > 0$,\n$$\\sqrt{x^2} = x$$\n", 2)
    assert found == "proved", reason


# -- L1: "Let $u > 0$ and $v = -u$." keeps the bound on u ---------------------------------------
def test_a_bound_and_a_definition_in_one_let_sentence(tmp_path):
    text = "Let $u > 0$ and $v = -u$.\n$$\\sqrt{v^2} = v$$\n"
    found, reason = verdict(tmp_path, text, 2)
    assert found == "refuted", reason  # v = −u < 0
    text = "Let $u > 0$ and $v = -u$.\n$$\\sqrt{v^2} = u$$\n"
    found, reason = verdict(tmp_path, text, 2)
    assert found == "proved", reason


def test_a_vector_written_as_its_entries_stays_free(tmp_path):
    text = ("Let $\\mathbf{x} = [x_1, x_2, \\ldots, x_n]^\\top$ and "
            "$\\mathbf{A} \\in \\mathbb{R}^{n \\times n}$.\n"
            "$$\\nabla_{\\mathbf{x}} \\mathbf{x}^\\top \\mathbf{x} = 2\\mathbf{x}$$\n")
    found, reason = verdict(tmp_path, text, 2)
    assert found in ("proved", "checked"), reason
