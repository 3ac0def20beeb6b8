r"""Reader findings of the ninth adversarial reviews (/work/findings/round9b.md L6, L7, L12 and
/work/findings/round9a.md L3, L4, L5), each with the reviewer's note text, and the correct
readings that must still work:

* L6 — words that replace a name (*replace $A$ by $AB$*, *substitute … for*, *write … for*)
  change what it means: a later step using it is never decided with the old meaning;
* L7 — a property word under a negation or contrast (*rather than*, *instead of*, *unlike*,
  *no longer*, 아닌, 대신) is not stated: one helper, :func:`grammar.negation.denied`;
* L12 — ``\left| |x| - 1 \right|`` reads; ``M N - N M = 0`` for 3 × 3 matrices is refuted with
  matrices; the transpose of a name without a shape does not call it a scalar;
* 9a L3 — a Korean definition by cases names one reading; 9a L4 — a counterexample's values
  must satisfy what the note says of them (a name described as a softmax is not free);
* 9a L5 — a sampled point where one side diverges refutes; a point where a side has no value
  as written is named in a *checked* reason.
"""

import sympy as sp
import pytest

from symderive.check.context import CheckContext
from symderive.check.decide import numeric_phase
from symderive.grammar.negation import denied
from symderive.notes.check_notes import prose_arrays, stated_simplex
from symderive.notes.onehot import stated_onehot
from tests.notes.note_steps import (
    steps_by_line,
    verdicts_by_line as verdicts,
    reasons_by_line as reasons,
)

import random




# -- L7: a property denied by a negation or a contrast is not stated ------------------------------

SOFT = ("# Not\n\nHere $\\mathbf{s}$ is a soft label rather than a one-hot vector.\n\n"
        "$$\\|\\mathbf{s}\\|^2 = \\sum_i s_i$$\n")


@pytest.mark.slow
def test_rather_than_one_hot_is_not_one_hot(tmp_path):
    # false for soft labels: s = (1/2, 1/2) gives 1/2 against 1
    found = steps_by_line(tmp_path, SOFT)[5]
    assert [step.verdict for step in found] == ["refuted"]
    assert "one-hot" not in found[0].reason
    # s_i are the entries of \mathbf{s} (round 12): the point names only them, never an s[1] too
    names = [name for name, _ in found[0].counterexample.values]
    assert any(name.startswith("\\mathbf{s}_") for name in names)
    assert not any(name.startswith("s[") for name in names), names


@pytest.mark.parametrize("sentence", [
    "Here $\\mathbf{s}$ is a soft label rather than a one-hot vector.",
    "The label $\\mathbf{t}$ is not one-hot: it is a smoothed label.",
    "Here $s$ is no longer one-hot.",
    "Here $s$ is a smoothed target instead of a one-hot vector.",
    "$s$는 원핫 벡터가 아닌 부드러운 레이블이다.",
    "$s$는 원핫 벡터 대신 부드러운 레이블이다.",
])
def test_denied_one_hot_words_state_nothing(sentence):
    assert stated_onehot(sentence) == {}
    assert stated_simplex(sentence) == ()


@pytest.mark.parametrize("sentence, name", [
    ("The label $\\mathbf{t}$ is one-hot.", "t"),
    ("Unlike $\\mathbf{t}$, the label $\\mathbf{y}$ is one-hot.", "y"),
    ("Here $y$ is not soft but one-hot.", "y"),
    ("Here $y$ is one-hot rather than soft.", "y"),
    ("$y$는 원핫 벡터이다.", "y"),
    ("Let $y$ be a one-hot vector.", "y"),
])
def test_stated_one_hot_words_still_read(sentence, name):
    assert name in stated_onehot(sentence)


def test_probability_vector_denied_or_stated():
    assert stated_simplex("Here $p$ is a probability vector.") == ((1, "p"),)
    assert stated_simplex("Here $p$ is not a probability vector.") == ()
    assert stated_simplex("Here $p$ is a score vector rather than a probability vector.") == ()


def test_matrix_words_denied_by_contrast():
    assert prose_arrays("Here $c$ is a scalar rather than a matrix, and $d$ a scalar.") == set()
    assert prose_arrays("Here $A$ is not a matrix.") == set()
    # the name inside the contrast is still called a matrix
    assert prose_arrays("Unlike the matrices $A$ and $B$, the numbers commute.") == {"A", "B"}
    assert prose_arrays("Let $A$ and $B$ be matrices.") == {"A", "B"}


def test_denied_helper_scopes():
    text = "Here $A$ is a general matrix rather than a symmetric one."
    start = text.index("symmetric")
    assert denied(text, start, start + 9, named_from=text.index("$A$"))
    text = "Unlike $B$, the matrix $A$ is symmetric."
    start = text.index("symmetric")
    assert not denied(text, start, start + 9, named_from=text.index("$A$"))
    text = "$A$는 대칭 행렬이 아닙니다."
    start = text.index("대칭")
    assert denied(text, start, start + 2)


