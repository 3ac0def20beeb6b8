"""The bias of an estimator and the data's σ in notes: opaque quantities, refuted only by a pair
of laws they cannot tell apart (symderive.check.invariance, symderive.notes.opaque).

Each refutation is confirmed here independently with exact fractions: law A is read back from
the counterexample, law B is built by the test (A with ξ = ±1 added to the estimator), and
lhs − rhs is recomputed in both with the opaque terms left out: if the rest differs between the
laws, no value of the opaque terms (the same in both) makes the claim hold in both.
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp

from symderive.check.finite import draw_model
from symderive.check.invariance import Opaque, evaluate_pair, invariance_refutation
from symderive.expectation import E, Bias, Var
from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.opaque import sigma_sentence

KOREAN_SIGMA = "아래 식에서 시그마는 원래 데이터에 있던 분산을 의미합니다."
ENGLISH_SIGMA = "Here $\\sigma^2$ is the variance of the noise in the data."


def steps_of(tmp_path, body: str) -> list:
    path = tmp_path / "note.md"
    path.write_text(body, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps]


def only(steps, lhs: str):
    found = [step for step in steps if step.lhs_latex.strip() == lhs]
    assert len(found) == 1, [(s.lhs_latex, s.verdict, s.reason) for s in steps]
    return found[0]


def note(prose: str, *formulas: str) -> str:
    body = "\n\n".join(f"$$\n{formula}\n$$" for formula in formulas)
    return f"# Bias and variance\n\n{prose}\n\n{body}\n"


# -- independent references: fractions, no SymPy -----------------------------------------------
def law_a(counterexample) -> tuple[list, dict]:
    values = dict(counterexample.values)
    probabilities = [Fraction(p) for p in values["P(outcome)"].strip("[]").split(",")]
    columns = {
        name: [Fraction(v) for v in text.strip("[]").split(",")]
        for name, text in values.items()
        if name in ("y_t", r"\hat{y}", r"\hat{\theta}")
    }
    return probabilities, columns


def with_noise(probabilities, columns, estimator):
    """Law B: each outcome split in two, the estimator ± 1, probability halved."""
    halves = [p / 2 for p in probabilities for _ in (1, -1)]
    noised = {
        name: [v + s if name == estimator else v for v in column for s in (1, -1)]
        for name, column in columns.items()
    }
    return halves, noised


def mean(probabilities, columns, function) -> Fraction:
    names = list(columns)
    return sum(
        p * function(**{n.strip("\\{}^").replace("hat{", "hat_"): columns[n][k] for n in names})
        for k, p in enumerate(probabilities)
    )


def variance(probabilities, columns, name) -> Fraction:
    m = sum(p * v for p, v in zip(probabilities, columns[name]))
    return sum(p * (v - m) ** 2 for p, v in zip(probabilities, columns[name]))


# -- the course's step: refuted by the pair --------------------------------------------------
SEED_CHAIN = (
    r"E[(y_t - \hat y)^2] = E[y_t^2 + \hat y ^2 - 2y_t \hat y] \\ = E[y_t^2] + E[\hat y ^2] - "
    r"2E[y_t \hat y] \\ = Var(y_t) + E[y_t]^2 + Var(\hat y) + E[\hat y]^2 - 2y_t E[\hat y] \\ "
    r"= Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2] \\ = \sigma^2 + Var(\hat y) + Bias(\hat y)^2"
)


def test_the_seed_step_that_trades_the_left_side_for_the_squared_bias_is_refuted(tmp_path):
    steps = steps_of(tmp_path, note(KOREAN_SIGMA, SEED_CHAIN))
    step = only(steps, r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
    assert step.verdict == "refuted", step.reason
    assert step.outcome.method == "exact-finite: invariance pair"
    assert "property of the data" in step.reason and "only through E[" in step.reason
    probabilities, columns = law_a(step.counterexample)
    noised_p, noised = with_noise(probabilities, columns, r"\hat{y}")

    def known_part(p, c):  # lhs − rhs without σ² and Bias², which are the same in A and B
        e_sq = sum(q * (a - b) ** 2 for q, a, b in zip(p, c["y_t"], c[r"\hat{y}"]))
        return variance(p, c, "y_t") + variance(p, c, r"\hat{y}") + e_sq - variance(
            p, c, r"\hat{y}")

    separation = known_part(probabilities, columns) - known_part(noised_p, noised)
    assert separation != 0
    assert separation == Fraction(dict(step.counterexample.values)["D_A - D_B"])


def test_the_true_decomposition_is_not_refuted_and_not_proved(tmp_path):
    """With noise on ŷ independent of y_t, both sides grow by exactly 1: nothing separates."""
    prose = ("The target is $y_t = f + \\varepsilon$, where $\\sigma^2$ is the variance of the "
             "noise $\\varepsilon$ in the data.")  # fmt: skip
    decomposition = r"E[(y_t - \hat y)^2] = \sigma^2 + Var(\hat y) + Bias(\hat y)^2"
    steps = steps_of(tmp_path, note(prose, decomposition))
    step = only(steps, r"E[(y_t - \hat y)^2]")
    assert step.verdict == "undecided", step.reason
    assert "never proved or checked" in step.reason
    # y_t random too (alone in Var): the pair of laws is built, and it does not separate
    steps = steps_of(tmp_path, note(KOREAN_SIGMA, r"Var(y_t) = E[y_t^2] - E[y_t]^2",
                                    decomposition))
    step = only(steps, r"E[(y_t - \hat y)^2]")
    assert step.verdict == "undecided" and "do not separate" in step.reason, step.reason


def test_the_pair_leaves_the_true_decomposition_balanced():
    """E[(y − ŷ − ξ)²] = E[(y − ŷ)²] + 1 and Var(ŷ + ξ) = Var(ŷ) + 1: D_A − D_B = 0 exactly."""
    y, yhat, sigma = (sp.Symbol("y_t", real=True), sp.Symbol(r"\hat{y}", real=True),
                      sp.Symbol("sigma"))  # fmt: skip
    lhs, rhs = E((y - yhat) ** 2), sigma**2 + Var(yhat) + Bias(yhat) ** 2
    law = draw_model({y: 0, yhat: 0}, set(), random.Random(5))
    evaluation = evaluate_pair(lhs.xreplace({Bias(yhat): sp.Symbol("b")}),
                               rhs.xreplace({Bias(yhat): sp.Symbol("b")}), law,
                               law.with_noise(yhat))  # fmt: skip
    assert evaluation.separation == 0 and evaluation.d_a != 0
    opaque = (Opaque(sigma, "data"), Opaque(Bias(yhat), "mean only"))
    assert invariance_refutation(lhs, rhs, yhat, opaque, {y: 0, yhat: 0}, set(),
                                 random.Random(5)) is None


def test_squared_bias_is_not_the_variance(tmp_path):
    """Bias(ŷ)² = E[(ŷ − E ŷ)²] is false: the variance grows with the noise, the bias does not."""
    steps = steps_of(tmp_path, note("The bias of a model:",
                                    r"Bias(\hat y)^2 = E[(\hat y - E[\hat y])^2]"))
    step = only(steps, r"Bias(\hat y)^2")
    assert step.verdict == "refuted", step.reason
    probabilities, columns = law_a(step.counterexample)
    noised_p, noised = with_noise(probabilities, columns, r"\hat{y}")
    assert variance(noised_p, noised, r"\hat{y}") - variance(probabilities, columns,
                                                            r"\hat{y}") == 1


def test_the_variance_identity_is_still_proved(tmp_path):
    steps = steps_of(tmp_path, note("The variance:", r"Var(\hat y) = E[\hat y^2] - E[\hat y]^2"))
    assert only(steps, r"Var(\hat y)").verdict == "proved"


def test_sigma_without_a_sentence_is_skipped_as_undefined(tmp_path):
    steps = steps_of(tmp_path, note("We obtain", SEED_CHAIN))
    step = only(steps, r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
    assert step.verdict == "skipped"
    assert "σ is never defined" in step.reason


def test_a_negated_sigma_sentence_does_not_define_it(tmp_path):
    prose = "Note that $\\sigma$ is not the variance of the data here."
    step = only(steps_of(tmp_path, note(prose, SEED_CHAIN)),
                r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
    assert step.verdict == "skipped" and "σ is never defined" in step.reason


def test_english_and_korean_sentences_make_sigma_the_data_s_constant(tmp_path):
    for prose in (KOREAN_SIGMA, ENGLISH_SIGMA, "σ는 데이터의 표준편차입니다.",
                  "where sigma is the standard deviation of the targets"):
        step = only(steps_of(tmp_path, note(prose, SEED_CHAIN)),
                    r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
        assert step.verdict == "refuted", (prose, step.reason)
    lines = ["# A", "", "The learning rate $\\sigma$ is small.", "", "$$x$$"]
    assert sigma_sentence(lines, [1], 5) is None


def test_a_note_that_defines_bias_uses_its_definition(tmp_path):
    body = note(
        "The bias of an estimator:",
        r"\mathrm{Bias}(\hat\theta) = E[\hat\theta] - \theta",
        r"\mathrm{Bias}(\hat\theta)^2 = (E[\hat\theta] - \theta)^2",
        r"\mathrm{Bias}(\hat\theta)^2 = E[\hat\theta]^2 - \theta^2",
    )
    steps = steps_of(tmp_path, body)
    square, wrong = [s for s in steps if s.lhs_latex.strip() == r"\mathrm{Bias}(\hat\theta)^2"]
    assert square.verdict == "proved" and "defined, line" in " ".join(square.used)
    assert wrong.verdict == "refuted" and wrong.outcome.method != "exact-finite: invariance pair"


# -- adversarial: true claims the argument must not refute -------------------------------------
def test_sigma_times_a_law_dependent_quantity_is_not_refuted(tmp_path):
    """σ²·Var(ŷ) changes with the noise by σ²: the opaque symbol does not cancel, σ = 0 fits."""
    steps = steps_of(tmp_path, note(ENGLISH_SIGMA,
                                    r"\sigma^2 Var(\hat y) + Var(y_t) = Bias(\hat y)^2 + Var(y_t)"))
    step = only(steps, r"\sigma^2 Var(\hat y) + Var(y_t)")
    assert step.verdict == "undecided", step.reason


def test_bias_inside_a_nonlinear_function(tmp_path):
    true_claim = r"\exp(Bias(\hat y)) E[y_t] + E[\hat y] = E[y_t \exp(Bias(\hat y))] + E[\hat y]"
    step = only(steps_of(tmp_path, note("A claim:", true_claim)),
                r"\exp(Bias(\hat y)) E[y_t] + E[\hat y]")
    assert step.verdict == "undecided", step.reason
    false_claim = r"\exp(Bias(\hat y)) = Var(\hat y)"
    step = only(steps_of(tmp_path, note("A claim:", false_claim)), r"\exp(Bias(\hat y))")
    assert step.verdict == "refuted", step.reason


def test_bias_of_a_symbol_not_read_as_random_is_not_read(tmp_path):
    step = only(steps_of(tmp_path, note("A claim:", r"Bias(\hat y)^2 = \hat y^2")),
                r"Bias(\hat y)^2")
    assert step.verdict == "skipped" and "not read as a random variable" in step.reason


def test_bias_of_the_data_itself_is_not_refuted(tmp_path):
    """Bias(y_t) with y_t the data and σ² its variance: Var(y_t) = σ² may be exactly what the
    note means, and noise on y_t would change σ: the argument must not be made."""
    claim = r"Var(y_t) + Bias(y_t)^2 + E[\hat y] = \sigma^2 + Bias(y_t)^2 + E[\hat y]"
    step = only(steps_of(tmp_path, note(ENGLISH_SIGMA, claim)),
                r"Var(y_t) + Bias(y_t)^2 + E[\hat y]")
    assert step.verdict == "undecided", step.reason


def test_a_named_estimator_with_structure_is_not_refuted(tmp_path):
    """x̄ (the sample mean) has Var(x̄) = σ²/n: noise on it would break what makes this true."""
    prose = "Let $\\sigma$ be the standard deviation of the data $x$."
    claim = r"E[(\bar x - \mu)^2] + E[\bar x] = \frac{\sigma^2}{n} + Bias(\bar x)^2 + E[\bar x]"
    step = only(steps_of(tmp_path, note(prose, claim)), r"E[(\bar x - \mu)^2] + E[\bar x]")
    assert step.verdict == "undecided", step.reason
    defined = note(prose, r"\hat\mu = \frac{1}{n}\sum_i x_i",
                   r"E[(\hat\mu - \mu)^2] = \frac{\sigma^2}{n} + Bias(\hat\mu)^2")
    step = only(steps_of(tmp_path, defined), r"E[(\hat\mu - \mu)^2]")
    assert step.verdict in ("undecided", "skipped"), step.reason


def test_the_estimator_named_as_the_data_is_not_noised(tmp_path):
    prose = "Here $\\sigma^2$ is the variance of the data $\\hat y$."
    step = only(steps_of(tmp_path, note(prose, SEED_CHAIN)),
                r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
    # a σ sentence that writes the estimator is about the model: σ is not read at all
    assert step.verdict in ("undecided", "skipped") and step.verdict != "refuted", step.reason


def test_an_estimator_called_deterministic_is_not_noised(tmp_path):
    # round 5, C4: "any" lets the noise in, "deterministic" must keep it out
    prose = ("Here $\\sigma^2$ is the variance of the noise in the data. "
             "Here $\\hat y$ is any deterministic prediction.")
    step = only(steps_of(tmp_path, note(prose, SEED_CHAIN)),
                r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
    assert step.verdict != "refuted", step.reason


def test_sigma_said_to_be_the_variance_of_the_predictions_is_not_the_datas(tmp_path):
    # round 5, C16
    prose = "Here $\\sigma^2$ is the variance of the model's predictions on the training data."
    step = only(steps_of(tmp_path, note(prose, SEED_CHAIN)),
                r"Var(y_t) + Var(\hat y) + E[(y_t - \hat y)^2]")
    assert step.verdict != "refuted", step.reason


# -- the pair of laws itself --------------------------------------------------------------------
def test_noise_keeps_the_mean_and_every_other_law_and_adds_one_to_the_variance():
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    law = draw_model({x: 0, y: 0}, set(), random.Random(3))
    noised = law.with_noise(x)
    assert noised.expectation(x) == law.expectation(x)
    assert noised.resolve(Var(x)) == law.resolve(Var(x)) + 1
    for moment in (E(y), E(y**3), Var(y)):
        assert noised.resolve(moment) == law.resolve(moment)


def test_fresh_symbols_that_do_not_cancel_decide_nothing():
    x, s = sp.Symbol(r"\hat{x}", real=True), sp.Symbol("sigma")
    opaque = (Opaque(s, "data"), Opaque(Bias(x), "mean only"))
    spaces = {x: 0}
    assert invariance_refutation(s * Var(x), Bias(x), x, opaque, spaces, set(),
                                 random.Random(1)) is None
    assert invariance_refutation(Var(x) + Bias(x), E(x**2) - E(x)**2 + Bias(x), x, opaque,
                                 spaces, set(), random.Random(1)) is None
    refuted = invariance_refutation(Var(x), Bias(x) ** 2, x, opaque, spaces, set(),
                                    random.Random(1))
    assert refuted is not None and dict(refuted.counterexample.values)["D_A - D_B"] == "-1"


def test_an_estimator_the_prose_describes_is_not_noised(tmp_path):
    """'Let μ̂ be the sample mean': Var(μ̂) = σ²/n is what makes the claim true."""
    prose = ("Let $\\sigma$ be the standard deviation of the data. Let $\\hat\\mu$ be the "
             "sample mean.")  # fmt: skip
    claim = (r"E[(\hat\mu - \mu)^2] + E[\hat\mu] = \frac{\sigma^2}{n} + Bias(\hat\mu)^2 + "
             r"E[\hat\mu]")  # fmt: skip
    step = only(steps_of(tmp_path, note(prose, claim)), r"E[(\hat\mu - \mu)^2] + E[\hat\mu]")
    assert step.verdict == "undecided", step.reason
    arbitrary = prose.replace("be the sample mean", "be any estimator of $\\mu$")
    steps = steps_of(tmp_path, note(arbitrary, r"Bias(\hat\mu)^2 = Var(\hat\mu)"))
    assert only(steps, r"Bias(\hat\mu)^2").verdict == "refuted"


def test_an_undefined_name_that_may_be_a_property_of_the_law_blocks_the_argument(tmp_path):
    """'s² is the variance of ŷ' in words: s would change with the noise, so a claim about it
    (true here) is not refuted; the same with the target θ, which is not written."""
    prose = "Here $s^2$ is the variance of the predictions."
    claim = r"Bias(\hat y)^2 + s^2 + E[\hat y] = E[(\hat y - \theta)^2] + E[\hat y]"
    step = only(steps_of(tmp_path, note(prose, claim)), r"Bias(\hat y)^2 + s^2 + E[\hat y]")
    assert step.verdict == "undecided" and "never defined" in step.reason


def test_a_note_that_gives_bias_its_own_formula_is_not_read_with_the_standard_one(tmp_path):
    """Here Bias(ŷ) := E[ŷ²] (not the standard bias): with the note's meaning the claim below
    holds, so reading the standard bias there would refute a correct step."""
    for head in (r"\operatorname{Bias}(\hat y)", r"Bias(\hat y)"):
        body = note("We write", f"{head} = E[\\hat y^2]",
                    f"{head} = Var(\\hat y) + E[\\hat y]^2")
        steps = [s for s in steps_of(tmp_path, body) if s.rhs_latex.strip().startswith("Var")]
        assert len(steps) == 1 and steps[0].verdict == "skipped", steps
        assert "formula of its own" in steps[0].reason


def test_the_sigma_sentence_is_prose_not_a_formula():
    lines = ["# A", "", r"$$\sigma_{\text{data}} = \text{noise variance}$$", "", "$$x$$"]
    assert sigma_sentence(lines, [1], 5) is None
    lines[2] = "Here $\\sigma$ is the noise variance of the data."
    assert sigma_sentence(lines, [1], 5) == (3, lines[2])
