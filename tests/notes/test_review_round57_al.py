r"""Round 57, fixer al: a decomposition named in words (SVD, 특이값 분해, 奇异值分解,
eigendecomposition, QR) makes its outer factors orthogonal, so (V S Uᵀ)(U S Vᵀ) = V S² Vᵀ is not
refuted at U = −48/5 (AS03); a bound stated "for some C" in Chinese (对于一些 $C$, 存在常数 $C$,
其中 $C$ 是某个常数) is not refuted by choosing C (AR02), as the English and Korean words are read."""

from __future__ import annotations

import pytest

from symderive.notes.matrix_words import decomposed_matrices
from tests.notes.note_steps import reasons_by_line, verdicts_by_line


# -- AS03: the factors of an SVD are orthogonal --------------------------------------------------

PRODUCT = r"(V S U^T)(U S V^T) = V S^2 V^T"


def _svd_note(words: str) -> str:
    return f"# SVD\n\n{words}\n\n$$X = U S V^T$$\n\n$${PRODUCT}$$\n"


@pytest.mark.parametrize("words", [
    "데이터 행렬 $X$를 직접 SVD(특이값 분해) 합니다.",  # the finding's words
    "Take the singular value decomposition of the data matrix.",
    "데이터 행렬 $X$의 특이값 분해를 구합니다.",
    "对数据矩阵 $X$ 做奇异值分解。",
    "We compute the SVD of $X$.",
])
def test_after_the_words_of_an_svd_its_factors_are_orthogonal(tmp_path, words):
    note = _svd_note(words)
    assert verdicts_by_line(tmp_path, note)[7] == ["undecided"]
    assert "orthogonal, as a factor of the SVD X = U S V^T" in reasons_by_line(tmp_path, note)[7][0]


