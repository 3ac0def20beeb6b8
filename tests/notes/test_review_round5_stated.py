r"""Review round 5, C11, C17, C18 (/work/findings/round5.md): domains and matrix properties
stated in prose, and the later sentences that lift them.

* C18: ``Let $x$ be positive.`` is ended by a later sentence or clause that makes x general
  again (any real, arbitrary, allow negative, 이제 … 임의의 실수, …): a claim after it is never
  proved with "x positive";
* C17: ``Let $\mathbf{A}$ be symmetric. Now let $\mathbf{A}$ be any square matrix.`` — the same
  mechanism ends a matrix property;
* C11: a sentence that states a domain and defines another name keeps the domain; a display
  after ``For every positive integer $n$, …`` in its section is not refuted at a non-integer.

References are independent of the checker: mpmath for the values at the counterexamples.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def steps_of(tmp_path: Path, text: str) -> list:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps
            if step.skip is None]  # fmt: skip


def claims(tmp_path: Path, text: str, rhs: str) -> list:
    return [step for step in steps_of(tmp_path, text) if step.rhs_latex.strip() == rhs]


def point(step) -> dict[str, Fraction]:
    return {name: Fraction(value) for name, value in step.counterexample.values}


def real(value: Fraction) -> mpmath.mpf:
    return mpmath.mpf(value.numerator) / value.denominator


def test_the_claims_are_false_for_arbitrary_real_x():
    """The independent reference: √(x²) = x and |x| = x fail at x = −1, hold at x = 2."""
    assert mpmath.sqrt(mpmath.mpf(-1) ** 2) != -1 and abs(mpmath.mpf(-1)) != -1
    assert mpmath.sqrt(mpmath.mpf(2) ** 2) == 2 and abs(mpmath.mpf(2)) == 2


# -- C18: a stated domain lifted by a later sentence -------------------------------------------
LIFTED = [  # the reviewer's notes (round5/d3.md), then paraphrases
    ("Let $x$ be positive. From here on, $x$ may be any real number.", "\\sqrt{x^2} = x"),
    ("Let $x$ be positive. We now allow negative $x$ as well.", "|x| = x"),
    ("$x$는 양수라고 하자. 이제 $x$를 임의의 실수라고 하자.", "|x| = x"),
    ("Let $x$ be positive. In general, $x$ can be any real number.", "|x| = x"),
    ("Let $x$ be positive. Henceforth $x$ is arbitrary.", "\\sqrt{x^2} = x"),
    ("Let $x$ be positive. We drop the assumption that $x$ is positive.", "|x| = x"),
    ("Let $x$ be positive. From now on $x \\in \\mathbb{R}$.", "|x| = x"),
    ("Let $x$ be positive. What if $x$ is negative?", "|x| = x"),
    ("Let $x$ be positive.\n\nLater, $x$ may also be negative.", "|x| = x"),
    ("Let $x$ be positive. The formula below holds for every real $x$.", "\\sqrt{x^2} = x"),
    ("$x$는 양수라고 하자. 이제부터 $x$는 모든 실수 값을 가질 수 있다.", "|x| = x"),
    ("$x$는 양수라고 하자. 이제 $x$는 음수일 수도 있다.", "\\sqrt{x^2} = x"),
    ("$x$는 양수라고 하자. 일반적인 $x$에 대해서는 다음과 같다.", "|x| = x"),
]


@pytest.mark.parametrize("prose, claim", LIFTED)
def test_a_lifted_domain_never_proves_a_claim_false_for_arbitrary_x(tmp_path, prose, claim):
    lhs, rhs = claim.split(" = ")
    [step] = claims(tmp_path, f"{prose}\n\n$$ {claim} $$\n", rhs)
    assert step.verdict not in ("proved", "checked"), step.reason
    assert "stated in the prose" not in step.reason  # "x positive" is not used
    if step.verdict == "refuted":  # only at a point where the claim really fails
        x = point(step)["x"]
        assert x < 0 and abs(real(x)) != real(x)


@pytest.mark.parametrize(
    "prose",
    [
        "Let $x$ be positive. From here on, $x$ may be any real number.",
        "$x$는 양수라고 하자. 이제 $x$를 임의의 실수라고 하자.",
        "Let $x$ be positive.\n\nNow let $x$ be any real number.",
    ],
)
def test_a_plain_lift_lets_the_refutation_stand(tmp_path, prose):
    """'from here on … any real', 이제 … 임의의 실수, 'now let … any real': the note says x is
    arbitrary, so √(x²) = x is refuted at a negative x, where mpmath confirms it fails."""
    [step] = claims(tmp_path, f"{prose}\n\n$$ \\sqrt{{x^2}} = x $$\n", "x")
    assert step.verdict == "refuted"
    x = point(step)["x"]
    assert x < 0 and mpmath.sqrt(real(x) ** 2) != real(x)


def test_a_general_clause_later_in_the_sentence_lifts_the_domain_for_its_claim(tmp_path):
    """round5/d3.md:23: the first |x| = x is under 'x positive' (proved); the second is in
    the clause 'for arbitrary real x' (false at x = −1): not proved, its reason names both."""
    text = ("Let $x$ be positive. Then $|x| = x$, but for arbitrary real $x$ we have "
            "$|x| = x$ too.\n")
    first, second = claims(tmp_path, text, "x")
    assert first.verdict == "proved" and "x positive" in first.reason
    assert second.verdict not in ("proved", "checked")
    if second.verdict == "undecided":
        assert "Let $x$ be positive." in second.reason and "arbitrary real" in second.reason


@pytest.mark.parametrize(
    "prose",
    [
        "Let $x$ be positive.",
        "Let $x$ be positive. For any real $y$, $x y^2 \\ge 0$.",  # another name is general
        "Let $x$ be positive. Since $x$ is positive, the root is $x$ itself.",
        "Let $x$ be positive. Then $x > 0$ and every $t$ in $(0, 1)$ works.",
        "Let $x$ be positive. Then for all such $x$ the square root simplifies.",
        "$x$는 양수라고 하자. 임의의 실수 $y$에 대하여 $y^2 \\ge 0$ 이다.",
        "$x$는 양수라고 하자. $x$는 양수이므로 제곱근이 간단해진다.",
    ],
)
def test_the_domain_still_holds_when_no_sentence_lifts_it(tmp_path, prose):
    """True for positive x: √(x²) = x proved with the stated domain."""
    [step] = claims(tmp_path, f"{prose}\n\n$$ \\sqrt{{x^2}} = x $$\n", "x")
    assert step.verdict == "proved" and "x positive" in step.reason


def test_a_domain_stated_again_after_a_lift_holds_again(tmp_path):
    text = ("Let $x$ be positive. From here on, $x$ may be any real number.\n\n"
            "Let $x$ be positive again.\n\nLet $x$ be positive.\n\n$$ |x| = x $$\n")
    [step] = claims(tmp_path, text, "x")
    assert step.verdict == "proved"


# -- C17: a matrix property lifted the same way --------------------------------------------------
QUADRATIC = r"\frac{d}{dx_k}(\mathbf{x}^\top \mathbf{A} \mathbf{x}) = 2[\mathbf{A}\mathbf{x}]_k"


def test_the_quadratic_form_gradient_needs_symmetry():
    """Reference: d/dx_k (xᵀAx) = [(A + Aᵀ)x]_k, which is 2[Ax]_k only when A = Aᵀ."""
    a = mpmath.matrix([[1, 2], [0, 1]])
    x = mpmath.matrix([1, 1])
    general = (a + a.T) * x
    assert general[0] != (2 * a * x)[0]


@pytest.mark.parametrize(
    "prose",
    [
        "Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be symmetric. Now let "
        "$\\mathbf{A}$ be any square matrix.",  # the reviewer's note (round5/neg.md:31)
        "Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be symmetric. We now allow "
        "an arbitrary $\\mathbf{A}$.",
        "Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be symmetric.\n\nFrom here on, "
        "$\\mathbf{A}$ is a general square matrix.",
        "Let $\\mathbf{x} \\in \\mathbb{R}^n$. $\\mathbf{A}$는 대칭 행렬이다. 이제 $\\mathbf{A}$를 "
        "임의의 정사각 행렬이라고 하자.",
    ],
)
def test_a_lifted_symmetry_never_checks_the_symmetric_gradient(tmp_path, prose):
    [step] = claims(tmp_path, f"{prose}\n\n$$ {QUADRATIC} $$\n", "2[\\mathbf{A}\\mathbf{x}]_k")
    assert step.verdict not in ("proved", "checked"), step.reason
    assert "symmetric (stated in the prose" not in step.reason


def test_a_plain_lift_of_symmetry_refutes_the_symmetric_gradient(tmp_path):
    prose = ("Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be symmetric. Now let "
             "$\\mathbf{A}$ be any square matrix.")
    [step] = claims(tmp_path, f"{prose}\n\n$$ {QUADRATIC} $$\n", "2[\\mathbf{A}\\mathbf{x}]_k")
    assert step.verdict == "refuted"


@pytest.mark.parametrize(
    "prose",
    [
        "Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be symmetric.",
        "Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be symmetric. Let $\\mathbf{B}$ "
        "be any square matrix.",  # another matrix is general
    ],
)
def test_symmetry_still_checks_the_gradient_when_not_lifted(tmp_path, prose):
    [step] = claims(tmp_path, f"{prose}\n\n$$ {QUADRATIC} $$\n", "2[\\mathbf{A}\\mathbf{x}]_k")
    assert step.verdict == "checked" and "symmetric (stated in the prose" in step.reason


# -- C11: a statement that also defines another name ----------------------------------------------
@pytest.mark.parametrize(
    "prose, claim, rhs",
    [
        ("Let $p \\in (0, 1)$ and let $q = 1 - p$.", "\\sqrt{(p - 2)^2} = 2 - p", "2 - p"),
        ("Let $x$ be a positive number, and let $y = -x$.", "|y| = -y", "-y"),
        ("Let $t$ be a positive real number and $u = t + 1$.", "\\frac{|u|}{u} = 1", "1"),
        ("$x$는 양수라고 하자.", "|x| = x", "x"),
    ],
)
def test_a_domain_stated_with_a_definition_is_kept(tmp_path, prose, claim, rhs):
    """True under the stated domain (p < 2; y = −x < 0; u > 1): never refuted outside it."""
    [step] = claims(tmp_path, f"{prose}\n\n$$ {claim} $$\n", rhs)
    assert step.verdict in ("proved", "checked"), step.reason


def test_a_wrong_claim_under_a_domain_with_a_definition_is_refuted_inside_it(tmp_path):
    """√(y²) = y with y = −x, x positive: false at every positive x (the root is −y)."""
    [step] = claims(tmp_path, "Let $x$ be a positive number, and let $y = -x$.\n\n"
                    "$$ \\sqrt{y^2} = y $$\n", "y")  # fmt: skip
    assert step.verdict == "refuted"
    x = point(step)["x"]
    assert x > 0 and mpmath.sqrt(real(-x) ** 2) != real(-x)  # y = −x at the point


def test_a_display_after_a_quantified_sentence_is_not_refuted_outside_its_domain(tmp_path):
    """round5/d1.md:15–17: cos(πn) = (−1)ⁿ holds for every integer n; the display after the
    sentence may be under 'for every positive integer n': not refuted at n = −17/3."""
    text = ("## Third\n\nFor every positive integer $n$, $\\cos(\\pi n) = (-1)^n$.\n\n"
            "$$ \\cos(\\pi n) = (-1)^n $$\n")
    sentence, display = claims(tmp_path, text, "(-1)^n")
    assert sentence.verdict == "checked"
    assert display.verdict != "refuted" and "line 3" in display.reason
    for n in range(1, 8):
        assert mpmath.cos(mpmath.pi * n) == (-1) ** n


def test_a_false_display_after_a_quantified_sentence_is_never_proved(tmp_path):
    """cos(πn) = (−1)^(n+1) is false at every integer: the hypothesis proves nothing."""
    text = ("For every positive integer $n$, $\\cos(\\pi n) = (-1)^n$.\n\n"
            "$$ \\cos(\\pi n) = (-1)^{n+1} $$\n")
    [display] = claims(tmp_path, text, "(-1)^{n+1}")
    assert display.verdict not in ("proved", "checked")
    assert all(mpmath.cos(mpmath.pi * n) != (-1) ** (n + 1) for n in range(1, 8))
