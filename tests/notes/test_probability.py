r"""The information-theory vocabulary of notes (H, I, D_KL, CE, p(y | x), E_{x~P}) read on
finite distributions: identities proved, inequalities checked, false claims of the same shape
refuted at a distribution that reproduces, conditions the note states used as conditions,
definitions kept as definitions. The references are independent: entropies computed here with
mpmath from the counterexample's own probabilities."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.info_check import Conditions, Evaluator, decide, make_world
from symderive.notes.info_grammar import InfoNote, NotRead, parse_side
from symderive.notes.probability import conditions_in

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow

NATURAL = InfoNote(log_base_two=False, self_information=True, cross_entropy_h=False, classes_k=True)
ABOUT = "# Entropy\n\nThis note is about entropy and mutual information.\n\n"


def steps_of(tmp_path, body: str, name: str = "note.md") -> list:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps]


def only(steps, lhs: str):
    found = [step for step in steps if step.lhs_latex.strip() == lhs]
    assert len(found) == 1, [(s.lhs_latex, s.verdict) for s in steps]
    return found[0]


# -- independent references --------------------------------------------------------------------
def joint_from(counterexample) -> dict:
    """{(x, y): probability} from the counterexample's 'P(X=1, Y=2)' entries (or, for the
    k-class law of a note, {(i,): p_i} from its 'p_i' entries)."""
    table = {}
    for name, value in counterexample.values:
        if name.startswith("P("):
            key = tuple(int(part.split("=")[1]) for part in name[2:-1].split(", "))
            table[key] = Fraction(value)
        elif name.startswith("p_"):
            table[(int(name[2:]),)] = Fraction(value)
    return table


def entropy(probabilities) -> mpmath.mpf:
    return -mpmath.fsum(mpmath.mpf(p.numerator) / p.denominator
                        * mpmath.log(mpmath.mpf(p.numerator) / p.denominator)
                        for p in probabilities if p)


def marginal(table: dict, axis: int) -> list:
    found: dict = {}
    for key, value in table.items():
        found[key[axis]] = found.get(key[axis], Fraction(0)) + value
    return list(found.values())


# -- the notes channel -----------------------------------------------------------------------------
def test_conditional_entropy_chain_rule_is_proved_and_its_misreading_refuted(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "Using the definitions above we can write\n\n$$H(Y \\mid X) = H(X, Y) - H(X).$$\n\n"
        "Swapping the last term:\n\n$$H(Y \\mid X) = H(X, Y) - H(Y).$$\n"))  # claimed
    # ("A wrong version:" before it disowns it: quoted, tests/notes/test_review_round12_words.py)
    right, wrong = [s for s in steps if s.lhs_latex.strip() == r"H(Y \mid X)"]
    assert right.verdict == "proved"
    assert "conditional entropy" in " ".join(right.readings)
    assert wrong.verdict == "refuted"
    table = joint_from(wrong.counterexample)  # keys (Y, X): the order the step names them
    h_xy, h_y = entropy(table.values()), entropy(marginal(table, 0))
    h_y_given_x = h_xy - entropy(marginal(table, 1))
    assert abs(h_y_given_x - (h_xy - h_y)) > 1e-6  # the counterexample reproduces
    assert abs(float(wrong.counterexample.lhs_value) - float(h_y_given_x)) < 1e-9


def test_joint_entropy_is_additive_only_under_the_independence_the_note_states(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "If $X$ and $Y$ are independent, then $H(X, Y) = H(X) + H(Y)$.\n\n"
        "In general $H(X, Y) \\le H(X) + H(Y)$.\n\n"
        "Wrongly, $H(X, Y) = H(X) + H(Y)$ always.\n"))
    conditional, inequality, general = steps
    assert conditional.verdict == "proved" and "independent" in conditional.reason
    assert inequality.verdict == "checked"
    assert general.verdict in ("refuted", "undecided")
    assert general.verdict != "proved"


def test_a_negated_condition_is_not_used(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "If $X$ and $Y$ are not independent, then $H(X, Y) = H(X) + H(Y)$.\n"))
    assert steps[0].verdict not in ("proved", "checked")


def test_identical_variables_give_the_joint_entropy_of_one(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "When $X = Y$ are the same variable we have $H(X, Y) = H(X)$.\n"))
    assert only(steps, "H(X, Y)").verdict == "proved"


def test_kl_divergence_is_not_symmetric_and_is_nonnegative(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "The KL divergence is defined as\n\n"
        "$$D_{\\mathrm{KL}}(P\\|Q) = E_{x \\sim P} \\left[ \\log \\frac{p(x)}{q(x)} \\right].$$\n\n"
        "It is nonnegative: $D_{\\mathrm{KL}}(P\\|Q) \\geq 0$.\n\n"
        "It is symmetric: $D_{\\mathrm{KL}}(P\\|Q) = D_{\\mathrm{KL}}(Q\\|P)$.\n\n"
        "The cross-entropy is defined as $$\\mathrm{CE}(P, Q) = - E_{x \\sim P} [\\log(q(x))].$$\n\n"
        "It splits: $\\mathrm{CE}(P, Q) = H(P) + D_{\\mathrm{KL}}(P\\|Q)$.\n"))
    definition, positive, symmetric, split = [s for s in steps if s.skip is None
                                              or s.lhs_latex.startswith("D")]
    assert definition.verdict == "skipped" and definition.skip.value == "definition"
    assert positive.verdict == "checked"
    assert symmetric.verdict == "refuted"
    p = [Fraction(v) for n, v in symmetric.counterexample.values if n.startswith("P(")]
    q = [Fraction(v) for n, v in symmetric.counterexample.values if n.startswith("Q(")]

    def kl(a, b):
        return mpmath.fsum(mpmath.mpf(x.numerator) / x.denominator
                           * mpmath.log(mpmath.mpf((x / y).numerator) / (x / y).denominator)
                           for x, y in zip(a, b))

    assert abs(kl(p, q) - kl(q, p)) > 1e-12  # any law where they differ
    assert split.verdict == "proved"


def test_definition_of_conditional_entropy_is_a_definition(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "We now define the conditional entropy $H(Y \\mid X)$ as\n\n"
        "$$H(Y \\mid X) = - E_{(x, y) \\sim P} [\\log p(y \\mid x)].$$\n\n"
        "Concretely, for discrete variables,\n\n"
        "$$H(Y \\mid X) = - \\sum_{x} \\sum_{y} p(x, y) \\log p(y \\mid x).$$\n"))
    definition, discrete = steps
    assert definition.verdict == "skipped" and definition.skip.value == "definition"
    assert discrete.verdict == "proved"


def test_a_note_that_defines_its_own_entropy_is_not_read_with_the_standard_one(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "We define the joint score\n\n"
        "$$H(X, Y) = - \\sum_{x} \\sum_{y} p(x, y) \\log p(x).$$\n\n"
        "Then\n\n$$H(X, Y) = H(X) + H(Y \\mid X).$$\n"))
    claim = steps[-1]
    assert claim.verdict != "proved"  # under the note's own H(X, Y) it does not hold


def test_a_note_not_about_entropy_is_not_read_this_way(tmp_path):
    steps = steps_of(tmp_path, "# Heights\n\nLet the heights be given.\n\n"
                     "$$H(X, Y) = H(X) + H(Y)$$\n")
    assert all(step.verdict != "proved" for step in steps)


def test_self_information_average_and_uniform_bound(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "The self-information of an event is $I(X) = -\\log(p)$.\n\n"
        "We define the entropy $$H(X) = - E_{x \\sim P} [\\log p(x)].$$\n\n"
        "For symbols $s_1, \\ldots, s_k$ with probabilities $p_1, \\ldots, p_k$ the entropy is\n\n"
        "$$H(S) = \\sum_i {p_i \\cdot I(s_i)} = - \\sum_i {p_i \\cdot \\log p_i}.$$\n\n"
        "For a $k$-class distribution $$H(X) \\leq \\log(k).$$\n\n"
        "Hence $$H(X) \\geq \\log(k).$$\n"))  # asserted ("Wrongly," disowns it: round 14a F5)
    assert [s.verdict for s in steps if s.lhs_latex.strip() in ("H(S)", r"\sum_i {p_i \cdot I(s_i)}")] \
        == ["proved", "proved"]
    bound, wrong = [s for s in steps if s.lhs_latex.strip() == "H(X)" and s.relation != "="]
    # true, but what k counts is read from the prose (round 10b C3): no certificate, undecided
    assert bound.verdict == "undecided" and "no certificate" in bound.reason, bound.reason
    assert wrong.verdict == "refuted"


def test_cross_entropy_of_a_distribution_with_itself(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "The cross-entropy *from* $P$ *to* $Q$, denoted $H(P, Q)$, is the expected surprisal.\n"
        "In this case, the cross-entropy from $P$ to $Q$ is $H(P, P)= H(P)$.\n"))
    assert only(steps, "H(P, P)").verdict == "proved"


# -- the reading itself ------------------------------------------------------------------------------
def test_entropies_agree_with_an_independent_computation():
    import random

    world = make_world(("X", "Y"), (2, 3), Conditions(), rng=random.Random(3))
    evaluator = Evaluator(world, NATURAL)
    table = {(a + 1, b + 1): Fraction(int(v.p), int(v.q)) for (a, b), v in world.joint.items()}
    with mpmath.workdps(50):
        _compare(evaluator, table)


def _compare(evaluator, table) -> None:
    joint = entropy(table.values())
    h_x, h_y = entropy(marginal(table, 0)), entropy(marginal(table, 1))
    for latex, expected in (("H(X, Y)", joint), ("H(X)", h_x), ("H(Y)", h_y),
                            (r"H(Y \mid X)", joint - h_x), ("I(X, Y)", h_x + h_y - joint)):
        value = evaluator.value(parse_side(latex, NATURAL)[0], {})
        assert abs(mpmath.mpf(str(value.evalf(40))) - expected) < 1e-25, latex


@pytest.mark.parametrize("latex", [
    r"H(\mathbf{X})", r"p_{\theta}(y \mid x)", r"h_\theta(x)", r"P(y = 1 \mid x)",
    r"\int_x p(x) \log p(x) \; dx", r"p(\text{"'"0010"'"})",
])
def test_what_is_not_the_vocabulary_is_left_alone(latex):
    with pytest.raises(NotRead):
        decide(latex, "0", "=", NATURAL, Conditions(), "")


def test_conflicting_conditions_are_not_used():
    conditions, unread = conditions_in(
        "If $X = Y$ and $X$ and $Y$ are independent, $H(X, Y) = H(X)$.", "H(X, Y) = H(X)")
    assert not conditions.any and unread


def test_where_defines_the_probabilities_and_bits_use_the_notes_base(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "In this section $\\log$ always means base 2.\n\n"
        "We define the entropy $$H(X) = - E_{x \\sim P} [\\log p(x)].$$\n\n"
        "If $X$ is discrete, $H(X) = - \\sum_i p_i \\log p_i \\text{, where } p_i = P(X_i).$\n\n"
        "$$- \\log \\left( \\frac{1}{2^4} \\right) = 4 \\text{ bits}.$$\n\n"
        "$$- \\log \\left( \\frac{1}{2^4} \\right) = 5 \\text{ bits}.$$\n"))
    discrete, where = [s for s in steps if "p_i" in s.lhs_latex + s.rhs_latex]
    assert discrete.verdict == "proved"
    assert where.verdict == "skipped" and where.skip.value == "definition"
    four, five = [s for s in steps if "bits" in s.rhs_latex]
    assert four.verdict == "proved"
    assert five.verdict != "proved"  # not read as bits: left to the general reading


def test_bits_in_a_note_with_natural_logarithms_are_not_read(tmp_path):
    steps = steps_of(tmp_path, ABOUT + "$$- \\log \\left( \\frac{1}{2^4} \\right) = 4 \\text{ bits}.$$\n")
    assert steps[0].verdict != "proved"


def test_a_plain_function_p_is_not_read_as_a_probability(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "Let $p(x) = x^2$ be a polynomial. Then $\\sum_x p(x) = 1$.\n"))
    assert all(step.verdict not in ("proved", "checked") for step in steps)


def test_a_condition_stays_with_its_own_formula(tmp_path):
    """The independence stated for the inline claim is not a condition of the display after it,
    but the sentence leading into a display is."""
    steps = steps_of(tmp_path, ABOUT + (
        "If $X$ and $Y$ are independent, $H(X, Y) = H(X) + H(Y)$.\n\n"
        "$$H(Y \\mid X) = H(X, Y) - H(Y).$$\n\n"
        "If $X$ and $Y$ are independent then\n\n$$H(X, Y) = H(X) + H(Y).$$\n"))
    inline, display_wrong, display_conditional = steps
    assert inline.verdict == "proved"
    assert display_wrong.verdict == "refuted"
    assert "independent" not in display_wrong.reason
    assert "Q(" not in str(display_wrong.counterexample.values)  # Q is not part of this step
    assert display_conditional.verdict == "proved" and "independent" in display_conditional.reason


def test_the_models_prediction_named_is_a_definition(tmp_path):
    """Written first, or after ŷ_i was used (a claim to the general reading), it names ŷ_i."""
    for body in ("We look for the best $\\theta$ such that $\\hat{y}_i= p_{\\theta}(y_i \\mid x_i)$.\n",
                 "Predictions $\\hat{y}_i = 0.5$ first.\n\n"
                 "We look for the best $\\theta$ such that $\\hat{y}_i= p_{\\theta}(y_i \\mid x_i)$.\n"):
        path = tmp_path / "note.md"
        path.write_text(ABOUT + body, encoding="utf-8")
        report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=1))
        equation = [e for e in report.files[0].equations if "p_{" in e.latex][0]
        skips = [equation.skip] if equation.skip else [step.skip for step in equation.steps]
        assert [skip.value for skip in skips] == ["definition"]


def test_a_condition_on_x_and_y_is_not_used_for_other_variables(tmp_path):
    steps = steps_of(tmp_path, ABOUT + (
        "If $X$ and $Y$ are independent, $H(X, Z) = H(X) + H(Z)$.\n"))
    assert steps[0].verdict == "undecided"


# -- round 3: conditions from prose (negations, exceptions, general claims, earlier sentences) ---
NEGATED_CONDITIONS = [
    # C1: "when X and Y are not independent" (Korean 아닐 때)
    ("엔트로피에 대한 노트입니다. $X$와 $Y$가 독립이 아닐 때 $H(X, Y) = H(X) + H(Y)$ 이다.\n",
     "H(X, Y)"),
    # C2: unless / except when / fails when
    ("This note is about entropy. The identity $H(X, Y) = H(X) + H(Y)$ holds unless $X$ and $Y$ "
     "are independent.\n", "H(X, Y)"),
    ("This note is about entropy. Except when $X$ and $Y$ are independent, "
     "$H(X, Y) = H(X) + H(Y)$.\n", "H(X, Y)"),
    ("This note is about entropy. The identity $H(X, Y) = H(X) + H(Y)$ fails when $X$ and $Y$ "
     "are independent.\n", "H(X, Y)"),
    # C3: a non-invertible function
    ("This note is about entropy. When $X$ is a non-invertible function of $Y$, $H(X) = H(Y)$.\n",
     "H(X)"),
    # C4: "It is not true that X = Y"
    ("This note is about entropy. It is not true that $X = Y$, yet $H(X \\mid Y) = 0$.\n",
     "H(X \\mid Y)"),
]


@pytest.mark.parametrize("body, lhs", NEGATED_CONDITIONS)
def test_a_negated_or_excepted_condition_is_never_used_to_prove(tmp_path, body, lhs):
    # each claim is false without its condition and the sentence excludes the condition:
    # not proved (nor checked) under it; at most undecided, since the words name a condition
    step = only(steps_of(tmp_path, "# Note\n\n" + body), lhs)
    assert step.verdict == "undecided", (step.verdict, step.reason)


def test_a_claim_the_sentence_calls_general_takes_no_condition_from_the_other_clause(tmp_path):
    # C4b: "If X, Y independent then I = 0, but for arbitrary X and Y … H(X,Y) = H(X) + H(Y)"
    body = ("# Note\n\nThis note is about entropy and mutual information. If $X$ and $Y$ are "
            "independent then $I(X; Y) = 0$, but for arbitrary $X$ and $Y$ we also have "
            "$H(X, Y) = H(X) + H(Y)$.\n\n"
            "For independent $X$ and $Y$, $I(X; Y) = 0$; in general, $H(X \\mid Y) = H(X)$.\n")
    steps = steps_of(tmp_path, body)
    verdicts = {(s.lhs_latex.strip(), s.verdict) for s in steps}
    assert ("I(X; Y)", "proved") in verdicts  # its own condition, in its own clause
    general = [s for s in steps if s.lhs_latex.strip() in ("H(X, Y)", "H(X \\mid Y)")]
    assert len(general) == 2
    for step in general:  # false in general, as the sentence claims it: refuted, reproducibly
        assert step.verdict == "refuted", (step.lhs_latex, step.verdict, step.reason)
        table = joint_from(step.outcome.counterexample)
        hx, hy, hxy = entropy(marginal(table, 0)), entropy(marginal(table, 1)), entropy(table.values())
        if step.lhs_latex.strip() == "H(X, Y)":
            assert abs(hxy - (hx + hy)) > 1e-6
        else:
            assert abs((hxy - hy) - hx) > 1e-6


def test_a_condition_assumed_in_the_sentence_before_makes_a_refutation_undecided(tmp_path):
    # C17: "Assume X and Y are independent. Then H(X | Y) = H(X)." is true under the assumption
    body = ("# Note\n\nThis note is about entropy. Assume $X$ and $Y$ are independent.\n"
            "Then $H(X \\mid Y) = H(X)$.\n")
    step = only(steps_of(tmp_path, body), "H(X \\mid Y)")
    assert step.verdict == "undecided", (step.verdict, step.reason)


# -- round 3: inequalities must survive an adversary (equality cases, alphabets up to 6) ---------
def _laws_of(counterexample):
    """(joint table, Q) from a counterexample's 'P(X=1, Y=2)' and 'Q(X=1)' entries."""
    table = joint_from(counterexample)
    other = [Fraction(value) for name, value in counterexample.values if name.startswith("Q(")]
    return table, other


