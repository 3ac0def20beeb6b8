r"""Claims with free indices and labels are evaluated at **every** combination of the index
values at each size tried (round 3 review, C12), and a refuted list of rounded values names
the entry that failed (L2).

The cs231n softmax gradient is :math:`\partial L_i/\partial f_k = p_k - \mathbb{1}(y_i = k)`;
variants wrong only at a label k = y_i ≥ 4, 5 or 7 (a threshold written into the claim) must
never be *checked*.  Each refutation's counterexample is substituted back here, independently
of the checker: the loss is differentiated by SymPy at the counterexample's integer indices
(within their ranges) and exact rational scores.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

from symderive.check import sampling
from symderive.check.context import CheckContext
from symderive.model import Domain
from symderive.notes.check_notes import NotesOptions, check_files

SOFTMAX = (
    "# Softmax\n\n$$\np_k = \\frac{e^{f_k}}{ \\sum_j e^{f_j} } \\hspace{1in} "
    "L_i =-\\log\\left(p_{y_i}\\right)\n$$\n\nThe gradient:\n\n"
)
GRADIENT = r"\frac{\partial L_i }{ \partial f_k } = "


def steps(tmp_path: Path, text: str, seed: int = 0):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2, seed=seed))
    return [step for equation in report.files[0].equations for step in equation.steps
            if step.skip is None]  # fmt: skip


def gradient_step(tmp_path: Path, right: str, seed: int = 0):
    (step,) = steps(tmp_path, SOFTMAX + f"$$\n{GRADIENT}{right}\n$$\n", seed)
    return step


def true_gradient(values: dict) -> tuple[sp.Basic, int, int, list]:
    """∂L_i/∂f_k at the counterexample, by SymPy on its own: (value, k, y_i, scores)."""
    n, k, label = (int(values[name]) for name in ("n", "k", "y_i"))
    assert 1 <= k <= n and 1 <= label <= n  # indices within their ranges, integers
    scores = [sp.Rational(str(Fraction(values[f"f[{j}]"]))) for j in range(1, n + 1)]
    f = sp.symbols(f"f1:{n + 1}")
    loss = -sp.log(sp.exp(f[label - 1]) / sum(sp.exp(v) for v in f))
    return sp.diff(loss, f[k - 1]).subs(dict(zip(f, scores))), k, label, scores


def softmax(scores: list, k: int) -> sp.Basic:
    return sp.exp(scores[k - 1]) / sum(sp.exp(v) for v in scores)


# -- the true gradient stays checked, at every (k, y_i) of the sizes it names ------------------
def test_the_cs231n_gradient_is_checked_at_every_pair_of_class_and_label(tmp_path):
    step = gradient_step(tmp_path, r"p_k - \mathbb{1}(y_i = k)")
    assert step.verdict in ("checked", "proved")
    assert "every combination of the values of k, y_i evaluated at (n) = 1, 2, 3, 4, 5, 6" in (
        step.reason)


# -- wrong only beyond the third class: k = y_i = 4 must be reached ---------------------------
@pytest.mark.parametrize("right, wrong_from", [
    (r"p_k - \mathbb{1}(y_i = k) \mathbb{1}(k \le 3)", 4),  # the reviewer's C12
    (r"p_k - \mathbb{1}(y_i = k) \mathbb{1}(k \le 4)", 5),
    (r"p_k - \mathbb{1}(y_i = k) \mathbb{1}(k \le 5)", 6),
    (r"p_k - \mathbb{1}(y_i = k) + \mathbb{1}(y_i = k)\mathbb{1}(y_i \ge 5)", 5),
])
def test_a_gradient_wrong_only_at_a_high_label_is_refuted_there(tmp_path, right, wrong_from):
    step = gradient_step(tmp_path, right)
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    value, k, label, scores = true_gradient(values)
    assert k == label >= wrong_from  # the kink k = y_i, beyond the threshold
    assert sp.simplify(value - (softmax(scores, k) - 1)) == 0  # the true value there: p_k − 1
    # the written right side there is p_k (its indicator of the label is switched off): 1 apart
    written = sp.Float(step.counterexample.rhs_value, 15)
    assert abs(written - sp.N(softmax(scores, k), 15)) < sp.Rational(1, 10**9)
    assert abs(sp.N(value, 30) - written) > sp.Rational(9, 10)


def test_a_polynomial_in_the_class_index_vanishing_at_one_to_four_is_refuted(tmp_path):
    step = gradient_step(tmp_path, r"p_k - \mathbb{1}(y_i = k) + (k-1)(k-2)(k-3)(k-4)")
    assert step.verdict == "refuted"
    value, k, label, scores = true_gradient(dict(step.counterexample.values))
    assert k >= 5  # (k-1)…(k-4) = 0 for k = 1…4: only a fifth class shows it
    written = softmax(scores, k) - (1 if k == label else 0) + sp.prod(k - m for m in range(1, 5))
    assert abs(sp.N(value - written, 30)) > 1


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_reviewers_claim_is_never_checked_whatever_the_seed(tmp_path, seed):
    step = gradient_step(tmp_path, r"p_k - \mathbb{1}(y_i = k) \mathbb{1}(k \le 3)", seed)
    assert step.verdict == "refuted"


def test_two_labels_wrong_only_where_the_second_label_is_four_are_not_checked(tmp_path):
    right = r"\mathbb{1}(y_i = k) + \mathbb{1}(y_j = k)\mathbb{1}(y_j \le 3) - p_k"
    left = r"\frac{\partial}{\partial f_k}\left(f_{y_i} + f_{y_j} - \log \sum_m e^{f_m}\right)"
    (step,) = steps(tmp_path, SOFTMAX + f"$$\n{left} = {right}\n$$\n")
    assert step.verdict not in ("checked", "proved")
    (true,) = steps(tmp_path, SOFTMAX + f"$$\n{left} = \\mathbb{{1}}(y_i = k) + "
                    "\\mathbb{1}(y_j = k) - p_k\n$$\n")
    assert true.verdict in ("checked", "proved")
    assert "k, y_i, y_j evaluated at (n) = 1, 2, 3, 4" in true.reason  # 3 indices: n ≤ 4


def test_the_sizes_where_only_one_combination_was_drawn_are_named(tmp_path):
    step = gradient_step(tmp_path, r"p_k - \mathbb{1}(y_i = k)")
    # 7² = 49 pairs at n = 7 exceed the claim's share (100 in all after n = 1…6's 91)
    assert "at (n) = 7" in step.reason and "one combination drawn at random" in step.reason


# -- the one-hot case of the earlier attempt (test_n29) stays not refuted, at any seed --------
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_one_hot_label_given_in_words_is_never_refuted_as_arbitrary_entries(tmp_path, seed):
    text = ("# Softmax\n\nWith a one-hot label $\\mathbf{y}$ whose only nonzero entry is "
            "$y_c = 1$, the cross-entropy is\n\n"
            "$$ -\\sum_{j=1}^{q} y_j \\log \\hat{y}_j = -\\log \\hat{y}_c $$\n")
    (step,) = steps(tmp_path, text, seed)
    assert step.verdict != "refuted"


# -- the enumeration itself ----------------------------------------------------------------
def test_every_index_value_lists_each_pair_once_within_the_ranges():
    n, k, label = sp.Symbol("n", integer=True, positive=True), sp.Symbol("k"), sp.Symbol("y_i")
    context = CheckContext.build({k: Domain("index", low=1, high=n),
                                  label: Domain("index", low=1, high=n)})
    pairs = sampling.every_index_value([k, label], context, {n: sp.Integer(4)})
    assert sorted((int(p[k]), int(p[label])) for p in pairs) == [
        (a, b) for a in range(1, 5) for b in range(1, 5)]
    assert sampling.every_index_value([k, label], context, {n: sp.Integer(9)}) is None  # 81
    unbounded = CheckContext.build({k: Domain("index", low=1)})
    assert sampling.every_index_value([k], unbounded, {}) is None  # no finite set to exhaust
    drawn = sampling.draw_indices([k], context, {n: sp.Integer(3)}, random.Random(0))
    assert 1 <= int(drawn[k]) <= 3


# -- L2: which entry of a list failed -------------------------------------------------------
def test_a_refuted_list_names_the_entry_that_failed_with_both_values_and_its_precision(tmp_path):
    import mpmath

    (step,) = steps(tmp_path, "# Lists\n\nRounded: $[-e^1, e^{-2}] = [2.72, 0.14]$.\n")
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    assert values["entry"] == "1 of 2: -e^1 against 2.72"  # the sign flip, not entry 2
    assert values["precision"] == "2 decimals (|difference| ≤ 0.005)"
    assert step.counterexample.rhs_value == "2.72"  # as written
    assert abs(mpmath.mpf(step.counterexample.lhs_value) + mpmath.e) < mpmath.mpf("1e-13")
    # e^{-2} = 0.1353…: the second entry alone is correctly rounded
    assert abs(mpmath.e ** -2 - mpmath.mpf("0.14")) <= mpmath.mpf("0.005")


def test_the_failing_entry_of_a_list_is_the_first_one_off_by_more_than_half_a_unit(tmp_path):
    (step,) = steps(tmp_path, "# Lists\n\n$[\\pi, e, \\sqrt{2}] = [3.14, 2.7, 1.6]$.\n")
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    # π = 3.14159… rounds to 3.14; e = 2.718… to 2.7 (1 decimal); √2 = 1.414… is not 1.6
    assert values["entry"] == "3 of 3: \\sqrt{2} against 1.6"
    assert values["precision"] == "1 decimal (|difference| ≤ 0.05)"


# -- entry claims: a kink on the diagonal i = b = 4 ------------------------------------------
SHAPES = (
    "Suppose that $\\mathbf{X}$ is a $n \\times m$ matrix, $\\mathbf{U}$ is an $n \\times r$ "
    "and $\\mathbf{V}$ is an $r \\times m$.\n\n"
)


def test_an_entry_claim_wrong_only_at_the_diagonal_entry_four_four_is_refuted(tmp_path):
    claim = (r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib} + "
             r"\mathbb{1}(i = 4)\mathbb{1}(b = 4)")  # fmt: skip
    (step,) = steps(tmp_path, SHAPES + f"$$\n{claim}\n$$\n")
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    # U is n×4 or more with a row 4 and V has a column 4: both written entries exist
    assert "\\mathbf{U}_44" in values and "\\mathbf{V}_44" in values
    (true,) = steps(tmp_path, SHAPES + "$$\n\\sum_k u_{ik}v_{kb} = [\\mathbf{U}\\mathbf{V}]_{ib}"
                    "\n$$\n")
    assert true.verdict in ("checked", "proved")


# -- a reading that could save a refutation but ran out of time leaves it undecided ----------
def test_a_refutation_is_not_kept_when_the_one_hot_reading_ran_out_of_time():
    from symderive.notes.variants import combined
    from symderive.report import Counterexample, Outcome

    key = (0, 0, 1)
    chosen = [("plain", None, None, "=", "")]
    refuted = Outcome("refuted", method="numeric (certified balls)",
                      counterexample=Counterexample((("y[1]", "3/7"),), "1", "2"))
    late = Outcome("undecided", reason="time budget of 2 s (CPU) exceeded")
    outcome, _ = combined(key, chosen, {key + ("plain",): refuted, key + ("stated",): late})
    assert outcome.verdict == "undecided" and "stated" in outcome.reason
    settled = Outcome("refuted", method="numeric (certified balls)",
                      counterexample=Counterexample((("y[1]", "1/2"),), "1", "2"))
    outcome, _ = combined(key, chosen, {key + ("plain",): refuted, key + ("stated",): settled})
    assert outcome.verdict == "refuted"  # the reading was checked and fails too
