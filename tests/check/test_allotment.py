"""The index-value pass shares the worker's CPU budget (symderive.check.allotment): it stops at
half the budget, so the verdict it adds evidence to is still reached, and says where it stopped."""

import time

import sympy as sp

from symderive.check import allotment, check_relation
from symderive.model import Domain, index, simplex


def test_no_budget_known_means_never_over():
    allotment.CPU_SECONDS = None
    assert not allotment.spent_more_than(0.0)


def test_a_spent_share_is_measured_in_cpu_time():
    allotment.CPU_SECONDS = 0.05
    try:
        started = time.process_time()
        while time.process_time() - started < 0.06:
            pass
        assert allotment.spent_more_than(0.5)
        assert not allotment.spent_more_than(1e9)
    finally:
        allotment.CPU_SECONDS = None


def test_the_softmax_gradient_is_checked_within_the_catalogs_budget():
    # ∂/∂o_j of −Σ t_i log softmax(o)_i = softmax(o)_j − t_j: every index value at each size
    # would take more than the 2 s the catalog gives; the pass stops at half of it
    n = sp.Symbol("n", integer=True, positive=True)
    i, j = sp.symbols("i j", integer=True)
    o, t = sp.IndexedBase("o"), sp.IndexedBase("t")
    partition = sp.Sum(sp.exp(o[i]), (i, 1, n))
    loss = -sp.Sum(t[i] * sp.log(sp.exp(o[i]) / partition), (i, 1, n))
    domains = {n: Domain("size"), j: index(1, n), t: simplex("t")}
    outcome = check_relation(sp.Derivative(loss, o[j]), sp.exp(o[j]) / partition - t[j],
                             domains=domains, budget_seconds=2)
    assert outcome.verdict in ("checked", "proved"), outcome.reason
    assert "every combination of the values of j evaluated at (n) = 1" in outcome.reason
