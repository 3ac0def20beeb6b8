"""Review round 11 (commute): letters that are matrices read as commuting numbers.

- C11: ``Let $\\Sigma, \\Lambda \\in M_n(\\mathbb{R})$.`` then ΣΛ = ΛΣ, ``Let $a, b \\in
  M_n(\\mathbb{R})$.`` then (a + b)² = a² + 2ab + b²: Greek and lower-case letters declared in a
  set of matrices were real numbers (∈ is not checked), so both were *proved*.
- C8: ``e^{A+B} = e^A e^B`` with A, B matrices (``Let $A, B \\in M_n(\\mathbb{R})$.``, *the matrix
  exponential of $A$ and $B$*) was *proved*: the commuting test expanded polynomials only.

Each false claim below fails for the two matrices E₁₂, E₂₁ (computed here with SymPy
matrices); each control holds in every ring and keeps its verdict.
"""

import pytest
import sympy as sp

from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.notes.commuting import holds_noncommuting, needs_commuting, written_capitals
from symderive.notes.member_sets import memberships, reads_set
from symderive.notes.stated import sentences_of
from tests.notes.note_steps import steps_by_line

DECIDING = ("proved", "checked", "refuted")
HOLDING = ("proved", "checked")
E12, E21 = sp.Matrix([[0, 1], [0, 0]]), sp.Matrix([[0, 0], [1, 0]])


def claim_step(tmp_path, prose: str, claim: str):
    text = f"{prose}\n\n$${claim}$$\n" if prose else f"$${claim}$$\n"
    [step] = steps_by_line(tmp_path, text)[text.split("\n").index(f"$${claim}$$") + 1]
    return step


def test_the_two_matrices_do_not_commute():
    a, b = E12, E21
    assert a * b != b * a and (a + b) ** 2 != a**2 + 2 * a * b + b**2
    assert (a * b) ** 2 != a**2 * b**2
    assert (a + b).exp() != a.exp() * b.exp()  # e^{A+B} ≠ e^A e^B


@pytest.mark.parametrize("prose, claim, letters", [
    # the four reproducers of the round
    (r"Let $\Sigma, \Lambda \in M_n(\mathbb{R})$.", r"\Sigma \Lambda = \Lambda \Sigma", "Sigma"),
    (r"Let $a, b \in M_n(\mathbb{R})$.", r"(a + b)^2 = a^2 + 2ab + b^2", "a, b"),
    (r"Let $A, B \in M_n(\mathbb{R})$.", r"e^{A+B} = e^{A} e^{B}", "A, B"),
    ("For the matrix exponential of $A$ and $B$:", r"e^{A+B} = e^{A} e^{B}", "A, B"),
])
def test_the_reproducers_are_not_proved(tmp_path, prose, claim, letters):
    step = claim_step(tmp_path, prose, claim)
    assert step.verdict not in DECIDING, step.reason
    assert "commut" in step.reason and letters.split(",")[0] in step.reason


@pytest.mark.parametrize("prose, claim", [
    # Greek, lower case, subscripted; a display, \forall, after the formula, Korean, in words
    (r"Let $a, b \in M_n(\mathbb{R})$.", r"e^{a+b} = e^{a} e^{b}"),
    (r"Let $a, b \in M_n(\mathbb{R})$.", r"\sin(a+b) = \sin a \cos b + \cos a \sin b"),
    (r"Let $w, v \in \mathbb{R}^{n,n}$.", r"(w + v)^2 = w^2 + 2wv + v^2"),
    (r"Let $a, b \in \mathbb{R}^{n \times n}$.", r"(a + b)^2 = a^2 + 2ab + b^2"),
    (r"For $A, B \in \mathbb{S}^n_{++}$ we have", r"e^{A+B} = e^{A} e^{B}"),
    (r"$$A_1, A_2 \in M_n(\mathbb{R})$$", r"A_1 A_2 = A_2 A_1"),
    (r"$$\forall a, b \in \mathbb{H}$$", "a b = b a"),
    (r"$u, v$는 $M_n(\mathbb{R})$의 원소이다.", "u v = v u"),
    (r"$A, B \in M_n(\mathbb{R})$에 대하여 다음이 성립한다.", "(A B)^2 = A^2 B^2"),
    (r"Let $a, b$ lie in $\mathbb{S}^n$.", "a b = b a"),
    (r"Let $\phi$ and $\psi$ be elements of $M_3(\mathbb{C})$.", r"\phi \psi = \psi \phi"),
    # one letter is enough when the claim is no ring identity
    (r"Let $a \in M_n(\mathbb{R})$.", r"\sqrt{a^2} = |a|"),
    (r"Let $a, b \in M_n(\mathbb{R})$.", r"a^2 + b^2 \ge 2ab"),
])
def test_letters_declared_in_a_set_of_matrices_are_not_numbers(tmp_path, prose, claim):
    step = claim_step(tmp_path, prose, claim)
    assert step.verdict not in DECIDING, step.reason
    assert "declares" in step.reason and "line 1" in step.reason