def _mp(p: Fraction) -> mpmath.mpf:
    return mpmath.mpf(p.numerator) / p.denominator


STRICT_OR_SMALL = [  # (lhs, relation, rhs, the reference value of lhs - rhs on a law)
    ("I(X; Y)", ">", "0",  # C5: 0 when X, Y independent
     lambda t, q: entropy(marginal(t, 0)) + entropy(marginal(t, 1)) - entropy(t.values())),
    ("H(X)", ">", "0", lambda t, q: entropy(t.values())),  # C5: 0 for a point mass
    ("D_{\\mathrm{KL}}(P \\| Q)", ">", "0",  # C5: 0 when P = Q
     lambda t, q: mpmath.fsum(_mp(p) * mpmath.log(_mp(p) / _mp(r))
                              for p, r in zip(t.values(), q) if p)),
    ("H(X, Y)", "<", "H(X) + H(Y)",  # C5: equal when independent
     lambda t, q: entropy(t.values()) - entropy(marginal(t, 0)) - entropy(marginal(t, 1))),
    ("I(X; Y)", "<=", "\\log 2",  # C6: X = Y uniform on 3 outcomes gives log 3
     lambda t, q: entropy(marginal(t, 0)) + entropy(marginal(t, 1)) - entropy(t.values())
     - mpmath.log(2)),
    ("H(Y \\mid X)", "<=", "\\log 3",  # C6: Y uniform on 4 outcomes
     lambda t, q: entropy(t.values()) - entropy(marginal(t, 0)) - mpmath.log(3)),
    ("H(X, Y)", "<=", "\\log 9",  # C6: uniform on 4×4
     lambda t, q: entropy(t.values()) - mpmath.log(9)),
    ("H(X \\mid Y) + H(Y \\mid X)", ">=", "I(X; Y)",  # C6: X = Y
     lambda t, q: 3 * entropy(t.values()) - 2 * entropy(marginal(t, 0))
     - 2 * entropy(marginal(t, 1))),
    ("\\mathrm{CE}(P, Q)", ">=", "H(Q)",  # C7: P concentrated where Q is large
     lambda t, q: -mpmath.fsum(_mp(p) * mpmath.log(_mp(r)) for p, r in zip(t.values(), q) if p)
     - entropy(q)),
]
HOLDS_REFERENCE = {">": lambda d: d > 1e-12, "<": lambda d: d < -1e-12,
                   "<=": lambda d: d <= 1e-12, ">=": lambda d: d >= -1e-12}


