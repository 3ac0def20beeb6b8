"""Round 8c findings X9, L7 (objects that need not commute, named in words), X3 (π the note
redefines) and L8 (a bound written as a formula after the words that introduce a name), each
as the note the reviewer wrote (/work/findings/round8c/a26.md, a27.md, a35.md, a43.md,
a47.md), with the correct reading beside it."""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from symderive.notes.operator_words import object_words, prose_objects
from symderive.notes.word_definitions import names_pi
from tests.notes.note_steps import steps_by_line

DECIDED_TRUE = ("proved", "checked")


def only(found: dict, line: int):
    assert len(found[line]) == 1, found[line]
    return found[line][0]


def entries(values: dict, name: str, size: int) -> sp.Matrix:
    """The matrix a counterexample gives ``name`` (entries ``A_11`` …), exactly."""
    return sp.Matrix(size, size, lambda i, j: sp.Rational(str(Fraction(values[f"{name}_{i + 1}{j + 1}"]))))


# -- X9: what the prose calls the letters, and the claim AB = BA ---------------------------------
WORDS_ONLY = [  # no matrix of a known size is an instance of the words: not decided
    ("Let $M$ and $N$ be square, of the same size $n$.", "M N = N M", "square"),
    ("Let $F$ and $G$ be linear maps $V \\to V$.", "F G = G F", "linear maps"),
    ("Let $\\sigma$ and $\\tau$ be permutations of $\\{1, 2, 3\\}$.",
     "\\sigma \\tau = \\tau \\sigma", "permutations"),
    ("Let $R$ and $S$ be rotations of three-dimensional space.", "R S = S R", "rotations"),
    ("Let $\\hat{x}$ and $\\hat{p}$ be the position and momentum operators.",
     "\\hat{x}\\hat{p} - \\hat{p}\\hat{x} = 0", "operators"),
    ("Let $p$ and $q$ be quaternions.", "p q = q p", "quaternions"),
    ("$U$, $V$ are reflections of the plane.", "U V = V U", "reflections"),
    ("For any two projections $P$ and $Q$ we have", "P Q = Q P", "projections"),
    ("Let $g$ and $h$ be elements of a non-abelian group.", "g h = h g", "group"),
    ("$A$와 $B$는 선형 변환이다.", "A B - B A = 0", "선형 변환"),
    ("$\\sigma$와 $\\tau$는 치환이다.", "\\sigma \\tau = \\tau \\sigma", "치환"),
    ("Let $T_1$ and $T_2$ be transformations of the plane.", "T_1 T_2 = T_2 T_1", "transformations"),
    ("Let $R, S \\in SO(3)$.", "R S = S R", "SO(3)"),
    ("Let $\\sigma, \\tau \\in S_3$.", "\\sigma \\tau = \\tau \\sigma", "S_3"),
    ("Let $g$ and $h$ be elements of $GL(2)$.", "g h = h g", "GL(2)"),
    ("Let $a$ and $b$ be non-commuting variables.", "a b = b a", "non-commuting"),
    ("Let $R$ be a rotation and $S$ a reflection.", "R S = S R", "reflection"),
    ("Consider two rotations, $R$ and $S$.", "R S = S R", "rotations"),
    ("Let $U, V$ be unitary.", "U V = V U", "unitary"),
    ("회전 $R$과 $S$를 생각하자.", "R S = S R", "회전"),
]


@pytest.mark.parametrize("words, claim, word", WORDS_ONLY)
def test_objects_named_in_words_are_not_commuting_numbers(tmp_path, words, claim, word):
    # (12)(23) ≠ (23)(12); [[0,1],[0,0]]·[[0,0],[1,0]] ≠ the reverse; [x̂, p̂] = iħ: false claims
    a, b = sp.Matrix([[0, 1], [0, 0]]), sp.Matrix([[0, 0], [1, 0]])
    assert a * b != b * a
    step = only(steps_by_line(tmp_path, f"{words}\n\n$${claim}$$\n"), 3)
    assert step.verdict not in DECIDED_TRUE + ("refuted",)
    assert word in step.reason


MATRIX_BUILT = [  # any real matrix of the stated size is an instance: refuted by a true counterexample
    ("Let $C$ and $D$ be $n \\times n$.", "C D = D C", "C", "D"),
    ("Let $A, B \\in \\mathbb{R}^{n \\times n}$.", "A B = B A", "A", "B"),
    ("Let $A$ and $B$ be linear operators on $\\mathbb{R}^3$.", "A B = B A", "A", "B"),
    ("Let $A$ and $B$ be linear maps $\\mathbb{R}^2 \\to \\mathbb{R}^2$.", "A B = B A", "A", "B"),
    ("$A$와 $B$는 $n \\times n$ 행렬이다.", "A B = B A", "A", "B"),
    ("Let $A$, $B$ be $2 \\times 2$ matrices.", "A B = B A", "A", "B"),
    ("Let $A$ and $B$ be $n \\times n$.", "(A + B)^2 = A^2 + 2 A B + B^2", "A", "B"),
]