@pytest.mark.slow
def test_scalar_rather_than_matrix_commutes(tmp_path):
    text = ("# h\n\nHere $c$ is a scalar rather than a matrix, and $d$ is a scalar.\n\n"
            "$$c d = d c$$\n")
    assert verdicts(tmp_path, text)[5] == ["proved"]


# -- L6: a name replaced in words ----------------------------------------------------------------

REPLACED = ("# Symmetric part\n\nDefine $\\mathbf{S} = \\mathbf{A} + \\mathbf{A}^\\top$ and then "
            "replace $\\mathbf{A}$ by $\\mathbf{A}\\mathbf{B}$.\n\n"
            "$$\\mathbf{S} = \\mathbf{A}\\mathbf{B} + \\mathbf{B}^\\top \\mathbf{A}^\\top$$\n")


@pytest.mark.slow
def test_replace_by_is_not_read_with_the_old_definition(tmp_path):
    found = steps_by_line(tmp_path, REPLACED)[5]
    assert [step.verdict for step in found] == ["undecided"]
    assert "replaces \\mathbf{A}" in found[0].reason


@pytest.mark.slow
@pytest.mark.parametrize("words", [
    "Substitute $t^2$ for $x$.",
    "We write $x$ for $t^2$.",
    "Now $x$ is replaced by $t^2$.",
    "$x$를 $t^2$로 바꾸면 다음을 얻는다.",
])
def test_other_replacement_wordings(tmp_path, words):
    text = f"# e\n\nLet $u = x^2 + 1$. {words}\n\n$$u = t^4 + 1$$\n"
    assert verdicts(tmp_path, text)[5] == ["undecided"]


@pytest.mark.slow
def test_definition_without_replacement_still_decides(tmp_path):
    text = ("# f\n\nLet $u = x^2 + 1$.\n\n$$u - x^2 = 1$$\n\n$$u - x^2 = 2$$\n\n"
            "# g\n\nDefine $\\mathbf{S} = \\mathbf{A} + \\mathbf{A}^\\top$.\n\n"
            "$$\\mathbf{S}^\\top = \\mathbf{S}$$\n")
    found = verdicts(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["refuted"]
    assert found[13] in (["checked"], ["proved"])


# -- L12: sized bars, matrices that do not commute, a transpose without a shape -------------------

@pytest.mark.slow
def test_left_bar_with_a_bar_inside(tmp_path):
    text = ("# h\n\nFor every real $x$,\n$$\\left| x - 1 \\right| \\ge 0$$\n\n"
            "For every real $x$,\n$$\\left| |x| - 1 \\right| = |x| - 1$$\n\n"
            "For every real $x$,\n$$\\big| |x| - 1 \\big| = \\left| 1 - |x| \\right|$$\n")
    found = verdicts(tmp_path, text)
    assert found[4] == ["checked"]
    assert found[7] == ["refuted"]  # x = 0: 1 against -1
    assert found[10] in (["proved"], ["checked"])


@pytest.mark.slow
def test_commutator_of_matrices_is_refuted_with_matrices(tmp_path):
    text = ("# f\n\nWe multiply the $3 \\times 3$ matrices $M$ and $N$.\n\n$$M N - N M = 0$$\n")
    found = steps_by_line(tmp_path, text)[5]
    assert [step.verdict for step in found] == ["refuted"]
    values = dict(found[0].counterexample.values)
    assert "M_11" in values and "N_11" in values  # entries of 3 × 3 matrices


@pytest.mark.slow
def test_equation_to_solve_with_a_vector_is_still_not_refuted(tmp_path):
    text = ("# s\n\nLet $A$ be a $2 \\times 2$ matrix and $\\mathbf{x}, \\mathbf{b} \\in "
            "\\mathbb{R}^2$.\n\n$$A \\mathbf{x} - \\mathbf{b} = 0$$\n")
    assert verdicts(tmp_path, text).get(5, ["skipped"]) != ["refuted"]


@pytest.mark.slow
def test_transpose_without_a_shape_does_not_call_it_a_scalar(tmp_path):
    text = ("# Outer\n\nLet $u$ and $v$ be column vectors in $\\mathbb{R}^3$.\n\n"
            "$$(u v^\\top)^\\top = v u^\\top$$\n")
    found = steps_by_line(tmp_path, text)[5]
    assert found[0].verdict == "skipped"
    assert "scalar" not in found[0].reason and "assume v matrix" in found[0].reason


# -- 9a L3: a Korean definition by cases ----------------------------------------------------------

@pytest.mark.slow
def test_korean_cases_definition(tmp_path):
    text = ("## Three\n\n$p \\ge 0$이면 $q = p$이고, 그렇지 않으면 $q = 0$이다.\n"
            "$$\\frac{dq}{dp} = 1$$\n")
    found = steps_by_line(tmp_path, text)[4]
    assert [step.verdict for step in found] == ["refuted"]  # p = -1: dq/dp = 0
    assert dict(found[0].counterexample.values)["p"].startswith("-")
    assert "with line 3's" not in found[0].reason  # no reading named twice by one line


@pytest.mark.slow
def test_korean_cases_true_claim(tmp_path):
    text = ("## Three\n\n$p \\ge 0$이면 $q = p$이고, 그렇지 않으면 $q = 0$이다.\n"
            "$$q^2 = q p$$\n")  # true on both branches
    assert verdicts(tmp_path, text)[4] in (["checked"], ["proved"], ["undecided"])


# -- 9a L4: a name the note describes as a softmax is not free ------------------------------------

CROSS_ENTROPY = ("\\frac{\\partial}{\\partial z_i} \\left( -\\sum_{k=1}^{n} y_k \\log p_k \\right)"
                 " = p_i - y_i")


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "Let $z, y \\in \\mathbb{R}^n$ be arbitrary vectors and $p = \\mathrm{softmax}(z)$.",
    "Let $z, y \\in \\mathbb{R}^n$ be arbitrary vectors and let $p$ be the softmax of $z$.",
    "Let $z, y \\in \\mathbb{R}^n$, where $p$ denotes the predicted probabilities.",
])
def test_softmax_output_is_not_a_free_name(tmp_path, sentence):
    found = steps_by_line(tmp_path, f"# a\n\n{sentence}\n$${CROSS_ENTROPY}$$\n")[4]
    assert [step.verdict for step in found] == ["undecided"]