@pytest.mark.parametrize("lhs, relation, rhs, difference", STRICT_OR_SMALL)
def test_a_false_information_inequality_is_refuted_at_a_law_that_reproduces(
        lhs, relation, rhs, difference):
    outcome, _ = decide(lhs, rhs, relation, NATURAL, Conditions(), "")
    assert outcome.verdict == "refuted", (outcome.verdict, outcome.reason)
    table, other = _laws_of(outcome.counterexample)
    assert sum(table.values()) == 1
    assert not HOLDS_REFERENCE[relation](difference(table, other))  # mpmath agrees it fails


@pytest.mark.parametrize("lhs, relation, rhs", [
    ("I(X; Y)", "<=", "\\frac{1}{2}(H(X) + H(Y))"),
    ("H(X \\mid Y) + H(Y \\mid X)", "<=", "H(X, Y)"),
    ("I(X; Y)", ">=", "0"),
    ("D_{\\mathrm{KL}}(P \\| Q)", ">=", "0"),
    ("\\mathrm{CE}(P, Q)", ">=", "H(P)"),
])
def test_true_information_inequalities_are_still_checked_on_every_size_reported(lhs, relation, rhs):
    outcome, _ = decide(lhs, rhs, relation, NATURAL, Conditions(), "")
    assert outcome.verdict == "checked", (outcome.verdict, outcome.reason)
    # C8: the sizes reported are the ones evaluated, up to alphabets of 5 or 6 outcomes
    assert "5×4" in outcome.reason or "sizes: 2, 3, 4, 5, 6" in outcome.reason, outcome.reason


