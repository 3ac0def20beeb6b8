r"""What the prose around a formula makes of it (review round 13: F1, F4, F5), each with the false
verdict it gave, a true control of the same form and a claim that is false under the right
reading and stays refuted:

* F1 — an inequality *expression ≤ number* holding on most of the sampled box is a bound only
  when the words claim it: a constraint or a hypothesis in words (*a number with $x^2 \le 90$*,
  *The constraint $x^2 + y^2 \le 150$ defines a disc*, *We restrict to points with*,
  *…인 점만 생각한다*, *제약 조건*) is a condition, never refuted; a bare display, *Then*, *We
  have*, *Note that*, 따라서 claim it (sin x + cos x ≤ √2 checked, ≤ 1 refuted);
* F4 — a law moved to the stated mean E[w] = 0 must satisfy every other statement of the note
  about w (*Assume $Var(w) = 0$.*, *Suppose $E[w^2] = 1$.*), or the refutation is undecided;
* F5 — *In both cases* lifts only the names the cases vary (b of *Take $b = 1$ or $b = 5$*),
  never a fixed a = 2, and a refutation must be at a case; *for this choice*, 이 경우에 keep the
  example values whatever *in general* says.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.lifted import ALL, case_lift, lifted
from tests.notes.note_steps import steps_by_line

pytestmark = pytest.mark.slow

HOLDS = ("proved", "checked")


def verdicts_on(tmp_path, text: str) -> dict[int, list[str]]:
    """line -> the verdict of every step written on it; an equation skipped whole (a condition,
    a definition) counts as one 'skipped'."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    found: dict[int, list[str]] = {}
    for equation in report.files[0].equations:
        verdicts = [step.verdict for step in equation.steps] or ["skipped"]
        found.setdefault(equation.line, []).extend(verdicts)
    return found


# -- F1: a constraint in words is no bound claimed -------------------------------------------------

CONSTRAINTS = [
    r"Let $x$ be a number with $x^2 \le 90$.",
    r"The constraint $x^2 + y^2 \le 150$ defines a disc.",
    r"We restrict to points with $x + y \le 15$.",
    r"Consider the region where $x^2 \le 90$.",
    r"Assume $x^2 + y^2 \le 150$.",
    r"Suppose that $\sin x + \cos x \le 1$.",
    r"We work on the feasible region $x + y \le 15$.",
    r"The domain is restricted to $x^2 + y^2 \le 150$.",
    r"Take any point satisfying $x^2 + y^2 \le 150$.",
    r"Minimise $x + y$ subject to $x^2 + y^2 \le 150$.",
    r"If $x^2 \le 90$, the series converges.",
    r"Let $x > 0$ and $x^2 + y^2 \le 150$.",
    r"The region $x^2 + y^2 \le 150$ is a disc.",
    r"Assume $x^2 + y^2 \le 2 x y + 150$.",
    r"$x^2 \le 90$ 인 점만 생각한다.",
    r"$x^2 + y^2 \le 150$ 을 만족하는 $x$ 를 생각한다.",
    r"제약 조건 $x + y \le 15$ 아래에서 최적화한다.",
    r"$x + y \le 15$ 라고 가정하자.",
    r"$x^2 \le 90$ 일 때 급수는 수렴한다.",
]


@pytest.mark.parametrize("sentence", CONSTRAINTS)
def test_a_constraint_stated_in_words_is_never_refuted(tmp_path, sentence):
    verdicts = verdicts_on(tmp_path, f"# A\n\n{sentence}\n")
    assert "refuted" not in verdicts[3], (sentence, verdicts)


def test_a_false_claim_outside_the_stated_constraint_is_not_refuted(tmp_path):
    note = "# A\n\nLet $x$ be a number with $x^2 \\le 90$. Then $x^2 - 100 \\le 0$.\n"
    assert "refuted" not in verdicts_on(tmp_path, note)[3]


def test_the_same_bound_without_the_constraint_is_refuted(tmp_path):
    note = "# A\n\nLet $x$ be any real number. Then $x^2 - 100 \\le 0$.\n"
    assert verdicts_on(tmp_path, note)[3][-1] == "refuted"