def test_the_finding_as_written_a_list_item_after_the_display(tmp_path):
    note = ("# SVD\n\n데이터 행렬 $X$를 직접 SVD(특이값 분해) 합니다.\n\n$$X = U S V^T$$\n\n"
            f"- $X^T X = {PRODUCT}$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["undecided", "undecided"]


def test_the_decomposition_written_in_the_sentence_itself(tmp_path):
    note = f"# SVD\n\nLet $X = U S V^T$ be the SVD of $X$.\n\n$${PRODUCT}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


def test_an_eigendecomposition_and_a_qr_decomposition(tmp_path):
    eigen = ("Let $A = Q \\Lambda Q^T$ be the eigendecomposition of the symmetric matrix $A$. "
             "Then\n\n$$Q \\Lambda Q^T Q \\Lambda Q^T = Q \\Lambda^2 Q^T$$\n")
    qr = "Take the QR decomposition $A = QR$. Then\n\n$$R^T Q^T Q R = R^T R$$\n"
    assert verdicts_by_line(tmp_path, eigen)[3] == ["undecided"]
    assert verdicts_by_line(tmp_path, qr)[3] == ["undecided"]


def test_which_factors_each_decomposition_makes_orthogonal():
    assert [name for name, _, _ in decomposed_matrices(_svd_note("Take the SVD of $X$."))] == [
        "U", "V"]  # not the diagonal S
    qr = decomposed_matrices("QR 分解 $A = QR$。")
    assert [name for name, _, _ in qr] == ["Q"]  # R is triangular, not orthogonal
    assert decomposed_matrices("Take the SVD of $X$. Then\n\n$$(AB)^T = A^T B^T$$\n") == []


def test_without_the_words_the_product_of_general_matrices_is_still_refuted(tmp_path):
    note = f"# Product\n\nLet $X = U S V^T$.\n\n$${PRODUCT}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["refuted"]


def test_a_false_transpose_rule_after_an_svd_is_still_refuted(tmp_path):
    note = ("# SVD\n\nTake the singular value decomposition of the data matrix.\n\n"
            "$$X = U S V^T$$\n\nFor any matrices $A$ and $B$,\n\n$$(AB)^T = A^T B^T$$\n")
    assert verdicts_by_line(tmp_path, note)[9] == ["refuted"]


def test_a_true_step_about_the_factors_is_still_checked(tmp_path):
    note = ("# SVD\n\n对数据矩阵做奇异值分解。\n\n$$X = U S V^T$$\n\n"
            "$$(U S V^T)^T = V S^T U^T$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["checked"]


# -- AR02: "for some C" in Chinese ---------------------------------------------------------------

BOUND = (r"M_{Z}(\lambda)=\mathbb{E}\left[e^{\lambda Z}\right] \leq \exp \left(\frac{C^{2} "
         r"\lambda^{2}}{2}\right)")
THE_FINDING = ("# 矩母函数例子\n\n后面我们给出的所有例子都可以用如下的非常方便的边界形式：\n\n$$\n" + BOUND
               + r" \text { for all } \lambda \in \mathbb{R}" + "\n$$\n\n"
               r"对于一些$C\in \mathbb{R}$（这取决于$Z$的分布）；这个形式非常适合应用切尔诺夫边界。" "\n")


def test_the_finding_a_bound_for_some_c_in_chinese_is_not_refuted(tmp_path):
    assert verdicts_by_line(tmp_path, THE_FINDING)[7] == ["skipped", "undecided"]
    # (the distribution of Z, 分布, makes Z random, as 분포 and "distribution" do; without it
    # the words 对于一些 withhold the refutation: below)


def test_without_the_distribution_the_words_for_some_c_are_quoted(tmp_path):
    note = THE_FINDING.replace("（这取决于$Z$的分布）", "")
    assert verdicts_by_line(tmp_path, note)[7] == ["skipped", "undecided"]
    assert "对于一些" in reasons_by_line(tmp_path, note)[7][1]


@pytest.mark.parametrize("after", [
    r"对于一些$C\in \mathbb{R}$成立。",
    r"对某个常数$C$成立。",
    "其中$C$是某个常数。",  # "where C is some constant"
    "where $C$ is some constant.",
    "여기서 $C$는 어떤 상수이다.",
    "어떤 실수 $C$에 대해 성립한다.",
])
def test_words_after_the_display_that_make_c_some_constant(tmp_path, after):
    note = f"# MGF\n\n边界：\n\n$$\n{BOUND}\n$$\n\n{after}\n"
    assert verdicts_by_line(tmp_path, note)[7] == ["skipped", "undecided"]


@pytest.mark.parametrize("before", ["存在常数$C$使得", "对于某个$C$，我们有", "存在一个实数 $C$，使得"])
def test_words_before_the_display_that_make_c_some_constant(tmp_path, before):
    note = f"# MGF\n\n{before}\n\n$$\n{BOUND}\n$$\n"
    assert verdicts_by_line(tmp_path, note)[7] == ["skipped", "undecided"]
    assert "some C makes it hold" in reasons_by_line(tmp_path, note)[7][1]


def test_the_words_inside_the_formulas_sentence(tmp_path):
    note = ("# MGF\n\n对某些$C$，$\\mathbb{E}\\left[e^{\\lambda Z}\\right] \\leq "
            "\\exp \\left(\\frac{C^{2} \\lambda^{2}}{2}\\right)$ 成立。\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


def test_an_equation_the_note_assumes_in_chinese_is_not_refuted(tmp_path):
    note = "# 假设\n\n我们假设 $x^2 = 2x + 7$，然后求解。\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]
    assert "assumes it" in reasons_by_line(tmp_path, note)[3][0]


def test_a_false_law_of_independent_variables_in_chinese_is_still_refuted(tmp_path):
    note = ("# 期望\n\n设$X$与$Y$是独立的随机变量。\n\n$$\n"
            "\\mathbb{E}[X Y] = \\mathbb{E}[X] + \\mathbb{E}[Y]\n$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["refuted"]


def test_a_false_transpose_rule_for_any_matrices_in_chinese_is_still_refuted(tmp_path):
    note = "# 转置\n\n对于任意矩阵$A$和$B$：\n\n$$\n(AB)^T = A^T B^T\n$$\n"
    assert verdicts_by_line(tmp_path, note)[7] == ["refuted"]


def test_a_true_identity_for_all_x_in_chinese_is_still_proved(tmp_path):
    note = "# 平方\n\n$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n\n对于所有实数$x$成立。\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_a_paragraph_opening_with_of_course_states_no_condition(tmp_path):
    # 当然 "of course" is no 当 "when": the false square of a sum stays refuted
    note = "# 平方\n\n$$\n(a+b)^2 = a^2 + b^2\n$$\n\n当然$a$和$b$都是实数。\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["refuted"]