# -- round 3: a note's own nonstandard definition (C16) ------------------------------------------
@pytest.mark.parametrize("body", [
    ("This note is about entropy. We define the conditional entropy as\n\n$$\n"
     "H(Y \\mid X) = \\sum_{x, y} p(x, y) \\log p(y \\mid x)\n$$\n\nWith this definition,\n\n"
     "$$\nH(Y \\mid X) \\le 0\n$$\n\nand\n\n$$\nH(Y \\mid X) = H(X) - H(X, Y)\n$$\n"),
    ("This note is about entropy. We define the entropy with the opposite sign:\n\n$$\n"
     "H(X) = \\sum_x p(x) \\log p(x)\n$$\n\nThen\n\n$$\nH(X) \\le 0\n$$\n"),
    ("This note is about entropy. It is not true that $X = Y$, yet $H(X \\mid Y) = 0$.\n\n"
     "# define colon\n\nThis note is about entropy. We define the conditional entropy:\n\n$$\n"
     "H(Y \\mid X) = \\sum_{x, y} p(x, y) \\log p(y \\mid x)\n$$\n"),
])
def test_a_note_defining_an_operator_otherwise_is_not_read_with_the_standard_one(tmp_path, body):
    # the definition is not judged, and the claims true under it (H(Y|X) ≤ 0, H(X) − H(X,Y))
    # are not refuted with the standard operator: the reading is not the note's
    steps = steps_of(tmp_path, "# Own definition\n\n" + body)
    assert steps and all(step.verdict not in ("proved", "checked", "refuted") for step in steps), \
        [(s.lhs_latex, s.verdict) for s in steps]


