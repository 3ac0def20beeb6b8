"""The deep look at overlapping balls (certified.DEEP_BITS) is bounded by a model of its cost,
never by the clock: a verdict and the digits its reason names are the same on an idle and on a
loaded machine, so serial and parallel reports are identical (the landing CI of 74ecb10 saw
"at 19728 digits" serially and "at 12330 digits" in parallel)."""

import random
import time

import sympy as sp

from symderive.check import certified, decide
from symderive.check.context import CheckContext
from tests.check.test_review_round11_numerics import newton_pi_expr

x = sp.Symbol("x", real=True)


def tanh_claim_reason() -> str:
    outcome = decide.numeric_phase(x * sp.tanh(1000), x, "=", CheckContext(), random.Random(0))
    return f"{outcome.verdict}: {outcome.reason}"


def test_a_slow_clock_changes_nothing(monkeypatch):
    idle = tanh_claim_reason()
    clock = iter(range(0, 10**9, 10))  # every reading of the clock ten seconds later
    monkeypatch.setattr(time, "process_time", lambda: float(next(clock)))
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(clock)))
    assert tanh_claim_reason() == idle


def test_a_small_claim_is_looked_at_to_the_deepest_bits():
    found = certified.compare(sp.tanh(1000), sp.Integer(1), "=", {},
                              deep_bits=certified.DEEP_BITS, deep_cost=certified.DEEP_COST)
    assert found.status == "disagree"  # tanh(1000) - 1 = -2·e^-2000, about 10^-869


def test_a_large_claim_stops_where_its_modelled_cost_would_exceed_the_budget():
    # fifty exponentials of sines: each doubling costs more than a small claim's
    large = sum(sp.exp(sp.sin(k * x)) for k in range(1, 51))
    # T^8(3) - π (Newton's iterates of π) is about -5·10^-7128: 23,700 bits would separate the
    # sides (a saturated tanh no longer hides: its decades count among the constants, round 38)
    hidden = newton_pi_expr(8)
    lhs, rhs = large + hidden, large + sp.pi
    found = certified.compare(lhs, rhs, "=", {x: sp.Rational(1, 3)},
                              deep_bits=certified.DEEP_BITS, deep_cost=certified.DEEP_COST)
    nodes = sum(1 for side in (lhs, rhs) for _ in sp.preorder_traversal(side))
    assert found.status == "agree" and 0 < found.deep_cost <= certified.DEEP_COST
    assert found.examined < certified.DEEP_BITS
    following = found.examined * 2
    assert found.deep_cost + certified.modelled_cost(nodes, following) > certified.DEEP_COST
    # a small claim with the same hidden difference is looked at deep enough to refute it
    assert certified.compare(hidden, sp.pi, "=", {},
                             deep_bits=certified.DEEP_BITS,
                             deep_cost=certified.DEEP_COST).status == "disagree"


def test_a_shared_subexpression_is_priced_once():
    # T^8(3) - π is -5·10^-7128: its tree has about 900 nodes, but the evaluation computes its 25
    # distinct subexpressions once each, and the model must price that, not the tree (12b F1)
    iterate = newton_pi_expr(8)
    assert sum(1 for _ in sp.preorder_traversal(iterate)) > 800
    assert certified._nodes(iterate) < 40
    found = certified.compare(x * iterate, x * sp.pi, "=", {x: sp.Rational(3, 5)},
                              deep_bits=certified.DEEP_BITS, deep_cost=certified.DEEP_COST)
    assert found.status == "disagree"


def test_true_entries_of_a_matrix_do_not_use_up_the_look_at_a_false_one():
    # eleven entries sin²(kx) + cos²(kx) = 1 overlap everywhere; the twelfth, x·tanh(1000) = x,
    # differs by 10^-869·x and is refuted alone — and so in the matrix (round 12b F4)
    from symderive.check import check_relation

    entries = [sp.sin(k * x) ** 2 + sp.cos(k * x) ** 2 for k in range(1, 12)]
    outcome = check_relation(sp.ImmutableMatrix([entries + [x * sp.tanh(1000)]]),
                             sp.ImmutableMatrix([[1] * 11 + [x]]), "=", budget_seconds=20)
    assert outcome.verdict == "refuted"
    assert dict(outcome.counterexample.values)["entry"] == "(1, 12)"


def test_a_matrix_reports_the_depth_every_overlapping_entry_reached():
    # a cheap true entry is looked at to DEEP_BITS; a large entry hiding T^9(3) - π (about
    # 10^-21000, beyond any depth) is priced out earlier: the matrix names the shallower depth
    a_point = {x: sp.Rational(1, 3)}
    cheap = (sp.sin(x) ** 2 + sp.cos(x) ** 2, sp.Integer(1))
    large_sum = sum(sp.exp(sp.sin(k * x)) for k in range(1, 51))
    large = (large_sum + newton_pi_expr(9), large_sum + sp.pi)

    def alone(sides):
        return certified.compare(*sides, "=", a_point, deep_bits=certified.DEEP_BITS,
                                 deep_cost=certified.DEEP_COST)

    both = decide._compare_values(
        sp.Matrix([[cheap[0], large[0]]]), sp.Matrix([[cheap[1], large[1]]]), "=", a_point, (),
        deep_bits=certified.DEEP_BITS, deep_cost=certified.DEEP_COST)
    assert alone(cheap).examined == certified.DEEP_BITS
    assert 0 < alone(large).examined < certified.DEEP_BITS
    assert both.status == "agree" and both.examined == alone(large).examined
