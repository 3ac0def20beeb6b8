"""Review round 10b: attacks on the round-10 fixes; each note is the reviewer's (one claim)."""

import mpmath
import pytest
import sympy as sp

from symderive.check import inequality_certificates as one
from symderive.check.box_certificates import certify_box
from tests.notes.note_steps import steps_by_line

DECIDING = ("proved", "checked")


@pytest.mark.parametrize("text", [
    # C1: X = B1 + B2 takes 3 values; fair digits give H = 1.5 ln 2 > ln 2
    "This note is about entropy.\n\nLet $X$ be the sum of two binary digits. "
    "Then $H(X) \\le \\log 2$.\n",
    # C3: k counts Y's classes; Z uniform on 2k values has H = log 2k > log k
    "This note is about entropy. The label $Y$ takes one of $k$ classes. "
    "Let $Z$ take values in $\\{1, \\dots, 2k\\}$.\n\n$$H(Z) \\le \\log k$$\n",
])
def test_a_count_in_the_prose_certifies_no_entropy_bound(tmp_path, text):
    assert 1.5 * mpmath.log(2) > mpmath.log(2) and mpmath.log(4) > mpmath.log(2)
    for steps in steps_by_line(tmp_path, text).values():
        for step in steps:
            assert step.verdict not in DECIDING, step.reason


def test_a_slack_with_a_jump_gets_no_box_certificate():
    x, y = sp.symbols("x y", real=True)
    slack = sp.Piecewise((1, x < sp.Rational(1, 2)), (-1, True)) + y
    assert slack.subs({x: sp.Rational(3, 4), y: 0}) == -1  # negative inside the box
    with pytest.raises(one.NoCertificate):
        certify_box(slack, {x: sp.Interval(0, 1), y: sp.Interval(0, 1)}, ">=")


@pytest.mark.parametrize("prose", [
    "Let $A, B \\in M_n(\\mathbb{R})$. The entries of $A$ and $B$ are real numbers.",
    "# Scalars\n\nIn this section $A$ and $B$ are real numbers.\n\n## Matrices\n\n"
    "Now let $A, B \\in M_2(\\mathbb{R})$.",
])
def test_words_calling_matrices_numbers_do_not_prove_the_binomial_square(tmp_path, prose):
    a, b = sp.Matrix([[0, 1], [0, 0]]), sp.Matrix([[0, 0], [1, 0]])
    assert (a + b) ** 2 != a**2 + 2 * a * b + b**2
    text = f"{prose}\n\n$$(A + B)^2 = A^2 + 2 A B + B^2$$\n"
    line = text.split("\n").index("$$(A + B)^2 = A^2 + 2 A B + B^2$$") + 1
    assert steps_by_line(tmp_path, text)[line][0].verdict not in DECIDING


@pytest.mark.parametrize("sentence", [
    "Let $\\sigma$ denote the hard sigmoid activation.",
    "Here $\\sigma$ is the bipolar sigmoid.",
    "Let $\\sigma$ denote the softsign activation.",
    "Let $\\sigma$ be the sigmoid-weighted linear unit (SiLU).",
    "Here $\\sigma$ is not the logistic sigmoid but the tanh.",
    "Unlike the previous chapter, where $\\sigma$ was the sigmoid, here it is the tanh.",
])
def test_sigma_named_another_function_is_not_the_builtin_sigmoid(tmp_path, sentence):
    text = f"{sentence}\n\n$$\\sigma'(x) = \\sigma(x) (1 - \\sigma(x))$$\n"
    assert steps_by_line(tmp_path, text)[3][0].verdict not in DECIDING


def test_the_logistic_sigmoid_keeps_its_rule(tmp_path):
    text = "Let $\\sigma$ denote the logistic sigmoid.\n\n$$\\sigma'(x) = \\sigma(x) (1 - \\sigma(x))$$\n"
    assert steps_by_line(tmp_path, text)[3][0].verdict == "proved"


def test_a_kink_past_1024_is_found(tmp_path):
    # 2^n > n^200 + 1 first at n = 2224 (exact integers): the claim fails there
    n = 2224
    assert 2**n - n**200 - 1 > 0 > 2 ** (n - 1) - (n - 1) ** 200 - 1
    text = ("For every integer $n \\ge 1$,\n"
            "$$\\sum_{k=1}^{n} 1 = n + \\max(0, \\min(1, 2^n - n^{200} - 1))$$\n")
    assert steps_by_line(tmp_path, text, budget_seconds=6.0)[2][0].verdict not in DECIDING
