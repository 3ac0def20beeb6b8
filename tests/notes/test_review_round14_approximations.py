"""Round 14a F12, F25, F15: words that make a formula something other than an identity.

F12: *to fifth order*, *for small $z$*, *as $x \\to 0$*, *Using the small-angle approximation*,
근사적으로 — a truncated Taylor series written with ``=`` is an approximation; the counterexample
y = −17/3 is no small angle. F25: *for sufficiently large $n$*, *Eventually*, 충분히 큰 — the
inequality is claimed for large values only (2^n > n^10 holds for n ≥ 59). F15: a true-or-false
table whose row says *No* or ✗ labels its formula false. None of these is refuted; the controls
show that a false formula the note asserts in the same shapes stays refuted, and that a true
identity near approximation words stays proved (the words only ever withhold a refutation).
"""

import pytest

from tests.notes.note_steps import first_reasons, first_verdicts

NOT_REFUTED = ("undecided", "skipped")
TAYLOR = r"\sin y = y - \frac{y^3}{6} + \frac{y^5}{120}"


def verdicts(tmp_path, text: str) -> list[str]:
    found = first_verdicts(tmp_path, text)
    return [found[line] for line in sorted(found)]


APPROXIMATIONS = [f"$${TAYLOR}$$ {words}" for words in (
    "to fifth order.", "up to terms of order $y^7$.", "for small $y$.", "to leading order.",
    "near $y = 0$.", "approximately.", "is the fifth-order Taylor polynomial.",
    "when $y$ is small.", "for $y \\to 0$.", "as $y \\to 0$.", "in the small-angle limit.",
    "(to $O(y^7)$).", "근사적으로 성립한다.", "(5차 테일러 근사)")] + [
    "For small $z$, $$\\sin z = z - \\frac{z^3}{6}.$$",
    "To first order, $$e^{u} = 1 + u.$$",
    "Using the small-angle approximation, $$\\sin\\theta = \\theta.$$",
]
LARGE_VALUES = [
    "For sufficiently large $n$, $$2^n > n^{10}.$$",
    "For large $m$,\n$$m! > 10^{m}.$$",
    "Eventually, $$k^2 > 1000k.$$",
    "For all $x$ large enough, $$e^{x} > x^{5}.$$",
    "충분히 큰 $p$에 대해 $$p^2 > 100p.$$",
]


@pytest.mark.parametrize("text", APPROXIMATIONS + LARGE_VALUES)
def test_an_approximation_or_a_claim_for_large_values_is_not_refuted(tmp_path, text):
    assert verdicts(tmp_path, "# Series\n\n" + text + "\n") [0] in NOT_REFUTED


def test_the_reason_quotes_the_approximation_words(tmp_path):
    found = first_reasons(tmp_path, "# A\n\nTo first order, $$e^{u} = 1 + u.$$\n")
    (reason,) = found.values()
    assert "To first order" in reason and "approximation" in reason


@pytest.mark.parametrize("text", [
    # the same shapes, asserted: exact claims the note makes, and they are false
    f"$${TAYLOR}$$ exactly.",
    "For every real $z$, $$\\sin z = z - \\frac{z^3}{6}.$$",
    "For all $n$, $$2^n > n^{10}.$$",
    "따라서 $$p^2 > 100p$$ 이다.",
])
def test_a_false_formula_asserted_in_the_same_shapes_stays_refuted(tmp_path, text):
    assert verdicts(tmp_path, "# A\n\n" + text + "\n")[0] == "refuted"


def test_a_true_identity_next_to_approximation_words_stays_proved(tmp_path):
    text = "# A\n\nFor small $y$ too, $$\\sin(2y) = 2\\sin y\\cos y.$$\n"
    assert verdicts(tmp_path, text) == ["proved"]


TABLE = """# Table

| Statement | True? |
|---|---|
| $(a+b)^2 = a^2 + b^2$ | No |
| $(a+b)^2 = a^2 + 2ab + b^2$ | Yes |

| Identity | Holds |
|---|---|
| $\\sin(2c) = 2\\sin c$ | ✗ |
| $\\sin(2c) = 2 \\sin c \\cos c$ | ✓ |

| 식 | 참/거짓 |
|---|---|
| $(p+q)^2 = p^2 + q^2$ | 거짓 |

| Formula | Status |
|---|---|
| $e^{u+v} = e^u + e^v$ | false |
| $e^{u+v} = e^u e^v$ | true |
| $e^{u-v} = e^u - e^v$ | Yes |
"""