X = sp.Symbol("x", real=True)
CLAIMED_BOUNDS = [  # (the sentence, the verdict, the excess that is > 0 at a counterexample)
    (r"$$ \sin x + \cos x \le \sqrt{2} $$", "checked", None),
    (r"$$ \sin x + \cos x \le 1 $$", "refuted", sp.sin(X) + sp.cos(X) - 1),
    (r"Then $\sin x + \cos x \le \sqrt{2}$.", "checked", None),
    (r"We have $x^2 \le 90$.", "refuted", X**2 - 90),
    (r"Note that $\sin x \le 0.99$.", "refuted", sp.sin(X) - sp.Rational(99, 100)),
    (r"따라서 $\sin x + \cos x \le 1$ 이다.", "refuted", sp.sin(X) + sp.cos(X) - 1),
    (r"Clearly $\sin x + \cos x \le 1.5$.", "checked", None),
    (r"$\sin x \le 0.99$ holds for every real $x$.", "refuted", sp.sin(X) - sp.Rational(99, 100)),
    (r"$\sin x + \cos x \le 1$ 이 성립한다.", "refuted", sp.sin(X) + sp.cos(X) - 1),
]


@pytest.mark.parametrize(("sentence", "verdict", "excess"), CLAIMED_BOUNDS)
def test_a_bound_the_words_claim_is_checked_when_true_and_refuted_when_false(
        tmp_path, monkeypatch, sentence, verdict, excess):
    # a tight bound (sin x + cos x ≤ √2, slack 0 at x = π/4) needs SymPy's exact range, whose
    # CPU limit a loaded CI machine occasionally missed: the verdict tested is the checker's
    from symderive.check import inequality_certificates

    monkeypatch.setattr(inequality_certificates, "CERTIFY_SECONDS", 5.0)
    step = steps_by_line(tmp_path, f"# Bounds\n\n{sentence}\n")[3][0]
    assert step.verdict == verdict, step.reason
    if excess is not None:  # it fails at its counterexample
        value = sp.Rational(Fraction(dict(step.counterexample.values)["x"]))
        assert excess.subs(X, value).evalf(50) > 0


def test_an_inequality_that_no_words_claim_is_a_condition_naming_the_words(tmp_path):
    step = steps_by_line(tmp_path, "# A\n\nConsider $\\sin x \\le 0.99$.\n")[3][0]
    assert step.verdict == "skipped" and "Consider" in step.reason


# -- F4: a law moved to the stated mean must satisfy every statement about the variable ----------

LAW = "# Laws\n\nLet $w$ be a random variable with $E[w] = 0$.{more}\n\nThen {claim}\n"


@pytest.mark.parametrize("more", [
    " Assume $Var(w) = 0$.", " Suppose $E[w^2] = 1$.", " We also assume $E[w^2] \\le 4$.",
    "\n\nAssume moreover $Var(w) = 0$.", " 또한 $Var(w) = 0$ 이라 가정한다.",
])
def test_var_2w_is_not_refuted_on_a_law_that_breaks_a_stated_hypothesis(tmp_path, more):
    steps = steps_by_line(tmp_path, LAW.format(more=more, claim="$Var(2w) = 2 Var(w)$."))
    line = max(steps)
    step = steps[line][0]
    assert step.verdict == "undecided", step.reason
    assert "E[w^2]" in step.reason or "Var(w)" in step.reason  # the hypothesis is named


def test_var_2w_after_the_mean_alone_is_refuted_on_a_law_with_that_mean(tmp_path):
    step = steps_by_line(tmp_path, LAW.format(more="", claim="$Var(2w) = 2 Var(w)$."))[5][0]
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    probabilities = [Fraction(p) for p in values["P(outcome)"].strip("[]").split(",")]
    outcomes = [Fraction(v) for v in values["w"].strip("[]").split(",")]
    assert sum(p * v for p, v in zip(probabilities, outcomes)) == 0