# -- round 3: the base of logarithms and H(P, Q) as cross-entropy are read per section (M1, M2) --
def test_a_section_saying_natural_logarithms_is_not_read_in_base_two(tmp_path):
    body = ("# Bits\n\nThis note is about entropy. All logarithms are base 2.\n\n"
            "$$\nH(X) \\le \\log_2 3 + 1\n$$\n\n"
            "# Natural\n\nThis note is about entropy. Logarithms are natural, not base 2.\n\n"
            "$$\nH(X) \\le \\log 3\n$$\n")
    steps = steps_of(tmp_path, body)
    natural = [s for s in steps if s.rhs_latex.strip() == "\\log 3"]
    assert len(natural) == 1
    # with natural logarithms H(X) ≤ log 3 is false at 4 equally likely outcomes (log 4)
    assert natural[0].verdict == "refuted", natural[0].reason
    assert "base 2" not in " ".join(natural[0].readings)
    table = joint_from(natural[0].outcome.counterexample)
    assert entropy(table.values()) > mpmath.log(3)


def test_h_of_two_laws_is_the_cross_entropy_only_where_the_section_says_so(tmp_path):
    body = ("# Cross\n\nThis note is about entropy. The cross-entropy $H(P, Q)$ of two laws "
            "satisfies\n\n$$ H(P, Q) = H(P) + D_{\\mathrm{KL}}(P \\| Q) $$\n\n"
            "# Joint\n\nThe joint entropy of two laws is symmetric:\n\n$$ H(P, Q) = H(Q, P) $$\n")
    steps = steps_of(tmp_path, body)
    split, symmetric = [s for s in steps if s.lhs_latex.strip() == "H(P, Q)"]
    assert split.verdict == "proved"
    assert symmetric.verdict not in ("refuted", "proved", "checked"), symmetric.reason


