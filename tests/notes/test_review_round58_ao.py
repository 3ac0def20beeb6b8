"""Round 58 AW04 and AV03: two ways a note's words were not read, and a true line was refuted.

AW04 — under a heading naming the law of cosines (``### 제 1, 2 코사인 법칙``), a, b, c are a
triangle's sides and A, B, C its angles (A + B + C = π): the first law ``a = c\\cos B +
b\\cos C`` is a law of the figure, not a definition of a, and neither law is refuted at values
no triangle has.

AV03 — ``write $AB = C$`` defines C as the product (a definition written right to left), so
``C^T = (AB)^T`` is never refuted with C a free matrix.
"""

from __future__ import annotations

import pytest

from symderive.notes.chains import Chain
from symderive.notes.geometric_words import figure_words, law_of_the_figure
from symderive.notes.reversed_definitions import reversed_definition
from tests.notes.note_steps import reasons_by_line, verdicts_by_line

FIRST_LAW = r"a = c \cdot \cos{B} + b \cdot \cos{C}"
SECOND_LAW = r"a^2 = b^2 + c^2 - 2bc \cdot \cos{A}"


def _all(tmp_path, note: str) -> list[str]:
    return [verdict for line in verdicts_by_line(tmp_path, note).values() for verdict in line]


# -- AW04: the laws of a triangle named in a heading ------------------------------------------

def test_the_first_and_second_laws_of_cosines_under_a_korean_heading_are_not_refuted(tmp_path):
    note = f"### 제 1, 2 코사인 법칙\n$$ {FIRST_LAW} \\\\\n{SECOND_LAW} $$\n"
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts == {2: ["undecided"], 3: ["undecided"]}  # the first law defines nothing
    assert "코사인 법칙" in reasons_by_line(tmp_path, note)[3][0]


@pytest.mark.parametrize("heading", [
    "## Law of cosines", "## The cosine rule", "### 余弦定理", "## 코사인 법칙",
    "## Triangles", "## 삼각형의 변과 각", "## 사인 법칙과 코사인 법칙",
])
def test_a_heading_naming_a_triangle_or_its_law_makes_its_letters_a_triangle(tmp_path, heading):
    note = f"{heading}\n\n$$ {FIRST_LAW} $$\n\n$$ {SECOND_LAW} $$\n"
    assert _all(tmp_path, note) == ["undecided", "undecided"]


def test_in_triangle_abc_in_a_sentence_names_its_letters_too(tmp_path):
    note = (f"# Notes\n\nIn triangle $ABC$, ${FIRST_LAW}$ and so\n\n$$ {SECOND_LAW} $$\n")
    assert _all(tmp_path, note) == ["undecided", "undecided"]


def test_an_identity_of_algebra_under_the_law_is_still_proved(tmp_path):
    note = "## 코사인 법칙\n\n$$ a^2 - b^2 = (a - b)(a + b) $$\n"
    assert _all(tmp_path, note) == ["proved"]


def test_a_definition_with_its_words_in_a_triangle_section_stays_one(tmp_path):
    # "Let $h = b \sin C$" (the height): a definition, and the claim using it is proved
    note = "## 사인 법칙\n\nLet $h = b \\sin C$. Then\n\n$$ h^2 = b^2 \\sin^2 C $$\n"
    assert _all(tmp_path, note) == ["proved"]


def test_the_triangle_inequality_is_no_triangle(tmp_path):
    note = "## Triangle inequality\n\n$$ |x - y| = |x| - |y| $$\n"
    assert _all(tmp_path, note) == ["refuted"]


def test_a_law_without_words_of_a_triangle_is_still_a_definition():
    law = r"c \cos B + b \cos C"
    assert law_of_the_figure("a", None, law, "", lambda: "# Sums") == ""
    assert law_of_the_figure("a", None, law, "", lambda: "### 제 1, 2 코사인 법칙") != ""
    assert law_of_the_figure("a", None, law, "In triangle $ABC$,", lambda: "# Sums") != ""
    # the upper triangle of a matrix names its letter: no triangle's sides
    assert law_of_the_figure("y", None, r"\sin x", "Take the upper triangle of $A$.",
                             lambda: "# Sums") == ""
    assert figure_words("Pascal's triangle gives the binomial coefficients") == ""
    assert figure_words("삼각 부등식과 삼각형 부등식") == ""


