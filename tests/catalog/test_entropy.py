"""Catalog: entropy — the checker's verdicts, and the notes' numbers computed independently."""

import math
import random
from fractions import Fraction

import pytest

from symderive.catalog import entropy
from tests.catalog.expectations import (
    GENEROUS_BUDGET_SECONDS,
    assert_checks_as_expected,
    catalog_reports,
    entry_id,
    evaluate_steps,
)
from tests.catalog.finite_differences import central_difference
from tests.catalog.random_distributions import random_simplex

reports = catalog_reports(entropy.DERIVATIONS, budget_seconds=GENEROUS_BUDGET_SECONDS)


def shannon_entropy(probabilities) -> float:
    return -sum(p * math.log(p) for p in probabilities)


def neg_log(x: float) -> float:
    return -math.log(x)


@pytest.mark.parametrize("derivation", entropy.DERIVATIONS, ids=entry_id)
def test_every_entry_checks_as_expected(reports, derivation):
    assert_checks_as_expected(derivation, reports[derivation.id])


def test_coin_entropy_is_log_2_which_the_note_gives_as_0_693():
    coin = entropy.COIN_ENTROPY
    assert float(coin.steps[0].expr) == pytest.approx(math.log(2), rel=1e-15)
    assert float(coin.steps[-1].expr) == pytest.approx(shannon_entropy([0.5, 0.5]), rel=1e-15)
    assert round(math.log(2), 3) == 0.693


def test_die_entropy_is_log_6_which_the_note_gives_as_1_79():
    die = entropy.DIE_ENTROPY
    assert float(die.steps[0].expr) == pytest.approx(shannon_entropy([1 / 6] * 6), rel=1e-15)
    assert float(die.steps[-1].expr) == pytest.approx(math.log(6), rel=1e-15)
    assert round(math.log(6), 2) == 1.79
    assert math.log(6) > math.log(2)  # 주사위의 엔트로피 값이 더 높다


def test_urn_with_fifty_red_balls_is_far_more_uncertain_than_with_one():
    one_red = shannon_entropy([1 / 100, 99 / 100])
    half_red = shannon_entropy([50 / 100, 50 / 100])
    urn = entropy.BALL_URN_ENTROPIES
    assert float(urn.steps[-1].expr) == pytest.approx(one_red, rel=1e-13)
    assert float(urn.steps[0].expr) == pytest.approx(half_red, rel=1e-13)
    assert half_red > 10 * one_red  # 후자가 훨씬 크게 나옵니다


def test_entropy_is_the_expected_information_on_random_distributions():
    """H(p) = −Σ p_i log p_i = Σ p_i (−log p_i) ≤ log n: the floats, and every line of the
    catalog's 'entropy-definition' and 'entropy-at-most-log-n' on the same p."""
    rng = random.Random(0)
    for size in (2, 3, 7):
        p = random_simplex(size, rng)
        information = [-math.log(value) for value in p]
        assert shannon_entropy(p) == pytest.approx(sum(a * b for a, b in zip(p, information)))
        assert 0 < shannon_entropy(p) <= math.log(size) + 1e-12
        at = {entropy.n: size, entropy.p: p}
        for line in evaluate_steps(entropy.ENTROPY_DEFINITION, at):
            assert line == pytest.approx(shannon_entropy(p), rel=1e-12)
        *equal, bound = evaluate_steps(entropy.ENTROPY_AT_MOST_LOG_N, at)
        assert equal == pytest.approx([shannon_entropy(p)] * len(equal), rel=1e-12)
        assert bound == pytest.approx(math.log(size), rel=1e-14)
        assert all(line <= bound for line in equal)


def test_cross_entropy_exceeds_entropy_unless_the_distributions_agree():
    """H_p(q) = −Σ q_i log p_i = H(q) + D_KL(q‖p) > H(q) for q ≠ p: the floats, and the lines of
    the catalog's 'cross-entropy-definition' on the same p, q."""
    rng = random.Random(1)
    for size in (2, 4, 6):
        p, q = random_simplex(size, rng), random_simplex(size, rng)
        cross = -sum(qi * math.log(pi) for pi, qi in zip(p, q))
        kl = sum(qi * math.log(qi / pi) for pi, qi in zip(p, q))
        assert cross == pytest.approx(shannon_entropy(q) + kl)
        assert cross > shannon_entropy(q)
        cross_with_itself = -sum(qi * math.log(qi) for qi in q)
        assert cross_with_itself == pytest.approx(shannon_entropy(q))
        at = {entropy.n: size, entropy.p: p, entropy.q: q}
        *equal, least = evaluate_steps(entropy.CROSS_ENTROPY_DEFINITION, at)
        assert equal == pytest.approx([cross] * len(equal), rel=1e-12)
        assert least == pytest.approx(shannon_entropy(q), rel=1e-12)
        assert all(line > least for line in equal)


@pytest.mark.parametrize("x", [0.01, 0.2, 0.5, 0.9, 1.0])
def test_neg_log_falls_as_x_grows_by_finite_differences(x):
    """d/dx(−log x) = −1/x < 0: the catalog's 'neg-log-decreasing' against a central difference."""
    slope = central_difference(neg_log, x)
    assert slope == pytest.approx(-1 / x, rel=1e-6)
    assert slope < 0
    derivative, closed_form, zero = evaluate_steps(entropy.NEG_LOG_DECREASING, {entropy.x: x})
    assert derivative == pytest.approx(slope, rel=1e-6)
    assert closed_form == pytest.approx(slope, rel=1e-6)
    assert closed_form < zero == 0


def test_neg_log_erratum_counterexample_really_disagrees(reports):
    """The note's slope sign +1 against the sign of a finite-difference slope of −log x."""
    step_report = reports["neg-log-increasing-erratum"].steps[0]
    counterexample = step_report.outcome.counterexample
    x = float(Fraction(dict(counterexample.values).get("x", "1/2")))
    slope = central_difference(neg_log, x)
    assert float(counterexample.lhs_value) == math.copysign(1.0, slope) == -1.0
    assert float(counterexample.rhs_value) == 1.0  # the note's "−log x grows"


def test_entropy_term_erratum_counterexample_is_below_one_over_e(reports):
    """At the counterexample p < 1/e the term p(−log p) rises with p, against the note."""
    counterexample = reports["entropy-term-grows-as-p-shrinks-erratum"].steps[0].outcome
    counterexample = counterexample.counterexample
    p = float(Fraction(dict(counterexample.values)["p_i"]))

    def term(value: float) -> float:
        return -value * math.log(value)

    slope = central_difference(term, p, h=1e-7)
    assert p < 1 / math.e
    assert slope > 0
    assert float(counterexample.lhs_value) == 1.0
    assert float(counterexample.rhs_value) == -1.0
    assert term(0.9) < term(0.5)  # the note's claim does hold above 1/e


def test_entropy_is_the_sum_of_the_terms_minus_y_log_y(reports):
    """The prose's "y log y" names the summand; with the definition's minus sign each term
    −y log y is ≥ 0 and their sum is the entropy (a notation, checked as it reads)."""
    assert reports["entropy-sign-erratum"].steps[0].outcome.holds
    y = [0.5, 0.3, 0.2]
    terms = [-value * math.log(value) for value in y]
    assert all(term > 0 for term in terms)
    assert sum(terms) == pytest.approx(shannon_entropy(y))