def test_a_declaration_after_the_formula_in_its_section_counts(tmp_path):
    text = "$$a b = b a$$\n\nwhere $a, b \\in M_n(\\mathbb{R})$.\n"
    [step] = steps_by_line(tmp_path, text)[1]
    assert step.verdict not in DECIDING and "line 3" in step.reason


def test_a_refutation_with_real_values_of_a_matrix_is_none(tmp_path):
    # a² = a fails for the number 2, but the note's a is a matrix (E₁₂ + E₂₁ … or I, which holds)
    assert sp.eye(2) ** 2 == sp.eye(2)
    text = "$$a \\in M_n(\\mathbb{R})$$\n\n$$a^2 = a$$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "undecided" and "declares a" in step.reason


@pytest.mark.parametrize("claim", [
    r"e^{A+B} e^{-B} = e^{A}",  # SymPy's exp merges the left side into e^A
    r"(AB)^{-1} = A^{-1} B^{-1}",
    r"e^{A} e^{B} = e^{B} e^{A}",
    r"\Phi \Psi = \Psi \Phi",
    r"\dfrac{e^{B}e^{A y + 2A}}{e^{B}e^{A y}} = e^{2A}",  # read as e^{2A}: B merged away
])
def test_capitals_that_need_commuting_are_doubted_in_any_claim(tmp_path, claim):
    a, b = E12, E21
    assert (a + b).exp() * (-b).exp() != a.exp()
    step = claim_step(tmp_path, "", claim)
    assert step.verdict not in HOLDING, step.reason


@pytest.mark.parametrize("prose, claim", [
    ("", "(A+B)C = AC + BC"),
    ("", r"(AB)^{-1} = B^{-1} A^{-1}"),
    ("", r"e^{A} e^{-A} = 1"),
    (r"Let $a, b, c \in M_n(\mathbb{R})$.", "(a + b) c = a c + b c"),
    (r"Let $a, b \in M_n(\mathbb{R})$.", "2(a + b) = 2a + 2b"),
    (r"Let $a \in M_n(\mathbb{R})$.", "(a+1)^2 = a^2 + 2a + 1"),
    (r"Let $a, b \in \mathbb{R}$.", "(a+b)^2 = a^2 + 2ab + b^2"),
    (r"Let $x, y \in \mathbb{R}$.", "e^{x+y} = e^{x} e^{y}"),
    ("Let $x$ and $y$ be real numbers.", "e^{x+y} = e^{x} e^{y}"),
    (r"Let $a, b \in (0, 1)$.", "(a+b)^2 = a^2 + 2ab + b^2"),
    (r"Let $n, m \in \mathbb{Z}$.", "(n+m)^2 = n^2 + 2nm + m^2"),
    (r"For all $x \in \mathcal{X}$,", r"\log \frac{1}{p(x)} = -\log p(x)"),
    ("<!-- symderive: assume A, B matrix 3 3 -->",
     r"\operatorname{tr}(AB) = \operatorname{tr}(BA)"),
    ("<!-- symderive: assume A, B matrix 3 3 -->", r"\det(AB) = \det(A)\det(B)"),
    ("<!-- symderive: assume A, B scalar -->", "e^{A+B} = e^{A} e^{B}"),
    # capitals the note gives numeric values are numbers (numpy's Moore's law tutorial)
    ("Let $A = 0.35$ and $B = -675.4$.", r"\dfrac{e^{B}e^{A y + 2A}}{e^{B}e^{A y}} = e^{2A}"),
])
def test_identities_that_need_no_commuting_keep_their_verdict(tmp_path, prose, claim):
    step = claim_step(tmp_path, prose, claim)
    assert step.verdict in HOLDING, step.reason


def test_a_later_number_declaration_ends_the_matrix_one_and_sections_bound_it(tmp_path):
    square = "$$(a+b)^2 = a^2 + 2ab + b^2$$"
    later = steps_by_line(tmp_path, "Let $a, b \\in M_n(\\mathbb{R})$.\n\nNow let $a, b \\in "
                                    f"\\mathbb{{R}}$.\n\n{square}\n")[5][0]
    assert later.verdict == "proved", later.reason
    other = steps_by_line(tmp_path, "# One\n\nLet $a, b \\in M_n(\\mathbb{R})$.\n\n# Two\n\n"
                                    f"{square}\n")[7][0]
    assert other.verdict == "proved", other.reason
    back = steps_by_line(tmp_path, "Let $a, b \\in \\mathbb{R}$.\n\nNow let $a, b \\in "
                                   f"M_n(\\mathbb{{R}})$.\n\n{square}\n")[5][0]
    assert back.verdict not in DECIDING, back.reason