def test_an_entropy_bound_over_k_classes_is_refuted_where_it_fails_not_checked_on_three(tmp_path):
    # C8: -Σ p_i log p_i ≤ log 3 is false for four equally likely classes (log 4)
    body = ("# Sum bound\n\nThis note is about entropy. For a $k$-class distribution with "
            "probabilities $p_1, \\ldots, p_k$:\n\n$$\n-\\sum_i p_i \\log p_i \\le \\log 3\n$$\n")
    step = only(steps_of(tmp_path, body), "-\\sum_i p_i \\log p_i")
    assert step.verdict == "refuted", (step.verdict, step.reason)
    table = joint_from(step.outcome.counterexample)
    assert entropy(table.values()) > mpmath.log(3)


@pytest.mark.parametrize("lhs, rhs, base_two", [
    ("H(X)", "\\log_2 4 + 1", True),  # 3 bits: false at 9 equally likely outcomes
    ("H(X, Y)", "\\log 10", False),  # false on a 4×4 uniform law (log 16)
])
def test_a_constant_upper_bound_on_an_entropy_is_refuted_past_the_bound(lhs, rhs, base_two):
    note = InfoNote(log_base_two=base_two, self_information=False, cross_entropy_h=False,
                    classes_k=False)
    outcome, _ = decide(lhs, rhs, "<=", note, Conditions(), "")
    assert outcome.verdict == "refuted", (outcome.verdict, outcome.reason)
    table = joint_from(outcome.counterexample)
    value = entropy(table.values()) / (mpmath.log(2) if base_two else 1)
    bound = 3 if base_two else mpmath.log(10)
    assert value > bound


def test_a_constant_bound_beyond_the_alphabets_tried_is_not_checked():
    outcome, _ = decide("H(X)", "\\log 10000", "<=", NATURAL, Conditions(), "")
    assert outcome.verdict == "undecided", outcome.reason


def test_a_constant_bound_within_the_alphabets_tried_is_refuted_one_past_it():
    outcome, _ = decide("H(X)", "\\log 100", "<=", NATURAL, Conditions(), "")
    assert outcome.verdict == "refuted", outcome.reason
    table = joint_from(outcome.counterexample)
    assert entropy(table.values()) > mpmath.log(100)