@pytest.mark.parametrize("words, claim, first, second", MATRIX_BUILT)
def test_objects_of_a_stated_size_are_matrices_and_ab_ba_is_refuted(
        tmp_path, words, claim, first, second):
    step = only(steps_by_line(tmp_path, f"{words}\n\n$${claim}$$\n"), 3)
    assert step.verdict == "refuted", step.reason
    values = dict(step.counterexample.values)
    size = max(int(key.rsplit("_", 1)[1][0]) for key in values if key.startswith(first + "_"))
    a, b = entries(values, first, size), entries(values, second, size)
    assert a * b != b * a  # the counterexample reproduces, exactly


@pytest.mark.parametrize("words", [
    "Let $A$ and $B$ be linear operators on $\\mathbb{R}^3$ that commute.",
    "Let $A$ and $B$ be $2 \\times 2$ matrices with $A B = B A$.",
])
def test_matrices_the_sentence_says_commute_are_not_refuted_as_general_ones(tmp_path, words):
    # the note states AB = BA of them: general matrices of that size are no counterexample
    found = steps_by_line(tmp_path, f"{words}\n\n$$A B = B A$$\n")
    assert only(found, 3).verdict not in DECIDED_TRUE + ("refuted",)


@pytest.mark.parametrize("words", [
    "Let $R$ and $S$ be rotations of three-dimensional space.",
    "Let $A$ and $B$ be linear operators on $\\mathbb{R}^3$.",
    "Let $F$ and $G$ be linear maps $V \\to V$.",
])
def test_a_sum_with_one_object_a_term_reads_the_same_and_stays_proved(tmp_path, words):
    # 2R + R = 3R and R(S + S) = 2RS hold whether R, S commute or not
    found = steps_by_line(tmp_path, (
        f"{words}\n\n$$2 R + R = 3 R$$\n\n$$A + B + A = 2 A + B$$\n\n$$F + F = 2 F$$\n"))
    assert [only(found, line).verdict for line in (3, 5, 7)] == ["proved"] * 3


def test_operators_on_r3_stay_matrices_where_the_claim_is_true(tmp_path):
    # distributivity holds for 3 × 3 matrices: checked or proved as matrices, not skipped
    step = only(steps_by_line(tmp_path, (
        "Let $A$, $B$ and $C$ be linear operators on $\\mathbb{R}^3$.\n\n"
        "$$A (B + C) = A B + A C$$\n")), 3)
    assert step.verdict in DECIDED_TRUE, step.reason


def test_functions_multiply_pointwise_and_commute(tmp_path):
    # f g = g f for the pointwise product of functions: "functions" is no object word
    assert prose_objects("Let $f$ and $g$ be functions.") == {}
    step = only(steps_by_line(tmp_path, "Let $f$ and $g$ be numbers.\n\n$$f g = g f$$\n"), 3)
    assert step.verdict == "proved"


def test_object_words_read_lists_and_ignore_negations_and_other_nouns():
    found = prose_objects(
        "Let $A$, $B$ and $C$ be rotations. The rotation angle $\\theta$ is small. "
        "$P$ is not a projection. $x$ is the input to the linear map $f$. "
        "$u$ is the square of $v$. Let $E$ and $F$ be $1 \\times 1$.")
    assert {name for name in found} == {"A", "B", "C", "f"}
    assert found["A"][0] == "rotations"


def test_object_words_fire_on_products_and_cancellations_only():
    a, b = sp.symbols("A B")
    objects = {"A": ("rotation", 1), "B": ("rotation", 1)}
    assert object_words(a * b, b * a, objects, "A B = B A")
    assert object_words(sp.Integer(0), sp.Integer(0), objects, "A B - B A = 0")
    assert object_words(1 / a, a, objects, "1/A = A")
    assert not object_words(2 * a + b, b + 2 * a, objects, "2A + B = B + 2A")
    assert not object_words(a**2 - a, a * (a - 1), objects, "A^2 - A = A (A - 1)")


# -- L7: the shape after the display --------------------------------------------------------------
def test_a_shape_after_the_display_reads_the_letters_as_matrices(tmp_path):
    # a43.md: AB = BA "for any two 2 × 2 matrices A and B." — refuted by two 2 × 2 matrices
    step = only(steps_by_line(tmp_path, (
        "$$A B = B A$$\n\nfor any two $2 \\times 2$ matrices $A$ and $B$.\n")), 1)
    assert step.verdict == "refuted", step.reason
    values = dict(step.counterexample.values)
    a, b = entries(values, "A", 2), entries(values, "B", 2)
    assert a * b != b * a and not any(key.endswith("_13") for key in values)


def test_a_condition_beside_the_shape_after_the_display_still_withholds_it(tmp_path):
    found = steps_by_line(tmp_path, (
        "$$A B = B A$$\n\nfor any two $2 \\times 2$ matrices $A$ and $B$ with $A > 0$.\n\n"
        "$$(A + B)^T = A^T + B^T$$\n\nfor any two $2 \\times 2$ matrices $A$ and $B$.\n"))
    assert only(found, 1).verdict == "undecided"
    assert only(found, 5).verdict == "proved"