# -- AV03: a definition written right to left -------------------------------------------------

TRANSPOSE = "# Transpose of a product\n\n"


@pytest.mark.parametrize("words", [
    "Let $A$, $B$ be square matrices and write\n\n$$AB = C$$\n\nThen",
    "Let $A$, $B$ be square matrices and write $AB = C$. Then",
    "Let $A$, $B$ be square matrices and let $AB = C$. Then",
    "Let $A$, $B$ be square matrices and call the product $C$. Then",
    "$A$, $B$가 정사각행렬이고 $AB = C$라 하자. 그러면",
    "$A$, $B$가 정사각행렬이고 $AB = C$라고 하면",
    "$A$, $B$가 정사각행렬이고 $AB = C$로 두자.",
    "Let $A$, $B$ be square matrices and\n\n$$AB =: C$$\n\nThen",
])
def test_the_transpose_of_a_product_named_c_is_never_refuted(tmp_path, words):
    note = f"{TRANSPOSE}{words}\n\n$$C^T = (AB)^T = B^T A^T$$\n"
    assert "refuted" not in _all(tmp_path, note)


def test_bold_matrices_named_right_to_left_are_checked(tmp_path):
    note = (TRANSPOSE + "Let $\\mathbf{A}$, $\\mathbf{B}$ be square matrices and write\n\n"
            "$$\\mathbf{A}\\mathbf{B} = \\mathbf{C}$$\n\nThen\n\n"
            "$$\\mathbf{C}^T = (\\mathbf{A}\\mathbf{B})^T = \\mathbf{B}^T \\mathbf{A}^T$$\n")
    assert _all(tmp_path, note) == ["checked", "checked"]


def test_the_wrong_order_is_still_refuted_with_the_product_substituted(tmp_path):
    note = (TRANSPOSE + "Let $\\mathbf{A}$, $\\mathbf{B}$ be square matrices and write "
            "$\\mathbf{A}\\mathbf{B} = \\mathbf{C}$. Then\n\n"
            "$$\\mathbf{C}^T = \\mathbf{A}^T \\mathbf{B}^T$$\n")
    assert _all(tmp_path, note) == ["refuted"]  # at size 2, with C = AB


@pytest.mark.parametrize("words, claim, verdict", [
    ("Let $x$, $y$ be real numbers and write $x + y = s$. Then", "s^2 = x^2 + 2xy + y^2",
     "proved"),
    ("Let $x$, $y$ be real numbers and write $x + y = s$. Then", "s^2 = x^2 + y^2", "refuted"),
    ("$x + y = s$라 하자. 그러면", "s - y = x", "proved"),
    ("$x + y = s$로 두자. 그러면", "s^2 = x^2 + 2xy + y^2", "proved"),
    ("We denote $x + y = s$. So", "s - x = y", "proved"),
])
def test_a_sum_named_right_to_left_is_substituted(tmp_path, words, claim, verdict):
    assert _all(tmp_path, f"# Sums\n\n{words}\n\n$$ {claim} $$\n") == [verdict]


def _chain(left: str, right: str) -> Chain:
    return Chain(line=3, latex=f"{left} = {right}", elements=(left, right), relations=("=",))


def test_a_right_side_written_before_is_no_new_name():
    assert reversed_definition(_chain("AB", "C"), "write", "", ["C"]) is None
    assert reversed_definition(_chain("AB", "C"), "write", "", ["A", "B"]) is not None


@pytest.mark.parametrize("left, right, lead", [
    ("2x + 1", "y", "We solve for $x$:"),  # an equation to solve: no naming word
    ("f(x)", "y", "Let"),  # a function head on the left keeps its forward reading
    ("x", "y", "Let"),  # so does a bare name
    ("2x", r"\pi", "Let"),  # a constant is no name
    ("x + y", "s", "In the set"),  # "set" as a noun
    ("x + y", "3", "Let"),  # a number
    ("C + 1", "C", "write"),  # the name on both sides
])
def test_what_is_no_definition_written_right_to_left(left, right, lead):
    assert reversed_definition(_chain(left, right), lead, "", []) is None


def test_a_claim_about_a_name_defined_before_is_still_checked(tmp_path):
    note = ("# Products\n\nLet $p = xy$. We write\n\n$$ xy = p $$\n\nand also write\n\n"
            "$$ x + y = p $$\n")
    assert _all(tmp_path, note) == ["proved", "refuted"]
