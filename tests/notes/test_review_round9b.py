"""Review round 9b: letters the prose makes matrices in words no reader knows, and ∇² that a note
calls the Hessian.

- C2–C4: ``Let $W_1, W_2 \\in \\mathbb{R}^{n\\times n}$``, "the Jacobians $J$ and $K$ of the two
  layers", "the Hessian and the covariance", "Householder reflectors", "Let the weight matrices be
  $W$ and $V$", ``W^{(1)}``, "let $B$ be another one": a claim that holds only because its capital
  letters commute is never proved or checked in a note that speaks of matrices.  The test is the
  algebra itself: in non-commuting letters the claim's two sides expand differently.
- C6, H2: ``\\nabla^2 f`` is the Hessian in ML notes; without the word *Laplacian* neither ∇²f
  nor Δf is read as the Laplacian.
"""

import pytest
import sympy as sp

from symderive.notes.commuting import needs_commuting
from tests.notes.note_steps import steps_by_line

A, B = sp.symbols("A B")


def only_step(tmp_path, text: str, line: int):
    [step] = steps_by_line(tmp_path, text)[line]
    return step


@pytest.mark.parametrize("prose, claim", [
    (r"Let $W_1, W_2 \in \mathbb{R}^{n \times n}$.", r"(W_1 + W_2)^2 = W_1^2 + 2 W_1 W_2 + W_2^2"),
    ("The Jacobians $J$ and $K$ of the two layers are square.", "(J + K)^2 = J^2 + 2 J K + K^2"),
    ("Let $U$ be the Hessian and $V$ the covariance of the inputs.",
     "(U + V)^2 = U^2 + 2 U V + V^2"),
    ("The update uses the Householder reflectors $H$ and $G$.", "(H - G)(H + G) = H^2 - G^2"),
    ("Let the weight matrices be $W$ and $V$.", "(W + V)^2 = W^2 + 2 W V + V^2"),
    ("Here $W^{(1)}$ and $W^{(2)}$ are the weight matrices of the two layers.",
     "W^{(1)} W^{(2)} = W^{(2)} W^{(1)}"),
    (r"Let $A$ be an $n \times n$ matrix and let $B$ be another one.", "A B = B A"),
    ("Let the weight matrices be $W$ and $V$.", "W V + 1 = V W + 1"),
])
def test_a_claim_that_needs_matrices_to_commute_is_not_proved(tmp_path, prose, claim):
    step = only_step(tmp_path, f"{prose}\n\n$${claim}$$\n", 3)
    assert step.verdict not in ("proved", "checked"), step.reason


def test_the_commuting_test_is_the_noncommutative_expansion():
    # (A + B)^2 - A^2 - 2AB - B^2 = BA - AB in a ring: zero only where A and B commute
    assert needs_commuting((A + B) ** 2, A**2 + 2 * A * B + B**2) == ("A", "B")
    # (A + B)^2 = (A + B)(A + B) holds in every ring
    assert needs_commuting((A + B) ** 2, (A + B) * (A + B)) == ()
    # SymPy reads AB + BA as 2AB before this test sees it: a ring identity written with both
    # orders is doubted too (undecided, never a false proof)
    assert needs_commuting((A + B) ** 2, A**2 + A * B + B * A + B**2) == ("A", "B")
    # A B = B A is one SymPy expression; the written order tells
    assert needs_commuting(A * B, A * B, "A B", "B A") == ("A", "B")
    assert needs_commuting(A * B + 2 * A, A * B + 2 * A, "A B + 2A", "2A + A B") == ()


def test_scalars_and_notes_without_matrices_keep_their_proofs(tmp_path):
    steps = steps_by_line(tmp_path, (
        "Let $a$ and $b$ be real numbers.\n\n$$(a+b)^2 = a^2 + 2ab + b^2$$\n\n"
        "$$(A+B)^2 = A^2 + 2AB + B^2$$\n"))
    # capitals the note does not call numbers may be matrices, whatever its words (round 10 C2)
    assert [steps[3][0].verdict, steps[5][0].verdict] == ["proved", "undecided"]
    assert "commute" in steps[5][0].reason
    declared = only_step(tmp_path, (
        "<!-- symderive: assume W, V scalar -->\nLet the weight matrices be $W$ and $V$.\n\n"
        "$$(W + V)^2 = W^2 + 2 W V + V^2$$\n"), 4)
    assert declared.verdict == "proved", declared.reason
    # a ring identity among matrices is never refuted (SymPy has merged WV + VW into 2VW, so the
    # test cannot tell it from the false one: undecided)
    ring = only_step(tmp_path, ("Let the weight matrices be $W$ and $V$.\n\n"
                                "$$(W + V)^2 = W^2 + W V + V W + V^2$$\n"), 3)
    assert ring.verdict in ("proved", "checked", "undecided"), ring.reason