# -- X3: π redefined ------------------------------------------------------------------------------
@pytest.mark.parametrize("words, claim", [
    ("In reinforcement learning $\\pi$ is the policy, a number in $(0, 1)$ here, not "
     "Archimedes' constant.", "\\sin \\pi = 0"),
    ("Let $\\pi$ denote the stationary probability, $0 < \\pi < 1$.", "\\cos \\pi = -1"),
    ("Here $\\pi$ is the prior probability of the first class.", "\\sin \\pi = 0"),
    ("여기서 $\\pi$는 정책이다.", "\\cos \\pi = -1"),
    ("We only know $\\pi \\in (0, 1)$.", "\\sin \\pi = 0"),
    ("The policy $\\pi(a \\mid s)$ gives the probability of action $a$.", "\\sin \\pi = 0"),
])
def test_pi_the_note_calls_something_else_is_not_the_constant(tmp_path, words, claim):
    # at π = 1/2 (a probability in (0, 1)): sin(1/2) ≈ 0.479 ≠ 0, cos(1/2) ≈ 0.878 ≠ -1
    assert mpmath.sin(0.5) > 0.4 and mpmath.cos(0.5) > 0.8
    step = only(steps_by_line(tmp_path, f"{words}\n\n$${claim}$$\n"), 3)
    assert step.verdict == "undecided"
    assert "not the constant π" in step.reason


@pytest.mark.parametrize("words", [
    "Making the angle between them $\\pi$ radians, or $180$ degrees.",
    "The mixing weights $\\pi_k$ sum to one.",
    "The Gaussian density has the factor $\\frac{1}{\\sqrt{2 \\pi}}$.",
    "Recall that $\\pi > 3$.",
    "Here $\\pi$ is the circle constant, not a policy.",
])
def test_pi_the_constant_stays_the_constant(tmp_path, words):
    assert mpmath.cos(mpmath.pi) == -1
    step = only(steps_by_line(tmp_path, f"{words}\n\n$$\\cos \\pi = -1$$\n"), 3)
    assert step.verdict == "proved", step.reason


def test_a_bound_on_pi_contradicting_its_value_is_what_names_it():
    assert names_pi("Let $0 < \\pi < 1$.") and names_pi("with $\\pi \\le 3$ here")
    assert not names_pi("with $\\pi \\le 4$ here") and not names_pi("$-\\pi < \\theta \\le \\pi$")


# -- L8: a bound as a formula after the words that introduce the name -----------------------------
@pytest.mark.parametrize("words", [
    "Let $\\gamma$ be the discount factor with $0 < \\gamma < 1$.",
    "Let $\\gamma \\in (0, 1)$ be the discount factor.",
    "Let $\\gamma$ denote the discount factor, where $0 < \\gamma < 1$.",
])
def test_other_wordings_of_the_discount_factor_bound(tmp_path, words):
    step = only(steps_by_line(tmp_path, f"{words}\n\n$$\\gamma^2 = \\gamma$$\n"), 3)
    assert step.verdict == "refuted"
    gamma = Fraction(dict(step.counterexample.values)["gamma"])
    assert 0 < gamma < 1 and gamma**2 != gamma


def test_a_bound_on_another_name_is_no_domain_of_the_introduced_one(tmp_path):
    # "Let $\gamma$ be the discount factor, $0 < x < 1$.": the bound is x's, γ keeps no domain
    step = only(steps_by_line(tmp_path, (
        "Let $\\gamma$ be the discount factor, $0 < x < 1$.\n\n$$|\\gamma| = \\gamma$$\n")), 3)
    assert step.verdict != "proved"


def test_a_discount_factor_bounded_by_a_formula_is_a_domain(tmp_path):
    # γ² = γ fails at γ = 1/2 ∈ (0, 1); γ² < γ holds on (0, 1) but not at γ = 1 ∈ (0, 1]
    found = steps_by_line(tmp_path, (
        "# A\n\nLet $\\gamma$ be the discount factor, $0 < \\gamma < 1$.\n\n"
        "$$\\gamma^2 = \\gamma$$\n\n$$\\gamma^2 < \\gamma$$\n\n"
        "# B\n\nLet $\\gamma$ be the discount factor, $0 < \\gamma \\le 1$.\n\n"
        "$$\\gamma^2 < \\gamma$$\n\n"
        "# C\n\nLet $E$ be the energy of the particle, $E > 2$.\n\n$$E^2 > 2 E$$\n"))
    refuted = only(found, 5)
    assert refuted.verdict == "refuted"
    gamma = Fraction(dict(refuted.counterexample.values)["gamma"])
    assert 0 < gamma < 1 and gamma**2 != gamma
    assert only(found, 7).verdict == "checked"
    at_one = only(found, 13)
    assert at_one.verdict == "refuted" and Fraction(dict(at_one.counterexample.values)["gamma"]) == 1
    assert only(found, 19).verdict in DECIDED_TRUE  # E > 2 ⇒ E² > 2E