@pytest.mark.slow
def test_softmax_in_words_is_not_differentiated_as_a_constant(tmp_path):
    # false: the diagonal of the softmax Jacobian is p_i (1 - p_i), not 0
    text = ("# a\n\nLet $z \\in \\mathbb{R}^n$ and let $p$ be the softmax of $z$.\n"
            "$$\\frac{\\partial p_i}{\\partial z_i} = 0$$\n")
    assert verdicts(tmp_path, text)[4] not in (["proved"], ["checked"])


@pytest.mark.slow
def test_softmax_written_out_is_still_read(tmp_path):
    text = ("# a\n\nLet $p = \\sigma(z)$ be the output of the sigmoid.\n"
            "$$\\frac{dp}{dz} = p (1 - p)$$\n\n$$\\frac{dp}{dz} = p$$\n")
    found = verdicts(tmp_path, text)
    assert found[4] == ["proved"] and found[6] == ["refuted"]


# -- 9a L5: a point where one side diverges ------------------------------------------------------

def _numeric(lhs, rhs, relation="="):
    return numeric_phase(lhs, rhs, relation, CheckContext(), random.Random(0))


def test_divergent_integral_refutes():
    a, x = sp.symbols("a x", real=True)
    outcome = _numeric(sp.Integral(x ** a, (x, 0, 1)), 1 / (a + 1))
    assert outcome.verdict == "refuted"
    values = dict(outcome.counterexample.values)
    assert sp.Rational(values["a"]) <= -1  # where ∫_0^1 x^a dx diverges
    assert outcome.counterexample.lhs_value == "oo"


def test_removable_point_is_named_in_a_checked_reason():
    a, x = sp.symbols("a x", real=True)
    outcome = _numeric(sp.Integral(sp.exp(a * x), (x, 0, 1)), (sp.exp(a) - 1) / a)
    if outcome.verdict == "checked" and "skipped" in outcome.reason and "0 skipped" not in \
            outcome.reason:
        assert "not evaluated at a = 0" in outcome.reason
    assert outcome.verdict in ("checked", "undecided")


def test_convergent_integral_still_checked():
    a, x = sp.symbols("a", positive=True), sp.Symbol("x", real=True)
    outcome = _numeric(sp.Integral(x ** a, (x, 0, 1)), 1 / (a + 1))
    assert outcome.verdict == "checked"


@pytest.mark.slow
def test_note_every_real_a_integral_refuted(tmp_path):
    text = ("# Batch 18\n\nFor every real $a$,\n$$\\int_{0}^{1} x^{a} \\, dx = \\frac{1}{a + 1}$$\n\n"
            "For every real $a > -1$,\n$$\\int_{0}^{1} x^{a} \\, dx = \\frac{1}{a + 1}$$\n")
    found = verdicts(tmp_path, text)
    assert found[4] == ["refuted"]
    assert found[7] in (["checked"], ["proved"])