def test_a_claim_false_under_both_hypotheses_is_refuted_on_a_law_satisfying_them(tmp_path):
    text = LAW.format(more=" Assume $Var(w) = 0$.", claim="$Var(2w) = 3 Var(w) + 1$.")
    step = steps_by_line(tmp_path, text)[5][0]
    assert step.verdict == "refuted", step.reason
    values = dict(step.counterexample.values)
    outcomes = {Fraction(v) for v in values["w"].strip("[]").split(",")}
    assert outcomes == {0}  # E[w] = 0 and Var(w) = 0: w is 0


def test_var_2w_is_four_var_w_under_the_same_hypotheses(tmp_path):
    text = LAW.format(more=" Assume $Var(w) = 0$.", claim="$Var(2w) = 4 Var(w)$.")
    assert steps_by_line(tmp_path, text)[5][0].verdict in HOLDS


# -- F5: the cases vary only the names they enumerate --------------------------------------------

CASES = "# Lift\n\nLet $a = 2$. Take $b = 1$ or $b = 5$. {words} $a b + b = {right}$.\n"
CASE_WORDS = ["In both cases", "In each case,", "In every case,", "Either way,", "In all cases,",
              "In either case,"]


@pytest.mark.parametrize("words", CASE_WORDS)
def test_the_fixed_a_keeps_its_value_in_both_cases(tmp_path, words):
    assert verdicts_on(tmp_path, CASES.format(words=words, right="3b"))[3][-1] == "proved"


@pytest.mark.parametrize("words", CASE_WORDS)
def test_a_claim_false_in_a_case_is_refuted_at_that_case(tmp_path, words):
    step = steps_by_line(tmp_path, CASES.format(words=words, right="4b"))[3][-1]
    assert step.verdict == "refuted", step.reason
    values = dict(step.counterexample.values)
    assert values["b"] in ("1", "5") and "a" not in values


def test_a_claim_true_at_both_listed_values_is_not_refuted_elsewhere(tmp_path):
    # (round 17 F11: it holds exactly at b = 1 and at b = 5, so it is proved in each case)
    text = "# Lift\n\nTake $b = 1$ or $b = 5$. In both cases $b^2 + 5 = 6b$.\n"
    step = steps_by_line(tmp_path, text)[3][-1]
    assert step.verdict == "proved" and "each case" in step.reason


def test_case_words_lift_only_what_no_case_names():
    assert lifted("In both cases ") is ALL  # as before, for the caller to narrow
    assert case_lift("In both cases ") == set()
    assert case_lift("For every $x$, in both cases ") == {"x"}
    assert case_lift("In general, ") is None


@pytest.mark.parametrize("words", ["for this choice", "for these values", "for our example",
                                   "with this choice"])
def test_words_for_the_example_keep_its_values(tmp_path, words):
    # "In general … for this choice" writes both readings: which is meant is asked, never
    # refuted (round 19); the words alone tie the claim to the example
    text = f"# Lift\n\nLet $m = 4$. In general, $m q = 4 q$ {words}.\n"
    assert verdicts_on(tmp_path, text)[3][-1] == "undecided"
    text = f"# Lift\n\nLet $m = 4$. Then $m q = 4 q$ {words}.\n"
    assert verdicts_on(tmp_path, text)[3][-1] == "proved"


def test_in_general_alone_still_lifts_the_example(tmp_path):
    text = "# Lift\n\nLet $m = 4$. In general, $m q = 4 q$.\n"
    assert verdicts_on(tmp_path, text)[3][-1] == "refuted"


def test_korean_words_for_this_case_keep_the_example(tmp_path):
    # "in this case, in general": both readings are written, so which is meant is asked (round
    # 19: a claim false in general is proved at the example only among plain words)
    text = "# Lift\n\nLet $m = 4$. 이 경우에 일반적으로 $m q = 4 q$ 이다.\n"
    assert verdicts_on(tmp_path, text)[3][-1] == "undecided"
    text = "# Lift\n\nLet $m = 4$. 이 경우에 $m q = 4 q$ 이다.\n"
    assert verdicts_on(tmp_path, text)[3][-1] == "proved"
    wrong = "# Lift\n\nLet $m = 4$. 이 경우에 $m q = 5 q$ 이다.\n"
    assert verdicts_on(tmp_path, wrong)[3][-1] == "refuted"