def test_a_table_row_marked_no_is_not_refuted_and_one_marked_yes_is_judged(tmp_path):
    found = verdicts(tmp_path, TABLE)
    assert found == ["undecided", "proved", "undecided", "proved", "undecided", "undecided",
                     "proved", "refuted"]
    reasons = first_reasons(tmp_path, TABLE)
    assert "marks it 'No'" in reasons[min(reasons)]


# -- F14: a shifted term of a defined family ----------------------------------------------------
FAMILIES = """# Families

## A
Let $b_n = n^2$. Then $$b_{n+1} - b_n = 2n + 1.$$

## B
Define $c_k = 3k + 1$. Then $$c_{k+1} - c_k = 3.$$

## C
Define the sequence $d_n = \\frac{1}{n}$. Then $$d_n - d_{n+1} = \\frac{1}{n(n+1)}.$$

## D
Let $u_n = n^2$. Then $$u_{n+1} - u_n = 2n.$$

## E
Let $f_n = n^2$. Then $$f_{m+1} - f_m = 2m.$$

## F
Let $a_n = |n|$ for $n \\ge 0$. Then $$a_{n+1} - a_n = 2.$$
"""


def test_a_shifted_term_of_a_defined_family_is_the_family_at_the_shifted_index(tmp_path):
    # (n+1)^2 - n^2 = 2n + 1 and 1/n - 1/(n+1) = 1/(n(n+1)); u_{n+1} - u_n = 2n + 1, not 2n
    assert verdicts(tmp_path, FAMILIES)[:4] == ["proved", "proved", "proved", "refuted"]


def test_a_shifted_term_the_family_cannot_give_is_not_read_rather_than_a_free_value(tmp_path):
    # f_m beside f_{m+1} is a name of its own; a_n is defined for n >= 0 only (|n| = n there):
    # a free value for the shifted term would refute (or prove) what the note never wrote
    found = first_reasons(tmp_path, FAMILIES)
    e_line, f_line = sorted(found)[4:]
    assert verdicts(tmp_path, FAMILIES)[4:] == ["skipped", "skipped"]
    assert "not read" in found[e_line] and "not read" in found[f_line]


# -- F19: a heading that bounds a letter in words -------------------------------------------------
@pytest.mark.parametrize("heading", [
    "## The case of positive $y$", "### Positive $y$", "## When $y$ is positive",
    "## 양수 $y$ 의 경우", "\\section{The case of positive $y$}",
])
def test_a_heading_that_bounds_the_letter_in_words_withholds_the_refutation(tmp_path, heading):
    found = first_reasons(tmp_path, f"# Note\n\n{heading}\n\n$$|y| = y.$$\n")
    (line,) = found
    assert first_verdicts(tmp_path, f"# Note\n\n{heading}\n\n$$|y| = y.$$\n")[line] == "undecided"
    assert "heading" in found[line]


def test_a_heading_about_another_letter_or_an_earlier_section_withholds_nothing(tmp_path):
    text = ("# Note\n\n## The case of positive $t$\n\n$$|y| = y.$$\n\n"
            "## Positive $y$\n\nSome words.\n\n## General\n\n$$|y| = y.$$\n")
    assert verdicts(tmp_path, text) == ["refuted", "refuted"]


# -- L1: a claim that holds at i = √−1 alone ------------------------------------------------------
def test_a_claim_that_holds_with_i_the_imaginary_unit_is_not_refuted_at_a_real_i(tmp_path):
    text = "# C\n\n$$i^3 = i$$\n\n$$(1+i)^2 = 2i$$\n"
    # i^3 = -i: false at a real i and at √−1 alike, so refuted; (1+i)^2 = 2i holds at √−1
    assert verdicts(tmp_path, text) == ["refuted", "undecided"]
    found = first_reasons(tmp_path, text)
    assert "imaginary unit" in found[max(found)]