def test_nabla_squared_called_the_hessian_is_not_the_laplacian(tmp_path):
    step = only_step(tmp_path, ("Let $f(x, y) = x y$. Its Hessian is written $\\nabla^2 f$.\n\n"
                                "$$\\nabla^2 f = 0$$\n"), 3)
    assert step.verdict == "skipped" and "\\nabla^2 f" in step.reason, step.reason


def test_a_difference_is_no_laplacian_because_nabla_squared_appears_elsewhere(tmp_path):
    text = ("# A\n\nLet $f(x, y) = x^2 + y^2$.\n\n$$\\nabla^2 f = 4$$\n\n"
            "# B\n\nLet $g(x) = x^3$ and let $\\Delta g$ be the forward difference "
            "$g(x+1) - g(x)$.\n\n$$\\Delta g = 3x^2 + 3x + 1$$\n")
    steps = steps_by_line(tmp_path, text)
    assert steps[11][0].verdict != "refuted", steps[11][0].reason


def test_the_laplacian_named_in_words_is_still_read(tmp_path):
    step = only_step(tmp_path, ("Let $f(x, y) = x^2 - y^2$. Its Laplacian vanishes:\n\n"
                                "$$\\nabla^2 f = 0$$\n"), 3)
    assert step.verdict == "proved", step.reason


# -- C7: growth at infinity written as a limit at a finite point -------------------------------
@pytest.mark.parametrize("claim", [
    r"\lim_{x \to 0} f(1/x^2) e^{-4/x^2} = \lim_{x \to 0} x f(x)",  # f = e^{5u}: ∞ ≠ 0
    r"\lim_{x \to 0} x^4 f(\ln(1/x^2)) = \lim_{x \to 0} x^5 f(x)",  # f = e^{2u}: 1 ≠ 0
])
def test_a_limit_whose_argument_runs_to_infinity_is_not_checked_on_instances(tmp_path, claim):
    step = only_step(tmp_path, f"Let $f$ be any smooth function on $\\mathbb{{R}}$.\n\n$${claim}$$\n", 3)
    assert step.verdict not in ("proved", "checked"), step.reason


def test_the_difference_quotient_keeps_its_verdict(tmp_path):
    # f(x + h) as h → 0 stays near f(x): no growth at infinity, the instances decide
    step = only_step(tmp_path, ("Let $f$ be a smooth function.\n\n"
                                "$$\\lim_{h \\to 0} \\frac{f(x+h) - f(x-h)}{2h} = f'(x)$$\n"), 3)
    assert step.verdict == "checked", step.reason


# -- C1: a claim not linear in f, integrated, holds on each instance family separately ------------
A_OF_F = r"\left( f''''(0) - 2 f''''(1) + f''''(2) \right)"


def test_an_integrated_product_of_f_holding_on_each_family_is_not_checked(tmp_path):
    # zero on every polynomial of degree ≤ 5 (A) and on every c e^{rx} + ax + b (the integrand);
    # f = sin x: the sides are 0.2110 and −0.5627
    claim = (f"\\int_0^1 {A_OF_F} f''''(x) f''(x) \\, dx = \\int_0^1 {A_OF_F} f'''(x)^2 \\, dx")
    step = only_step(tmp_path, f"Let $f$ be any smooth function on $\\mathbb{{R}}$.\n\n$${claim}$$\n", 3)
    assert step.verdict not in ("proved", "checked"), step.reason
    x = sp.Symbol("x")
    f = sp.sin(x)
    a = sum(c * sp.diff(f, x, 4).subs(x, k) for c, k in ((1, 0), (-2, 1), (1, 2)))
    left = sp.N(a * sp.Integral(sp.diff(f, x, 4) * sp.diff(f, x, 2), (x, 0, 1)))
    right = sp.N(a * sp.Integral(sp.diff(f, x, 3) ** 2, (x, 0, 1)))
    assert abs(left - right) > 0.5  # the claim is false: sin is a smooth f


def test_a_linear_integral_claim_is_still_refuted_on_an_instance(tmp_path):
    step = only_step(tmp_path, ("Let $f$ be a smooth function on $[0,1]$.\n\n"
                                "$$\\int_0^1 f''''(x)\\,dx = \\frac{1}{3}\\int_0^1 f'''(x)\\,dx$$\n"), 3)
    assert step.verdict == "refuted", step.reason