def test_bold_letters_read_as_matrices_keep_their_refutation(tmp_path):
    step = claim_step(tmp_path, r"Let $\mathbf{A}, \mathbf{B} \in \mathbb{R}^{n \times n}$.",
                      r"(\mathbf{A} + \mathbf{B})^2 = \mathbf{A}^2 + 2\mathbf{A}\mathbf{B} + "
                      r"\mathbf{B}^2")
    assert step.verdict == "refuted", step.reason


@pytest.mark.parametrize("written, read", [
    (r"\mathbb{R}", True), (r"\mathbf{R}", True), ("ℝ", True), (r"\mathbb{R}_{+}", True),
    (r"\mathbb{R}_{\geq 0}", True),
    (r"\mathbb{Z}", True), (r"\mathbb{N}_0", True), (r"\mathbb{Q}", True), ("(0,1)", True),
    (r"\left[0, \frac{1}{2}\right)", True), (r"\{1, 2, 3\}", True), ("[K]", True),
    (r"\mathbb{C}", True), (r"\mathbb{R}^n", True), (r"\mathbb{R}^{1 \times q}", True),
    (r"M_n(\mathbb{R})", False), (r"\mathbb{R}^{n,n}", False), (r"\mathbb{R}^{n \times n}", False),
    (r"\mathbb{S}^n_{++}", False), (r"\mathrm{GL}(n)", False), (r"\mathcal{L}(V)", False),
    (r"\mathrm{Sym}(n)", False), (r"\mathbb{H}", False),
    (r"\mathbb{R}^{m \times n \times n}", False),
    (r"\mathcal{X}", False), (r"\{0,1\}^n", False), (r"\mathbb{Z}_p", False),
])
def test_the_sets_whose_members_are_read_as_what_they_are(written, read):
    assert reads_set(written) is read


def test_declarations_are_found_in_formulas_and_words_with_their_lines():
    text = ("Let $\\Sigma, \\Lambda \\in M_n(\\mathbb{R})$.\n\nLet $p$ and $q$ be elements of "
            "$\\mathrm{SO}(3)$.\n\nWe sum $\\sum_{i \\in I} x_i$.\n")
    found = memberships(sentences_of(text), [(1, r"\boldsymbol{b} \in \mathbb{H}"),
                                             (5, r"\sum_{i \in I} x_i")])
    assert {(m.line, m.name, m.set) for m in found} == {
        (1, "Sigma", r"M_n(\mathbb{R})"), (1, "Lambda", r"M_n(\mathbb{R})"),
        (1, r"\mathbf{b}", r"\mathbb{H}"),
        (3, "p", r"\mathrm{SO}(3)"), (3, "q", r"\mathrm{SO}(3)")}


def noncommuting_reader(lhs: str, rhs: str):
    return lambda names: tuple(parse_latex_math(side, context=LatexContext(noncommuting=names))
                               for side in (lhs, rhs))


@pytest.mark.parametrize("lhs, rhs, holds", [
    ("(A+B)C", "AC+BC", True), ("(AB)^{-1}", "B^{-1}A^{-1}", True),
    (r"\exp(A)\exp(A)", r"\exp(2A)", True), ("(A+B)^3", "(A+B)(A+B)(A+B)", True),
    ("(A+B)^2", "A^2+2AB+B^2", False), ("(AB)^{-1}", "A^{-1}B^{-1}", False),
    ("e^{A+B}e^{-B}", "e^{A}", False), ("e^{A/2}e^{A/2}", "e^{A}", False),
    (r"\frac{d}{dA}(AB)", "B", False),  # SymPy's derivative by A is no matrix derivative
    ("(A+B)^{20}", "0", False),  # 2^20 terms: not expanded
])
def test_the_noncommutative_reading_decides_only_exact_ring_identities(lhs, rhs, holds):
    assert holds_noncommuting(noncommuting_reader(lhs, rhs), frozenset({"A", "B", "C"})) is holds


def test_letters_merged_away_by_the_reading_are_still_suspects():
    # the reading checked is e^{2A} = e^{2A}: B is gone, but the claim writes it
    assert written_capitals(r"\frac{e^{B}e^{2A}}{e^{B}}") == {"A", "B"}
    two_a = sp.exp(2 * sp.Symbol("A"))
    reader = noncommuting_reader(r"\frac{e^{B}e^{2A}}{e^{B}}", "e^{2A}")
    assert needs_commuting(two_a, two_a, r"\frac{e^{B}e^{2A}}{e^{B}}", "e^{2A}",
                           reread=reader) == ("A", "B")
    assert needs_commuting(two_a, two_a, r"\frac{e^{B}e^{2A}}{e^{B}}", "e^{2A}",
                           reread=reader, scalars=frozenset({"B"})) == ()
